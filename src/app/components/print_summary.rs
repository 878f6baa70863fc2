//! The summary for a counsellor or prescriber (`print.title`): the user picks dates and
//! what to include, sees the summary on screen, and prints it. Only what is
//! inside the chosen dates is shown, and notes stay out unless ticked, so a
//! printout never carries more than the user chose. When printing, the
//! insights CSS hides everything on the page but this summary.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;

use crate::app::components::chart_svg::number;
use crate::app::components::record_dates::{input_date, parse_date};
use crate::domain::checkin::{mood_word, CheckIn, CRAVING_MAX, MOOD_MAX};
use crate::domain::insights::{daily_series, summary, Span};
use crate::domain::tools::{Attendance, DoseLog, SowsRating, SOWS_MAX_TOTAL};
use crate::i18n::format::{date_full, date_short};
use crate::i18n::{tr, trn, Key, Plural};
use crate::t;

/// Days in the default range, today included (about a month, the usual gap
/// between appointments).
const DEFAULT_DAYS: i64 = 30;

/// A date in a table row: short enough for a phone-width column,
/// e.g. "Tue, Mar 4, 2025".
pub fn table_date(d: NaiveDate) -> String {
    date_short(d)
}

/// The chosen dates; an empty field leaves that end open.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Range {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl Range {
    fn contains(self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }

    fn words(self) -> String {
        match (self.from, self.to) {
            (Some(f), Some(t)) => t!(Key::PrintRange, from = date_full(f), to = date_full(t)),
            (Some(f), None) => t!(Key::PrintRangeFrom, date = date_full(f)),
            (None, Some(t)) => t!(Key::PrintRangeTo, date = date_full(t)),
            (None, None) => tr(Key::PrintRangeAll).to_owned(),
        }
    }
}

/// Mood and craving averaged per week (Monday first), oldest first:
/// `(week start, days with a check-in, mean mood, mean craving)`.
fn weekly(checkins: &[CheckIn], today: NaiveDate) -> Vec<(NaiveDate, u32, f32, f32)> {
    let mut weeks: BTreeMap<NaiveDate, (u32, f32, f32)> = BTreeMap::new();
    for day in daily_series(checkins, Span::All, today) {
        let start = day.date - Duration::days(i64::from(day.date.weekday().num_days_from_monday()));
        let w = weeks.entry(start).or_default();
        w.0 += 1;
        w.1 += day.mood;
        w.2 += day.craving;
    }
    weeks
        .into_iter()
        .map(|(start, (n, mood, craving))| (start, n, mood / n as f32, craving / n as f32))
        .collect()
}

/// A count in words ("1 meeting", "12 meetings"), the number in plain
/// digits as the summary has always printed it.
fn plural(key: Plural, n: u32) -> String {
    trn(key, i64::from(n), &[("count", &n)])
}

fn nothing() -> impl IntoView {
    view! { <p class="muted">{tr(Key::PrintNothing)}</p> }
}

/// One tickbox in "What to include".
fn include_box(id: &'static str, label: &'static str, on: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="check" for=id>
            <input
                type="checkbox"
                id=id
                prop:checked=move || on.get()
                on:change=move |ev| on.set(event_target_checked(&ev))
            />
            {label}
        </label>
    }
}

fn date_field(
    id: &'static str,
    label: &'static str,
    text: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field print-summary__date">
            <label for=id>{label}</label>
            <input
                type="date"
                id=id
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            />
            <p class="field__error" id=error_id>{move || error.get()}</p>
        </div>
    }
}

