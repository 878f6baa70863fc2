//! `/settings/move`: moving to a new phone with no cloud, as a guided flow
//! (issue 13, part 2).
//!
//! 1. Make one backup file, sealed with a passphrase chosen here (even with
//!    the lock off): the encrypted backup format of [`EncryptedBackup`],
//!    with its own fresh salt, so it opens on the new phone with the
//!    passphrase alone. A plain file is offered only behind a warning.
//! 2. Send it with the phone's share sheet (Web Share with files, where
//!    `navigator.canShare` accepts the file), or save it to the downloads.
//! 3. Say how to open it on the new phone (Settings › Bring back a backup,
//!    whose preview shows what will come), and that this phone keeps its data
//!    until the user deletes it.
//!
//! Nothing here writes the user's data: the only write is the date of the
//! last backup, once the file has gone to the share sheet or the downloads.

use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use leptos_router::components::A;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::app::components::busy_button::BusyButton;
use crate::app::components::download::download_text;
use crate::app::components::passphrase_field::PassphraseField;
use crate::app::components::settings_focus::focus_soon;
use crate::app::hooks::{use_doc, DocHandle};
use crate::app::state::{now_ms, today, use_app_state, with_store};
use crate::app::vault;
use crate::data::backup;
use crate::data::vault::{
    check_new_passphrase, EncryptedBackup, LockMeta, VaultError, DEFAULT_IDLE_MINUTES, SALT_LEN,
};
use crate::domain::settings::Settings;
use crate::i18n::{trn, Key};
use crate::t;

/// The type a saved file is offered as.
const JSON_TYPE: &str = "application/json";
/// The type a shared file is offered as: Chrome's share sheet refuses
/// `.json`, but takes plain text (`.txt`) everywhere.
const SHARE_TYPE: &str = "text/plain";

/// The file made in step 1, ready to send.
#[derive(Clone, Debug, PartialEq)]
struct MoveFile {
    /// The name it is saved under, ending in `.json`.
    name: String,
    text: String,
    encrypted: bool,
    /// How many records and documents it holds.
    items: usize,
}

impl MoveFile {
    /// The name it is shared under: the same, ending in `.txt`.
    fn share_name(&self) -> String {
        match self.name.strip_suffix(".json") {
            Some(stem) => format!("{stem}.txt"),
            None => self.name.clone(),
        }
    }
}

/// What happened to the file in step 2.
#[derive(Clone, Debug, PartialEq)]
enum Sent {
    Not,
    Sharing,
    Shared,
    Downloaded,
    Cancelled,
    /// The share sheet or the download failed; the message says what to do.
    Failed(String),
}

/// Why step 1 did not make a file. Each says that nothing changed.
fn seal_error(e: &VaultError) -> String {
    t!(Key::MoveSealFailed, reason = e.message())
}

/// Seals the backup text with `passphrase` under a fresh salt, in the
/// encrypted backup format, then opens the file's own text again with the
/// same key to be sure it holds the backup before anyone relies on it.
async fn seal_with_passphrase(text: &str, passphrase: &str) -> Result<String, String> {
    let salt = vault::random_bytes(SALT_LEN).map_err(|e| seal_error(&e))?;
    let meta = LockMeta::new(&salt, DEFAULT_IDLE_MINUTES);
    let key = vault::derive_key(passphrase, &meta)
        .await
        .map_err(|e| seal_error(&e))?;
    let sealed = vault::seal(&key, EncryptedBackup::AAD.as_bytes(), text.as_bytes())
        .await
        .map_err(|e| seal_error(&e))?;
    let json = EncryptedBackup::new(&meta, &sealed).to_json();
    let check_failed = || t!(Key::MoveCheckFailed).to_owned();
    let again = match EncryptedBackup::detect(&json) {
        Some(Ok(file)) => file.sealed().map_err(|_| check_failed())?,
        _ => return Err(check_failed()),
    };
    match vault::open(&key, EncryptedBackup::AAD.as_bytes(), &again).await {
        Ok(bytes) if bytes == text.as_bytes() => Ok(json),
        _ => Err(check_failed()),
    }
}

