//! The launcher's panel while it covers the page (phones): Tab and Shift+Tab
//! go round the panel's controls instead of reaching the page hidden behind
//! it, and the panel is `aria-modal`, so that a screen reader keeps to it as
//! well. Where the panel floats beside the page (wider screens, tablets),
//! which stays in use, it is not modal and Tab moves on to the page as
//! usual. Either way the panel keeps to what can be seen of the screen: an
//! on-screen keyboard takes the bottom of the screen without making the page
//! any shorter (it shrinks the visual viewport only), and would hide the
//! panel's lower part, with the field being typed in, under it
//! (`visible.rs`). The loader draws the panel, a `role="dialog"` around
//! the widget's container, with its close button first.

mod visible;

use std::cell::Cell;

use wasm_bindgen::{prelude::*, JsCast};

use self::visible::{fit_to_visible, keep_typing_in_sight, unfit};
use web_sys::{
    Element, HtmlElement, HtmlInputElement, KeyboardEvent, Node, ResizeObserver, VisualViewport,
};

/// What Tab can reach, before the checks that need the element itself
/// (`display: none`, radio groups).
const TABBABLE: &str = "a[href]:not([tabindex^='-']), button:enabled:not([tabindex^='-']), \
     input:enabled:not([type=hidden]):not([tabindex^='-']), select:enabled:not([tabindex^='-']), \
     textarea:enabled:not([tabindex^='-']), [tabindex]:not([tabindex^='-'])";

/// Keeps Tab and a screen reader inside the dialog around a mounted widget
/// while it covers the page, and the dialog within what can be seen of the
/// screen, until dropped.
pub struct CoveringPanel {
    panel: Element,
    on_keydown: Closure<dyn Fn(KeyboardEvent)>,
    /// Escape pressed on the page, which the floating panel may cover.
    on_page_keydown: Closure<dyn Fn(KeyboardEvent)>,
    /// Sees the panel open, close, and change size with the window.
    resizes: ResizeObserver,
    _on_resize: Closure<dyn Fn()>,
    /// Sees an on-screen keyboard come and go, and the page pan under it.
    viewport: Option<VisualViewport>,
    on_visible_change: Closure<dyn Fn()>,
}

impl CoveringPanel {
    /// For a widget mounted into `container`: `None` when no dialog holds it
    /// (inline mode).
    pub fn keep(container: &HtmlElement) -> Option<CoveringPanel> {
        let panel = container.closest("[role=dialog]").ok()??;
        let within = panel.clone();
        let on_keydown = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            if event.key() != "Tab" || event.default_prevented() || !covers_page(&within) {
                return;
            }
            let Some(from) = event
                .target()
                .and_then(|target| target.dyn_into::<Node>().ok())
            else {
                return;
            };
            let stops = tab_stops(&within);
            // Round from wherever nothing lies ahead: the last stop, but also
            // a control that Tab would leave from without being a stop.
            let (ahead, round_to) = if event.shift_key() {
                (Node::DOCUMENT_POSITION_PRECEDING, stops.last())
            } else {
                (Node::DOCUMENT_POSITION_FOLLOWING, stops.first())
            };
            let Some(round_to) = round_to else {
                return;
            };
            // Tab leaves a radio group as a whole.
            let group = from
                .dyn_ref::<HtmlElement>()
                .and_then(radio)
                .map(HtmlInputElement::name);
            let in_group =
                |stop: &HtmlElement| radio(stop).is_some_and(|input| Some(input.name()) == group);
            if !stops
                .iter()
                .any(|stop| !in_group(stop) && from.compare_document_position(stop) & ahead != 0)
            {
                event.prevent_default();
                _ = round_to.focus();
            }
        });
        // Beside the page, Tab goes on to the page's controls, which the
        // panel may cover: Escape on one it covers closes it, focus staying
        // where it is (WCAG 2.4.11); Escape with nothing focused (a click on
        // the panel's text) closes it back to the launcher, as Escape inside
        // it does (the loader's). Escape inside any widget, on a page control
        // the panel leaves in sight, or ending an input method's
        // composition is not this panel's.
        let within = panel.clone();
        let on_page_keydown = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            let open = within
                .dyn_ref::<HtmlElement>()
                .is_some_and(|panel| !panel.hidden());
            if event.key() != "Escape" || event.default_prevented() || event.is_composing() || !open
            {
                return;
            }
            let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            let nothing_focused = matches!(target.tag_name().as_str(), "BODY" | "HTML");
            if nothing_focused {
                // The loader's close button: hidden, and focus on the launcher.
                let close = within.query_selector(".sw-panel-close").ok().flatten();
                if let Some(close) = close.and_then(|close| close.dyn_into::<HtmlElement>().ok()) {
                    close.click();
                }
            } else if target.closest("support-widget").ok().flatten().is_none()
                && overlaps(&target, &within)
            {
                close_in_place(&within);
            }
        });
        let within = panel.clone();
        let on_resize = Closure::<dyn Fn()>::new(move || {
            _ = if covers_page(&within) {
                within.set_attribute("aria-modal", "true")
            } else {
                within.remove_attribute("aria-modal")
            };
        });
        // All or none: each is undone only by dropping what holds them all.
        let resizes = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        panel
            .add_event_listener_with_callback("keydown", on_keydown.as_ref().unchecked_ref())
            .ok()?;
        resizes.observe(&panel);
        if let Some(window) = web_sys::window() {
            _ = window.add_event_listener_with_callback(
                "keydown",
                on_page_keydown.as_ref().unchecked_ref(),
            );
        }
        let within = panel.clone();
        let shown_height = Cell::new(fit_to_visible(&within).unwrap_or(f64::INFINITY));
        let on_visible_change = Closure::<dyn Fn()>::new(move || {
            // A keyboard coming up shrinks what can be seen.
            if let Some(height) = fit_to_visible(&within) {
                if height < shown_height.replace(height) {
                    keep_typing_in_sight(&within);
                }
            }
        });
        let viewport = web_sys::window().and_then(|window| window.visual_viewport());
        if let Some(viewport) = &viewport {
            let listener = on_visible_change.as_ref().unchecked_ref();
            _ = viewport.add_event_listener_with_callback("resize", listener);
            _ = viewport.add_event_listener_with_callback("scroll", listener);
        }
        Some(CoveringPanel {
            panel,
            on_keydown,
            on_page_keydown,
            resizes,
            _on_resize: on_resize,
            viewport,
            on_visible_change,
        })
    }
}

