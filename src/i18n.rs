//! The widget's messages, from the Fluent files in `locales/`.
//!
//! ```
//! use support_widget::{i18n::{self, id}, locale::Locale};
//!
//! assert_eq!(i18n::message(Locale::EsEs, id::SUBMIT_BUTTON), "Enviar");
//! ```

use std::{cell::RefCell, collections::HashMap};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use crate::locale::Locale;

/// Message IDs as constants, generated from the en-US messages by build.rs:
/// a misspelt or removed ID is a compile error, not a blank label.
pub mod id {
    include!(concat!(env!("OUT_DIR"), "/message_ids.rs"));
}

/// The Fluent source of a locale, compiled into the widget.
pub fn source(locale: Locale) -> &'static str {
    match locale {
        Locale::EnUs => include_str!("../locales/en-US/widget.ftl"),
        Locale::ZhCn => include_str!("../locales/zh-CN/widget.ftl"),
        Locale::ZhTw => include_str!("../locales/zh-TW/widget.ftl"),
        Locale::EsEs => include_str!("../locales/es-ES/widget.ftl"),
    }
}

type Bundle = FluentBundle<FluentResource>;

thread_local! {
    static BUNDLES: RefCell<HashMap<Locale, Bundle>> = RefCell::new(HashMap::new());
}

fn bundle(locale: Locale) -> Bundle {
    let langid = locale.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![langid]);
    // Placeables hold user input and backend text (a backend address, a
    // reference): isolating them keeps right-to-left or bidi-override
    // characters inside from reordering the sentence around them.
    bundle.set_use_isolating(true);
    // A syntax error in a translation drops only the broken message; the
    // tests in this module make sure there are none.
    let resource = match FluentResource::try_new(source(locale).to_owned()) {
        Ok(resource) => resource,
        Err((resource, _errors)) => resource,
    };
    bundle.add_resource_overriding(resource);
    bundle
}

/// Formats a message with arguments. A message missing from a translation
/// falls back to en-US, and a message missing everywhere shows its ID, so the
/// user never sees an empty label.
pub fn format(locale: Locale, id: &str, args: Option<&FluentArgs>) -> String {
    let formatted = BUNDLES.with(|bundles| {
        let mut bundles = bundles.borrow_mut();
        let bundle = bundles.entry(locale).or_insert_with(|| bundle(locale));
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    });
    match formatted {
        Some(text) => text,
        None if locale != Locale::EnUs => format(Locale::EnUs, id, args),
        None => id.to_owned(),
    }
}

/// A message without arguments.
pub fn message(locale: Locale, id: &str) -> String {
    format(locale, id, None)
}

/// Builds Fluent arguments from name and value pairs.
pub fn args<'a, const N: usize>(pairs: [(&'a str, FluentValue<'a>); N]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in pairs {
        args.set(name, value);
    }
    args
}

#[cfg(test)]
mod tests;
