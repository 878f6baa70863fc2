//! The key-value store every persisted byte goes through.
//!
//! The trait is the seam between the pure data layer (tested natively against
//! [`MemoryStore`]) and the browser (`app::local_storage::LocalStore`, the only
//! code that touches the browser's local storage).

use std::cell::RefCell;
use std::collections::BTreeMap;

/// Why a store operation failed. Each maps to a message the user sees; none is
/// a crash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Storage cannot be used at all (private mode, blocked by settings).
    Unavailable,
    /// The browser's quota is full; the write did not happen.
    QuotaExceeded,
    /// A write reported success but reading it back gave something else.
    NotVerified,
    /// The passphrase lock is on and the app has not been unlocked.
    Locked,
    /// Anything else the browser reported.
    Other(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable => write!(f, "storage is not available"),
            StoreError::QuotaExceeded => write!(f, "storage is full"),
            StoreError::NotVerified => write!(f, "a saved value could not be read back"),
            StoreError::Locked => write!(f, "Waymark is locked"),
            StoreError::Other(m) => write!(f, "storage error: {m}"),
        }
    }
}

/// A synchronous string key-value store with the semantics of the browser's local storage.
///
/// Methods take `&self` because the browser's storage is shared, mutable
/// state behind a handle; implementations use interior mutability.
pub trait KvStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StoreError>;

    /// Every key that starts with `prefix`. A store that can filter without
    /// copying every key out (localStorage with ten years in it holds 7,000)
    /// overrides this; wrappers pass it on.
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(prefix))
            .collect())
    }

    /// Writes, then reads back and compares, so a silent failure is caught.
    fn set_verified(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.set(key, value)?;
        match self.get(key)? {
            Some(back) if back == value => Ok(()),
            _ => Err(StoreError::NotVerified),
        }
    }
}

/// An in-memory store for native tests and for read-only fallback. It counts
/// usage the way Chromium does (UTF-16 units of keys plus values), so quota
/// behaviour can be tested without a browser.
#[derive(Debug, Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
    unavailable: bool,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store that refuses writes past `units` UTF-16 code units.
    pub fn with_quota(units: usize) -> Self {
        Self {
            quota: Some(units),
            ..Self::default()
        }
    }

    /// A store that behaves like blocked storage: every call fails.
    pub fn unavailable() -> Self {
        Self {
            unavailable: true,
            ..Self::default()
        }
    }

    /// UTF-16 units used by keys and values, as browsers count the quota.
    pub fn used_units(&self) -> usize {
        self.map
            .borrow()
            .iter()
            .map(|(k, v)| utf16_len(k) + utf16_len(v))
            .sum()
    }
}

/// Length of a string in UTF-16 code units, the unit of the storage quota.
pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

impl KvStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.unavailable {
            return Err(StoreError::Unavailable);
        }
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.unavailable {
            return Err(StoreError::Unavailable);
        }
        if let Some(quota) = self.quota {
            let old = self
                .map
                .borrow()
                .get(key)
                .map(|v| utf16_len(key) + utf16_len(v))
                .unwrap_or(0);
            let new_total = self.used_units() - old + utf16_len(key) + utf16_len(value);
            if new_total > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if self.unavailable {
            return Err(StoreError::Unavailable);
        }
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        if self.unavailable {
            return Err(StoreError::Unavailable);
        }
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_past_the_quota_is_refused_and_changes_nothing() {
        let store = MemoryStore::with_quota(10);
        assert_eq!(store.set("a", "1234"), Ok(()));
        assert_eq!(store.set("b", "123456789"), Err(StoreError::QuotaExceeded));
        assert_eq!(store.get("b"), Ok(None));
        assert_eq!(store.get("a"), Ok(Some("1234".into())));
    }

    #[test]
    fn quota_counts_utf16_units_not_bytes() {
        let store = MemoryStore::with_quota(3);
        // "é" is 2 bytes in UTF-8 but 1 unit in UTF-16.
        assert_eq!(store.set("k", "éé"), Ok(()));
    }

    #[test]
    fn unavailable_storage_fails_every_call_without_panicking() {
        let store = MemoryStore::unavailable();
        assert_eq!(store.get("a"), Err(StoreError::Unavailable));
        assert_eq!(store.set("a", "b"), Err(StoreError::Unavailable));
        assert_eq!(store.keys(), Err(StoreError::Unavailable));
    }
}
