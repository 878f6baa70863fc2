//! Dates and times as Waymark stores them and as date and time inputs give
//! them: `2026-12-02` and `21:30` (stored times carry seconds, `21:30:00`).
//!
//! Why not chrono's own `parse_from_str`, `format` and serde support: they
//! go through its general formatter and parser, which weigh about 17 KB in
//! the main module, for the one pattern Waymark ever uses. The stored text
//! is the same as chrono's serde writes, so records saved before this
//! module read back unchanged (see the tests).

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

/// `2026-12-02`: what a date input and the stored records hold.
pub fn format_date(date: NaiveDate) -> String {
    let year = date.year();
    if (0..=9999).contains(&year) {
        format!("{year:04}-{:02}-{:02}", date.month(), date.day())
    } else {
        // chrono's form for years outside four digits, so nothing differs.
        format!("{year:+05}-{:02}-{:02}", date.month(), date.day())
    }
}

/// The date in `text` (`YYYY-MM-DD`, with a sign before a year of more
/// than four digits; spaces around it are ignored), if it is a real day.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => (1, text),
    };
    let mut parts = rest.split('-');
    let year = digits(parts.next()?, 4, 9)?;
    let month = digits(parts.next()?, 1, 2)?;
    let day = digits(parts.next()?, 1, 2)?;
    if parts.next().is_some() || (sign < 0 && year == 0) {
        return None;
    }
    NaiveDate::from_ymd_opt(sign * i32::try_from(year).ok()?, month, day)
}

/// `21:30`: what a time input holds.
pub fn format_time(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// `21:30:00`: how a time is stored (chrono's form; a fraction of a second
/// is kept when there is one).
pub fn format_stored_time(time: NaiveTime) -> String {
    let base = format!(
        "{:02}:{:02}:{:02}",
        time.hour(),
        time.minute(),
        time.second()
    );
    match time.nanosecond() {
        0 => base,
        n if n % 1_000_000 == 0 => format!("{base}.{:03}", n / 1_000_000),
        n if n % 1_000 == 0 => format!("{base}.{:06}", n / 1_000),
        n => format!("{base}.{n:09}"),
    }
}

/// The time in `text`: `HH:MM`, `HH:MM:SS` (some browsers' time inputs), or
/// either with a fraction of a second as stored; spaces around are ignored.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    let (clock, fraction) = match text.split_once('.') {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (text, None),
    };
    let mut parts = clock.split(':');
    let hour = digits(parts.next()?, 2, 2)?;
    let minute = digits(parts.next()?, 2, 2)?;
    let second = match parts.next() {
        Some(s) => digits(s, 2, 2)?,
        None if fraction.is_none() => 0,
        None => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    let nano = match fraction {
        None => 0,
        Some(f) => {
            let value = digits(f, 1, 9)?;
            value * 10u32.pow(9 - f.len() as u32)
        }
    };
    NaiveTime::from_hms_nano_opt(hour, minute, second, nano)
}

/// `text` as a number, if it is `min` to `max` ASCII digits and nothing else.
fn digits(text: &str, min: usize, max: usize) -> Option<u32> {
    if text.len() < min || text.len() > max || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Serde modules for one stored type: `$plain` for the value, `$optional`
/// for an `Option` of it (with `default` and
/// `skip_serializing_if = "Option::is_none"` beside it).
macro_rules! stored_as_text {
    ($plain:ident, $optional:ident, $ty:ty, $write:path, $read:path, $expecting:literal) => {
        #[doc = concat!("Serde for a stored `", stringify!($ty), "`: `#[serde(with = \"crate::domain::iso::", stringify!($plain), "\")]`.")]
        pub mod $plain {
            use serde::{de, Deserializer, Serializer};

            pub fn serialize<S: Serializer>(value: &$ty, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&$write(*value))
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                d.deserialize_str(Visitor)
            }

            struct Visitor;

            impl de::Visitor<'_> for Visitor {
                type Value = $ty;

                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str($expecting)
                }

                fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                    $read(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
                }
            }
        }

        #[doc = concat!("Serde for a stored `Option<", stringify!($ty), ">`.")]
        pub mod $optional {
            use serde::{de, Deserializer, Serializer};

            pub fn serialize<S: Serializer>(value: &Option<$ty>, s: S) -> Result<S::Ok, S::Error> {
                match value {
                    Some(value) => super::$plain::serialize(value, s),
                    None => s.serialize_none(),
                }
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<$ty>, D::Error> {
                d.deserialize_option(Visitor)
            }

            struct Visitor;

            impl<'de> de::Visitor<'de> for Visitor {
                type Value = Option<$ty>;

                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str(concat!($expecting, ", or null"))
                }

                fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }

                fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }

                fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                    super::$plain::deserialize(d).map(Some)
                }
            }
        }
    };
}

