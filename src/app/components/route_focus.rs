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
            // A lazy screen draws once its chunk is in, a few frames later:
            // wait for the new screen's heading, not the old one's.
            focus_new_heading(current_heading(), FRAMES_TO_WAIT);
        }
        path
    });
}

/// About two seconds of frames: a chunk comes from the service worker's
/// cache well within that; after it, the heading on screen gets focus.
const FRAMES_TO_WAIT: u32 = 120;

/// The screen's heading and its words (a screen that stays drawn across two
/// addresses, like `/guide/1` to `/guide/2`, keeps its element and changes
/// its words).
fn current_heading() -> Option<(web_sys::HtmlElement, String)> {
    let heading = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())?;
    let words = heading.text_content().unwrap_or_default();
    Some((heading, words))
}

/// Focuses the first heading that differs from `old`, checking once a frame.
fn focus_new_heading(old: Option<(web_sys::HtmlElement, String)>, frames_left: u32) {
    request_animation_frame(move || match current_heading() {
        Some(now) if frames_left == 0 || old.as_ref() != Some(&now) => {
            let heading = now.0;
            if !heading.has_attribute("tabindex") {
                let _ = heading.set_attribute("tabindex", "-1");
            }
            let _ = heading.focus();
        }
        _ if frames_left > 0 => focus_new_heading(old, frames_left - 1),
        _ => {}
    });
}
