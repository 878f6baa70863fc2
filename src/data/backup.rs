//! Backup: one JSON file the user downloads, and importing it back.
//!
//! File: `{"app":"waymark","format":1,"exported_ms":..,"schema":1,
//! "records":{"<key>":<envelope>,...}}` with every collection record and
//! document (not drafts, not values set aside, not indexes), keys sorted.
//!
//! Import is two steps. [`preview`] reads and checks the whole file first and
//! writes nothing; a file that is not a usable backup gives an
//! [`ImportError`] whose message says nothing was changed. [`apply`] then
//! writes, and if any write fails it puts back every value it changed, so a
//! failed import changes nothing.
//!
//! No existing record is ever lost by an import: when the file and the store
//! hold different versions of one record, the newer one (by `t`) takes the
//! record's id and the other is kept beside it as a copy.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use super::collection;
use super::envelope::{
    restore, restore_value, same_json, Document, Envelope, Record, RestoreError,
};
use super::keys::{self, KeyClass};
use super::kinds;
use super::store::{KvStore, StoreError};
use crate::domain::ids;
use crate::i18n::{tr, Key};

/// The `app` field of every backup file.
pub const APP: &str = "waymark";
/// The backup file format this build writes and reads.
pub const FORMAT: u64 = 1;
/// Largest file [`preview`] accepts. Far above anything 5 MB of storage
/// can produce; it stops a wrong file (a video) from freezing the tab.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

#[derive(Serialize)]
struct BackupFile<'a> {
    app: &'a str,
    format: u64,
    exported_ms: i64,
    schema: u32,
    records: &'a BTreeMap<String, Value>,
}

/// The whole backup file as text (pretty-printed, keys sorted, so the same
/// data always gives the same file).
pub fn export(store: &dyn KvStore, now_ms: i64) -> Result<String, StoreError> {
    let records = export_records(store)?;
    let file = BackupFile {
        app: APP,
        format: FORMAT,
        exported_ms: now_ms,
        schema: keys::SCHEMA_VERSION,
        records: &records,
    };
    serde_json::to_string_pretty(&file)
        .map_err(|e| StoreError::Other(format!("could not write the backup: {e}")))
}

/// Every record and document that is JSON, by key. Values that are not JSON
/// at all are left out here (they are moved to quarantine when read, and the
/// quarantine has its own download).
pub fn export_records(store: &dyn KvStore) -> Result<BTreeMap<String, Value>, StoreError> {
    let mut out = BTreeMap::new();
    for key in store.keys()? {
        if matches!(
            keys::classify(&key),
            KeyClass::Record { .. } | KeyClass::Doc { .. }
        ) {
            if let Some(raw) = store.get(&key)? {
                if let Ok(value) = serde_json::from_str::<Value>(&raw) {
                    out.insert(key, value);
                }
            }
        }
    }
    Ok(out)
}

/// Why a file cannot be imported. In every case nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    NotJson,
    /// JSON, but not a Waymark backup.
    NotWaymark,
    /// A backup format this build does not know (made by a newer version).
    UnsupportedFormat(u64),
    /// Made by a newer version whose data this build cannot read.
    NewerSchema(u64),
    /// A Waymark backup with a broken structure.
    Malformed(String),
    /// The storage could not be read while checking the file.
    Store(StoreError),
}

impl ImportError {
    /// The catalogue key of the words for the user (each one ends by saying
    /// nothing was changed).
    pub fn key(&self) -> Key {
        match self {
            ImportError::TooLarge { .. } => Key::BackupErrorTooLarge,
            ImportError::NotJson | ImportError::NotWaymark => Key::BackupErrorNotBackup,
            ImportError::UnsupportedFormat(_) | ImportError::NewerSchema(_) => {
                Key::BackupErrorNewer
            }
            ImportError::Malformed(_) => Key::BackupErrorDamaged,
            ImportError::Store(_) => Key::BackupErrorStorage,
        }
    }

    /// Plain words for the user, in the current language.
    pub fn message(&self) -> String {
        tr(self.key()).to_owned()
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

/// What an import does with one record of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportAction {
    /// Not stored yet: added.
    Add,
    /// Stored exactly the same already (or the copy it would make is
    /// already there): nothing to do.
    Unchanged,
    /// The file's version is newer: it takes the record's place and the
    /// stored version is kept as a copy (`copy_key`). For a document the
    /// stored version is set aside (`copy_key`) when its type asks for it.
    Update,
    /// The stored version is newer (or cannot be compared): it stays, and the
    /// file's version is kept as a copy (`copy_key`).
    Keep,
    /// A document combined from both versions.
    Merge,
}

/// The plan for one record of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRecord {
    pub key: String,
    pub action: ImportAction,
    /// Where the other version goes (see [`ImportAction`]).
    pub copy_key: Option<String>,
}

