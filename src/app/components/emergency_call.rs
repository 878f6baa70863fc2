//! The region's emergency number as one big `tel:` button, on Help and on
//! the overdose guide (each with its own words).

use leptos::prelude::*;

use crate::content::{emergency, Region};
use crate::i18n::Key;
use crate::t;

/// `label` takes the number as `{number}`; `hidden` is read after it by
/// screen readers only ("for emergency services").
#[component]
pub fn EmergencyCallButton(region: Memo<Region>, label: Key, hidden: Key) -> impl IntoView {
    move || {
        let e = emergency(region.get());
        view! {
            <a class="button button--big crisis__emergency" href=e.tel_href()>
                {t!(label, number = e.number)}
                <span class="visually-hidden">" "{t!(hidden)}</span>
            </a>
        }
    }
}
