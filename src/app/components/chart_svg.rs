//! One small chart, drawn by the app as SVG (no chart library, nothing
//! fetched), always paired with a table of the same numbers. The picture is
//! for a quick look; the table is for screen readers, for exact values and
//! for anyone who reads numbers more easily than shapes. Colours come from
//! CSS classes (style/insights.css), so the chart follows light and dark.

use leptos::prelude::*;

use crate::i18n::{tr, Key};

/// Width and height of the drawing, in SVG units (it scales to the card).
const W: f32 = 320.0;
const H: f32 = 170.0;
/// Room for the value labels on the left and the tick labels below.
const LEFT: f32 = 30.0;
const RIGHT: f32 = 6.0;
const TOP: f32 = 10.0;
const BOTTOM: f32 = 26.0;
/// Most tick labels under the chart; more would overlap on a phone.
const MAX_TICKS: usize = 6;

/// How the values are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Points joined by a line; a missing value leaves a gap.
    Line,
    /// One bar per point, from zero.
    Bar,
}

/// One value in a chart and one row in its table.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    /// The row heading in the table, in full ("Tue, Mar 4, 2025").
    pub label: String,
    /// The short tick under the chart ("Mar 4"); only some are shown.
    pub tick: String,
    /// `None` when there is nothing to show (no check-ins that hour).
    pub value: Option<f32>,
    /// Extra words for the table's last column. A point with a mark is drawn
    /// differently (a ring or a darker bar); the legend says what it means.
    pub note: String,
    pub marked: bool,
}

impl ChartPoint {
    pub fn new(label: impl Into<String>, tick: impl Into<String>, value: Option<f32>) -> Self {
        Self {
            label: label.into(),
            tick: tick.into(),
            value,
            note: String::new(),
            marked: false,
        }
    }

    /// Adds the words for the table's last column.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = note.into();
        self
    }

    /// Draws this point differently (see the chart's legend).
    pub fn mark(mut self, marked: bool) -> Self {
        self.marked = marked;
        self
    }
}

/// A value as the chart and table print it: whole numbers without a
/// decimal, others with one; `signed` adds "+" to gains (mood changes).
pub fn number(v: f32, signed: bool) -> String {
    let text = if (v - v.round()).abs() < 0.05 {
        format!("{:.0}", v.round())
    } else {
        format!("{v:.1}")
    };
    if signed && v >= 0.05 {
        format!("+{text}")
    } else {
        text
    }
}

/// A top for the value axis when none is fixed: the largest value rounded
/// up to a friendly number, never below 1.
fn nice_max(points: &[ChartPoint]) -> f32 {
    let top = points
        .iter()
        .filter_map(|p| p.value)
        .fold(0.0_f32, f32::max);
    // Even tops keep the middle grid line on a whole number.
    match top {
        t if t <= 2.0 => 2.0,
        t if t <= 10.0 => (t / 2.0).ceil() * 2.0,
        t if t <= 100.0 => (t / 10.0).ceil() * 10.0,
        t => (t / 100.0).ceil() * 100.0,
    }
}

/// Which points get a tick label: all when few, otherwise evenly spaced.
fn shows_tick(i: usize, n: usize) -> bool {
    n <= MAX_TICKS + 2 || i.is_multiple_of(n.div_ceil(MAX_TICKS))
}