/// A record of the file that will not be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub key: String,
    pub reason: String,
}

/// Counts of what an import did (or, from [`ImportPlan::summary`], will do).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    /// Replaced by a newer version from the file (the old one kept as a copy),
    /// or documents merged.
    pub updated: usize,
    /// The stored version was newer; the file's version was kept as a copy.
    pub kept: usize,
    pub unchanged: usize,
    pub rejected: usize,
}

/// A checked backup file and what importing it would do right now.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// When the backup was made, if the file says.
    pub exported_ms: Option<i64>,
    pub records: Vec<PlannedRecord>,
    pub rejected: Vec<Rejected>,
    /// Keys written (records, copies, set-aside values, indexes).
    pub writes: usize,
    /// The file's records that passed the first checks, for [`apply`] to
    /// plan again against the store as it is then.
    incoming: Vec<(String, Value)>,
    /// Rejected while reading the file (before planning).
    rejected_early: Vec<Rejected>,
}

impl ImportPlan {
    /// The counts this plan would give.
    pub fn summary(&self) -> ImportReport {
        report_of(&self.records, self.rejected.len())
    }
}

/// Reads and checks a backup file and plans the import against the store.
/// Writes nothing.
pub fn preview(store: &dyn KvStore, text: &str) -> Result<ImportPlan, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let value: Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    let Value::Object(mut top) = value else {
        return Err(ImportError::NotWaymark);
    };
    if top.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(ImportError::NotWaymark);
    }
    match top.get("format") {
        Some(f) => match f.as_u64() {
            Some(FORMAT) => {}
            Some(other) => return Err(ImportError::UnsupportedFormat(other)),
            None => return Err(ImportError::Malformed("format is not a number".into())),
        },
        None => return Err(ImportError::Malformed("no format".into())),
    }
    match top.get("schema").map(Value::as_u64) {
        Some(Some(s)) if s > u64::from(keys::SCHEMA_VERSION) => {
            return Err(ImportError::NewerSchema(s))
        }
        Some(Some(0)) | Some(None) => return Err(ImportError::Malformed("bad schema".into())),
        Some(Some(_)) => {}
        None => return Err(ImportError::Malformed("no schema".into())),
    }
    let exported_ms = match top.get("exported_ms") {
        None => None,
        Some(v) => Some(
            v.as_i64()
                .ok_or_else(|| ImportError::Malformed("exported_ms is not a number".into()))?,
        ),
    };
    let Some(Value::Object(records)) = top.remove("records") else {
        return Err(ImportError::Malformed("no records".into()));
    };
    let mut incoming = Vec::new();
    let mut rejected_early = Vec::new();
    for (key, value) in records {
        match keys::classify(&key) {
            KeyClass::Record { id, .. } if !ids::is_valid_id(id) => rejected_early.push(Rejected {
                key,
                reason: tr(Key::BackupRejectBadId).into(),
            }),
            KeyClass::Record { .. } | KeyClass::Doc { .. } => incoming.push((key, value)),
            _ => rejected_early.push(Rejected {
                key,
                reason: tr(Key::BackupRejectUnknownKind).into(),
            }),
        }
    }
    let mut plan = ImportPlan {
        exported_ms,
        records: Vec::new(),
        rejected: Vec::new(),
        writes: 0,
        incoming,
        rejected_early,
    };
    let planner = make_plan(store, &plan.incoming, None)?;
    plan.writes = planner.writes.len();
    plan.records = planner.records;
    plan.rejected = plan.rejected_early.clone();
    plan.rejected.extend(planner.rejected);
    Ok(plan)
}

/// Imports a previewed file. The plan is made again against the store as it
/// is now (another tab may have saved since the preview). If any write fails,
/// every value already written is put back and the error is returned:
/// nothing was changed.
pub fn apply(
    store: &dyn KvStore,
    plan: &ImportPlan,
    now_ms: i64,
) -> Result<ImportReport, StoreError> {
    let planner = make_plan(store, &plan.incoming, Some(now_ms))?;
    let mut journal: Vec<(String, Option<String>)> = Vec::with_capacity(planner.writes.len());
    for (key, value) in &planner.writes {
        let previous = match store.get(key) {
            Ok(p) => p,
            Err(e) => {
                roll_back(store, &journal);
                return Err(e);
            }
        };
        journal.push((key.clone(), previous));
        if let Err(e) = store.set_verified(key, value) {
            roll_back(store, &journal);
            return Err(e);
        }
    }
    Ok(report_of(
        &planner.records,
        plan.rejected_early.len() + planner.rejected.len(),
    ))
}

