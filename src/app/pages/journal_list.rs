//! The journal: every check-in, newest first, grouped by day, with search,
//! a trigger filter and "Jump to date". Ten years of daily entries is 3,650
//! check-ins, so only a page of them is drawn at a time.

use crate::app::components::journal_entry::{day_anchor, day_label, JournalEntry};
use crate::app::components::journal_flash::JournalFlash;
use crate::app::hooks::use_collection;
use crate::app::state::today;
use crate::data::envelope::Envelope;
use crate::domain::checkin::{newest_first, trigger_counts, CheckIn};
use crate::i18n::{trn, Key};
use crate::t;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

/// How many check-ins are drawn at first and added by "Show more".
const PAGE: usize = 50;

/// The check-ins to show (`shown` holds positions in `all`), grouped by
/// day in that order. Only these are copied for drawing.
fn group_by_day(
    all: &[Envelope<CheckIn>],
    shown: &[usize],
    limit: usize,
) -> Vec<(NaiveDate, Vec<CheckIn>)> {
    let mut groups: Vec<(NaiveDate, Vec<CheckIn>)> = Vec::new();
    for c in shown
        .iter()
        .take(limit)
        .filter_map(|&i| all.get(i))
        .map(|e| &e.value)
    {
        match groups.last_mut() {
            Some((date, list)) if *date == c.date => list.push(c.clone()),
            _ => groups.push((c.date, vec![c.clone()])),
        }
    }
    groups
}

