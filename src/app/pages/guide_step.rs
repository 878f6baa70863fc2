//! /guide/:step: one step of the guide. It leads with the action (a short
//! meaning, then the things to tick), and keeps the longer "why" below.
//! Every tick and every answer is the user's own data and is saved at once
//! through the storage layer.

use std::time::Duration;

use crate::app::components::guide_facts::FactList;
use crate::app::components::guide_status::{
    actions_done, actions_summary, status_class, status_label,
};
use crate::app::hooks::use_autosave::FLUSH_EVENT;
use crate::app::hooks::use_doc;
use crate::app::state::{now_ms, today};
use crate::content::{guide, helplines, safety, Region, Step};
use crate::domain::guide_progress::GuideProgress;
use crate::domain::settings::Settings;
use crate::domain::text_merge::TextMerge;
use crate::i18n::{format::month_name, Key};
use crate::t;
use chrono::Datelike;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

/// How long typing must pause before an answer is saved.
const SAVE_DELAY: Duration = Duration::from_millis(600);

#[component]
pub fn GuideStepPage() -> impl IntoView {
    let params = use_params_map();
    // The step number, only if the guide has that step.
    let number = Memo::new(move |_| {
        params
            .with(|p| p.get("step"))
            .and_then(|s| s.parse::<u8>().ok())
            .filter(|n| guide().step(*n).is_some())
    });
    move || match number.get().and_then(|n| guide().step(n)) {
        Some(step) => view! { <StepScreen step=step/> }.into_any(),
        None => view! { <StepNotFound/> }.into_any(),
    }
}

/// An address like /guide/11: say so kindly and point to the list.
#[component]
fn StepNotFound() -> impl IntoView {
    view! {
        <h1>{t!(Key::GuideStepNotFoundTitle)}</h1>
        <p>{t!(Key::GuideStepNotFoundText, total = guide().steps.len())}</p>
        <p><a class="button button--primary" href="/guide">{t!(Key::GuideSeeAllSteps)}</a></p>
    }
}

#[component]
fn StepScreen(step: &'static Step) -> impl IntoView {
    let progress = use_doc::<GuideProgress>().value;
    let n = step.n;
    let total = guide().steps.len();
    let status = Memo::new(move |_| progress.with(|p| p.status(n)));
    let ticked = Memo::new(move |_| progress.with(|p| actions_done(p, step)));
    let total_actions = step.actions.len();

    let paragraphs = |ps: &'static [String]| {
        ps.iter()
            .map(|p| view! { <p>{p.as_str()}</p> })
            .collect_view()
    };
    let warning = step.warning.as_ref().map(|w| {
        view! {
            <section class="notice guide-warning" aria-labelledby="guide-warning-title">
                <h2 class="guide-warning__title" id="guide-warning-title">{w.title.as_str()}</h2>
                <p>{w.text.as_str()}</p>
                {(n == 10).then(|| view! {
                    <p><a class="button" href="/help">{t!(Key::GuideOverdoseLink)}</a></p>
                })}
            </section>
        }
    });
    let reflections = step
        .reflections
        .iter()
        .map(|q| view! { <ReflectionField step=n question=q.id.as_str() text=q.text.as_str()/> })
        .collect_view();
    let tools = step
        .tools
        .iter()
        .map(|t| view! { <li><a class="guide-tool" href=t.route()>{t.label()}</a></li> })
        .collect_view();

    view! {
        <article class="guide-step">
            <header class="guide-step__head">
                <h1>
                    <span class="guide-step__number">{t!(Key::GuideStepOf, n = n, total = total)}</span>
                    <span class="guide-step__title">{step.title.as_str()}</span>
                </h1>
                <p class="guide-step__status small">
                    <span class=move || status_class(status.get())>{move || status_label(status.get())}</span>
                    <span>{move || actions_summary(ticked.get(), total_actions)}</span>
                </p>
            </header>
            {warning}
            <div class="guide-step__meaning">{paragraphs(&step.meaning)}</div>
            <section class="guide-step__section" aria-labelledby="guide-actions-title">
                <h2 id="guide-actions-title">{t!(Key::GuideActionsTitle)}</h2>
                <ActionList step=step/>
            </section>
            <section class="guide-step__section" aria-labelledby="guide-why-title">
                <h2 id="guide-why-title">{t!(Key::GuideWhyTitle)}</h2>
                {paragraphs(&step.why)}
            </section>
            <section class="guide-step__section" aria-labelledby="guide-think-title">
                <h2 id="guide-think-title">{t!(Key::GuideThinkTitle)}</h2>
                <p class="muted small">{t!(Key::GuideThinkHint)}</p>
                {reflections}
            </section>
            {(n == 10).then(|| view! { <LostTolerance/> })}
            <section class="guide-step__section" aria-labelledby="guide-tools-title">
                <h2 id="guide-tools-title">{t!(Key::GuideToolsTitle)}</h2>
                <ul class="guide-tools list-plain">{tools}</ul>
            </section>
            <DoneToggle step=n/>
            {(!step.facts.is_empty()).then(|| view! {
                <details class="guide-sources">
                    <summary>{t!(Key::GuideFactsTitle)}</summary>
                    <FactList facts=step.facts.as_slice()/>
                </details>
            })}
            <Pager step=n/>
        </article>
    }
}

