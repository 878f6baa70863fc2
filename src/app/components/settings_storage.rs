//! Settings › Storage: how full this browser's storage is, honest words about
//! where the data lives, and a way to ask the browser to keep it.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::app::hooks::use_doc;
use crate::app::state::use_app_state;
use crate::data::meter::{self, StorageUsage, UsageLevel};
use crate::domain::settings::Settings;

/// `navigator.storage`, when this browser has it (older Safari does not, and
/// it is missing outside secure pages).
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    let persist = js_sys::Reflect::get(&storage, &JsValue::from_str("persist")).ok()?;
    if !persist.is_function() {
        return None;
    }
    storage.dyn_into::<web_sys::StorageManager>().ok()
}

/// Awaits a promise of a boolean (`persist()`, `persisted()`).
async fn ask(promise: Result<js_sys::Promise, JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// "12%" (or "0.4%" below ten, so a little use does not read as zero).
fn percent_text(percent: f64) -> String {
    if percent < 10.0 {
        format!("{percent:.1}%")
    } else {
        format!("{percent:.0}%")
    }
}

fn level_message(level: UsageLevel) -> Option<(&'static str, &'static str)> {
    match level {
        UsageLevel::Ok => None,
        UsageLevel::Notice60 => Some((
            "notice",
            "Your storage is more than half full. This is fine for now. A backup now and then keeps \
             your entries safe, and removing set-aside data you have downloaded frees space.",
        )),
        UsageLevel::Warn80 => Some((
            "notice",
            "Your storage is getting full. Please download a backup now. Then remove set-aside data \
             or drafts you no longer need to make room.",
        )),
        UsageLevel::Critical95 => Some((
            "notice notice--danger",
            "Your storage is almost full, and new entries may soon not save. Download a backup now, \
             then remove set-aside data or drafts to make room. Nothing saved so far is lost.",
        )),
    }
}

/// One line of where the space goes.
fn share(label: &'static str, units: usize, total: usize) -> impl IntoView {
    let pct = if total == 0 {
        0.0
    } else {
        units as f64 * 100.0 / total as f64
    };
    view! { <li>{label}": "{percent_text(pct)}</li> }
}

#[component]
pub fn StorageSection(changed: RwSignal<u32>) -> impl IntoView {
    let settings = use_doc::<Settings>();
    let health = use_app_state().health;
    let usage = Memo::new(move |_| {
        changed.track();
        // Settings and the journal change the numbers too.
        settings.value.track();
        // Measured on storage itself: with the lock on, sealed values are
        // what count against the quota, not the plain text in memory.
        crate::app::state::with_storage_itself(meter::usage).ok()
    });
    let manager_available = storage_manager().is_some();
    // What the browser says now (it may have changed since we last asked).
    let granted_now = RwSignal::new(None::<bool>);
    let asking = RwSignal::new(false);
    if let Some(manager) = storage_manager() {
        spawn_local_scoped(async move {
            if let Some(answer) = ask(manager.persisted()).await {
                granted_now.set(Some(answer));
            }
        });
    }

    let on_ask = move |_| {
        let Some(manager) = storage_manager() else {
            return;
        };
        asking.set(true);
        spawn_local_scoped(async move {
            let answer = ask(manager.persist()).await;
            asking.set(false);
            if let Some(answer) = answer {
                granted_now.set(Some(answer));
                if !health.with_untracked(|h| h.read_only()) {
                    let _ = settings.update(|s| s.persisted = Some(answer));
                }
            }
        });
    };

    let persisted = move || granted_now.get().or(settings.value.with(|s| s.persisted));
    let persist_text = move || match persisted() {
        Some(true) => {
            "Your browser agreed to keep Waymark's data, even when the phone is low on space."
        }
        Some(false) => {
            "Your browser has not agreed to keep Waymark's data for sure. It usually keeps it, \
             but it could clear it if the phone runs low on space. Regular backups keep you safe."
        }
        None => "You have not asked your browser to keep Waymark's data yet.",
    };

    let meter_view = move || {
        usage.with(|u| match u {
            None => view! {
                <p>"Waymark could not measure its storage just now."</p>
            }
            .into_any(),
            Some(StorageUsage {
                percent,
                level,
                breakdown: b,
                used_units,
                ..
            }) => {
                let pct = percent_text(*percent);
                let value = percent.clamp(0.0, 100.0);
                let warning = level_message(*level).map(|(class, text)| {
                    view! { <p class=class role="status">{text}</p> }
                });
                let total = *used_units;
                view! {
                    <p class="settings__meter-text" id="storage-meter-text">
                        <span class="big-number">{pct.clone()}</span>
                        " of this browser's space for Waymark is used."
                    </p>
                    <progress
                        class="settings__meter"
                        max="100"
                        value=value
                        aria-label="Storage used"
                        aria-valuetext=format!("{pct} used")
                    ></progress>
                    {warning}
                    <details class="settings__breakdown">
                        <summary>"What uses the space"</summary>
                        <ul>
                            {share("Check-ins", b.journal, total)}
                            {share("Tools and settings", b.other_records, total)}
                            {share("Unsaved drafts", b.drafts, total)}
                            {share("Set-aside data", b.quarantine, total)}
                            {share("Other", b.other, total)}
                        </ul>
                    </details>
                }
                .into_any()
            }
        })
    };

    view! {
        <section class="settings__section card" id="storage" aria-labelledby="storage-title">
            <h2 id="storage-title">"Storage"</h2>
            {meter_view}
            <p>
                "Your data lives only on this device, in this browser. It is never sent anywhere. \
                 If you clear this browser's data (history, cookies or site data), your entries \
                 are deleted too. Download a backup to keep a copy."
            </p>
            <h3>"Keep my data"</h3>
            <p role="status">{persist_text}</p>
            {if manager_available {
                view! {
                    <button class="button" on:click=on_ask disabled=move || asking.get()>
                        "Ask to keep my data"
                    </button>
                }
                .into_any()
            } else {
                view! {
                    <p class="muted">
                        "This browser has no way for Waymark to ask. Regular backups are the best \
                         way to keep your entries safe."
                    </p>
                }
                .into_any()
            }}
        </section>
    }
}
