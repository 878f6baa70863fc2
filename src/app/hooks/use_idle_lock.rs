//! Locks the app by itself while the passphrase lock is on: after the chosen
//! minutes with no touch or key, and when it has been in the background
//! (another app in front, phone screen off) for a minute. A phone left on a
//! table unlocked should not stay open.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::app::state::{now_ms, use_app_state};
use crate::app::vault;
use crate::data::vault::HIDDEN_LOCK_SECONDS;

/// How often the idle clock is looked at.
const TICK: Duration = Duration::from_secs(5);

/// Starts the idle and background timers. They act only while the vault is
/// unlocked, so turning the lock on in Settings starts them at once, and a
/// new idle time counts from the next tick.
pub fn use_idle_lock() {
    let app = use_app_state();
    let last_use = Rc::new(Cell::new(now_ms()));
    let hidden_since = Rc::new(Cell::new(None::<i64>));
    let locking = Rc::new(Cell::new(false));

    let lock = {
        let locking = locking.clone();
        move || {
            if !locking.replace(true) {
                vault::lock_now(move |m| app.report_error(&m));
            }
        }
    };

    let mut handles = Vec::new();
    for name in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        let last_use = last_use.clone();
        handles.push(window_event_listener_untyped(name, move |_| {
            last_use.set(now_ms())
        }));
    }
    let visibility = {
        let hidden_since = hidden_since.clone();
        let last_use = last_use.clone();
        let lock = lock.clone();
        window_event_listener(ev::visibilitychange, move |_| {
            if document().hidden() {
                hidden_since.set(Some(now_ms()));
            } else {
                let away = hidden_since.take().map(|t| now_ms() - t).unwrap_or(0);
                if vault::current().is_some() && away >= i64::from(HIDDEN_LOCK_SECONDS) * 1000 {
                    lock();
                } else {
                    last_use.set(now_ms());
                }
            }
        })
    };
    let tick = set_interval_with_handle(
        move || {
            let Some(v) = vault::current() else { return };
            let idle_ms = i64::from(v.meta().idle_minutes()) * 60_000;
            let now = now_ms();
            let hidden_too_long = hidden_since
                .get()
                .is_some_and(|t| now - t >= i64::from(HIDDEN_LOCK_SECONDS) * 1000);
            if hidden_too_long || now - last_use.get() >= idle_ms {
                lock();
            }
        },
        TICK,
    )
    .ok();
    on_cleanup(move || {
        for h in handles {
            h.remove();
        }
        visibility.remove();
        if let Some(t) = tick {
            t.clear();
        }
    });
}
