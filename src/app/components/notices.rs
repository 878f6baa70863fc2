//! Quiet notices, shown only when needed: update ready, storage read-only,
//! data set aside, a failed save. Each says what happened, that nothing was
//! lost, and what to do next.

use super::update_banner::UpdateBanner;
use crate::app::state::use_app_state;
use crate::data::outcome::{newer_version_message, quarantine_notice};
use crate::i18n::Key;
use crate::t;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    let health = state.health;
    view! {
        <div class="notices" role="status" aria-live="polite">
            <UpdateBanner/>
            <Show when=move || health.with(|h| h.unavailable)>
                <div class="notice"><p>{t!(Key::StorageUnavailable)}</p></div>
            </Show>
            <Show when=move || health.with(|h| h.newer_schema || !h.newer_records.is_empty())>
                <div class="notice"><p>{newer_version_message()}</p></div>
            </Show>
            <Show when=move || health.with(|h| !h.quarantined.is_empty())>
                <div class="notice">
                    <p>{quarantine_notice()}</p>
                    <p><A href="/settings#set-aside">{t!(Key::StorageSeeSetAside)}</A></p>
                </div>
            </Show>
            {move || health.with(|h| h.last_error.clone()).map(|message| view! {
                <div class="notice notice--danger" role="alert">
                    <p>{message}</p>
                    <button class="button" on:click=move |_| health.update(|h| h.last_error = None)>
                        {t!(Key::StorageDismiss)}
                    </button>
                </div>
            })}
        </div>
    }
}
