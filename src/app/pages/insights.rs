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
use crate::i18n::format::{
    day_month_short, month_short_name, month_short_year, weekday_by_index, weekday_short_by_index,
};
use crate::i18n::{tr, trn, Key, Plural};
use crate::t;

/// Beyond this many days, time charts show one point per month, so the
/// picture stays readable and the table stays short.
const MAX_DAILY_POINTS: usize = 92;
/// How many triggers the table lists.
const TOP_TRIGGERS: usize = 8;
/// Fewer days with a check-in than this, and patterns would be guesses.
const MIN_DAYS: u32 = 2;

fn values<T: Clone>(items: &[Envelope<T>]) -> Vec<T> {
    items.iter().map(|e| e.value.clone()).collect()
}

/// A count in words ("1 session", "12 sessions"). The number goes in as
/// plain digits, as these screens have always shown it.
fn plural(key: Plural, n: i64) -> String {
    trn(key, n, &[("count", &n)])
}

fn tick_day(d: NaiveDate) -> String {
    day_month_short(d)
}

fn tick_month(year: i32, month: u32, many_years: bool) -> String {
    match NaiveDate::from_ymd_opt(year, month, 1) {
        Some(d) if many_years => month_short_year(d),
        Some(_) => month_short_name(month).to_owned(),
        None => String::new(),
    }
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
                    let note = if p.used {
                        tr(Key::InsightsUseLogged)
                    } else {
                        ""
                    };
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
                let mut note = plural(Key::InsightsDaysCheckedIn, i64::from(n));
                if used {
                    note = t!(Key::InsightsMonthUseLogged, days = note);
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
                Some((_, n)) => p.with_note(plural(Key::InsightsRatings, i64::from(n))),
                None => p,
            }
        })
        .collect();
    (pts, true)
}

/// Exercise sessions grouped by length, with the average mood change.
fn exercise_points(logs: &[ExerciseLog]) -> Vec<ChartPoint> {
    const GROUPS: [(Key, &str, u16, u16); 4] = [
        (Key::InsightsExerciseUnder15, "<15", 0, 14),
        (Key::InsightsExercise15To29, "15-29", 15, 29),
        (Key::InsightsExercise30To59, "30-59", 30, 59),
        (Key::InsightsExercise60Plus, "60+", 60, u16::MAX),
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
            ChartPoint::new(tr(*label), *tick, mean)
                .with_note(plural(Key::InsightsSessions, n as i64))
        })
        .collect()
}

/// A short note under a section when the span has too little to show.
fn gap_message(days_in_span: u32, has_any: bool, span: Span) -> &'static str {
    if has_any && days_in_span < MIN_DAYS && span != Span::All {
        tr(Key::InsightsTooFewInSpan)
    } else {
        tr(Key::InsightsNotEnough)
    }
}

/// The time span switch: three buttons, the chosen one pressed.
fn span_switch(span: RwSignal<Span>) -> impl IntoView {
    let button = move |value: Span, label: Key| {
        view! {
            <button
                type="button"
                class="button insights__span-button"
                aria-pressed=move || (span.get() == value).to_string()
                on:click=move |_| span.set(value)
            >
                {t!(label)}
            </button>
        }
    };
    view! {
        <div class="insights__span" role="group" aria-labelledby="span-label">
            <span id="span-label" class="insights__span-label">{t!(Key::InsightsSpanShow)}</span>
            {button(Span::Week, Key::InsightsSpanWeek)}
            {button(Span::Month, Key::InsightsSpanMonth)}
            {button(Span::All, Key::InsightsSpanAll)}
        </div>
    }
}

/// What a section says when it has nothing to show: a sentence with a link
/// to the tool that fills it. `sentence` holds `{link}` where the link goes,
/// so each language puts it where its grammar wants it.
fn tool_hint(
    sentence: Key,
    href: &'static str,
    link: Key,
) -> impl Fn() -> AnyView + Copy + Send + Sync + 'static {
    move || {
        let text = tr(sentence);
        let (before, after) = text.split_once("{link}").unwrap_or((text, ""));
        view! { <p class="muted">{before}<A href=href>{tr(link)}</A>{after}</p> }.into_any()
    }
}

