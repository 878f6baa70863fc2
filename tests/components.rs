//! Component tests in headless Chromium (wasm-bindgen-test): the pieces of
//! the app shell that only a real browser can check — the localStorage
//! adapter against a real quota, the theme, the notices, the update banner
//! and draft autosave.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use waymark::app::components::notices::Notices;
use waymark::app::hooks::use_autosave;
use waymark::app::local_storage::LocalStore;
use waymark::app::state::AppState;
use waymark::app::theme::apply_theme;
use waymark::data::store::{KvStore, StoreError};
use waymark::domain::settings::Theme;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("test browser has localStorage")
}

/// A fresh element to mount into, so tests do not see each other's DOM.
fn container() -> web_sys::HtmlElement {
    let doc = document();
    let div = doc.create_element("div").expect("create div");
    doc.body()
        .expect("body")
        .append_child(&div)
        .expect("append");
    div.unchecked_into()
}

async fn tick() {
    gloo_timers_sleep(Duration::from_millis(30)).await;
}

async fn gloo_timers_sleep(d: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, d.as_millis() as i32);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
fn local_store_round_trips_text_through_real_local_storage() {
    storage().clear().ok();
    let store = LocalStore::open();
    assert!(!store.is_unavailable());
    let text = "שלום “quotes” 😀 مرحبا";
    assert_eq!(store.set("wm:test", text), Ok(()));
    assert_eq!(store.get("wm:test"), Ok(Some(text.to_owned())));
    assert!(store
        .keys()
        .unwrap_or_default()
        .contains(&"wm:test".to_owned()));
    assert_eq!(store.remove("wm:test"), Ok(()));
    assert_eq!(store.get("wm:test"), Ok(None));
}

#[wasm_bindgen_test]
fn local_store_lists_only_the_keys_with_a_prefix_in_one_call() {
    storage().clear().ok();
    let store = LocalStore::open();
    for key in [
        "wm:j:b",
        "wm:j:a",
        "wm:jx:c",
        "wm:c:d",
        "someone-else",
        "wm:j",
    ] {
        assert_eq!(store.set(key, "1"), Ok(()));
    }
    let mut journal = store.keys_with_prefix("wm:j:").unwrap_or_default();
    journal.sort();
    assert_eq!(journal, vec!["wm:j:a".to_owned(), "wm:j:b".to_owned()]);
    let mut all = store.keys().unwrap_or_default();
    all.sort();
    assert_eq!(all.len(), 6, "{all:?}");
    assert!(all.contains(&"someone-else".to_owned()));
    storage().clear().ok();
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_quota_exceeded_and_keeps_the_old_value() {
    let s = storage();
    s.clear().ok();
    let store = LocalStore::open();
    assert_eq!(store.set("wm:keep", "old"), Ok(()));
    // Fill the real quota with filler under foreign keys: big pieces first,
    // halving the piece each time one no longer fits.
    let mut size = 1024 * 1024;
    let mut i = 0;
    while size >= 1024 && i < 10_000 {
        if s.set_item(&format!("filler{i}"), &"x".repeat(size))
            .is_err()
        {
            size /= 2;
        }
        i += 1;
    }
    let result = store.set("wm:keep", &"n".repeat(64 * 1024));
    let kept = store.get("wm:keep");
    s.clear().ok();
    assert_eq!(result, Err(StoreError::QuotaExceeded));
    assert_eq!(kept, Ok(Some("old".to_owned())));
}

#[wasm_bindgen_test]
fn the_theme_sets_and_clears_data_theme_on_the_root_element() {
    let root = document().document_element().expect("root");
    apply_theme(Theme::Dark);
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    apply_theme(Theme::Light);
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("light"));
    apply_theme(Theme::System);
    assert_eq!(root.get_attribute("data-theme"), None);
}

