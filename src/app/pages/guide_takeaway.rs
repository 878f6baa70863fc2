//! The key takeaway.

use leptos::prelude::*;

#[component]
pub fn GuideTakeawayPage() -> impl IntoView {
    view! { <h1>"The key takeaway"</h1> }
}
