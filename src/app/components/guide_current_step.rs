//! "Your step" for the home screen: the step being worked on and the one
//! next thing to do in it, so the guide is never more than one tap away.

use crate::app::hooks::use_doc;
use crate::content::guide_outline::guide_outline;
use crate::domain::guide_progress::GuideProgress;
use leptos::prelude::*;

use crate::i18n::Key;
use crate::t;

/// What the card shows, worked out from the saved progress.
struct CurrentStep {
    n: u8,
    title: &'static str,
    /// The first action not yet ticked, in the guide's order.
    next_action: Option<&'static str>,
    /// Every step is marked done.
    all_done: bool,
}

fn current(progress: &GuideProgress) -> Option<CurrentStep> {
    let g = guide_outline();
    let total = u8::try_from(g.steps.len()).ok()?;
    let n = progress.current_step(total);
    let step = g.step(n)?;
    let ids: Vec<&'static str> = step.actions.iter().map(|a| a.id.as_str()).collect();
    let next_action = progress
        .first_unticked(n, &ids)
        .and_then(|id| step.action(id))
        .map(|a| a.text.as_str());
    Some(CurrentStep {
        n,
        title: step.title.as_str(),
        next_action,
        all_done: progress.done_count(total) == usize::from(total),
    })
}

/// The home screen's "Your step" card. Renders nothing if the guide could
/// not be loaded (the guide screen explains that).
#[component]
pub fn CurrentStepCard() -> impl IntoView {
    let progress = use_doc::<GuideProgress>().value;
    let total = guide_outline().steps.len();
    move || {
        progress.with(current).map(|c| {
            let next = if c.all_done {
                view! {
                    <p class="guide-current__next">{t!(Key::HomeStepAllDone)}</p>
                }
                .into_any()
            } else if let Some(action) = c.next_action {
                view! {
                    <p class="guide-current__next">
                        <span class="guide-current__label">{t!(Key::HomeStepNext)}" "</span>{action}
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="guide-current__next">{t!(Key::HomeStepAllTicked)}</p>
                }
                .into_any()
            };
            view! {
                <section class="card guide-current" aria-labelledby="guide-current-title">
                    <h2 class="card__title" id="guide-current-title">{t!(Key::HomeStepTitle)}</h2>
                    <p class="guide-current__step">
                        <span class="guide-current__num">{t!(Key::HomeStepOf, n = c.n, total = total)}</span>
                        <strong class="guide-current__title">{c.title}</strong>
                    </p>
                    {next}
                    <a class="button button--primary" href=format!("/guide/{}", c.n)>
                        {t!(Key::HomeOpenStep, n = c.n)}
                    </a>
                </section>
            }
        })
    }
}
