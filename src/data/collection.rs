//! Collections of records (the journal, contacts, meetings...): one key per
//! record plus one index key per kind.
//!
//! Guarantees:
//! - A save writes one record and at most one index: its cost does not grow
//!   with the number of records (beyond the index string).
//! - A save that fails leaves the previous record and index as they were.
//! - A tab never overwrites a record another tab wrote after it was loaded:
//!   its version is saved as a copy under a new id instead.
//! - A record that cannot be read is moved to quarantine, never deleted; if
//!   even that fails, it is left where it is.
//! - A record written by a newer version is left untouched.

use serde_json::Value;

use super::envelope::{restore, same_json, Envelope, Record, RestoreError};
use super::keys::{self, KeyClass};
use super::quarantine;
use super::slot::{self, Slot};
use super::store::{KvStore, StoreError};
use crate::domain::ids;

/// One line of a collection's index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct IndexEntry {
    pub id: String,
    /// The record's [`Record::index_date`] (the journal's day), if any.
    pub date: Option<String>,
}

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
    /// The index was missing, broken or out of date and has been rewritten.
    pub index_rebuilt: bool,
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

/// Loads every record of `T`, moving unreadable ones to quarantine and
/// repairing the index if it does not match the records.
pub fn load_all<T: Record>(store: &dyn KvStore) -> Result<LoadReport<T>, StoreError> {
    let old_index = read_index(store, T::KIND)?;
    let mut report = LoadReport {
        items: Vec::new(),
        quarantined: Vec::new(),
        newer: Vec::new(),
        unreadable: Vec::new(),
        index_rebuilt: false,
    };
    let mut entries = Vec::new();
    for (key, id) in record_keys(store, T::KIND)? {
        let Some(raw) = store.get(&key)? else {
            continue; // removed by another tab meanwhile
        };
        match slot::classify_raw::<T>(store, &key, &raw) {
            Slot::Found(mut env) => {
                if env.value.id() != id {
                    // The key is the record's address; trust it.
                    env.value.set_id(id.clone());
                }
                entries.push(entry_for(&env.value));
                report.items.push(env);
            }
            Slot::Newer(_) => {
                entries.push(previous_entry(old_index.as_deref(), &id));
                report.newer.push(key);
            }
            Slot::Unreadable { .. } => {
                entries.push(previous_entry(old_index.as_deref(), &id));
                report.unreadable.push(key);
            }
            Slot::Quarantined { .. } => report.quarantined.push(key),
            Slot::Missing => {}
        }
    }
    entries.sort();
    let stale = match &old_index {
        Some(old) => *old != entries,
        None => !entries.is_empty() || store.get(&keys::index_key(T::KIND))?.is_some(),
    };
    if stale {
        report.index_rebuilt = store
            .set_verified(&keys::index_key(T::KIND), &encode_index(&entries))
            .is_ok();
    }
    Ok(report)
}

