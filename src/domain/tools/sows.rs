//! The Subjective Opiate Withdrawal Scale (SOWS; Handelsman et al., Am J
//! Drug Alcohol Abuse 1987;13(3):293-308): 16 self-rated items, each 0 to 4,
//! total 0 to 64. The app shows the total and its trend for the user to
//! share with their prescriber; it never labels a score as mild or severe.

use chrono::NaiveDate;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use super::{finish, FieldError};
use crate::i18n::Key;
use crate::t;

/// The items in the instrument's order and published English wording (a
/// scale is only valid as published). The last item uses the "using" form
/// found on published versions. Screens show the current language's scale
/// from `content::sows()`; this is the reference it is checked against.
pub const SOWS_ITEMS: [&str; 16] = [
    "I feel anxious",
    "I feel like yawning",
    "I'm perspiring",
    "My eyes are tearing",
    "My nose is running",
    "I have goose flesh",
    "I am shaking",
    "I have hot flashes",
    "I have cold flashes",
    "My bones and muscles ache",
    "I feel restless",
    "I feel nauseous",
    "I feel like vomiting",
    "My muscles twitch",
    "I have cramps in my stomach",
    "I feel like using now",
];

/// The answer labels for scores 0 to 4.
pub const SOWS_ANSWERS: [&str; 5] = [
    "Not at all",
    "A little",
    "Moderately",
    "Quite a bit",
    "Extremely",
];

/// Highest score for one item.
pub const SOWS_MAX_ITEM: u8 = 4;
/// Highest possible total.
pub const SOWS_MAX_TOTAL: u8 = 64;

/// One completed SOWS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SowsRating {
    #[serde(rename = "i")]
    pub id: String,
    /// The user's local date when they rated.
    #[serde(rename = "d", with = "crate::domain::iso::date")]
    pub date: NaiveDate,
    /// When they rated (Unix ms), to order several ratings on one day.
    #[serde(rename = "t", default)]
    pub time_ms: i64,
    /// Item scores in [`SOWS_ITEMS`] order. Stored as one 16-digit string,
    /// like "0123401234012340"; a JSON array of numbers also loads.
    #[serde(rename = "s", with = "scores_serde")]
    pub scores: [u8; 16],
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

impl SowsRating {
    /// The total, 0 to 64 for a valid rating. Out-of-range items are capped
    /// at 4 so a damaged record can never show an impossible total.
    pub fn total(&self) -> u8 {
        self.scores.iter().map(|&s| s.min(SOWS_MAX_ITEM)).sum()
    }

    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        for (i, &s) in self.scores.iter().enumerate() {
            if s > SOWS_MAX_ITEM {
                // The item as the user read it: the current language's
                // scale, or the published English wording if it has none.
                let item = crate::content::sows_items()
                    .get(i)
                    .map_or(SOWS_ITEMS[i], |it| it.text.as_str());
                errors.push(FieldError::new(
                    "scores",
                    t!(
                        Key::TreatmentSowsBadScore,
                        n = i + 1,
                        item = item,
                        score = s
                    ),
                ));
            }
        }
        finish(errors)
    }
}

/// `(date, total)` for each rating, oldest first (by the time it was taken,
/// then by date, so ratings without a time still land on their day).
pub fn trend(ratings: &[SowsRating]) -> Vec<(NaiveDate, u8)> {
    let mut v: Vec<&SowsRating> = ratings.iter().collect();
    v.sort_by_key(|r| (r.time_ms, r.date));
    v.into_iter().map(|r| (r.date, r.total())).collect()
}

mod scores_serde {
    use super::*;

