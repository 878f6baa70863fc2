//! Checkbox chips for the check-in's triggers and "what helped", with a
//! field to add a new one to the user's own list in one step.

use crate::i18n::Key;
use crate::t;
use leptos::ev;
use leptos::prelude::*;

/// True when `list` holds `name`, ignoring case and outer spaces (the same
/// rule the domain uses when it toggles a chip).
fn holds(list: &[String], name: &str) -> bool {
    let key = name.trim().to_lowercase();
    list.iter().any(|t| t.trim().to_lowercase() == key)
}

/// `options`, then any picked label the options lack (for example a trigger
/// later removed from the user's list), so every picked chip can be unticked.
fn all_choices(options: &[String], picked: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in options.iter().chain(picked.iter()) {
        if !t.trim().is_empty() && !holds(&out, t) {
            out.push(t.clone());
        }
    }
    out
}

/// A group of chips. `on_add` saves a new label to the user's list (and
/// ticks it); it returns a message when that failed.
#[component]
pub fn TagChips(
    /// The group's visible name.
    legend: &'static str,
    /// A prefix for element ids, unique on the page.
    id_prefix: &'static str,
    /// The label of the add field, e.g. "Add a trigger".
    add_label: &'static str,
    /// The accessible name of the add button.
    add_button: &'static str,
    #[prop(into)] options: Signal<Vec<String>>,
    #[prop(into)] picked: Signal<Vec<String>>,
    on_toggle: Callback<String>,
    on_add: Callback<String, Result<(), String>>,
    /// A problem with the group from the last save, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let new_label = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let add = move || {
        let text = new_label.get_untracked();
        match on_add.run(text) {
            Ok(()) => {
                new_label.set(String::new());
                add_error.set(None);
            }
            Err(m) => add_error.set(Some(m)),
        }
    };
    let input_id = format!("{id_prefix}-add");
    let error_id = format!("{id_prefix}-error");
    let describedby = error_id.clone();
    let label_for = input_id.clone();
    let add_error_id = format!("{id_prefix}-add-error");
    let chips = move || {
        let picked_now = picked.get();
        all_choices(&options.get(), &picked_now)
            .into_iter()
            .map(|name| {
                let checked = holds(&picked_now, &name);
                let toggled = name.clone();
                view! {
                    <label class="chip">
                        <input
                            type="checkbox"
                            prop:checked=checked
                            on:change=move |_| on_toggle.run(toggled.clone())
                        />
                        {name}
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="field journal-chips" aria-describedby=describedby>
            <legend>{legend}</legend>
            <div class="chips">{chips}</div>
            {move || error.get().map(|m| view! { <p class="field__error" id=error_id.clone()>{m}</p> })}
            <div class="journal-chips__add">
                <label for=label_for class="small">{add_label}</label>
                <div class="journal-chips__add-row">
                    <input
                        id=input_id
                        type="text"
                        maxlength="100"
                        autocomplete="off"
                        aria-describedby=add_error_id.clone()
                        prop:value=move || new_label.get()
                        on:input=move |ev| new_label.set(event_target_value(&ev))
                        on:keydown=move |ev: ev::KeyboardEvent| {
                            if ev.key() == "Enter" {
                                // Enter adds the label instead of saving the check-in.
                                ev.prevent_default();
                                add();
                            }
                        }
                    />
                    <button type="button" class="button" aria-label=add_button on:click=move |_| add()>
                        {t!(Key::JournalAdd)}
                    </button>
                </div>
                {move || add_error.get().map(|m| view! { <p class="field__error" id=add_error_id.clone()>{m}</p> })}
            </div>
        </fieldset>
    }
}
