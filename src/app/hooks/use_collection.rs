//! A reactive list of one kind of record, kept in step with storage and with
//! other tabs. Every write goes through [`crate::data::collection`].
//!
//! Ten years of daily check-ins is 3,650 records and 4.4 million characters.
//! Reading them all before the first draw would hold the screen blank, so a
//! collection is read newest first: the newest [`FIRST_SLICE`] records before
//! the first draw, the rest in slices of [`SLICE`], one short task each, so
//! the app answers taps while the older history arrives, and then added to
//! the list at once. `complete` tells the screens that count or chart the
//! whole history when it is all there.

use super::use_storage_event::use_storage_event;
use crate::app::state::{now_ms, use_app_state, with_store, AppState};
use crate::data::collection::{self, SaveOutcome};
use crate::data::envelope::{Envelope, Record};
use crate::data::outcome::{save_error_message, save_outcome_message};
use crate::data::slot::Slot;
use leptos::prelude::*;
use std::time::Duration;

/// Records read before the first draw: a few months of daily check-ins,
/// more than the journal's first page.
pub const FIRST_SLICE: usize = 120;
/// Records read per later task: small enough that a slice stays well under
/// 50 ms on a slow phone.
pub const SLICE: usize = 200;

/// Handle on a collection: `items` is the list, sorted by id (creation
/// time), a record saved in this tab last.
pub struct CollectionHandle<T: Send + Sync + 'static> {
    pub items: RwSignal<Vec<Envelope<T>>>,
    /// False while older records are still being read in slices.
    pub complete: RwSignal<bool>,
    /// Bumped by every reload, so slices of an earlier reload stop.
    generation: StoredValue<u64>,
    state: AppState,
}

impl<T: Send + Sync + 'static> Clone for CollectionHandle<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for CollectionHandle<T> {}

impl<T: Record + Send + Sync + 'static> CollectionHandle<T> {
    /// Reads every record again from storage: the newest now, the older
    /// ones in later tasks.
    pub fn reload(&self) {
        let Some(generation) = self.generation.try_update_value(|g| {
            *g += 1;
            *g
        }) else {
            return; // the owner is gone
        };
        let keys = match with_store(|s| collection::record_keys(s, T::KIND)) {
            Ok(keys) => keys,
            Err(e) => return self.report(&e),
        };
        let (older, newest) = keys.split_at(keys.len().saturating_sub(FIRST_SLICE));
        if let Some(items) = self.read(newest) {
            self.items.set(items);
        }
        if older.is_empty() {
            self.finish();
        } else {
            self.complete.set(false);
            self.read_older(older.to_vec(), Vec::new(), generation);
        }
    }

    /// Reads `older` one slice per task, newest first, gathering them in
    /// `read`, and puts them all in front of the list in the last one (or stops if a newer reload took
    /// over). The list changes once, not once a slice, because every change
    /// makes the screens sort and filter the whole history again.
    fn read_older(
        self,
        mut older: Vec<(String, String)>,
        mut read: Vec<Envelope<T>>,
        generation: u64,
    ) {
        // The app's state (read-only mode, notices) is found through the
        // owner, which a timer callback does not have by itself: each slice
        // runs inside it, and so does the timer for the next one.
        let Some(owner) = Owner::current() else {
            return;
        };
        set_timeout(
            move || {
                if self.generation.try_get_value() != Some(generation) {
                    return;
                }
                owner.with(|| {
                    let slice = older.split_off(older.len().saturating_sub(SLICE));
                    if let Some(mut items) = self.read(&slice) {
                        items.append(&mut read);
                        read = items;
                    }
                    if older.is_empty() {
                        self.put_in_front(read);
                        self.finish();
                    } else {
                        self.read_older(older, read, generation);
                    }
                });
            },
            Duration::ZERO,
        );
    }

    /// Puts the older records (sorted by id) in front of the list. A record
    /// among them that was saved or changed meanwhile is in the list already
    /// (and newer): that one is kept.
    fn put_in_front(&self, mut older: Vec<Envelope<T>>) {
        self.items.try_update(|list| {
            if let Some(newest_older) = older.last().map(|e| e.value.id().to_owned()) {
                let already: std::collections::HashSet<&str> = list
                    .iter()
                    .map(|e| e.value.id())
                    .filter(|id| *id <= newest_older.as_str())
                    .collect();
                older.retain(|e| !already.contains(e.value.id()));
            }
            older.append(list);
            *list = older;
        });
    }

    /// The readable records under `keys`; reports what was set aside.
    fn read(&self, keys: &[(String, String)]) -> Option<Vec<Envelope<T>>> {
        match with_store(|s| collection::load_keys::<T>(s, keys)) {
            Ok(report) => {
                self.state.report_quarantined(&report.quarantined);
                self.state.report_newer(&report.newer);
                Some(report.items)
            }
            Err(e) => {
                self.report(&e);
                None
            }
        }
    }

    /// Everything is read: the index earlier builds kept can go.
    fn finish(&self) {
        with_store(|s| collection::remove_legacy_index(s, T::KIND));
        self.complete.try_set(true);
    }

    fn report(&self, e: &crate::data::store::StoreError) {
        // Read-only or unavailable storage: show what we have.
        if !matches!(e, crate::data::store::StoreError::Unavailable) {
            self.state.report_error(save_error_message(e));
        }
    }

    /// The stored record with `id`: from the list, or from storage while
    /// older records are still being read.
    pub fn get(&self, id: &str) -> Option<Envelope<T>> {
        let loaded = self
            .items
            .with_untracked(|items| items.iter().find(|e| e.value.id() == id).cloned());
        if loaded.is_some() || self.complete.get_untracked() {
            return loaded;
        }
        match with_store(|s| collection::load_one::<T>(s, id)) {
            Ok(Slot::Found(env)) => Some(env),
            _ => None,
        }
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

    /// Re-reads one record into the list (cheap: after a save, or when
    /// another tab changed it).
    pub fn refresh_one(&self, id: &str) {
        let slot = with_store(|s| collection::load_one::<T>(s, id));
        let set_aside = matches!(slot, Ok(Slot::Quarantined { .. }));
        self.items.update(|items| {
            let pos = items.iter().position(|e| e.value.id() == id);
            match (slot, pos) {
                (Ok(Slot::Found(env)), Some(i)) => items[i] = env,
                (Ok(Slot::Found(env)), None) => items.push(env),
                // Deleted, or set aside because it could not be read.
                (Ok(Slot::Missing | Slot::Quarantined { .. }), Some(i)) => {
                    items.remove(i);
                }
                _ => {}
            }
        });
        if set_aside {
            self.state
                .report_quarantined(&[crate::data::keys::record_key(T::KIND, id)]);
        }
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
        complete: RwSignal::new(false),
        generation: StoredValue::new(0),
        state: use_app_state(),
    };
    handle.reload();
    use_storage_event(T::KIND, move |id| match id {
        // One record changed in another tab: read just that one.
        Some(id) => handle.refresh_one(&id),
        None => handle.reload(),
    });
    handle
}

/// Loads the collection once and shares it with every component below
/// (used at the root for the journal, which several screens read).
pub fn provide_collection<T: Record + Send + Sync + 'static>() -> CollectionHandle<T> {
    let handle = use_collection::<T>();
    provide_context(handle);
    handle
}
