//! The guide.

use leptos::prelude::*;

#[component]
pub fn GuideOverviewPage() -> impl IntoView {
    view! { <h1>"The guide"</h1> }
}
