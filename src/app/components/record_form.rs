//! One add/edit form for any kind of record, shared by the tool screens
//! (people, appointments, meetings, places, coping ideas, exercise).
//!
//! A form holds what the user typed as text ([`RecordForm`]), so a bad value
//! never loses anything: only [`RecordForm::to_record`] turns it into a
//! record, and only a record that passes every check is saved. The form's
//! state (and which record it edits) is kept as a draft while the user types,
//! so a reload, a crash or an update brings it back.

use crate::app::hooks::{use_autosave, Autosave, CollectionHandle};
use crate::app::state::{new_id, now_ms};
use crate::data::envelope::{Envelope, Record};
use crate::domain::tools::FieldError;
use crate::i18n::Key;
use crate::t;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

/// A form's state while the user types: text as typed, parsed only on save.
pub trait RecordForm:
    Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static
{
    type Record: Record + Send + Sync + 'static;

    /// An empty form for a new record.
    fn blank() -> Self;

    /// The form filled from a saved record, for editing.
    fn from_record(record: &Self::Record) -> Self;

    /// The record to save under `id`, or every problem with the form (text
    /// that does not parse, then the domain's own checks).
    fn to_record(&self, id: String, now_ms: i64) -> Result<Self::Record, Vec<FieldError>>;
}

/// Which saved record a form is changing, and the revision it started from
/// (so a change made meanwhile in another tab is never overwritten).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Editing {
    pub id: String,
    pub rev: u64,
}

/// What is kept as a draft: the form and which record it edits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft<F> {
    #[serde(rename = "f")]
    pub form: F,
    #[serde(rename = "e", default)]
    pub editing: Option<Editing>,
}

/// The result of the last save, shown under the Save button.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Saved(String),
    Failed(String),
}

/// Handle on one form; `Copy`, so event handlers can hold it.
pub struct FormCtl<F: RecordForm> {
    pub state: RwSignal<Draft<F>>,
    pub errors: RwSignal<Vec<FieldError>>,
    pub status: RwSignal<Option<Status>>,
    pub autosave: Autosave,
    prefix: &'static str,
}

impl<F: RecordForm> Clone for FormCtl<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: RecordForm> Copy for FormCtl<F> {}

/// A form whose inputs have ids `"{prefix}-{field}"` (the domain's field
/// names), drafted under `"{prefix}:form"`.
pub fn use_record_form<F: RecordForm>(prefix: &'static str) -> FormCtl<F> {
    let pristine = Draft {
        form: F::blank(),
        editing: None,
    };
    let state = RwSignal::new(pristine.clone());
    let autosave = use_autosave(format!("{prefix}:form"), state, pristine);
    FormCtl {
        state,
        errors: RwSignal::new(Vec::new()),
        status: RwSignal::new(None),
        autosave,
        prefix,
    }
}

impl<F: RecordForm> FormCtl<F> {
    /// The element id of a field's input.
    pub fn id(&self, field: &str) -> String {
        format!("{}-{field}", self.prefix)
    }

    /// The id of the form's heading (focused when editing starts).
    pub fn title_id(&self) -> String {
        format!("{}-title", self.prefix)
    }

    /// The message for `field`, if the last save attempt found a problem.
    pub fn error(&self, field: &'static str) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    }

    /// True while the form changes a saved record.
    pub fn is_editing(&self) -> bool {
        self.state.with(|s| s.editing.is_some())
    }

    /// Reads and writes one value of the form.
    pub fn bind<V>(&self, get: fn(&F) -> V, set: fn(&mut F, V)) -> Binding<V>
    where
        V: Clone + Send + Sync + 'static,
    {
        let state = self.state;
        let status = self.status;
        Binding {
            value: Signal::derive(move || state.with(|s| get(&s.form))),
            set: Callback::new(move |v| {
                status.set(None);
                state.update(|s| set(&mut s.form, v));
            }),
        }
    }

    /// Opens a saved record in the form and moves focus there.
    pub fn edit(&self, env: &Envelope<F::Record>) {
        self.state.set(Draft {
            form: F::from_record(&env.value),
            editing: Some(Editing {
                id: env.value.id().to_owned(),
                rev: env.rev,
            }),
        });
        self.errors.set(Vec::new());
        self.status.set(None);
        focus_later(self.title_id());
    }

    /// Empties the form and forgets its draft.
    pub fn reset(&self) {
        self.autosave.clear();
        self.state.set(Draft {
            form: F::blank(),
            editing: None,
        });
        self.errors.set(Vec::new());
    }

    /// Stops editing `id` (it was deleted): the form becomes empty.
    pub fn forget(&self, id: &str) {
        let editing_it = self
            .state
            .with_untracked(|s| s.editing.as_ref().is_some_and(|e| e.id == id));
        if editing_it {
            self.reset();
            self.status.set(None);
        }
    }

    /// Checks and saves the form. On success the form is emptied and the
    /// saved record's id returned; on any problem nothing is saved and
    /// everything typed stays on screen.
    pub fn submit(&self, handle: CollectionHandle<F::Record>) -> Option<String> {
        let draft = self.state.get_untracked();
        let id = draft
            .editing
            .as_ref()
            .map(|e| e.id.clone())
            .unwrap_or_else(new_id);
        let record = match draft.form.to_record(id, now_ms()) {
            Ok(record) => record,
            Err(errors) => {
                if let Some(first) = errors.first() {
                    focus_later(self.id(first.field));
                }
                self.errors.set(errors);
                // Nothing was saved, and nothing was lost.
                self.status
                    .set(Some(Status::Failed(t!(Key::RecordsNotSaved).to_owned())));
                return None;
            }
        };
        match handle.save(record, draft.editing.map(|e| e.rev)) {
            Ok(saved) => {
                self.reset();
                let message = saved
                    .message
                    .unwrap_or_else(|| t!(Key::RecordsSaved).to_owned());
                self.status.set(Some(Status::Saved(message)));
                Some(saved.id)
            }
            Err(message) => {
                self.status.set(Some(Status::Failed(message)));
                None
            }
        }
    }
}

/// One value of a form: a signal to read and a callback to write.
pub struct Binding<V: Send + Sync + 'static> {
    pub value: Signal<V>,
    pub set: Callback<V>,
}

