//! Installing Waymark, shared by Home and Settings › This device (issue 13,
//! part 3). In the main module: keep it small.
//!
//! - Chromium says it can install the app with `beforeinstallprompt`, which
//!   may fire before the app has drawn, so `public/boot.js` keeps the event
//!   on `window.waymarkInstall` and tells the app with
//!   `waymark-install-available` (and `waymark-installed` after
//!   `appinstalled`). [`InstallButton`] shows the browser's own install
//!   window and says what the user answered.
//! - iPhone and iPad have no such event: [`ios_browser`] says when to show
//!   the Home Screen how-to instead.
//! - Once Waymark runs as an installed app ([`standalone`]), none of this
//!   shows.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Key;
use crate::t;

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `window.waymarkInstall` (set up by `public/boot.js`).
fn holder() -> Option<JsValue> {
    get(&web_sys::window()?.into(), "waymarkInstall")
}

/// The kept `beforeinstallprompt` event, if the browser offered to install.
fn kept_event() -> Option<JsValue> {
    get(&holder()?, "event")
}

/// The browser fired `appinstalled` on this page.
pub fn installed_now() -> bool {
    holder()
        .and_then(|h| get(&h, "installed"))
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Waymark runs as an installed app: `display-mode: standalone`, or
/// `navigator.standalone` on iPhone and iPad.
pub fn standalone() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let media = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    media || get(&window.navigator(), "standalone").and_then(|v| v.as_bool()) == Some(true)
}

/// iPhone, iPad or iPod (an iPad may say "Macintosh", but has touch), not
/// already running from the Home Screen: where Safari's "Add to Home
/// Screen" is the only way to install.
pub fn ios_browser() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    let ios = ["iPhone", "iPad", "iPod"].iter().any(|d| agent.contains(d))
        || (agent.contains("Macintosh") && navigator.max_touch_points() > 1);
    ios && !standalone()
}

/// What the user answered in the browser's install window.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Accepted,
    Dismissed,
    Failed,
}

/// Waits for the answer to a `prompt()` already called on `event`.
async fn answer(event: JsValue, shown: Option<JsValue>) -> Outcome {
    // prompt() returns a promise in current browsers: rejected when the
    // window could not open (then userChoice never settles).
    if let Some(promise) = shown.and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
        if JsFuture::from(promise).await.is_err() {
            return Outcome::Failed;
        }
    }
    let Some(choice) = get(&event, "userChoice").and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return Outcome::Failed;
    };
    let outcome = JsFuture::from(choice)
        .await
        .ok()
        .and_then(|c| get(&c, "outcome"))
        .and_then(|o| o.as_string());
    match outcome.as_deref() {
        Some("accepted") => Outcome::Accepted,
        Some("dismissed") => Outcome::Dismissed,
        _ => Outcome::Failed,
    }
}

/// "Install Waymark", while the browser offers to install and the app is
/// not installed, and then what the user answered. Renders nothing
/// otherwise.
#[component]
pub fn InstallButton(
    /// A sentence before the button (Home says why), if any.
    #[prop(optional)]
    intro: Option<Key>,
    /// The class of the box around it (Home's is a notice).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let offered = RwSignal::new(kept_event().is_some());
    let installed = RwSignal::new(installed_now());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let refresh = move |_| {
        offered.set(kept_event().is_some());
        installed.set(installed_now());
    };
    let available = window_event_listener_untyped("waymark-install-available", refresh);
    let done = window_event_listener_untyped("waymark-installed", refresh);
    on_cleanup(move || {
        available.remove();
        done.remove();
    });

    let on_click = move |_| {
        let Some(event) = kept_event() else {
            offered.set(false);
            return;
        };
        // An event can show its window once: forget it now.
        if let Some(h) = holder() {
            let _ = js_sys::Reflect::set(&h, &JsValue::from_str("event"), &JsValue::NULL);
        }
        // Called here, in the tap, as the browser requires.
        let shown = get(&event, "prompt")
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&event).ok());
        busy.set(true);
        spawn_local_scoped(async move {
            let result = answer(event, shown).await;
            // The answer first, so the status line stays in place.
            outcome.set(Some(result));
            busy.set(false);
            offered.set(kept_event().is_some());
        });
    };

    let show_button = move || offered.get() && !installed.get();
    let said = move || {
        outcome.get().map(|o| match o {
            Outcome::Accepted => t!(Key::InstallAccepted),
            Outcome::Dismissed => t!(Key::InstallDismissed),
            Outcome::Failed => t!(Key::InstallFailed),
        })
    };
    view! {
        <Show when=move || !standalone() && (show_button() || outcome.get().is_some())>
            <div class=class>
                <Show when=show_button>
                    {intro.map(|k| view! { <p>{t!(k)}</p> })}
                    <p>
                        <button
                            type="button"
                            class="button button--primary"
                            on:click=on_click
                            disabled=move || busy.get()
                        >
                            {t!(Key::InstallButton)}
                        </button>
                    </p>
                </Show>
                <p role="status">{said}</p>
            </div>
        </Show>
    }
}
