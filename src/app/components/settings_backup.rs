//! Settings › Backup: download everything as one file, and see when that was
//! last done. The file is the user's only copy outside this browser, so the
//! button is big and the date of the last one is always shown.

use leptos::prelude::*;

use super::download::download_text;
use super::settings_import::ImportBackup;
use crate::app::hooks::{use_doc, DocHandle};
use crate::app::state::{now_ms, today, use_app_state, with_store};
use crate::data::backup;
use crate::data::backup::file_name as backup_file_name;
use crate::domain::settings::Settings;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// "Last backup: …" for the last backup time, seen at `now_ms`.
pub fn last_backup_text(last_ms: Option<i64>, now_ms: i64) -> String {
    match last_ms {
        None => "Last backup: never".to_owned(),
        Some(last) => match now_ms.saturating_sub(last).div_euclid(DAY_MS) {
            days if days <= 0 => "Last backup: today".to_owned(),
            1 => "Last backup: 1 day ago".to_owned(),
            days => format!("Last backup: {days} days ago"),
        },
    }
}

/// Writes the backup file and, once the browser took it, remembers when.
/// Returns a message for the user if it failed.
pub fn download_backup(settings: DocHandle<Settings>) -> Result<(), String> {
    let now = now_ms();
    let text = with_store(|s| backup::export(s, now)).map_err(|_| {
        "Waymark could not read your data to make a backup just now. Nothing was changed. \
         Please try again."
            .to_owned()
    })?;
    download_text(&backup_file_name(today()), "application/json", &text)?;
    // Data from a newer version is read-only here: the file is still made,
    // but the date cannot be stored.
    if !use_app_state().health.with_untracked(|h| h.read_only()) {
        // A failure here is shown by the global notice; the file was saved.
        let _ = settings.update(|s| s.last_backup_ms = Some(now));
    }
    Ok(())
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
    let on_download = move |_| match download_backup(settings) {
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
    };

    view! {
        <section class="settings__section card" id="backup" aria-labelledby="backup-title">
            <h2 id="backup-title">"Backup"</h2>
            <p>
                "Your entries live only on this device. A backup file is a copy you can keep \
                 somewhere else and bring back here, or to a new phone."
            </p>
            <p class="settings__last-backup">
                {move || last_backup_text(settings.value.with(|s| s.last_backup_ms), now.get())}
            </p>
            <button class="button button--primary button--big" on:click=on_download>
                "Download a backup"
            </button>
            {move || error.get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
            <Show when=move || saved.get()>
                <p class="notice notice--ok" role="status">
                    "Your backup file is in your downloads. Keep it somewhere safe: anyone who \
                     has the file can read your entries."
                </p>
            </Show>
            <ImportBackup changed/>
        </section>
    }
}
