//! Money not spent: what the user used to spend on drugs, and what they have
//! not spent since their recovery start. Optional and off by default.
//!
//! (Issue 13, part 5: the math lives here, natively tested; see the owner's
//! doc comments as it grows.)

use serde::{Deserialize, Serialize};

/// The user's money settings. `None` in the settings means the feature is off.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct MoneySettings {}
