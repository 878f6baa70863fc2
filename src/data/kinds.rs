//! Every stored type, registered once: its kind code, its version, and the
//! functions import and the start-up scan use to read it without knowing the
//! type.
//!
//! Domain types are stored as they serialize (short field names, empty fields
//! left out). `check_stored` only checks what storage relies on (a record's
//! id becomes part of its key); the domain's form checks (`validate`) are not
//! applied to stored data, so a rule tightened in a later version can never
//! hide what the user already saved.

use super::backup::{self, Planner, Step};
use super::collection;
use super::doc::{self, DocStatus};
use super::envelope::{Document, Envelope, Persisted, Record};
use super::keys::{self, KeyClass};
use super::store::{KvStore, StoreError};
use crate::domain::checkin::CheckIn;
use crate::domain::guide_progress::GuideProgress;
use crate::domain::ids;
use crate::domain::settings::Settings;
use crate::domain::tools::{
    Appointment, Attendance, Contact, CopingIdea, DoseLog, ExerciseLog, Medication, Meeting,
    PlaceItem, PlanExtras, SowsRating, UrgeSession,
};

/// Whether a kind has many records or one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Collection,
    Document,
}

/// Type-erased access to one stored type.
pub struct KindInfo {
    /// Kind code or document name (see [`keys`]).
    pub code: &'static str,
    pub shape: Shape,
    /// The type's current version.
    pub version: u32,
    pub(crate) plan_import:
        fn(&mut Planner<'_>, &str, &str, serde_json::Value) -> Result<Step, StoreError>,
    pub(crate) scan: fn(&dyn KvStore) -> Result<KindScan, StoreError>,
}

/// What the scan of one kind found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindScan {
    /// Readable records (or 1 for a readable document).
    pub readable: usize,
    pub quarantined: Vec<String>,
    pub newer: Vec<String>,
    pub unreadable: Vec<String>,
    /// An index left by an earlier build was removed.
    pub legacy_index_removed: bool,
}

/// What [`scan_all`] found across the whole store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScanReport {
    pub readable: usize,
    /// Keys moved to quarantine by this scan.
    pub quarantined: Vec<String>,
    /// Keys written by a newer version, left untouched.
    pub newer: Vec<String>,
    /// Keys that could not be read or moved (storage full), left in place.
    pub unreadable: Vec<String>,
    /// Kind codes whose index (kept by earlier builds) was removed.
    pub legacy_indexes_removed: Vec<&'static str>,
    /// `wm:` keys this build does not know (from a newer version), untouched.
    pub unknown: Vec<String>,
}

const fn collection_kind<T: Record>() -> KindInfo {
    KindInfo {
        code: T::KIND,
        shape: Shape::Collection,
        version: T::VERSION,
        plan_import: backup::plan_record::<T>,
        scan: scan_collection::<T>,
    }
}

const fn document_kind<T: Document>() -> KindInfo {
    KindInfo {
        code: T::KIND,
        shape: Shape::Document,
        version: T::VERSION,
        plan_import: backup::plan_doc::<T>,
        scan: scan_doc::<T>,
    }
}

/// Every stored type.
pub static KINDS: &[KindInfo] = &[
    collection_kind::<CheckIn>(),
    collection_kind::<Contact>(),
    collection_kind::<Appointment>(),
    collection_kind::<Meeting>(),
    collection_kind::<Attendance>(),
    collection_kind::<PlaceItem>(),
    collection_kind::<CopingIdea>(),
    collection_kind::<ExerciseLog>(),
    collection_kind::<DoseLog>(),
    collection_kind::<SowsRating>(),
    collection_kind::<UrgeSession>(),
    document_kind::<Settings>(),
    document_kind::<GuideProgress>(),
    document_kind::<PlanExtras>(),
    document_kind::<Medication>(),
];

/// The registered type for a kind code or document name.
pub fn find(code: &str) -> Option<&'static KindInfo> {
    KINDS.iter().find(|k| k.code == code)
}

/// Reads every record and document once: unreadable values are moved to
/// quarantine, indexes left by earlier builds removed. Run at start-up (after
/// [`crate::data::schema::open`]) so problems are found and reported once.
pub fn scan_all(store: &dyn KvStore) -> Result<ScanReport, StoreError> {
    let mut report = ScanReport::default();
    for kind in KINDS {
        let s = (kind.scan)(store)?;
        report.readable += s.readable;
        report.quarantined.extend(s.quarantined);
        report.newer.extend(s.newer);
        report.unreadable.extend(s.unreadable);
        if s.legacy_index_removed {
            report.legacy_indexes_removed.push(kind.code);
        }
    }
    let mut unknown: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| matches!(keys::classify(k), KeyClass::UnknownWaymark))
        .collect();
    unknown.sort_unstable();
    report.unknown = unknown;
    Ok(report)
}

