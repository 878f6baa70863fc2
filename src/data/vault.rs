//! Encryption at rest: everything about the passphrase lock that needs no
//! browser. The cryptography itself is the browser's Web Crypto
//! (`app::vault`); this module owns the formats and the rules around it, so
//! they are tested natively:
//!
//! - [`LockMeta`], stored in plain text under `wm:lock`: the key-derivation
//!   parameters (PBKDF2-SHA-256, iterations, 16-byte salt), the cipher
//!   (AES-256-GCM), and a sealed check value that tells a wrong passphrase
//!   from a right one. No key and no passphrase is ever stored.
//! - [`Sealed`], the versioned envelope of one encrypted value:
//!   `wme1:<iv>:<ciphertext>` in base64. Each value is sealed with a fresh
//!   96-bit IV and its storage key as additional data, so a value moved to
//!   another key fails to open just like a changed one.
//! - [`CacheStore`], the plain-text copy the unlocked app reads and writes
//!   synchronously; the keys it marks dirty are sealed and written behind.
//! - [`EncryptedBackup`], a backup file sealed with the same passphrase.

use super::keys;
use super::store::{KvStore, StoreError};
use crate::i18n::{tr, Key};
use crate::t;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

/// PBKDF2-SHA-256 iterations for a new lock (OWASP's figure for 2023 on).
pub const ITERATIONS: u32 = 600_000;
/// The fewest iterations this build accepts from stored parameters.
pub const MIN_ITERATIONS: u32 = 600_000;
/// Bytes of random salt per lock.
pub const SALT_LEN: usize = 16;
/// Bytes of random IV per sealed value (96 bits, as GCM wants).
pub const IV_LEN: usize = 12;
/// The shortest passphrase the lock accepts.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// Idle minutes the user can choose before the app locks itself.
pub const IDLE_CHOICES: &[u32] = &[1, 5, 15, 30];
/// Idle minutes for a new lock.
pub const DEFAULT_IDLE_MINUTES: u32 = 5;
/// Seconds the app may be hidden (another app in front) before it locks.
pub const HIDDEN_LOCK_SECONDS: u32 = 60;
/// The plain text sealed into [`LockMeta::check`].
pub const CHECK_TEXT: &str = "waymark passphrase check";
/// The prefix of a sealed value; the digit is the envelope version.
pub const SEALED_PREFIX: &str = "wme1:";
const KDF: &str = "PBKDF2-SHA-256";
const CIPHER: &str = "AES-256-GCM";

/// Why something about the lock did not work. Each has words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VaultError {
    /// The passphrase does not open the check value.
    WrongPassphrase,
    /// A sealed value failed its integrity check: changed, cut or moved.
    Tampered,
    /// A value that should be sealed is not in the sealed format.
    NotSealed,
    /// The lock's parameters are missing pieces or ask for something unsafe
    /// or unknown (fewer iterations, another cipher, a newer version). The
    /// text says which, in the user's language.
    BadParameters(String),
    /// The browser has no Web Crypto here (an insecure page, a very old engine).
    NoCrypto,
    /// Storage refused a write or read.
    Store(StoreError),
}

impl VaultError {
    /// What the user is told.
    pub fn message(&self) -> String {
        match self {
            VaultError::WrongPassphrase => tr(Key::LockWrongPassphrase).into(),
            VaultError::Tampered => tr(Key::LockTampered).into(),
            VaultError::NotSealed => tr(Key::LockNotSealed).into(),
            VaultError::BadParameters(why) => t!(Key::LockBadParameters, why = why),
            VaultError::NoCrypto => tr(Key::LockNoCrypto).into(),
            VaultError::Store(e) => super::outcome::save_error_message(e).into(),
        }
    }

    /// Parameters that cannot be used, for the reason named by `why` (a
    /// short phrase in the user's language, shown inside [`Self::message`]).
    pub fn bad(why: Key) -> Self {
        VaultError::BadParameters(tr(why).into())
    }
}

