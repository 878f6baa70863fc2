//! The recovery toolkit's records: support people, appointments, meetings,
//! the people-places-situations inventory, coping ideas, exercise, treatment,
//! withdrawal ratings, craving sessions and the relapse-prevention plan.
//!
//! Every persisted record is plain data with short serde field names (they
//! are stored many times over in local storage, so every byte counts), has
//! `id` and `updated_ms` for merging, fills defaults for fields that older
//! versions did not write, and checks itself with `validate`.

pub mod appointment;
pub mod contact;
pub mod coping;
pub mod exercise;
pub mod halt;
pub mod meeting;
pub mod place;
pub mod plan;
pub mod sows;
pub mod treatment;
pub mod urge;

mod serde_util;

pub use appointment::{sorted_for_list, Appointment};
pub use contact::{crisis_order, Contact, Role};
pub use coping::{best_first, CopingIdea};
pub use exercise::{week_start, weekly_totals, ExerciseLog};
pub use halt::Halt;
pub use meeting::{attendance_per_month, Attendance, Meeting};
pub use place::{risky_trigger_names, PlaceItem, PlaceKind, RiskPlan, SafetyRating};
pub use plan::{assemble_plan, Plan, PlanExtras, PlanSection, PlanSectionKind, PLAN_ID};
pub use sows::{trend, SowsRating, SOWS_ANSWERS, SOWS_ITEMS, SOWS_MAX_ITEM, SOWS_MAX_TOTAL};
pub use treatment::{DoseLog, Medication, MedicationKind, MEDICATION_ID};
pub use urge::UrgeSession;

use crate::i18n::Key;
use crate::t;

/// One problem with one field of a record, in words the user can act on.
///
/// `field` is the Rust field name, so the UI can put the message next to the
/// right input. `message` is already in the current language (validation
/// runs when the user saves, in the language on screen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// Longest short text (a name, a place, a dose as written) we keep. Long
/// enough for any real name; short enough that a stuck key cannot fill the
/// storage quota.
pub const MAX_SHORT_TEXT: usize = 200;
/// Longest free note we keep.
pub const MAX_LONG_TEXT: usize = 5000;

/// Turns a list of problems into the `validate` result.
pub(crate) fn finish(errors: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Adds an error when a required text is blank; `message` says what to add.
pub(crate) fn require(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    value: &str,
    message: Key,
) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, t!(message)));
    }
}

/// Adds an error when a text is longer than `max` characters.
pub(crate) fn limit(errors: &mut Vec<FieldError>, field: &'static str, value: &str, max: usize) {
    if value.chars().count() > max {
        errors.push(FieldError::new(field, t!(Key::RecordsTooLong, max = max)));
    }
}

/// Adds an error when a 1 to 5 rating is out of range.
pub(crate) fn one_to_five(errors: &mut Vec<FieldError>, field: &'static str, value: u8) {
    if !(1..=5).contains(&value) {
        errors.push(FieldError::new(field, t!(Key::RecordsOneToFive)));
    }
}

/// Adds an error when a 0 to 10 rating is out of range.
pub(crate) fn zero_to_ten(errors: &mut Vec<FieldError>, field: &'static str, value: u8) {
    if value > 10 {
        errors.push(FieldError::new(field, t!(Key::RecordsZeroToTen)));
    }
}

/// "a", "a and b", "a, b and c": a list in a sentence, the last item joined
/// with the current language's "and".
pub fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            t!(
                Key::RecordsListAnd,
                init = init.join(", "),
                last = last.as_ref()
            )
        }
    }
}