/// The step's actions as real checkboxes; a tick is saved the moment it is made.
#[component]
fn ActionList(step: &'static Step) -> impl IntoView {
    let doc = use_doc::<GuideProgress>();
    let n = step.n;
    let error = RwSignal::new(None::<String>);
    let error_id = format!("guide-actions-error-{n}");
    let items = step
        .actions
        .iter()
        .map(|a| {
            let id: &'static str = a.id.as_str();
            let described = {
                let error_id = error_id.clone();
                move || error.with(|e| e.is_some()).then(|| error_id.clone())
            };
            let on_change = move |ev: ev::Event| {
                let want = event_target_checked(&ev);
                // Sets the wanted state (not a blind toggle), so a change made
                // in another tab meanwhile is never flipped back.
                let result = doc.update(|p| {
                    if p.is_ticked(n, id) != want {
                        p.toggle_action(n, id);
                    }
                });
                match result {
                    Ok(()) => error.set(None),
                    Err(message) => {
                        error.set(Some(message));
                        // Not saved: show the box as it is stored.
                        let stored = doc.value.with_untracked(|p| p.is_ticked(n, id));
                        if let Some(input) = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            input.set_checked(stored);
                        }
                    }
                }
            };
            view! {
                <li>
                    <label class="check guide-action">
                        <input
                            type="checkbox"
                            prop:checked=move || doc.value.with(|p| p.is_ticked(n, id))
                            aria-describedby=described
                            on:change=on_change
                        />
                        <span>{a.text.as_str()}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="guide-actions list-plain">{items}</ul>
        {move || error.get().map(|message| view! {
            <p class="field__error" id=error_id.clone() role="alert">{message}</p>
        })}
    }
}

/// One reflection question and the user's answer. The answer is saved a
/// moment after typing stops, when the box loses focus, when the page is
/// hidden, and when the user leaves the step. If a save fails the words stay
/// in the box and the error says what to do. If another tab or window saved
/// a different answer while this box held older words, a save keeps both
/// (see [`GuideProgress::save_answer`]) and says so.
#[component]
fn ReflectionField(step: u8, question: &'static str, text: &'static str) -> impl IntoView {
    let doc = use_doc::<GuideProgress>();
    let stored = Memo::new(move |_| doc.value.with(|p| p.reflection(step, question).cloned()));
    let answer = RwSignal::new(stored.get_untracked().map(|r| r.text).unwrap_or_default());
    // The stored answer the box showed before the user typed: a save
    // compares it with the freshest stored answer.
    let base = StoredValue::new(answer.get_untracked());
    // True while the box holds words that are not saved yet.
    let dirty = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let kept_both = RwSignal::new(false);
    let pending = StoredValue::new(None::<TimeoutHandle>);

    // Another tab changed the answer: show it, unless the user is typing here.
    Effect::new(move |_| {
        let latest = stored.get().map(|r| r.text).unwrap_or_default();
        if !dirty.get_untracked() {
            base.set_value(latest.clone());
            answer.set(latest);
        }
    });

    // Uses try_ accessors: a timer or page event may fire after the field is
    // gone, and that must do nothing rather than panic.
    let save_now = move || {
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
        pending.try_set_value(None);
        if dirty.try_get_untracked() != Some(true) {
            return;
        }
        let (Some(words), Some(started)) = (answer.try_get_untracked(), base.try_get_value())
        else {
            return;
        };
        let mut merge = TextMerge::Keep;
        let result = doc.update(|p| {
            merge = p.save_answer(step, question, &started, &words, today(), now_ms());
        });
        match result {
            Ok(()) => {
                let now = doc
                    .value
                    .with_untracked(|p| p.reflection(step, question).map(|r| r.text.clone()))
                    .unwrap_or_default();
                if !matches!(merge, TextMerge::Write(_)) && now != words {
                    // Another tab's answer was kept: show the box as stored.
                    answer.try_set(now.clone());
                    kept_both.try_set(true);
                }
                base.try_set_value(now);
                dirty.try_set(false);
                error.try_set(None);
            }
            Err(message) => {
                error.try_set(Some(message));
            }
        }
    };
    let on_input = move |ev: ev::Event| {
        answer.set(event_target_value(&ev));
        dirty.set(true);
        kept_both.set(false);
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        pending.set_value(set_timeout_with_handle(save_now, SAVE_DELAY).ok());
    };

    let on_hide = window_event_listener(ev::pagehide, move |_| save_now());
    let on_flush = window_event_listener_untyped(FLUSH_EVENT, move |_| save_now());
    let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            save_now();
        }
    });
    on_cleanup(move || {
        // Leaving the step: write what the delay still holds.
        save_now();
        on_hide.remove();
        on_flush.remove();
        on_visibility.remove();
    });

    let field_id = format!("guide-reflection-{step}-{question}");
    let status_id = format!("{field_id}-status");
    let error_id = format!("{field_id}-error");
    let described = {
        let (status_id, error_id) = (status_id.clone(), error_id.clone());
        move || {
            if error.with(|e| e.is_some()) {
                format!("{error_id} {status_id}")
            } else {
                status_id.clone()
            }
        }
    };
    let status = move || {
        if dirty.get() && error.with(|e| e.is_none()) {
            return t!(Key::GuideSaving).to_string();
        }
        stored
            .get()
            .filter(|r| !r.text.trim().is_empty())
            .map(|r| {
                t!(
                    Key::GuideSavedOn,
                    day = r.date.day(),
                    month = month_name(r.date.month()),
                    year = r.date.year()
                )
            })
            .unwrap_or_default()
    };
    view! {
        <div class="field guide-reflection">
            <label for=field_id.clone()>{text}</label>
            <textarea
                id=field_id.clone()
                aria-describedby=described
                prop:value=move || answer.get()
                on:input=on_input
                on:blur=move |_| save_now()
            ></textarea>
            {move || error.get().map(|message| view! {
                <p class="field__error" id=error_id.clone() role="alert">{message}</p>
            })}
            <Show when=move || kept_both.get()>
                <p class="notice small" role="status">{t!(Key::GuideKeptBoth)}</p>
            </Show>
            <p class="field__hint guide-reflection__status" id=status_id>{status}</p>
        </div>
    }
}

