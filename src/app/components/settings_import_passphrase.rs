//! Settings › Backup › Import, for an encrypted backup: asks for the
//! passphrase the file was made with and opens it on this device. Nothing is
//! written here; the opened text goes on to the usual preview.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use super::busy_button::BusyButton;
use super::passphrase_field::PassphraseField;
use crate::app::vault;
use crate::data::vault::{EncryptedBackup, VaultError};
use crate::i18n::Key;
use crate::t;

#[component]
pub fn ImportPassphrase(
    file: EncryptedBackup,
    /// Called with the backup's plain text once it opens.
    on_opened: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let file = StoredValue::new(file);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let pass = passphrase.get_untracked();
        let file = file.get_value();
        spawn_local_scoped(async move {
            let result = vault::open_backup(&file, &pass).await;
            busy.set(false);
            match result {
                Ok(text) => {
                    passphrase.set(String::new());
                    on_opened.run(text);
                }
                Err(VaultError::WrongPassphrase) => {
                    error.set(Some(t!(Key::BackupEncryptedWrong).to_owned()))
                }
                Err(e) => error.set(Some(e.message())),
            }
        });
    };

    view! {
        <form class="settings__preview notice" on:submit=submit>
            <h3>{t!(Key::BackupEncryptedTitle)}</h3>
            <p>{t!(Key::BackupEncryptedIntro)}</p>
            <PassphraseField
                id="import-passphrase"
                label=t!(Key::BackupEncryptedLabel)
                value=passphrase
                autocomplete="current-password"
                described_by="import-passphrase-error"
            />
            <p class="field__error" id="import-passphrase-error" role="alert">{move || error.get()}</p>
            <div class="row">
                <BusyButton busy label=t!(Key::BackupEncryptedOpen) busy_label=t!(Key::BackupEncryptedOpening)/>
                <button class="button" type="button" on:click=move |_| on_cancel.run(())>
                    {t!(Key::BackupCancel)}
                </button>
            </div>
        </form>
    }
}
