//! "Summary for your counsellor or prescriber": the user picks dates and
//! what to include, sees the summary on screen, and prints it. Only what is
//! inside the chosen dates is shown, and notes stay out unless ticked, so a
//! printout never carries more than the user chose. When printing, the
//! insights CSS hides everything on the page but this summary.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;

use crate::app::components::chart_svg::number;
use crate::app::components::record_dates::{input_date, long_date, parse_date};
use crate::domain::checkin::{mood_word, CheckIn};
use crate::domain::insights::{daily_series, summary, Span};
use crate::domain::tools::{Attendance, DoseLog, SowsRating, SOWS_MAX_TOTAL};

/// Days in the default range, today included (about a month, the usual gap
/// between appointments).
const DEFAULT_DAYS: i64 = 30;

/// A date in a table row: short enough for a phone-width column,
/// e.g. "Tue 4 Mar 2025".
pub fn table_date(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
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
            (Some(f), Some(t)) => format!("{} to {}", long_date(f), long_date(t)),
            (Some(f), None) => format!("From {}", long_date(f)),
            (None, Some(t)) => format!("Up to {}", long_date(t)),
            (None, None) => "All dates".to_owned(),
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

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn nothing() -> impl IntoView {
    view! { <p class="muted">"Nothing recorded in these dates."</p> }
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
fn summary_table(caption: &'static str, head: AnyView, rows: AnyView) -> AnyView {
    view! {
        <div class="chart__scroll"><table class="print-summary__table">
            <caption class="visually-hidden">{caption}</caption>
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
            (Some(f), Some(t)) if f > t => {
                Some("This date is after the end date. Pick a day on or before it.".to_owned())
            }
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
                        let mood =
                            format!("{} ({})", mood_word(c.mood).unwrap_or("Not set"), c.mood);
                        view! {
                            <tr>
                                <th scope="row">{table_date(c.date)}</th>
                                <td>{mood}</td>
                                <td>{c.craving}</td>
                                <td>{if c.used { "Yes" } else { "No" }}</td>
                                <td>{c.triggers.join(", ")}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            });
            view! {
                <section class="print-summary__part">
                    <h3>"Check-ins"</h3>
                    {if t.entries == 0 {
                        nothing().into_any()
                    } else {
                        view! {
                            <p>
                                {format!(
                                    "{} on {}. Days with a use logged: {}.",
                                    plural(t.entries, "check-in", "check-ins"),
                                    plural(t.days_checked_in, "day", "days"),
                                    t.lapse_days,
                                )}
                            </p>
                            {summary_table(
                                "Check-ins",
                                view! {
                                    <th scope="col">"Date"</th>
                                    <th scope="col">"Mood (1 to 5)"</th>
                                    <th scope="col">"Craving (0 to 10)"</th>
                                    <th scope="col">"Use"</th>
                                    <th scope="col">"Triggers"</th>
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
                            {format!(
                                "Average mood {} of 5. Average craving {} of 10.",
                                number(mood, false),
                                number(craving, false),
                            )}
                        </p>
                        {summary_table(
                            "Mood and craving by week",
                            view! {
                                <th scope="col">"Week starting"</th>
                                <th scope="col">"Days checked in"</th>
                                <th scope="col">"Average mood (1 to 5)"</th>
                                <th scope="col">"Average craving (0 to 10)"</th>
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
                    <h3>"Mood and craving trend"</h3>
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
                    <p class="small">
                        "Subjective Opiate Withdrawal Scale: 16 items, each scored 0 to 4."
                    </p>
                    {summary_table(
                        "SOWS totals",
                        view! {
                            <th scope="col">"Date"</th>
                            <th scope="col">{format!("Total (0 to {SOWS_MAX_TOTAL})")}</th>
                        }
                        .into_any(),
                        rows.into_any(),
                    )}
                }
                .into_any()
            };
            view! {
                <section class="print-summary__part">
                    <h3>"Withdrawal scores (SOWS)"</h3>
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
                                "Not written".to_owned()
                            } else {
                                d.amount.clone()
                            };
                            view! {
                                <tr>
                                    <th scope="row">{table_date(d.date)}</th>
                                    <td>{amount}</td>
                                    <td>{if d.taken { "Yes" } else { "No" }}</td>
                                    {notes.then(|| view! { <td>{d.notes.clone()}</td> })}
                                </tr>
                            }
                        })
                        .collect_view()
                });
                view! {
                    {summary_table(
                        "Doses",
                        view! {
                            <th scope="col">"Date"</th>
                            <th scope="col">"Dose as prescribed"</th>
                            <th scope="col">"Taken"</th>
                            {notes.then(|| view! { <th scope="col">"Notes"</th> })}
                        }
                        .into_any(),
                        rows.into_any(),
                    )}
                }
                .into_any()
            };
            view! {
                <section class="print-summary__part">
                    <h3>"Doses"</h3>
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
                    <p>{format!("{} attended.", plural(count, "meeting", "meetings"))}</p>
                    {summary_table(
                        "Meetings",
                        view! {
                            <th scope="col">"Date"</th>
                            <th scope="col">"Meeting"</th>
                        }
                        .into_any(),
                        rows.into_any(),
                    )}
                }
                .into_any()
            };
            view! {
                <section class="print-summary__part">
                    <h3>"Meetings"</h3>
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
                    <h3>"Notes from check-ins"</h3>
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
            <h2 id="summary-title">"Summary for your counsellor or prescriber"</h2>
            <div class="no-print">
                <p>
                    "Pick the dates and what to share. Check what is below, then print it or save it as a PDF. Only this summary is printed."
                </p>
                <div class="print-summary__dates">
                    {date_field("summary-from", "From", from_text, order_error)}
                    {date_field("summary-to", "To", to_text, no_error)}
                </div>
                <fieldset>
                    <legend>"What to include"</legend>
                    {include_box("include-checkins", "Check-ins", with_checkins)}
                    {include_box("include-trend", "Craving and mood trend", with_trend)}
                    {include_box("include-sows", "Withdrawal scores (SOWS)", with_sows)}
                    {include_box("include-doses", "Doses", with_doses)}
                    {include_box("include-meetings", "Meetings", with_meetings)}
                    {include_box("include-notes", "Notes (your own words)", with_notes)}
                </fieldset>
                <button type="button" class="button button--primary" on:click=print>
                    "Print summary"
                </button>
            </div>
            <div class="print-summary__body" aria-label="Summary to print" role="region">
                <p class="print-only print-summary__name">"Name: "</p>
                <p class="print-summary__meta">
                    <strong>"Dates: "</strong>
                    {move || range.get().words()}
                    <br/>
                    {format!("Made on {} from the person's own entries in the Waymark app. Not a medical record.", long_date(today))}
                </p>
                <Show when=none_chosen>
                    <p class="muted no-print">"Tick at least one thing to include."</p>
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
