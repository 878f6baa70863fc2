//! Collections: quarantine, newer versions, quota, two tabs, the index
//! earlier builds kept, loading in slices, and the cost of a save.

use super::*;
use crate::data::collection::{self, SaveOutcome};
use crate::data::envelope::restore;
use crate::data::keys;
use crate::data::slot::Slot;
use crate::domain::tools::Contact;

fn put(store: &dyn KvStore, c: &CheckIn) -> u64 {
    match collection::save(store, c, None, 1_000).unwrap() {
        SaveOutcome::Saved { rev } => rev,
        other => panic!("expected a plain save, got {other:?}"),
    }
}

fn journal_key(id: &str) -> String {
    keys::record_key(keys::JOURNAL, id)
}

#[test]
fn corrupt_journal_values_are_moved_to_quarantine_and_the_rest_still_loads() {
    let store = MemoryStore::new();
    for n in 0..5 {
        put(
            &store,
            &checkin(&test_id(n), "2025-03-01", &format!("entry {n} 🌱")),
        );
    }
    let bad_json = journal_key(&test_id(1));
    let bad_shape = journal_key(&test_id(3));
    store
        .set(&bad_json, "{\"v\":1,\"r\":1,\"t\":5,\"x\":{\"i\":")
        .unwrap();
    store
        .set(
            &bad_shape,
            r#"{"v":1,"r":1,"t":5,"x":{"i":"x","d":"not a date","m":3}}"#,
        )
        .unwrap();

    let report = collection::load_all::<CheckIn>(&store).unwrap();
    assert_eq!(report.items.len(), 3);
    assert_eq!(
        report.quarantined,
        vec![bad_json.clone(), bad_shape.clone()]
    );
    assert_eq!(store.get(&bad_json).unwrap(), None);
    assert_eq!(
        store
            .get(&keys::quarantine_key(&bad_json, 1))
            .unwrap()
            .as_deref(),
        Some("{\"v\":1,\"r\":1,\"t\":5,\"x\":{\"i\":")
    );
    assert_eq!(
        collection::load_all::<CheckIn>(&store).unwrap().items.len(),
        3
    );
}

#[test]
fn a_corrupt_record_is_left_in_place_when_its_quarantine_copy_does_not_fit() {
    let store = TightStore::new();
    put(&store, &checkin(&test_id(1), "2025-03-01", "fine"));
    let bad = journal_key(&test_id(2));
    store.set(&bad, &"garbage ".repeat(20)).unwrap();
    store.leave_room(10);

    let report = collection::load_all::<CheckIn>(&store).unwrap();
    assert_eq!(report.items.len(), 1);
    assert!(report.quarantined.is_empty());
    assert_eq!(report.unreadable, vec![bad.clone()]);
    assert_eq!(store.get(&bad).unwrap(), Some("garbage ".repeat(20)));
}

#[test]
fn a_record_from_a_newer_version_is_reported_and_never_overwritten() {
    let store = MemoryStore::new();
    let id = test_id(7);
    let newer = r#"{"v":2,"r":9,"t":5,"x":{"shape":"from the future"}}"#;
    store.set(&journal_key(&id), newer).unwrap();

    let report = collection::load_all::<CheckIn>(&store).unwrap();
    assert!(report.items.is_empty());
    assert_eq!(report.newer, vec![journal_key(&id)]);
    assert!(report.quarantined.is_empty());

    let outcome =
        collection::save(&store, &checkin(&id, "2025-03-01", "mine"), Some(9), 1).unwrap();
    assert!(matches!(outcome, SaveOutcome::SavedAsCopy { .. }));
    assert_eq!(
        store.get(&journal_key(&id)).unwrap().as_deref(),
        Some(newer)
    );
    assert!(collection::delete::<CheckIn>(&store, &id).is_err());
    assert_eq!(
        store.get(&journal_key(&id)).unwrap().as_deref(),
        Some(newer)
    );
}

