//! Helplines and emergency numbers by region, from `helplines.json`.
//!
//! Numbers change, so they live in this one file, each with its source and
//! the month it was last checked.

use serde::{Deserialize, Serialize};

use super::load::{localized, parse, ContentError, PerLanguage};

const HELPLINES_JSON: &str = include_str!("en/helplines.json");

/// The user's region, chosen in settings. Stored as "us", "uk" or "ca".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    #[default]
    Us,
    Uk,
    Ca,
}

impl Region {
    pub const ALL: [Region; 3] = [Region::Us, Region::Uk, Region::Ca];

    /// The lowercase code used in the content file and in settings.
    pub fn code(self) -> &'static str {
        match self {
            Region::Us => "us",
            Region::Uk => "uk",
            Region::Ca => "ca",
        }
    }

    /// The region's name, for the settings picker.
    pub fn name(self) -> &'static str {
        match self {
            Region::Us => "United States",
            Region::Uk => "United Kingdom",
            Region::Ca => "Canada",
        }
    }

    /// The region for a code, if it is one we know.
    pub fn from_code(code: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The emergency number, kept in code too so the crisis screen works even
    /// if the content file could not be read.
    fn builtin_emergency(self) -> &'static str {
        match self {
            Region::Us | Region::Ca => "911",
            Region::Uk => "999",
        }
    }
}

/// Every region's lines.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelplineDirectory {
    /// When the numbers were last checked, "YYYY-MM".
    pub checked: String,
    /// That 112 works across the EU.
    pub eu_note: String,
    pub regions: Vec<RegionLines>,
    /// Set only on the fallback, when `helplines.json` failed to parse.
    #[serde(skip)]
    pub load_error: Option<ContentError>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionLines {
    pub region: Region,
    /// Display name, e.g. "United Kingdom".
    pub name: String,
    pub emergency: Emergency,
    pub lines: Vec<Helpline>,
}

/// The emergency services number for a region.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Emergency {
    /// As shown.
    pub number: String,
    /// Digits only, for a `tel:` link.
    pub tel: String,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Helpline {
    /// Stable id ("samhsa", "frank"), for links from other content.
    pub id: String,
    pub name: String,
    /// As shown, e.g. "1-800-662-4357".
    pub number: String,
    /// Digits only, for a `tel:` link, e.g. "18006624357".
    pub tel: String,
    #[serde(default)]
    pub sms: Option<Sms>,
    /// TTY number as shown; see [`Helpline::tty_tel`] for the link form.
    #[serde(default)]
    pub tty: Option<String>,
    pub hours: String,
    /// One plain sentence on what the line is for.
    pub what: String,
    pub source: String,
    /// "YYYY-MM".
    pub checked: String,
}

/// A text-message option for a line.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sms {
    /// Digits only; usable in an `sms:` link and for display.
    pub number: String,
    /// What to write, e.g. "Your ZIP code".
    pub body_hint: String,
}

impl Helpline {
    /// The `tel:` link for this line.
    pub fn tel_href(&self) -> String {
        format!("tel:{}", self.tel)
    }

    /// The TTY number as digits, for a `tel:` link.
    pub fn tty_tel(&self) -> Option<String> {
        self.tty
            .as_ref()
            .map(|t| t.chars().filter(char::is_ascii_digit).collect())
    }
}

impl Emergency {
    pub fn tel_href(&self) -> String {
        format!("tel:{}", self.tel)
    }
}

impl HelplineDirectory {
    pub fn parse(json: &str) -> Result<HelplineDirectory, ContentError> {
        parse("helplines.json", json)
    }

    /// The entry for a region, if the file has one.
    pub fn region(&self, region: Region) -> Option<&RegionLines> {
        self.regions.iter().find(|r| r.region == region)
    }

    /// A line by id, in any region.
    pub fn line(&self, id: &str) -> Option<&Helpline> {
        self.regions
            .iter()
            .flat_map(|r| &r.lines)
            .find(|l| l.id == id)
    }

    /// Emergency numbers only, built from code, for when the file is broken:
    /// the one number that must always be there still is.
    fn fallback(error: ContentError) -> HelplineDirectory {
        let regions = Region::ALL
            .into_iter()
            .map(|region| RegionLines {
                region,
                name: region.name().to_string(),
                emergency: Emergency {
                    number: region.builtin_emergency().to_string(),
                    tel: region.builtin_emergency().to_string(),
                    source: "General knowledge".to_string(),
                },
                lines: Vec::new(),
            })
            .collect();
        HelplineDirectory {
            checked: String::new(),
            eu_note: "In the EU, you can call 112 for emergency help.".to_string(),
            regions,
            load_error: Some(error),
        }
    }
}

/// All helplines, parsed once. Never panics: a broken file gives emergency
/// numbers only, with `load_error` set.
pub fn helpline_directory() -> &'static HelplineDirectory {
thread_local! {
        static CACHE: PerLanguage<HelplineDirectory> = Default::default();
    }
    localized(&CACHE, "helplines", HELPLINES_JSON, HelplineDirectory::parse, HelplineDirectory::fallback)
}

