//! Helplines and emergency numbers by region, from `helplines.json`.
//!
//! Numbers change, so they live in this one file, each with its source and
//! the month it was last checked.

use serde::{Deserialize, Serialize};

use super::load::{localized, parse, ContentError, PerLanguage};
use crate::i18n::{tr, Key};

const HELPLINES_JSON: &str = include_str!("en/helplines.json");

/// The user's region, chosen in settings. Stored as "us", "uk", "ca", "mx",
/// "es", "ar" or "cl" (the codes of `domain::settings::Region`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    #[default]
    Us,
    Uk,
    Ca,
    Mx,
    Es,
    Ar,
    Cl,
}

impl Region {
    pub const ALL: [Region; 7] = [
        Region::Us,
        Region::Uk,
        Region::Ca,
        Region::Mx,
        Region::Es,
        Region::Ar,
        Region::Cl,
    ];

    /// The lowercase code used in the content file and in settings.
    pub fn code(self) -> &'static str {
        match self {
            Region::Us => "us",
            Region::Uk => "uk",
            Region::Ca => "ca",
            Region::Mx => "mx",
            Region::Es => "es",
            Region::Ar => "ar",
            Region::Cl => "cl",
        }
    }

    /// The region's name in the current language (`ui/regions.json`), for
    /// when the content file could not be read.
    pub fn name(self) -> &'static str {
        tr(match self {
            Region::Us => Key::RegionsUs,
            Region::Uk => Key::RegionsUk,
            Region::Ca => Key::RegionsCa,
            Region::Mx => Key::RegionsMx,
            Region::Es => Key::RegionsEs,
            Region::Ar => Key::RegionsAr,
            Region::Cl => Key::RegionsCl,
        })
    }

    /// The region for a code, if it is one we know.
    pub fn from_code(code: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The emergency number, kept in code too so the crisis screen works even
    /// if the content file could not be read. The same numbers, with their
    /// sources, are in `helplines.json` (Chile's 131 is its ambulance line).
    fn builtin_emergency(self) -> &'static str {
        match self {
            Region::Us | Region::Ca | Region::Mx | Region::Ar => "911",
            Region::Uk => "999",
            Region::Es => "112",
            Region::Cl => "131",
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
    /// Where naloxone cannot simply be bought (Spain), how people get it
    /// there, shown with the naloxone steps instead of the usual "ask a
    /// pharmacist". `None` for regions with nothing to add.
    #[serde(default)]
    pub naloxone_note: Option<RegionNote>,
}

/// A sourced note about one region.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionNote {
    pub text: String,
    pub source: String,
    /// "YYYY-MM".
    pub checked: String,
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
    /// Digits only, for a `tel:` link, e.g. "18006624357"; a short code may
    /// start with `*` (Chile's "*4141"), which is valid in a `tel:` URI
    /// (RFC 3966). iPhones will not dial a `*` from a link, which is why
    /// such a line says so in its `note` and the number is always shown.
    pub tel: String,
    #[serde(default)]
    pub sms: Option<Sms>,
    /// TTY number as shown; see [`Helpline::tty_tel`] for the link form.
    #[serde(default)]
    pub tty: Option<String>,
    pub hours: String,
    /// One plain sentence on what the line is for.
    pub what: String,
    /// One more thing to know before calling, if any: how to reach someone
    /// who speaks Spanish (SAMHSA, 988), that we could not confirm a
    /// Spanish service (Never Use Alone), or how to dial a `*` number.
    #[serde(default)]
    pub note: Option<String>,
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
                naloxone_note: None,
            })
            .collect();
        HelplineDirectory {
            checked: String::new(),
            eu_note: tr(Key::RegionsEuNote).to_string(),
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
    localized(
        &CACHE,
        "helplines",
        HELPLINES_JSON,
        HelplineDirectory::parse,
        HelplineDirectory::fallback,
    )
}

/// The helplines for a region (empty only if the file could not be read).
pub fn helplines(region: Region) -> &'static [Helpline] {
    helpline_directory()
        .region(region)
        .map(|r| r.lines.as_slice())
        .unwrap_or(&[])
}

