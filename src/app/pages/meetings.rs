//! Meetings (steps 4 and 7): the weekly meetings you go to, when the next
//! one is, and a log of the ones you went to, counted month by month.

use crate::app::components::download::{can_download, cannot_download};
use crate::app::components::record_dates::{
    day_words, input_date, input_time, month_words, parse_date, parse_time, time_words,
};
use crate::app::components::record_fields::{SelectField, TextField};
use crate::app::components::record_form::{
    use_record_form, Binding, FormCtl, RecordForm, RecordFormFrame,
};
use crate::app::components::record_list::{RowActions, UndoDelete};
use crate::app::components::record_steps::StepLinks;
use crate::app::components::settings_reminders::{now_local_and_utc, save_ics};
use crate::app::hooks::{use_collection, use_doc, CollectionHandle};
use crate::app::state::{new_id, now_ms, today};
use crate::content::ToolId;
use crate::domain::reminders::{
    meeting_file_name, meeting_ics, meeting_title, IcsContext, DEFAULT_MEETING_LEAD, MEETING_LEADS,
};
use crate::domain::settings::Settings;
use crate::domain::tools::{attendance_per_month, Attendance, FieldError, Meeting};
use crate::i18n::{format, trn, Key};
use crate::t;
use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::insights::WEEKDAYS;

/// The full name of a weekday in the current language, for labels.
fn weekday_name(w: Weekday) -> &'static str {
    format::weekday_by_index(w.num_days_from_monday() as usize)
}

/// "1 meeting", "3 meetings".
fn meetings_count(n: u32) -> String {
    trn(Key::MeetingsCount, i64::from(n), &[])
}

/// The meeting form, as typed. `weekday` is 0 (Monday) to 6 (Sunday).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct MeetingForm {
    name: String,
    weekday: String,
    time: String,
    place: String,
    link: String,
    notes: String,
}

impl RecordForm for MeetingForm {
    type Record = Meeting;

    fn blank() -> Self {
        MeetingForm {
            weekday: today().weekday().num_days_from_monday().to_string(),
            ..MeetingForm::default()
        }
    }

    fn from_record(m: &Meeting) -> Self {
        MeetingForm {
            name: m.name.clone(),
            weekday: m.weekday.num_days_from_monday().to_string(),
            time: input_time(m.time),
            place: m.place.clone(),
            link: m.link.clone(),
            notes: m.notes.clone(),
        }
    }

    fn to_record(&self, id: String, now_ms: i64) -> Result<Meeting, Vec<FieldError>> {
        let mut errors = Vec::new();
        let weekday = self
            .weekday
            .parse::<u8>()
            .ok()
            .and_then(|n| Weekday::try_from(n).ok());
        if weekday.is_none() {
            errors.push(FieldError::new("weekday", t!(Key::MeetingsPickWeekday)));
        }
        let time = parse_time(&self.time);
        if time.is_none() {
            errors.push(FieldError::new("time", t!(Key::MeetingsTimeRequired)));
        }
        let meeting = Meeting {
            id,
            name: self.name.trim().to_owned(),
            weekday: weekday.unwrap_or(Weekday::Mon),
            time: time.unwrap_or(NaiveTime::MIN),
            place: self.place.trim().to_owned(),
            link: self.link.trim().to_owned(),
            notes: self.notes.trim_end().to_owned(),
            updated_ms: now_ms,
        };
        if let Err(more) = meeting.validate() {
            errors.extend(more);
        }
        if errors.is_empty() {
            Ok(meeting)
        } else {
            Err(errors)
        }
    }
}

/// The "add a meeting you went to" form. `meeting` is a saved meeting's id,
/// or empty for another meeting typed in `name`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct AttendanceForm {
    meeting: String,
    name: String,
    date: String,
}

impl RecordForm for AttendanceForm {
    type Record = Attendance;

    fn blank() -> Self {
        AttendanceForm {
            date: input_date(today()),
            ..AttendanceForm::default()
        }
    }

