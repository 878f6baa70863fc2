//! The exercise log. Exercise lifts mood and eases cravings; logging mood
//! before and after lets the user see that for themselves.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{finish, limit, one_to_five, require, FieldError, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::i18n::Key;
use crate::t;

/// Longest session we accept: a whole day.
pub const MAX_MINUTES: u16 = 24 * 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseLog {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "d", with = "crate::domain::iso::date")]
    pub date: NaiveDate,
    #[serde(rename = "a", default)]
    pub activity: String,
    #[serde(rename = "m", default)]
    pub minutes: u16,
    /// Mood 1 (very low) to 5 (very good), the same scale as the check-in.
    #[serde(rename = "mb", default = "middle_mood")]
    pub mood_before: u8,
    #[serde(rename = "ma", default = "middle_mood")]
    pub mood_after: u8,
    #[serde(rename = "no", default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

fn middle_mood() -> u8 {
    3
}

impl ExerciseLog {
    /// Mood after minus mood before: positive when the session lifted mood.
    pub fn mood_change(&self) -> i8 {
        self.mood_after as i8 - self.mood_before as i8
    }

    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        require(
            &mut errors,
            "activity",
            &self.activity,
            Key::ExerciseActivityRequired,
        );
        limit(&mut errors, "activity", &self.activity, MAX_SHORT_TEXT);
        if self.minutes == 0 || self.minutes > MAX_MINUTES {
            errors.push(FieldError::new(
                "minutes",
                t!(Key::ExerciseMinutesRange, max = MAX_MINUTES),
            ));
        }
        one_to_five(&mut errors, "mood_before", self.mood_before);
        one_to_five(&mut errors, "mood_after", self.mood_after);
        limit(&mut errors, "notes", &self.notes, MAX_LONG_TEXT);
        finish(errors)
    }
}

/// The Monday of the week `date` falls in.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(date.weekday().num_days_from_monday() as i64)
}

/// Minutes per week (weeks start on Monday), oldest first, from the week of
/// the first log up to the week of `today`, with zero for weeks without
/// exercise so a chart shows the gaps. Logs dated after `today` are ignored.
/// No logs gives an empty list.
pub fn weekly_totals(logs: &[ExerciseLog], today: NaiveDate) -> Vec<(NaiveDate, u32)> {
    let mut weeks: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for log in logs.iter().filter(|l| l.date <= today) {
        *weeks.entry(week_start(log.date)).or_default() += u32::from(log.minutes);
    }
    let Some((&first, _)) = weeks.iter().next() else {
        return Vec::new();
    };
    let last = week_start(today);
    let mut out = Vec::new();
    let mut w = first;
    while w <= last {
        out.push((w, weeks.get(&w).copied().unwrap_or(0)));
        w += Duration::days(7);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn log(date: NaiveDate, minutes: u16) -> ExerciseLog {
        ExerciseLog {
            id: format!("x{date}"),
            date,
            activity: "Walk".into(),
            minutes,
            mood_before: 2,
            mood_after: 4,
            notes: String::new(),
            updated_ms: 0,
        }
    }

    #[test]
    fn weekly_totals_cross_a_year_boundary_on_mondays() {
        // 2024-12-30 is a Monday; that week runs into 2025.
        let logs = [
            log(d(2024, 12, 28), 10), // Sat, week of Mon 2024-12-23
            log(d(2024, 12, 31), 20), // Tue, week of 2024-12-30
            log(d(2025, 1, 5), 30),   // Sun, same week
            log(d(2025, 1, 6), 15),   // Mon, next week
        ];
        assert_eq!(
            weekly_totals(&logs, d(2025, 1, 14)),
            vec![
                (d(2024, 12, 23), 10),
                (d(2024, 12, 30), 50),
                (d(2025, 1, 6), 15),
                (d(2025, 1, 13), 0),
            ]
        );
    }

    #[test]
    fn weeks_without_exercise_show_as_zero() {
        let logs = [log(d(2025, 3, 3), 30), log(d(2025, 3, 24), 40)];
        let totals = weekly_totals(&logs, d(2025, 3, 24));
        let minutes: Vec<u32> = totals.iter().map(|t| t.1).collect();
        assert_eq!(minutes, [30, 0, 0, 40]);
    }

    #[test]
    fn no_exercise_gives_no_weeks_and_future_logs_are_ignored() {
        assert!(weekly_totals(&[], d(2025, 1, 1)).is_empty());
        assert!(weekly_totals(&[log(d(2025, 2, 1), 5)], d(2025, 1, 1)).is_empty());
    }

    #[test]
    fn a_session_needs_minutes_and_moods_in_range() {
        let mut l = log(d(2025, 1, 1), 0);
        assert!(l
            .validate()
            .unwrap_err()
            .iter()
            .any(|e| e.field == "minutes"));
        l.minutes = 30;
        l.mood_after = 6;
        assert!(l
            .validate()
            .unwrap_err()
            .iter()
            .any(|e| e.field == "mood_after"));
        l.mood_after = 5;
        assert!(l.validate().is_ok());
        assert_eq!(l.mood_change(), 3);
    }

    #[test]
    fn an_old_exercise_record_without_moods_fills_the_middle() {
        let l: ExerciseLog =
            serde_json::from_str(r#"{"i":"x","d":"2025-01-01","a":"Swim","m":20}"#).unwrap();
        assert_eq!((l.mood_before, l.mood_after), (3, 3));
    }
}
