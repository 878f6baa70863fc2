//! Your support network.

use leptos::prelude::*;

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! { <h1>"Your support network"</h1> }
}
