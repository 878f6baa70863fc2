//! The header: the app's name and the Help button, first in the tab order
//! and one tap away on every screen (principle 1).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Key;
use crate::t;

use super::discreet::{DiscreetTitle, QuickHideButton};

#[component]
pub fn AppHeader() -> impl IntoView {
    view! {
        <header class="app-header">
            <A href="/help" attr:class="button help-button" attr:aria-label=t!(Key::ShellHelpButtonLabel)>
                {t!(Key::ShellHelpButton)}
            </A>
            <A href="/" exact=true attr:class="app-header__brand">"Waymark"</A>
            <div class="app-header__actions">
                <QuickHideButton/>
                <A href="/settings" attr:class="button button--quiet">{t!(Key::ShellSettingsLink)}</A>
            </div>
            <DiscreetTitle/>
        </header>
    }
}
