//! The user's settings: look, region, recovery start, backup state, lock,
//! discreet mode, and their own lists of triggers, things that help and
//! reasons for recovery.
//!
//! Stored as one record. Every field has a default, so a record from an older
//! version loads, and an unknown theme or region falls back to the default
//! instead of losing the whole record.

use chrono::NaiveDate;

use crate::i18n::{tr, Key, Lang};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

fn is_false(b: &bool) -> bool {
    !*b
}

/// Light or dark colours, or follow the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Which country's helplines and emergency number to show first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
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

/// Why a list item was not added.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub enum ListItemError {
    /// Nothing but spaces was typed.
    Empty,
    /// The text is longer than the limit, in characters.
    TooLong { max: usize },
}

/// The backup notice on the home screen.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupDue {
    /// There is data and it has never been saved to a file.
    NoBackupYet,
    /// The last backup file was made this many whole days ago.
    DaysAgo(i64),
}

/// All settings.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    #[serde(rename = "th", default, skip_serializing_if = "is_default_theme")]
    pub theme: Theme,
    #[serde(rename = "rg", default)]
    pub region: Region,
    /// The user answered the "Show helplines for…?" card (yes or no), so it
    /// is never shown again. Choosing a region in settings counts too.
    #[serde(rename = "rq", default, skip_serializing_if = "is_false")]
    pub region_asked: bool,
    /// The user's recovery start date (their first clean day).
    #[serde(
        rename = "rs",
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::domain::iso::option_date"
    )]
    pub recovery_start: Option<NaiveDate>,
    /// When the last backup file was made.
    #[serde(rename = "lb", default, skip_serializing_if = "Option::is_none")]
    pub last_backup_ms: Option<i64>,
    /// What `navigator.storage.persist()` answered; `None` if never asked.
    #[serde(rename = "ps", default, skip_serializing_if = "Option::is_none")]
    pub persisted: Option<bool>,
    /// The user's own triggers, offered as choices in the check-in. Always
    /// written (even empty) so a cleared list does not refill with starters.
    #[serde(rename = "tr", default = "starter_triggers")]
    pub triggers: Vec<String>,
    /// Things that help, offered as choices in the check-in.
    #[serde(rename = "hp", default = "starter_helped")]
    pub helped: Vec<String>,
    /// The user's reasons for recovery (written in step 1).
    #[serde(rename = "rn", default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
    /// Plain title and icon, no recovery words on the lock screen or tab.
    #[serde(rename = "ds", default, skip_serializing_if = "is_false")]
    pub discreet: bool,
    /// Lock the app after this many idle minutes; `None` means no lock.
    #[serde(rename = "lk", default, skip_serializing_if = "Option::is_none")]
    pub lock_idle_minutes: Option<u32>,
    /// The language the user chose; `None` means follow the browser. An
    /// unknown code (from a newer version) reads as `None`.
    #[serde(
        rename = "lg",
        default,
        skip_serializing_if = "Option::is_none",
        with = "lang_code"
    )]
    pub language: Option<Lang>,
    /// Money not spent (off when `None`).
    #[serde(rename = "mn", default, skip_serializing_if = "Option::is_none")]
    pub money: Option<crate::domain::money::MoneySettings>,
    /// The daily check-in reminder, once the user made one.
    #[serde(rename = "rm", default, skip_serializing_if = "Option::is_none")]
    pub reminder: Option<crate::domain::reminders::DailyReminder>,
}

