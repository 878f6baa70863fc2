//! Pieces every record list shares: Edit and Delete buttons that say which
//! record they act on, and deleting with Undo instead of "Are you sure?"
//! (a mistaken tap costs nothing, and nothing is lost).

use super::record_form::focus_later;
use crate::app::hooks::CollectionHandle;
use crate::data::envelope::Record;
use crate::i18n::Key;
use crate::t;
use leptos::prelude::*;

/// Deletes records of one kind and can put the last one back.
pub struct UndoDelete<T: Record + Send + Sync + 'static> {
    handle: CollectionHandle<T>,
    /// What was deleted last: its name on screen, and the record itself.
    last: RwSignal<Option<(String, T)>>,
    error: RwSignal<Option<String>>,
    /// Unique on the page, for the Undo button's id.
    key: &'static str,
}

impl<T: Record + Send + Sync + 'static> Clone for UndoDelete<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Record + Send + Sync + 'static> Copy for UndoDelete<T> {}

impl<T: Record + Send + Sync + 'static> UndoDelete<T> {
    pub fn new(handle: CollectionHandle<T>, key: &'static str) -> Self {
        UndoDelete {
            handle,
            last: RwSignal::new(None),
            error: RwSignal::new(None),
            key,
        }
    }

    fn button_id(&self) -> String {
        format!("{}-undo", self.key)
    }

    /// Deletes record `id`, shown to the user as `label`. Returns true when
    /// it was deleted.
    pub fn delete(&self, id: &str, label: String) -> bool {
        match self.handle.delete(id) {
            Ok(removed) => {
                self.error.set(None);
                if let Some(env) = removed {
                    self.last.set(Some((label, env.value)));
                    focus_later(self.button_id());
                }
                true
            }
            Err(message) => {
                self.error.set(Some(message));
                false
            }
        }
    }

    /// Saves the last deleted record again.
    pub fn undo(&self) {
        let Some((_, value)) = self.last.get_untracked() else {
            return;
        };
        match self.handle.save(value, None) {
            Ok(_) => {
                self.last.set(None);
                self.error.set(None);
            }
            Err(message) => self.error.set(Some(message)),
        }
    }

    /// The "Deleted … Undo" bar (and any failure), to place under a list.
    pub fn view(self) -> impl IntoView {
        let id = self.button_id();
        view! {
            <div class="record-undo" role="status" aria-live="polite">
                {move || self.last.get().map(|(label, _)| {
                    let id = id.clone();
                    view! {
                        <div class="notice record-undo__bar">
                            <p>{t!(Key::RecordsDeleted, label = label)}</p>
                            <div class="row">
                                <button type="button" class="button" id=id on:click=move |_| self.undo()>
                                    {t!(Key::RecordsUndo)}
                                </button>
                                <button type="button" class="button button--quiet" on:click=move |_| self.last.set(None)>
                                    {t!(Key::RecordsOk)}
                                </button>
                            </div>
                        </div>
                    }
                })}
                {move || self.error.get().map(|m| view! {
                    <p class="notice notice--danger">{m}</p>
                })}
            </div>
        }
    }
}

/// "Edit" and "Delete" for one row; the record's name is part of each
/// button's accessible name ("Edit Sam"), so a list of them makes sense
/// to a screen reader.
#[component]
pub fn RowActions(
    #[prop(into)] name: String,
    on_edit: Callback<()>,
    on_delete: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="row record-row__actions">
            <button type="button" class="button button--quiet" on:click=move |_| on_edit.run(())>
                {t!(Key::RecordsEdit)} <span class="visually-hidden">" " {name.clone()}</span>
            </button>
            <button type="button" class="button button--quiet record-row__delete" on:click=move |_| on_delete.run(())>
                {t!(Key::RecordsDelete)} <span class="visually-hidden">" " {name}</span>
            </button>
        </div>
    }
}
