//! Settings › Language. Choosing one saves it in the settings; the root's
//! effect (`app::UnlockedApp`) then loads it and redraws every screen at
//! once, with no reload. Each language is named in its own words, so a
//! reader who cannot read the current one still finds theirs.

use leptos::prelude::*;

use crate::app::hooks::use_doc;
use crate::app::language::use_language;
use crate::domain::settings::Settings;
use crate::i18n::{self, Key, Lang};
use crate::t;

#[component]
pub fn LanguageSection() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let language = use_language();
    let error = RwSignal::new(None::<String>);
    let current = i18n::current();
    if crate::app::language::take_switched() {
        // The whole screen was just drawn again in the new language: give
        // the keyboard focus back to the picker the user was on.
        request_animation_frame(|| {
            if let Some(el) = document().get_element_by_id("settings-language") {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        });
    }
    let options = Lang::ALL
        .into_iter()
        .map(|lang| {
            view! {
                <option value=lang.code() lang=lang.code() selected=lang == current>
                    {lang.native_name()}
                </option>
            }
        })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(lang) = Lang::from_code(&event_target_value(&ev)) else {
            return;
        };
        error.set(settings.update(|s| s.language = Some(lang)).err());
    };
    let failed = move || {
        language
            .failed
            .get()
            .map(|_| view! { <p class="field__error" role="alert">{t!(Key::SettingsLanguageFailed)}</p> })
    };
    view! {
        <section class="settings__section card" id="language" aria-labelledby="language-title">
            <h2 id="language-title">{t!(Key::SettingsLanguageTitle)}</h2>
            <label class="field__label" for="settings-language">{t!(Key::SettingsLanguageLabel)}</label>
            <select
                id="settings-language"
                aria-describedby="language-hint"
                on:change=on_change
                prop:disabled=move || language.busy.get()
            >
                {options}
            </select>
            <p class="field__hint" id="language-hint">{t!(Key::SettingsLanguageHint)}</p>
            {failed}
            <p class="field__error" role="alert">{move || error.get()}</p>
        </section>
    }
}
