//! How full the storage is, for the meter in Settings and the quiet notice on
//! Home. Counted the way browsers count the quota: UTF-16 units of every key
//! and value of the origin (not only Waymark's).

use super::keys::{self, KeyClass};
use super::store::{utf16_len, KvStore, StoreError};

/// The usual local-storage quota: 5 MiB of UTF-16 units (Chromium, Firefox,
/// Safari all allow about this much per origin).
pub const QUOTA_UNITS: usize = 5_242_880;

/// How worried the UI should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum UsageLevel {
    /// Under 60 %: say nothing.
    Ok,
    /// 60 % or more: a quiet note in Settings.
    Notice60,
    /// 80 % or more: a notice on Home suggesting a backup.
    Warn80,
    /// 95 % or more: saves may soon fail; back up now.
    Critical95,
}

/// Where the space goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UsageBreakdown {
    /// Journal records and index.
    pub journal: usize,
    /// Tool records, their indexes and the documents.
    pub other_records: usize,
    pub drafts: usize,
    /// Values set aside.
    pub quarantine: usize,
    /// Everything else (the schema key, unknown keys, other apps' keys).
    pub other: usize,
}

/// Storage use now.
#[derive(Debug, Clone, PartialEq)]
pub struct StorageUsage {
    pub used_units: usize,
    pub quota_units: usize,
    /// 0.0 to 100.0 (may pass 100 if the browser allows more).
    pub percent: f64,
    pub level: UsageLevel,
    pub breakdown: UsageBreakdown,
}

/// Measures the store (reads every key and value once).
pub fn usage(store: &dyn KvStore) -> Result<StorageUsage, StoreError> {
    let mut b = UsageBreakdown::default();
    for key in store.keys()? {
        let units = utf16_len(&key) + store.get(&key)?.map_or(0, |v| utf16_len(&v));
        let slot = match keys::classify(&key) {
            KeyClass::Record { kind, .. } | KeyClass::LegacyIndex { kind }
                if kind == keys::JOURNAL =>
            {
                &mut b.journal
            }
            KeyClass::Record { .. } | KeyClass::LegacyIndex { .. } | KeyClass::Doc { .. } => {
                &mut b.other_records
            }
            KeyClass::Draft { .. } => &mut b.drafts,
            KeyClass::Quarantine { .. } => &mut b.quarantine,
            KeyClass::Schema | KeyClass::UnknownWaymark | KeyClass::Foreign => &mut b.other,
        };
        *slot += units;
    }
    let used = b.journal + b.other_records + b.drafts + b.quarantine + b.other;
    let mut u = usage_of(used, QUOTA_UNITS);
    u.breakdown = b;
    Ok(u)
}

/// The usage figures for `used_units` of `quota_units` (pure).
pub fn usage_of(used_units: usize, quota_units: usize) -> StorageUsage {
    let percent = if quota_units == 0 {
        100.0
    } else {
        used_units as f64 * 100.0 / quota_units as f64
    };
    let level = if percent >= 95.0 {
        UsageLevel::Critical95
    } else if percent >= 80.0 {
        UsageLevel::Warn80
    } else if percent >= 60.0 {
        UsageLevel::Notice60
    } else {
        UsageLevel::Ok
    };
    StorageUsage {
        used_units,
        quota_units,
        percent,
        level,
        breakdown: UsageBreakdown::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::store::MemoryStore;

    #[test]
    fn levels_change_at_sixty_eighty_and_ninety_five_percent() {
        let q = 1000;
        assert_eq!(usage_of(0, q).level, UsageLevel::Ok);
        assert_eq!(usage_of(599, q).level, UsageLevel::Ok);
        assert_eq!(usage_of(600, q).level, UsageLevel::Notice60);
        assert_eq!(usage_of(799, q).level, UsageLevel::Notice60);
        assert_eq!(usage_of(800, q).level, UsageLevel::Warn80);
        assert_eq!(usage_of(949, q).level, UsageLevel::Warn80);
        assert_eq!(usage_of(950, q).level, UsageLevel::Critical95);
        assert_eq!(usage_of(2000, q).level, UsageLevel::Critical95);
    }

    #[test]
    fn usage_counts_utf16_units_of_keys_and_values_like_the_browser() {
        let store = MemoryStore::new();
        store.set("wm:j:a", "🌱").unwrap(); // 6 + 2
        store.set("wm:draft:c", "é").unwrap(); // 10 + 1
        store.set("other", "x").unwrap(); // 5 + 1
        let u = usage(&store).unwrap();
        assert_eq!(u.used_units, store.used_units());
        assert_eq!(u.used_units, 25);
        assert_eq!(u.quota_units, QUOTA_UNITS);
        assert_eq!(u.breakdown.journal, 8);
        assert_eq!(u.breakdown.drafts, 11);
        assert_eq!(u.breakdown.other, 6);
    }
}