    pub fn serialize<S: Serializer>(scores: &[u8; 16], s: S) -> Result<S::Ok, S::Error> {
        // Scores above 9 cannot be one digit; they are invalid anyway, so
        // they are written as 9 rather than corrupting the string's length.
        let text: String = scores
            .iter()
            .map(|&n| char::from(b'0' + n.min(9)))
            .collect();
        s.serialize_str(&text)
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        List(Vec<u8>),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 16], D::Error> {
        let list: Vec<u8> = match Raw::deserialize(d)? {
            Raw::Text(t) => t
                .chars()
                .map(|c| {
                    c.to_digit(10).map(|n| n as u8).ok_or_else(|| {
                        de::Error::custom(format!("SOWS score {c:?} is not a digit"))
                    })
                })
                .collect::<Result<_, _>>()?,
            Raw::List(l) => l,
        };
        let len = list.len();
        list.try_into()
            .map_err(|_| de::Error::custom(format!("SOWS needs 16 scores, found {len}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rating(scores: [u8; 16], time_ms: i64, day: u32) -> SowsRating {
        SowsRating {
            id: format!("s{time_ms}"),
            date: NaiveDate::from_ymd_opt(2025, 6, day).unwrap(),
            time_ms,
            scores,
            updated_ms: 0,
        }
    }

    #[test]
    fn all_items_at_four_total_sixty_four() {
        let r = rating([4; 16], 0, 1);
        assert_eq!(r.total(), SOWS_MAX_TOTAL);
        assert!(r.validate().is_ok());
    }

    #[test]
    fn all_items_at_zero_total_zero() {
        assert_eq!(rating([0; 16], 0, 1).total(), 0);
    }

    #[test]
    fn a_score_of_five_is_rejected() {
        let mut scores = [1; 16];
        scores[7] = 5;
        let errs = rating(scores, 0, 1).validate().unwrap_err();
        assert_eq!(errs.len(), 1);
        assert!(errs[0].message.contains("Item 8"), "{}", errs[0].message);
        assert!(errs[0].message.contains("I have hot flashes"));
    }

    #[test]
    fn a_damaged_rating_never_totals_over_sixty_four() {
        assert_eq!(rating([9; 16], 0, 1).total(), 64);
    }

    #[test]
    fn scores_are_stored_as_one_short_string() {
        let r = rating([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0], 7, 1);
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains(r#""s":"0123401234012340""#), "{json}");
        assert_eq!(serde_json::from_str::<SowsRating>(&json).unwrap(), r);
        assert_eq!(r.total(), 30);
    }

    #[test]
    fn scores_also_load_from_a_list_of_numbers() {
        let r: SowsRating = serde_json::from_str(
            r#"{"i":"s","d":"2025-06-01","s":[4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4]}"#,
        )
        .unwrap();
        assert_eq!(r.total(), 64);
    }

    #[test]
    fn a_stored_five_loads_so_validate_can_explain_it() {
        let r: SowsRating =
            serde_json::from_str(r#"{"i":"s","d":"2025-06-01","s":"5000000000000000"}"#).unwrap();
        assert!(r.validate().is_err());
    }

    #[test]
    fn the_wrong_number_of_scores_does_not_load() {
        for s in [
            "\"012\"",
            "\"01234012340123401\"",
            "\"01234x1234012340\"",
            "[1,2]",
        ] {
            let json = format!(r#"{{"i":"s","d":"2025-06-01","s":{s}}}"#);
            assert!(serde_json::from_str::<SowsRating>(&json).is_err(), "{s}");
        }
    }

    #[test]
    fn the_trend_is_ordered_by_time_taken() {
        let list = [
            rating([2; 16], 300, 3),
            rating([4; 16], 100, 1),
            rating([1; 16], 200, 1),
        ];
        let day = |d| NaiveDate::from_ymd_opt(2025, 6, d).unwrap();
        assert_eq!(trend(&list), vec![(day(1), 64), (day(1), 16), (day(3), 32)]);
    }

    #[test]
    fn the_scale_has_sixteen_items_and_five_answers() {
        assert_eq!(SOWS_ITEMS.len(), 16);
        assert_eq!(SOWS_ANSWERS.len(), usize::from(SOWS_MAX_ITEM) + 1);
    }
}