/// A card with a heading; `body` is drawn when `ready`, `empty` otherwise.
fn section<B, E>(
    id: &'static str,
    heading: Key,
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
            <h2 id=title_id>{tr(heading)}</h2>
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

    let hour_points = Memo::new(move |_| {
        checkins.with(|c| {
            craving_by_hour(in_span(c, span.get(), today), offset)
                .into_iter()
                .map(|b| {
                    let h = u32::from(b.key);
                    let label = t!(
                        Key::InsightsHourRange,
                        from = format!("{h:02}:00"),
                        to = format!("{:02}:00", (h + 1) % 24)
                    );
                    ChartPoint::new(label, format!("{h:02}:00"), b.mean_craving)
                        .with_note(plural(Key::InsightsCheckIns, i64::from(b.entries)))
                })
                .collect::<Vec<_>>()
        })
    });
    let weekday_points = Memo::new(move |_| {
        checkins.with(|c| {
            craving_by_weekday(in_span(c, span.get(), today))
                .into_iter()
                .map(|b| {
                    let day = b.key.num_days_from_monday() as usize;
                    let (label, tick) = (weekday_by_index(day), weekday_short_by_index(day));
                    ChartPoint::new(label, tick, b.mean_craving)
                        .with_note(plural(Key::InsightsCheckIns, i64::from(b.entries)))
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
                        Some(d) => t!(Key::InsightsRunEnded, date = table_date(d)),
                        None => tr(Key::InsightsRunGoing).to_owned(),
                    };
                    ChartPoint::new(
                        t!(Key::InsightsRunFrom, date = table_date(r.start)),
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
            tr(Key::InsightsMoodTitleMonthly).to_owned()
        } else {
            tr(Key::InsightsMoodTitleDaily).to_owned()
        }
    });
    let craving_title = Signal::derive(move || {
        if monthly() {
            tr(Key::InsightsCravingTitleMonthly).to_owned()
        } else {
            tr(Key::InsightsCravingTitleDaily).to_owned()
        }
    });
    let sows_title = Signal::derive(move || {
        if sows_points.with(|p| p.1) {
            t!(Key::InsightsSowsTitleMonthly, max = SOWS_MAX_TOTAL)
        } else {
            t!(Key::InsightsSowsTitle, max = SOWS_MAX_TOTAL)
        }
    });

    let mood_body = move || {
        let line = move || {
            let t = totals.get();
            t!(
                Key::InsightsMoodLine,
                mood = t.mean_mood.map(|m| number(m, false)).unwrap_or_default(),
                mood_max = MOOD_MAX,
                craving = t.mean_craving.map(|c| number(c, false)).unwrap_or_default(),
                craving_max = CRAVING_MAX,
                days = plural(Key::InsightsDaysCheckedIn, i64::from(t.days_checked_in)),
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
                label_header=tr(Key::InsightsDate)
                value_header=tr(Key::InsightsMood)
                note_header=tr(Key::InsightsUse)
                mark_legend=tr(Key::InsightsRingLegend)
                missing=tr(Key::InsightsNoCheckIn)
            />
            <Chart
                id="chart-craving"
                title=craving_title
                kind=ChartKind::Line
                points=craving_points
                max=f32::from(CRAVING_MAX)
                label_header=tr(Key::InsightsDate)
                value_header=tr(Key::InsightsCraving)
                note_header=tr(Key::InsightsUse)
                mark_legend=tr(Key::InsightsRingLegend)
                missing=tr(Key::InsightsNoCheckIn)
            />
        }
        .into_any()
    };

    let hour_body = move || {
        view! {
            <p class="muted small">{tr(Key::InsightsHourHint)}</p>
            <Chart
                id="chart-hour"
                title=tr(Key::InsightsHourTitle).to_owned()
                kind=ChartKind::Bar
                points=hour_points
                max=f32::from(CRAVING_MAX)
                label_header=tr(Key::InsightsHour)
                value_header=tr(Key::InsightsAverageCraving)
                note_header=tr(Key::InsightsCheckInsHeader)
                missing=tr(Key::InsightsNoCheckIns)
            />
        }
        .into_any()
    };

    let weekday_body = move || {
        view! {
            <Chart
                id="chart-weekday"
                title=tr(Key::InsightsWeekdayTitle).to_owned()
                kind=ChartKind::Bar
                points=weekday_points
                max=f32::from(CRAVING_MAX)
                label_header=tr(Key::InsightsDay)
                value_header=tr(Key::InsightsAverageCraving)
                note_header=tr(Key::InsightsCheckInsHeader)
                missing=tr(Key::InsightsNoCheckIns)
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
                            tr(Key::InsightsNothingNoted).to_owned()
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
                    <caption>{tr(Key::InsightsTriggersCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(Key::InsightsTrigger)}</th>
                            <th scope="col">{tr(Key::InsightsCheckInsHeader)}</th>
                            <th scope="col">{tr(Key::InsightsHelpedTimes)}</th>
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
                tr(Key::InsightsNoTriggers)
            } else {
                gap()
            }
        };
        view! { <p class="muted">{msg}</p> }.into_any()
    };

    let sows_body = move || {
        let points = Signal::derive(move || sows_points.with(|p| p.0.clone()));
        view! {
            <p class="muted small">{tr(Key::InsightsSowsHint)}</p>
            <Chart
                id="chart-sows"
                title=sows_title
                kind=ChartKind::Line
                points=points
                max=f32::from(SOWS_MAX_TOTAL)
                label_header=tr(Key::InsightsDate)
                value_header=tr(Key::InsightsTotal)
                note_header=tr(Key::InsightsRatingsHeader)
            />
        }
        .into_any()
    };
    let sows_empty = tool_hint(
        Key::InsightsSowsEmpty,
        "/tools/treatment",
        Key::InsightsSowsEmptyLink,
    );

    let exercise_body = move || {
        let line = move || {
            exercise_mean.get().map(|m| {
                t!(
                    Key::InsightsExerciseLine,
                    minutes = plural(Key::InsightsMinutes, exercise_minutes.get()),
                    change = number(m, true),
                )
            })
        };
        view! {
            <p>{line}</p>
            <Chart
                id="chart-exercise"
                title=tr(Key::InsightsExerciseTitle).to_owned()
                kind=ChartKind::Bar
                points=exercise_chart
                min=-4.0
                max=4.0
                label_header=tr(Key::InsightsSessionLength)
                value_header=tr(Key::InsightsMoodChange)
                note_header=tr(Key::InsightsSessionsHeader)
                missing=tr(Key::InsightsNoSessions)
                signed=true
            />
        }
        .into_any()
    };
    let exercise_empty = tool_hint(
        Key::InsightsExerciseEmpty,
        "/tools/exercise",
        Key::InsightsExerciseEmptyLink,
    );

    let meetings_body = move || {
        view! {
            <Chart
                id="chart-meetings"
                title=tr(Key::InsightsMeetingsTitle).to_owned()
                kind=ChartKind::Bar
                points=meeting_points
                label_header=tr(Key::InsightsMonth)
                value_header=tr(Key::InsightsMeetingsHeader)
            />
        }
        .into_any()
    };
    let meetings_empty = tool_hint(
        Key::InsightsMeetingsEmpty,
        "/tools/meetings",
        Key::InsightsMeetingsEmptyLink,
    );

    let clean_body = move || {
        let line = move || {
            t!(
                Key::InsightsCleanLine,
                days = plural(Key::InsightsCleanDays, clean_total.get()),
                stretches = plural(Key::InsightsStretches, runs.with(Vec::len) as i64),
            )
        };
        view! {
            <p>{line}</p>
            <Chart
                id="chart-clean"
                title=tr(Key::InsightsCleanTitle).to_owned()
                kind=ChartKind::Bar
                points=run_points
                label_header=tr(Key::InsightsStretch)
                value_header=tr(Key::InsightsCleanDaysHeader)
                note_header=tr(Key::InsightsHowItEnded)
                mark_legend=tr(Key::InsightsBarLegend)
            />
        }
        .into_any()
    };
    let clean_empty = tool_hint(
        Key::InsightsCleanEmpty,
        "/settings",
        Key::InsightsCleanEmptyLink,
    );

    view! {
        <div class="insights">
            <div class="no-print">
                <h1>{tr(Key::InsightsTitle)}</h1>
                <p class="muted">{tr(Key::InsightsIntro)}</p>
                {span_switch(span)}
                <Show when=move || !journal.complete.get()>
                    <p class="muted small" role="status">{tr(Key::InsightsReading)}</p>
                </Show>
                <Show when=move || !has_any.get()>
                    <div class="card insights__empty">
                        <p class="insights__empty-text">{tr(Key::InsightsNotEnough)}</p>
                        <A href="/journal/new" attr:class="button button--primary">{tr(Key::InsightsCheckInNow)}</A>
                    </div>
                </Show>
                {section("mood", Key::InsightsMoodHeading, enough, mood_body, empty_checkins)}
                {section("by-hour", Key::InsightsHourHeading, enough, hour_body, empty_checkins)}
                {section("by-weekday", Key::InsightsWeekdayHeading, enough, weekday_body, empty_checkins)}
                {section(
                    "triggers",
                    Key::InsightsTriggersHeading,
                    move || enough() && triggers.with(|t| !t.is_empty()),
                    triggers_body,
                    triggers_empty,
                )}
                {section("sows", Key::InsightsSowsHeading, move || sows_points.with(|p| !p.0.is_empty()), sows_body, sows_empty)}
                {section("exercise", Key::InsightsExerciseHeading, move || exercise_mean.with(Option::is_some), exercise_body, exercise_empty)}
                {section("meetings", Key::InsightsMeetingsHeading, move || meeting_points.with(|p| !p.is_empty()), meetings_body, meetings_empty)}
                {section("clean-time", Key::InsightsCleanHeading, move || runs.with(|r| !r.is_empty()), clean_body, clean_empty)}
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
