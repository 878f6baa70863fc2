//! Settings › Money not spent (issue 13, part 5): turn it on or off, the
//! currency, what the user used to spend (a day or a week) and from which
//! day, and the list of amounts saved so far. The counting is in
//! `domain::money`; Home shows the result (`home_money`).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::app::components::home_money::format_money;
use crate::app::hooks::use_doc;
use crate::app::state::today;
use crate::domain::money::{
    is_currency_code, minor_digits, parse_amount, region_currency, Amount, AmountError,
    MoneySettings, Per, CURRENCIES,
};
use crate::domain::settings::{Region, Settings};
use crate::i18n::{format, tr, Key};
use crate::t;

/// The name of an offered currency ("US dollar (USD)"); another code as is.
fn currency_name(code: &str) -> String {
    let key = match code {
        "USD" => Key::MoneyCurrencyUsd,
        "GBP" => Key::MoneyCurrencyGbp,
        "CAD" => Key::MoneyCurrencyCad,
        "MXN" => Key::MoneyCurrencyMxn,
        "EUR" => Key::MoneyCurrencyEur,
        "ARS" => Key::MoneyCurrencyArs,
        "CLP" => Key::MoneyCurrencyClp,
        _ => return code.to_owned(),
    };
    tr(key).to_owned()
}

fn amount_error(e: AmountError) -> String {
    match e {
        AmountError::TooManyDecimals { max } if max > 0 => t!(e.key(), max = max),
        _ => tr(e.key()).to_owned(),
    }
}

/// "$20.00 a day, from your recovery start" or "… from March 7, 2026".
fn amount_line(a: &Amount, first: bool, code: &str, region: Region) -> String {
    let amount = format_money(a.minor, code, region);
    // The first amount covers the days back to the start (domain::money).
    match (a.per, a.from.filter(|_| !first)) {
        (Per::Day, None) => t!(Key::MoneyLineDayStart, amount = amount),
        (Per::Week, None) => t!(Key::MoneyLineWeekStart, amount = amount),
        (Per::Day, Some(d)) => t!(
            Key::MoneyLineDayFrom,
            amount = amount,
            date = format::date_long(d)
        ),
        (Per::Week, Some(d)) => t!(
            Key::MoneyLineWeekFrom,
            amount = amount,
            date = format::date_long(d)
        ),
    }
}

/// The typed "from" day, checked; empty means from the recovery start.
fn check_from(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let day =
        crate::domain::iso::parse_date(text).ok_or_else(|| tr(Key::MoneyErrorFrom).to_owned())?;
    if day > today {
        return Err(tr(Key::MoneyErrorFromFuture).to_owned());
    }
    Ok(Some(day))
}

