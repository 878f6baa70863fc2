//! Keeps a tap made while the first screen is still loading from drawing
//! the wrong screen.
//!
//! Leptos 0.8's router cancels a navigation's loading when a newer one
//! starts, but not the loading of the first screen a `<Routes>` draws: when
//! that screen's lazy module arrives late it still installs its view, over
//! the screen the user has gone to since. Measured: open `/settings`, tap
//! Journal before the settings module is in, and the address says
//! `/journal` while the page stays Settings for good (WebKit, slower to
//! compile modules, hit it in CI right after unlocking).
//!
//! So until the first screen under these routes has drawn at the address
//! it was built for, a change of address builds the routes afresh, and they
//! draw the screen the address names. Once a screen has drawn there,
//! navigation is the router's alone.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

/// What every screen drawn under [`RestartUntilFirstScreen`] reports to.
#[derive(Clone)]
struct FirstScreen {
    /// Which build of the routes this screen belongs to.
    build: u32,
    /// The address that build was made for.
    path: String,
    /// The current build.
    current: RwSignal<u32>,
    /// Whether the current build's first screen has drawn at its address.
    drawn: RwSignal<bool>,
}

/// Wraps a `<Routes>`: draws `children` again when the address changes
/// before the first screen has drawn (see the module comment).
#[component]
pub fn RestartUntilFirstScreen(children: ChildrenFn) -> impl IntoView {
    let pathname = use_location().pathname;
    let current = RwSignal::new(0u32);
    let drawn = RwSignal::new(false);
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        if previous.is_some_and(|p| p != path) && !drawn.get_untracked() {
            restart(current, drawn);
        }
        path
    });
    move || {
        provide_context(FirstScreen {
            build: current.get(),
            path: pathname.get_untracked(),
            current,
            drawn,
        });
        children()
    }
}

/// Builds the routes afresh, for the address as it is now.
fn restart(current: RwSignal<u32>, drawn: RwSignal<bool>) {
    drawn.set(false);
    current.update(|b| *b += 1);
}

/// Called by every screen's view as it draws. At the address its routes
/// were built for, it ends the watch (and completes a navigation the
/// replaced routes left pending, so the address bar follows); at any other
/// address it is the late first screen, so the routes are built again.
pub fn screen_drawn() {
    let Some(first) = use_context::<FirstScreen>() else {
        return;
    };
    let FirstScreen {
        build,
        path,
        current,
        drawn,
    } = first;
    if current.try_get_untracked() != Some(build) || drawn.try_get_untracked() != Some(false) {
        return;
    }
    if use_location().pathname.get_untracked() == path {
        drawn.set(true);
        if build > 0 {
            if let Some(url) = use_context::<BrowserUrl>() {
                url.ready_to_complete();
            }
        }
    } else {
        // Not while this view is being drawn: after it.
        queue_microtask(move || {
            if current.try_get_untracked() == Some(build) {
                restart(current, drawn);
            }
        });
    }
}
