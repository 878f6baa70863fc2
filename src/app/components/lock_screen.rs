//! The lock screen: shown on every address but Help while the passphrase
//! lock is on and the app has not been opened. It holds no user data; the
//! passphrase is handed to Web Crypto and dropped.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use leptos_router::components::A;

use super::busy_button::BusyButton;
use super::passphrase_field::PassphraseField;
use super::settings_delete::{confirm_word, fresh_start, is_confirm_word};
use crate::app::state::with_storage_itself;
use crate::app::vault;
use crate::data::wipe;
use crate::i18n::Key;
use crate::t;

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
            error.set(Some(t!(Key::LockTypePassphrase).into()));
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
            <h1 id="lock-title">{t!(Key::LockTitle)}</h1>
            <p>{t!(Key::LockIntro)}</p>
            <form on:submit=submit>
                <PassphraseField
                    id="lock-passphrase"
                    label=t!(Key::LockPassphrase)
                    value=passphrase
                    autocomplete="current-password"
                    described_by="lock-error"
                    node_ref=input
                />
                <p class="field__error" id="lock-error" role="alert">{move || error.get()}</p>
                <BusyButton busy label=t!(Key::LockUnlock) busy_label=t!(Key::LockUnlocking) class="button button--primary button--big"/>
            </form>
            <p>
                {t!(Key::LockHelpLead)}" "
                <A href="/help">{t!(Key::LockHelpLink)}</A>
                " "{t!(Key::LockHelpRest)}
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
        if !typed.with_untracked(|t| is_confirm_word(t)) {
            error.set(Some(t!(Key::LockStartOverConfirm, word = confirm_word())));
            return;
        }
        match with_storage_itself(wipe::delete_everything) {
            Ok(_) => spawn_local_scoped(fresh_start()),
            Err(_) => error.set(Some(t!(Key::LockStartOverFailed).into())),
        }
    };
    view! {
        <details class="lock__forgot">
            <summary>{t!(Key::LockForgot)}</summary>
            <p>{t!(Key::LockForgotText)}</p>
            <form on:submit=submit>
                <div class="field">
                    <label for="start-over-word">{t!(Key::LockStartOverLabel, word = confirm_word())}</label>
                    <input
                        id="start-over-word"
                        type="text"
                        autocomplete="off"
                        aria-describedby="start-over-error"
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                    <p class="field__error" id="start-over-error" role="alert">{move || error.get()}</p>
                </div>
                <button class="button button--danger" type="submit">{t!(Key::LockStartOverButton)}</button>
            </form>
        </details>
    }
}
