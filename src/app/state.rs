//! App-wide state: the storage handle, its health (read-only, set-aside
//! data, the last failed write) and the clock. Pages get data through the
//! hooks in [`crate::app::hooks`]; this module is their shared ground.

use crate::app::local_storage::LocalStore;
use crate::app::vault::{self, Vault};
use crate::data::schema::{self, SchemaStatus};
use crate::data::store::{KvStore, StoreError};
use crate::data::vault::{is_user_key, LockedStore, UnlockedStore};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::rc::Rc;

/// How storage is doing, as the notices at the top of the screen show it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StorageHealth {
    /// Storage cannot be used at all (private mode, blocked): read-only.
    pub unavailable: bool,
    /// The data was written by a newer Waymark: read-only until reload.
    pub newer_schema: bool,
    /// Keys whose values could not be read and were set aside.
    pub quarantined: Vec<String>,
    /// Records saved by a newer version, left untouched.
    pub newer_records: Vec<String>,
    /// The message of the last write that failed, until the user dismisses it.
    pub last_error: Option<String>,
}

impl StorageHealth {
    pub fn read_only(&self) -> bool {
        self.unavailable || self.newer_schema
    }
}

/// Shared, `Copy` handles to app-wide signals, provided at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    pub health: RwSignal<StorageHealth>,
    /// A new version of the app is installed and waiting for the user's yes.
    pub update_ready: RwSignal<bool>,
}

impl AppState {
    /// Opens storage, checks its schema, and provides the state as context.
    pub fn provide() -> Self {
        let store = store();
        let mut health = StorageHealth {
            unavailable: store.is_unavailable(),
            ..StorageHealth::default()
        };
        if !health.unavailable {
            match store.with(schema::open) {
                Ok(SchemaStatus::NewerSchema(_)) => health.newer_schema = true,
                Ok(_) => {}
                Err(StoreError::Unavailable) => health.unavailable = true,
                Err(e) => {
                    health.last_error = Some(crate::data::outcome::save_error_message(&e).into())
                }
            }
        }
        let state = Self {
            health: RwSignal::new(health),
            update_ready: RwSignal::new(false),
        };
        provide_context(state);
        state
    }

    /// Records a failed write so the notices can show it.
    pub fn report_error(&self, message: &str) {
        self.health
            .update(|h| h.last_error = Some(message.to_owned()));
    }

    /// Adds keys that were set aside while loading.
    pub fn report_quarantined(&self, keys: &[String]) {
        if keys.is_empty() {
            return;
        }
        self.health.update(|h| {
            for k in keys {
                if !h.quarantined.contains(k) {
                    h.quarantined.push(k.clone());
                }
            }
        });
    }

    /// Adds keys that a newer version wrote and this build leaves alone.
    pub fn report_newer(&self, keys: &[String]) {
        if keys.is_empty() {
            return;
        }
        self.health.update(|h| {
            for k in keys {
                if !h.newer_records.contains(k) {
                    h.newer_records.push(k.clone());
                }
            }
        });
    }
}

/// The app state from context. Every page is inside `App`, which provides it.
pub fn use_app_state() -> AppState {
    use_context::<AppState>().unwrap_or_else(AppState::provide)
}

/// The store as the app sees it: plain storage, storage behind the lock
/// (user data hidden, writes refused) or the unlocked vault.
pub enum AppStore {
    Plain(LocalStore),
    Locked(LocalStore),
    Unlocked(Rc<Vault>, LocalStore),
}

impl AppStore {
    pub fn is_unavailable(&self) -> bool {
        match self {
            AppStore::Plain(l) | AppStore::Locked(l) | AppStore::Unlocked(_, l) => {
                l.is_unavailable()
            }
        }
    }

    fn with<R>(&self, f: impl FnOnce(&dyn KvStore) -> R) -> R {
        match self {
            AppStore::Plain(l) => f(&PlainGuard(l)),
            AppStore::Locked(l) => f(&LockedStore(l)),
            AppStore::Unlocked(v, l) => f(&UnlockedStore {
                cache: &v.cache,
                plain: l,
            }),
        }
    }
}

/// Plain storage that refuses to write user data once the lock is on (turned
/// on in another tab), so no plain text is ever written beside sealed data.
struct PlainGuard<'a>(&'a LocalStore);

impl KvStore for PlainGuard<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if is_user_key(key) && vault::lock_is_on(self.0) {
            return Err(StoreError::Locked);
        }
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.keys()
    }
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        self.0.keys_with_prefix(prefix)
    }
}

/// Runs `f` on storage itself, past the lock: sealed values stay sealed.
/// Only for what must see the bytes as stored (the storage meter) or remove
/// them all (starting over without the passphrase).
pub fn with_storage_itself<R>(f: impl FnOnce(&dyn KvStore) -> R) -> R {
    f(&LocalStore::open())
}

/// The store every hook writes through, as the lock allows.
pub fn store() -> AppStore {
    let local = LocalStore::open();
    if let Some(v) = vault::current() {
        return AppStore::Unlocked(v, local);
    }
    if vault::lock_is_on(&local) {
        AppStore::Locked(local)
    } else {
        AppStore::Plain(local)
    }
}

/// Runs `f` with the store, read-only when the data belongs to a newer
/// build. With the lock on, changes land in the unlocked cache and are
/// sealed and written right after; a failure there shows as a notice.
pub fn with_store<R>(f: impl FnOnce(&dyn KvStore) -> R) -> R {
    let store = store();
    let app = use_context::<AppState>();
    let read_only = app
        .map(|s| s.health.with_untracked(|h| h.newer_schema))
        .unwrap_or(false);
    let result = store.with(|s| {
        if read_only {
            f(&schema::ReadOnly(s))
        } else {
            f(s)
        }
    });
    if let AppStore::Unlocked(v, _) = &store {
        if v.cache.has_dirty() {
            vault::schedule_flush(move |m| {
                if let Some(app) = app {
                    app.report_error(&m);
                }
            });
        }
    }
    result
}

/// Milliseconds since 1970, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's date on the user's local calendar.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The user's offset from UTC in minutes (east positive), for insights.
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// 32 random bits for new ids, from the browser's crypto source.
pub fn entropy() -> u32 {
    let mut bytes = [0u8; 4];
    let ok = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if ok {
        u32::from_le_bytes(bytes)
    } else {
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    }
}

/// A fresh id for a new record.
pub fn new_id() -> String {
    crate::domain::ids::new_id(now_ms(), entropy())
}
