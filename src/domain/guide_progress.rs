//! Progress through the ten-step guide: which actions are ticked, what the
//! user wrote in each reflection, and which steps they marked done.
//!
//! Stored as one record. Operations are small and pure, so the storage layer
//! can re-apply one to the freshest stored copy when another tab wrote in
//! between; [`merge`] joins two whole copies (an import, or two tabs whose
//! edits crossed).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::text_merge::{merge_edit, TextMerge};

fn is_false(b: &bool) -> bool {
    !*b
}

/// One answer to one reflection question.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Reflection {
    /// What the user wrote. An empty text is kept on purpose: it records
    /// that the user cleared the answer, so a merge with an older copy does
    /// not bring the old words back.
    #[serde(rename = "x", default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The local day of the last edit.
    #[serde(rename = "d", with = "crate::domain::iso::date")]
    pub date: NaiveDate,
    /// The time of the last edit; the newer answer wins in a merge.
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

/// Progress in one step.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct StepProgress {
    /// The user marked the step done.
    #[serde(rename = "d", default, skip_serializing_if = "is_false")]
    pub done: bool,
    /// Ids of the ticked actions.
    #[serde(rename = "t", default, skip_serializing_if = "BTreeSet::is_empty")]
    pub ticked: BTreeSet<String>,
    /// Answers by question id.
    #[serde(rename = "r", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reflections: BTreeMap<String, Reflection>,
}

/// Where the user is with one step.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepStatus {
    NotStarted,
    Working,
    Done,
}

/// Progress through the whole guide, by step number (1 to 10).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct GuideProgress {
    #[serde(rename = "s", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub steps: BTreeMap<u8, StepProgress>,
}

/// Joins two copies of the guide progress; see [`GuideProgress::merge`].
pub fn merge(a: &GuideProgress, b: &GuideProgress) -> GuideProgress {
    a.merge(b)
}

impl StepProgress {
    /// True when the user has ticked something or written an answer.
    pub fn has_work(&self) -> bool {
        !self.ticked.is_empty() || self.reflections.values().any(|r| !r.text.trim().is_empty())
    }

    /// Done if marked done; working if anything is ticked or written;
    /// otherwise not started.
    pub fn status(&self) -> StepStatus {
        if self.done {
            StepStatus::Done
        } else if self.has_work() {
            StepStatus::Working
        } else {
            StepStatus::NotStarted
        }
    }

    /// True when there is nothing worth storing.
    fn is_empty(&self) -> bool {
        !self.done && self.ticked.is_empty() && self.reflections.is_empty()
    }

    /// See [`GuideProgress::merge`] for the rule.
    fn merge(&self, other: &StepProgress) -> StepProgress {
        let mut reflections = self.reflections.clone();
        for (q, theirs) in &other.reflections {
            let keep = match reflections.get(q) {
                Some(ours) => newer_reflection(ours, theirs).clone(),
                None => theirs.clone(),
            };
            reflections.insert(q.clone(), keep);
        }
        StepProgress {
            done: self.done || other.done,
            ticked: self.ticked.union(&other.ticked).cloned().collect(),
            reflections,
        }
    }
}

/// The later of two answers to one question. On the same millisecond the
/// longer text wins (then the text itself decides), so merging is the same
/// whichever copy comes first and never loses words to an empty answer.
fn newer_reflection<'a>(a: &'a Reflection, b: &'a Reflection) -> &'a Reflection {
    let key = |r: &Reflection| (r.updated_ms, r.text.chars().count(), r.text.clone(), r.date);
    if key(b) > key(a) {
        b
    } else {
        a
    }
}

impl GuideProgress {
    /// Progress in one step, if any was made.
    pub fn step(&self, step: u8) -> Option<&StepProgress> {
        self.steps.get(&step)
    }

    /// Where the user is with one step.
    pub fn status(&self, step: u8) -> StepStatus {
        self.step(step)
            .map(StepProgress::status)
            .unwrap_or(StepStatus::NotStarted)
    }

    /// True when this action of this step is ticked.
    pub fn is_ticked(&self, step: u8, action_id: &str) -> bool {
        self.step(step)
            .is_some_and(|p| p.ticked.contains(action_id))
    }

    /// The answer to one question, if there is one.
    pub fn reflection(&self, step: u8, question_id: &str) -> Option<&Reflection> {
        self.step(step).and_then(|p| p.reflections.get(question_id))
    }

