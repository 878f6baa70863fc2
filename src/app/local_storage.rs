//! The only code in Waymark that touches the browser's `localStorage`.
//!
//! It adapts `window.localStorage` to the [`KvStore`] trait so that every rule
//! about what is written (envelopes, quarantine, verification) lives
//! in the natively tested `data` layer. Every browser failure becomes a
//! [`StoreError`]; nothing here can panic.

use crate::data::store::{KvStore, StoreError};
use wasm_bindgen::{JsCast, JsValue};

/// A handle on `localStorage`, or on nothing when the browser refuses it
/// (private mode in some browsers, storage blocked by the user).
#[derive(Clone, Debug)]
pub struct LocalStore {
    storage: Option<web_sys::Storage>,
}

use crate::data::keys::PROBE_KEY;

impl LocalStore {
    /// Opens `localStorage` and checks that a write really works, because
    /// some browsers hand out a storage object that throws on every write.
    /// A full quota is not "unavailable": reading still works and a smaller
    /// write may still fit, so the app stays writable and says "full" when a
    /// save fails.
    ///
    /// The check runs once per page and its answer is kept: every read and
    /// write of the app opens the store, and a probe each time would add two
    /// writes to every save (and a `storage` event in every other tab).
    pub fn open() -> Self {
        let storage = OPENED.with(|opened| opened.get_or_init(probe).clone());
        Self { storage }
    }

    /// True when storage cannot be used and the app runs read-only.
    pub fn is_unavailable(&self) -> bool {
        self.storage.is_none()
    }

    fn storage(&self) -> Result<&web_sys::Storage, StoreError> {
        self.storage.as_ref().ok_or(StoreError::Unavailable)
    }
}

thread_local! {
    /// `localStorage` as [`probe`] found it when this page first asked.
    static OPENED: std::cell::OnceCell<Option<web_sys::Storage>> =
        const { std::cell::OnceCell::new() };
}

/// `localStorage`, if a write really works (see [`LocalStore::open`]).
fn probe() -> Option<web_sys::Storage> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .filter(|s| match s.set_item(PROBE_KEY, "1") {
            Ok(()) => {
                let _ = s.remove_item(PROBE_KEY);
                true
            }
            Err(e) => classify(e) == StoreError::QuotaExceeded,
        })
}

/// Maps a thrown JS error to a store error. Chromium and Safari name a full
/// quota `QuotaExceededError` (code 22); Firefox uses
/// `NS_ERROR_DOM_QUOTA_REACHED` (code 1014).
fn classify(err: JsValue) -> StoreError {
    if let Some(ex) = err.dyn_ref::<web_sys::DomException>() {
        let name = ex.name();
        if name.contains("Quota") || name.contains("QUOTA") || ex.code() == 22 || ex.code() == 1014
        {
            return StoreError::QuotaExceeded;
        }
        if name == "SecurityError" {
            return StoreError::Unavailable;
        }
        return StoreError::Other(format!("{name}: {}", ex.message()));
    }
    StoreError::Other(err.as_string().unwrap_or_else(|| "unknown error".into()))
}

impl KvStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage()?.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage()?.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.keys_with_prefix("")
    }

    /// One call lists every key (`Reflect.ownKeys` on a `Storage` gives its
    /// keys), and only the matching ones are copied into Rust: with ten years
    /// stored, asking for each of 7,000 keys one call at a time took most of
    /// a cold start. Falls back to that loop if the engine refuses.
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let storage = self.storage()?;
        let Ok(all) = js_sys::Reflect::own_keys(storage) else {
            return key_by_key(storage, prefix);
        };
        let mut keys = Vec::new();
        for value in all.iter() {
            let Some(key) = value.dyn_ref::<js_sys::JsString>() else {
                continue;
            };
            if prefix.is_empty() || key.starts_with(prefix, 0) {
                keys.extend(key.as_string());
            }
        }
        Ok(keys)
    }
}

/// The keys starting with `prefix`, asked for one index at a time.
fn key_by_key(storage: &web_sys::Storage, prefix: &str) -> Result<Vec<String>, StoreError> {
    let len = storage.length().map_err(classify)?;
    let mut keys = Vec::new();
    for i in 0..len {
        if let Some(k) = storage.key(i).map_err(classify)? {
            if k.starts_with(prefix) {
                keys.push(k);
            }
        }
    }
    Ok(keys)
}