/// Puts back every journaled value, newest first. Each step returns the
/// store to a state it was already in, so it fits in the quota.
fn roll_back(store: &dyn KvStore, journal: &[(String, Option<String>)]) {
    for (key, previous) in journal.iter().rev() {
        collection::put_back(store, key, previous.as_deref());
    }
}

fn report_of(records: &[PlannedRecord], rejected: usize) -> ImportReport {
    let mut r = ImportReport {
        rejected,
        ..ImportReport::default()
    };
    for p in records {
        match p.action {
            ImportAction::Add => r.added += 1,
            ImportAction::Update | ImportAction::Merge => r.updated += 1,
            ImportAction::Keep => r.kept += 1,
            ImportAction::Unchanged => r.unchanged += 1,
        }
    }
    r
}

/// Plans every record, then the index lines for new records.
fn make_plan<'s>(
    store: &'s dyn KvStore,
    incoming: &[(String, Value)],
    now_ms: Option<i64>,
) -> Result<Planner<'s>, StoreError> {
    let mut p = Planner {
        store,
        now_ms,
        writes: Vec::new(),
        reserved: BTreeSet::new(),
        records: Vec::new(),
        rejected: Vec::new(),
    };
    for (key, value) in incoming {
        let (code, id) = match keys::classify(key) {
            KeyClass::Record { kind, id } => (kind, id),
            KeyClass::Doc { name } => (name, ""),
            _ => continue,
        };
        let Some(kind) = kinds::find(code) else {
            p.rejected.push(Rejected {
                key: key.clone(),
                reason: tr(Key::BackupRejectUnknownKind).into(),
            });
            continue;
        };
        match (kind.plan_import)(&mut p, key, id, value.clone())? {
            Step::Planned(r) => p.records.push(r),
            Step::Rejected(reason) => p.rejected.push(Rejected {
                key: key.clone(),
                reason,
            }),
        }
    }
    Ok(p)
}

/// The result of planning one record.
pub(crate) enum Step {
    Planned(PlannedRecord),
    Rejected(String),
}

/// Collects the writes of an import before any is made.
pub(crate) struct Planner<'s> {
    store: &'s dyn KvStore,
    /// `Some` when applying (merged documents get this time); `None` in a
    /// preview.
    now_ms: Option<i64>,
    writes: Vec<(String, String)>,
    reserved: BTreeSet<String>,
    records: Vec<PlannedRecord>,
    rejected: Vec<Rejected>,
}

impl Planner<'_> {
    fn write(&mut self, key: String, value: String) {
        self.reserved.insert(key.clone());
        self.writes.push((key, value));
    }

    /// Puts `value` (with time `t`) beside its original under a copy id.
    /// Returns the copy's key and whether an identical copy was already
    /// stored (then nothing is written).
    fn place_copy<T: Record>(&mut self, value: &T, t: i64) -> Result<(String, bool), StoreError> {
        for candidate in collection::copy_candidates(value.id()) {
            let key = keys::record_key(T::KIND, &candidate);
            if self.reserved.contains(&key) {
                continue;
            }
            let mut copy = value.clone();
            copy.set_id(candidate);
            match self.store.get(&key)? {
                None => {
                    self.write(key.clone(), Envelope::new(copy.clone(), 1, t).encode()?);
                    return Ok((key, false));
                }
                Some(raw) => {
                    if restore::<T>(&raw).is_ok_and(|e| same_json(&e.value, &copy)) {
                        return Ok((key, true));
                    }
                }
            }
        }
        Err(StoreError::Other("no free id for a copy".into()))
    }

    /// Plans setting `raw` (the value at `original`) aside in quarantine.
    fn set_aside(&mut self, original: &str, raw: &str) -> Result<String, StoreError> {
        for n in 1..=10_000 {
            let qkey = keys::quarantine_key(original, n);
            if self.reserved.contains(&qkey) {
                continue;
            }
            match self.store.get(&qkey)? {
                None => {
                    self.write(qkey.clone(), raw.to_owned());
                    return Ok(qkey);
                }
                Some(existing) if existing == raw => return Ok(qkey),
                Some(_) => {}
            }
        }
        Err(StoreError::Other(
            "too many set-aside copies of one value".into(),
        ))
    }
}

