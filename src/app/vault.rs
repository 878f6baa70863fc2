//! The passphrase lock in the browser: Web Crypto, and the unlocked app's
//! plain-text cache.
//!
//! While the lock is on, every user-data value in storage is sealed
//! (AES-256-GCM under a key derived from the passphrase with
//! PBKDF2-SHA-256). Unlocking opens them all into a [`CacheStore`] held in
//! memory; the data layer then reads and writes that cache synchronously, and
//! [`schedule_flush`] seals each changed value with a fresh IV and writes it
//! behind. Locking writes what is pending and reloads the page, which drops
//! the key and every plain-text copy. The formats and rules live in
//! [`crate::data::vault`] and are tested natively; this file only talks to
//! the browser.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::app::local_storage::LocalStore;
use crate::data::keys::{self, KeyClass, LOCK_KEY};
use crate::data::quarantine;
use crate::data::store::KvStore;
use crate::data::vault::{
    aad, is_sealed, read_meta, user_keys, write_meta, CacheStore, EncryptedBackup, LockMeta,
    Sealed, VaultError, CHECK_TEXT, IV_LEN, SALT_LEN,
};
use crate::i18n::{tr, Key};

/// The unlocked vault: the key (not extractable), the parameters and the
/// plain-text cache. It exists only between unlock and the next page load.
pub struct Vault {
    key: CryptoKey,
    meta: RefCell<LockMeta>,
    pub cache: CacheStore,
    flushing: Cell<bool>,
}

thread_local! {
    static VAULT: RefCell<Option<Rc<Vault>>> = const { RefCell::new(None) };
}

/// The unlocked vault, if the lock is on and the user has unlocked.
pub fn current() -> Option<Rc<Vault>> {
    VAULT.with(|v| v.borrow().clone())
}

/// Makes the opened data the app's store until the page goes away.
fn install(key: CryptoKey, meta: LockMeta, cache: CacheStore) {
    let vault = Rc::new(Vault {
        key,
        meta: RefCell::new(meta),
        cache,
        flushing: Cell::new(false),
    });
    VAULT.with(|v| *v.borrow_mut() = Some(vault));
}

/// True when the lock is on (its parameters are stored), unlocked or not.
pub fn lock_is_on(local: &LocalStore) -> bool {
    matches!(local.get(LOCK_KEY), Ok(Some(_)))
}

/// What unlocking found besides the data.
#[derive(Debug, Default)]
pub struct UnlockReport {
    /// Keys whose sealed value failed its integrity check; set aside.
    pub tampered: Vec<String>,
}

fn subtle() -> Result<SubtleCrypto, VaultError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(VaultError::NoCrypto)?;
    // `crypto.subtle` is undefined outside a secure context.
    let subtle =
        Reflect::get(&crypto, &JsValue::from_str("subtle")).map_err(|_| VaultError::NoCrypto)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(VaultError::NoCrypto);
    }
    Ok(subtle.unchecked_into())
}

/// True when this browser can encrypt here.
pub fn crypto_available() -> bool {
    subtle().is_ok()
}

/// `n` random bytes from the browser (salts, nonces).
pub fn random_bytes(n: usize) -> Result<Vec<u8>, VaultError> {
    let mut bytes = vec![0u8; n];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(VaultError::NoCrypto)?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| VaultError::NoCrypto)?;
    Ok(bytes)
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

async fn promise(p: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(p?).await
}

/// Derives the AES-256-GCM key from the passphrase with the stored
/// parameters. The key cannot be exported, and the passphrase is not kept.
pub async fn derive_key(passphrase: &str, meta: &LockMeta) -> Result<CryptoKey, VaultError> {
    let salt = meta.salt_bytes()?;
    let subtle = subtle()?;
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages = Array::of1(&JsValue::from_str("deriveKey"));
    let base: CryptoKey =
        promise(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages))
            .await
            .map_err(|_| VaultError::NoCrypto)?
            .unchecked_into();
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(salt.as_slice()).into()),
        ("iterations", meta.it.into()),
    ]);
    let target = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key =
        promise(subtle.derive_key_with_object_and_object(&params, &base, &target, false, &usages))
            .await
            .map_err(|_| VaultError::NoCrypto)?;
    Ok(key.unchecked_into())
}

fn gcm_params(iv: &[u8], aad: &[u8]) -> Object {
    object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(iv).into()),
        ("additionalData", Uint8Array::from(aad).into()),
        ("tagLength", 128.into()),
    ])
}

