//! `/help/overdose` (`overdose.help_link`): step by step, for a
//! frightened person (issue 13, part 4). One tap from Help, and reachable
//! while the app is locked. Built only from compiled-in content
//! (`overdose.json`) and the region in the settings, so it works offline.
//!
//! The six steps come from the content file; this screen adds the call
//! button (the region's emergency number) under "call", Spain's naloxone
//! note under "naloxone", and the dose timer under "timer". The timer reads
//! the time each dose was given, never a count of ticks, so it is right
//! after the screen was locked; the times live in the address
//! (`?doses=…`), so a reload, the idle lock or a language switch keeps them.
//! It speaks only when the user turns sound on. The screen is kept awake
//! while the guide is open, where the browser can.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::app::components::emergency_call::EmergencyCallButton;
use crate::app::hooks::use_doc;
use crate::app::pages::help::content_region;
use crate::app::state::now_ms;
use crate::content::helplines::naloxone_note;
use crate::content::overdose::{
    dose_clock, doses_from_query, doses_query, minutes_seconds, minutes_seconds_left, overdose,
    with_dose, DosePhase, OverdoseStep,
};
use crate::content::Region;
use crate::domain::settings::Settings;
use crate::i18n::Key;
use crate::t;

#[component]
pub fn OverdosePage() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let region = Memo::new(move |_| settings.value.with(content_region));
    let guide = overdose();
    let redose_after_ms = guide.redose_after_ms();
    let screen_on = wake_lock::keep_awake();

    view! {
        <div class="crisis overdose">
            <h1>{guide.title.clone()}</h1>
            <p class="crisis__lead">{guide.lead.clone()}</p>
            <Show when=move || screen_on.get()>
                <p class="small muted">{t!(Key::OverdoseScreenOn)}</p>
            </Show>
            <ol class="list-plain overdose__steps">
                {guide
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, step)| step_card(i + 1, step, region, redose_after_ms))
                    .collect_view()}
            </ol>
            <p>
                <a class="button button--big" href="/help">{t!(Key::OverdoseAllHelp)}</a>
            </p>
            <p class="small muted">{t!(Key::OverdoseNotMedicalCare)}</p>
        </div>
    }
}

/// One numbered step: its heading, its lines, and what this screen adds.
fn step_card(
    n: usize,
    step: &'static OverdoseStep,
    region: Memo<Region>,
    redose_after_ms: i64,
) -> impl IntoView {
    let heading_id = format!("overdose-{}", step.id);
    // The call button comes first in its step; the others after the words.
    let (before, after) = match step.id.as_str() {
        "call" => (Some(view! { <EmergencyCallButton region=region label=Key::OverdoseCallNumber hidden=Key::OverdoseForEmergencyServices/> }.into_any()), None),
        "naloxone" => (
            None,
            Some(view! { <NaloxoneNote region=region/> }.into_any()),
        ),
        "timer" => (
            None,
            Some(view! { <DoseTimer redose_after_ms=redose_after_ms/> }.into_any()),
        ),
        _ => (None, None),
    };
    view! {
        <li class="card overdose__step">
            <h2 id=heading_id class="overdose__title">
                {t!(Key::OverdoseStepTitle, n = n, title = step.title)}
            </h2>
            {before}
            <ul class="crisis__steps">
                {step.lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}
            </ul>
            {step.note.clone().map(|note| view! { <p class="notice">{note}</p> })}
            {after}
            {step.more_title.clone().map(|title| view! { <h3>{title}</h3> })}
            {(!step.more.is_empty()).then(|| view! {
                <ul class="crisis__steps">
                    {step.more.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}
                </ul>
            })}
            {(!step.source.is_empty()).then(|| view! {
                <p class="small muted">
                    {t!(Key::ShellSourceLabel)}" "<span lang="en">{step.source.clone()}</span>
                </p>
            })}
        </li>
    }
}

/// Where naloxone is not sold over the counter (Spain), how people get it.
#[component]
fn NaloxoneNote(region: Memo<Region>) -> impl IntoView {
    move || {
        naloxone_note(region.get()).map(|note| {
            view! {
                <p class="notice">
                    {note.text.clone()}" "
                    <span class="small muted">
                        {t!(Key::ShellSourceLabel)}" "<span lang="en">{note.source.clone()}</span>
                    </span>
                </p>
            }
        })
    }
}