fn focus_heading(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

#[component]
pub fn JournalPage() -> impl IntoView {
    let checkins = use_collection::<CheckIn>();
    let today = today();
    let query = RwSignal::new(String::new());
    let trigger = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    let jump_message = RwSignal::new(None::<String>);

    // Positions in the collection, not copies: ten years of check-ins hold
    // 4 MB of notes, and these run again whenever the history changes.
    let items = checkins.items;
    let sorted = Memo::new(move |_| {
        items.with(|items| {
            let mut order: Vec<usize> = (0..items.len()).collect();
            order.sort_by(|&a, &b| newest_first(&items[a].value, &items[b].value));
            order
        })
    });
    let trigger_names = Memo::new(move |_| {
        items.with(|items| {
            trigger_counts(items.iter().map(|e| &e.value))
                .into_iter()
                .map(|(name, _)| name)
                .collect::<Vec<_>>()
        })
    });
    let filtered = Memo::new(move |_| {
        let q = query.get();
        let t = trigger.get();
        sorted.with(|order| {
            items.with(|items| {
                order
                    .iter()
                    .copied()
                    .filter(|&i| {
                        items.get(i).is_some_and(|e| {
                            e.value.matches(&q) && (t.is_empty() || e.value.has_trigger(&t))
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });

    let jump = move |ev| {
        let raw = event_target_value(&ev);
        let Some(date) = crate::domain::iso::parse_date(&raw) else {
            jump_message.set(None);
            return;
        };
        let found = filtered.with_untracked(|shown| {
            items.with_untracked(|items| {
                shown.iter().enumerate().find_map(|(pos, &i)| {
                    items
                        .get(i)
                        .filter(|e| e.value.date <= date)
                        .map(|e| (pos, e.value.date))
                })
            })
        });
        match found {
            None if !checkins.complete.get_untracked() => {
                jump_message.set(Some(t!(Key::JournalJumpStillReading).to_string()))
            }
            None => jump_message.set(Some(t!(Key::JournalJumpNothing).to_string())),
            Some((index, day)) => {
                jump_message.set(
                    (day != date).then(|| t!(Key::JournalJumpClosest, day = day_label(day, today))),
                );
                let needed = (index / PAGE + 1) * PAGE;
                shown.update(|n| *n = (*n).max(needed));
                let anchor = day_anchor(day);
                request_animation_frame(move || focus_heading(&anchor));
            }
        }
    };

    let days = move || {
        filtered.with(|list| {
            items.with(|all| group_by_day(all, list, shown.get()))
                .into_iter()
                .map(|(date, entries)| {
                    let anchor = day_anchor(date);
                    let labelled_by = anchor.clone();
                    view! {
                        <section class="journal-day" aria-labelledby=labelled_by>
                            <h2 class="journal-day__title" id=anchor tabindex="-1">{day_label(date, today)}</h2>
                            <ul class="list-plain journal-day__list">
                                {entries.into_iter().map(|c| view! { <JournalEntry checkin=c/> }).collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()
        })
    };

    // The counts go in as plain digits ("3650", not "3,650"), as the journal
    // has always shown them.
    let count_text = move || {
        if !checkins.complete.get() {
            return t!(Key::JournalCountReading).to_string();
        }
        let total = sorted.with(Vec::len);
        let matching = filtered.with(Vec::len);
        let on_screen = matching.min(shown.get());
        let filtering = !query.with(|q| q.trim().is_empty()) || !trigger.with(String::is_empty);
        let (key, count) = match (filtering, matching) {
            (true, 0) => return t!(Key::JournalCountNoMatch).to_string(),
            (true, n) if n > on_screen => (Key::JournalCountMatchSome, n),
            (true, n) => (Key::JournalCountMatch, n),
            (false, _) if total > on_screen => (Key::JournalCountSome, total),
            (false, _) => (Key::JournalCount, total),
        };
        trn(
            key,
            count as i64,
            &[("count", &count), ("shown", &on_screen)],
        )
    };

    let more_to_show = move || filtered.with(Vec::len) > shown.get();

    view! {
        <h1>{t!(Key::JournalTitle)}</h1>
        <JournalFlash/>
        <p>
            <A href="/journal/new" attr:class="button button--primary button--big">{t!(Key::JournalNew)}</A>
        </p>
        <Show
            when=move || sorted.with(|all| !all.is_empty())
            fallback=|| view! {
                <div class="card journal-empty">
                    <p class="card__title">{t!(Key::JournalEmptyTitle)}</p>
                    <p>{t!(Key::JournalEmptyText)}</p>
                </div>
            }
        >
            <div class="journal-tools" role="search">
                <div class="field">
                    <label for="journal-search">{t!(Key::JournalSearch)}</label>
                    <input
                        id="journal-search"
                        type="search"
                        autocomplete="off"
                        prop:value=move || query.get()
                        on:input=move |ev| {
                            query.set(event_target_value(&ev));
                            shown.set(PAGE);
                        }
                    />
                </div>
                <div class="journal-tools__row">
                    <div class="field">
                        <label for="journal-trigger">{t!(Key::JournalFilter)}</label>
                        <select
                            id="journal-trigger"
                            prop:value=move || trigger.get()
                            on:change=move |ev| {
                                trigger.set(event_target_value(&ev));
                                shown.set(PAGE);
                            }
                        >
                            <option value="">{t!(Key::JournalFilterAll)}</option>
                            {move || trigger_names.get().into_iter().map(|name| {
                                let value = name.clone();
                                view! { <option value=value>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="journal-jump">{t!(Key::JournalJump)}</label>
                        <input
                            id="journal-jump"
                            type="date"
                            max=crate::domain::iso::format_date(today)
                            on:change=jump
                        />
                    </div>
                </div>
                {move || jump_message.get().map(|m| view! { <p class="small">{m}</p> })}
            </div>
            <p class="small muted journal-count" role="status" aria-live="polite">{count_text}</p>
            <Show when=move || filtered.with(|l| l.is_empty())>
                <p>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            query.set(String::new());
                            trigger.set(String::new());
                        }
                    >
                        {t!(Key::JournalClearFilter)}
                    </button>
                </p>
            </Show>
            <div class="journal-days">{days}</div>
            <Show when=more_to_show>
                <p>
                    <button type="button" class="button journal-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {t!(Key::JournalShowMore)}
                    </button>
                </p>
            </Show>
        </Show>
    }
}
