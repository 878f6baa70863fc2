//! Documents: fresh reads, defaults, quarantine, newer versions, quota.

use super::*;
use crate::data::doc::{self, DocError, DocStatus};
use crate::data::keys;
use crate::domain::guide_progress::GuideProgress;
use crate::domain::settings::{Settings, Theme};

#[test]
fn a_missing_document_loads_as_its_default() {
    let store = MemoryStore::new();
    let loaded = doc::load::<Settings>(&store).unwrap();
    assert_eq!(loaded.status, DocStatus::Missing);
    assert_eq!(loaded.doc.value, Settings::default());
    assert_eq!(loaded.doc.rev, 0);
}

#[test]
fn a_stale_tab_applies_its_change_on_top_of_the_newest_settings() {
    let store = MemoryStore::new();
    doc::update::<Settings>(&store, 1, |s| s.triggers.push("Old street".into())).unwrap();
    let tab_a_view = doc::load::<Settings>(&store).unwrap();

    // Tab B adds a reason.
    doc::update::<Settings>(&store, 2, |s| s.reasons.push("My kids 💛".into())).unwrap();
    // Tab A, still showing its old copy, switches the theme.
    let saved = doc::update::<Settings>(&store, 3, |s| s.theme = Theme::Dark).unwrap();
    assert_eq!(saved.rev, tab_a_view.doc.rev + 2);

    let now = doc::load::<Settings>(&store).unwrap().doc.value;
    assert_eq!(now.theme, Theme::Dark);
    assert_eq!(now.reasons, vec!["My kids 💛".to_owned()]);
    assert!(now.triggers.contains(&"Old street".to_owned()));
}

#[test]
fn guide_ticks_from_two_tabs_both_survive() {
    let store = MemoryStore::new();
    doc::update::<GuideProgress>(&store, 1, |g| {
        g.toggle_action(1, "a");
    })
    .unwrap();
    doc::update::<GuideProgress>(&store, 2, |g| {
        g.toggle_action(2, "b");
    })
    .unwrap();
    let g = doc::load::<GuideProgress>(&store).unwrap().doc.value;
    assert!(g.is_ticked(1, "a") && g.is_ticked(2, "b"));
}

#[test]
fn a_corrupt_document_is_set_aside_and_the_default_shown_then_saving_works() {
    let store = MemoryStore::new();
    let key = keys::doc_key(keys::SETTINGS);
    store.set(&key, "{\"v\":1,\"r\":3,").unwrap();
    let loaded = doc::load::<Settings>(&store).unwrap();
    assert!(matches!(loaded.status, DocStatus::Quarantined { .. }));
    assert_eq!(loaded.doc.value, Settings::default());
    assert_eq!(
        store
            .get(&keys::quarantine_key(&key, 1))
            .unwrap()
            .as_deref(),
        Some("{\"v\":1,\"r\":3,")
    );
    doc::update::<Settings>(&store, 5, |s| s.discreet = true).unwrap();
    assert!(doc::load::<Settings>(&store).unwrap().doc.value.discreet);
}

#[test]
fn a_document_from_a_newer_version_is_shown_as_default_and_never_overwritten() {
    let store = MemoryStore::new();
    let key = keys::doc_key(keys::SETTINGS);
    let newer = r#"{"v":5,"r":1,"t":1,"x":{"future":true}}"#;
    store.set(&key, newer).unwrap();
    assert_eq!(
        doc::load::<Settings>(&store).unwrap().status,
        DocStatus::Newer(5)
    );
    assert_eq!(
        doc::update::<Settings>(&store, 2, |s| s.discreet = true),
        Err(DocError::Newer(5))
    );
    assert_eq!(store.get(&key).unwrap().as_deref(), Some(newer));
}

#[test]
fn an_update_that_changes_nothing_writes_nothing() {
    let store = MemoryStore::new();
    doc::update::<Settings>(&store, 1, |s| s.discreet = true).unwrap();
    let counting = CountingStore::new(&store);
    let env = doc::update::<Settings>(&counting, 2, |s| s.discreet = true).unwrap();
    assert!(counting.written.borrow().is_empty());
    assert_eq!(env.rev, 1);
}

#[test]
fn a_document_update_that_hits_the_quota_keeps_the_previous_document() {
    let store = TightStore::new();
    doc::update::<Settings>(&store, 1, |s| s.reasons.push("one".into())).unwrap();
    let before = snapshot(&store);
    store.leave_room(5);
    let r = doc::update::<Settings>(&store, 2, |s| s.reasons.push("a much longer reason".into()));
    assert_eq!(r, Err(DocError::Store(StoreError::QuotaExceeded)));
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_corrupt_document_that_cannot_be_set_aside_blocks_saving_but_stays_stored() {
    let store = TightStore::new();
    let key = keys::doc_key(keys::SETTINGS);
    store.set(&key, &"x".repeat(50)).unwrap();
    store.leave_room(0);
    assert_eq!(
        doc::load::<Settings>(&store).unwrap().status,
        DocStatus::Unreadable
    );
    assert_eq!(
        doc::update::<Settings>(&store, 2, |s| s.discreet = true),
        Err(DocError::Store(StoreError::QuotaExceeded))
    );
    assert_eq!(store.get(&key).unwrap(), Some("x".repeat(50)));
}
