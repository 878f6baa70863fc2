//! Shown for an address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Key;
use crate::t;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>{t!(Key::ShellNotFoundTitle)}</h1>
        <p>{t!(Key::ShellNotFoundText)}</p>
        <p><A href="/" attr:class="button button--primary">{t!(Key::ShellNotFoundHome)}</A></p>
    }
}
