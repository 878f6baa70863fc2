//! The craving tools: rate the craving, ride it out with a timer, slow
//! breathing, the urge-surfing steps, a HALT check, the user's own reasons
//! and people to call, then rate it again. The end is saved twice on
//! purpose: as an urge session (to see cravings pass) and as a check-in in
//! today's journal. The whole session is a draft until then, so leaving
//! mid-way loses nothing.

use std::time::Duration;

use crate::app::components::tools_call::ContactCallItem;
use crate::app::hooks::{use_autosave, use_collection, use_doc};
use crate::app::state::{new_id, now_ms, today};
use crate::content::coping;
use crate::domain::checkin::{craving_anchor, mood_word, CheckIn, Halt, CRAVING_MAX};
use crate::domain::settings::Settings;
use crate::domain::tools::{crisis_order, Contact, FieldError, UrgeSession};
use crate::i18n::{trn, Key};
use crate::t;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Length of the guided wave: most urges pass in 15 to 20 minutes.
const WAVE_MS: i64 = 20 * 60_000;
/// The mood saved with the check-in when the user does not pick one.
const NEUTRAL_MOOD: u8 = 3;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
enum Stage {
    #[default]
    Rate,
    Surf,
    After,
}

/// Everything the session holds until it is saved, kept as a draft.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
struct CravingDraft {
    #[serde(default)]
    stage: Stage,
    #[serde(default)]
    before: Option<u8>,
    #[serde(default)]
    after: Option<u8>,
    #[serde(default)]
    mood: Option<u8>,
    #[serde(default)]
    halt: Halt,
    /// When the user started surfing (Unix ms); 0 before that.
    #[serde(default)]
    started_ms: i64,
    /// Timer time banked by earlier runs (pauses fold into this).
    #[serde(default)]
    elapsed_ms: i64,
    /// When the timer was last started, while it is running.
    #[serde(default)]
    running_since: Option<i64>,
    #[serde(default)]
    note: String,
}

impl CravingDraft {
    fn elapsed_at(&self, now: i64) -> i64 {
        self.elapsed_ms + self.running_since.map_or(0, |s| (now - s).max(0))
    }

    fn pause(&mut self, now: i64) {
        self.elapsed_ms = self.elapsed_at(now).min(WAVE_MS);
        self.running_since = None;
    }
}

/// What the done screen says.
#[derive(Clone, Debug, PartialEq)]
struct Saved {
    summary: String,
    after: u8,
    checkin_id: String,
}

/// "4:05" for 245,000 ms.
fn clock(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    format!("{}:{:02}", s / 60, s % 60)
}