/// How many records a backup's text holds.
fn item_count(text: &str) -> usize {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| {
            v.get("records")
                .and_then(|r| r.as_object())
                .map(|o| o.len())
        })
        .unwrap_or(0)
}

/// A `File` made in the page, built through `Reflect` (no web-sys feature
/// needed for its options).
fn js_file(name: &str, mime: &str, text: &str) -> Option<JsValue> {
    let ctor: Function = Reflect::get(&js_sys::global(), &JsValue::from_str("File"))
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    Reflect::set(&options, &"type".into(), &mime.into()).ok()?;
    let args = Array::of3(
        &Array::of1(&JsValue::from_str(text)),
        &JsValue::from_str(name),
        &options,
    );
    Reflect::construct(&ctor, &args).ok()
}

/// `{ files: [file], title }` for `navigator.share`.
fn share_data(file: &MoveFile) -> Option<Object> {
    let f = js_file(&file.share_name(), SHARE_TYPE, &file.text)?;
    let data = Object::new();
    Reflect::set(&data, &"files".into(), &Array::of1(&f)).ok()?;
    Reflect::set(&data, &"title".into(), &t!(Key::MoveShareTitle).into()).ok()?;
    Some(data)
}

/// `navigator` and its method `name`, if this browser has it.
fn navigator_method(name: &str) -> Option<(JsValue, Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let method = Reflect::get(&navigator, &JsValue::from_str(name)).ok()?;
    let method = method.dyn_into::<Function>().ok()?;
    Some((navigator, method))
}

/// True when the share sheet says it can take this file.
fn can_share(file: &MoveFile) -> bool {
    let (Some((navigator, can)), Some(_)) =
        (navigator_method("canShare"), navigator_method("share"))
    else {
        return false;
    };
    let Some(data) = share_data(file) else {
        return false;
    };
    can.call1(&navigator, &data)
        .ok()
        .and_then(|ok| ok.as_bool())
        .unwrap_or(false)
}

/// Opens the share sheet with the file. Must run inside the click (the
/// browser allows it only right after the user's tap), so it starts the
/// share at once and only waits for the answer.
fn start_share(file: &MoveFile) -> Option<js_sys::Promise> {
    let (navigator, share) = navigator_method("share")?;
    let data = share_data(file)?;
    share.call1(&navigator, &data).ok()?.dyn_into().ok()
}

/// Remembers when the last backup left this phone (not when the data is
/// read-only: the file was still made and sent).
fn remember_backup(settings: DocHandle<Settings>) {
    let read_only = use_app_state().health.with_untracked(|h| h.read_only());
    if !read_only {
        // A failure here is shown by the global notice; the file was sent.
        let _ = settings.update(|s| s.last_backup_ms = Some(now_ms()));
    }
}

#[component]
pub fn MovePhonePage() -> impl IntoView {
    let file = RwSignal::new(None::<MoveFile>);
    let sent = RwSignal::new(Sent::Not);
    view! {
        <div class="settings move">
            <h1>{t!(Key::MoveTitle)}</h1>
            <p>{t!(Key::MoveIntro)}</p>
            <p class="notice"><strong>{t!(Key::MoveOnlyCopy)}</strong></p>
            <StepMake file sent/>
            <StepSend file sent/>
            <StepOpen/>
            <section class="settings__section card" aria-labelledby="move-old-title">
                <h2 id="move-old-title">{t!(Key::MoveOldPhoneTitle)}</h2>
                <p>{t!(Key::MoveOldPhone)}</p>
                <p><A href="/settings#delete">{t!(Key::MoveOldPhoneLink)}</A></p>
            </section>
            <p><A href="/settings#move">{t!(Key::MoveBack)}</A></p>
        </div>
    }
}

