//! The relapse-prevention plan, assembled from what the user already wrote
//! elsewhere (reasons, risky places, coping ideas, contacts, crisis lines)
//! plus the parts that live only here (warning signs, inner triggers, what to
//! do after a lapse, notes). It prints on one page, so it can sit on a fridge
//! or in a wallet.

use crate::app::hooks::{use_autosave_when, use_collection, use_doc};
use crate::app::pages::help::content_region;
use crate::app::state::today;
use crate::content::{emergency, helplines};
use crate::domain::settings::Settings;
use crate::domain::text_merge::{merge_edit, TextMerge};
use crate::domain::tools::{
    assemble_plan, Contact, CopingIdea, PlaceItem, PlanExtras, PlanSectionKind,
};
use crate::i18n::{format, tr, Key};
use crate::t;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A stable slug per section, for ids and anchors.
fn slug(kind: PlanSectionKind) -> &'static str {
    match kind {
        PlanSectionKind::Reasons => "reasons",
        PlanSectionKind::OuterTriggers => "outer-triggers",
        PlanSectionKind::InnerTriggers => "inner-triggers",
        PlanSectionKind::WarningSigns => "warning-signs",
        PlanSectionKind::Coping => "coping",
        PlanSectionKind::Contacts => "contacts",
        PlanSectionKind::AfterLapse => "after-lapse",
        PlanSectionKind::CrisisLines => "crisis-lines",
    }
}

/// The sections the user writes on this screen: (field label, button text).
fn inline_labels(kind: PlanSectionKind) -> Option<(&'static str, &'static str)> {
    let (label, button) = match kind {
        PlanSectionKind::WarningSigns => (Key::PlanAddWarningLabel, Key::PlanAddWarningButton),
        PlanSectionKind::InnerTriggers => (Key::PlanAddInnerLabel, Key::PlanAddInnerButton),
        PlanSectionKind::AfterLapse => (Key::PlanAddAfterLabel, Key::PlanAddAfterButton),
        _ => return None,
    };
    Some((tr(label), tr(button)))
}

fn list_of(extras: &PlanExtras, kind: PlanSectionKind) -> Vec<String> {
    match kind {
        PlanSectionKind::WarningSigns => extras.warning_signs.clone(),
        PlanSectionKind::InnerTriggers => extras.inner_triggers.clone(),
        PlanSectionKind::AfterLapse => extras.after_lapse.clone(),
        _ => Vec::new(),
    }
}

fn list_mut(extras: &mut PlanExtras, kind: PlanSectionKind) -> Option<&mut Vec<String>> {
    match kind {
        PlanSectionKind::WarningSigns => Some(&mut extras.warning_signs),
        PlanSectionKind::InnerTriggers => Some(&mut extras.inner_triggers),
        PlanSectionKind::AfterLapse => Some(&mut extras.after_lapse),
        _ => None,
    }
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let extras = use_doc::<PlanExtras>();
    let places = use_collection::<PlaceItem>();
    let ideas = use_collection::<CopingIdea>();
    let contacts = use_collection::<Contact>();

    let plan = Memo::new(move |_| {
        let (reasons, region) = settings
            .value
            .with(|s| (s.reasons.clone(), content_region(s)));
        let e = emergency(region);
        let mut lines = vec![(tr(Key::PlanEmergencyServices).to_string(), e.number.clone())];
        lines.extend(
            helplines(region)
                .iter()
                .map(|l| (l.name.clone(), l.number.clone())),
        );
        let place_list: Vec<PlaceItem> = places
            .items
            .with(|i| i.iter().map(|e| e.value.clone()).collect());
        let idea_list: Vec<CopingIdea> = ideas
            .items
            .with(|i| i.iter().map(|e| e.value.clone()).collect());
        let contact_list: Vec<Contact> = contacts
            .items
            .with(|i| i.iter().map(|e| e.value.clone()).collect());
        extras
            .value
            .with(|x| assemble_plan(&reasons, &place_list, x, &idea_list, &contact_list, &lines))
    });

    let print = move |_| {
        let _ = window().print();
    };

    view! {
        <article class="plan-sheet" aria-labelledby="plan-title">
            <h1 id="plan-title">{t!(Key::PlanTitle)}</h1>
            <p class="plan-sheet__meta small muted">
                {t!(Key::PlanAsOf, date = format::date_long(today()))}
            </p>
            <div class="no-print plan-sheet__intro">
                <p>{t!(Key::PlanIntro)}</p>
                <button class="button button--primary" on:click=print>{t!(Key::PlanPrint)}</button>
            </div>
            <div class="plan-sheet__sections">
                {plan
                    .get_untracked()
                    .sections
                    .into_iter()
                    .map(|s| view! { <PlanSectionView kind=s.kind plan=plan extras=extras/> })
                    .collect_view()}
                <NotesSection extras=extras/>
            </div>
        </article>
    }
}

