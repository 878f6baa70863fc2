//! Insights: pure summaries of the journal and tool records for the charts
//! (each also shown as a table). Nothing here judges; it shows patterns the
//! user can take to their team.
//!
//! Functions over check-ins take any iterator of `&CheckIn`, so the screen
//! can pass the whole journal (`&checkins`) or a range from [`in_span`].

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::domain::checkin::CheckIn;
use crate::domain::tools::exercise::ExerciseLog;
use crate::domain::tools::meeting::{attendance_per_month, Attendance};
use crate::domain::tools::sows::{trend, SowsRating};

const MS_PER_DAY: i64 = 86_400_000;
const MS_PER_HOUR: i64 = 3_600_000;
/// How many "what helped" items to show for each trigger.
pub const HELPED_PER_TRIGGER: usize = 3;

/// The range picker on the insights screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Span {
    /// The last 7 days, today included.
    #[default]
    Week,
    /// The last 30 days, today included.
    Month,
    /// Everything.
    All,
}

impl Span {
    /// The first day in the span, or `None` for all time.
    pub fn start(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            Span::Week => Some(today - Duration::days(6)),
            Span::Month => Some(today - Duration::days(29)),
            Span::All => None,
        }
    }

    /// True when `date` is in the span. Dates after `today` (a clock that
    /// was wrong once) are only counted under `All`.
    pub fn contains(self, date: NaiveDate, today: NaiveDate) -> bool {
        match self.start(today) {
            Some(start) => date >= start && date <= today,
            None => true,
        }
    }
}

/// The check-ins whose date is in `span`, in their original order.
pub fn in_span(checkins: &[CheckIn], span: Span, today: NaiveDate) -> Vec<&CheckIn> {
    checkins
        .iter()
        .filter(|c| span.contains(c.date, today))
        .collect()
}

fn mean(total: u32, n: u32) -> Option<f32> {
    (n > 0).then(|| total as f32 / n as f32)
}

/// Mood and craving for one day, averaged over that day's check-ins.
#[derive(Debug, Clone, PartialEq)]
pub struct DayPoint {
    pub date: NaiveDate,
    pub mood: f32,
    pub craving: f32,
    /// How many check-ins the day had.
    pub entries: u32,
    /// True if any check-in that day logged a use.
    pub used: bool,
}

/// Daily averages of mood and craving over `span`, oldest first. Days with
/// no check-in are left out (the chart shows them as gaps).
pub fn daily_series(checkins: &[CheckIn], span: Span, today: NaiveDate) -> Vec<DayPoint> {
    let mut days: BTreeMap<NaiveDate, (u32, u32, u32, bool)> = BTreeMap::new();
    for c in checkins.iter().filter(|c| span.contains(c.date, today)) {
        let e = days.entry(c.date).or_default();
        e.0 += u32::from(c.mood);
        e.1 += u32::from(c.craving);
        e.2 += 1;
        e.3 |= c.used;
    }
    days.into_iter()
        .map(|(date, (mood, craving, n, used))| DayPoint {
            date,
            mood: mood as f32 / n as f32,
            craving: craving as f32 / n as f32,
            entries: n,
            used,
        })
        .collect()
}

/// Craving in one bucket (an hour of the day or a weekday).
#[derive(Debug, Clone, PartialEq)]
pub struct CravingBucket<K> {
    pub key: K,
    pub entries: u32,
    /// Average craving, `None` when the bucket is empty.
    pub mean_craving: Option<f32>,
}

/// The local hour (0-23) of a UTC instant, for an offset in minutes east of
/// UTC (UTC-5 is -300). JavaScript's `getTimezoneOffset()` has the opposite
/// sign, so the caller passes its negation.
pub fn local_hour(utc_ms: i64, utc_offset_minutes: i32) -> u8 {
    let local = utc_ms + i64::from(utc_offset_minutes) * 60_000;
    (local.rem_euclid(MS_PER_DAY) / MS_PER_HOUR) as u8
}