/// A language stored as its code (`"es"`).
mod lang_code {
    use crate::i18n::Lang;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(lang: &Option<Lang>, s: S) -> Result<S::Ok, S::Error> {
        match lang {
            Some(l) => s.serialize_str(l.code()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
        let code = Option::<String>::deserialize(d)?;
        Ok(code.as_deref().and_then(Lang::from_code))
    }
}

fn is_default_theme(t: &Theme) -> bool {
    *t == Theme::System
}

/// Triggers offered before the user writes their own, in the current
/// language. Once stored they are the user's own words and stay as written
/// if the language changes later.
pub fn starter_triggers() -> Vec<String> {
    [
        Key::SettingsStarterTrigger1,
        Key::SettingsStarterTrigger2,
        Key::SettingsStarterTrigger3,
        Key::SettingsStarterTrigger4,
        Key::SettingsStarterTrigger5,
        Key::SettingsStarterTrigger6,
    ]
    .into_iter()
    .map(|k| tr(k).to_string())
    .collect()
}

/// Things that help, offered before the user writes their own, in the
/// current language (kept as written afterwards, like the triggers).
pub fn starter_helped() -> Vec<String> {
    [
        Key::SettingsStarterHelped1,
        Key::SettingsStarterHelped2,
        Key::SettingsStarterHelped3,
        Key::SettingsStarterHelped4,
        Key::SettingsStarterHelped5,
        Key::SettingsStarterHelped6,
    ]
    .into_iter()
    .map(|k| tr(k).to_string())
    .collect()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            region: Region::Us,
            region_asked: false,
            recovery_start: None,
            last_backup_ms: None,
            persisted: None,
            triggers: starter_triggers(),
            helped: starter_helped(),
            reasons: Vec::new(),
            discreet: false,
            lock_idle_minutes: None,
            language: None,
            money: None,
            reminder: None,
        }
    }
}

impl Theme {
    /// The stored code: "system", "light" or "dark".
    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Reads a stored code; anything unknown is [`Theme::System`].
    pub fn from_code(code: &str) -> Theme {
        match code.trim().to_ascii_lowercase().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

impl Region {
    /// The stored code: "us", "uk", "ca", "mx", "es", "ar" or "cl". These
    /// never change: they are in every saved settings record and backup.
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

    /// Reads a stored code; anything unknown is [`Region::Us`].
    pub fn from_code(code: &str) -> Region {
        match code.trim().to_ascii_lowercase().as_str() {
            "uk" | "gb" => Region::Uk,
            "ca" => Region::Ca,
            "mx" => Region::Mx,
            "es" => Region::Es,
            "ar" => Region::Ar,
            "cl" => Region::Cl,
            _ => Region::Us,
        }
    }

    /// The region a browser language tag points to, by its country part
    /// (`es-MX` is Mexico, `fr-CA` Canada, `en-GB` the United Kingdom), if
    /// it names a country Waymark has lines for. `_` works as `-`, and case
    /// does not matter. A tag with no country (`es`, `es-419`) says nothing.
    pub fn from_language_tag(tag: &str) -> Option<Region> {
        // The country is the first two-letter part after the language
        // (`zh-Hant-TW`: a four-letter script may come between).
        let country = tag
            .split(['-', '_'])
            .skip(1)
            .find(|part| part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))?
            .to_ascii_lowercase();
        match country.as_str() {
            "us" => Some(Region::Us),
            "gb" | "uk" => Some(Region::Uk),
            "ca" => Some(Region::Ca),
            "mx" => Some(Region::Mx),
            "es" => Some(Region::Es),
            "ar" => Some(Region::Ar),
            "cl" => Some(Region::Cl),
            _ => None,
        }
    }

    /// The region to suggest from the browser's languages
    /// (`navigator.languages`, most wanted first): the first tag that names
    /// a country decides. A country Waymark has no lines for (`fr-FR`)
    /// suggests nothing, rather than a later tag's country: a reader in
    /// France is not helped by the UK's numbers.
    pub fn from_browser<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Region> {
        tags.into_iter()
            .find(|tag| has_country(tag))
            .and_then(Region::from_language_tag)
    }
}

/// Whether a language tag has a two-letter country part.
fn has_country(tag: &str) -> bool {
    tag.split(['-', '_'])
        .skip(1)
        .any(|part| part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
}

impl Serialize for Theme {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Theme {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Theme::from_code(&String::deserialize(d)?))
    }
}

impl Serialize for Region {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Region {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Region::from_code(&String::deserialize(d)?))
    }
}

