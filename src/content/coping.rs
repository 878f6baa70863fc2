//! Coping ideas, milestone messages, urge surfing and HALT, from
//! `coping.json`.

use serde::Deserialize;

use super::load::{localized, parse, ContentError, PerLanguage};

const COPING_JSON: &str = include_str!("en/coping.json");

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CopingContent {
    /// Starter ideas for the coping toolbox; users add their own.
    pub ideas: Vec<CopingIdea>,
    /// Clean-time milestones, ascending by `days`.
    pub milestones: Vec<Milestone>,
    /// Shown under milestones: a lapse does not take them away.
    pub milestone_note: String,
    pub urge_surfing: UrgeSurfing,
    pub halt: Halt,
    /// Set only on the fallback, when `coping.json` failed to parse.
    #[serde(skip)]
    pub load_error: Option<ContentError>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CopingIdea {
    /// Stable slug; saved ratings are keyed by it.
    pub id: String,
    pub name: String,
    /// One short sentence on how to do it.
    pub how: String,
}

/// A milestone in the style of recovery key tags. `days` is the day count
/// used to reach it (months counted as 30 days, a year as 365).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: String,
    pub days: u32,
    pub label: String,
    pub message: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgeSurfing {
    pub title: String,
    pub intro: String,
    /// In order.
    pub steps: Vec<String>,
    /// How long urges usually last.
    pub note: String,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Halt {
    pub title: String,
    pub intro: String,
    /// Hungry, Angry, Lonely, Tired, in that order.
    pub items: Vec<HaltItem>,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HaltItem {
    /// "hungry", "angry", "lonely", "tired".
    pub id: String,
    pub letter: String,
    pub name: String,
    pub what_to_do: String,
}

impl CopingContent {
    pub fn parse(json: &str) -> Result<CopingContent, ContentError> {
        parse("coping.json", json)
    }

    /// The next milestone strictly after `days` clean days, if any is left.
    pub fn next_milestone(&self, days: u32) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.days > days)
    }

    /// Empty lists, for when `coping.json` cannot be read.
    fn fallback(error: ContentError) -> CopingContent {
        CopingContent {
            ideas: Vec::new(),
            milestones: Vec::new(),
            milestone_note: String::new(),
            urge_surfing: UrgeSurfing {
                title: "Urge surfing".to_string(),
                intro: "Breathe slowly. Most urges pass if you wait.".to_string(),
                steps: Vec::new(),
                note: String::new(),
                source: String::new(),
            },
            halt: Halt {
                title: "HALT".to_string(),
                intro: String::new(),
                items: Vec::new(),
                source: String::new(),
            },
            load_error: Some(error),
        }
    }
}

/// Coping content, parsed once. Never panics: a broken file gives empty
/// lists with `load_error` set.
pub fn coping() -> &'static CopingContent {
    thread_local! {
        static CACHE: PerLanguage<CopingContent> = Default::default();
    }
    localized(
        &CACHE,
        "coping",
        COPING_JSON,
        CopingContent::parse,
        CopingContent::fallback,
    )
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::content::readability::{analyse_pieces, analyse_pieces_spanish};

    fn parsed() -> CopingContent {
        CopingContent::parse(COPING_JSON).expect("coping.json parses")
    }

    #[test]
    fn the_coping_file_parses_without_falling_back() {
        parsed();
        assert!(coping().load_error.is_none());
    }

    #[test]
    fn the_starter_ideas_include_the_ones_the_guide_names() {
        let c = parsed();
        let ids: HashSet<&str> = c.ideas.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), c.ideas.len(), "repeated idea id");
        for id in [
            "yoga",
            "meditation",
            "slow-breathing",
            "reading",
            "painting",
            "dancing",
            "nature",
            "call-someone",
            "walk",
            "shower",
            "music",
        ] {
            assert!(ids.contains(id), "{id}");
        }
        assert!(c
            .ideas
            .iter()
            .all(|i| !i.name.is_empty() && !i.how.is_empty()));
    }

    #[test]
    fn milestones_ascend_and_follow_the_key_tags() {
        let c = parsed();
        let days: Vec<u32> = c.milestones.iter().map(|m| m.days).collect();
        assert!(days.windows(2).all(|w| w[0] < w[1]), "{days:?}");
        for d in [1, 30, 60, 90, 180, 270, 365] {
            assert!(days.contains(&d), "{d}");
        }
        assert_eq!(c.next_milestone(12).map(|m| m.days), Some(30));
        assert_eq!(c.next_milestone(0).map(|m| m.days), Some(1));
        assert!(c.milestone_note.contains("lapse"));
    }

    #[test]
    fn urge_surfing_walks_through_the_wave_and_cites_marlatt() {
        let u = parsed().urge_surfing;
        let text = u.steps.join(" ").to_lowercase();
        for word in ["notice", "name", "rise", "peak", "fall", "breathe"] {
            assert!(text.contains(word), "{word}");
        }
        assert!(u.note.contains("15 to 20 minutes"));
        assert!(u.source.contains("Marlatt"));
    }

    #[test]
    fn halt_is_hungry_angry_lonely_tired_each_with_something_to_do() {
        let h = parsed().halt;
        let ids: Vec<&str> = h.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["hungry", "angry", "lonely", "tired"]);
        let letters: String = h.items.iter().map(|i| i.letter.as_str()).collect();
        assert_eq!(letters, "HALT");
        assert!(h.items.iter().all(|i| !i.what_to_do.trim().is_empty()));
    }

    #[test]
    fn coping_text_is_easy_to_read() {
        let c = parsed();
        let pieces = c
            .ideas
            .iter()
            .map(|i| i.how.as_str())
            .chain(c.milestones.iter().map(|m| m.message.as_str()))
            .chain(c.urge_surfing.steps.iter().map(String::as_str))
            .chain(c.halt.items.iter().map(|i| i.what_to_do.as_str()));
        let grade = analyse_pieces(pieces).grade();
        println!("coping: Flesch-Kincaid grade {grade:.2}");
        assert!(grade <= 6.0, "{grade}");
    }

    #[test]
    fn the_spanish_twin_keeps_the_ids_and_days_and_says_it_in_spanish() {
        let (en, es) = (
            parsed(),
            CopingContent::parse(include_str!("es/coping.json")).expect("es/coping.json parses"),
        );
        let ideas = |c: &CopingContent| c.ideas.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        assert_eq!(ideas(&es), ideas(&en));
        let days = |c: &CopingContent| c.milestones.iter().map(|m| m.days).collect::<Vec<_>>();
        assert_eq!(days(&es), days(&en));
        assert!(es.milestone_note.contains("desliz"));
        assert!(es.urge_surfing.note.contains("15 a 20 minutos"));
        let steps = es.urge_surfing.steps.join(" ").to_lowercase();
        for word in ["fíjate", "nombre", "subir", "alto", "bajar", "respira"] {
            assert!(steps.contains(word), "{word}");
        }
        // HALT keeps its order; each letter is the start of its Spanish word.
        let ids: Vec<&str> = es.halt.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["hungry", "angry", "lonely", "tired"]);
        for item in &es.halt.items {
            assert!(item.name.starts_with(&item.letter), "{}", item.id);
            assert!(!item.what_to_do.trim().is_empty(), "{}", item.id);
        }
    }

    #[test]
    fn spanish_coping_text_is_easy_to_read() {
        let c =
            CopingContent::parse(include_str!("es/coping.json")).expect("es/coping.json parses");
        let pieces = c
            .ideas
            .iter()
            .map(|i| i.how.as_str())
            .chain(c.milestones.iter().map(|m| m.message.as_str()))
            .chain(c.urge_surfing.steps.iter().map(String::as_str))
            .chain(c.halt.items.iter().map(|i| i.what_to_do.as_str()));
        let score = analyse_pieces_spanish(pieces).fernandez_huerta();
        println!("coping (es): Fernández-Huerta {score:.2}");
        // The guide's bar for Spanish ("plain" is 60 to 70).
        assert!(score >= 65.0, "{score}");
    }

    #[test]
    fn a_broken_file_gives_empty_lists_with_an_error() {
        let c = CopingContent::fallback(CopingContent::parse("null").unwrap_err());
        assert!(c.ideas.is_empty());
        assert!(c.next_milestone(0).is_none());
        assert!(c.load_error.is_some());
    }
}
