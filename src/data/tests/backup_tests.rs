//! Backup export and import.

use serde_json::{json, Value};

use super::*;
use crate::data::backup::{self, ImportAction, ImportError};
use crate::data::collection::{self, SaveOutcome};
use crate::data::doc;
use crate::data::drafts;
use crate::data::keys;
use crate::domain::guide_progress::GuideProgress;
use crate::domain::settings::{Settings, Theme};
use crate::domain::tools::PlanExtras;

fn imported_fixture() -> MemoryStore {
    let store = MemoryStore::new();
    let plan = backup::preview(&store, BACKUP_V1).unwrap();
    backup::apply(&store, &plan, 1_741_200_000_000).unwrap();
    store
}

fn records_of(text: &str) -> Value {
    serde_json::from_str::<Value>(text).unwrap()["records"].clone()
}

/// The fixture with one record replaced.
fn fixture_with(key: &str, value: Value) -> String {
    let mut file: Value = serde_json::from_str(BACKUP_V1).unwrap();
    file["records"][key] = value;
    file.to_string()
}

#[test]
fn export_then_import_into_an_empty_store_then_export_again_gives_identical_records() {
    let first = MemoryStore::new();
    for n in 0..20 {
        let note = format!("Day {n} — “still here” 🌱 مرحبا שלום");
        collection::save(
            &first,
            &checkin(&test_id(n), "2025-03-01", &note),
            None,
            n as i64,
        )
        .unwrap();
    }
    doc::update::<Settings>(&first, 5, |s| s.theme = Theme::Light).unwrap();
    let exported = backup::export(&first, 100).unwrap();

    let second = MemoryStore::new();
    let plan = backup::preview(&second, &exported).unwrap();
    let report = backup::apply(&second, &plan, 200).unwrap();
    assert_eq!(report.added, 21);
    assert_eq!(backup::export(&second, 100).unwrap(), exported);
    assert_eq!(snapshot(&second), snapshot(&first));
}

#[test]
fn the_same_data_always_exports_to_the_same_text() {
    let store = imported_fixture();
    assert_eq!(
        backup::export(&store, 7).unwrap(),
        backup::export(&store, 7).unwrap()
    );
    assert_eq!(
        records_of(&backup::export(&store, 7).unwrap()),
        records_of(BACKUP_V1)
    );
}

#[test]
fn export_leaves_out_drafts_indexes_set_aside_values_and_other_apps_keys() {
    let store = imported_fixture();
    drafts::save(&store, "checkin", "half written").unwrap();
    store.set("wm:q:wm:j:broken", "???").unwrap();
    store.set("someone-else", "1").unwrap();
    let records = records_of(&backup::export(&store, 1).unwrap());
    let keys: Vec<&String> = records.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 19);
    assert!(keys
        .iter()
        .all(|k| !k.starts_with("wm:draft") && !k.starts_with("wm:q:")));
    assert!(!keys.contains(&&"wm:j".to_owned()) && !keys.contains(&&"wm:schema".to_owned()));
}

/// Checks that an error is the expected one.
type Expect = fn(&ImportError) -> bool;

#[test]
fn a_file_that_is_not_a_usable_backup_is_refused_and_changes_nothing() {
    let store = imported_fixture();
    drafts::save(&store, "checkin", "draft").unwrap();
    let before = snapshot(&store);
    let huge = format!(
        "{{\"app\":\"waymark\",\"pad\":\"{}\"}}",
        "x".repeat(backup::MAX_IMPORT_BYTES)
    );
    let cases: Vec<(String, Expect)> = vec![
        ("".into(), |e| *e == ImportError::NotJson),
        ("hello".into(), |e| *e == ImportError::NotJson),
        ("[1,2]".into(), |e| *e == ImportError::NotWaymark),
        (
            r#"{"app":"other","format":1,"schema":1,"records":{}}"#.into(),
            |e| *e == ImportError::NotWaymark,
        ),
        (
            r#"{"app":"waymark","format":2,"schema":1,"records":{}}"#.into(),
            |e| *e == ImportError::UnsupportedFormat(2),
        ),
        (
            r#"{"app":"waymark","format":1,"schema":3,"records":{}}"#.into(),
            |e| *e == ImportError::NewerSchema(3),
        ),
        (r#"{"app":"waymark","format":1,"schema":1}"#.into(), |e| {
            matches!(e, ImportError::Malformed(_))
        }),
        (
            r#"{"app":"waymark","format":"1","schema":1,"records":{}}"#.into(),
            |e| matches!(e, ImportError::Malformed(_)),
        ),
        (huge, |e| matches!(e, ImportError::TooLarge { .. })),
    ];
    for (text, expected) in cases {
        let err = backup::preview(&store, &text).unwrap_err();
        assert!(expected(&err), "{err:?}");
        assert!(
            err.message().ends_with("Nothing was changed."),
            "{}",
            err.message()
        );
        assert_eq!(snapshot(&store), before);
    }
}

