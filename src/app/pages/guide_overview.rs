//! /guide: the ten steps with where the user is in each, the step being
//! worked on picked out, and the introduction and key takeaway one tap away.

use crate::app::components::guide_status::{
    actions_done, actions_summary, status_class, status_label,
};
use crate::app::hooks::use_doc;
use crate::content::{guide, Step};
use crate::domain::guide_progress::{GuideProgress, StepStatus};
use leptos::prelude::*;

use crate::i18n::Key;
use crate::t;

#[component]
pub fn GuideOverviewPage() -> impl IntoView {
    let g = guide();
    if g.steps.is_empty() {
        return view! { <GuideUnavailable/> }.into_any();
    }
    let progress = use_doc::<GuideProgress>().value;
    let total = g.steps.len();
    let total_u8 = u8::try_from(total).unwrap_or(u8::MAX);
    let done = Memo::new(move |_| progress.with(|p| p.done_count(total_u8)));
    let current = Memo::new(move |_| progress.with(|p| p.current_step(total_u8)));
    let items = g
        .steps
        .iter()
        .map(|step| view! { <StepItem step=step current=current/> })
        .collect_view();

    view! {
        <div class="guide-overview">
            <h1>{t!(Key::GuideOverviewTitle)}</h1>
            <p class="guide-lead">{t!(Key::GuideOverviewLead)}</p>
            <div class="guide-progress">
                <p class="guide-progress__text">
                    {move || t!(Key::GuideStepsDone, done = done.get(), total = total)}
                </p>
                <progress class="guide-progress__bar" max=total value=move || done.get() aria-hidden="true"></progress>
            </div>
            <a class="guide-link-card" href="/guide/intro">
                <span class="guide-link-card__title">{g.intro.title.as_str()}</span>
                <span class="guide-link-card__hint small muted">{t!(Key::GuideIntroHint)}</span>
            </a>
            <h2 id="guide-steps-title">{t!(Key::GuideStepsTitle)}</h2>
            <ol class="guide-list list-plain" aria-labelledby="guide-steps-title">{items}</ol>
            <a class="guide-link-card" href="/guide/takeaway">
                <span class="guide-link-card__title">{g.takeaway.title.as_str()}</span>
                <span class="guide-link-card__hint small muted">{t!(Key::GuideTakeawayHint)}</span>
            </a>
        </div>
    }
    .into_any()
}

/// One step in the list: its title, its status in words and its actions count.
#[component]
fn StepItem(step: &'static Step, current: Memo<u8>) -> impl IntoView {
    let progress = use_doc::<GuideProgress>().value;
    let n = step.n;
    let status = Memo::new(move |_| progress.with(|p| p.status(n)));
    let ticked = Memo::new(move |_| progress.with(|p| actions_done(p, step)));
    let is_current = move || current.get() == n;
    let total_actions = step.actions.len();
    view! {
        <li class="guide-list__item" class:guide-list__item--current=is_current>
            <a
                class="guide-list__link"
                href=format!("/guide/{n}")
                aria-current=move || is_current().then_some("step")
            >
                <span class="guide-list__num" aria-hidden="true">
                    {move || if status.get() == StepStatus::Done { "✓".to_string() } else { n.to_string() }}
                </span>
                <span class="guide-list__body">
                    <span class="guide-list__title">{t!(Key::GuideStepItemTitle, n = n, title = step.title)}</span>
                    <span class="guide-list__short">{step.short.as_str()}</span>
                    <span class="guide-list__meta small">
                        <span class=move || status_class(status.get())>{move || status_label(status.get())}</span>
                        <span class="guide-list__count">{move || actions_summary(ticked.get(), total_actions)}</span>
                        {move || is_current().then(|| view! { <span class="guide-list__current">{t!(Key::GuideYourStep)}</span> })}
                    </span>
                </span>
            </a>
        </li>
    }
}

/// Shown when the guide text could not be read: the fallback guide's own
/// words say so, and point to Help, which does not depend on it.
#[component]
pub fn GuideUnavailable() -> impl IntoView {
    let intro = &guide().intro;
    let paragraphs = intro
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .map(|p| view! { <p>{p.as_str()}</p> })
        .collect_view();
    view! {
        <h1>{intro.title.as_str()}</h1>
        <div class="notice">{paragraphs}</div>
        <p><a class="button button--primary" href="/help">{t!(Key::GuideGetHelp)}</a></p>
    }
}