/// The index of `T`'s collection (ids, and dates for the journal), for drawing
/// a list without reading every record. Rebuilt from the records if missing
/// or broken.
pub fn list<T: Record>(store: &dyn KvStore) -> Result<Vec<IndexEntry>, StoreError> {
    match read_index(store, T::KIND)? {
        Some(entries) => Ok(entries),
        None => {
            let entries = rebuild_entries::<T>(store)?;
            // Best effort: a failed write only means it is rebuilt again later.
            let _ = store.set_verified(&keys::index_key(T::KIND), &encode_index(&entries));
            Ok(entries)
        }
    }
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
    if let Err(e) = index_upsert(store, T::KIND, entry_for(&item), || {
        rebuild_entries::<T>(store)
    }) {
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
    // The record is gone; a stale index line is repaired on the next load.
    if let Some(mut entries) = read_index(store, T::KIND)? {
        let before = entries.len();
        entries.retain(|e| e.id != id);
        if entries.len() != before {
            let _ = store.set_verified(&keys::index_key(T::KIND), &encode_index(&entries));
        }
    }
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
        .keys()?
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

/// The index line for a record.
pub(crate) fn entry_for<T: Record>(item: &T) -> IndexEntry {
    IndexEntry {
        id: item.id().to_owned(),
        date: item.index_date(),
    }
}

fn previous_entry(old: Option<&[IndexEntry]>, id: &str) -> IndexEntry {
    old.and_then(|o| o.iter().find(|e| e.id == id).cloned())
        .unwrap_or_else(|| IndexEntry {
            id: id.to_owned(),
            date: None,
        })
}

/// Index lines rebuilt by scanning the records (only when the index is
/// missing or broken).
pub(crate) fn rebuild_entries<T: Record>(
    store: &dyn KvStore,
) -> Result<Vec<IndexEntry>, StoreError> {
    let mut entries = Vec::new();
    for (key, id) in record_keys(store, T::KIND)? {
        let date = match store.get(&key)? {
            Some(raw) => restore::<T>(&raw).ok().and_then(|e| e.value.index_date()),
            None => continue,
        };
        entries.push(IndexEntry { id, date });
    }
    entries.sort();
    Ok(entries)
}

/// The stored index, or `None` if it is missing or cannot be read.
pub(crate) fn read_index(
    store: &dyn KvStore,
    kind: &str,
) -> Result<Option<Vec<IndexEntry>>, StoreError> {
    Ok(store
        .get(&keys::index_key(kind))?
        .and_then(|raw| parse_index(&raw)))
}

/// Parses an index: an array of ids or `[id, date]` pairs, sorted, unique.
pub(crate) fn parse_index(raw: &str) -> Option<Vec<IndexEntry>> {
    let Value::Array(items) = serde_json::from_str(raw).ok()? else {
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let entry = match item {
            Value::String(id) => IndexEntry { id, date: None },
            Value::Array(pair) => match pair.as_slice() {
                [Value::String(id), Value::String(date)] => IndexEntry {
                    id: id.clone(),
                    date: Some(date.clone()),
                },
                _ => return None,
            },
            _ => return None,
        };
        out.push(entry);
    }
    if out.windows(2).any(|w| w[0].id >= w[1].id) {
        return None;
    }
    Some(out)
}

/// The stored text of an index.
pub(crate) fn encode_index(entries: &[IndexEntry]) -> String {
    let items: Vec<Value> = entries
        .iter()
        .map(|e| match &e.date {
            Some(d) => Value::Array(vec![Value::String(e.id.clone()), Value::String(d.clone())]),
            None => Value::String(e.id.clone()),
        })
        .collect();
    Value::Array(items).to_string()
}

/// Adds or updates one index line; writes only if something changed. If the
/// index is missing or broken it is rebuilt with `rebuild` (which sees the
/// record just written).
pub(crate) fn index_upsert(
    store: &dyn KvStore,
    kind: &str,
    entry: IndexEntry,
    rebuild: impl FnOnce() -> Result<Vec<IndexEntry>, StoreError>,
) -> Result<(), StoreError> {
    let (mut entries, mut changed) = match read_index(store, kind)? {
        Some(entries) => (entries, false),
        None => (rebuild()?, true),
    };
    match entries.binary_search_by(|e| e.id.cmp(&entry.id)) {
        Ok(i) if entries[i] == entry => {}
        Ok(i) => {
            entries[i] = entry;
            changed = true;
        }
        Err(i) => {
            entries.insert(i, entry);
            changed = true;
        }
    }
    if changed {
        store.set_verified(&keys::index_key(kind), &encode_index(&entries))?;
    }
    Ok(())
}

/// Puts the previous value back after a failed write (best effort: the write
/// that failed normally changed nothing).
pub(crate) fn put_back(store: &dyn KvStore, key: &str, previous: Option<&str>) {
    let _ = match previous {
        Some(raw) => store.set(key, raw),
        None => store.remove(key),
    };
}
