//! The panel within what can be seen of the screen: above an on-screen
//! keyboard, which shrinks the visual viewport and not the page, with the
//! field being typed in kept in sight.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Sets the panel's `--_visible-top` and `--_visible-height` to the visual
/// viewport, the part of the page that can be seen, while it is less than
/// the page: above an on-screen keyboard, where the browser has panned to.
/// The panel covering the page takes their place and height, a floating one
/// stays above their bottom (`widget.css`); they are kept without measuring
/// the panel (the
/// ResizeObserver's callback must not resize what it observes). Not while
/// the page is zoomed in: the panel then stays as large as the page, to be
/// panned over like the rest of it. Gives the height that can be seen,
/// unless zoomed in.
pub(super) fn fit_to_visible(panel: &Element) -> Option<f64> {
    let viewport = web_sys::window()?.visual_viewport()?;
    let style = panel.dyn_ref::<HtmlElement>()?.style();
    if (viewport.scale() - 1.0).abs() > 0.01 {
        unfit(panel);
        return None;
    }
    let height = viewport.height();
    // All of the page in sight: the layout's own edges are right, and stay
    // right whatever the page does meanwhile (a change of zoom).
    let page_height = web_sys::window()?
        .document()?
        .document_element()
        .map_or(0, |page| page.client_height());
    if viewport.offset_top() == 0.0 && height >= f64::from(page_height) - 1.0 {
        unfit(panel);
        return Some(height);
    }
    // A page's CSS `zoom` scales these lengths; scale them back.
    let zoom = js_sys::Reflect::get(panel, &"currentCSSZoom".into())
        .ok()
        .and_then(|zoom| zoom.as_f64())
        .filter(|zoom| *zoom > 0.0)
        .unwrap_or(1.0);
    for (name, length) in [
        ("--_visible-top", viewport.offset_top()),
        ("--_visible-height", height),
    ] {
        // In hundredths of a pixel, as integers: writing a float would bring
        // Rust's float formatting into the WebAssembly (6 KB).
        let value = format!("calc({}px / 100)", (length / zoom * 100.0).round() as i64);
        if style.get_property_value(name).ok().as_deref() != Some(value.as_str()) {
            _ = style.set_property(name, &value);
        }
    }
    Some(height)
}

/// Scrolls the control being typed in, if any, back into sight within the
/// panel.
pub(super) fn keep_typing_in_sight(panel: &Element) {
    let typing_in = panel
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|root| root.active_element())
        .filter(|focused| panel.contains(Some(focused)) && takes_typing(focused));
    if let Some(focused) = typing_in {
        crate::context::scroll_into_sight(&focused);
    }
}

/// Whether the on-screen keyboard comes up for `element`: text is typed in
/// it.
fn takes_typing(element: &Element) -> bool {
    match element.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => !matches!(
            element.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "file" | "button" | "submit" | "reset" | "range" | "color")
        ),
        _ => false,
    }
}

/// The panel back to the whole height of the page.
pub(super) fn unfit(panel: &Element) {
    if let Some(panel) = panel.dyn_ref::<HtmlElement>() {
        _ = panel.style().remove_property("--_visible-top");
        _ = panel.style().remove_property("--_visible-height");
    }
}
