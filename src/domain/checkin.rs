//! The daily check-in: mood, craving, whether there was a use, HALT, what
//! triggered and what helped, a free note, and a lapse review after a use.
//!
//! Check-ins are the biggest thing Waymark stores (ten years of daily entries
//! with long notes must fit in a 5 MB local-storage quota), so the persisted
//! form uses one- or two-letter field names and leaves out empty fields.
//! Every optional field has a default, so a record written by an older
//! version still loads.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::{format::integer, tr, Key};
use crate::t;

pub use crate::domain::tools::{FieldError, Halt};

/// Lowest and highest mood on the 1 to 5 scale.
pub const MOOD_MIN: u8 = 1;
pub const MOOD_MAX: u8 = 5;
/// Highest craving on the 0 to 10 scale (0 is "not at all").
pub const CRAVING_MAX: u8 = 10;
/// Longest note, in characters. Far above a normal entry; it stops a stuck
/// key or a huge paste from filling the storage quota.
pub const MAX_NOTE_CHARS: usize = 10_000;
/// Longest text in one lapse-review answer, in characters.
pub const MAX_LAPSE_TEXT_CHARS: usize = 10_000;
/// Longest trigger or "what helped" label, in characters.
pub const MAX_TAG_CHARS: usize = 100;
/// Most triggers or "what helped" labels on one check-in.
pub const MAX_TAGS: usize = 50;

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

/// What the user wrote after logging a use: a calm look back, so the next
/// time can go differently. Every answer is optional.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct LapseReview {
    /// What happened, in the user's words.
    #[serde(rename = "w", default, skip_serializing_if = "String::is_empty")]
    pub what_happened: String,
    /// Whether they were hungry, angry, lonely or tired at the time.
    #[serde(rename = "h", default, skip_serializing_if = "Halt::is_empty")]
    pub halt: Halt,
    /// The main trigger.
    #[serde(rename = "t", default, skip_serializing_if = "String::is_empty")]
    pub trigger: String,
    /// What they will try next time.
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub next_time: String,
}

/// One saved check-in.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct CheckIn {
    #[serde(rename = "i")]
    pub id: String,
    /// The local calendar day the check-in is about (may be backfilled).
    #[serde(rename = "d", with = "crate::domain::iso::date")]
    pub date: NaiveDate,
    /// 1 (very low) to 5 (very good); see [`mood_word`].
    #[serde(rename = "m")]
    pub mood: u8,
    /// 0 (not at all) to 10 (extremely); see [`craving_anchor`].
    #[serde(rename = "c", default)]
    pub craving: u8,
    /// The user logged a use on this day.
    #[serde(rename = "u", default, skip_serializing_if = "is_false")]
    pub used: bool,
    #[serde(rename = "h", default, skip_serializing_if = "Halt::is_empty")]
    pub halt: Halt,
    #[serde(rename = "t", default, skip_serializing_if = "Vec::is_empty")]
    pub triggers: Vec<String>,
    #[serde(rename = "hp", default, skip_serializing_if = "Vec::is_empty")]
    pub helped: Vec<String>,
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Only present when `used` is true and the user wrote a review.
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    pub lapse: Option<LapseReview>,
    #[serde(rename = "ca", default, skip_serializing_if = "is_zero")]
    pub created_ms: i64,
    /// Last edit; the newer copy wins when two copies of one check-in meet.
    #[serde(rename = "ua", default, skip_serializing_if = "is_zero")]
    pub updated_ms: i64,
}

/// A check-in as the form holds it while the user is typing: nothing is
/// required yet and the date is the raw text of the date input. Drafts are
/// saved as the user types, so nothing is lost if the tab closes.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct CheckInDraft {
    /// The id of the check-in being edited; `None` for a new one.
    #[serde(rename = "i", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The date input's value, `YYYY-MM-DD`.
    #[serde(rename = "d", default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(rename = "m", default, skip_serializing_if = "Option::is_none")]
    pub mood: Option<u8>,
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    pub craving: Option<u8>,
    #[serde(rename = "u", default, skip_serializing_if = "is_false")]
    pub used: bool,
    #[serde(rename = "h", default, skip_serializing_if = "Halt::is_empty")]
    pub halt: Halt,
    #[serde(rename = "t", default, skip_serializing_if = "Vec::is_empty")]
    pub triggers: Vec<String>,
    #[serde(rename = "hp", default, skip_serializing_if = "Vec::is_empty")]
    pub helped: Vec<String>,
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Kept even while `used` is unticked, so ticking it again brings the
    /// text back; only saved into the check-in when `used` is ticked.
    #[serde(rename = "l", default, skip_serializing_if = "LapseReview::is_empty")]
    pub lapse: LapseReview,
    /// When the check-in being edited was first saved.
    #[serde(rename = "ca", default, skip_serializing_if = "Option::is_none")]
    pub created_ms: Option<i64>,
}

