//! Applies the chosen theme to the page. `System` follows the phone's light
//! or dark setting through CSS alone; `Light` and `Dark` set `data-theme` on
//! `<html>`, which the tokens in `style/main.css` key on.

use crate::domain::settings::Theme;

pub fn apply_theme(theme: Theme) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        Theme::Light => root.set_attribute("data-theme", "light"),
        Theme::Dark => root.set_attribute("data-theme", "dark"),
    };
}
