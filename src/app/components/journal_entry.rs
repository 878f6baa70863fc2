//! One check-in as a short summary: for the journal list and for "today" on
//! the home screen. Text only, never HTML, so a note can hold anything.

use crate::domain::checkin::{CheckIn, CRAVING_MAX};
use crate::i18n::format::date_full;
use crate::i18n::Key;
use crate::t;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

/// How many characters of the note the list shows.
const NOTE_PREVIEW_CHARS: usize = 120;

/// "Monday, March 3, 2026", with "Today" or "Yesterday" in front when it is.
pub fn day_label(date: NaiveDate, today: NaiveDate) -> String {
    let full = date_full(date);
    match (today - date).num_days() {
        0 => t!(Key::JournalDayToday, date = full),
        1 => t!(Key::JournalDayYesterday, date = full),
        _ => full,
    }
}

/// The id used for a day's heading, so "Jump to date" can scroll to it.
pub fn day_anchor(date: NaiveDate) -> String {
    format!("day-{}", crate::domain::iso::format_date(date))
}

/// The first words of a note, cut at a character boundary.
pub fn note_preview(note: &str) -> String {
    let first_line = note.lines().next().unwrap_or("").trim();
    let mut out: String = first_line.chars().take(NOTE_PREVIEW_CHARS).collect();
    if first_line.chars().count() > NOTE_PREVIEW_CHARS || note.lines().count() > 1 {
        out.push('…');
    }
    out
}

/// "Okay · craving 4 of 10".
pub fn mood_and_craving(c: &CheckIn) -> String {
    let mood = c.mood_word().unwrap_or(t!(Key::JournalMoodNotSet));
    t!(
        Key::JournalEntrySummary,
        mood = mood,
        craving = c.craving,
        max = CRAVING_MAX
    )
}

/// The kind words for a day with a logged use.
pub fn used_marker() -> &'static str {
    t!(Key::JournalUsedMarker)
}

/// One check-in in the list: a link to edit it with its summary inside.
#[component]
pub fn JournalEntry(checkin: CheckIn) -> impl IntoView {
    let href = format!("/journal/{}", checkin.id);
    let summary = mood_and_craving(&checkin);
    let used = checkin.used;
    // Each trigger in a <bdi>, so one in a right-to-left script cannot
    // reorder the others.
    let triggers = (!checkin.triggers.is_empty()).then(|| {
        let last = checkin.triggers.len() - 1;
        checkin
            .triggers
            .iter()
            .enumerate()
            .map(|(i, t)| view! { <bdi>{t.clone()}</bdi> {(i < last).then_some(", ")} })
            .collect_view()
    });
    let preview = (!checkin.note.is_empty()).then(|| note_preview(&checkin.note));
    view! {
        <li class="journal-entry">
            <A href=href attr:class="journal-entry__link">
                <span class="journal-entry__summary">{summary}</span>
                {used.then(|| view! { <span class="journal-entry__used">{used_marker()}</span> })}
                {triggers.map(|t| view! { <span class="journal-entry__triggers small">{t!(Key::JournalEntryTriggers)}" "{t}</span> })}
                {preview.map(|p| view! { <span class="journal-entry__note" dir="auto">{p}</span> })}
            </A>
        </li>
    }
}
