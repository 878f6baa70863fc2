//! One component per screen, at the addresses in the product design.

pub mod checkin_form;
pub mod coping;
pub mod craving;
pub mod exercise;
pub mod guide_intro;
pub mod guide_overview;
pub mod guide_step;
pub mod guide_takeaway;
pub mod help;
pub mod home;
pub mod insights;
pub mod journal_list;
pub mod meetings;
pub mod move_phone;
pub mod not_found;
pub mod overdose;
pub mod people;
pub mod places;
pub mod plan;
pub mod settings;
pub mod tools_index;
pub mod treatment;
