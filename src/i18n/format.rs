//! Dates, times and numbers as people write them in the current language:
//! "Thursday, December 3, 2026" and "jueves, 3 de diciembre de 2026";
//! "3:05 PM" in English, a 24-hour "15:05" in Spanish.
//!
//! The names and the patterns are catalogue entries (`dates.json`), so a new
//! language brings its own order and words; only the digits are made here.
//! Machine formats (`2026-12-03` in an `<input type=date>` or a file name)
//! stay with chrono.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use super::{tr, trf, Key};

const MONTHS: [Key; 12] = [
    Key::DatesMonth1,
    Key::DatesMonth2,
    Key::DatesMonth3,
    Key::DatesMonth4,
    Key::DatesMonth5,
    Key::DatesMonth6,
    Key::DatesMonth7,
    Key::DatesMonth8,
    Key::DatesMonth9,
    Key::DatesMonth10,
    Key::DatesMonth11,
    Key::DatesMonth12,
];

const MONTHS_SHORT: [Key; 12] = [
    Key::DatesMon1,
    Key::DatesMon2,
    Key::DatesMon3,
    Key::DatesMon4,
    Key::DatesMon5,
    Key::DatesMon6,
    Key::DatesMon7,
    Key::DatesMon8,
    Key::DatesMon9,
    Key::DatesMon10,
    Key::DatesMon11,
    Key::DatesMon12,
];

const WEEKDAYS: [Key; 7] = [
    Key::DatesWeekday1,
    Key::DatesWeekday2,
    Key::DatesWeekday3,
    Key::DatesWeekday4,
    Key::DatesWeekday5,
    Key::DatesWeekday6,
    Key::DatesWeekday7,
];

const WEEKDAYS_SHORT: [Key; 7] = [
    Key::DatesWkd1,
    Key::DatesWkd2,
    Key::DatesWkd3,
    Key::DatesWkd4,
    Key::DatesWkd5,
    Key::DatesWkd6,
    Key::DatesWkd7,
];

/// The month's name ("December", "diciembre").
pub fn month_name(month: u32) -> &'static str {
    MONTHS
        .get(month.wrapping_sub(1) as usize)
        .map(|k| tr(*k))
        .unwrap_or("")
}

/// The month's short name ("Dec", "dic").
pub fn month_short_name(month: u32) -> &'static str {
    MONTHS_SHORT
        .get(month.wrapping_sub(1) as usize)
        .map(|k| tr(*k))
        .unwrap_or("")
}

/// The weekday's name ("Thursday", "jueves").
pub fn weekday(d: NaiveDate) -> &'static str {
    tr(WEEKDAYS[d.weekday().num_days_from_monday() as usize])
}

/// The weekday's short name ("Thu", "jue").
pub fn weekday_short(d: NaiveDate) -> &'static str {
    tr(WEEKDAYS_SHORT[d.weekday().num_days_from_monday() as usize])
}

/// A weekday's name by its number from Monday (0) to Sunday (6).
pub fn weekday_by_index(i: usize) -> &'static str {
    WEEKDAYS.get(i).map(|k| tr(*k)).unwrap_or("")
}

/// A weekday's short name by its number from Monday (0) to Sunday (6).
pub fn weekday_short_by_index(i: usize) -> &'static str {
    WEEKDAYS_SHORT.get(i).map(|k| tr(*k)).unwrap_or("")
}

fn date_with(pattern: Key, d: NaiveDate, month: &str, weekday: &str) -> String {
    trf(
        pattern,
        &[
            ("weekday", &weekday),
            ("month", &month),
            ("day", &d.day()),
            ("year", &d.year()),
        ],
    )
}

/// "Thursday, December 3, 2026" · "jueves, 3 de diciembre de 2026".
pub fn date_full(d: NaiveDate) -> String {
    date_with(Key::DatesFull, d, month_name(d.month()), weekday(d))
}

/// "December 3, 2026" · "3 de diciembre de 2026".
pub fn date_long(d: NaiveDate) -> String {
    date_with(Key::DatesLong, d, month_name(d.month()), "")
}

/// "Thu, Dec 3, 2026" · "jue, 3 dic 2026".
pub fn date_short(d: NaiveDate) -> String {
    date_with(
        Key::DatesShort,
        d,
        month_short_name(d.month()),
        weekday_short(d),
    )
}

/// "December 3" · "3 de diciembre".
pub fn day_month(d: NaiveDate) -> String {
    date_with(Key::DatesDayMonth, d, month_name(d.month()), "")
}

/// "Dec 3" · "3 dic".
pub fn day_month_short(d: NaiveDate) -> String {
    date_with(Key::DatesDayMonthShort, d, month_short_name(d.month()), "")
}

/// "December 2026" · "diciembre de 2026".
pub fn month_year(d: NaiveDate) -> String {
    date_with(Key::DatesMonthYear, d, month_name(d.month()), "")
}

/// "Dec ’26" · "dic 26": a chart's axis over several years.
pub fn month_short_year(d: NaiveDate) -> String {
    trf(
        Key::DatesMonthShortYear,
        &[
            ("month", &month_short_name(d.month())),
            ("year", &format_args!("{:02}", d.year().rem_euclid(100))),
        ],
    )
}

/// A time of day as the language's custom has it: "3:05 PM" on a 12-hour
/// clock, "15:05" on a 24-hour one (`dates.clock`).
pub fn time(t: NaiveTime) -> String {
    let minute = format!("{:02}", t.minute());
    if tr(Key::DatesClock) == "12" {
        let (pm, hour) = t.hour12();
        let pattern = if pm {
            Key::DatesTimePm
        } else {
            Key::DatesTimeAm
        };
        trf(pattern, &[("hour", &hour), ("minute", &minute)])
    } else {
        let hour = format!("{:02}", t.hour());
        trf(Key::DatesTimeAm, &[("hour", &hour), ("minute", &minute)])
    }
}

/// A whole number with the current language's digit grouping: "12,345" in
/// English; in Spanish "1234" and "12 345" (the RAE's rule: no mark for
/// four digits, a thin space from five).
pub fn integer(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let sign = if n < 0 { "-" } else { "" };
    let spanish = super::current() == super::Lang::Es;
    if spanish && digits.len() <= 4 {
        return format!("{sign}{digits}");
    }
    let sep = if spanish { '\u{202f}' } else { ',' };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    out.push_str(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}
