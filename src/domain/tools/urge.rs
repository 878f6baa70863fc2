//! A craving-tool session: the craving before and after urge surfing, and
//! the HALT check. Seeing a craving fall from 8 to 3 is proof that urges
//! pass.

use serde::{Deserialize, Serialize};

use super::halt::Halt;
use super::serde_util::is_zero_i64;
use super::{finish, join_and, limit, zero_to_ten, FieldError, MAX_LONG_TEXT};
use crate::i18n::{tr, trn, Key};
use crate::t;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrgeSession {
    #[serde(rename = "i")]
    pub id: String,
    /// When the session started (Unix ms).
    #[serde(rename = "s", default)]
    pub started_ms: i64,
    /// When the session ended (Unix ms); 0 while it is still going.
    #[serde(rename = "e", default, skip_serializing_if = "is_zero_i64")]
    pub ended_ms: i64,
    /// Craving 0 (none) to 10 (extreme) at the start.
    #[serde(rename = "b", default)]
    pub before: u8,
    /// Craving at the end, if the user rated it.
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    pub after: Option<u8>,
    #[serde(rename = "h", default, skip_serializing_if = "Halt::is_empty")]
    pub halt: Halt,
    #[serde(rename = "no", default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

impl UrgeSession {
    /// Whole minutes from start to end, rounded to the nearest minute, or
    /// `None` while the session is open.
    pub fn minutes(&self) -> Option<i64> {
        if self.ended_ms <= 0 || self.ended_ms < self.started_ms {
            return None;
        }
        Some((self.ended_ms - self.started_ms + 30_000) / 60_000)
    }

    /// A short line in the user's own terms (and the current language), for
    /// the check-in note or the list of sessions, e.g. "Your craving went
    /// from 8 to 3 in 17 minutes. You were hungry and tired."
    pub fn summary_note(&self) -> String {
        let before = self.before;
        let mut s = match (self.after, self.minutes()) {
            (Some(after), Some(m)) => t!(
                Key::CravingSummaryFromToIn,
                before = before,
                after = after,
                duration = duration_words(m)
            ),
            (Some(after), None) => t!(Key::CravingSummaryFromTo, before = before, after = after),
            (None, _) => t!(Key::CravingSummaryAtStart, before = before),
        };
        let words = self.halt.words();
        if !words.is_empty() {
            s.push(' ');
            s.push_str(&t!(Key::CravingSummaryHalt, states = join_and(&words)));
        }
        let note = self.note.trim();
        if !note.is_empty() {
            s.push(' ');
            s.push_str(note);
        }
        s
    }

    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        zero_to_ten(&mut errors, "before", self.before);
        if let Some(a) = self.after {
            zero_to_ten(&mut errors, "after", a);
        }
        if self.ended_ms != 0 && self.ended_ms < self.started_ms {
            errors.push(FieldError::new("ended_ms", tr(Key::CravingEndBeforeStart)));
        }
        limit(&mut errors, "note", &self.note, MAX_LONG_TEXT);
        finish(errors)
    }
}

fn duration_words(minutes: i64) -> String {
    match minutes {
        0 => tr(Key::CravingInUnderAMinute).to_string(),
        m => trn(Key::CravingInMinutes, m, &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> UrgeSession {
        UrgeSession {
            id: "u1".into(),
            started_ms: 1_000_000,
            ended_ms: 1_000_000 + 17 * 60_000,
            before: 8,
            after: Some(3),
            ..UrgeSession::default()
        }
    }

    #[test]
    fn the_summary_tells_the_drop_and_the_time() {
        assert_eq!(
            session().summary_note(),
            "Your craving went from 8 to 3 in 17 minutes."
        );
    }

    #[test]
    fn the_summary_names_the_halt_states_and_the_note() {
        let mut s = session();
        s.halt = Halt::from_code("HLT");
        s.note = "Called Sam.".into();
        assert_eq!(
            s.summary_note(),
            "Your craving went from 8 to 3 in 17 minutes. You were hungry, lonely and tired. Called Sam."
        );
    }

    #[test]
    fn an_unfinished_session_summary_gives_the_start() {
        let mut s = session();
        s.after = None;
        s.ended_ms = 0;
        s.halt = Halt::from_code("A");
        assert_eq!(
            s.summary_note(),
            "Your craving was 8 out of 10 at the start. You were angry."
        );
        assert_eq!(s.minutes(), None);
    }

    #[test]
    fn a_short_session_says_under_a_minute() {
        let mut s = session();
        s.ended_ms = s.started_ms + 20_000;
        assert!(s.summary_note().ends_with("in under a minute."));
    }

    #[test]
    fn cravings_above_ten_are_rejected() {
        let mut s = session();
        s.before = 11;
        s.after = Some(12);
        let errs = s.validate().unwrap_err();
        assert_eq!(errs.len(), 2);
    }

    #[test]
    fn an_end_before_the_start_is_rejected() {
        let mut s = session();
        s.ended_ms = s.started_ms - 1;
        assert_eq!(s.validate().unwrap_err()[0].field, "ended_ms");
    }

    #[test]
    fn urge_json_is_short_and_round_trips() {
        let mut s = session();
        s.halt = Halt::from_code("HT");
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"i":"u1","s":1000000,"e":2020000,"b":8,"a":3,"h":"HT","u":0}"#
        );
        assert_eq!(serde_json::from_str::<UrgeSession>(&json).unwrap(), s);
    }
}
