//! Home: the "Install Waymark" button, or on iPhone and iPad one line that
//! leads to the how-to in Settings › This device; nothing once installed
//! (issue 13, part 3). In the main module: keep it small.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::components::install_prompt::{ios_browser, InstallButton};
use crate::i18n::Key;
use crate::t;

#[component]
pub fn HomeInstall() -> impl IntoView {
    view! {
        <InstallButton intro=Key::InstallHomeText class="notice home-install"/>
        {ios_browser().then(|| view! {
            <p class="notice home-install">
                <A href="/settings#device">{t!(Key::InstallHomeIosLink)}</A>
            </p>
        })}
    }
}
