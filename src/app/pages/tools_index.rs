//! Every tool, grouped by the guide step it serves, so a tool is always found
//! next to the reason to use it. A tool that serves several steps is listed
//! once, under the first, with the other steps named; tools no step links
//! to are listed at the end.

use crate::content::{guide, ToolId};
use crate::domain::tools::join_and;
use crate::i18n::{tr, Key};
use crate::t;
use leptos::prelude::*;

/// One line on what a tool is for (a short UI label, not guide prose).
fn description(tool: ToolId) -> &'static str {
    tr(match tool {
        ToolId::Journal => Key::ToolsDescJournal,
        ToolId::Craving => Key::ToolsDescCraving,
        ToolId::People => Key::ToolsDescPeople,
        ToolId::Meetings => Key::ToolsDescMeetings,
        ToolId::Places => Key::ToolsDescPlaces,
        ToolId::Coping => Key::ToolsDescCoping,
        ToolId::Exercise => Key::ToolsDescExercise,
        ToolId::Treatment => Key::ToolsDescTreatment,
        ToolId::Plan => Key::ToolsDescPlan,
        ToolId::Help => Key::ToolsDescHelp,
        ToolId::Insights => Key::ToolsDescInsights,
    })
}

/// "Also for step 5.", "Also for steps 5 and 10.", "Also for steps 2, 4
/// and 7.", or nothing for no steps.
fn also_words(ns: &[u8]) -> Option<String> {
    let parts: Vec<String> = ns.iter().map(u8::to_string).collect();
    match parts.as_slice() {
        [] => None,
        [one] => Some(t!(Key::ToolsAlsoStep, n = one)),
        many => Some(t!(Key::ToolsAlsoSteps, list = join_and(many))),
    }
}

/// A tool and the later steps it also serves.
struct Entry {
    tool: ToolId,
    also: Vec<u8>,
}

/// Groups: (heading, entries). Each tool appears once, under the first step
/// that links it, in the order the step lists its tools.
fn groups() -> Vec<(String, Vec<Entry>)> {
    let g = guide();
    let mut shown: Vec<ToolId> = Vec::new();
    let mut out = Vec::new();
    for step in &g.steps {
        let mut entries = Vec::new();
        for &tool in &step.tools {
            if shown.contains(&tool) {
                continue;
            }
            shown.push(tool);
            let also = g
                .steps_for_tool(tool)
                .map(|s| s.n)
                .filter(|&n| n != step.n)
                .collect();
            entries.push(Entry { tool, also });
        }
        if !entries.is_empty() {
            out.push((
                t!(Key::ToolsGroupStep, n = step.n, title = step.title),
                entries,
            ));
        }
    }
    let rest: Vec<Entry> = ToolId::ALL
        .into_iter()
        .filter(|t| !shown.contains(t))
        .map(|tool| Entry {
            tool,
            also: Vec::new(),
        })
        .collect();
    if !rest.is_empty() {
        out.push((tr(Key::ToolsAnyTime).to_string(), rest));
    }
    out
}

#[component]
pub fn ToolsPage() -> impl IntoView {
    view! {
        <div class="tools-index">
            <h1>{t!(Key::ToolsTitle)}</h1>
            <p class="muted">{t!(Key::ToolsIntro)}</p>
            {groups()
                .into_iter()
                .map(|(heading, entries)| view! {
                    <section class="tools-index__group">
                        <h2>{heading}</h2>
                        <ul class="list-plain tools-index__list">
                            {entries
                                .into_iter()
                                .map(|e| {
                                    let also = also_words(&e.also);
                                    view! {
                                        <li class="card tools-index__item">
                                            <a class="tools-index__link" href=e.tool.route()>{e.tool.label()}</a>
                                            <p class="small">{description(e.tool)}</p>
                                            {also.map(|a| view! { <p class="small muted">{a}</p> })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                })
                .collect_view()}
        </div>
    }
}
