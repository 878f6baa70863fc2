//! Shared parsing for the compiled-in content files.

use serde::de::DeserializeOwned;

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
