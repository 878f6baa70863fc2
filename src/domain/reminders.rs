//! Reminders with no server: the daily check-in reminder and weekly meeting
//! reminders, as calendar files the phone's own calendar rings.
//!
//! Waymark cannot send a notification at a set time: there is no server to
//! push one, and a web page that is closed runs nothing. So each reminder is
//! an RFC 5545 calendar file (`.ics`) with a repeating event (`RRULE`) and an
//! alarm (`VALARM`, `ACTION:DISPLAY`). The user opens it once; the calendar
//! app keeps it and rings.
//!
//! - **Updates, not duplicates.** Every reminder has a stable `UID`: the
//!   daily one is made from a random id stored in [`DailyReminder`] the first
//!   time, a meeting's from the meeting's id. Adding the file again (a new
//!   time, a different lead, discreet mode turned on) replaces the event in
//!   calendars that follow the standard. `SEQUENCE` is the minute of the
//!   download (minutes since 1970, UTC) and `DTSTAMP`/`LAST-MODIFIED` its
//!   second, so a later file is always the newer revision, with nothing more
//!   to store. The file says `METHOD:PUBLISH`, as calendar exports do.
//! - **Floating local time.** `DTSTART` has no `Z` and no `TZID`: a reminder
//!   at 20:00 rings at 20:00 on the phone's clock, in whatever zone the phone
//!   is in, and across daylight-saving changes. A `TZID` would tie it to the
//!   zone of the day it was made and needs a `VTIMEZONE` block of rules in
//!   the file; for "every day at eight" floating time is what the user means.
//!   The appointment export (`ics.rs`) makes the same choice.
//! - **Discreet mode.** The title is neutral ("Daily note", "Weekly note", in
//!   the user's language), and the event holds nothing else: no description,
//!   place, link, app name or recovery word. `PRODID` becomes
//!   [`DISCREET_PRODID`]. The UID is the same in both modes (it has no words
//!   in it), so turning discreet mode on and adding the file again renames
//!   the existing event.
//! - **Privacy.** A meeting's event carries its name, place and link, never
//!   its notes: calendars often copy events to an online account.
//!
//! The texts are in the current language (`crate::i18n`). The domain has no
//! clock: the caller passes the local and UTC times in an [`IcsContext`].
//!
//! (Issue 13, part 1.)

use chrono::{Duration, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::domain::ics::{escape_text, push_line, uri_value, STAMP};
use crate::domain::ids::is_valid_id;
use crate::domain::tools::Meeting;
use crate::i18n::{tr, trn, Key};

/// The daily check-in reminder the user set up; `None` in the settings if never.
///
/// Stored in the settings document (`rm`). `id` is made once, at random,
/// and kept: it is what makes the calendar event's UID the same every time.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct DailyReminder {
    /// Random, made the first time the reminder is downloaded.
    #[serde(rename = "i", skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// When it rings, on the phone's clock.
    #[serde(rename = "t", with = "crate::domain::iso::time")]
    pub time: NaiveTime,
}

impl Default for DailyReminder {
    fn default() -> Self {
        DailyReminder {
            id: String::new(),
            time: DEFAULT_TIME,
        }
    }
}

impl DailyReminder {
    pub fn new(id: impl Into<String>, time: NaiveTime) -> Self {
        DailyReminder {
            id: id.into(),
            time,
        }
    }

    /// The event's UID: `daily-<id>`. An id that is missing or not an id
    /// (a hand-edited backup) gives plain `daily`, which is still the same
    /// every time.
    pub fn uid(&self) -> String {
        stable_uid("daily", &self.id)
    }
}