impl LapseReview {
    /// True when nothing was written or ticked.
    pub fn is_empty(&self) -> bool {
        self.what_happened.trim().is_empty()
            && self.trigger.trim().is_empty()
            && self.next_time.trim().is_empty()
            && self.halt.is_empty()
    }
}

/// The word for a mood on the 1 to 5 scale; `None` outside it.
pub fn mood_word(mood: u8) -> Option<&'static str> {
    let key = match mood {
        1 => Key::JournalMood1,
        2 => Key::JournalMood2,
        3 => Key::JournalMood3,
        4 => Key::JournalMood4,
        5 => Key::JournalMood5,
        _ => return None,
    };
    Some(tr(key))
}

/// The words at the ends of the 0 to 10 craving scale ("Not at all",
/// "Extremely"); the numbers in between have no words, as on the published
/// scale.
pub fn craving_anchor(craving: u8) -> Option<&'static str> {
    match craving {
        0 => Some(tr(Key::JournalCravingNone)),
        CRAVING_MAX => Some(tr(Key::JournalCravingMost)),
        _ => None,
    }
}

/// Turns a list of problems into a `validate` result.
fn finish(errors: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// `message` names what is too long ("Your note is…"): one key per kind of
/// text, since other languages change the sentence around the noun.
fn too_long(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    text: &str,
    max: usize,
    message: Key,
) {
    let n = text.chars().count();
    if n > max {
        errors.push(FieldError::new(
            field,
            t!(
                message,
                count = integer(n as i64),
                max = integer(max as i64)
            ),
        ));
    }
}

fn check_tags(errors: &mut Vec<FieldError>, field: &'static str, tags: &[String]) {
    if tags.len() > MAX_TAGS {
        errors.push(FieldError::new(
            field,
            t!(Key::JournalErrorTooManyTags, max = MAX_TAGS),
        ));
    }
    if tags.iter().any(|t| t.trim().is_empty()) {
        errors.push(FieldError::new(field, tr(Key::JournalErrorBlankTag)));
    }
    if tags.iter().any(|t| t.chars().count() > MAX_TAG_CHARS) {
        errors.push(FieldError::new(
            field,
            t!(Key::JournalErrorTagTooLong, max = MAX_TAG_CHARS),
        ));
    }
}

impl CheckIn {
    /// Checks every field and returns all problems at once, each in words the
    /// user can act on. `today` is the user's local date: a check-in cannot
    /// be about a day that has not happened yet.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.id.trim().is_empty() {
            errors.push(FieldError::new("id", tr(Key::JournalErrorNoId)));
        }
        if self.date > today {
            errors.push(FieldError::new("date", tr(Key::JournalErrorFutureDate)));
        }
        if !(MOOD_MIN..=MOOD_MAX).contains(&self.mood) {
            errors.push(FieldError::new("mood", tr(Key::JournalErrorMoodRange)));
        }
        if self.craving > CRAVING_MAX {
            errors.push(FieldError::new(
                "craving",
                tr(Key::JournalErrorCravingRange),
            ));
        }
        check_tags(&mut errors, "triggers", &self.triggers);
        check_tags(&mut errors, "helped", &self.helped);
        too_long(
            &mut errors,
            "note",
            &self.note,
            MAX_NOTE_CHARS,
            Key::JournalErrorNoteTooLong,
        );
        if let Some(lapse) = &self.lapse {
            if !self.used {
                errors.push(FieldError::new(
                    "lapse",
                    tr(Key::JournalErrorLapseWithoutUse),
                ));
            }
            too_long(
                &mut errors,
                "lapse.what_happened",
                &lapse.what_happened,
                MAX_LAPSE_TEXT_CHARS,
                Key::JournalErrorAnswerTooLong,
            );
            too_long(
                &mut errors,
                "lapse.trigger",
                &lapse.trigger,
                MAX_TAG_CHARS,
                Key::JournalErrorTriggerTooLong,
            );
            too_long(
                &mut errors,
                "lapse.next_time",
                &lapse.next_time,
                MAX_LAPSE_TEXT_CHARS,
                Key::JournalErrorAnswerTooLong,
            );
        }
        finish(errors)
    }

    /// The mood in words, e.g. "Okay".
    pub fn mood_word(&self) -> Option<&'static str> {
        mood_word(self.mood)
    }

    /// True when every word of `query` appears, ignoring case, in the note,
    /// the triggers, what helped, or the lapse review. Blank queries match
    /// everything. Case folding is Unicode-aware ("ÉTÉ" finds "été").
    pub fn matches(&self, query: &str) -> bool {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return true;
        }
        let haystack = self.search_text();
        words.iter().all(|w| haystack.contains(w.as_str()))
    }

    /// True when the check-in lists this trigger (ignoring case and outer
    /// spaces), in its triggers or as the lapse review's trigger.
    pub fn has_trigger(&self, trigger: &str) -> bool {
        let want = trigger.trim().to_lowercase();
        if want.is_empty() {
            return false;
        }
        self.triggers
            .iter()
            .chain(self.lapse.iter().map(|l| &l.trigger))
            .any(|t| t.trim().to_lowercase() == want)
    }

    /// Everything searchable, lower-cased, one field per line so a word cannot
    /// match across two fields.
    fn search_text(&self) -> String {
        let mut parts: Vec<&str> = vec![self.note.as_str()];
        parts.extend(self.triggers.iter().map(String::as_str));
        parts.extend(self.helped.iter().map(String::as_str));
        if let Some(l) = &self.lapse {
            parts.extend([
                l.what_happened.as_str(),
                l.trigger.as_str(),
                l.next_time.as_str(),
            ]);
        }
        parts.join("\n").to_lowercase()
    }
}

