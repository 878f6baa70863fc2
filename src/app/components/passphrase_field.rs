//! One passphrase input with its label, hint and error, as every lock form
//! uses it. The value is never echoed anywhere but the field itself.

use leptos::prelude::*;

#[component]
pub fn PassphraseField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    /// `current-password` to type an existing one, `new-password` to choose one.
    autocomplete: &'static str,
    /// Ids of other elements that describe the field (an error line).
    #[prop(optional)]
    described_by: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] node_ref: Option<NodeRef<leptos::html::Input>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = match hint {
        Some(_) => format!("{hint_id} {described_by}").trim().to_owned(),
        None => described_by.to_owned(),
    };
    let node_ref = node_ref.unwrap_or_default();
    let input = view! {
        <input
            id=id
            node_ref=node_ref
            type="password"
            autocomplete=autocomplete
            aria-describedby=described
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
            {input}
        </div>
    }
}