impl Drop for CoveringPanel {
    fn drop(&mut self) {
        self.resizes.disconnect();
        if let Some(viewport) = &self.viewport {
            let listener = self.on_visible_change.as_ref().unchecked_ref();
            _ = viewport.remove_event_listener_with_callback("resize", listener);
            _ = viewport.remove_event_listener_with_callback("scroll", listener);
        }
        if let Some(window) = web_sys::window() {
            _ = window.remove_event_listener_with_callback(
                "keydown",
                self.on_page_keydown.as_ref().unchecked_ref(),
            );
        }
        unfit(&self.panel);
        _ = self.panel.remove_attribute("aria-modal");
        _ = self.panel.remove_event_listener_with_callback(
            "keydown",
            self.on_keydown.as_ref().unchecked_ref(),
        );
    }
}

/// Closes the panel as the loader's close button does, but leaves focus
/// where it is.
fn close_in_place(panel: &Element) {
    if let Some(panel) = panel.dyn_ref::<HtmlElement>() {
        panel.set_hidden(true);
    }
    let launcher = panel
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|root| root.query_selector(".sw-launcher").ok().flatten());
    if let Some(launcher) = launcher {
        _ = launcher.set_attribute("aria-expanded", "false");
    }
}

/// Whether the boxes of `element` and `panel` overlap on screen.
fn overlaps(element: &Element, panel: &Element) -> bool {
    let (a, b) = (
        element.get_bounding_client_rect(),
        panel.get_bounding_client_rect(),
    );
    a.left() < b.right() && b.left() < a.right() && a.top() < b.bottom() && b.top() < a.bottom()
}

/// Whether the panel spans the whole width of the window, as it does on
/// phones: the page behind it cannot be seen. (Half a pixel of slack: the
/// page's width is whole pixels, the panel's edges need not be.)
fn covers_page(panel: &Element) -> bool {
    let Some(page) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    else {
        return false;
    };
    let rect = panel.get_bounding_client_rect();
    rect.left() <= 0.5 && rect.right() >= f64::from(page.client_width()) - 0.5
}

/// The panel's Tab stops in document order: enabled, not `display: none`,
/// and of a radio group with a checked radio only that one (Tab skips the
/// others).
fn tab_stops(panel: &Element) -> Vec<HtmlElement> {
    let Ok(found) = panel.query_selector_all(TABBABLE) else {
        return Vec::new();
    };
    let elements: Vec<HtmlElement> = (0..found.length())
        .filter_map(|index| found.item(index)?.dyn_into::<HtmlElement>().ok())
        .filter(|element| element.offset_parent().is_some())
        .collect();
    let checked_groups: Vec<String> = elements
        .iter()
        .filter_map(|element| radio(element).filter(|input| input.checked()))
        .map(HtmlInputElement::name)
        .collect();
    elements
        .into_iter()
        .filter(|element| {
            radio(element)
                .is_none_or(|input| input.checked() || !checked_groups.contains(&input.name()))
        })
        .collect()
}

/// `element` as a radio of a named group.
fn radio(element: &HtmlElement) -> Option<&HtmlInputElement> {
    let input = element.dyn_ref::<HtmlInputElement>()?;
    (input.type_() == "radio" && !input.name().is_empty()).then_some(input)
}

/// Puts the words the loader drew around a launcher-mode widget (the
/// launcher button, the panel's name and its close button) in the language
/// the widget shows, `lang` being its tag. The loader chose them before the
/// widget could negotiate, and the user may switch language since.
pub fn relabel(host: &HtmlElement, lang: &str, open: &str, close: &str) {
    let Some(root) = host.shadow_root() else {
        return;
    };
    let find = |selector| root.query_selector(selector).ok().flatten();
    // The launcher's words only: the loader's badge beside them stays.
    if let Some(words) = find(".sw-launcher-words") {
        words.set_text_content(Some(open));
    }
    if let Some(launcher) = find(".sw-launcher") {
        _ = launcher.set_attribute("lang", lang);
    }
    // The close button is inside the panel, and takes its language.
    if let Some(panel) = find(".sw-panel") {
        _ = panel.set_attribute("aria-label", open);
        _ = panel.set_attribute("lang", lang);
    }
    if let Some(close_button) = find(".sw-panel-close") {
        close_button.set_text_content(Some(close));
    }
}
