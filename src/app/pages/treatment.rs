//! The treatment diary: the medicine the user takes, a daily dose log and
//! the Subjective Opiate Withdrawal Scale with its trend. The app only
//! records what the clinician set, in the user's words; it never suggests,
//! works out or changes a dose. Every form is a draft until it is saved.

use crate::app::hooks::{use_autosave, use_collection, use_doc};
use crate::app::state::{new_id, now_ms, today};
use crate::content::sows;
use crate::domain::tools::{
    trend, DoseLog, FieldError, Medication, MedicationKind, SowsRating, SOWS_MAX_TOTAL,
};
use crate::i18n::{format, trn, Key};
use crate::t;
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// "Tue, Jun 3, 2025".
fn day_words(d: NaiveDate) -> String {
    format::date_short(d)
}

fn message_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// The words on screen for an error list signal and one field.
fn error_signal(errors: RwSignal<Vec<FieldError>>, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || errors.with(|e| message_for(e, field)))
}

#[component]
pub fn TreatmentPage() -> impl IntoView {
    view! {
        <div class="treatment">
            <h1>{t!(Key::TreatmentTitle)}</h1>
            <p class="notice">{t!(Key::TreatmentNotice)}</p>
            <MedicationForm/>
            <DoseSection/>
            <SowsSection/>
        </div>
    }
}

/// The medication form as typed.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
struct MedForm {
    kind: MedicationKind,
    name: String,
    prescriber: String,
    notes: String,
}

impl MedForm {
    fn from_med(m: &Medication) -> Self {
        MedForm {
            kind: m.kind,
            name: m.name.clone(),
            prescriber: m.prescriber.clone(),
            notes: m.notes.clone(),
        }
    }
}

