//! Reading-level estimates, used by the tests to keep the guide easy to read
//! for someone tired, in withdrawal or reading on a small phone: the
//! Flesch-Kincaid grade for English and the Fernández-Huerta score for
//! Spanish (Flesch's reading ease, refitted to Spanish, whose words run a
//! syllable or so longer, so an English formula would misjudge it).
//!
//! The syllable counts are heuristics (English: vowel groups, minus a silent
//! trailing "e"; Spanish: vowel groups split by the hiatus rules). They are
//! close enough to hold a line on reading level; they are not linguistic
//! tools.

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

    /// The Fernández-Huerta reading ease of Spanish text (counted with
    /// [`analyse_spanish`]), or 0.0 for text with no words: about 100 is very
    /// easy, 60 to 70 is plain, below 50 is hard.
    ///
    /// L = 206.84 − 0.60·P − 1.02·F, with P the syllables per 100 words. The
    /// formula is usually printed with F as "sentences per 100 words", but
    /// then shorter sentences would lower the score, the reverse of what it
    /// measures and of Flesch's formula it was fitted from (Law, "Error in
    /// the Fernandez Huerta readability formula", LINGUIST List 22.2332,
    /// 2011). Here F is words per sentence, as in Flesch's, so writing
    /// shorter sentences raises the score. [`TextStats::fernandez_huerta_as_printed`]
    /// gives the printed reading, for comparison.
    pub fn fernandez_huerta(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        let per_100_words = 100.0 * self.syllables as f64 / words;
        let words_per_sentence = words / self.sentences as f64;
        206.84 - 0.60 * per_100_words - 1.02 * words_per_sentence
    }

    /// Fernández-Huerta with F read as sentences per 100 words, as the
    /// formula is usually printed. Only for comparison; see
    /// [`TextStats::fernandez_huerta`].
    pub fn fernandez_huerta_as_printed(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        let per_100_words = 100.0 * self.syllables as f64 / words;
        let sentences_per_100_words = 100.0 * self.sentences as f64 / words;
        206.84 - 0.60 * per_100_words - 1.02 * sentences_per_100_words
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

/// Estimates the syllables in one Spanish word by its vowel groups, never
/// fewer than one (a number such as "2020" counts one, as in English).
///
/// Two vowels side by side are one syllable (a diphthong) when at least one
/// is a weak vowel (i, u, ü) and neither is an accented í or ú: "ciudad",
/// "huevo" and "muy" keep their pairs together, "poeta", "día" and "oído"
/// split them. A "y" that ends a word is a weak vowel ("hoy", "muy"); the "u"
/// of "que", "qui", "gue", "gui" is silent ("guerra" has two syllables),
/// while "ü" is heard ("pingüino" has three). A silent "h" is skipped like
/// any consonant, so it keeps vowels apart ("ahora" has three).
pub fn count_syllables_spanish(word: &str) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum Sound {
        Consonant,
        Strong,
        Weak,
        StressedWeak,
    }
    let letters: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.is_empty() {
        return 1;
    }
    let sound = |i: usize| -> Sound {
        match letters[i] {
            'a' | 'e' | 'o' | 'á' | 'é' | 'ó' => Sound::Strong,
            'í' | 'ú' => Sound::StressedWeak,
            'u' if i > 0
                && matches!(letters[i - 1], 'q' | 'g')
                && matches!(letters.get(i + 1), Some('e' | 'i' | 'é' | 'í')) =>
            {
                Sound::Consonant
            }
            'i' | 'u' | 'ü' => Sound::Weak,
            'y' if i + 1 == letters.len() => Sound::Weak,
            _ => Sound::Consonant,
        }
    };
    let mut syllables = 0;
    let mut previous = Sound::Consonant;
    for i in 0..letters.len() {
        let current = sound(i);
        if current == Sound::Consonant {
            previous = current;
            continue;
        }
        let diphthong = previous != Sound::Consonant
            && (previous == Sound::Weak || current == Sound::Weak)
            && previous != Sound::StressedWeak
            && current != Sound::StressedWeak;
        if !diphthong {
            syllables += 1;
        }
        previous = current;
    }
    syllables.max(1)
}

/// How many sentences `text` has: pieces ended by `.`, `!` or `?` that hold
/// a letter or digit. A full stop between two digits ("12.7") is a decimal
/// point, not the end of a sentence.
fn sentence_count(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    let mut has_word = false;
    for (i, &c) in chars.iter().enumerate() {
        let decimal_point = c == '.'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if matches!(c, '.' | '!' | '?') && !decimal_point {
            if has_word {
                count += 1;
            }
            has_word = false;
        } else if c.is_alphanumeric() {
            has_word = true;
        }
    }
    count + usize::from(has_word)
}

