//! Settings › Region: which country's helplines Waymark shows first, with
//! the numbers themselves so the user can check them here.

use leptos::prelude::*;

use crate::app::hooks::use_doc;
use crate::content::{self, Helpline};
use crate::domain::settings::{Region, Settings};
use crate::i18n::{format, Key};
use crate::t;

/// "November 2026" for a content date "2026-11"; the raw text if it is not
/// in that form.
fn month_year(checked: &str) -> String {
    crate::domain::iso::parse_date(&format!("{checked}-01"))
        .map(format::month_year)
        .unwrap_or_else(|| checked.to_owned())
}

/// The content's region for the settings' region (the two enums share codes).
fn content_region(region: Region) -> content::Region {
    content::Region::from_code(region.code()).unwrap_or(content::Region::Us)
}

fn helpline_card(line: &'static Helpline) -> impl IntoView {
    let sms = line.sms.as_ref().map(|sms| {
        view! {
            <p class="small">
                {t!(Key::SettingsRegionText)}" "<a href=format!("sms:{}", sms.number)>{sms.number.as_str()}</a>
                " ("{sms.body_hint.as_str()}")"
            </p>
        }
    });
    view! {
        <li class="settings__helpline">
            <p class="settings__helpline-name"><strong>{line.name.as_str()}</strong></p>
            <p>
                <a class="button settings__tel" href=line.tel_href()>{line.number.as_str()}</a>
            </p>
            {sms}
            <p class="small">{line.what.as_str()}" "{line.hours.as_str()}</p>
            <p class="small muted">
                {t!(Key::SettingsRegionLastChecked, date = month_year(&line.checked))}
            </p>
        </li>
    }
}

#[component]
pub fn RegionSection() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let error = RwSignal::new(None::<String>);
    let region = move || settings.value.with(|s| s.region);
    let options = Region::ALL
        .into_iter()
        .map(|r| {
            let for_id = format!("region-{}", r.code());
            let input_id = for_id.clone();
            view! {
                <label class="chip" for=for_id>
                    <input
                        type="radio"
                        id=input_id
                        name="region"
                        value=r.code()
                        prop:checked=move || region() == r
                        on:change=move |_| error.set(settings.update(|s| {
                            s.region = r;
                            s.region_asked = true;
                        }).err())
                    />
                    {r.label()}
                </label>
            }
        })
        .collect_view();

    let lines = move || {
        let r = content_region(region());
        let emergency = content::emergency(r);
        let list = content::helplines(r)
            .iter()
            .map(helpline_card)
            .collect_view();
        view! {
            <p>
                {t!(Key::SettingsRegionEmergency)}" "
                <a class="settings__emergency" href=emergency.tel_href()>{emergency.number.clone()}</a>
            </p>
            <ul class="list-plain settings__helplines">{list}</ul>
        }
    };

    view! {
        <section class="settings__section card" id="region" aria-labelledby="region-title">
            <h2 id="region-title">{t!(Key::SettingsRegionTitle)}</h2>
            <fieldset aria-describedby="region-hint region-error">
                <legend>{t!(Key::SettingsRegionLegend)}</legend>
                <p class="field__hint" id="region-hint">{t!(Key::SettingsRegionHint)}</p>
                <div class="chips">{options}</div>
                <p class="field__error" id="region-error" role="alert">{move || error.get()}</p>
            </fieldset>
            <h3>{t!(Key::SettingsRegionNumbersTitle)}</h3>
            {lines}
        </section>
    }
}
