//! "Delete everything": removes every Waymark key. The UI asks twice, offers
//! a backup first, and also clears its caches and the service worker.

use super::keys;
use super::store::{KvStore, StoreError};

/// Removes every `wm:` key (records, documents, indexes, drafts, values set
/// aside, the schema). Keys of other apps on the same origin are left alone.
/// Keeps going past a failing key and returns the first error; returns how
/// many keys were removed.
pub fn delete_everything(store: &dyn KvStore) -> Result<usize, StoreError> {
    let mut removed = 0;
    let mut first_error = None;
    for key in store.keys()? {
        if keys::is_waymark_key(&key) {
            match store.remove(&key) {
                Ok(()) => removed += 1,
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(removed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::store::MemoryStore;

    #[test]
    fn delete_everything_removes_every_waymark_key_and_nothing_else() {
        let store = MemoryStore::new();
        for k in [
            "wm:schema",
            "wm:j:a",
            "wm:j",
            "wm:settings",
            "wm:q:wm:j:b",
            "wm:draft:c",
            "wm:zz:9",
        ] {
            store.set(k, "1").unwrap();
        }
        store.set("someone-else", "keep").unwrap();
        assert_eq!(delete_everything(&store), Ok(7));
        assert_eq!(store.keys().unwrap(), vec!["someone-else".to_owned()]);
    }
}