    /// Ticks the action if it was not ticked, or unticks it. Returns whether
    /// it is ticked now.
    pub fn toggle_action(&mut self, step: u8, action_id: &str) -> bool {
        let p = self.steps.entry(step).or_default();
        let now_ticked = if p.ticked.remove(action_id) {
            false
        } else {
            p.ticked.insert(action_id.to_string());
            true
        };
        self.prune(step);
        now_ticked
    }

    /// Saves an answer. An empty answer is kept (with its time), so clearing
    /// an answer survives a merge with an older copy. Nothing changes if the
    /// text is the same as before (so re-saving does not move the date), or
    /// if a blank answer is saved where there was none.
    pub fn set_reflection(
        &mut self,
        step: u8,
        question_id: &str,
        text: &str,
        today: NaiveDate,
        now_ms: i64,
    ) {
        let existing = self.reflection(step, question_id);
        match existing {
            Some(r) if r.text == text => return,
            None if text.trim().is_empty() => return,
            _ => {}
        }
        self.steps.entry(step).or_default().reflections.insert(
            question_id.to_string(),
            Reflection {
                text: text.to_string(),
                date: today,
                updated_ms: now_ms,
            },
        );
    }

    /// Saves an answer typed in a screen that showed `base` when typing
    /// began (see [`merge_edit`]): if another tab or window saved a different
    /// answer meanwhile, those words are kept and this answer goes after them.
    /// Returns what was done, so the screen can show the answer as stored.
    pub fn save_answer(
        &mut self,
        step: u8,
        question_id: &str,
        base: &str,
        words: &str,
        today: NaiveDate,
        now_ms: i64,
    ) -> TextMerge {
        let stored = self
            .reflection(step, question_id)
            .map(|r| r.text.clone())
            .unwrap_or_default();
        let merge = merge_edit(&stored, Some(base), words);
        if let TextMerge::Write(t) | TextMerge::Both(t) = &merge {
            self.set_reflection(step, question_id, t, today, now_ms);
        }
        merge
    }

    /// Marks a step done or not done.
    pub fn set_done(&mut self, step: u8, done: bool) {
        self.steps.entry(step).or_default().done = done;
        self.prune(step);
    }

    /// The step to show as "your step": the lowest of `1..=total_steps` that
    /// is not marked done (1 when nothing has started). When every step is
    /// done it is the last step, since recovery carries on.
    pub fn current_step(&self, total_steps: u8) -> u8 {
        (1..=total_steps)
            .find(|s| self.status(*s) != StepStatus::Done)
            .unwrap_or(total_steps.max(1))
    }

    /// How many of `1..=total_steps` are marked done.
    pub fn done_count(&self, total_steps: u8) -> usize {
        (1..=total_steps)
            .filter(|s| self.status(*s) == StepStatus::Done)
            .count()
    }

