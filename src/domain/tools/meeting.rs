//! Saved meetings (a 12-step group, a support group) and a log of the ones
//! the user went to. Going to meetings is one of the steps; seeing the count
//! grow month by month is encouraging.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::{finish, limit, require, FieldError, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::i18n::Key;
use crate::t;

/// A meeting that happens every week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "n", default)]
    pub name: String,
    /// Stored as 0 (Monday) to 6 (Sunday); "Mon" or "Monday" also load.
    #[serde(rename = "wd", with = "weekday_serde")]
    pub weekday: Weekday,
    #[serde(rename = "t", with = "crate::domain::iso::time")]
    pub time: NaiveTime,
    #[serde(rename = "pl", default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// A web link for an online meeting.
    #[serde(rename = "l", default, skip_serializing_if = "String::is_empty")]
    pub link: String,
    #[serde(rename = "no", default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

impl Meeting {
    /// The next day this meeting happens, counting `from` itself.
    pub fn next_date(&self, from: NaiveDate) -> NaiveDate {
        let ahead = (7 + self.weekday.num_days_from_monday() as i64
            - from.weekday().num_days_from_monday() as i64)
            % 7;
        from + Duration::days(ahead)
    }

    /// A safe link to open: only `http` and `https` are allowed, and a bare
    /// address like "zoom.us/j/1" gets `https://` in front.
    pub fn link_href(&self) -> Option<String> {
        let link = self.link.trim();
        if link.is_empty() || link.contains(char::is_whitespace) {
            return None;
        }
        let lower = link.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            Some(link.to_string())
        } else if has_scheme(link) {
            None
        } else {
            Some(format!("https://{link}"))
        }
    }

    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        require(&mut errors, "name", &self.name, Key::MeetingsNameRequired);
        limit(&mut errors, "name", &self.name, MAX_SHORT_TEXT);
        limit(&mut errors, "place", &self.place, MAX_SHORT_TEXT);
        if !self.link.trim().is_empty() && self.link_href().is_none() {
            errors.push(FieldError::new("link", t!(Key::MeetingsLinkBad)));
        }
        limit(&mut errors, "link", &self.link, 2000);
        limit(&mut errors, "notes", &self.notes, MAX_LONG_TEXT);
        finish(errors)
    }
}

/// True when the text starts with a URL scheme such as `mailto:` or
/// `javascript:` (letters, then a colon, before any slash or dot).
fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(i) if i > 0 => {
            let scheme = &s[..i];
            scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-".contains(c))
                && scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                // "localhost:8080" style host:port still counts as a bare address.
                && !s[i + 1..].chars().next().is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// One meeting the user went to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    #[serde(rename = "i")]
    pub id: String,
    /// The saved meeting, when it was one; a one-off meeting has only a name.
    #[serde(rename = "m", default, skip_serializing_if = "Option::is_none")]
    pub meeting_id: Option<String>,
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(rename = "d", with = "crate::domain::iso::date")]
    pub date: NaiveDate,
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

impl Attendance {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let has_meeting = self
            .meeting_id
            .as_deref()
            .is_some_and(|m| !m.trim().is_empty());
        if !has_meeting && self.name.trim().is_empty() {
            errors.push(FieldError::new("name", t!(Key::MeetingsAttendanceNeeds)));
        }
        limit(&mut errors, "name", &self.name, MAX_SHORT_TEXT);
        finish(errors)
    }
}

/// Meetings attended per calendar month, oldest first, as
/// `(year, month 1-12, count)`. Months with none are left out.
pub fn attendance_per_month(log: &[Attendance]) -> Vec<(i32, u32, u32)> {
    let mut months: BTreeMap<(i32, u32), u32> = BTreeMap::new();
    for a in log {
        *months.entry((a.date.year(), a.date.month())).or_default() += 1;
    }
    months.into_iter().map(|((y, m), n)| (y, m, n)).collect()
}

