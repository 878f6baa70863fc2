//! Settings › Money not spent (issue 13, part 5).

use leptos::prelude::*;

#[component]
pub fn MoneySection() -> impl IntoView {
    view! {}
}
