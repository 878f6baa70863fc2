//! Every storage key Waymark uses, in one place.
//!
//! Nothing else in the crate builds a key string: a typo in a key is a lost
//! journal, so keys are made and read back only through these functions.
//!
//! Layout (all under the `wm:` prefix, so Waymark never touches other keys of
//! the same origin):
//!
//! | key                         | holds                                              |
//! |-----------------------------|----------------------------------------------------|
//! | `wm:schema`                 | the store-wide schema version (`"1"`)              |
//! | `wm:lock`                   | the passphrase lock's parameters, when it is on    |
//! | `wm:lang`                   | the language in use (`en`, `es`), in plain text    |
//! | `wm:<kind>:<id>`            | one collection record (an [`Envelope`])            |
//! | `wm:<kind>`                 | an index earlier builds kept; removed when found   |
//! | `wm:settings` `wm:guide` `wm:plan` `wm:med` | single documents                   |
//! | `wm:q:<original key>[#n]`   | a value set aside because it could not be read     |
//! | `wm:draft:<name>`           | an autosaved form draft (a plain string)           |
//!
//! Kind codes are one or two letters because a key is stored, and counted
//! against the quota, once per record.
//!
//! [`Envelope`]: crate::data::envelope::Envelope

/// The prefix of every Waymark key.
pub const PREFIX: &str = "wm:";

/// The key that holds the store-wide schema version.
pub const SCHEMA_KEY: &str = "wm:schema";

/// The passphrase lock's parameters (salt, iterations, check value), in
/// plain text; present only while the lock is on. See [`crate::data::vault`].
pub const LOCK_KEY: &str = "wm:lock";

/// The language in use (`"en"`, `"es"`), in plain text beside the settings
/// (which hold the same choice and carry it in backups): the boot script,
/// the static Help page and the lock screen need it before the settings can
/// be read (they are sealed while the lock is on). Not user data.
pub const LANG_KEY: &str = "wm:lang";

/// Written and removed once at start-up to learn whether storage works.
pub const PROBE_KEY: &str = "wm:probe";

/// The store-wide schema version this build writes and understands.
pub const SCHEMA_VERSION: u32 = 1;

/// Journal check-ins.
pub const JOURNAL: &str = "j";
/// Support-network contacts.
pub const CONTACT: &str = "c";
/// Appointments.
pub const APPOINTMENT: &str = "a";
/// Saved meetings.
pub const MEETING: &str = "m";
/// Meeting attendance.
pub const ATTENDANCE: &str = "ma";
/// People, places and situations inventory.
pub const PLACE: &str = "p";
/// Coping toolbox ideas.
pub const COPING: &str = "cp";
/// Exercise log.
pub const EXERCISE: &str = "x";
/// Dose log.
pub const DOSE: &str = "d";
/// Withdrawal (SOWS) ratings.
pub const SOWS: &str = "s";
/// Urge-surfing sessions.
pub const URGE: &str = "u";

/// Every collection kind code. A key `wm:<code>:<id>` with a code not in this
/// list is left alone (it may come from a newer version of the app).
pub const COLLECTION_KINDS: &[&str] = &[
    JOURNAL,
    CONTACT,
    APPOINTMENT,
    MEETING,
    ATTENDANCE,
    PLACE,
    COPING,
    EXERCISE,
    DOSE,
    SOWS,
    URGE,
];

/// App settings.
pub const SETTINGS: &str = "settings";
/// Progress through the ten guide steps.
pub const GUIDE: &str = "guide";
/// The relapse-prevention plan's own fields.
pub const PLAN: &str = "plan";
/// The current medication.
pub const MED: &str = "med";

/// Every single-document name.
pub const DOCUMENT_NAMES: &[&str] = &[SETTINGS, GUIDE, PLAN, MED];

/// Second segment of a quarantine key.
const QUARANTINE_SEGMENT: &str = "q";
/// Second segment of a draft key.
const DRAFT_SEGMENT: &str = "draft";
/// Separator before the number of a second, third... quarantined copy.
const QUARANTINE_SUFFIX: char = '#';

/// Key of one collection record, e.g. `wm:j:0mmhk2x4q3f9z`.
pub fn record_key(kind: &str, id: &str) -> String {
    format!("{PREFIX}{kind}:{id}")
}

/// Key of the collection index earlier builds kept, e.g. `wm:j`. This build
/// never writes it; loading a collection removes it (see
/// [`crate::data::collection::remove_legacy_index`]).
pub fn legacy_index_key(kind: &str) -> String {
    format!("{PREFIX}{kind}")
}

/// Key of a single document, e.g. `wm:settings`.
pub fn doc_key(name: &str) -> String {
    format!("{PREFIX}{name}")
}

/// Key under which the value of `original` is set aside. `n` is 1 for the
/// first copy; later copies get `#2`, `#3`... so nothing set aside is ever
/// overwritten.
pub fn quarantine_key(original: &str, n: u32) -> String {
    if n <= 1 {
        format!("{PREFIX}{QUARANTINE_SEGMENT}:{original}")
    } else {
        format!("{PREFIX}{QUARANTINE_SEGMENT}:{original}{QUARANTINE_SUFFIX}{n}")
    }
}

