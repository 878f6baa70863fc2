//! Calendar export for an appointment, as an RFC 5545 iCalendar file, so the
//! user can add it to the phone's own calendar (which reminds them; the app
//! has no server to send reminders).
//!
//! Times are "floating" local times (no `Z`, no `TZID`): an appointment at
//! 9:30 is at 9:30 wherever the phone is, which is what the user typed, and
//! it avoids shipping time-zone rules.

use chrono::{Duration, NaiveDateTime};

use crate::domain::tools::appointment::Appointment;
use crate::i18n::{tr, Key};
use crate::t;

/// The longest physical line, in octets, not counting the CRLF (RFC 5545
/// section 3.1).
pub const MAX_LINE_OCTETS: usize = 75;

const CRLF: &str = "\r\n";

/// Escapes a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon,
/// comma and line breaks. Other control characters are not allowed in TEXT
/// and are dropped; tabs are kept.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // CRLF and a lone CR are both one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line so no physical line exceeds 75 octets. Breaks
/// fall between UTF-8 characters, never inside one; each continuation line
/// starts with a single space (which counts towards its 75). The result has
/// CRLF after every physical line, including the last.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str(CRLF);
            out.push(' ');
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str(CRLF);
    out
}

fn push(out: &mut String, line: &str) {
    push_line(out, line);
}

/// Appends one content line, folded, with its CRLF.
pub fn push_line(out: &mut String, line: &str) {
    out.push_str(&fold_line(line));
}

