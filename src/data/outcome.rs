//! Storage results in words the user sees. Each message says what happened,
//! that nothing was lost, and what to do next.

use super::collection::SaveOutcome;
use super::doc::DocError;
use super::store::StoreError;
use crate::i18n::{tr, Key};

/// The message for a failed save of something the user wrote. The form keeps
/// the text on screen (and in its draft), so the message can say so.
pub fn save_error_message(e: &StoreError) -> &'static str {
    tr(match e {
        StoreError::QuotaExceeded => Key::StorageErrorFull,
        StoreError::Unavailable => Key::StorageErrorUnavailable,
        StoreError::NotVerified => Key::StorageErrorNotVerified,
        StoreError::Locked => Key::StorageErrorLocked,
        StoreError::Other(_) => Key::StorageErrorOther,
    })
}

/// The message for a document change that was not saved.
pub fn doc_error_message(e: &DocError) -> &'static str {
    match e {
        DocError::Store(e) => save_error_message(e),
        DocError::Newer(_) => newer_version_message(),
    }
}

/// Shown when data was saved by a newer version of Waymark.
pub fn newer_version_message() -> &'static str {
    tr(Key::StorageNewerVersion)
}

/// Shown after a save, or `None` when there is nothing to say.
pub fn save_outcome_message(o: &SaveOutcome) -> Option<&'static str> {
    match o {
        SaveOutcome::Saved { .. } => None,
        SaveOutcome::SavedAsCopy { .. } => Some(tr(Key::StorageSavedAsCopy)),
    }
}

/// Shown once when values that could not be read were set aside.
pub fn quarantine_notice() -> &'static str {
    tr(Key::StorageQuarantined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_save_error_message_says_the_words_are_still_there() {
        for e in [
            StoreError::QuotaExceeded,
            StoreError::Unavailable,
            StoreError::NotVerified,
            StoreError::Locked,
            StoreError::Other("x".into()),
        ] {
            let m = save_error_message(&e);
            assert!(m.contains("still"), "{m}");
            assert!(!m.to_lowercase().contains("addict"));
        }
    }
}
