//! The store-wide schema version, checked when the app opens.
//!
//! If the store was last written by a newer Waymark (a newer schema), this
//! build must not write to it: it opens read-only and asks the user to update,
//! so an old cached copy of the app can never damage newer data.

use super::keys::{self, KeyClass};
use super::quarantine;
use super::store::{KvStore, StoreError};

/// What opening the store found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaStatus {
    /// No Waymark data yet; the schema key was written.
    Fresh,
    /// The data is in this build's schema (the key was written if missing).
    Ready,
    /// The data was written by a newer Waymark (schema `v`). Use it
    /// read-only, through [`ReadOnly`].
    NewerSchema(u32),
}

impl SchemaStatus {
    /// True when the app may write.
    pub fn writable(&self) -> bool {
        !matches!(self, SchemaStatus::NewerSchema(_))
    }
}

/// Checks (and if needed writes) `wm:schema`. A schema value that is not a
/// number is set aside and replaced, since the records carry their own
/// versions and stay safe.
pub fn open(store: &dyn KvStore) -> Result<SchemaStatus, StoreError> {
    let current = keys::SCHEMA_VERSION.to_string();
    match store.get(keys::SCHEMA_KEY)? {
        Some(raw) => match raw.trim().parse::<u32>() {
            Ok(v) if v > keys::SCHEMA_VERSION => Ok(SchemaStatus::NewerSchema(v)),
            Ok(v) if v == keys::SCHEMA_VERSION => Ok(SchemaStatus::Ready),
            Ok(_) => {
                // Older store-wide schemas: none exist yet; records migrate
                // one by one, so only the marker moves forward.
                store.set_verified(keys::SCHEMA_KEY, &current)?;
                Ok(SchemaStatus::Ready)
            }
            Err(_) => {
                quarantine::set_aside(store, keys::SCHEMA_KEY, &raw)?;
                store.set_verified(keys::SCHEMA_KEY, &current)?;
                Ok(SchemaStatus::Ready)
            }
        },
        None => {
            let has_data = store
                .keys()?
                .iter()
                .any(|k| !matches!(keys::classify(k), KeyClass::Foreign | KeyClass::Schema));
            store.set_verified(keys::SCHEMA_KEY, &current)?;
            Ok(if has_data {
                SchemaStatus::Ready
            } else {
                SchemaStatus::Fresh
            })
        }
    }
}

/// The message every refused write carries.
pub const READ_ONLY_MESSAGE: &str = "read-only: this data was saved by a newer version of Waymark";

/// A view of a store that refuses every write, for data from a newer schema.
pub struct ReadOnly<'a>(pub &'a dyn KvStore);

impl KvStore for ReadOnly<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get(key)
    }
    fn set(&self, _key: &str, _value: &str) -> Result<(), StoreError> {
        Err(StoreError::Other(READ_ONLY_MESSAGE.into()))
    }
    fn remove(&self, _key: &str) -> Result<(), StoreError> {
        Err(StoreError::Other(READ_ONLY_MESSAGE.into()))
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.keys()
    }
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        self.0.keys_with_prefix(prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::store::MemoryStore;

    #[test]
    fn opening_an_empty_store_writes_the_schema_and_says_fresh() {
        let store = MemoryStore::new();
        store.set("not-ours", "1").unwrap();
        assert_eq!(open(&store), Ok(SchemaStatus::Fresh));
        assert_eq!(store.get("wm:schema").unwrap().as_deref(), Some("1"));
        assert_eq!(open(&store), Ok(SchemaStatus::Ready));
    }

    #[test]
    fn a_store_with_data_but_no_schema_key_gets_one() {
        let store = MemoryStore::new();
        store.set("wm:j:a", "{}").unwrap();
        assert_eq!(open(&store), Ok(SchemaStatus::Ready));
        assert_eq!(store.get("wm:schema").unwrap().as_deref(), Some("1"));
    }

    #[test]
    fn a_newer_schema_opens_read_only_and_is_not_rewritten() {
        let store = MemoryStore::new();
        store.set("wm:schema", "2").unwrap();
        let status = open(&store).unwrap();
        assert_eq!(status, SchemaStatus::NewerSchema(2));
        assert!(!status.writable());
        assert_eq!(store.get("wm:schema").unwrap().as_deref(), Some("2"));
        let ro = ReadOnly(&store);
        assert!(ro.set("wm:j:a", "x").is_err());
        assert!(ro.remove("wm:schema").is_err());
        assert_eq!(ro.get("wm:schema").unwrap().as_deref(), Some("2"));
        assert_eq!(store.get("wm:j:a").unwrap(), None);
    }

    #[test]
    fn a_garbled_schema_value_is_set_aside_and_replaced() {
        let store = MemoryStore::new();
        store.set("wm:schema", "one?").unwrap();
        assert_eq!(open(&store), Ok(SchemaStatus::Ready));
        assert_eq!(store.get("wm:schema").unwrap().as_deref(), Some("1"));
        assert_eq!(
            store.get("wm:q:wm:schema").unwrap().as_deref(),
            Some("one?")
        );
    }
}
