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
}
