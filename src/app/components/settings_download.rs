//! Saving a file to the user's device without any JavaScript of our own: a
//! Blob, an object URL and a temporary `<a download>` that is clicked and
//! removed. Used for the backup and for set-aside data, which must work
//! offline and never touch a server.

use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::set_timeout;
use wasm_bindgen::{JsCast, JsValue};

/// Said when this browser cannot save files for us.
pub const DOWNLOAD_UNSUPPORTED: &str = "This browser did not let Waymark save a file. \
     Nothing was changed. Try again in another browser, such as Chrome, Firefox or Safari.";

/// The backup file's name for `day`, e.g. `waymark-backup-2026-03-07.json`.
pub fn backup_file_name(day: NaiveDate) -> String {
    format!("waymark-backup-{}.json", day.format("%Y-%m-%d"))
}

/// Offers `text` to the user as a file called `file_name`. Returns a message
/// for the user when the browser cannot do it.
pub fn download_text(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let unsupported = |_| DOWNLOAD_UNSUPPORTED.to_owned();
    let window = web_sys::window().ok_or(DOWNLOAD_UNSUPPORTED)?;
    let document = window.document().ok_or(DOWNLOAD_UNSUPPORTED)?;
    // Old browsers lack the `download` attribute or object URLs; then the
    // link would open the file as a page instead of saving it.
    let url_class =
        js_sys::Reflect::get(&window, &JsValue::from_str("URL")).map_err(unsupported)?;
    let has_object_urls =
        js_sys::Reflect::has(&url_class, &JsValue::from_str("createObjectURL")).unwrap_or(false);
    let anchor = document
        .create_element("a")
        .map_err(unsupported)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| DOWNLOAD_UNSUPPORTED.to_owned())?;
    let has_download =
        js_sys::Reflect::has(&anchor, &JsValue::from_str("download")).unwrap_or(false);
    if !has_object_urls || !has_download {
        return Err(DOWNLOAD_UNSUPPORTED.to_owned());
    }

    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(unsupported)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(unsupported)?;

    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let attached = document
        .body()
        .map(|body| body.append_child(&anchor).is_ok())
        .unwrap_or(false);
    anchor.click();
    if attached {
        anchor.remove();
    }
    // Some browsers read the URL a moment after the click; revoke it later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}