impl From<StoreError> for VaultError {
    fn from(e: StoreError) -> Self {
        VaultError::Store(e)
    }
}

/// The lock's parameters, stored in plain text under [`keys::LOCK_KEY`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockMeta {
    /// Version of this record.
    pub v: u32,
    /// Key derivation: always PBKDF2-SHA-256 for version 1.
    pub kdf: String,
    /// PBKDF2 iterations.
    pub it: u32,
    /// The salt, base64.
    pub salt: String,
    /// The cipher: always AES-256-GCM for version 1.
    pub alg: String,
    /// [`CHECK_TEXT`] sealed under the key, to recognise the right passphrase.
    pub check: String,
    /// Minutes of no use before the app locks itself.
    pub idle: u32,
}

impl LockMeta {
    /// Parameters for a new lock with `salt`; `check` is filled in once the
    /// key exists.
    pub fn new(salt: &[u8], idle: u32) -> Self {
        LockMeta {
            v: 1,
            kdf: KDF.into(),
            it: ITERATIONS,
            salt: B64.encode(salt),
            alg: CIPHER.into(),
            check: String::new(),
            idle,
        }
    }

    /// The salt as bytes, or why the parameters cannot be used.
    pub fn salt_bytes(&self) -> Result<Vec<u8>, VaultError> {
        self.validate()?;
        B64.decode(&self.salt)
            .map_err(|_| VaultError::bad(Key::LockWhySalt))
    }

    /// Refuses parameters this build does not know or considers too weak.
    pub fn validate(&self) -> Result<(), VaultError> {
        if self.v != 1 {
            return Err(VaultError::BadParameters(t!(
                Key::LockWhyVersion,
                v = self.v
            )));
        }
        if self.kdf != KDF || self.alg != CIPHER {
            return Err(VaultError::BadParameters(t!(
                Key::LockWhyCipher,
                kdf = self.kdf,
                alg = self.alg
            )));
        }
        if self.it < MIN_ITERATIONS {
            return Err(VaultError::BadParameters(t!(
                Key::LockWhyIterations,
                n = self.it
            )));
        }
        match B64.decode(&self.salt) {
            Ok(s) if s.len() >= SALT_LEN => Ok(()),
            _ => Err(VaultError::bad(Key::LockWhySalt)),
        }
    }

    /// The idle time in minutes, kept to one of the offered choices.
    pub fn idle_minutes(&self) -> u32 {
        if IDLE_CHOICES.contains(&self.idle) {
            self.idle
        } else {
            DEFAULT_IDLE_MINUTES
        }
    }
}

/// Reads the lock's parameters: `None` when the lock is off.
pub fn read_meta(store: &dyn KvStore) -> Result<Option<LockMeta>, VaultError> {
    match store.get(keys::LOCK_KEY)? {
        None => Ok(None),
        Some(raw) => serde_json::from_str::<LockMeta>(&raw)
            .map(Some)
            .map_err(|_| VaultError::bad(Key::LockWhyUnreadable)),
    }
}

/// Writes the lock's parameters.
pub fn write_meta(store: &dyn KvStore, meta: &LockMeta) -> Result<(), VaultError> {
    let json = serde_json::to_string(meta).map_err(|e| VaultError::BadParameters(e.to_string()))?;
    store.set_verified(keys::LOCK_KEY, &json)?;
    Ok(())
}

/// One encrypted value: a fresh IV and the AES-GCM output (ciphertext plus
/// its 16-byte tag).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub iv: Vec<u8>,
    pub ct: Vec<u8>,
}

impl Sealed {
    /// The stored form, `wme1:<iv>:<ciphertext>`.
    pub fn encode(&self) -> String {
        format!(
            "{SEALED_PREFIX}{}:{}",
            B64.encode(&self.iv),
            B64.encode(&self.ct)
        )
    }

