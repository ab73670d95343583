//! Every locale is complete and consistent with en-US, and the generated
//! messages read as they should.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser::parse;

use super::*;

mod constructs;
mod reference;

/// The Fluent source of a locale, as build.rs reads it.
fn source(locale: Locale) -> &'static str {
    match locale {
        Locale::EnUs => include_str!("../../../locales/en-US/widget.ftl"),
        Locale::ZhCn => include_str!("../../../locales/zh-CN/widget.ftl"),
        Locale::ZhTw => include_str!("../../../locales/zh-TW/widget.ftl"),
        Locale::EsEs => include_str!("../../../locales/es-ES/widget.ftl"),
    }
}

/// Message ID -> the variables its value uses.
fn messages(locale: Locale) -> BTreeMap<String, BTreeSet<String>> {
    let resource = parse(source(locale))
        .unwrap_or_else(|(_, errors)| panic!("{} has syntax errors: {errors:?}", locale.as_str()));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    collect_variables(value, &mut vars);
                }
                Some((message.id.name.to_owned(), vars))
            }
            _ => None,
        })
        .collect()
}

fn collect_variables(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_in_expression(expression, vars);
        }
    }
}

fn collect_in_expression(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(InlineExpression::VariableReference { id }) => {
            vars.insert(id.name.to_owned());
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            collect_in_expression(expression, vars);
        }
        Expression::Select { selector, variants } => {
            if let InlineExpression::VariableReference { id } = selector {
                vars.insert(id.name.to_owned());
            }
            for variant in variants {
                collect_variables(&variant.value, vars);
            }
        }
        Expression::Inline(_) => {}
    }
}

