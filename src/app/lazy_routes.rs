//! Every screen but Home as a lazily loaded route. Each `…Route` below is a
//! Leptos `LazyRoute` whose view is a split point: `scripts/post-build.mjs`
//! cuts its code (and whatever only it uses) out of the main module into its
//! own chunk, which the router fetches the first time the screen opens. The
//! first visit to `/` so loads only the shell and the home screen; the
//! service worker precaches every chunk, so each screen still opens offline.

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use super::pages::*;

/// One lazy route per screen: a unit struct (screens load their own data
/// through hooks, so the route carries none) whose view draws the page.
macro_rules! lazy_screen {
    ($($(#[$doc:meta])* $route:ident => $page:path;)*) => {$(
        $(#[$doc])*
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                super::components::first_screen::screen_drawn();
                view! { <$page/> }.into_any()
            }
        }
    )*};
}

/// What the lock screen calls once the data is open (given by the locked
/// app, which then draws the unlocked one).
#[derive(Clone, Copy)]
pub struct OnUnlock(pub Callback<Vec<String>>);

/// Every address while the passphrase lock is on (Help excepted).
pub struct LockRoute;

#[lazy_route]
impl LazyRoute for LockRoute {
    fn data() -> Self {
        LockRoute
    }

    fn view(_this: Self) -> AnyView {
        super::components::first_screen::screen_drawn();
        match use_context::<OnUnlock>() {
            Some(OnUnlock(on_unlock)) => {
                view! { <super::components::lock_screen::LockScreen on_unlock=on_unlock/> }
                    .into_any()
            }
            None => ().into_any(),
        }
    }
}

lazy_screen! {
    /// `/guide`
    GuideOverviewRoute => guide_overview::GuideOverviewPage;
    /// `/guide/intro`
    GuideIntroRoute => guide_intro::GuideIntroPage;
    /// `/guide/takeaway`
    GuideTakeawayRoute => guide_takeaway::GuideTakeawayPage;
    /// `/guide/:step`
    GuideStepRoute => guide_step::GuideStepPage;
    /// `/journal`
    JournalRoute => journal_list::JournalPage;
    /// `/journal/new` and `/journal/:id`
    CheckInRoute => checkin_form::CheckInPage;
    /// `/tools`
    ToolsRoute => tools_index::ToolsPage;
    /// `/tools/craving`
    CravingRoute => craving::CravingPage;
    /// `/tools/people`
    PeopleRoute => people::PeoplePage;
    /// `/tools/meetings`
    MeetingsRoute => meetings::MeetingsPage;
    /// `/tools/places`
    PlacesRoute => places::PlacesPage;
    /// `/tools/coping`
    CopingRoute => coping::CopingPage;
    /// `/tools/exercise`
    ExerciseRoute => exercise::ExercisePage;
    /// `/tools/treatment`
    TreatmentRoute => treatment::TreatmentPage;
    /// `/tools/plan`
    PlanRoute => plan::PlanPage;
    /// `/insights`
    InsightsRoute => insights::InsightsPage;
    /// `/help`: the crisis screen (also reachable while locked).
    HelpRoute => help::HelpPage;
    /// `/settings`
    SettingsRoute => settings::SettingsPage;
    /// `/help/overdose`: the overdose response guide (also reachable while locked).
    OverdoseRoute => overdose::OverdosePage;
    /// `/settings/move`: moving to a new phone.
    MovePhoneRoute => move_phone::MovePhonePage;
}

/// Fetches and compiles, in idle time after the first screen has drawn, the
/// modules of the screens one tap from Home: Help first (the crisis screen
/// must open at once), then the check-in form, the craving tool and the
/// bottom navigation's screens. Each waits for the browser to be idle, so
/// typing on the first screen is never held up; the rest load on first use.
/// Only when the service worker already serves this page: then the modules
/// come from its cache. On a first visit it is still downloading them all,
/// and fetching them twice would cost the user's data for nothing.
pub fn preload_nearby_screens() {
    let from_cache = window().navigator().service_worker().controller().is_some();
    if !from_cache {
        return;
    }
    leptos::task::spawn_local(async {
        idle().await;
        <HelpRoute as LazyRoute>::preload().await;
        idle().await;
        <CheckInRoute as LazyRoute>::preload().await;
        idle().await;
        <CravingRoute as LazyRoute>::preload().await;
        idle().await;
        <JournalRoute as LazyRoute>::preload().await;
        idle().await;
        <GuideOverviewRoute as LazyRoute>::preload().await;
        idle().await;
        <ToolsRoute as LazyRoute>::preload().await;
    });
}

/// Resolves when the browser is idle (`requestIdleCallback`, which Safari
/// lacks: there, after a second).
async fn idle() {
    use wasm_bindgen::{JsCast, JsValue};
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window: JsValue = window().into();
        let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &JsValue::from_f64(3000.0));
        let scheduled = match idle {
            Some(idle) => idle.call2(&window, &resolve, &options).is_ok(),
            None => false,
        };
        if !scheduled {
            let _ = web_sys::window()
                .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1000));
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
