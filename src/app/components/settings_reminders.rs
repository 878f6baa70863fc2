//! Settings › Reminders: a daily check-in reminder as a calendar file (issue 13, part 1).

use leptos::prelude::*;

#[component]
pub fn RemindersSection() -> impl IntoView {
    view! {}
}
