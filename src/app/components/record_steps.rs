//! The `records.helps_with_step` line: links from a tool screen back to the guide
//! steps that send people to it, so the tool and the step it serves stay
//! one tap apart both ways.

use crate::content::{guide, ToolId};
use crate::i18n::Key;
use crate::t;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn StepLinks(tool: ToolId) -> impl IntoView {
    let steps: Vec<(u8, String)> = guide()
        .steps_for_tool(tool)
        .map(|s| (s.n, s.title.clone()))
        .collect();
    (!steps.is_empty()).then(|| {
        view! {
            <nav class="record-steps" aria-label=t!(Key::RecordsStepsLabel)>
                <ul class="list-plain">
                    {steps
                        .into_iter()
                        .map(|(n, title)| {
                            view! {
                                <li>
                                    <A href=format!("/guide/{n}")>
                                        {t!(Key::RecordsStepLink, n = n, title = title)}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        }
    })
}