#[component]
fn MedicationForm() -> impl IntoView {
    let med = use_doc::<Medication>();
    let initial = MedForm::from_med(&med.value.get_untracked());
    let form = RwSignal::new(initial.clone());
    let autosave = use_autosave("treatment:medication".to_string(), form, initial);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let status = RwSignal::new(None::<String>);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        let f = form.get_untracked();
        let candidate = Medication {
            kind: f.kind,
            name: f.name.trim().to_string(),
            prescriber: f.prescriber.trim().to_string(),
            notes: f.notes.trim().to_string(),
            ..med.value.get_untracked()
        };
        if let Err(e) = candidate.validate() {
            errors.set(e);
            return;
        }
        errors.set(Vec::new());
        match med.update(|m| {
            m.kind = candidate.kind;
            m.name = candidate.name.clone();
            m.prescriber = candidate.prescriber.clone();
            m.notes = candidate.notes.clone();
        }) {
            Ok(()) => {
                autosave.clear();
                status.set(Some(t!(Key::RecordsSaved).to_string()));
            }
            Err(m) => status.set(Some(m)),
        }
    };

    let name_error = error_signal(errors, "name");
    let prescriber_error = error_signal(errors, "prescriber");
    let notes_error = error_signal(errors, "notes");

    view! {
        <section class="card treatment__block" aria-labelledby="med-title">
            <h2 id="med-title" class="card__title">{t!(Key::TreatmentMedTitle)}</h2>
            {move || med.value.with(|m| (m.updated_ms > 0).then(|| {
                // The user's words each in a <bdi>, so right-to-left text
                // (or a stray direction mark) cannot reorder the sentence.
                let name = m.display_name().to_owned();
                let who = m.prescriber.trim().to_owned();
                let by = (!who.is_empty())
                    .then(|| view! { {t!(Key::TreatmentPrescribedBy)} " " <bdi>{who}</bdi> });
                view! { <p>{t!(Key::TreatmentYouTake)} " " <bdi>{name}</bdi> {by} "."</p> }
            }))}
            <form on:submit=save novalidate>
                <fieldset>
                    <legend>{t!(Key::TreatmentWhichMedicine)}</legend>
                    <div class="chips">
                        {MedicationKind::ALL
                            .into_iter()
                            .map(|k| view! {
                                <label class="chip">
                                    <input
                                        type="radio"
                                        name="med-kind"
                                        prop:checked=move || form.with(|f| f.kind == k)
                                        on:change=move |_| form.update(|f| f.kind = k)
                                    />
                                    {k.label()}
                                </label>
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <TextField
                    id="med-name"
                    label=t!(Key::TreatmentNameLabel)
                    hint=t!(Key::TreatmentNameHint)
                    value=Signal::derive(move || form.with(|f| f.name.clone()))
                    on_input=Callback::new(move |v| form.update(|f| f.name = v))
                    error=name_error
                />
                <TextField
                    id="med-prescriber"
                    label=t!(Key::TreatmentPrescriberLabel)
                    hint=t!(Key::TreatmentPrescriberHint)
                    value=Signal::derive(move || form.with(|f| f.prescriber.clone()))
                    on_input=Callback::new(move |v| form.update(|f| f.prescriber = v))
                    error=prescriber_error
                />
                <TextField
                    id="med-notes"
                    label=t!(Key::RecordsNotesOptional)
                    hint=""
                    multiline=true
                    value=Signal::derive(move || form.with(|f| f.notes.clone()))
                    on_input=Callback::new(move |v| form.update(|f| f.notes = v))
                    error=notes_error
                />
                <div class="row">
                    <button type="submit" class="button button--primary">{t!(Key::TreatmentSaveMedicine)}</button>
                    <span role="status" class="small">{move || status.get()}</span>
                </div>
            </form>
        </section>
    }
}

/// A labelled text input or textarea with its hint and error.
#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let describedby = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if !hint.is_empty() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let describedby2 = describedby.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            {if multiline {
                view! {
                    <textarea
                        id=id
                        rows="3"
                        aria-describedby=describedby
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        prop:value=move || value.get()
                        on:input=move |ev| on_input.run(event_target_value(&ev))
                    ></textarea>
                }
                    .into_any()
            } else {
                view! {
                    <input
                        id=id
                        type="text"
                        aria-describedby=describedby2
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        prop:value=move || value.get()
                        on:input=move |ev| on_input.run(event_target_value(&ev))
                    />
                }
                    .into_any()
            }}
            {move || error.get().map(|m| view! { <p class="field__error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}

/// The dose form as typed; the date is the date input's text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
struct DoseForm {
    date: String,
    amount: String,
    taken: Option<bool>,
    notes: String,
}

impl DoseForm {
    fn new(day: NaiveDate) -> Self {
        DoseForm {
            date: crate::domain::iso::format_date(day),
            ..DoseForm::default()
        }
    }

    /// The dose to save, or every problem with the form.
    fn to_dose(&self, day: NaiveDate, now: i64, id: String) -> Result<DoseLog, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = crate::domain::iso::parse_date(&self.date);
        match date {
            None => errors.push(FieldError::new("date", t!(Key::TreatmentPickDoseDay))),
            Some(d) if d > day => {
                errors.push(FieldError::new("date", t!(Key::TreatmentDoseFuture)))
            }
            _ => {}
        }
        if self.taken.is_none() {
            errors.push(FieldError::new("taken", t!(Key::TreatmentTakenRequired)));
        }
        let dose = DoseLog {
            id,
            date: date.unwrap_or(day),
            amount: self.amount.trim().to_string(),
            taken: self.taken.unwrap_or(false),
            notes: self.notes.trim().to_string(),
            updated_ms: now,
        };
        if let Err(e) = dose.validate() {
            errors.extend(e);
        }
        if errors.is_empty() {
            Ok(dose)
        } else {
            Err(errors)
        }
    }
}

#[component]
fn DoseSection() -> impl IntoView {
    let doses = use_collection::<DoseLog>();
    let pristine = DoseForm::new(today());
    let form = RwSignal::new(pristine.clone());
    let autosave = use_autosave("treatment:dose".to_string(), form, pristine);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let status = RwSignal::new(None::<String>);
    let deleted = RwSignal::new(None::<DoseLog>);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        match form.get_untracked().to_dose(today(), now_ms(), new_id()) {
            Err(e) => errors.set(e),
            Ok(dose) => {
                errors.set(Vec::new());
                let when = day_words(dose.date);
                match doses.save(dose, None) {
                    Ok(r) => {
                        autosave.clear();
                        form.set(DoseForm::new(today()));
                        status.set(Some(
                            r.message
                                .unwrap_or_else(|| t!(Key::TreatmentDoseSaved, when = when)),
                        ));
                    }
                    Err(m) => status.set(Some(m)),
                }
            }
        }
    };

    let sorted = move || {
        let mut list: Vec<DoseLog> = doses
            .items
            .with(|i| i.iter().map(|e| e.value.clone()).collect());
        list.sort_by_key(|d| std::cmp::Reverse((d.date, d.updated_ms)));
        list
    };

    let date_error = error_signal(errors, "date");
    let taken_error = error_signal(errors, "taken");
    let amount_error = error_signal(errors, "amount");
    let notes_error = error_signal(errors, "notes");

    view! {
        <section class="card treatment__block" aria-labelledby="dose-title">
            <h2 id="dose-title" class="card__title">{t!(Key::TreatmentDoseTitle)}</h2>
            <form on:submit=save novalidate>
                <div class="field">
                    <label for="dose-date">{t!(Key::TreatmentDay)}</label>
                    <input
                        id="dose-date"
                        type="date"
                        max=move || crate::domain::iso::format_date(today())
                        aria-describedby=move || date_error.with(|e| e.as_ref().map(|_| "dose-date-error"))
                        prop:value=move || form.with(|f| f.date.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            form.update(|f| f.date = v);
                        }
                    />
                    {move || date_error.get().map(|m| view! { <p class="field__error" id="dose-date-error">{m}</p> })}
                </div>
                <TextField
                    id="dose-amount"
                    label=t!(Key::TreatmentAmountLabel)
                    hint=t!(Key::TreatmentAmountHint)
                    value=Signal::derive(move || form.with(|f| f.amount.clone()))
                    on_input=Callback::new(move |v| form.update(|f| f.amount = v))
                    error=amount_error
                />
                <fieldset aria-describedby=move || taken_error.with(|e| e.as_ref().map(|_| "dose-taken-error"))>
                    <legend>{t!(Key::TreatmentTakenLegend)}</legend>
                    <div class="chips">
                        {[(true, t!(Key::TreatmentTookYes)), (false, t!(Key::TreatmentTookNo))]
                            .into_iter()
                            .map(|(v, text)| view! {
                                <label class="chip">
                                    <input
                                        type="radio"
                                        name="dose-taken"
                                        prop:checked=move || form.with(|f| f.taken == Some(v))
                                        on:change=move |_| form.update(|f| f.taken = Some(v))
                                    />
                                    {text}
                                </label>
                            })
                            .collect_view()}
                    </div>
                    {move || taken_error.get().map(|m| view! { <p class="field__error" id="dose-taken-error">{m}</p> })}
                </fieldset>
                <TextField
                    id="dose-notes"
                    label=t!(Key::RecordsNotesOptional)
                    hint=t!(Key::TreatmentDoseNotesHint)
                    multiline=true
                    value=Signal::derive(move || form.with(|f| f.notes.clone()))
                    on_input=Callback::new(move |v| form.update(|f| f.notes = v))
                    error=notes_error
                />
                <div class="row">
                    <button type="submit" class="button button--primary">{t!(Key::TreatmentSaveDose)}</button>
                    <span role="status" class="small">{move || status.get()}</span>
                </div>
            </form>

            <h3>{t!(Key::TreatmentPastDoses)}</h3>
            {move || deleted.get().map(|d| {
                let when = day_words(d.date);
                view! {
                    <div class="notice" role="status">
                        <p>{t!(Key::TreatmentDoseDeleted, when = when)}</p>
                        <button class="button" on:click=move |_| {
                            if let Some(d) = deleted.get_untracked() {
                                if doses.save(d, None).is_ok() {
                                    deleted.set(None);
                                }
                            }
                        }>{t!(Key::RecordsUndo)}</button>
                    </div>
                }
            })}
            {move || {
                let list = sorted();
                if list.is_empty() {
                    view! { <p class="muted">{t!(Key::TreatmentNoDoses)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="list-plain dose-list">
                            {list.into_iter().map(|d| {
                                let when = day_words(d.date);
                                let amount = if d.amount.is_empty() { t!(Key::TreatmentNoAmount).to_string() } else { d.amount.clone() };
                                let taken = if d.taken { t!(Key::TreatmentTaken) } else { t!(Key::TreatmentNotTaken) };
                                let id = d.id.clone();
                                let kept = d.clone();
                                let label = t!(Key::TreatmentDeleteDose, when = when);
                                view! {
                                    <li class="dose-item">
                                        <div>
                                            <p class="dose-item__line"><strong>{when}</strong> " · " {amount} " · " {taken}</p>
                                            {(!d.notes.is_empty()).then(|| view! { <p class="small muted">{d.notes.clone()}</p> })}
                                        </div>
                                        <button class="button button--quiet" aria-label=label on:click=move |_| {
                                            if doses.delete(&id).is_ok() {
                                                deleted.set(Some(kept.clone()));
                                            }
                                        }>{t!(Key::RecordsDelete)}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn SowsSection() -> impl IntoView {
    let ratings = use_collection::<SowsRating>();
    let scale = sows();
    let n_items = scale.items.len();
    let usable = n_items == 16;
    let pristine: Vec<Option<u8>> = vec![None; 16];
    let answers = RwSignal::new(pristine.clone());
    let autosave = use_autosave("treatment:sows".to_string(), answers, pristine);
    let tried = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let save_error = RwSignal::new(None::<String>);

    let total = move || {
        answers.with(|a| {
            a.iter()
                .flatten()
                .map(|&s| u32::from(s.min(4)))
                .sum::<u32>()
        })
    };
    let answered = move || answers.with(|a| a.iter().filter(|s| s.is_some()).count());

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        save_error.set(None);
        let a = answers.get_untracked();
        let missing = a.iter().filter(|s| s.is_none()).count();
        if missing > 0 || a.len() != 16 {
            tried.set(true);
            save_error.set(Some(trn(Key::TreatmentSowsMissing, missing as i64, &[])));
            return;
        }
        let mut scores = [0u8; 16];
        for (slot, s) in scores.iter_mut().zip(a.iter()) {
            *slot = s.unwrap_or(0);
        }
        let now = now_ms();
        let rating = SowsRating {
            id: new_id(),
            date: today(),
            time_ms: now,
            scores,
            updated_ms: now,
        };
        if let Err(e) = rating.validate() {
            save_error.set(e.first().map(|e| e.message.clone()));
            return;
        }
        let t = rating.total();
        match ratings.save(rating, None) {
            Ok(r) => {
                autosave.clear();
                tried.set(false);
                answers.set(vec![None; 16]);
                status.set(Some(r.message.unwrap_or_else(|| {
                    t!(Key::TreatmentSowsSaved, total = t, max = SOWS_MAX_TOTAL)
                })));
            }
            Err(m) => save_error.set(Some(m)),
        }
    };

    let past = move || {
        let list: Vec<SowsRating> = ratings
            .items
            .with(|i| i.iter().map(|e| e.value.clone()).collect());
        let mut t = trend(&list);
        t.reverse();
        t
    };

    view! {
        <section class="card treatment__block" aria-labelledby="sows-title">
            <h2 id="sows-title" class="card__title">{t!(Key::TreatmentSowsTitle)}</h2>
            <p class="small muted">{scale.name.clone()}</p>
            {(!scale.wording_note.is_empty()).then(|| view! { <p class="small">{scale.wording_note.clone()}</p> })}
            <p>{scale.note.clone()}</p>
            {if usable {
                view! {
                    <form class="sows" on:submit=save novalidate>
                        <p>{scale.instructions.clone()}</p>
                        {scale.items.iter().enumerate().map(|(i, item)| {
                            let group = format!("sows-{}", item.id);
                            let error_id = format!("{group}-error");
                            let missing = move || tried.get() && answers.with(|a| a.get(i).copied().flatten().is_none());
                            let error_id2 = error_id.clone();
                            view! {
                                <fieldset
                                    class="sows__item"
                                    aria-describedby=move || missing().then(|| error_id2.clone())
                                >
                                    <legend>{format!("{}. ", i + 1)} {item.text.clone()}</legend>
                                    <div class="sows__answers">
                                        {scale.answers.iter().map(|ans| {
                                            let v = ans.value;
                                            view! {
                                                <label class="sows__answer">
                                                    <input
                                                        type="radio"
                                                        name=group.clone()
                                                        value=v.to_string()
                                                        prop:checked=move || answers.with(|a| a.get(i).copied().flatten() == Some(v))
                                                        on:change=move |_| answers.update(|a| if let Some(s) = a.get_mut(i) { *s = Some(v) })
                                                    />
                                                    <span class="sows__value">{v}</span>
                                                    <span>{ans.label.clone()}</span>
                                                </label>
                                            }
                                        }).collect_view()}
                                    </div>
                                    {move || missing().then(|| view! {
                                        <p class="field__error" id=error_id.clone()>{t!(Key::TreatmentPickLine)}</p>
                                    })}
                                </fieldset>
                            }
                        }).collect_view()}
                        <p class="sows__total" aria-live="polite">
                            <strong>{move || t!(Key::TreatmentTotal, total = total(), max = SOWS_MAX_TOTAL)}</strong>
                            <span class="muted small">
                                {move || format!(" {}", t!(Key::TreatmentAnswered, answered = answered(), count = n_items))}
                            </span>
                        </p>
                        {move || save_error.get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
                        <div class="row">
                            <button type="submit" class="button button--primary">{t!(Key::TreatmentSaveSows)}</button>
                            <span role="status" class="small">{move || status.get()}</span>
                        </div>
                    </form>
                }
                    .into_any()
            } else {
                view! { <p class="notice">{t!(Key::TreatmentSowsUnavailable)}</p> }.into_any()
            }}
            <h3 id="sows-trend">{t!(Key::TreatmentPastTotals)}</h3>
            {move || {
                let rows = past();
                if rows.is_empty() {
                    view! { <p class="muted">{t!(Key::TreatmentNoChecks)}</p> }.into_any()
                } else {
                    view! {
                        <table class="sows-trend" aria-labelledby="sows-trend">
                            <thead>
                                <tr>
                                    <th scope="col">{t!(Key::RecordsDate)}</th>
                                    <th scope="col">{t!(Key::TreatmentTotalOf64)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|(d, t)| {
                                    let pct = u32::from(t) * 100 / u32::from(SOWS_MAX_TOTAL);
                                    view! {
                                        <tr>
                                            <td>{day_words(d)}</td>
                                            <td>
                                                <span class="sows-trend__cell">
                                                    <span class="sows-trend__value">{t}</span>
                                                    <span class="sows-trend__bar" aria-hidden="true" style:width=format!("{pct}%")></span>
                                                </span>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }
            }}
            // The citation is the same in every language: it names an
            // English paper, so it is marked as English.
            <p class="small muted">{t!(Key::TreatmentSource)} " " <span lang="en">{scale.source.clone()}</span></p>
        </section>
    }
}