/// "I gave a dose", then the time since the last dose and, after
/// `redose_after_ms` with no response, the prompt for the next one.
#[component]
fn DoseTimer(redose_after_ms: i64) -> impl IntoView {
    let doses = RwSignal::new(initial_doses());
    let now = RwSignal::new(now_ms());
    let sound = RwSignal::new(SOUND_ON.get());
    let started = RwSignal::new(false);
    // The dose count whose "next dose" prompt was already shown (and said).
    let prompted = RwSignal::new(0usize);
    let can_speak = speech::supported();

    // The clock is read from Date.now() on every tick and whenever the page
    // comes back into view: a locked screen stops timers, not time.
    let tick = set_interval_with_handle(
        move || {
            now.try_set(now_ms());
        },
        Duration::from_secs(1),
    )
    .ok();
    let visible = window_event_listener(ev::visibilitychange, move |_| {
        now.try_set(now_ms());
    });
    on_cleanup(move || {
        visible.remove();
        if let Some(t) = tick {
            t.clear();
        }
    });

    let clock = Memo::new(move |_| doses.with(|d| dose_clock(d, now.get(), redose_after_ms)));
    let due = Memo::new(move |_| clock.get().is_some_and(|c| c.phase == DosePhase::Due));
    // Said once per dose, when its prompt first shows, and only with sound on.
    Effect::new(move |_| {
        let Some(c) = clock.get() else { return };
        if c.phase == DosePhase::Due && prompted.get_untracked() != c.doses {
            prompted.set(c.doses);
            if sound.get_untracked() {
                speech::say(t!(Key::OverdoseDueNow));
            }
        }
    });

    let give = move |_| {
        let at = now_ms();
        now.set(at);
        let next = doses.with_untracked(|d| with_dose(d, at));
        write_address_query(&doses_query(&next));
        remember(&next);
        doses.set(next);
        started.set(true);
        if sound.get_untracked() {
            speech::say(t!(Key::OverdoseStarted));
        }
    };
    let on_sound = move |e: ev::Event| {
        let on = event_target_checked(&e);
        SOUND_ON.set(on);
        sound.set(on);
        if on {
            // Said in the tap, so phones that only speak after one allow it.
            speech::say(t!(Key::OverdoseSoundOn));
        }
    };

    view! {
        <div class="overdose__timer">
            <button type="button" class="button button--big button--primary" on:click=give>
                {move || {
                    if doses.with(Vec::is_empty) {
                        t!(Key::OverdoseDoseFirst)
                    } else {
                        t!(Key::OverdoseDoseAgain)
                    }
                }}
            </button>
            <p class="small muted" role="status">
                {move || started.get().then(|| t!(Key::OverdoseStarted))}
            </p>
            {move || clock.with(Option::is_some).then(|| view! {
                <p class="small" id="overdose-since">
                    {move || clock.get().map(|c| t!(Key::OverdoseSinceDose, n = c.doses))}
                </p>
                <p class="big-number" role="timer" aria-labelledby="overdose-since">
                    {move || clock.get().map(|c| minutes_seconds(c.elapsed_ms))}
                </p>
            })}
            <Show when=move || due.get()>
                <p class="notice notice--danger" role="alert">{t!(Key::OverdoseDueNow)}</p>
            </Show>
            {move || match clock.get().map(|c| c.phase) {
                Some(DosePhase::Waiting { remaining_ms }) => Some(view! {
                    <p>{t!(Key::OverdoseNextIn, time = minutes_seconds_left(remaining_ms))}</p>
                }),
                _ => None,
            }}
            {can_speak.then(|| view! {
                <label class="check">
                    <input type="checkbox" prop:checked=move || sound.get() on:change=on_sound/>
                    {t!(Key::OverdoseSoundLabel)}
                </label>
                <p class="field__hint">{t!(Key::OverdoseSoundHint)}</p>
            })}
        </div>
    }
}

thread_local! {
    /// The doses given since the page loaded, for when the guide is opened
    /// again from Help (its address then has no times).
    static REMEMBERED: std::cell::RefCell<Vec<i64>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Whether the user turned sound on, for the same reason.
    static SOUND_ON: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn remember(doses: &[i64]) {
    REMEMBERED.with_borrow_mut(|r| *r = doses.to_vec());
}

/// The doses in the address (after a reload), else those given earlier in
/// this page's life, checked as the address is; put back in the address.
fn initial_doses() -> Vec<i64> {
    let now = now_ms();
    let from_address = doses_from_query(&address_query(), now);
    if !from_address.is_empty() {
        remember(&from_address);
        return from_address;
    }
    let earlier = REMEMBERED.with_borrow(|r| doses_from_query(&doses_query(r), now));
    if !earlier.is_empty() {
        restore_address_query(doses_query(&earlier), 20);
    }
    earlier
}

/// This screen's address.
const GUIDE_PATH: &str = "/help/overdose";

/// Puts `query` in the address once it is the guide's: on a tap from Help
/// the router changes the address only after the screen is drawn.
fn restore_address_query(query: String, tries: u32) {
    let here = web_sys::window().and_then(|w| w.location().pathname().ok());
    if here.as_deref() == Some(GUIDE_PATH) {
        write_address_query(&query);
    } else if tries > 0 {
        set_timeout(
            move || restore_address_query(query, tries - 1),
            Duration::from_millis(100),
        );
    }
}

/// The page address's query ("?doses=…"), or "".
fn address_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Puts `query` in the address in place of the current one, without a
/// navigation (the router's state is kept as it was).
fn write_address_query(query: &str) {
    let Some(w) = web_sys::window() else { return };
    let Ok(path) = w.location().pathname() else {
        return;
    };
    if let Ok(history) = w.history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&format!("{path}{query}")));
    }
}

