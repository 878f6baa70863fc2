//! The Leptos UI (wasm32 only). Pages are thin: they read signals from
//! [`state::AppState`], call the domain for every decision, and hand every
//! write to the data layer through `state`.

pub mod components;
pub mod hooks;
pub mod language;
pub mod lazy_routes;
pub mod local_storage;
pub mod pages;
pub mod state;
pub mod theme;
pub mod vault;

use components::first_screen::{screen_drawn, RestartUntilFirstScreen};
use components::{header::AppHeader, nav::AppNav, notices::Notices};
use lazy_routes::*;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};
use pages::*;

use crate::domain::checkin::CheckIn;
use crate::domain::guide_progress::GuideProgress;
use crate::domain::settings::Settings;
use crate::i18n::Key;
use crate::t;

/// The app: the shell (header with Help, notices) around either the lock
/// screen, while the passphrase lock is on and not yet opened, or one routed
/// screen per address in the product design with the bottom navigation.
/// One router serves both, so the lock adds no second copy of it.
#[component]
pub fn App() -> impl IntoView {
    // The static boot screen from index.html stays until the app can draw.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    let app = state::AppState::provide();
    let locked = RwSignal::new(
        vault::current().is_none() && vault::lock_is_on(&local_storage::LocalStore::open()),
    );
    // Another tab turned the lock on or off (or cleared storage): start again
    // from the top, so this tab neither writes plain text beside sealed data
    // nor keeps showing what is now locked.
    let handle = window_event_listener(leptos::ev::storage, |e| {
        let lock_turned = e.key().as_deref() == Some(crate::data::keys::LOCK_KEY)
            && e.old_value().is_some() != e.new_value().is_some();
        if e.key().is_none() || lock_turned {
            let _ = window().location().reload();
        }
    });
    on_cleanup(move || handle.remove());
    let on_unlock = Callback::new(move |tampered: Vec<String>| {
        if !tampered.is_empty() {
            app.report_quarantined(&tampered);
            app.report_error(&crate::data::vault::VaultError::Tampered.message());
        }
        locked.set(false);
    });
    let language = language::provide_language();
    // A language switch redraws everything below with the new words (each
    // view reads its text once, as plain text). What is being typed is in a
    // draft, so nothing is lost.
    move || {
        language.lang.track();
        view! {
            <Router>
                <a class="skip-link" href="#main">{t!(Key::ShellSkipToContent)}</a>
                <components::route_focus::RouteFocus/>
                <AppHeader/>
                <Notices/>
                {move || {
                    if locked.get() {
                        view! { <LockedScreen on_unlock=on_unlock/> }.into_any()
                    } else {
                        view! { <UnlockedApp/> }.into_any()
                    }
                }}
            </Router>
        }
    }
}

#[component]
fn LockedScreen(on_unlock: Callback<Vec<String>>) -> impl IntoView {
    provide_context(OnUnlock(on_unlock));
    view! {
        <main id="main" tabindex="-1" data-app-ready="" data-locked="">
            <RestartUntilFirstScreen>
                <Routes fallback=drawn_not_found>
                    <Route path=path!("/help") view={Lazy::<HelpRoute>::new()}/>
                    <Route path=path!("/help/overdose") view={Lazy::<OverdoseRoute>::new()}/>
                    <Route path=path!("/*any") view={Lazy::<LockRoute>::new()}/>
                </Routes>
            </RestartUntilFirstScreen>
        </main>
    }
}

/// The unlocked app: shared data loaded once, every screen, the navigation.
#[component]
fn UnlockedApp() -> impl IntoView {
    hooks::use_idle_lock();
    // Read by several screens, so loaded once and shared.
    let settings = hooks::provide_doc::<Settings>();
    hooks::provide_doc::<GuideProgress>();
    let checkins = hooks::provide_collection::<CheckIn>();
    Effect::new(move |_| theme::apply_theme(settings.value.with(|s| s.theme)));
    // The language in the settings (chosen here, in another tab, or brought
    // by an imported backup), else the browser's.
    let language = language::use_language();
    Effect::new(move |_| match settings.value.with(|s| s.language) {
        Some(chosen) => language.switch(chosen, true),
        None => language.switch(language::browser_language(), false),
    });
    // Once the journal's older slices are in (the home's clean time waits for
    // them), so preloading never competes with them.
    Effect::new(move |started: Option<bool>| {
        let done = started.unwrap_or(false) || checkins.complete.get();
        if done && started != Some(true) {
            lazy_routes::preload_nearby_screens();
        }
        done
    });
    view! {
            <main id="main" tabindex="-1" data-app-ready="">
                <RestartUntilFirstScreen>
                    <Routes fallback=drawn_not_found>
                        <Route path=path!("/") view=drawn_home/>
                        <Route path=path!("/guide") view={Lazy::<GuideOverviewRoute>::new()}/>
                        <Route path=path!("/guide/intro") view={Lazy::<GuideIntroRoute>::new()}/>
                        <Route path=path!("/guide/takeaway") view={Lazy::<GuideTakeawayRoute>::new()}/>
                        <Route path=path!("/guide/:step") view={Lazy::<GuideStepRoute>::new()}/>
                        <Route path=path!("/journal") view={Lazy::<JournalRoute>::new()}/>
                        <Route path=path!("/journal/new") view={Lazy::<CheckInRoute>::new()}/>
                        <Route path=path!("/journal/:id") view={Lazy::<CheckInRoute>::new()}/>
                        <Route path=path!("/tools") view={Lazy::<ToolsRoute>::new()}/>
                        <Route path=path!("/tools/craving") view={Lazy::<CravingRoute>::new()}/>
                        <Route path=path!("/tools/people") view={Lazy::<PeopleRoute>::new()}/>
                        <Route path=path!("/tools/meetings") view={Lazy::<MeetingsRoute>::new()}/>
                        <Route path=path!("/tools/places") view={Lazy::<PlacesRoute>::new()}/>
                        <Route path=path!("/tools/coping") view={Lazy::<CopingRoute>::new()}/>
                        <Route path=path!("/tools/exercise") view={Lazy::<ExerciseRoute>::new()}/>
                        <Route path=path!("/tools/treatment") view={Lazy::<TreatmentRoute>::new()}/>
                        <Route path=path!("/tools/plan") view={Lazy::<PlanRoute>::new()}/>
                        <Route path=path!("/insights") view={Lazy::<InsightsRoute>::new()}/>
                        <Route path=path!("/help") view={Lazy::<HelpRoute>::new()}/>
                        <Route path=path!("/help/overdose") view={Lazy::<OverdoseRoute>::new()}/>
                        <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()}/>
                        <Route path=path!("/settings/move") view={Lazy::<MovePhoneRoute>::new()}/>
                    </Routes>
                </RestartUntilFirstScreen>
            </main>
            <AppNav/>
    }
}

/// Home, the one screen drawn without a lazy module.
fn drawn_home() -> impl IntoView {
    screen_drawn();
    view! { <home::HomePage/> }
}

/// The page for an address Waymark does not have.
fn drawn_not_found() -> impl IntoView {
    screen_drawn();
    view! { <not_found::NotFound/> }
}
