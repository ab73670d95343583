//! Every locale is complete and consistent with en-US.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser::parse;

use super::*;

/// Message ID -> the variables its value uses.
fn messages(locale: Locale) -> BTreeMap<String, BTreeSet<String>> {
    let resource = parse(source(locale))
        .unwrap_or_else(|(_, errors)| panic!("{} has syntax errors: {errors:?}", locale.tag()));
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
            match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    vars.insert(id.name.to_owned());
                }
                Expression::Select { selector, variants } => {
                    if let InlineExpression::VariableReference { id } = selector {
                        vars.insert(id.name.to_owned());
                    }
                    for variant in variants {
                        collect_variables(&variant.value, vars);
                    }
                }
                _ => {}
            }
        }
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
        assert!(missing.is_empty(), "{} lacks {missing:?}", locale.tag());
        assert!(extra.is_empty(), "{} adds {extra:?}", locale.tag());
        for (id, vars) in &source {
            assert_eq!(
                &translated[id],
                vars,
                "{} uses other variables in {id}",
                locale.tag()
            );
        }
    }
}

#[test]
fn every_message_formats_without_errors_in_every_locale() {
    let source = messages(Locale::EnUs);
    for locale in Locale::ALL {
        let bundle = bundle(locale);
        for (id, vars) in &source {
            let message = bundle
                .get_message(id)
                .unwrap_or_else(|| panic!("{id} in {}", locale.tag()));
            let pattern = message.value().expect("every message has a value");
            // Every variable the message uses, numbers where Fluent selects
            // or formats on them.
            let mut args = FluentArgs::new();
            for var in vars {
                match var.as_str() {
                    "count" | "max" | "status" => args.set(var.as_str(), 2),
                    _ => args.set(var.as_str(), "X"),
                }
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{id} in {}: {errors:?}", locale.tag());
            assert!(!text.trim().is_empty(), "{id} in {} is blank", locale.tag());
        }
    }
}

#[test]
fn translations_are_translated() {
    let english = message(Locale::EnUs, id::PC_HEADING);
    for locale in [Locale::ZhCn, Locale::ZhTw, Locale::EsEs] {
        assert_ne!(message(locale, id::PC_HEADING), english, "{}", locale.tag());
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
fn an_unknown_id_shows_the_id_rather_than_nothing() {
    assert_eq!(message(Locale::ZhCn, "no-such-message"), "no-such-message");
}
