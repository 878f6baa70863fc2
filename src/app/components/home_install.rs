//! Home: the \"Install Waymark\" button or the iPhone how-to, only where it helps (issue 13, part 3). In the main module: keep it small.

use leptos::prelude::*;

#[component]
pub fn HomeInstall() -> impl IntoView {
    view! {}
}
