//! The ten-step recovery guide, from `guide.json`.

use serde::Deserialize;

use super::load::{localized, parse, ContentError, PerLanguage};
use super::tool::ToolId;
use crate::i18n::{tr, Key};

const GUIDE_JSON: &str = include_str!("en/guide.json");

/// The whole guide: introduction, ten steps and the key takeaway.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub intro: Intro,
    pub steps: Vec<Step>,
    pub takeaway: Takeaway,
    /// Set only on the fallback guide, when `guide.json` failed to parse.
    #[serde(skip)]
    pub load_error: Option<ContentError>,
}

/// The short introduction shown before the steps.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intro {
    pub title: String,
    pub sections: Vec<IntroSection>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntroSection {
    /// Stable id, usable as an anchor ("brain", "scale", "how").
    pub id: String,
    pub title: String,
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub facts: Vec<Fact>,
}

/// One of the ten steps.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// 1 to 10; also the address `/guide/{n}`.
    pub n: u8,
    pub title: String,
    /// One line for lists and the home screen.
    pub short: String,
    /// What the step means, in a few short paragraphs.
    pub meaning: Vec<String>,
    /// Why it matters.
    pub why: Vec<String>,
    /// Things to tick off; ids are stable so saved progress survives edits.
    pub actions: Vec<Action>,
    /// Questions to write about in the journal.
    pub reflections: Vec<Reflection>,
    /// Tool screens this step links to.
    pub tools: Vec<ToolId>,
    /// Every factual claim the step makes, with where it comes from.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// A safety note shown above the actions (steps 3 and 10).
    #[serde(default)]
    pub warning: Option<Warning>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Slug, unique within the step. Progress is stored against it.
    pub id: String,
    pub text: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reflection {
    /// Slug, unique within the step. Answers are stored against it.
    pub id: String,
    pub text: String,
}

/// A claim and its source, so a reader can check it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub text: String,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub title: String,
    pub text: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Takeaway {
    pub title: String,
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub facts: Vec<Fact>,
}

impl Guide {
    /// Parses a guide from JSON.
    pub fn parse(json: &str) -> Result<Guide, ContentError> {
        parse("guide.json", json)
    }

    /// The step numbered `n` (1 to 10), if there is one.
    pub fn step(&self, n: u8) -> Option<&Step> {
        self.steps.iter().find(|s| s.n == n)
    }

    /// Steps that link to `tool`, in order; the tools screen groups by these.
    pub fn steps_for_tool(&self, tool: ToolId) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(move |s| s.tools.contains(&tool))
    }

    /// Every piece of text a reader sees (not sources), in reading order.
    /// Used to check reading level and length.
    pub fn text_pieces(&self) -> Vec<&str> {
        let mut pieces = vec![self.intro.title.as_str()];
        for section in &self.intro.sections {
            pieces.push(&section.title);
            pieces.extend(section.paragraphs.iter().map(String::as_str));
            pieces.extend(section.facts.iter().map(|f| f.text.as_str()));
        }
        for step in &self.steps {
            pieces.extend(step.text_pieces());
            pieces.extend(step.facts.iter().map(|f| f.text.as_str()));
        }
        pieces.push(&self.takeaway.title);
        pieces.extend(self.takeaway.paragraphs.iter().map(String::as_str));
        pieces.extend(self.takeaway.facts.iter().map(|f| f.text.as_str()));
        pieces
    }

    /// A minimal guide for when `guide.json` cannot be read: no steps, and a
    /// plain message pointing to help, which does not depend on this file.
    /// Its words come from the catalogue (`content.json`), which is compiled
    /// in for English and loaded with the language otherwise, so they do not
    /// depend on the broken file either.
    fn fallback(error: ContentError) -> Guide {
        Guide {
            intro: Intro {
                title: tr(Key::ContentGuideUnavailableTitle).to_string(),
                sections: vec![IntroSection {
                    id: "error".to_string(),
                    title: tr(Key::ContentGuideUnavailableHeading).to_string(),
                    paragraphs: vec![
                        tr(Key::ContentGuideUnavailableSafe).to_string(),
                        tr(Key::ContentGuideUnavailableHelp).to_string(),
                    ],
                    facts: Vec::new(),
                }],
            },
            steps: Vec::new(),
            takeaway: Takeaway {
                title: String::new(),
                paragraphs: Vec::new(),
                facts: Vec::new(),
            },
            load_error: Some(error),
        }
    }
}