/// The time offered before the user picks one: 8 in the evening.
pub const DEFAULT_TIME: NaiveTime = match NaiveTime::from_hms_opt(20, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// The leads offered for a meeting reminder, in minutes before it starts.
pub const MEETING_LEADS: [u32; 4] = [5, 15, 30, 60];
/// The lead offered first.
pub const DEFAULT_MEETING_LEAD: u32 = 15;
/// The longest lead accepted: a day.
const MAX_LEAD: u32 = 24 * 60;

/// How long the daily reminder's event lasts in the calendar.
const DAILY_MINUTES: i64 = 15;
/// How long a meeting's event lasts (the app does not know its end).
const MEETING_MINUTES: i64 = 60;

/// The product id of a normal reminder file.
pub const PRODID: &str = "-//Waymark//Reminders//EN";
/// The product id in discreet mode: no app name.
pub const DISCREET_PRODID: &str = "-//Notes//Calendar note//EN";

/// What a calendar file needs from outside the domain.
#[derive(Clone, Copy, Debug)]
pub struct IcsContext<'a> {
    /// The phone's local date and time now: the first event is the next
    /// one from here.
    pub now_local: NaiveDateTime,
    /// The time now in UTC, for `DTSTAMP`, `LAST-MODIFIED` and `SEQUENCE`.
    pub now_utc: NaiveDateTime,
    /// Discreet mode: a neutral title and nothing else.
    pub discreet: bool,
    /// Where the daily reminder's link opens (the app's new check-in
    /// screen). Left out in discreet mode.
    pub open_url: Option<&'a str>,
}

/// One repeating event with one alarm.
struct Event {
    uid: String,
    start: NaiveDateTime,
    minutes: i64,
    rrule: String,
    summary: String,
    description: Option<String>,
    location: Option<String>,
    url: Option<String>,
    alarm: String,
    lead_minutes: u32,
    /// Does not mark the user busy.
    transparent: bool,
}

/// `prefix-id`, or just `prefix` when `id` cannot be trusted in a UID.
fn stable_uid(prefix: &str, id: &str) -> String {
    let id = id.trim();
    if is_valid_id(id) {
        format!("{prefix}-{id}")
    } else {
        prefix.to_owned()
    }
}

/// The iCalendar weekday code (`MO` … `SU`).
pub fn byday(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// The revision number of a file made at `now_utc`: whole minutes since
/// 1970. It only grows, so each download is newer than the one before.
pub fn sequence(now_utc: NaiveDateTime) -> i64 {
    now_utc
        .and_utc()
        .timestamp()
        .div_euclid(60)
        .clamp(0, i64::from(i32::MAX))
}

/// The next daily start from `now_local`: today if the time is still
/// ahead, else tomorrow.
pub fn next_daily_start(time: NaiveTime, now_local: NaiveDateTime) -> NaiveDateTime {
    let today = now_local.date();
    let date = if now_local.time() < time {
        today
    } else {
        today.succ_opt().unwrap_or(today)
    };
    date.and_time(time)
}

/// The next start of a weekly meeting from `now_local` (next week's if
/// today's has begun). Always on the meeting's weekday, as the rule says.
pub fn next_meeting_start(m: &Meeting, now_local: NaiveDateTime) -> NaiveDateTime {
    let today = now_local.date();
    let mut date = m.next_date(today);
    if date == today && m.time <= now_local.time() {
        date += Duration::days(7);
    }
    date.and_time(m.time)
}

/// The daily reminder's title: "Daily note" in discreet mode.
pub fn daily_title(discreet: bool) -> &'static str {
    if discreet {
        tr(Key::RemindersEventDiscreetDaily)
    } else {
        tr(Key::RemindersEventDailyTitle)
    }
}

/// A meeting reminder's title: the meeting's name, or "Weekly note" in
/// discreet mode.
pub fn meeting_title(m: &Meeting, discreet: bool) -> String {
    let name = m.name.trim();
    if discreet {
        tr(Key::RemindersEventDiscreetWeekly).to_owned()
    } else if name.is_empty() {
        tr(Key::MeetingsAMeeting).to_owned()
    } else {
        name.to_owned()
    }
}