/// The summary section: choices (not printed) and the summary itself.
/// A table of the summary, scrolling sideways on a narrow phone; `head` is
/// the header row's cells and `rows` the body's rows.
fn summary_table(caption: Key, head: AnyView, rows: AnyView) -> AnyView {
    view! {
        <div class="chart__scroll"><table class="print-summary__table">
            <caption class="visually-hidden">{tr(caption)}</caption>
            <thead><tr>{head}</tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
    .into_any()
}

#[component]
pub fn PrintSummary(
    #[prop(into)] checkins: Signal<Vec<CheckIn>>,
    #[prop(into)] sows: Signal<Vec<SowsRating>>,
    #[prop(into)] doses: Signal<Vec<DoseLog>>,
    #[prop(into)] attendance: Signal<Vec<Attendance>>,
    today: NaiveDate,
) -> impl IntoView {
    let from_text = RwSignal::new(input_date(today - Duration::days(DEFAULT_DAYS - 1)));
    let to_text = RwSignal::new(input_date(today));
    let with_checkins = RwSignal::new(true);
    let with_trend = RwSignal::new(true);
    let with_sows = RwSignal::new(true);
    let with_doses = RwSignal::new(true);
    let with_meetings = RwSignal::new(true);
    // Notes are private words; they go on paper only when asked for.
    let with_notes = RwSignal::new(false);

    let range = Memo::new(move |_| Range {
        from: parse_date(&from_text.get()),
        to: parse_date(&to_text.get()),
    });
    let order_error = Signal::derive(move || {
        let r = range.get();
        match (r.from, r.to) {
            (Some(f), Some(t)) if f > t => Some(tr(Key::PrintOrderError).to_owned()),
            _ => None,
        }
    });
    let no_error = Signal::derive(|| None::<String>);

    // Everything below is worked out once per change of dates or data.
    let chosen = Memo::new(move |_| {
        let r = range.get();
        let mut v: Vec<CheckIn> =
            checkins.with(|c| c.iter().filter(|c| r.contains(c.date)).cloned().collect());
        v.sort_by(|a, b| a.date.cmp(&b.date).then(a.created_ms.cmp(&b.created_ms)));
        v
    });
    let totals = Memo::new(move |_| chosen.with(|c| summary(c)));
    let weeks = Memo::new(move |_| chosen.with(|c| weekly(c, today)));
    let sows_rows = Memo::new(move |_| {
        let r = range.get();
        let mut v: Vec<(NaiveDate, i64, u8)> = sows.with(|s| {
            s.iter()
                .filter(|s| r.contains(s.date))
                .map(|s| (s.date, s.time_ms, s.total()))
                .collect()
        });
        v.sort();
        v
    });
    let dose_rows = Memo::new(move |_| {
        let r = range.get();
        let mut v: Vec<DoseLog> =
            doses.with(|d| d.iter().filter(|d| r.contains(d.date)).cloned().collect());
        v.sort_by_key(|d| d.date);
        v
    });
    let meeting_rows = Memo::new(move |_| {
        let r = range.get();
        let mut v: Vec<(NaiveDate, String)> = attendance.with(|a| {
            a.iter()
                .filter(|a| r.contains(a.date))
                .map(|a| (a.date, a.name.clone()))
                .collect()
        });
        v.sort();
        v
    });

    let print = move |_| {
        if order_error.with_untracked(Option::is_some) {
            if let Some(el) = document().get_element_by_id("summary-from") {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
            return;
        }
        let _ = window().print();
    };

    let checkins_part = move || {
        with_checkins.get().then(|| {
            let t = totals.get();
            let rows = chosen.with(|c| {
                c.iter()
                    .map(|c| {
                        let word = mood_word(c.mood).unwrap_or(tr(Key::PrintNotSet));
                        let mood = format!("{word} ({})", c.mood);
                        view! {
                            <tr>
                                <th scope="row">{table_date(c.date)}</th>
                                <td>{mood}</td>
                                <td>{c.craving}</td>
                                <td>{tr(if c.used { Key::PrintYes } else { Key::PrintNo })}</td>
                                <td>{c.triggers.join(", ")}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            });
            view! {
                <section class="print-summary__part">
                    <h3>{tr(Key::PrintCheckIns)}</h3>
                    {if t.entries == 0 {
                        nothing().into_any()
                    } else {
                        view! {
                            <p>
                                {t!(
                                    Key::PrintCheckInsLine,
                                    checkins = plural(Key::PrintCheckInsCount, t.entries),
                                    days = plural(Key::PrintDaysCount, t.days_checked_in),
                                    lapses = t.lapse_days,
                                )}
                            </p>
                            {summary_table(
                                Key::PrintCheckIns,
                                view! {
                                    <th scope="col">{tr(Key::PrintDate)}</th>
                                    <th scope="col">{tr(Key::PrintMoodScale)}</th>
                                    <th scope="col">{tr(Key::PrintCravingScale)}</th>
                                    <th scope="col">{tr(Key::PrintUse)}</th>
                                    <th scope="col">{tr(Key::PrintTriggers)}</th>
                                }
                                .into_any(),
                                rows.into_any(),
                            )}
                        }
                        .into_any()
                    }}
                </section>
            }
        })
    };

    let trend_part = move || {
        with_trend.get().then(|| {
            let t = totals.get();
            let body = match (t.mean_mood, t.mean_craving) {
                (Some(mood), Some(craving)) => {
                    let rows = weeks.with(|w| {
                        w.iter()
                            .map(|(start, days, mood, craving)| {
                                view! {
                                    <tr>
                                        <th scope="row">{table_date(*start)}</th>
                                        <td>{*days}</td>
                                        <td>{number(*mood, false)}</td>
                                        <td>{number(*craving, false)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    });
                    view! {
                        <p>
                            {t!(
                                Key::PrintAverages,
                                mood = number(mood, false),
                                mood_max = MOOD_MAX,
                                craving = number(craving, false),
                                craving_max = CRAVING_MAX,
                            )}
                        </p>
                        {summary_table(
                            Key::PrintWeeklyCaption,
                            view! {
                                <th scope="col">{tr(Key::PrintWeekStarting)}</th>
                                <th scope="col">{tr(Key::PrintDaysCheckedIn)}</th>
                                <th scope="col">{tr(Key::PrintAverageMoodScale)}</th>
                                <th scope="col">{tr(Key::PrintAverageCravingScale)}</th>
                            }
                            .into_any(),
                            rows.into_any(),
                        )}
                    }
                    .into_any()
                }
                _ => nothing().into_any(),
            };
            view! {
                <section class="print-summary__part">
                    <h3>{tr(Key::PrintTrend)}</h3>
                    {body}
                </section>
            }
        })
    };

    let sows_part = move || {
        with_sows.get().then(|| {
            let body = if sows_rows.with(Vec::is_empty) {
                nothing().into_any()
            } else {
                let rows = sows_rows.with(|rows| {
                    rows.iter()
                        .map(|(date, _, total)| {
                            view! {
                                <tr>
                                    <th scope="row">{table_date(*date)}</th>
                                    <td>{*total}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                });
                view! {
                    <p class="small">{tr(Key::PrintSowsHint)}</p>
                    {summary_table(
                        Key::PrintSowsCaption,
                        view! {
                            <th scope="col">{tr(Key::PrintDate)}</th>
                            <th scope="col">{t!(Key::PrintSowsTotal, max = SOWS_MAX_TOTAL)}</th>
                        }
                        .into_any(),
                        rows.into_any(),
                    )}
                }
                .into_any()
            };
            view! {
                <section class="print-summary__part">
                    <h3>{tr(Key::PrintSows)}</h3>
                    {body}
                </section>
            }
        })
    };

    let doses_part = move || {
        with_doses.get().then(|| {
            let notes = with_notes.get();
            let body = if dose_rows.with(Vec::is_empty) {
                nothing().into_any()
            } else {
                let rows = dose_rows.with(|rows| {
                    rows.iter()
                        .map(|d| {
                            let amount = if d.amount.trim().is_empty() {
                                tr(Key::PrintNotWritten).to_owned()
                            } else {
                                d.amount.clone()
                            };
                            view! {
                                <tr>
                                    <th scope="row">{table_date(d.date)}</th>
                                    <td>{amount}</td>
                                    <td>{tr(if d.taken { Key::PrintYes } else { Key::PrintNo })}</td>
                                    {notes.then(|| view! { <td>{d.notes.clone()}</td> })}
                                </tr>
                            }
                        })
                        .collect_view()
                });
                view! {
                    {summary_table(
                        Key::PrintDoses,
                        view! {
                            <th scope="col">{tr(Key::PrintDate)}</th>
                            <th scope="col">{tr(Key::PrintDose)}</th>
                            <th scope="col">{tr(Key::PrintTaken)}</th>
                            {notes.then(|| view! { <th scope="col">{tr(Key::PrintNotes)}</th> })}
                        }
                        .into_any(),
                        rows.into_any(),
                    )}
                }
                .into_any()
            };
            view! {
                <section class="print-summary__part">
                    <h3>{tr(Key::PrintDoses)}</h3>
                    {body}
                </section>
            }
        })
    };

    let meetings_part = move || {
        with_meetings.get().then(|| {
            let count = meeting_rows.with(Vec::len) as u32;
            let body = if count == 0 {
                nothing().into_any()
            } else {
                let rows = meeting_rows.with(|rows| {
                    rows.iter()
                        .map(|(date, name)| {
                            view! {
                                <tr>
                                    <th scope="row">{table_date(*date)}</th>
                                    <td>{name.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                });
                view! {
                    <p>{t!(Key::PrintMeetingsLine, meetings = plural(Key::PrintMeetingsCount, count))}</p>
                    {summary_table(
                        Key::PrintMeetings,
                        view! {
                            <th scope="col">{tr(Key::PrintDate)}</th>
                            <th scope="col">{tr(Key::PrintMeeting)}</th>
                        }
                        .into_any(),
                        rows.into_any(),
                    )}
                }
                .into_any()
            };
            view! {
                <section class="print-summary__part">
                    <h3>{tr(Key::PrintMeetings)}</h3>
                    {body}
                </section>
            }
        })
    };

    let notes_part = move || {
        with_notes.get().then(|| {
            let items = chosen.with(|c| {
                c.iter()
                    .filter(|c| !c.note.trim().is_empty())
                    .map(|c| {
                        view! {
                            <li>
                                <strong>{table_date(c.date)}</strong>
                                <p class="print-summary__note">{c.note.clone()}</p>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()
            });
            let body = if items.is_empty() {
                nothing().into_any()
            } else {
                view! { <ul class="list-plain print-summary__notes">{items}</ul> }.into_any()
            };
            view! {
                <section class="print-summary__part">
                    <h3>{tr(Key::PrintNotesHeading)}</h3>
                    {body}
                </section>
            }
        })
    };

    let none_chosen = move || {
        !(with_checkins.get()
            || with_trend.get()
            || with_sows.get()
            || with_doses.get()
            || with_meetings.get()
            || with_notes.get())
    };

    view! {
        <section class="print-summary card" aria-labelledby="summary-title">
            <h2 id="summary-title">{tr(Key::PrintTitle)}</h2>
            <div class="no-print">
                <p>{tr(Key::PrintIntro)}</p>
                <div class="print-summary__dates">
                    {date_field("summary-from", tr(Key::PrintFrom), from_text, order_error)}
                    {date_field("summary-to", tr(Key::PrintTo), to_text, no_error)}
                </div>
                <fieldset>
                    <legend>{tr(Key::PrintInclude)}</legend>
                    {include_box("include-checkins", tr(Key::PrintCheckIns), with_checkins)}
                    {include_box("include-trend", tr(Key::PrintIncludeTrend), with_trend)}
                    {include_box("include-sows", tr(Key::PrintSows), with_sows)}
                    {include_box("include-doses", tr(Key::PrintDoses), with_doses)}
                    {include_box("include-meetings", tr(Key::PrintMeetings), with_meetings)}
                    {include_box("include-notes", tr(Key::PrintIncludeNotes), with_notes)}
                </fieldset>
                <button type="button" class="button button--primary" on:click=print>
                    {tr(Key::PrintButton)}
                </button>
            </div>
            <div class="print-summary__body" aria-label=tr(Key::PrintRegion) role="region">
                <p class="print-only print-summary__name">{tr(Key::PrintName)}" "</p>
                <p class="print-summary__meta">
                    <strong>{tr(Key::PrintDates)}" "</strong>
                    {move || range.get().words()}
                    <br/>
                    {t!(Key::PrintMadeOn, date = date_full(today))}
                </p>
                <Show when=none_chosen>
                    <p class="muted no-print">{tr(Key::PrintNoneChosen)}</p>
                </Show>
                {checkins_part}
                {trend_part}
                {sows_part}
                {doses_part}
                {meetings_part}
                {notes_part}
            </div>
        </section>
    }
}
