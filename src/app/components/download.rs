//! Saving a file the app made (a backup, a calendar entry) to the device, with no
//! server: the text becomes a Blob, an object URL points at it, and a
//! hidden `<a download>` is clicked. Browsers without these get a message
//! instead of a broken button.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Key;
use crate::t;

/// Said when this browser cannot save a file from the app.
pub fn cannot_download() -> &'static str {
    t!(Key::StorageCannotDownload)
}

/// True when the browser can save a file made in the page.
pub fn can_download() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let has_object_urls = js_sys::Reflect::get(&window, &JsValue::from_str("URL"))
        .ok()
        .filter(|url| !url.is_undefined())
        .and_then(|url| js_sys::Reflect::has(&url, &JsValue::from_str("createObjectURL")).ok())
        .unwrap_or(false);
    let anchor_downloads = document()
        .create_element("a")
        .ok()
        .and_then(|a| js_sys::Reflect::has(&a, &JsValue::from_str("download")).ok())
        .unwrap_or(false);
    has_object_urls && anchor_downloads
}

/// Offers `text` as a file called `file_name` of type `mime`. On failure
/// returns a message for the user.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    if !can_download() {
        return Err(cannot_download().to_owned());
    }
    let fail = |_| cannot_download().to_owned();
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let result = (|| -> Result<(), JsValue> {
        let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.set_attribute("hidden", "")?;
        let body = document()
            .body()
            .ok_or_else(|| JsValue::from_str("no body"))?;
        body.append_child(&anchor)?;
        anchor.click();
        anchor.remove();
        Ok(())
    })();
    // Some browsers read the file after the click returns: free it later.
    let later = url.clone();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&later);
        },
        std::time::Duration::from_secs(30),
    );
    result.map_err(fail)
}
