//! One Fluent file to resolved patterns, following fluent-bundle's resolver
//! with `use_isolating` on: a placeable in a pattern of more than one element
//! is wrapped in FSI (U+2068) and PDI (U+2069), except message and term
//! references and string literals. The isolation marks, string and number
//! literals, and referenced messages and terms are resolved here, so the
//! widget is left with text, variables and selections.

use std::{
    collections::{BTreeMap, HashMap},
    fmt,
};

use fluent_syntax::{
    ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey},
    parser::{self, ParserError},
    unicode::unescape_unicode_to_string,
};
use serde::Serialize;

/// A part of a resolved pattern; becomes `i18n::pattern::Part`. Serialized
/// as the widget reads a fetched locale (`i18n::fetched`).
#[derive(Debug, PartialEq, Serialize)]
pub enum Piece {
    Text(String),
    Var(String),
    Select {
        var: String,
        variants: Vec<(Key, Vec<Piece>)>,
        default: usize,
    },
}

/// A variant's key; becomes `i18n::pattern::Key`.
#[derive(Debug, PartialEq, Serialize)]
pub enum Key {
    Name(String),
    Number(i64),
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Key::Name(name) => write!(f, "Key::Name({name:?})"),
            Key::Number(number) => write!(f, "Key::Number({number})"),
        }
    }
}

pub struct Catalog {
    /// Messages with a value, resolved.
    pub messages: BTreeMap<String, Vec<Piece>>,
    /// IDs defined more than once (the last definition wins, as in Fluent).
    pub duplicates: Vec<String>,
}

type Patterns<'s> = HashMap<&'s str, Option<&'s Pattern<&'s str>>>;

impl Catalog {
    pub fn compile(path: &str, source: &str) -> Result<Catalog, String> {
        let resource = parser::parse(source).map_err(|(_, errors)| {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| syntax_error(path, source, e))
                .collect();
            lines.join("\n")
        })?;
        let mut duplicates = Vec::new();
        let mut messages: Patterns = HashMap::new();
        let mut terms: Patterns = HashMap::new();
        for entry in &resource.body {
            match entry {
                Entry::Message(message) => {
                    let id = message.id.name;
                    if messages.insert(id, message.value.as_ref()).is_some() {
                        duplicates.push(id.to_owned());
                    }
                }
                Entry::Term(term) => {
                    let replaced = terms.insert(term.id.name, Some(&term.value));
                    if replaced.is_some() {
                        duplicates.push(format!("-{}", term.id.name));
                    }
                }
                _ => {}
            }
        }
        let resolver = Resolver {
            messages: &messages,
            terms: &terms,
        };
        let mut compiled = BTreeMap::new();
        for (id, value) in &messages {
            let Some(pattern) = value else { continue };
            let mut scope = Scope {
                travelled: vec![id.to_string()],
                in_term: false,
            };
            let mut parts = Vec::new();
            resolver
                .pattern(pattern, &mut scope, &mut parts)
                .map_err(|what| format!("{path}: message {id}: {what} is not supported"))?;
            if parts.is_empty() {
                parts.push(Piece::Text(String::new()));
            }
            compiled.insert(id.to_string(), parts);
        }
        Ok(Catalog {
            messages: compiled,
            duplicates,
        })
    }
}

/// `path:line: what (in `the entry's first line`)`, the line being where the
/// broken entry starts.
fn syntax_error(path: &str, source: &str, error: &ParserError) -> String {
    let slice = error
        .slice
        .as_ref()
        .map_or(error.pos.start, |slice| slice.start);
    let start = slice + (source[slice..].len() - source[slice..].trim_start().len());
    let line = source[..start].matches('\n').count() + 1;
    let entry = source[start..].lines().next().unwrap_or_default();
    format!("{path}:{line}: {error} (in `{entry}`)")
}

struct Resolver<'r, 's> {
    messages: &'r Patterns<'s>,
    terms: &'r Patterns<'s>,
}

struct Scope {
    /// Messages (`id`) and terms (`-id`) being resolved, to stop cycles.
    travelled: Vec<String>,
    /// Inside a term, which this subset calls without arguments: its
    /// variables are unset, as fluent-bundle's local arguments are empty.
    in_term: bool,
}

/// What is not supported, for the build error.
type Unsupported = String;

