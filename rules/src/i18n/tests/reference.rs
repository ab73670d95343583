//! The generated messages against fluent-bundle, the runtime they replace:
//! every message of every locale, with sample arguments. Any difference
//! fails.

use std::collections::BTreeSet;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast::VariantKey;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::{messages, source};
use crate::i18n::pattern::plural_category;
use crate::i18n::{Args, MessageId, Value};
use crate::locale::Locale;

/// What `i18n::format` did with fluent-bundle, word for word.
pub struct Reference(Vec<(Locale, FluentBundle<FluentResource>)>);

impl Reference {
    pub fn new(sources: &[(Locale, &str)]) -> Reference {
        let bundles = sources.iter().map(|(locale, source)| {
            let mut bundle = FluentBundle::new(vec![locale.as_str().parse().expect("a tag")]);
            bundle.set_use_isolating(true);
            // Numbers grouped as Fluent's Intl-backed formatting groups
            // them, which fluent-bundle without intl leaves to the caller.
            bundle.set_formatter(Some(match locale {
                Locale::EsEs => grouped_in_spanish,
                _ => grouped_by_commas,
            }));
            let resource = FluentResource::try_new(source.to_string())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", locale.as_str()));
            bundle.add_resource_overriding(resource);
            (*locale, bundle)
        });
        Reference(bundles.collect())
    }

    fn bundle(&self, locale: Locale) -> &FluentBundle<FluentResource> {
        let found = self.0.iter().find(|(l, _)| *l == locale);
        &found.expect("a bundle for every locale").1
    }

    fn format(&self, locale: Locale, id: &str, args: Option<&FluentArgs>) -> String {
        let bundle = self.bundle(locale);
        let formatted = bundle
            .get_message(id)
            .and_then(|m| m.value())
            .map(|pattern| {
                let mut errors = Vec::new();
                bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned()
            });
        match formatted {
            Some(text) => text,
            None if locale != Locale::EnUs => self.format(Locale::EnUs, id, args),
            None => String::new(),
        }
    }
}

fn grouped_by_commas<M>(value: &FluentValue, _: &M) -> Option<String> {
    grouped(value, ",", 4)
}

fn grouped_in_spanish<M>(value: &FluentValue, _: &M) -> Option<String> {
    grouped(value, ".", 5)
}

/// A whole number's digits in threes from the right, once it has at least
/// `shortest` of them; other values as fluent-bundle writes them.
fn grouped(value: &FluentValue, separator: &str, shortest: usize) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let digits = format!("{}", number.value.abs());
    if number.value.fract() != 0.0 || digits.len() < shortest {
        // As fluent-bundle writes it (a literal keeps its own digits).
        return None;
    }
    let bytes = digits.as_bytes();
    let mut groups: Vec<&str> = bytes
        .rchunks(3)
        .map(|chunk| std::str::from_utf8(chunk).expect("digits"))
        .collect();
    groups.reverse();
    let sign = if number.value < 0.0 { "-" } else { "" };
    Some(format!("{sign}{}", groups.join(separator)))
}

/// Values a variable is given in the comparisons; `None` leaves it unset.
const SAMPLES: [Option<Sample>; 13] = [
    None,
    Some(Sample::Nothing),
    Some(Sample::Text("X")),
    Some(Sample::Text("")),
    Some(Sample::Text("one")),
    Some(Sample::Text("<b>\u{202E}אב\u{2069}</b>")),
    Some(Sample::Number(0)),
    Some(Sample::Number(1)),
    Some(Sample::Number(2)),
    Some(Sample::Number(21)),
    Some(Sample::Number(-1)),
    Some(Sample::Number(1_000_000)),
    Some(Sample::Number(9_007_199_254_740_992)),
];

#[derive(Clone, Copy, Debug)]
enum Sample {
    Text(&'static str),
    Number(i64),
    Nothing,
}

/// The same arguments for both: every combination of samples for up to two
/// variables, the samples in step for more.
fn argument_sets(vars: &BTreeSet<String>) -> Vec<Vec<(&str, Sample)>> {
    let vars: Vec<&str> = vars.iter().map(String::as_str).collect();
    let pick = |choice: &[usize]| {
        let set = vars
            .iter()
            .zip(choice)
            .filter_map(|(var, &i)| Some((*var, SAMPLES[i]?)));
        set.collect::<Vec<_>>()
    };
    let n = SAMPLES.len();
    match vars.len() {
        0 => vec![vec![]],
        1 => (0..n).map(|i| pick(&[i])).collect(),
        2 => (0..n * n).map(|i| pick(&[i / n, i % n])).collect(),
        _ => (0..n).map(|i| pick(&vec![i; vars.len()])).collect(),
    }
}

fn ours<'a>(set: &[(&'a str, Sample)]) -> Args<'a> {
    let mut args = Args::default();
    for (name, sample) in set {
        match sample {
            Sample::Text(text) => args.set(name, *text),
            Sample::Number(n) => args.set(name, *n),
            Sample::Nothing => args.set(name, Value::None),
        }
    }
    args
}

fn theirs<'a>(set: &[(&'a str, Sample)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, sample) in set {
        match sample {
            Sample::Text(text) => args.set(*name, *text),
            Sample::Number(n) => args.set(*name, *n),
            Sample::Nothing => args.set(*name, FluentValue::None),
        }
    }
    args
}

