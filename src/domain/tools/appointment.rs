//! Appointments with the care team: when, where, what to ask, and what was
//! said afterwards. Questions written ahead of time are easy to forget in the
//! room, so they are part of the record.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{finish, limit, require, FieldError, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::i18n::Key;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "w", default)]
    pub with_whom: String,
    #[serde(rename = "d", with = "crate::domain::iso::date")]
    pub date: NaiveDate,
    /// Local wall-clock time; `None` for an all-day entry.
    #[serde(
        rename = "t",
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::domain::iso::option_time"
    )]
    pub time: Option<NaiveTime>,
    #[serde(rename = "pl", default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    #[serde(rename = "q", default, skip_serializing_if = "String::is_empty")]
    pub questions: String,
    #[serde(rename = "na", default, skip_serializing_if = "String::is_empty")]
    pub notes_after: String,
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

impl Appointment {
    /// A blank appointment on `date`, for a new form.
    pub fn new(id: impl Into<String>, date: NaiveDate) -> Self {
        Self {
            id: id.into(),
            with_whom: String::new(),
            date,
            time: None,
            place: String::new(),
            questions: String::new(),
            notes_after: String::new(),
            updated_ms: 0,
        }
    }

    /// True when the appointment is on or after `today`.
    pub fn is_upcoming(&self, today: NaiveDate) -> bool {
        self.date >= today
    }

    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        require(
            &mut errors,
            "with_whom",
            &self.with_whom,
            Key::PeopleWithWhomRequired,
        );
        limit(&mut errors, "with_whom", &self.with_whom, MAX_SHORT_TEXT);
        limit(&mut errors, "place", &self.place, MAX_SHORT_TEXT);
        limit(&mut errors, "questions", &self.questions, MAX_LONG_TEXT);
        limit(&mut errors, "notes_after", &self.notes_after, MAX_LONG_TEXT);
        finish(errors)
    }
}

/// Upcoming appointments first (soonest first), then past ones (most recent
/// first): the order the people screen lists them.
pub fn sorted_for_list(appts: &[Appointment], today: NaiveDate) -> Vec<&Appointment> {
    let (mut up, mut past): (Vec<&Appointment>, Vec<&Appointment>) =
        appts.iter().partition(|a| a.is_upcoming(today));
    up.sort_by_key(|a| (a.date, a.time));
    past.sort_by_key(|a| std::cmp::Reverse((a.date, a.time)));
    up.extend(past);
    up
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn an_appointment_needs_to_say_who_it_is_with() {
        let a = Appointment::new("a1", d(2025, 3, 1));
        let errs = a.validate().unwrap_err();
        assert_eq!(errs[0].field, "with_whom");
    }

    #[test]
    fn appointment_json_round_trips_and_skips_empty_fields() {
        let mut a = Appointment::new("a1", d(2025, 3, 1));
        a.with_whom = "Dr Lee".into();
        a.time = NaiveTime::from_hms_opt(9, 30, 0);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            r#"{"i":"a1","w":"Dr Lee","d":"2025-03-01","t":"09:30:00","u":0}"#
        );
        assert_eq!(serde_json::from_str::<Appointment>(&json).unwrap(), a);
    }

    #[test]
    fn upcoming_appointments_are_listed_soonest_first_then_past_ones() {
        let today = d(2025, 3, 10);
        let mk = |id: &str, date| {
            let mut a = Appointment::new(id, date);
            a.with_whom = "x".into();
            a
        };
        let list = [
            mk("past-old", d(2025, 1, 1)),
            mk("later", d(2025, 4, 1)),
            mk("today", today),
            mk("past-recent", d(2025, 3, 9)),
        ];
        let ids: Vec<&str> = sorted_for_list(&list, today)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["today", "later", "past-recent", "past-old"]);
    }
}
