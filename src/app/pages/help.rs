//! The crisis screen. One tap from every screen (the header's Help button),
//! built only from compiled-in content and local data, so it works offline.
//! Order, as the product design asks: the user's own emergency people, the
//! emergency number, the helplines for their region, then what to do in an
//! overdose. Big targets and short lines, for reading in a panic.

use crate::app::components::emergency_call::EmergencyCallButton;
use crate::app::components::tools_call::ContactCallItem;
use crate::app::hooks::{use_collection, use_doc};
use crate::content::helplines::naloxone_note;
use crate::content::{helpline_directory, helplines, safety, Helpline, Region};
use crate::domain::settings::Settings;
use crate::domain::tools::{crisis_order, Contact};
use crate::i18n::format::month_year;
use crate::i18n::Key;
use crate::t;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The content's region for the one chosen in settings (the two enums carry
/// the same codes).
pub fn content_region(settings: &Settings) -> Region {
    Region::from_code(settings.region.code()).unwrap_or_default()
}

/// "2026-11" as "November 2026" ("noviembre de 2026"); anything else as it is.
pub fn month_words(year_month: &str) -> String {
    let mut parts = year_month.split('-');
    let date = match (
        parts.next().and_then(|y| y.parse::<i32>().ok()),
        parts.next().and_then(|m| m.parse::<u32>().ok()),
    ) {
        (Some(year), Some(month)) => NaiveDate::from_ymd_opt(year, month, 1),
        _ => None,
    };
    date.map(month_year)
        .unwrap_or_else(|| year_month.to_string())
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
            <h1>{t!(Key::HelpTitle)}</h1>
            <p class="crisis__lead">{t!(Key::HelpLead)}</p>
            <p>
                <a class="button button--big button--primary" href="/help/overdose">
                    {t!(Key::OverdoseHelpLink)}
                </a>
            </p>

            {move || {
                let people = emergency_people();
                (!people.is_empty()).then(|| view! {
                    <section class="crisis__block" aria-labelledby="crisis-people">
                        <h2 id="crisis-people">{t!(Key::HelpYourPeople)}</h2>
                        <ul class="list-plain call-list">
                            {people.into_iter().map(|c| view! { <ContactCallItem contact=c/> }).collect_view()}
                        </ul>
                    </section>
                })
            }}

            <section class="crisis__block" aria-labelledby="crisis-emergency">
                <h2 id="crisis-emergency">{t!(Key::HelpEmergencyTitle)}</h2>
                <EmergencyCallButton region=region label=Key::HelpCallNumber hidden=Key::HelpForEmergencyServices/>
                <p class="small muted">{helpline_directory().eu_note.clone()}</p>
            </section>

            <section class="crisis__block" aria-labelledby="crisis-lines">
                <h2 id="crisis-lines">{t!(Key::HelpHelplinesTitle)}</h2>
                {move || {
                    let r = region.get();
                    let name = helpline_directory()
                        .region(r)
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| r.name().to_string());
                    view! {
                        <p class="small">
                            {t!(Key::HelpNumbersFor, region = name)}" "
                            <a href="/settings#region">{t!(Key::HelpChangeRegion)}</a>
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
                <p class="small muted">
                    {t!(Key::ShellSourceLabel)}" "<span lang="en">{signs.source.clone()}</span>
                </p>
            </section>

            <section class="crisis__block" aria-labelledby="crisis-naloxone">
                <h2 id="crisis-naloxone">{naloxone.title.clone()}</h2>
                <ol class="crisis__steps">
                    {naloxone.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                </ol>
                {move || {
                    // Where naloxone is not sold over the counter (Spain),
                    // say how people get it there.
                    naloxone_note(region.get()).map(|note| view! {
                        <p class="notice">
                            {note.text.clone()}" "
                            <span class="small muted">
                                {t!(Key::ShellSourceLabel)}" "<span lang="en">{note.source.clone()}</span>
                            </span>
                        </p>
                    })
                }}
                <h3>{t!(Key::HelpGoodToKnow)}</h3>
                <ul>
                    {naloxone.notes.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                </ul>
                <p class="small muted">
                    {t!(Key::ShellSourceLabel)}" "<span lang="en">{naloxone.source.clone()}</span>
                </p>
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
                                    {t!(Key::HelpLineCall, name = l.name, number = l.number)}
                                </a>
                            </p>
                        })
                }}
                <p class="small muted">
                    {t!(Key::ShellSourceLabel)}" "<span lang="en">{tolerance.source.clone()}</span>
                </p>
            </section>

            <p class="small muted">{t!(Key::HelpNotMedicalCare)}</p>
        </div>
    }
}

/// One helpline: what it is for, when it is open, and one-tap links.
fn helpline_card(line: &Helpline) -> impl IntoView {
    let call = t!(Key::HelpLineCall, name = line.name, number = line.number);
    let sms = line.sms.as_ref().map(|s| {
        let label = t!(Key::HelpLineText, name = line.name, number = s.number);
        (format!("sms:{}", s.number), label, s.body_hint.clone())
    });
    let tty = line.tty.clone().zip(line.tty_tel());
    view! {
        <li class="card helpline">
            <h3 class="card__title">{line.name.clone()}</h3>
            <p>{line.what.clone()}</p>
            <p class="small muted">{line.hours.clone()}</p>
            {line.note.clone().map(|note| view! { <p class="small">{note}</p> })}
            <div class="call-item__links">
                <a class="button button--primary call-link" href=line.tel_href()>{call}</a>
                {sms.map(|(href, label, hint)| view! {
                    <a class="button call-link" href=href>{label}</a>
                    <p class="small muted helpline__hint">{t!(Key::HelpWhatToSend)}" "{hint}</p>
                })}
            </div>
            {tty.map(|(shown, digits)| view! {
                <p class="small">
                    <a href=format!("tel:{digits}")>{t!(Key::HelpLineTty, name = line.name, number = shown)}</a>
                </p>
            })}
            <p class="small muted">{t!(Key::HelpLineChecked, month = month_words(&line.checked))}</p>
        </li>
    }
}
