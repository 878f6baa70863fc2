//! Before you start.

use leptos::prelude::*;

#[component]
pub fn GuideIntroPage() -> impl IntoView {
    view! { <h1>"Before you start"</h1> }
}
