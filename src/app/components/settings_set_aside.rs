//! Settings › Set-aside data: values Waymark could not read were set aside
//! instead of deleted. The user can download them all as one file, and only
//! after that remove them one by one (after saying yes once more).

use leptos::prelude::*;

use super::download::download_text;
use super::settings_focus::focus_soon;
use crate::app::state::{today, use_app_state, with_store};
use crate::data::keys::{self, KeyClass};
use crate::data::quarantine::{self, QuarantinedItem};
use crate::i18n::Key;
use crate::t;

/// What a set-aside value was, in plain words, from the key it came from.
fn describe(original_key: &str) -> String {
    let what = match keys::classify(original_key) {
        KeyClass::Record { kind, .. } | KeyClass::LegacyIndex { kind } => match kind {
            keys::JOURNAL => Key::SettingsSetAsideCheckin,
            keys::CONTACT => Key::SettingsSetAsideContact,
            keys::APPOINTMENT => Key::SettingsSetAsideAppointment,
            keys::MEETING => Key::SettingsSetAsideMeeting,
            keys::ATTENDANCE => Key::SettingsSetAsideAttendance,
            keys::PLACE => Key::SettingsSetAsidePlace,
            keys::COPING => Key::SettingsSetAsideCoping,
            keys::EXERCISE => Key::SettingsSetAsideExercise,
            keys::DOSE => Key::SettingsSetAsideDose,
            keys::SOWS => Key::SettingsSetAsideSows,
            keys::URGE => Key::SettingsSetAsideUrge,
            _ => Key::SettingsSetAsideSavedData,
        },
        KeyClass::Doc { name } => match name {
            keys::SETTINGS => Key::SettingsSetAsideSettings,
            keys::GUIDE => Key::SettingsSetAsideGuide,
            keys::PLAN => Key::SettingsSetAsidePlan,
            keys::MED => Key::SettingsSetAsideMed,
            _ => Key::SettingsSetAsideSavedData,
        },
        KeyClass::Draft { .. } => Key::SettingsSetAsideDraft,
        _ => Key::SettingsSetAsideSavedData,
    };
    t!(what).to_owned()
}

fn size_text(units: usize) -> String {
    if units < 1024 {
        t!(Key::SettingsSetAsideChars, count = units)
    } else {
        let thousands =
            format!("{:.1}", units as f64 / 1000.0).replace('.', t!(Key::SettingsDecimalMark));
        t!(Key::SettingsSetAsideThousandChars, count = thousands)
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
            .map_err(|_| t!(Key::SettingsSetAsideDownloadFailed).to_owned())
            .and_then(|text| {
                let name = format!(
                    "waymark-set-aside-{}.json",
                    crate::domain::iso::format_date(today())
                );
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
            Err(_) => error.set(Some(t!(Key::SettingsSetAsideRemoveFailed).to_owned())),
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
                                aria-label=t!(Key::SettingsSetAsideRemoveLabel, what = label_for_button)
                                on:click=move |_| {
                                    confirming.set(Some(key.clone()));
                                    focus_soon("set-aside-confirm");
                                }
                            >
                                {t!(Key::SettingsSetAsideRemove)}
                            </button>
                        }
                    }
                >
                    {
                        let key_yes = key_yes.clone();
                        view! {
                            <div class="settings__confirm" role="group" aria-label=t!(Key::SettingsSetAsideConfirmLabel)>
                                <p id="set-aside-confirm" tabindex="-1">{t!(Key::SettingsSetAsideConfirm)}</p>
                                <div class="row">
                                    <button class="button button--danger" on:click=move |_| remove(key_yes.clone())>
                                        {t!(Key::SettingsSetAsideYes)}
                                    </button>
                                    <button class="button" on:click=move |_| confirming.set(None)>
                                        {t!(Key::SettingsSetAsideKeep)}
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
        Err(_) => view! { <p>{t!(Key::SettingsSetAsideUnreadable)}</p> }.into_any(),
        Ok(list) if list.is_empty() => view! {
            <p>{t!(Key::SettingsSetAsideNone)}</p>
        }
        .into_any(),
        Ok(list) => {
            let rows = list.into_iter().map(item_view).collect_view();
            view! {
                <p>{t!(Key::SettingsSetAsideIntro)}</p>
                <button class="button button--primary" on:click=on_download>
                    {t!(Key::SettingsSetAsideDownload)}
                </button>
                {move || (!downloaded.get()).then(|| view! {
                    <p class="field__hint">{t!(Key::SettingsSetAsideRemoveAfter)}</p>
                })}
                <ul class="list-plain settings__set-aside">{rows}</ul>
            }
            .into_any()
        }
    };

    view! {
        <section class="settings__section card" id="set-aside" aria-labelledby="set-aside-title">
            <h2 id="set-aside-title">{t!(Key::SettingsSetAsideTitle)}</h2>
            {body}
            <p class="field__error" role="alert">{move || error.get()}</p>
        </section>
    }
}
