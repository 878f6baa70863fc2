//! A reactive list of one kind of record, kept in step with storage and with
//! other tabs. Every write goes through [`crate::data::collection`].

use super::use_storage_event::use_storage_event;
use crate::app::state::{now_ms, use_app_state, with_store, AppState};
use crate::data::collection::{self, SaveOutcome};
use crate::data::envelope::{Envelope, Record};
use crate::data::outcome::{save_error_message, save_outcome_message};
use crate::data::slot::Slot;
use leptos::prelude::*;

/// Handle on a collection: `items` is the list, newest write last.
pub struct CollectionHandle<T: Send + Sync + 'static> {
    pub items: RwSignal<Vec<Envelope<T>>>,
    state: AppState,
}

impl<T: Send + Sync + 'static> Clone for CollectionHandle<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for CollectionHandle<T> {}

impl<T: Record + Send + Sync + 'static> CollectionHandle<T> {
    /// Reads every record again from storage.
    pub fn reload(&self) {
        match with_store(collection::load_all::<T>) {
            Ok(report) => {
                self.state.report_quarantined(&report.quarantined);
                self.state.report_newer(&report.newer);
                self.items.set(report.items);
            }
            Err(e) => {
                // Read-only or unavailable storage: show what we have (nothing).
                if !matches!(e, crate::data::store::StoreError::Unavailable) {
                    self.state.report_error(save_error_message(&e));
                }
            }
        }
    }

    /// The stored record with `id`, if it is loaded.
    pub fn get(&self, id: &str) -> Option<Envelope<T>> {
        self.items
            .with(|items| items.iter().find(|e| e.value.id() == id).cloned())
    }

    /// Saves `value`. `base_rev` is the revision the form started from
    /// (`None` for a new record). On error nothing changed and the message
    /// says so; the caller keeps the form on screen. On success returns the
    /// outcome and, for a copy, a message to show.
    pub fn save(&self, value: T, base_rev: Option<u64>) -> Result<SavedRecord, String> {
        let now = now_ms();
        let performance = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &performance {
            let _ = p.mark("waymark:save:start");
        }
        let result = with_store(|s| collection::save(s, &value, base_rev, now));
        // A User Timing entry, so the benchmark can read the cost of a save.
        if let Some(p) = &performance {
            let _ = p.measure_with_start_mark("waymark:save", "waymark:save:start");
        }
        match result {
            Ok(outcome) => {
                let (id, rev) = match &outcome {
                    SaveOutcome::Saved { rev } => (value.id().to_owned(), *rev),
                    SaveOutcome::SavedAsCopy { id, rev } => (id.clone(), *rev),
                };
                self.refresh_one(&id);
                if let SaveOutcome::SavedAsCopy { .. } = outcome {
                    // The other tab's version of the original is newer than ours.
                    self.refresh_one(value.id());
                }
                Ok(SavedRecord {
                    id,
                    rev,
                    message: save_outcome_message(&outcome).map(str::to_owned),
                })
            }
            Err(e) => {
                let message = save_error_message(&e).to_owned();
                self.state.report_error(&message);
                Err(message)
            }
        }
    }

    /// Deletes a record; returns it so the caller can offer undo (save it
    /// again with `base_rev: None`).
    pub fn delete(&self, id: &str) -> Result<Option<Envelope<T>>, String> {
        match with_store(|s| collection::delete::<T>(s, id)) {
            Ok(removed) => {
                self.items
                    .update(|items| items.retain(|e| e.value.id() != id));
                Ok(removed)
            }
            Err(e) => {
                let message = save_error_message(&e).to_owned();
                self.state.report_error(&message);
                Err(message)
            }
        }
    }

    /// Re-reads one record into the list (cheap, for after a save).
    fn refresh_one(&self, id: &str) {
        let slot = with_store(|s| collection::load_one::<T>(s, id));
        self.items.update(|items| {
            let pos = items.iter().position(|e| e.value.id() == id);
            match (slot, pos) {
                (Ok(Slot::Found(env)), Some(i)) => items[i] = env,
                (Ok(Slot::Found(env)), None) => items.push(env),
                (Ok(Slot::Missing), Some(i)) => {
                    items.remove(i);
                }
                _ => {}
            }
        });
    }
}

/// What a successful save tells the form.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedRecord {
    /// The id the words were saved under (a new one for a copy).
    pub id: String,
    /// The new revision: the base for the next save of this record.
    pub rev: u64,
    /// Something to tell the user (the save became a copy), if anything.
    pub message: Option<String>,
}

/// The collection of `T`: the one provided above this component, or a new
/// handle loaded now and kept current with other tabs.
pub fn use_collection<T: Record + Send + Sync + 'static>() -> CollectionHandle<T> {
    if let Some(handle) = use_context::<CollectionHandle<T>>() {
        return handle;
    }
    let handle = CollectionHandle {
        items: RwSignal::new(Vec::new()),
        state: use_app_state(),
    };
    handle.reload();
    use_storage_event(T::KIND, move || handle.reload());
    handle
}

/// Loads the collection once and shares it with every component below
/// (used at the root for the journal, which several screens read).
pub fn provide_collection<T: Record + Send + Sync + 'static>() -> CollectionHandle<T> {
    let handle = use_collection::<T>();
    provide_context(handle);
    handle
}
