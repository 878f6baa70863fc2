//! Collections of records (the journal, contacts, meetings...): one key per
//! record.
//!
//! Guarantees:
//! - A save reads and writes one record and nothing else: its cost does not
//!   grow with the number of records. (There is no index to keep in step; a
//!   collection is the set of its `wm:<kind>:<id>` keys.)
//! - A save that fails leaves the previous record and index as they were.
//! - A tab never overwrites a record another tab wrote after it was loaded:
//!   its version is saved as a copy under a new id instead.
//! - A record that cannot be read is moved to quarantine, never deleted; if
//!   even that fails, it is left where it is.
//! - A record written by a newer version is left untouched.

use super::envelope::{restore, same_json, Envelope, Record, RestoreError};
use super::keys::{self, KeyClass};
use super::quarantine;
use super::slot::{self, Slot};
use super::store::{KvStore, StoreError};
use crate::domain::ids;

/// Everything [`load_all`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadReport<T> {
    /// Readable records, sorted by id (ids sort by creation time).
    pub items: Vec<Envelope<T>>,
    /// Keys whose values could not be read and were moved to quarantine.
    pub quarantined: Vec<String>,
    /// Keys written by a newer version of Waymark, left untouched.
    pub newer: Vec<String>,
    /// Keys that could not be read and could not be moved to quarantine
    /// (for example the storage is full). Left in place.
    pub unreadable: Vec<String>,
    /// A collection index left by an older version (`wm:<kind>`) was found
    /// and removed (see [`keys::KeyClass::LegacyIndex`]).
    pub legacy_index_removed: bool,
}

/// How a save ended. Either way the user's words are stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written in place; `rev` is the new revision (the base for the next save).
    Saved { rev: u64 },
    /// Another tab (or a newer version) changed this record since it was
    /// loaded, so this version was saved beside it under a new id. The UI says
    /// so and opens the copy.
    SavedAsCopy { id: String, rev: u64 },
}

/// Loads every record of `T`, moving unreadable ones to quarantine, and
/// removes the collection index older versions kept.
pub fn load_all<T: Record>(store: &dyn KvStore) -> Result<LoadReport<T>, StoreError> {
    let mut report = load_keys::<T>(store, &record_keys(store, T::KIND)?)?;
    report.legacy_index_removed = remove_legacy_index(store, T::KIND);
    Ok(report)
}

/// Loads the records stored under `keys` (pairs of key and id, as
/// [`record_keys`] gives them), moving unreadable ones to quarantine. The app
/// loads a long journal in slices with this: the newest first, so the list
/// draws at once, and the rest in later tasks.
pub fn load_keys<T: Record>(
    store: &dyn KvStore,
    keys: &[(String, String)],
) -> Result<LoadReport<T>, StoreError> {
    let mut report = LoadReport {
        items: Vec::new(),
        quarantined: Vec::new(),
        newer: Vec::new(),
        unreadable: Vec::new(),
        legacy_index_removed: false,
    };
    for (key, id) in keys {
        let Some(raw) = store.get(key)? else {
            continue; // removed by another tab meanwhile
        };
        match slot::classify_raw::<T>(store, key, &raw) {
            Slot::Found(mut env) => {
                if env.value.id() != id {
                    // The key is the record's address; trust it.
                    env.value.set_id(id.clone());
                }
                report.items.push(env);
            }
            Slot::Newer(_) => report.newer.push(key.clone()),
            Slot::Unreadable { .. } => report.unreadable.push(key.clone()),
            Slot::Quarantined { .. } => report.quarantined.push(key.clone()),
            Slot::Missing => {}
        }
    }
    Ok(report)
}

/// Earlier builds kept an index of each collection (`wm:<kind>`) and
/// rewrote it on every save, so a save cost grew with the history. The
/// records alone are the truth, so the old index is removed (best effort: a
/// read-only store keeps it, and it does no harm; an earlier build still
/// open in another tab rebuilds it from the records). True if removed.
pub fn remove_legacy_index(store: &dyn KvStore, kind: &str) -> bool {
    let key = keys::legacy_index_key(kind);
    matches!(store.get(&key), Ok(Some(_))) && store.remove(&key).is_ok()
}

/// Reads one record. An unreadable one is moved to quarantine.
pub fn load_one<T: Record>(store: &dyn KvStore, id: &str) -> Result<Slot<T>, StoreError> {
    if !ids::is_valid_id(id) {
        return Ok(Slot::Missing);
    }
    slot::read::<T>(store, &keys::record_key(T::KIND, id))
}