/// The step's done checkbox (`guide.mark_done`), saved at once.
#[component]
fn DoneToggle(step: u8) -> impl IntoView {
    let doc = use_doc::<GuideProgress>();
    let error = RwSignal::new(None::<String>);
    let done = Memo::new(move |_| doc.value.with(|p| p.step(step).is_some_and(|s| s.done)));
    let on_change = move |ev: ev::Event| {
        let want = event_target_checked(&ev);
        match doc.update(|p| p.set_done(step, want)) {
            Ok(()) => error.set(None),
            Err(message) => {
                error.set(Some(message));
                if let Some(input) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    input.set_checked(done.get_untracked());
                }
            }
        }
    };
    view! {
        <section class="card guide-done" class:guide-done--on=move || done.get()>
            <label class="check guide-done__check">
                <input
                    type="checkbox"
                    prop:checked=move || done.get()
                    aria-describedby="guide-done-hint"
                    on:change=on_change
                />
                <span>{t!(Key::GuideDoneLabel)}</span>
            </label>
            <p class="field__hint" id="guide-done-hint">
                {move || if done.get() {
                    t!(Key::GuideDoneOn)
                } else {
                    t!(Key::GuideDoneOff)
                }}
            </p>
            {move || error.get().map(|message| view! {
                <p class="field__error" role="alert">{message}</p>
            })}
        </section>
    }
}

