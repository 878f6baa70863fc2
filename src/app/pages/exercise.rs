//! Exercise log.

use leptos::prelude::*;

#[component]
pub fn ExercisePage() -> impl IntoView {
    view! { <h1>"Exercise log"</h1> }
}