/// Newest day first; on the same day the latest edit first, then by id so the
/// order never flickers between renders.
pub fn sort_newest_first(entries: &mut [CheckIn]) {
    entries.sort_by(newest_first);
}

/// The ordering used by [`sort_newest_first`], for sorting references.
pub fn newest_first(a: &CheckIn, b: &CheckIn) -> std::cmp::Ordering {
    b.date
        .cmp(&a.date)
        .then(b.created_ms.cmp(&a.created_ms))
        .then(b.id.cmp(&a.id))
}

/// Every trigger used across the check-ins, each once (first spelling wins,
/// compared ignoring case), most used first, then A to Z. For the filter
/// menu and insights.
pub fn trigger_counts<'a>(entries: impl IntoIterator<Item = &'a CheckIn>) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, String, usize)> = Vec::new();
    for c in entries {
        let mut seen: Vec<String> = Vec::new();
        for t in &c.triggers {
            let key = t.trim().to_lowercase();
            if key.is_empty() || seen.contains(&key) {
                continue;
            }
            seen.push(key.clone());
            match counts.iter_mut().find(|(k, _, _)| *k == key) {
                Some(entry) => entry.2 += 1,
                None => counts.push((key, t.trim().to_string(), 1)),
            }
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    counts.into_iter().map(|(_, name, n)| (name, n)).collect()
}

/// The days with a logged use, for [`crate::domain::clean_time`].
pub fn use_dates(entries: &[CheckIn]) -> Vec<NaiveDate> {
    entries.iter().filter(|c| c.used).map(|c| c.date).collect()
}

/// The earliest check-in date, the fallback start for clean time.
pub fn earliest_date(entries: &[CheckIn]) -> Option<NaiveDate> {
    entries.iter().map(|c| c.date).min()
}

/// The check-ins about one day (usually one; the journal allows more).
pub fn on_date(entries: &[CheckIn], date: NaiveDate) -> Vec<&CheckIn> {
    entries.iter().filter(|c| c.date == date).collect()
}

/// Of two copies of the same check-in (two tabs, or an import), the one
/// edited last. On a tie the copies are compared as JSON so the choice does
/// not depend on argument order.
pub fn newer<'a>(a: &'a CheckIn, b: &'a CheckIn) -> &'a CheckIn {
    match a.updated_ms.cmp(&b.updated_ms) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => {
            let ja = serde_json::to_string(a).unwrap_or_default();
            let jb = serde_json::to_string(b).unwrap_or_default();
            if ja >= jb {
                a
            } else {
                b
            }
        }
    }
}

