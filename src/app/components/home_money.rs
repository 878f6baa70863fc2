//! Home: money not spent since the recovery start, when the user turned it on (issue 13, part 5). In the main module: keep it small.
//!
//! One line, a link to Settings › Money not spent. Nothing while it is off,
//! has no amount, has no start, or the journal is still being read (a lapse
//! may be in the part not read yet). The counting and the formatting are
//! behind a `#[lazy]` function, so with the feature off (the default) Home
//! carries only the few lines that gather the inputs.

use crate::app::hooks::{use_collection, use_doc};
use crate::app::state::today;
use crate::domain::checkin::CheckIn;
use crate::domain::clean_time::effective_start;
use crate::domain::money::{decimal, locale, minor_digits, not_spent, plain, MoneySettings};
use crate::domain::settings::{Region, Settings};
use crate::i18n::Key;
use crate::t;
use chrono::NaiveDate;
use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::{JsCast, JsValue};

/// `Intl.NumberFormat(locale, {style: 'currency', currency})`, if the
/// browser has it and takes the code; every step is checked, nothing throws.
fn intl(minor: i64, code: &str, region: Region) -> Option<String> {
    let get = |o: &JsValue, k: &str| Reflect::get(o, &JsValue::from_str(k)).ok();
    let intl = get(&js_sys::global(), "Intl").filter(JsValue::is_object)?;
    let ctor: Function = get(&intl, "NumberFormat")?.dyn_into().ok()?;
    let digits = minor_digits(code);
    let options = Object::new();
    for (k, v) in [
        ("style", JsValue::from_str("currency")),
        ("currency", JsValue::from_str(code)),
        ("minimumFractionDigits", JsValue::from(digits)),
        ("maximumFractionDigits", JsValue::from(digits)),
    ] {
        Reflect::set(&options, &JsValue::from_str(k), &v).ok()?;
    }
    let lang = locale(crate::i18n::current().code(), region);
    let args = Array::of2(&JsValue::from_str(&lang), &options);
    let formatter = Reflect::construct(&ctor, &args).ok()?;
    let format: Function = get(&formatter, "format")?.dyn_into().ok()?;
    // The exact decimal as text: no float is made on the Rust side.
    let value = JsValue::from_str(&decimal(minor, digits));
    format.call1(&formatter, &value).ok()?.as_string()
}

/// An amount in minor units for the user's language and region: "$12.34",
/// "12,34 €"; "12.34 USD" where the browser cannot format it.
pub fn format_money(minor: i64, code: &str, region: Region) -> String {
    intl(minor, code, region).unwrap_or_else(|| plain(minor, code))
}

/// What the line is worked out from: the settings, the start, the use days
/// and today.
type Inputs = (MoneySettings, Region, NaiveDate, Vec<NaiveDate>, NaiveDate);

/// The line's words. A split point: the counting and the formatting are a
/// module of their own, fetched only when the user has turned this on, so
/// the first load does not carry them.
#[cfg_attr(feature = "split", lazy)]
async fn money_line(inputs: Inputs) -> Option<String> {
    let (money, region, start, uses, today) = inputs;
    let minor = not_spent(&money, start, &uses, today)?;
    let amount = format_money(minor, money.currency(), region);
    Some(t!(Key::MoneyHome, amount = amount))
}

#[component]
pub fn HomeMoney() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let checkins = use_collection::<CheckIn>();
    let today = today();
    let inputs = Memo::new(move |_| {
        let (money, start, region) = settings.value.with(|s| {
            let money = s.money.clone().filter(|m| m.is_on());
            (money, s.recovery_start, s.region)
        });
        let money = money?;
        if !checkins.complete.get() {
            return None;
        }
        let (earliest, uses) = checkins.items.with(|items| {
            let earliest = items.iter().map(|e| e.value.date).min();
            let uses: Vec<_> = items
                .iter()
                .filter(|e| e.value.used)
                .map(|e| e.value.date)
                .collect();
            (earliest, uses)
        });
        let start = effective_start(start, earliest)?;
        Some((money, region, start, uses, today))
    });
    let line = RwSignal::new(None::<String>);
    // Only the answer to the latest inputs is shown.
    let asked = StoredValue::new(0u32);
    Effect::new(move |_| {
        let now = asked.get_value().wrapping_add(1);
        asked.set_value(now);
        match inputs.get() {
            None => line.set(None),
            Some(inputs) => leptos::task::spawn_local(async move {
                let text = money_line(inputs).await;
                if asked.try_get_value() == Some(now) {
                    line.set(text);
                }
            }),
        }
    });
    move || {
        line.get().map(|text| {
            view! {
                <p class="home-money">
                    <A href="/settings#money">{text}</A>
                </p>
            }
        })
    }
}
