//! Clean time: days since the last use, total clean days, runs and milestones.
//!
//! Everything here works on local calendar dates (`NaiveDate`), never on
//! instants, so a daylight-saving change, a time-zone trip or a 23-hour day
//! cannot make a count jump or skip. The caller turns "now" into the user's
//! local date once and passes it in as `today`.
//!
//! # Counting rules
//!
//! These follow the way recovery groups count from a "clean date":
//!
//! - The **start** is the user's recovery start date: their first clean day.
//!   Without one, the earliest check-in date stands in (see
//!   [`effective_start`]); with neither there is nothing to count (`None`).
//! - A **use day** is a day with a check-in marked `used`. Use days before the
//!   start or after today are ignored; the same day logged twice counts once;
//!   use days may arrive in any order and may be backfilled.
//! - A day with a logged use is never a clean day.
//! - The **current run** starts the day after the latest use day, or at the
//!   start if there is none. After a use logged today it starts tomorrow.
//! - A day counts once it is complete, so today is never counted yet:
//!   - `days_since_last_use = today - current_run_start` (whole days, never
//!     below 0). The first day of a run is day 0, so the day after a use
//!     reads 0 and the day after that reads 1. A run that starts today is 0.
//!   - `total_clean_days` = the days in `[start, today)` minus the use days
//!     in that range. With no lapses it equals `days_since_last_use`; it is
//!     always the sum of the runs in [`history`]. Logging a use never takes
//!     away more than that one day, so a lapse never zeroes the total.
//! - **Milestones** follow the Narcotics Anonymous key tags: 1 day, 30, 60
//!   and 90 days, 6 and 9 months, 1 year, 18 months, then every year. A day
//!   milestone of N days falls on `run_start + N days`, so on that day
//!   `days_since_last_use == N`. A month milestone falls on the same day of
//!   the month, counted in calendar months from the run start (not chained),
//!   and clamped to the month end: a run from January 31 reaches "1 month"
//!   style dates on February 28 (or 29), and a run from February 29, 2024
//!   reaches "1 year" on February 28, 2025.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::i18n::{trn, Key};

/// A key-tag milestone, e.g. "30 days" or "1 year".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    /// Plain words: "1 day", "30 days", "6 months", "1 year", "2 years", in
    /// the language current when it was worked out.
    #[serde(rename = "l")]
    pub label: String,
    /// The calendar day the milestone is reached.
    #[serde(rename = "d", with = "crate::domain::iso::date")]
    pub date: NaiveDate,
    /// Whole days from the run start to `date`.
    #[serde(rename = "n")]
    pub days: i64,
}

/// One stretch of clean days between lapses.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// The first clean day: the recovery start, or the day after a use.
    #[serde(rename = "s", with = "crate::domain::iso::date")]
    pub start: NaiveDate,
    /// Completed clean days in the run. A run that ended with a use on day U
    /// has `U - start` days; the current run has `today - start` days.
    #[serde(rename = "n")]
    pub days: i64,
    /// The day of the use that ended the run; `None` for the current run.
    #[serde(
        rename = "e",
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::domain::iso::option_date"
    )]
    pub ended_by_use: Option<NaiveDate>,
}

/// The clean-time figures shown on the home screen.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct CleanTime {
    /// Completed days in the current run: `today - current_run_start`, never
    /// below zero. See the module docs for the exact counting rule.
    pub days_since_last_use: i64,
    /// Completed clean days since the start, across all runs. A lapse takes
    /// away only the day of the use, never the days before it.
    pub total_clean_days: i64,
    /// The most completed days in any one run, the current run included.
    pub longest_run: i64,
    /// The first day of the current run (the day after the latest use, or
    /// the start). After a use logged today this is tomorrow.
    #[serde(with = "crate::domain::iso::date")]
    pub current_run_start: NaiveDate,
    /// The next milestone of the current run, after today.
    pub next_milestone: Option<Milestone>,
    /// The milestone the current run reaches today, if any.
    pub reached_today: Option<Milestone>,
    /// Distinct days with a logged use between the start and today.
    pub lapses: usize,
    /// The start all counting begins from.
    #[serde(with = "crate::domain::iso::date")]
    pub start: NaiveDate,
    /// The latest logged use between the start and today.
    #[serde(default, with = "crate::domain::iso::option_date")]
    pub last_use: Option<NaiveDate>,
}

