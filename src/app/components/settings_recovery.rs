//! Settings › Recovery start: the first clean day, from which clean time is
//! counted. It can be changed at any time; a date in the future is refused.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::app::hooks::use_doc;
use crate::app::state::today;
use crate::domain::settings::Settings;
use crate::i18n::Key;
use crate::t;

/// Why a typed start date cannot be saved.
fn check_date(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = crate::domain::iso::parse_date(text).ok_or(t!(Key::SettingsRecoveryBadDate))?;
    if date > today {
        return Err(t!(Key::SettingsRecoveryFuture));
    }
    Ok(Some(date))
}

#[component]
pub fn RecoverySection() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<&'static str>);
    // Shows the stored date, and follows it when it changes (an import,
    // another tab).
    Effect::new(move |_| {
        let stored = settings.value.with(|s| s.recovery_start);
        text.set(
            stored
                .map(crate::domain::iso::format_date)
                .unwrap_or_default(),
        );
    });
    let max = crate::domain::iso::format_date(today());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        match check_date(&text.get_untracked(), today()) {
            Err(message) => error.set(Some(message.to_owned())),
            Ok(date) => match settings.update(|s| s.recovery_start = date) {
                Ok(()) => {
                    error.set(None);
                    saved.set(Some(match date {
                        Some(_) => t!(Key::SettingsRecoverySaved),
                        None => t!(Key::SettingsRecoveryRemoved),
                    }));
                }
                Err(message) => error.set(Some(message)),
            },
        }
    };

    view! {
        <section class="settings__section card" id="recovery" aria-labelledby="recovery-title">
            <h2 id="recovery-title">{t!(Key::SettingsRecoveryTitle)}</h2>
            <form on:submit=on_submit novalidate>
                <div class="field">
                    <label for="recovery-start">{t!(Key::SettingsRecoveryLabel)}</label>
                    <p class="field__hint" id="recovery-start-hint">{t!(Key::SettingsRecoveryHint)}</p>
                    <input
                        id="recovery-start"
                        type="date"
                        max=max
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                        aria-describedby="recovery-start-hint recovery-start-error"
                        aria-invalid=move || error.with(|e| if e.is_some() { "true" } else { "false" })
                    />
                    <p class="field__error" id="recovery-start-error" role="alert">{move || error.get()}</p>
                </div>
                <button class="button" type="submit">{t!(Key::SettingsRecoverySave)}</button>
                <p class="settings__saved" role="status">{move || saved.get()}</p>
            </form>
        </section>
    }
}
