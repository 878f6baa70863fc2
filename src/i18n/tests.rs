//! The catalogues and the content twins are complete in every language, and
//! dates, times, numbers and plurals read as people write them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use serde_json::Value;

use super::*;

fn content_dir(lang: Lang) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/content")
        .join(lang.code())
}

/// Every slot of a language's catalogue by name, by the rule `build.rs` and
/// `scripts/lang-bundle.mjs` use (`area.key`, `area.key#one`).
fn slots(lang: Lang) -> BTreeMap<String, String> {
    let dir = content_dir(lang).join("ui");
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for path in files {
        let area = path.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let value: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (key, v) in value.as_object().expect("a JSON object") {
            let name = format!("{area}.{key}");
            match v {
                Value::String(s) => {
                    out.insert(name, s.clone());
                }
                Value::Object(forms) => {
                    for (form, text) in forms {
                        let slot = if form == "one" {
                            format!("{name}#one")
                        } else {
                            name.clone()
                        };
                        out.insert(slot, text.as_str().unwrap_or_default().to_string());
                    }
                }
                other => panic!("{name}: not a string or a plural: {other}"),
            }
        }
    }
    out
}

/// A bundle file for `lang`, as `scripts/lang-bundle.mjs` writes it.
pub(crate) fn bundle_json(lang: Lang) -> String {
    let strings: Vec<String> = slots(lang).into_values().collect();
    let mut content = serde_json::Map::new();
    for name in ["guide", "helplines", "safety", "sows", "coping", "overdose"] {
        let path = content_dir(lang).join(format!("{name}.json"));
        if let Ok(text) = std::fs::read_to_string(&path) {
            content.insert(name.to_string(), Value::String(text));
        }
    }
    serde_json::json!({
        "lang": lang.code(),
        "keys": KEYS_HASH,
        "strings": strings,
        "content": content,
    })
    .to_string()
}

/// Switches this test thread to `lang`.
pub(crate) fn speak(lang: Lang) {
    match lang {
        Lang::En => use_english(),
        other => {
            let catalogue = match bundle::loaded(other) {
                Some(c) => c,
                None => bundle::install(
                    bundle::parse(&bundle_json(other)).expect("the bundle reads back"),
                ),
            };
            use_catalogue(catalogue);
        }
    }
}

#[test]
fn the_english_catalogue_is_the_compiled_in_table() {
    let en = slots(Lang::En);
    assert_eq!(en.len(), SLOT_COUNT);
    for (i, (name, text)) in en.iter().enumerate() {
        assert_eq!(SLOTS[i].0, name);
        assert_eq!(SLOTS[i].1, text);
    }
}

#[test]
fn every_language_has_every_key_and_no_other() {
    let en = slots(Lang::En);
    for lang in Lang::ALL {
        let other = slots(lang);
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{} has keys English lacks: {extra:?}",
            lang.code()
        );
    }
}

#[test]
fn every_translation_has_the_same_placeholders_and_is_not_blank() {
    let en = slots(Lang::En);
    for lang in Lang::ALL {
        for (name, text) in slots(lang) {
            let Some(english) = en.get(&name) else {
                continue;
            };
            assert_eq!(
                placeholders(&text),
                placeholders(english),
                "{}: {name} has other placeholders than English",
                lang.code()
            );
            assert_eq!(
                text.trim().is_empty(),
                english.trim().is_empty(),
                "{}: {name} is blank in one language only",
                lang.code()
            );
        }
    }
}

/// Strings under these keys are ids, numbers and citations: the same in
/// every language.
const SAME_IN_EVERY_LANGUAGE: &[&str] = &[
    "id",
    "n",
    "region",
    "number",
    "tel",
    "tty",
    "source",
    "checked",
    "helpline_id",
    "tools",
];

fn compare_twins(path: &str, en: &Value, other: &Value, errors: &mut Vec<String>) {
    let last = path.rsplit('/').next().unwrap_or("");
    match (en, other) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for key in keys {
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) => compare_twins(&format!("{path}/{key}"), x, y, errors),
                    _ => errors.push(format!("{path}/{key}: in one language only")),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                errors.push(format!("{path}: {} items vs {}", a.len(), b.len()));
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                let item = if last == "tools" {
                    path.to_string()
                } else {
                    format!("{path}/{i}")
                };
                compare_twins(&item, x, y, errors);
            }
        }
        (Value::String(a), Value::String(b)) => {
            if SAME_IN_EVERY_LANGUAGE.contains(&last) {
                if a != b {
                    errors.push(format!("{path}: {a:?} vs {b:?}"));
                }
            } else if a.trim().is_empty() != b.trim().is_empty() {
                errors.push(format!("{path}: blank in one language only"));
            }
        }
        (a, b) => {
            if a != b {
                errors.push(format!("{path}: {a} vs {b}"));
            }
        }
    }
}