/// The day counting begins from: the recovery start the user set, or else
/// the date of their earliest check-in. `None` when there is neither, and
/// the home screen asks for a start date instead of showing zeros.
pub fn effective_start(
    recovery_start: Option<NaiveDate>,
    earliest_checkin: Option<NaiveDate>,
) -> Option<NaiveDate> {
    recovery_start.or(earliest_checkin)
}

/// Clean time from what the app stores: the start the user set (if any), the
/// earliest check-in date (if any), every logged use day, and today.
pub fn clean_time(
    recovery_start: Option<NaiveDate>,
    earliest_checkin: Option<NaiveDate>,
    use_dates: &[NaiveDate],
    today: NaiveDate,
) -> Option<CleanTime> {
    effective_start(recovery_start, earliest_checkin).map(|s| compute(s, use_dates, today))
}

/// Clean time counted from a known start; see the module docs for the rules.
pub fn compute(start: NaiveDate, use_dates: &[NaiveDate], today: NaiveDate) -> CleanTime {
    let uses = relevant_uses(start, use_dates, today);
    let runs = runs_from(start, &uses, today);
    let last_use = uses.last().copied();
    let current_run_start = last_use.map(next_day).unwrap_or(start);
    let days_since_last_use = days_between(current_run_start, today).max(0);
    let uses_before_today = uses.iter().filter(|d| **d < today).count() as i64;
    let total_clean_days = (days_between(start, today) - uses_before_today).max(0);
    let longest_run = runs.iter().map(|r| r.days).max().unwrap_or(0);
    CleanTime {
        days_since_last_use,
        total_clean_days,
        longest_run,
        current_run_start,
        next_milestone: next_milestone(current_run_start, today),
        reached_today: milestone_reached_on(current_run_start, today),
        lapses: uses.len(),
        start,
        last_use,
    }
}

/// The runs between lapses, oldest first, ending with the current run (which
/// is always there, even at 0 days). Past runs of 0 days (two use days in a
/// row, or a use on the start day) are left out.
pub fn history(start: NaiveDate, use_dates: &[NaiveDate], today: NaiveDate) -> Vec<Run> {
    let uses = relevant_uses(start, use_dates, today);
    runs_from(start, &uses, today)
}

/// Every milestone of a run, in order, without end.
pub fn milestones_from(run_start: NaiveDate) -> impl Iterator<Item = Milestone> {
    (0usize..).map_while(move |i| milestone_at(run_start, i))
}

/// The first milestone of the run that falls after `today`. Before the run
/// has started (after a use logged today) that is "1 day".
pub fn next_milestone(run_start: NaiveDate, today: NaiveDate) -> Option<Milestone> {
    (first_index_near(run_start, today)..)
        .map_while(|i| milestone_at(run_start, i))
        .find(|m| m.date > today)
}

/// The milestone the run reaches on `day`, if one falls on it.
pub fn milestone_reached_on(run_start: NaiveDate, day: NaiveDate) -> Option<Milestone> {
    (first_index_near(run_start, day)..)
        .map_while(|i| milestone_at(run_start, i))
        .take_while(|m| m.date <= day)
        .find(|m| m.date == day)
}

/// Every milestone the run has reached by `today`, oldest first.
pub fn reached_milestones(run_start: NaiveDate, today: NaiveDate) -> Vec<Milestone> {
    milestones_from(run_start)
        .take_while(|m| m.date <= today)
        .collect()
}

/// How far one milestone is from the run start.
#[derive(Clone, Copy)]
enum Span {
    Days(u64),
    Months(u32),
}

/// How a milestone is named: a count of days, months or years.
#[derive(Clone, Copy)]
enum Named {
    Days(i64),
    Months(i64),
    Years(i64),
}

impl Named {
    fn words(self) -> String {
        match self {
            Named::Days(n) => trn(Key::CommonDays, n, &[]),
            Named::Months(n) => trn(Key::CleanTimeMilestoneMonths, n, &[]),
            Named::Years(n) => trn(Key::CleanTimeMilestoneYears, n, &[]),
        }
    }
}

