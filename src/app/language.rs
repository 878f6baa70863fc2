//! The language the app speaks, in the browser: which one to start in, the
//! other language's bundle fetched on demand, `<html lang>`, and a switch
//! that redraws every screen at once without a reload.
//!
//! English is compiled in. Another language's words and content are one
//! file (`/lang/<lang>-<hash>.json`, named by a `<meta>` the build writes
//! into `index.html`, precached by the service worker), so choosing Spanish
//! never grows the first load of an English reader, and works offline.
//!
//! The choice is kept twice: in the settings (so it travels in backups) and
//! in plain `wm:lang` (so the boot script, the static Help page and the lock
//! screen know it before the settings can be read).

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::local_storage::LocalStore;
use crate::data::keys::LANG_KEY;
use crate::data::store::KvStore;
use crate::i18n::{self, bundle, Lang};

/// The language in use, as a signal the app's root redraws on.
#[derive(Clone, Copy)]
pub struct Language {
    pub lang: RwSignal<Lang>,
    /// A bundle is being fetched for a switch.
    pub busy: RwSignal<bool>,
    /// The last switch (or the start) could not load its language.
    pub failed: RwSignal<Option<Lang>>,
}

thread_local! {
    /// A language that could not be loaded before the first draw.
    static START_FAILED: Cell<Option<Lang>> = const { Cell::new(None) };
    /// The tree was just redrawn for a new language: the control that asked
    /// for it takes the focus back (see [`take_switched`]).
    static SWITCHED: Cell<bool> = const { Cell::new(false) };
}

/// True once after a language switch redrew the tree, so the language
/// picker can take the keyboard focus back instead of leaving it on the page.
pub fn take_switched() -> bool {
    SWITCHED.with(|s| s.replace(false))
}

/// The language to start in: the one the user chose (kept in `wm:lang`),
/// else the browser's (any `es` tag means Spanish).
pub fn starting_language() -> Lang {
    let stored = LocalStore::open()
        .get(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|code| Lang::from_code(code.trim()));
    stored.unwrap_or_else(browser_language)
}

/// The first language Waymark has in `navigator.languages`.
pub fn browser_language() -> Lang {
    let tags: Vec<String> = web_sys::window()
        .map(|w| {
            let list = w.navigator().languages();
            let mut tags: Vec<String> = list.iter().filter_map(|v| v.as_string()).collect();
            if tags.is_empty() {
                tags.extend(w.navigator().language());
            }
            tags
        })
        .unwrap_or_default();
    Lang::from_browser(tags.iter().map(String::as_str))
}

/// Before the first draw: loads and applies the starting language. If it
/// cannot be loaded, the app starts in English and says why.
pub async fn prepare() {
    let lang = starting_language();
    if let Err(lang) = apply(lang).await {
        START_FAILED.with(|f| f.set(Some(lang)));
        let _ = apply(Lang::En).await;
    }
}

/// Makes `lang` the language of every word from now on (fetching its bundle
/// the first time), and of `<html lang>`. `Err` gives back a language that
/// could not be loaded; nothing changed then.
async fn apply(lang: Lang) -> Result<(), Lang> {
    match lang {
        Lang::En => i18n::use_english(),
        other => {
            if bundle::loaded(other).is_none() && !load_bundle(other.code().to_string()).await {
                return Err(other);
            }
            i18n::use_catalogue(bundle::loaded(other).ok_or(other)?);
        }
    }
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    Ok(())
}

/// The address of a language's bundle, as the build wrote it.
fn bundle_address(lang: Lang) -> Option<String> {
    let selector = format!("meta[name=\"waymark-lang-{}\"]", lang.code());
    document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

/// Fetches, checks and keeps a language's bundle; false if it could not.
/// A split point: the fetch and the bundle reader are a module of their
/// own, so an English reader's first load never carries them.
#[cfg_attr(feature = "split", lazy)]
async fn load_bundle(code: String) -> bool {
    let Some(lang) = Lang::from_code(&code) else {
        return false;
    };
    match fetch_bundle(lang).await {
        Some(catalogue) => {
            bundle::install(catalogue);
            true
        }
        None => false,
    }
}

async fn fetch_bundle(lang: Lang) -> Option<bundle::Catalogue> {
    let address = bundle_address(lang)?;
    let response = JsFuture::from(window().fetch_with_str(&address))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    let text = text.as_string()?;
    match bundle::parse(&text) {
        Ok(c) => Some(c),
        Err(e) => {
            web_sys::console::warn_1(&format!("language bundle not used: {e:?}").into());
            None
        }
    }
}

/// Provides the language signal at the root.
pub fn provide_language() -> Language {
    let language = Language {
        lang: RwSignal::new(i18n::current()),
        busy: RwSignal::new(false),
        failed: RwSignal::new(START_FAILED.with(|f| f.get())),
    };
    provide_context(language);
    language
}

/// The language signal from context.
pub fn use_language() -> Language {
    use_context::<Language>().unwrap_or_else(provide_language)
}

impl Language {
    /// Switches to `lang` now: loads it if needed and redraws. A language
    /// the user chose (`chosen`, saved in the settings by the caller) is also
    /// kept in `wm:lang`; one only followed from the browser is not, so
    /// nothing is stored for a user who never chose (and "delete
    /// everything" leaves nothing behind).
    pub fn switch(self, lang: Lang, chosen: bool) {
        if lang == i18n::current() {
            keep(lang, chosen);
            return;
        }
        self.busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let result = apply(lang).await;
            self.busy.set(false);
            match result {
                Ok(()) => {
                    keep(lang, chosen);
                    self.failed.set(None);
                    SWITCHED.with(|s| s.set(true));
                    self.lang.set(lang);
                }
                Err(lang) => self.failed.set(Some(lang)),
            }
        });
    }
}

/// Keeps a chosen language where the boot script and the lock screen can
/// read it, or forgets it when the user follows the browser. A failed write
/// only means the next start follows the settings instead.
fn keep(lang: Lang, chosen: bool) {
    let store = LocalStore::open();
    let _ = if chosen {
        store.set(LANG_KEY, lang.code())
    } else {
        store.remove(LANG_KEY)
    };
}