/// How people get naloxone in a region, where that differs from "ask a
/// pharmacist" (Spain).
pub fn naloxone_note(region: Region) -> Option<&'static RegionNote> {
    helpline_directory()
        .region(region)
        .and_then(|r| r.naloxone_note.as_ref())
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

    /// The Spanish twin, read as the app reads it from the language bundle.
    const HELPLINES_ES_JSON: &str = include_str!("es/helplines.json");

    fn parsed() -> HelplineDirectory {
        HelplineDirectory::parse(HELPLINES_JSON).expect("helplines.json parses")
    }

    fn parsed_es() -> HelplineDirectory {
        HelplineDirectory::parse(HELPLINES_ES_JSON).expect("es/helplines.json parses")
    }

    fn both() -> [HelplineDirectory; 2] {
        [parsed(), parsed_es()]
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
        for d in both() {
            every_tel_is_dialable(&d);
        }
    }

    fn every_tel_is_dialable(d: &HelplineDirectory) {
        for r in &d.regions {
            assert!(is_digits(&r.emergency.tel), "{:?}", r.region);
            for l in &r.lines {
                assert!(is_dialable(&l.tel), "{}", l.id);
                let shown: String = l
                    .number
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '*')
                    .collect();
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
        for d in both() {
            assert_eq!(d.checked, "2026-11");
            for r in &d.regions {
                assert!(!r.emergency.source.trim().is_empty(), "{:?}", r.region);
                assert!(!r.name.trim().is_empty(), "{:?}", r.region);
            }
            for l in d.regions.iter().flat_map(|r| &r.lines) {
                assert!(!l.source.trim().is_empty(), "{}", l.id);
                assert!(!l.hours.trim().is_empty(), "{}", l.id);
                assert!(!l.what.trim().is_empty(), "{}", l.id);
                assert_eq!(l.checked, "2026-11", "{}", l.id);
                if let Some(note) = &l.note {
                    assert!(!note.trim().is_empty(), "{}", l.id);
                }
            }
        }
    }

    #[test]
    fn the_spanish_speaking_regions_have_the_lines_in_the_facts_brief() {
        for d in both() {
            assert_eq!(line(&d, Region::Mx, "linea-de-la-vida").tel, "8009112000");
            assert_eq!(
                line(&d, Region::Mx, "linea-de-la-vida").number,
                "800 911 2000"
            );
            assert_eq!(line(&d, Region::Es, "linea-024").tel, "024");
            assert_eq!(line(&d, Region::Ar, "sedronar-141").tel, "141");
            assert_eq!(line(&d, Region::Cl, "senda-1412").tel, "1412");
            let minsal = line(&d, Region::Cl, "minsal-4141");
            assert_eq!(minsal.tel, "*4141");
            assert_eq!(minsal.tel_href(), "tel:*4141");
            // iPhones do not dial `*` from a link: the line says to dial it.
            assert!(minsal.note.as_deref().is_some_and(|n| n.contains("*4141")));
        }
    }

    #[test]
    fn us_lines_say_how_to_reach_a_spanish_speaker_in_both_languages() {
        let [en, es] = both();
        let note = |d: &HelplineDirectory, id: &str| {
            line(d, Region::Us, id).note.clone().unwrap_or_default()
        };
        assert!(note(&en, "samhsa").contains("ask for a Spanish speaker"));
        assert!(note(&en, "samhsa").contains("English only"));
        assert!(note(&es, "samhsa").contains("alguien que hable español"));
        assert!(note(&es, "samhsa").contains("solo en inglés"));
        for (d, press, chat) in [
            (&en, "press 2", "chat in Spanish"),
            (&es, "marca el 2", "chatear en español"),
        ] {
            let n = note(d, "lifeline-988");
            assert!(n.contains(press), "{n}");
            assert!(n.contains("AYUDA"), "{n}");
            assert!(n.contains(chat), "{n}");
        }
        assert!(note(&es, "never-use-alone").contains("No pudimos confirmar"));
    }

    #[test]
    fn spain_says_how_people_get_naloxone_there_in_both_languages() {
        let [en, es] = both();
        let note = |d: &HelplineDirectory| {
            d.region(Region::Es)
                .and_then(|r| r.naloxone_note.clone())
                .expect("a naloxone note for Spain")
        };
        let (en, es) = (note(&en), note(&es));
        assert!(en.text.contains("not sold over the counter"));
        assert!(en.text.contains("programmes"));
        assert!(es.text.contains("no se vende"));
        assert!(es.text.contains("programas"));
        assert_eq!(en.source, es.source);
        assert_eq!(en.checked, "2026-11");
        // Only Spain has one: elsewhere the usual pharmacist note stands.
        for region in Region::ALL.into_iter().filter(|r| *r != Region::Es) {
            assert!(parsed().region(region).unwrap().naloxone_note.is_none());
        }
        assert!(naloxone_note(Region::Es).is_some());
        assert!(naloxone_note(Region::Us).is_none());
    }

    #[test]
    fn the_spanish_twin_names_every_region_in_spanish() {
        let es = parsed_es();
        let names: Vec<&str> = es.regions.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Estados Unidos",
                "Reino Unido",
                "Canadá",
                "México",
                "España",
                "Argentina",
                "Chile"
            ]
        );
        assert!(es.eu_note.contains("112"));
    }

    #[test]
    fn line_ids_are_unique_across_regions() {
        for d in both() {
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
    }

    #[test]
    fn emergency_numbers_are_911_999_911_and_112_is_noted_for_the_eu() {
        assert_eq!(emergency(Region::Us).number, "911");
        assert_eq!(emergency(Region::Uk).number, "999");
        assert_eq!(emergency(Region::Ca).number, "911");
        assert!(parsed().eu_note.contains("112"));
    }

    #[test]
    fn emergency_numbers_of_the_new_regions_match_the_built_in_ones() {
        assert_eq!(emergency(Region::Mx).number, "911");
        assert_eq!(emergency(Region::Es).number, "112");
        assert_eq!(emergency(Region::Ar).number, "911");
        assert_eq!(emergency(Region::Cl).number, "131");
        // The numbers the crisis screen falls back on are the file's.
        for d in both() {
            for r in &d.regions {
                assert_eq!(
                    r.emergency.tel,
                    r.region.builtin_emergency(),
                    "{:?}",
                    r.region
                );
            }
        }
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
        assert_eq!(
            d.region(Region::Es).map(|r| r.emergency.tel.as_str()),
            Some("112")
        );
        assert_eq!(d.region(Region::Cl).map(|r| r.name.as_str()), Some("Chile"));
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

    #[test]
    fn the_content_regions_carry_the_settings_codes() {
        use crate::domain::settings::Region as Chosen;
        for chosen in Chosen::ALL {
            let region = Region::from_code(chosen.code()).expect("the same code");
            assert_eq!(region.code(), chosen.code());
            assert_eq!(region.name(), chosen.label());
        }
        assert_eq!(Region::ALL.len(), Chosen::ALL.len());
    }

    fn is_digits(s: &str) -> bool {
        !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
    }

    /// Digits, or a `*` and then digits (a short code such as "*4141").
    fn is_dialable(s: &str) -> bool {
        is_digits(s.strip_prefix('*').unwrap_or(s))
    }
}
