//! The mail's words: `locales/<tag>/mail.ftl`, compiled by the messages
//! crate's resolver (as the widget's are) once, when the first mail is
//! written, and filled in here.

use std::collections::HashMap;
use std::sync::OnceLock;

use support_contract::ContactLanguage;
use support_messages::{Catalog, Key, Piece};

/// Each locale's `mail.ftl`, built into the binary.
const SOURCES: [(ContactLanguage, &str); 4] = [
    (
        ContactLanguage::EnUs,
        include_str!("../../../locales/en-US/mail.ftl"),
    ),
    (
        ContactLanguage::ZhCn,
        include_str!("../../../locales/zh-CN/mail.ftl"),
    ),
    (
        ContactLanguage::ZhTw,
        include_str!("../../../locales/zh-TW/mail.ftl"),
    ),
    (
        ContactLanguage::EsEs,
        include_str!("../../../locales/es-ES/mail.ftl"),
    ),
];

fn catalogs() -> &'static HashMap<ContactLanguage, Catalog> {
    static CATALOGS: OnceLock<HashMap<ContactLanguage, Catalog>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        SOURCES
            .iter()
            .filter_map(|(language, source)| {
                let path = format!("locales/{}/mail.ftl", language.as_str());
                match Catalog::compile(&path, source) {
                    Ok(catalog) => Some((*language, catalog)),
                    Err(error) => {
                        tracing::error!("{error}");
                        None
                    }
                }
            })
            .collect()
    })
}

/// The message `id` in `language` with `args` filled in; en-US where the
/// locale lacks it, the ID itself where en-US does too (a test makes sure
/// none is missing). The isolation marks Fluent puts around each variable
/// are left out: mail clients show some of them as boxes, and every locale
/// here runs left to right.
pub fn message(language: ContactLanguage, id: &str, args: &[(&str, &str)]) -> String {
    let catalogs = catalogs();
    let pieces = [language, ContactLanguage::EnUs]
        .iter()
        .find_map(|language| catalogs.get(language)?.messages.get(id));
    let Some(pieces) = pieces else {
        return id.to_owned();
    };
    let mut out = String::new();
    fill(pieces, args, &mut out);
    out.replace(['\u{2068}', '\u{2069}'], "")
}

fn fill(pieces: &[Piece], args: &[(&str, &str)], out: &mut String) {
    let arg = |name: &str| args.iter().find(|(key, _)| *key == name).map(|(_, v)| *v);
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Var(name) => out.push_str(arg(name).unwrap_or_default()),
            Piece::Select {
                var,
                variants,
                default,
            } => {
                let value = arg(var).unwrap_or_default();
                let chosen = variants
                    .iter()
                    .position(|(key, _)| match key {
                        Key::Name(name) => name == value,
                        Key::Number(number) => value.parse::<i64>() == Ok(*number),
                    })
                    .unwrap_or(*default);
                if let Some((_, pieces)) = variants.get(chosen) {
                    fill(pieces, args, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_compiles_with_the_same_messages() {
        let catalogs = catalogs();
        assert_eq!(catalogs.len(), 4, "a mail.ftl did not compile");
        let english: Vec<&String> = catalogs[&ContactLanguage::EnUs].messages.keys().collect();
        for language in ContactLanguage::ALL {
            let ids: Vec<&String> = catalogs[&language].messages.keys().collect();
            assert_eq!(ids, english, "{}", language.as_str());
            assert!(catalogs[&language].duplicates.is_empty());
        }
    }

    #[test]
    fn variables_and_selections_are_filled_in() {
        let said = message(
            ContactLanguage::EnUs,
            "mail-status-name",
            &[("status", "in_progress")],
        );
        assert_eq!(said, "In progress");
        let said = message(
            ContactLanguage::ZhTw,
            "mail-subject-reply",
            &[("reference", "SR-000001"), ("title", "VM")],
        );
        assert!(said.contains("SR-000001") && said.contains("VM"), "{said}");
        assert!(!said.contains('\u{2068}'));
    }
}
