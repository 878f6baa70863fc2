//! The crisis screen. One tap from every screen (the header's Help button),
//! built only from compiled-in content and local data, so it works offline.
//! Order, as the product design asks: the user's own emergency people, the
//! emergency number, the helplines for their region, then what to do in an
//! overdose. Big targets and short lines, for reading in a panic.

use crate::app::components::tools_call::ContactCallItem;
use crate::app::hooks::{use_collection, use_doc};
use crate::content::{emergency, helpline_directory, helplines, safety, Helpline, Region};
use crate::domain::settings::Settings;
use crate::domain::tools::{crisis_order, Contact};
use leptos::prelude::*;

/// The content's region for the one chosen in settings (the two enums carry
/// the same codes).
pub fn content_region(settings: &Settings) -> Region {
    Region::from_code(settings.region.code()).unwrap_or_default()
}

/// "2026-11" as "November 2026"; anything else as it is.
pub fn month_words(year_month: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = year_month.split('-');
    match (
        parts.next(),
        parts.next().and_then(|m| m.parse::<usize>().ok()),
    ) {
        (Some(year), Some(m)) if (1..=12).contains(&m) => format!("{} {year}", MONTHS[m - 1]),
        _ => year_month.to_string(),
    }
}

#[component]
pub fn HelpPage() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let contacts = use_collection::<Contact>();
    let region = Memo::new(move |_| settings.value.with(content_region));

    let emergency_people = move || {
        contacts.items.with(|items| {
            let list: Vec<Contact> = items.iter().map(|e| e.value.clone()).collect();
            crisis_order(&list)
                .into_iter()
                .filter(|c| c.emergency)
                .cloned()
                .collect::<Vec<_>>()
        })
    };

    let safety = safety();
    let signs = safety.overdose_signs.clone();
    let naloxone = safety.naloxone_steps.clone();
    let tolerance = safety.lost_tolerance.clone();
    let tolerance_line_id = tolerance.helpline_id.clone();

    view! {
        <div class="crisis">
            <h1>"Help now"</h1>
            <p class="crisis__lead">"You do not have to get through this alone. Tap a number to call."</p>

            {move || {
                let people = emergency_people();
                (!people.is_empty()).then(|| view! {
                    <section class="crisis__block" aria-labelledby="crisis-people">
                        <h2 id="crisis-people">"Your people"</h2>
                        <ul class="list-plain call-list">
                            {people.into_iter().map(|c| view! { <ContactCallItem contact=c/> }).collect_view()}
                        </ul>
                    </section>
                })
            }}

            <section class="crisis__block" aria-labelledby="crisis-emergency">
                <h2 id="crisis-emergency">"Emergency"</h2>
                {move || {
                    let e = emergency(region.get());
                    view! {
                        <a class="button button--big crisis__emergency" href=e.tel_href()>
                            "Call " {e.number.clone()}
                            <span class="visually-hidden">" for emergency services"</span>
                        </a>
                    }
                }}
                <p class="small muted">{helpline_directory().eu_note.clone()}</p>
            </section>

            <section class="crisis__block" aria-labelledby="crisis-lines">
                <h2 id="crisis-lines">"Helplines"</h2>
                {move || {
                    let r = region.get();
                    let name = helpline_directory()
                        .region(r)
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| r.name().to_string());
                    view! {
                        <p class="small">
                            "Numbers for " {name} ". "
                            <a href="/settings#region">"Change your region"</a>
                        </p>
                    }
                }}
                <ul class="list-plain helpline-list">
                    {move || helplines(region.get()).iter().map(helpline_card).collect_view()}
                </ul>
            </section>

            <section class="crisis__block" aria-labelledby="crisis-signs">
                <h2 id="crisis-signs">{signs.title.clone()}</h2>
                <p>{signs.intro.clone()}</p>
                <ul class="crisis__signs">
                    {signs.signs.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                </ul>
                <p class="small muted">"Source: " {signs.source.clone()}</p>
            </section>

            <section class="crisis__block" aria-labelledby="crisis-naloxone">
                <h2 id="crisis-naloxone">{naloxone.title.clone()}</h2>
                <ol class="crisis__steps">
                    {naloxone.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                </ol>
                <h3>"Good to know"</h3>
                <ul>
                    {naloxone.notes.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                </ul>
                <p class="small muted">"Source: " {naloxone.source.clone()}</p>
            </section>

            <section class="crisis__block crisis__tolerance" aria-labelledby="crisis-tolerance">
                <h2 id="crisis-tolerance">{tolerance.title.clone()}</h2>
                {tolerance.paragraphs.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                {move || {
                    // Only offer the line if it serves the user's region.
                    helplines(region.get())
                        .iter()
                        .find(|l| l.id == tolerance_line_id)
                        .map(|l| view! {
                            <p>
                                <a class="button call-link" href=l.tel_href()>
                                    {format!("Call {}, {}", l.name, l.number)}
                                </a>
                            </p>
                        })
                }}
                <p class="small muted">"Source: " {tolerance.source.clone()}</p>
            </section>

            <p class="small muted">
                "Waymark gives information, not medical care. A doctor, nurse or pharmacist can answer questions about your own health."
            </p>
        </div>
    }
}

/// One helpline: what it is for, when it is open, and one-tap links.
fn helpline_card(line: &Helpline) -> impl IntoView {
    let call = format!("Call {}, {}", line.name, line.number);
    let sms = line.sms.as_ref().map(|s| {
        let label = format!("Text {} at {}", line.name, s.number);
        (format!("sms:{}", s.number), label, s.body_hint.clone())
    });
    let tty = line.tty.clone().zip(line.tty_tel());
    view! {
        <li class="card helpline">
            <h3 class="card__title">{line.name.clone()}</h3>
            <p>{line.what.clone()}</p>
            <p class="small muted">{line.hours.clone()}</p>
            <div class="call-item__links">
                <a class="button button--primary call-link" href=line.tel_href()>{call}</a>
                {sms.map(|(href, label, hint)| view! {
                    <a class="button call-link" href=href>{label}</a>
                    <p class="small muted helpline__hint">"What to send: " {hint}</p>
                })}
            </div>
            {tty.map(|(shown, digits)| view! {
                <p class="small">
                    <a href=format!("tel:{digits}")>{format!("TTY for {}: {shown}", line.name)}</a>
                </p>
            })}
            <p class="small muted">"Number last checked: " {month_words(&line.checked)}</p>
        </li>
    }
}