impl<'s> Resolver<'_, 's> {
    fn pattern(
        &self,
        pattern: &Pattern<&'s str>,
        scope: &mut Scope,
        out: &mut Vec<Piece>,
    ) -> Result<(), Unsupported> {
        let isolating = pattern.elements.len() > 1;
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => text(out, value),
                PatternElement::Placeable { expression } => {
                    let isolate = isolating
                        && !matches!(
                            expression,
                            Expression::Inline(
                                InlineExpression::MessageReference { .. }
                                    | InlineExpression::TermReference { .. }
                                    | InlineExpression::StringLiteral { .. }
                            )
                        );
                    if isolate {
                        text(out, "\u{2068}");
                    }
                    self.expression(expression, scope, out)?;
                    if isolate {
                        text(out, "\u{2069}");
                    }
                }
            }
        }
        Ok(())
    }

    fn expression(
        &self,
        expression: &Expression<&'s str>,
        scope: &mut Scope,
        out: &mut Vec<Piece>,
    ) -> Result<(), Unsupported> {
        let (selector, variants) = match expression {
            Expression::Inline(inline) => return self.inline(inline, scope, out),
            Expression::Select { selector, variants } => (selector, variants),
        };
        let InlineExpression::VariableReference { id } = selector else {
            return Err("a selector other than a variable".into());
        };
        let default = variants
            .iter()
            .position(|variant| variant.default)
            .ok_or("a selection without a default variant")?;
        if scope.in_term {
            // An unset selector picks the default variant.
            return self.pattern(&variants[default].value, scope, out);
        }
        let mut resolved = Vec::new();
        for variant in variants {
            let key = match variant.key {
                VariantKey::Identifier { name } => Key::Name(name.to_owned()),
                VariantKey::NumberLiteral { value } => Key::Number(
                    value
                        .parse()
                        .map_err(|_| format!("the variant key [{value}] (only whole numbers)"))?,
                ),
            };
            let mut parts = Vec::new();
            self.pattern(&variant.value, scope, &mut parts)?;
            resolved.push((key, parts));
        }
        out.push(Piece::Select {
            var: id.name.to_owned(),
            variants: resolved,
            default,
        });
        Ok(())
    }

    fn inline(
        &self,
        inline: &InlineExpression<&'s str>,
        scope: &mut Scope,
        out: &mut Vec<Piece>,
    ) -> Result<(), Unsupported> {
        match inline {
            InlineExpression::StringLiteral { value } => {
                text(out, &unescape_unicode_to_string(value));
            }
            InlineExpression::NumberLiteral { value } => text(out, &number_literal(value)?),
            InlineExpression::VariableReference { id } if scope.in_term => {
                text(out, &format!("{{${}}}", id.name));
            }
            InlineExpression::VariableReference { id } => out.push(Piece::Var(id.name.to_owned())),
            InlineExpression::MessageReference {
                id,
                attribute: None,
            } => self.reference(self.messages, id.name.to_owned(), id.name, scope, out)?,
            InlineExpression::TermReference {
                id,
                attribute: None,
                arguments: None,
            } => {
                let in_term = std::mem::replace(&mut scope.in_term, true);
                self.reference(self.terms, format!("-{}", id.name), id.name, scope, out)?;
                scope.in_term = in_term;
            }
            InlineExpression::MessageReference { .. } => {
                return Err("an attribute reference".into())
            }
            InlineExpression::TermReference { .. } => {
                return Err("a term reference with arguments or an attribute".into())
            }
            InlineExpression::FunctionReference { id, .. } => {
                return Err(format!("the function {}()", id.name))
            }
            InlineExpression::Placeable { expression } => {
                self.expression(expression, scope, out)?
            }
        }
        Ok(())
    }

    /// A message or term inlined where it is referenced. Like fluent-bundle,
    /// a missing one or a cycle shows as `{id}`.
    fn reference(
        &self,
        entries: &Patterns<'s>,
        shown: String,
        id: &str,
        scope: &mut Scope,
        out: &mut Vec<Piece>,
    ) -> Result<(), Unsupported> {
        match entries.get(id).copied().flatten() {
            Some(pattern) if !scope.travelled.contains(&shown) => {
                scope.travelled.push(shown);
                self.pattern(pattern, scope, out)?;
                scope.travelled.pop();
            }
            _ => text(out, &format!("{{{shown}}}")),
        }
        Ok(())
    }
}

/// Appends text, joining it to the text before.
fn text(out: &mut Vec<Piece>, value: &str) {
    if let Some(Piece::Text(last)) = out.last_mut() {
        last.push_str(value);
    } else {
        out.push(Piece::Text(value.to_owned()));
    }
}

/// A number literal as fluent-bundle writes it: the number, with as many
/// fraction digits as the literal has.
fn number_literal(literal: &str) -> Result<String, Unsupported> {
    let value: f64 = literal
        .parse()
        .map_err(|_| format!("the number literal {literal}"))?;
    let mut written = value.to_string();
    if let Some(digits) = literal.find('.').map(|dot| literal.len() - dot - 1) {
        let have = written.find('.').map_or(0, |dot| written.len() - dot - 1);
        if have == 0 && !written.contains('.') {
            written.push('.');
        }
        written.push_str(&"0".repeat(digits.saturating_sub(have)));
    }
    Ok(written)
}