    /// Reads the stored form. A value that is not sealed, or whose pieces are
    /// not valid, is an error, never a guess.
    pub fn decode(stored: &str) -> Result<Sealed, VaultError> {
        let rest = stored
            .strip_prefix(SEALED_PREFIX)
            .ok_or(VaultError::NotSealed)?;
        let (iv, ct) = rest.split_once(':').ok_or(VaultError::Tampered)?;
        let iv = B64.decode(iv).map_err(|_| VaultError::Tampered)?;
        let ct = B64.decode(ct).map_err(|_| VaultError::Tampered)?;
        // The GCM tag alone is 16 bytes.
        if iv.len() != IV_LEN || ct.len() < 16 {
            return Err(VaultError::Tampered);
        }
        Ok(Sealed { iv, ct })
    }
}

/// True when a stored value is in the sealed format.
pub fn is_sealed(value: &str) -> bool {
    value.starts_with(SEALED_PREFIX)
}

/// The additional authenticated data for the value under `key`: the key
/// itself, so a sealed value only opens where it was written.
pub fn aad(key: &str) -> Vec<u8> {
    key.as_bytes().to_vec()
}

/// True for keys that hold user data and are sealed while the lock is on.
/// Only the schema version, the lock's own parameters and the language stay
/// readable.
pub fn is_user_key(key: &str) -> bool {
    key.starts_with(keys::PREFIX)
        && key != keys::SCHEMA_KEY
        && key != keys::LOCK_KEY
        && key != keys::PROBE_KEY
        && key != keys::LANG_KEY
}

/// Every user-data key in `store`, sorted.
pub fn user_keys(store: &dyn KvStore) -> Result<Vec<String>, StoreError> {
    let mut all: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| is_user_key(k))
        .collect();
    all.sort();
    Ok(all)
}

/// Why a new passphrase is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphraseProblem {
    TooShort,
    Mismatch,
}

impl PassphraseProblem {
    pub fn message(self) -> String {
        match self {
            PassphraseProblem::TooShort => t!(Key::LockTooShort, min = MIN_PASSPHRASE_CHARS),
            PassphraseProblem::Mismatch => tr(Key::LockMismatch).into(),
        }
    }
}

/// Checks a new passphrase and its repeat. Length counts characters, not
/// bytes, so a passphrase in any language is treated alike.
pub fn check_new_passphrase(first: &str, repeat: &str) -> Result<(), PassphraseProblem> {
    if first.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(PassphraseProblem::TooShort);
    }
    if first != repeat {
        return Err(PassphraseProblem::Mismatch);
    }
    Ok(())
}

/// The unlocked app's plain-text view of its data, held only in memory.
/// Reads and writes are synchronous, as the data layer expects; every key
/// written or removed is remembered until [`CacheStore::take_dirty`] hands it
/// to the code that seals it and writes it to storage.
#[derive(Debug, Default)]
pub struct CacheStore {
    map: RefCell<BTreeMap<String, String>>,
    dirty: RefCell<BTreeSet<String>>,
}

