//! Settings › Move to a new phone: the way into the guided flow at `/settings/move` (issue 13, part 2).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Key;
use crate::t;

#[component]
pub fn MoveSection() -> impl IntoView {
    view! {
        <section class="settings__section card" id="move" aria-labelledby="move-title">
            <h2 id="move-title">{t!(Key::MoveTitle)}</h2>
            <p>{t!(Key::MoveSectionIntro)}</p>
            <A href="/settings/move" attr:class="button button--primary">{t!(Key::MoveSectionLink)}</A>
        </section>
    }
}
