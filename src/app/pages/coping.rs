//! Coping toolbox.

use leptos::prelude::*;

#[component]
pub fn CopingPage() -> impl IntoView {
    view! { <h1>"Coping toolbox"</h1> }
}