    fn from_record(a: &Attendance) -> Self {
        AttendanceForm {
            meeting: a.meeting_id.clone().unwrap_or_default(),
            name: a.name.clone(),
            date: input_date(a.date),
        }
    }

    fn to_record(&self, id: String, now_ms: i64) -> Result<Attendance, Vec<FieldError>> {
        let mut errors = Vec::new();
        let today = today();
        let date = parse_date(&self.date);
        match date {
            None => errors.push(FieldError::new("date", t!(Key::MeetingsPickDayWent))),
            Some(d) if d > today => errors.push(FieldError::new("date", t!(Key::RecordsFutureDay))),
            Some(_) => {}
        }
        let meeting_id = Some(self.meeting.trim().to_owned()).filter(|m| !m.is_empty());
        let attendance = Attendance {
            id,
            meeting_id,
            name: self.name.trim().to_owned(),
            date: date.unwrap_or(today),
            updated_ms: now_ms,
        };
        if let Err(more) = attendance.validate() {
            errors.extend(more);
        }
        if errors.is_empty() {
            Ok(attendance)
        } else {
            Err(errors)
        }
    }
}

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let meetings = use_collection::<Meeting>();
    let log = use_collection::<Attendance>();
    view! {
        <div class="record-page">
            <h1>{t!(Key::MeetingsTitle)}</h1>
            <StepLinks tool=ToolId::Meetings/>
            <SavedMeetings meetings=meetings log=log/>
            <AttendanceLog meetings=meetings log=log/>
        </div>
    }
}

