//! `/help/overdose`: "Someone may be overdosing", step by step, for a
//! frightened person (issue 13, part 4).

use leptos::prelude::*;

#[component]
pub fn OverdosePage() -> impl IntoView {
    view! { <h1>"…"</h1> }
}
