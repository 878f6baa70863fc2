//! How a step's progress is named on screen. The status is always a word
//! ("Working on it"), never a colour alone, so it reads the same to everyone.

use crate::content::Step;
use crate::domain::guide_progress::{GuideProgress, StepStatus};
use crate::i18n::{tr, Key};
use crate::t;

/// The words for a step's status.
pub fn status_label(status: StepStatus) -> &'static str {
    tr(match status {
        StepStatus::NotStarted => Key::GuideStatusNotStarted,
        StepStatus::Working => Key::GuideStatusWorking,
        StepStatus::Done => Key::GuideStatusDone,
    })
}

/// The CSS class that gives the status its quiet colour and mark.
pub fn status_class(status: StepStatus) -> &'static str {
    match status {
        StepStatus::NotStarted => "guide-status guide-status--new",
        StepStatus::Working => "guide-status guide-status--working",
        StepStatus::Done => "guide-status guide-status--done",
    }
}

/// How many of the step's actions, as the guide lists them now, are ticked.
/// A tick stored against an action that was later removed does not count.
pub fn actions_done(progress: &GuideProgress, step: &Step) -> usize {
    step.actions
        .iter()
        .filter(|a| progress.is_ticked(step.n, &a.id))
        .count()
}

/// "2 of 5 actions done".
pub fn actions_summary(done: usize, total: usize) -> String {
    t!(Key::GuideActionsDone, done = done, total = total)
}