/// Seals `plain` under `key`, bound to `aad`, with a fresh random IV.
pub async fn seal(key: &CryptoKey, aad: &[u8], plain: &[u8]) -> Result<Sealed, VaultError> {
    let iv = random_bytes(IV_LEN)?;
    let out =
        promise(subtle()?.encrypt_with_object_and_u8_array(&gcm_params(&iv, aad), key, plain))
            .await
            .map_err(|_| VaultError::NoCrypto)?;
    let ct = Uint8Array::new(&out).to_vec();
    Ok(Sealed { iv, ct })
}

/// Opens a sealed value. Any failure of the integrity check (wrong key,
/// changed bytes, moved to another key) is [`VaultError::Tampered`].
pub async fn open(key: &CryptoKey, aad: &[u8], sealed: &Sealed) -> Result<Vec<u8>, VaultError> {
    let out = promise(subtle()?.decrypt_with_object_and_u8_array(
        &gcm_params(&sealed.iv, aad),
        key,
        &sealed.ct,
    ))
    .await
    .map_err(|_| VaultError::Tampered)?;
    Ok(Uint8Array::new(&out).to_vec())
}

async fn open_text(key: &CryptoKey, storage_key: &str, stored: &str) -> Result<String, VaultError> {
    let sealed = Sealed::decode(stored)?;
    let bytes = open(key, &aad(storage_key), &sealed).await?;
    String::from_utf8(bytes).map_err(|_| VaultError::Tampered)
}

/// Checks a passphrase against the stored parameters; gives the key.
async fn key_for(passphrase: &str, meta: &LockMeta) -> Result<CryptoKey, VaultError> {
    let key = derive_key(passphrase, meta).await?;
    let check = Sealed::decode(&meta.check).map_err(|_| VaultError::bad(Key::LockWhyCheck))?;
    match open(&key, &aad(LOCK_KEY), &check).await {
        Ok(bytes) if bytes == CHECK_TEXT.as_bytes() => Ok(key),
        _ => Err(VaultError::WrongPassphrase),
    }
}

/// Opens every sealed value with the passphrase and installs the vault.
/// A value that fails its check is set aside (never shown, never
/// overwritten); a plain value left by an older tab is sealed on the next
/// write-behind.
pub async fn unlock(passphrase: &str) -> Result<UnlockReport, VaultError> {
    let local = LocalStore::open();
    let meta = read_meta(&local)?.ok_or_else(|| VaultError::bad(Key::LockWhyLockOff))?;
    let key = key_for(passphrase, &meta).await?;
    let cache = CacheStore::new();
    let mut report = UnlockReport::default();
    let mut sealed_keys = Vec::new();
    let mut pending = Vec::new();
    for k in user_keys(&local)? {
        let Some(value) = local.get(&k)? else {
            continue;
        };
        if !is_sealed(&value) {
            cache.insert_clean(&k, value);
            cache.mark_dirty(&k);
            continue;
        }
        match Sealed::decode(&value) {
            Ok(sealed) => {
                // All decryptions run at once; the browser does them in parallel.
                let p = subtle()?
                    .decrypt_with_object_and_u8_array(
                        &gcm_params(&sealed.iv, &aad(&k)),
                        &key,
                        &sealed.ct,
                    )
                    .map_err(|_| VaultError::NoCrypto)?;
                pending.push(p);
                sealed_keys.push((k, value));
            }
            Err(_) => set_aside_sealed(&local, &cache, &k, &value, &mut report),
        }
    }
    // allSettled, so one value that fails its check does not stop the others.
    let results = JsFuture::from(js_sys::Promise::all_settled(
        &pending.into_iter().collect::<Array>(),
    ))
    .await
    .map_err(|_| VaultError::NoCrypto)?;
    let results: Array = results.unchecked_into();
    for (i, (k, value)) in sealed_keys.into_iter().enumerate() {
        let r = results.get(i as u32);
        let fulfilled = Reflect::get(&r, &JsValue::from_str("status"))
            .ok()
            .and_then(|s| s.as_string())
            .is_some_and(|s| s == "fulfilled");
        let opened = if fulfilled {
            Reflect::get(&r, &JsValue::from_str("value"))
                .ok()
                .and_then(|v| String::from_utf8(Uint8Array::new(&v).to_vec()).ok())
        } else {
            None
        };
        match opened {
            Some(text) => cache.insert_clean(&k, text),
            None => set_aside_sealed(&local, &cache, &k, &value, &mut report),
        }
    }
    install(key, meta, cache);
    Ok(report)
}