fn rejection(e: RestoreError) -> String {
    match e {
        RestoreError::Corrupt(reason) => crate::t!(Key::BackupRejectUnreadable, reason = reason),
        RestoreError::FromNewerVersion(_) => tr(Key::BackupRejectNewer).into(),
    }
}

/// Plans one collection record (see the module comment for the rules).
pub(crate) fn plan_record<T: Record>(
    p: &mut Planner<'_>,
    key: &str,
    id: &str,
    incoming: Value,
) -> Result<Step, StoreError> {
    let mut inc = match restore_value::<T>(incoming) {
        Ok(env) => env,
        Err(e) => return Ok(Step::Rejected(rejection(e))),
    };
    if inc.value.id() != id {
        inc.value.set_id(id.to_owned());
    }
    let planned = |action, copy_key| {
        Ok(Step::Planned(PlannedRecord {
            key: key.to_owned(),
            action,
            copy_key,
        }))
    };
    let Some(raw) = p.store.get(key)? else {
        p.write(key.to_owned(), inc.encode()?);
        return planned(ImportAction::Add, None);
    };
    match restore::<T>(&raw) {
        Ok(cur) if same_json(&cur.value, &inc.value) => planned(ImportAction::Unchanged, None),
        Ok(cur) if inc.updated_ms > cur.updated_ms => {
            let (copy_key, _) = p.place_copy(&cur.value, cur.updated_ms)?;
            let rev = cur.rev.max(inc.rev).saturating_add(1);
            p.write(
                key.to_owned(),
                Envelope::new(inc.value, rev, inc.updated_ms).encode()?,
            );
            planned(ImportAction::Update, Some(copy_key))
        }
        // The stored version is newer, or cannot be read or compared: it
        // stays untouched and the file's version goes beside it.
        _ => {
            let (copy_key, existed) = p.place_copy(&inc.value, inc.updated_ms)?;
            let action = if existed {
                ImportAction::Unchanged
            } else {
                ImportAction::Keep
            };
            planned(action, Some(copy_key))
        }
    }
}

/// Plans one document: merged with the stored one by its type's rule.
pub(crate) fn plan_doc<T: Document>(
    p: &mut Planner<'_>,
    key: &str,
    _id: &str,
    incoming: Value,
) -> Result<Step, StoreError> {
    let inc = match restore_value::<T>(incoming) {
        Ok(env) => env,
        Err(e) => return Ok(Step::Rejected(rejection(e))),
    };
    let planned = |action, copy_key| {
        Ok(Step::Planned(PlannedRecord {
            key: key.to_owned(),
            action,
            copy_key,
        }))
    };
    let Some(raw) = p.store.get(key)? else {
        p.write(key.to_owned(), inc.encode()?);
        return planned(ImportAction::Add, None);
    };
    match restore::<T>(&raw) {
        Ok(cur) => {
            let merged = T::merge(&cur, &inc);
            if same_json(&merged, &cur.value) {
                return planned(ImportAction::Unchanged, None);
            }
            let copy_key = if T::SET_ASIDE_REPLACED {
                Some(p.set_aside(key, &raw)?)
            } else {
                None
            };
            let action = if same_json(&merged, &inc.value) {
                ImportAction::Update
            } else {
                ImportAction::Merge
            };
            let t = p
                .now_ms
                .unwrap_or(0)
                .max(cur.updated_ms)
                .max(inc.updated_ms);
            let env = Envelope::new(merged, cur.rev.saturating_add(1), t);
            p.write(key.to_owned(), env.encode()?);
            planned(action, copy_key)
        }
        Err(RestoreError::FromNewerVersion(_)) => {
            Ok(Step::Rejected(tr(Key::BackupRejectDeviceNewer).into()))
        }
        Err(RestoreError::Corrupt(_)) => {
            let copy_key = p.set_aside(key, &raw)?;
            p.write(key.to_owned(), inc.encode()?);
            planned(ImportAction::Update, Some(copy_key))
        }
    }
}

/// The backup file's name for `day`, e.g. `waymark-backup-2026-03-07.json`.
pub fn file_name(day: chrono::NaiveDate) -> String {
    format!(
        "waymark-backup-{}.json",
        crate::domain::iso::format_date(day)
    )
}
