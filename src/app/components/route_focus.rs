//! Moves focus to the new screen's heading after an in-app navigation, as a
//! full page load would, so a screen-reader user hears where they are and a
//! keyboard user starts from the top of the new screen. The first screen
//! keeps the browser's own focus (so the skip link and Help come first).

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

#[component]
pub fn RouteFocus() -> impl IntoView {
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        if previous.as_ref().is_some_and(|p| *p != path) {
            // After the new screen has drawn.
            request_animation_frame(|| {
                let heading = document()
                    .query_selector("main h1")
                    .ok()
                    .flatten()
                    .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(h) = heading {
                    if !h.has_attribute("tabindex") {
                        let _ = h.set_attribute("tabindex", "-1");
                    }
                    let _ = h.focus();
                }
            });
        }
        path
    });
}