/// A value that would not open. Values already set aside stay as they are
/// (their key differs from the one they were sealed under); any other moves
/// to the set-aside area, still sealed, and is reported.
fn set_aside_sealed(
    local: &LocalStore,
    cache: &CacheStore,
    k: &str,
    value: &str,
    report: &mut UnlockReport,
) {
    if matches!(keys::classify(k), KeyClass::Quarantine { .. }) {
        cache.insert_clean(k, value.to_owned());
        return;
    }
    match quarantine::move_to_quarantine(local, k, value) {
        Ok(q) => {
            cache.insert_clean(&q, value.to_owned());
            report.tampered.push(q);
        }
        // Could not move it: leave it where it is, untouched; keep the key
        // out of the cache so nothing writes over it this session.
        Err(_) => report.tampered.push(k.to_owned()),
    }
}

impl Vault {
    /// The lock's parameters.
    pub fn meta(&self) -> LockMeta {
        self.meta.borrow().clone()
    }

    /// Seals every changed value and writes it. A write that fails stays
    /// pending (it is tried again on the next flush) and its message is
    /// returned; the plain text stays in memory and on screen.
    pub async fn flush(&self) -> Result<(), String> {
        if self.flushing.replace(true) {
            return Ok(());
        }
        let local = LocalStore::open();
        let mut failure = None;
        loop {
            let dirty = self.cache.take_dirty();
            if dirty.is_empty() {
                break;
            }
            let mut failed_now = false;
            for (k, value) in dirty {
                let result = match value {
                    None => local
                        .remove(&k)
                        .map_err(|e| crate::data::outcome::save_error_message(&e).to_owned()),
                    Some(v) => match seal(&self.key, &aad(&k), v.as_bytes()).await {
                        Ok(sealed) => local
                            .set(&k, &sealed.encode())
                            .map_err(|e| crate::data::outcome::save_error_message(&e).to_owned()),
                        Err(e) => Err(e.message()),
                    },
                };
                if let Err(m) = result {
                    self.cache.mark_dirty(&k);
                    failure = Some(m);
                    failed_now = true;
                }
            }
            if failed_now {
                break;
            }
        }
        self.flushing.set(false);
        match failure {
            Some(m) => Err(m),
            None => Ok(()),
        }
    }

    /// Waits for a write-behind already running, then writes everything
    /// pending. When it returns Ok, storage holds every change and nothing is
    /// being written, so the caller may reload or rewrite storage at once.
    pub async fn settle(&self) -> Result<(), String> {
        for _ in 0..1000 {
            if self.flushing.get() {
                sleep_ms(10).await;
            } else if self.cache.has_dirty() {
                self.flush().await?;
            } else {
                return Ok(());
            }
        }
        Err(tr(Key::StorageNotFinished).into())
    }

    /// Changes the idle time (a plain parameter, not user data).
    pub fn set_idle(&self, minutes: u32) -> Result<(), VaultError> {
        let mut meta = self.meta();
        meta.idle = minutes;
        write_meta(&LocalStore::open(), &meta)?;
        *self.meta.borrow_mut() = meta;
        Ok(())
    }

    /// Opens one value another tab just wrote, so this tab's cache is current.
    pub async fn absorb(&self, key: &str, new_value: Option<String>) {
        match new_value {
            None => self.cache.remove_clean(key),
            Some(v) if is_sealed(&v) => {
                if let Ok(text) = open_text(&self.key, key, &v).await {
                    self.cache.insert_clean(key, text);
                }
            }
            Some(v) => {
                self.cache.insert_clean(key, v);
                self.cache.mark_dirty(key);
            }
        }
    }

    /// Seals a backup file's text with the lock's key and parameters.
    pub async fn seal_backup(&self, text: &str) -> Result<String, VaultError> {
        let sealed = seal(&self.key, EncryptedBackup::AAD.as_bytes(), text.as_bytes()).await?;
        Ok(EncryptedBackup::new(&self.meta(), &sealed).to_json())
    }
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Seals and writes pending changes soon, and reports a failure through
/// `on_error`. Called after every write through `state::with_store`.
pub fn schedule_flush(on_error: impl Fn(String) + 'static) {
    let Some(vault) = current() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(m) = vault.flush().await {
            on_error(m);
        }
    });
}