#[test]
fn every_locale_has_exactly_the_source_messages_and_variables() {
    let source = messages(Locale::EnUs);
    assert!(source.len() > 20, "en-US has its messages");
    for locale in [Locale::ZhCn, Locale::ZhTw, Locale::EsEs] {
        let translated = messages(locale);
        let missing: Vec<_> = source
            .keys()
            .filter(|id| !translated.contains_key(*id))
            .collect();
        let extra: Vec<_> = translated
            .keys()
            .filter(|id| !source.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", locale.as_str());
        assert!(extra.is_empty(), "{} adds {extra:?}", locale.as_str());
        for (id, vars) in &source {
            assert_eq!(
                &translated[id],
                vars,
                "{} uses other variables in {id}",
                locale.as_str()
            );
        }
    }
}

#[test]
fn every_message_of_every_locale_is_compiled_in() {
    for locale in Locale::ALL {
        for name in messages(locale).keys() {
            let id = MessageId::named(name).unwrap_or_else(|| panic!("{name} has a number"));
            let parts = catalog::CATALOG.table(locale).expect("compiled in")[id.index()];
            assert!(!parts.is_empty(), "{name} in {}", locale.as_str());
        }
    }
}

#[test]
fn translations_are_translated() {
    let english = message(Locale::EnUs, id::PC_HEADING);
    for locale in [Locale::ZhCn, Locale::ZhTw, Locale::EsEs] {
        assert_ne!(
            message(locale, id::PC_HEADING),
            english,
            "{}",
            locale.as_str()
        );
    }
    assert!(message(Locale::ZhCn, id::PC_HEADING).contains("合作伙伴中心"));
    assert!(message(Locale::ZhTw, id::PC_HEADING).contains("合作夥伴中心"));
    assert!(message(Locale::EsEs, id::PC_HEADING).contains("Centro de partners"));
}

#[test]
fn arguments_are_placed_as_text_and_isolated() {
    let hostile = "<script>alert(1)</script>\u{202E}";
    let text = format(
        Locale::EnUs,
        id::CONFIG_ERROR_BACKEND_INVALID,
        Some(&args([("value", hostile.into())])),
    );
    assert!(
        text.contains(&format!("\u{2068}{hostile}\u{2069}")),
        "{text}"
    );
}

#[test]
fn a_message_splits_around_a_value_shown_apart() {
    let around =
        |locale| format_around(locale, id::CONFIRM_REFERENCE, Args::default(), "reference");
    assert_eq!(
        around(Locale::EnUs),
        ("Your request's reference is ".to_owned(), ".".to_owned())
    );
    assert_eq!(
        around(Locale::ZhCn),
        ("你的请求编号为 ".to_owned(), "。".to_owned())
    );
    for locale in Locale::ALL {
        let (before, after) = around(locale);
        assert!(
            !after.is_empty(),
            "{}: the reference is placed",
            locale.as_str()
        );
        for part in [before, after] {
            assert!(
                !part.contains(['\u{2068}', '\u{2069}', '\u{E000}']),
                "{part:?}"
            );
        }
    }
    // A message without the variable comes whole, before.
    let (before, after) = format_around(Locale::EnUs, id::PC_HEADING, Args::default(), "reference");
    assert_eq!(
        (before, after),
        (message(Locale::EnUs, id::PC_HEADING), String::new())
    );
}

#[test]
fn counts_choose_the_plural_variant() {
    let seconds = |locale, n: u32| {
        format(
            locale,
            id::SUBMIT_RETRYING_UNREACHED,
            Some(&args([("seconds", n.into())])),
        )
    };
    assert!(seconds(Locale::EnUs, 1).contains("\u{2068}1\u{2069} second\u{2069}…"));
    assert!(seconds(Locale::EnUs, 5).contains("\u{2068}5\u{2069} seconds\u{2069}…"));
    assert!(seconds(Locale::EsEs, 1).contains("\u{2068}1\u{2069} segundo\u{2069}"));
    assert!(seconds(Locale::EsEs, 0).contains("\u{2068}0\u{2069} segundos\u{2069}"));
    assert!(seconds(Locale::ZhCn, 1).contains("\u{2068}1\u{2069} 秒"));
}

#[test]
fn plural_categories_follow_cldr_for_whole_numbers() {
    use pattern::plural_category as category;
    for n in [1, -1] {
        assert_eq!(category(Locale::EnUs, n), "one");
        assert_eq!(category(Locale::EsEs, n), "one");
    }
    for n in [0, 2, 11, 21, 101, 1_000_000] {
        assert_eq!(category(Locale::EnUs, n), "other", "{n}");
    }
    for n in [0, 2, 21, 999_999, 1_000_001, 1_500_000] {
        assert_eq!(category(Locale::EsEs, n), "other", "{n}");
    }
    for n in [1_000_000, 2_000_000, -3_000_000] {
        assert_eq!(category(Locale::EsEs, n), "many", "{n}");
    }
    for locale in [Locale::ZhCn, Locale::ZhTw] {
        for n in [0, 1, 2, 1_000_000] {
            assert_eq!(category(locale, n), "other");
        }
    }
}

#[test]
fn numbers_are_written_as_fluent_writes_them() {
    let status = |n: Value<'static>| {
        format(
            Locale::EnUs,
            id::SUBMIT_ERROR_SERVER,
            Some(&args([("status", n)])),
        )
    };
    assert!(status(503u16.into()).contains("(error \u{2068}503\u{2069})"));
    assert!(status((-7i32).into()).contains("\u{2068}-7\u{2069}"));
    assert!(status(None::<u16>.into()).contains("(error \u{2068}\u{2069})"));
    assert!(status(u64::MAX.into()).contains("9,223,372,036,854,775,807"));
}

#[test]
fn numbers_are_grouped_as_each_locale_groups_them() {
    let too_long = |locale, max: i64| {
        let args = args([("field", "F".into()), ("max", max.into())]);
        format(locale, id::ERROR_TOO_LONG, Some(&args))
    };
    let grouped = |locale, max, written: &str| {
        let text = too_long(locale, max);
        assert!(
            text.contains(&format!("\u{2068}{written}\u{2069}")),
            "{text}"
        );
    };
    grouped(Locale::EnUs, 10_000, "10,000");
    grouped(Locale::EnUs, 1_000, "1,000");
    grouped(Locale::EnUs, 999, "999");
    grouped(Locale::EnUs, -1_234_567, "-1,234,567");
    grouped(Locale::ZhCn, 10_000, "10,000");
    grouped(Locale::ZhTw, 10_000, "10,000");
    // Spanish groups only numbers of five digits and more.
    grouped(Locale::EsEs, 1_000, "1000");
    grouped(Locale::EsEs, 10_000, "10.000");
    grouped(Locale::EsEs, 1_000_000, "1.000.000");
}

#[test]
fn a_missing_argument_shows_its_name() {
    let text = message(Locale::EnUs, id::CONFIRM_REFERENCE);
    assert!(text.contains("\u{2068}{$reference}\u{2069}"), "{text}");
}

#[test]
fn a_message_number_names_its_fluent_id() {
    assert_eq!(id::PC_HEADING.name(), "pc-heading");
    assert_eq!(MessageId::named("pc-heading"), Some(id::PC_HEADING));
    assert_eq!(MessageId::named("no-such-message"), None);
}

