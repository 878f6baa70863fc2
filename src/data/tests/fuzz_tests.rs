//! Property-style tests with a fixed-seed xorshift generator: random bytes
//! and random damage to a valid backup never panic, a refused import never
//! changes the store, and an accepted one never loses a stored record.

use serde_json::{json, Value};

use super::*;
use crate::data::backup;
use crate::data::collection;
use crate::data::keys::{self, KeyClass};

const JSONISH: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\"app\"",
    "\"waymark\"",
    "\"format\"",
    "\"schema\"",
    "\"records\"",
    "\"wm:j:0m7q1a2b3c4d5\"",
    "\"v\"",
    "\"x\"",
    "1",
    "-1",
    "0",
    "1e400",
    "null",
    "true",
    "\\u0000",
    "\\ud800",
    "🌱",
    "“",
    "م",
    " ",
    "\n",
    "99999999999999999999",
];

fn random_text(rng: &mut XorShift) -> String {
    let len = rng.below(300);
    match rng.below(3) {
        0 => {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        1 => (0..len / 4)
            .map(|_| JSONISH[rng.below(JSONISH.len())])
            .collect(),
        _ => {
            let tail: String = (0..len / 4)
                .map(|_| JSONISH[rng.below(JSONISH.len())])
                .collect();
            format!("{{\"app\":\"waymark\",\"format\":1,\"schema\":1,\"records\":{{{tail}")
        }
    }
}

fn random_value(rng: &mut XorShift) -> Value {
    match rng.below(10) {
        0 => Value::Null,
        1 => json!(rng.below(2) == 0),
        2 => json!(-(rng.below(1000) as i64)),
        3 => json!(rng.next()),
        4 => json!(1.5),
        5 => json!("text “quoted” 🌱"),
        6 => json!([]),
        7 => json!({}),
        8 => json!(rng.below(12)),
        _ => json!("2025-02-30"),
    }
}

/// One structural or textual change to the valid backup.
fn mutate(rng: &mut XorShift, text: &str, parsed: &Value) -> String {
    let mut file = parsed.clone();
    match rng.below(8) {
        0 => {
            // Flip characters.
            let mut chars: Vec<char> = text.chars().collect();
            for _ in 0..1 + rng.below(5) {
                let i = rng.below(chars.len());
                chars[i] = ['{', '}', '"', ',', ':', '0', 'x', ' ', '🌱', '\\'][rng.below(10)];
            }
            chars.into_iter().collect()
        }
        1 => {
            // Truncate.
            let chars: Vec<char> = text.chars().collect();
            chars[..rng.below(chars.len())].iter().collect()
        }
        2 => {
            // Delete a record.
            let recs = file["records"].as_object_mut().unwrap();
            let keys: Vec<String> = recs.keys().cloned().collect();
            recs.remove(&keys[rng.below(keys.len())]);
            file.to_string()
        }
        3 => {
            // Duplicate a key in the text (JSON objects keep the last one).
            let recs = file["records"].as_object().unwrap();
            let keys: Vec<&String> = recs.keys().collect();
            let k = keys[rng.below(keys.len())];
            let mut dup = recs[k].clone();
            dup["t"] = json!(rng.next() % 2_000_000_000_000);
            let s = file.to_string();
            s.replacen(
                "\"records\":{",
                &format!("\"records\":{{{}:{},", json!(k), dup),
                1,
            )
        }
        4 => {
            // Change an envelope field's type or number.
            let recs = file["records"].as_object_mut().unwrap();
            let keys: Vec<String> = recs.keys().cloned().collect();
            let k = &keys[rng.below(keys.len())];
            let field = ["v", "r", "t", "x"][rng.below(4)];
            recs[k][field] = random_value(rng);
            file.to_string()
        }
        5 => {
            // Change a field inside a record.
            let recs = file["records"].as_object_mut().unwrap();
            let keys: Vec<String> = recs.keys().cloned().collect();
            let k = &keys[rng.below(keys.len())];
            if let Some(x) = recs[k]["x"].as_object_mut() {
                let fields: Vec<String> = x.keys().cloned().collect();
                if !fields.is_empty() {
                    let f = fields[rng.below(fields.len())].clone();
                    x.insert(f, random_value(rng));
                }
            }
            file.to_string()
        }
        6 => {
            // Change a top-level field.
            let field = ["app", "format", "schema", "records", "exported_ms"][rng.below(5)];
            file[field] = random_value(rng);
            file.to_string()
        }
        _ => {
            // Move a record to another key (another kind, or a bad id).
            let recs = file["records"].as_object_mut().unwrap();
            let keys: Vec<String> = recs.keys().cloned().collect();
            let k = keys[rng.below(keys.len())].clone();
            if let Some(v) = recs.remove(&k) {
                let to = [
                    "wm:c:0m7q1a2b3c4d5",
                    "wm:settings",
                    "wm:j:bad id",
                    "wm:q:x",
                    "wm:j:0m7q1a2b3c4d5",
                ][rng.below(5)];
                recs.insert(to.into(), v);
            }
            file.to_string()
        }
    }
}

/// A store that already holds data, some of it newer than the fixture.
fn prefilled_snapshot() -> BTreeMap<String, String> {
    let store = TightStore::new();
    backup::apply(&store, &backup::preview(&store, BACKUP_V1).unwrap(), 1).unwrap();
    let mut c = checkin("0m7q1a2b3c4d5", "2025-03-01", "a newer local edit");
    c.mood = 5;
    collection::save(&store, &c, Some(2), i64::MAX / 2).unwrap();
    collection::save(
        &store,
        &checkin(&test_id(9), "2025-03-09", "local only"),
        None,
        5,
    )
    .unwrap();
    snapshot(&store)
}

fn store_from(snap: &BTreeMap<String, String>) -> TightStore {
    let store = TightStore::new();
    for (k, v) in snap {
        store.set(k, v).unwrap();
    }
    store
}

/// Every stored record's content still exists somewhere after an import.
fn assert_nothing_lost(
    before: &BTreeMap<String, String>,
    after: &BTreeMap<String, String>,
    case: &str,
) {
    let strip = |raw: &str| -> Option<(String, Value)> {
        let mut v: Value = serde_json::from_str(raw).ok()?;
        let x = v.get_mut("x")?.as_object_mut()?;
        x.remove("i");
        Some((String::new(), v["x"].clone()))
    };
    for (k, v) in before {
        assert!(after.contains_key(k), "{case}: {k} was removed");
        if let KeyClass::Record { kind, .. } = keys::classify(k) {
            if after[k] != *v {
                let (_, old_x) = strip(v).unwrap();
                let found = after.iter().any(|(k2, v2)| {
                    matches!(keys::classify(k2), KeyClass::Record { kind: k2kind, .. } if k2kind == kind)
                        && strip(v2).is_some_and(|(_, x)| x == old_x)
                });
                assert!(found, "{case}: the old content of {k} is gone");
            }
        }
    }
}

/// Previews and applies `text`, checking the guarantees. True if the file was
/// accepted by the preview.
fn check_import(store: &TightStore, text: &str, room: Option<usize>, case: &str) -> bool {
    let before = snapshot(store);
    *store.quota.borrow_mut() = None;
    match backup::preview(store, text) {
        Err(e) => {
            assert!(e.message().contains("Nothing was changed"), "{case}");
            assert_eq!(
                snapshot(store),
                before,
                "{case}: a refused preview changed the store"
            );
            false
        }
        Ok(plan) => {
            assert_eq!(snapshot(store), before, "{case}: preview wrote");
            if let Some(extra) = room {
                store.leave_room(extra);
            }
            match backup::apply(store, &plan, 7) {
                Err(_) => assert_eq!(
                    snapshot(store),
                    before,
                    "{case}: a failed import changed the store"
                ),
                Ok(_) => assert_nothing_lost(&before, &snapshot(store), case),
            }
            *store.quota.borrow_mut() = None;
            true
        }
    }
}

#[test]
fn two_thousand_random_byte_strings_never_panic_and_never_change_the_store() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let store = store_from(&prefilled_snapshot());
    let before = snapshot(&store);
    for i in 0..2_000 {
        let text = random_text(&mut rng);
        assert!(!check_import(
            &store,
            &text,
            None,
            &format!("random #{i}: {text:?}")
        ));
    }
    // None of these is a backup with records, so nothing changed at all.
    assert_eq!(snapshot(&store), before);
}

#[test]
fn two_thousand_damaged_backups_never_panic_and_a_refused_import_changes_nothing() {
    let mut rng = XorShift(0xD1B5_4A32_D192_ED03);
    let mut refused = 0;
    let mut imported = 0;
    let full = prefilled_snapshot();
    let parsed: Value = serde_json::from_str(BACKUP_V1).unwrap();
    for i in 0..2_000 {
        let text = mutate(&mut rng, BACKUP_V1, &parsed);
        let store = if i % 2 == 0 {
            store_from(&full)
        } else {
            TightStore::new()
        };
        // Every fourth import runs out of space part-way.
        let room = (i % 4 == 1).then(|| rng.below(6_000));
        let case = format!("mutation #{i}");
        if check_import(&store, &text, room, &case) {
            imported += 1;
            // Whatever was imported loads without panicking.
            if i % 8 == 0 {
                crate::data::kinds::scan_all(&store).unwrap();
            }
        } else {
            refused += 1;
        }
    }
    assert!(
        refused > 100 && imported > 100,
        "refused {refused}, imported {imported}"
    );
}
