//! The facts behind a guide screen, each with where it comes from, so a
//! reader can check any claim. Sources are shown small, after the fact.

use crate::content::Fact;
use leptos::prelude::*;

use crate::i18n::Key;
use crate::t;

/// A list of facts with their sources; renders nothing when there are none.
#[component]
pub fn FactList(facts: &'static [Fact]) -> impl IntoView {
    (!facts.is_empty()).then(|| {
        let items = facts
            .iter()
            .map(|f| {
                view! {
                    <li class="guide-fact">
                        <p class="guide-fact__text">{f.text.as_str()}</p>
                        <p class="guide-fact__source small muted">
                            {t!(Key::ShellSourceLabel)}" "<span lang="en">{f.source.as_str()}</span>
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="guide-facts list-plain">{items}</ul> }
    })
}