/// A backup is due this many days after the last one.
pub const BACKUP_EVERY_DAYS: i64 = 7;
/// Longest trigger or "what helped" label, in characters.
pub const MAX_LABEL_CHARS: usize = 100;
/// Longest reason for recovery, in characters.
pub const MAX_REASON_CHARS: usize = 500;
/// The idle-lock choices offered in settings, in minutes.
pub const LOCK_IDLE_CHOICES: [u32; 4] = [1, 5, 15, 60];

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

impl ListItemError {
    /// What to tell the user.
    pub fn message(&self) -> String {
        match self {
            ListItemError::Empty => tr(Key::SettingsListEmpty).to_string(),
            ListItemError::TooLong { max } => crate::t!(Key::SettingsListTooLong, max = max),
        }
    }
}

impl std::fmt::Display for ListItemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl Theme {
    /// Every theme, in the order settings shows them.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The name shown in settings.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => tr(Key::SettingsThemeSameAsDevice),
            Theme::Light => tr(Key::SettingsThemeLight),
            Theme::Dark => tr(Key::SettingsThemeDark),
        }
    }
}

impl Region {
    /// Every region, in the order settings shows them.
    pub const ALL: [Region; 7] = [
        Region::Us,
        Region::Uk,
        Region::Ca,
        Region::Mx,
        Region::Es,
        Region::Ar,
        Region::Cl,
    ];

    /// The name shown in settings, in the current language
    /// (`ui/regions.json`).
    pub fn label(self) -> &'static str {
        tr(self.name_key())
    }

    /// The catalogue key of the region's name.
    pub fn name_key(self) -> Key {
        match self {
            Region::Us => Key::RegionsUs,
            Region::Uk => Key::RegionsUk,
            Region::Ca => Key::RegionsCa,
            Region::Mx => Key::RegionsMx,
            Region::Es => Key::RegionsEs,
            Region::Ar => Key::RegionsAr,
            Region::Cl => Key::RegionsCl,
        }
    }

    /// The catalogue key of the question "Show helplines for …?" for this
    /// region (one sentence per region, so each language can word it well).
    pub fn suggestion_key(self) -> Key {
        match self {
            Region::Us => Key::RegionsSuggestUs,
            Region::Uk => Key::RegionsSuggestUk,
            Region::Ca => Key::RegionsSuggestCa,
            Region::Mx => Key::RegionsSuggestMx,
            Region::Es => Key::RegionsSuggestEs,
            Region::Ar => Key::RegionsSuggestAr,
            Region::Cl => Key::RegionsSuggestCl,
        }
    }

    /// The region to offer on the home screen, if any: only while the user
    /// has neither answered the question nor picked a region (the region is
    /// still the default), and only when the browser points somewhere else.
    pub fn to_suggest<'a>(
        settings: &Settings,
        tags: impl IntoIterator<Item = &'a str>,
    ) -> Option<Region> {
        if settings.region_asked || settings.region != Region::default() {
            return None;
        }
        Region::from_browser(tags).filter(|r| *r != settings.region)
    }
}

/// Trims and squeezes inner runs of spaces to one.
fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Adds `text` to `list` unless it is there already (ignoring case). Returns
/// whether it was added.
fn add_unique(list: &mut Vec<String>, text: &str, max: usize) -> Result<bool, ListItemError> {
    let text = tidy(text);
    if text.is_empty() {
        return Err(ListItemError::Empty);
    }
    if text.chars().count() > max {
        return Err(ListItemError::TooLong { max });
    }
    let key = text.to_lowercase();
    if list.iter().any(|t| tidy(t).to_lowercase() == key) {
        return Ok(false);
    }
    list.push(text);
    Ok(true)
}

/// Removes every entry equal to `text` ignoring case and spacing. Returns
/// whether anything was removed.
fn remove_matching(list: &mut Vec<String>, text: &str) -> bool {
    let key = tidy(text).to_lowercase();
    let before = list.len();
    list.retain(|t| tidy(t).to_lowercase() != key);
    list.len() != before
}

