//! The `<support-widget>` element's attributes, as the widget reads them and
//! the loader updates them.

use leptos::prelude::*;

/// The attributes of the host element, as signals that the loader updates.
#[derive(Clone)]
pub struct HostAttributes {
    pub backend: ArcRwSignal<Option<String>>,
    pub audience: ArcRwSignal<Option<String>>,
    pub locale: ArcRwSignal<Option<String>>,
    pub mode: ArcRwSignal<Option<String>>,
    /// The host page's `<html lang>` and the browser's languages, read once.
    pub page_languages: Vec<String>,
}

impl HostAttributes {
    pub fn read(host: &web_sys::HtmlElement) -> HostAttributes {
        let attribute = |name| ArcRwSignal::new(host.get_attribute(name));
        let mut page_languages = Vec::new();
        if let Some(lang) = host
            .owner_document()
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
        {
            page_languages.push(lang);
        }
        if let Some(window) = web_sys::window() {
            page_languages.extend(
                window
                    .navigator()
                    .languages()
                    .iter()
                    .filter_map(|l| l.as_string()),
            );
        }
        HostAttributes {
            backend: attribute("backend"),
            audience: attribute("audience"),
            locale: attribute("locale"),
            mode: attribute("mode"),
            page_languages,
        }
    }

    pub fn set(&self, name: &str, value: Option<String>) {
        match name {
            "backend" => self.backend.set(value),
            "audience" => self.audience.set(value),
            "locale" => self.locale.set(value),
            "mode" => self.mode.set(value),
            _ => {}
        }
    }
}
