//! /guide/intro: "Before you start", the introduction with its facts and
//! where each one comes from.

use crate::app::components::guide_facts::FactList;
use crate::app::hooks::use_doc;
use crate::content::guide;
use crate::domain::guide_progress::GuideProgress;
use leptos::prelude::*;

use crate::i18n::Key;
use crate::t;

#[component]
pub fn GuideIntroPage() -> impl IntoView {
    let g = guide();
    let progress = use_doc::<GuideProgress>().value;
    let total = u8::try_from(g.steps.len()).unwrap_or(u8::MAX);
    let sections = g
        .intro
        .sections
        .iter()
        .map(|s| {
            let paragraphs = s
                .paragraphs
                .iter()
                .map(|p| view! { <p>{p.as_str()}</p> })
                .collect_view();
            view! {
                <section class="guide-section" id=s.id.as_str()>
                    <h2>{s.title.as_str()}</h2>
                    {paragraphs}
                    <FactList facts=s.facts.as_slice()/>
                </section>
            }
        })
        .collect_view();
    // Where to go next: step 1 at first, later the step being worked on.
    let next = move || {
        (total > 0).then(|| {
            let n = progress.with(|p| p.current_step(total));
            let label = if progress.with(|p| p.steps.is_empty()) {
                t!(Key::GuideStartWithStep1).to_string()
            } else {
                t!(Key::GuideGoToYourStep, n = n)
            };
            view! { <a class="button button--primary" href=format!("/guide/{n}")>{label}</a> }
        })
    };
    view! {
        <div class="guide-intro">
            <h1>{g.intro.title.as_str()}</h1>
            {sections}
            <div class="guide-actions-row row">
                {next}
                <a class="button button--quiet" href="/guide">{t!(Key::GuideAllSteps)}</a>
            </div>
        </div>
    }
}
