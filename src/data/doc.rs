//! Single documents (settings, guide progress, the plan, the medication).
//!
//! A change is always applied to the freshest stored value, read just before
//! the write, so a tab that has been open for hours adds its change on top of
//! what another tab saved instead of writing an old copy over it.

use super::collection;
use super::envelope::{same_json, Document, Envelope};
use super::keys;
use super::slot::{self, Slot};
use super::store::{KvStore, StoreError};

/// How a document was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocStatus {
    /// Read normally.
    Loaded,
    /// Nothing stored yet: the default is shown.
    Missing,
    /// The stored value could not be read; it was moved to quarantine and
    /// the default is shown.
    Quarantined { quarantine_key: String },
    /// The stored value could not be read or moved (storage full). It is
    /// left in place, the default is shown, and changes cannot be saved
    /// until space is freed.
    Unreadable,
    /// Saved by a newer version of Waymark. Left untouched; the default is
    /// shown and changes cannot be saved.
    Newer(u32),
}

/// A document and how it was found.
#[derive(Debug, Clone, PartialEq)]
pub struct DocLoad<T> {
    /// The stored document, or the default with `rev` 0 if none could be read.
    pub doc: Envelope<T>,
    pub status: DocStatus,
}

/// Why a document change was not saved. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocError {
    Store(StoreError),
    /// The stored document was saved by a newer version; it is not
    /// overwritten.
    Newer(u32),
}

impl From<StoreError> for DocError {
    fn from(e: StoreError) -> Self {
        DocError::Store(e)
    }
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocError::Store(e) => e.fmt(f),
            DocError::Newer(v) => write!(f, "saved by a newer version of Waymark (format {v})"),
        }
    }
}

/// Loads document `T`; missing or unreadable gives the default.
pub fn load<T: Document>(store: &dyn KvStore) -> Result<DocLoad<T>, StoreError> {
    let (doc, status) = match slot::read::<T>(store, &keys::doc_key(T::KIND))? {
        Slot::Found(env) => (env, DocStatus::Loaded),
        Slot::Missing => (fresh(), DocStatus::Missing),
        Slot::Quarantined { quarantine_key, .. } => {
            (fresh(), DocStatus::Quarantined { quarantine_key })
        }
        Slot::Unreadable { .. } => (fresh(), DocStatus::Unreadable),
        Slot::Newer(v) => (fresh(), DocStatus::Newer(v)),
    };
    Ok(DocLoad { doc, status })
}

/// Reads the freshest stored document, applies `change`, and writes the
/// result (verified). Returns the stored envelope. If `change` leaves the
/// document as it was, nothing is written.
pub fn update<T: Document>(
    store: &dyn KvStore,
    now_ms: i64,
    change: impl FnOnce(&mut T),
) -> Result<Envelope<T>, DocError> {
    let key = keys::doc_key(T::KIND);
    let previous = store.get(&key)?;
    let read = match &previous {
        Some(raw) => slot::classify_raw::<T>(store, &key, raw),
        None => Slot::Missing,
    };
    let current = match read {
        Slot::Found(env) => env,
        Slot::Missing | Slot::Quarantined { .. } => fresh(),
        Slot::Unreadable { error, .. } => return Err(DocError::Store(error)),
        Slot::Newer(v) => return Err(DocError::Newer(v)),
    };
    let mut value = current.value.clone();
    change(&mut value);
    value
        .check_stored()
        .map_err(|e| StoreError::Other(format!("not saved, the change is not valid: {e}")))?;
    if current.rev > 0 && same_json(&value, &current.value) {
        return Ok(current);
    }
    let env = Envelope::new(value, current.rev.saturating_add(1), now_ms);
    if let Err(e) = store.set_verified(&key, &env.encode()?) {
        let keep = if current.rev > 0 {
            previous.as_deref()
        } else {
            None
        };
        collection::put_back(store, &key, keep);
        return Err(e.into());
    }
    Ok(env)
}

fn fresh<T: Document>() -> Envelope<T> {
    Envelope::new(T::default(), 0, 0)
}
