//! /guide/takeaway: the key takeaway, and a way to reach the people it
//! talks about.

use crate::app::components::guide_facts::FactList;
use crate::app::pages::guide_overview::GuideUnavailable;
use crate::content::{guide, ToolId};
use leptos::prelude::*;

use crate::i18n::Key;
use crate::t;

#[component]
pub fn GuideTakeawayPage() -> impl IntoView {
    let t = &guide().takeaway;
    if t.paragraphs.is_empty() {
        return view! { <GuideUnavailable/> }.into_any();
    }
    let paragraphs = t
        .paragraphs
        .iter()
        .map(|p| view! { <p>{p.as_str()}</p> })
        .collect_view();
    let links = [ToolId::People, ToolId::Meetings, ToolId::Help]
        .into_iter()
        .map(|tool| {
            let class = if tool == ToolId::Help {
                "button button--big guide-takeaway__help"
            } else {
                "button button--big"
            };
            view! { <li><a class=class href=tool.route()>{tool.label()}</a></li> }
        })
        .collect_view();
    view! {
        <div class="guide-takeaway">
            <h1>{t.title.as_str()}</h1>
            <div class="guide-takeaway__text">{paragraphs}</div>
            <h2 id="takeaway-reach">{t!(Key::GuideReachOut)}</h2>
            <ul class="guide-takeaway__links list-plain stack" aria-labelledby="takeaway-reach">{links}</ul>
            {(!t.facts.is_empty()).then(|| view! {
                <details class="guide-sources">
                    <summary>{t!(Key::GuideWhereThisComesFrom)}</summary>
                    <FactList facts=t.facts.as_slice()/>
                </details>
            })}
            <p><a class="button button--quiet" href="/guide">{t!(Key::GuideBackToAllSteps)}</a></p>
        </div>
    }
    .into_any()
}
