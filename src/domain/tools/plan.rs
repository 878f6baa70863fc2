//! The relapse-prevention plan. Most of it is gathered from what the user
//! already wrote elsewhere (reasons, the places inventory, coping ideas,
//! contacts); only the parts with no other home live in [`PlanExtras`].
//! Assembling is pure, so the printed plan is always up to date.

use serde::{Deserialize, Serialize};

use super::contact::{crisis_order, Contact, Role};
use super::coping::{best_first, CopingIdea};
use super::place::PlaceItem;
use super::{finish, limit, FieldError, MAX_LONG_TEXT};
use crate::i18n::{tr, Key};
use crate::t;

/// The id of the single plan-extras record.
pub const PLAN_ID: &str = "plan";

/// Longest single line in a plan list.
const MAX_PLAN_LINE: usize = 500;

/// The parts of the plan the user writes on the plan screen itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanExtras {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "ws", default, skip_serializing_if = "Vec::is_empty")]
    pub warning_signs: Vec<String>,
    /// Feelings and thoughts that are triggers (triggers inside me).
    #[serde(rename = "it", default, skip_serializing_if = "Vec::is_empty")]
    pub inner_triggers: Vec<String>,
    /// What I do if a lapse happens.
    #[serde(rename = "al", default, skip_serializing_if = "Vec::is_empty")]
    pub after_lapse: Vec<String>,
    #[serde(rename = "no", default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

impl Default for PlanExtras {
    fn default() -> Self {
        Self {
            id: PLAN_ID.to_string(),
            warning_signs: Vec::new(),
            inner_triggers: Vec::new(),
            after_lapse: Vec::new(),
            notes: String::new(),
            updated_ms: 0,
        }
    }
}

impl PlanExtras {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        for (field, list) in [
            ("warning_signs", &self.warning_signs),
            ("inner_triggers", &self.inner_triggers),
            ("after_lapse", &self.after_lapse),
        ] {
            for line in list {
                limit(&mut errors, field, line, MAX_PLAN_LINE);
            }
        }
        limit(&mut errors, "notes", &self.notes, MAX_LONG_TEXT);
        finish(errors)
    }
}

/// Which section of the plan; stable, for anchors and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanSectionKind {
    Reasons,
    OuterTriggers,
    InnerTriggers,
    WarningSigns,
    Coping,
    Contacts,
    AfterLapse,
    CrisisLines,
}

/// One section of the assembled plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSection {
    pub kind: PlanSectionKind,
    pub title: &'static str,
    /// The lines to show. When the user has nothing here yet, one gentle
    /// prompt saying where to add it.
    pub items: Vec<String>,
    /// True when `items` holds only the prompt, so the UI can style it as a
    /// hint and leave it off a printout if wanted.
    pub is_prompt: bool,
    /// Where the user fills this section in.
    pub edit_href: &'static str,
}

/// The whole plan, sections in their fixed order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub sections: Vec<PlanSection>,
}

impl Plan {
    /// The section of a kind (every kind is always present).
    pub fn section(&self, kind: PlanSectionKind) -> Option<&PlanSection> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// Plain text for copying or sharing: a title line per section, then
    /// one "- " line per item. Prompts are left out.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for s in &self.sections {
            out.push_str(s.title);
            out.push('\n');
            if !s.is_prompt {
                for item in &s.items {
                    out.push_str("- ");
                    out.push_str(item);
                    out.push('\n');
                }
            }
            out.push('\n');
        }
        out
    }
}

fn section(
    kind: PlanSectionKind,
    title: Key,
    items: Vec<String>,
    prompt: Key,
    edit_href: &'static str,
) -> PlanSection {
    let is_prompt = items.is_empty();
    PlanSection {
        kind,
        title: tr(title),
        items: if is_prompt {
            vec![tr(prompt).to_string()]
        } else {
            items
        },
        is_prompt,
        edit_href,
    }
}

