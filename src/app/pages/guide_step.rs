//! Step.

use leptos::prelude::*;

#[component]
pub fn GuideStepPage() -> impl IntoView {
    view! { <h1>"Step"</h1> }
}
