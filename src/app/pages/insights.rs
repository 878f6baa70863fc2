//! Insights: the user's own patterns as charts, each with the same numbers
//! as a table, and a summary to print for their counsellor or prescriber.
//! Everything is worked out on this device by `crate::domain::insights`;
//! this file only turns the results into chart points. Each result is a
//! Memo, so a ten-year journal is read once per change, not once per draw.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::components::chart_svg::{number, Chart, ChartKind, ChartPoint};
use crate::app::components::print_summary::table_date;
use crate::app::components::print_summary::PrintSummary;
use crate::app::components::record_dates::month_words;
use crate::app::hooks::{use_collection, use_doc};
use crate::app::state::{today, utc_offset_minutes};
use crate::data::envelope::Envelope;
use crate::domain::checkin::{earliest_date, use_dates, CheckIn, CRAVING_MAX, MOOD_MAX};
use crate::domain::clean_time::{effective_start, history};
use crate::domain::insights::{
    craving_by_hour, craving_by_weekday, daily_series, exercise_vs_mood, in_span,
    meetings_per_month, summary, top_triggers, DayPoint, Span,
};
use crate::domain::settings::Settings;
use crate::domain::tools::{Attendance, DoseLog, ExerciseLog, SowsRating, SOWS_MAX_TOTAL};

/// Beyond this many days, time charts show one point per month, so the
/// picture stays readable and the table stays short.
const MAX_DAILY_POINTS: usize = 92;
/// How many triggers the table lists.
const TOP_TRIGGERS: usize = 8;
/// Fewer days with a check-in than this, and patterns would be guesses.
const MIN_DAYS: u32 = 2;
const NOT_ENOUGH: &str = "Check in for a few days to see your patterns here.";

