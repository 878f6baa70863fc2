//! Two edits of one text field (a guide answer, the plan's notes), made in
//! two tabs or windows. A document is always changed on its freshest stored
//! copy, but a text field is written whole, so a tab that began editing
//! before another tab saved would replace the other tab's words. This is the
//! rule that stops it: the other words are never replaced by words that were
//! written without seeing them; both are kept, the stored ones first (as a
//! stale save of a record becomes a copy beside the other version).

/// What to store when an edit of a text field is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextMerge {
    /// Store nothing: the stored text already holds everything worth keeping.
    Keep,
    /// Store this text; nothing anyone else wrote is lost.
    Write(String),
    /// The stored text changed since this edit began. This holds both
    /// versions: the stored one, a blank line, then this edit.
    Both(String),
}

impl TextMerge {
    /// The text the field holds after the save, given the stored text.
    pub fn result<'a>(&'a self, stored: &'a str) -> &'a str {
        match self {
            TextMerge::Keep => stored,
            TextMerge::Write(t) | TextMerge::Both(t) => t,
        }
    }
}

/// Merges an edit into the freshest stored text. `base` is the stored text
/// the edit started from (what the screen showed before the user typed;
/// `None` when not known, as for a draft kept by an older build), and `mine`
/// is the edited text.
pub fn merge_edit(stored: &str, base: Option<&str>, mine: &str) -> TextMerge {
    if mine == stored {
        return TextMerge::Keep;
    }
    // Nobody else changed it, or this edit already holds all of it.
    if base == Some(stored) || stored.trim().is_empty() || mine.contains(stored) {
        return TextMerge::Write(mine.to_owned());
    }
    // Changed elsewhere meanwhile, and this edit adds nothing to it (or only
    // cleared what it saw, which is not a reason to clear the newer words).
    if base == Some(mine) || mine.trim().is_empty() || stored.contains(mine) {
        return TextMerge::Keep;
    }
    TextMerge::Both(format!("{}\n\n{}", stored.trim_end(), mine.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_of_text_nobody_else_changed_is_written_as_it_is() {
        assert_eq!(
            merge_edit("old", Some("old"), "old and new"),
            TextMerge::Write("old and new".into())
        );
        assert_eq!(
            merge_edit("old", Some("old"), ""),
            TextMerge::Write("".into())
        );
    }

    #[test]
    fn an_edit_made_without_seeing_newer_words_keeps_both_the_newer_first() {
        let m = merge_edit("Newer words", Some("Old words"), "Old words, and more");
        assert_eq!(
            m,
            TextMerge::Both("Newer words\n\nOld words, and more".into())
        );
        assert_eq!(
            m.result("Newer words"),
            "Newer words\n\nOld words, and more"
        );
    }

    #[test]
    fn an_edit_that_already_holds_the_newer_words_replaces_them_without_a_copy() {
        assert_eq!(
            merge_edit("Newer", Some("Old"), "Newer, and then some"),
            TextMerge::Write("Newer, and then some".into())
        );
    }

    #[test]
    fn an_edit_that_adds_nothing_to_newer_words_leaves_them_alone() {
        // The tab only cleared what it saw, or typed back what it saw.
        assert_eq!(merge_edit("Newer", Some("Old"), ""), TextMerge::Keep);
        assert_eq!(merge_edit("Newer", Some("Old"), "Old"), TextMerge::Keep);
        assert_eq!(
            merge_edit("Newer and more", Some("Old"), "Newer"),
            TextMerge::Keep
        );
        assert_eq!(merge_edit("Same", Some("Old"), "Same"), TextMerge::Keep);
    }

    #[test]
    fn words_written_where_another_tab_cleared_the_field_are_written() {
        assert_eq!(
            merge_edit("", Some("Old"), "Old plus"),
            TextMerge::Write("Old plus".into())
        );
    }

    #[test]
    fn an_edit_from_an_unknown_start_keeps_both_unless_it_holds_the_stored_text() {
        assert_eq!(
            merge_edit("Saved", None, "Saved, then more"),
            TextMerge::Write("Saved, then more".into())
        );
        assert_eq!(
            merge_edit("Saved", None, "Something else"),
            TextMerge::Both("Saved\n\nSomething else".into())
        );
    }

    #[test]
    fn keeping_both_never_loses_a_character_of_either_version() {
        let stored = "  שלום 👩🏽‍🦱 <b>\n";
        let mine = "\u{202E}mine ‍ {{7*7}}";
        let TextMerge::Both(t) = merge_edit(stored, Some("x"), mine) else {
            panic!("expected both");
        };
        assert!(t.contains(stored.trim_end()) && t.contains(mine));
    }
}