/// Saves `item`. `base_rev` is the revision this tab loaded (`None` for a new
/// record). If the stored record has another revision, `item` is saved as a
/// copy under a new id and nothing is overwritten. On error nothing changed:
/// the UI keeps the draft and tells the user.
pub fn save<T: Record>(
    store: &dyn KvStore,
    item: &T,
    base_rev: Option<u64>,
    now_ms: i64,
) -> Result<SaveOutcome, StoreError> {
    item.check_stored()
        .map_err(|e| StoreError::Other(format!("not saved, the record is not valid: {e}")))?;
    if !ids::is_valid_id(item.id()) {
        return Err(StoreError::Other(format!(
            "not saved, bad id {:?}",
            item.id()
        )));
    }
    let key = keys::record_key(T::KIND, item.id());
    let next_rev = base_rev.map_or(1, |b| b.saturating_add(1));
    let (item, previous, rev, copied) = match store.get(&key)? {
        None => (item.clone(), None, next_rev, false),
        Some(raw) => match restore::<T>(&raw) {
            // Nothing to save: a repeated save of the same words (say, from
            // a tab that missed its own last revision) must not make a copy.
            Ok(current) if same_json(&current.value, item) => {
                return Ok(SaveOutcome::Saved { rev: current.rev });
            }
            Ok(current) if Some(current.rev) == base_rev => (
                item.clone(),
                Some(raw),
                current.rev.saturating_add(1),
                false,
            ),
            Ok(_) | Err(RestoreError::FromNewerVersion(_)) => {
                let mut copy = item.clone();
                copy.set_id(copy_id(item.id(), &mut |id| {
                    Ok(store.get(&keys::record_key(T::KIND, id))?.is_some())
                })?);
                (copy, None, 1, true)
            }
            Err(RestoreError::Corrupt(_)) => {
                quarantine::move_to_quarantine(store, &key, &raw)?;
                (item.clone(), None, next_rev, false)
            }
        },
    };
    let key = keys::record_key(T::KIND, item.id());
    let raw = Envelope::new(item.clone(), rev, now_ms).encode()?;
    if let Err(e) = store.set_verified(&key, &raw) {
        put_back(store, &key, previous.as_deref());
        return Err(e);
    }
    Ok(if copied {
        SaveOutcome::SavedAsCopy {
            id: item.id().to_owned(),
            rev,
        }
    } else {
        SaveOutcome::Saved { rev }
    })
}

/// Deletes one record and returns it, so the UI can offer "undo" (save it
/// back with `base_rev = Some(env.rev)`). An unreadable record is moved to
/// quarantine instead (and `None` returned). A record written by a newer
/// version is not deleted.
pub fn delete<T: Record>(store: &dyn KvStore, id: &str) -> Result<Option<Envelope<T>>, StoreError> {
    if !ids::is_valid_id(id) {
        return Ok(None);
    }
    let key = keys::record_key(T::KIND, id);
    let removed = match slot::read::<T>(store, &key)? {
        Slot::Found(env) => {
            store.remove(&key)?;
            Some(env)
        }
        Slot::Newer(_) => {
            return Err(StoreError::Other(
                "this was saved by a newer version of Waymark and was not deleted".into(),
            ))
        }
        Slot::Unreadable { error, .. } => return Err(error),
        Slot::Missing | Slot::Quarantined { .. } => None,
    };
    Ok(removed)
}

/// Ids for a copy of `id`, in the order they are tried: `<id>-c1`,
/// `<id>-c2`... (an existing `-cN` suffix is replaced, so copies of copies do
/// not grow, and the id is shortened if needed to stay a valid id).
pub(crate) fn copy_candidates(id: &str) -> impl Iterator<Item = String> + '_ {
    let base = match id.rsplit_once("-c") {
        Some((b, n)) if !b.is_empty() && !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()) => {
            b
        }
        _ => id,
    };
    (1..=100_000u32).map(move |n| {
        let suffix = format!("-c{n}");
        let keep = base.len().min(ids::MAX_ID_LEN.saturating_sub(suffix.len()));
        format!("{}{suffix}", &base[..keep])
    })
}

/// The first free copy id for `id`; `taken` says whether an id is used.
pub(crate) fn copy_id(
    id: &str,
    taken: &mut dyn FnMut(&str) -> Result<bool, StoreError>,
) -> Result<String, StoreError> {
    for candidate in copy_candidates(id) {
        if !taken(&candidate)? {
            return Ok(candidate);
        }
    }
    Err(StoreError::Other("no free id for a copy".into()))
}

/// Keys and ids of every stored record of `kind`, sorted by id.
pub(crate) fn record_keys(
    store: &dyn KvStore,
    kind: &str,
) -> Result<Vec<(String, String)>, StoreError> {
    let mut out: Vec<(String, String)> = store
        .keys_with_prefix(&keys::record_key(kind, ""))?
        .into_iter()
        .filter_map(|key| {
            match keys::classify(&key) {
                KeyClass::Record { kind: k, id } if k == kind => Some(id.to_owned()),
                _ => None,
            }
            .map(|id| (key, id))
        })
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

/// Puts the previous value back after a failed write (best effort: the write
/// that failed normally changed nothing).
pub(crate) fn put_back(store: &dyn KvStore, key: &str, previous: Option<&str>) {
    let _ = match previous {
        Some(raw) => store.set(key, raw),
        None => store.remove(key),
    };
}
