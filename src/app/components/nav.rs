//! Bottom navigation: the four places every later screen plugs into.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Key;
use crate::t;

#[component]
pub fn AppNav() -> impl IntoView {
    view! {
        <nav class="app-nav" aria-label=t!(Key::ShellNavLabel)>
            <ul>
                <li><A href="/" exact=true>{t!(Key::ShellNavHome)}</A></li>
                <li><A href="/guide">{t!(Key::ShellNavGuide)}</A></li>
                <li><A href="/journal">{t!(Key::ShellNavJournal)}</A></li>
                <li><A href="/tools">{t!(Key::ShellNavTools)}</A></li>
            </ul>
        </nav>
    }
}
