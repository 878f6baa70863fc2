//! Tools.

use leptos::prelude::*;

#[component]
pub fn ToolsPage() -> impl IntoView {
    view! { <h1>"Tools"</h1> }
}
