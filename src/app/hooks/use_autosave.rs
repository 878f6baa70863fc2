//! Drafts that survive anything: a reload, a crash, an app update, a full
//! disk. A form's state is saved (debounced) while the user types, and at
//! once when the page is hidden or closed, or before an update reloads it.

use crate::app::state::with_store;
use crate::data::drafts;
use crate::data::outcome::save_error_message;
use leptos::ev;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::time::Duration;

/// Fired on `window` by the update banner just before it reloads the app.
pub const FLUSH_EVENT: &str = "waymark-flush";

const DEBOUNCE: Duration = Duration::from_millis(400);

/// The state of a form's draft.
#[derive(Clone, Copy)]
pub struct Autosave {
    name: StoredValue<String>,
    /// True when the form was filled from a saved draft on open.
    pub restored: RwSignal<bool>,
    /// Set when a draft could not be saved (storage full): the words are
    /// still on screen, and the message says what to do.
    pub error: RwSignal<Option<String>>,
    pending: StoredValue<Option<TimeoutHandle>>,
    enabled: RwSignal<bool>,
}

impl Autosave {
    /// Forgets the draft after the form was saved for real (or discarded).
    pub fn clear(&self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        self.enabled.set(false);
        let name = self.name.get_value();
        let _ = with_store(|s| drafts::clear(s, &name));
        self.restored.set(false);
    }
}

/// Autosaves `value` under the draft `name` (for example `checkin:new`).
/// If a draft is stored, `value` is filled from it first. A value equal to
/// `pristine` is not a draft: it clears any stored one.
pub fn use_autosave<T>(name: String, value: RwSignal<T>, pristine: T) -> Autosave
where
    T: Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static,
{
    let auto = Autosave {
        name: StoredValue::new(name.clone()),
        restored: RwSignal::new(false),
        error: RwSignal::new(None),
        pending: StoredValue::new(None),
        enabled: RwSignal::new(true),
    };
    if let Ok(Some(raw)) = with_store(|s| drafts::load(s, &name)) {
        if let Ok(draft) = serde_json::from_str::<T>(&raw) {
            if draft != pristine {
                value.set(draft);
                auto.restored.set(true);
            }
        }
    }
    let pristine = StoredValue::new(pristine);

    // Uses try_ accessors: a timer or page event may fire after the form
    // is gone, and that must be a no-op, never a panic.
    let save_now = move || {
        if auto.enabled.try_get_untracked() != Some(true) {
            return;
        }
        let (Some(name), Some(current)) = (auto.name.try_get_value(), value.try_get_untracked())
        else {
            return;
        };
        let result = if pristine.try_with_value(|p| *p == current).unwrap_or(false) {
            with_store(|s| drafts::clear(s, &name))
        } else {
            match serde_json::to_string(&current) {
                Ok(json) => with_store(|s| drafts::save(s, &name, &json)),
                Err(_) => Ok(()),
            }
        };
        auto.error
            .try_set(result.err().map(|e| save_error_message(&e).to_owned()));
    };

    Effect::new(move |first: Option<()>| {
        value.track();
        if first.is_none() {
            return;
        }
        auto.enabled.set(true);
        if let Some(h) = auto.pending.get_value() {
            h.clear();
        }
        auto.pending
            .set_value(set_timeout_with_handle(save_now, DEBOUNCE).ok());
    });

    let on_hide = window_event_listener(ev::pagehide, move |_| save_now());
    let on_flush = window_event_listener_untyped(FLUSH_EVENT, move |_| save_now());
    let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            save_now();
        }
    });
    on_cleanup(move || {
        // Leaving the screen: write any change the debounce still holds.
        if let Some(Some(h)) = auto.pending.try_get_value() {
            h.clear();
            save_now();
        }
        on_hide.remove();
        on_flush.remove();
        on_visibility.remove();
    });
    auto
}