/// The helplines for a region (empty only if the file could not be read).
pub fn helplines(region: Region) -> &'static [Helpline] {
    helpline_directory()
        .region(region)
        .map(|r| r.lines.as_slice())
        .unwrap_or(&[])
}

/// The emergency number for a region. Always available.
pub fn emergency(region: Region) -> Emergency {
    match helpline_directory().region(region) {
        Some(r) => r.emergency.clone(),
        None => Emergency {
            number: region.builtin_emergency().to_string(),
            tel: region.builtin_emergency().to_string(),
            source: "General knowledge".to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed() -> HelplineDirectory {
        HelplineDirectory::parse(HELPLINES_JSON).expect("helplines.json parses")
    }

    fn line<'a>(d: &'a HelplineDirectory, region: Region, id: &str) -> &'a Helpline {
        d.region(region)
            .and_then(|r| r.lines.iter().find(|l| l.id == id))
            .unwrap_or_else(|| panic!("no {id} in {region:?}"))
    }

    #[test]
    fn the_helplines_file_parses_with_every_region() {
        let d = parsed();
        for region in Region::ALL {
            assert!(d.region(region).is_some(), "{region:?}");
            assert!(!helplines(region).is_empty(), "{region:?}");
        }
        assert!(helpline_directory().load_error.is_none());
    }

    #[test]
    fn the_numbers_are_exactly_those_in_the_facts_brief() {
        let d = parsed();
        let samhsa = line(&d, Region::Us, "samhsa");
        assert_eq!(samhsa.number, "1-800-662-4357");
        assert_eq!(samhsa.tel, "18006624357");
        assert_eq!(samhsa.tty.as_deref(), Some("1-800-487-4889"));
        assert_eq!(samhsa.tty_tel().as_deref(), Some("18004874889"));
        assert_eq!(
            samhsa.sms.as_ref().map(|s| s.number.as_str()),
            Some("435748")
        );
        assert_eq!(line(&d, Region::Us, "lifeline-988").number, "988");
        assert_eq!(
            line(&d, Region::Us, "never-use-alone").number,
            "1-800-484-3731"
        );
        assert_eq!(line(&d, Region::Ca, "nors").number, "1-888-688-6677");
        let frank = line(&d, Region::Uk, "frank");
        assert_eq!(frank.number, "0300 123 6600");
        assert_eq!(frank.sms.as_ref().map(|s| s.number.as_str()), Some("82111"));
        let na = line(&d, Region::Uk, "ukna");
        assert_eq!(na.number, "0300 999 1212");
        assert_eq!(na.hours, "10am to midnight.");
    }

    #[test]
    fn every_tel_is_digits_only_and_matches_the_shown_number() {
        let d = parsed();
        for r in &d.regions {
            assert!(is_digits(&r.emergency.tel), "{:?}", r.region);
            for l in &r.lines {
                assert!(is_digits(&l.tel), "{}", l.id);
                let shown: String = l.number.chars().filter(char::is_ascii_digit).collect();
                assert_eq!(shown, l.tel, "{}", l.id);
                if let Some(sms) = &l.sms {
                    assert!(is_digits(&sms.number), "{}", l.id);
                    assert!(!sms.body_hint.trim().is_empty(), "{}", l.id);
                }
                assert_eq!(l.tel_href(), format!("tel:{}", l.tel));
            }
        }
    }

    #[test]
    fn every_line_has_a_source_hours_and_a_checked_date() {
        let d = parsed();
        assert_eq!(d.checked, "2026-11");
        for l in d.regions.iter().flat_map(|r| &r.lines) {
            assert!(!l.source.trim().is_empty(), "{}", l.id);
            assert!(!l.hours.trim().is_empty(), "{}", l.id);
            assert!(!l.what.trim().is_empty(), "{}", l.id);
            assert_eq!(l.checked, "2026-11", "{}", l.id);
        }
    }

    #[test]
    fn line_ids_are_unique_across_regions() {
        let d = parsed();
        let mut ids: Vec<&str> = d
            .regions
            .iter()
            .flat_map(|r| &r.lines)
            .map(|l| l.id.as_str())
            .collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn emergency_numbers_are_911_999_911_and_112_is_noted_for_the_eu() {
        assert_eq!(emergency(Region::Us).number, "911");
        assert_eq!(emergency(Region::Uk).number, "999");
        assert_eq!(emergency(Region::Ca).number, "911");
        assert!(parsed().eu_note.contains("112"));
    }

    #[test]
    fn a_broken_file_still_gives_emergency_numbers() {
        let err = HelplineDirectory::parse("{").unwrap_err();
        let d = HelplineDirectory::fallback(err);
        assert!(d.load_error.is_some());
        assert_eq!(
            d.region(Region::Uk).map(|r| r.emergency.tel.as_str()),
            Some("999")
        );
        assert_eq!(
            d.region(Region::Ca).map(|r| r.emergency.tel.as_str()),
            Some("911")
        );
        assert!(d.eu_note.contains("112"));
    }

    #[test]
    fn regions_round_trip_as_lowercase_codes() {
        for r in Region::ALL {
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.code())
            );
            assert_eq!(Region::from_code(r.code()), Some(r));
        }
        assert_eq!(Region::from_code("fr"), None);
    }

    fn is_digits(s: &str) -> bool {
        !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
    }
}