#[test]
fn every_content_file_has_a_twin_with_the_same_ids_numbers_and_sources() {
    // `boot` is the first-paint shell's words (index.html, public/boot.js).
    for name in [
        "guide",
        "helplines",
        "safety",
        "sows",
        "coping",
        "overdose",
        "boot",
    ] {
        let read = |lang: Lang| -> Value {
            let path = content_dir(lang).join(format!("{name}.json"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        };
        let en = read(Lang::En);
        for lang in Lang::ALL {
            let mut errors = Vec::new();
            compare_twins(name, &en, &read(lang), &mut errors);
            assert!(errors.is_empty(), "{}: {errors:#?}", lang.code());
        }
    }
}

#[test]
fn a_bundle_for_this_build_loads_and_one_for_another_build_is_refused() {
    let json = bundle_json(Lang::Es);
    let catalogue = bundle::parse(&json).expect("the Spanish bundle loads");
    assert_eq!(catalogue.lang, Lang::Es);
    assert_eq!(catalogue.strings.len(), SLOT_COUNT);

    let other = json.replace(KEYS_HASH, "00000000");
    assert!(matches!(
        bundle::parse(&other),
        Err(bundle::BundleError::OtherKeys { .. })
    ));
    assert!(matches!(
        bundle::parse("{\"lang\":\"es\""),
        Err(bundle::BundleError::Unreadable(_))
    ));
    let unknown = json.replacen("\"lang\":\"es\"", "\"lang\":\"xx\"", 1);
    assert!(matches!(
        bundle::parse(&unknown),
        Err(bundle::BundleError::UnknownLang(_))
    ));
}

#[test]
fn switching_language_changes_the_words_and_back() {
    speak(Lang::Es);
    assert_eq!(current(), Lang::Es);
    assert_eq!(tr(Key::DatesMonth12), "diciembre");
    speak(Lang::En);
    assert_eq!(tr(Key::DatesMonth12), "December");
}

#[test]
fn the_browser_language_picks_spanish_for_any_es_tag() {
    assert_eq!(Lang::from_browser(["es-MX", "en-US"]), Lang::Es);
    assert_eq!(Lang::from_browser(["es"]), Lang::Es);
    assert_eq!(Lang::from_browser(["ES_419"]), Lang::Es);
    assert_eq!(Lang::from_browser(["fr-FR", "es-ES"]), Lang::Es);
    assert_eq!(Lang::from_browser(["en-GB", "es-ES"]), Lang::En);
    assert_eq!(Lang::from_browser(["fr-FR"]), Lang::En);
    assert_eq!(Lang::from_browser([]), Lang::En);
    assert_eq!(Lang::from_browser(["estonian-ish"]), Lang::En);
}

#[test]
fn placeholders_are_filled_and_a_missing_one_stays_visible() {
    assert_eq!(
        fill("{a} and {b}", &[("a", &1), ("b", &"two")]),
        "1 and two"
    );
    assert_eq!(fill("hi {name}", &[]), "hi {name}");
    assert_eq!(fill("a { b", &[]), "a { b");
    assert_eq!(placeholders("{b} {a} {b}"), vec!["a", "b"]);
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn dates_read_as_english_speakers_write_them() {
    speak(Lang::En);
    let day = d(2026, 12, 3);
    assert_eq!(format::date_full(day), "Thursday, December 3, 2026");
    assert_eq!(format::date_long(day), "December 3, 2026");
    assert_eq!(format::day_month(day), "December 3");
    assert_eq!(format::date_short(day), "Thu, Dec 3, 2026");
    assert_eq!(format::month_year(day), "December 2026");
    assert_eq!(format::month_short_year(day), "Dec ’26");
}

#[test]
fn dates_read_as_spanish_speakers_write_them() {
    speak(Lang::Es);
    let day = d(2026, 12, 3);
    assert_eq!(format::date_full(day), "jueves, 3 de diciembre de 2026");
    assert_eq!(format::date_long(day), "3 de diciembre de 2026");
    assert_eq!(format::day_month(day), "3 de diciembre");
    assert_eq!(format::date_short(day), "jue, 3 dic 2026");
    assert_eq!(format::month_year(day), "diciembre de 2026");
    assert_eq!(format::weekday(d(2026, 12, 6)), "domingo");
    speak(Lang::En);
}

#[test]
fn english_uses_a_twelve_hour_clock_and_spanish_a_twenty_four_hour_one() {
    let t = NaiveTime::from_hms_opt(15, 5, 0).unwrap();
    let morning = NaiveTime::from_hms_opt(0, 30, 0).unwrap();
    speak(Lang::En);
    assert_eq!(format::time(t), "3:05 PM");
    assert_eq!(format::time(morning), "12:30 AM");
    speak(Lang::Es);
    assert_eq!(format::time(t), "15:05");
    assert_eq!(format::time(morning), "00:30");
    speak(Lang::En);
}

#[test]
fn numbers_are_grouped_as_each_language_groups_them() {
    speak(Lang::En);
    assert_eq!(format::integer(1234), "1,234");
    assert_eq!(format::integer(-1234567), "-1,234,567");
    assert_eq!(format::integer(12), "12");
    speak(Lang::Es);
    assert_eq!(format::integer(1234), "1234");
    assert_eq!(format::integer(12345), "12\u{202f}345");
    speak(Lang::En);
}

#[test]
fn plurals_use_one_for_exactly_one_in_both_languages() {
    for lang in Lang::ALL {
        speak(lang);
        let one = trn(Key::CommonDays, 1, &[]);
        let five = trn(Key::CommonDays, 5, &[]);
        let zero = trn(Key::CommonDays, 0, &[]);
        match lang {
            Lang::En => {
                assert_eq!(one, "1 day");
                assert_eq!(five, "5 days");
                assert_eq!(zero, "0 days");
            }
            Lang::Es => {
                assert_eq!(one, "1 día");
                assert_eq!(five, "5 días");
                assert_eq!(zero, "0 días");
            }
        }
    }
    speak(Lang::En);
}
