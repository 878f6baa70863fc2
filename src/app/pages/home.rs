//! Home: clean time, today's check-in, the craving button, the current step,
//! and a backup reminder only when one is due. On a 360 px phone the first
//! three fit without scrolling, so the next action is always in sight.

use crate::app::components::clean_time_card::CleanTimeCard;
use crate::app::components::guide_current_step::CurrentStepCard;
use crate::app::components::journal_entry::mood_and_craving;
use crate::app::hooks::{use_collection, use_doc};
use crate::app::state::{now_ms, today};
use crate::domain::checkin::{newest_first, CheckIn};
use crate::domain::settings::{BackupDue, Settings};
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
            <h2 id="home-today-title" class="card__title">"Today"</h2>
            {move || match latest_today.get() {
                None => view! {
                    <A href="/journal/new" attr:class="button button--primary button--big">
                        "How are you today?"
                    </A>
                }
                .into_any(),
                Some(c) => {
                    let href = format!("/journal/{}", c.id);
                    view! {
                        <p>"You checked in today: " {mood_and_craving(&c)} "."</p>
                        {c.used.then(|| view! {
                            <p class="small">
                                "You logged a use. Your clean days still count. "
                                <A href="/help">"Help is here if you need it."</A>
                            </p>
                        })}
                        <p>
                            <A href=href attr:class="button">"Edit today's check-in"</A>
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
                BackupDue::NoBackupYet => {
                    "Your journal is saved only on this device. Download a backup file so you can get it back if this phone is lost.".to_string()
                }
                BackupDue::DaysAgo(days) => format!(
                    "Your last backup was {days} days ago. Download a fresh one so your newest entries are safe too."
                ),
            };
            view! {
                <div class="notice home-backup">
                    <p>{text}</p>
                    <p><A href="/settings#backup">"Back up in Settings"</A></p>
                </div>
            }
        })
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <h1 class="visually-hidden">"Waymark home"</h1>
        <CleanTimeCard/>
        <TodayCard/>
        <p class="home-craving">
            <A href="/tools/craving" attr:class="button button--primary button--big home-craving__button">
                "I'm having a craving"
            </A>
        </p>
        <CurrentStepCard/>
        <BackupNotice/>
    }
}