/// Weekday as 0 (Monday) to 6 (Sunday), the compact form; reads numbers or
/// chrono's names ("Mon", "monday").
mod weekday_serde {
    use chrono::Weekday;
    use serde::{de, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(w: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(w.num_days_from_monday() as u8)
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Num(u8),
        Name(String),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        match Raw::deserialize(d)? {
            Raw::Num(n) => Weekday::try_from(n)
                .map_err(|_| de::Error::custom(format!("weekday {n} is not 0 to 6"))),
            Raw::Name(s) => s
                .parse::<Weekday>()
                .map_err(|_| de::Error::custom(format!("unknown weekday {s:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn meeting(weekday: Weekday) -> Meeting {
        Meeting {
            id: "m1".into(),
            name: "Tuesday group".into(),
            weekday,
            time: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            place: String::new(),
            link: String::new(),
            notes: String::new(),
            updated_ms: 0,
        }
    }

    fn attended(date: NaiveDate) -> Attendance {
        Attendance {
            id: format!("a{date}"),
            meeting_id: Some("m1".into()),
            name: String::new(),
            date,
            updated_ms: 0,
        }
    }

    #[test]
    fn weekday_is_stored_as_a_number_from_monday() {
        let json = serde_json::to_string(&meeting(Weekday::Tue)).unwrap();
        assert!(json.contains(r#""wd":1"#), "{json}");
        assert_eq!(
            serde_json::from_str::<Meeting>(&json).unwrap().weekday,
            Weekday::Tue
        );
    }

    #[test]
    fn weekday_also_loads_from_a_name() {
        let m: Meeting =
            serde_json::from_str(r#"{"i":"m","n":"x","wd":"Sunday","t":"19:00:00"}"#).unwrap();
        assert_eq!(m.weekday, Weekday::Sun);
        let m: Meeting =
            serde_json::from_str(r#"{"i":"m","n":"x","wd":"fri","t":"19:00:00"}"#).unwrap();
        assert_eq!(m.weekday, Weekday::Fri);
    }

    #[test]
    fn a_weekday_number_past_six_is_refused() {
        assert!(serde_json::from_str::<Meeting>(r#"{"i":"m","wd":7,"t":"19:00:00"}"#).is_err());
    }

    #[test]
    fn next_date_counts_today_and_wraps_to_next_week() {
        let m = meeting(Weekday::Tue);
        // 2025-03-04 is a Tuesday.
        assert_eq!(m.next_date(d(2025, 3, 4)), d(2025, 3, 4));
        assert_eq!(m.next_date(d(2025, 3, 5)), d(2025, 3, 11));
        assert_eq!(m.next_date(d(2025, 3, 2)), d(2025, 3, 4));
    }

    #[test]
    fn only_web_links_are_opened() {
        let mut m = meeting(Weekday::Mon);
        m.link = "zoom.us/j/123".into();
        assert_eq!(m.link_href().as_deref(), Some("https://zoom.us/j/123"));
        m.link = "HTTPS://meet.example.org/x".into();
        assert_eq!(m.link_href().as_deref(), Some("HTTPS://meet.example.org/x"));
        m.link = "javascript:alert(1)".into();
        assert_eq!(m.link_href(), None);
        assert!(m.validate().is_err());
        m.link = "localhost:8080/room".into();
        assert_eq!(
            m.link_href().as_deref(),
            Some("https://localhost:8080/room")
        );
    }

    #[test]
    fn attendance_needs_a_meeting_or_a_name() {
        let mut a = attended(d(2025, 1, 1));
        assert!(a.validate().is_ok());
        a.meeting_id = None;
        assert!(a.validate().is_err());
        a.name = "Open meeting at the library".into();
        assert!(a.validate().is_ok());
    }

    #[test]
    fn attendance_is_counted_per_month_across_a_year_boundary() {
        let log = [
            attended(d(2025, 1, 3)),
            attended(d(2024, 12, 31)),
            attended(d(2024, 12, 1)),
            attended(d(2025, 1, 20)),
            attended(d(2025, 3, 1)),
        ];
        assert_eq!(
            attendance_per_month(&log),
            vec![(2024, 12, 2), (2025, 1, 2), (2025, 3, 1)]
        );
    }

    #[test]
    fn no_attendance_gives_no_months() {
        assert!(attendance_per_month(&[]).is_empty());
    }
}
