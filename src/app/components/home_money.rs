//! Home: money not spent since the recovery start, when the user turned it on (issue 13, part 5). In the main module: keep it small.

use leptos::prelude::*;

#[component]
pub fn HomeMoney() -> impl IntoView {
    view! {}
}
