//! Reactive access to stored data, one concern per file (after leptos-use):
//! `use_collection` for lists of records, `use_doc` for single documents,
//! `use_autosave` for drafts, `use_storage_event` for other tabs, `use_idle_lock` for the passphrase lock.

pub mod use_autosave;
pub mod use_collection;
pub mod use_doc;
pub mod use_idle_lock;
pub mod use_storage_event;

pub use use_autosave::{use_autosave, use_autosave_when, Autosave};
pub use use_collection::{provide_collection, use_collection, CollectionHandle};
pub use use_doc::{provide_doc, use_doc, DocHandle};
pub use use_idle_lock::use_idle_lock;