fn values<T: Clone>(items: &[Envelope<T>]) -> Vec<T> {
    items.iter().map(|e| e.value.clone()).collect()
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn tick_day(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

fn tick_month(year: i32, month: u32, many_years: bool) -> String {
    NaiveDate::from_ymd_opt(year, month, 1)
        .map(|d| {
            d.format(if many_years { "%b %y" } else { "%b" })
                .to_string()
        })
        .unwrap_or_default()
}

fn next_month(y: i32, m: u32) -> (i32, u32) {
    if m == 12 {
        (y + 1, 1)
    } else {
        (y, m + 1)
    }
}

/// Every month from the first to the last key, with a gap (`None`) where
/// a month has no data, so the chart's spacing matches the calendar.
fn fill_months<T: Clone>(months: &BTreeMap<(i32, u32), T>) -> Vec<((i32, u32), Option<T>)> {
    let (Some(first), Some(last)) = (months.keys().next(), months.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = *first;
    while at <= *last {
        out.push((at, months.get(&at).cloned()));
        at = next_month(at.0, at.1);
    }
    out
}

/// Mood and craving as chart points, with a ring on days a use was logged.
/// Daily for up to [`MAX_DAILY_POINTS`] days (days without a check-in are
/// gaps), otherwise monthly averages. Returns (mood, craving, monthly).
fn mood_and_craving(
    series: &[DayPoint],
    span: Span,
    today: NaiveDate,
) -> (Vec<ChartPoint>, Vec<ChartPoint>, bool) {
    let Some(first) = series.first() else {
        return (Vec::new(), Vec::new(), false);
    };
    let start = span.start(today).unwrap_or(first.date);
    let end = series.last().map_or(today, |l| l.date.max(today));
    let days = (end - start).num_days() + 1;
    if days as usize <= MAX_DAILY_POINTS {
        let by_date: BTreeMap<NaiveDate, &DayPoint> = series.iter().map(|p| (p.date, p)).collect();
        let mut mood = Vec::new();
        let mut craving = Vec::new();
        for i in 0..days {
            let date = start + Duration::days(i);
            let (label, tick) = (table_date(date), tick_day(date));
            match by_date.get(&date) {
                Some(p) => {
                    let note = if p.used { "Use logged" } else { "" };
                    mood.push(
                        ChartPoint::new(&label, &tick, Some(p.mood))
                            .with_note(note)
                            .mark(p.used),
                    );
                    craving.push(
                        ChartPoint::new(&label, &tick, Some(p.craving))
                            .with_note(note)
                            .mark(p.used),
                    );
                }
                None => {
                    mood.push(ChartPoint::new(&label, &tick, None));
                    craving.push(ChartPoint::new(&label, &tick, None));
                }
            }
        }
        return (mood, craving, false);
    }
    // (sum of daily mood, sum of daily craving, days, any use)
    let mut months: BTreeMap<(i32, u32), (f32, f32, u32, bool)> = BTreeMap::new();
    for p in series {
        let m = months.entry((p.date.year(), p.date.month())).or_default();
        m.0 += p.mood;
        m.1 += p.craving;
        m.2 += 1;
        m.3 |= p.used;
    }
    let many_years = months.keys().next().map(|k| k.0) != months.keys().next_back().map(|k| k.0);
    let mut mood = Vec::new();
    let mut craving = Vec::new();
    for ((y, m), data) in fill_months(&months) {
        let (label, tick) = (month_words(y, m), tick_month(y, m, many_years));
        match data {
            Some((mo, cr, n, used)) => {
                let mut note = plural(i64::from(n), "day checked in", "days checked in");
                if used {
                    note.push_str(", use logged");
                }
                mood.push(
                    ChartPoint::new(&label, &tick, Some(mo / n as f32))
                        .with_note(&note)
                        .mark(used),
                );
                craving.push(
                    ChartPoint::new(&label, &tick, Some(cr / n as f32))
                        .with_note(&note)
                        .mark(used),
                );
            }
            None => {
                mood.push(ChartPoint::new(&label, &tick, None));
                craving.push(ChartPoint::new(&label, &tick, None));
            }
        }
    }
    (mood, craving, true)
}

/// A list of dated values as points: each one while there are few,
/// monthly averages when there are many.
fn dated_points(mut items: Vec<(NaiveDate, f32)>) -> (Vec<ChartPoint>, bool) {
    items.sort_by_key(|i| i.0);
    if items.len() <= MAX_DAILY_POINTS {
        let pts = items
            .iter()
            .map(|(d, v)| ChartPoint::new(table_date(*d), tick_day(*d), Some(*v)))
            .collect();
        return (pts, false);
    }
    let mut months: BTreeMap<(i32, u32), (f32, u32)> = BTreeMap::new();
    for (d, v) in &items {
        let m = months.entry((d.year(), d.month())).or_default();
        m.0 += v;
        m.1 += 1;
    }
    let many_years = months.keys().next().map(|k| k.0) != months.keys().next_back().map(|k| k.0);
    let pts = fill_months(&months)
        .into_iter()
        .map(|((y, m), data)| {
            let p = ChartPoint::new(
                month_words(y, m),
                tick_month(y, m, many_years),
                data.map(|(s, n)| s / n as f32),
            );
            match data {
                Some((_, n)) => p.with_note(plural(i64::from(n), "rating", "ratings")),
                None => p,
            }
        })
        .collect();
    (pts, true)
}

/// Exercise sessions grouped by length, with the average mood change.
fn exercise_points(logs: &[ExerciseLog]) -> Vec<ChartPoint> {
    const GROUPS: [(&str, &str, u16, u16); 4] = [
        ("Under 15 minutes", "<15", 0, 14),
        ("15 to 29 minutes", "15-29", 15, 29),
        ("30 to 59 minutes", "30-59", 30, 59),
        ("60 minutes or more", "60+", 60, u16::MAX),
    ];
    let em = exercise_vs_mood(logs);
    GROUPS
        .iter()
        .map(|(label, tick, lo, hi)| {
            let changes: Vec<f32> = em
                .points
                .iter()
                .filter(|p| p.minutes >= *lo && p.minutes <= *hi)
                .map(|p| f32::from(p.mood_after) - f32::from(p.mood_before))
                .collect();
            let n = changes.len();
            let mean = (n > 0).then(|| changes.iter().sum::<f32>() / n as f32);
            ChartPoint::new(*label, *tick, mean).with_note(plural(n as i64, "session", "sessions"))
        })
        .collect()
}

/// A short note under a section when the span has too little to show.
fn gap_message(days_in_span: u32, has_any: bool, span: Span) -> &'static str {
    if has_any && days_in_span < MIN_DAYS && span != Span::All {
        "There are not enough check-ins in this time to show a pattern. Try a longer time above."
    } else {
        NOT_ENOUGH
    }
}

/// The time span switch: three buttons, the chosen one pressed.
fn span_switch(span: RwSignal<Span>) -> impl IntoView {
    let button = move |value: Span, label: &'static str| {
        view! {
            <button
                type="button"
                class="button insights__span-button"
                aria-pressed=move || (span.get() == value).to_string()
                on:click=move |_| span.set(value)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="insights__span" role="group" aria-labelledby="span-label">
            <span id="span-label" class="insights__span-label">"Show"</span>
            {button(Span::Week, "Last 7 days")}
            {button(Span::Month, "Last 30 days")}
            {button(Span::All, "All time")}
        </div>
    }
}

/// What a section says when it has nothing to show: a sentence with a link
/// to the tool that fills it.
fn tool_hint(
    before: &'static str,
    href: &'static str,
    link: &'static str,
    after: &'static str,
) -> impl Fn() -> AnyView + Copy + Send + Sync + 'static {
    move || view! { <p class="muted">{before}<A href=href>{link}</A>{after}</p> }.into_any()
}

/// A card with a heading; `body` is drawn when `ready`, `empty` otherwise.
fn section<B, E>(
    id: &'static str,
    heading: &'static str,
    ready: impl Fn() -> bool + Send + Sync + 'static,
    body: B,
    empty: E,
) -> impl IntoView
where
    B: Fn() -> AnyView + Send + Sync + 'static,
    E: Fn() -> AnyView + Send + Sync + 'static,
{
    let title_id = format!("{id}-heading");
    let labelled = title_id.clone();
    let ready = Memo::new(move |_| ready());
    // Redrawn only when `ready` flips; the parts inside update themselves.
    view! {
        <section class="card insights__section" id=id aria-labelledby=labelled>
            <h2 id=title_id>{heading}</h2>
            {move || if ready.get() { untrack(&body) } else { untrack(&empty) }}
        </section>
    }
}

#[component]
pub fn InsightsPage() -> impl IntoView {
    let today = today();
    let offset = utc_offset_minutes();
    let journal = use_collection::<CheckIn>();
    let sows_store = use_collection::<SowsRating>();
    let exercise_store = use_collection::<ExerciseLog>();
    let attendance_store = use_collection::<Attendance>();
    let dose_store = use_collection::<DoseLog>();
    let settings = use_doc::<Settings>();
    let span = RwSignal::new(Span::Week);

    let checkins = Memo::new(move |_| journal.items.with(|i| values(i)));
    let sows = Memo::new(move |_| sows_store.items.with(|i| values(i)));
    let exercise = Memo::new(move |_| exercise_store.items.with(|i| values(i)));
    let attendance = Memo::new(move |_| attendance_store.items.with(|i| values(i)));
    let doses = Memo::new(move |_| dose_store.items.with(|i| values(i)));

    let has_any = Memo::new(move |_| checkins.with(|c| !c.is_empty()));
    let totals = Memo::new(move |_| checkins.with(|c| summary(in_span(c, span.get(), today))));
    let enough = move || totals.with(|t| t.days_checked_in >= MIN_DAYS);
    let gap = move || {
        gap_message(
            totals.with(|t| t.days_checked_in),
            has_any.get(),
            span.get(),
        )
    };
    let empty_checkins = move || view! { <p class="muted">{gap}</p> }.into_any();

    let mood_craving = Memo::new(move |_| {
        let s = span.get();
        checkins.with(|c| mood_and_craving(&daily_series(c, s, today), s, today))
    });
    let mood_points = Memo::new(move |_| mood_craving.with(|m| m.0.clone()));
    let craving_points = Memo::new(move |_| mood_craving.with(|m| m.1.clone()));
    let monthly = move || mood_craving.with(|m| m.2);

    let hour_points =
        Memo::new(move |_| {
            checkins.with(|c| {
                craving_by_hour(in_span(c, span.get(), today), offset)
                    .into_iter()
                    .map(|b| {
                        let h = u32::from(b.key);
                        let label = format!("{h:02}:00 to {:02}:00", (h + 1) % 24);
                        ChartPoint::new(label, format!("{h:02}:00"), b.mean_craving)
                            .with_note(plural(i64::from(b.entries), "check-in", "check-ins"))
                    })
                    .collect::<Vec<_>>()
            })
        });
    let weekday_points = Memo::new(move |_| {
        checkins.with(|c| {
            craving_by_weekday(in_span(c, span.get(), today))
                .into_iter()
                .map(|b| {
                    let day = NaiveDate::from_isoywd_opt(2024, 1, b.key);
                    let (label, tick) = day
                        .map(|d| (d.format("%A").to_string(), d.format("%a").to_string()))
                        .unwrap_or_default();
                    ChartPoint::new(label, tick, b.mean_craving).with_note(plural(
                        i64::from(b.entries),
                        "check-in",
                        "check-ins",
                    ))
                })
                .collect::<Vec<_>>()
        })
    });
    let triggers = Memo::new(move |_| {
        checkins.with(|c| top_triggers(in_span(c, span.get(), today), TOP_TRIGGERS))
    });

    let sows_points = Memo::new(move |_| {
        let s = span.get();
        sows.with(|r| {
            let mut v: Vec<&SowsRating> = r.iter().filter(|r| s.contains(r.date, today)).collect();
            v.sort_by_key(|r| (r.date, r.time_ms));
            dated_points(
                v.into_iter()
                    .map(|r| (r.date, f32::from(r.total())))
                    .collect(),
            )
        })
    });
    let exercise_in_span = Memo::new(move |_| {
        let s = span.get();
        exercise.with(|l| {
            l.iter()
                .filter(|l| s.contains(l.date, today))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let exercise_chart = Memo::new(move |_| exercise_in_span.with(|l| exercise_points(l)));
    let exercise_mean =
        Memo::new(move |_| exercise_in_span.with(|l| exercise_vs_mood(l).mean_change));
    let exercise_minutes = Memo::new(move |_| {
        exercise_in_span.with(|l| l.iter().map(|l| i64::from(l.minutes)).sum::<i64>())
    });

    let meeting_points = Memo::new(move |_| {
        let s = span.get();
        attendance.with(|a| {
            let chosen: Vec<Attendance> = a
                .iter()
                .filter(|a| s.contains(a.date, today))
                .cloned()
                .collect();
            let months: BTreeMap<(i32, u32), u32> = meetings_per_month(&chosen)
                .into_iter()
                .map(|(y, m, n)| ((y, m), n))
                .collect();
            let many_years =
                months.keys().next().map(|k| k.0) != months.keys().next_back().map(|k| k.0);
            fill_months(&months)
                .into_iter()
                .map(|((y, m), n)| {
                    ChartPoint::new(
                        month_words(y, m),
                        tick_month(y, m, many_years),
                        Some(n.unwrap_or(0) as f32),
                    )
                })
                .collect::<Vec<_>>()
        })
    });

    // Clean time is always shown in full: every stretch counts.
    let runs = Memo::new(move |_| {
        let start = settings.value.with(|s| s.recovery_start);
        checkins.with(|c| {
            effective_start(start, earliest_date(c))
                .map(|s| history(s, &use_dates(c), today))
                .unwrap_or_default()
        })
    });
    let run_points = Memo::new(move |_| {
        runs.with(|runs| {
            runs.iter()
                .map(|r| {
                    let note = match r.ended_by_use {
                        Some(d) => format!("Ended by a lapse on {}", table_date(d)),
                        None => "Still going".to_owned(),
                    };
                    ChartPoint::new(
                        format!("From {}", table_date(r.start)),
                        tick_day(r.start),
                        Some(r.days as f32),
                    )
                    .with_note(note)
                    .mark(r.ended_by_use.is_some())
                })
                .collect::<Vec<_>>()
        })
    });
    let clean_total = Memo::new(move |_| runs.with(|r| r.iter().map(|r| r.days).sum::<i64>()));

    let mood_title = Signal::derive(move || {
        if monthly() {
            "Average mood by month, from 1 (very low) to 5 (very good)".to_owned()
        } else {
            "Mood by day, from 1 (very low) to 5 (very good)".to_owned()
        }
    });
    let craving_title = Signal::derive(move || {
        if monthly() {
            "Average craving by month, from 0 (not at all) to 10 (extremely)".to_owned()
        } else {
            "Craving by day, from 0 (not at all) to 10 (extremely)".to_owned()
        }
    });
    let sows_title = Signal::derive(move || {
        if sows_points.with(|p| p.1) {
            format!("Average SOWS total by month, out of {SOWS_MAX_TOTAL}")
        } else {
            format!("SOWS total each time you rated, out of {SOWS_MAX_TOTAL}")
        }
    });

    let mood_body = move || {
        let line = move || {
            let t = totals.get();
            format!(
                "Average mood {} of 5 · average craving {} of 10 · {}.",
                t.mean_mood.map(|m| number(m, false)).unwrap_or_default(),
                t.mean_craving.map(|c| number(c, false)).unwrap_or_default(),
                plural(
                    i64::from(t.days_checked_in),
                    "day checked in",
                    "days checked in"
                ),
            )
        };
        view! {
            <p>{line}</p>
            <Chart
                id="chart-mood"
                title=mood_title
                kind=ChartKind::Line
                points=mood_points
                min=1.0
                max=f32::from(MOOD_MAX)
                label_header="Date"
                value_header="Mood"
                note_header="Use"
                mark_legend="A ring marks a day you logged a use."
                missing="No check-in"
            />
            <Chart
                id="chart-craving"
                title=craving_title
                kind=ChartKind::Line
                points=craving_points
                max=f32::from(CRAVING_MAX)
                label_header="Date"
                value_header="Craving"
                note_header="Use"
                mark_legend="A ring marks a day you logged a use."
                missing="No check-in"
            />
        }
        .into_any()
    };

    let hour_body = move || {
        view! {
            <p class="muted small">"By the time of day you saved each check-in."</p>
            <Chart
                id="chart-hour"
                title="Average craving by hour of the day, from 0 to 10"
                kind=ChartKind::Bar
                points=hour_points
                max=f32::from(CRAVING_MAX)
                label_header="Hour"
                value_header="Average craving"
                note_header="Check-ins"
                missing="No check-ins"
            />
        }
        .into_any()
    };

    let weekday_body = move || {
        view! {
            <Chart
                id="chart-weekday"
                title="Average craving by day of the week, from 0 to 10"
                kind=ChartKind::Bar
                points=weekday_points
                max=f32::from(CRAVING_MAX)
                label_header="Day"
                value_header="Average craving"
                note_header="Check-ins"
                missing="No check-ins"
            />
        }
        .into_any()
    };

    let triggers_body = move || {
        let rows = move || {
            triggers.with(|t| {
                t.iter()
                    .map(|t| {
                        let helped = if t.helped.is_empty() {
                            "Nothing noted".to_owned()
                        } else {
                            t.helped
                                .iter()
                                .map(|(h, n)| format!("{h} ({n})"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        };
                        view! {
                            <tr>
                                <th scope="row">{t.trigger.clone()}</th>
                                <td>{t.count}</td>
                                <td>{helped}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        };
        view! {
            <div class="chart__scroll">
                <table class="chart__table insights__triggers">
                    <caption>"Your most frequent triggers, and what helped on those days"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Trigger"</th>
                            <th scope="col">"Check-ins"</th>
                            <th scope="col">"What helped (times)"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let triggers_empty = move || {
        let msg = move || {
            if enough() {
                "No triggers noted in this time. When you check in, you can pick what set off a craving."
            } else {
                gap()
            }
        };
        view! { <p class="muted">{msg}</p> }.into_any()
    };

    let sows_body = move || {
        let points = Signal::derive(move || sows_points.with(|p| p.0.clone()));
        view! {
            <p class="muted small">
                "The Subjective Opiate Withdrawal Scale. Share the numbers with your prescriber; they can tell you what they mean for you."
            </p>
            <Chart
                id="chart-sows"
                title=sows_title
                kind=ChartKind::Line
                points=points
                max=f32::from(SOWS_MAX_TOTAL)
                label_header="Date"
                value_header="Total"
                note_header="Ratings"
            />
        }
        .into_any()
    };
    let sows_empty = tool_hint(
        "No withdrawal ratings in this time. You can rate withdrawal in ",
        "/tools/treatment",
        "Treatment",
        ".",
    );

    let exercise_body = move || {
        let line = move || {
            exercise_mean.get().map(|m| {
            format!(
                "{} of exercise. On average your mood changed by {} points after a session (on the 1 to 5 scale).",
                plural(exercise_minutes.get(), "minute", "minutes"),
                number(m, true),
            )
        })
        };
        view! {
            <p>{line}</p>
            <Chart
                id="chart-exercise"
                title="Average mood change after exercise, by how long you exercised"
                kind=ChartKind::Bar
                points=exercise_chart
                min=-4.0
                max=4.0
                label_header="Session length"
                value_header="Mood change"
                note_header="Sessions"
                missing="No sessions"
                signed=true
            />
        }
        .into_any()
    };
    let exercise_empty = tool_hint(
        "No exercise logged in this time. You can log a walk or any activity in ",
        "/tools/exercise",
        "Exercise",
        ".",
    );

    let meetings_body = move || {
        view! {
            <Chart
                id="chart-meetings"
                title="Meetings you went to, by month"
                kind=ChartKind::Bar
                points=meeting_points
                label_header="Month"
                value_header="Meetings"
            />
        }
        .into_any()
    };
    let meetings_empty = tool_hint(
        "No meetings marked in this time. You can mark the ones you go to in ",
        "/tools/meetings",
        "Meetings",
        ".",
    );

    let clean_body = move || {
        let line = move || {
            format!(
                "{} in all, over {}. A lapse starts a new stretch; the days before it still count.",
                plural(clean_total.get(), "clean day", "clean days"),
                plural(runs.with(Vec::len) as i64, "stretch", "stretches"),
            )
        };
        view! {
            <p>{line}</p>
            <Chart
                id="chart-clean"
                title="Clean days in each stretch, oldest first"
                kind=ChartKind::Bar
                points=run_points
                label_header="Stretch"
                value_header="Clean days"
                note_header="How it ended"
                mark_legend="Bars in this colour ended with a lapse."
            />
        }
        .into_any()
    };
    let clean_empty = tool_hint(
        "Add your start date in ",
        "/settings",
        "Settings",
        ", or check in, to see your clean time here.",
    );

    view! {
        <div class="insights">
            <div class="no-print">
                <h1>"Insights"</h1>
                <p class="muted">
                    "Patterns from your check-ins and tools. They are worked out on this phone only, and nothing leaves it."
                </p>
                {span_switch(span)}
                <Show when=move || !journal.complete.get()>
                    <p class="muted small" role="status">
                        "Reading your older check-ins. The charts fill in as they arrive."
                    </p>
                </Show>
                <Show when=move || !has_any.get()>
                    <div class="card insights__empty">
                        <p class="insights__empty-text">{NOT_ENOUGH}</p>
                        <A href="/journal/new" attr:class="button button--primary">"Check in now"</A>
                    </div>
                </Show>
                {section("mood", "Mood and craving over time", enough, mood_body, empty_checkins)}
                {section("by-hour", "Craving by time of day", enough, hour_body, empty_checkins)}
                {section("by-weekday", "Craving by day of the week", enough, weekday_body, empty_checkins)}
                {section(
                    "triggers",
                    "Triggers and what helped",
                    move || enough() && triggers.with(|t| !t.is_empty()),
                    triggers_body,
                    triggers_empty,
                )}
                {section("sows", "Withdrawal scores (SOWS)", move || sows_points.with(|p| !p.0.is_empty()), sows_body, sows_empty)}
                {section("exercise", "Exercise and mood", move || exercise_mean.with(Option::is_some), exercise_body, exercise_empty)}
                {section("meetings", "Meetings per month", move || meeting_points.with(|p| !p.is_empty()), meetings_body, meetings_empty)}
                {section("clean-time", "Clean time history", move || runs.with(|r| !r.is_empty()), clean_body, clean_empty)}
            </div>
            <PrintSummary
                checkins=checkins
                sows=sows
                doses=doses
                attendance=attendance
                today=today
            />
        </div>
    }
}
