//! Settings › Backup › Import: pick a backup file, see what it would change,
//! then import it or cancel. The file is checked in full before anything is
//! written, a bad file changes nothing, and an import never loses a record
//! (a different version is kept beside it as a copy).

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::settings_focus::focus_soon;
use super::settings_import_passphrase::ImportPassphrase;
use crate::app::hooks::{use_collection, use_doc};
use crate::app::state::{now_ms, with_store};
use crate::data::backup::{self, ImportError, ImportPlan, ImportReport, MAX_IMPORT_BYTES};
use crate::data::store::StoreError;
use crate::data::vault::EncryptedBackup;
use crate::domain::checkin::CheckIn;
use crate::domain::guide_progress::GuideProgress;
use crate::domain::settings::Settings;

const UNREADABLE: &str = "Waymark could not open this file. Nothing was changed. \
     Try picking it again, or copy it to this device first.";

/// Where the import is.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Idle,
    Reading,
    /// The file cannot be imported; the message says nothing changed.
    Refused(String),
    /// The file is an encrypted backup: its passphrase is asked for.
    Encrypted(EncryptedBackup),
    Preview(ImportPlan),
    /// The import failed while writing and was undone.
    Failed(String),
    Done(ImportReport),
}

/// What to say when writing the import failed (it was rolled back).
fn apply_error_message(e: &StoreError) -> &'static str {
    match e {
        StoreError::QuotaExceeded => {
            "There is not enough room on this device for this backup, so nothing was changed. \
             Remove set-aside data or drafts you no longer need, then try again."
        }
        StoreError::Unavailable => {
            "This browser is not letting Waymark save right now, so nothing was changed. \
             Open Waymark in a normal (not private) window and try again."
        }
        _ => "The import could not finish, so nothing was changed. Please try again.",
    }
}

/// "7 March 2026" for a backup's time, in the user's time zone.
fn backup_date(ms: i64) -> Option<String> {
    let utc = chrono::DateTime::from_timestamp_millis(ms)?;
    Some(
        utc.with_timezone(&chrono::Local)
            .format("%-d %B %Y")
            .to_string(),
    )
}

/// One line of counts: a label and a number.
fn count_row(label: &'static str, n: usize, hint: &'static str) -> impl IntoView {
    view! {
        <li class="settings__count">
            <span class="settings__count-label">{label}": "</span>
            <strong>{n}</strong>
            {(!hint.is_empty()).then(|| view! { <span class="muted small settings__count-hint">{hint}</span> })}
        </li>
    }
}