#[test]
fn unknown_kinds_and_invalid_records_are_rejected_with_a_reason_and_the_rest_imported() {
    let mut file: Value = serde_json::from_str(BACKUP_V1).unwrap();
    let recs = file["records"].as_object_mut().unwrap();
    recs.insert(
        "wm:zz:0m7q1a2b3c4d5".into(),
        json!({"v":1,"r":1,"t":1,"x":{}}),
    );
    recs.insert("wm:j:bad id!".into(), json!({"v":1,"r":1,"t":1,"x":{}}));
    recs.insert(
        "wm:j:0m7q1a2b3c4zz".into(),
        json!({"v":1,"r":1,"t":1,"x":{"i":"0m7q1a2b3c4zz"}}),
    );
    recs.insert(
        "wm:c:0m7q1a2b3c4zz".into(),
        json!({"v":7,"r":1,"t":1,"x":{}}),
    );
    recs.insert("wm:draft:checkin".into(), json!("sneaky"));
    let store = MemoryStore::new();
    let plan = backup::preview(&store, &file.to_string()).unwrap();
    assert_eq!(plan.rejected.len(), 5, "{:?}", plan.rejected);
    assert!(plan.rejected.iter().all(|r| !r.reason.is_empty()));
    let report = backup::apply(&store, &plan, 1).unwrap();
    assert_eq!((report.added, report.rejected), (19, 5));
    assert_eq!(drafts::load(&store, "checkin").unwrap(), None);
}

#[test]
fn a_newer_record_in_the_file_takes_the_id_and_the_stored_one_is_kept_as_a_copy() {
    let store = imported_fixture();
    let key = "wm:j:0m7q1a2b3c4d5";
    let mut newer: Value = records_of(BACKUP_V1)[key].clone();
    newer["t"] = json!(1_750_000_000_000i64);
    newer["x"]["n"] = json!("edited on my other phone");
    let plan = backup::preview(&store, &fixture_with(key, newer)).unwrap();
    let p = plan.records.iter().find(|p| p.key == key).unwrap();
    assert_eq!(p.action, ImportAction::Update);
    let copy_key = p.copy_key.clone().unwrap();
    let report = backup::apply(&store, &plan, 2).unwrap();
    assert_eq!((report.updated, report.unchanged), (1, 18));

    let all = collection::load_all::<CheckIn>(&store).unwrap();
    assert_eq!(all.items.len(), 5);
    let at_key = all
        .items
        .iter()
        .find(|e| e.value.id == "0m7q1a2b3c4d5")
        .unwrap();
    assert_eq!(at_key.value.note, "edited on my other phone");
    assert!(at_key.rev > 2, "the revision moves on so open tabs notice");
    let copy = all
        .items
        .iter()
        .find(|e| keys::record_key("j", &e.value.id) == copy_key)
        .unwrap();
    assert!(copy.value.note.starts_with("Day 30 🎉"));
}

#[test]
fn an_older_record_in_the_file_is_kept_as_a_copy_and_the_stored_one_stays() {
    let store = imported_fixture();
    let id = "0m7r9z8y7x6w5";
    let key = keys::record_key(keys::JOURNAL, id);
    let stored = store.get(&key).unwrap().unwrap();
    let mut older: Value = records_of(BACKUP_V1)[&key].clone();
    older["t"] = json!(1);
    older["x"]["n"] = json!("an old draft of this day");
    let plan = backup::preview(&store, &fixture_with(&key, older)).unwrap();
    let report = backup::apply(&store, &plan, 2).unwrap();
    assert_eq!(report.kept, 1);
    assert_eq!(store.get(&key).unwrap().as_deref(), Some(stored.as_str()));
    let all = collection::load_all::<CheckIn>(&store).unwrap();
    assert!(all
        .items
        .iter()
        .any(|e| e.value.note == "an old draft of this day"));
    assert_eq!(all.items.len(), 5);
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let store = MemoryStore::new();
    let key = "wm:j:0m7q1a2b3c4d5";
    collection::save(
        &store,
        &checkin("0m7q1a2b3c4d5", "2025-03-01", "newer local words"),
        None,
        i64::MAX / 2,
    )
    .unwrap();
    for round in 0..3 {
        let plan = backup::preview(&store, BACKUP_V1).unwrap();
        let before = snapshot(&store);
        let report = backup::apply(&store, &plan, 10).unwrap();
        if round == 0 {
            assert_eq!((report.added, report.kept), (18, 1));
        } else {
            assert_eq!(report.unchanged, 19, "round {round}: {report:?}");
            assert_eq!(snapshot(&store), before);
        }
    }
    assert!(store
        .get(key)
        .unwrap()
        .unwrap()
        .contains("newer local words"));
    assert_eq!(
        collection::load_all::<CheckIn>(&store).unwrap().items.len(),
        5
    );
}

