//! How many years of daily check-ins fit in the 5 MB quota.

use super::*;
use crate::data::collection;
use crate::data::meter::QUOTA_UNITS;
use crate::data::store::utf16_len;

/// A realistic day: mood, craving, two triggers, one thing that helped, a
/// 1,000-character note with some punctuation, and both timestamps.
fn typical_day(n: u64) -> CheckIn {
    let sentence =
        "Today was okay. I called Sam after work, ate dinner, and went for a walk by the river. ";
    let mut note: String = sentence.chars().cycle().take(1_000).collect();
    note.replace_range(0..1, "T");
    let mut c = checkin(&test_id(n), "2025-03-01", &note);
    c.date = day("2025-01-01") + chrono::Days::new(n);
    c.mood = 4;
    c.craving = 3;
    c.triggers = vec!["Stress".into(), "Payday".into()];
    c.helped = vec!["Called someone".into()];
    c.created_ms = 1_767_225_600_000 + n as i64 * 86_400_000;
    c.updated_ms = c.created_ms + 60_000;
    c
}

#[test]
fn more_than_ten_years_of_daily_check_ins_with_long_notes_fit_in_the_quota() {
    let store = MemoryStore::new();
    let days = 365u64;
    for n in 0..days {
        let c = typical_day(n);
        collection::save(&store, &c, None, c.updated_ms).unwrap();
    }
    let per_day = store.used_units() as f64 / days as f64;
    let one = typical_day(0);
    let raw = store
        .get(&crate::data::keys::record_key("j", &one.id))
        .unwrap()
        .unwrap();
    let record_units = utf16_len(&raw) + utf16_len(&crate::data::keys::record_key("j", &one.id));
    let years = QUOTA_UNITS as f64 / (per_day * 365.0);
    println!(
        "one check-in with a 1,000-character note: {record_units} UTF-16 units stored \
         ({:.0} per day in all); {years:.1} years fit in {QUOTA_UNITS} units",
        per_day
    );
    println!("{}", raw.replace(&one.note, "<note>"));
    assert!(record_units < 1_250, "{record_units}");
    assert!(years >= 10.0, "only {years:.1} years fit");
}
