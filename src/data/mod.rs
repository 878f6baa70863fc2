//! The data layer: every storage key, the versioned envelope, collections of
//! records, documents, quarantine, drafts, backup and the storage meter. Pure
//! Rust over the [`store::KvStore`] trait, so all of it is tested natively.
//!
//! Opening the app: [`schema::open`] (read-only if the data is newer), then
//! [`collection::load_all`] / [`doc::load`] per screen. Every write goes
//! through [`collection::save`], [`doc::update`] or [`drafts::save`]; a failed
//! write returns an error and changes nothing, and [`outcome`] turns it into
//! words for the user.

pub mod backup;
pub mod collection;
pub mod doc;
pub mod drafts;
pub mod envelope;
pub mod keys;
pub mod kinds;
pub mod meter;
pub mod outcome;
pub mod quarantine;
pub mod schema;
pub mod slot;
pub mod store;
pub mod vault;
pub mod wipe;

#[cfg(test)]
mod tests;
