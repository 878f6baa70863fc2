//! The Subjective Opiate Withdrawal Scale (Handelsman et al., 1987), from
//! `sows.json`. The items keep their published wording and order: a scale is
//! only valid as published.
//!
//! No validated Spanish version was found, so `es/sows.json` is our own
//! translation of the 16 items, scored the same way (same ids, same answer
//! values), and says so in its name and its `wording_note`: it must never be
//! called validated.

use serde::Deserialize;

use super::load::{localized, parse, ContentError, PerLanguage};

const SOWS_JSON: &str = include_str!("en/sows.json");

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sows {
    pub name: String,
    /// Full citation.
    pub source: String,
    pub instructions: String,
    /// Whose words the items are: in English, the published ones; in any
    /// other language, that this is our unofficial translation of the English
    /// scale, not a validated version, scored the same way. Shown with the
    /// scale's name.
    pub wording_note: String,
    /// The 16 items, in published order.
    pub items: Vec<SowsItem>,
    /// The five answers, 0 to 4.
    pub answers: Vec<SowsAnswer>,
    /// 64: sixteen items scored up to 4.
    pub max_total: u8,
    /// The total is for the prescriber, not a diagnosis.
    pub note: String,
    /// Set only on the fallback, when `sows.json` failed to parse.
    #[serde(skip)]
    pub load_error: Option<ContentError>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SowsItem {
    /// Stable slug; saved answers are keyed by it.
    pub id: String,
    /// The item in the instrument's own wording.
    pub text: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SowsAnswer {
    pub value: u8,
    pub label: String,
}

impl Sows {
    pub fn parse(json: &str) -> Result<Sows, ContentError> {
        parse("sows.json", json)
    }

    /// The label for a score of 0 to 4.
    pub fn answer_label(&self, value: u8) -> Option<&str> {
        self.answers
            .iter()
            .find(|a| a.value == value)
            .map(|a| a.label.as_str())
    }

    /// No items: the treatment screen then hides the scale and says why.
    fn fallback(error: ContentError) -> Sows {
        Sows {
            name: "Subjective Opiate Withdrawal Scale (SOWS)".to_string(),
            source: String::new(),
            instructions: String::new(),
            wording_note: String::new(),
            items: Vec::new(),
            answers: Vec::new(),
            max_total: 64,
            note: "The withdrawal scale could not be loaded. Your saved scores are safe."
                .to_string(),
            load_error: Some(error),
        }
    }
}

/// The scale, parsed once. Never panics: a broken file gives a scale with no
/// items and `load_error` set.
pub fn sows() -> &'static Sows {
    thread_local! {
        static CACHE: PerLanguage<Sows> = Default::default();
    }
    localized(&CACHE, "sows", SOWS_JSON, Sows::parse, Sows::fallback)
}

/// The 16 items in order.
pub fn sows_items() -> &'static [SowsItem] {
    &sows().items
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn parsed() -> Sows {
        Sows::parse(SOWS_JSON).expect("sows.json parses")
    }

    fn parsed_es() -> Sows {
        Sows::parse(include_str!("es/sows.json")).expect("es/sows.json parses")
    }

    #[test]
    fn the_sows_file_parses_without_falling_back() {
        parsed();
        assert!(sows().load_error.is_none());
        assert_eq!(sows_items().len(), 16);
    }

    #[test]
    fn the_sixteen_items_keep_their_published_wording_and_order() {
        let texts: Vec<String> = parsed().items.into_iter().map(|i| i.text).collect();
        // The domain keeps the published wording (Handelsman et al. 1987,
        // with "using" for "shooting up" as on published forms).
        assert_eq!(texts, crate::domain::tools::SOWS_ITEMS);
    }

    #[test]
    fn item_ids_are_unique() {
        let s = parsed();
        let ids: HashSet<&str> = s.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), 16);
    }

    #[test]
    fn answers_run_from_not_at_all_to_extremely() {
        let s = parsed();
        let values: Vec<u8> = s.answers.iter().map(|a| a.value).collect();
        assert_eq!(values, [0, 1, 2, 3, 4]);
        let labels: Vec<String> = s.answers.iter().map(|a| a.label.to_lowercase()).collect();
        assert_eq!(
            labels,
            [
                "not at all",
                "a little",
                "moderately",
                "quite a bit",
                "extremely"
            ]
        );
        assert_eq!(s.answer_label(3), Some("Quite a bit"));
        assert_eq!(s.answer_label(5), None);
    }

    #[test]
    fn the_maximum_total_is_sixteen_items_times_four() {
        let s = parsed();
        assert_eq!(usize::from(s.max_total), s.items.len() * 4);
    }

    #[test]
    fn the_note_says_it_is_for_the_prescriber_not_a_diagnosis() {
        let s = parsed();
        assert!(s.note.contains("not a diagnosis"));
        assert!(s.note.contains("prescriber"));
        assert!(s.source.contains("Handelsman"));
        assert!(s.source.contains("1987;13(3):293-308"));
    }

    #[test]
    fn the_spanish_scale_is_labelled_an_unofficial_translation_scored_the_same_way() {
        let (en, es) = (parsed(), parsed_es());
        let ids = |s: &Sows| s.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&es), ids(&en));
        let values = |s: &Sows| s.answers.iter().map(|a| a.value).collect::<Vec<_>>();
        assert_eq!(values(&es), values(&en));
        assert_eq!(es.max_total, en.max_total);
        assert_eq!(es.source, en.source);
        assert!(es.name.contains("traducción no oficial"), "{}", es.name);
        let note = es.wording_note.to_lowercase();
        assert!(note.contains("nuestra propia traducción"), "{note}");
        assert!(
            note.contains("no es una versión oficial ni validada"),
            "{note}"
        );
        assert!(note.contains("se puntúa igual"), "{note}");
        // "validada" only ever in "not validated".
        for text in [&es.name, &es.instructions, &es.note] {
            assert!(!text.to_lowercase().contains("validad"), "{text}");
        }
        assert!(es.note.contains("No es un diagnóstico"));
        // Every item is translated: none is left as the English line.
        for (a, b) in en.items.iter().zip(&es.items) {
            assert_ne!(a.text, b.text, "{}", a.id);
        }
    }

    #[test]
    fn a_broken_file_gives_an_empty_scale_with_an_error() {
        let s = Sows::fallback(Sows::parse("[]").unwrap_err());
        assert!(s.items.is_empty());
        assert!(s.load_error.is_some());
    }
}