/// The key tags before the yearly ones, in order.
const FIXED: [(Span, Named); 8] = [
    (Span::Days(1), Named::Days(1)),
    (Span::Days(30), Named::Days(30)),
    (Span::Days(60), Named::Days(60)),
    (Span::Days(90), Named::Days(90)),
    (Span::Months(6), Named::Months(6)),
    (Span::Months(9), Named::Months(9)),
    (Span::Months(12), Named::Years(1)),
    (Span::Months(18), Named::Months(18)),
];

/// Index of the yearly milestone for `years` (2 or more) years.
fn yearly_index(years: usize) -> usize {
    FIXED.len() + years - 2
}

/// The milestone with this index, or `None` past the end of the calendar.
fn milestone_at(run_start: NaiveDate, index: usize) -> Option<Milestone> {
    let (span, named) = match FIXED.get(index) {
        Some((span, named)) => (*span, *named),
        None => {
            let years = index - FIXED.len() + 2;
            let months = u32::try_from(years.checked_mul(12)?).ok()?;
            (Span::Months(months), Named::Years(years as i64))
        }
    };
    let date = match span {
        Span::Days(n) => run_start.checked_add_days(Days::new(n))?,
        Span::Months(n) => run_start.checked_add_months(Months::new(n))?,
    };
    Some(Milestone {
        label: named.words(),
        date,
        days: days_between(run_start, date),
    })
}

/// An index at or before the first milestone after `day`, so a run decades
/// long does not walk every year from the start. Every yearly milestone of
/// `years` below is in a calendar year before `day`'s, so none is skipped
/// that could be the answer.
fn first_index_near(run_start: NaiveDate, day: NaiveDate) -> usize {
    let years = i64::from(day.year()) - i64::from(run_start.year()) - 1;
    if years >= 2 {
        yearly_index(years as usize)
    } else {
        0
    }
}

/// Use days in `[start, today]`, sorted, each once.
fn relevant_uses(start: NaiveDate, use_dates: &[NaiveDate], today: NaiveDate) -> Vec<NaiveDate> {
    let mut uses: Vec<NaiveDate> = use_dates
        .iter()
        .copied()
        .filter(|d| *d >= start && *d <= today)
        .collect();
    uses.sort_unstable();
    uses.dedup();
    uses
}

/// Runs from sorted, distinct use days already limited to `[start, today]`.
fn runs_from(start: NaiveDate, uses: &[NaiveDate], today: NaiveDate) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut run_start = start;
    for &day in uses {
        let days = days_between(run_start, day);
        if days > 0 {
            runs.push(Run {
                start: run_start,
                days,
                ended_by_use: Some(day),
            });
        }
        run_start = next_day(day);
    }
    runs.push(Run {
        start: run_start,
        days: days_between(run_start, today).max(0),
        ended_by_use: None,
    });
    runs
}

/// Whole calendar days from `a` to `b` (negative if `b` is earlier).
fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    b.signed_duration_since(a).num_days()
}

