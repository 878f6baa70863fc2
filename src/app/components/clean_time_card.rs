//! The clean-time card at the top of home: days since the last use, clean
//! days in all, the next milestone. Big and kind; a lapse never shows as a
//! reset. With no start date and no check-ins it asks, gently, for the start.

use crate::app::hooks::{use_collection, use_doc};
use crate::app::state::today;
use crate::data::envelope::Envelope;
use crate::domain::checkin::{earliest_date, use_dates, CheckIn};
use crate::domain::clean_time::{clean_time, CleanTime};
use crate::domain::settings::Settings;
use crate::i18n::{trn, Key};
use crate::t;
use leptos::prelude::*;

/// The check-ins out of their envelopes, for the domain functions.
pub fn checkin_values(items: &[Envelope<CheckIn>]) -> Vec<CheckIn> {
    items.iter().map(|e| e.value.clone()).collect()
}

/// "1 day" or "12 days".
pub fn days(n: i64) -> String {
    trn(Key::CommonDays, n, &[])
}

/// "1 clean day" or "140 clean days". The count goes in as plain digits
/// ("3650"), as it always has, the same as the big number above it.
pub fn clean_days(n: i64) -> String {
    trn(Key::CleanTimeCleanDays, n, &[("count", &n)])
}

/// A date field that saves the recovery start date to settings.
#[component]
pub fn RecoveryStartField(
    /// The label above the field.
    label: &'static str,
) -> impl IntoView {
    let settings = use_doc::<Settings>();
    let today = today();
    let initial = settings
        .value
        .with_untracked(|s| s.recovery_start)
        .map(crate::domain::iso::format_date)
        .unwrap_or_default();
    let text = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let save = move |_| {
        let raw = text.get_untracked();
        let result = match crate::domain::iso::parse_date(&raw) {
            None => Err(t!(Key::CleanTimeStartMissing).to_string()),
            Some(d) if d > today => Err(t!(Key::CleanTimeStartFuture).to_string()),
            Some(d) => settings.update(|s| s.recovery_start = Some(d)),
        };
        error.set(result.err());
    };
    view! {
        <div class="field clean-time__start">
            <label for="recovery-start">{label}</label>
            <div class="row">
                <input
                    id="recovery-start"
                    type="date"
                    max=crate::domain::iso::format_date(today)
                    aria-describedby="recovery-start-error"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
                <button type="button" class="button button--primary" on:click=save>
                    {t!(Key::CleanTimeStartSave)}
                </button>
            </div>
            {move || error.get().map(|m| view! {
                <p class="field__error" id="recovery-start-error">{m}</p>
            })}
        </div>
    }
}

fn counts_view(ct: CleanTime, start_set: bool) -> impl IntoView {
    let fresh_start = ct.days_since_last_use == 0 && ct.last_use.is_some();
    let total = clean_days(ct.total_clean_days);
    let more = match &ct.next_milestone {
        Some(m) => t!(Key::CleanTimeInAllNext, total = total, next = m.label),
        None => t!(Key::CleanTimeInAll, total = total),
    };
    let unit = trn(Key::CleanTimeSinceLastUse, ct.days_since_last_use, &[]);
    view! {
        <p class="clean-time__main">
            <span class="big-number">{ct.days_since_last_use}</span>" "
            <span class="clean-time__unit">{unit}</span>
        </p>
        <p class="clean-time__more">
            {more}
        </p>
        {ct.reached_today.map(|m| view! {
            <p class="clean-time__celebrate">
                {t!(Key::CleanTimeReachedToday, milestone = m.label)}
            </p>
        })}
        {fresh_start.then(|| view! {
            <p class="small">{t!(Key::CleanTimeFreshStart)}</p>
        })}
        {(!start_set).then(|| view! {
            <details class="clean-time__set-start">
                <summary class="small">{t!(Key::CleanTimeSetStart)}</summary>
                <RecoveryStartField label=t!(Key::CleanTimeFirstDay)/>
            </details>
        })}
    }
}

#[component]
pub fn CleanTimeCard() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let checkins = use_collection::<CheckIn>();
    let today = today();
    let complete = checkins.complete;
    let figures = Memo::new(move |_| {
        // Until the whole journal is read, a count could be wrong (a lapse or
        // the first check-in may be in the part still loading).
        if !complete.get() {
            return None;
        }
        let start = settings.value.with(|s| s.recovery_start);
        let values = checkins.items.with(|items| checkin_values(items));
        clean_time(start, earliest_date(&values), &use_dates(&values), today)
    });
    let start_set = Memo::new(move |_| settings.value.with(|s| s.recovery_start.is_some()));
    view! {
        <section class="card clean-time" aria-labelledby="clean-time-title">
            <h2 id="clean-time-title" class="card__title">{t!(Key::CleanTimeTitle)}</h2>
            {move || match figures.get() {
                _ if !complete.get() => view! {
                    <p class="muted" role="status">{t!(Key::CleanTimeCounting)}</p>
                }
                .into_any(),
                Some(ct) => counts_view(ct, start_set.get()).into_any(),
                None => view! {
                    <p>{t!(Key::CleanTimeAskStart)}</p>
                    <RecoveryStartField label=t!(Key::CleanTimeFirstDay)/>
                }
                .into_any(),
            }}
        </section>
    }
}
