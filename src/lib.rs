//! Waymark: a private, offline recovery companion.
//!
//! The crate is split by runtime, like Squoosh: `domain`, `content` and
//! `data` are plain Rust that builds and tests on the host; `app` is the
//! Leptos UI and only exists on wasm32.

pub mod content;
pub mod data;
pub mod domain;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod app;