#[component]
fn SavedMeetings(
    meetings: CollectionHandle<Meeting>,
    log: CollectionHandle<Attendance>,
) -> impl IntoView {
    let ctl = use_record_form::<MeetingForm>("meeting");
    let undo = UndoDelete::new(meetings, "meeting");
    let went_error = RwSignal::new(None::<String>);
    let settings = use_doc::<Settings>();
    let discreet = Signal::derive(move || settings.value.with(|s| s.discreet));
    let weekday_options: Vec<(String, String)> = WEEKDAYS
        .iter()
        .map(|w| {
            (
                w.num_days_from_monday().to_string(),
                weekday_name(*w).to_owned(),
            )
        })
        .collect();

    let list = move || {
        let today = today();
        let mut items: Vec<Meeting> = meetings.items.get().into_iter().map(|e| e.value).collect();
        if items.is_empty() {
            return view! {
                <p class="muted">{t!(Key::MeetingsEmpty)}</p>
            }
            .into_any();
        }
        items.sort_by_key(|m| (m.next_date(today), m.time));
        let went: Vec<String> = log.items.with(|l| {
            l.iter()
                .filter(|a| a.value.date == today)
                .filter_map(|a| a.value.meeting_id.clone())
                .collect()
        });
        view! {
            <ul class="list-plain record-list">
                {items
                    .into_iter()
                    .map(|m| {
                        let already = went.contains(&m.id);
                        meeting_row(m, today, already, meetings, log, ctl, undo, went_error, discreet)
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    view! {
        <section class="record-section" aria-labelledby="meetings-list-title">
            <h2 id="meetings-list-title">{t!(Key::MeetingsListTitle)}</h2>
            {move || went_error.get().map(|m| view! { <p class="notice notice--danger" role="alert">{m}</p> })}
            {list}
            {undo.view()}
        </section>
        <RecordFormFrame
            ctl=ctl
            handle=meetings
            collapsed=Signal::derive(move || meetings.items.with(|i| !i.is_empty()))
            title_new=t!(Key::MeetingsAdd)
            title_edit=t!(Key::MeetingsChange)
            save_label=t!(Key::MeetingsSave)
        >
            <TextField id=ctl.id("name") label=t!(Key::MeetingsNameLabel) autocomplete="off"
                bind=ctl.bind(|f| f.name.clone(), |f, v| f.name = v) error=ctl.error("name")/>
            <SelectField id=ctl.id("weekday") label=t!(Key::MeetingsWeekdayLabel) options=weekday_options
                bind=ctl.bind(|f| f.weekday.clone(), |f, v| f.weekday = v) error=ctl.error("weekday")/>
            <TextField id=ctl.id("time") label=t!(Key::MeetingsStartTime) kind="time"
                bind=ctl.bind(|f| f.time.clone(), |f, v| f.time = v) error=ctl.error("time")/>
            <TextField id=ctl.id("place") label=t!(Key::RecordsPlaceOptional)
                bind=ctl.bind(|f| f.place.clone(), |f, v| f.place = v) error=ctl.error("place")/>
            <TextField id=ctl.id("link") label=t!(Key::MeetingsLinkLabel) kind="url" inputmode="url"
                hint=t!(Key::MeetingsLinkHint)
                bind=ctl.bind(|f| f.link.clone(), |f, v| f.link = v) error=ctl.error("link")/>
            <TextField id=ctl.id("notes") label=t!(Key::RecordsNotesOptional) multiline=true
                bind=ctl.bind(|f| f.notes.clone(), |f, v| f.notes = v) error=ctl.error("notes")/>
        </RecordFormFrame>
    }
}

#[allow(clippy::too_many_arguments)]
fn meeting_row(
    m: Meeting,
    today: NaiveDate,
    already: bool,
    meetings: CollectionHandle<Meeting>,
    log: CollectionHandle<Attendance>,
    ctl: FormCtl<MeetingForm>,
    undo: UndoDelete<Meeting>,
    went_error: RwSignal<Option<String>>,
    discreet: Signal<bool>,
) -> impl IntoView {
    let name = m.name.trim().to_owned();
    let reminder = meeting_reminder(&m, discreet);
    let every = t!(
        Key::MeetingsEvery,
        weekday = weekday_name(m.weekday),
        time = time_words(m.time)
    );
    let next = t!(
        Key::MeetingsNext,
        day = day_words(m.next_date(today), today)
    );
    let id = m.id.clone();
    let edit_id = id.clone();
    let delete_name = name.clone();
    let on_edit = Callback::new(move |_| {
        if let Some(env) = meetings.get(&edit_id) {
            ctl.edit(&env);
        }
    });
    let on_delete = Callback::new(move |_| {
        if undo.delete(&id, delete_name.clone()) {
            ctl.forget(&id);
        }
    });
    let place = (!m.place.trim().is_empty()).then(|| view! { <p>{m.place.clone()}</p> });
    let link = m.link_href().map(|href| {
        view! {
            <p><a href=href target="_blank" rel="noopener noreferrer">{t!(Key::MeetingsJoin)}</a></p>
        }
    });
    let notes = (!m.notes.trim().is_empty())
        .then(|| view! { <p class="record-row__notes">{m.notes.clone()}</p> });
    let went = if already {
        view! { <p class="record-row__done">{t!(Key::MeetingsWentTodayDone)}</p> }.into_any()
    } else {
        let meeting_id = m.id.clone();
        let meeting_name = name.clone();
        let hidden = format!(" {}", t!(Key::MeetingsWentTo, name = name));
        view! {
            <button type="button" class="button button--primary" on:click=move |_| {
                let attendance = Attendance {
                    id: new_id(),
                    meeting_id: Some(meeting_id.clone()),
                    name: meeting_name.clone(),
                    date: today,
                    updated_ms: now_ms(),
                };
                went_error.set(log.save(attendance, None).err());
            }>
                {t!(Key::MeetingsWentToday)} <span class="visually-hidden">{hidden}</span>
            </button>
        }
        .into_any()
    };
    view! {
        <li class="card record-row">
            <h3 class="record-row__title">{name.clone()}</h3>
            <p class="muted small">{every}</p>
            <p>{next}</p>
            {place}
            {link}
            {notes}
            <div class="row">{went}</div>
            {reminder}
            <RowActions name=name on_edit=on_edit on_delete=on_delete/>
        </li>
    }
}

/// A saved meeting's weekly reminder: how many minutes before, and a button
/// that downloads it as a calendar file (the phone's calendar rings; Waymark
/// has no server). The UID comes from the meeting's id, so a second download
/// replaces the first event. The lead is not stored: it is in the file.
fn meeting_reminder(m: &Meeting, discreet: Signal<bool>) -> impl IntoView {
    let meeting = m.clone();
    let name = m.name.trim().to_owned();
    let lead = RwSignal::new(DEFAULT_MEETING_LEAD.to_string());
    let saved = RwSignal::new(None::<&'static str>);
    let error = RwSignal::new(None::<String>);
    let lead_options: Vec<(String, String)> = MEETING_LEADS
        .iter()
        .map(|n| {
            (
                n.to_string(),
                trn(Key::RemindersMeetingLead, i64::from(*n), &[]),
            )
        })
        .collect();
    let lead_bind = Binding::new(Signal::derive(move || lead.get()), move |v: String| {
        saved.set(None);
        lead.set(v);
    });
    let controls = if can_download() {
        let download = meeting.clone();
        let hidden = format!(": {name}");
        view! {
            <SelectField id=format!("meeting-lead-{}", m.id) label=t!(Key::RemindersMeetingLeadLabel)
                options=lead_options bind=lead_bind/>
            <button type="button" class="button" on:click=move |_| {
                saved.set(None);
                let minutes = lead
                    .get_untracked()
                    .parse::<u32>()
                    .unwrap_or(DEFAULT_MEETING_LEAD);
                let (now_local, now_utc) = now_local_and_utc();
                let cx = IcsContext {
                    now_local,
                    now_utc,
                    discreet: discreet.get_untracked(),
                    open_url: None,
                };
                match save_ics(&meeting_file_name(&download), &meeting_ics(&download, minutes, &cx)) {
                    Ok(()) => {
                        error.set(None);
                        saved.set(Some(t!(Key::RemindersSaved)));
                    }
                    Err(message) => error.set(Some(message)),
                }
            }>
                {t!(Key::RemindersMeetingDownload)} <span class="visually-hidden">{hidden}</span>
            </button>
            <p class="settings__saved" role="status">{move || saved.get()}</p>
            <p class="field__error" role="alert">{move || error.get()}</p>
        }
        .into_any()
    } else {
        view! { <p class="notice">{cannot_download()}</p> }.into_any()
    };
    let about = move || {
        let title = meeting_title(&meeting, discreet.get());
        let privacy = if discreet.get() {
            t!(Key::RemindersDiscreetOn, title = title.clone())
        } else {
            t!(Key::RemindersMeetingPrivacy).to_owned()
        };
        view! {
            <p class="muted small">{t!(Key::RemindersMeetingRemove, title = title)}</p>
            <p class="muted small">{privacy}</p>
        }
    };
    view! {
        <details class="settings__breakdown">
            <summary>
                {t!(Key::RemindersMeetingSummary)}
                <span class="visually-hidden">{format!(": {name}")}</span>
            </summary>
            <p class="field__hint">{t!(Key::RemindersMeetingWhy)}</p>
            {controls}
            {about}
        </details>
    }
}

#[component]
fn AttendanceLog(
    meetings: CollectionHandle<Meeting>,
    log: CollectionHandle<Attendance>,
) -> impl IntoView {
    let ctl = use_record_form::<AttendanceForm>("attendance");
    let undo = UndoDelete::new(log, "attendance");

    let months = move || {
        let entries: Vec<Attendance> = log.items.get().into_iter().map(|e| e.value).collect();
        let per_month = attendance_per_month(&entries);
        if per_month.is_empty() {
            return view! {
                <p class="muted">{t!(Key::MeetingsLogEmpty)}</p>
            }
            .into_any();
        }
        let today = today();
        let this_month = per_month
            .iter()
            .find(|(y, m, _)| *y == today.year() && *m == today.month())
            .map(|(_, _, n)| *n)
            .unwrap_or(0);
        view! {
            <p class="record-total">{t!(Key::MeetingsThisMonth)} " " <strong>{meetings_count(this_month)}</strong></p>
            <ul class="list-plain record-months">
                {per_month
                    .into_iter()
                    .rev()
                    .filter(|(y, m, _)| (*y, *m) != (today.year(), today.month()))
                    .map(|(y, m, n)| view! { <li>{month_words(y, m)} ": " {meetings_count(n)}</li> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    let entries = move || {
        let today = today();
        let mut items: Vec<Attendance> = log.items.get().into_iter().map(|e| e.value).collect();
        items.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));
        let names: Vec<(String, String)> = meetings.items.with(|ms| {
            ms.iter()
                .map(|e| (e.value.id.clone(), e.value.name.clone()))
                .collect()
        });
        items
            .into_iter()
            .map(|a| {
                let name = if a.name.trim().is_empty() {
                    a.meeting_id
                        .as_ref()
                        .and_then(|id| names.iter().find(|(i, _)| i == id))
                        .map(|(_, n)| n.clone())
                        .unwrap_or_else(|| t!(Key::MeetingsAMeeting).to_owned())
                } else {
                    a.name.clone()
                };
                let label = format!("{name}, {}", day_words(a.date, today));
                let id = a.id.clone();
                let edit_id = id.clone();
                let delete_label = label.clone();
                let on_edit = Callback::new(move |_| {
                    if let Some(env) = log.get(&edit_id) {
                        ctl.edit(&env);
                    }
                });
                let on_delete = Callback::new(move |_| {
                    if undo.delete(&id, delete_label.clone()) {
                        ctl.forget(&id);
                    }
                });
                view! {
                    <li class="record-row record-row--compact">
                        <span>{label.clone()}</span>
                        <RowActions name=label on_edit=on_edit on_delete=on_delete/>
                    </li>
                }
            })
            .collect_view()
    };

    // Picking a saved meeting fills in its name; "Another meeting" clears
    // it so the user can type one.
    let state = ctl.state;
    let pick = Binding::new(
        Signal::derive(move || state.with(|s| s.form.meeting.clone())),
        move |id: String| {
            let name = meetings.get(&id).map(|e| e.value.name).unwrap_or_default();
            ctl.status.set(None);
            state.update(|s| {
                s.form.meeting = id;
                s.form.name = name;
            });
        },
    );
    let options = Signal::derive(move || {
        let mut opts = vec![(String::new(), t!(Key::MeetingsAnother).to_owned())];
        opts.extend(
            meetings
                .items
                .get()
                .into_iter()
                .map(|e| (e.value.id.clone(), e.value.name.clone())),
        );
        opts
    });
    let other = move || state.with(|s| s.form.meeting.is_empty());

    view! {
        <section class="record-section" aria-labelledby="attendance-log-title">
            <h2 id="attendance-log-title">{t!(Key::MeetingsLogTitle)}</h2>
            {months}
            <ul class="list-plain record-list">{entries}</ul>
            {undo.view()}
        </section>
        <RecordFormFrame
            ctl=ctl
            handle=log
            collapsed=Signal::derive(move || log.items.with(|i| !i.is_empty()))
            title_new=t!(Key::MeetingsLogAdd)
            title_edit=t!(Key::RecordsChangeEntry)
            save_label=t!(Key::MeetingsLogSave)
        >
            {move || {
                let opts = options.get();
                (opts.len() > 1).then(|| view! {
                    <SelectField id=ctl.id("meeting") label=t!(Key::MeetingsWhich) options=opts bind=pick/>
                })
            }}
            <Show when=other>
                <TextField id=ctl.id("name") label=t!(Key::MeetingsNameLabel) autocomplete="off"
                    bind=ctl.bind(|f| f.name.clone(), |f, v| f.name = v) error=ctl.error("name")/>
            </Show>
            <TextField id=ctl.id("date") label=t!(Key::MeetingsDateWent) kind="date"
                bind=ctl.bind(|f| f.date.clone(), |f, v| f.date = v) error=ctl.error("date")/>
        </RecordFormFrame>
    }
}
