//! Journal.

use leptos::prelude::*;

#[component]
pub fn JournalPage() -> impl IntoView {
    view! { <h1>"Journal"</h1> }
}
