//! A language other than English, as the bundle file the build writes
//! (`scripts/lang-bundle.mjs`): `{"lang", "keys", "strings", "content"}`.
//!
//! - `strings` is every slot's text in slot order (the order `build.rs`
//!   gives [`Key`](super::Key)); `keys` is the hash of the slot names, so a
//!   bundle from another build is refused, never shown with the wrong words.
//! - `content` holds the language's twin of each content file (`guide`,
//!   `helplines`, `safety`, `sows`, `coping`) as JSON text, parsed by the
//!   same code as the English files when a screen first asks for it.
//!
//! A loaded bundle lives for the rest of the page (it is leaked once per
//! language), so every text can be handed out as `&'static str`.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Lang, KEYS_HASH, SLOT_COUNT};

/// A language's words, ready to use.
#[derive(Debug)]
pub struct Catalogue {
    pub lang: Lang,
    /// Every slot's text, in slot order.
    pub strings: &'static [&'static str],
    /// Content file name (`guide`) → its JSON text.
    content: BTreeMap<String, &'static str>,
}

/// Why a bundle file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// Not JSON, or not the bundle's shape.
    Unreadable(String),
    /// A language this build does not know.
    UnknownLang(String),
    /// Made for another build's keys (a cached file from an older version).
    OtherKeys {
        expected: &'static str,
        found: String,
    },
    /// The wrong number of strings.
    WrongCount { expected: usize, found: usize },
}

#[derive(Deserialize)]
struct Wire {
    lang: String,
    keys: String,
    strings: Vec<String>,
    #[serde(default)]
    content: BTreeMap<String, String>,
}

/// Reads a bundle file. Nothing is kept unless it is complete and made for
/// this build's keys.
pub fn parse(json: &str) -> Result<Catalogue, BundleError> {
    let wire: Wire =
        serde_json::from_str(json).map_err(|e| BundleError::Unreadable(e.to_string()))?;
    let lang = Lang::from_code(&wire.lang).ok_or(BundleError::UnknownLang(wire.lang))?;
    if wire.keys != KEYS_HASH {
        return Err(BundleError::OtherKeys {
            expected: KEYS_HASH,
            found: wire.keys,
        });
    }
    if wire.strings.len() != SLOT_COUNT {
        return Err(BundleError::WrongCount {
            expected: SLOT_COUNT,
            found: wire.strings.len(),
        });
    }
    let strings: Vec<&'static str> = wire.strings.into_iter().map(leak).collect();
    Ok(Catalogue {
        lang,
        strings: Vec::leak(strings),
        content: wire
            .content
            .into_iter()
            .map(|(name, text)| (name, leak(text)))
            .collect(),
    })
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

thread_local! {
    static LOADED: RefCell<Vec<&'static Catalogue>> = const { RefCell::new(Vec::new()) };
}

/// Keeps a parsed catalogue for the rest of the page, replacing one of the
/// same language.
pub fn install(catalogue: Catalogue) -> &'static Catalogue {
    let kept: &'static Catalogue = Box::leak(Box::new(catalogue));
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        l.retain(|c| c.lang != kept.lang);
        l.push(kept);
    });
    kept
}

/// The catalogue of `lang`, if it has been loaded.
pub fn loaded(lang: Lang) -> Option<&'static Catalogue> {
    LOADED.with(|l| l.borrow().iter().find(|c| c.lang == lang).copied())
}

/// The JSON text of a content file (`"guide"`) in `lang`, if loaded.
pub fn content(lang: Lang, name: &str) -> Option<&'static str> {
    loaded(lang).and_then(|c| c.content.get(name).copied())
}