/// Key of an autosaved draft, e.g. `wm:draft:checkin`.
pub fn draft_key(name: &str) -> String {
    format!("{PREFIX}{DRAFT_SEGMENT}:{name}")
}

/// What a key is, read back from its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyClass<'a> {
    /// `wm:schema`.
    Schema,
    /// The collection index earlier builds kept, `wm:<kind>`.
    LegacyIndex { kind: &'a str },
    /// A collection record, `wm:<kind>:<id>`.
    Record { kind: &'a str, id: &'a str },
    /// A single document, `wm:<name>`.
    Doc { name: &'a str },
    /// A value set aside; `original` is the key it came from (best effort:
    /// a `#n` suffix is removed).
    Quarantine { original: &'a str },
    /// An autosaved draft.
    Draft { name: &'a str },
    /// Starts with `wm:` but is not a key this build knows (perhaps written by
    /// a newer version). Left untouched, except by "delete everything".
    UnknownWaymark,
    /// Not a Waymark key at all.
    Foreign,
}

/// Reads what a key is from its text.
pub fn classify(key: &str) -> KeyClass<'_> {
    let Some(rest) = key.strip_prefix(PREFIX) else {
        return KeyClass::Foreign;
    };
    if key == SCHEMA_KEY {
        return KeyClass::Schema;
    }
    match rest.split_once(':') {
        None => {
            if let Some(name) = DOCUMENT_NAMES.iter().find(|n| **n == rest) {
                KeyClass::Doc { name }
            } else if let Some(kind) = COLLECTION_KINDS.iter().find(|k| **k == rest) {
                KeyClass::LegacyIndex { kind }
            } else {
                KeyClass::UnknownWaymark
            }
        }
        Some((QUARANTINE_SEGMENT, original)) => KeyClass::Quarantine {
            original: strip_copy_number(original),
        },
        Some((DRAFT_SEGMENT, name)) => KeyClass::Draft { name },
        Some((segment, id)) => match COLLECTION_KINDS.iter().find(|k| **k == segment) {
            Some(kind) if !id.is_empty() => KeyClass::Record { kind, id },
            _ => KeyClass::UnknownWaymark,
        },
    }
}

/// `wm:j:abc#2` → `wm:j:abc`. Ids never contain `#`, so this is unambiguous
/// for every key this build writes.
fn strip_copy_number(original: &str) -> &str {
    match original.rsplit_once(QUARANTINE_SUFFIX) {
        Some((base, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => base,
        _ => original,
    }
}

/// True for any key Waymark owns.
pub fn is_waymark_key(key: &str) -> bool {
    key.starts_with(PREFIX)
}

/// True when `kind` is a known collection kind code.
pub fn is_collection_kind(kind: &str) -> bool {
    COLLECTION_KINDS.contains(&kind)
}

/// True when `name` is a known document name.
pub fn is_document_name(name: &str) -> bool {
    DOCUMENT_NAMES.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_index_and_document_keys_read_back_as_what_they_are() {
        assert_eq!(record_key(JOURNAL, "abc"), "wm:j:abc");
        assert_eq!(
            classify(&record_key(JOURNAL, "abc")),
            KeyClass::Record {
                kind: "j",
                id: "abc"
            }
        );
        assert_eq!(
            classify(&legacy_index_key(ATTENDANCE)),
            KeyClass::LegacyIndex { kind: "ma" }
        );
        assert_eq!(
            classify(&doc_key(SETTINGS)),
            KeyClass::Doc { name: "settings" }
        );
        assert_eq!(classify(SCHEMA_KEY), KeyClass::Schema);
        assert_eq!(
            classify(&draft_key("checkin")),
            KeyClass::Draft { name: "checkin" }
        );
    }

    #[test]
    fn quarantine_keys_remember_the_original_key_even_for_later_copies() {
        let k = record_key(COPING, "id1");
        assert_eq!(quarantine_key(&k, 1), "wm:q:wm:cp:id1");
        assert_eq!(quarantine_key(&k, 3), "wm:q:wm:cp:id1#3");
        assert_eq!(
            classify(&quarantine_key(&k, 1)),
            KeyClass::Quarantine {
                original: "wm:cp:id1"
            }
        );
        assert_eq!(
            classify(&quarantine_key(&k, 12)),
            KeyClass::Quarantine {
                original: "wm:cp:id1"
            }
        );
    }

    #[test]
    fn keys_from_other_apps_or_newer_versions_are_not_mistaken_for_records() {
        assert_eq!(classify("theme"), KeyClass::Foreign);
        assert_eq!(classify("wm:zz:1"), KeyClass::UnknownWaymark);
        assert_eq!(classify("wm:newdoc"), KeyClass::UnknownWaymark);
        assert_eq!(classify("wm:j:"), KeyClass::UnknownWaymark);
    }

    #[test]
    fn kind_codes_document_names_and_reserved_segments_never_collide() {
        let mut all: Vec<&str> = COLLECTION_KINDS.to_vec();
        all.extend_from_slice(DOCUMENT_NAMES);
        all.extend_from_slice(&[QUARANTINE_SEGMENT, DRAFT_SEGMENT, "schema"]);
        let mut sorted = all.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), all.len(), "duplicate key segment in {all:?}");
        assert!(all.iter().all(|s| !s.contains(':')));
    }
}
