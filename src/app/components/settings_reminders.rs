//! Settings › Reminders: a daily check-in reminder as a calendar file (issue 13, part 1).
//!
//! Waymark has no server, so the phone's calendar does the ringing: the user
//! picks a time, downloads a `.ics` file with a daily repeating event and an
//! alarm, and opens it. The event's UID comes from a random id kept in
//! `Settings.reminder`, so a second download replaces the first event. The
//! time is floating local time (see `domain::reminders`). Meetings get their
//! weekly reminders on the Meetings screen, with the helpers here.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use leptos_router::components::A;

use super::download::{can_download, cannot_download, download_text};
use crate::app::components::record_dates::{input_time, parse_time, time_words};
use crate::app::hooks::use_doc;
use crate::app::state::{new_id, now_ms};
use crate::domain::ids::is_valid_id;
use crate::domain::reminders::{
    daily_file_name, daily_ics, daily_title, DailyReminder, IcsContext, DEFAULT_TIME,
};
use crate::domain::settings::Settings;
use crate::i18n::Key;
use crate::t;

/// The type a calendar file is saved with.
pub const ICS_MIME: &str = "text/calendar;charset=utf-8";

/// The phone's local time now, and UTC now, for a reminder file.
pub fn now_local_and_utc() -> (NaiveDateTime, NaiveDateTime) {
    let utc = chrono::DateTime::from_timestamp_millis(now_ms()).unwrap_or_default();
    let local = utc.with_timezone(&chrono::Local).naive_local();
    (local, utc.naive_utc())
}

/// The app's new check-in screen, for the daily reminder's link.
fn check_in_url() -> Option<String> {
    let origin = web_sys::window()?.location().origin().ok()?;
    (origin.starts_with("https://") || origin.starts_with("http://"))
        .then(|| format!("{origin}/journal/new"))
}

/// Saves a reminder file. On failure returns a message for the user.
pub fn save_ics(file_name: &str, ics: &str) -> Result<(), String> {
    download_text(file_name, ICS_MIME, ics)
}

#[component]
pub fn RemindersSection() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let text = RwSignal::new(input_time(DEFAULT_TIME));
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<&'static str>);
    let discreet = move || settings.value.with(|s| s.discreet);
    // Shows the stored time, and follows it when it changes (an import,
    // another tab).
    Effect::new(move |_| {
        let stored = settings.value.with(|s| s.reminder.as_ref().map(|r| r.time));
        text.set(input_time(stored.unwrap_or(DEFAULT_TIME)));
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        let Some(time) = parse_time(&text.get_untracked()) else {
            error.set(Some(t!(Key::RemindersBadTime).to_owned()));
            return;
        };
        // The id is made once and kept: it is what keeps the UID the same.
        let fresh = new_id();
        let stored = settings.update(|s| {
            let r = s.reminder.get_or_insert_with(DailyReminder::default);
            if !is_valid_id(&r.id) {
                r.id = fresh;
            }
            r.time = time;
        });
        if let Err(message) = stored {
            error.set(Some(message));
            return;
        }
        let reminder = settings
            .value
            .with_untracked(|s| s.reminder.clone())
            .unwrap_or_else(|| DailyReminder::new(String::new(), time));
        let (now_local, now_utc) = now_local_and_utc();
        let url = check_in_url();
        let cx = IcsContext {
            now_local,
            now_utc,
            discreet: settings.value.with_untracked(|s| s.discreet),
            open_url: url.as_deref(),
        };
        match save_ics(daily_file_name(), &daily_ics(&reminder, &cx)) {
            Ok(()) => {
                error.set(None);
                saved.set(Some(t!(Key::RemindersSaved)));
            }
            Err(message) => error.set(Some(message)),
        }
    };

    let current = move || {
        settings
            .value
            .with(|s| s.reminder.as_ref().map(|r| r.time))
            .map(|time| {
                view! {
                    <p>{t!(Key::RemindersDailyCurrent, time = time_words(time))}</p>
                }
            })
    };

    let form = if can_download() {
        view! {
            <form on:submit=on_submit novalidate>
                <div class="field">
                    <label for="reminder-time">{t!(Key::RemindersDailyLabel)}</label>
                    <p class="field__hint" id="reminder-time-hint">{t!(Key::RemindersDailyHint)}</p>
                    <input
                        id="reminder-time"
                        type="time"
                        required
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                        aria-describedby="reminder-time-hint reminder-time-error"
                        aria-invalid=move || error.with(|e| if e.is_some() { "true" } else { "false" })
                    />
                    <p class="field__error" id="reminder-time-error" role="alert">{move || error.get()}</p>
                </div>
                <button class="button button--primary" type="submit">{t!(Key::RemindersDailyDownload)}</button>
                <p class="settings__saved" role="status">{move || saved.get()}</p>
            </form>
        }
        .into_any()
    } else {
        view! { <p class="notice">{cannot_download()}</p> }.into_any()
    };

    view! {
        <section class="settings__section card" id="reminders" aria-labelledby="reminders-title">
            <h2 id="reminders-title">{t!(Key::RemindersTitle)}</h2>
            <p>{t!(Key::RemindersWhy)}</p>
            <h3>{t!(Key::RemindersDailyTitle)}</h3>
            {form}
            {current}
            {move || discreet().then(|| view! {
                <p>{t!(Key::RemindersDiscreetOn, title = daily_title(true))}</p>
            })}
            <p>{move || t!(Key::RemindersRemove, title = daily_title(discreet()))}</p>
            <ul class="muted small">
                <li>{t!(Key::RemindersAgain)}</li>
                <li>{t!(Key::RemindersNoRing)}</li>
                <li>{t!(Key::RemindersOnlineCopy)}</li>
            </ul>
            <p>
                {t!(Key::RemindersMeetingsHint)} " "
                <A href="/tools/meetings">{t!(Key::RemindersMeetingsLink)}</A>
            </p>
        </section>
    }
}
