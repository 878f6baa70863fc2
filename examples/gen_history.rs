//! Makes a deterministic history for the benchmark, written by the app's own
//! data layer (so the keys, envelopes and field names are exactly
//! what the app stores), and prints every key and value as one JSON object.
//!
//! ```sh
//! cargo run --release --example gen_history -- --years 10 > ten-years.json
//! cargo run --release --example gen_history -- --years 10 --end 2026-11-26
//! cargo run --release --example gen_history -- --capacity
//! ```
//!
//! A year is 365 days of check-ins, each with a 1,000-character note, plus
//! the tools a steady user would fill in over the same time: a withdrawal
//! rating a week, exercise three times a week, a weekly meeting with its
//! attendance, an appointment a month, two urge-surfing sessions a month,
//! a daily dose log for the first year, and a few contacts, places and
//! coping ideas. The history ends on `--end` (default: a fixed day), so the
//! bytes are the same on every run with the same arguments; the benchmark
//! passes today's date so the insights' "last 7 days" have data.
//!
//! `--capacity` instead saves daily 1,000-character check-ins into a store
//! with Chromium's local-storage quota (5,242,880 UTF-16 units of keys and
//! values) until the store refuses one, and prints how many fit.

use std::process::ExitCode;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use waymark::data::collection::{self, SaveOutcome};
use waymark::data::doc;
use waymark::data::envelope::Record;
use waymark::data::schema;
use waymark::data::store::{KvStore, MemoryStore, StoreError};
use waymark::domain::checkin::{CheckIn, LapseReview};
use waymark::domain::guide_progress::GuideProgress;
use waymark::domain::ids;
use waymark::domain::settings::Settings;
use waymark::domain::tools::{
    Appointment, Attendance, Contact, CopingIdea, DoseLog, ExerciseLog, Halt, Medication,
    MedicationKind, Meeting, PlaceItem, PlaceKind, PlanExtras, RiskPlan, Role, SafetyRating,
    SowsRating, UrgeSession,
};

/// Chromium's per-origin local-storage quota, in UTF-16 units.
const CHROMIUM_QUOTA_UNITS: usize = 5_242_880;
/// Length of every generated note, in characters.
const NOTE_CHARS: usize = 1_000;
/// The last day of the default history (fixed, so output is reproducible).
const DEFAULT_END: (i32, u32, u32) = (2026, 1, 1);
const DAY_MS: i64 = 86_400_000;
const HOUR_MS: i64 = 3_600_000;

/// xorshift64*: tiny, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn entropy(&mut self) -> u32 {
        (self.next() >> 32) as u32
    }
}

const WORDS: &[&str] = &[
    "today", "morning", "walked", "to", "the", "meeting", "with", "Sam", "and", "felt", "calmer",
    "after", "coffee", "work", "was", "long", "but", "I", "kept", "going", "called", "my",
    "sister", "craving", "came", "in", "evening", "rode", "it", "out", "by", "cooking", "dinner",
    "slept", "better", "than", "last", "week", "tired", "hungry", "a", "little", "lonely", "rain",
    "again", "park", "bench", "sponsor", "said", "one", "day", "at", "time", "grateful", "for",
    "small", "things", "paid", "rent", "on", "kids", "laughed", "bus", "ride", "home", "music",
    "helped", "wrote", "this", "note", "before", "bed", "clinic", "visit", "went", "fine", "nurse",
    "kind", "stress", "payday", "old", "friend", "texted", "did", "not", "answer", "proud", "of",
    "myself", "garden", "tomatoes", "dog", "needed", "walk", "shower", "clean", "sheets", "quiet",
    "night",
];

/// A note of exactly `NOTE_CHARS` characters of plain sentences.
fn note(rng: &mut Rng) -> String {
    let mut s = String::with_capacity(NOTE_CHARS + 16);
    let mut start = true;
    while s.chars().count() < NOTE_CHARS {
        let word = *rng.pick(WORDS);
        if start {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                s.extend(first.to_uppercase());
                s.push_str(chars.as_str());
            }
            start = false;
        } else {
            s.push(' ');
            s.push_str(word);
        }
        if rng.chance(12) {
            s.push_str(". ");
            start = true;
        }
    }
    let mut out: String = s.chars().take(NOTE_CHARS - 1).collect();
    out = out.trim_end().to_string();
    while out.chars().count() < NOTE_CHARS - 1 {
        out.push('o');
    }
    out.push('.');
    out
}

