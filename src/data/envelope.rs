//! The versioned envelope around every stored value, and the pure functions
//! that read one back (restore) and bring old shapes up to date (migrate).
//!
//! Stored form: `{"v":<version of T>,"r":<revision>,"t":<updated ms>,"x":<T>}`.
//! `v` lets a newer build migrate an old record, and lets an older build see
//! that a record is too new for it and leave it alone. `r` lets a tab notice
//! that another tab wrote the record since it was loaded. `t` decides which
//! copy is newer when a backup is imported.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::store::StoreError;

/// A stored value with its version, revision and last-write time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// Schema version of `T` the value was written with.
    #[serde(rename = "v")]
    pub version: u32,
    /// Write counter: 1 on first save, +1 on every later save.
    #[serde(rename = "r")]
    pub rev: u64,
    /// When the value was last written, in milliseconds since 1970.
    #[serde(rename = "t")]
    pub updated_ms: i64,
    /// The value itself.
    #[serde(rename = "x")]
    pub value: T,
}

impl<T: Persisted> Envelope<T> {
    /// A new envelope at the current version of `T`.
    pub fn new(value: T, rev: u64, updated_ms: i64) -> Self {
        Self {
            version: T::VERSION,
            rev,
            updated_ms,
            value,
        }
    }

    /// The stored text of this envelope.
    pub fn encode(&self) -> Result<String, StoreError> {
        serde_json::to_string(self).map_err(|e| StoreError::Other(format!("could not encode: {e}")))
    }

    /// This envelope as a JSON value (for a backup file).
    pub fn to_json(&self) -> Result<Value, StoreError> {
        serde_json::to_value(self).map_err(|e| StoreError::Other(format!("could not encode: {e}")))
    }
}

/// A type Waymark stores. Implemented in [`crate::data::kinds`] for every
/// domain type.
pub trait Persisted: Serialize + DeserializeOwned + Clone {
    /// Kind code (collections) or document name, from [`crate::data::keys`].
    const KIND: &'static str;
    /// The version of `T`'s stored shape this build writes. Raise it when
    /// the shape changes in a way serde defaults cannot absorb, and teach
    /// [`Persisted::migrate`] the old shape.
    const VERSION: u32;

    /// Turns the stored `x` of a value written at `from_version` into the
    /// shape of [`Persisted::VERSION`]. Pure, so it is tested against old
    /// fixture files. The default accepts the current version only.
    fn migrate(from_version: u32, x: Value) -> Result<Value, String> {
        if from_version == Self::VERSION {
            Ok(x)
        } else {
            Err(format!("no migration from version {from_version}"))
        }
    }

    /// Checks a value read from storage or a backup file. A value that fails
    /// is set aside rather than shown half-broken.
    fn check_stored(&self) -> Result<(), String> {
        Ok(())
    }
}

/// A record in a collection (many per kind, each with its own id).
pub trait Record: Persisted {
    fn id(&self) -> &str;
    /// Used to save a conflicting version as a copy under a new id.
    fn set_id(&mut self, id: String);
}

/// A single document (one per kind), created from `Default` when missing.
pub trait Document: Persisted + Default {
    /// When an import replaces this document with a different one, keep the
    /// replaced version set aside (in quarantine) so nothing the user wrote is
    /// lost. Documents whose [`Document::merge`] already keeps everything turn
    /// this off.
    const SET_ASIDE_REPLACED: bool = true;

    /// Combines the stored document with one from a backup file. The default
    /// keeps the newer one (by `t`; the stored one on a tie).
    fn merge(current: &Envelope<Self>, incoming: &Envelope<Self>) -> Self {
        if incoming.updated_ms > current.updated_ms {
            incoming.value.clone()
        } else {
            current.value.clone()
        }
    }
}

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    /// Not JSON, not an envelope, not a valid `T`: it is set aside.
    Corrupt(String),
    /// Written by a newer version of Waymark (its `v` is higher than this
    /// build knows). It is left exactly where it is: never set aside, never
    /// overwritten.
    FromNewerVersion(u32),
}

impl std::fmt::Display for RestoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RestoreError::Corrupt(reason) => write!(f, "could not be read: {reason}"),
            RestoreError::FromNewerVersion(v) => {
                write!(f, "was saved by a newer version of Waymark (format {v})")
            }
        }
    }
}

/// Reads a stored value: parse, check the version, migrate, check the value.
pub fn restore<T: Persisted>(raw: &str) -> Result<Envelope<T>, RestoreError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| RestoreError::Corrupt(format!("not JSON ({e})")))?;
    restore_value(value)
}