impl<V: Send + Sync + 'static> Clone for Binding<V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<V: Send + Sync + 'static> Copy for Binding<V> {}

impl<V: Send + Sync + 'static> Binding<V> {
    pub fn new(value: Signal<V>, set: impl Fn(V) + Send + Sync + 'static) -> Self {
        Binding {
            value,
            set: Callback::new(set),
        }
    }
}

/// Focuses the element with `id` once the screen has drawn.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// The frame around a form: heading, a note when a draft came back, the
/// fields (`children`), Save and Cancel, and what the last save did.
///
/// With `collapsed` (say, once the list has records) only an "Add …" button
/// shows until it is tapped, so the list leads; the form opens by itself
/// when a record is being edited or a draft came back.
#[component]
pub fn RecordFormFrame<F: RecordForm>(
    ctl: FormCtl<F>,
    handle: CollectionHandle<F::Record>,
    /// Heading for a new record, e.g. "Add a person".
    title_new: &'static str,
    /// Heading while editing, e.g. "Change this person".
    title_edit: &'static str,
    /// The Save button, e.g. "Save person".
    save_label: &'static str,
    #[prop(into, optional)] collapsed: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let title_id = ctl.title_id();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctl.submit(handle);
    };
    let restored = ctl.autosave.restored;
    let draft_error = ctl.autosave.error;
    let opened = RwSignal::new(false);
    let is_open = move || opened.get() || !collapsed.get() || ctl.is_editing() || restored.get();
    // Once open, the form stays open (it must not fold away under the
    // user's hands when the first record makes the list non-empty).
    Effect::new(move |_| {
        if is_open() && !opened.get_untracked() {
            opened.set(true);
        }
    });
    let focus_id = title_id.clone();
    view! {
        <section class="record-form" aria-labelledby=title_id.clone()>
            <button
                type="button"
                class="button button--primary record-form__open"
                hidden=is_open
                on:click=move |_| {
                    opened.set(true);
                    focus_later(focus_id.clone());
                }
            >
                {title_new}
            </button>
            <div class="card" hidden=move || !is_open()>
                <h2 class="card__title" id=title_id.clone() tabindex="-1">
                    {move || if ctl.is_editing() { title_edit } else { title_new }}
                </h2>
                <Show when=move || restored.get()>
                    <p class="notice small">
                        {t!(Key::RecordsDraftKept)} " "
                        <button type="button" class="button button--quiet" on:click=move |_| {
                            ctl.reset();
                            ctl.status.set(None);
                        }>{t!(Key::RecordsStartAgain)}</button>
                    </p>
                </Show>
                {move || draft_error.get().map(|m| view! { <p class="notice small">{m}</p> })}
                <form novalidate on:submit=on_submit>
                    {children()}
                    <div class="row">
                        <button type="submit" class="button button--primary">{save_label}</button>
                        <Show when=move || ctl.is_editing()>
                            <button type="button" class="button button--quiet" on:click=move |_| {
                                ctl.reset();
                                ctl.status.set(None);
                            }>{t!(Key::RecordsCancel)}</button>
                        </Show>
                    </div>
                    <p class="record-form__status" role="status" aria-live="polite">
                        {move || match ctl.status.get() {
                            Some(Status::Saved(m)) => view! { <span class="record-form__saved">{m}</span> }.into_any(),
                            Some(Status::Failed(m)) => view! { <span class="field__error">{m}</span> }.into_any(),
                            None => ().into_any(),
                        }}
                    </p>
                </form>
            </div>
        </section>
    }
}
