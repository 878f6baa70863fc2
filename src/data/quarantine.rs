//! Values that could not be read are set aside, never deleted.
//!
//! A corrupt value is copied to `wm:q:<original key>` (and verified) before
//! the original is removed, so a failure at any step leaves at least one copy.
//! The user can download everything set aside as one file, and only then
//! discard it.

use std::collections::BTreeMap;

use super::keys::{self, KeyClass};
use super::store::{utf16_len, KvStore, StoreError};

/// Most copies of one key kept side by side (`#2`, `#3`...). Far beyond any
/// real use; it only stops an endless loop.
const MAX_COPIES: u32 = 10_000;

/// One value set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarantinedItem {
    /// The quarantine key (pass it to [`discard`]).
    pub key: String,
    /// Where the value came from.
    pub original_key: String,
    /// Size of the stored value in UTF-16 units (its share of the quota).
    pub units: usize,
}

/// Copies `raw` to a free quarantine key for `original_key` and checks the
/// copy. Returns the quarantine key. Does not touch the original.
pub fn set_aside(store: &dyn KvStore, original_key: &str, raw: &str) -> Result<String, StoreError> {
    for n in 1..=MAX_COPIES {
        let qkey = keys::quarantine_key(original_key, n);
        match store.get(&qkey)? {
            Some(existing) if existing == raw => return Ok(qkey),
            Some(_) => continue,
            None => {
                return match store.set_verified(&qkey, raw) {
                    Ok(()) => Ok(qkey),
                    Err(e) => {
                        // The slot was free; do not leave a half-written copy.
                        if e == StoreError::NotVerified {
                            let _ = store.remove(&qkey);
                        }
                        Err(e)
                    }
                };
            }
        }
    }
    Err(StoreError::Other(
        "too many set-aside copies of one value".into(),
    ))
}

/// Moves the value at `key` (whose text is `raw`) to quarantine: copy first,
/// then remove the original. If the copy fails (for example the storage is
/// full) the original stays where it is and the error is returned.
pub fn move_to_quarantine(store: &dyn KvStore, key: &str, raw: &str) -> Result<String, StoreError> {
    let qkey = set_aside(store, key, raw)?;
    // Another tab may have written a good value here meanwhile: only remove
    // the original if it is still the value that was set aside.
    if store.get(key)?.as_deref() == Some(raw) {
        store.remove(key)?;
    }
    Ok(qkey)
}

/// Everything set aside, sorted by key.
pub fn list(store: &dyn KvStore) -> Result<Vec<QuarantinedItem>, StoreError> {
    let mut out = Vec::new();
    for key in sorted_keys(store)? {
        if let KeyClass::Quarantine { original } = keys::classify(&key) {
            let units = store.get(&key)?.map(|v| utf16_len(&v)).unwrap_or(0);
            out.push(QuarantinedItem {
                original_key: original.to_owned(),
                key: key.clone(),
                units,
            });
        }
    }
    Ok(out)
}

/// Everything set aside as one JSON object of quarantine key → the exact text
/// that was stored, for the user to download before discarding.
pub fn export_raw(store: &dyn KvStore) -> Result<String, StoreError> {
    let mut map = BTreeMap::new();
    for key in sorted_keys(store)? {
        if matches!(keys::classify(&key), KeyClass::Quarantine { .. }) {
            if let Some(raw) = store.get(&key)? {
                map.insert(key, raw);
            }
        }
    }
    serde_json::to_string_pretty(&map).map_err(|e| StoreError::Other(e.to_string()))
}

/// Removes one set-aside value (after the user has downloaded it). Refuses
/// any key that is not a quarantine key.
pub fn discard(store: &dyn KvStore, key: &str) -> Result<(), StoreError> {
    match keys::classify(key) {
        KeyClass::Quarantine { .. } => store.remove(key),
        _ => Err(StoreError::Other(format!("{key} is not a set-aside value"))),
    }
}

fn sorted_keys(store: &dyn KvStore) -> Result<Vec<String>, StoreError> {
    let mut all = store.keys()?;
    all.sort_unstable();
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::store::MemoryStore;

    #[test]
    fn a_moved_value_is_copied_before_the_original_is_removed() {
        let store = MemoryStore::new();
        store.set("wm:j:a", "garbage").unwrap();
        let q = move_to_quarantine(&store, "wm:j:a", "garbage").unwrap();
        assert_eq!(q, "wm:q:wm:j:a");
        assert_eq!(store.get(&q).unwrap().as_deref(), Some("garbage"));
        assert_eq!(store.get("wm:j:a").unwrap(), None);
    }

    #[test]
    fn a_second_bad_value_for_the_same_key_never_overwrites_the_first() {
        let store = MemoryStore::new();
        store.set("wm:j:a", "bad one").unwrap();
        move_to_quarantine(&store, "wm:j:a", "bad one").unwrap();
        store.set("wm:j:a", "bad two").unwrap();
        let q2 = move_to_quarantine(&store, "wm:j:a", "bad two").unwrap();
        assert_eq!(q2, "wm:q:wm:j:a#2");
        assert_eq!(
            store.get("wm:q:wm:j:a").unwrap().as_deref(),
            Some("bad one")
        );
        let items = list(&store).unwrap();
        assert_eq!(items.len(), 2);
        assert!(items.iter().all(|i| i.original_key == "wm:j:a"));
    }

    #[test]
    fn when_the_copy_does_not_fit_the_original_stays_in_place() {
        let store = MemoryStore::with_quota(20);
        store.set("wm:j:a", "0123456789").unwrap();
        assert_eq!(
            move_to_quarantine(&store, "wm:j:a", "0123456789"),
            Err(StoreError::QuotaExceeded)
        );
        assert_eq!(store.get("wm:j:a").unwrap().as_deref(), Some("0123456789"));
        assert!(list(&store).unwrap().is_empty());
    }

    #[test]
    fn exporting_set_aside_values_gives_the_exact_stored_text() {
        let store = MemoryStore::new();
        store.set("wm:q:wm:j:a", "{\"broken\": “quote” 🌱").unwrap();
        store.set("wm:j:b", "fine").unwrap();
        let text = export_raw(&store).unwrap();
        let back: BTreeMap<String, String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back["wm:q:wm:j:a"], "{\"broken\": “quote” 🌱");
    }

    #[test]
    fn discard_removes_only_set_aside_values() {
        let store = MemoryStore::new();
        store.set("wm:q:wm:j:a", "x").unwrap();
        store.set("wm:j:b", "y").unwrap();
        assert!(discard(&store, "wm:j:b").is_err());
        assert_eq!(store.get("wm:j:b").unwrap().as_deref(), Some("y"));
        discard(&store, "wm:q:wm:j:a").unwrap();
        assert_eq!(store.get("wm:q:wm:j:a").unwrap(), None);
    }
}