/// Average craving by the hour the check-in was first saved, 24 buckets from
/// midnight. Check-ins without a saved time (`created_ms` 0, from old
/// versions) are left out. One offset is used for every entry, so entries
/// from the other side of a daylight-saving change can shift by an hour.
pub fn craving_by_hour<'a>(
    checkins: impl IntoIterator<Item = &'a CheckIn>,
    utc_offset_minutes: i32,
) -> Vec<CravingBucket<u8>> {
    let mut sums = [(0u32, 0u32); 24];
    for c in checkins.into_iter().filter(|c| c.created_ms != 0) {
        let h = usize::from(local_hour(c.created_ms, utc_offset_minutes));
        sums[h].0 += u32::from(c.craving);
        sums[h].1 += 1;
    }
    (0u8..24)
        .zip(sums)
        .map(|(key, (total, n))| CravingBucket {
            key,
            entries: n,
            mean_craving: mean(total, n),
        })
        .collect()
}

/// Every weekday, Monday first.
pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Average craving by weekday, Monday first. The weekday comes from the
/// check-in's own date (the day it is about), not from when it was saved.
pub fn craving_by_weekday<'a>(
    checkins: impl IntoIterator<Item = &'a CheckIn>,
) -> Vec<CravingBucket<Weekday>> {
    let mut sums = [(0u32, 0u32); 7];
    for c in checkins {
        let d = c.date.weekday().num_days_from_monday() as usize;
        sums[d].0 += u32::from(c.craving);
        sums[d].1 += 1;
    }
    WEEKDAYS
        .into_iter()
        .zip(sums)
        .map(|(key, (total, n))| CravingBucket {
            key,
            entries: n,
            mean_craving: mean(total, n),
        })
        .collect()
}

/// One trigger, how often it came up, and what helped on those days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerInsight {
    pub trigger: String,
    /// Check-ins that named this trigger.
    pub count: u32,
    /// The "helped" items most often named on those same check-ins, most
    /// frequent first, at most [`HELPED_PER_TRIGGER`].
    pub helped: Vec<(String, u32)>,
}

/// Counts labels case-insensitively, keeping the first spelling seen.
#[derive(Default)]
struct Tally {
    /// folded label -> (shown label, count)
    counts: BTreeMap<String, (String, u32)>,
}

impl Tally {
    fn add(&mut self, label: &str) {
        let e = self
            .counts
            .entry(label.to_lowercase())
            .or_insert_with(|| (label.to_string(), 0));
        e.1 += 1;
    }

    /// Most frequent first; ties in alphabetical order, so the result never
    /// depends on map order.
    fn ranked(self) -> Vec<(String, String, u32)> {
        let mut v: Vec<(String, String, u32)> = self
            .counts
            .into_iter()
            .map(|(folded, (shown, n))| (folded, shown, n))
            .collect();
        v.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        v
    }
}

/// Distinct, trimmed, non-blank labels of one check-in (a label listed
/// twice on one entry counts once).
fn labels(list: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for l in list.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !out.iter().any(|o| o.to_lowercase() == l.to_lowercase()) {
            out.push(l);
        }
    }
    out
}