/// Reads `name` on `target`, if it is there.
fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls the method `name` of `target` with `args`.
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    use wasm_bindgen::JsCast;
    let f = get(target, name)?.dyn_into::<js_sys::Function>().ok()?;
    let list: js_sys::Array = args.iter().collect();
    js_sys::Reflect::apply(&f, target, &list).ok()
}

/// The timer's voice: `speechSynthesis`, where the browser has it.
mod speech {
    use wasm_bindgen::{JsCast, JsValue};

    use super::{call, get};

    fn parts() -> Option<(JsValue, js_sys::Function)> {
        let w: JsValue = web_sys::window()?.into();
        let synth = get(&w, "speechSynthesis")?;
        let utterance = get(&w, "SpeechSynthesisUtterance")?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        Some((synth, utterance))
    }

    pub fn supported() -> bool {
        parts().is_some()
    }

    /// Says `text` in the page's language, cutting off anything still
    /// being said, so the newest words come at once.
    pub fn say(text: &str) {
        let Some((synth, utterance)) = parts() else {
            return;
        };
        let args = js_sys::Array::of1(&JsValue::from_str(text));
        let Ok(u) = js_sys::Reflect::construct(&utterance, &args) else {
            return;
        };
        let lang = JsValue::from_str(crate::i18n::current().code());
        let _ = js_sys::Reflect::set(&u, &JsValue::from_str("lang"), &lang);
        let _ = call(&synth, "cancel", &[]);
        let _ = call(&synth, "speak", &[u]);
    }
}

/// The screen wake lock (`navigator.wakeLock`), held while the guide is
/// open: asked for when the page opens and again each time it comes back
/// into view (the browser lets go of it when the page is hidden), and let
/// go when the page closes. Says nothing where the browser has none.
mod wake_lock {
    use std::cell::RefCell;

    use leptos::ev;
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::{call, get};

    #[derive(Default)]
    struct State {
        /// Which opening of the page the rest belongs to.
        generation: u32,
        /// The page is open.
        open: bool,
        /// A request of this generation is on its way.
        pending: bool,
        /// The lock now held.
        sentinel: Option<JsValue>,
    }

    thread_local! {
        static STATE: RefCell<State> = RefCell::new(State::default());
    }

    /// Keeps the screen on while the calling component lives. The signal is
    /// true while the lock is held.
    pub fn keep_awake() -> RwSignal<bool> {
        let held = RwSignal::new(false);
        let generation = STATE.with_borrow_mut(|s| {
            if let Some(old) = s.sentinel.take() {
                let _ = call(&old, "release", &[]);
            }
            s.generation = s.generation.wrapping_add(1);
            s.open = true;
            s.pending = false;
            s.generation
        });
        request(generation, held);
        let visibility = window_event_listener(ev::visibilitychange, move |_| {
            if document().hidden() {
                held.try_set(false);
            } else {
                request(generation, held);
            }
        });
        on_cleanup(move || {
            visibility.remove();
            release(generation);
        });
        held
    }

    fn is_held(sentinel: &JsValue) -> bool {
        get(sentinel, "released").and_then(|v| v.as_bool()) == Some(false)
    }

    fn request(generation: u32, held: RwSignal<bool>) {
        let ask = STATE.with_borrow(|s| {
            s.open
                && s.generation == generation
                && !s.pending
                && !s.sentinel.as_ref().is_some_and(is_held)
        });
        if !ask {
            return;
        }
        let Some(navigator) = web_sys::window().map(|w| JsValue::from(w.navigator())) else {
            return;
        };
        let Some(wake_lock) = get(&navigator, "wakeLock") else {
            return;
        };
        let Some(promise) = call(&wake_lock, "request", &[JsValue::from_str("screen")])
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        else {
            return;
        };
        STATE.with_borrow_mut(|s| s.pending = true);
        wasm_bindgen_futures::spawn_local(async move {
            let result = JsFuture::from(promise).await;
            let still_open = STATE.with_borrow_mut(|s| {
                let current = s.generation == generation;
                if current {
                    s.pending = false;
                }
                current && s.open
            });
            match result {
                Ok(sentinel) if still_open => {
                    STATE.with_borrow_mut(|s| s.sentinel = Some(sentinel));
                    held.try_set(true);
                }
                // The page closed while the browser was deciding.
                Ok(sentinel) => {
                    let _ = call(&sentinel, "release", &[]);
                }
                // Refused (battery saver, hidden page): the page works anyway.
                Err(_) => {}
            }
        });
    }

    fn release(generation: u32) {
        let sentinel = STATE.with_borrow_mut(|s| {
            if s.generation != generation {
                return None;
            }
            s.open = false;
            s.sentinel.take()
        });
        if let Some(sentinel) = sentinel {
            let _ = call(&sentinel, "release", &[]);
        }
    }
}
