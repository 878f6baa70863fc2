//! Check-in.

use leptos::prelude::*;

#[component]
pub fn CheckInPage() -> impl IntoView {
    view! { <h1>"Check-in"</h1> }
}
