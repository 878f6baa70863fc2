//! A reactive single document (settings, guide progress, plan, medication).
//! Changes are applied by [`crate::data::doc::update`] to the freshest stored
//! value, so a stale tab never writes an old copy over a newer one.

use super::use_storage_event::use_storage_event;
use crate::app::state::{now_ms, use_app_state, with_store, AppState};
use crate::data::doc::{self, DocStatus};
use crate::data::envelope::Document;
use crate::data::outcome::doc_error_message;
use leptos::prelude::*;

pub struct DocHandle<T: Send + Sync + 'static> {
    pub value: RwSignal<T>,
    state: AppState,
}

impl<T: Send + Sync + 'static> Clone for DocHandle<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for DocHandle<T> {}

impl<T: Document + Send + Sync + 'static> DocHandle<T> {
    pub fn reload(&self) {
        if let Ok(load) = with_store(doc::load::<T>) {
            match &load.status {
                DocStatus::Quarantined { quarantine_key } => self
                    .state
                    .report_quarantined(std::slice::from_ref(quarantine_key)),
                DocStatus::Newer(_) => self.state.report_newer(&[T::KIND.to_owned()]),
                _ => {}
            }
            self.value.set(load.doc.value);
        }
    }

    /// Applies `change` and saves. On error nothing was saved, the screen
    /// keeps the old value, and the message is returned and shown.
    pub fn update(&self, change: impl FnOnce(&mut T)) -> Result<(), String> {
        match with_store(|s| doc::update::<T>(s, now_ms(), change)) {
            Ok(env) => {
                self.value.set(env.value);
                Ok(())
            }
            Err(e) => {
                let message = doc_error_message(&e).to_owned();
                self.state.report_error(&message);
                Err(message)
            }
        }
    }
}

/// Document `T`, provided above or loaded now, kept current with other tabs.
pub fn use_doc<T: Document + Send + Sync + 'static>() -> DocHandle<T> {
    if let Some(handle) = use_context::<DocHandle<T>>() {
        return handle;
    }
    let handle = DocHandle {
        value: RwSignal::new(T::default()),
        state: use_app_state(),
    };
    handle.reload();
    use_storage_event(T::KIND, move |_| handle.reload());
    handle
}

/// Loads the document once and shares it below (settings and guide progress).
pub fn provide_doc<T: Document + Send + Sync + 'static>() -> DocHandle<T> {
    let handle = use_doc::<T>();
    provide_context(handle);
    handle
}
