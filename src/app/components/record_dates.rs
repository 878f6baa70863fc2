//! Dates and times as the tool screens show and read them: plain words for
//! people in the current language ("Today", "Tuesday, March 4, 2025",
//! "9:30 AM"), and the `YYYY-MM-DD` / `HH:MM` text of date and time inputs.

use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::i18n::{format, tr, Key};

/// "Today", "Tomorrow", "Yesterday", or e.g. "Tuesday, March 4, 2025".
pub fn day_words(date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => tr(Key::RecordsToday).to_owned(),
        1 => tr(Key::RecordsTomorrow).to_owned(),
        -1 => tr(Key::RecordsYesterday).to_owned(),
        _ => long_date(date),
    }
}

/// e.g. "Tuesday, March 4, 2025".
pub fn long_date(date: NaiveDate) -> String {
    format::date_full(date)
}

/// e.g. "March 4" (no year, for weeks in the current stretch).
pub fn short_date(date: NaiveDate) -> String {
    format::day_month(date)
}

/// e.g. "March 2025".
pub fn month_words(year: i32, month: u32) -> String {
    NaiveDate::from_ymd_opt(year, month, 1)
        .map(format::month_year)
        .unwrap_or_else(|| format!("{month}/{year}"))
}

/// e.g. "9:30 AM" (a 24-hour "09:30" in languages that use one).
pub fn time_words(time: NaiveTime) -> String {
    format::time(time)
}

/// The value of a date input for `date`.
pub fn input_date(date: NaiveDate) -> String {
    crate::domain::iso::format_date(date)
}

/// The value of a time input for `time`.
pub fn input_time(time: NaiveTime) -> String {
    crate::domain::iso::format_time(time)
}

/// A date input's value, if it is a real date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    crate::domain::iso::parse_date(text).filter(|d| d.year() > 1900)
}

/// A time input's value (`HH:MM`, or `HH:MM:SS` from some browsers).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    crate::domain::iso::parse_time(text)
}
