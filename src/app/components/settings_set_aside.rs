//! Settings › Set-aside data: values Waymark could not read were set aside
//! instead of deleted. The user can download them all as one file, and only
//! after that remove them one by one (after saying yes once more).

use leptos::prelude::*;

use super::download::download_text;
use super::settings_focus::focus_soon;
use crate::app::state::{today, use_app_state, with_store};
use crate::data::keys::{self, KeyClass};
use crate::data::quarantine::{self, QuarantinedItem};

const DOWNLOAD_FAILED: &str = "Waymark could not read the set-aside data just now. \
     Nothing was changed. Please try again.";
const REMOVE_FAILED: &str = "This could not be removed just now. Nothing was changed. \
     Please try again.";

/// What a set-aside value was, in plain words, from the key it came from.
fn describe(original_key: &str) -> String {
    let what = match keys::classify(original_key) {
        KeyClass::Record { kind, .. } | KeyClass::LegacyIndex { kind } => match kind {
            keys::JOURNAL => "A check-in",
            keys::CONTACT => "A support contact",
            keys::APPOINTMENT => "An appointment",
            keys::MEETING => "A meeting",
            keys::ATTENDANCE => "A meeting visit",
            keys::PLACE => "A people, places and situations entry",
            keys::COPING => "A coping idea",
            keys::EXERCISE => "An exercise entry",
            keys::DOSE => "A dose log entry",
            keys::SOWS => "A withdrawal rating",
            keys::URGE => "An urge-surfing session",
            _ => "Saved data",
        },
        KeyClass::Doc { name } => match name {
            keys::SETTINGS => "Your settings",
            keys::GUIDE => "Your guide progress",
            keys::PLAN => "Your relapse-prevention plan",
            keys::MED => "Your medication details",
            _ => "Saved data",
        },
        KeyClass::Draft { .. } => "An unsaved draft",
        _ => "Saved data",
    };
    what.to_owned()
}

fn size_text(units: usize) -> String {
    if units < 1024 {
        format!("{units} characters")
    } else {
        format!("{:.1} thousand characters", units as f64 / 1000.0)
    }
}

#[component]
pub fn SetAsideSection(changed: RwSignal<u32>) -> impl IntoView {
    let health = use_app_state().health;
    let items = Memo::new(move |_| {
        changed.track();
        health.track();
        with_store(quarantine::list)
    });
    let downloaded = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<String>);

    let on_download = move |_| {
        let result = with_store(quarantine::export_raw)
            .map_err(|_| DOWNLOAD_FAILED.to_owned())
            .and_then(|text| {
                let name = format!("waymark-set-aside-{}.json", today().format("%Y-%m-%d"));
                download_text(&name, "application/json", &text)
            });
        match result {
            Ok(()) => {
                downloaded.set(true);
                error.set(None);
            }
            Err(m) => error.set(Some(m)),
        }
    };

    let remove = move |key: String| {
        match with_store(|s| quarantine::discard(s, &key)) {
            Ok(()) => {
                health.update(|h| h.quarantined.retain(|k| k != &key));
                error.set(None);
            }
            Err(_) => error.set(Some(REMOVE_FAILED.to_owned())),
        }
        confirming.set(None);
        changed.update(|n| *n += 1);
    };

    let item_view = move |item: QuarantinedItem| {
        let key = item.key.clone();
        let key_yes = item.key.clone();
        let key_confirm = item.key.clone();
        let is_confirming = move || confirming.with(|c| c.as_deref() == Some(key_confirm.as_str()));
        let label = describe(&item.original_key);
        let label_for_button = label.clone();
        view! {
            <li class="settings__set-aside-item">
                <p>
                    <strong>{label}</strong>
                    <br/>
                    <span class="muted small">{item.original_key.clone()}" · "{size_text(item.units)}</span>
                </p>
                <Show
                    when=is_confirming
                    fallback=move || {
                        let key = key.clone();
                        view! {
                            <button
                                class="button button--danger"
                                disabled=move || !downloaded.get()
                                aria-label=format!("Remove: {}", label_for_button)
                                on:click=move |_| {
                                    confirming.set(Some(key.clone()));
                                    focus_soon("set-aside-confirm");
                                }
                            >
                                "Remove"
                            </button>
                        }
                    }
                >
                    {
                        let key_yes = key_yes.clone();
                        view! {
                            <div class="settings__confirm" role="group" aria-label="Confirm removal">
                                <p id="set-aside-confirm" tabindex="-1">
                                    "Remove this for good? Keep your downloaded file if you may want it later."
                                </p>
                                <div class="row">
                                    <button class="button button--danger" on:click=move |_| remove(key_yes.clone())>
                                        "Yes, remove it"
                                    </button>
                                    <button class="button" on:click=move |_| confirming.set(None)>
                                        "Keep it"
                                    </button>
                                </div>
                            </div>
                        }
                    }
                </Show>
            </li>
        }
    };

    let body = move || match items.get() {
        Err(_) => view! { <p>"Waymark could not read its storage just now."</p> }.into_any(),
        Ok(list) if list.is_empty() => view! {
            <p>"Nothing is set aside. All your saved data could be read."</p>
        }
        .into_any(),
        Ok(list) => {
            let rows = list.into_iter().map(item_view).collect_view();
            view! {
                <p>
                    "Some saved data could not be read, so Waymark set it aside instead of deleting \
                     it. Download it first. You can then remove what you do not need to free space."
                </p>
                <button class="button button--primary" on:click=on_download>
                    "Download set-aside data"
                </button>
                {move || (!downloaded.get()).then(|| view! {
                    <p class="field__hint">"The Remove buttons work after you download."</p>
                })}
                <ul class="list-plain settings__set-aside">{rows}</ul>
            }
            .into_any()
        }
    };

    view! {
        <section class="settings__section card" id="set-aside" aria-labelledby="set-aside-title">
            <h2 id="set-aside-title">"Set-aside data"</h2>
            {body}
            <p class="field__error" role="alert">{move || error.get()}</p>
        </section>
    }
}
