//! `/settings/move`: moving to a new phone with no cloud, as a guided flow
//! (issue 13, part 2).

use leptos::prelude::*;

#[component]
pub fn MovePhonePage() -> impl IntoView {
    view! { <h1>"…"</h1> }
}
