//! Where focus is, and where it goes once the next frame is drawn: a
//! control that removes itself hands focus on instead of dropping it to the
//! page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Host;

impl Host {
    /// Focuses what `selector` finds in the widget once the next frame is
    /// drawn: an element just drawn (a new screen's heading, the error
    /// summary), or another control in place of one that removes itself, so
    /// that focus stays in the widget (where Tab and Escape still work)
    /// instead of falling back to the page.
    pub fn focus_when_drawn(self, selector: &str) {
        self.focus_drawn(selector, Unless::Never);
    }

    /// Scrolls what `selector` finds into sight once the next frame is
    /// drawn, as little as it takes: a control that keeps focus while a
    /// message drawn above it pushes it down, out of the panel's sight.
    pub fn reveal_when_drawn(self, selector: &str) {
        let selector = selector.to_owned();
        request_animation_frame(move || {
            if let Some(element) = self.find(&selector) {
                scroll_into_sight(&element);
            }
        });
    }

    /// As `focus_when_drawn`, unless the user has gone on to the page
    /// meanwhile: a request that went by itself, after a retry or its files,
    /// does not pull them back.
    pub fn focus_when_drawn_unless_away(self, selector: &str) {
        self.focus_drawn(selector, Unless::Away);
    }

    /// As `focus_when_drawn`, only if focus is nowhere by then: it fell to
    /// the page's body with the control that had it, and the user has not
    /// gone on to another control, the widget's or the page's, meanwhile.
    pub fn focus_when_drawn_if_lost(self, selector: &str) {
        self.focus_drawn(selector, Unless::Placed);
    }

    fn focus_drawn(self, selector: &str, unless: Unless) {
        let selector = selector.to_owned();
        request_animation_frame(move || {
            let skip = match unless {
                Unless::Never => false,
                Unless::Away => self.user_is_away(),
                Unless::Placed => self.user_is_away() || self.user_is_in(),
            };
            if skip {
                return;
            }
            if let Some(element) = self.find(&selector) {
                _ = element.focus();
            }
        });
    }

    /// Whether one of the page's elements has focus.
    pub fn user_is_away(self) -> bool {
        // A widget removed from the page meanwhile has nothing to focus.
        self.focused(|active, host| active.is_some_and(|a| &a != host && a.tag_name() != "BODY"))
            .unwrap_or(true)
    }

    /// Whether focus is in the widget.
    pub fn user_is_in(self) -> bool {
        self.focused(|active, host| active.is_some_and(|a| &a == host))
            .unwrap_or(false)
    }

    /// `at` told what has focus and the widget's element; none once the
    /// widget has left the page. What has focus is asked of the element's
    /// own root: the page, or the shadow root of a component of the page's
    /// that holds the widget (the widget's own shadow root shows as its
    /// element). Such a root has none while focus is outside it, on the
    /// page's other fields too: the page's then.
    fn focused(
        self,
        at: impl FnOnce(Option<web_sys::Element>, &web_sys::Element) -> bool,
    ) -> Option<bool> {
        self.element.try_with_value(|host| {
            let active = active_in(&host.get_root_node()).or_else(|| page()?.active_element());
            at(active, host)
        })
    }

    /// Whether what `selector` finds in the widget has focus.
    pub fn has_focus(self, selector: &str) -> bool {
        self.find(selector).is_some_and(|element| {
            active_in(&element.get_root_node()).is_some_and(|active| {
                let active: &web_sys::Node = &active;
                element.is_same_node(Some(active))
            })
        })
    }
}

/// The page the widget is on.
fn page() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// What has focus in `root`, a shadow root or the page.
fn active_in(root: &web_sys::Node) -> Option<web_sys::Element> {
    match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => root.dyn_ref::<web_sys::Document>()?.active_element(),
    }
}

/// Whether the page has focus: not while its window is in the background
/// (another tab or app).
pub fn page_has_focus() -> bool {
    page().is_some_and(|page| page.has_focus().unwrap_or(true))
}

/// When a focus asked for once the next frame is drawn does not happen.
#[derive(Clone, Copy)]
enum Unless {
    Never,
    /// Focus is on the page's.
    Away,
    /// Focus is on anything, the page's or the widget's.
    Placed,
}

/// Scrolls `element` into sight, as little as it takes (none when it is in
/// sight already).
pub fn scroll_into_sight(element: &web_sys::Element) {
    let nearest = web_sys::ScrollIntoViewOptions::new();
    nearest.set_block(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&nearest);
}