/// `a`, then each entry of `b` that `a` lacks (ignoring case).
fn union(a: &[String], b: &[String]) -> Vec<String> {
    let mut out = a.to_vec();
    for item in b {
        let key = tidy(item).to_lowercase();
        if !key.is_empty() && !out.iter().any(|t| tidy(t).to_lowercase() == key) {
            out.push(item.clone());
        }
    }
    out
}

impl Settings {
    /// Adds a trigger to the user's list: trimmed, spaces squeezed, and not
    /// added twice (compared ignoring case). `Ok(true)` if added, `Ok(false)`
    /// if it was already there.
    pub fn add_trigger(&mut self, name: &str) -> Result<bool, ListItemError> {
        add_unique(&mut self.triggers, name, MAX_LABEL_CHARS)
    }

    /// Removes a trigger (ignoring case). Returns whether it was there.
    pub fn remove_trigger(&mut self, name: &str) -> bool {
        remove_matching(&mut self.triggers, name)
    }

    /// Adds a thing that helps; same rules as [`Settings::add_trigger`].
    pub fn add_helped(&mut self, name: &str) -> Result<bool, ListItemError> {
        add_unique(&mut self.helped, name, MAX_LABEL_CHARS)
    }

    /// Removes a thing that helps (ignoring case).
    pub fn remove_helped(&mut self, name: &str) -> bool {
        remove_matching(&mut self.helped, name)
    }

    /// Adds a reason for recovery; same rules, with room for a sentence.
    pub fn add_reason(&mut self, reason: &str) -> Result<bool, ListItemError> {
        add_unique(&mut self.reasons, reason, MAX_REASON_CHARS)
    }

    /// Removes a reason (ignoring case).
    pub fn remove_reason(&mut self, reason: &str) -> bool {
        remove_matching(&mut self.reasons, reason)
    }

    /// Whether to show the backup reminder: only when there is data to lose,
    /// and there has never been a backup or the last one is
    /// [`BACKUP_EVERY_DAYS`] or more days old. A backup time in the future
    /// (the clock was changed) counts as recent, not as due.
    pub fn backup_due(&self, now_ms: i64, has_data: bool) -> Option<BackupDue> {
        if !has_data {
            return None;
        }
        match self.last_backup_ms {
            None => Some(BackupDue::NoBackupYet),
            Some(last) => {
                let days = now_ms.saturating_sub(last).div_euclid(DAY_MS);
                (days >= BACKUP_EVERY_DAYS).then_some(BackupDue::DaysAgo(days))
            }
        }
    }

