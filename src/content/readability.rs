//! A Flesch-Kincaid grade estimate, used by the tests to keep the guide easy
//! to read for someone tired, in withdrawal or reading on a small phone.
//!
//! The syllable count is a heuristic (vowel groups, minus a silent trailing
//! "e", at least one per word). It is close enough to hold a line on reading
//! level; it is not a linguistic tool.

/// Counts behind a readability grade.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStats {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl TextStats {
    /// The Flesch-Kincaid grade level, or 0.0 for text with no words.
    pub fn grade(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        0.39 * (words / self.sentences as f64) + 11.8 * (self.syllables as f64 / words) - 15.59
    }
}

/// Estimates the syllables in one word: groups of vowels (a, e, i, o, u, y),
/// less one for a silent trailing "e", never fewer than one.
pub fn count_syllables(word: &str) -> usize {
    let letters: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.is_empty() {
        // Numbers such as "2020" or "13,165" still take time to read.
        return 1;
    }
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut groups = 0;
    let mut previous_vowel = false;
    for &c in &letters {
        let vowel = is_vowel(c);
        if vowel && !previous_vowel {
            groups += 1;
        }
        previous_vowel = vowel;
    }
    // "make", "time": the final e is silent. "little", "people": it is not.
    let silent_e = match letters[..] {
        [.., before, consonant, 'e'] if !is_vowel(consonant) => {
            let consonant_le = consonant == 'l' && !is_vowel(before);
            !consonant_le
        }
        _ => false,
    };
    if silent_e && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

/// Words are whitespace-separated tokens with at least one letter or digit.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// Counts words, sentences (split on `.`, `!`, `?`) and syllables.
pub fn analyse(text: &str) -> TextStats {
    let sentences = text
        .split(['.', '!', '?'])
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .count();
    let (words, syllables) =
        words(text).fold((0, 0), |(w, s), word| (w + 1, s + count_syllables(word)));
    TextStats {
        words,
        sentences,
        syllables,
    }
}

/// Analyses separate pieces of text (titles, list items, paragraphs) as if
/// each ended a sentence, since a screen shows them as separate lines.
pub fn analyse_pieces<'a>(pieces: impl IntoIterator<Item = &'a str>) -> TextStats {
    let mut joined = String::new();
    for piece in pieces {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        joined.push_str(piece);
        let end = piece.trim_end_matches(['"', '\'', ')', '\u{201d}']);
        if !end.ends_with(['.', '!', '?']) {
            joined.push('.');
        }
        joined.push(' ');
    }
    analyse(&joined)
}

/// The Flesch-Kincaid grade of a text.
pub fn flesch_kincaid_grade(text: &str) -> f64 {
    analyse(text).grade()
}

/// Word count, by the same rule the grade uses.
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_syllable_words_count_as_one() {
        for w in ["cat", "the", "dog", "make", "time", "you", "step", "ran"] {
            assert_eq!(count_syllables(w), 1, "{w}");
        }
    }

    #[test]
    fn longer_words_count_their_vowel_groups() {
        assert_eq!(count_syllables("water"), 2);
        assert_eq!(count_syllables("people"), 2);
        assert_eq!(count_syllables("little"), 2);
        assert_eq!(count_syllables("recovery"), 4);
        assert_eq!(count_syllables("Yesterday,"), 3);
    }

    #[test]
    fn numbers_and_odd_tokens_count_as_at_least_one_syllable() {
        assert_eq!(count_syllables("2020"), 1);
        assert_eq!(count_syllables("13,165"), 1);
        assert_eq!(count_syllables("shh"), 1);
    }

    #[test]
    fn sentences_split_on_full_stops_and_marks() {
        let stats = analyse("The cat sat. Did it? Yes! ");
        assert_eq!(stats.sentences, 3);
        assert_eq!(stats.words, 6);
    }

    #[test]
    fn a_very_simple_sentence_scores_below_first_grade() {
        // 6 words, 1 sentence, 6 syllables: 0.39*6 + 11.8 - 15.59 = -1.45.
        let grade = flesch_kincaid_grade("The cat sat on the mat.");
        assert!((grade - -1.45).abs() < 0.001, "{grade}");
    }

    #[test]
    fn long_sentences_with_long_words_score_higher() {
        let plain = flesch_kincaid_grade("You can do this. Take one step. Call a friend.");
        let dense = flesch_kincaid_grade(
            "Comprehensive pharmacological interventions necessitate individualised \
             consideration of physiological dependency and psychological vulnerability.",
        );
        assert!(plain < 3.0, "{plain}");
        assert!(dense > 16.0, "{dense}");
    }

    #[test]
    fn empty_text_has_grade_zero() {
        assert_eq!(flesch_kincaid_grade(""), 0.0);
        assert_eq!(flesch_kincaid_grade(" ... "), 0.0);
    }

    #[test]
    fn pieces_without_a_full_stop_still_end_a_sentence() {
        let stats = analyse_pieces(["Get treatment", "Say \"I want to stop.\"", "Call now."]);
        assert_eq!(stats.sentences, 3);
        assert_eq!(stats.words, 9);
    }
}