/// Joins two sets of check-ins by id, keeping the [`newer`] copy of each id.
/// Nothing that is in either set is dropped; the result is sorted newest
/// first. Deletions are not known here: the storage layer keeps its own
/// record of deleted ids and removes them afterwards.
pub fn merge_checkins(a: &[CheckIn], b: &[CheckIn]) -> Vec<CheckIn> {
    let mut by_id: std::collections::BTreeMap<&str, &CheckIn> = std::collections::BTreeMap::new();
    for c in a.iter().chain(b.iter()) {
        let keep = match by_id.get(c.id.as_str()) {
            Some(existing) => newer(existing, c),
            None => c,
        };
        by_id.insert(c.id.as_str(), keep);
    }
    let mut out: Vec<CheckIn> = by_id.into_values().cloned().collect();
    sort_newest_first(&mut out);
    out
}

/// Trims each label, drops blanks and case-insensitive repeats, keeps order.
fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() && !out.iter().any(|o| o.to_lowercase() == t.to_lowercase()) {
            out.push(t);
        }
    }
    out
}

impl CheckInDraft {
    /// An empty form for a new check-in about `today`.
    pub fn new(today: NaiveDate) -> Self {
        CheckInDraft {
            date: super::iso::format_date(today),
            ..CheckInDraft::default()
        }
    }

    /// The form filled from a saved check-in, for editing.
    pub fn from_checkin(c: &CheckIn) -> Self {
        CheckInDraft {
            id: Some(c.id.clone()),
            date: super::iso::format_date(c.date),
            mood: Some(c.mood),
            craving: Some(c.craving),
            used: c.used,
            halt: c.halt,
            triggers: c.triggers.clone(),
            helped: c.helped.clone(),
            note: c.note.clone(),
            lapse: c.lapse.clone().unwrap_or_default(),
            created_ms: Some(c.created_ms),
        }
    }

    /// Adds a trigger if it is not there yet, or removes it if it is
    /// (ignoring case), as a chip toggles.
    pub fn toggle_trigger(&mut self, name: &str) {
        toggle_tag(&mut self.triggers, name);
    }

    /// Adds or removes a "what helped" label, as a chip toggles.
    pub fn toggle_helped(&mut self, name: &str) {
        toggle_tag(&mut self.helped, name);
    }

    /// True when the user has typed or picked nothing, so there is nothing
    /// worth keeping as a draft.
    pub fn is_blank(&self) -> bool {
        self.mood.is_none()
            && self.craving.is_none()
            && !self.used
            && self.halt.is_empty()
            && self.triggers.is_empty()
            && self.helped.is_empty()
            && self.note.trim().is_empty()
            && self.lapse.is_empty()
    }

    /// The check-in to save, or every problem with the form. A new check-in
    /// gets an id from `now_ms` and `entropy` (see [`crate::domain::ids`]).
    /// Labels are tidied (trimmed, repeats dropped) and the note is trimmed.
    /// The lapse review is saved only when `used` is ticked and something was
    /// written in it.
    pub fn to_checkin(
        &self,
        today: NaiveDate,
        now_ms: i64,
        entropy: u32,
    ) -> Result<CheckIn, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = match super::iso::parse_date(&self.date) {
            Some(d) => Some(d),
            None => {
                errors.push(FieldError::new("date", tr(Key::JournalErrorNoDate)));
                None
            }
        };
        if self.mood.is_none() {
            errors.push(FieldError::new("mood", tr(Key::JournalErrorNoMood)));
        }
        if self.craving.is_none() {
            errors.push(FieldError::new("craving", tr(Key::JournalErrorNoCraving)));
        }
        let lapse = if self.used && !self.lapse.is_empty() {
            Some(LapseReview {
                what_happened: self.lapse.what_happened.trim().to_string(),
                halt: self.lapse.halt,
                trigger: self.lapse.trigger.trim().to_string(),
                next_time: self.lapse.next_time.trim().to_string(),
            })
        } else {
            None
        };
        let checkin = CheckIn {
            id: match &self.id {
                Some(id) if !id.trim().is_empty() => id.clone(),
                _ => crate::domain::ids::new_id(now_ms, entropy),
            },
            date: date.unwrap_or(today),
            mood: self.mood.unwrap_or(MOOD_MIN),
            craving: self.craving.unwrap_or(0),
            used: self.used,
            halt: self.halt,
            triggers: clean_tags(&self.triggers),
            helped: clean_tags(&self.helped),
            note: self.note.trim().to_string(),
            lapse,
            created_ms: self.created_ms.filter(|ms| *ms != 0).unwrap_or(now_ms),
            updated_ms: now_ms,
        };
        if let Err(more) = checkin.validate(today) {
            errors.extend(more);
        }
        if errors.is_empty() {
            Ok(checkin)
        } else {
            Err(errors)
        }
    }
}

