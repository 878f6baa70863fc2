//! Settings › This device: install Waymark, whether it is installed, and whether storage is persistent (issue 13, part 3).

use leptos::prelude::*;

#[component]
pub fn InstallSection() -> impl IntoView {
    view! {}
}
