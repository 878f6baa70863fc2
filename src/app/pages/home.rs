//! Home: clean time, today's check-in, the craving button, the current step.

use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <h1>"Welcome to Waymark"</h1>
        <p>"One step at a time."</p>
    }
}
