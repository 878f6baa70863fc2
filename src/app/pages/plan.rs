//! The relapse-prevention plan, assembled from what the user already wrote
//! elsewhere (reasons, risky places, coping ideas, contacts, crisis lines)
//! plus the parts that live only here (warning signs, inner triggers, what to
//! do after a lapse, notes). It prints on one page, so it can sit on a fridge
//! or in a wallet.

use crate::app::hooks::{use_autosave, use_collection, use_doc};
use crate::app::pages::help::content_region;
use crate::app::state::today;
use crate::content::{emergency, helplines};
use crate::domain::settings::Settings;
use crate::domain::tools::{
    assemble_plan, Contact, CopingIdea, PlaceItem, PlanExtras, PlanSectionKind,
};
use leptos::prelude::*;

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
    match kind {
        PlanSectionKind::WarningSigns => Some(("Add a warning sign", "Add sign")),
        PlanSectionKind::InnerTriggers => Some(("Add a feeling or thought", "Add trigger")),
        PlanSectionKind::AfterLapse => Some(("Add a step for after a lapse", "Add step")),
        _ => None,
    }
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
        let mut lines = vec![("Emergency services".to_string(), e.number.clone())];
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
            <h1 id="plan-title">"My recovery plan"</h1>
            <p class="plan-sheet__meta small muted">
                {format!("My relapse-prevention plan, as of {}.", today().format("%-d %B %Y"))}
            </p>
            <div class="no-print plan-sheet__intro">
                <p>
                    "This plan gathers what you have written across Waymark. Add to it any time. Keep a printed copy where you can see it."
                </p>
                <button class="button button--primary" on:click=print>"Print my plan"</button>
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
                            let label = format!("Remove \"{}\"", t.trim());
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
                                        "Remove"
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
                    "Change this" <span class="visually-hidden">{format!(": {title}")}</span>
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
            error.set(Some("Type a few words first.".to_string()));
            return;
        }
        let mut probe = extras.value.get_untracked();
        let Some(list) = list_mut(&mut probe, kind) else {
            return;
        };
        if list.iter().any(|l| l.trim().eq_ignore_ascii_case(&t)) {
            error.set(Some("That is already on your plan.".to_string()));
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

/// Free notes: a draft while typing, saved with a button.
#[component]
fn NotesSection(extras: crate::app::hooks::DocHandle<PlanExtras>) -> impl IntoView {
    let stored = extras.value.with_untracked(|x| x.notes.clone());
    let text = RwSignal::new(stored.clone());
    let autosave = use_autosave("plan:notes".to_string(), text, stored);
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        let t = text.get_untracked();
        let mut probe = extras.value.get_untracked();
        probe.notes = t.trim().to_string();
        if let Some(e) = probe.validate().err().and_then(|e| e.into_iter().next()) {
            error.set(Some(e.message));
            return;
        }
        match extras.update(|x| x.notes = t.trim().to_string()) {
            Ok(()) => {
                error.set(None);
                autosave.clear();
                status.set(Some("Notes saved.".to_string()));
            }
            Err(m) => error.set(Some(m)),
        }
    };
    let saved_notes = move || extras.value.with(|x| x.notes.trim().to_string());
    view! {
        <section class="plan-section plan-notes" aria-labelledby="plan-notes-title">
            <h2 id="plan-notes-title">"Notes"</h2>
            <p class="print-only plan-notes__text">{saved_notes}</p>
            <form class="no-print" on:submit=save novalidate>
                <label for="plan-notes" class="visually-hidden">"Notes"</label>
                <p class="field__hint" id="plan-notes-hint">"Anything else you want on your plan."</p>
                <textarea
                    id="plan-notes"
                    rows="3"
                    aria-describedby=move || if error.with(Option::is_some) { "plan-notes-hint plan-notes-error" } else { "plan-notes-hint" }
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                {move || error.get().map(|m| view! { <p class="field__error" id="plan-notes-error">{m}</p> })}
                <div class="row">
                    <button type="submit" class="button">"Save notes"</button>
                    <span role="status" class="small">{move || status.get()}</span>
                </div>
            </form>
        </section>
    }
}
