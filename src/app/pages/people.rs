//! Your support network (steps 2, 3, 4 and 7): the people you can call or
//! text in one tap, and your appointments with professionals, each of which
//! can go into the phone's own calendar (the app has no server to remind
//! you, the calendar does).

use crate::app::components::download::{can_download, download_text};
use crate::app::components::record_dates::{
    day_words, input_date, input_time, parse_date, parse_time, time_words,
};
use crate::app::components::record_fields::{CheckField, SelectField, TextField};
use crate::app::components::record_form::{use_record_form, RecordForm, RecordFormFrame};
use crate::app::components::record_list::{RowActions, UndoDelete};
use crate::app::components::record_steps::StepLinks;
use crate::app::hooks::use_collection;
use crate::app::state::{now_ms, today};
use crate::content::ToolId;
use crate::domain::ics::{appointment_to_ics, ics_file_name};
use crate::domain::tools::{crisis_order, sorted_for_list, Appointment, Contact, FieldError, Role};
use crate::i18n::Key;
use crate::t;
use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Makes calendar UIDs unique beyond this app.
const UID_DOMAIN: &str = "waymark.app";

/// The person form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct ContactForm {
    name: String,
    role: String,
    phone: String,
    email: String,
    notes: String,
    emergency: bool,
}

impl RecordForm for ContactForm {
    type Record = Contact;

    fn blank() -> Self {
        ContactForm {
            role: Role::Friend.key().to_owned(),
            ..ContactForm::default()
        }
    }

    fn from_record(c: &Contact) -> Self {
        ContactForm {
            name: c.name.clone(),
            role: c.role.key().to_owned(),
            phone: c.phone.clone(),
            email: c.email.clone(),
            notes: c.notes.clone(),
            emergency: c.emergency,
        }
    }

    fn to_record(&self, id: String, now_ms: i64) -> Result<Contact, Vec<FieldError>> {
        let contact = Contact {
            id,
            name: self.name.trim().to_owned(),
            role: Role::from_key(&self.role),
            phone: self.phone.trim().to_owned(),
            email: self.email.trim().to_owned(),
            notes: self.notes.trim_end().to_owned(),
            emergency: self.emergency,
            updated_ms: now_ms,
        };
        contact.validate().map(|_| contact)
    }
}

/// The appointment form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct AppointmentForm {
    with_whom: String,
    date: String,
    time: String,
    place: String,
    questions: String,
    notes_after: String,
}

impl RecordForm for AppointmentForm {
    type Record = Appointment;

    fn blank() -> Self {
        AppointmentForm {
            date: input_date(today()),
            ..AppointmentForm::default()
        }
    }

    fn from_record(a: &Appointment) -> Self {
        AppointmentForm {
            with_whom: a.with_whom.clone(),
            date: input_date(a.date),
            time: a.time.map(input_time).unwrap_or_default(),
            place: a.place.clone(),
            questions: a.questions.clone(),
            notes_after: a.notes_after.clone(),
        }
    }

    fn to_record(&self, id: String, now_ms: i64) -> Result<Appointment, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = parse_date(&self.date);
        if date.is_none() {
            errors.push(FieldError::new("date", t!(Key::PeoplePickDay)));
        }
        let time = if self.time.trim().is_empty() {
            None
        } else {
            let t = parse_time(&self.time);
            if t.is_none() {
                errors.push(FieldError::new("time", t!(Key::PeopleTimeBad)));
            }
            t
        };
        let mut appt = Appointment::new(id, date.unwrap_or_else(today));
        appt.with_whom = self.with_whom.trim().to_owned();
        appt.time = time;
        appt.place = self.place.trim().to_owned();
        appt.questions = self.questions.trim_end().to_owned();
        appt.notes_after = self.notes_after.trim_end().to_owned();
        appt.updated_ms = now_ms;
        if let Err(more) = appt.validate() {
            errors.extend(more);
        }
        if errors.is_empty() {
            Ok(appt)
        } else {
            Err(errors)
        }
    }
}