/// Step 1: the passphrase (twice), or a plain file behind a warning.
#[component]
fn StepMake(file: RwSignal<Option<MoveFile>>, sent: RwSignal<Sent>) -> impl IntoView {
    let crypto = vault::crypto_available();
    let first = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let plain = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let plain_file = plain.get_untracked();
        let (a, b) = (first.get_untracked(), repeat.get_untracked());
        if !plain_file {
            if !crypto {
                error.set(Some(t!(Key::MoveNoCrypto).to_owned()));
                return;
            }
            if let Err(p) = check_new_passphrase(&a, &b) {
                error.set(Some(p.message()));
                return;
            }
        }
        let text = match with_store(|s| backup::export(s, now_ms())) {
            Ok(text) => text,
            Err(_) => {
                error.set(Some(t!(Key::MoveReadFailed).to_owned()));
                return;
            }
        };
        let items = item_count(&text);
        let plain_name = backup::file_name(today());
        let made = move |text: String, encrypted: bool| {
            let name = if encrypted {
                plain_name.replace(".json", "-encrypted.json")
            } else {
                plain_name
            };
            first.set(String::new());
            repeat.set(String::new());
            error.set(None);
            sent.set(Sent::Not);
            file.set(Some(MoveFile {
                name,
                text,
                encrypted,
                items,
            }));
            focus_soon("move-step2-title");
        };
        if plain_file {
            made(text, false);
            return;
        }
        error.set(None);
        busy.set(true);
        spawn_local_scoped(async move {
            let result = seal_with_passphrase(&text, &a).await;
            busy.set(false);
            match result {
                Ok(sealed) => made(sealed, true),
                // The passphrase stays in the fields, so it can be tried again.
                Err(m) => error.set(Some(m)),
            }
        });
    };

    let ready = move || {
        file.get().map(|f| {
            view! {
                <div class="notice notice--ok" role="status">
                    <p>{t!(Key::MoveMade, name = f.name)}" "{trn(Key::MoveMadeItems, f.items as i64, &[])}</p>
                    {(!f.encrypted).then(|| view! { <p><strong>{t!(Key::MoveMadePlain)}</strong></p> })}
                    <p class="small">{t!(Key::MoveMakeAgain)}</p>
                </div>
            }
        })
    };

    view! {
        <section class="settings__section card" aria-labelledby="move-step1-title">
            <h2 id="move-step1-title">{t!(Key::MoveStep1Title)}</h2>
            <form on:submit=submit novalidate>
                <Show when=move || !plain.get()>
                    {if crypto {
                        view! {
                            <p>{t!(Key::MoveStep1Intro)}</p>
                            <PassphraseField
                                id="move-pass"
                                label=t!(Key::MovePassLabel)
                                value=first
                                autocomplete="new-password"
                                described_by="move-error"
                                hint=t!(Key::MovePassHint)
                            />
                            <PassphraseField
                                id="move-repeat"
                                label=t!(Key::MoveRepeatLabel)
                                value=repeat
                                autocomplete="new-password"
                                described_by="move-error"
                            />
                            <p class="notice"><strong>{t!(Key::MoveForgotten)}</strong></p>
                        }
                        .into_any()
                    } else {
                        view! { <p class="notice">{t!(Key::MoveNoCrypto)}</p> }.into_any()
                    }}
                </Show>
                <details class="field settings__breakdown" open=!crypto>
                    <summary>{t!(Key::MovePlainMore)}</summary>
                    <p class="notice notice--danger">{t!(Key::MovePlainWarning)}</p>
                    <label class="check" for="move-plain">
                        <input
                            id="move-plain"
                            type="checkbox"
                            prop:checked=move || plain.get()
                            on:change=move |ev| {
                                plain.set(event_target_checked(&ev));
                                error.set(None);
                            }
                        />
                        " "{t!(Key::MovePlainLabel)}
                    </label>
                </details>
                <p class="field__error" id="move-error" role="alert">{move || error.get()}</p>
                <BusyButton
                    busy
                    label=t!(Key::MoveMake)
                    busy_label=t!(Key::MoveMaking)
                    class="button button--primary button--big"
                />
                <p class="visually-hidden" role="status">
                    {move || busy.get().then(|| t!(Key::MoveMaking))}
                </p>
            </form>
            {ready}
        </section>
    }
}

