//! The coping toolbox: things to do instead of using, each rated by how much
//! it helps, so the best ones rise to the top of the plan.

use serde::{Deserialize, Serialize};

use super::serde_util::is_false;
use super::{finish, limit, one_to_five, require, FieldError, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::i18n::Key;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopingIdea {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "n", default)]
    pub name: String,
    /// How to do it, in the user's words.
    #[serde(rename = "h", default, skip_serializing_if = "String::is_empty")]
    pub how: String,
    /// True for the ideas the app suggested at the start (the user may edit
    /// or delete them like any other).
    #[serde(rename = "s", default, skip_serializing_if = "is_false")]
    pub starter: bool,
    /// How much it helps, 1 (a little) to 5 (a lot); `None` until tried.
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

impl CopingIdea {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        require(&mut errors, "name", &self.name, Key::CopingNameRequired);
        limit(&mut errors, "name", &self.name, MAX_SHORT_TEXT);
        limit(&mut errors, "how", &self.how, MAX_LONG_TEXT);
        if let Some(r) = self.rating {
            one_to_five(&mut errors, "rating", r);
        }
        finish(errors)
    }
}

/// Ideas best-rated first; unrated ideas after rated ones; ties keep the
/// user's order.
pub fn best_first(ideas: &[CopingIdea]) -> Vec<&CopingIdea> {
    let mut v: Vec<&CopingIdea> = ideas.iter().collect();
    v.sort_by_key(|c| std::cmp::Reverse(c.rating.unwrap_or(0)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idea(name: &str, rating: Option<u8>) -> CopingIdea {
        CopingIdea {
            id: name.into(),
            name: name.into(),
            rating,
            ..CopingIdea::default()
        }
    }

    #[test]
    fn a_rating_must_be_from_one_to_five() {
        assert!(idea("Walk", Some(0)).validate().is_err());
        assert!(idea("Walk", Some(6)).validate().is_err());
        assert!(idea("Walk", Some(5)).validate().is_ok());
        assert!(idea("Walk", None).validate().is_ok());
    }

    #[test]
    fn an_idea_needs_a_name() {
        assert_eq!(idea(" ", None).validate().unwrap_err()[0].field, "name");
    }

    #[test]
    fn best_rated_ideas_come_first_and_unrated_last() {
        let ideas = [
            idea("a", None),
            idea("b", Some(3)),
            idea("c", Some(5)),
            idea("d", Some(3)),
        ];
        let names: Vec<&str> = best_first(&ideas).iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["c", "b", "d", "a"]);
    }
}