stored_as_text!(
    date,
    option_date,
    chrono::NaiveDate,
    super::format_date,
    super::parse_date,
    "a date as YYYY-MM-DD"
);
stored_as_text!(
    time,
    option_time,
    chrono::NaiveTime,
    super::format_stored_time,
    super::parse_time,
    "a time as HH:MM:SS"
);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        for d in [
            day(2026, 12, 2),
            day(1, 1, 1),
            day(9999, 12, 31),
            day(10000, 1, 1),
            day(-5, 3, 4),
        ] {
            assert_eq!(format_date(d), d.format("%Y-%m-%d").to_string(), "{d:?}");
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                format!("\"{}\"", format_date(d))
            );
        }
    }

    #[test]
    fn every_date_chrono_writes_reads_back() {
        let mut d = day(1999, 12, 25);
        while d < day(2031, 1, 10) {
            assert_eq!(parse_date(&d.to_string()), Some(d));
            d += chrono::Duration::days(11);
        }
        assert_eq!(parse_date("+10000-01-01"), Some(day(10000, 1, 1)));
        assert_eq!(parse_date("-0005-03-04"), Some(day(-5, 3, 4)));
    }

    #[test]
    fn a_date_input_value_with_spaces_or_short_parts_reads_as_chrono_read_it() {
        assert_eq!(parse_date(" 2026-12-02 "), Some(day(2026, 12, 2)));
        assert_eq!(parse_date("2026-1-2"), Some(day(2026, 1, 2)));
        assert_eq!(
            NaiveDate::parse_from_str("2026-1-2", "%Y-%m-%d").ok(),
            Some(day(2026, 1, 2))
        );
    }

    #[test]
    fn a_date_that_is_not_a_real_day_or_not_a_date_is_refused() {
        for bad in [
            "",
            "2026",
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "2026-12-02-01",
            "26-12-02",
            "2026/12/02",
            "2026-12-0x",
            "２０２６-12-02",
            "-0000-01-01",
            "+",
            "2026--02",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn times_are_stored_as_chrono_stored_them() {
        let cases = [
            NaiveTime::from_hms_opt(21, 30, 0).unwrap(),
            NaiveTime::from_hms_opt(0, 0, 59).unwrap(),
            NaiveTime::from_hms_milli_opt(7, 5, 3, 250).unwrap(),
            NaiveTime::from_hms_micro_opt(7, 5, 3, 250_001).unwrap(),
            NaiveTime::from_hms_nano_opt(7, 5, 3, 1).unwrap(),
        ];
        for t in cases {
            assert_eq!(format_stored_time(t), t.to_string(), "{t:?}");
            assert_eq!(parse_time(&t.to_string()), Some(t));
        }
        assert_eq!(format_time(cases[0]), "21:30");
    }

    #[test]
    fn a_time_input_value_reads_with_or_without_seconds() {
        assert_eq!(parse_time("21:30"), NaiveTime::from_hms_opt(21, 30, 0));
        assert_eq!(parse_time(" 08:05:09 "), NaiveTime::from_hms_opt(8, 5, 9));
        for bad in [
            "",
            "8:05",
            "24:00",
            "12:60",
            "12:30:61",
            "12:30.5",
            "12:30:00:00",
            "ab:cd",
            "12:30:00.",
        ] {
            assert_eq!(parse_time(bad), None, "{bad:?}");
        }
    }

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Stored {
        #[serde(with = "date")]
        d: NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "option_date")]
        o: Option<NaiveDate>,
        #[serde(with = "time")]
        t: NaiveTime,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "option_time")]
        ot: Option<NaiveTime>,
    }

    /// The same record with chrono's own serde, as every build before wrote it.
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct StoredByChrono {
        d: NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        o: Option<NaiveDate>,
        t: NaiveTime,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ot: Option<NaiveTime>,
    }

    #[test]
    fn records_written_by_chrono_read_back_and_are_written_again_the_same() {
        let old = StoredByChrono {
            d: day(2026, 3, 7),
            o: Some(day(2025, 11, 30)),
            t: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            ot: Some(NaiveTime::from_hms_opt(6, 45, 0).unwrap()),
        };
        let text = serde_json::to_string(&old).unwrap();
        let ours: Stored = serde_json::from_str(&text).unwrap();
        assert_eq!(
            (ours.d, ours.o, ours.t, ours.ot),
            (old.d, old.o, old.t, old.ot)
        );
        assert_eq!(serde_json::to_string(&ours).unwrap(), text);
        let bare: Stored =
            serde_json::from_str(r#"{"d":"2026-03-07","t":"19:00:00","o":null}"#).unwrap();
        assert_eq!((bare.o, bare.ot), (None, None));
        assert_eq!(
            serde_json::to_string(&bare).unwrap(),
            r#"{"d":"2026-03-07","t":"19:00:00"}"#
        );
    }

    #[test]
    fn a_stored_date_that_is_not_a_date_is_an_error_not_a_panic() {
        for bad in [
            r#"{"d":"2026-02-30","t":"19:00:00"}"#,
            r#"{"d":20260207,"t":"19:00:00"}"#,
            r#"{"d":"2026-02-07","t":"7pm"}"#,
        ] {
            assert!(serde_json::from_str::<Stored>(bad).is_err(), "{bad}");
        }
    }
}
