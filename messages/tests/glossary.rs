//! Every locale says the key terms as `locales/GLOSSARY.md` has them: where
//! an en-US message uses a term of the glossary, the same message in each
//! other locale uses that locale's term.

use std::{fs, path::Path};

use support_messages::{compile_every_locale, Catalog, Piece, FILES, LOCALES};

/// One row of the glossary: each locale's forms, in `LOCALES` order. A
/// locale without forms is not checked.
struct Term {
    forms: Vec<Vec<String>>,
}

impl Term {
    fn english(&self) -> &[String] {
        &self.forms[0]
    }
}

/// The glossary's table: its header names the locales' columns, and each
/// cell's forms are the text between backticks.
fn parse_glossary(markdown: &str) -> Result<Vec<Term>, String> {
    let mut rows = markdown
        .lines()
        .filter(|line| line.trim_start().starts_with('|'))
        .map(|line| {
            let line = line.trim().trim_start_matches('|').trim_end_matches('|');
            line.split('|').map(str::trim).collect::<Vec<_>>()
        });
    let header = rows.next().ok_or("the glossary has no table")?;
    let columns = LOCALES
        .iter()
        .map(|tag| {
            (header.iter().position(|cell| cell == tag))
                .ok_or(format!("the glossary's table has no {tag} column"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let terms: Vec<Term> = rows
        .filter(|cells| {
            !cells
                .iter()
                .all(|cell| cell.chars().all(|c| "-: ".contains(c)))
        })
        .map(|cells| Term {
            forms: (columns.iter())
                .map(|&column| {
                    cells
                        .get(column)
                        .map_or_else(Vec::new, |cell| backticked(cell))
                })
                .collect(),
        })
        .collect();
    match terms.iter().find(|term| term.english().is_empty()) {
        Some(_) => Err("a row of the glossary has no en-US form".into()),
        None => Ok(terms),
    }
}

fn backticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// A message's text in every variant, lowercased; variables left out.
fn text(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Var(_) => out.push(' '),
            Piece::Select { variants, .. } => {
                for (_, pieces) in variants {
                    out.push(' ');
                    out.push_str(&text(pieces));
                }
            }
        }
    }
    out.to_lowercase()
}

/// Each message, in each locale after en-US, that lacks a term its en-US
/// message uses, described. `catalogs` are in `LOCALES` order.
fn departures(terms: &[Term], catalogs: &[Catalog]) -> Vec<String> {
    let mut found = Vec::new();
    for (id, source) in &catalogs[0].messages {
        let source = text(source);
        for term in terms {
            // Longer terms that hold one of this term's forms ("escalation
            // support" for "escalation") are theirs, not this term's.
            let mut english = source.clone();
            for other in terms.iter().filter(|other| !std::ptr::eq(*other, term)) {
                for longer in other.english() {
                    let longer = longer.to_lowercase();
                    if term
                        .english()
                        .iter()
                        .any(|form| longer.contains(&form.to_lowercase()))
                    {
                        english = english.replace(&longer, " ");
                    }
                }
            }
            let Some(said) =
                (term.english().iter()).find(|form| english.contains(&form.to_lowercase()))
            else {
                continue;
            };
            for (index, catalog) in catalogs.iter().enumerate().skip(1) {
                let forms = &term.forms[index];
                let Some(translated) = catalog.messages.get(id) else {
                    continue;
                };
                let translated = text(translated);
                if !forms.is_empty()
                    && !forms
                        .iter()
                        .any(|form| translated.contains(&form.to_lowercase()))
                {
                    found.push(format!(
                        "{} {id}: en-US says “{said}”, so it should say {}",
                        LOCALES[index],
                        forms
                            .iter()
                            .map(|form| format!("“{form}”"))
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn every_locale_uses_the_glossarys_terms() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let glossary =
        fs::read_to_string(root.join("locales/GLOSSARY.md")).expect("locales/GLOSSARY.md");
    let terms = parse_glossary(&glossary).unwrap_or_else(|error| panic!("{error}"));
    assert!(terms.len() >= 10, "the glossary lists its terms");
    let mut found = Vec::new();
    for file in FILES {
        let catalogs = compile_every_locale(&root, file).unwrap_or_else(|error| panic!("{error}"));
        found.extend(
            departures(&terms, &catalogs)
                .into_iter()
                .map(|departure| format!("{file}: {departure}")),
        );
    }
    assert!(
        found.is_empty(),
        "not as locales/GLOSSARY.md has it:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_message_without_its_locales_term_is_found() {
    let glossary = "\
| en-US | zh-CN | zh-TW | es-ES | notes |
|---|---|---|---|---|
| `escalate`, `escalation` | `呈报` (001) | `呈報` | not checked | |
| `escalation support` | `呈报支持` | `呈報支援` | | |
";
    let terms = parse_glossary(glossary).expect("a glossary");
    assert_eq!(terms.len(), 2);
    let catalog = |source: &str| Catalog::compile("test.ftl", source).expect("compiles");
    let catalogs = [
        catalog("a = Escalate it\nb = Escalation support\nc = Nothing"),
        catalog("a = 上报\nb = 呈报支持\nc = 上报"),
        catalog("a = 呈報\nb = 提升支援\nc = 無"),
        catalog("a = Escalar\nb = Soporte\nc = Nada"),
    ];
    assert_eq!(
        departures(&terms, &catalogs),
        [
            "zh-CN a: en-US says “escalate”, so it should say “呈报”",
            "zh-TW b: en-US says “escalation support”, so it should say “呈報支援”",
        ]
    );
}

#[test]
fn a_glossary_without_a_locales_column_is_refused() {
    let glossary = "| en-US | zh-CN | es-ES |\n|---|---|---|\n| `a` | `b` | `c` |\n";
    assert_eq!(
        parse_glossary(glossary).err().as_deref(),
        Some("the glossary's table has no zh-TW column")
    );
}
