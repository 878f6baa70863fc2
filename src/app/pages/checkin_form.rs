//! The daily check-in, new (`/journal/new`) or edited (`/journal/:id`).
//!
//! Built to take under 30 seconds, and to never lose a word: the whole form
//! is autosaved as a draft while the user types, the draft is cleared only
//! after a save succeeded, and a failed save keeps everything on screen.

use crate::app::components::journal_chips::TagChips;
use crate::app::components::journal_entry::day_label;
use crate::app::components::journal_flash::{remember_deleted, set_flash};
use crate::app::components::journal_form_state::{draft_name, CheckInForm};
use crate::app::components::journal_lapse::{HaltBoxes, LapseSupport};
use crate::app::components::journal_persist::request_persistence_once;
use crate::app::hooks::{use_autosave, use_collection, use_doc, Autosave, CollectionHandle};
use crate::app::state::{entropy, now_ms, today};
use crate::domain::checkin::{
    craving_anchor, mood_word, CheckIn, CheckInDraft, FieldError, CRAVING_MAX, MOOD_MAX, MOOD_MIN,
};
use crate::domain::settings::Settings;
use crate::domain::tools::{risky_trigger_names, PlaceItem};
use crate::i18n::Key;
use crate::t;
use chrono::NaiveDate;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn CheckInPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")));
    // A new form for each address, so going from one entry to another never
    // mixes their drafts.
    move || view! { <CheckInFormView id=id.get()/> }
}

/// Squeezes spaces, the way the domain tidies labels.
fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn holds(list: &[String], name: &str) -> bool {
    let key = name.trim().to_lowercase();
    list.iter().any(|t| t.trim().to_lowercase() == key)
}