/// Compares `format` with the reference for every ID in every locale,
/// without arguments and with every argument set, the ID numbered by
/// `named`; an ID without a number (an unknown one, one without a value)
/// must be one the reference has no text for either. Spanish
/// millions are `many` in CLDR 42 and later but `other` in the plural rules
/// fluent-bundle 0.16 carries: where a Spanish message has a `[many]`
/// variant, those numbers are left to `spanish_millions_choose_many`.
pub fn assert_same(
    format: impl Fn(Locale, MessageId, Option<&Args>) -> String,
    named: impl Fn(&str) -> Option<MessageId>,
    reference: &Reference,
    sources: &[(Locale, &str)],
) -> usize {
    let mut vars = std::collections::BTreeMap::<String, BTreeSet<String>>::new();
    let mut has_many = BTreeSet::new();
    for (locale, source) in sources {
        for (id, pattern) in values(source) {
            collect_vars(pattern, vars.entry(id.to_owned()).or_default());
            if *locale == Locale::EsEs && has_variant(pattern, "many") {
                has_many.insert(id.to_owned());
            }
        }
    }
    vars.entry("no-such-message".into()).or_default();
    let mut compared = 0;
    for (id, vars) in &vars {
        let Some(number) = named(id) else {
            // No locale gives it a value, so it has no number and no code
            // can name it.
            for locale in Locale::ALL {
                assert_eq!(reference.format(locale, id, None), "", "{id}");
            }
            continue;
        };
        for locale in Locale::ALL {
            assert_eq!(
                format(locale, number, None),
                reference.format(locale, id, None),
                "{id}"
            );
            for set in argument_sets(vars) {
                let millions = set.iter().any(|(_, s)| {
                    matches!(s, Sample::Number(n) if plural_category(Locale::EsEs, *n) == "many")
                });
                if locale == Locale::EsEs && millions && has_many.contains(id) {
                    continue;
                }
                let (ours, theirs) = (ours(&set), theirs(&set));
                assert_eq!(
                    format(locale, number, Some(&ours)),
                    reference.format(locale, id, Some(&theirs)),
                    "{id} in {} with {set:?}",
                    locale.as_str()
                );
                compared += 1;
            }
        }
    }
    compared
}

fn values(source: &str) -> Vec<(&str, &Pattern<&str>)> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let values = resource.body.into_iter().filter_map(|entry| match entry {
        Entry::Message(message) => Some((message.id.name, message.value?)),
        _ => None,
    });
    values
        .map(|(id, value)| (id, &*Box::leak(Box::new(value))))
        .collect()
}

fn collect_vars(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        let PatternElement::Placeable { expression } = element else {
            continue;
        };
        walk(expression, &mut |inline| {
            if let InlineExpression::VariableReference { id } = inline {
                vars.insert(id.name.to_owned());
            }
        });
        if let Expression::Select { variants, .. } = expression {
            for variant in variants {
                collect_vars(&variant.value, vars);
            }
        }
    }
}

fn walk<'s>(expression: &Expression<&'s str>, visit: &mut impl FnMut(&InlineExpression<&'s str>)) {
    match expression {
        Expression::Inline(InlineExpression::Placeable { expression }) => walk(expression, visit),
        Expression::Inline(inline) => visit(inline),
        Expression::Select { selector, .. } => visit(selector),
    }
}

fn has_variant(pattern: &Pattern<&str>, key: &str) -> bool {
    pattern.elements.iter().any(|element| match element {
        PatternElement::Placeable {
            expression: Expression::Select { variants, .. },
        } => variants.iter().any(|variant| {
            matches!(variant.key, VariantKey::Identifier { name } if name == key)
                || has_variant(&variant.value, key)
        }),
        _ => false,
    })
}

fn real_sources() -> Vec<(Locale, &'static str)> {
    Locale::ALL.iter().map(|l| (*l, source(*l))).collect()
}

#[test]
fn every_message_formats_as_fluent_bundle_formats_it() {
    let sources = real_sources();
    let compared = assert_same(
        crate::i18n::format,
        MessageId::named,
        &Reference::new(&sources),
        &sources,
    );
    assert!(compared > 4 * 100, "{compared} comparisons");
}

#[test]
fn every_message_formats_without_errors_in_every_locale() {
    let reference = Reference::new(&real_sources());
    for (id, vars) in messages(Locale::EnUs) {
        for locale in Locale::ALL {
            let bundle = reference.bundle(locale);
            let message = bundle.get_message(&id);
            let pattern = message.and_then(|m| m.value());
            let pattern = pattern.unwrap_or_else(|| panic!("{id} in {}", locale.as_str()));
            // Numbers where Fluent selects or formats on them.
            let mut args = FluentArgs::new();
            for var in &vars {
                match var.as_str() {
                    "count" | "max" | "status" | "seconds" => args.set(var.as_str(), 2),
                    _ => args.set(var.as_str(), "X"),
                }
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{id} in {}: {errors:?}", locale.as_str());
            assert!(
                !text.trim().is_empty(),
                "{id} in {} is blank",
                locale.as_str()
            );
        }
    }
}
