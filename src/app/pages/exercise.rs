//! The exercise log (step 9): what you did, for how long, and your mood
//! before and after, so you can see for yourself what moving does for you.

use crate::app::components::record_dates::{day_words, input_date, parse_date, short_date};
use crate::app::components::record_fields::{parse_scale, scale_options, RadioGroup, TextField};
use crate::app::components::record_form::{use_record_form, FormCtl, RecordForm, RecordFormFrame};
use crate::app::components::record_list::{RowActions, UndoDelete};
use crate::app::components::record_steps::StepLinks;
use crate::app::hooks::{use_collection, CollectionHandle};
use crate::app::state::today;
use crate::content::ToolId;
use crate::domain::checkin::mood_word;
use crate::domain::tools::{week_start, weekly_totals, ExerciseLog, FieldError};
use crate::i18n::{trn, Key};
use crate::t;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How many weeks the summary shows, this one included.
const WEEKS_SHOWN: usize = 4;

/// "1 minute", "30 minutes".
fn minutes_words(n: u32) -> String {
    trn(Key::ExerciseMinutes, i64::from(n), &[])
}

/// The mood change of one session in plain words.
fn mood_change_words(log: &ExerciseLog) -> String {
    let before = mood_word(log.mood_before).unwrap_or("?");
    let after = mood_word(log.mood_after).unwrap_or("?");
    let (before, after) = (before.to_lowercase(), after.to_lowercase());
    match log.mood_change() {
        0 => t!(Key::ExerciseMoodSame, before = before),
        d if d > 0 => t!(Key::ExerciseMoodUp, before = before, after = after),
        _ => t!(Key::ExerciseMoodDown, before = before, after = after),
    }
}

/// The exercise form, as typed and picked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct ExerciseForm {
    date: String,
    activity: String,
    minutes: String,
    mood_before: Option<u8>,
    mood_after: Option<u8>,
    notes: String,
}

impl RecordForm for ExerciseForm {
    type Record = ExerciseLog;

    fn blank() -> Self {
        ExerciseForm {
            date: input_date(today()),
            ..ExerciseForm::default()
        }
    }

    fn from_record(x: &ExerciseLog) -> Self {
        ExerciseForm {
            date: input_date(x.date),
            activity: x.activity.clone(),
            minutes: x.minutes.to_string(),
            mood_before: Some(x.mood_before),
            mood_after: Some(x.mood_after),
            notes: x.notes.clone(),
        }
    }

    fn to_record(&self, id: String, now_ms: i64) -> Result<ExerciseLog, Vec<FieldError>> {
        let mut errors = Vec::new();
        let today = today();
        let date = parse_date(&self.date);
        match date {
            None => errors.push(FieldError::new("date", t!(Key::ExercisePickDay))),
            Some(d) if d > today => errors.push(FieldError::new("date", t!(Key::RecordsFutureDay))),
            Some(_) => {}
        }
        let log = ExerciseLog {
            id,
            date: date.unwrap_or(today),
            activity: self.activity.trim().to_owned(),
            // Text that is not a whole number counts as 0, which the domain
            // check explains (the minutes range message).
            minutes: self.minutes.trim().parse().unwrap_or(0),
            mood_before: self.mood_before.unwrap_or(0),
            mood_after: self.mood_after.unwrap_or(0),
            notes: self.notes.trim_end().to_owned(),
            updated_ms: now_ms,
        };
        if let Err(more) = log.validate() {
            errors.extend(more);
        }
        if errors.is_empty() {
            Ok(log)
        } else {
            Err(errors)
        }
    }
}

