//! Shown for an address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"We could not find that page"</h1>
        <p>"The link may be old. Nothing you saved is affected."</p>
        <p><A href="/" attr:class="button button--primary">"Go to the home screen"</A></p>
    }
}
