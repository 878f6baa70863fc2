//! Shared parsing for the compiled-in content files.

use std::cell::OnceCell;
use std::thread::LocalKey;

use serde::de::DeserializeOwned;

use crate::i18n::{self, Lang};

/// A content file that failed to parse. Only ever seen if a JSON file was
/// broken and the tests were skipped; the app shows a fallback instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// The file name, so a bug report points at the right place.
    pub file: &'static str,
    /// The parser's message, with line and column.
    pub message: String,
}

impl std::fmt::Display for ContentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not read {}: {}", self.file, self.message)
    }
}

impl std::error::Error for ContentError {}

/// Parses one content file, naming it in the error.
pub(crate) fn parse<T: DeserializeOwned>(
    file: &'static str,
    json: &str,
) -> Result<T, ContentError> {
    serde_json::from_str(json).map_err(|e| ContentError {
        file,
        message: e.to_string(),
    })
}

/// One parsed copy of a content file per language, made on first use.
pub(crate) type PerLanguage<T> = [OnceCell<&'static T>; 2];

/// A content file in the current language, parsed once per language and
/// kept for the life of the page. English is compiled in (`en_json`); any
/// other language comes from its loaded bundle. Until that bundle is loaded
/// (or if it lacks the file) the English text is used, and not cached as the
/// other language's, so the words switch as soon as the bundle arrives.
pub(crate) fn localized<T: 'static>(
    cache: &'static LocalKey<PerLanguage<T>>,
    name: &str,
    en_json: &'static str,
    parse: fn(&str) -> Result<T, ContentError>,
    fallback: fn(ContentError) -> T,
) -> &'static T {
    let lang = i18n::current();
    let json = match lang {
        Lang::En => en_json,
        other => match i18n::bundle::content(other, name) {
            Some(json) => json,
            None => return in_lang(cache, Lang::En, en_json, parse, fallback),
        },
    };
    in_lang(cache, lang, json, parse, fallback)
}

fn in_lang<T: 'static>(
    cache: &'static LocalKey<PerLanguage<T>>,
    lang: Lang,
    json: &'static str,
    parse: fn(&str) -> Result<T, ContentError>,
    fallback: fn(ContentError) -> T,
) -> &'static T {
    cache.with(|c| {
        *c[lang as usize].get_or_init(|| Box::leak(Box::new(parse(json).unwrap_or_else(fallback))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_file_gives_an_error_naming_the_file() {
        let result: Result<Vec<u8>, _> = parse("broken.json", "[1, 2,");
        let err = result.unwrap_err();
        assert_eq!(err.file, "broken.json");
        assert!(err.to_string().contains("broken.json"));
    }
}
