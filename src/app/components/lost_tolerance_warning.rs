//! The overdose warning shown at once when a use is logged: after a break,
//! tolerance drops while the habit of a dose does not, so a usual amount can
//! kill. The words come from `safety.json`; the numbers from `helplines.json`
//! for the user's region, emergency first.

use crate::app::hooks::use_doc;
use crate::content::{emergency, helplines, safety, Helpline, Region};
use crate::domain::settings::Settings;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Key;
use crate::t;

/// The content region for the region chosen in settings.
pub fn content_region(settings: &Settings) -> Region {
    Region::from_code(settings.region.code()).unwrap_or_default()
}

/// The region's lines with the warning's own line (Never Use Alone) first.
fn lines_for(region: Region, first_id: &str) -> Vec<&'static Helpline> {
    let mut lines: Vec<&'static Helpline> = helplines(region).iter().collect();
    lines.sort_by_key(|l| l.id != first_id);
    lines
}

#[component]
pub fn LostToleranceWarning() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let warning = &safety().lost_tolerance;
    let region = Memo::new(move |_| settings.value.with(content_region));
    let paragraphs = warning
        .paragraphs
        .iter()
        .map(|p| view! { <p>{p.clone()}</p> })
        .collect_view();
    let numbers = move || {
        let region = region.get();
        let sos = emergency(region);
        let sos_href = sos.tel_href();
        let lines = lines_for(region, &warning.helpline_id)
            .into_iter()
            .map(|l| {
                view! {
                    <li>
                        <a class="button lost-tolerance__call" href=l.tel_href()>
                            {t!(Key::HelpToleranceCall, name = l.name, number = l.number)}
                        </a>
                        <p class="small muted">{l.what.clone()}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="list-plain lost-tolerance__lines">
                <li>
                    <a class="button button--primary lost-tolerance__call" href=sos_href>
                        {t!(Key::HelpToleranceEmergency, number = sos.number)}
                    </a>
                </li>
                {lines}
            </ul>
        }
    };
    view! {
        <section class="notice notice--danger lost-tolerance" aria-labelledby="lost-tolerance-title">
            <h2 id="lost-tolerance-title" class="lost-tolerance__title">{warning.title.clone()}</h2>
            {paragraphs}
            {numbers}
            <p>
                <A href="/help">{t!(Key::HelpToleranceMore)}</A>
            </p>
            <p class="small muted">
                {t!(Key::ShellSourceLabel)}" "<span lang="en">{warning.source.clone()}</span>
            </p>
        </section>
    }
}
