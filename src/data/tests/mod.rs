//! Cross-module tests of the data layer, against `MemoryStore` and the v1
//! fixture files in `tests/fixtures/v1/`.

mod backup_tests;
mod capacity_tests;
mod collection_tests;
mod doc_tests;
mod fixture_tests;
mod fuzz_tests;

use std::cell::RefCell;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::data::store::{KvStore, MemoryStore, StoreError};
use crate::domain::checkin::CheckIn;
use crate::domain::tools::Halt;

pub(super) const BACKUP_V1: &str = include_str!("../../../tests/fixtures/v1/backup.json");
pub(super) const CHECKIN_V1: &str = include_str!("../../../tests/fixtures/v1/checkin.json");
pub(super) const CHECKIN_SPARSE_V1: &str =
    include_str!("../../../tests/fixtures/v1/checkin_sparse.json");
pub(super) const SETTINGS_SPARSE_V1: &str =
    include_str!("../../../tests/fixtures/v1/settings_sparse.json");
pub(super) const SOWS_LIST_FORM_V1: &str =
    include_str!("../../../tests/fixtures/v1/sows_list_form.json");
pub(super) const MEETING_NAMED_WEEKDAY_V1: &str =
    include_str!("../../../tests/fixtures/v1/meeting_named_weekday.json");
/// A whole store as earlier builds left it, with an index per collection.
pub(super) const STORE_WITH_INDEX_V1: &str =
    include_str!("../../../tests/fixtures/v1/store_with_index.json");

/// Every key and value, for "the store did not change" checks.
pub(super) fn snapshot(store: &dyn KvStore) -> BTreeMap<String, String> {
    store
        .keys()
        .unwrap()
        .into_iter()
        .map(|k| {
            let v = store.get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

/// A store wrapper that counts writes, to check what a save costs.
pub(super) struct CountingStore<'a> {
    pub inner: &'a dyn KvStore,
    pub written: RefCell<Vec<String>>,
    /// Keys read with `get`, in order.
    pub read: RefCell<Vec<String>>,
    /// How many times every key was listed.
    pub listed: RefCell<usize>,
}

impl<'a> CountingStore<'a> {
    pub fn new(inner: &'a dyn KvStore) -> Self {
        Self {
            inner,
            written: RefCell::new(Vec::new()),
            read: RefCell::new(Vec::new()),
            listed: RefCell::new(0),
        }
    }
}

impl KvStore for CountingStore<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.read.borrow_mut().push(key.to_owned());
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.written.borrow_mut().push(key.to_owned());
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.written.borrow_mut().push(key.to_owned());
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        *self.listed.borrow_mut() += 1;
        self.inner.keys()
    }
}

/// A store whose quota can be changed after it is filled, so a test can load
/// data freely and then make the next writes hit the limit.
pub(super) struct TightStore {
    pub inner: MemoryStore,
    pub quota: RefCell<Option<usize>>,
}

impl TightStore {
    pub fn new() -> Self {
        Self {
            inner: MemoryStore::new(),
            quota: RefCell::new(None),
        }
    }
    /// Allows only `extra` more UTF-16 units from now on.
    pub fn leave_room(&self, extra: usize) {
        *self.quota.borrow_mut() = Some(self.inner.used_units() + extra);
    }
}

impl KvStore for TightStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(q) = *self.quota.borrow() {
            let old = self
                .inner
                .get(key)?
                .map_or(0, |v| key.encode_utf16().count() + v.encode_utf16().count());
            let new_total = self.inner.used_units() - old
                + key.encode_utf16().count()
                + value.encode_utf16().count();
            if new_total > q {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

/// A deterministic xorshift64* generator, so random tests repeat exactly.
pub(super) struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

pub(super) fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A check-in with a note, for tests.
pub(super) fn checkin(id: &str, date: &str, note: &str) -> CheckIn {
    CheckIn {
        id: id.to_owned(),
        date: day(date),
        mood: 3,
        craving: 2,
        used: false,
        halt: Halt::default(),
        triggers: Vec::new(),
        helped: Vec::new(),
        note: note.to_owned(),
        lapse: None,
        created_ms: 0,
        updated_ms: 0,
    }
}

/// A 13-character id like the app makes, from a number.
pub(super) fn test_id(n: u64) -> String {
    crate::domain::ids::new_id(
        1_740_000_000_000 + n as i64 * 86_400_000,
        (n % 1_000_000) as u32,
    )
}