/// The daily check-in reminder as a calendar file.
pub fn daily_ics(r: &DailyReminder, cx: &IcsContext) -> String {
    let title = daily_title(cx.discreet);
    let description = (!cx.discreet).then(|| {
        let text = tr(Key::RemindersEventDailyDescription);
        match cx.open_url.map(uri_value).filter(|u| !u.is_empty()) {
            Some(url) => format!("{text}\n{url}"),
            None => text.to_owned(),
        }
    });
    let url = cx
        .open_url
        .filter(|_| !cx.discreet)
        .map(uri_value)
        .filter(|u| !u.is_empty());
    render(
        &Event {
            uid: r.uid(),
            start: next_daily_start(r.time, cx.now_local),
            minutes: DAILY_MINUTES,
            rrule: "FREQ=DAILY".to_owned(),
            summary: title.to_owned(),
            description,
            location: None,
            url,
            alarm: title.to_owned(),
            lead_minutes: 0,
            transparent: true,
        },
        cx,
    )
}

/// The UID of a meeting's reminder: `weekly-<meeting id>`.
pub fn meeting_uid(m: &Meeting) -> String {
    stable_uid("weekly", &m.id)
}

/// A weekly reminder for a saved meeting, `lead_minutes` before it starts
/// (at most a day).
pub fn meeting_ics(m: &Meeting, lead_minutes: u32, cx: &IcsContext) -> String {
    let lead = lead_minutes.min(MAX_LEAD);
    let title = meeting_title(m, cx.discreet);
    let alarm = if cx.discreet || lead == 0 {
        title.clone()
    } else {
        trn(
            Key::RemindersEventMeetingAlarm,
            i64::from(lead),
            &[("name", &title)],
        )
    };
    let (description, location, url) = if cx.discreet {
        (None, None, None)
    } else {
        let link = m
            .link_href()
            .map(|l| uri_value(&l))
            .filter(|l| !l.is_empty());
        let place = Some(m.place.trim().to_owned()).filter(|p| !p.is_empty());
        (link.clone(), place, link)
    };
    render(
        &Event {
            uid: meeting_uid(m),
            start: next_meeting_start(m, cx.now_local),
            minutes: MEETING_MINUTES,
            rrule: format!("FREQ=WEEKLY;BYDAY={}", byday(m.weekday)),
            summary: title,
            description,
            location,
            url,
            alarm,
            lead_minutes: lead,
            transparent: false,
        },
        cx,
    )
}

/// The daily reminder's file name (no recovery words, in any mode).
pub fn daily_file_name() -> &'static str {
    "reminder-daily.ics"
}

/// A meeting reminder's file name, e.g. `reminder-weekly-tu-1900.ics`.
pub fn meeting_file_name(m: &Meeting) -> String {
    format!(
        "reminder-weekly-{}-{}.ics",
        byday(m.weekday).to_ascii_lowercase(),
        super::iso::format_time(m.time).replace(':', "")
    )
}