fn analyse_with(text: &str, syllables_in: fn(&str) -> usize) -> TextStats {
    let (words, syllables) =
        words(text).fold((0, 0), |(w, s), word| (w + 1, s + syllables_in(word)));
    TextStats {
        words,
        sentences: sentence_count(text),
        syllables,
    }
}

/// Counts words, sentences (split on `.`, `!`, `?`) and syllables of English
/// text.
pub fn analyse(text: &str) -> TextStats {
    analyse_with(text, count_syllables)
}

/// Counts words, sentences and syllables of Spanish text, for
/// [`TextStats::fernandez_huerta`]. Opening marks (¿, ¡) need no rule: the
/// closing mark ends the sentence.
pub fn analyse_spanish(text: &str) -> TextStats {
    analyse_with(text, count_syllables_spanish)
}

/// Analyses separate pieces of English text (titles, list items, paragraphs)
/// as if each ended a sentence, since a screen shows them as separate lines.
pub fn analyse_pieces<'a>(pieces: impl IntoIterator<Item = &'a str>) -> TextStats {
    analyse(&join_pieces(pieces))
}

/// [`analyse_pieces`] for Spanish text.
pub fn analyse_pieces_spanish<'a>(pieces: impl IntoIterator<Item = &'a str>) -> TextStats {
    analyse_spanish(&join_pieces(pieces))
}

/// The pieces as one text, each ending a sentence.
fn join_pieces<'a>(pieces: impl IntoIterator<Item = &'a str>) -> String {
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
    joined
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
    fn a_decimal_point_does_not_end_a_sentence() {
        let stats = analyse("The rate was 12.7 in all. It fell to 2.6.");
        assert_eq!(stats.sentences, 2);
        assert_eq!(analyse("Step 3. Step 4.").sentences, 2);
    }

    #[test]
    fn spanish_syllables_follow_the_diphthong_and_hiatus_rules() {
        for (word, n) in [
            ("casa", 2),
            ("ciudad", 2),
            ("país", 2),
            ("poeta", 3),
            ("día", 2),
            ("guerra", 2),
            ("huevo", 2),
            ("oído", 3),
            ("naloxona", 4),
            ("recuperación", 5),
            ("hoy", 1),
            ("muy", 1),
            ("y", 1),
            ("Uruguay", 3),
            ("agua", 2),
            ("quiero", 2),
            ("guía", 2),
            ("pingüino", 3),
            ("vergüenza", 3),
            ("ahora", 3),
            ("leer", 2),
            ("reír", 2),
            ("sobredosis", 4),
            ("metadona", 4),
            ("buprenorfina", 5),
            ("¿Cómo?", 2),
        ] {
            assert_eq!(count_syllables_spanish(word), n, "{word}");
        }
    }

    #[test]
    fn spanish_numbers_and_odd_tokens_count_as_at_least_one_syllable() {
        assert_eq!(count_syllables_spanish("2020"), 1);
        assert_eq!(count_syllables_spanish("13\u{202f}165"), 1);
        assert_eq!(count_syllables_spanish("mmm"), 1);
    }

    #[test]
    fn fernandez_huerta_rewards_short_sentences_and_short_words() {
        // El ga-to se sen-tó en la al-fom-bra: 7 words, 1 sentence, 11
        // syllables, so 206.84 − 0.60·(1100/7) − 1.02·7.
        let stats = analyse_spanish("El gato se sentó en la alfombra.");
        assert_eq!((stats.words, stats.sentences, stats.syllables), (7, 1, 11));
        let expected = 206.84 - 0.60 * (1100.0 / 7.0) - 1.02 * 7.0;
        assert!((stats.fernandez_huerta() - expected).abs() < 1e-9);

        let plain = analyse_spanish("Tú puedes. Da un paso. Llama a alguien.").fernandez_huerta();
        let dense = analyse_spanish(
            "Las intervenciones farmacológicas integrales requieren una consideración \
             individualizada de la dependencia fisiológica y la vulnerabilidad psicológica.",
        )
        .fernandez_huerta();
        assert!(plain > 90.0, "{plain}");
        assert!(dense < 30.0, "{dense}");
        let long = analyse_spanish("Tú puedes dar un paso y llamar a alguien hoy mismo.");
        let short = analyse_spanish("Tú puedes. Da un paso. Llama a alguien hoy mismo.");
        assert!(short.fernandez_huerta() > long.fernandez_huerta());
    }

    #[test]
    fn empty_spanish_text_scores_zero() {
        assert_eq!(analyse_spanish("").fernandez_huerta(), 0.0);
        assert_eq!(analyse_pieces_spanish([" ", "¿?"]).fernandez_huerta(), 0.0);
    }

    #[test]
    fn pieces_without_a_full_stop_still_end_a_sentence() {
        let stats = analyse_pieces(["Get treatment", "Say \"I want to stop.\"", "Call now."]);
        assert_eq!(stats.sentences, 3);
        assert_eq!(stats.words, 9);
    }
}