/// The `limit` most frequent triggers, most frequent first, each with what
/// helped on the same check-ins. Labels are matched ignoring case.
pub fn top_triggers<'a>(
    checkins: impl IntoIterator<Item = &'a CheckIn>,
    limit: usize,
) -> Vec<TriggerInsight> {
    let mut triggers = Tally::default();
    let mut helped: BTreeMap<String, Tally> = BTreeMap::new();
    for c in checkins {
        let helps = labels(&c.helped);
        for t in labels(&c.triggers) {
            triggers.add(t);
            let tally = helped.entry(t.to_lowercase()).or_default();
            for h in &helps {
                tally.add(h);
            }
        }
    }
    triggers
        .ranked()
        .into_iter()
        .take(limit)
        .map(|(folded, trigger, count)| TriggerInsight {
            trigger,
            count,
            helped: helped
                .remove(&folded)
                .map(|t| {
                    t.ranked()
                        .into_iter()
                        .take(HELPED_PER_TRIGGER)
                        .map(|(_, shown, n)| (shown, n))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

/// SOWS totals over time, oldest first.
pub fn sows_totals(ratings: &[SowsRating]) -> Vec<(NaiveDate, u8)> {
    trend(ratings)
}

/// One exercise session for the "exercise and mood" chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExercisePoint {
    pub date: NaiveDate,
    pub minutes: u16,
    pub mood_before: u8,
    pub mood_after: u8,
}

/// Exercise sessions with mood before and after, and the average change.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseMood {
    /// Sessions oldest first.
    pub points: Vec<ExercisePoint>,
    /// Average of mood after minus mood before; `None` with no sessions.
    pub mean_change: Option<f32>,
}

/// Exercise minutes against mood after, for a scatter chart and a table.
pub fn exercise_vs_mood(logs: &[ExerciseLog]) -> ExerciseMood {
    let mut points: Vec<ExercisePoint> = logs
        .iter()
        .map(|l| ExercisePoint {
            date: l.date,
            minutes: l.minutes,
            mood_before: l.mood_before,
            mood_after: l.mood_after,
        })
        .collect();
    points.sort_by_key(|p| p.date);
    let change: i32 = logs.iter().map(|l| i32::from(l.mood_change())).sum();
    let mean_change = (!logs.is_empty()).then(|| change as f32 / logs.len() as f32);
    ExerciseMood {
        points,
        mean_change,
    }
}

/// Meetings attended per month, oldest first, as `(year, month, count)`.
pub fn meetings_per_month(log: &[Attendance]) -> Vec<(i32, u32, u32)> {
    attendance_per_month(log)
}

/// Check-ins that logged a use, newest first. Shown with care: each one is
/// a chance to learn, and none resets the total clean days.
pub fn lapses<'a>(checkins: impl IntoIterator<Item = &'a CheckIn>) -> Vec<&'a CheckIn> {
    let mut v: Vec<&CheckIn> = checkins.into_iter().filter(|c| c.used).collect();
    v.sort_by(|a, b| b.date.cmp(&a.date).then(b.created_ms.cmp(&a.created_ms)));
    v
}

/// Headline numbers for the printable summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub entries: u32,
    /// Distinct days with at least one check-in.
    pub days_checked_in: u32,
    pub mean_mood: Option<f32>,
    pub mean_craving: Option<f32>,
    /// Days with a use.
    pub lapse_days: u32,
}