#[test]
fn a_save_that_hits_the_quota_returns_quota_exceeded_and_leaves_the_record_and_index_as_they_were()
{
    let store = TightStore::new();
    let id = test_id(1);
    let rev = put(&store, &checkin(&id, "2025-03-01", "short"));
    put(&store, &checkin(&test_id(2), "2025-03-02", "other"));
    let before = snapshot(&store);
    store.leave_room(50);

    let longer = checkin(&id, "2025-03-01", &"a much longer note ".repeat(20));
    assert_eq!(
        collection::save(&store, &longer, Some(rev), 2_000),
        Err(StoreError::QuotaExceeded)
    );
    let new_one = checkin(&test_id(3), "2025-03-03", &"new ".repeat(40));
    assert_eq!(
        collection::save(&store, &new_one, None, 2_000),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn when_the_record_fits_but_the_index_does_not_the_record_write_is_undone() {
    let store = TightStore::new();
    put(&store, &checkin(&test_id(1), "2025-03-01", "one"));
    let before = snapshot(&store);
    // Room for the new record (about 70 units) but not for the longer index.
    let new_one = checkin(&test_id(2), "2025-03-02", "two");
    let record_units = keys::record_key(keys::JOURNAL, &test_id(2)).len() + 80;
    store.leave_room(record_units);
    assert_eq!(
        collection::save(&store, &new_one, None, 5),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_stale_tab_saving_over_a_newer_edit_makes_a_copy_and_both_versions_survive() {
    let store = MemoryStore::new();
    let id = test_id(1);
    let loaded_rev = put(&store, &checkin(&id, "2025-03-01", "first words"));

    // Tab A saves an edit on top of what it loaded.
    let a = checkin(&id, "2025-03-01", "tab A edit");
    assert_eq!(
        collection::save(&store, &a, Some(loaded_rev), 2),
        Ok(SaveOutcome::Saved {
            rev: loaded_rev + 1
        })
    );
    // Tab B still holds the old revision.
    let b = checkin(&id, "2025-03-01", "tab B edit");
    let outcome = collection::save(&store, &b, Some(loaded_rev), 3).unwrap();
    let SaveOutcome::SavedAsCopy { id: copy_id, rev } = outcome else {
        panic!("expected a copy, got {outcome:?}");
    };
    assert_eq!(rev, 1);
    assert_ne!(copy_id, id);
    assert!(crate::domain::ids::is_valid_id(&copy_id));

    let all = collection::load_all::<CheckIn>(&store).unwrap();
    let notes: Vec<&str> = all.items.iter().map(|e| e.value.note.as_str()).collect();
    assert_eq!(notes, vec!["tab A edit", "tab B edit"]);
    assert_eq!(all.items[1].value.id, copy_id);
}

#[test]
fn two_tabs_creating_a_record_with_the_same_id_keep_both() {
    let store = MemoryStore::new();
    let id = test_id(4);
    put(&store, &checkin(&id, "2025-03-01", "tab A"));
    let outcome = collection::save(&store, &checkin(&id, "2025-03-01", "tab B"), None, 2).unwrap();
    assert!(matches!(outcome, SaveOutcome::SavedAsCopy { .. }));
    assert_eq!(
        collection::load_all::<CheckIn>(&store).unwrap().items.len(),
        2
    );
}

#[test]
fn two_tabs_editing_different_records_both_survive() {
    let store = MemoryStore::new();
    let (x, y) = (test_id(1), test_id(2));
    let rx = put(&store, &checkin(&x, "2025-03-01", "x"));
    let ry = put(&store, &checkin(&y, "2025-03-02", "y"));
    // Both tabs loaded both records, then each edits a different one.
    collection::save(&store, &checkin(&x, "2025-03-01", "x by A"), Some(rx), 5).unwrap();
    collection::save(&store, &checkin(&y, "2025-03-02", "y by B"), Some(ry), 6).unwrap();
    let all = collection::load_all::<CheckIn>(&store).unwrap();
    let notes: Vec<&str> = all.items.iter().map(|e| e.value.note.as_str()).collect();
    assert_eq!(notes, vec!["x by A", "y by B"]);
}

/// The journal index an earlier build wrote: `[id, date]` pairs under `wm:j`.
const LEGACY_JOURNAL_INDEX: &str =
    r#"[["00000000000a","2025-03-01"],["00000000000b","2025-03-02"]]"#;

#[test]
fn an_index_left_by_an_earlier_build_is_removed_on_load_and_never_written_again() {
    let store = MemoryStore::new();
    for n in 0..4 {
        put(
            &store,
            &checkin(&test_id(n), &format!("2025-03-0{}", n + 1), "x"),
        );
    }
    let index_key = keys::legacy_index_key(keys::JOURNAL);
    assert_eq!(
        store.get(&index_key).unwrap(),
        None,
        "a save writes no index"
    );
    // Even an index that disagrees with the records changes nothing loaded.
    store.set(&index_key, LEGACY_JOURNAL_INDEX).unwrap();
    let report = collection::load_all::<CheckIn>(&store).unwrap();
    assert!(report.legacy_index_removed);
    assert_eq!(report.items.len(), 4);
    assert_eq!(store.get(&index_key).unwrap(), None);
    put(&store, &checkin(&test_id(9), "2025-03-09", "y"));
    collection::delete::<CheckIn>(&store, &test_id(0)).unwrap();
    assert_eq!(store.get(&index_key).unwrap(), None);
    assert!(
        !collection::load_all::<CheckIn>(&store)
            .unwrap()
            .legacy_index_removed
    );
}

#[test]
fn a_read_only_store_keeps_the_old_index_and_still_loads_every_record() {
    let store = MemoryStore::new();
    put(&store, &checkin(&test_id(1), "2025-03-01", "a"));
    let index_key = keys::legacy_index_key(keys::JOURNAL);
    store.set(&index_key, "{oops").unwrap();
    let ro = crate::data::schema::ReadOnly(&store);
    let report = collection::load_all::<CheckIn>(&ro).unwrap();
    assert_eq!(report.items.len(), 1);
    assert!(!report.legacy_index_removed);
    assert_eq!(store.get(&index_key).unwrap().as_deref(), Some("{oops"));
}

#[test]
fn loading_in_slices_newest_first_finds_the_same_records_as_loading_all() {
    let store = MemoryStore::new();
    for n in 0..25 {
        put(
            &store,
            &checkin(&test_id(n), "2025-03-01", &format!("n{n}")),
        );
    }
    store.set(&journal_key(&test_id(7)), "broken").unwrap();
    let keys = collection::record_keys(&store, keys::JOURNAL).unwrap();
    assert_eq!(keys.len(), 25);
    assert!(keys.windows(2).all(|w| w[0].1 < w[1].1), "sorted by id");
    let (older, newest) = keys.split_at(keys.len() - 10);
    let first = collection::load_keys::<CheckIn>(&store, newest).unwrap();
    assert_eq!(first.items.len(), 10);
    assert_eq!(first.items[9].value.id, test_id(24));
    let rest = collection::load_keys::<CheckIn>(&store, older).unwrap();
    assert_eq!(rest.items.len(), 14);
    assert_eq!(rest.quarantined, vec![journal_key(&test_id(7))]);
    let ids: std::collections::BTreeSet<String> = rest
        .items
        .iter()
        .chain(&first.items)
        .map(|e| e.value.id.clone())
        .collect();
    assert_eq!(ids.len(), 24);
    let all = collection::load_all::<CheckIn>(&store).unwrap();
    assert_eq!(all.items.len(), 24);
}

#[test]
fn saving_into_a_store_with_3650_records_touches_only_its_own_key() {
    let store = MemoryStore::new();
    let note = "n".repeat(200);
    for n in 0..3650u64 {
        let c = checkin(&test_id(n), "2025-03-01", &note);
        let raw = crate::data::envelope::Envelope::new(c.clone(), 1, 1)
            .encode()
            .unwrap();
        store.set(&journal_key(&c.id), &raw).unwrap();
    }
    store
        .set(&keys::legacy_index_key(keys::JOURNAL), LEGACY_JOURNAL_INDEX)
        .unwrap();

    let counting = CountingStore::new(&store);
    let new_one = checkin(&test_id(5000), "2025-03-02", "new");
    collection::save(&counting, &new_one, None, 9).unwrap();
    let own = vec![journal_key(&new_one.id)];
    assert_eq!(*counting.written.borrow(), own);
    assert!(counting.read.borrow().iter().all(|k| *k == own[0]));
    assert_eq!(*counting.listed.borrow(), 0, "a save never lists every key");

    // Editing it: the same one key, read and written.
    let counting = CountingStore::new(&store);
    let edit = checkin(&test_id(5000), "2025-03-02", "edited");
    collection::save(&counting, &edit, Some(1), 10).unwrap();
    assert_eq!(*counting.written.borrow(), own);
    assert!(counting.read.borrow().iter().all(|k| *k == own[0]));
    assert_eq!(*counting.listed.borrow(), 0);
}

#[test]
fn a_deleted_record_is_returned_and_saving_it_back_undoes_the_delete() {
    let store = MemoryStore::new();
    let id = test_id(1);
    put(&store, &checkin(&id, "2025-03-01", "keep me"));
    put(&store, &checkin(&test_id(2), "2025-03-02", "other"));
    let gone = collection::delete::<CheckIn>(&store, &id).unwrap().unwrap();
    assert_eq!(gone.value.note, "keep me");
    assert_eq!(
        collection::load_all::<CheckIn>(&store).unwrap().items.len(),
        1
    );
    assert_eq!(collection::delete::<CheckIn>(&store, &id).unwrap(), None);

    let outcome = collection::save(&store, &gone.value, Some(gone.rev), 3).unwrap();
    assert_eq!(outcome, SaveOutcome::Saved { rev: gone.rev + 1 });
    assert_eq!(
        collection::load_all::<CheckIn>(&store).unwrap().items.len(),
        2
    );
}

#[test]
fn saving_over_a_corrupt_value_sets_the_corrupt_value_aside_first() {
    let store = MemoryStore::new();
    let id = test_id(1);
    store.set(&journal_key(&id), "half a reco").unwrap();
    collection::save(&store, &checkin(&id, "2025-03-01", "new"), None, 1).unwrap();
    assert_eq!(
        store
            .get(&keys::quarantine_key(&journal_key(&id), 1))
            .unwrap()
            .as_deref(),
        Some("half a reco")
    );
    let env = restore::<CheckIn>(&store.get(&journal_key(&id)).unwrap().unwrap()).unwrap();
    assert_eq!(env.value.note, "new");
}

#[test]
fn a_record_whose_stored_id_differs_from_its_key_is_read_under_its_key() {
    let store = MemoryStore::new();
    let id = test_id(1);
    let raw = crate::data::envelope::Envelope::new(checkin("someotherid", "2025-03-01", "x"), 1, 1)
        .encode()
        .unwrap();
    store.set(&journal_key(&id), &raw).unwrap();
    let all = collection::load_all::<CheckIn>(&store).unwrap();
    assert_eq!(all.items[0].value.id, id);
}

#[test]
fn records_with_ids_that_cannot_be_keys_are_refused_before_anything_is_written() {
    let store = MemoryStore::new();
    for bad in ["", "a/b", "has space", "wm:j:x"] {
        assert!(collection::save(&store, &checkin(bad, "2025-03-01", "x"), None, 1).is_err());
    }
    assert!(store.keys().unwrap().is_empty());
    assert_eq!(
        collection::load_one::<CheckIn>(&store, "../x").unwrap(),
        Slot::Missing
    );
}

#[test]
fn copies_of_copies_get_short_valid_ids() {
    let mut taken = |id: &str| -> Result<bool, StoreError> { Ok(id.ends_with("-c1")) };
    assert_eq!(collection::copy_id("abc", &mut taken).unwrap(), "abc-c2");
    let mut free = |_: &str| -> Result<bool, StoreError> { Ok(false) };
    assert_eq!(collection::copy_id("abc-c7", &mut free).unwrap(), "abc-c1");
    let long = "x".repeat(crate::domain::ids::MAX_ID_LEN);
    let c = collection::copy_id(&long, &mut free).unwrap();
    assert!(crate::domain::ids::is_valid_id(&c), "{c}");
}

#[test]
fn load_one_finds_moves_or_reports_a_single_record() {
    let store = MemoryStore::new();
    let id = test_id(1);
    put(&store, &checkin(&id, "2025-03-01", "x"));
    assert!(matches!(
        collection::load_one::<CheckIn>(&store, &id).unwrap(),
        Slot::Found(_)
    ));
    store.set(&journal_key(&id), "[").unwrap();
    assert!(matches!(
        collection::load_one::<CheckIn>(&store, &id).unwrap(),
        Slot::Quarantined { .. }
    ));
    assert_eq!(
        collection::load_one::<CheckIn>(&store, &id).unwrap(),
        Slot::Missing
    );
}

#[test]
fn collections_of_different_kinds_never_see_each_others_records() {
    let store = MemoryStore::new();
    put(&store, &checkin(&test_id(1), "2025-03-01", "x"));
    let contact = Contact {
        id: test_id(1),
        name: "Sam".into(),
        ..Contact::default()
    };
    collection::save(&store, &contact, None, 1).unwrap();
    assert_eq!(
        collection::load_all::<CheckIn>(&store).unwrap().items.len(),
        1
    );
    assert_eq!(
        collection::load_all::<Contact>(&store).unwrap().items.len(),
        1
    );
}

#[test]
fn blocked_storage_gives_errors_not_panics() {
    let store = MemoryStore::unavailable();
    assert_eq!(
        collection::load_all::<CheckIn>(&store),
        Err(StoreError::Unavailable)
    );
    assert_eq!(
        collection::save(&store, &checkin(&test_id(1), "2025-03-01", "x"), None, 1),
        Err(StoreError::Unavailable)
    );
    assert_eq!(
        collection::delete::<CheckIn>(&store, &test_id(1)),
        Err(StoreError::Unavailable)
    );
}

/// A store that silently cuts short the next write to one key.
struct LyingStore {
    inner: MemoryStore,
    bad_key: String,
    lies_left: std::cell::Cell<u32>,
}

impl KvStore for LyingStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if key == self.bad_key && self.lies_left.get() > 0 {
            self.lies_left.set(self.lies_left.get() - 1);
            self.inner.set(key, &value[..value.len() / 2])
        } else {
            self.inner.set(key, value)
        }
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

#[test]
fn a_write_that_reads_back_wrong_is_reported_and_the_previous_value_put_back() {
    let id = test_id(1);
    let store = LyingStore {
        inner: MemoryStore::new(),
        bad_key: String::new(),
        lies_left: 0.into(),
    };
    let rev = put(&store, &checkin(&id, "2025-03-01", "original"));
    let before = snapshot(&store);
    let store = LyingStore {
        inner: store.inner,
        bad_key: journal_key(&id),
        lies_left: 1.into(),
    };
    assert_eq!(
        collection::save(&store, &checkin(&id, "2025-03-01", "edit"), Some(rev), 2),
        Err(StoreError::NotVerified)
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn loading_through_a_read_only_view_changes_nothing_even_with_corrupt_records() {
    let store = MemoryStore::new();
    put(&store, &checkin(&test_id(1), "2025-03-01", "fine"));
    store.set(&journal_key(&test_id(2)), "broken").unwrap();
    let before = snapshot(&store);
    let ro = crate::data::schema::ReadOnly(&store);
    let report = collection::load_all::<CheckIn>(&ro).unwrap();
    assert_eq!(report.items.len(), 1);
    assert_eq!(report.unreadable, vec![journal_key(&test_id(2))]);
    assert!(collection::save(&ro, &checkin(&test_id(3), "2025-03-03", "x"), None, 1).is_err());
    assert_eq!(snapshot(&store), before);
}

#[test]
fn the_start_up_scan_sets_aside_bad_values_of_every_kind_and_reports_unknown_keys() {
    let store = MemoryStore::new();
    put(&store, &checkin(&test_id(1), "2025-03-01", "fine"));
    store
        .set(&keys::record_key(keys::CONTACT, &test_id(2)), "{\"v\":1}")
        .unwrap();
    store.set(&keys::doc_key(keys::GUIDE), "nope").unwrap();
    store
        .set(
            &keys::record_key(keys::URGE, &test_id(3)),
            r#"{"v":3,"r":1,"t":1,"x":{}}"#,
        )
        .unwrap();
    store.set("wm:future:1", "{}").unwrap();
    let report = crate::data::kinds::scan_all(&store).unwrap();
    assert_eq!(report.readable, 1);
    assert_eq!(
        report.quarantined,
        vec![
            keys::record_key(keys::CONTACT, &test_id(2)),
            keys::doc_key(keys::GUIDE)
        ]
    );
    assert_eq!(
        report.newer,
        vec![keys::record_key(keys::URGE, &test_id(3))]
    );
    assert_eq!(report.unknown, vec!["wm:future:1".to_owned()]);
    assert_eq!(crate::data::quarantine::list(&store).unwrap().len(), 2);
    assert_eq!(store.get("wm:future:1").unwrap().as_deref(), Some("{}"));
}

#[test]
fn saving_the_same_words_again_from_a_stale_tab_makes_no_copy_and_writes_nothing() {
    let store = MemoryStore::new();
    let id = test_id(1);
    let c = checkin(&id, "2025-03-01", "same words");
    let rev = put(&store, &c);
    collection::save(&store, &c, Some(rev), 2).unwrap();
    let counting = CountingStore::new(&store);
    assert_eq!(
        collection::save(&counting, &c, Some(rev), 3),
        Ok(SaveOutcome::Saved { rev })
    );
    assert!(counting.written.borrow().is_empty());
    assert_eq!(
        collection::load_all::<CheckIn>(&store).unwrap().items.len(),
        1
    );
}
