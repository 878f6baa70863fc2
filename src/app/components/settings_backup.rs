//! Settings › Backup: download everything as one file, and see when that was
//! last done. The file is the user's only copy outside this browser, so the
//! button is big and the date of the last one is always shown.

use leptos::prelude::*;

use super::download::download_text;
use super::settings_import::ImportBackup;
use crate::app::hooks::{use_doc, DocHandle};
use crate::app::state::{now_ms, today, use_app_state, with_store};
use crate::app::vault;
use crate::data::backup;
use crate::data::backup::file_name as backup_file_name;
use crate::domain::settings::Settings;
use crate::i18n::{trn, Key};
use crate::t;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// "Last backup: …" for the last backup time, seen at `now_ms`.
pub fn last_backup_text(last_ms: Option<i64>, now_ms: i64) -> String {
    match last_ms {
        None => t!(Key::BackupLastNever).to_owned(),
        Some(last) => match now_ms.saturating_sub(last).div_euclid(DAY_MS) {
            days if days <= 0 => t!(Key::BackupLastToday).to_owned(),
            days => trn(Key::BackupLastDaysAgo, days, &[]),
        },
    }
}

/// Writes the backup file and, once the browser took it, remembers when, then
/// calls `done` with a message for the user if it failed. With the lock on
/// and `encrypt` set, the file is sealed with the passphrase first (which
/// takes a moment, so the result comes back through `done`).
pub fn download_backup(
    settings: DocHandle<Settings>,
    encrypt: bool,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    let now = now_ms();
    let text = match with_store(|s| backup::export(s, now)) {
        Ok(text) => text,
        Err(_) => return done(Err(t!(Key::BackupReadFailed).to_owned())),
    };
    let read_only = use_app_state().health.with_untracked(|h| h.read_only());
    let save = move |name: String, text: String| -> Result<(), String> {
        download_text(&name, "application/json", &text)?;
        // Data from a newer version is read-only here: the file is still made,
        // but the date cannot be stored.
        if !read_only {
            // A failure here is shown by the global notice; the file was saved.
            let _ = settings.update(|s| s.last_backup_ms = Some(now));
        }
        Ok(())
    };
    let name = backup_file_name(today());
    match vault::current().filter(|_| encrypt) {
        None => done(save(name, text)),
        Some(v) => wasm_bindgen_futures::spawn_local(async move {
            let result = match v.seal_backup(&text).await {
                Ok(sealed) => save(name.replace(".json", "-encrypted.json"), sealed),
                Err(e) => Err(e.message()),
            };
            done(result);
        }),
    }
}

#[component]
pub fn BackupSection(
    /// Bumped after anything here changes what is stored.
    changed: RwSignal<u32>,
) -> impl IntoView {
    let settings = use_doc::<Settings>();
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    // The clock is read when the section opens and after each download.
    let now = RwSignal::new(now_ms());
    let locked = vault::current().is_some();
    let encrypt = RwSignal::new(locked);
    let on_download = move |_| {
        download_backup(
            settings,
            encrypt.get_untracked(),
            move |result| match result {
                Ok(()) => {
                    error.set(None);
                    saved.set(true);
                    now.set(now_ms());
                    changed.update(|n| *n += 1);
                }
                Err(message) => {
                    saved.set(false);
                    error.set(Some(message));
                }
            },
        )
    };

    view! {
        <section class="settings__section card" id="backup" aria-labelledby="backup-title">
            <h2 id="backup-title">{t!(Key::BackupTitle)}</h2>
            <p>{t!(Key::BackupIntro)}</p>
            <p class="settings__last-backup">
                {move || last_backup_text(settings.value.with(|s| s.last_backup_ms), now.get())}
            </p>
            <Show when=move || locked>
                <label class="check" for="backup-encrypt">
                    <input
                        id="backup-encrypt"
                        type="checkbox"
                        prop:checked=move || encrypt.get()
                        on:change=move |ev| encrypt.set(event_target_checked(&ev))
                    />
                    " "{t!(Key::BackupEncryptLabel)}
                </label>
                <p class="field__hint">{t!(Key::BackupEncryptHint)}</p>
            </Show>
            <button class="button button--primary button--big" on:click=on_download>
                {t!(Key::BackupDownload)}
            </button>
            {move || error.get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
            <Show when=move || saved.get()>
                <p class="notice notice--ok" role="status">
                    {move || if encrypt.get() {
                        t!(Key::BackupSavedEncrypted)
                    } else {
                        t!(Key::BackupSaved)
                    }}
                </p>
            </Show>
            <ImportBackup changed/>
        </section>
    }
}
