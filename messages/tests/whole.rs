//! Every locale stays whole: each of its Fluent files (`FILES`) has exactly
//! en-US's message IDs, each message the same variables as en-US's, and no
//! string holds markup. The widget numbers its messages by ID and leaves a
//! message a locale lacks empty; the mail fills its variables by name and
//! builds an HTML part from the same strings, in which markup would be
//! read as HTML; and both put every string on screen as text.

use std::{collections::BTreeSet, path::Path};

use support_messages::{compile_every_locale, Catalog, Piece, FILES, LOCALES};

/// The variables a message uses, in every variant.
fn variables(pieces: &[Piece], found: &mut BTreeSet<String>) {
    for piece in pieces {
        match piece {
            Piece::Text(_) => {}
            Piece::Var(name) => {
                found.insert(name.clone());
            }
            Piece::Select { var, variants, .. } => {
                found.insert(var.clone());
                for (_, pieces) in variants {
                    variables(pieces, found);
                }
            }
        }
    }
}

/// A message's text in every variant, variables left out.
fn texts<'p>(pieces: &'p [Piece], found: &mut Vec<&'p str>) {
    for piece in pieces {
        match piece {
            Piece::Text(text) => found.push(text),
            Piece::Var(_) => {}
            Piece::Select { variants, .. } => {
                for (_, pieces) in variants {
                    texts(pieces, found);
                }
            }
        }
    }
}

/// The first markup in `text`: an HTML or XML tag (`<b>`, `</a>`,
/// `<br/>`, `<!--`), a character reference (`&amp;`, `&#160;`), or
/// Markdown's emphasis or link (`**`, `__`, `](`).
fn markup(text: &str) -> Option<&str> {
    for (at, c) in text.char_indices() {
        let rest = &text[at..];
        let after = rest[c.len_utf8()..].chars().next();
        let tag = c == '<' && after.is_some_and(|a| a.is_ascii_alphabetic() || "/!?".contains(a));
        let reference = c == '&' && {
            let name = rest[1..].trim_start_matches('#');
            let len = name
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(name.len());
            len > 0 && name[len..].starts_with(';')
        };
        if tag || reference {
            let end = rest.find(['>', ';']).map_or(rest.len(), |end| end + 1);
            return Some(&rest[..end]);
        }
        if ["**", "__", "]("].iter().any(|mark| rest.starts_with(mark)) {
            return Some(&rest[..2]);
        }
    }
    None
}

/// What keeps the locales after en-US from being whole, described.
/// `catalogs` are in `LOCALES` order.
fn departures(catalogs: &[Catalog]) -> Vec<String> {
    let mut found = Vec::new();
    let source = &catalogs[0].messages;
    for (index, catalog) in catalogs.iter().enumerate() {
        let tag = LOCALES[index];
        for id in &catalog.duplicates {
            found.push(format!("{tag} defines {id} more than once"));
        }
        for (id, pieces) in &catalog.messages {
            let mut strings = Vec::new();
            texts(pieces, &mut strings);
            if let Some(markup) = strings.into_iter().find_map(markup) {
                found.push(format!("{tag} {id} holds markup: “{markup}”"));
            }
        }
        if index == 0 {
            continue;
        }
        for id in source
            .keys()
            .filter(|id| !catalog.messages.contains_key(*id))
        {
            found.push(format!("{tag} lacks {id}"));
        }
        for (id, pieces) in &catalog.messages {
            let Some(english) = source.get(id) else {
                found.push(format!("{tag} has {id}, which en-US does not"));
                continue;
            };
            let (mut expected, mut used) = (BTreeSet::new(), BTreeSet::new());
            variables(english, &mut expected);
            variables(pieces, &mut used);
            if used != expected {
                found.push(format!(
                    "{tag} {id} uses {used:?}, where en-US uses {expected:?}"
                ));
            }
        }
    }
    found
}

#[test]
fn every_locale_has_en_uss_messages_and_variables_and_no_markup() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for file in FILES {
        let catalogs = compile_every_locale(&root, file).unwrap_or_else(|error| panic!("{error}"));
        assert!(
            catalogs[0].messages.len() > 20,
            "en-US {file} has its messages"
        );
        found.extend(
            departures(&catalogs)
                .into_iter()
                .map(|departure| format!("{file}: {departure}")),
        );
    }
    assert!(found.is_empty(), "locales not whole:\n{}", found.join("\n"));
}

#[test]
fn a_missing_or_extra_message_another_variable_and_markup_are_found() {
    let catalog = |source: &str| Catalog::compile("test.ftl", source).expect("compiles");
    let catalogs = [
        catalog(
            "a = Hello, { $name }\n\
             b = { $n ->\n    [one] One file\n   *[other] { $n } files\n}\n\
             c = Plain\n\
             d = Gone\n",
        ),
        // Whole: the same messages and variables in other words.
        catalog(
            "a = 你好，{ $name }\n\
             b = { $n ->\n   *[other] { $n } 个文件\n}\n\
             c = 纯文本\n\
             d = 没了\n",
        ),
        // Lacks d, adds e, names another variable, and marks text up.
        catalog("a = 您好，{ $user }\nb = { $n } 個檔案\nc = <b>純</b>文字\ne = 多餘\n"),
        // A variable dropped; markup in a variant; a character reference.
        catalog(
            "a = Hola\n\
             b = { $n ->\n    [one] Un **archivo**\n   *[other] { $n } archivos\n}\n\
             c = Texto&nbsp;plano\n\
             d = Ya no\n",
        ),
    ];
    assert_eq!(
        departures(&catalogs),
        [
            "zh-TW c holds markup: “<b>”",
            "zh-TW lacks d",
            "zh-TW a uses {\"user\"}, where en-US uses {\"name\"}",
            "zh-TW has e, which en-US does not",
            "es-ES b holds markup: “**”",
            "es-ES c holds markup: “&nbsp;”",
            "es-ES a uses {}, where en-US uses {\"name\"}",
        ]
    );
}

#[test]
fn text_that_only_looks_like_markup_is_not() {
    for text in [
        "1 < 2 and 3 > 2",
        "A & B",
        "Fish & chips; peas",
        "x_y",
        "a * b",
        "[SR-000001] Status",
        "（在新标签页中打开）",
    ] {
        assert_eq!(markup(text), None, "{text}");
    }
    for (text, found) in [
        ("Click <a href=x>here</a>", "<a href=x>"),
        ("Line<br/>break", "<br/>"),
        ("</p>", "</p>"),
        ("<!-- note -->", "<!-- note -->"),
        ("&#160;", "&#160;"),
        ("[here](https://example.com)", "]("),
        ("__bold__", "__"),
    ] {
        assert_eq!(markup(text), Some(found), "{text}");
    }
}