/// On step 10: why a lapse after a break is so dangerous, and where to get
/// help. The text is the app's shared safety content.
#[component]
fn LostTolerance() -> impl IntoView {
    let lost = &safety().lost_tolerance;
    let settings = use_doc::<Settings>().value;
    let line = move || {
        let region = Region::from_code(settings.with(|s| s.region.code()))?;
        helplines(region)
            .iter()
            .find(|l| l.id == lost.helpline_id)
            .map(|l| {
                view! {
                    <p>
                        <a class="button" href=l.tel_href()>{t!(Key::HelpToleranceCall, name = l.name, number = l.number)}</a>
                    </p>
                    <p class="small muted">{l.what.as_str()}" "{l.hours.as_str()}</p>
                }
            })
    };
    let paragraphs = lost
        .paragraphs
        .iter()
        .map(|p| view! { <p>{p.as_str()}</p> })
        .collect_view();
    view! {
        <section class="card guide-safety" aria-labelledby="guide-safety-title">
            <h2 id="guide-safety-title">{t!(Key::GuideSafetyTitle)}</h2>
            {paragraphs}
            {line}
            <p><a class="button button--primary" href="/help">{t!(Key::GuideOpenHelp)}</a></p>
            {(!lost.source.is_empty()).then(|| view! {
                <p class="small muted">
                    {t!(Key::ShellSourceLabel)}" "<span lang="en">{lost.source.as_str()}</span>
                </p>
            })}
        </section>
    }
}

/// Previous and next: step 1 goes back to the introduction, step 10 on to
/// the key takeaway.
#[component]
fn Pager(step: u8) -> impl IntoView {
    let g = guide();
    let prev = match step.checked_sub(1).and_then(|p| g.step(p)) {
        Some(s) => (
            format!("/guide/{}", s.n),
            t!(Key::GuidePreviousStep),
            format!("{}. {}", s.n, s.title),
        ),
        None => (
            "/guide/intro".to_string(),
            t!(Key::GuidePrevious),
            g.intro.title.clone(),
        ),
    };
    let next = match step.checked_add(1).and_then(|p| g.step(p)) {
        Some(s) => (
            format!("/guide/{}", s.n),
            t!(Key::GuideNextStep),
            format!("{}. {}", s.n, s.title),
        ),
        None => (
            "/guide/takeaway".to_string(),
            t!(Key::GuideNext),
            g.takeaway.title.clone(),
        ),
    };
    view! {
        <nav class="guide-pager" aria-label=t!(Key::GuidePagerLabel)>
            <a class="guide-pager__link guide-pager__prev" href=prev.0>
                <span class="guide-pager__hint small">{prev.1}</span>
                <span class="guide-pager__title">{prev.2}</span>
            </a>
            <a class="guide-pager__link guide-pager__next" href=next.0>
                <span class="guide-pager__hint small">{next.1}</span>
                <span class="guide-pager__title">{next.2}</span>
            </a>
            <a class="guide-pager__all" href="/guide">{t!(Key::GuideAllSteps)}</a>
        </nav>
    }
}