/// The element to focus for a field's error, so the user lands on it.
fn element_for(field: &str) -> &'static str {
    match field {
        "date" => "checkin-date",
        "mood" => "mood-1",
        "craving" => "craving",
        "triggers" => "triggers-add",
        "helped" => "helped-add",
        "note" => "checkin-note",
        "lapse.trigger" => "lapse-trigger",
        "lapse.next_time" => "lapse-next",
        "lapse" | "lapse.what_happened" => "lapse-what",
        _ => "checkin-save",
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The form's starting point: the saved check-in, or a fresh one for today.
fn starting_form(
    id: Option<&str>,
    checkins: CollectionHandle<CheckIn>,
    today: NaiveDate,
) -> (CheckInForm, bool) {
    let loaded = id.and_then(|id| {
        checkins
            .items
            .with_untracked(|items| items.iter().find(|e| e.value.id == id).cloned())
    });
    match (id, loaded) {
        (_, Some(env)) => (
            CheckInForm {
                draft: CheckInDraft::from_checkin(&env.value),
                base_rev: Some(env.rev),
            },
            true,
        ),
        (Some(id), None) => (
            CheckInForm {
                draft: CheckInDraft {
                    id: Some(id.to_string()),
                    ..CheckInDraft::new(today)
                },
                base_rev: None,
            },
            false,
        ),
        (None, None) => (
            CheckInForm {
                draft: CheckInDraft::new(today),
                base_rev: None,
            },
            false,
        ),
    }
}

#[component]
fn CheckInFormView(id: Option<String>) -> impl IntoView {
    let checkins = use_collection::<CheckIn>();
    let today = today();
    let (pristine, found) = starting_form(id.as_deref(), checkins, today);
    let form = RwSignal::new(pristine.clone());
    let autosave = use_autosave(draft_name(id.as_deref()), form, pristine.clone());
    let editing = id.is_some();
    if editing && !found && !autosave.restored.get_untracked() {
        return view! {
            <h1>{t!(Key::JournalNotFoundTitle)}</h1>
            <p>{t!(Key::JournalNotFoundText)}</p>
            <p><A href="/journal" attr:class="button">{t!(Key::JournalGoToJournal)}</A></p>
        }
        .into_any();
    }
    let heading = if editing {
        let date = form.with_untracked(|f| crate::domain::iso::parse_date(&f.draft.date));
        match date {
            Some(d) => t!(Key::JournalEditTitleDay, day = day_label(d, today)),
            None => t!(Key::JournalEditTitle).to_string(),
        }
    } else {
        t!(Key::JournalNewTitle).to_string()
    };
    view! {
        <h1>{heading}</h1>
        <CheckInFields form=form pristine=pristine autosave=autosave editing=editing/>
    }
    .into_any()
}

#[component]
fn CheckInFields(
    form: RwSignal<CheckInForm>,
    pristine: CheckInForm,
    autosave: Autosave,
    editing: bool,
) -> impl IntoView {
    let checkins = use_collection::<CheckIn>();
    let settings = use_doc::<Settings>();
    let places = use_collection::<PlaceItem>();
    let navigate = use_navigate();
    let today = today();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let save_error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);

    let err = move |field: &'static str| {
        move || {
            errors.with(|es| {
                let msgs: Vec<&str> = es
                    .iter()
                    .filter(|e| e.field == field)
                    .map(|e| e.message.as_str())
                    .collect();
                (!msgs.is_empty()).then(|| msgs.join(" "))
            })
        }
    };
    let invalid = move |field: &'static str| {
        move || {
            errors
                .with(|es| es.iter().any(|e| e.field == field))
                .to_string()
        }
    };

    let nav_save = navigate.clone();
    let save = move || {
        if saving.get_untracked() {
            return;
        }
        let state = form.get_untracked();
        let mut draft = state.draft.clone();
        // The slider shows 0 until it is moved, so 0 is what the user saw.
        draft.craving.get_or_insert(0);
        let checkin = match draft.to_checkin(today, now_ms(), entropy()) {
            Ok(c) => c,
            Err(found) => {
                let first = found.first().map(|e| element_for(e.field));
                errors.set(found);
                save_error.set(None);
                if let Some(id) = first {
                    focus(id);
                }
                return;
            }
        };
        errors.set(Vec::new());
        saving.set(true);
        match checkins.save(checkin, state.base_rev) {
            Ok(saved) => {
                // Only now is the draft no longer needed.
                autosave.clear();
                request_persistence_once(settings);
                set_flash(
                    saved
                        .message
                        .unwrap_or_else(|| t!(Key::JournalSaved).to_string()),
                );
                nav_save("/journal", Default::default());
            }
            Err(message) => {
                saving.set(false);
                save_error.set(Some(message));
                focus("checkin-save-error");
            }
        }
    };

    let nav_delete = navigate.clone();
    let delete = move |_| {
        let Some(id) = form.with_untracked(|f| f.draft.id.clone()) else {
            return;
        };
        match checkins.delete(&id) {
            Ok(removed) => {
                autosave.clear();
                if let Some(env) = removed {
                    remember_deleted(env);
                }
                nav_delete("/journal", Default::default());
            }
            Err(message) => save_error.set(Some(message)),
        }
    };

    let discard = {
        let pristine = pristine.clone();
        move |_| {
            form.set(pristine.clone());
            autosave.clear();
            errors.set(Vec::new());
        }
    };

    // Chip choices: the user's own list plus the places they marked risky.
    let trigger_options = Signal::derive(move || {
        let mut list = settings.value.with(|s| s.triggers.clone());
        let risky = places.items.with(|items| {
            risky_trigger_names(&items.iter().map(|e| e.value.clone()).collect::<Vec<_>>())
        });
        for name in risky {
            if !holds(&list, &name) {
                list.push(name);
            }
        }
        list
    });
    let helped_options = Signal::derive(move || settings.value.with(|s| s.helped.clone()));

    let add_trigger = Callback::new(move |text: String| {
        let mut added = Ok(false);
        let saved = settings.update(|s| added = s.add_trigger(&text));
        added.map_err(|e| e.message())?;
        let name = tidy(&text);
        form.update(|f| {
            if !holds(&f.draft.triggers, &name) {
                f.draft.toggle_trigger(&name);
            }
        });
        // Ticked for this check-in even if the list itself could not be saved.
        saved
    });
    let add_helped = Callback::new(move |text: String| {
        let mut added = Ok(false);
        let saved = settings.update(|s| added = s.add_helped(&text));
        added.map_err(|e| e.message())?;
        let name = tidy(&text);
        form.update(|f| {
            if !holds(&f.draft.helped, &name) {
                f.draft.toggle_helped(&name);
            }
        });
        saved
    });

    let date_value = move || form.with(|f| f.draft.date.clone());
    let is_today = move || form.with(|f| f.draft.date == crate::domain::iso::format_date(today));
    let used = move || form.with(|f| f.draft.used);
    let craving = move || form.with(|f| f.draft.craving.unwrap_or(0));
    let craving_text = move || {
        let c = craving();
        match craving_anchor(c) {
            Some(word) => t!(
                Key::JournalCravingValueWord,
                value = c,
                max = CRAVING_MAX,
                word = word
            ),
            None => t!(Key::JournalCravingValue, value = c, max = CRAVING_MAX),
        }
    };

    let moods = (MOOD_MIN..=MOOD_MAX)
        .map(|n| {
            let word = mood_word(n).unwrap_or("");
            let id = format!("mood-{n}");
            let label_for = id.clone();
            view! {
                <label class="journal-mood__option" for=label_for>
                    <input
                        id=id
                        type="radio"
                        name="mood"
                        value=n.to_string()
                        aria-describedby="mood-error"
                        prop:checked=move || form.with(|f| f.draft.mood == Some(n))
                        on:change=move |_| form.update(|f| f.draft.mood = Some(n))
                    />
                    <span class="journal-mood__num" aria-hidden="true">{n}</span>
                    <span class="journal-mood__word">{word}</span>
                </label>
            }
        })
        .collect_view();

    view! {
        <Show when=move || autosave.restored.get()>
            <div class="notice journal-restored" role="status">
                <p>{t!(Key::JournalRestored)}</p>
                <button type="button" class="button button--quiet" on:click=discard.clone()>
                    {t!(Key::JournalRestoredDiscard)}
                </button>
            </div>
        </Show>
        {move || autosave.error.get().map(|m| view! {
            <div class="notice notice--danger">
                <p>{t!(Key::JournalDraftNotKept)}" "{m}</p>
            </div>
        })}
        <form
            class="journal-form"
            novalidate
            on:submit=move |ev: ev::SubmitEvent| {
                ev.prevent_default();
                save();
            }
        >
            <div class="field">
                <label for="checkin-date">{t!(Key::JournalDate)}</label>
                <input
                    id="checkin-date"
                    type="date"
                    max=crate::domain::iso::format_date(today)
                    aria-describedby="date-error"
                    aria-invalid=invalid("date")
                    prop:value=date_value
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| f.draft.date = v);
                    }
                />
                {move || err("date")().map(|m| view! { <p class="field__error" id="date-error">{m}</p> })}
            </div>

            <fieldset class="field" aria-describedby="mood-error">
                <legend>{t!(Key::JournalMoodLegend)}</legend>
                <div class="journal-mood">{moods}</div>
                {move || err("mood")().map(|m| view! { <p class="field__error" id="mood-error">{m}</p> })}
            </fieldset>

            <div class="field journal-craving">
                <label for="craving">{t!(Key::JournalCravingLabel)}</label>
                <p class="journal-craving__value" aria-hidden="true">{craving_text}</p>
                <input
                    id="craving"
                    type="range"
                    min="0"
                    max=CRAVING_MAX.to_string()
                    step="1"
                    aria-describedby="craving-anchors craving-error"
                    aria-valuetext=craving_text
                    prop:value=move || craving().to_string()
                    on:input=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u8>() {
                            form.update(|f| f.draft.craving = Some(n.min(CRAVING_MAX)));
                        }
                    }
                />
                <p class="journal-craving__anchors small" id="craving-anchors">
                    <span>{t!(Key::JournalCravingAnchorLow)}</span>
                    <span>{t!(Key::JournalCravingAnchorHigh)}</span>
                </p>
                {move || err("craving")().map(|m| view! { <p class="field__error" id="craving-error">{m}</p> })}
            </div>

            <fieldset class="field journal-used">
                <legend>
                    {move || if is_today() { t!(Key::JournalUsedToday) } else { t!(Key::JournalUsedOnDay) }}
                </legend>
                <div class="row">
                    <label class="check journal-used__choice" for="used-no">
                        <input
                            id="used-no"
                            type="radio"
                            name="used"
                            prop:checked=move || !used()
                            on:change=move |_| form.update(|f| f.draft.used = false)
                        />
                        {t!(Key::JournalNo)}
                    </label>
                    <label class="check journal-used__choice" for="used-yes">
                        <input
                            id="used-yes"
                            type="radio"
                            name="used"
                            prop:checked=used
                            on:change=move |_| form.update(|f| f.draft.used = true)
                        />
                        {t!(Key::JournalYes)}
                    </label>
                </div>
            </fieldset>
            <Show when=used>
                <LapseSupport form=form/>
            </Show>

            <HaltBoxes
                legend=t!(Key::JournalHaltLegend)
                id_prefix="halt"
                value=Signal::derive(move || form.with(|f| f.draft.halt))
                on_change=Callback::new(move |h| form.update(|f| f.draft.halt = h))
            />

            <TagChips
                legend=t!(Key::JournalTriggers)
                id_prefix="triggers"
                add_label=t!(Key::JournalTriggersAddLabel)
                add_button=t!(Key::JournalTriggersAddButton)
                options=trigger_options
                picked=Signal::derive(move || form.with(|f| f.draft.triggers.clone()))
                on_toggle=Callback::new(move |name: String| form.update(|f| f.draft.toggle_trigger(&name)))
                on_add=add_trigger
                error=Signal::derive(err("triggers"))
            />

            <TagChips
                legend=t!(Key::JournalHelped)
                id_prefix="helped"
                add_label=t!(Key::JournalHelpedAddLabel)
                add_button=t!(Key::JournalHelpedAddButton)
                options=helped_options
                picked=Signal::derive(move || form.with(|f| f.draft.helped.clone()))
                on_toggle=Callback::new(move |name: String| form.update(|f| f.draft.toggle_helped(&name)))
                on_add=add_helped
                error=Signal::derive(err("helped"))
            />

            <div class="field">
                <label for="checkin-note">{t!(Key::JournalNote)}</label>
                <p class="field__hint" id="note-hint">{t!(Key::JournalNoteHint)}</p>
                <textarea
                    id="checkin-note"
                    dir="auto"
                    rows="5"
                    aria-describedby="note-hint note-error"
                    aria-invalid=invalid("note")
                    prop:value=move || form.with(|f| f.draft.note.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| f.draft.note = v);
                    }
                ></textarea>
                {move || err("note")().map(|m| view! { <p class="field__error" id="note-error">{m}</p> })}
            </div>

            {move || {
                let messages: Vec<String> = errors.with(|es| es.iter().map(|e| e.message.clone()).collect());
                (!messages.is_empty()).then(|| view! {
                    <div class="notice notice--danger" role="alert">
                        <p>{t!(Key::JournalCheckThese)}</p>
                        <ul>{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            {move || save_error.get().map(|m| view! {
                <div class="notice notice--danger" role="alert" id="checkin-save-error" tabindex="-1">
                    <p>{m}</p>
                    <p><A href="/settings#backup">{t!(Key::JournalGoToBackup)}</A></p>
                </div>
            })}

            <div class="row journal-form__actions">
                <button id="checkin-save" type="submit" class="button button--primary button--big">
                    {t!(Key::JournalSave)}
                </button>
            </div>
        </form>
        <div class="row journal-form__secondary">
            <A href="/journal" attr:class="button button--quiet">{t!(Key::JournalBack)}</A>
            {editing.then(|| view! {
                <button type="button" class="button button--danger" on:click=delete>
                    {t!(Key::JournalDelete)}
                </button>
            })}
        </div>
    }
}
