//! What the check-in shows when a use is logged: a kind word, the overdose
//! warning at once, and a short, optional look back at what happened.

use super::journal_form_state::CheckInForm;
use super::lost_tolerance_warning::LostToleranceWarning;
use crate::domain::checkin::{Halt, LapseReview};
use crate::i18n::Key;
use crate::t;
use leptos::prelude::*;

/// The first thing said after "Yes, I used": no blame, and the count kept.
const KIND_WORDS: [Key; 2] = [Key::JournalLapseKind1, Key::JournalLapseKind2];

/// Text inside the lapse review, by field.
#[derive(Clone, Copy)]
enum Text {
    WhatHappened,
    Trigger,
    NextTime,
}

fn text_of(l: &LapseReview, which: Text) -> String {
    match which {
        Text::WhatHappened => l.what_happened.clone(),
        Text::Trigger => l.trigger.clone(),
        Text::NextTime => l.next_time.clone(),
    }
}

fn set_text(l: &mut LapseReview, which: Text, value: String) {
    match which {
        Text::WhatHappened => l.what_happened = value,
        Text::Trigger => l.trigger = value,
        Text::NextTime => l.next_time = value,
    }
}

/// The HALT boxes, by letter.
const HALT_BOXES: [(&str, Key); 4] = [
    ("H", Key::JournalHaltHungry),
    ("A", Key::JournalHaltAngry),
    ("L", Key::JournalHaltLonely),
    ("T", Key::JournalHaltTired),
];

fn halt_flag<'a>(h: &'a mut Halt, letter: &str) -> Option<&'a mut bool> {
    match letter {
        "H" => Some(&mut h.hungry),
        "A" => Some(&mut h.angry),
        "L" => Some(&mut h.lonely),
        "T" => Some(&mut h.tired),
        _ => None,
    }
}

/// Four HALT checkboxes bound to a `Halt`. Shared by the check-in itself and
/// its lapse review; `id_prefix` keeps their ids apart.
#[component]
pub fn HaltBoxes(
    legend: &'static str,
    id_prefix: &'static str,
    #[prop(into)] value: Signal<Halt>,
    on_change: Callback<Halt>,
) -> impl IntoView {
    let boxes = HALT_BOXES
        .iter()
        .map(|(letter, word)| {
            let id = format!("{id_prefix}-{letter}");
            let label_for = id.clone();
            let checked = move || {
                let mut h = value.get();
                halt_flag(&mut h, letter).map(|f| *f).unwrap_or(false)
            };
            view! {
                <label class="check" for=label_for>
                    <input
                        id=id
                        type="checkbox"
                        prop:checked=checked
                        on:change=move |ev| {
                            let mut h = value.get_untracked();
                            if let Some(flag) = halt_flag(&mut h, letter) {
                                *flag = event_target_checked(&ev);
                            }
                            on_change.run(h);
                        }
                    />
                    {t!(*word)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field journal-halt">
            <legend>{legend}</legend>
            <div class="journal-halt__boxes">{boxes}</div>
        </fieldset>
    }
}

#[component]
pub fn LapseSupport(form: RwSignal<CheckInForm>) -> impl IntoView {
    let text_field = move |which: Text, id: &'static str, label: &'static str, multiline: bool| {
        let value = move || form.with(|f| text_of(&f.draft.lapse, which));
        let on_input = move |ev| {
            let v = event_target_value(&ev);
            form.update(|f| set_text(&mut f.draft.lapse, which, v));
        };
        if multiline {
            view! {
                <div class="field">
                    <label for=id>{label}</label>
                    <textarea id=id rows="3" dir="auto" prop:value=value on:input=on_input></textarea>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="field">
                    <label for=id>{label}</label>
                    <input id=id type="text" maxlength="100" prop:value=value on:input=on_input/>
                </div>
            }
            .into_any()
        }
    };
    // A review restored from a draft opens, so its words are in sight.
    let opened = form.with_untracked(|f| !f.draft.lapse.is_empty());
    view! {
        <div class="journal-lapse">
            <div class="journal-lapse__kind">
                {KIND_WORDS.iter().map(|p| view! { <p>{t!(*p)}</p> }).collect_view()}
            </div>
            <LostToleranceWarning/>
            <details class="card journal-lapse__review" prop:open=opened>
                <summary>{t!(Key::JournalLapseReviewTitle)}</summary>
                <p class="small muted">{t!(Key::JournalLapseReviewHint)}</p>
                {text_field(Text::WhatHappened, "lapse-what", t!(Key::JournalLapseWhat), true)}
                <HaltBoxes
                    legend=t!(Key::JournalLapseHaltLegend)
                    id_prefix="lapse-halt"
                    value=Signal::derive(move || form.with(|f| f.draft.lapse.halt))
                    on_change=Callback::new(move |h| form.update(|f| f.draft.lapse.halt = h))
                />
                {text_field(Text::Trigger, "lapse-trigger", t!(Key::JournalLapseTrigger), false)}
                {text_field(Text::NextTime, "lapse-next", t!(Key::JournalLapseNext), true)}
            </details>
        </div>
    }
}
