//! Every v1 fixture restores, through the same functions the app uses.

use super::*;
use crate::data::backup;
use crate::data::collection;
use crate::data::doc;
use crate::data::envelope::{restore, Envelope};
use crate::data::kinds;
use crate::domain::guide_progress::GuideProgress;
use crate::domain::settings::{starter_helped, starter_triggers, Region, Settings, Theme};
use crate::domain::tools::{MedicationKind, Meeting, SowsRating};

#[test]
fn a_v1_check_in_with_emoji_curly_quotes_and_right_to_left_text_restores() {
    let env: Envelope<CheckIn> = restore(CHECKIN_V1).unwrap();
    assert_eq!(env.rev, 2);
    assert_eq!(env.updated_ms, 1_740_830_400_000);
    let c = env.value;
    assert_eq!(c.id, "0m7q1a2b3c4d5");
    assert_eq!(c.date, day("2025-03-01"));
    assert_eq!(c.mood, 4);
    assert!(c.note.contains("🎉"));
    assert!(c.note.contains("“one day at a time”"));
    assert!(c.note.contains("مرحبا"));
    assert!(c.note.contains("שלום"));
    assert!(c.halt.tired);
    assert_eq!(c.triggers, vec!["Stress".to_owned(), "Payday".to_owned()]);
}

#[test]
fn a_v1_check_in_missing_every_optional_field_fills_the_defaults() {
    let c = restore::<CheckIn>(CHECKIN_SPARSE_V1).unwrap().value;
    assert_eq!(c.mood, 3);
    assert_eq!(c.craving, 0);
    assert!(!c.used);
    assert!(c.halt.is_empty());
    assert!(c.triggers.is_empty() && c.helped.is_empty());
    assert_eq!(c.note, "");
    assert_eq!(c.lapse, None);
    assert_eq!((c.created_ms, c.updated_ms), (0, 0));
}

#[test]
fn v1_settings_missing_fields_get_the_starter_lists_and_default_theme() {
    let s = restore::<Settings>(SETTINGS_SPARSE_V1).unwrap().value;
    assert_eq!(s.region, Region::Ca);
    assert_eq!(s.theme, Theme::System);
    assert_eq!(s.triggers, starter_triggers());
    assert_eq!(s.helped, starter_helped());
    assert_eq!(s.lock_idle_minutes, None);
}

#[test]
fn v1_tool_records_in_their_alternative_stored_forms_restore() {
    let sows = restore::<SowsRating>(SOWS_LIST_FORM_V1).unwrap().value;
    assert_eq!(sows.scores[4], 3);
    let m = restore::<Meeting>(MEETING_NAMED_WEEKDAY_V1).unwrap().value;
    assert_eq!(m.weekday, chrono::Weekday::Fri);
}

#[test]
fn the_full_v1_backup_fixture_imports_every_record_and_rejects_none() {
    let store = MemoryStore::new();
    let plan = backup::preview(&store, BACKUP_V1).unwrap();
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    assert_eq!(plan.exported_ms, Some(1_741_100_000_000));
    let report = backup::apply(&store, &plan, 1_741_200_000_000).unwrap();
    assert_eq!(report.added, 19);
    assert_eq!(report.rejected, 0);

    let journal = collection::load_all::<CheckIn>(&store).unwrap();
    assert_eq!(journal.items.len(), 4);
    assert!(journal.quarantined.is_empty() && journal.newer.is_empty());
    let lapse_day = &journal.items.iter().find(|e| e.value.used).unwrap().value;
    assert_eq!(
        lapse_day.lapse.as_ref().unwrap().next_time,
        "Take the other street home and text Sam first."
    );
    let rtl = journal
        .items
        .iter()
        .find(|e| e.value.note.contains("יום חדש"))
        .unwrap();
    assert_eq!(
        rtl.value
            .note
            .chars()
            .filter(|c| *c == '’' || *c == '‘')
            .count(),
        2
    );

    let settings = doc::load::<Settings>(&store).unwrap();
    assert_eq!(settings.doc.value.theme, Theme::Dark);
    assert_eq!(settings.doc.value.reasons[2], "لأجل أمي");
    let guide = doc::load::<GuideProgress>(&store).unwrap().doc.value;
    assert!(guide.steps[&1].done);
    let med = doc::load::<crate::domain::tools::Medication>(&store)
        .unwrap()
        .doc
        .value;
    assert_eq!(med.kind, MedicationKind::Buprenorphine);

    let scan = kinds::scan_all(&store).unwrap();
    assert_eq!(scan.readable, 19);
    assert!(scan.quarantined.is_empty() && scan.unknown.is_empty());
}

#[test]
fn every_record_in_the_v1_fixture_survives_a_save_and_reload_unchanged() {
    let store = MemoryStore::new();
    let plan = backup::preview(&store, BACKUP_V1).unwrap();
    backup::apply(&store, &plan, 1).unwrap();
    let fixture: serde_json::Value = serde_json::from_str(BACKUP_V1).unwrap();
    let exported: serde_json::Value =
        serde_json::from_str(&backup::export(&store, 2).unwrap()).unwrap();
    assert_eq!(fixture["records"], exported["records"]);
}

#[test]
fn a_store_left_by_an_earlier_build_loads_whole_and_loses_only_its_indexes() {
    let store = MemoryStore::new();
    let fixture: serde_json::Value = serde_json::from_str(STORE_WITH_INDEX_V1).unwrap();
    for (key, value) in fixture["store"].as_object().unwrap() {
        store.set(key, value.as_str().unwrap()).unwrap();
    }
    assert_eq!(store.keys().unwrap().len(), 31);
    let scan = kinds::scan_all(&store).unwrap();
    assert_eq!(scan.readable, 19);
    assert!(scan.quarantined.is_empty() && scan.unreadable.is_empty());
    assert!(scan.unknown.is_empty());
    assert_eq!(
        scan.legacy_indexes_removed,
        vec!["j", "c", "a", "m", "ma", "p", "cp", "x", "d", "s", "u"]
    );
    let mut left = store.keys().unwrap();
    left.sort();
    assert_eq!(
        left.len(),
        20,
        "the 19 records and documents and the schema"
    );
    assert!(left.iter().all(|k| k == "wm:schema"
        || k.matches(':').count() == 2
        || kinds::find(&k[3..]).is_some()));
    // Scanning again finds nothing more to remove.
    assert!(kinds::scan_all(&store)
        .unwrap()
        .legacy_indexes_removed
        .is_empty());
}
