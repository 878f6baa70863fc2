//! Overdose signs, naloxone steps and the lost-tolerance warning, from
//! `safety.json`. Shown on the crisis screen and after a logged lapse.

use serde::Deserialize;

use super::load::{localized, parse, ContentError, PerLanguage};

const SAFETY_JSON: &str = include_str!("en/safety.json");

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    pub overdose_signs: OverdoseSigns,
    pub naloxone_steps: NaloxoneSteps,
    pub lost_tolerance: LostTolerance,
    /// Set only on the fallback, when `safety.json` failed to parse.
    #[serde(skip)]
    pub load_error: Option<ContentError>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverdoseSigns {
    pub title: String,
    pub intro: String,
    pub signs: Vec<String>,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NaloxoneSteps {
    pub title: String,
    /// In order; show as a numbered list.
    pub steps: Vec<String>,
    /// What to know after giving it (wears off, safe, not for benzos).
    pub notes: Vec<String>,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LostTolerance {
    pub title: String,
    pub paragraphs: Vec<String>,
    /// The helpline to show under the text (Never Use Alone); its number
    /// lives only in `helplines.json`.
    pub helpline_id: String,
    pub source: String,
}

impl Safety {
    pub fn parse(json: &str) -> Result<Safety, ContentError> {
        parse("safety.json", json)
    }

    /// The bare minimum, for when `safety.json` cannot be read: call for help.
    fn fallback(error: ContentError) -> Safety {
        let call = "Call emergency services now.".to_string();
        Safety {
            overdose_signs: OverdoseSigns {
                title: "Signs of an overdose".to_string(),
                intro: "If someone does not wake up or is not breathing well, call emergency services now."
                    .to_string(),
                signs: Vec::new(),
                source: String::new(),
            },
            naloxone_steps: NaloxoneSteps {
                title: "Naloxone".to_string(),
                steps: vec![call, "Stay with the person until help arrives.".to_string()],
                notes: Vec::new(),
                source: String::new(),
            },
            lost_tolerance: LostTolerance {
                title: "After a break, a smaller amount can kill".to_string(),
                paragraphs: vec!["If you use, do not use alone, and keep naloxone close.".to_string()],
                helpline_id: "never-use-alone".to_string(),
                source: String::new(),
            },
            load_error: Some(error),
        }
    }
}

/// Safety content, parsed once. Never panics: a broken file gives a minimal
/// "call emergency services" version with `load_error` set.
pub fn safety() -> &'static Safety {
    thread_local! {
        static CACHE: PerLanguage<Safety> = Default::default();
    }
    localized(
        &CACHE,
        "safety",
        SAFETY_JSON,
        Safety::parse,
        Safety::fallback,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::helplines::{helplines, Region};

    fn parsed() -> Safety {
        Safety::parse(SAFETY_JSON).expect("safety.json parses")
    }

    #[test]
    fn the_safety_file_parses_without_falling_back() {
        parsed();
        assert!(safety().load_error.is_none());
    }

    #[test]
    fn every_section_has_a_source() {
        let s = parsed();
        assert!(s
            .overdose_signs
            .source
            .contains("California Department of Public Health"));
        assert!(s.naloxone_steps.source.contains("Mayo Clinic"));
        assert!(s.lost_tolerance.source.contains("BMJ 2003;326:959"));
    }

    #[test]
    fn the_overdose_signs_cover_the_seven_signs() {
        let signs = parsed().overdose_signs.signs.join(" | ").to_lowercase();
        assert_eq!(parsed().overdose_signs.signs.len(), 7);
        for word in [
            "blue",
            "pinpoint",
            "breathing",
            "gurgling",
            "clammy",
            "pulse",
            "respond",
        ] {
            assert!(signs.contains(word), "{word}");
        }
    }

    #[test]
    fn naloxone_steps_start_with_calling_for_help_and_keep_the_safety_notes() {
        let n = parsed().naloxone_steps;
        assert!(n.steps[0].to_lowercase().contains("call emergency"));
        assert!(n.steps.iter().any(|s| s.contains("Do not prime or test")));
        assert!(n
            .steps
            .iter()
            .any(|s| s.contains("2 to 3 minutes") && s.contains("new")));
        let notes = n.notes.join(" ");
        assert!(notes.contains("30 to 90 minutes"));
        assert!(notes.contains("stay with the person"));
        assert!(notes.contains("no opioids"));
        assert!(notes.contains("benzodiazepines"));
        assert!(notes.contains("pharmacist"));
    }

    #[test]
    fn the_lost_tolerance_warning_gives_the_figures_and_the_never_use_alone_line() {
        let t = parsed().lost_tolerance;
        let text = t.paragraphs.join(" ");
        assert!(text.contains("5 times higher"));
        assert!(text.contains("8 to 40 times higher"));
        assert!(text.contains("do not use alone"));
        assert!(text.contains("naloxone"));
        assert!(helplines(Region::Us).iter().any(|l| l.id == t.helpline_id));
    }

    #[test]
    fn the_spanish_twin_uses_the_cdc_words_and_keeps_every_safety_fact() {
        let es = Safety::parse(include_str!("es/safety.json")).expect("es/safety.json parses");
        let signs = es.overdose_signs.signs.join(" | ").to_lowercase();
        assert_eq!(es.overdose_signs.signs.len(), 7);
        for words in [
            "pérdida del conocimiento o incapacidad para despertarse",
            "respiración lenta o superficial",
            "cambios en el color de la piel",
            "uñas y los labios",
            "pupilas pequeñas, como de punta de alfiler",
            "gárgaras",
            "pulso débil",
        ] {
            assert!(signs.contains(words), "{words}");
        }
        assert_eq!(es.overdose_signs.source, parsed().overdose_signs.source);
        assert!(es.overdose_signs.source.contains("CDC"));
        let n = &es.naloxone_steps;
        assert!(n.title.contains("atomizador nasal"));
        assert!(n.steps[0].starts_with("Llama a emergencias"));
        assert!(n.steps.iter().any(|s| s.contains("No lo pruebes")));
        assert!(n
            .steps
            .iter()
            .any(|s| s.contains("2 a 3 minutos") && s.contains("nuevo")));
        let notes = n.notes.join(" ");
        for words in [
            "30 a 90 minutos",
            "quédate con la persona",
            "no tiene opioides",
            "benzodiacepinas",
            "farmacia",
        ] {
            assert!(notes.contains(words), "{words}");
        }
        let t = &es.lost_tolerance;
        let text = t.paragraphs.join(" ");
        for words in [
            "pérdida de tolerancia",
            "5 veces mayor",
            "8 a 40 veces mayor",
            "no lo hagas a solas",
            "naloxona",
        ] {
            assert!(text.contains(words), "{words}");
        }
        assert_eq!(t.helpline_id, parsed().lost_tolerance.helpline_id);
        assert!(!text.contains("adict"));
    }

    #[test]
    fn a_broken_file_still_says_to_call_for_help() {
        let s = Safety::fallback(Safety::parse("").unwrap_err());
        assert!(s.load_error.is_some());
        assert!(s.naloxone_steps.steps[0].contains("Call emergency services"));
    }
}