#[component]
pub fn ExercisePage() -> impl IntoView {
    let logs = use_collection::<ExerciseLog>();
    let ctl = use_record_form::<ExerciseForm>("exercise");
    let undo = UndoDelete::new(logs, "exercise");

    let summary = move || {
        let today = today();
        let values: Vec<ExerciseLog> = logs.items.get().into_iter().map(|e| e.value).collect();
        let totals = weekly_totals(&values, today);
        let this_week = totals
            .last()
            .filter(|(w, _)| *w == week_start(today))
            .map(|(_, n)| *n)
            .unwrap_or(0);
        let earlier: Vec<(chrono::NaiveDate, u32)> = totals
            .iter()
            .rev()
            .skip(1)
            .take(WEEKS_SHOWN - 1)
            .copied()
            .collect();
        view! {
            <p class="record-total">{t!(Key::ExerciseThisWeek)} " " <strong>{minutes_words(this_week)}</strong></p>
            {(!earlier.is_empty()).then(|| view! {
                <ul class="list-plain record-months">
                    {earlier
                        .into_iter()
                        .map(|(w, n)| view! {
                            <li>{t!(Key::ExerciseWeekOf, date = short_date(w), minutes = minutes_words(n))}</li>
                        })
                        .collect_view()}
                </ul>
            })}
        }
    };

    let list = move || {
        let today = today();
        let mut values: Vec<ExerciseLog> = logs.items.get().into_iter().map(|e| e.value).collect();
        if values.is_empty() {
            return view! {
                <p class="muted">{t!(Key::ExerciseEmpty)}</p>
            }
            .into_any();
        }
        values.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));
        view! {
            <ul class="list-plain record-list">
                {values.into_iter().map(|x| log_row(x, today, logs, ctl, undo)).collect_view()}
            </ul>
        }
        .into_any()
    };

    let activities = move || {
        let mut seen: Vec<String> = Vec::new();
        logs.items.with(|items| {
            for e in items.iter().rev() {
                let a = e.value.activity.trim();
                if !a.is_empty() && !seen.iter().any(|s| s.eq_ignore_ascii_case(a)) {
                    seen.push(a.to_owned());
                }
            }
        });
        seen.into_iter()
            .map(|a| view! { <option value=a></option> })
            .collect_view()
    };

    view! {
        <div class="record-page">
            <h1>{t!(Key::ExerciseTitle)}</h1>
            <StepLinks tool=ToolId::Exercise/>
            <section class="record-section" aria-labelledby="exercise-weeks-title">
                <h2 id="exercise-weeks-title">{t!(Key::ExerciseWeeksTitle)}</h2>
                {summary}
            </section>
            <datalist id="exercise-activities">{activities}</datalist>
            <RecordFormFrame
                ctl=ctl
                handle=logs
                title_new=t!(Key::ExerciseLogTitle)
                title_edit=t!(Key::RecordsChangeEntry)
                save_label=t!(Key::ExerciseSave)
            >
                <TextField id=ctl.id("date") label=t!(Key::RecordsDate) kind="date"
                    bind=ctl.bind(|f| f.date.clone(), |f, v| f.date = v) error=ctl.error("date")/>
                <TextField id=ctl.id("activity") label=t!(Key::ExerciseActivityLabel) list="exercise-activities"
                    autocomplete="off" hint=t!(Key::ExerciseActivityHint)
                    bind=ctl.bind(|f| f.activity.clone(), |f, v| f.activity = v) error=ctl.error("activity")/>
                <TextField id=ctl.id("minutes") label=t!(Key::ExerciseMinutesLabel) inputmode="numeric"
                    bind=ctl.bind(|f| f.minutes.clone(), |f, v| f.minutes = v) error=ctl.error("minutes")/>
                <RadioGroup id=ctl.id("mood_before") legend=t!(Key::ExerciseMoodBefore) name="exercise-mood-before"
                    options=scale_options(mood_word)
                    bind=ctl.bind(
                        |f| f.mood_before.map(|m| m.to_string()).unwrap_or_default(),
                        |f, v| f.mood_before = parse_scale(&v),
                    )
                    error=ctl.error("mood_before")/>
                <RadioGroup id=ctl.id("mood_after") legend=t!(Key::ExerciseMoodAfter) name="exercise-mood-after"
                    options=scale_options(mood_word)
                    bind=ctl.bind(
                        |f| f.mood_after.map(|m| m.to_string()).unwrap_or_default(),
                        |f, v| f.mood_after = parse_scale(&v),
                    )
                    error=ctl.error("mood_after")/>
                <TextField id=ctl.id("notes") label=t!(Key::RecordsNotesOptional) multiline=true
                    bind=ctl.bind(|f| f.notes.clone(), |f, v| f.notes = v) error=ctl.error("notes")/>
            </RecordFormFrame>
            <section class="record-section" aria-labelledby="exercise-log-title">
                <h2 id="exercise-log-title">{t!(Key::ExerciseYourLog)}</h2>
                {list}
                {undo.view()}
            </section>
        </div>
    }
}

fn log_row(
    x: ExerciseLog,
    today: chrono::NaiveDate,
    logs: CollectionHandle<ExerciseLog>,
    ctl: FormCtl<ExerciseForm>,
    undo: UndoDelete<ExerciseLog>,
) -> impl IntoView {
    let activity = x.activity.trim().to_owned();
    let when = day_words(x.date, today);
    let label = format!("{activity}, {when}");
    let id = x.id.clone();
    let edit_id = id.clone();
    let delete_label = label.clone();
    let on_edit = Callback::new(move |_| {
        if let Some(env) = logs.get(&edit_id) {
            ctl.edit(&env);
        }
    });
    let on_delete = Callback::new(move |_| {
        if undo.delete(&id, delete_label.clone()) {
            ctl.forget(&id);
        }
    });
    let notes = (!x.notes.trim().is_empty())
        .then(|| view! { <p class="record-row__notes">{x.notes.clone()}</p> });
    view! {
        <li class="card record-row">
            <p class="record-row__title">{activity} ", " {minutes_words(u32::from(x.minutes))}</p>
            <p class="muted small">{when}</p>
            <p>{mood_change_words(&x)}</p>
            {notes}
            <RowActions name=label on_edit=on_edit on_delete=on_delete/>
        </li>
    }
}
