//! Form fields for the record forms: each has a visible label, shows its
//! error right under it (linked with `aria-describedby`) and writes through a
//! [`Binding`], so the form state always holds exactly what was typed.

use super::record_form::Binding;
use leptos::prelude::*;

/// `aria-describedby` for a control with an optional hint and error.
fn described_by(
    id: &str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    let hint_id = has_hint.then(|| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    move || {
        let mut ids: Vec<String> = hint_id.iter().cloned().collect();
        if error.with(Option::is_some) {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The hint paragraph under a label, if any.
fn hint_view(id: &str, hint: Option<&'static str>) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })
}

/// The error paragraph, shown while there is an error.
fn error_view(id: &str, error: Signal<Option<String>>) -> impl IntoView {
    let error_id = format!("{id}-error");
    move || {
        error
            .get()
            .map(|m| view! { <p class="field__error" id=error_id.clone()>{m}</p> })
    }
}

/// A one-line text input (or a textarea with `multiline`).
#[component]
pub fn TextField(
    id: String,
    #[prop(into)] label: String,
    bind: Binding<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
    /// The input type: "text", "tel", "email", "date", "time", "url"...
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error);
    let invalid = move || error.with(Option::is_some).then_some("true");
    let on_input = move |ev: leptos::ev::Event| bind.set.run(event_target_value(&ev));
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                aria-describedby=described
                aria-invalid=invalid
                prop:value=move || bind.value.get()
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                list=list
                aria-describedby=described
                aria-invalid=invalid
                prop:value=move || bind.value.get()
                on:input=on_input
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint_view(&id, hint)}
            {control}
            {error_view(&id, error)}
        </div>
    }
}

/// A drop-down list of `(value, label)` options.
#[component]
pub fn SelectField(
    id: String,
    #[prop(into)] label: String,
    options: Vec<(String, String)>,
    bind: Binding<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error);
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let v = value.clone();
            view! {
                <option value=value prop:selected=move || bind.value.with(|cur| *cur == v)>
                    {text}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint_view(&id, hint)}
            <select
                id=id.clone()
                aria-describedby=described
                on:change=move |ev| bind.set.run(event_target_value(&ev))
            >
                {options}
            </select>
            {error_view(&id, error)}
        </div>
    }
}

/// A checkbox with its label beside it.
#[component]
pub fn CheckField(id: String, #[prop(into)] label: String, bind: Binding<bool>) -> impl IntoView {
    view! {
        <div class="field">
            <label class="check">
                <input
                    type="checkbox"
                    id=id
                    prop:checked=move || bind.value.get()
                    on:change=move |ev| bind.set.run(event_target_checked(&ev))
                />
                <span>{label}</span>
            </label>
        </div>
    }
}

/// A group of radio buttons shown as chips, named by its legend. The first
/// radio gets `id`, so focusing the field after an error lands on it.
#[component]
pub fn RadioGroup(
    id: String,
    #[prop(into)] legend: String,
    /// The radios' `name`, unique on the page.
    #[prop(into)]
    name: String,
    options: Vec<(String, String)>,
    bind: Binding<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error);
    let legend_id = format!("{id}-legend");
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, text))| {
            let first_id = (i == 0).then(|| id.clone());
            let checked_value = value.clone();
            let chosen = value.clone();
            view! {
                <label class="chip">
                    <input
                        type="radio"
                        id=first_id
                        name=name.clone()
                        value=value
                        prop:checked=move || bind.value.with(|cur| *cur == checked_value)
                        on:change=move |_| bind.set.run(chosen.clone())
                    />
                    <span>{text}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" role="radiogroup" aria-labelledby=legend_id.clone() aria-describedby=described>
            <legend id=legend_id.clone()>{legend}</legend>
            {hint_view(&id, hint)}
            <div class="chips">{radios}</div>
            {error_view(&id, error)}
        </fieldset>
    }
}

/// Options for a 1 to 5 scale, with words at the ends or on every number.
pub fn scale_options(word: impl Fn(u8) -> Option<&'static str>) -> Vec<(String, String)> {
    (1..=5u8)
        .map(|n| {
            let text = match word(n) {
                Some(w) => format!("{n} {w}"),
                None => n.to_string(),
            };
            (n.to_string(), text)
        })
        .collect()
}

/// Binds an optional 1 to 5 number to a radio group's text value.
pub fn parse_scale(text: &str) -> Option<u8> {
    text.parse::<u8>().ok().filter(|n| (1..=5).contains(n))
}