    /// The first of a step's actions (in the guide's order) not yet ticked.
    pub fn first_unticked<'a>(&self, step: u8, action_ids: &[&'a str]) -> Option<&'a str> {
        action_ids
            .iter()
            .copied()
            .find(|a| !self.is_ticked(step, a))
    }

    /// Joins two copies (an import, or two tabs whose edits crossed) so that
    /// nothing either copy holds is lost:
    ///
    /// - an action is ticked if it is ticked in either copy;
    /// - a step is done if it is done in either copy;
    /// - for each question the answer saved last (by `updated_ms`) wins, and a
    ///   cleared answer that is newer wins over older words.
    ///
    /// The cost of this rule: an untick or "not done" made in one copy comes
    /// back when merged with an older copy that still has it. That is the
    /// safer way to be wrong. Within one device the storage layer avoids it by
    /// re-applying the single operation to the freshest stored copy instead of
    /// merging whole copies. The merge is commutative, associative and
    /// idempotent, so the order copies meet in does not matter.
    pub fn merge(&self, other: &GuideProgress) -> GuideProgress {
        let mut steps = self.steps.clone();
        for (n, theirs) in &other.steps {
            let merged = match steps.get(n) {
                Some(ours) => ours.merge(theirs),
                None => theirs.clone(),
            };
            steps.insert(*n, merged);
        }
        steps.retain(|_, p| !p.is_empty());
        GuideProgress { steps }
    }

    /// Drops a step entry that holds nothing, to keep the record small.
    fn prune(&mut self, step: u8) {
        if self.steps.get(&step).is_some_and(StepProgress::is_empty) {
            self.steps.remove(&step);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn refl(text: &str, ms: i64) -> Reflection {
        Reflection {
            text: text.into(),
            date: d("2026-03-01"),
            updated_ms: ms,
        }
    }

    /// A tiny deterministic xorshift generator for the randomised checks.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    fn random_progress(rng: &mut Rng) -> GuideProgress {
        let mut g = GuideProgress::default();
        for _ in 0..rng.below(12) {
            let step = 1 + rng.below(4) as u8;
            match rng.below(3) {
                0 => {
                    g.toggle_action(step, ["a", "b", "c"][rng.below(3) as usize]);
                }
                1 => g.set_done(step, rng.below(2) == 0),
                _ => g.set_reflection(
                    step,
                    ["q1", "q2"][rng.below(2) as usize],
                    ["", "yes", "no", "maybe"][rng.below(4) as usize],
                    d("2026-03-01"),
                    rng.below(5) as i64,
                ),
            }
        }
        g
    }

    #[test]
    fn a_step_with_nothing_done_is_not_started() {
        let g = GuideProgress::default();
        assert_eq!(g.status(1), StepStatus::NotStarted);
    }

    #[test]
    fn ticking_an_action_makes_the_step_working() {
        let mut g = GuideProgress::default();
        assert!(g.toggle_action(2, "call-doctor"));
        assert_eq!(g.status(2), StepStatus::Working);
        assert!(g.is_ticked(2, "call-doctor"));
        assert!(!g.is_ticked(3, "call-doctor"));
    }

    #[test]
    fn ticking_twice_unticks_and_leaves_no_empty_entry() {
        let mut g = GuideProgress::default();
        g.toggle_action(2, "a");
        assert!(!g.toggle_action(2, "a"));
        assert_eq!(g.status(2), StepStatus::NotStarted);
        assert_eq!(g, GuideProgress::default());
    }

    #[test]
    fn writing_an_answer_makes_the_step_working_but_a_cleared_one_does_not() {
        let mut g = GuideProgress::default();
        g.set_reflection(1, "why", "For my kids", d("2026-03-01"), 10);
        assert_eq!(g.status(1), StepStatus::Working);
        g.set_reflection(1, "why", "", d("2026-03-02"), 20);
        assert_eq!(g.status(1), StepStatus::NotStarted);
        // The cleared answer is kept with its time, for merging.
        assert_eq!(g.reflection(1, "why").map(|r| r.updated_ms), Some(20));
    }

    #[test]
    fn saving_the_same_answer_again_does_not_move_its_date() {
        let mut g = GuideProgress::default();
        g.set_reflection(1, "why", "Same", d("2026-03-01"), 10);
        g.set_reflection(1, "why", "Same", d("2026-03-09"), 99);
        let r = g.reflection(1, "why").unwrap();
        assert_eq!((r.date, r.updated_ms), (d("2026-03-01"), 10));
    }

    #[test]
    fn saving_a_blank_answer_where_there_was_none_stores_nothing() {
        let mut g = GuideProgress::default();
        g.set_reflection(1, "why", "  ", d("2026-03-01"), 10);
        assert_eq!(g, GuideProgress::default());
    }

    #[test]
    fn an_answer_saved_over_one_the_screen_never_showed_keeps_both() {
        let mut g = GuideProgress::default();
        g.set_reflection(1, "why", "For my kids", d("2026-03-01"), 10);
        // Another tab changed it; this one still showed the first answer.
        g.set_reflection(1, "why", "For my health", d("2026-03-02"), 20);
        let m = g.save_answer(
            1,
            "why",
            "For my kids",
            "For my kids, always",
            d("2026-03-03"),
            30,
        );
        assert!(matches!(m, TextMerge::Both(_)));
        let r = g.reflection(1, "why").unwrap();
        assert_eq!(r.text, "For my health\n\nFor my kids, always");
        assert_eq!(r.updated_ms, 30);
    }

    #[test]
    fn an_answer_saved_over_the_one_the_screen_showed_replaces_it() {
        let mut g = GuideProgress::default();
        g.set_reflection(1, "why", "For my kids", d("2026-03-01"), 10);
        let m = g.save_answer(
            1,
            "why",
            "For my kids",
            "For my family",
            d("2026-03-03"),
            30,
        );
        assert_eq!(m, TextMerge::Write("For my family".into()));
        assert_eq!(g.reflection(1, "why").unwrap().text, "For my family");
        // A first answer, with nothing stored yet.
        let m = g.save_answer(2, "why", "", "Because", d("2026-03-03"), 40);
        assert_eq!(m, TextMerge::Write("Because".into()));
    }

    #[test]
    fn a_step_marked_done_is_done_and_can_be_unmarked() {
        let mut g = GuideProgress::default();
        g.set_done(3, true);
        assert_eq!(g.status(3), StepStatus::Done);
        g.set_done(3, false);
        assert_eq!(g.status(3), StepStatus::NotStarted);
        assert!(g.steps.is_empty());
    }

    #[test]
    fn the_current_step_is_one_when_nothing_has_started() {
        assert_eq!(GuideProgress::default().current_step(10), 1);
    }

    #[test]
    fn the_current_step_is_the_lowest_step_not_done() {
        let mut g = GuideProgress::default();
        g.set_done(1, true);
        g.set_done(2, true);
        g.set_done(4, true);
        g.toggle_action(5, "x");
        assert_eq!(g.current_step(10), 3);
        assert_eq!(g.done_count(10), 3);
    }

    #[test]
    fn when_every_step_is_done_the_current_step_is_the_last() {
        let mut g = GuideProgress::default();
        for s in 1..=10 {
            g.set_done(s, true);
        }
        assert_eq!(g.current_step(10), 10);
        assert_eq!(GuideProgress::default().current_step(0), 1);
    }

    #[test]
    fn the_next_action_is_the_first_one_not_ticked_in_guide_order() {
        let mut g = GuideProgress::default();
        g.toggle_action(1, "b");
        g.toggle_action(1, "a");
        assert_eq!(g.first_unticked(1, &["a", "b", "c"]), Some("c"));
        g.toggle_action(1, "c");
        assert_eq!(g.first_unticked(1, &["a", "b", "c"]), None);
    }

    #[test]
    fn merging_keeps_ticks_and_done_from_either_copy() {
        let mut a = GuideProgress::default();
        a.toggle_action(1, "x");
        a.set_done(2, true);
        let mut b = GuideProgress::default();
        b.toggle_action(1, "y");
        b.toggle_action(3, "z");
        let m = merge(&a, &b);
        assert!(m.is_ticked(1, "x") && m.is_ticked(1, "y") && m.is_ticked(3, "z"));
        assert_eq!(m.status(2), StepStatus::Done);
    }

    #[test]
    fn merging_keeps_the_answer_saved_last() {
        let mut a = GuideProgress::default();
        a.set_reflection(1, "q", "old words", d("2026-03-01"), 100);
        a.set_reflection(1, "only-a", "mine", d("2026-03-01"), 100);
        let mut b = GuideProgress::default();
        b.set_reflection(1, "q", "new words", d("2026-03-05"), 200);
        assert_eq!(merge(&a, &b).reflection(1, "q").unwrap().text, "new words");
        assert_eq!(merge(&b, &a).reflection(1, "q").unwrap().text, "new words");
        assert_eq!(merge(&b, &a).reflection(1, "only-a").unwrap().text, "mine");
    }

    #[test]
    fn a_newer_cleared_answer_wins_over_older_words_in_a_merge() {
        let mut a = GuideProgress::default();
        a.steps
            .entry(1)
            .or_default()
            .reflections
            .insert("q".into(), refl("old", 1));
        let mut b = GuideProgress::default();
        b.steps
            .entry(1)
            .or_default()
            .reflections
            .insert("q".into(), refl("", 2));
        assert_eq!(merge(&a, &b).reflection(1, "q").unwrap().text, "");
    }

    #[test]
    fn on_a_tie_the_longer_answer_wins_in_either_order() {
        assert_eq!(
            newer_reflection(&refl("", 5), &refl("words", 5)).text,
            "words"
        );
        assert_eq!(
            newer_reflection(&refl("words", 5), &refl("", 5)).text,
            "words"
        );
    }

    #[test]
    fn merging_is_order_free_and_repeatable() {
        let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
        for _ in 0..300 {
            let a = random_progress(&mut rng);
            let b = random_progress(&mut rng);
            let c = random_progress(&mut rng);
            assert_eq!(merge(&a, &b), merge(&b, &a));
            assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
            assert_eq!(merge(&a, &a), a);
        }
    }

    #[test]
    fn progress_round_trips_through_compact_json() {
        let mut g = GuideProgress::default();
        g.toggle_action(1, "a1");
        g.set_done(1, true);
        g.set_reflection(10, "q", "Keep going", d("2026-03-01"), 7);
        let json = serde_json::to_string(&g).unwrap();
        assert_eq!(
            json,
            r#"{"s":{"1":{"d":true,"t":["a1"]},"10":{"r":{"q":{"x":"Keep going","d":"2026-03-01","u":7}}}}}"#
        );
        assert_eq!(serde_json::from_str::<GuideProgress>(&json).unwrap(), g);
        assert_eq!(
            serde_json::from_str::<GuideProgress>("{}").unwrap(),
            GuideProgress::default()
        );
    }
}