#[component]
pub fn ImportBackup(changed: RwSignal<u32>) -> impl IntoView {
    let stage = RwSignal::new(Stage::Idle);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let checkins = use_collection::<CheckIn>();
    let settings = use_doc::<Settings>();
    let guide = use_doc::<GuideProgress>();

    let clear_input = move || {
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };

    // Checks the whole file and shows what it would change; writes nothing.
    let show_preview = move |text: &str| {
        let next = match with_store(|s| backup::preview(s, text)) {
            Ok(plan) => Stage::Preview(plan),
            Err(e) => Stage::Refused(e.message()),
        };
        let preview = matches!(next, Stage::Preview(_));
        stage.set(next);
        if preview {
            focus_soon("import-preview-title");
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Refused before reading, so a huge wrong file cannot freeze the tab.
        if file.size() > MAX_IMPORT_BYTES as f64 {
            let bytes = file.size() as usize;
            stage.set(Stage::Refused(ImportError::TooLarge { bytes }.message()));
            input.set_value("");
            return;
        }
        stage.set(Stage::Reading);
        spawn_local_scoped(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            match text {
                None => stage.set(Stage::Refused(UNREADABLE.to_owned())),
                Some(text) => match EncryptedBackup::detect(&text) {
                    Some(Ok(file)) => {
                        stage.set(Stage::Encrypted(file));
                        focus_soon("import-passphrase");
                    }
                    Some(Err(e)) => stage.set(Stage::Refused(e.message())),
                    None => show_preview(&text),
                },
            }
        });
    };
    let on_opened = Callback::new(move |text: String| show_preview(&text));

    let import_now = move |_| {
        let result = stage.with_untracked(|s| match s {
            Stage::Preview(plan) => Some(with_store(|store| backup::apply(store, plan, now_ms()))),
            _ => None,
        });
        let Some(result) = result else {
            return;
        };
        match result {
            Ok(report) => {
                // Screens holding data read it again; tool pages read theirs
                // when they open.
                checkins.reload();
                settings.reload();
                guide.reload();
                changed.update(|n| *n += 1);
                stage.set(Stage::Done(report));
                focus_soon("import-done-title");
            }
            Err(e) => stage.set(Stage::Failed(apply_error_message(&e).to_owned())),
        }
        clear_input();
    };

    let cancel = move |_: ()| {
        stage.set(Stage::Idle);
        clear_input();
        focus_soon("import-file");
    };

    let refused = move || match stage.get() {
        Stage::Refused(m) | Stage::Failed(m) => Some(m),
        _ => None,
    };

    let body = move || {
        stage.with(|s| match s {
            Stage::Idle | Stage::Refused(_) | Stage::Failed(_) => ().into_any(),
            Stage::Reading => view! { <p role="status">"Reading the file…"</p> }.into_any(),
            Stage::Encrypted(file) => {
                view! { <ImportPassphrase file=file.clone() on_opened=on_opened on_cancel=Callback::new(move |()| cancel(()))/> }
                    .into_any()
            }
            Stage::Preview(plan) => {
                let r = plan.summary();
                let made = plan
                    .exported_ms
                    .and_then(backup_date)
                    .map(|d| view! { <p>"This backup was made on "{d}"."</p> });
                let reasons = plan
                    .rejected
                    .iter()
                    .map(|x| {
                        let (key, reason) = (x.key.clone(), x.reason.clone());
                        view! { <li>{reason}" "<span class="muted small">"("{key}")"</span></li> }
                    })
                    .collect_view();
                let nothing_new = r.added + r.updated + r.kept == 0;
                view! {
                    <section class="settings__preview notice" aria-labelledby="import-preview-title">
                        <h3 id="import-preview-title" tabindex="-1">"Before you import"</h3>
                        {made}
                        <p>"Here is what this file would do. Nothing has changed yet."</p>
                        <ul class="list-plain settings__counts">
                            {count_row("New", r.added, "")}
                            {count_row("Updated", r.updated, "the version on this device is kept as a copy")}
                            {count_row("Kept as copies", r.kept, "this device has a newer version; the file's one is kept beside it")}
                            {count_row("Unchanged", r.unchanged, "already here, exactly the same")}
                            {count_row("Rejected", r.rejected, "")}
                        </ul>
                        {(!plan.rejected.is_empty()).then(|| view! {
                            <p>"These parts of the file cannot be imported:"</p>
                            <ul class="settings__reasons">{reasons}</ul>
                        })}
                        {nothing_new.then(|| view! {
                            <p>"Everything in this file is already on this device."</p>
                        })}
                        <div class="row">
                            <button class="button button--primary" on:click=import_now>"Import now"</button>
                            <button class="button" on:click=move |_| cancel(())>"Cancel"</button>
                        </div>
                    </section>
                }
                .into_any()
            }
            Stage::Done(r) => view! {
                <section class="settings__preview notice notice--ok" aria-labelledby="import-done-title">
                    <h3 id="import-done-title" tabindex="-1">"Import finished"</h3>
                    <ul class="list-plain settings__counts">
                        {count_row("Added", r.added, "")}
                        {count_row("Updated", r.updated, "")}
                        {count_row("Kept as copies", r.kept, "")}
                        {count_row("Unchanged", r.unchanged, "")}
                        {count_row("Rejected", r.rejected, "")}
                    </ul>
                    <p>"Nothing that was on this device was lost."</p>
                </section>
            }
            .into_any(),
        })
    };

    view! {
        <h3>"Bring back a backup"</h3>
        <div class="field">
            <label for="import-file">"Choose a backup file"</label>
            <p class="field__hint" id="import-file-hint">
                "Pick a file Waymark saved, such as waymark-backup-2026-03-07.json. You will see \
                 what it changes before anything is imported."
            </p>
            <input
                id="import-file"
                type="file"
                accept=".json,application/json"
                node_ref=input_ref
                aria-describedby="import-file-hint import-file-error"
                on:change=on_file
            />
            <p class="field__error" id="import-file-error" role="alert">{refused}</p>
        </div>
        {body}
    }
}
