//! Your relapse-prevention plan.

use leptos::prelude::*;

#[component]
pub fn PlanPage() -> impl IntoView {
    view! { <h1>"Your relapse-prevention plan"</h1> }
}
