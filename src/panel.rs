//! The launcher's panel while it covers the page (phones): Tab and Shift+Tab
//! go round the panel's controls instead of reaching the page hidden behind
//! it. The loader draws the panel, a `role="dialog"` around the widget's
//! container, with its close button first. Where the panel floats beside the
//! page, which stays in use, Tab moves on to the page as usual.

use wasm_bindgen::{prelude::*, JsCast};
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent};

/// What Tab can reach, before the checks that need the element itself
/// (shown, and one stop per radio group).
const TABBABLE: &str = "a[href]:not([tabindex^='-']), button:enabled:not([tabindex^='-']), \
     input:enabled:not([type=hidden]):not([tabindex^='-']), select:enabled:not([tabindex^='-']), \
     textarea:enabled:not([tabindex^='-']), [tabindex]:not([tabindex^='-'])";

/// Keeps Tab inside the dialog around a mounted widget, until dropped.
pub struct PanelFocus {
    panel: Element,
    on_keydown: Closure<dyn Fn(KeyboardEvent)>,
}

impl PanelFocus {
    /// For a widget mounted into `container`: `None` when no dialog holds it
    /// (inline mode).
    pub fn keep(container: &HtmlElement) -> Option<PanelFocus> {
        let panel = container.closest("[role=dialog]").ok()??;
        let within = panel.clone();
        let on_keydown = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            if event.key() != "Tab" || event.default_prevented() || !covers_page(&within) {
                return;
            }
            let stops = tab_stops(&within);
            let (Some(first), Some(last)) = (stops.first(), stops.last()) else {
                return;
            };
            let from = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok());
            let (edge, round_to) = if event.shift_key() {
                (first, last)
            } else {
                (last, first)
            };
            if from.as_ref() == Some(edge.unchecked_ref()) {
                event.prevent_default();
                _ = round_to.focus();
            }
        });
        panel
            .add_event_listener_with_callback("keydown", on_keydown.as_ref().unchecked_ref())
            .ok()?;
        Some(PanelFocus { panel, on_keydown })
    }
}

impl Drop for PanelFocus {
    fn drop(&mut self) {
        _ = self.panel.remove_event_listener_with_callback(
            "keydown",
            self.on_keydown.as_ref().unchecked_ref(),
        );
    }
}

/// Whether the panel spans the whole width of the window, as it does on
/// phones: the page behind it cannot be seen.
fn covers_page(panel: &Element) -> bool {
    let Some(page) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    else {
        return false;
    };
    let rect = panel.get_bounding_client_rect();
    rect.left() <= 0.0 && rect.right() >= f64::from(page.client_width())
}

/// The panel's Tab stops in order: shown, enabled, and of each radio group
/// only the checked radio (or the first, when none is).
fn tab_stops(panel: &Element) -> Vec<HtmlElement> {
    let Ok(found) = panel.query_selector_all(TABBABLE) else {
        return Vec::new();
    };
    let elements: Vec<HtmlElement> = (0..found.length())
        .filter_map(|index| found.item(index)?.dyn_into::<HtmlElement>().ok())
        .filter(|element| element.offset_parent().is_some())
        .collect();
    let mut stops = Vec::new();
    let mut groups_done = Vec::new();
    for element in &elements {
        let Some(name) = radio_group(element) else {
            stops.push(element.clone());
            continue;
        };
        if groups_done.contains(&name) {
            continue;
        }
        let group: Vec<&HtmlElement> = elements
            .iter()
            .filter(|other| radio_group(other).as_ref() == Some(&name))
            .collect();
        let checked = group
            .iter()
            .find(|radio| radio.unchecked_ref::<HtmlInputElement>().checked());
        stops.push((*checked.unwrap_or(&group[0])).clone());
        groups_done.push(name);
    }
    stops
}

/// The name of the radio group `element` belongs to, if it is a named radio.
fn radio_group(element: &HtmlElement) -> Option<String> {
    let input = element.dyn_ref::<HtmlInputElement>()?;
    (input.type_() == "radio" && !input.name().is_empty()).then(|| input.name())
}
