//! The guide's outline: each step's number, title and actions, and nothing
//! else. The home screen's "Your step" card reads this instead of the whole
//! guide, so the first load carries a few kilobytes of the guide, not all of
//! it. English is `build.rs`'s extract of `en/guide.json`; another language
//! reads its whole guide from its bundle (already loaded, so free).

use serde::Deserialize;

use super::guide::Action;
use super::load::{localized, parse, ContentError, PerLanguage};

const OUTLINE_EN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/guide_outline.en.json"));

/// Every step, in order. Unknown fields are ignored: the same type reads the
/// full guide file.
#[derive(Clone, Debug, Deserialize)]
pub struct Outline {
    pub steps: Vec<OutlineStep>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct OutlineStep {
    /// 1 to 10; also the address `/guide/{n}`.
    pub n: u8,
    pub title: String,
    pub actions: Vec<Action>,
}

impl Outline {
    fn parse(json: &str) -> Result<Outline, ContentError> {
        parse("guide.json", json)
    }

    /// No steps: the card then draws nothing (the guide screen explains).
    fn fallback(_error: ContentError) -> Outline {
        Outline { steps: Vec::new() }
    }

    /// The step numbered `n`, if there is one.
    pub fn step(&self, n: u8) -> Option<&OutlineStep> {
        self.steps.iter().find(|s| s.n == n)
    }
}

impl OutlineStep {
    /// The action with this id, if it still exists.
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }
}

/// The outline in the current language, parsed once per language.
pub fn guide_outline() -> &'static Outline {
    thread_local! {
        static CACHE: PerLanguage<Outline> = Default::default();
    }
    localized(
        &CACHE,
        "guide",
        OUTLINE_EN_JSON,
        Outline::parse,
        Outline::fallback,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::guide;

    #[test]
    fn the_outline_has_every_step_title_and_action_of_the_guide() {
        let outline = guide_outline();
        let full = guide();
        assert_eq!(outline.steps.len(), full.steps.len());
        for (o, s) in outline.steps.iter().zip(&full.steps) {
            assert_eq!(o.n, s.n);
            assert_eq!(o.title, s.title);
            let ids: Vec<_> = o.actions.iter().map(|a| (&a.id, &a.text)).collect();
            let full_ids: Vec<_> = s.actions.iter().map(|a| (&a.id, &a.text)).collect();
            assert_eq!(ids, full_ids);
        }
    }

    #[test]
    fn the_outline_is_much_smaller_than_the_guide() {
        assert!(OUTLINE_EN_JSON.len() * 3 < include_str!("en/guide.json").len());
    }
}