    /// Joins the settings kept on this device (`self`) with another copy (an
    /// imported backup, or another tab). This device's choices win for every
    /// single value (theme, region and its question, lock, discreet mode,
    /// storage answer); the recovery start and the language are taken from
    /// the other copy only if this one has none; the last backup is the later
    /// of the two; the three lists keep every entry of either copy, this
    /// copy's first, without repeats.
    pub fn merge(&self, other: &Settings) -> Settings {
        Settings {
            theme: self.theme,
            region: self.region,
            region_asked: self.region_asked,
            recovery_start: self.recovery_start.or(other.recovery_start),
            last_backup_ms: self.last_backup_ms.max(other.last_backup_ms),
            persisted: self.persisted.or(other.persisted),
            triggers: union(&self.triggers, &other.triggers),
            helped: union(&self.helped, &other.helped),
            reasons: union(&self.reasons, &other.reasons),
            discreet: self.discreet,
            lock_idle_minutes: self.lock_idle_minutes,
            language: self.language.or(other.language),
            money: self.money.clone().or_else(|| other.money.clone()),
            reminder: self.reminder.clone().or_else(|| other.reminder.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_772_900_000_000;

    #[test]
    fn new_settings_follow_the_device_theme_and_the_us_region() {
        let s = Settings::default();
        assert_eq!(s.theme, Theme::System);
        assert_eq!(s.region, Region::Us);
        assert_eq!(s.recovery_start, None);
        assert!(!s.discreet);
        assert_eq!(s.lock_idle_minutes, None);
    }

    #[test]
    fn new_settings_come_with_starter_triggers_and_helps() {
        let s = Settings::default();
        assert_eq!(
            s.triggers,
            [
                "Stress",
                "Boredom",
                "Seeing old friends",
                "Payday",
                "Pain",
                "Being alone"
            ]
        );
        assert!(s.helped.len() >= 4);
        assert!(s.reasons.is_empty());
    }

    #[test]
    fn an_empty_record_loads_as_the_defaults() {
        let s: Settings = serde_json::from_str("{}").unwrap();
        assert_eq!(s, Settings::default());
    }

    #[test]
    fn a_cleared_trigger_list_stays_cleared_after_saving() {
        let mut s = Settings::default();
        s.triggers.clear();
        let json = serde_json::to_string(&s).unwrap();
        let back: Settings = serde_json::from_str(&json).unwrap();
        assert!(back.triggers.is_empty());
        assert_eq!(back, s);
    }

    #[test]
    fn settings_round_trip_through_short_json() {
        let s = Settings {
            theme: Theme::Dark,
            region: Region::Uk,
            region_asked: true,
            recovery_start: NaiveDate::from_ymd_opt(2026, 1, 2),
            last_backup_ms: Some(NOW),
            persisted: Some(true),
            triggers: vec!["Payday".into()],
            helped: vec![],
            reasons: vec!["My daughter".into()],
            discreet: true,
            lock_idle_minutes: Some(5),
            language: None,
            money: None,
            reminder: None,
        };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"th":"dark","rg":"uk","rq":true,"rs":"2026-01-02","lb":1772900000000,"ps":true,"tr":["Payday"],"hp":[],"rn":["My daughter"],"ds":true,"lk":5}"#
        );
        assert_eq!(serde_json::from_str::<Settings>(&json).unwrap(), s);
    }

    #[test]
    fn an_unknown_theme_or_region_falls_back_instead_of_losing_the_record() {
        let s: Settings = serde_json::from_str(r#"{"th":"sepia","rg":"au","ds":true}"#).unwrap();
        assert_eq!(s.theme, Theme::System);
        assert_eq!(s.region, Region::Us);
        assert!(s.discreet);
    }

    #[test]
    fn theme_and_region_codes_read_back_as_written() {
        for t in Theme::ALL {
            assert_eq!(Theme::from_code(t.code()), t);
        }
        for r in Region::ALL {
            assert_eq!(Region::from_code(r.code()), r);
        }
        assert_eq!(Region::from_code(" UK "), Region::Uk);
        assert_eq!(Region::Ca.label(), "Canada");
    }

    #[test]
    fn stored_region_codes_stay_as_they_were_and_the_new_ones_read_back() {
        let codes: Vec<&str> = Region::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(codes, ["us", "uk", "ca", "mx", "es", "ar", "cl"]);
        for (code, region) in [
            ("mx", Region::Mx),
            ("ES", Region::Es),
            (" ar", Region::Ar),
            ("cl", Region::Cl),
        ] {
            assert_eq!(Region::from_code(code), region, "{code}");
        }
        let s: Settings = serde_json::from_str(r#"{"rg":"cl"}"#).unwrap();
        assert_eq!(s.region, Region::Cl);
        assert!(serde_json::to_string(&s).unwrap().contains(r#""rg":"cl""#));
        // A code from a newer version still falls back, keeping the record.
        assert_eq!(Region::from_code("co"), Region::Us);
        assert_eq!(Region::Mx.label(), "Mexico");
        assert_eq!(Region::Es.label(), "Spain");
    }

    #[test]
    fn a_browser_tag_suggests_the_region_of_its_country() {
        let one = |tag: &str| Region::from_browser([tag]);
        assert_eq!(one("es-MX"), Some(Region::Mx));
        assert_eq!(one("es-ES"), Some(Region::Es));
        assert_eq!(one("es-AR"), Some(Region::Ar));
        assert_eq!(one("es-CL"), Some(Region::Cl));
        assert_eq!(one("en-GB"), Some(Region::Uk));
        assert_eq!(one("en-CA"), Some(Region::Ca));
        assert_eq!(one("fr-CA"), Some(Region::Ca));
        assert_eq!(one("en-US"), Some(Region::Us));
        assert_eq!(one("es-US"), Some(Region::Us));
        assert_eq!(one("es_mx"), Some(Region::Mx));
        assert_eq!(one("ca-ES"), Some(Region::Es), "Catalan in Spain");
        assert_eq!(
            one("zh-Hant-US"),
            Some(Region::Us),
            "a script before the country"
        );
        // No country, or one with no lines here: no suggestion.
        assert_eq!(one("es"), None);
        assert_eq!(one("es-419"), None);
        assert_eq!(one("fr-FR"), None);
        assert_eq!(one(""), None);
        assert_eq!(Region::from_browser([]), None);
    }

    #[test]
    fn the_first_tag_with_a_country_decides() {
        assert_eq!(
            Region::from_browser(["es", "es-MX", "en-US"]),
            Some(Region::Mx)
        );
        assert_eq!(Region::from_browser(["es-419", "es-AR"]), Some(Region::Ar));
        assert_eq!(Region::from_browser(["en-US", "es-MX"]), Some(Region::Us));
        assert_eq!(Region::from_browser(["fr-FR", "en-GB"]), None);
    }

    #[test]
    fn a_region_is_suggested_only_before_the_user_answered_or_chose_one() {
        let fresh = Settings::default();
        assert_eq!(Region::to_suggest(&fresh, ["es-MX"]), Some(Region::Mx));
        // The browser agrees with the current region: nothing to ask.
        assert_eq!(Region::to_suggest(&fresh, ["en-US"]), None);
        assert_eq!(Region::to_suggest(&fresh, ["es"]), None);
        let answered = Settings {
            region_asked: true,
            ..Settings::default()
        };
        assert_eq!(Region::to_suggest(&answered, ["es-MX"]), None);
        let chosen = Settings {
            region: Region::Uk,
            ..Settings::default()
        };
        assert_eq!(Region::to_suggest(&chosen, ["es-MX"]), None);
    }

    #[test]
    fn the_region_question_is_stored_only_once_answered() {
        let s = Settings::default();
        assert!(!serde_json::to_string(&s).unwrap().contains("\"rq\""));
        let answered = Settings {
            region_asked: true,
            ..Settings::default()
        };
        let json = serde_json::to_string(&answered).unwrap();
        assert!(json.contains(r#""rq":true"#));
        assert!(
            serde_json::from_str::<Settings>(&json)
                .unwrap()
                .region_asked
        );
        assert!(!serde_json::from_str::<Settings>("{}").unwrap().region_asked);
        // This device's answer is kept in a merge, as its region is.
        assert!(answered.merge(&Settings::default()).region_asked);
        assert!(!Settings::default().merge(&answered).region_asked);
    }

    #[test]
    fn adding_a_trigger_trims_it_and_skips_a_repeat_in_any_case() {
        let mut s = Settings::default();
        assert_eq!(s.add_trigger("  Late   nights "), Ok(true));
        assert_eq!(s.triggers.last().map(String::as_str), Some("Late nights"));
        let len = s.triggers.len();
        assert_eq!(s.add_trigger("late nights"), Ok(false));
        assert_eq!(s.add_trigger("STRESS"), Ok(false));
        assert_eq!(s.triggers.len(), len);
    }

    #[test]
    fn an_empty_trigger_is_refused_with_a_message() {
        let mut s = Settings::default();
        let err = s.add_trigger("   ").unwrap_err();
        assert_eq!(err, ListItemError::Empty);
        assert!(!err.message().is_empty());
        assert_eq!(s.triggers, starter_triggers());
    }

    #[test]
    fn an_overlong_trigger_is_refused_but_a_long_reason_is_fine() {
        let mut s = Settings::default();
        let long = "x".repeat(MAX_LABEL_CHARS + 1);
        assert_eq!(
            s.add_trigger(&long),
            Err(ListItemError::TooLong {
                max: MAX_LABEL_CHARS
            })
        );
        assert_eq!(s.add_reason(&long), Ok(true));
        assert_eq!(
            s.add_reason(&"y".repeat(MAX_REASON_CHARS + 1)),
            Err(ListItemError::TooLong {
                max: MAX_REASON_CHARS
            })
        );
    }

    #[test]
    fn removing_a_trigger_ignores_case() {
        let mut s = Settings::default();
        assert!(s.remove_trigger("payday"));
        assert!(!s.triggers.iter().any(|t| t == "Payday"));
        assert!(!s.remove_trigger("payday"));
        assert_eq!(s.add_helped("Music"), Ok(true));
        assert!(s.remove_helped("MUSIC"));
        assert_eq!(s.add_reason("Freedom"), Ok(true));
        assert!(s.remove_reason("freedom"));
    }

    #[test]
    fn no_backup_reminder_when_there_is_nothing_to_lose() {
        assert_eq!(Settings::default().backup_due(NOW, false), None);
    }

    #[test]
    fn a_backup_is_due_when_there_is_data_and_no_backup_yet() {
        assert_eq!(
            Settings::default().backup_due(NOW, true),
            Some(BackupDue::NoBackupYet)
        );
    }

    #[test]
    fn a_backup_is_due_from_seven_days_after_the_last_one() {
        let mut s = Settings {
            last_backup_ms: Some(NOW - 7 * DAY_MS + 1),
            ..Settings::default()
        };
        assert_eq!(s.backup_due(NOW, true), None);
        s.last_backup_ms = Some(NOW - 7 * DAY_MS);
        assert_eq!(s.backup_due(NOW, true), Some(BackupDue::DaysAgo(7)));
        s.last_backup_ms = Some(NOW - 30 * DAY_MS - 5);
        assert_eq!(s.backup_due(NOW, true), Some(BackupDue::DaysAgo(30)));
    }

    #[test]
    fn a_backup_time_in_the_future_is_not_reported_as_due() {
        let s = Settings {
            last_backup_ms: Some(NOW + 3 * DAY_MS),
            ..Settings::default()
        };
        assert_eq!(s.backup_due(NOW, true), None);
    }

    #[test]
    fn merging_keeps_this_devices_choices_and_every_list_entry() {
        let mine = Settings {
            theme: Theme::Dark,
            triggers: vec!["Payday".into()],
            last_backup_ms: Some(5),
            ..Settings::default()
        };
        let theirs = Settings {
            theme: Theme::Light,
            region: Region::Ca,
            recovery_start: NaiveDate::from_ymd_opt(2025, 5, 1),
            triggers: vec!["payday".into(), "Rain".into()],
            reasons: vec!["My health".into()],
            last_backup_ms: Some(9),
            ..Settings::default()
        };
        let m = mine.merge(&theirs);
        assert_eq!(m.theme, Theme::Dark);
        assert_eq!(m.region, Region::Us);
        assert_eq!(m.recovery_start, NaiveDate::from_ymd_opt(2025, 5, 1));
        assert_eq!(m.triggers, ["Payday", "Rain"]);
        assert_eq!(m.reasons, ["My health"]);
        assert_eq!(m.last_backup_ms, Some(9));
    }

    #[test]
    fn a_recovery_start_on_this_device_is_not_replaced_by_a_merge() {
        let mine = Settings {
            recovery_start: NaiveDate::from_ymd_opt(2026, 1, 1),
            ..Settings::default()
        };
        let theirs = Settings {
            recovery_start: NaiveDate::from_ymd_opt(2020, 1, 1),
            ..Settings::default()
        };
        assert_eq!(mine.merge(&theirs).recovery_start, mine.recovery_start);
    }
}
