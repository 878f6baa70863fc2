//! The people, places and situations inventory: which ones support the
//! user's recovery, which are risky, and the plan for each risky one. Risky
//! items are offered as triggers in the daily check-in.

use serde::{Deserialize, Serialize};

use super::{finish, limit, require, FieldError, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::i18n::{tr, Key};

/// What kind of thing an inventory item is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Person,
    #[default]
    Place,
    Situation,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 3] = [PlaceKind::Person, PlaceKind::Place, PlaceKind::Situation];

    pub fn label(self) -> &'static str {
        tr(match self {
            PlaceKind::Person => Key::PlacesKindPerson,
            PlaceKind::Place => Key::PlacesKindPlace,
            PlaceKind::Situation => Key::PlacesKindSituation,
        })
    }
}

/// How an item affects the user's recovery.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SafetyRating {
    Supportive,
    #[default]
    Neutral,
    Risky,
}

impl SafetyRating {
    pub const ALL: [SafetyRating; 3] = [
        SafetyRating::Supportive,
        SafetyRating::Neutral,
        SafetyRating::Risky,
    ];

    pub fn label(self) -> &'static str {
        tr(match self {
            SafetyRating::Supportive => Key::PlacesRatingSupportive,
            SafetyRating::Neutral => Key::PlacesRatingNeutral,
            SafetyRating::Risky => Key::PlacesRatingRisky,
        })
    }
}

/// What the user will do about a risky item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskPlan {
    Avoid,
    Leave,
    Cope,
    Call,
}

impl RiskPlan {
    pub const ALL: [RiskPlan; 4] = [
        RiskPlan::Avoid,
        RiskPlan::Leave,
        RiskPlan::Cope,
        RiskPlan::Call,
    ];

    /// A short label for a picker.
    pub fn label(self) -> &'static str {
        tr(match self {
            RiskPlan::Avoid => Key::PlacesPlanAvoid,
            RiskPlan::Leave => Key::PlacesPlanLeave,
            RiskPlan::Cope => Key::PlacesPlanCope,
            RiskPlan::Call => Key::PlacesPlanCall,
        })
    }

    /// The plan as a first-person sentence for the printed plan.
    pub fn sentence(self) -> &'static str {
        tr(match self {
            RiskPlan::Avoid => Key::PlacesSentenceAvoid,
            RiskPlan::Leave => Key::PlacesSentenceLeave,
            RiskPlan::Cope => Key::PlacesSentenceCope,
            RiskPlan::Call => Key::PlacesSentenceCall,
        })
    }
}

/// One person, place or situation in the inventory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceItem {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "k", default)]
    pub kind: PlaceKind,
    #[serde(rename = "n", default)]
    pub name: String,
    #[serde(rename = "r", default)]
    pub rating: SafetyRating,
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<RiskPlan>,
    #[serde(rename = "pn", default, skip_serializing_if = "String::is_empty")]
    pub plan_note: String,
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

impl PlaceItem {
    pub fn is_risky(&self) -> bool {
        self.rating == SafetyRating::Risky
    }

    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        require(&mut errors, "name", &self.name, Key::PlacesNameRequired);
        limit(&mut errors, "name", &self.name, MAX_SHORT_TEXT);
        if self.is_risky() && self.plan.is_none() {
            errors.push(FieldError::new("plan", tr(Key::PlacesPlanRequired)));
        }
        limit(&mut errors, "plan_note", &self.plan_note, MAX_LONG_TEXT);
        finish(errors)
    }
}

/// Names of risky items, trimmed, without blanks or repeats (ignoring case),
/// in inventory order: the extra trigger choices in the check-in.
pub fn risky_trigger_names(items: &[PlaceItem]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for item in items.iter().filter(|i| i.is_risky()) {
        let name = item.name.trim();
        let folded = name.to_lowercase();
        if name.is_empty() || seen.contains(&folded) {
            continue;
        }
        seen.push(folded);
        out.push(name.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(name: &str, rating: SafetyRating, plan: Option<RiskPlan>) -> PlaceItem {
        PlaceItem {
            id: name.into(),
            name: name.into(),
            rating,
            plan,
            ..PlaceItem::default()
        }
    }

    #[test]
    fn a_risky_item_needs_a_plan() {
        let errs = item("Old flat", SafetyRating::Risky, None)
            .validate()
            .unwrap_err();
        assert_eq!(errs[0].field, "plan");
        assert!(item("Old flat", SafetyRating::Risky, Some(RiskPlan::Avoid))
            .validate()
            .is_ok());
    }

    #[test]
    fn a_supportive_item_needs_no_plan() {
        assert!(item("Gym", SafetyRating::Supportive, None)
            .validate()
            .is_ok());
    }

    #[test]
    fn only_risky_items_become_trigger_choices_once_each() {
        let items = [
            item("Gym", SafetyRating::Supportive, None),
            item(" Payday ", SafetyRating::Risky, Some(RiskPlan::Call)),
            item("Neutral cafe", SafetyRating::Neutral, None),
            item("payday", SafetyRating::Risky, Some(RiskPlan::Cope)),
            item("  ", SafetyRating::Risky, Some(RiskPlan::Cope)),
            item("Jay", SafetyRating::Risky, Some(RiskPlan::Avoid)),
        ];
        assert_eq!(risky_trigger_names(&items), vec!["Payday", "Jay"]);
    }

    #[test]
    fn place_item_json_is_short_and_round_trips() {
        let mut p = item("Jay", SafetyRating::Risky, Some(RiskPlan::Avoid));
        p.kind = PlaceKind::Person;
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"i":"Jay","k":"person","n":"Jay","r":"risky","p":"avoid","u":0}"#
        );
        assert_eq!(serde_json::from_str::<PlaceItem>(&json).unwrap(), p);
    }
}
