//! Every word the user sees, in their language.
//!
//! The words are data: one catalogue per language under
//! `src/content/<lang>/ui/<area>.json`, beside the guide and the other
//! content files. `build.rs` turns the English catalogue into [`Key`] (one
//! variant per string, so a typo is a compile error) and a compiled-in table
//! of the English text. Any other language is a bundle file fetched on demand
//! and precached by the service worker (`scripts/lang-bundle.mjs`), so a
//! second language costs the first load nothing.
//!
//! Views call [`tr`] for a plain string, [`trf`] (or [`t!`](crate::t)) to
//! fill `{placeholders}`, and [`trn`] for a count. Domain and data code never
//! builds a sentence: it returns a [`Key`] and the view translates it.
//!
//! The current language is one per page (a thread-local: wasm has one
//! thread, and each native test thread starts in English). Changing it does
//! not redraw anything by itself; the app redraws its tree when it changes.

pub mod bundle;
pub mod format;

mod keys {
    use super::{Key, Plural};
    include!(concat!(env!("OUT_DIR"), "/i18n_keys.rs"));
}

pub use keys::{KEYS_HASH, SLOT_COUNT};

#[cfg(test)]
pub(crate) use keys::SLOTS;

/// One user-facing string: its slot in every language's catalogue, and its
/// English text (see `build.rs` for why the English travels with the key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    slot: u16,
    en: &'static str,
}

/// A string with a "one" and an "other" form ("1 day", "5 days"), for
/// [`trn`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Plural {
    pub other: Key,
    pub one: Key,
}

impl Key {
    /// The slot in a catalogue's string table.
    pub fn slot(self) -> usize {
        usize::from(self.slot)
    }

    /// The English text.
    pub fn english(self) -> &'static str {
        self.en
    }
}

use std::cell::Cell;

/// A language Waymark is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    /// Every language, English first (the fallback).
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 tag, for `<html lang>` and the stored setting.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language named by a stored code, if it is one Waymark has.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name for itself, shown in the language picker in
    /// every language, so a user who cannot read the current one finds theirs.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The first language Waymark has among the browser's preferred ones
    /// (`navigator.languages`, most wanted first). Any `es` tag (`es`,
    /// `es-MX`, `es-419`) means Spanish; none found means English.
    pub fn from_browser<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
                Lang::from_code(&primary)
            })
            .unwrap_or_default()
    }
}

thread_local! {
    /// The language in use and its strings (none for English, whose text
    /// each key carries).
    static CURRENT: Cell<(Lang, &'static [&'static str])> = const { Cell::new((Lang::En, &[])) };
}

/// The language the words are in now.
pub fn current() -> Lang {
    CURRENT.with(|c| c.get().0)
}

/// Uses English from now on.
pub fn use_english() {
    CURRENT.with(|c| c.set((Lang::En, &[])));
}

/// Uses a loaded catalogue from now on.
pub fn use_catalogue(catalogue: &bundle::Catalogue) {
    CURRENT.with(|c| c.set((catalogue.lang, catalogue.strings)));
}

/// The text of `key` in the current language.
pub fn tr(key: Key) -> &'static str {
    CURRENT.with(|c| c.get().1.get(key.slot()).copied().unwrap_or(key.en))
}

/// The text of `key` with each `{name}` replaced by its value.
pub fn trf(key: Key, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    fill(tr(key), args)
}

/// The form of a plural `key` for `n` ("1 day", "5 days"), with `{n}` (and
/// any other `{name}` in `args`) filled in. Both languages use "one" for
/// exactly 1 and "other" for everything else, 0 included.
pub fn trn(key: Plural, n: i64, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let form = if n == 1 { key.one } else { key.other };
    let number = format::integer(n);
    let mut all: Vec<(&str, &dyn std::fmt::Display)> = vec![("n", &number)];
    all.extend_from_slice(args);
    fill(tr(form), &all)
}

/// `{name}` in `template` replaced by the matching argument; a placeholder
/// with no argument stays as it is, so a missing value shows, not vanishes.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => {
                        use std::fmt::Write as _;
                        let _ = write!(out, "{value}");
                    }
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders (`{name}`) a text uses, sorted, for the completeness
/// test.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        found.push(&after[..close]);
        rest = &after[close + 1..];
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// `t!(Key::X)` is `tr(Key::X)`; `t!(Key::X, name = value, …)` fills
/// `{name}` placeholders, like `format!` but with the text from the catalogue.
#[macro_export]
macro_rules! t {
    ($key:expr) => {
        $crate::i18n::tr($key)
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::trf($key, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+])
    };
}

/// The completeness tests, and `tests::speak` for other modules' tests.
#[cfg(test)]
pub(crate) mod tests;