/// Step 2: the share sheet where it takes the file, else the downloads.
#[component]
fn StepSend(file: RwSignal<Option<MoveFile>>, sent: RwSignal<Sent>) -> impl IntoView {
    let settings = use_doc::<Settings>();
    // Asked once per file: the answer decides which button comes first.
    let shareable = Memo::new(move |_| file.with(|f| f.as_ref().is_some_and(can_share)));

    let download = move |_| {
        let Some(f) = file.get_untracked() else {
            return;
        };
        match download_text(&f.name, JSON_TYPE, &f.text) {
            Ok(()) => {
                remember_backup(settings);
                sent.set(Sent::Downloaded);
            }
            Err(m) => sent.set(Sent::Failed(m)),
        }
    };

    let share = move |_| {
        if sent.get_untracked() == Sent::Sharing {
            return;
        }
        let Some(f) = file.get_untracked() else {
            return;
        };
        let Some(promise) = start_share(&f) else {
            sent.set(Sent::Failed(t!(Key::MoveShareFailed).to_owned()));
            return;
        };
        sent.set(Sent::Sharing);
        spawn_local_scoped(async move {
            match JsFuture::from(promise).await {
                Ok(_) => {
                    remember_backup(settings);
                    sent.set(Sent::Shared);
                }
                Err(e) => {
                    let name = Reflect::get(&e, &JsValue::from_str("name"))
                        .ok()
                        .and_then(|n| n.as_string());
                    sent.set(if name.as_deref() == Some("AbortError") {
                        Sent::Cancelled
                    } else {
                        Sent::Failed(t!(Key::MoveShareFailed).to_owned())
                    });
                }
            }
        });
    };

    let outcome = move || match sent.get() {
        Sent::Not | Sent::Sharing => None,
        Sent::Shared => {
            Some(view! { <p class="notice notice--ok">{t!(Key::MoveShared)}</p> }.into_any())
        }
        Sent::Downloaded => {
            Some(view! { <p class="notice notice--ok">{t!(Key::MoveDownloaded)}</p> }.into_any())
        }
        Sent::Cancelled => {
            Some(view! { <p class="notice">{t!(Key::MoveShareCancelled)}</p> }.into_any())
        }
        Sent::Failed(m) => Some(view! { <p class="field__error">{m}</p> }.into_any()),
    };

    let body = move || {
        if file.with(|f| f.is_none()) {
            return view! { <p class="muted">{t!(Key::MoveStep2Waiting)}</p> }.into_any();
        }
        if shareable.get() {
            view! {
                <p>{t!(Key::MoveStep2ShareIntro)}</p>
                <div class="stack">
                    <button
                        class="button button--primary button--big"
                        type="button"
                        disabled=move || sent.get() == Sent::Sharing
                        on:click=share
                    >
                        {t!(Key::MoveShare)}
                    </button>
                    <button class="button" type="button" on:click=download>
                        {t!(Key::MoveDownloadInstead)}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <p>{t!(Key::MoveStep2DownloadIntro)}</p>
                <button class="button button--primary button--big" type="button" on:click=download>
                    {t!(Key::MoveDownload)}
                </button>
            }
            .into_any()
        }
    };

    view! {
        <section class="settings__section card" aria-labelledby="move-step2-title">
            <h2 id="move-step2-title" tabindex="-1">{t!(Key::MoveStep2Title)}</h2>
            {body}
            <div role="status">{outcome}</div>
        </section>
    }
}

/// Step 3: what to do on the new phone.
#[component]
fn StepOpen() -> impl IntoView {
    let address = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    view! {
        <section class="settings__section card" aria-labelledby="move-step3-title">
            <h2 id="move-step3-title">{t!(Key::MoveStep3Title)}</h2>
            <ol>
                <li>
                    <p>{t!(Key::MoveStep3Open)}</p>
                    <p><strong>{address}</strong></p>
                </li>
                <li>
                    <p>{t!(Key::MoveStep3Import)}</p>
                    <p><A href="/settings#backup">{t!(Key::MoveStep3ImportLink)}</A></p>
                </li>
                <li><p>{t!(Key::MoveStep3Passphrase)}</p></li>
                <li><p>{t!(Key::MoveStep3Confirm)}</p></li>
            </ol>
        </section>
    }
}