fn scan_collection<T: Record>(store: &dyn KvStore) -> Result<KindScan, StoreError> {
    let r = collection::load_all::<T>(store)?;
    Ok(KindScan {
        readable: r.items.len(),
        quarantined: r.quarantined,
        newer: r.newer,
        unreadable: r.unreadable,
        legacy_index_removed: r.legacy_index_removed,
    })
}

fn scan_doc<T: Document>(store: &dyn KvStore) -> Result<KindScan, StoreError> {
    let key = keys::doc_key(T::KIND);
    let mut s = KindScan::default();
    match doc::load::<T>(store)?.status {
        DocStatus::Loaded => s.readable = 1,
        DocStatus::Missing => {}
        DocStatus::Quarantined { .. } => s.quarantined.push(key),
        DocStatus::Unreadable => s.unreadable.push(key),
        DocStatus::Newer(_) => s.newer.push(key),
    }
    Ok(s)
}

fn check_id(id: &str) -> Result<(), String> {
    if ids::is_valid_id(id) {
        Ok(())
    } else {
        Err(format!("bad id {id:?}"))
    }
}

/// `impl Persisted + Record` for a domain record with a `pub id: String`.
macro_rules! record {
    ($ty:ty, $kind:expr, $version:expr) => {
        impl Persisted for $ty {
            const KIND: &'static str = $kind;
            const VERSION: u32 = $version;
            fn check_stored(&self) -> Result<(), String> {
                check_id(&self.id)
            }
        }
        impl Record for $ty {
            fn id(&self) -> &str {
                &self.id
            }
            fn set_id(&mut self, id: String) {
                self.id = id;
            }
        }
    };
}

record!(CheckIn, keys::JOURNAL, 1);
record!(Contact, keys::CONTACT, 1);
record!(Appointment, keys::APPOINTMENT, 1);
record!(Meeting, keys::MEETING, 1);
record!(Attendance, keys::ATTENDANCE, 1);
record!(PlaceItem, keys::PLACE, 1);
record!(CopingIdea, keys::COPING, 1);
record!(ExerciseLog, keys::EXERCISE, 1);
record!(DoseLog, keys::DOSE, 1);
record!(SowsRating, keys::SOWS, 1);
record!(UrgeSession, keys::URGE, 1);

impl Persisted for Settings {
    const KIND: &'static str = keys::SETTINGS;
    const VERSION: u32 = 1;
}

/// Settings: the newer copy wins as a whole, but the user's own lists
/// (triggers, what helps, reasons) are joined so no word they added is lost,
/// and the latest backup time is kept.
impl Document for Settings {
    const SET_ASIDE_REPLACED: bool = false;

    fn merge(current: &Envelope<Self>, incoming: &Envelope<Self>) -> Self {
        let (newer, older) = if incoming.updated_ms > current.updated_ms {
            (&incoming.value, &current.value)
        } else {
            (&current.value, &incoming.value)
        };
        let mut out = newer.clone();
        union_into(&mut out.triggers, &older.triggers);
        union_into(&mut out.helped, &older.helped);
        union_into(&mut out.reasons, &older.reasons);
        out.last_backup_ms = newer.last_backup_ms.max(older.last_backup_ms);
        out
    }
}

/// Appends the items of `other` that `list` lacks (same words ignoring case
/// and outer spaces count as the same item).
fn union_into(list: &mut Vec<String>, other: &[String]) {
    for item in other {
        let norm = item.trim().to_lowercase();
        if !list.iter().any(|x| x.trim().to_lowercase() == norm) {
            list.push(item.clone());
        }
    }
}

impl Persisted for GuideProgress {
    const KIND: &'static str = keys::GUIDE;
    const VERSION: u32 = 1;
}

/// Guide progress merges with the domain's own rule (ticks and done marks
/// joined, newest answer wins), which keeps everything.
impl Document for GuideProgress {
    const SET_ASIDE_REPLACED: bool = false;

    fn merge(current: &Envelope<Self>, incoming: &Envelope<Self>) -> Self {
        current.value.merge(&incoming.value)
    }
}

impl Persisted for PlanExtras {
    const KIND: &'static str = keys::PLAN;
    const VERSION: u32 = 1;
}

/// The plan: the newer copy wins; the replaced one is set aside.
impl Document for PlanExtras {}

impl Persisted for Medication {
    const KIND: &'static str = keys::MED;
    const VERSION: u32 = 1;
}

/// The medication: the newer copy wins; the replaced one is set aside.
impl Document for Medication {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_kind_has_exactly_one_registered_type_and_back() {
        for code in keys::COLLECTION_KINDS {
            let k = find(code).unwrap_or_else(|| panic!("{code} not registered"));
            assert_eq!(k.shape, Shape::Collection, "{code}");
        }
        for name in keys::DOCUMENT_NAMES {
            let k = find(name).unwrap_or_else(|| panic!("{name} not registered"));
            assert_eq!(k.shape, Shape::Document, "{name}");
        }
        assert_eq!(
            KINDS.len(),
            keys::COLLECTION_KINDS.len() + keys::DOCUMENT_NAMES.len()
        );
    }
}