/// The drawing: grid, value labels, ticks and the data.
fn drawing(points: &[ChartPoint], kind: ChartKind, min: f32, max: f32) -> impl IntoView {
    let n = points.len().max(1);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let band = plot_w / n as f32;
    let span = (max - min).max(f32::EPSILON);
    let y = move |v: f32| TOP + plot_h * (1.0 - (v.clamp(min, max) - min) / span);
    let x = move |i: usize| LEFT + band * (i as f32 + 0.5);

    let mut levels = vec![min, max];
    if min < 0.0 && max > 0.0 {
        levels.push(0.0);
    } else {
        levels.push((min + max) / 2.0);
    }
    let grid = levels
        .into_iter()
        .map(|v| {
            let yy = y(v);
            view! {
                <line class="chart__grid" x1=LEFT x2=W - RIGHT y1=yy y2=yy/>
                <text class="chart__axis" x=LEFT - 4.0 y=yy + 4.0 text-anchor="end">{number(v, false)}</text>
            }
        })
        .collect_view();

    let ticks = points
        .iter()
        .enumerate()
        .filter(|(i, _)| shows_tick(*i, points.len()))
        .map(|(i, p)| {
            view! {
                <text class="chart__axis" x=x(i) y=H - 8.0 text-anchor="middle">{p.tick.clone()}</text>
            }
        })
        .collect_view();

    let data = match kind {
        ChartKind::Bar => {
            let base = y(0.0_f32.clamp(min, max));
            let width = (band * 0.7).max(1.0);
            points
                .iter()
                .enumerate()
                .filter_map(|(i, p)| p.value.map(|v| (i, v, p.marked)))
                .map(|(i, v, marked)| {
                    let top = y(v).min(base);
                    let height = (y(v) - base).abs();
                    let class = if marked { "chart__bar chart__bar--mark" } else { "chart__bar" };
                    view! { <rect class=class x=x(i) - width / 2.0 y=top width=width height=height/> }
                })
                .collect_view()
                .into_any()
        }
        ChartKind::Line => {
            let mut path = String::new();
            let mut pen_down = false;
            for (i, p) in points.iter().enumerate() {
                match p.value {
                    Some(v) => {
                        let cmd = if pen_down { 'L' } else { 'M' };
                        path.push_str(&format!("{cmd}{:.1} {:.1} ", x(i), y(v)));
                        pen_down = true;
                    }
                    None => pen_down = false,
                }
            }
            // Dots only while they stay apart; a long line reads better bare.
            let dot_r = if n <= 60 { 2.5 } else { 0.0 };
            let dots = points
                .iter()
                .enumerate()
                .filter_map(|(i, p)| p.value.map(|v| (i, v, p.marked)))
                .filter(|(_, _, marked)| *marked || dot_r > 0.0)
                .map(|(i, v, marked)| {
                    let (class, r) = if marked {
                        ("chart__mark", 5.0)
                    } else {
                        ("chart__dot", dot_r)
                    };
                    view! { <circle class=class cx=x(i) cy=y(v) r=r/> }
                })
                .collect_view();
            view! {
                <path class="chart__line" d=path/>
                {dots}
            }
            .into_any()
        }
    };

    view! {
        <g aria-hidden="true">{grid}{ticks}{data}</g>
    }
}

/// A chart with its title, an optional legend for marked points, and the
/// same numbers as a table under its toggle (`insights.show_table`).
#[component]
pub fn Chart(
    /// Unique on the page; the title and table ids are made from it.
    id: &'static str,
    /// Says what the chart shows; the SVG's title and the table's caption.
    #[prop(into)]
    title: Signal<String>,
    kind: ChartKind,
    #[prop(into)] points: Signal<Vec<ChartPoint>>,
    /// The bottom of the value axis.
    #[prop(default = 0.0)]
    min: f32,
    /// The top of the value axis (the top of the scale); `None` fits the data.
    #[prop(optional)]
    max: Option<f32>,
    /// Column headings of the table.
    label_header: &'static str,
    value_header: &'static str,
    #[prop(optional)] note_header: Option<&'static str>,
    /// What a marked point means, shown under the chart.
    #[prop(optional)]
    mark_legend: Option<&'static str>,
    /// Table text for a point with no value.
    #[prop(default = tr(Key::InsightsChartNone))]
    missing: &'static str,
    /// Show "+" on gains (for changes, not levels).
    #[prop(optional)]
    signed: bool,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let svg = move || {
        points.with(|p| {
            let top = max.unwrap_or_else(|| nice_max(p));
            drawing(p, kind, min, top)
        })
    };
    // The legend only when something is marked, so it never explains nothing.
    let any_marked = Memo::new(move |_| points.with(|p| p.iter().any(|pt| pt.marked)));
    let legend = move || {
        let text = mark_legend.filter(|_| any_marked.get())?;
        Some(view! {
            <p class="chart__legend small">
                <svg class="chart__key" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
                    {match kind {
                        ChartKind::Line => view! { <circle class="chart__mark" cx="6" cy="6" r="4"/> }.into_any(),
                        ChartKind::Bar => view! { <rect class="chart__bar chart__bar--mark" x="1" y="1" width="10" height="10"/> }.into_any(),
                    }}
                </svg>
                " " {text}
            </p>
        })
    };
    let rows = move || {
        points.with(|p| {
            p.iter()
                .map(|pt| {
                    let value = pt
                        .value
                        .map(|v| number(v, signed))
                        .unwrap_or_else(|| missing.to_owned());
                    let note = note_header.map(|_| view! { <td>{pt.note.clone()}</td> });
                    view! {
                        <tr>
                            <th scope="row">{pt.label.clone()}</th>
                            <td>{value}</td>
                            {note}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <figure class="chart">
            <svg
                class="chart__svg"
                role="img"
                aria-labelledby=labelled_by
                viewBox=format!("0 0 {W} {H}")
                preserveAspectRatio="xMidYMid meet"
            >
                <title id=title_id>{move || title.get()}</title>
                {svg}
            </svg>
            {legend}
            <details class="chart__details">
                <summary>{tr(Key::InsightsChartShowTable)}</summary>
                <div class="chart__scroll">
                    <table class="chart__table">
                        <caption>{move || title.get()}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{label_header}</th>
                                <th scope="col">{value_header}</th>
                                {note_header.map(|h| view! { <th scope="col">{h}</th> })}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
