//! Every tool, grouped by the guide step it serves, so a tool is always found
//! next to the reason to use it. A tool that serves several steps is listed
//! once, under the first, with the other steps named; tools no step links
//! to are listed at the end.

use crate::content::{guide, ToolId};
use leptos::prelude::*;

/// One line on what a tool is for (a short UI label, not guide prose).
fn description(tool: ToolId) -> &'static str {
    match tool {
        ToolId::Journal => "Check in each day: mood, craving, and what helped.",
        ToolId::Craving => "Ride out a craving, step by step, until it passes.",
        ToolId::People => "Your support network and your appointments.",
        ToolId::Meetings => "Meetings you go to, and a record of when you went.",
        ToolId::Places => "People, places and situations that help you or put you at risk.",
        ToolId::Coping => "Things to do instead of using, rated by how much they help.",
        ToolId::Exercise => "Keep track of how you move your body each week.",
        ToolId::Treatment => "Your medicine, a daily dose diary and a withdrawal check.",
        ToolId::Plan => "Your relapse-prevention plan, on one page you can print.",
        ToolId::Help => "Crisis lines, and what to do if someone overdoses.",
        ToolId::Insights => "See your check-ins over time, as charts and tables.",
    }
}

/// "step 5", "steps 5 and 10", "steps 2, 4 and 7".
fn steps_words(ns: &[u8]) -> String {
    let parts: Vec<String> = ns.iter().map(u8::to_string).collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => format!("step {one}"),
        [init @ .., last] => format!("steps {} and {last}", init.join(", ")),
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
            out.push((format!("Step {}: {}", step.n, step.title), entries));
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
        out.push(("Any time".to_string(), rest));
    }
    out
}

#[component]
pub fn ToolsPage() -> impl IntoView {
    view! {
        <div class="tools-index">
            <h1>"Tools"</h1>
            <p class="muted">"Each tool is listed with the step of the guide it helps with."</p>
            {groups()
                .into_iter()
                .map(|(heading, entries)| view! {
                    <section class="tools-index__group">
                        <h2>{heading}</h2>
                        <ul class="list-plain tools-index__list">
                            {entries
                                .into_iter()
                                .map(|e| {
                                    let also = (!e.also.is_empty())
                                        .then(|| format!("Also for {}.", steps_words(&e.also)));
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
