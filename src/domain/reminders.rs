//! Reminders with no server: the daily check-in reminder and weekly meeting
//! reminders, as calendar files the phone's own calendar rings.
//!
//! (Issue 13, part 1.)

use serde::{Deserialize, Serialize};

/// The daily check-in reminder the user set up; `None` in the settings if never.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct DailyReminder {}