/// The current UTC time, for the calendar file's DTSTAMP.
fn now_utc() -> NaiveDateTime {
    chrono::DateTime::from_timestamp_millis(now_ms())
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! {
        <div class="record-page">
            <h1>{t!(Key::PeopleTitle)}</h1>
            <StepLinks tool=ToolId::People/>
            <ContactsSection/>
            <AppointmentsSection/>
        </div>
    }
}

#[component]
fn ContactsSection() -> impl IntoView {
    let contacts = use_collection::<Contact>();
    let ctl = use_record_form::<ContactForm>("contact");
    let undo = UndoDelete::new(contacts, "contact");
    let role_options: Vec<(String, String)> = Role::ALL
        .iter()
        .map(|r| (r.key().to_owned(), r.label().to_owned()))
        .collect();

    let list = move || {
        let items = contacts.items.get();
        let values: Vec<Contact> = items.iter().map(|e| e.value.clone()).collect();
        let ordered: Vec<Contact> = crisis_order(&values).into_iter().cloned().collect();
        if ordered.is_empty() {
            return view! {
                <p class="muted">{t!(Key::PeoplePeopleEmpty)}</p>
            }
            .into_any();
        }
        view! {
            <ul class="list-plain record-list">
                {ordered
                    .into_iter()
                    .map(|c| contact_row(c, contacts, ctl, undo))
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    view! {
        <section class="record-section" aria-labelledby="people-list-title">
            <h2 id="people-list-title">{t!(Key::PeoplePeopleTitle)}</h2>
            {list}
            {undo.view()}
        </section>
        <RecordFormFrame
            ctl=ctl
            handle=contacts
            collapsed=Signal::derive(move || contacts.items.with(|i| !i.is_empty()))
            title_new=t!(Key::PeopleAddPerson)
            title_edit=t!(Key::PeopleChangePerson)
            save_label=t!(Key::PeopleSavePerson)
        >
            <TextField id=ctl.id("name") label=t!(Key::PeopleName) bind=ctl.bind(|f| f.name.clone(), |f, v| f.name = v)
                error=ctl.error("name") autocomplete="off"/>
            <SelectField id=ctl.id("role") label=t!(Key::PeopleRole) options=role_options
                bind=ctl.bind(|f| f.role.clone(), |f, v| f.role = v)/>
            <TextField id=ctl.id("phone") label=t!(Key::PeoplePhone) kind="tel" autocomplete="off"
                bind=ctl.bind(|f| f.phone.clone(), |f, v| f.phone = v) error=ctl.error("phone")/>
            <TextField id=ctl.id("email") label=t!(Key::PeopleEmail) kind="email" autocomplete="off"
                bind=ctl.bind(|f| f.email.clone(), |f, v| f.email = v) error=ctl.error("email")/>
            <TextField id=ctl.id("notes") label=t!(Key::RecordsNotesOptional) multiline=true
                hint=t!(Key::PeopleNotesHint)
                bind=ctl.bind(|f| f.notes.clone(), |f, v| f.notes = v) error=ctl.error("notes")/>
            <CheckField id=ctl.id("emergency") label=t!(Key::PeopleEmergency)
                bind=ctl.bind(|f| f.emergency, |f, v| f.emergency = v)/>
        </RecordFormFrame>
    }
}

fn contact_row(
    c: Contact,
    contacts: crate::app::hooks::CollectionHandle<Contact>,
    ctl: crate::app::components::record_form::FormCtl<ContactForm>,
    undo: UndoDelete<Contact>,
) -> impl IntoView {
    let name = c.display_name().to_owned();
    let id = c.id.clone();
    let edit_id = id.clone();
    let delete_name = name.clone();
    let on_edit = Callback::new(move |_| {
        if let Some(env) = contacts.get(&edit_id) {
            ctl.edit(&env);
        }
    });
    let on_delete = Callback::new(move |_| {
        if undo.delete(&id, delete_name.clone()) {
            ctl.forget(&id);
        }
    });
    let links = c.tel_href().zip(c.sms_href()).map(|(tel, sms)| {
        let n1 = name.clone();
        let n2 = name.clone();
        view! {
            <div class="row record-row__links">
                <a class="button button--primary" href=tel>{t!(Key::PeopleCall, name = n1)}</a>
                <a class="button" href=sms>{t!(Key::PeopleText, name = n2)}</a>
            </div>
        }
    });
    let email = (!c.email.trim().is_empty()).then(|| {
        let href = format!("mailto:{}", c.email.trim());
        view! { <p class="small"><a href=href>{c.email.clone()}</a></p> }
    });
    let notes = (!c.notes.trim().is_empty())
        .then(|| view! { <p class="record-row__notes">{c.notes.clone()}</p> });
    let meta = if c.emergency {
        t!(Key::PeopleRoleEmergency, role = c.role.label())
    } else {
        c.role.label().to_owned()
    };
    view! {
        <li class="card record-row">
            <h3 class="record-row__title">{name.clone()}</h3>
            <p class="muted small">{meta}</p>
            {links}
            {email}
            {notes}
            <RowActions name=name on_edit=on_edit on_delete=on_delete/>
        </li>
    }
}

#[component]
fn AppointmentsSection() -> impl IntoView {
    let appts = use_collection::<Appointment>();
    let contacts = use_collection::<Contact>();
    let ctl = use_record_form::<AppointmentForm>("appointment");
    let undo = UndoDelete::new(appts, "appointment");
    let download_error = RwSignal::new(None::<String>);
    let downloads = can_download();

    let list = move || {
        let today = today();
        let values: Vec<Appointment> = appts.items.get().into_iter().map(|e| e.value).collect();
        if values.is_empty() {
            return view! {
                <p class="muted">{t!(Key::PeopleApptsEmpty)}</p>
            }
            .into_any();
        }
        let sorted: Vec<Appointment> = sorted_for_list(&values, today)
            .into_iter()
            .cloned()
            .collect();
        let (upcoming, past): (Vec<Appointment>, Vec<Appointment>) =
            sorted.into_iter().partition(|a| a.is_upcoming(today));
        let group = move |title: &'static str, items: Vec<Appointment>| {
            (!items.is_empty()).then(|| {
                view! {
                    <h3>{title}</h3>
                    <ul class="list-plain record-list">
                        {items
                            .into_iter()
                            .map(|a| appointment_row(a, today, appts, ctl, undo, downloads, download_error))
                            .collect_view()}
                    </ul>
                }
            })
        };
        view! {
            {group(t!(Key::PeopleComingUp), upcoming)}
            {group(t!(Key::PeoplePast), past)}
        }
        .into_any()
    };

    let people = move || {
        contacts
            .items
            .get()
            .into_iter()
            .map(|e| view! { <option value=e.value.display_name().to_owned()></option> })
            .collect_view()
    };

    view! {
        <section class="record-section" aria-labelledby="appointments-title">
            <h2 id="appointments-title">{t!(Key::PeopleApptsTitle)}</h2>
            {(!downloads).then(|| view! {
                <p class="muted small">{crate::app::components::download::cannot_download()}</p>
            })}
            {move || download_error.get().map(|m| view! { <p class="notice notice--danger" role="alert">{m}</p> })}
            {list}
            {undo.view()}
        </section>
        <datalist id="appointment-people">{people}</datalist>
        <RecordFormFrame
            ctl=ctl
            handle=appts
            collapsed=Signal::derive(move || appts.items.with(|i| !i.is_empty()))
            title_new=t!(Key::PeopleAddAppt)
            title_edit=t!(Key::PeopleChangeAppt)
            save_label=t!(Key::PeopleSaveAppt)
        >
            <TextField id=ctl.id("with_whom") label=t!(Key::PeopleWithWhom) list="appointment-people"
                hint=t!(Key::PeopleWithWhomHint)
                bind=ctl.bind(|f| f.with_whom.clone(), |f, v| f.with_whom = v) error=ctl.error("with_whom")/>
            <TextField id=ctl.id("date") label=t!(Key::RecordsDate) kind="date"
                bind=ctl.bind(|f| f.date.clone(), |f, v| f.date = v) error=ctl.error("date")/>
            <TextField id=ctl.id("time") label=t!(Key::PeopleTimeOptional) kind="time"
                bind=ctl.bind(|f| f.time.clone(), |f, v| f.time = v) error=ctl.error("time")/>
            <TextField id=ctl.id("place") label=t!(Key::RecordsPlaceOptional)
                bind=ctl.bind(|f| f.place.clone(), |f, v| f.place = v) error=ctl.error("place")/>
            <TextField id=ctl.id("questions") label=t!(Key::PeopleQuestionsLabel) multiline=true
                hint=t!(Key::PeopleQuestionsHint)
                bind=ctl.bind(|f| f.questions.clone(), |f, v| f.questions = v) error=ctl.error("questions")/>
            <TextField id=ctl.id("notes_after") label=t!(Key::PeopleNotesAfterLabel) multiline=true
                hint=t!(Key::PeopleNotesAfterHint)
                bind=ctl.bind(|f| f.notes_after.clone(), |f, v| f.notes_after = v) error=ctl.error("notes_after")/>
        </RecordFormFrame>
    }
}

fn appointment_row(
    a: Appointment,
    today: chrono::NaiveDate,
    appts: crate::app::hooks::CollectionHandle<Appointment>,
    ctl: crate::app::components::record_form::FormCtl<AppointmentForm>,
    undo: UndoDelete<Appointment>,
    downloads: bool,
    download_error: RwSignal<Option<String>>,
) -> impl IntoView {
    let who = a.with_whom.trim().to_owned();
    let when = match a.time {
        Some(t) => t!(
            Key::PeopleDayAtTime,
            day = day_words(a.date, today),
            time = time_words(t)
        ),
        None => day_words(a.date, today),
    };
    let label = format!("{who}, {when}");
    let id = a.id.clone();
    let edit_id = id.clone();
    let delete_label = label.clone();
    let on_edit = Callback::new(move |_| {
        if let Some(env) = appts.get(&edit_id) {
            ctl.edit(&env);
        }
    });
    let on_delete = Callback::new(move |_| {
        if undo.delete(&id, delete_label.clone()) {
            ctl.forget(&id);
        }
    });
    let place = (!a.place.trim().is_empty()).then(|| view! { <p>{a.place.clone()}</p> });
    let questions = (!a.questions.trim().is_empty()).then(|| {
        view! {
            <p class="record-row__label">{t!(Key::PeopleQuestions)}</p>
            <p class="record-row__notes">{a.questions.clone()}</p>
        }
    });
    let notes = (!a.notes_after.trim().is_empty()).then(|| {
        view! {
            <p class="record-row__label">{t!(Key::PeopleNotesAfter)}</p>
            <p class="record-row__notes">{a.notes_after.clone()}</p>
        }
    });
    let calendar = downloads.then(|| {
        let appt = a.clone();
        let hidden = format!(": {label}");
        view! {
            <button type="button" class="button" on:click=move |_| {
                let ics = appointment_to_ics(&appt, now_utc(), UID_DOMAIN);
                download_error.set(download_text(&ics_file_name(&appt), "text/calendar;charset=utf-8", &ics).err());
            }>
                {t!(Key::PeopleAddToCalendar)} <span class="visually-hidden">{hidden}</span>
            </button>
        }
    });
    view! {
        <li class="card record-row">
            <p class="record-row__title">{who.clone()}</p>
            <p class="muted small">{when}</p>
            {place}
            {questions}
            {notes}
            <div class="row">{calendar}</div>
            <RowActions name=label on_edit=on_edit on_delete=on_delete/>
        </li>
    }
}
