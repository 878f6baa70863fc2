//! Treatment diary.

use leptos::prelude::*;

#[component]
pub fn TreatmentPage() -> impl IntoView {
    view! { <h1>"Treatment diary"</h1> }
}
