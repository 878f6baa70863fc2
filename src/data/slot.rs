//! Reading one key: the shared path behind `collection::load_one` and
//! `doc::load`, so every reader treats a bad value the same way.

use super::envelope::{restore, Envelope, Persisted, RestoreError};
use super::quarantine;
use super::store::{KvStore, StoreError};

/// What was found at one key.
#[derive(Debug, Clone, PartialEq)]
pub enum Slot<T> {
    /// Nothing stored.
    Missing,
    /// A readable value (migrated to the current version if it was older).
    Found(Envelope<T>),
    /// Written by a newer version of Waymark: left untouched. The UI says
    /// "update the app to see this".
    Newer(u32),
    /// The value could not be read and was moved to quarantine.
    Quarantined {
        quarantine_key: String,
        reason: String,
    },
    /// The value could not be read and could not be moved either (for
    /// example the storage is full). It is left where it is.
    Unreadable { reason: String, error: StoreError },
}

impl<T> Slot<T> {
    /// The value, if one was found.
    pub fn found(self) -> Option<Envelope<T>> {
        match self {
            Slot::Found(env) => Some(env),
            _ => None,
        }
    }
}

/// Reads `key`; a corrupt value is moved to quarantine (and reported).
pub fn read<T: Persisted>(store: &dyn KvStore, key: &str) -> Result<Slot<T>, StoreError> {
    let Some(raw) = store.get(key)? else {
        return Ok(Slot::Missing);
    };
    Ok(classify_raw(store, key, &raw))
}

/// The [`Slot`] for a value already read from `key`.
pub(crate) fn classify_raw<T: Persisted>(store: &dyn KvStore, key: &str, raw: &str) -> Slot<T> {
    match restore::<T>(raw) {
        Ok(env) => Slot::Found(env),
        Err(RestoreError::FromNewerVersion(v)) => Slot::Newer(v),
        Err(RestoreError::Corrupt(reason)) => match quarantine::move_to_quarantine(store, key, raw)
        {
            Ok(quarantine_key) => Slot::Quarantined {
                quarantine_key,
                reason,
            },
            Err(error) => Slot::Unreadable { reason, error },
        },
    }
}