#[component]
pub fn MoneySection() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let today = today();
    let today_text = crate::domain::iso::format_date(today);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let amount_text = RwSignal::new(String::new());
    let amount_err = RwSignal::new(None::<String>);
    let per = RwSignal::new(Per::Day);
    let from_text = RwSignal::new(today_text.clone());
    let from_err = RwSignal::new(None::<String>);

    let money = Memo::new(move |_| settings.value.with(|s| s.money.clone()));
    let on = Memo::new(move |_| money.with(|m| m.as_ref().is_some_and(MoneySettings::is_on)));
    let has_amounts =
        Memo::new(move |_| money.with(|m| m.as_ref().is_some_and(|m| !m.amounts.is_empty())));
    let region = Memo::new(move |_| settings.value.with(|s| s.region));
    let currency = Memo::new(move |_| {
        money.with(|m| match m {
            Some(m) => m.currency().to_owned(),
            None => region_currency(region.get()).to_owned(),
        })
    });

    let on_toggle = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        status.set(None);
        let result = settings.update(|s| match (&mut s.money, checked) {
            (Some(m), _) => m.off = !checked,
            (None, true) => s.money = Some(MoneySettings::new(region_currency(s.region))),
            (None, false) => {}
        });
        if result.is_err() {
            // Not saved: the box shows what is stored.
            event_target::<web_sys::HtmlInputElement>(&ev).set_checked(!checked);
        }
        error.set(result.err());
    };

    let on_currency = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if !is_currency_code(&code) {
            return;
        }
        let result = settings.update(|s| {
            if let Some(m) = s.money.as_mut() {
                m.set_currency(&code);
            }
        });
        match result {
            Ok(()) => status.set(Some(t!(
                Key::MoneySavedCurrency,
                currency = currency_name(&code)
            ))),
            Err(e) => error.set(Some(e)),
        }
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        let digits = minor_digits(&currency.get_untracked());
        let minor = parse_amount(&amount_text.get_untracked(), digits).map_err(amount_error);
        // The first amount counts back to the start; a change has a day.
        let from = if has_amounts.get_untracked() {
            check_from(&from_text.get_untracked(), today)
        } else {
            Ok(None)
        };
        amount_err.set(minor.as_ref().err().cloned());
        from_err.set(from.as_ref().err().cloned());
        let (Ok(minor), Ok(from)) = (minor, from) else {
            return;
        };
        let amount = Amount {
            from,
            minor,
            per: per.get_untracked(),
        };
        match settings.update(|s| {
            if let Some(m) = s.money.as_mut() {
                m.set_amount(amount);
            }
        }) {
            Ok(()) => {
                amount_text.set(String::new());
                error.set(None);
                status.set(Some(tr(Key::MoneySaved).to_owned()));
            }
            Err(e) => error.set(Some(e)),
        }
    };

    let currency_options = move || {
        let current = currency.get();
        let mut codes: Vec<String> = CURRENCIES.iter().map(|c| (*c).to_owned()).collect();
        if !codes.contains(&current) {
            codes.insert(0, current.clone());
        }
        codes
            .into_iter()
            .map(|code| {
                let selected = code == current;
                let name = currency_name(&code);
                view! { <option value=code selected=selected>{name}</option> }
            })
            .collect_view()
    };

    let per_choice = move |p: Per, id: &'static str, label: Key| {
        view! {
            <label class="chip" for=id>
                <input
                    type="radio"
                    id=id
                    name="money-per"
                    value=p.code()
                    prop:checked=move || per.get() == p
                    on:change=move |_| per.set(p)
                />
                {tr(label)}
            </label>
        }
    };

    let amounts = move || {
        let Some(m) = money.get().filter(MoneySettings::is_on) else {
            return ().into_any();
        };
        let code = m.currency().to_owned();
        let region = region.get();
        let history = m.history();
        if history.is_empty() {
            return view! { <p class="field__hint">{t!(Key::MoneyNoneYet)}</p> }.into_any();
        }
        let items = history
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let line = amount_line(a, i == 0, &code, region);
                let label = t!(Key::MoneyRemoveLabel, line = line);
                let from = a.from;
                let remove = move |_| {
                    let result = settings.update(|s| {
                        if let Some(m) = s.money.as_mut() {
                            m.remove_amount(from);
                        }
                    });
                    match result {
                        Ok(()) => status.set(Some(tr(Key::MoneyRemoved).to_owned())),
                        Err(e) => error.set(Some(e)),
                    }
                };
                view! {
                    <li class="row">
                        <span>{line}</span>
                        <button type="button" class="button button--quiet" aria-label=label on:click=remove>
                            {t!(Key::MoneyRemove)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{t!(Key::MoneyAmountsTitle)}</h3>
            <ul class="list-plain">{items}</ul>
        }
        .into_any()
    };

    let form = move || {
        let max = today_text.clone();
        on.get().then(move || {
            let from_field = move || {
                let max = max.clone();
                has_amounts.get().then(|| {
                    view! {
                        <div class="field">
                            <label for="money-from">{t!(Key::MoneyFrom)}</label>
                            <p class="field__hint" id="money-from-hint">{t!(Key::MoneyFromHint)}</p>
                            <input
                                id="money-from"
                                type="date"
                                max=max
                                prop:value=move || from_text.get()
                                on:input=move |ev| from_text.set(event_target_value(&ev))
                                aria-describedby="money-from-hint money-from-error"
                                aria-invalid=move || from_err.with(Option::is_some).to_string()
                            />
                            <p class="field__error" id="money-from-error">{move || from_err.get()}</p>
                        </div>
                    }
                })
            };
            view! {
                <div class="field">
                    <label for="money-currency">{t!(Key::MoneyCurrency)}</label>
                    <p class="field__hint" id="money-currency-hint">{t!(Key::MoneyCurrencyHint)}</p>
                    <select id="money-currency" aria-describedby="money-currency-hint" on:change=on_currency>
                        {currency_options}
                    </select>
                </div>
                <form on:submit=on_submit novalidate>
                    <div class="field">
                        <label for="money-amount">{t!(Key::MoneyAmount)}</label>
                        <p class="field__hint" id="money-amount-hint">{t!(Key::MoneyAmountHint)}</p>
                        <input
                            id="money-amount"
                            type="text"
                            inputmode="decimal"
                            autocomplete="off"
                            prop:value=move || amount_text.get()
                            on:input=move |ev| amount_text.set(event_target_value(&ev))
                            aria-describedby="money-amount-hint money-amount-error"
                            aria-invalid=move || amount_err.with(Option::is_some).to_string()
                        />
                        <p class="field__error" id="money-amount-error">{move || amount_err.get()}</p>
                    </div>
                    <fieldset>
                        <legend>{t!(Key::MoneyPerLegend)}</legend>
                        <div class="chips">
                            {per_choice(Per::Day, "money-per-day", Key::MoneyPerDay)}
                            {per_choice(Per::Week, "money-per-week", Key::MoneyPerWeek)}
                        </div>
                    </fieldset>
                    {from_field}
                    <button class="button" type="submit">{t!(Key::MoneySave)}</button>
                </form>
            }
        })
    };

    let off_note = move || {
        (!on.get() && has_amounts.get())
            .then(|| view! { <p class="field__hint">{t!(Key::MoneyOffKept)}</p> })
    };

    view! {
        <section class="settings__section card" id="money" aria-labelledby="money-title">
            <h2 id="money-title">{t!(Key::SettingsTocMoney)}</h2>
            <p id="money-intro">{t!(Key::MoneyIntro)}</p>
            <div class="field">
                <label class="check" for="money-on">
                    <input
                        type="checkbox"
                        id="money-on"
                        aria-describedby="money-intro money-error"
                        prop:checked=move || on.get()
                        on:change=on_toggle
                    />
                    {t!(Key::MoneyShow)}
                </label>
            </div>
            {off_note}
            {form}
            {amounts}
            <p class="field__error" id="money-error" role="alert">{move || error.get()}</p>
            <p class="settings__saved" role="status">{move || status.get()}</p>
        </section>
    }
}
