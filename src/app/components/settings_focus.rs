//! Moves keyboard focus after a control is replaced (a button that opens a
//! confirmation disappears), so keyboard and screen-reader users are not
//! dropped back at the top of the page.

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;

/// Focuses the element with `id` once the next frame has drawn it.
pub fn focus_soon(id: &'static str) {
    request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}