fn halt(rng: &mut Rng) -> Halt {
    Halt {
        hungry: rng.chance(15),
        angry: rng.chance(10),
        lonely: rng.chance(15),
        tired: rng.chance(25),
    }
}

/// Milliseconds since 1970 of `date` at `hour` UTC.
fn at(date: NaiveDate, hour: i64) -> i64 {
    let days = (date - NaiveDate::default()).num_days();
    days * DAY_MS + hour * HOUR_MS
}

struct Args {
    years: u32,
    end: NaiveDate,
    capacity: bool,
}

fn parse_args() -> Result<Args, String> {
    let (y, m, d) = DEFAULT_END;
    let mut args = Args {
        years: 10,
        end: NaiveDate::from_ymd_opt(y, m, d).ok_or("bad default end date")?,
        capacity: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--years" => {
                let v = it.next().ok_or("--years needs a number")?;
                args.years = v
                    .parse()
                    .map_err(|_| format!("--years: not a number: {v}"))?;
            }
            "--end" => {
                let v = it.next().ok_or("--end needs a date (YYYY-MM-DD)")?;
                args.end = NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|_| format!("--end: not a date: {v}"))?;
            }
            "--capacity" => args.capacity = true,
            "--help" | "-h" => {
                return Err(
                    "usage: gen_history [--years N] [--end YYYY-MM-DD] | --capacity".to_string(),
                )
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

/// Saves a new record through the collection layer.
fn put<T: Record>(store: &dyn KvStore, item: &T, now_ms: i64) -> Result<(), StoreError> {
    match collection::save(store, item, None, now_ms)? {
        SaveOutcome::Saved { .. } => Ok(()),
        SaveOutcome::SavedAsCopy { id, .. } => Err(StoreError::Other(format!(
            "id clash: {} was saved as a copy {id}",
            item.id()
        ))),
    }
}

fn doc_err(e: doc::DocError) -> StoreError {
    StoreError::Other(format!("{e:?}"))
}

fn checkin(rng: &mut Rng, date: NaiveDate, triggers: &[String], helped: &[String]) -> CheckIn {
    let created = at(date, 7 + rng.below(15) as i64) + rng.below(HOUR_MS as u64) as i64;
    let used = rng.chance(1);
    let pick_some = |rng: &mut Rng, from: &[String], max: u64| -> Vec<String> {
        let n = rng.below(max + 1);
        let mut out: Vec<String> = Vec::new();
        for _ in 0..n {
            let t = rng.pick(from).clone();
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out
    };
    let lapse = (used && rng.chance(70)).then(|| LapseReview {
        what_happened: "Ran into an old friend after work and said yes before I thought.".into(),
        halt: halt(rng),
        trigger: rng.pick(triggers).clone(),
        next_time: "Call my sponsor first and take a different way home.".into(),
    });
    CheckIn {
        id: ids::new_id(created, rng.entropy()),
        date,
        mood: 1 + rng.below(5) as u8,
        craving: rng.below(11) as u8,
        used,
        halt: halt(rng),
        triggers: pick_some(rng, triggers, 3),
        helped: pick_some(rng, helped, 2),
        note: note(rng),
        lapse,
        created_ms: created,
        updated_ms: created,
    }
}

/// Writes `years` of history ending on `end` into `store`.
fn generate(store: &dyn KvStore, years: u32, end: NaiveDate) -> Result<(), StoreError> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let days = i64::from(years) * 365;
    let start = end - Duration::days(days - 1);
    let start_ms = at(start, 9);
    let end_ms = at(end, 21);
    schema::open(store)?;

    let settings = doc::update::<Settings>(store, start_ms, |s| {
        s.recovery_start = Some(start);
        s.last_backup_ms = Some(end_ms);
        let _ = s.add_reason("My daughter");
        let _ = s.add_reason("Waking up without being sick");
        let _ = s.add_trigger("Payday");
    })
    .map_err(doc_err)?
    .value;
    let triggers = settings.triggers.clone();
    let helped = settings.helped.clone();

    doc::update::<GuideProgress>(store, start_ms, |g| {
        for step in 1..=10u8 {
            g.set_done(step, true);
        }
    })
    .map_err(doc_err)?;
    doc::update::<PlanExtras>(store, start_ms, |p| {
        p.warning_signs = vec![
            "Skipping meals".into(),
            "Not answering the phone".into(),
            "Thinking one time is fine".into(),
        ];
        p.inner_triggers = vec!["Feeling left out".into(), "Shame after a fight".into()];
        p.after_lapse = vec!["Call Sam".into(), "Carry naloxone".into()];
        p.notes = "Keep this plan on the fridge.".into();
        p.updated_ms = start_ms;
    })
    .map_err(doc_err)?;
    doc::update::<Medication>(store, start_ms, |m| {
        m.kind = MedicationKind::Buprenorphine;
        m.name = "Buprenorphine".into();
        m.prescriber = "Dr. Lee, Riverside Clinic".into();
        m.updated_ms = start_ms;
    })
    .map_err(doc_err)?;

    let id = |rng: &mut Rng, ms: i64| ids::new_id(ms, rng.entropy());

    // A handful of long-lived records.
    let roles = [
        Role::Sponsor,
        Role::Counsellor,
        Role::Doctor,
        Role::Friend,
        Role::Family,
        Role::Family,
        Role::Group,
        Role::Friend,
    ];
    for (i, role) in roles.iter().enumerate() {
        let ms = start_ms + i as i64 * 1_000;
        put(
            store,
            &Contact {
                id: id(&mut rng, ms),
                name: format!("Person {}", i + 1),
                role: *role,
                phone: format!("555-010{i}"),
                email: String::new(),
                notes: "Good to call in the evening.".into(),
                emergency: i < 2,
                updated_ms: ms,
            },
            ms,
        )?;
    }
    let place_names = [
        (PlaceKind::Place, "Old corner store", SafetyRating::Risky),
        (
            PlaceKind::Person,
            "Old friend from work",
            SafetyRating::Risky,
        ),
        (PlaceKind::Situation, "Payday evenings", SafetyRating::Risky),
        (PlaceKind::Place, "The library", SafetyRating::Supportive),
        (PlaceKind::Place, "Gym on 5th", SafetyRating::Supportive),
        (PlaceKind::Person, "My sister", SafetyRating::Supportive),
        (
            PlaceKind::Situation,
            "Family dinners",
            SafetyRating::Neutral,
        ),
        (PlaceKind::Place, "Bus station", SafetyRating::Neutral),
        (
            PlaceKind::Situation,
            "Being alone at night",
            SafetyRating::Risky,
        ),
        (PlaceKind::Place, "Church hall", SafetyRating::Supportive),
        (PlaceKind::Person, "Cousin Joe", SafetyRating::Risky),
        (PlaceKind::Situation, "Concerts", SafetyRating::Neutral),
    ];
    for (i, (kind, name, rating)) in place_names.iter().enumerate() {
        let ms = start_ms + 10_000 + i as i64 * 1_000;
        let risky = *rating == SafetyRating::Risky;
        put(
            store,
            &PlaceItem {
                id: id(&mut rng, ms),
                kind: *kind,
                name: (*name).into(),
                rating: *rating,
                plan: risky.then_some(RiskPlan::Avoid),
                plan_note: if risky {
                    "Go the long way round.".into()
                } else {
                    String::new()
                },
                updated_ms: ms,
            },
            ms,
        )?;
    }
    for i in 0..15u8 {
        let ms = start_ms + 30_000 + i64::from(i) * 1_000;
        put(
            store,
            &CopingIdea {
                id: id(&mut rng, ms),
                name: format!("Coping idea {}", i + 1),
                how: "Ten minutes, then check how the craving feels.".into(),
                starter: i < 8,
                rating: Some(1 + i % 5),
                updated_ms: ms,
            },
            ms,
        )?;
    }
    let meeting_days = [Weekday::Mon, Weekday::Wed, Weekday::Sat];
    let mut meeting_ids = Vec::new();
    for (i, wd) in meeting_days.iter().enumerate() {
        let ms = start_ms + 50_000 + i as i64 * 1_000;
        let mid = id(&mut rng, ms);
        meeting_ids.push(mid.clone());
        put(
            store,
            &Meeting {
                id: mid,
                name: format!("Meeting {}", i + 1),
                weekday: *wd,
                time: NaiveTime::from_hms_opt(19, 0, 0).unwrap_or_default(),
                place: "Church hall, back door".into(),
                link: String::new(),
                notes: "Bring a friend.".into(),
                updated_ms: ms,
            },
            ms,
        )?;
    }

    // Day by day.
    for n in 0..days {
        let date = start + Duration::days(n);
        put(
            store,
            &checkin(&mut rng, date, &triggers, &helped),
            at(date, 22),
        )?;
        let ms = at(date, 12) + n;
        if n < 365 {
            put(
                store,
                &DoseLog {
                    id: id(&mut rng, ms),
                    date,
                    amount: "8 mg".into(),
                    taken: rng.chance(97),
                    notes: String::new(),
                    updated_ms: ms,
                },
                ms,
            )?;
        }
        let wd = date.weekday();
        if wd == Weekday::Sun {
            let mut scores = [0u8; 16];
            for s in &mut scores {
                *s = rng.below(if n < 60 { 5 } else { 2 }) as u8;
            }
            put(
                store,
                &SowsRating {
                    id: id(&mut rng, ms + 1),
                    date,
                    time_ms: ms + 1,
                    scores,
                    updated_ms: ms + 1,
                },
                ms + 1,
            )?;
        }
        if matches!(wd, Weekday::Mon | Weekday::Wed | Weekday::Fri) {
            put(
                store,
                &ExerciseLog {
                    id: id(&mut rng, ms + 2),
                    date,
                    activity: (*rng.pick(&["Walk", "Swim", "Bike", "Yoga"])).into(),
                    minutes: 20 + rng.below(40) as u16,
                    mood_before: 1 + rng.below(5) as u8,
                    mood_after: 2 + rng.below(4) as u8,
                    notes: String::new(),
                    updated_ms: ms + 2,
                },
                ms + 2,
            )?;
        }
        if wd == Weekday::Wed {
            put(
                store,
                &Attendance {
                    id: id(&mut rng, ms + 3),
                    meeting_id: Some(meeting_ids[1].clone()),
                    name: String::new(),
                    date,
                    updated_ms: ms + 3,
                },
                ms + 3,
            )?;
        }
        if date.day() == 15 {
            put(
                store,
                &Appointment {
                    id: id(&mut rng, ms + 4),
                    with_whom: "Dr. Lee".into(),
                    date,
                    time: NaiveTime::from_hms_opt(10, 30, 0),
                    place: "Riverside Clinic".into(),
                    questions: "Ask about the dose and about sleep.".into(),
                    notes_after: "Went well.".into(),
                    updated_ms: ms + 4,
                },
                ms + 4,
            )?;
        }
        if matches!(date.day(), 5 | 20) {
            let started = at(date, 20);
            put(
                store,
                &UrgeSession {
                    id: id(&mut rng, started),
                    started_ms: started,
                    ended_ms: started + 15 * 60_000,
                    before: 6 + rng.below(5) as u8,
                    after: Some(rng.below(5) as u8),
                    halt: halt(&mut rng),
                    note: "Breathed through it on the porch.".into(),
                    updated_ms: started,
                },
                started,
            )?;
        }
    }
    Ok(())
}

/// Saves daily check-ins into a store with Chromium's quota until one is
/// refused; returns (days saved, units used).
fn capacity() -> Result<(u64, usize), StoreError> {
    let store = MemoryStore::with_quota(CHROMIUM_QUOTA_UNITS);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    schema::open(&store)?;
    let settings = doc::update::<Settings>(&store, 0, |_| {})
        .map_err(doc_err)?
        .value;
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).ok_or(StoreError::Unavailable)?;
    let mut days = 0u64;
    loop {
        let date = start + Duration::days(days as i64);
        let c = checkin(&mut rng, date, &settings.triggers, &settings.helped);
        match collection::save(&store, &c, None, c.created_ms) {
            Ok(_) => days += 1,
            Err(StoreError::QuotaExceeded) => return Ok((days, store.used_units())),
            Err(e) => return Err(e),
        }
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    if args.capacity {
        let (days, used) = capacity().map_err(|e| e.to_string())?;
        let years = days as f64 / 365.25;
        println!(
            "{{\"quota_units\":{CHROMIUM_QUOTA_UNITS},\"note_chars\":{NOTE_CHARS},\"days\":{days},\"years\":{years:.2},\"used_units\":{used}}}"
        );
        return Ok(());
    }
    let store = MemoryStore::new();
    generate(&store, args.years, args.end).map_err(|e| e.to_string())?;
    let mut map = serde_json::Map::new();
    for key in store.keys().map_err(|e| e.to_string())? {
        if let Some(v) = store.get(&key).map_err(|e| e.to_string())? {
            map.insert(key, serde_json::Value::String(v));
        }
    }
    eprintln!(
        "gen_history: {} keys, {} UTF-16 units ({:.1}% of Chromium's 5,242,880)",
        map.len(),
        store.used_units(),
        store.used_units() as f64 * 100.0 / CHROMIUM_QUOTA_UNITS as f64
    );
    let json = serde_json::to_string(&map).map_err(|e| e.to_string())?;
    println!("{json}");
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_history: {e}");
            ExitCode::FAILURE
        }
    }
}
