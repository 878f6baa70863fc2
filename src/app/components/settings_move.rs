//! Settings › Move to a new phone: the way into the guided flow at `/settings/move` (issue 13, part 2).

use leptos::prelude::*;

#[component]
pub fn MoveSection() -> impl IntoView {
    view! {}
}