#[wasm_bindgen_test]
async fn a_failed_save_shows_an_alert_that_can_be_dismissed() {
    let parent = container();
    let state = RwSignal::new(None::<AppState>);
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        let app = AppState::provide();
        state.set(Some(app));
        view! { <Notices/> }
    });
    tick().await;
    let app = state.get_untracked().expect("state provided");
    app.report_error("Your phone's storage for Waymark is full.");
    tick().await;
    let alert = parent
        .query_selector("[role=alert]")
        .ok()
        .flatten()
        .expect("an alert is shown");
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("storage for Waymark is full"));
    let button: web_sys::HtmlElement = alert
        .query_selector("button")
        .ok()
        .flatten()
        .expect("a dismiss button")
        .unchecked_into();
    button.click();
    tick().await;
    assert!(parent
        .query_selector("[role=alert]")
        .ok()
        .flatten()
        .is_none());
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_update_banner_appears_only_when_a_new_version_waits() {
    let window = web_sys::window().expect("window");
    let parent = container();
    let handle = leptos::mount::mount_to(parent.clone(), || {
        AppState::provide();
        view! { <Notices/> }
    });
    tick().await;
    assert!(!parent
        .text_content()
        .unwrap_or_default()
        .contains("Update now"));
    let event = web_sys::Event::new("waymark-update-ready").expect("event");
    window.dispatch_event(&event).expect("dispatch");
    tick().await;
    assert!(parent
        .text_content()
        .unwrap_or_default()
        .contains("Update now"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_draft_is_written_at_once_when_the_app_is_about_to_update() {
    storage().clear().ok();
    let parent = container();
    let value = RwSignal::new(String::new());
    let handle = leptos::mount::mount_to(parent, move || {
        AppState::provide();
        use_autosave("test:note".to_owned(), value, String::new());
        view! { <p>"form"</p> }
    });
    tick().await;
    value.set("typed just now".to_owned());
    // Before the debounce fires, the update banner asks forms to flush.
    let event = web_sys::Event::new(use_autosave::FLUSH_EVENT).expect("event");
    web_sys::window()
        .expect("window")
        .dispatch_event(&event)
        .expect("dispatch");
    let stored = storage().get_item("wm:draft:test:note").ok().flatten();
    assert_eq!(stored.as_deref(), Some("\"typed just now\""));
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_stored_draft_fills_the_form_when_it_opens() {
    storage().clear().ok();
    storage()
        .set_item("wm:draft:test:restore", "\"kept from before\"")
        .ok();
    let parent = container();
    let value = RwSignal::new(String::new());
    let restored = RwSignal::new(false);
    let handle = leptos::mount::mount_to(parent, move || {
        AppState::provide();
        let auto = use_autosave("test:restore".to_owned(), value, String::new());
        restored.set(auto.restored.get_untracked());
        view! { <p>"form"</p> }
    });
    tick().await;
    assert_eq!(value.get_untracked(), "kept from before");
    assert!(restored.get_untracked());
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_long_journal_draws_its_newest_check_ins_first_and_reads_the_rest_in_later_tasks() {
    use waymark::app::hooks::use_collection::{provide_collection, CollectionHandle, FIRST_SLICE};
    use waymark::domain::checkin::CheckIn;
    let s = storage();
    s.clear().ok();
    let total = 1_000;
    for i in 0..total {
        let id = format!("t{i:05}");
        let value = format!(r#"{{"v":1,"r":1,"t":1,"x":{{"i":"{id}","d":"2025-03-01","m":3}}}}"#);
        s.set_item(&format!("wm:j:{id}"), &value).ok();
    }
    // The journal index an earlier build kept.
    s.set_item("wm:j", "[]").ok();
    let parent = container();
    let journal = std::rc::Rc::new(std::cell::Cell::new(None::<CollectionHandle<CheckIn>>));
    let keep = journal.clone();
    let handle = leptos::mount::mount_to(parent, move || {
        AppState::provide();
        keep.set(Some(provide_collection::<CheckIn>()));
        view! { <p>"journal"</p> }
    });
    let journal = journal.get().expect("the collection was provided");
    let ids = move || {
        journal
            .items
            .with_untracked(|items| items.iter().map(|e| e.value.id.clone()).collect::<Vec<_>>())
    };
    // Before the first draw: only the newest slice, and not yet complete.
    let first = ids();
    assert_eq!(first.len(), FIRST_SLICE);
    assert_eq!(first.last().map(String::as_str), Some("t00999"));
    assert!(!journal.complete.get_untracked());
    let mut waited = 0;
    while !journal.complete.get_untracked() && waited < 100 {
        tick().await;
        waited += 1;
    }
    assert!(
        journal.complete.get_untracked(),
        "the rest was read in later tasks"
    );
    let all = ids();
    assert_eq!(all.len(), total);
    assert!(all.windows(2).all(|w| w[0] < w[1]), "still sorted by id");
    assert_eq!(
        s.get_item("wm:j").ok().flatten(),
        None,
        "the old index is gone"
    );
    drop(handle);
}

// The passphrase lock's Web Crypto layer (PBKDF2 and AES-GCM only exist in
// the browser).

fn test_meta() -> waymark::data::vault::LockMeta {
    waymark::data::vault::LockMeta::new(&[9u8; 16], 5)
}

#[wasm_bindgen_test]
async fn a_sealed_value_opens_with_the_same_key_and_storage_key_only() {
    use waymark::app::vault::{derive_key, open, seal};
    use waymark::data::vault::{aad, Sealed, VaultError};
    let key = derive_key("correct horse battery", &test_meta())
        .await
        .expect("key");
    let sealed = seal(&key, &aad("wm:j:a"), "a private note".as_bytes())
        .await
        .expect("sealed");
    let stored = sealed.encode();
    assert!(!stored.contains("private"));
    let back = Sealed::decode(&stored).expect("decode");
    assert_eq!(
        open(&key, &aad("wm:j:a"), &back).await.as_deref(),
        Ok("a private note".as_bytes())
    );
    // Moved to another key: refused.
    assert_eq!(
        open(&key, &aad("wm:j:b"), &back).await,
        Err(VaultError::Tampered)
    );
    // One bit changed: refused.
    let mut changed = back.clone();
    changed.ct[3] ^= 1;
    assert_eq!(
        open(&key, &aad("wm:j:a"), &changed).await,
        Err(VaultError::Tampered)
    );
    // Another passphrase: refused.
    let other = derive_key("correct horse battery!", &test_meta())
        .await
        .expect("key");
    assert_eq!(
        open(&other, &aad("wm:j:a"), &back).await,
        Err(VaultError::Tampered)
    );
}

#[wasm_bindgen_test]
async fn two_seals_of_the_same_text_use_different_ivs() {
    use waymark::app::vault::{derive_key, seal};
    use waymark::data::vault::aad;
    let key = derive_key("correct horse battery", &test_meta())
        .await
        .expect("key");
    let a = seal(&key, &aad("wm:settings"), b"same").await.expect("a");
    let b = seal(&key, &aad("wm:settings"), b"same").await.expect("b");
    assert_eq!(a.iv.len(), 12);
    assert_ne!(a.iv, b.iv);
    assert_ne!(a.ct, b.ct);
}

#[wasm_bindgen_test]
async fn weak_stored_parameters_are_refused_before_deriving_a_key() {
    use waymark::app::vault::derive_key;
    use waymark::data::vault::VaultError;
    let mut weak = test_meta();
    weak.it = 1;
    assert!(matches!(
        derive_key("anything at all", &weak).await,
        Err(VaultError::BadParameters(_))
    ));
}

#[wasm_bindgen_test]
async fn turning_the_lock_on_without_room_puts_every_value_back_and_leaves_the_lock_off() {
    use waymark::app::vault;
    let s = storage();
    s.clear().ok();
    let originals: Vec<(String, String)> = (0..10)
        .map(|i| {
            (
                format!("wm:j:id{i}"),
                format!("{{\"n\":\"{}\"}}", "note ".repeat(4000)),
            )
        })
        .collect();
    for (k, v) in &originals {
        s.set_item(k, v).expect("room for the plain values");
    }
    // Fill the rest of the quota, then free about 30,000 units: enough for
    // the lock's parameters and a few sealed values, not for all of them
    // (each sealed value is about a third bigger).
    let mut size = 1024 * 1024;
    let mut i = 0;
    while size >= 256 && i < 10_000 {
        if s.set_item(&format!("filler{i}"), &"x".repeat(size))
            .is_err()
        {
            size /= 2;
        }
        i += 1;
    }
    let mut freed = 0;
    let mut j = i;
    while freed < 30_000 && j > 0 {
        j -= 1;
        if let Ok(Some(v)) = s.get_item(&format!("filler{j}")) {
            freed += v.len();
            s.remove_item(&format!("filler{j}")).ok();
        }
    }
    let result = vault::enable("a long enough passphrase", 5).await;
    let lock = s.get_item("wm:lock").ok().flatten();
    let after: Vec<Option<String>> = originals
        .iter()
        .map(|(k, _)| s.get_item(k).ok().flatten())
        .collect();
    let unlocked = vault::current().is_some();
    s.clear().ok();
    assert!(
        matches!(
            result,
            Err(waymark::data::vault::VaultError::Store(
                StoreError::QuotaExceeded
            ))
        ),
        "{result:?}"
    );
    assert_eq!(lock, None, "the lock stays off");
    assert!(!unlocked);
    for ((k, v), back) in originals.iter().zip(after) {
        assert_eq!(back.as_deref(), Some(v.as_str()), "{k} is back as it was");
    }
}
