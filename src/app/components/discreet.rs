//! Discreet mode, for people who share a phone or are seen using it: a
//! neutral tab title, and a "Hide screen" button that covers everything with
//! a plain page in one tap. Escape or "Back" brings the app back. Nothing is
//! closed or lost; the app is only covered.

use leptos::ev;
use leptos::portal::Portal;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::hooks::use_doc;
use crate::domain::settings::Settings;
use crate::i18n::Key;
use crate::t;

/// The tab title while discreet mode is on or the screen is hidden: "Notes"
/// in the user's language.
pub fn neutral_title() -> &'static str {
    t!(Key::ShellNeutralTitle)
}
/// The usual tab title.
pub const APP_TITLE: &str = "Waymark";
/// Set on `<html>` while the screen is hidden; the CSS hides everything else.
const HIDDEN_CLASS: &str = "wm-quick-hidden";
const HOST_ID: &str = "quick-hide-host";
const OPEN_ID: &str = "quick-hide-open";
const BACK_ID: &str = "quick-hide-back";

fn set_title(neutral: bool) {
    document().set_title(if neutral { neutral_title() } else { APP_TITLE });
}

fn focus(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The element the cover is drawn in: a direct child of `<body>`, so it sits
/// above the sticky header and the bottom bar, and the CSS can hide every
/// other child of `<body>` while it shows.
fn host() -> Option<web_sys::Element> {
    let doc = document();
    if let Some(el) = doc.get_element_by_id(HOST_ID) {
        return Some(el);
    }
    let el = doc.create_element("div").ok()?;
    el.set_id(HOST_ID);
    el.set_class_name("quick-hide-host");
    doc.body()?.append_child(&el).ok()?;
    Some(el)
}

/// Keeps the tab title neutral ("Notes") while discreet mode is on.
#[component]
pub fn DiscreetTitle() -> impl IntoView {
    let settings = use_doc::<Settings>();
    Effect::new(move |_| set_title(settings.value.with(|s| s.discreet)));
}

/// "Hide screen": shown only in discreet mode. Covers the app with a blank
/// page that says "Notes" and has a small "Back" button; Escape also returns.
#[component]
pub fn QuickHideButton() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let hidden = RwSignal::new(false);
    let discreet = move || settings.value.with(|s| s.discreet);

    let hide = move || {
        hidden.set(true);
        set_title(true);
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1(HIDDEN_CLASS);
        }
        request_animation_frame(|| focus(BACK_ID));
    };
    let show = move || {
        if !hidden.get_untracked() {
            return;
        }
        hidden.set(false);
        set_title(settings.value.with_untracked(|s| s.discreet));
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1(HIDDEN_CLASS);
        }
        request_animation_frame(|| focus(OPEN_ID));
    };

    let keys = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" {
            show();
        }
    });
    on_cleanup(move || {
        keys.remove();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1(HIDDEN_CLASS);
        }
    });

    let cover = host().map(|mount| {
        view! {
            <Portal mount=mount>
                <Show when=move || hidden.get()>
                    <div class="quick-hide" role="dialog" aria-modal="true" aria-labelledby="quick-hide-title">
                        <p class="quick-hide__title" id="quick-hide-title">{neutral_title()}</p>
                        <button type="button" id=BACK_ID class="quick-hide__back" on:click=move |_| show()>
                            {t!(Key::ShellQuickHideBack)}
                        </button>
                    </div>
                </Show>
            </Portal>
        }
    });

    view! {
        <Show when=discreet>
            <button type="button" id=OPEN_ID class="button button--quiet quick-hide__open" on:click=move |_| hide()>
                {t!(Key::ShellQuickHide)}
            </button>
        </Show>
        {cover}
    }
}

/// The discreet-mode checkbox for the settings screen.
#[component]
pub fn DiscreetToggle() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let error = RwSignal::new(None::<String>);
    let on_change = move |ev: ev::Event| {
        let on = event_target_checked(&ev);
        let result = settings.update(|s| s.discreet = on);
        if result.is_err() {
            // Nothing was saved: show the box as it really is.
            if let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_checked(!on);
            }
        }
        error.set(result.err());
    };
    view! {
        <div class="field discreet-toggle">
            <label class="check" for="discreet-mode">
                <input
                    type="checkbox"
                    id="discreet-mode"
                    aria-describedby="discreet-hint discreet-error"
                    prop:checked=move || settings.value.with(|s| s.discreet)
                    on:change=on_change
                />
                {t!(Key::ShellDiscreetToggle)}
            </label>
            <p class="field__hint" id="discreet-hint">
                {t!(Key::ShellDiscreetHint)}
            </p>
            <p class="field__error" id="discreet-error" role="alert">{move || error.get()}</p>
        </div>
    }
}
