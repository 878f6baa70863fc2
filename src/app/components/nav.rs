//! Bottom navigation: the four places every later screen plugs into.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn AppNav() -> impl IntoView {
    view! {
        <nav class="app-nav" aria-label="Main">
            <ul>
                <li><A href="/" exact=true>"Home"</A></li>
                <li><A href="/guide">"Guide"</A></li>
                <li><A href="/journal">"Journal"</A></li>
                <li><A href="/tools">"Tools"</A></li>
            </ul>
        </nav>
    }
}
