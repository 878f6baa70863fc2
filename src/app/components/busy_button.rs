//! A form's submit button for work that takes a moment (deriving a key from
//! a passphrase): it says what is happening and cannot be pressed twice.

use leptos::prelude::*;

#[component]
pub fn BusyButton(
    busy: RwSignal<bool>,
    label: &'static str,
    /// Shown while the work runs, e.g. "Unlocking…".
    busy_label: &'static str,
    #[prop(default = "button button--primary")] class: &'static str,
) -> impl IntoView {
    view! {
        <button class=class type="submit" disabled=move || busy.get()>
            {move || if busy.get() { busy_label } else { label }}
        </button>
    }
}
