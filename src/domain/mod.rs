//! The domain: plain data and pure functions. No leptos, no web-sys, no clock
//! (the current date and time are always passed in), no storage.

pub mod checkin;
pub mod clean_time;
pub mod guide_progress;
pub mod ids;
pub mod iso;
pub mod money;
pub mod reminders;
pub mod settings;
pub mod text_merge;

pub mod ics;
pub mod insights;
pub mod tools;