fn render(ev: &Event, cx: &IcsContext) -> String {
    let mut out = String::new();
    let line = |out: &mut String, l: &str| push_line(out, l);
    let text = |out: &mut String, name: &str, value: &str| {
        push_line(out, &format!("{name}:{}", escape_text(value)));
    };
    let stamp = format!("{}Z", cx.now_utc.format(STAMP));

    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(
        &mut out,
        &format!(
            "PRODID:{}",
            if cx.discreet { DISCREET_PRODID } else { PRODID }
        ),
    );
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, "BEGIN:VEVENT");
    text(&mut out, "UID", &ev.uid);
    line(&mut out, &format!("DTSTAMP:{stamp}"));
    line(&mut out, &format!("LAST-MODIFIED:{stamp}"));
    line(&mut out, &format!("SEQUENCE:{}", sequence(cx.now_utc)));
    line(&mut out, &format!("DTSTART:{}", ev.start.format(STAMP)));
    let end = ev.start + Duration::minutes(ev.minutes);
    line(&mut out, &format!("DTEND:{}", end.format(STAMP)));
    line(&mut out, &format!("RRULE:{}", ev.rrule));
    text(&mut out, "SUMMARY", &ev.summary);
    if let Some(d) = &ev.description {
        text(&mut out, "DESCRIPTION", d);
    }
    if let Some(l) = &ev.location {
        text(&mut out, "LOCATION", l);
    }
    if let Some(u) = &ev.url {
        line(&mut out, &format!("URL:{u}"));
    }
    line(&mut out, "CLASS:PRIVATE");
    if ev.transparent {
        line(&mut out, "TRANSP:TRANSPARENT");
    }
    line(&mut out, "BEGIN:VALARM");
    line(&mut out, "ACTION:DISPLAY");
    text(&mut out, "DESCRIPTION", &ev.alarm);
    if ev.lead_minutes == 0 {
        line(&mut out, "TRIGGER:PT0S");
    } else {
        line(&mut out, &format!("TRIGGER:-PT{}M", ev.lead_minutes));
    }
    line(&mut out, "END:VALARM");
    line(&mut out, "END:VEVENT");
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ics::tests::{unescape, unfold};
    use crate::domain::ics::MAX_LINE_OCTETS;
    use crate::i18n::Lang;
    use chrono::{Datelike, NaiveDate};

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    /// 2025-03-04 (a Tuesday) at 18:30 on the phone, 17:30 UTC.
    fn cx(discreet: bool) -> IcsContext<'static> {
        IcsContext {
            now_local: at(2025, 3, 4, 18, 30),
            now_utc: at(2025, 3, 4, 17, 30),
            discreet,
            open_url: Some("https://waymark.example/journal/new"),
        }
    }

    fn meeting() -> Meeting {
        Meeting {
            id: "0mmhk2x4q3f9z".into(),
            name: "Tuesday NA group".into(),
            weekday: Weekday::Tue,
            time: time(19, 0),
            place: "Church hall, room 2".into(),
            link: "zoom.us/j/123".into(),
            notes: "Bring my recovery book".into(),
            updated_ms: 0,
        }
    }

    /// The value of the first property `name` (as in `"SUMMARY:"`) in the
    /// event, before its alarm.
    fn event<'a>(lines: &'a [String], name: &str) -> Option<&'a str> {
        lines
            .iter()
            .take_while(|l| *l != "BEGIN:VALARM")
            .find_map(|l| l.strip_prefix(name))
    }

    /// The lines of the alarm, without its BEGIN and END.
    fn alarm(lines: &[String]) -> Vec<String> {
        lines
            .iter()
            .skip_while(|l| *l != "BEGIN:VALARM")
            .skip(1)
            .take_while(|l| *l != "END:VALARM")
            .cloned()
            .collect()
    }

    fn assert_well_formed(ics: &str) {
        assert!(ics.ends_with("\r\n"));
        for (i, b) in ics.bytes().enumerate() {
            if b == b'\n' {
                assert_eq!(ics.as_bytes()[i - 1], b'\r', "bare LF at byte {i}");
            }
            if b == b'\r' {
                assert_eq!(ics.as_bytes().get(i + 1), Some(&b'\n'), "bare CR at {i}");
            }
        }
        for physical in ics.split("\r\n") {
            assert!(
                physical.len() <= MAX_LINE_OCTETS,
                "{physical:?} is too long"
            );
        }
        let lines = unfold(ics);
        let begins: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("BEGIN:"))
            .collect();
        assert_eq!(begins, ["VCALENDAR", "VEVENT", "VALARM"]);
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
        assert_eq!(lines.iter().filter(|l| l.starts_with("UID:")).count(), 1);
    }

    #[test]
    fn the_daily_reminder_repeats_every_day_at_the_floating_local_time() {
        let r = DailyReminder::new("0mmhk2x4q3f9z", time(20, 15));
        let ics = daily_ics(&r, &cx(false));
        assert_well_formed(&ics);
        let lines = unfold(&ics);
        assert_eq!(event(&lines, "RRULE:"), Some("FREQ=DAILY"));
        // 18:30 now, 20:15 is still ahead: today.
        assert_eq!(event(&lines, "DTSTART:"), Some("20250304T201500"));
        assert_eq!(event(&lines, "DTEND:"), Some("20250304T203000"));
        assert_eq!(event(&lines, "DTSTAMP:"), Some("20250304T173000Z"));
        assert_eq!(event(&lines, "TRANSP:"), Some("TRANSPARENT"));
        assert!(!ics.contains("TZID"), "floating time has no zone");
        assert_eq!(
            event(&lines, "SUMMARY:"),
            Some(tr(Key::RemindersEventDailyTitle))
        );
        assert_eq!(
            event(&lines, "URL:"),
            Some("https://waymark.example/journal/new")
        );
        assert!(unescape(event(&lines, "DESCRIPTION:").unwrap())
            .ends_with("\nhttps://waymark.example/journal/new"));
    }

    #[test]
    fn a_daily_time_already_past_today_starts_tomorrow() {
        let now = at(2025, 12, 31, 21, 0);
        assert_eq!(next_daily_start(time(8, 0), now), at(2026, 1, 1, 8, 0));
        // The same minute counts as past: the next one is tomorrow.
        assert_eq!(next_daily_start(time(21, 0), now), at(2026, 1, 1, 21, 0));
        assert_eq!(next_daily_start(time(21, 1), now), at(2025, 12, 31, 21, 1));
    }

    #[test]
    fn the_daily_alarm_shows_the_title_when_the_event_starts() {
        let lines = unfold(&daily_ics(&DailyReminder::default(), &cx(false)));
        let alarm = alarm(&lines);
        assert!(alarm.contains(&"ACTION:DISPLAY".to_string()));
        assert!(alarm.contains(&"TRIGGER:PT0S".to_string()));
        assert!(alarm.contains(&format!(
            "DESCRIPTION:{}",
            escape_text(tr(Key::RemindersEventDailyTitle))
        )));
        assert_eq!(event(&lines, "DTSTART:"), Some("20250304T200000"));
    }

    #[test]
    fn the_daily_uid_stays_the_same_and_each_download_is_a_newer_revision() {
        let first = DailyReminder::new("0mmhk2x4q3f9z", time(7, 0));
        let mut later_cx = cx(false);
        later_cx.now_utc = at(2025, 3, 9, 6, 45);
        later_cx.now_local = at(2025, 3, 9, 7, 45);
        // A new time, a later day, discreet mode: still the same event.
        let moved = DailyReminder::new("0mmhk2x4q3f9z", time(21, 30));
        let a = unfold(&daily_ics(&first, &cx(false)));
        let b = unfold(&daily_ics(&moved, &later_cx));
        let c = unfold(&daily_ics(
            &moved,
            &IcsContext {
                discreet: true,
                ..later_cx
            },
        ));
        let uid = event(&a, "UID:");
        assert_eq!(uid, Some("daily-0mmhk2x4q3f9z"));
        assert_eq!(event(&b, "UID:"), uid);
        assert_eq!(event(&c, "UID:"), uid);
        let seq = |l: &[String]| event(l, "SEQUENCE:").unwrap().parse::<i64>().unwrap();
        assert!(seq(&b) > seq(&a));
        assert_eq!(seq(&a), at(2025, 3, 4, 17, 30).and_utc().timestamp() / 60);
        assert!(event(&b, "DTSTAMP:") > event(&a, "DTSTAMP:"));
        assert_eq!(event(&b, "LAST-MODIFIED:"), event(&b, "DTSTAMP:"));
        assert_eq!(sequence(at(1960, 1, 1, 0, 0)), 0);
    }

    #[test]
    fn a_reminder_without_a_usable_id_still_has_one_stable_uid() {
        assert_eq!(DailyReminder::default().uid(), "daily");
        assert_eq!(DailyReminder::new("bad id\r\nX", time(8, 0)).uid(), "daily");
        let mut m = meeting();
        m.id = "x;y".into();
        assert_eq!(meeting_uid(&m), "weekly");
    }

    #[test]
    fn a_meeting_reminder_repeats_weekly_on_its_day_and_rings_before_it() {
        let m = meeting();
        for lead in MEETING_LEADS {
            let ics = meeting_ics(&m, lead, &cx(false));
            assert_well_formed(&ics);
            let lines = unfold(&ics);
            assert_eq!(event(&lines, "RRULE:"), Some("FREQ=WEEKLY;BYDAY=TU"));
            assert_eq!(event(&lines, "UID:"), Some("weekly-0mmhk2x4q3f9z"));
            assert!(alarm(&lines).contains(&format!("TRIGGER:-PT{lead}M")));
            assert!(alarm(&lines).contains(&"ACTION:DISPLAY".to_string()));
        }
        let lines = unfold(&meeting_ics(&m, 15, &cx(false)));
        // Tuesday 18:30 now, the meeting is at 19:00 today.
        assert_eq!(event(&lines, "DTSTART:"), Some("20250304T190000"));
        assert_eq!(event(&lines, "DTEND:"), Some("20250304T200000"));
        assert_eq!(event(&lines, "SUMMARY:"), Some("Tuesday NA group"));
        assert_eq!(
            unescape(event(&lines, "LOCATION:").unwrap()),
            "Church hall, room 2"
        );
        assert_eq!(event(&lines, "URL:"), Some("https://zoom.us/j/123"));
        assert_eq!(event(&lines, "TRANSP:"), None);
        let alarm_text = alarm(&lines)
            .iter()
            .find_map(|l| l.strip_prefix("DESCRIPTION:").map(unescape))
            .unwrap();
        assert_eq!(alarm_text, "Tuesday NA group starts in 15 minutes");
        // The notes stay in the app.
        assert!(!unfold(&meeting_ics(&m, 15, &cx(false)))
            .iter()
            .any(|l| l.contains("book")));
        // A later lead or a changed day is the same event.
        let mut moved = m.clone();
        moved.weekday = Weekday::Sun;
        let lines = unfold(&meeting_ics(&moved, 60, &cx(false)));
        assert_eq!(event(&lines, "UID:"), Some("weekly-0mmhk2x4q3f9z"));
        assert_eq!(event(&lines, "RRULE:"), Some("FREQ=WEEKLY;BYDAY=SU"));
        assert_eq!(event(&lines, "DTSTART:"), Some("20250309T190000"));
    }

    #[test]
    fn a_meeting_that_has_begun_today_starts_next_week() {
        let mut m = meeting();
        m.time = time(18, 30);
        let start = next_meeting_start(&m, at(2025, 3, 4, 18, 30));
        assert_eq!(start, at(2025, 3, 11, 18, 30));
        for wd in crate::domain::insights::WEEKDAYS {
            m.weekday = wd;
            let s = next_meeting_start(&m, at(2025, 3, 4, 12, 0));
            assert_eq!(s.weekday(), wd);
            assert!(s > at(2025, 3, 4, 12, 0) && s <= at(2025, 3, 11, 12, 0));
        }
        assert_eq!(meeting_file_name(&meeting()), "reminder-weekly-tu-1900.ics");
    }

    const RECOVERY_WORDS: [&str; 12] = [
        "waymark", "recovery", "check-in", "check in", "meeting", "na group", "craving", "clean",
        "opioid", "sober", "church", "zoom",
    ];

    fn assert_no_recovery_words(ics: &str) {
        let lower = unfold(ics).join("\n").to_lowercase();
        for word in RECOVERY_WORDS {
            assert!(!lower.contains(word), "{word:?} is in {lower}");
        }
    }

    #[test]
    fn discreet_mode_gives_a_neutral_title_and_nothing_else() {
        let daily = daily_ics(&DailyReminder::new("0mmhk2x4q3f9z", time(9, 0)), &cx(true));
        assert_well_formed(&daily);
        let lines = unfold(&daily);
        assert_eq!(event(&lines, "SUMMARY:"), Some("Daily note"));
        assert_eq!(event(&lines, "DESCRIPTION:"), None);
        assert_eq!(event(&lines, "URL:"), None);
        assert_eq!(event(&lines, "PRODID:"), Some(DISCREET_PRODID));
        assert!(alarm(&lines).contains(&"DESCRIPTION:Daily note".to_string()));
        assert_no_recovery_words(&daily);

        let weekly = meeting_ics(&meeting(), 30, &cx(true));
        assert_well_formed(&weekly);
        let lines = unfold(&weekly);
        assert_eq!(event(&lines, "SUMMARY:"), Some("Weekly note"));
        assert_eq!(event(&lines, "LOCATION:"), None);
        assert_eq!(event(&lines, "URL:"), None);
        assert_eq!(event(&lines, "DESCRIPTION:"), None);
        assert!(alarm(&lines).contains(&"DESCRIPTION:Weekly note".to_string()));
        assert!(alarm(&lines).contains(&"TRIGGER:-PT30M".to_string()));
        assert_no_recovery_words(&weekly);
        assert_no_recovery_words(daily_file_name());
        assert_no_recovery_words(&meeting_file_name(&meeting()));
    }

    #[test]
    fn the_event_texts_are_in_the_users_language() {
        crate::i18n::tests::speak(Lang::Es);
        let lines = unfold(&daily_ics(&DailyReminder::default(), &cx(true)));
        assert_eq!(event(&lines, "SUMMARY:"), Some("Nota diaria"));
        let lines = unfold(&meeting_ics(&meeting(), 5, &cx(false)));
        let alarm_text = alarm(&lines)
            .iter()
            .find_map(|l| l.strip_prefix("DESCRIPTION:").map(unescape))
            .unwrap();
        assert_eq!(alarm_text, "Tuesday NA group empieza en 5 minutos");
        let lines = unfold(&daily_ics(&DailyReminder::default(), &cx(false)));
        assert_eq!(
            event(&lines, "SUMMARY:"),
            Some(escape_text(tr(Key::RemindersEventDailyTitle)).as_str())
        );
        assert!(!tr(Key::RemindersEventDailyTitle).is_empty());
        crate::i18n::use_english();
    }

    #[test]
    fn a_long_hostile_meeting_name_is_escaped_and_folded() {
        let mut m = meeting();
        m.name = "Grupo \"Nueva Vida\"; martes, sala 3 \\ piso 2\r\nBEGIN:VALARM\nTRIGGER:-PT1M, \
                  🙂 日本語 ça va — 12 pasos; abierto a todos, con café y galletas, \\n no es salto"
            .into();
        m.place = "Calle Mayor 5; 2º, puerta B\nEND:VEVENT".into();
        m.link = "https://example.org/a,b;c\u{7}d".into();
        let ics = meeting_ics(&m, 15, &cx(false));
        assert_well_formed(&ics);
        let lines = unfold(&ics);
        // The name cannot open a second alarm or end the event.
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VALARM").count(), 1);
        assert_eq!(lines.iter().filter(|l| *l == "END:VEVENT").count(), 1);
        let summary = event(&lines, "SUMMARY:").unwrap();
        assert!(summary.contains(r"\;") && summary.contains(r"\,") && summary.contains(r"\\"));
        assert!(summary.contains(r"\n"));
        assert_eq!(unescape(summary), m.name.trim().replace("\r\n", "\n"));
        assert_eq!(unescape(event(&lines, "LOCATION:").unwrap()), m.place);
        // Folded into several physical lines, none over 75 octets, and no
        // character split (the file is valid UTF-8 line by line).
        let summary_lines = ics
            .split("\r\n")
            .skip_while(|l| !l.starts_with("SUMMARY:"))
            .take_while(|l| l.starts_with("SUMMARY:") || l.starts_with(' '))
            .count();
        assert!(summary_lines >= 3, "{summary_lines}");
        // A control character never reaches a URI.
        assert_eq!(event(&lines, "URL:"), Some("https://example.org/a,b;cd"));
    }

    #[test]
    fn a_stored_reminder_keeps_its_short_names_and_an_empty_one_still_loads() {
        let r = DailyReminder::new("0mmhk2x4q3f9z", time(6, 45));
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, r#"{"i":"0mmhk2x4q3f9z","t":"06:45:00"}"#);
        assert_eq!(serde_json::from_str::<DailyReminder>(&json).unwrap(), r);
        let empty: DailyReminder = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, DailyReminder::default());
        assert_eq!(empty.time, DEFAULT_TIME);
    }

    #[test]
    fn a_lead_longer_than_a_day_is_cut_to_a_day() {
        let lines = unfold(&meeting_ics(&meeting(), 10_000, &cx(false)));
        assert!(alarm(&lines).contains(&"TRIGGER:-PT1440M".to_string()));
    }
}