impl Step {
    /// The text a reader sees on this step's screen, without facts and sources.
    pub fn text_pieces(&self) -> Vec<&str> {
        let mut pieces = vec![self.title.as_str(), self.short.as_str()];
        pieces.extend(self.meaning.iter().map(String::as_str));
        pieces.extend(self.why.iter().map(String::as_str));
        if let Some(w) = &self.warning {
            pieces.push(&w.title);
            pieces.push(&w.text);
        }
        pieces.extend(self.actions.iter().map(|a| a.text.as_str()));
        pieces.extend(self.reflections.iter().map(|r| r.text.as_str()));
        pieces
    }

    /// The action with this id, if it still exists.
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }
}

/// The guide, parsed once. Never panics: a broken file gives a fallback guide
/// with `load_error` set and no steps.
pub fn guide() -> &'static Guide {
    thread_local! {
        static CACHE: PerLanguage<Guide> = Default::default();
    }
    localized(&CACHE, "guide", GUIDE_JSON, Guide::parse, Guide::fallback)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::content::readability::{analyse_pieces, analyse_pieces_spanish, word_count};

    /// The Spanish twin, read straight from the file (the app gets it from
    /// the language bundle).
    const GUIDE_ES_JSON: &str = include_str!("es/guide.json");

    const TITLES: [&str; 10] = [
        "Acknowledge the problem",
        "Seek professional help",
        "Get treatment",
        "Attend a 12-step programme",
        "Look around you",
        "Change your environment",
        "Build a support network",
        "Develop healthy ways to cope with stress",
        "Exercise",
        "Don't let a relapse stop you",
    ];

    fn parsed() -> Guide {
        Guide::parse(GUIDE_JSON).expect("guide.json parses")
    }

    fn parsed_es() -> Guide {
        Guide::parse(GUIDE_ES_JSON).expect("es/guide.json parses")
    }

    #[test]
    fn the_guide_file_parses_without_falling_back() {
        parsed();
        assert!(guide().load_error.is_none());
    }

    #[test]
    fn there_are_exactly_ten_steps_numbered_one_to_ten_in_order() {
        let g = parsed();
        let numbers: Vec<u8> = g.steps.iter().map(|s| s.n).collect();
        assert_eq!(numbers, (1..=10).collect::<Vec<u8>>());
    }

    #[test]
    fn the_steps_carry_the_ten_titles_in_order() {
        let g = parsed();
        let titles: Vec<&str> = g.steps.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, TITLES);
    }

    #[test]
    fn every_step_has_its_parts_filled_in() {
        for s in &parsed().steps {
            assert!(!s.title.trim().is_empty(), "step {}", s.n);
            assert!(!s.short.trim().is_empty(), "step {}", s.n);
            assert!((2..=4).contains(&s.meaning.len()), "step {} meaning", s.n);
            assert!(!s.why.is_empty(), "step {} why", s.n);
            assert!(!s.tools.is_empty(), "step {} tools", s.n);
            assert!(s.meaning.iter().chain(&s.why).all(|p| !p.trim().is_empty()));
        }
    }

    #[test]
    fn every_step_has_three_to_six_actions_with_unique_ids() {
        for s in &parsed().steps {
            assert!(
                (3..=6).contains(&s.actions.len()),
                "step {}: {}",
                s.n,
                s.actions.len()
            );
            let ids: HashSet<&str> = s.actions.iter().map(|a| a.id.as_str()).collect();
            assert_eq!(
                ids.len(),
                s.actions.len(),
                "step {} has a repeated action id",
                s.n
            );
            for a in &s.actions {
                assert!(is_slug(&a.id), "step {} action id {:?}", s.n, a.id);
                assert!(!a.text.trim().is_empty());
            }
        }
    }

    #[test]
    fn every_step_has_one_or_two_reflection_questions() {
        for s in &parsed().steps {
            assert!((1..=2).contains(&s.reflections.len()), "step {}", s.n);
            let ids: HashSet<&str> = s.reflections.iter().map(|r| r.id.as_str()).collect();
            assert_eq!(ids.len(), s.reflections.len(), "step {}", s.n);
            for r in &s.reflections {
                assert!(is_slug(&r.id), "step {} reflection id {:?}", s.n, r.id);
                assert!(r.text.trim_end().ends_with('?'), "step {}: {}", s.n, r.text);
            }
        }
    }

    #[test]
    fn every_fact_has_text_and_a_source() {
        let g = parsed();
        let facts = g
            .intro
            .sections
            .iter()
            .flat_map(|s| &s.facts)
            .chain(g.steps.iter().flat_map(|s| &s.facts))
            .chain(&g.takeaway.facts);
        let mut n = 0;
        for f in facts {
            assert!(!f.text.trim().is_empty());
            assert!(!f.source.trim().is_empty(), "no source for {:?}", f.text);
            n += 1;
        }
        assert!(n >= 10, "only {n} facts");
        for s in &g.steps {
            assert!(
                !s.facts.is_empty(),
                "step {} states facts without sources",
                s.n
            );
        }
    }

    #[test]
    fn the_intro_gives_the_us_figures_with_their_sources() {
        let g = parsed();
        let scale = g
            .intro
            .sections
            .iter()
            .find(|s| s.id == "scale")
            .expect("scale section");
        let text = scale.paragraphs.join(" ");
        assert!(text.contains("700,000"));
        assert!(text.contains("13,165"));
        assert!(scale.facts.iter().any(|f| f.text.contains("700,000")));
        assert!(scale.facts.iter().any(|f| f.text.contains("13,165")));
        let how = g
            .intro
            .sections
            .iter()
            .find(|s| s.id == "how")
            .expect("how section");
        let how = how.paragraphs.join(" ");
        assert!(how.contains("stays on this phone"));
        assert!(how.contains("not medical advice"));
    }

    #[test]
    fn steps_three_and_ten_carry_warnings() {
        let g = parsed();
        let three = g
            .step(3)
            .and_then(|s| s.warning.as_ref())
            .expect("step 3 warning");
        assert!(three.text.contains("cold turkey"));
        assert!(three.text.contains("methadone"));
        assert!(three.text.contains("not medical advice"));
        assert!(three.text.contains("doctor"));
        let ten = g
            .step(10)
            .and_then(|s| s.warning.as_ref())
            .expect("step 10 warning");
        assert!(ten.text.contains("overdose"));
        assert!(ten.text.contains("naloxone"));
        assert!(ten.text.contains("Help screen"));
    }

    #[test]
    fn step_ten_frames_a_lapse_as_part_of_recovery() {
        let g = parsed();
        let ten = g.step(10).expect("step 10");
        let text = ten.why.join(" ");
        assert!(text.contains("two out of three"));
        assert!(text.contains("part of recovery"));
        assert!(text.contains("care team"));
        assert!(text.contains("honest"));
        assert!(ten.facts.iter().any(|f| f.text.contains("two-thirds")));
    }

    #[test]
    fn steps_link_the_tools_the_brief_asks_for() {
        use ToolId::*;
        let g = parsed();
        let expected: [&[ToolId]; 10] = [
            &[Journal, Plan],
            &[People, Treatment],
            &[Treatment, Help, People],
            &[Meetings, People],
            &[Places, Journal],
            &[Places, Plan],
            &[People, Meetings],
            &[Coping, Craving],
            &[Exercise, Coping],
            &[Help, Plan, Journal, Craving],
        ];
        for (s, want) in g.steps.iter().zip(expected) {
            assert_eq!(s.tools, want, "step {}", s.n);
        }
        let craving: Vec<u8> = g.steps_for_tool(Craving).map(|s| s.n).collect();
        assert_eq!(craving, [8, 10]);
    }

    #[test]
    fn the_takeaway_names_the_kinds_of_support() {
        let t = parsed().takeaway;
        let text = t.paragraphs.join(" ");
        for word in [
            "counsellor",
            "12-step",
            "family",
            "support group",
            "freedom",
        ] {
            assert!(text.contains(word), "{word}");
        }
    }

    #[test]
    fn step_lookup_finds_steps_by_number_only() {
        let g = parsed();
        assert_eq!(
            g.step(1).map(|s| s.title.as_str()),
            Some("Acknowledge the problem")
        );
        assert!(g.step(0).is_none());
        assert!(g.step(11).is_none());
        assert_eq!(
            g.step(4)
                .and_then(|s| s.action("go-once"))
                .map(|a| a.id.as_str()),
            Some("go-once")
        );
    }

    #[test]
    fn the_text_never_calls_the_reader_an_addict() {
        let g = parsed();
        for piece in g.text_pieces() {
            let lower = piece.to_lowercase();
            assert!(
                !lower.contains("addict ") && !lower.contains("addicts"),
                "{piece}"
            );
        }
    }

    #[test]
    fn a_broken_guide_falls_back_with_an_error_instead_of_panicking() {
        let err = Guide::parse("{\"steps\": 3").unwrap_err();
        let g = Guide::fallback(err);
        assert!(g.steps.is_empty());
        assert!(g.step(1).is_none());
        assert!(g.load_error.is_some());
        assert!(!g.intro.sections.is_empty());
        assert_eq!(g.intro.title, "The guide could not be loaded");
        assert_eq!(
            g.intro.sections[0].paragraphs[0],
            "The guide text could not be read. Your own notes and progress are safe."
        );
    }

    #[test]
    fn every_step_is_short_enough_to_read_in_early_recovery() {
        for s in &parsed().steps {
            let words: usize = s.text_pieces().iter().map(|p| word_count(p)).sum();
            println!("step {:>2}: {words} words", s.n);
            assert!(
                (150..=300).contains(&words),
                "step {} has {words} words",
                s.n
            );
        }
    }

    #[test]
    fn the_whole_guide_reads_at_grade_eight_or_below() {
        let g = parsed();
        let stats = analyse_pieces(g.text_pieces());
        let grade = stats.grade();
        println!(
            "guide: Flesch-Kincaid grade {grade:.2}, {} words, {} sentences, {} syllables",
            stats.words, stats.sentences, stats.syllables
        );
        assert!(
            stats.words > 1500,
            "the guide looks truncated: {} words",
            stats.words
        );
        assert!(grade <= 8.0, "grade {grade:.2} is above 8");
    }

    #[test]
    fn step_three_says_long_term_medicine_is_treatment_and_leaves_doses_to_the_doctor() {
        let g = parsed();
        let three = g.step(3).expect("step 3");
        let text: Vec<&str> = three
            .meaning
            .iter()
            .chain(&three.why)
            .map(String::as_str)
            .collect();
        let text = text.join(" ");
        for words in [
            "buprenorphine",
            "as long as it helps",
            "proven treatment",
            "rarely enough",
            "five times as often",
            "a new addiction. It is not. It is treatment",
        ] {
            assert!(text.contains(words), "{words}");
        }
        let warning = &three.warning.as_ref().expect("step 3 warning").text;
        assert!(warning.contains("Starting, stopping or changing a dose"));
        assert!(three
            .facts
            .iter()
            .any(|f| f.source.contains("BMJ 2017;357:j1550")
                && f.text.contains("12.7")
                && f.text.contains("2.6")));
        assert!(three.facts.iter().any(|f| f.source.contains("CDC")));
        assert!(three.facts.iter().any(|f| f.source.contains("WHO")));
        assert!(three.facts.iter().any(|f| f.source.contains("NICE")));
    }

    #[test]
    fn the_spanish_guide_parses_with_the_english_steps() {
        let (en, es) = (parsed(), parsed_es());
        let numbers: Vec<u8> = es.steps.iter().map(|s| s.n).collect();
        assert_eq!(numbers, (1..=10).collect::<Vec<u8>>());
        for (a, b) in en.steps.iter().zip(&es.steps) {
            assert_eq!(a.tools, b.tools, "step {}", a.n);
            assert_ne!(a.title, b.title, "step {} title is not translated", a.n);
        }
    }

    #[test]
    fn spanish_questions_open_and_close_their_marks() {
        for s in &parsed_es().steps {
            for r in &s.reflections {
                let text = r.text.trim();
                assert!(text.ends_with('?'), "step {}: {text}", s.n);
                assert_eq!(
                    text.matches('¿').count(),
                    text.matches('?').count(),
                    "step {}: {text}",
                    s.n
                );
            }
        }
        for piece in parsed_es().text_pieces() {
            assert_eq!(
                piece.matches('¿').count(),
                piece.matches('?').count(),
                "{piece}"
            );
            assert_eq!(
                piece.matches('¡').count(),
                piece.matches('!').count(),
                "{piece}"
            );
        }
    }

    #[test]
    fn the_spanish_guide_carries_the_same_safety_words() {
        let g = parsed_es();
        let three = g.step(3).and_then(|s| s.warning.as_ref()).expect("paso 3");
        assert!(three.text.contains("metadona"));
        assert!(three.text.contains("no es consejo médico"));
        assert!(three.text.contains("médico"));
        let ten = g
            .step(10)
            .and_then(|s| s.warning.as_ref())
            .expect("paso 10");
        assert!(ten.text.contains("sobredosis"));
        assert!(ten.text.contains("naloxona"));
        assert!(ten.text.contains("pantalla de Ayuda"));
        let step3 = g.step(3).expect("paso 3");
        let why = step3.why.join(" ");
        assert!(why.contains("cinco veces"));
        assert!(step3.meaning.join(" ").contains("buprenorfina"));
    }

    #[test]
    fn the_spanish_text_never_calls_the_reader_an_addict() {
        for piece in parsed_es().text_pieces() {
            let lower = piece.to_lowercase();
            for word in ["adicto", "adicta", "drogadict", "yonqui"] {
                assert!(!lower.contains(word), "{word}: {piece}");
            }
        }
    }

    #[test]
    fn the_spanish_guide_reads_at_fernandez_huerta_65_or_more() {
        let g = parsed_es();
        let stats = analyse_pieces_spanish(g.text_pieces());
        let score = stats.fernandez_huerta();
        println!(
            "guía: Fernández-Huerta {score:.2} (as usually printed: {:.2}), {} words, {} sentences, {} syllables",
            stats.fernandez_huerta_as_printed(),
            stats.words,
            stats.sentences,
            stats.syllables
        );
        for s in &g.steps {
            let words: usize = s.text_pieces().iter().map(|p| word_count(p)).sum();
            println!("paso {:>2}: {words} words", s.n);
        }
        assert!(
            stats.words > 1500,
            "the Spanish guide looks truncated: {} words",
            stats.words
        );
        assert!(score >= 65.0, "Fernández-Huerta {score:.2} is below 65");
    }

    fn is_slug(id: &str) -> bool {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !id.starts_with('-')
            && !id.ends_with('-')
    }
}