impl CacheStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Puts a value read (and opened) from storage, without marking it dirty.
    pub fn insert_clean(&self, key: &str, value: String) {
        self.map.borrow_mut().insert(key.to_owned(), value);
        self.dirty.borrow_mut().remove(key);
    }

    /// Forgets a key that another tab removed, without marking it dirty.
    pub fn remove_clean(&self, key: &str) {
        self.map.borrow_mut().remove(key);
        self.dirty.borrow_mut().remove(key);
    }

    /// The keys changed since the last call, with their current value
    /// (`None` for removed), in key order. They are no longer dirty after
    /// this; a caller that fails to write one puts it back with
    /// [`CacheStore::mark_dirty`].
    pub fn take_dirty(&self) -> Vec<(String, Option<String>)> {
        let keys = std::mem::take(&mut *self.dirty.borrow_mut());
        let map = self.map.borrow();
        keys.into_iter()
            .map(|k| {
                let v = map.get(&k).cloned();
                (k, v)
            })
            .collect()
    }

    /// Marks `key` to be written again.
    pub fn mark_dirty(&self, key: &str) {
        self.dirty.borrow_mut().insert(key.to_owned());
    }

    /// True when some change has not been written yet.
    pub fn has_dirty(&self) -> bool {
        !self.dirty.borrow().is_empty()
    }

    /// Every key and value, for turning the lock off.
    pub fn entries(&self) -> Vec<(String, String)> {
        self.map
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

impl KvStore for CacheStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        self.dirty.borrow_mut().insert(key.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if self.map.borrow_mut().remove(key).is_some() {
            self.dirty.borrow_mut().insert(key.to_owned());
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

/// What the app sees while the lock is on and no passphrase has been given:
/// the readable keys (schema, lock parameters) and nothing else. Every write
/// is refused, so no code path can read a sealed value as data or write
/// plain text beside it.
pub struct LockedStore<'a>(pub &'a dyn KvStore);

impl KvStore for LockedStore<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if is_user_key(key) {
            Ok(None)
        } else {
            self.0.get(key)
        }
    }

    fn set(&self, _key: &str, _value: &str) -> Result<(), StoreError> {
        Err(StoreError::Locked)
    }

    fn remove(&self, _key: &str) -> Result<(), StoreError> {
        Err(StoreError::Locked)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self
            .0
            .keys()?
            .into_iter()
            .filter(|k| !is_user_key(k))
            .collect())
    }
}

/// The unlocked app's store: user data goes to the plain-text cache (and is
/// sealed behind), while the schema version and the lock's parameters stay
/// in storage as they are, so they are never sealed.
pub struct UnlockedStore<'a> {
    pub cache: &'a CacheStore,
    pub plain: &'a dyn KvStore,
}

impl KvStore for UnlockedStore<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if is_user_key(key) {
            self.cache.get(key)
        } else {
            self.plain.get(key)
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if is_user_key(key) {
            self.cache.set(key, value)
        } else {
            self.plain.set(key, value)
        }
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if is_user_key(key) {
            self.cache.remove(key)
        } else {
            self.plain.remove(key)
        }
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let mut all = self.cache.keys()?;
        all.extend(self.plain.keys()?.into_iter().filter(|k| !is_user_key(k)));
        Ok(all)
    }
}

/// A backup file sealed with the lock's passphrase. It carries its own
/// parameters, so it opens on another device with the passphrase alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedBackup {
    /// Always [`EncryptedBackup::FORMAT`], to recognise the file.
    pub format: String,
    pub v: u32,
    pub kdf: String,
    pub it: u32,
    pub salt: String,
    pub alg: String,
    pub iv: String,
    /// The plain backup JSON, sealed.
    pub data: String,
}

impl EncryptedBackup {
    pub const FORMAT: &'static str = "waymark-encrypted-backup";
    /// The additional data a sealed backup is bound to.
    pub const AAD: &'static str = "waymark-encrypted-backup-v1";

    /// Wraps a sealed backup with the lock's parameters.
    pub fn new(meta: &LockMeta, sealed: &Sealed) -> Self {
        EncryptedBackup {
            format: Self::FORMAT.into(),
            v: 1,
            kdf: meta.kdf.clone(),
            it: meta.it,
            salt: meta.salt.clone(),
            alg: meta.alg.clone(),
            iv: B64.encode(&sealed.iv),
            data: B64.encode(&sealed.ct),
        }
    }

    /// The file's text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a file that says it is an encrypted backup. `None` when the text
    /// is not one (a plain backup, or something else entirely).
    pub fn detect(text: &str) -> Option<Result<EncryptedBackup, VaultError>> {
        let value: serde_json::Value = serde_json::from_str(text).ok()?;
        if value.get("format").and_then(|f| f.as_str()) != Some(Self::FORMAT) {
            return None;
        }
        Some(
            serde_json::from_value::<EncryptedBackup>(value)
                .map_err(|_| VaultError::bad(Key::LockWhyIncomplete))
                .and_then(|b| b.validate().map(|()| b)),
        )
    }

