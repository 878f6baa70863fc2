//! A one-time question on the home screen: "Show helplines for Mexico?".
//!
//! Shown only while the region is still the default one nobody chose, and
//! only when the browser's language names another country Waymark has lines
//! for (`es-MX`, `en-GB`…; see [`Region::to_suggest`]). "Yes" saves that
//! region; either answer is kept in the settings (`region_asked`, "rq"), so
//! the question is never asked again, on this device or after a restore.
//! Nothing leaves the device: the tags are read from `navigator.languages`.

use leptos::prelude::*;

use crate::app::hooks::use_doc;
use crate::domain::settings::{Region, Settings};
use crate::i18n::Key;
use crate::t;

/// The browser's preferred language tags, most wanted first
/// (`navigator.languages`, else `navigator.language`).
fn browser_tags() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            let navigator = w.navigator();
            let mut tags: Vec<String> = navigator
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect();
            if tags.is_empty() {
                tags.extend(navigator.language());
            }
            tags
        })
        .unwrap_or_default()
}

#[component]
pub fn SettingsRegionSuggestion() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let tags = browser_tags();
    // Hidden at once on an answer, even if storage refused to keep it: the
    // app's notices then say why, and only then may it ask again next visit.
    let answered = RwSignal::new(false);
    let suggestion = Memo::new(move |_| {
        settings
            .value
            .with(|s| Region::to_suggest(s, tags.iter().map(String::as_str)))
    });

    let answer = move |take: bool| {
        let Some(region) = suggestion.get_untracked() else {
            return;
        };
        // A failed save is reported by the settings handle (the notices).
        let _ = settings.update(|s| {
            if take {
                s.region = region;
            }
            s.region_asked = true;
        });
        answered.set(true);
    };

    move || {
        let region = suggestion.get().filter(|_| !answered.get())?;
        Some(view! {
            <section class="card region-suggestion" aria-labelledby="region-suggestion-question">
                <p id="region-suggestion-question" class="region-suggestion__question">
                    <strong>{t!(region.suggestion_key())}</strong>
                </p>
                <p class="small muted">{t!(Key::RegionsSuggestHint)}</p>
                <div class="row">
                    <button type="button" class="button button--primary" on:click=move |_| answer(true)>
                        {t!(Key::RegionsSuggestYes)}
                    </button>
                    <button type="button" class="button" on:click=move |_| answer(false)>
                        {t!(Key::RegionsSuggestNo)}
                    </button>
                </div>
            </section>
        })
    }
}
