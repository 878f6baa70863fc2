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
use crate::i18n::{format, Key};
use crate::t;

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
        StoreError::QuotaExceeded => t!(Key::BackupImportNoRoom),
        StoreError::Unavailable => t!(Key::BackupImportCannotSave),
        _ => t!(Key::BackupImportFailed),
    }
}

/// The `backup.made_on` line for a backup's time, in the
/// user's time zone (the day, the month's name and the year go into the
/// language's sentence, so each language puts them in its own order).
fn made_on(ms: i64) -> Option<String> {
    use chrono::Datelike as _;
    let day = chrono::DateTime::from_timestamp_millis(ms)?
        .with_timezone(&chrono::Local)
        .date_naive();
    Some(t!(
        Key::BackupImportMadeOn,
        day = day.day(),
        month = format::month_name(day.month()),
        year = day.year()
    ))
}

/// One line of counts: a label and a number.
fn count_row(label: Key, n: usize, hint: Option<Key>) -> impl IntoView {
    view! {
        <li class="settings__count">
            <span class="settings__count-label">{t!(Key::BackupCountLabel, label = t!(label))}" "</span>
            <strong>{n}</strong>
            {hint.map(|h| view! { <span class="muted small settings__count-hint">{t!(h)}</span> })}
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
                None => stage.set(Stage::Refused(t!(Key::BackupImportUnreadable).to_owned())),
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
            Stage::Reading => view! { <p role="status">{t!(Key::BackupImportReading)}</p> }.into_any(),
            Stage::Encrypted(file) => {
                view! { <ImportPassphrase file=file.clone() on_opened=on_opened on_cancel=Callback::new(move |()| cancel(()))/> }
                    .into_any()
            }
            Stage::Preview(plan) => {
                let r = plan.summary();
                let made = plan
                    .exported_ms
                    .and_then(made_on)
                    .map(|m| view! { <p>{m}</p> });
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
                        <h3 id="import-preview-title" tabindex="-1">{t!(Key::BackupImportPreviewTitle)}</h3>
                        {made}
                        <p>{t!(Key::BackupImportPreviewIntro)}</p>
                        <ul class="list-plain settings__counts">
                            {count_row(Key::BackupCountNew, r.added, None)}
                            {count_row(Key::BackupCountUpdated, r.updated, Some(Key::BackupHintUpdated))}
                            {count_row(Key::BackupCountKept, r.kept, Some(Key::BackupHintKept))}
                            {count_row(Key::BackupCountUnchanged, r.unchanged, Some(Key::BackupHintUnchanged))}
                            {count_row(Key::BackupCountRejected, r.rejected, None)}
                        </ul>
                        {(!plan.rejected.is_empty()).then(|| view! {
                            <p>{t!(Key::BackupImportRejectedIntro)}</p>
                            <ul class="settings__reasons">{reasons}</ul>
                        })}
                        {nothing_new.then(|| view! {
                            <p>{t!(Key::BackupImportNothingNew)}</p>
                        })}
                        <div class="row">
                            <button class="button button--primary" on:click=import_now>{t!(Key::BackupImportNow)}</button>
                            <button class="button" on:click=move |_| cancel(())>{t!(Key::BackupCancel)}</button>
                        </div>
                    </section>
                }
                .into_any()
            }
            Stage::Done(r) => view! {
                <section class="settings__preview notice notice--ok" aria-labelledby="import-done-title">
                    <h3 id="import-done-title" tabindex="-1">{t!(Key::BackupImportDoneTitle)}</h3>
                    <ul class="list-plain settings__counts">
                        {count_row(Key::BackupCountAdded, r.added, None)}
                        {count_row(Key::BackupCountUpdated, r.updated, None)}
                        {count_row(Key::BackupCountKept, r.kept, None)}
                        {count_row(Key::BackupCountUnchanged, r.unchanged, None)}
                        {count_row(Key::BackupCountRejected, r.rejected, None)}
                    </ul>
                    <p>{t!(Key::BackupImportNothingLost)}</p>
                </section>
            }
            .into_any(),
        })
    };

    view! {
        <h3>{t!(Key::BackupImportTitle)}</h3>
        <div class="field">
            <label for="import-file">{t!(Key::BackupImportChoose)}</label>
            <p class="field__hint" id="import-file-hint">{t!(Key::BackupImportHint)}</p>
            <input
                id="import-file"
                type="file"
                accept=".json,.txt,application/json,text/plain"
                node_ref=input_ref
                aria-describedby="import-file-hint import-file-error"
                on:change=on_file
            />
            <p class="field__error" id="import-file-error" role="alert">{refused}</p>
        </div>
        {body}
    }
}
