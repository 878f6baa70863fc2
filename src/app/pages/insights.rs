//! Insights.

use leptos::prelude::*;

#[component]
pub fn InsightsPage() -> impl IntoView {
    view! { <h1>"Insights"</h1> }
}
