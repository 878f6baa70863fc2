//! Ride out a craving.

use leptos::prelude::*;

#[component]
pub fn CravingPage() -> impl IntoView {
    view! { <h1>"Ride out a craving"</h1> }
}
