//! Treatment records: the current medication and a log of doses. The app
//! records what the clinician set, in their words; it never suggests,
//! calculates or changes a dose.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::serde_util::is_false;
use super::{finish, limit, FieldError, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::i18n::{tr, Key};

/// The id of the single current-medication record.
pub const MEDICATION_ID: &str = "medication";

/// Which medication for opioid use disorder (or other) the user takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MedicationKind {
    Methadone,
    Buprenorphine,
    #[default]
    #[serde(other)]
    Other,
}

impl MedicationKind {
    pub const ALL: [MedicationKind; 3] = [
        MedicationKind::Methadone,
        MedicationKind::Buprenorphine,
        MedicationKind::Other,
    ];

    pub fn label(self) -> &'static str {
        tr(match self {
            MedicationKind::Methadone => Key::TreatmentKindMethadone,
            MedicationKind::Buprenorphine => Key::TreatmentKindBuprenorphine,
            MedicationKind::Other => Key::TreatmentKindOther,
        })
    }
}

/// The user's current medication (one record, id [`MEDICATION_ID`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Medication {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "k", default)]
    pub kind: MedicationKind,
    /// The product name as on the label, e.g. a brand name.
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(rename = "pr", default, skip_serializing_if = "String::is_empty")]
    pub prescriber: String,
    #[serde(rename = "no", default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

impl Default for Medication {
    fn default() -> Self {
        Self {
            id: MEDICATION_ID.to_string(),
            kind: MedicationKind::default(),
            name: String::new(),
            prescriber: String::new(),
            notes: String::new(),
            updated_ms: 0,
        }
    }
}

impl Medication {
    /// What to call it on screen: the name if given, else the kind.
    pub fn display_name(&self) -> &str {
        let n = self.name.trim();
        if n.is_empty() {
            self.kind.label()
        } else {
            n
        }
    }

    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.kind == MedicationKind::Other && self.name.trim().is_empty() {
            errors.push(FieldError::new("name", tr(Key::TreatmentNameRequired)));
        }
        limit(&mut errors, "name", &self.name, MAX_SHORT_TEXT);
        limit(&mut errors, "prescriber", &self.prescriber, MAX_SHORT_TEXT);
        limit(&mut errors, "notes", &self.notes, MAX_LONG_TEXT);
        finish(errors)
    }
}

/// One day's dose, as the clinician set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoseLog {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "d", with = "crate::domain::iso::date")]
    pub date: NaiveDate,
    /// Free text exactly as prescribed, like "60 mg"; never parsed.
    #[serde(rename = "a", default, skip_serializing_if = "String::is_empty")]
    pub amount: String,
    #[serde(rename = "t", default, skip_serializing_if = "is_false")]
    pub taken: bool,
    #[serde(rename = "no", default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

impl DoseLog {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        limit(&mut errors, "amount", &self.amount, 60);
        limit(&mut errors, "notes", &self.notes, MAX_LONG_TEXT);
        finish(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_medicine_needs_its_name() {
        let mut m = Medication::default();
        assert_eq!(m.id, MEDICATION_ID);
        assert_eq!(m.validate().unwrap_err()[0].field, "name");
        m.kind = MedicationKind::Buprenorphine;
        assert!(m.validate().is_ok());
        assert_eq!(m.display_name(), "Buprenorphine");
    }

    #[test]
    fn a_dose_amount_is_kept_exactly_as_written() {
        let dose = DoseLog {
            id: "d1".into(),
            date: NaiveDate::from_ymd_opt(2025, 5, 1).unwrap(),
            amount: "60 mg (split, 40 + 20)".into(),
            taken: true,
            notes: String::new(),
            updated_ms: 1,
        };
        let json = serde_json::to_string(&dose).unwrap();
        assert_eq!(
            json,
            r#"{"i":"d1","d":"2025-05-01","a":"60 mg (split, 40 + 20)","t":true,"u":1}"#
        );
        assert_eq!(serde_json::from_str::<DoseLog>(&json).unwrap(), dose);
        assert!(dose.validate().is_ok());
    }

    #[test]
    fn a_missed_dose_loads_as_not_taken() {
        let dose: DoseLog = serde_json::from_str(r#"{"i":"d1","d":"2025-05-01"}"#).unwrap();
        assert!(!dose.taken);
    }

    #[test]
    fn an_unknown_medication_kind_loads_as_other() {
        let m: Medication =
            serde_json::from_str(r#"{"i":"medication","k":"naltrexone","n":"X"}"#).unwrap();
        assert_eq!(m.kind, MedicationKind::Other);
    }
}
