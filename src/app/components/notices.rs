//! Quiet notices, shown only when needed: update ready, storage read-only,
//! data set aside, a failed save. Each says what happened, that nothing was
//! lost, and what to do next.

use super::update_banner::UpdateBanner;
use crate::app::state::use_app_state;
use crate::data::outcome::{NEWER_VERSION_MESSAGE, QUARANTINE_NOTICE};
use leptos::prelude::*;
use leptos_router::components::A;

const UNAVAILABLE: &str = "This browser is not letting Waymark save anything right now \
     (this can happen in private browsing or when site data is blocked). You can read \
     everything, but changes cannot be kept. Open Waymark in a normal window to save.";

#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    let health = state.health;
    view! {
        <div class="notices" role="status" aria-live="polite">
            <UpdateBanner/>
            <Show when=move || health.with(|h| h.unavailable)>
                <div class="notice"><p>{UNAVAILABLE}</p></div>
            </Show>
            <Show when=move || health.with(|h| h.newer_schema || !h.newer_records.is_empty())>
                <div class="notice"><p>{NEWER_VERSION_MESSAGE}</p></div>
            </Show>
            <Show when=move || health.with(|h| !h.quarantined.is_empty())>
                <div class="notice">
                    <p>{QUARANTINE_NOTICE}</p>
                    <p><A href="/settings#set-aside">"See set-aside data in Settings"</A></p>
                </div>
            </Show>
            {move || health.with(|h| h.last_error.clone()).map(|message| view! {
                <div class="notice notice--danger" role="alert">
                    <p>{message}</p>
                    <button class="button" on:click=move |_| health.update(|h| h.last_error = None)>
                        "Dismiss"
                    </button>
                </div>
            })}
        </div>
    }
}
