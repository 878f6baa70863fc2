//! The lock screen: shown on every address but Help while the passphrase
//! lock is on and the app has not been opened. It holds no user data; the
//! passphrase is handed to Web Crypto and dropped.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use leptos_router::components::A;

use super::busy_button::BusyButton;
use super::passphrase_field::PassphraseField;
use super::settings_delete::{fresh_start, CONFIRM_WORD as START_OVER_WORD};
use crate::app::state::with_storage_itself;
use crate::app::vault;
use crate::data::wipe;

#[component]
pub fn LockScreen(
    /// Called once the data is open, with any keys set aside as tampered.
    on_unlock: Callback<Vec<String>>,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let pass = passphrase.get_untracked();
        if pass.is_empty() {
            error.set(Some("Type your passphrase to open Waymark.".into()));
            return;
        }
        busy.set(true);
        error.set(None);
        // A User Timing entry, so the benchmark can read how long unlocking takes.
        let performance = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &performance {
            let _ = p.mark("waymark:unlock:start");
        }
        spawn_local_scoped(async move {
            let result = vault::unlock(&pass).await;
            if let Some(p) = &performance {
                let _ = p.measure_with_start_mark("waymark:unlock", "waymark:unlock:start");
            }
            match result {
                Ok(report) => {
                    passphrase.set(String::new());
                    on_unlock.run(report.tampered);
                }
                Err(e) => {
                    busy.set(false);
                    error.set(Some(e.message()));
                    if let Some(el) = input.get_untracked() {
                        el.select();
                    }
                }
            }
        });
    };

    view! {
        <section class="lock card" aria-labelledby="lock-title">
            <h1 id="lock-title">"Waymark is locked"</h1>
            <p>"Your notes are encrypted on this device. Type your passphrase to open them."</p>
            <form on:submit=submit>
                <PassphraseField
                    id="lock-passphrase"
                    label="Passphrase"
                    value=passphrase
                    autocomplete="current-password"
                    described_by="lock-error"
                    node_ref=input
                />
                <p class="field__error" id="lock-error" role="alert">{move || error.get()}</p>
                <BusyButton busy label="Unlock" busy_label="Unlocking…" class="button button--primary button--big"/>
            </form>
            <p>
                "Need help right now? "
                <A href="/help">"Crisis lines and what to do"</A>
                " open without your passphrase."
            </p>
            <StartOver/>
        </section>
    }
}

/// For a forgotten passphrase: the data cannot be opened by anyone, so the
/// only way on is to delete it and start again (a backup file can bring it
/// back). Hidden behind a disclosure and a typed word.
#[component]
fn StartOver() -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if typed.with_untracked(|t| t.trim() != START_OVER_WORD) {
            error.set(Some(format!(
                "Type {START_OVER_WORD} in capital letters to confirm."
            )));
            return;
        }
        match with_storage_itself(wipe::delete_everything) {
            Ok(_) => spawn_local_scoped(fresh_start()),
            Err(_) => error.set(Some(
                "Some data could not be deleted. Reload the page and try again.".into(),
            )),
        }
    };
    view! {
        <details class="lock__forgot">
            <summary>"I forgot my passphrase"</summary>
            <p>
                "Nobody can open your notes without the passphrase, not even us. That is what keeps \
                 them private. If you cannot remember it, you can delete everything on this device \
                 and start again. A backup file you saved before can bring your notes back."
            </p>
            <form on:submit=submit>
                <div class="field">
                    <label for="start-over-word">{format!("Type {START_OVER_WORD} to delete everything")}</label>
                    <input
                        id="start-over-word"
                        type="text"
                        autocomplete="off"
                        aria-describedby="start-over-error"
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                    <p class="field__error" id="start-over-error" role="alert">{move || error.get()}</p>
                </div>
                <button class="button button--danger" type="submit">"Delete everything and start again"</button>
            </form>
        </details>
    }
}