/// Turns the lock on: derives a key from a new salt, writes the parameters
/// first (so a half-finished run is finished by the next unlock, never
/// stranded), then seals every value in place. If storage fills up, every
/// value is put back as it was and the lock stays off.
pub async fn enable(passphrase: &str, idle: u32) -> Result<(), VaultError> {
    let local = LocalStore::open();
    if local.is_unavailable() {
        return Err(VaultError::Store(
            crate::data::store::StoreError::Unavailable,
        ));
    }
    let salt = random_bytes(SALT_LEN)?;
    let mut meta = LockMeta::new(&salt, idle);
    let key = derive_key(passphrase, &meta).await?;
    meta.check = seal(&key, &aad(LOCK_KEY), CHECK_TEXT.as_bytes())
        .await?
        .encode();
    // Sealing takes a moment, and a form may autosave meanwhile: seal again
    // until nothing changed, then write with no pause in between.
    let mut attempts = 0;
    let (plain, sealed) = loop {
        let before = plain_snapshot(&local)?;
        let mut sealed = Vec::with_capacity(before.len());
        for (k, v) in &before {
            sealed.push((k.clone(), seal(&key, &aad(k), v.as_bytes()).await?.encode()));
        }
        if plain_snapshot(&local)? == before {
            break (before, sealed);
        }
        attempts += 1;
        if attempts >= 5 {
            return Err(VaultError::Store(
                crate::data::store::StoreError::NotVerified,
            ));
        }
    };
    let cache = CacheStore::new();
    for (k, v) in plain {
        cache.insert_clean(&k, v);
    }
    write_meta(&local, &meta)?;
    for (i, (k, s)) in sealed.iter().enumerate() {
        if let Err(e) = local.set(k, s) {
            // Put back the plain values already replaced, then the lock is off.
            for (k, _) in &sealed[..i] {
                if let Ok(Some(v)) = cache.get(k) {
                    let _ = local.set(k, &v);
                }
            }
            let _ = local.remove(LOCK_KEY);
            return Err(VaultError::Store(e));
        }
    }
    install(key, meta, cache);
    Ok(())
}

/// Every user key and its plain value, as stored now.
fn plain_snapshot(local: &LocalStore) -> Result<Vec<(String, String)>, VaultError> {
    let mut out = Vec::new();
    for k in user_keys(local)? {
        if let Some(v) = local.get(&k)? {
            out.push((k, v));
        }
    }
    Ok(out)
}

/// Turns the lock off after checking the passphrase: writes every value
/// back in plain text, then removes the parameters. Stopped half-way, the
/// lock is still on and the next unlock reads both kinds of value.
pub async fn disable(passphrase: &str) -> Result<(), VaultError> {
    let vault = current().ok_or_else(|| VaultError::bad(Key::LockWhyNotUnlocked))?;
    key_for(passphrase, &vault.meta()).await?;
    vault
        .settle()
        .await
        .map_err(|_| VaultError::Store(crate::data::store::StoreError::QuotaExceeded))?;
    // No pause from here on, so no write-behind can land after the plain copy.
    let local = LocalStore::open();
    for (k, v) in vault.cache.entries() {
        local.set(&k, &v)?;
    }
    local.remove(LOCK_KEY)?;
    VAULT.with(|v| *v.borrow_mut() = None);
    Ok(())
}

/// Opens an encrypted backup file with its passphrase, giving the plain
/// backup text. A wrong passphrase and a changed file look the same to
/// AES-GCM, so both get one message.
pub async fn open_backup(file: &EncryptedBackup, passphrase: &str) -> Result<String, VaultError> {
    let key = derive_key(passphrase, &file.meta()).await?;
    let bytes = open(&key, EncryptedBackup::AAD.as_bytes(), &file.sealed()?)
        .await
        .map_err(|_| VaultError::WrongPassphrase)?;
    String::from_utf8(bytes).map_err(|_| VaultError::Tampered)
}

/// Writes what is pending, then reloads: the key and every plain-text copy
/// go with the page, and the lock screen comes back. Open forms first save
/// their drafts (the same flush event an update uses). If a write fails,
/// the app stays open and says so, rather than lose the words.
pub fn lock_now(on_error: impl Fn(String) + 'static) {
    if let Some(w) = web_sys::window() {
        if let Ok(e) = web_sys::Event::new(crate::app::hooks::use_autosave::FLUSH_EVENT) {
            let _ = w.dispatch_event(&e);
        }
    }
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(v) = current() {
            if let Err(m) = v.settle().await {
                on_error(m);
                return;
            }
        }
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
}
