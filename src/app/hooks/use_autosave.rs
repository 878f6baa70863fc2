//! Drafts that survive anything: a reload, a crash, an app update, a full
//! disk. A form's state is saved (debounced) while the user types, and at
//! once when the page is hidden or closed, or before an update reloads it.
//!
//! A draft's name is shared by every tab (so a reload finds it), so a tab
//! writes only what the user changed in it: hiding or closing a tab writes
//! nothing unless it holds a change its debounce has not written yet, and a
//! tab removes a stored draft only if it is the one this tab wrote (or
//! brought back). A tab left untouched in the background never throws away,
//! or writes its old state over, the draft another tab is writing.

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
    /// The form's value (as JSON) when it opened or when this tab last
    /// wrote or removed its draft: a value that differs is a change this
    /// tab has not written yet.
    seen: StoredValue<Option<String>>,
    /// The draft text this tab last wrote or brought back: a stored draft
    /// that differs was written by another tab, and is not this tab's to
    /// remove.
    own: StoredValue<Option<String>>,
}

impl Autosave {
    /// Forgets the draft after the form was saved for real (or discarded).
    /// A draft another tab wrote meanwhile stays.
    pub fn clear(&self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        self.enabled.set(false);
        let _ = self.remove_own();
        self.restored.set(false);
    }

    /// Removes the stored draft if it is the one this tab wrote or brought
    /// back (or none is stored).
    fn remove_own(&self) -> Result<(), crate::data::store::StoreError> {
        let (Some(name), Some(own)) = (self.name.try_get_value(), self.own.try_get_value()) else {
            return Ok(());
        };
        with_store(|s| match drafts::load(s, &name)? {
            Some(raw) if Some(&raw) == own.as_ref() => drafts::clear(s, &name),
            _ => Ok(()),
        })?;
        self.own.try_set_value(None);
        Ok(())
    }
}

/// Autosaves `value` under the draft `name` (for example `checkin:new`).
/// If a draft is stored, `value` is filled from it first. A value equal to
/// `pristine` is not a draft: it clears the stored one this tab wrote.
pub fn use_autosave<T>(name: String, value: RwSignal<T>, pristine: T) -> Autosave
where
    T: Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static,
{
    use_autosave_when(name, value, move |v: &T| *v == pristine)
}

/// Like [`use_autosave`], with a test for "nothing to keep" instead of one
/// pristine value (say, a form whose text equals the text it started from).
pub fn use_autosave_when<T>(
    name: String,
    value: RwSignal<T>,
    is_pristine: impl Fn(&T) -> bool + Send + Sync + 'static,
) -> Autosave
where
    T: Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static,
{
    let auto = Autosave {
        name: StoredValue::new(name.clone()),
        restored: RwSignal::new(false),
        error: RwSignal::new(None),
        pending: StoredValue::new(None),
        enabled: RwSignal::new(true),
        seen: StoredValue::new(None),
        own: StoredValue::new(None),
    };
    if let Ok(Some(raw)) = with_store(|s| drafts::load(s, &name)) {
        if let Ok(draft) = serde_json::from_str::<T>(&raw) {
            // Brought back here, so this tab may remove it once used.
            auto.own.set_value(Some(raw));
            if !is_pristine(&draft) {
                value.set(draft);
                auto.restored.set(true);
            }
        }
    }
    auto.seen
        .set_value(value.with_untracked(|v| serde_json::to_string(v).ok()));
    let is_pristine = StoredValue::new(std::sync::Arc::new(is_pristine));

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
        let pristine = is_pristine.try_with_value(|f| f(&current)).unwrap_or(false);
        let Ok(json) = serde_json::to_string(&current) else {
            return;
        };
        let result = if pristine {
            auto.remove_own()
        } else {
            with_store(|s| drafts::save(s, &name, &json)).map(|()| {
                auto.own.try_set_value(Some(json.clone()));
            })
        };
        if result.is_ok() {
            auto.seen.try_set_value(Some(json));
        }
        auto.error
            .try_set(result.err().map(|e| save_error_message(&e).to_owned()));
    };
    // Hidden, closed or about to reload: write what the debounce still
    // holds, and nothing if this tab changed nothing.
    let flush = move || {
        let current = value.try_with_untracked(|v| serde_json::to_string(v).ok());
        if current.is_none() || current == auto.seen.try_get_value() {
            return;
        }
        if let Some(Some(h)) = auto.pending.try_get_value() {
            h.clear();
        }
        save_now();
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

    let on_hide = window_event_listener(ev::pagehide, move |_| flush());
    let on_flush = window_event_listener_untyped(FLUSH_EVENT, move |_| flush());
    let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    on_cleanup(move || {
        // Leaving the screen: write any change the debounce still holds.
        flush();
        on_hide.remove();
        on_flush.remove();
        on_visibility.remove();
    });
    auto
}