fn message_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// A 0 to 10 craving scale as a group of big radio buttons.
#[component]
fn CravingScale(
    name: &'static str,
    legend: &'static str,
    #[prop(into)] value: Signal<Option<u8>>,
    on_pick: Callback<u8>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{name}-error");
    let hint_id = format!("{name}-hint");
    let describedby = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        move || {
            if error.with(Option::is_some) {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <fieldset class="scale" aria-describedby=describedby>
            <legend class="scale__legend">{legend}</legend>
            <p class="field__hint" id=hint_id>{t!(Key::CravingScaleHint)}</p>
            <div class="scale__options">
                {(0..=CRAVING_MAX)
                    .map(|n| {
                        view! {
                            <label class="scale__option">
                                <input
                                    type="radio"
                                    name=name
                                    value=n.to_string()
                                    prop:checked=move || value.get() == Some(n)
                                    on:change=move |_| on_pick.run(n)
                                />
                                <span class="scale__number">{n}</span>
                                {craving_anchor(n).map(|w| view! { <span class="scale__word">{w}</span> })}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            {move || error.get().map(|m| view! { <p class="field__error" id=error_id.clone()>{m}</p> })}
        </fieldset>
    }
}

#[component]
pub fn CravingPage() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let contacts = use_collection::<Contact>();
    let urges = use_collection::<UrgeSession>();
    let checkins = use_collection::<CheckIn>();

    let draft = RwSignal::new(CravingDraft::default());
    let autosave = use_autosave("craving".to_string(), draft, CravingDraft::default());
    let saved = RwSignal::new(None::<Saved>);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let save_error = RwSignal::new(None::<String>);
    let wave_over = RwSignal::new(false);

    // The clock the timer reads; ticks once a second while the screen is open.
    let tick = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let now = now_ms();
            tick.try_set(now);
            let over = draft
                .try_with_untracked(|d| d.running_since.is_some() && d.elapsed_at(now) >= WAVE_MS)
                .unwrap_or(false);
            if over {
                draft.try_update(|d| {
                    d.pause(now);
                    d.stage = Stage::After;
                });
                wave_over.try_set(true);
            }
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }

    let elapsed = move || {
        let now = tick.get();
        draft.with(|d| d.elapsed_at(now))
    };
    let running = Memo::new(move |_| draft.with(|d| d.running_since.is_some()));
    let running_now = move || draft.with_untracked(|d| d.running_since.is_some());
    // Changes once a minute, so the live region speaks at most that often.
    let minutes = Memo::new(move |_| elapsed() / 60_000);

    let field_error =
        move |field: &'static str| Signal::derive(move || errors.with(|e| message_for(e, field)));

    let start_timer = move |_| {
        let now = now_ms();
        tick.set(now);
        draft.update(|d| {
            if d.elapsed_ms >= WAVE_MS {
                d.elapsed_ms = 0;
            }
            if d.running_since.is_none() {
                d.running_since = Some(now);
            }
        });
    };
    let pause_timer = move |_| draft.update(|d| d.pause(now_ms()));
    let stop_timer = move |_| {
        draft.update(|d| {
            d.running_since = None;
            d.elapsed_ms = 0;
        })
    };

    let begin = move |_| {
        if draft.with_untracked(|d| d.before.is_none()) {
            errors.set(vec![FieldError::new("before", t!(Key::CravingPickBefore))]);
            return;
        }
        errors.set(Vec::new());
        let now = now_ms();
        tick.set(now);
        draft.update(|d| {
            if d.started_ms == 0 {
                d.started_ms = now;
            }
            d.stage = Stage::Surf;
            d.running_since.get_or_insert(now);
        });
    };

    let finish_now = move |_| {
        draft.update(|d| {
            d.pause(now_ms());
            d.stage = Stage::After;
        });
    };

    let keep_going = move |_| {
        wave_over.set(false);
        draft.update(|d| d.stage = Stage::Surf);
    };

    let start_over = move |_| {
        autosave.clear();
        errors.set(Vec::new());
        save_error.set(None);
        wave_over.set(false);
        saved.set(None);
        draft.set(CravingDraft::default());
    };

    let save = move |_| {
        save_error.set(None);
        let d = draft.get_untracked();
        let Some(after) = d.after else {
            errors.set(vec![FieldError::new("after", t!(Key::CravingPickAfter))]);
            return;
        };
        let now = now_ms();
        let session = UrgeSession {
            id: new_id(),
            started_ms: if d.started_ms > 0 { d.started_ms } else { now },
            ended_ms: now,
            before: d.before.unwrap_or(after),
            after: Some(after),
            halt: d.halt,
            note: d.note.trim().to_string(),
            updated_ms: now,
        };
        if let Err(e) = session.validate() {
            errors.set(e);
            return;
        }
        let summary = session.summary_note();
        let day = today();
        let checkin = CheckIn {
            id: new_id(),
            date: day,
            mood: d.mood.unwrap_or(NEUTRAL_MOOD),
            craving: after,
            used: false,
            halt: d.halt,
            triggers: Vec::new(),
            helped: Vec::new(),
            note: summary.clone(),
            lapse: None,
            created_ms: now,
            updated_ms: now,
        };
        if let Err(e) = checkin.validate(day) {
            errors.set(e);
            return;
        }
        errors.set(Vec::new());
        // Both or neither: if the check-in cannot be saved, the session is
        // taken back out so nothing is left half-saved.
        let session_id = match urges.save(session, None) {
            Ok(r) => r.id,
            Err(m) => {
                save_error.set(Some(m));
                return;
            }
        };
        match checkins.save(checkin, None) {
            Ok(r) => {
                autosave.clear();
                wave_over.set(false);
                draft.set(CravingDraft::default());
                saved.set(Some(Saved {
                    summary,
                    after,
                    checkin_id: r.id,
                }));
            }
            Err(m) => {
                let _ = urges.delete(&session_id);
                save_error.set(Some(m));
            }
        }
    };

    // Only the stage decides which part is drawn, so typing or ticking a
    // box never redraws (and unfocuses) the rest.
    let stage = Memo::new(move |_| draft.with(|d| d.stage));
    let after_heading = NodeRef::<leptos::html::H2>::new();
    // Moving to the last question moves focus there too (not on a restore).
    Effect::new(move |prev: Option<Stage>| {
        let now = stage.get();
        if prev.is_some_and(|p| p != now) && now == Stage::After {
            if let Some(h) = after_heading.get() {
                let _ = h.focus();
            }
        }
        now
    });

    let surfing = coping().urge_surfing.clone();
    let halt_content = coping().halt.clone();

    let rate_view = move || {
        view! {
            <section class="craving__stage" aria-labelledby="craving-start">
                <h2 id="craving-start" class="visually-hidden">{t!(Key::CravingStartHeading)}</h2>
                <p>{surfing.intro.clone()}</p>
                <CravingScale
                    name="craving-before"
                    legend=t!(Key::CravingLegendBefore)
                    value=Signal::derive(move || draft.with(|d| d.before))
                    on_pick=Callback::new(move |n| {
                        errors.update(|e| e.retain(|x| x.field != "before"));
                        draft.update(|d| d.before = Some(n));
                    })
                    error=field_error("before")
                />
                <button class="button button--primary button--big" on:click=begin>
                    {t!(Key::CravingStartSurfing)}
                </button>
            </section>
        }
    };

    let timer_view = move || {
        view! {
            <section class="card craving__timer" aria-labelledby="craving-timer">
                <h2 id="craving-timer" class="card__title">{t!(Key::CravingTimerTitle)}</h2>
                <p class="craving__clock">
                    <span class="visually-hidden">{t!(Key::CravingTimeSoFar)} " "</span>
                    <span role="timer" class="big-number">{move || clock(elapsed())}</span>
                    <span class="muted">" " {t!(Key::CravingOfMinutes, n = WAVE_MS / 60_000)}</span>
                </p>
                <p class="visually-hidden" aria-live="polite">
                    {move || match minutes.get() {
                        0 => String::new(),
                        m => trn(Key::CravingMinutesSoFar, m, &[]),
                    }}
                </p>
                <p class="small muted">{coping().urge_surfing.note.clone()}</p>
                <div class="row">
                    <button
                        class="button"
                        on:click=move |ev| if running_now() { pause_timer(ev) } else { start_timer(ev) }
                    >
                        {move || if running.get() { t!(Key::CravingPauseTimer) } else { t!(Key::CravingStartTimer) }}
                    </button>
                    <button class="button" on:click=stop_timer>{t!(Key::CravingStopTimer)}</button>
                    <button class="button button--primary" on:click=finish_now>{t!(Key::CravingImDone)}</button>
                </div>
            </section>
        }
    };

    let breathing_view = move || {
        view! {
            <section class="craving__block" aria-labelledby="craving-breathe">
                <h2 id="craving-breathe">{t!(Key::CravingBreatheTitle)}</h2>
                <div class="breath" class:breath--paused=move || !running.get() aria-hidden="true">
                    <div class="breath__circle"></div>
                    <span class="breath__text breath__text--in">{t!(Key::CravingBreatheIn)}</span>
                    <span class="breath__text breath__text--out">{t!(Key::CravingBreatheOut)}</span>
                </div>
                <p class="visually-hidden breath__sr">{t!(Key::CravingBreatheSr)}</p>
                <ol class="breath-still">
                    <li>{t!(Key::CravingBreatheStep1)}</li>
                    <li>{t!(Key::CravingBreatheStep2)}</li>
                    <li>{t!(Key::CravingBreatheStep3)}</li>
                </ol>
            </section>
        }
    };

    let steps_view = {
        let s = coping().urge_surfing.clone();
        move || {
            view! {
                <section class="craving__block" aria-labelledby="craving-steps">
                    <h2 id="craving-steps">{s.title.clone()}</h2>
                    <ol class="craving__steps">
                        {s.steps.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                    </ol>
                </section>
            }
        }
    };

    let halt_view = move || {
        let h = halt_content.clone();
        view! {
            <section class="craving__block" aria-labelledby="craving-halt">
                <h2 id="craving-halt">{h.title.clone()}</h2>
                <fieldset>
                    <legend>{h.intro.clone()}</legend>
                    {h.items
                        .iter()
                        .map(|item| {
                            let id = item.id.clone();
                            let is_on = {
                                let id = id.clone();
                                move || draft.with(|d| halt_has(&d.halt, &id))
                            };
                            let is_on2 = is_on.clone();
                            let what = item.what_to_do.clone();
                            view! {
                                <div class="halt-item">
                                    <label class="check">
                                        <input
                                            type="checkbox"
                                            prop:checked=is_on
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let id = id.clone();
                                                draft.update(|d| halt_set(&mut d.halt, &id, on));
                                            }
                                        />
                                        <span><strong>{item.letter.clone()}</strong> " · " {item.name.clone()}</span>
                                    </label>
                                    {move || is_on2().then(|| view! { <p class="halt-item__what">{what.clone()}</p> })}
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
            </section>
        }
    };

    let reasons_view = move || view! { <ReasonsBlock settings=settings/> };

    let people_view = move || {
        let list = move || {
            contacts.items.with(|items| {
                let all: Vec<Contact> = items.iter().map(|e| e.value.clone()).collect();
                crisis_order(&all).into_iter().cloned().collect::<Vec<_>>()
            })
        };
        view! {
            <section class="craving__block" aria-labelledby="craving-people">
                <h2 id="craving-people">{t!(Key::CravingPeopleTitle)}</h2>
                {move || {
                    let list = list();
                    if list.is_empty() {
                        view! {
                            <p>
                                {t!(Key::CravingNoPeople)} " "
                                <a href="/tools/people">{t!(Key::CravingAddPeople)}</a>
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <ul class="list-plain call-list">
                                {list.into_iter().map(|c| view! { <ContactCallItem contact=c/> }).collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }}
                <p class="small">
                    {t!(Key::CravingHelplinesBefore)} " " <a href="/help">{t!(Key::CravingHelplinesLink)}</a> "."
                </p>
            </section>
        }
    };

    let surf_view = move || {
        view! {
            {timer_view()}
            {breathing_view()}
            {steps_view()}
            {halt_view()}
            {reasons_view()}
            {people_view()}
            <button class="button button--primary button--big" on:click=finish_now>
                {t!(Key::CravingFinish)}
            </button>
        }
    };

    let after_view = move || {
        view! {
            <section class="craving__stage" aria-labelledby="craving-after">
                <h2 id="craving-after" tabindex="-1" node_ref=after_heading>{t!(Key::CravingAfterTitle)}</h2>
                <Show when=move || wave_over.get()>
                    <p class="notice notice--ok">{t!(Key::CravingWaveOver)}</p>
                </Show>
                {move || draft.with(|d| d.before).map(|b| view! {
                    <p class="muted">{t!(Key::CravingAtStart, n = b)}</p>
                })}
                <CravingScale
                    name="craving-after"
                    legend=t!(Key::CravingLegendAfter)
                    value=Signal::derive(move || draft.with(|d| d.after))
                    on_pick=Callback::new(move |n| {
                        errors.update(|e| e.retain(|x| x.field != "after"));
                        draft.update(|d| d.after = Some(n));
                    })
                    error=field_error("after")
                />
                <fieldset class="scale">
                    <legend>{t!(Key::CravingMoodLegend)}</legend>
                    <p class="field__hint">
                        {t!(Key::CravingMoodHint, mood = mood_word(NEUTRAL_MOOD).unwrap_or_default())}
                    </p>
                    <div class="scale__options">
                        {(1..=5u8)
                            .map(|n| view! {
                                <label class="scale__option scale__option--wide">
                                    <input
                                        type="radio"
                                        name="craving-mood"
                                        value=n.to_string()
                                        prop:checked=move || draft.with(|d| d.mood == Some(n))
                                        on:change=move |_| draft.update(|d| d.mood = Some(n))
                                    />
                                    <span>{mood_word(n).unwrap_or_default()}</span>
                                </label>
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <div class="field">
                    <label for="craving-note">{t!(Key::CravingNoteLabel)}</label>
                    <textarea
                        id="craving-note"
                        aria-describedby=move || field_error("note").with(|e| e.as_ref().map(|_| "craving-note-error"))
                        prop:value=move || draft.with(|d| d.note.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.note = v);
                        }
                    ></textarea>
                    {move || field_error("note").get().map(|m| view! {
                        <p class="field__error" id="craving-note-error">{m}</p>
                    })}
                </div>
                {move || save_error.get().map(|m| view! {
                    <p class="field__error" role="alert">{m}</p>
                })}
                <div class="row">
                    <button class="button button--primary" on:click=save>{t!(Key::RecordsSave)}</button>
                    <button class="button" on:click=keep_going>{t!(Key::CravingKeepGoing)}</button>
                </div>
            </section>
        }
    };

    let done_view = move |s: Saved| {
        view! {
            <section class="craving__stage" aria-labelledby="craving-done">
                <h2 id="craving-done">{t!(Key::CravingDoneTitle)}</h2>
                <div class="notice notice--ok" role="status">
                    <p>{s.summary.clone()}</p>
                    <p>{t!(Key::CravingDoneAdded, n = s.after)}</p>
                </div>
                <div class="row">
                    <a class="button" href=format!("/journal/{}", s.checkin_id)>{t!(Key::CravingSeeJournal)}</a>
                    <a class="button" href="/">{t!(Key::CravingGoHome)}</a>
                    <button class="button button--quiet" on:click=start_over>{t!(Key::CravingStartAnother)}</button>
                </div>
            </section>
        }
    };

    view! {
        <div class="craving">
            <h1>{t!(Key::CravingTitle)}</h1>
            <Show when=move || autosave.restored.get() && saved.with(Option::is_none)>
                <div class="notice">
                    <p>{t!(Key::CravingRestored)}</p>
                    <button class="button" on:click=start_over>{t!(Key::CravingStartOver)}</button>
                </div>
            </Show>
            {move || autosave.error.get().map(|m| view! { <p class="notice notice--danger">{m}</p> })}
            {move || match saved.get() {
                Some(s) => done_view(s).into_any(),
                None => match stage.get() {
                    Stage::Rate => rate_view().into_any(),
                    Stage::Surf => surf_view().into_any(),
                    Stage::After => after_view().into_any(),
                },
            }}
        </div>
    }
}

/// The user's reasons for recovery, with a field to add one more.
#[component]
fn ReasonsBlock(settings: crate::app::hooks::DocHandle<Settings>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        let t = text.get_untracked();
        let mut probe = settings.value.get_untracked();
        match probe.add_reason(&t) {
            Err(e) => error.set(Some(e.message())),
            Ok(false) => error.set(Some(t!(Key::CravingReasonExists).to_string())),
            Ok(true) => match settings.update(|s| {
                let _ = s.add_reason(&t);
            }) {
                Ok(()) => {
                    error.set(None);
                    text.set(String::new());
                    status.set(Some(t!(Key::CravingReasonAdded).to_string()));
                }
                Err(m) => error.set(Some(m)),
            },
        }
    };
    view! {
        <section class="craving__block" aria-labelledby="craving-reasons">
            <h2 id="craving-reasons">{t!(Key::CravingReasonsTitle)}</h2>
            {move || {
                let reasons = settings.value.with(|s| s.reasons.clone());
                if reasons.is_empty() {
                    view! { <p class="muted">{t!(Key::CravingReasonsEmpty)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="craving__reasons">
                            {reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
            <form class="field inline-add" on:submit=add novalidate>
                <label for="craving-reason">{t!(Key::CravingReasonLabel)}</label>
                <div class="inline-add__row">
                    <input
                        id="craving-reason"
                        type="text"
                        aria-describedby=move || error.with(|e| e.as_ref().map(|_| "craving-reason-error"))
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button">{t!(Key::CravingReasonButton)}</button>
                </div>
                {move || error.get().map(|m| view! { <p class="field__error" id="craving-reason-error">{m}</p> })}
                <p class="small muted" role="status">{move || status.get()}</p>
            </form>
        </section>
    }
}

fn halt_has(h: &Halt, id: &str) -> bool {
    match id {
        "hungry" => h.hungry,
        "angry" => h.angry,
        "lonely" => h.lonely,
        "tired" => h.tired,
        _ => false,
    }
}

fn halt_set(h: &mut Halt, id: &str, on: bool) {
    match id {
        "hungry" => h.hungry = on,
        "angry" => h.angry = on,
        "lonely" => h.lonely = on,
        "tired" => h.tired = on,
        _ => {}
    }
}
