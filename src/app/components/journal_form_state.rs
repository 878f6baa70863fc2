//! What the check-in form autosaves: the draft, plus the revision of the
//! saved check-in the edit started from.
//!
//! The revision travels with the draft so that an edit restored after a
//! reload is still compared against the version the user began from: if
//! another tab saved the same check-in meanwhile, this one is kept as a copy
//! instead of silently replacing it. The fields are flattened, so a stored
//! draft is also a plain `CheckInDraft` (and an older plain draft loads).

use crate::domain::checkin::CheckInDraft;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct CheckInForm {
    #[serde(flatten)]
    pub draft: CheckInDraft,
    /// The saved check-in's revision when editing began; `None` for new.
    #[serde(rename = "br", default, skip_serializing_if = "Option::is_none")]
    pub base_rev: Option<u64>,
}

/// The draft name for a form: `checkin:new` or `checkin:<id>`.
pub fn draft_name(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("checkin:{id}"),
        None => "checkin:new".to_string(),
    }
}
