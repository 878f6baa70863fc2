//! Meetings.

use leptos::prelude::*;

#[component]
pub fn MeetingsPage() -> impl IntoView {
    view! { <h1>"Meetings"</h1> }
}