fn toggle_tag(tags: &mut Vec<String>, name: &str) {
    let name = name.trim();
    if name.is_empty() {
        return;
    }
    let key = name.to_lowercase();
    let before = tags.len();
    tags.retain(|t| t.trim().to_lowercase() != key);
    if tags.len() == before {
        tags.push(name.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check-ins a journal search shows, in the order given.
    fn search<'a>(entries: &'a [CheckIn], query: &str) -> Vec<&'a CheckIn> {
        entries.iter().filter(|c| c.matches(query)).collect()
    }

    /// The check-ins the journal's trigger filter shows, in the order given.
    fn filter_by_trigger<'a>(entries: &'a [CheckIn], trigger: &str) -> Vec<&'a CheckIn> {
        entries.iter().filter(|c| c.has_trigger(trigger)).collect()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn sample(id: &str, date: &str) -> CheckIn {
        CheckIn {
            id: id.into(),
            date: d(date),
            mood: 3,
            craving: 4,
            used: false,
            halt: Halt::default(),
            triggers: vec![],
            helped: vec![],
            note: String::new(),
            lapse: None,
            created_ms: 1_000,
            updated_ms: 1_000,
        }
    }

    fn fields(r: Result<(), Vec<FieldError>>) -> Vec<&'static str> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn mood_words_run_from_very_low_to_very_good() {
        let words: Vec<_> = (0..=6).map(mood_word).collect();
        assert_eq!(
            words,
            [
                None,
                Some("Very low"),
                Some("Low"),
                Some("Okay"),
                Some("Good"),
                Some("Very good"),
                None
            ]
        );
    }

    #[test]
    fn only_the_ends_of_the_craving_scale_have_words() {
        assert_eq!(craving_anchor(0), Some("Not at all"));
        assert_eq!(craving_anchor(10), Some("Extremely"));
        assert_eq!(craving_anchor(5), None);
        assert_eq!(craving_anchor(11), None);
    }

    #[test]
    fn a_plain_check_in_is_valid() {
        assert_eq!(sample("a", "2026-03-01").validate(d("2026-03-01")), Ok(()));
    }

    #[test]
    fn mood_outside_one_to_five_is_an_error() {
        let mut c = sample("a", "2026-03-01");
        c.mood = 0;
        assert_eq!(fields(c.validate(d("2026-03-01"))), ["mood"]);
        c.mood = 6;
        assert_eq!(fields(c.validate(d("2026-03-01"))), ["mood"]);
    }

    #[test]
    fn craving_above_ten_is_an_error() {
        let mut c = sample("a", "2026-03-01");
        c.craving = 11;
        let errs = c.validate(d("2026-03-01")).unwrap_err();
        assert_eq!(errs[0].field, "craving");
        assert!(errs[0].message.contains("0") && errs[0].message.contains("10"));
    }

    #[test]
    fn a_date_after_today_is_an_error_but_today_and_earlier_are_fine() {
        let c = sample("a", "2026-03-02");
        assert_eq!(fields(c.validate(d("2026-03-01"))), ["date"]);
        assert_eq!(c.validate(d("2026-03-02")), Ok(()));
        assert_eq!(c.validate(d("2030-01-01")), Ok(()));
    }

    #[test]
    fn a_note_over_ten_thousand_characters_is_an_error_counted_in_characters() {
        let mut c = sample("a", "2026-03-01");
        c.note = "é".repeat(MAX_NOTE_CHARS);
        assert_eq!(c.validate(d("2026-03-01")), Ok(()));
        c.note.push('x');
        let errs = c.validate(d("2026-03-01")).unwrap_err();
        assert_eq!(errs[0].field, "note");
        assert!(errs[0].message.contains("10,001"), "{}", errs[0].message);
        assert!(errs[0].message.contains("10,000"));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut c = sample("", "2026-03-09");
        c.mood = 9;
        c.craving = 99;
        c.triggers = vec![" ".into()];
        assert_eq!(
            fields(c.validate(d("2026-03-01"))),
            ["id", "date", "mood", "craving", "triggers"]
        );
    }

    #[test]
    fn a_lapse_review_without_a_use_is_an_error() {
        let mut c = sample("a", "2026-03-01");
        c.lapse = Some(LapseReview {
            what_happened: "x".into(),
            ..LapseReview::default()
        });
        assert_eq!(fields(c.validate(d("2026-03-01"))), ["lapse"]);
        c.used = true;
        assert_eq!(c.validate(d("2026-03-01")), Ok(()));
    }

    #[test]
    fn a_plain_check_in_is_stored_in_few_characters() {
        let json = serde_json::to_string(&sample("0mmhk2x4q3f9z", "2026-03-01")).unwrap();
        assert_eq!(
            json,
            r#"{"i":"0mmhk2x4q3f9z","d":"2026-03-01","m":3,"c":4,"ca":1000,"ua":1000}"#
        );
    }

    #[test]
    fn a_full_check_in_round_trips_through_json() {
        let mut c = sample("a", "2026-03-01");
        c.used = true;
        c.halt = Halt::from_code("HT");
        c.triggers = vec!["Payday".into(), "Stress".into()];
        c.helped = vec!["Called my sponsor".into()];
        c.note = "Hard day.\nStill here. 💪 “quotes”".into();
        c.lapse = Some(LapseReview {
            what_happened: "Ran into an old friend".into(),
            halt: Halt::from_code("L"),
            trigger: "Seeing old friends".into(),
            next_time: "Leave and call Sam".into(),
        });
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains(r#""h":"HT""#));
        assert_eq!(serde_json::from_str::<CheckIn>(&json).unwrap(), c);
    }

    #[test]
    fn an_old_record_without_optional_fields_still_loads() {
        let c: CheckIn = serde_json::from_str(r#"{"i":"x","d":"2020-01-01","m":2}"#).unwrap();
        assert_eq!(c.craving, 0);
        assert!(!c.used && c.triggers.is_empty() && c.lapse.is_none());
        assert_eq!(c.updated_ms, 0);
    }

    #[test]
    fn unknown_fields_from_a_newer_version_do_not_stop_a_record_loading() {
        let c: CheckIn =
            serde_json::from_str(r#"{"i":"x","d":"2020-01-01","m":2,"zz":[1,2]}"#).unwrap();
        assert_eq!(c.mood, 2);
    }

    /// UTF-16 units one check-in takes in storage, with a 20-unit key.
    fn stored_units(c: &CheckIn) -> usize {
        serde_json::to_string(c).unwrap().encode_utf16().count() + 20
    }

    const TEN_YEARS_OF_DAYS: usize = 3_653;
    const QUOTA: usize = 5_242_880;

    #[test]
    fn ten_years_of_daily_check_ins_with_1000_character_notes_fit_in_the_quota() {
        // A typical long entry: a 1,000-character note in ten lines, two
        // triggers, one thing that helped.
        let mut c = sample("0mmhk2x4q3f9z", "2026-03-01");
        c.craving = 10;
        c.triggers = vec!["Stress".into(), "Seeing old friends".into()];
        c.helped = vec!["Went for a walk".into()];
        c.note = format!("{}\n", "a".repeat(99)).repeat(10);
        c.created_ms = 1_772_900_000_000;
        c.updated_ms = 1_772_900_000_000;
        assert_eq!(c.note.chars().count(), 1_000);
        let units = stored_units(&c);
        // Leave at least 15% of the quota for everything else.
        assert!(
            units * TEN_YEARS_OF_DAYS <= QUOTA * 85 / 100,
            "{units} units a day"
        );
    }

    #[test]
    fn even_a_worst_case_day_every_day_for_ten_years_fits_in_the_quota() {
        // Every escape JSON adds, every HALT letter, five labels.
        let mut c = sample("0mmhk2x4q3f9z", "2026-03-01");
        c.craving = 10;
        c.used = true;
        c.halt = Halt::from_code("HALT");
        c.triggers = vec![
            "Stress".into(),
            "Payday".into(),
            "Seeing old friends".into(),
        ];
        c.helped = vec!["Went for a walk".into(), "Called someone".into()];
        c.note = "I felt \"low\" today.\n".repeat(50);
        c.created_ms = 1_772_900_000_000;
        c.updated_ms = 1_772_900_000_000;
        assert_eq!(c.note.chars().count(), 1_000);
        let units = stored_units(&c);
        assert!(units * TEN_YEARS_OF_DAYS <= QUOTA, "{units} units a day");
    }

    #[test]
    fn search_ignores_case_and_looks_in_every_text_field() {
        let mut a = sample("a", "2026-03-01");
        a.note = "Felt STRONG after the meeting".into();
        let mut b = sample("b", "2026-03-02");
        b.triggers = vec!["Payday".into()];
        let mut c = sample("c", "2026-03-03");
        c.helped = vec!["Long walk".into()];
        let mut e = sample("e", "2026-03-04");
        e.used = true;
        e.lapse = Some(LapseReview {
            next_time: "Call Maria first".into(),
            ..LapseReview::default()
        });
        let all = vec![a, b, c, e];
        let ids = |q: &str| {
            search(&all, q)
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids("strong"), ["a"]);
        assert_eq!(ids("PAYDAY"), ["b"]);
        assert_eq!(ids("walk"), ["c"]);
        assert_eq!(ids("maria"), ["e"]);
        assert_eq!(ids("nothing like this"), Vec::<String>::new());
    }

    #[test]
    fn a_blank_search_matches_everything() {
        let all = vec![sample("a", "2026-03-01"), sample("b", "2026-03-02")];
        assert_eq!(search(&all, "   ").len(), 2);
    }

    #[test]
    fn every_word_of_a_search_must_match_somewhere() {
        let mut a = sample("a", "2026-03-01");
        a.note = "Rough morning".into();
        a.triggers = vec!["Pain".into()];
        let all = vec![a];
        assert_eq!(search(&all, "pain morning").len(), 1);
        assert_eq!(search(&all, "pain evening").len(), 0);
    }

    #[test]
    fn search_is_safe_with_accents_emoji_and_other_scripts() {
        let mut a = sample("a", "2026-03-01");
        a.note = "ÉTÉ difficile 😔 Straße ПРИВЕТ".into();
        let all = vec![a];
        assert_eq!(search(&all, "été").len(), 1);
        assert_eq!(search(&all, "😔").len(), 1);
        assert_eq!(search(&all, "привет").len(), 1);
        assert_eq!(search(&all, "straße").len(), 1);
        assert_eq!(search(&all, "İ").len(), 0);
    }

    #[test]
    fn filter_by_trigger_ignores_case_and_spaces_and_checks_the_lapse_trigger() {
        let mut a = sample("a", "2026-03-01");
        a.triggers = vec!["Payday".into()];
        let mut b = sample("b", "2026-03-02");
        b.used = true;
        b.lapse = Some(LapseReview {
            trigger: "payday ".into(),
            ..LapseReview::default()
        });
        let mut c = sample("c", "2026-03-03");
        c.triggers = vec!["Payday stress".into()];
        let all = vec![a, b, c];
        let ids: Vec<_> = filter_by_trigger(&all, " PAYDAY")
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert!(filter_by_trigger(&all, "").is_empty());
    }

    #[test]
    fn the_journal_sorts_newest_day_first_then_newest_entry() {
        let mut a = sample("a", "2026-03-01");
        let mut b = sample("b", "2026-03-03");
        let mut c = sample("c", "2026-03-03");
        a.created_ms = 5;
        b.created_ms = 1;
        c.created_ms = 2;
        let mut all = vec![a, b, c];
        sort_newest_first(&mut all);
        let ids: Vec<_> = all.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
    }

    #[test]
    fn trigger_counts_merge_spellings_and_put_the_most_common_first() {
        let mut a = sample("a", "2026-03-01");
        a.triggers = vec!["Stress".into(), "stress ".into()];
        let mut b = sample("b", "2026-03-02");
        b.triggers = vec!["STRESS".into(), "Pain".into()];
        let mut c = sample("c", "2026-03-03");
        c.triggers = vec!["Boredom".into()];
        assert_eq!(
            trigger_counts(&[a, b, c]),
            vec![
                ("Stress".into(), 2),
                ("Boredom".into(), 1),
                ("Pain".into(), 1)
            ]
        );
    }

    #[test]
    fn use_dates_and_earliest_date_come_from_the_check_ins() {
        let mut a = sample("a", "2026-03-05");
        a.used = true;
        let b = sample("b", "2026-03-01");
        let all = vec![a, b];
        assert_eq!(use_dates(&all), [d("2026-03-05")]);
        assert_eq!(earliest_date(&all), Some(d("2026-03-01")));
        assert_eq!(earliest_date(&[]), None);
        assert_eq!(on_date(&all, d("2026-03-01")).len(), 1);
    }

    #[test]
    fn the_newer_copy_of_a_check_in_wins_whatever_the_argument_order() {
        let old = sample("a", "2026-03-01");
        let mut new = old.clone();
        new.note = "edited".into();
        new.updated_ms = 2_000;
        assert_eq!(newer(&old, &new).note, "edited");
        assert_eq!(newer(&new, &old).note, "edited");
        let mut twin = old.clone();
        twin.note = "same time".into();
        assert_eq!(newer(&old, &twin), newer(&twin, &old));
    }

    #[test]
    fn merging_check_ins_keeps_every_id_and_the_newer_copy_of_each() {
        let a1 = sample("a", "2026-03-01");
        let mut a2 = a1.clone();
        a2.updated_ms = 5_000;
        a2.mood = 5;
        let b = sample("b", "2026-03-02");
        let c = sample("c", "2026-03-03");
        let merged = merge_checkins(&[a1, b], &[a2, c]);
        let ids: Vec<_> = merged.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
        assert_eq!(merged[2].mood, 5);
    }

    #[test]
    fn a_draft_becomes_a_check_in_with_a_new_id_and_tidy_labels() {
        let mut draft = CheckInDraft::new(d("2026-03-01"));
        draft.mood = Some(4);
        draft.craving = Some(2);
        draft.triggers = vec![
            "  Payday ".into(),
            "payday".into(),
            "".into(),
            "Pain".into(),
        ];
        draft.note = "  Good day.  \n".into();
        let c = draft
            .to_checkin(d("2026-03-01"), 1_772_900_000_000, 42)
            .unwrap();
        assert_eq!(c.id, crate::domain::ids::new_id(1_772_900_000_000, 42));
        assert_eq!(c.date, d("2026-03-01"));
        assert_eq!(c.triggers, ["Payday", "Pain"]);
        assert_eq!(c.note, "Good day.");
        assert_eq!(
            (c.created_ms, c.updated_ms),
            (1_772_900_000_000, 1_772_900_000_000)
        );
    }

    #[test]
    fn a_draft_with_nothing_picked_lists_what_is_missing() {
        let draft = CheckInDraft {
            date: "not a date".into(),
            ..CheckInDraft::default()
        };
        let errs = draft.to_checkin(d("2026-03-01"), 1, 1).unwrap_err();
        let f: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(f, ["date", "mood", "craving"]);
    }

    #[test]
    fn a_draft_dated_tomorrow_is_refused() {
        let mut draft = CheckInDraft::new(d("2026-03-02"));
        draft.mood = Some(3);
        draft.craving = Some(0);
        let errs = draft.to_checkin(d("2026-03-01"), 1, 1).unwrap_err();
        assert_eq!(errs[0].field, "date");
    }

    #[test]
    fn editing_keeps_the_id_and_creation_time_and_moves_the_edit_time() {
        let mut saved = sample("keep-me", "2026-03-01");
        saved.created_ms = 111;
        let mut draft = CheckInDraft::from_checkin(&saved);
        draft.note = "later thoughts".into();
        let c = draft.to_checkin(d("2026-03-05"), 999, 7).unwrap();
        assert_eq!(c.id, "keep-me");
        assert_eq!(c.created_ms, 111);
        assert_eq!(c.updated_ms, 999);
        assert_eq!(c.note, "later thoughts");
    }

    #[test]
    fn a_lapse_review_is_saved_only_when_used_is_ticked() {
        let mut draft = CheckInDraft::new(d("2026-03-01"));
        draft.mood = Some(2);
        draft.craving = Some(8);
        draft.lapse.what_happened = " I was alone ".into();
        let c = draft.to_checkin(d("2026-03-01"), 1, 1).unwrap();
        assert_eq!(c.lapse, None);
        draft.used = true;
        let c = draft.to_checkin(d("2026-03-01"), 1, 1).unwrap();
        assert_eq!(c.lapse.unwrap().what_happened, "I was alone");
    }

    #[test]
    fn a_draft_round_trips_through_json_and_an_empty_one_is_tiny() {
        let mut draft = CheckInDraft::new(d("2026-03-01"));
        assert_eq!(
            serde_json::to_string(&draft).unwrap(),
            r#"{"d":"2026-03-01"}"#
        );
        assert!(draft.is_blank());
        draft.mood = Some(5);
        draft.toggle_trigger("Stress");
        draft.lapse.next_time = "call".into();
        assert!(!draft.is_blank());
        let json = serde_json::to_string(&draft).unwrap();
        assert_eq!(serde_json::from_str::<CheckInDraft>(&json).unwrap(), draft);
    }

    #[test]
    fn toggling_a_chip_twice_removes_it_whatever_the_case() {
        let mut draft = CheckInDraft::default();
        draft.toggle_helped("Walk");
        assert_eq!(draft.helped, ["Walk"]);
        draft.toggle_helped(" walk");
        assert!(draft.helped.is_empty());
        draft.toggle_helped("   ");
        assert!(draft.helped.is_empty());
    }
}
