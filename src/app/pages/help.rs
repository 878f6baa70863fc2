//! Help now.

use leptos::prelude::*;

#[component]
pub fn HelpPage() -> impl IntoView {
    view! { <h1>"Help now"</h1> }
}