#[test]
fn settings_merge_keeps_the_newer_settings_and_joins_the_users_lists() {
    let store = MemoryStore::new();
    doc::update::<Settings>(&store, i64::MAX / 2, |s| {
        s.theme = Theme::Light;
        s.triggers = vec!["Payday".into(), "Fridays".into()];
    })
    .unwrap();
    let plan = backup::preview(&store, BACKUP_V1).unwrap();
    let p = plan
        .records
        .iter()
        .find(|p| p.key == "wm:settings")
        .unwrap();
    assert_eq!(p.action, ImportAction::Merge);
    backup::apply(&store, &plan, 5).unwrap();
    let s = doc::load::<Settings>(&store).unwrap().doc.value;
    assert_eq!(s.theme, Theme::Light, "the device's settings were newer");
    assert_eq!(s.triggers[..2], ["Payday".to_owned(), "Fridays".to_owned()]);
    assert!(s.triggers.contains(&"Late nights".to_owned()));
    assert_eq!(s.triggers.iter().filter(|t| *t == "Payday").count(), 1);
    assert!(s.reasons.contains(&"لأجل أمي".to_owned()));
}

#[test]
fn guide_progress_from_a_backup_is_joined_with_progress_on_the_device() {
    let store = MemoryStore::new();
    doc::update::<GuideProgress>(&store, i64::MAX / 2, |g| {
        g.toggle_action(3, "local-only");
    })
    .unwrap();
    backup::apply(&store, &backup::preview(&store, BACKUP_V1).unwrap(), 5).unwrap();
    let g = doc::load::<GuideProgress>(&store).unwrap().doc.value;
    assert!(g.is_ticked(3, "local-only"));
    assert!(g.is_ticked(1, "name-it"));
    assert!(g.steps[&1].done);
}

#[test]
fn a_replaced_plan_is_set_aside_not_lost() {
    let store = MemoryStore::new();
    doc::update::<PlanExtras>(&store, 1, |p| p.notes = "my first plan".into()).unwrap();
    let old_raw = store.get("wm:plan").unwrap().unwrap();
    let plan = backup::preview(&store, BACKUP_V1).unwrap();
    let p = plan.records.iter().find(|p| p.key == "wm:plan").unwrap();
    assert_eq!(p.action, ImportAction::Update);
    let q = p.copy_key.clone().unwrap();
    backup::apply(&store, &plan, 5).unwrap();
    assert_eq!(store.get(&q).unwrap(), Some(old_raw));
    let now = doc::load::<PlanExtras>(&store).unwrap().doc.value;
    assert_eq!(now.notes, "I can start again any hour of any day.");
}

#[test]
fn a_record_saved_by_a_newer_version_on_the_device_is_left_alone_by_import() {
    let store = MemoryStore::new();
    let key = "wm:j:0m7q1a2b3c4d5";
    let newer = r#"{"v":4,"r":1,"t":1,"x":{"new":"shape"}}"#;
    store.set(key, newer).unwrap();
    backup::apply(&store, &backup::preview(&store, BACKUP_V1).unwrap(), 5).unwrap();
    assert_eq!(store.get(key).unwrap().as_deref(), Some(newer));
    let all = collection::load_all::<CheckIn>(&store).unwrap();
    assert_eq!(all.items.len(), 4, "the file's version was kept as a copy");
    assert_eq!(all.newer, vec![key.to_owned()]);
}

#[test]
fn an_import_that_fills_the_storage_half_way_is_rolled_back_completely() {
    let store = TightStore::new();
    collection::save(
        &store,
        &checkin(&test_id(1), "2025-01-01", "before the import"),
        None,
        1,
    )
    .unwrap();
    doc::update::<Settings>(&store, 1, |s| s.discreet = true).unwrap();
    let before = snapshot(&store);
    let plan = backup::preview(&store, BACKUP_V1).unwrap();
    store.leave_room(BACKUP_V1.len() / 4);
    let counting = CountingStore::new(&store);
    assert_eq!(
        backup::apply(&counting, &plan, 2),
        Err(StoreError::QuotaExceeded)
    );
    assert!(
        counting.written.borrow().len() > 4,
        "some writes landed before the quota was hit"
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn apply_plans_again_so_a_save_made_after_the_preview_is_not_overwritten() {
    let store = MemoryStore::new();
    let plan = backup::preview(&store, BACKUP_V1).unwrap();
    assert!(plan.records.iter().all(|p| p.action == ImportAction::Add));
    // Another tab writes that day before the user presses "Import".
    let id = "0m7q1a2b3c4d5";
    let out = collection::save(
        &store,
        &checkin(id, "2025-03-01", "written meanwhile"),
        None,
        i64::MAX / 2,
    );
    assert_eq!(out, Ok(SaveOutcome::Saved { rev: 1 }));
    let report = backup::apply(&store, &plan, 3).unwrap();
    assert_eq!(report.kept, 1);
    let all = collection::load_all::<CheckIn>(&store).unwrap();
    assert!(all
        .items
        .iter()
        .any(|e| e.value.note == "written meanwhile"));
    assert_eq!(all.items.len(), 5);
}