/// Headline numbers over some check-ins (usually [`in_span`]).
pub fn summary<'a>(checkins: impl IntoIterator<Item = &'a CheckIn>) -> Summary {
    let mut entries = 0;
    let mut mood = 0;
    let mut craving = 0;
    let mut days: BTreeMap<NaiveDate, bool> = BTreeMap::new();
    for c in checkins {
        entries += 1;
        mood += u32::from(c.mood);
        craving += u32::from(c.craving);
        *days.entry(c.date).or_default() |= c.used;
    }
    Summary {
        entries,
        days_checked_in: days.len() as u32,
        mean_mood: mean(mood, entries),
        mean_craving: mean(craving, entries),
        lapse_days: days.values().filter(|&&u| u).count() as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tools::Halt;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ms(date: NaiveDate, h: u32, min: u32) -> i64 {
        date.and_hms_opt(h, min, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis()
    }

    fn entry(id: &str, date: NaiveDate, mood: u8, craving: u8) -> CheckIn {
        CheckIn {
            id: id.into(),
            date,
            mood,
            craving,
            used: false,
            halt: Halt::default(),
            triggers: Vec::new(),
            helped: Vec::new(),
            note: String::new(),
            lapse: None,
            created_ms: ms(date, 12, 0),
            updated_ms: ms(date, 12, 0),
        }
    }

    fn tagged(id: &str, triggers: &[&str], helped: &[&str]) -> CheckIn {
        let mut c = entry(id, d(2025, 1, 1), 3, 5);
        c.triggers = triggers.iter().map(|s| s.to_string()).collect();
        c.helped = helped.iter().map(|s| s.to_string()).collect();
        c
    }

    #[test]
    fn an_empty_journal_gives_empty_insights() {
        let today = d(2025, 1, 10);
        let none: Vec<CheckIn> = Vec::new();
        assert!(daily_series(&none, Span::All, today).is_empty());
        let hours = craving_by_hour(&none, 0);
        assert_eq!(hours.len(), 24);
        assert!(hours
            .iter()
            .all(|b| b.entries == 0 && b.mean_craving.is_none()));
        let days = craving_by_weekday(&none);
        assert_eq!(days.len(), 7);
        assert!(days.iter().all(|b| b.mean_craving.is_none()));
        assert!(top_triggers(&none, 5).is_empty());
        assert!(lapses(&none).is_empty());
        let s = summary(&none);
        assert_eq!((s.entries, s.days_checked_in, s.lapse_days), (0, 0, 0));
        assert_eq!(s.mean_mood, None);
        assert_eq!(exercise_vs_mood(&[]).mean_change, None);
        assert!(sows_totals(&[]).is_empty());
        assert!(meetings_per_month(&[]).is_empty());
    }

    #[test]
    fn a_one_entry_journal_gives_one_point_everywhere() {
        let today = d(2025, 1, 10);
        let journal = vec![entry("a", today, 4, 7)];
        let series = daily_series(&journal, Span::Week, today);
        assert_eq!(series.len(), 1);
        assert_eq!(series[0].mood, 4.0);
        assert_eq!(series[0].craving, 7.0);
        let hours = craving_by_hour(&journal, 0);
        assert_eq!(hours[12].entries, 1);
        assert_eq!(hours[12].mean_craving, Some(7.0));
        assert_eq!(hours.iter().map(|b| b.entries).sum::<u32>(), 1);
        // 2025-01-10 is a Friday.
        let days = craving_by_weekday(&journal);
        assert_eq!(days[4].key, Weekday::Fri);
        assert_eq!(days[4].mean_craving, Some(7.0));
        assert_eq!(summary(&journal).days_checked_in, 1);
    }

    #[test]
    fn several_entries_on_one_day_are_averaged() {
        let today = d(2025, 1, 10);
        let mut b = entry("b", today, 2, 8);
        b.used = true;
        let journal = vec![entry("a", today, 5, 3), b];
        let series = daily_series(&journal, Span::Week, today);
        assert_eq!(series.len(), 1);
        assert_eq!((series[0].mood, series[0].craving), (3.5, 5.5));
        assert_eq!(series[0].entries, 2);
        assert!(series[0].used);
    }

    #[test]
    fn week_month_and_all_cover_the_right_days() {
        let today = d(2025, 3, 1);
        let journal: Vec<CheckIn> = (0..40)
            .map(|i| entry(&i.to_string(), today - Duration::days(i), 3, 3))
            .collect();
        assert_eq!(daily_series(&journal, Span::Week, today).len(), 7);
        assert_eq!(daily_series(&journal, Span::Month, today).len(), 30);
        assert_eq!(daily_series(&journal, Span::All, today).len(), 40);
        let week = daily_series(&journal, Span::Week, today);
        assert_eq!(week.first().unwrap().date, d(2025, 2, 23));
        assert_eq!(week.last().unwrap().date, today);
        assert_eq!(in_span(&journal, Span::Week, today).len(), 7);
    }

    #[test]
    fn a_future_dated_entry_is_only_in_all() {
        let today = d(2025, 3, 1);
        let journal = vec![entry("f", d(2025, 3, 2), 3, 3)];
        assert!(daily_series(&journal, Span::Week, today).is_empty());
        assert_eq!(daily_series(&journal, Span::All, today).len(), 1);
    }

    #[test]
    fn the_same_instant_lands_in_different_hours_by_offset() {
        // Saved at 02:30 UTC on 2025-06-10.
        let mut c = entry("a", d(2025, 6, 10), 3, 9);
        c.created_ms = ms(d(2025, 6, 10), 2, 30);
        let journal = vec![c];
        // UTC-5: 21:30 the evening before.
        let west = craving_by_hour(&journal, -300);
        assert_eq!(west[21].entries, 1);
        assert_eq!(west[21].mean_craving, Some(9.0));
        // UTC+1: 03:30.
        let east = craving_by_hour(&journal, 60);
        assert_eq!(east[3].entries, 1);
        assert_eq!(east[21].entries, 0);
        assert_eq!(local_hour(journal[0].created_ms, 0), 2);
    }

    #[test]
    fn the_entry_date_decides_the_weekday_whatever_the_offset() {
        // About Tuesday 2025-06-10, but saved at 02:30 UTC, which is Monday
        // evening in UTC-5. The weekday still follows the entry's date.
        let mut c = entry("a", d(2025, 6, 10), 3, 6);
        c.created_ms = ms(d(2025, 6, 10), 2, 30);
        let days = craving_by_weekday(&[c]);
        assert_eq!(days[1].key, Weekday::Tue);
        assert_eq!(days[1].entries, 1);
        assert_eq!(days[0].entries, 0);
    }

    #[test]
    fn entries_without_a_saved_time_are_left_out_of_the_hour_chart() {
        let mut c = entry("a", d(2025, 6, 10), 3, 6);
        c.created_ms = 0;
        let hours = craving_by_hour(&[c], 0);
        assert!(hours.iter().all(|b| b.entries == 0));
    }

    #[test]
    fn instants_before_1970_still_map_to_a_valid_hour() {
        assert_eq!(local_hour(-1, 0), 23);
        assert_eq!(local_hour(0, -60), 23);
        assert_eq!(local_hour(0, 14 * 60), 14);
    }

    #[test]
    fn top_triggers_count_entries_and_list_what_helped_on_them() {
        let journal = vec![
            tagged("1", &["Payday", "Bored"], &["Walk", "Called Sam"]),
            tagged("2", &["payday "], &["Called Sam"]),
            tagged(
                "3",
                &["Payday", "PAYDAY"],
                &["Meeting", "Called Sam", "Walk"],
            ),
            tagged("4", &["Bored"], &["TV"]),
            tagged("5", &["Tired"], &[]),
        ];
        let top = top_triggers(&journal, 2);
        assert_eq!(top.len(), 2);
        assert_eq!(top[0].trigger, "Payday");
        assert_eq!(top[0].count, 3);
        assert_eq!(
            top[0].helped,
            vec![
                ("Called Sam".to_string(), 3),
                ("Walk".to_string(), 2),
                ("Meeting".to_string(), 1)
            ]
        );
        assert_eq!(top[1].trigger, "Bored");
        assert_eq!(top[1].count, 2);
        // Ties are shown in alphabetical order.
        assert_eq!(
            top[1].helped,
            vec![
                ("Called Sam".to_string(), 1),
                ("TV".to_string(), 1),
                ("Walk".to_string(), 1)
            ]
        );
    }

    #[test]
    fn a_trigger_with_nothing_that_helped_has_an_empty_list() {
        let top = top_triggers(&[tagged("1", &["Tired"], &[])], 5);
        assert_eq!(top[0].helped, Vec::<(String, u32)>::new());
    }

    #[test]
    fn lapses_are_listed_newest_first() {
        let mut a = entry("a", d(2025, 1, 1), 2, 9);
        a.used = true;
        let b = entry("b", d(2025, 1, 5), 4, 1);
        let mut c = entry("c", d(2025, 2, 1), 2, 8);
        c.used = true;
        let journal = vec![a, b, c];
        let ids: Vec<&str> = lapses(&journal).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c", "a"]);
        assert_eq!(summary(&journal).lapse_days, 2);
    }

    #[test]
    fn exercise_points_are_sorted_and_the_mood_change_averaged() {
        let log = |day, minutes, before, after| ExerciseLog {
            id: format!("x{day}"),
            date: d(2025, 1, day),
            activity: "Walk".into(),
            minutes,
            mood_before: before,
            mood_after: after,
            notes: String::new(),
            updated_ms: 0,
        };
        let em = exercise_vs_mood(&[log(9, 30, 2, 4), log(3, 10, 3, 3)]);
        assert_eq!(em.points[0].date, d(2025, 1, 3));
        assert_eq!(em.points[1].minutes, 30);
        assert_eq!(em.mean_change, Some(1.0));
    }

    #[test]
    fn sows_totals_follow_the_time_taken() {
        let r = |t, score| SowsRating {
            id: format!("s{t}"),
            date: d(2025, 1, 1),
            time_ms: t,
            scores: [score; 16],
            updated_ms: 0,
        };
        let totals: Vec<u8> = sows_totals(&[r(2, 1), r(1, 3)])
            .iter()
            .map(|p| p.1)
            .collect();
        assert_eq!(totals, [48, 16]);
    }
}