    /// The parameters as a [`LockMeta`], to derive the key the same way.
    pub fn meta(&self) -> LockMeta {
        LockMeta {
            v: 1,
            kdf: self.kdf.clone(),
            it: self.it,
            salt: self.salt.clone(),
            alg: self.alg.clone(),
            check: String::new(),
            idle: DEFAULT_IDLE_MINUTES,
        }
    }

    /// The sealed payload.
    pub fn sealed(&self) -> Result<Sealed, VaultError> {
        let iv = B64.decode(&self.iv).map_err(|_| VaultError::Tampered)?;
        let ct = B64.decode(&self.data).map_err(|_| VaultError::Tampered)?;
        if iv.len() != IV_LEN || ct.len() < 16 {
            return Err(VaultError::Tampered);
        }
        Ok(Sealed { iv, ct })
    }

    fn validate(&self) -> Result<(), VaultError> {
        if self.v != 1 {
            return Err(VaultError::BadParameters(t!(
                Key::LockWhyVersion,
                v = self.v
            )));
        }
        self.meta().validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::store::MemoryStore;

    fn meta() -> LockMeta {
        LockMeta::new(&[7u8; SALT_LEN], 5)
    }

    #[test]
    fn a_sealed_value_reads_back_as_the_same_iv_and_ciphertext() {
        let s = Sealed {
            iv: vec![1; IV_LEN],
            ct: vec![2; 40],
        };
        let text = s.encode();
        assert!(text.starts_with("wme1:"));
        assert!(is_sealed(&text));
        assert_eq!(Sealed::decode(&text), Ok(s));
    }

    #[test]
    fn plain_json_is_not_a_sealed_value() {
        assert_eq!(
            Sealed::decode(r#"{"v":1,"r":1}"#),
            Err(VaultError::NotSealed)
        );
        assert!(!is_sealed(r#"{"v":1}"#));
    }

    #[test]
    fn a_cut_or_garbled_sealed_value_counts_as_tampered() {
        let good = Sealed {
            iv: vec![1; IV_LEN],
            ct: vec![2; 40],
        }
        .encode();
        assert_eq!(Sealed::decode("wme1:abc"), Err(VaultError::Tampered));
        assert_eq!(
            Sealed::decode(&good[..good.len() - 30]),
            Err(VaultError::Tampered)
        );
        assert_eq!(Sealed::decode("wme1:!!!:???"), Err(VaultError::Tampered));
        let short_iv = Sealed {
            iv: vec![1; 8],
            ct: vec![2; 40],
        }
        .encode();
        assert_eq!(Sealed::decode(&short_iv), Err(VaultError::Tampered));
    }

    #[test]
    fn new_lock_parameters_use_600k_pbkdf2_and_aes_gcm_and_validate() {
        let m = meta();
        assert_eq!(m.it, 600_000);
        assert_eq!(m.kdf, "PBKDF2-SHA-256");
        assert_eq!(m.alg, "AES-256-GCM");
        assert_eq!(m.salt_bytes().unwrap(), vec![7u8; SALT_LEN]);
    }

    #[test]
    fn weak_or_unknown_parameters_are_refused() {
        let mut weak = meta();
        weak.it = 1000;
        assert!(matches!(weak.validate(), Err(VaultError::BadParameters(_))));
        let mut other = meta();
        other.alg = "AES-128-CBC".into();
        assert!(other.validate().is_err());
        let mut newer = meta();
        newer.v = 2;
        assert!(newer.validate().is_err());
        let mut short_salt = meta();
        short_salt.salt = B64.encode([1u8; 4]);
        assert!(short_salt.validate().is_err());
    }

    #[test]
    fn a_refused_parameter_is_named_in_the_message() {
        let mut newer = meta();
        newer.v = 2;
        let e = newer.validate().unwrap_err();
        assert_eq!(
            e.message(),
            "The lock's settings could not be read (version 2). Nothing was changed."
        );
        assert_eq!(
            PassphraseProblem::TooShort.message(),
            "Use at least 8 characters. A short sentence you will remember works well."
        );
    }

    #[test]
    fn lock_parameters_round_trip_through_the_store() {
        let store = MemoryStore::new();
        assert_eq!(read_meta(&store), Ok(None));
        write_meta(&store, &meta()).unwrap();
        assert_eq!(read_meta(&store), Ok(Some(meta())));
        store.set(keys::LOCK_KEY, "{not json").unwrap();
        assert!(matches!(
            read_meta(&store),
            Err(VaultError::BadParameters(_))
        ));
    }

    #[test]
    fn an_idle_time_that_is_not_offered_falls_back_to_five_minutes() {
        let mut m = meta();
        m.idle = 15;
        assert_eq!(m.idle_minutes(), 15);
        m.idle = 0;
        assert_eq!(m.idle_minutes(), 5);
    }

    #[test]
    fn only_the_schema_and_lock_keys_stay_readable() {
        for key in [
            "wm:j:abc",
            "wm:j",
            "wm:settings",
            "wm:draft:checkin",
            "wm:q:wm:j:x",
            "wm:guide",
        ] {
            assert!(is_user_key(key), "{key}");
        }
        for key in ["wm:schema", "wm:lock", "wm:probe", "other-app"] {
            assert!(!is_user_key(key), "{key}");
        }
    }

    #[test]
    fn user_keys_lists_only_user_data_in_order() {
        let store = MemoryStore::new();
        for k in [
            "wm:schema",
            "wm:lock",
            "wm:j:b",
            "wm:j:a",
            "theirs",
            "wm:settings",
        ] {
            store.set(k, "x").unwrap();
        }
        assert_eq!(
            user_keys(&store).unwrap(),
            vec!["wm:j:a", "wm:j:b", "wm:settings"]
        );
    }

    #[test]
    fn a_new_passphrase_needs_eight_characters_and_a_matching_repeat() {
        assert_eq!(
            check_new_passphrase("short", "short"),
            Err(PassphraseProblem::TooShort)
        );
        assert_eq!(
            check_new_passphrase("long enough", "long enougH"),
            Err(PassphraseProblem::Mismatch)
        );
        assert_eq!(check_new_passphrase("ñandú día", "ñandú día"), Ok(()));
        // Eight characters, even when they are more than eight bytes.
        assert_eq!(check_new_passphrase("ééééðððð", "ééééðððð"), Ok(()));
    }

    #[test]
    fn the_cache_remembers_what_changed_until_it_is_taken() {
        let cache = CacheStore::new();
        cache.insert_clean("wm:j:a", "old".into());
        assert!(!cache.has_dirty());
        cache.set("wm:j:a", "new").unwrap();
        cache.set("wm:j:b", "b").unwrap();
        cache.remove("wm:j:b").unwrap();
        assert!(cache.has_dirty());
        let dirty = cache.take_dirty();
        assert_eq!(
            dirty,
            vec![
                ("wm:j:a".to_owned(), Some("new".to_owned())),
                ("wm:j:b".to_owned(), None)
            ]
        );
        assert!(!cache.has_dirty());
        cache.mark_dirty("wm:j:a");
        assert_eq!(cache.take_dirty().len(), 1);
    }

    #[test]
    fn removing_a_key_that_is_not_there_changes_nothing() {
        let cache = CacheStore::new();
        cache.remove("wm:j:zz").unwrap();
        assert!(!cache.has_dirty());
    }

    #[test]
    fn the_data_layer_works_on_the_cache_like_on_any_store() {
        use crate::data::collection;
        use crate::domain::checkin::CheckIn;
        let cache = CacheStore::new();
        let entry: CheckIn =
            serde_json::from_str(include_str!("../../tests/fixtures/v1/checkin.json"))
                .map(|e: crate::data::envelope::Envelope<CheckIn>| e.value)
                .unwrap();
        collection::save(&cache, &entry, None, 1).unwrap();
        let loaded = collection::load_all::<CheckIn>(&cache).unwrap();
        assert_eq!(loaded.items.len(), 1);
        // Only the record is waiting to be sealed (there is no index).
        let dirty: Vec<String> = cache.take_dirty().into_iter().map(|(k, _)| k).collect();
        assert_eq!(dirty, vec![format!("wm:j:{}", entry.id)]);
    }

    #[test]
    fn a_locked_store_shows_no_user_data_and_refuses_every_write() {
        let inner = MemoryStore::new();
        inner.set("wm:schema", "1").unwrap();
        inner.set("wm:j:a", "wme1:xx:yy").unwrap();
        let locked = LockedStore(&inner);
        assert_eq!(locked.get("wm:j:a"), Ok(None));
        assert_eq!(locked.get("wm:schema"), Ok(Some("1".into())));
        assert_eq!(locked.keys(), Ok(vec!["wm:schema".to_owned()]));
        assert_eq!(locked.set("wm:j:b", "plain"), Err(StoreError::Locked));
        assert_eq!(locked.remove("wm:j:a"), Err(StoreError::Locked));
        assert_eq!(inner.get("wm:j:a"), Ok(Some("wme1:xx:yy".into())));
    }

    #[test]
    fn the_unlocked_store_keeps_the_schema_and_lock_out_of_the_cache() {
        let plain = MemoryStore::new();
        plain.set("wm:lock", "{}").unwrap();
        let cache = CacheStore::new();
        let store = UnlockedStore {
            cache: &cache,
            plain: &plain,
        };
        crate::data::schema::open(&store).unwrap();
        store.set("wm:j:a", "secret").unwrap();
        assert_eq!(plain.get("wm:schema").unwrap(), Some("1".into()));
        assert_eq!(plain.get("wm:j:a").unwrap(), None);
        assert_eq!(cache.get("wm:schema").unwrap(), None);
        assert_eq!(store.get("wm:j:a").unwrap(), Some("secret".into()));
        let mut keys = store.keys().unwrap();
        keys.sort();
        assert_eq!(keys, vec!["wm:j:a", "wm:lock", "wm:schema"]);
        let dirty: Vec<String> = cache.take_dirty().into_iter().map(|(k, _)| k).collect();
        assert_eq!(dirty, vec!["wm:j:a"]);
    }

    #[test]
    fn an_encrypted_backup_is_recognised_and_carries_its_parameters() {
        let sealed = Sealed {
            iv: vec![3; IV_LEN],
            ct: vec![4; 64],
        };
        let file = EncryptedBackup::new(&meta(), &sealed).to_json();
        let back = EncryptedBackup::detect(&file).unwrap().unwrap();
        assert_eq!(back.sealed().unwrap(), sealed);
        assert_eq!(back.meta().salt_bytes().unwrap(), vec![7u8; SALT_LEN]);
        assert_eq!(back.meta().it, 600_000);
    }

    #[test]
    fn a_plain_backup_or_other_text_is_not_taken_for_an_encrypted_one() {
        assert!(EncryptedBackup::detect(r#"{"app":"waymark","v":1}"#).is_none());
        assert!(EncryptedBackup::detect("not json").is_none());
    }

    #[test]
    fn an_encrypted_backup_with_weak_parameters_is_refused_before_any_work() {
        let mut b = EncryptedBackup::new(
            &meta(),
            &Sealed {
                iv: vec![3; IV_LEN],
                ct: vec![4; 64],
            },
        );
        b.it = 10;
        assert!(matches!(
            EncryptedBackup::detect(&b.to_json()),
            Some(Err(VaultError::BadParameters(_)))
        ));
        let incomplete = r#"{"format":"waymark-encrypted-backup","v":1}"#;
        assert!(matches!(EncryptedBackup::detect(incomplete), Some(Err(_))));
    }
}
