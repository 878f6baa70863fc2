//! Storage results in words the user sees. Each message says what happened,
//! that nothing was lost, and what to do next.

use super::collection::SaveOutcome;
use super::doc::DocError;
use super::store::StoreError;

/// The message for a failed save of something the user wrote. The form keeps
/// the text on screen (and in its draft), so the message can say so.
pub fn save_error_message(e: &StoreError) -> &'static str {
    match e {
        StoreError::QuotaExceeded => {
            "Your phone's storage for Waymark is full, so this was not saved. \
             Your words are still here on the screen. Download a backup in Settings, \
             then remove old drafts or set-aside data to make room, and try again."
        }
        StoreError::Unavailable => {
            "This browser is not letting Waymark save right now. This can happen in \
             private browsing. Your words are still on the screen. Copy them somewhere \
             safe, or open Waymark in a normal window."
        }
        StoreError::NotVerified => {
            "Waymark saved this but could not read it back, so it kept your earlier \
             version. Your words are still on the screen. Please try again."
        }
        StoreError::Locked => {
            "Waymark is locked, so this was not saved. Your words are still on the \
             screen. Unlock Waymark with your passphrase and try again."
        }
        StoreError::Other(_) => {
            "Something went wrong while saving. Nothing you saved before was changed, \
             and your words are still on the screen. Please try again."
        }
    }
}

/// The message for a document change that was not saved.
pub fn doc_error_message(e: &DocError) -> &'static str {
    match e {
        DocError::Store(e) => save_error_message(e),
        DocError::Newer(_) => NEWER_VERSION_MESSAGE,
    }
}

/// Shown when data was saved by a newer version of Waymark.
pub const NEWER_VERSION_MESSAGE: &str = "Some of your data was saved by a newer version of \
     Waymark. It is safe and has not been changed. Reload the page to get the newer version, \
     then you can see and edit it.";

/// Shown after a save, or `None` when there is nothing to say.
pub fn save_outcome_message(o: &SaveOutcome) -> Option<&'static str> {
    match o {
        SaveOutcome::Saved { .. } => None,
        SaveOutcome::SavedAsCopy { .. } => Some(
            "This was changed in another tab or window while you were editing. \
             Both versions are kept: yours was saved as a copy, right next to the other one.",
        ),
    }
}

/// Shown once when values that could not be read were set aside.
pub const QUARANTINE_NOTICE: &str = "Some saved data could not be read, so Waymark set it \
     aside instead of deleting it. Everything else works as usual. In Settings you can \
     download the set-aside data.";

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