/// [`restore`] for a value already parsed (from a backup file).
pub fn restore_value<T: Persisted>(value: Value) -> Result<Envelope<T>, RestoreError> {
    let Value::Object(mut map) = value else {
        return Err(RestoreError::Corrupt("not an object".into()));
    };
    let version = map
        .get("v")
        .and_then(Value::as_u64)
        .ok_or_else(|| RestoreError::Corrupt("no version".into()))?;
    let version = u32::try_from(version).map_err(|_| RestoreError::FromNewerVersion(u32::MAX))?;
    if version > T::VERSION {
        return Err(RestoreError::FromNewerVersion(version));
    }
    if version == 0 {
        return Err(RestoreError::Corrupt("version 0".into()));
    }
    let rev = map
        .get("r")
        .and_then(Value::as_u64)
        .ok_or_else(|| RestoreError::Corrupt("no revision".into()))?;
    let updated_ms = map
        .get("t")
        .and_then(Value::as_i64)
        .ok_or_else(|| RestoreError::Corrupt("no time".into()))?;
    let x = map
        .remove("x")
        .ok_or_else(|| RestoreError::Corrupt("no value".into()))?;
    let x = T::migrate(version, x).map_err(RestoreError::Corrupt)?;
    let value: T = serde_json::from_value(x)
        .map_err(|e| RestoreError::Corrupt(format!("wrong shape ({e})")))?;
    value.check_stored().map_err(RestoreError::Corrupt)?;
    Ok(Envelope {
        version: T::VERSION,
        rev,
        updated_ms,
        value,
    })
}

/// True when two values store as the same JSON (used to skip writes that
/// would change nothing, and to spot identical records on import).
pub(crate) fn same_json<T: Serialize>(a: &T, b: &T) -> bool {
    match (serde_json::to_string(a), serde_json::to_string(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A note type at version 2: version 1 stored the text under `"body"`
    /// and had no `tags`.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Note {
        text: String,
        #[serde(default)]
        tags: Vec<String>,
    }

    impl Persisted for Note {
        const KIND: &'static str = "note";
        const VERSION: u32 = 2;
        fn migrate(from: u32, mut x: Value) -> Result<Value, String> {
            match from {
                1 => {
                    let obj = x.as_object_mut().ok_or("not an object")?;
                    let body = obj.remove("body").ok_or("no body")?;
                    obj.insert("text".into(), body);
                    Ok(x)
                }
                2 => Ok(x),
                v => Err(format!("no migration from version {v}")),
            }
        }
        fn check_stored(&self) -> Result<(), String> {
            if self.text.is_empty() {
                Err("empty note".into())
            } else {
                Ok(())
            }
        }
    }

    #[test]
    fn a_current_version_value_restores_unchanged() {
        let env = Envelope::new(
            Note {
                text: "“quoted” 🌱 مرحبا".into(),
                tags: vec!["a".into()],
            },
            3,
            1_700_000_000_000,
        );
        let raw = env.encode().unwrap();
        assert_eq!(restore::<Note>(&raw), Ok(env));
    }

    #[test]
    fn an_older_shape_is_migrated_and_missing_fields_get_defaults() {
        let raw = r#"{"v":1,"r":4,"t":5,"x":{"body":"old note"}}"#;
        let env = restore::<Note>(raw).unwrap();
        assert_eq!(env.version, 2);
        assert_eq!(env.rev, 4);
        assert_eq!(env.value.text, "old note");
        assert!(env.value.tags.is_empty());
    }

    #[test]
    fn a_value_from_a_newer_version_is_reported_not_called_corrupt() {
        let raw = r#"{"v":3,"r":1,"t":5,"x":{"entirely":"different"}}"#;
        assert_eq!(restore::<Note>(raw), Err(RestoreError::FromNewerVersion(3)));
        let huge = r#"{"v":99999999999,"r":1,"t":5,"x":1}"#;
        assert!(matches!(
            restore::<Note>(huge),
            Err(RestoreError::FromNewerVersion(_))
        ));
    }

    #[test]
    fn broken_values_are_corrupt_with_a_reason() {
        for raw in [
            "",
            "{",
            "null",
            "[]",
            r#"{"r":1,"t":1,"x":{"text":"a"}}"#,
            r#"{"v":2,"t":1,"x":{"text":"a"}}"#,
            r#"{"v":2,"r":1,"x":{"text":"a"}}"#,
            r#"{"v":2,"r":1,"t":1}"#,
            r#"{"v":2,"r":1,"t":1,"x":{"text":5}}"#,
            r#"{"v":2,"r":1,"t":1,"x":{"text":""}}"#,
            r#"{"v":0,"r":1,"t":1,"x":{"text":"a"}}"#,
            r#"{"v":1,"r":1,"t":1,"x":{"text":"a"}}"#,
            r#"{"v":"2","r":1,"t":1,"x":{"text":"a"}}"#,
            r#"{"v":2,"r":-1,"t":1,"x":{"text":"a"}}"#,
        ] {
            assert!(
                matches!(restore::<Note>(raw), Err(RestoreError::Corrupt(_))),
                "{raw} should be corrupt"
            );
        }
    }
}
