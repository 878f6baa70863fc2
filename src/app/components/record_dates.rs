//! Dates and times as the tool screens show and read them: plain words for
//! people ("Today", "Tuesday 4 March"), and the `YYYY-MM-DD` / `HH:MM` text
//! of date and time inputs.

use chrono::{Datelike, NaiveDate, NaiveTime};

/// "Today", "Tomorrow", "Yesterday", or e.g. "Tuesday 4 March 2025".
pub fn day_words(date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => "Today".to_owned(),
        1 => "Tomorrow".to_owned(),
        -1 => "Yesterday".to_owned(),
        _ => long_date(date),
    }
}

/// e.g. "Tuesday 4 March 2025".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// e.g. "4 March" (no year, for weeks in the current stretch).
pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %B").to_string()
}

/// e.g. "March 2025".
pub fn month_words(year: i32, month: u32) -> String {
    NaiveDate::from_ymd_opt(year, month, 1)
        .map(|d| d.format("%B %Y").to_string())
        .unwrap_or_else(|| format!("{month}/{year}"))
}

/// e.g. "09:30".
pub fn time_words(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// The value of a date input for `date`.
pub fn input_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The value of a time input for `time`.
pub fn input_time(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// A date input's value, if it is a real date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| d.year() > 1900)
}

/// A time input's value (`HH:MM`, or `HH:MM:SS` from some browsers).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = text.trim();
    NaiveTime::parse_from_str(t, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
        .ok()
}
