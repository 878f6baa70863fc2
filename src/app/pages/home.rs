//! Home: clean time, today's check-in, the craving button, the current step,
//! and a backup reminder only when one is due. On a 360 px phone the first
//! three fit without scrolling, so the next action is always in sight.

use crate::app::components::clean_time_card::CleanTimeCard;
use crate::app::components::guide_current_step::CurrentStepCard;
use crate::app::components::home_install::HomeInstall;
use crate::app::components::home_money::HomeMoney;
use crate::app::components::journal_entry::mood_and_craving;
use crate::app::components::settings_region_suggestion::SettingsRegionSuggestion;
use crate::app::hooks::{use_collection, use_doc};
use crate::app::state::{now_ms, today};
use crate::domain::checkin::{newest_first, CheckIn};
use crate::domain::settings::{BackupDue, Settings};
use crate::i18n::Key;
use crate::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// Today's check-in (the latest, if there are several), or the button to
/// write one.
#[component]
fn TodayCard() -> impl IntoView {
    let checkins = use_collection::<CheckIn>();
    let today = today();
    let latest_today = Memo::new(move |_| {
        checkins.items.with(|items| {
            items
                .iter()
                .map(|e| &e.value)
                .filter(|c| c.date == today)
                .min_by(|a, b| newest_first(a, b))
                .cloned()
        })
    });
    view! {
        <section class="card home-today" aria-labelledby="home-today-title">
            <h2 id="home-today-title" class="card__title">{t!(Key::HomeTodayTitle)}</h2>
            {move || match latest_today.get() {
                None => view! {
                    <A href="/journal/new" attr:class="button button--primary button--big">
                        {t!(Key::HomeHowAreYou)}
                    </A>
                }
                .into_any(),
                Some(c) => {
                    let href = format!("/journal/{}", c.id);
                    view! {
                        <p>{t!(Key::HomeCheckedIn, summary = mood_and_craving(&c))}</p>
                        {c.used.then(|| view! {
                            <p class="small">
                                {t!(Key::HomeLoggedUse)}" "
                                <A href="/help">{t!(Key::HomeHelpIsHere)}</A>
                            </p>
                        })}
                        <p>
                            <A href=href attr:class="button">{t!(Key::HomeEditToday)}</A>
                        </p>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// The backup reminder: only when there is something to lose.
#[component]
fn BackupNotice() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let checkins = use_collection::<CheckIn>();
    let due = Memo::new(move |_| {
        let has_data = checkins.items.with(|items| !items.is_empty());
        settings.value.with(|s| s.backup_due(now_ms(), has_data))
    });
    move || {
        due.get().map(|due| {
            let text = match due {
                BackupDue::NoBackupYet => t!(Key::HomeBackupNone).to_string(),
                // Due only after a week or more, so always "days".
                BackupDue::DaysAgo(days) => t!(Key::HomeBackupDaysAgo, days = days),
            };
            view! {
                <div class="notice home-backup">
                    <p>{text}</p>
                    <p><A href="/settings#backup">{t!(Key::HomeBackupLink)}</A></p>
                </div>
            }
        })
    }
}

/// The cards only some users see (money not spent, a region to suggest,
/// an install offer).
/// A split point: their code is a module of its own, fetched after Home has
/// drawn, so the first load does not carry it.
#[cfg_attr(feature = "split", lazy)]
async fn optional_cards() -> AnyView {
    view! {
        <HomeMoney/>
        <SettingsRegionSuggestion/>
        <HomeInstall/>
    }
    .into_any()
}

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <h1 class="visually-hidden">{t!(Key::HomeTitle)}</h1>
        <CleanTimeCard/>
        <TodayCard/>
        <p class="home-craving">
            <A href="/tools/craving" attr:class="button button--primary button--big home-craving__button">
                {t!(Key::HomeCravingButton)}
            </A>
        </p>
        <CurrentStepCard/>
        {Suspend::new(leptos::__reexports::send_wrapper::SendWrapper::new(optional_cards()))}
        <BackupNotice/>
    }
}