/// A URI value (`URL`, RFC 5545 section 3.3.13) is not TEXT and is not
/// escaped; it may not hold spaces or control characters, so those are
/// dropped rather than breaking the line structure.
pub fn uri_value(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// The `chrono` pattern of a DATE-TIME value (add `Z` for UTC).
pub const STAMP: &str = "%Y%m%dT%H%M%S";

/// The calendar file for one appointment. `now_utc` is the time of export
/// (for `DTSTAMP`); `uid_domain` makes the UID unique beyond this app, e.g.
/// "waymark.app". Timed appointments last one hour; appointments without a
/// time are all-day events.
pub fn appointment_to_ics(appt: &Appointment, now_utc: NaiveDateTime, uid_domain: &str) -> String {
    let mut out = String::new();
    push(&mut out, "BEGIN:VCALENDAR");
    push(&mut out, "VERSION:2.0");
    push(
        &mut out,
        "PRODID:-//Waymark//Waymark recovery companion//EN",
    );
    push(&mut out, "CALSCALE:GREGORIAN");
    push(&mut out, "BEGIN:VEVENT");

    let uid = if uid_domain.trim().is_empty() {
        appt.id.clone()
    } else {
        format!("{}@{}", appt.id, uid_domain.trim())
    };
    push(&mut out, &format!("UID:{}", escape_text(&uid)));
    push(&mut out, &format!("DTSTAMP:{}Z", now_utc.format(STAMP)));

    match appt.time {
        Some(time) => {
            let start = appt.date.and_time(time);
            let end = start + Duration::hours(1);
            push(&mut out, &format!("DTSTART:{}", start.format(STAMP)));
            push(&mut out, &format!("DTEND:{}", end.format(STAMP)));
        }
        None => {
            let next = appt.date.succ_opt().unwrap_or(appt.date);
            push(
                &mut out,
                &format!(
                    "DTSTART;VALUE=DATE:{}",
                    super::iso::format_date(appt.date).replace('-', "")
                ),
            );
            push(
                &mut out,
                &format!(
                    "DTEND;VALUE=DATE:{}",
                    super::iso::format_date(next).replace('-', "")
                ),
            );
        }
    }

    push(
        &mut out,
        &format!("SUMMARY:{}", escape_text(&summary(appt))),
    );
    let place = appt.place.trim();
    if !place.is_empty() {
        push(&mut out, &format!("LOCATION:{}", escape_text(place)));
    }
    let questions = appt.questions.trim();
    if !questions.is_empty() {
        let text = t!(Key::IcsQuestions, questions = questions);
        push(&mut out, &format!("DESCRIPTION:{}", escape_text(&text)));
    }

    push(&mut out, "END:VEVENT");
    push(&mut out, "END:VCALENDAR");
    out
}

/// The event title: who the appointment is with, in the current language
/// (the file keeps the words it was made with).
pub fn summary(appt: &Appointment) -> String {
    let who = appt.with_whom.trim();
    if who.is_empty() {
        tr(Key::IcsSummary).to_string()
    } else {
        t!(Key::IcsSummaryWith, who = who)
    }
}

/// A file name for the download, e.g. "appointment-2025-03-01.ics".
pub fn ics_file_name(appt: &Appointment) -> String {
    format!("appointment-{}.ics", super::iso::format_date(appt.date))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveTime};

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2025, 2, 20)
            .unwrap()
            .and_hms_opt(8, 5, 9)
            .unwrap()
    }

    fn appt(time: Option<NaiveTime>) -> Appointment {
        let mut a = Appointment::new("a1", NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
        a.with_whom = "Dr Lee".into();
        a.time = time;
        a
    }

    /// Undoes folding the way a calendar app does: a CRLF followed by a
    /// space or tab is removed.
    /// The file's lines with folding undone (shared with `reminders`' tests).
    pub(crate) fn unfold(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .replace("\r\n\t", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// A text value with its escapes undone (shared with `reminders`' tests).
    pub(crate) fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn value<'a>(lines: &'a [String], name: &str) -> Option<&'a str> {
        lines.iter().find_map(|l| l.strip_prefix(name))
    }

    /// A tiny deterministic PRNG, so the folding test covers many shapes
    /// without adding a crate.
    struct XorShift(u64);
    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    #[test]
    fn a_timed_appointment_is_a_floating_one_hour_event() {
        let ics = appointment_to_ics(
            &appt(NaiveTime::from_hms_opt(23, 30, 0)),
            now(),
            "waymark.app",
        );
        let lines = unfold(&ics);
        assert_eq!(value(&lines, "DTSTART:"), Some("20250301T233000"));
        // One hour later crosses midnight into the next day.
        assert_eq!(value(&lines, "DTEND:"), Some("20250302T003000"));
        assert_eq!(value(&lines, "DTSTAMP:"), Some("20250220T080509Z"));
        assert!(!ics.contains("TZID"));
        assert!(!ics.contains("VALUE=DATE"));
    }

    #[test]
    fn an_appointment_without_a_time_is_all_day() {
        let mut a = appt(None);
        a.date = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        let lines = unfold(&appointment_to_ics(&a, now(), "waymark.app"));
        assert_eq!(value(&lines, "DTSTART;VALUE=DATE:"), Some("20241231"));
        assert_eq!(value(&lines, "DTEND;VALUE=DATE:"), Some("20250101"));
        assert_eq!(value(&lines, "DTSTART:"), None);
    }

    #[test]
    fn the_calendar_has_the_required_frame_and_properties() {
        let lines = unfold(&appointment_to_ics(&appt(None), now(), "waymark.app"));
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
        assert!(lines.contains(&"VERSION:2.0".to_string()));
        assert!(value(&lines, "PRODID:").is_some());
        assert_eq!(value(&lines, "UID:"), Some("a1@waymark.app"));
        assert_eq!(value(&lines, "SUMMARY:"), Some("Appointment with Dr Lee"));
        assert!(lines.contains(&"BEGIN:VEVENT".to_string()));
        assert!(lines.contains(&"END:VEVENT".to_string()));
        // No place and no questions: those properties are left out.
        assert_eq!(value(&lines, "LOCATION:"), None);
        assert_eq!(value(&lines, "DESCRIPTION:"), None);
    }

    #[test]
    fn every_line_ends_in_crlf() {
        let mut a = appt(NaiveTime::from_hms_opt(9, 0, 0));
        a.questions = "Line one\nLine two\r\nLine three\rLine four".into();
        a.place = "Clinic".into();
        let ics = appointment_to_ics(&a, now(), "waymark.app");
        assert!(ics.ends_with("\r\n"));
        for (i, b) in ics.bytes().enumerate() {
            if b == b'\n' {
                assert_eq!(ics.as_bytes()[i - 1], b'\r', "bare LF at byte {i}");
            }
            if b == b'\r' {
                assert_eq!(
                    ics.as_bytes().get(i + 1),
                    Some(&b'\n'),
                    "bare CR at byte {i}"
                );
            }
        }
    }

    #[test]
    fn text_escaping_covers_backslash_semicolon_comma_and_newline() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(
            escape_text("one\ntwo\r\nthree\rfour"),
            r"one\ntwo\nthree\nfour"
        );
        assert_eq!(escape_text("bell\u{7}tab\t"), "belltab\t");
        assert_eq!(escape_text("a:b"), "a:b");
    }

    #[test]
    fn a_long_line_of_multibyte_text_folds_without_splitting_a_character() {
        let text = "Ask about the dose schedule — ça va? 日本語のテキスト 🙂🙂 ".repeat(6);
        let folded = fold_line(&format!("DESCRIPTION:{text}"));
        // Check the raw octets: every physical line is at most 75 octets,
        // decodes as UTF-8 on its own (a split character would not), and is
        // only broken when the next character would not fit (so at least 72).
        let physical: Vec<&[u8]> = folded
            .as_bytes()
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| l.strip_suffix(b"\r").unwrap())
            .collect();
        for (i, line) in physical.iter().enumerate() {
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "line {i} is {} octets",
                line.len()
            );
            assert!(
                std::str::from_utf8(line).is_ok(),
                "line {i} splits a character"
            );
            if i > 0 {
                assert_eq!(line[0], b' ');
            }
            if i + 1 < physical.len() {
                assert!(line.len() > MAX_LINE_OCTETS - 4, "line {i} folded early");
            }
        }
        assert!(folded.matches("\r\n").count() > 3);
        assert_eq!(unfold(&folded), vec![format!("DESCRIPTION:{text}")]);
    }

    #[test]
    fn folding_random_text_always_respects_the_limit_and_unfolds_exactly() {
        let alphabet: Vec<char> = "ab ,;\\xé€日🙂Ωz".chars().collect();
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..300 {
            let len = (rng.next() % 400) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
                .collect();
            let line = format!("SUMMARY:{}", escape_text(&text));
            let folded = fold_line(&line);
            for physical in folded.split("\r\n") {
                assert!(physical.len() <= MAX_LINE_OCTETS);
            }
            let back = unfold(&folded);
            assert_eq!(back, vec![line.clone()]);
            assert_eq!(unescape(back[0].strip_prefix("SUMMARY:").unwrap()), text);
        }
    }

    #[test]
    fn a_line_of_exactly_seventy_five_octets_is_not_folded() {
        let line = "X".repeat(75);
        assert_eq!(fold_line(&line), format!("{line}\r\n"));
        let longer = "X".repeat(76);
        assert_eq!(fold_line(&longer), format!("{}\r\n X\r\n", "X".repeat(75)));
    }

    #[test]
    fn unfolding_and_unescaping_give_back_the_users_text() {
        let mut a = appt(NaiveTime::from_hms_opt(14, 15, 0));
        a.with_whom = "Dr Lee; clinic, room 4 \\ east".into();
        a.place =
            "Ünïcode Health Centre, 12 Long Road; Floor 3 — ask at the front desk, please".into();
        a.questions = "Can we talk about take-home doses?\nWhat if I miss one, what then?\n\
                       Is my new job's shift pattern OK with pick-up times; 7am?"
            .into();
        let ics = appointment_to_ics(&a, now(), "waymark.app");
        for physical in ics.split("\r\n") {
            assert!(physical.len() <= MAX_LINE_OCTETS);
        }
        let lines = unfold(&ics);
        assert_eq!(
            unescape(value(&lines, "SUMMARY:").unwrap()),
            "Appointment with Dr Lee; clinic, room 4 \\ east"
        );
        assert_eq!(unescape(value(&lines, "LOCATION:").unwrap()), a.place);
        assert_eq!(
            unescape(value(&lines, "DESCRIPTION:").unwrap()),
            format!("Questions to ask:\n{}", a.questions)
        );
    }

    #[test]
    fn a_uri_value_loses_spaces_and_control_characters_but_keeps_its_punctuation() {
        assert_eq!(
            uri_value("https://ex.org/a,b;c\\d \r\nX\u{7}"),
            "https://ex.org/a,b;c\\dX"
        );
    }

    #[test]
    fn the_file_name_carries_the_date() {
        assert_eq!(ics_file_name(&appt(None)), "appointment-2025-03-01.ics");
    }
}