/// Trimmed, non-blank lines.
fn lines(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn risk_line(item: &PlaceItem) -> String {
    let name = item.name.trim();
    let mut line = match item.plan {
        Some(plan) => format!("{name}: {}", plan.sentence()),
        None => t!(Key::PlanRiskNoPlan, name = name),
    };
    let note = item.plan_note.trim();
    if !note.is_empty() {
        line.push(' ');
        line.push_str(note);
    }
    line
}

fn coping_line(idea: &CopingIdea) -> String {
    let name = idea.name.trim();
    let how = idea.how.trim();
    if how.is_empty() {
        name.to_string()
    } else {
        format!("{name}: {how}")
    }
}

fn contact_line(c: &Contact) -> String {
    let who = if c.role == Role::Other || c.name.trim().is_empty() {
        c.display_name().to_string()
    } else {
        format!("{} ({})", c.name.trim(), c.role.label().to_lowercase())
    };
    let phone = c.phone.trim();
    if phone.is_empty() {
        t!(Key::PlanContactNoNumber, who = who)
    } else {
        format!("{who}: {phone}")
    }
}

/// Builds the plan from the user's own records, in the order of a common
/// relapse-prevention worksheet, with titles and prompts in the current
/// language. `helplines` are `(name, number)` for the
/// user's region.
pub fn assemble_plan(
    reasons: &[String],
    places: &[PlaceItem],
    extras: &PlanExtras,
    coping: &[CopingIdea],
    contacts: &[Contact],
    helplines: &[(String, String)],
) -> Plan {
    use PlanSectionKind as K;

    let risks: Vec<String> = places
        .iter()
        .filter(|p| p.is_risky() && !p.name.trim().is_empty())
        .map(risk_line)
        .collect();
    let coping_lines: Vec<String> = best_first(coping)
        .into_iter()
        .filter(|c| !c.name.trim().is_empty())
        .map(coping_line)
        .collect();
    let contact_lines: Vec<String> = crisis_order(contacts)
        .into_iter()
        .filter(|c| !c.name.trim().is_empty() || !c.phone.trim().is_empty())
        .map(contact_line)
        .collect();
    let crisis: Vec<String> = helplines
        .iter()
        .filter(|(name, number)| !name.trim().is_empty() && !number.trim().is_empty())
        .map(|(name, number)| format!("{}: {}", name.trim(), number.trim()))
        .collect();

    Plan {
        sections: vec![
            section(
                K::Reasons,
                Key::PlanTitleReasons,
                lines(reasons),
                Key::PlanPromptReasons,
                "/guide/1",
            ),
            section(
                K::OuterTriggers,
                Key::PlanTitleOuter,
                risks,
                Key::PlanPromptOuter,
                "/tools/places",
            ),
            section(
                K::InnerTriggers,
                Key::PlanTitleInner,
                lines(&extras.inner_triggers),
                Key::PlanPromptInner,
                "/tools/plan",
            ),
            section(
                K::WarningSigns,
                Key::PlanTitleWarning,
                lines(&extras.warning_signs),
                Key::PlanPromptWarning,
                "/tools/plan",
            ),
            section(
                K::Coping,
                Key::PlanTitleCoping,
                coping_lines,
                Key::PlanPromptCoping,
                "/tools/coping",
            ),
            section(
                K::Contacts,
                Key::PlanTitleContacts,
                contact_lines,
                Key::PlanPromptContacts,
                "/tools/people",
            ),
            section(
                K::AfterLapse,
                Key::PlanTitleAfterLapse,
                lines(&extras.after_lapse),
                Key::PlanPromptAfterLapse,
                "/tools/plan",
            ),
            section(
                K::CrisisLines,
                Key::PlanTitleCrisis,
                crisis,
                Key::PlanPromptCrisis,
                "/settings",
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tools::place::{RiskPlan, SafetyRating};

    fn s(v: &str) -> String {
        v.to_string()
    }

    fn empty_plan() -> Plan {
        assemble_plan(&[], &[], &PlanExtras::default(), &[], &[], &[])
    }

    #[test]
    fn an_empty_plan_has_every_section_with_a_gentle_prompt() {
        let plan = empty_plan();
        assert_eq!(plan.sections.len(), 8);
        for sec in &plan.sections {
            assert!(sec.is_prompt, "{:?}", sec.kind);
            assert_eq!(sec.items.len(), 1);
            assert!(!sec.items[0].is_empty());
        }
        assert_eq!(
            plan.section(PlanSectionKind::Reasons).unwrap().items,
            vec!["Add your reasons in Step 1."]
        );
    }

    #[test]
    fn the_sections_come_in_worksheet_order() {
        let titles: Vec<&str> = empty_plan().sections.iter().map(|s| s.title).collect();
        assert_eq!(
            titles,
            [
                "My reasons",
                "People, places and things that put me at risk",
                "Feelings and thoughts that are triggers",
                "Early warning signs",
                "What I do instead",
                "People I can call",
                "If I have a lapse",
                "Crisis lines",
            ]
        );
    }

    #[test]
    fn blank_lines_count_as_empty() {
        let plan = assemble_plan(
            &[s("  "), s("")],
            &[],
            &PlanExtras::default(),
            &[],
            &[],
            &[],
        );
        assert!(plan.section(PlanSectionKind::Reasons).unwrap().is_prompt);
    }

    #[test]
    fn a_plan_is_assembled_from_the_users_own_records() {
        let places = vec![
            PlaceItem {
                id: "p1".into(),
                name: "Jay".into(),
                rating: SafetyRating::Risky,
                plan: Some(RiskPlan::Avoid),
                plan_note: "Blocked his number.".into(),
                ..PlaceItem::default()
            },
            PlaceItem {
                id: "p2".into(),
                name: "The gym".into(),
                rating: SafetyRating::Supportive,
                ..PlaceItem::default()
            },
        ];
        let extras = PlanExtras {
            warning_signs: vec![s("Not sleeping")],
            inner_triggers: vec![s(" Boredom ")],
            after_lapse: vec![s("Tell my counsellor the same day")],
            ..PlanExtras::default()
        };
        let coping = vec![
            CopingIdea {
                id: "c1".into(),
                name: "Walk".into(),
                rating: Some(3),
                ..CopingIdea::default()
            },
            CopingIdea {
                id: "c2".into(),
                name: "Call Sam".into(),
                how: "Even just to talk about nothing".into(),
                rating: Some(5),
                ..CopingIdea::default()
            },
        ];
        let contacts = vec![
            Contact {
                id: "k1".into(),
                name: "Ana".into(),
                role: Role::Friend,
                ..Contact::default()
            },
            Contact {
                id: "k2".into(),
                name: "Sam".into(),
                role: Role::Sponsor,
                phone: "555 0100".into(),
                emergency: true,
                ..Contact::default()
            },
        ];
        let lines = [(s("988 Suicide & Crisis Lifeline"), s("988"))];
        let plan = assemble_plan(
            &[s("My daughter")],
            &places,
            &extras,
            &coping,
            &contacts,
            &lines,
        );
        let items = |k| plan.section(k).unwrap().items.clone();

        assert_eq!(items(PlanSectionKind::Reasons), ["My daughter"]);
        assert_eq!(
            items(PlanSectionKind::OuterTriggers),
            ["Jay: I stay away. Blocked his number."]
        );
        assert_eq!(items(PlanSectionKind::InnerTriggers), ["Boredom"]);
        assert_eq!(items(PlanSectionKind::WarningSigns), ["Not sleeping"]);
        assert_eq!(
            items(PlanSectionKind::Coping),
            ["Call Sam: Even just to talk about nothing", "Walk"]
        );
        assert_eq!(
            items(PlanSectionKind::Contacts),
            [
                "Sam (sponsor): 555 0100",
                "Ana (friend): no number saved yet"
            ]
        );
        assert_eq!(
            items(PlanSectionKind::AfterLapse),
            ["Tell my counsellor the same day"]
        );
        assert_eq!(
            items(PlanSectionKind::CrisisLines),
            ["988 Suicide & Crisis Lifeline: 988"]
        );
        assert!(plan.sections.iter().all(|s| !s.is_prompt));
    }

    #[test]
    fn plain_text_leaves_prompts_out() {
        let plan = assemble_plan(&[s("Freedom")], &[], &PlanExtras::default(), &[], &[], &[]);
        let text = plan.to_text();
        assert!(text.starts_with("My reasons\n- Freedom\n\n"));
        assert!(!text.contains("Add ideas"));
        assert!(text.contains("Crisis lines\n"));
    }

    #[test]
    fn plan_extras_use_the_fixed_id_and_skip_empty_lists() {
        let json = serde_json::to_string(&PlanExtras::default()).unwrap();
        assert_eq!(json, r#"{"i":"plan","u":0}"#);
        let back: PlanExtras = serde_json::from_str(&json).unwrap();
        assert_eq!(back, PlanExtras::default());
    }
}