/// The next calendar day; the last representable day stays put rather than
/// panicking.
fn next_day(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn labels(run_start: &str, n: usize) -> Vec<(String, NaiveDate)> {
        milestones_from(d(run_start))
            .take(n)
            .map(|m| (m.label, m.date))
            .collect()
    }

    /// A tiny deterministic xorshift generator for the randomised checks.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn with_no_lapses_every_completed_day_since_the_start_counts() {
        let ct = compute(d("2026-01-01"), &[], d("2026-01-31"));
        assert_eq!(ct.days_since_last_use, 30);
        assert_eq!(ct.total_clean_days, 30);
        assert_eq!(ct.longest_run, 30);
        assert_eq!(ct.current_run_start, d("2026-01-01"));
        assert_eq!(ct.lapses, 0);
        assert_eq!(ct.last_use, None);
        assert_eq!(ct.reached_today.map(|m| m.label), Some("30 days".into()));
        assert_eq!(ct.next_milestone.map(|m| m.label), Some("60 days".into()));
    }

    #[test]
    fn a_run_that_starts_today_counts_zero_days() {
        let ct = compute(d("2026-05-10"), &[], d("2026-05-10"));
        assert_eq!(ct.days_since_last_use, 0);
        assert_eq!(ct.total_clean_days, 0);
        assert_eq!(ct.reached_today, None);
        let next = ct.next_milestone.unwrap();
        assert_eq!((next.label.as_str(), next.date), ("1 day", d("2026-05-11")));
    }

    #[test]
    fn a_lapse_today_keeps_the_total_and_starts_the_new_run_tomorrow() {
        let start = d("2026-01-01");
        let today = d("2026-02-01");
        let before = compute(start, &[], today);
        let after = compute(start, &[today], today);
        assert_eq!(before.total_clean_days, 31);
        assert_eq!(after.total_clean_days, 31);
        assert_eq!(after.days_since_last_use, 0);
        assert_eq!(after.current_run_start, d("2026-02-02"));
        assert_eq!(after.longest_run, 31);
        assert_eq!(after.lapses, 1);
        assert_eq!(after.last_use, Some(today));
        assert_eq!(after.reached_today, None);
        assert_eq!(after.next_milestone.unwrap().date, d("2026-02-03"));
    }

    #[test]
    fn a_lapse_yesterday_makes_today_day_zero_of_the_new_run() {
        let start = d("2026-01-01");
        let ct = compute(start, &[d("2026-01-31")], d("2026-02-01"));
        assert_eq!(ct.current_run_start, d("2026-02-01"));
        assert_eq!(ct.days_since_last_use, 0);
        // Jan 1 to Jan 30 are clean: 30 days. Jan 31 was the use day.
        assert_eq!(ct.total_clean_days, 30);
        let tomorrow = compute(start, &[d("2026-01-31")], d("2026-02-02"));
        assert_eq!(tomorrow.days_since_last_use, 1);
        assert_eq!(tomorrow.total_clean_days, 31);
        assert_eq!(
            tomorrow.reached_today.map(|m| m.label),
            Some("1 day".into())
        );
    }

    #[test]
    fn a_backfilled_lapse_splits_the_runs_and_takes_away_only_its_own_day() {
        let start = d("2026-01-01");
        let today = d("2026-03-01");
        let before = compute(start, &[], today);
        let after = compute(start, &[d("2026-01-20")], today);
        assert_eq!(after.total_clean_days, before.total_clean_days - 1);
        assert_eq!(after.current_run_start, d("2026-01-21"));
        assert_eq!(after.days_since_last_use, 39);
        let runs = history(start, &[d("2026-01-20")], today);
        assert_eq!(
            runs,
            vec![
                Run {
                    start,
                    days: 19,
                    ended_by_use: Some(d("2026-01-20"))
                },
                Run {
                    start: d("2026-01-21"),
                    days: 39,
                    ended_by_use: None
                },
            ]
        );
        assert_eq!(after.longest_run, 39);
    }

    #[test]
    fn a_lapse_never_zeroes_total_clean_days() {
        let start = d("2025-01-01");
        let today = d("2026-01-01");
        for lapse_day in 1..365u64 {
            let lapse = start.checked_add_days(Days::new(lapse_day)).unwrap();
            let ct = compute(start, &[lapse], today);
            assert_eq!(ct.total_clean_days, 364, "lapse on {lapse}");
        }
    }

    #[test]
    fn the_same_use_day_logged_twice_counts_once() {
        let start = d("2026-01-01");
        let use_day = d("2026-01-10");
        let once = compute(start, &[use_day], d("2026-02-01"));
        let twice = compute(start, &[use_day, use_day, use_day], d("2026-02-01"));
        assert_eq!(once, twice);
        assert_eq!(twice.lapses, 1);
    }

    #[test]
    fn use_days_in_any_order_give_the_same_result() {
        let start = d("2026-01-01");
        let today = d("2026-04-01");
        let a = [d("2026-01-05"), d("2026-02-10"), d("2026-03-03")];
        let b = [d("2026-03-03"), d("2026-01-05"), d("2026-02-10")];
        assert_eq!(compute(start, &a, today), compute(start, &b, today));
        assert_eq!(history(start, &a, today), history(start, &b, today));
    }

    #[test]
    fn a_use_before_the_start_is_ignored() {
        let start = d("2026-01-01");
        let today = d("2026-01-15");
        let ct = compute(start, &[d("2025-12-31"), d("2025-06-01")], today);
        assert_eq!(ct, compute(start, &[], today));
        assert_eq!(ct.lapses, 0);
    }

    #[test]
    fn a_use_on_the_start_day_moves_the_run_to_the_next_day() {
        let start = d("2026-01-01");
        let ct = compute(start, &[start], d("2026-01-11"));
        assert_eq!(ct.current_run_start, d("2026-01-02"));
        assert_eq!(ct.days_since_last_use, 9);
        assert_eq!(ct.total_clean_days, 9);
        assert_eq!(history(start, &[start], d("2026-01-11")).len(), 1);
    }

    #[test]
    fn a_use_dated_after_today_is_ignored() {
        let start = d("2026-01-01");
        let today = d("2026-01-15");
        let ct = compute(start, &[d("2026-01-16")], today);
        assert_eq!(ct, compute(start, &[], today));
    }

    #[test]
    fn a_start_date_in_the_future_counts_nothing_yet() {
        let ct = compute(d("2026-06-01"), &[], d("2026-05-20"));
        assert_eq!(ct.days_since_last_use, 0);
        assert_eq!(ct.total_clean_days, 0);
        assert_eq!(ct.longest_run, 0);
        assert_eq!(ct.next_milestone.unwrap().date, d("2026-06-02"));
    }

    #[test]
    fn two_use_days_in_a_row_leave_no_empty_run_in_history() {
        let start = d("2026-01-01");
        let uses = [d("2026-01-10"), d("2026-01-11"), d("2026-01-12")];
        let runs = history(start, &uses, d("2026-01-20"));
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].days, 9);
        assert_eq!(runs[1].start, d("2026-01-13"));
        assert_eq!(runs[1].days, 7);
        let ct = compute(start, &uses, d("2026-01-20"));
        assert_eq!(ct.total_clean_days, 16);
        assert_eq!(ct.lapses, 3);
    }

    #[test]
    fn history_always_ends_with_the_current_run() {
        let today = d("2026-01-05");
        let runs = history(d("2026-01-01"), &[today], today);
        let last = runs.last().unwrap();
        assert_eq!(last.ended_by_use, None);
        assert_eq!(last.start, d("2026-01-06"));
        assert_eq!(last.days, 0);
    }

    #[test]
    fn the_longest_run_can_be_a_past_run() {
        let start = d("2025-01-01");
        let uses = [d("2025-07-01"), d("2025-08-01")];
        let ct = compute(start, &uses, d("2025-08-11"));
        assert_eq!(ct.longest_run, 181);
        assert_eq!(ct.days_since_last_use, 9);
    }

    #[test]
    fn the_longest_run_can_be_the_current_run() {
        let start = d("2025-01-01");
        let ct = compute(start, &[d("2025-01-11")], d("2025-12-01"));
        assert_eq!(ct.longest_run, ct.days_since_last_use);
        assert!(ct.longest_run > 10);
    }

    #[test]
    fn total_clean_days_is_always_the_sum_of_the_runs() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let base = d("2020-01-01");
        for _ in 0..500 {
            let start = base.checked_add_days(Days::new(rng.below(400))).unwrap();
            let today = start.checked_add_days(Days::new(rng.below(800))).unwrap();
            let n = rng.below(12) as usize;
            let uses: Vec<NaiveDate> = (0..n)
                .map(|_| base.checked_add_days(Days::new(rng.below(1400))).unwrap())
                .collect();
            let ct = compute(start, &uses, today);
            let runs = history(start, &uses, today);
            let sum: i64 = runs.iter().map(|r| r.days).sum();
            assert_eq!(ct.total_clean_days, sum);
            assert!(ct.total_clean_days >= ct.days_since_last_use);
            assert_eq!(runs.last().unwrap().days, ct.days_since_last_use);
            assert_eq!(ct.longest_run, runs.iter().map(|r| r.days).max().unwrap());
        }
    }

    #[test]
    fn without_a_start_date_the_earliest_check_in_is_the_start() {
        let ct = clean_time(None, Some(d("2026-02-01")), &[], d("2026-02-11")).unwrap();
        assert_eq!(ct.start, d("2026-02-01"));
        assert_eq!(ct.days_since_last_use, 10);
    }

    #[test]
    fn the_recovery_start_wins_over_the_earliest_check_in() {
        let ct = clean_time(
            Some(d("2026-01-01")),
            Some(d("2026-02-01")),
            &[],
            d("2026-02-11"),
        )
        .unwrap();
        assert_eq!(ct.start, d("2026-01-01"));
    }

    #[test]
    fn with_no_start_and_no_check_ins_there_is_no_clean_time() {
        assert_eq!(
            clean_time(None, None, &[d("2026-01-01")], d("2026-02-11")),
            None
        );
    }

    #[test]
    fn milestones_follow_the_key_tags_in_order() {
        let got: Vec<String> = labels("2026-01-01", 12).into_iter().map(|x| x.0).collect();
        assert_eq!(
            got,
            [
                "1 day",
                "30 days",
                "60 days",
                "90 days",
                "6 months",
                "9 months",
                "1 year",
                "18 months",
                "2 years",
                "3 years",
                "4 years",
                "5 years"
            ]
        );
    }

    #[test]
    fn day_milestones_fall_that_many_days_after_the_run_start() {
        let m = labels("2026-01-01", 4);
        assert_eq!(m[0].1, d("2026-01-02"));
        assert_eq!(m[1].1, d("2026-01-31"));
        assert_eq!(m[2].1, d("2026-03-02"));
        assert_eq!(m[3].1, d("2026-04-01"));
        let first_four: Vec<i64> = milestones_from(d("2026-01-01"))
            .take(4)
            .map(|m| m.days)
            .collect();
        assert_eq!(first_four, [1, 30, 60, 90]);
    }

    #[test]
    fn the_one_year_milestone_of_a_leap_day_start_is_february_28() {
        let m = milestones_from(d("2024-02-29"))
            .find(|m| m.label == "1 year")
            .unwrap();
        assert_eq!(m.date, d("2025-02-28"));
        assert_eq!(m.days, 365);
        let four = milestones_from(d("2024-02-29"))
            .find(|m| m.label == "4 years")
            .unwrap();
        assert_eq!(four.date, d("2028-02-29"));
    }

    #[test]
    fn a_month_milestone_from_a_long_month_end_is_clamped_to_the_month_end() {
        // Aug 31 + 6 months: February has no 31st.
        let six = milestones_from(d("2025-08-31")).nth(4).unwrap();
        assert_eq!(
            (six.label.as_str(), six.date),
            ("6 months", d("2026-02-28"))
        );
        let leap = milestones_from(d("2023-08-31")).nth(4).unwrap();
        assert_eq!(leap.date, d("2024-02-29"));
        // Nov 30 + 9 months is Aug 30, not clamped.
        let nine = milestones_from(d("2025-11-30")).nth(5).unwrap();
        assert_eq!(nine.date, d("2026-08-30"));
    }

    #[test]
    fn month_milestones_count_from_the_run_start_and_are_not_chained() {
        // Jan 31 + 6 months is Jul 31, even though Jan 31 + 1 month is Feb 28.
        assert_eq!(
            d("2026-01-31").checked_add_months(Months::new(1)),
            Some(d("2026-02-28"))
        );
        let m = labels("2026-01-31", 8);
        assert_eq!(m[4], ("6 months".into(), d("2026-07-31")));
        assert_eq!(m[5], ("9 months".into(), d("2026-10-31")));
        assert_eq!(m[7], ("18 months".into(), d("2027-07-31")));
    }

    #[test]
    fn counts_across_the_us_daylight_saving_change_are_exact_days() {
        // Clocks went forward in the US on 2026-03-08 and back on 2026-11-01.
        let ct = compute(d("2026-03-07"), &[], d("2026-03-09"));
        assert_eq!(ct.days_since_last_use, 2);
        let ct = compute(d("2026-02-07"), &[], d("2026-03-09"));
        assert_eq!(ct.reached_today.map(|m| m.label), Some("30 days".into()));
        let ct = compute(d("2026-10-31"), &[], d("2026-11-02"));
        assert_eq!(ct.total_clean_days, 2);
    }

    #[test]
    fn counts_across_the_eu_daylight_saving_change_are_exact_days() {
        // Clocks went forward in the EU on 2026-03-29 and back on 2026-10-25.
        let ct = compute(d("2026-03-28"), &[d("2026-03-29")], d("2026-03-31"));
        assert_eq!(ct.current_run_start, d("2026-03-30"));
        assert_eq!(ct.days_since_last_use, 1);
        assert_eq!(ct.total_clean_days, 2);
        let ct = compute(d("2026-07-27"), &[], d("2026-10-25"));
        assert_eq!(ct.reached_today.map(|m| m.label), Some("90 days".into()));
        assert_eq!(ct.days_since_last_use, 90);
    }

    #[test]
    fn the_next_milestone_after_18_months_is_2_years() {
        let start = d("2024-01-15");
        let eighteen = milestone_reached_on(start, d("2025-07-15")).unwrap();
        assert_eq!(eighteen.label, "18 months");
        let next = next_milestone(start, d("2025-07-15")).unwrap();
        assert_eq!(
            (next.label.as_str(), next.date),
            ("2 years", d("2026-01-15"))
        );
        assert_eq!(next.days, 731);
    }

    #[test]
    fn the_next_milestone_is_strictly_after_today() {
        let start = d("2026-01-01");
        assert_eq!(
            next_milestone(start, d("2026-01-30")).unwrap().label,
            "30 days"
        );
        assert_eq!(
            next_milestone(start, d("2026-01-31")).unwrap().label,
            "60 days"
        );
    }

    #[test]
    fn a_milestone_is_reached_only_on_its_own_date() {
        let start = d("2026-01-01");
        assert_eq!(milestone_reached_on(start, d("2026-01-30")), None);
        assert_eq!(
            milestone_reached_on(start, d("2026-01-31")).map(|m| m.days),
            Some(30)
        );
        assert_eq!(milestone_reached_on(start, d("2026-02-01")), None);
        assert_eq!(milestone_reached_on(start, start), None);
        assert_eq!(milestone_reached_on(start, d("2025-12-31")), None);
    }

    #[test]
    fn on_a_day_milestone_the_day_count_equals_the_milestone() {
        for n in [1i64, 30, 60, 90] {
            let start = d("2026-03-01");
            let today = start.checked_add_days(Days::new(n as u64)).unwrap();
            let ct = compute(start, &[], today);
            assert_eq!(ct.days_since_last_use, n);
            assert_eq!(ct.reached_today.unwrap().days, n);
        }
    }

    #[test]
    fn milestones_rise_strictly_for_every_start_day_of_a_leap_cycle() {
        let mut day = d("2023-01-01");
        while day < d("2027-01-01") {
            let dates: Vec<NaiveDate> = milestones_from(day).take(15).map(|m| m.date).collect();
            assert!(dates.windows(2).all(|w| w[0] < w[1]), "start {day}");
            assert!(dates[0] > day);
            day = next_day(day);
        }
    }

    #[test]
    fn a_run_decades_long_still_finds_its_next_and_reached_milestones() {
        let start = d("1990-06-30");
        let next = next_milestone(start, d("2026-07-01")).unwrap();
        assert_eq!(
            (next.label.as_str(), next.date),
            ("37 years", d("2027-06-30"))
        );
        let reached = milestone_reached_on(start, d("2026-06-30")).unwrap();
        assert_eq!(reached.label, "36 years");
        assert_eq!(reached_milestones(start, d("2026-06-30")).len(), 8 + 35);
    }

    #[test]
    fn reached_milestones_lists_each_tag_earned_so_far() {
        let got: Vec<String> = reached_milestones(d("2026-01-01"), d("2026-04-01"))
            .into_iter()
            .map(|m| m.label)
            .collect();
        assert_eq!(got, ["1 day", "30 days", "60 days", "90 days"]);
    }

    #[test]
    fn clean_time_round_trips_through_json() {
        let ct = compute(d("2026-01-01"), &[d("2026-01-10")], d("2026-02-01"));
        let json = serde_json::to_string(&ct).unwrap();
        assert_eq!(serde_json::from_str::<CleanTime>(&json).unwrap(), ct);
    }
}