#[test]
fn a_fetched_locale_reads_exactly_as_the_compiled_one() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let compiled: Vec<_> = Locale::ALL
        .iter()
        .map(|locale| support_messages::compile_locale(root, locale.as_str()).expect("compiles"))
        .collect();
    let ids = support_messages::message_ids(&compiled);
    assert_eq!(
        ids,
        catalog::IDS,
        "support-messages numbers the messages as build.rs does"
    );
    for (locale, compiled) in Locale::ALL.iter().zip(&compiled).skip(1) {
        let json = support_messages::to_json(compiled, &ids);
        let fetched = fetched::decode(&json, catalog::CATALOG.len()).expect("reads");
        let table = catalog::Catalog {
            en_us: catalog::CATALOG.en_us,
            zh_cn: fetched,
            zh_tw: fetched,
            es_es: fetched,
        };
        for (name, vars) in messages(*locale) {
            let id = MessageId::named(&name).expect("a number");
            for value in [Value::Number(1), Value::Number(5), Value::Text("x".into())] {
                let mut args = Args::default();
                for var in &vars {
                    args.set(var, value.clone());
                }
                assert_eq!(
                    table.format(*locale, id, Some(&args)),
                    format(*locale, id, Some(&args)),
                    "{name} in {}",
                    locale.as_str()
                );
            }
        }
    }
}

#[test]
fn a_locale_file_that_is_not_the_messages_json_is_refused() {
    let len = catalog::CATALOG.len();
    let of_len = |n: usize, item: &str| format!("[{}]", vec![item; n].join(","));
    assert!(fetched::decode(&of_len(len, "[]"), len).is_ok());
    for json in [
        "".to_owned(),
        "{}".to_owned(),
        of_len(len, r#"[{"Bold": "y"}]"#),
        of_len(len, r#""y""#),
        // Another build's messages: one more or one fewer.
        of_len(len + 1, "[]"),
        of_len(len - 1, "[]"),
    ] {
        assert!(fetched::decode(&json, len).is_err(), "{json}");
    }
}

#[test]
fn typed_text_is_echoed_cut_short() {
    assert_eq!(echoed("  contoso "), "contoso");
    let forty = "合".repeat(40);
    assert_eq!(echoed(&forty), forty);
    assert_eq!(echoed(&format!("{forty}作")), format!("{forty}…"));
    let pasted = "lorem ipsum ".repeat(50);
    assert_eq!(echoed(&pasted), "lorem ipsum lorem ipsum lorem ipsum lore…");
    // A cut after a space leaves no space before the ellipsis.
    assert_eq!(
        echoed(&"abcd ".repeat(20)),
        format!("{}abcd…", "abcd ".repeat(7))
    );
}

#[test]
fn a_note_after_words_takes_a_space_unless_it_is_full_width() {
    let link = |locale, title: &str| {
        format!(
            "{title}{}",
            after_words(&message(locale, id::SELF_HELP_NEW_TAB))
        )
    };
    assert_eq!(
        link(Locale::EnUs, "Reset a user's password"),
        "Reset a user's password (opens in a new tab)"
    );
    assert_eq!(
        link(Locale::EsEs, "Restablecer la contraseña"),
        "Restablecer la contraseña (se abre en una pestaña nueva)"
    );
    assert_eq!(
        link(Locale::ZhCn, "重置用户密码"),
        "重置用户密码（在新标签页中打开）"
    );
    assert_eq!(
        link(Locale::ZhTw, "重設使用者密碼"),
        "重設使用者密碼（在新索引標籤中開啟）"
    );
    assert_eq!(after_words("「UTC」"), "「UTC」");
}

#[test]
fn the_standby_words_of_every_locale_are_its_own_messages() {
    for locale in Locale::ALL {
        let language = message(Locale::EnUs, language_name(locale));
        let args = args([("language", language.as_str().into())]);
        let pairs = [
            (Standby::Unavailable, id::MESSAGES_UNAVAILABLE),
            (Standby::Retry, id::LOAD_RETRY),
        ];
        for (which, id) in pairs {
            let standby = standby(locale, which, &args);
            assert!(!standby.is_empty(), "{} {}", locale.as_str(), id.name());
            assert_eq!(
                standby,
                format(locale, id, Some(&args)),
                "{}",
                locale.as_str()
            );
        }
    }
    let args = args([("language", "繁體中文".into())]);
    assert!(standby(Locale::ZhTw, Standby::Unavailable, &args).contains("繁體中文"));
}
