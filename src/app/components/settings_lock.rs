//! Settings › Passphrase lock: turn encryption at rest on or off, choose
//! when the app locks itself, lock now. Off by default. Before it is turned
//! on, the user is told plainly that a forgotten passphrase cannot be
//! recovered, and is offered a backup first.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use super::busy_button::BusyButton;
use super::passphrase_field::PassphraseField;
use super::settings_backup::download_backup;
use crate::app::hooks::use_doc;
use crate::app::state::use_app_state;
use crate::app::vault;
use crate::data::vault::{check_new_passphrase, DEFAULT_IDLE_MINUTES, IDLE_CHOICES};
use crate::domain::settings::Settings;
use crate::i18n::{trn, Key};
use crate::t;

fn idle_label(minutes: u32) -> String {
    trn(Key::SettingsLockIdleChoice, i64::from(minutes), &[])
}

/// The "Lock after" choice, shared by both states of the section.
#[component]
fn IdleChoice(
    value: RwSignal<u32>,
    #[prop(optional)] on_change: Option<Callback<u32>>,
) -> impl IntoView {
    let options = IDLE_CHOICES
        .iter()
        .map(|m| {
            let m = *m;
            view! { <option value=m.to_string() selected=move || value.get() == m>{idle_label(m)}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="lock-idle">{t!(Key::SettingsLockIdleLabel)}</label>
            <select
                id="lock-idle"
                aria-describedby="lock-idle-hint"
                on:change=move |ev| {
                    if let Ok(m) = event_target_value(&ev).parse::<u32>() {
                        value.set(m);
                        if let Some(cb) = on_change {
                            cb.run(m);
                        }
                    }
                }
            >
                {options}
            </select>
            <p class="field__hint" id="lock-idle-hint">{t!(Key::SettingsLockIdleHint)}</p>
        </div>
    }
}

#[component]
pub fn LockSection() -> impl IntoView {
    let on = RwSignal::new(vault::current().is_some());
    view! {
        <section class="settings__section card" id="lock" aria-labelledby="lock-title">
            <h2 id="lock-title">{t!(Key::SettingsLockTitle)}</h2>
            {move || {
                if !vault::crypto_available() {
                    view! {
                        <p>{t!(Key::SettingsLockUnavailable)}</p>
                    }
                    .into_any()
                } else if on.get() {
                    view! { <LockOn/> }.into_any()
                } else {
                    view! { <LockOff on/> }.into_any()
                }
            }}
        </section>
    }
}

/// The lock is off: explain, offer a backup, ask for a new passphrase twice.
#[component]
fn LockOff(on: RwSignal<bool>) -> impl IntoView {
    let settings = use_doc::<Settings>();
    let first = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let idle = RwSignal::new(DEFAULT_IDLE_MINUTES);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let backup_note = RwSignal::new(None::<String>);

    let on_backup = move |_| {
        download_backup(settings, false, move |result| {
            backup_note.set(Some(match result {
                Ok(()) => t!(Key::BackupSavedShort).to_owned(),
                Err(m) => m,
            }))
        })
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (a, b) = (first.get_untracked(), repeat.get_untracked());
        if let Err(p) = check_new_passphrase(&a, &b) {
            error.set(Some(p.message()));
            return;
        }
        error.set(None);
        busy.set(true);
        spawn_local_scoped(async move {
            match vault::enable(&a, idle.get_untracked()).await {
                Ok(()) => {
                    first.set(String::new());
                    repeat.set(String::new());
                    on.set(true);
                }
                Err(e) => {
                    busy.set(false);
                    error.set(Some(e.message()));
                }
            }
        });
    };

    view! {
        <p>{t!(Key::SettingsLockIntro)}</p>
        <div class="notice notice--danger">
            <p>
                <strong>{t!(Key::SettingsLockForgotten)}</strong>
                " "{t!(Key::SettingsLockForgottenMore)}
            </p>
            <button class="button" type="button" on:click=on_backup>{t!(Key::BackupDownloadFirst)}</button>
            {move || backup_note.get().map(|m| view! { <p role="status">{m}</p> })}
        </div>
        <form on:submit=submit>
            <PassphraseField
                id="lock-new"
                label=t!(Key::SettingsLockNew)
                value=first
                autocomplete="new-password"
                described_by="lock-error"
                hint=t!(Key::SettingsLockNewHint)
            />
            <PassphraseField
                id="lock-repeat"
                label=t!(Key::SettingsLockRepeat)
                value=repeat
                autocomplete="new-password"
                described_by="lock-error"
            />
            <IdleChoice value=idle/>
            <p class="field__error" id="lock-error" role="alert">{move || error.get()}</p>
            <BusyButton busy label=t!(Key::SettingsLockTurnOn) busy_label=t!(Key::SettingsLockTurningOn)/>
        </form>
    }
}

/// The lock is on: lock now, change the idle time, or turn it off with the
/// passphrase.
#[component]
fn LockOn() -> impl IntoView {
    let app = use_app_state();
    let idle = RwSignal::new(
        vault::current()
            .map(|v| v.meta().idle_minutes())
            .unwrap_or(DEFAULT_IDLE_MINUTES),
    );
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let on_idle = Callback::new(move |m: u32| {
        if let Some(v) = vault::current() {
            if let Err(e) = v.set_idle(m) {
                error.set(Some(e.message()));
            }
        }
    });

    let turn_off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let pass = passphrase.get_untracked();
        spawn_local_scoped(async move {
            match vault::disable(&pass).await {
                // A fresh start with plain storage; nothing is held in memory.
                Ok(()) => {
                    let _ = window().location().reload();
                }
                Err(e) => {
                    busy.set(false);
                    error.set(Some(e.message()));
                }
            }
        });
    };

    view! {
        <p role="status">{t!(Key::SettingsLockOnStatus)}</p>
        <button
            class="button button--primary"
            type="button"
            on:click=move |_| vault::lock_now(move |m| app.report_error(&m))
        >
            {t!(Key::SettingsLockNow)}
        </button>
        <IdleChoice value=idle on_change=on_idle/>
        <form on:submit=turn_off>
            <h3>{t!(Key::SettingsLockTurnOff)}</h3>
            <p>{t!(Key::SettingsLockOffIntro)}</p>
            <PassphraseField
                id="lock-off-passphrase"
                label=t!(Key::SettingsLockOffPassphrase)
                value=passphrase
                autocomplete="current-password"
                described_by="lock-off-error"
            />
            <p class="field__error" id="lock-off-error" role="alert">{move || error.get()}</p>
            <BusyButton
                busy
                label=t!(Key::SettingsLockTurnOff)
                busy_label=t!(Key::SettingsLockTurningOff)
                class="button"
            />
        </form>
    }
}
