//! Settings › Appearance: light, dark, or follow the device. The root applies
//! the stored theme, so this only updates the settings document.

use leptos::prelude::*;

use crate::app::hooks::use_doc;
use crate::domain::settings::{Settings, Theme};
use crate::i18n::Key;
use crate::t;

/// The short radio label. `Theme::label` gives the long wording (`settings.theme_system`) for
/// `System`; here that sentence is the hint under the group instead.
fn radio_label(theme: Theme) -> &'static str {
    match theme {
        Theme::System => t!(Key::SettingsThemeSystem),
        Theme::Light => t!(Key::SettingsThemeLight),
        Theme::Dark => t!(Key::SettingsThemeDark),
    }
}

use super::discreet::DiscreetToggle;

#[component]
pub fn AppearanceSection() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let error = RwSignal::new(None::<String>);
    let options = Theme::ALL
        .into_iter()
        .map(|theme| {
            let for_id = format!("theme-{}", theme.code());
            let input_id = for_id.clone();
            view! {
                <label class="chip" for=for_id>
                    <input
                        type="radio"
                        id=input_id
                        name="theme"
                        value=theme.code()
                        prop:checked=move || settings.value.with(|s| s.theme == theme)
                        on:change=move |_| error.set(settings.update(|s| s.theme = theme).err())
                    />
                    {radio_label(theme)}
                </label>
            }
        })
        .collect_view();

    view! {
        <section class="settings__section card" id="appearance" aria-labelledby="appearance-title">
            <h2 id="appearance-title">{t!(Key::SettingsAppearanceTitle)}</h2>
            <fieldset aria-describedby="theme-hint theme-error">
                <legend>{t!(Key::SettingsThemeLegend)}</legend>
                <p class="field__hint" id="theme-hint">{t!(Key::SettingsThemeHint)}</p>
                <div class="chips">{options}</div>
                <p class="field__error" id="theme-error" role="alert">{move || error.get()}</p>
            </fieldset>
            <DiscreetToggle/>
        </section>
    }
}
