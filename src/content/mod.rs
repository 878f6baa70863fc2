//! Waymark's written content: the ten-step guide, helplines, overdose safety,
//! the SOWS scale and coping ideas.
//!
//! The words live in JSON files next to this module so they can be reviewed
//! and edited without touching code. They are compiled in with `include_str!`
//! (the app works offline, so nothing is fetched), parsed once on first use
//! and cached for the life of the page.
//!
//! Parsing never panics: the JSON is checked by the tests below each loader,
//! but if a file ever failed to parse the accessor returns a small fallback
//! value carrying the error, so the rest of the app (and above all the crisis
//! screen) keeps working.

pub mod coping;
pub mod guide;
pub mod guide_outline;
pub mod helplines;
pub mod overdose;
pub mod readability;
pub mod safety;
pub mod sows;
pub mod tool;

mod load;

pub use coping::{coping, CopingContent, CopingIdea, Halt, HaltItem, Milestone, UrgeSurfing};
pub use guide::{
    guide, Action, Fact, Guide, Intro, IntroSection, Reflection, Step, Takeaway, Warning,
};
pub use helplines::{
    emergency, helpline_directory, helplines, Emergency, Helpline, HelplineDirectory, Region,
    RegionLines, Sms,
};
pub use load::ContentError;
pub use safety::{safety, LostTolerance, NaloxoneSteps, OverdoseSigns, Safety};
pub use sows::{sows, sows_items, Sows, SowsAnswer, SowsItem};
pub use tool::ToolId;