#[component]
fn PlanSectionView(
    kind: PlanSectionKind,
    plan: Memo<crate::domain::tools::Plan>,
    extras: crate::app::hooks::DocHandle<PlanExtras>,
) -> impl IntoView {
    let id = format!("plan-{}", slug(kind));
    let heading_id = format!("{id}-title");
    let inline = inline_labels(kind);
    let section = move || plan.with(|p| p.section(kind).cloned());
    let title = section().map(|s| s.title).unwrap_or_default();
    let edit_href = section().map(|s| s.edit_href).unwrap_or("/tools/plan");
    let body = move || {
        let Some(section) = section() else {
            return ().into_any();
        };
        if section.is_prompt {
            view! {
                <p class="plan-prompt">{section.items.first().cloned().unwrap_or_default()}</p>
                <div class="plan-blank print-only" aria-hidden="true"><span></span><span></span></div>
            }
            .into_any()
        } else if inline.is_some() {
            // A remove button per line; removal is by value, so a list
            // changed in another tab never loses the wrong line.
            let items = extras.value.with(|x| list_of(x, kind));
            view! {
                <ul class="plan-list">
                    {items
                        .into_iter()
                        .filter(|t| !t.trim().is_empty())
                        .map(|t| {
                            let label = t!(Key::PlanRemoveLine, line = t.trim());
                            let target = t.clone();
                            view! {
                                <li class="plan-list__item">
                                    <span>{t.trim().to_string()}</span>
                                    <button
                                        class="button button--quiet no-print plan-list__remove"
                                        aria-label=label
                                        on:click=move |_| {
                                            let target = target.clone();
                                            let _ = extras.update(|x| {
                                                if let Some(list) = list_mut(x, kind) {
                                                    if let Some(i) = list.iter().position(|l| *l == target) {
                                                        list.remove(i);
                                                    }
                                                }
                                            });
                                        }
                                    >
                                        {t!(Key::PlanRemove)}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        } else {
            view! {
                <ul class="plan-list">
                    {section.items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    let edit = inline.is_none().then(|| {
        view! {
            <p class="no-print plan-edit">
                <a href=edit_href>
                    {t!(Key::PlanChangeThis)} <span class="visually-hidden">{format!(": {title}")}</span>
                </a>
            </p>
        }
    });
    let labelledby = heading_id.clone();
    view! {
        <section class="plan-section" id=id aria-labelledby=labelledby>
            <h2 id=heading_id>{title}</h2>
            {body}
            {edit}
            {inline.map(|(label, button)| view! { <AddLine kind=kind label=label button=button extras=extras/> })}
        </section>
    }
}

/// The inline field that adds one line to a plan list.
#[component]
fn AddLine(
    kind: PlanSectionKind,
    label: &'static str,
    button: &'static str,
    extras: crate::app::hooks::DocHandle<PlanExtras>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let input_id = format!("plan-add-{}", slug(kind));
    let error_id = format!("{input_id}-error");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = text.get_untracked().trim().to_string();
        if t.is_empty() {
            error.set(Some(t!(Key::PlanTypeFirst).to_string()));
            return;
        }
        let mut probe = extras.value.get_untracked();
        let Some(list) = list_mut(&mut probe, kind) else {
            return;
        };
        if list.iter().any(|l| l.trim().eq_ignore_ascii_case(&t)) {
            error.set(Some(t!(Key::PlanAlreadyThere).to_string()));
            return;
        }
        list.push(t.clone());
        if let Some(e) = probe.validate().err().and_then(|e| e.into_iter().next()) {
            error.set(Some(e.message));
            return;
        }
        match extras.update(|x| {
            if let Some(list) = list_mut(x, kind) {
                list.push(t.clone());
            }
        }) {
            Ok(()) => {
                error.set(None);
                text.set(String::new());
            }
            Err(m) => error.set(Some(m)),
        }
    };
    let error_id2 = error_id.clone();
    view! {
        <form class="no-print inline-add" on:submit=add novalidate>
            <label for=input_id.clone()>{label}</label>
            <div class="inline-add__row">
                <input
                    id=input_id
                    type="text"
                    aria-describedby=move || error.with(Option::is_some).then(|| error_id2.clone())
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
                <button type="submit" class="button">{button}</button>
            </div>
            {move || error.get().map(|m| view! { <p class="field__error" id=error_id.clone()>{m}</p> })}
        </form>
    }
}

/// The notes box as autosaved: the words, and the saved notes the box
/// showed when typing began, so a save can tell whether another tab changed
/// the notes since. (An older build kept the words alone, as a JSON string;
/// such a draft still loads, with the start unknown.)
#[derive(Clone, Debug, PartialEq, Serialize)]
struct NotesDraft {
    #[serde(rename = "x")]
    text: String,
    #[serde(rename = "b", skip_serializing_if = "Option::is_none")]
    base: Option<String>,
}

impl<'de> Deserialize<'de> for NotesDraft {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Plain(String),
            Full {
                x: String,
                #[serde(default)]
                b: Option<String>,
            },
        }
        Ok(match Stored::deserialize(d)? {
            Stored::Plain(text) => NotesDraft { text, base: None },
            Stored::Full { x, b } => NotesDraft { text: x, base: b },
        })
    }
}

impl NotesDraft {
    /// The box as the saved notes left it.
    fn saved(notes: String) -> Self {
        NotesDraft {
            base: Some(notes.clone()),
            text: notes,
        }
    }

    /// True when the box holds nothing that is not saved.
    fn is_clean(&self) -> bool {
        self.base.as_deref() == Some(self.text.as_str())
    }
}

/// Free notes: a draft while typing, saved with a button. Notes another tab
/// saves show here unless the box holds unsaved words; a save over notes
/// the box never showed keeps both (see [`merge_edit`]).
#[component]
fn NotesSection(extras: crate::app::hooks::DocHandle<PlanExtras>) -> impl IntoView {
    let draft = RwSignal::new(NotesDraft::saved(
        extras.value.with_untracked(|x| x.notes.clone()),
    ));
    let autosave = use_autosave_when("plan:notes".to_string(), draft, NotesDraft::is_clean);
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let latest = extras.value.with(|x| x.notes.clone());
        let follow = draft.with_untracked(|d| d.is_clean() && d.text != latest);
        if follow {
            draft.set(NotesDraft::saved(latest));
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        let started = draft.get_untracked();
        let mine = started.text.trim().to_string();
        let mut probe = extras.value.get_untracked();
        probe.notes = mine.clone();
        if let Some(e) = probe.validate().err().and_then(|e| e.into_iter().next()) {
            error.set(Some(e.message));
            return;
        }
        let mut merge = TextMerge::Keep;
        let result = extras.update(|x| {
            merge = merge_edit(&x.notes, started.base.as_deref(), &mine);
            if let TextMerge::Write(t) | TextMerge::Both(t) = &merge {
                x.notes = t.clone();
            }
        });
        match result {
            Ok(()) => {
                let now = extras.value.with_untracked(|x| x.notes.clone());
                error.set(None);
                autosave.clear();
                let kept_theirs = !matches!(merge, TextMerge::Write(_)) && now != mine;
                draft.set(NotesDraft::saved(now));
                // Saying so when the save kept notes another tab saved
                // meanwhile.
                status.set(Some(if kept_theirs {
                    t!(Key::PlanNotesKeptBoth).to_string()
                } else {
                    t!(Key::PlanNotesSaved).to_string()
                }));
            }
            Err(m) => error.set(Some(m)),
        }
    };
    let saved_notes = move || extras.value.with(|x| x.notes.trim().to_string());
    // A draft brought back over notes that were changed since it began.
    let changed_since = move || {
        let saved = extras.value.with(|x| x.notes.clone());
        let changed = draft.with(|d| d.base.as_deref() != Some(saved.as_str()));
        (changed && !saved.trim().is_empty()).then(|| {
            view! {
                <p>{t!(Key::PlanNotesChangedSince)}</p>
                <p class="plan-notes__text">{saved}</p>
            }
        })
    };
    view! {
        <section class="plan-section plan-notes" aria-labelledby="plan-notes-title">
            <h2 id="plan-notes-title">{t!(Key::PlanNotes)}</h2>
            <p class="print-only plan-notes__text">{saved_notes}</p>
            <form class="no-print" on:submit=save novalidate>
                <Show when=move || autosave.restored.get()>
                    <div class="notice small" role="status">
                        <p>{t!(Key::PlanNotesRestored)}</p>
                        {changed_since}
                    </div>
                </Show>
                <label for="plan-notes" class="visually-hidden">{t!(Key::PlanNotes)}</label>
                <p class="field__hint" id="plan-notes-hint">{t!(Key::PlanNotesHint)}</p>
                <textarea
                    id="plan-notes"
                    rows="3"
                    aria-describedby=move || if error.with(Option::is_some) { "plan-notes-hint plan-notes-error" } else { "plan-notes-hint" }
                    prop:value=move || draft.with(|d| d.text.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.text = v);
                    }
                ></textarea>
                {move || error.get().map(|m| view! { <p class="field__error" id="plan-notes-error">{m}</p> })}
                <div class="row">
                    <button type="submit" class="button">{t!(Key::PlanSaveNotes)}</button>
                    <span role="status" class="small">{move || status.get()}</span>
                </div>
            </form>
        </section>
    }
}
