//! Autosaved form drafts, so nothing typed is lost if the tab closes, the
//! phone restarts or a save fails.
//!
//! A draft is stored as the plain text the form gives (often JSON of a draft
//! struct); it is not versioned, because a draft that no longer parses is
//! simply shown as empty by the form while staying stored until cleared.

use super::keys::{self, KeyClass};
use super::store::{KvStore, StoreError};

/// Saves (verified) the draft called `name`. A full storage returns
/// [`StoreError::QuotaExceeded`]; the UI shows it and keeps the text on
/// screen. The previous draft is left as it was.
pub fn save(store: &dyn KvStore, name: &str, text: &str) -> Result<(), StoreError> {
    let key = keys::draft_key(name);
    let previous = store.get(&key)?;
    if previous.as_deref() == Some(text) {
        return Ok(());
    }
    store.set_verified(&key, text).inspect_err(|_| {
        super::collection::put_back(store, &key, previous.as_deref());
    })
}

/// The draft called `name`, if one is stored.
pub fn load(store: &dyn KvStore, name: &str) -> Result<Option<String>, StoreError> {
    store.get(&keys::draft_key(name))
}

/// Removes the draft called `name` (after the form was saved or discarded).
pub fn clear(store: &dyn KvStore, name: &str) -> Result<(), StoreError> {
    store.remove(&keys::draft_key(name))
}

/// Names of every stored draft, sorted.
pub fn names(store: &dyn KvStore) -> Result<Vec<String>, StoreError> {
    let mut out: Vec<String> = store
        .keys()?
        .iter()
        .filter_map(|k| match keys::classify(k) {
            KeyClass::Draft { name } => Some(name.to_owned()),
            _ => None,
        })
        .collect();
    out.sort_unstable();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::store::MemoryStore;

    #[test]
    fn a_draft_round_trips_with_unicode_text() {
        let store = MemoryStore::new();
        let text = "I felt “okay” today 🌤️ — שלום — مرحبا";
        save(&store, "checkin", text).unwrap();
        assert_eq!(load(&store, "checkin").unwrap().as_deref(), Some(text));
        assert_eq!(names(&store).unwrap(), vec!["checkin".to_owned()]);
        clear(&store, "checkin").unwrap();
        assert_eq!(load(&store, "checkin").unwrap(), None);
    }

    #[test]
    fn a_draft_that_does_not_fit_is_reported_and_the_previous_draft_stays() {
        let store = MemoryStore::with_quota(40);
        save(&store, "c", "short").unwrap();
        assert_eq!(
            save(&store, "c", &"x".repeat(100)),
            Err(StoreError::QuotaExceeded)
        );
        assert_eq!(load(&store, "c").unwrap().as_deref(), Some("short"));
    }

    #[test]
    fn drafts_on_blocked_storage_fail_without_panicking() {
        let store = MemoryStore::unavailable();
        assert_eq!(save(&store, "c", "text"), Err(StoreError::Unavailable));
        assert_eq!(load(&store, "c"), Err(StoreError::Unavailable));
    }
}
