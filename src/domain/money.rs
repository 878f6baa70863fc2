//! Money not spent: what the user used to spend on drugs, and what they have
//! not spent since their recovery start. Optional and off by default.
//!
//! # Counting rules
//!
//! - **Money is whole numbers.** Every amount is an integer count of the
//!   currency's minor unit (cents for USD, pesos for CLP, which has none;
//!   see [`minor_digits`]). No float is ever used, here or in the view.
//! - **Which days count.** The same days as total clean days (see
//!   [`crate::domain::clean_time`]): every completed day in
//!   `[start, today)`, less the days with a logged use. A lapse takes away
//!   only the days it covers; today is not counted until it is over; a start
//!   in the future counts nothing yet. Days are calendar days (`NaiveDate`),
//!   so a daylight-saving day of 23 or 25 hours is one day like any other.
//! - **Changed amounts.** The amounts are a history of `(from, amount)`.
//!   The amount the user types first has no `from` day: it is what they used
//!   to spend, so it applies from the recovery start, wherever the start is
//!   moved. Each change has a `from` day and applies from that day on, until
//!   the next change. Without an undated amount (the user removed it), the
//!   earliest change also covers the days before it. Two amounts on the
//!   same day: the one saved last replaces the other.
//! - **Per week.** A weekly amount counts a seventh of itself each day. To
//!   stay exact, every day is summed in sevenths of a minor unit (a daily
//!   amount `a` adds `7 × a`, a weekly amount `w` adds `w`) and the sum is
//!   divided by 7 once at the end, rounded to the nearest minor unit. A
//!   seventh never falls exactly on a half, so there is no tie to break: the
//!   result is `(sum + 3) / 7`. Seven days of 10.00 a week make exactly
//!   10.00; one day makes 1.43.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::settings::Region;
use crate::i18n::Key;

fn is_false(b: &bool) -> bool {
    !*b
}

/// The currencies offered in Settings, one per region Waymark has lines for
/// (in the order of [`Region::ALL`]).
pub const CURRENCIES: [&str; 7] = ["USD", "GBP", "CAD", "MXN", "EUR", "ARS", "CLP"];

/// The largest amount accepted, in minor units (a hundred million dollars a
/// day): far above any real figure, and small enough that no sum overflows.
pub const MAX_MINOR: i64 = 10_000_000_000;

/// How often the amount was spent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Per {
    #[default]
    Day,
    Week,
}

impl Per {
    /// The stored code: "d" or "w".
    pub fn code(self) -> &'static str {
        match self {
            Per::Day => "d",
            Per::Week => "w",
        }
    }

    /// Reads a stored code; anything unknown is a day, so a record from a
    /// newer version still loads.
    pub fn from_code(code: &str) -> Per {
        match code {
            "w" => Per::Week,
            _ => Per::Day,
        }
    }
}

impl Serialize for Per {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Per {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Ok(Per::from_code(&code))
    }
}

fn is_day(p: &Per) -> bool {
    *p == Per::Day
}

/// One amount in the history: what was spent each day or week, from a day on.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    /// The first day this amount applies to; `None` for the amount the user
    /// first typed, which applies from the recovery start (whenever that is).
    #[serde(
        rename = "f",
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::domain::iso::option_date"
    )]
    pub from: Option<NaiveDate>,
    /// The amount in minor units (cents).
    #[serde(rename = "a")]
    pub minor: i64,
    /// Each day or each week.
    #[serde(rename = "p", default, skip_serializing_if = "is_day")]
    pub per: Per,
}

impl Amount {
    /// The amount for one day in sevenths of a minor unit (see the module
    /// docs). A stored amount out of range (from a hand-edited file) is
    /// held to `0..=MAX_MINOR`.
    fn sevenths_per_day(&self) -> i128 {
        let minor = i128::from(self.minor.clamp(0, MAX_MINOR));
        match self.per {
            Per::Day => minor * 7,
            Per::Week => minor,
        }
    }
}

/// The user's money settings. `None` in the settings means the feature was
/// never turned on. Turning it off keeps the amounts (`off`), so turning it
/// back on brings them back.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct MoneySettings {
    /// The ISO 4217 code, e.g. "USD".
    #[serde(rename = "c", default = "default_code")]
    pub currency: String,
    /// The amounts, oldest `from` first.
    #[serde(rename = "h", default, skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<Amount>,
    /// Turned off by the user (Home shows nothing).
    #[serde(rename = "o", default, skip_serializing_if = "is_false")]
    pub off: bool,
}

fn default_code() -> String {
    "USD".into()
}

impl Default for MoneySettings {
    fn default() -> Self {
        MoneySettings::new(&default_code())
    }
}

impl MoneySettings {
    /// Turned on, in `currency`, with no amount yet.
    pub fn new(currency: &str) -> Self {
        MoneySettings {
            currency: currency.to_owned(),
            amounts: Vec::new(),
            off: false,
        }
    }

    /// Whether Home shows the money not spent.
    pub fn is_on(&self) -> bool {
        !self.off
    }

    /// The currency code, or "USD" if the stored one is not a code at all.
    pub fn currency(&self) -> &str {
        if is_currency_code(&self.currency) {
            &self.currency
        } else {
            "USD"
        }
    }

    /// The amounts sorted by `from`, oldest first (the undated one first);
    /// of two on the same day, the one stored later wins.
    fn sorted(&self) -> Vec<Amount> {
        let mut list = self.amounts.clone();
        // Stable: equal days keep their stored order, the later one last.
        list.sort_by_key(|a| a.from);
        let mut out: Vec<Amount> = Vec::with_capacity(list.len());
        for a in list {
            match out.last_mut() {
                Some(last) if last.from == a.from => *last = a,
                _ => out.push(a),
            }
        }
        out
    }

    /// Saves an amount from its `from` day on: one already on that day is
    /// replaced; the history stays sorted.
    pub fn set_amount(&mut self, amount: Amount) {
        self.amounts.retain(|a| a.from != amount.from);
        self.amounts.push(amount);
        self.amounts = self.sorted();
    }

    /// Shows the amounts in another currency. Nothing is converted: each
    /// amount keeps the number the user typed ("20" stays 20), so when the
    /// currencies have different minor units the counts are rescaled
    /// (20.00 USD, 2000 cents, becomes 20 CLP; a fraction is rounded to
    /// the nearest whole unit).
    pub fn set_currency(&mut self, code: &str) {
        let old = minor_digits(self.currency());
        let new = minor_digits(code);
        for a in &mut self.amounts {
            a.minor = rescale(a.minor, old, new);
        }
        self.currency = code.to_owned();
    }

    /// Removes the amount that starts on `from`, if there is one.
    pub fn remove_amount(&mut self, from: Option<NaiveDate>) {
        self.amounts.retain(|a| a.from != from);
    }

    /// The amounts as they apply, oldest first (sorted, one per day).
    pub fn history(&self) -> Vec<Amount> {
        self.sorted()
    }

    /// The amount in force on `day`: the latest one from that day or before,
    /// or else the earliest one. `None` with no amounts.
    pub fn amount_on(&self, day: NaiveDate) -> Option<Amount> {
        let list = self.sorted();
        let i = list.partition_point(|a| applies_by(a, day));
        list.get(i.saturating_sub(1)).copied()
    }
}

/// The money not spent since `start`, in minor units: every clean day in
/// `[start, today)` at the amount in force that day (see the module docs).
/// `None` when there is no amount yet.
pub fn not_spent(
    money: &MoneySettings,
    start: NaiveDate,
    use_dates: &[NaiveDate],
    today: NaiveDate,
) -> Option<i64> {
    let list = money.sorted();
    if list.is_empty() {
        return None;
    }
    if start >= today {
        return Some(0);
    }
    // Each amount's stretch of days, clipped to [start, today).
    let mut sevenths: i128 = 0;
    for (i, amount) in list.iter().enumerate() {
        let from = if i == 0 {
            start
        } else {
            amount.from.map_or(start, |f| f.max(start))
        };
        let until = list
            .get(i + 1)
            .and_then(|next| next.from)
            .map_or(today, |f| f.min(today));
        if until > from {
            let days = i128::from(until.signed_duration_since(from).num_days());
            sevenths += days * amount.sevenths_per_day();
        }
    }
    // Less each use day, once, at its own day's amount.
    let mut uses: Vec<NaiveDate> = use_dates
        .iter()
        .copied()
        .filter(|d| *d >= start && *d < today)
        .collect();
    uses.sort_unstable();
    uses.dedup();
    for day in uses {
        let i = list.partition_point(|a| applies_by(a, day));
        if let Some(amount) = list.get(i.saturating_sub(1)) {
            sevenths -= amount.sevenths_per_day();
        }
    }
    let minor = (sevenths.max(0) + 3) / 7;
    Some(i64::try_from(minor).unwrap_or(i64::MAX))
}

/// Whether `amount` has started by `day` (the undated one always has).
fn applies_by(amount: &Amount, day: NaiveDate) -> bool {
    amount.from.is_none_or(|f| f <= day)
}

/// `minor` with `from` minor digits as a count with `to` minor digits, the
/// same face value, rounded to the nearest and held to `1..=MAX_MINOR`.
fn rescale(minor: i64, from: u32, to: u32) -> i64 {
    let minor = i128::from(minor.clamp(0, MAX_MINOR));
    let scaled = if to >= from {
        minor * 10i128.pow(to - from)
    } else {
        let div = 10i128.pow(from - to);
        (minor + div / 2) / div
    };
    i64::try_from(scaled.clamp(1, i128::from(MAX_MINOR))).unwrap_or(MAX_MINOR)
}

/// Three capital letters, the shape of an ISO 4217 code.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// The currency of a region, offered first.
pub fn region_currency(region: Region) -> &'static str {
    match region {
        Region::Us => "USD",
        Region::Uk => "GBP",
        Region::Ca => "CAD",
        Region::Mx => "MXN",
        Region::Es => "EUR",
        Region::Ar => "ARS",
        Region::Cl => "CLP",
    }
}

/// The country part of a locale for a region ("es-MX"), so amounts are
/// written the way that country writes them.
pub fn locale(lang: &str, region: Region) -> String {
    let country = match region {
        Region::Us => "US",
        Region::Uk => "GB",
        Region::Ca => "CA",
        Region::Mx => "MX",
        Region::Es => "ES",
        Region::Ar => "AR",
        Region::Cl => "CL",
    };
    format!("{lang}-{country}")
}

/// Digits after the decimal mark in a currency's minor unit (ISO 4217):
/// 0 for the peso of Chile and a few others, 3 for some dinars, else 2.
pub fn minor_digits(code: &str) -> u32 {
    match code {
        "CLP" | "JPY" | "KRW" | "ISK" | "PYG" | "VND" | "UGX" | "XAF" | "XOF" | "XPF" | "RWF"
        | "KMF" | "GNF" | "DJF" | "BIF" | "VUV" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        _ => 2,
    }
}

/// An amount in minor units as a plain decimal with a dot: "1234.50", or
/// "5000" with no minor digits. Also the exact value handed to
/// `Intl.NumberFormat`.
pub fn decimal(minor: i64, digits: u32) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let n = minor.unsigned_abs();
    if digits == 0 {
        return format!("{sign}{n}");
    }
    let scale = 10u64.pow(digits);
    format!(
        "{sign}{}.{:0width$}",
        n / scale,
        n % scale,
        width = digits as usize
    )
}

/// The fallback when the browser cannot format money: "12.34 USD".
pub fn plain(minor: i64, code: &str) -> String {
    format!("{} {code}", decimal(minor, minor_digits(code)))
}

/// Why a typed amount cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    NotANumber,
    Zero,
    TooBig,
    /// More digits after the decimal mark than the currency has.
    TooManyDecimals {
        max: u32,
    },
}

impl AmountError {
    /// The message to show (a plural for [`AmountError::TooManyDecimals`]
    /// with more than none allowed is filled by the view).
    pub fn key(self) -> Key {
        match self {
            AmountError::Empty => Key::MoneyErrorEmpty,
            AmountError::NotANumber => Key::MoneyErrorNotNumber,
            AmountError::Zero => Key::MoneyErrorZero,
            AmountError::TooBig => Key::MoneyErrorTooBig,
            AmountError::TooManyDecimals { max: 0 } => Key::MoneyErrorWhole,
            AmountError::TooManyDecimals { .. } => Key::MoneyErrorDecimals,
        }
    }
}

/// Reads a typed amount into minor units, exactly. Digits, with `.` or `,`
/// as the decimal mark, and spaces, `.` or `,` as grouping marks:
///
/// - with both `.` and `,`, the last one is the decimal mark ("1,234.50",
///   "1.234,50");
/// - one mark used more than once groups thousands ("1.000.000");
/// - one mark used once with exactly three digits after it groups
///   thousands when the currency has fewer minor digits ("1,500" and
///   "10.000" are whole numbers; "12,5" and "12.50" have cents).
///
/// A currency symbol, a minus sign or letters are refused.
pub fn parse_amount(text: &str, digits: u32) -> Result<i64, AmountError> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''))
        .collect();
    if cleaned.is_empty() {
        return Err(AmountError::Empty);
    }
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(AmountError::NotANumber);
    }
    let dots = cleaned.matches('.').count();
    let commas = cleaned.matches(',').count();
    let decimal_mark = match (dots, commas) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let mark = if dots > 0 { '.' } else { ',' };
            let count = dots + commas;
            let after = cleaned.len() - cleaned.rfind(mark).map_or(0, |i| i + 1);
            if count > 1 || (after == 3 && digits < 3 && !cleaned.starts_with(mark)) {
                None
            } else {
                Some(mark)
            }
        }
        _ => {
            let last_dot = cleaned.rfind('.');
            let last_comma = cleaned.rfind(',');
            if last_dot > last_comma {
                Some('.')
            } else {
                Some(',')
            }
        }
    };
    let (whole, fraction) = match decimal_mark {
        None => (cleaned.as_str(), ""),
        Some(mark) => {
            let i = cleaned.rfind(mark).unwrap_or(cleaned.len());
            (&cleaned[..i], &cleaned[i + 1..])
        }
    };
    // Grouping marks in the whole part go; a mark after the decimal one is
    // a mistake.
    let mark_twice = decimal_mark.is_some_and(|m| whole.contains(m));
    if mark_twice || fraction.contains(['.', ',']) {
        return Err(AmountError::NotANumber);
    }
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    if whole.is_empty() && fraction.is_empty() {
        return Err(AmountError::NotANumber);
    }
    if fraction.len() > digits as usize {
        return Err(AmountError::TooManyDecimals { max: digits });
    }
    let mut minor: i64 = 0;
    for c in whole.chars().chain(fraction.chars()) {
        let d = i64::from(c.to_digit(10).unwrap_or(0));
        minor = minor
            .checked_mul(10)
            .and_then(|m| m.checked_add(d))
            .ok_or(AmountError::TooBig)?;
    }
    for _ in fraction.len()..digits as usize {
        minor = minor.checked_mul(10).ok_or(AmountError::TooBig)?;
    }
    if minor > MAX_MINOR {
        return Err(AmountError::TooBig);
    }
    if minor == 0 {
        return Err(AmountError::Zero);
    }
    Ok(minor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clean_time::compute;
    use chrono::Days;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn amount(from: &str, minor: i64, per: Per) -> Amount {
        Amount {
            from: (!from.is_empty()).then(|| d(from)),
            minor,
            per,
        }
    }

    fn money(amounts: &[Amount]) -> MoneySettings {
        let mut m = MoneySettings::new("USD");
        for a in amounts {
            m.set_amount(*a);
        }
        m
    }

    #[test]
    fn with_no_amount_there_is_nothing_to_show() {
        let m = MoneySettings::new("USD");
        assert_eq!(not_spent(&m, d("2026-01-01"), &[], d("2026-02-01")), None);
        assert_eq!(m.amount_on(d("2026-01-01")), None);
    }

    #[test]
    fn every_completed_day_since_the_start_counts_at_the_daily_amount() {
        let m = money(&[amount("2026-01-01", 2000, Per::Day)]);
        // 30 completed days; today is not over yet.
        assert_eq!(
            not_spent(&m, d("2026-01-01"), &[], d("2026-01-31")),
            Some(60_000)
        );
        assert_eq!(
            not_spent(&m, d("2026-01-01"), &[], d("2026-01-01")),
            Some(0)
        );
    }

    #[test]
    fn the_first_amount_counts_back_to_the_recovery_start() {
        // Turned on today, with a start ten days ago.
        let m = money(&[amount("", 1500, Per::Day)]);
        assert_eq!(
            not_spent(&m, d("2026-02-28"), &[], d("2026-03-10")),
            Some(15_000)
        );
        // A change made a week ago applies from then on, the first amount
        // before it.
        let mut changed = m.clone();
        changed.set_amount(amount("2026-03-03", 7000, Per::Week));
        assert_eq!(
            not_spent(&changed, d("2026-02-28"), &[], d("2026-03-10")),
            Some(3 * 1500 + 7 * 1000)
        );
        // Without an undated amount, the earliest change covers the days
        // before it.
        let dated = money(&[amount("2026-03-10", 1500, Per::Day)]);
        assert_eq!(
            not_spent(&dated, d("2026-02-28"), &[], d("2026-03-10")),
            Some(15_000)
        );
    }

    #[test]
    fn a_lapse_takes_away_only_the_day_it_covers() {
        let m = money(&[amount("2026-01-01", 1000, Per::Day)]);
        let start = d("2026-01-01");
        let today = d("2026-01-11");
        let lapse = [d("2026-01-05")];
        assert_eq!(not_spent(&m, start, &lapse, today), Some(9_000));
        // The same day twice, or in any order, counts once.
        let twice = [d("2026-01-05"), d("2026-01-05")];
        assert_eq!(not_spent(&m, start, &twice, today), Some(9_000));
        // A use today, before the start or after today takes nothing.
        let outside = [today, d("2025-12-31"), d("2026-02-01")];
        assert_eq!(not_spent(&m, start, &outside, today), Some(10_000));
    }

    #[test]
    fn the_days_counted_are_always_the_total_clean_days() {
        let m = money(&[amount("2020-01-01", 100, Per::Day)]);
        let start = d("2025-01-01");
        let today = d("2026-01-01");
        let uses = [d("2025-02-10"), d("2025-02-11"), d("2025-09-30"), today];
        let ct = compute(start, &uses, today);
        assert_eq!(
            not_spent(&m, start, &uses, today),
            Some(ct.total_clean_days * 100)
        );
    }

    #[test]
    fn a_changed_amount_applies_from_its_day_on() {
        let m = money(&[
            amount("2026-01-01", 2000, Per::Day),
            amount("2026-01-06", 1000, Per::Day),
        ]);
        // Jan 1–5 at 20.00, Jan 6–10 at 10.00.
        assert_eq!(
            not_spent(&m, d("2026-01-01"), &[], d("2026-01-11")),
            Some(15_000)
        );
        // A lapse on Jan 3 takes 20.00, one on Jan 8 takes 10.00.
        let uses = [d("2026-01-03"), d("2026-01-08")];
        assert_eq!(
            not_spent(&m, d("2026-01-01"), &uses, d("2026-01-11")),
            Some(12_000)
        );
        assert_eq!(m.amount_on(d("2026-01-05")).unwrap().minor, 2000);
        assert_eq!(m.amount_on(d("2026-01-06")).unwrap().minor, 1000);
        assert_eq!(m.amount_on(d("2025-06-01")).unwrap().minor, 2000);
    }

    #[test]
    fn a_change_dated_today_or_later_changes_nothing_yet() {
        let before = money(&[amount("2026-01-01", 2000, Per::Day)]);
        let mut after = before.clone();
        after.set_amount(amount("2026-01-11", 99_900, Per::Day));
        after.set_amount(amount("2026-03-01", 1, Per::Day));
        let (start, today) = (d("2026-01-01"), d("2026-01-11"));
        assert_eq!(
            not_spent(&before, start, &[], today),
            not_spent(&after, start, &[], today)
        );
    }

    #[test]
    fn a_change_before_the_start_sets_the_amount_from_the_start() {
        let m = money(&[
            amount("2025-01-01", 500, Per::Day),
            amount("2025-06-01", 700, Per::Day),
        ]);
        assert_eq!(
            not_spent(&m, d("2026-01-01"), &[], d("2026-01-03")),
            Some(1_400)
        );
    }

    #[test]
    fn saving_on_the_same_day_replaces_the_amount() {
        let mut m = money(&[amount("2026-01-01", 2000, Per::Day)]);
        m.set_amount(amount("2026-01-01", 3000, Per::Week));
        assert_eq!(m.amounts, [amount("2026-01-01", 3000, Per::Week)]);
        // A stored history with a repeated day: the later entry wins.
        let raw = MoneySettings {
            currency: "USD".into(),
            amounts: vec![
                amount("2026-01-05", 100, Per::Day),
                amount("2026-01-01", 200, Per::Day),
                amount("2026-01-05", 300, Per::Day),
            ],
            off: false,
        };
        assert_eq!(raw.amount_on(d("2026-01-09")).unwrap().minor, 300);
        assert_eq!(raw.history().len(), 2);
        m.remove_amount(Some(d("2026-01-01")));
        assert!(m.amounts.is_empty());
    }

    #[test]
    fn amounts_are_kept_in_date_order() {
        let m = money(&[
            amount("2026-03-01", 3, Per::Day),
            amount("2026-01-01", 1, Per::Day),
            amount("2026-02-01", 2, Per::Day),
        ]);
        let order: Vec<i64> = m.amounts.iter().map(|a| a.minor).collect();
        assert_eq!(order, [1, 2, 3]);
    }

    #[test]
    fn a_weekly_amount_is_a_seventh_a_day_rounded_once_at_the_end() {
        let m = money(&[amount("2026-01-01", 1000, Per::Week)]);
        let start = d("2026-01-01");
        let on = |today: &str| not_spent(&m, start, &[], d(today)).unwrap();
        // One day: 1000 / 7 = 142.86 → 143.
        assert_eq!(on("2026-01-02"), 143);
        // Three days: 428.57 → 429 (not 3 × 143 = 429 by chance: check 5).
        assert_eq!(on("2026-01-04"), 429);
        // Five days: 714.29 → 714, while rounding each day would give 715.
        assert_eq!(on("2026-01-06"), 714);
        // A whole week is exactly the weekly amount, and so is a year of weeks.
        assert_eq!(on("2026-01-08"), 1000);
        assert_eq!(on("2026-12-31"), 52 * 1000);
    }

    #[test]
    fn rounding_goes_to_the_nearest_minor_unit() {
        // 1 a week: 3 days are 3/7 = 0.43 → 0; 4 days are 0.57 → 1.
        let m = money(&[amount("2026-01-01", 1, Per::Week)]);
        let start = d("2026-01-01");
        assert_eq!(not_spent(&m, start, &[], d("2026-01-04")), Some(0));
        assert_eq!(not_spent(&m, start, &[], d("2026-01-05")), Some(1));
    }

    #[test]
    fn weekly_and_daily_amounts_mix_in_one_exact_sum() {
        let m = money(&[
            amount("2026-01-01", 7000, Per::Week),
            amount("2026-01-04", 2500, Per::Day),
        ]);
        // Jan 1–3: 3 × 10.00; Jan 4–5: 2 × 25.00; a lapse on Jan 2 takes 10.00.
        assert_eq!(
            not_spent(&m, d("2026-01-01"), &[d("2026-01-02")], d("2026-01-06")),
            Some(7_000)
        );
    }

    #[test]
    fn daylight_saving_days_are_whole_days() {
        // US clocks went forward on 2026-03-08 and back on 2026-11-01.
        let m = money(&[amount("2026-01-01", 1000, Per::Day)]);
        assert_eq!(
            not_spent(&m, d("2026-03-07"), &[], d("2026-03-10")),
            Some(3_000)
        );
        assert_eq!(
            not_spent(&m, d("2026-10-31"), &[], d("2026-11-03")),
            Some(3_000)
        );
        // From before spring to after autumn: 246 days, the lapse on the
        // short day takes one day's amount, a change on the long day applies
        // from that day.
        let mut changed = m.clone();
        changed.set_amount(amount("2026-11-01", 2000, Per::Day));
        let start = d("2026-03-01");
        let today = d("2026-11-03");
        assert_eq!(today.signed_duration_since(start).num_days(), 247);
        let got = not_spent(&changed, start, &[d("2026-03-08")], today);
        // Mar 1–Oct 31 is 245 days at 10.00 less the lapse, then 2 at 20.00.
        assert_eq!(got, Some(244 * 1000 + 2 * 2000));
    }

    #[test]
    fn a_recovery_start_in_the_future_counts_nothing_yet() {
        let m = money(&[amount("2026-01-01", 1000, Per::Day)]);
        assert_eq!(
            not_spent(&m, d("2026-06-01"), &[d("2026-06-02")], d("2026-05-20")),
            Some(0)
        );
    }

    #[test]
    fn a_lapse_every_day_leaves_nothing_and_never_goes_below_zero() {
        let m = money(&[amount("2026-01-01", 1000, Per::Week)]);
        let start = d("2026-01-01");
        let uses: Vec<NaiveDate> = (0..10)
            .map(|i| start.checked_add_days(Days::new(i)).unwrap())
            .collect();
        assert_eq!(not_spent(&m, start, &uses, d("2026-01-11")), Some(0));
    }

    #[test]
    fn out_of_range_stored_amounts_are_held_in_range() {
        let m = money(&[amount("2026-01-01", -500, Per::Day)]);
        assert_eq!(
            not_spent(&m, d("2026-01-01"), &[], d("2026-01-11")),
            Some(0)
        );
        let big = money(&[amount("2026-01-01", i64::MAX, Per::Day)]);
        let far = not_spent(&big, d("1900-01-01"), &[], d("2100-01-01")).unwrap();
        assert!(far > 0);
    }

    #[test]
    fn the_per_day_sum_matches_a_day_by_day_count() {
        // A slow, obvious count: each clean day's amount in sevenths.
        fn slow(m: &MoneySettings, start: NaiveDate, uses: &[NaiveDate], today: NaiveDate) -> i64 {
            let mut s: i128 = 0;
            let mut day = start;
            while day < today {
                if !uses.contains(&day) {
                    s += m.amount_on(day).unwrap().sevenths_per_day();
                }
                day = day.succ_opt().unwrap();
            }
            ((s + 3) / 7) as i64
        }
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let base = d("2025-01-01");
        let plus = |n: u64| base.checked_add_days(Days::new(n)).unwrap();
        for _ in 0..300 {
            let mut m = MoneySettings::new("USD");
            for _ in 0..1 + next(4) {
                let per = if next(2) == 0 { Per::Day } else { Per::Week };
                m.set_amount(Amount {
                    from: (next(3) > 0).then(|| plus(next(200))),
                    minor: 1 + next(5000) as i64,
                    per,
                });
            }
            let start = plus(next(150));
            let today = plus(next(250));
            let uses: Vec<NaiveDate> = (0..next(8)).map(|_| plus(next(260))).collect();
            assert_eq!(
                not_spent(&m, start, &uses, today),
                Some(if start < today {
                    slow(&m, start, &uses, today)
                } else {
                    0
                })
            );
        }
    }

    #[test]
    fn typed_amounts_become_exact_minor_units() {
        assert_eq!(parse_amount("20", 2), Ok(2000));
        assert_eq!(parse_amount(" 12.5 ", 2), Ok(1250));
        assert_eq!(parse_amount("12,50", 2), Ok(1250));
        assert_eq!(parse_amount("0.10", 2), Ok(10));
        assert_eq!(parse_amount(".5", 2), Ok(50));
        assert_eq!(parse_amount("1,234.56", 2), Ok(123_456));
        assert_eq!(parse_amount("1.234,56", 2), Ok(123_456));
        assert_eq!(parse_amount("1 234,56", 2), Ok(123_456));
        assert_eq!(parse_amount("1,500", 2), Ok(150_000));
        assert_eq!(parse_amount("1.000.000", 2), Ok(100_000_000));
        // Pesos of Chile have no cents: the dot groups thousands.
        assert_eq!(parse_amount("10.000", 0), Ok(10_000));
        assert_eq!(parse_amount("5000", 0), Ok(5_000));
        // 0.29 is not exact as a float; as text it is.
        assert_eq!(parse_amount("0.29", 2), Ok(29));
        assert_eq!(parse_amount("1.005", 3), Ok(1_005));
    }

    #[test]
    fn typed_amounts_that_are_not_amounts_are_refused() {
        assert_eq!(parse_amount("  ", 2), Err(AmountError::Empty));
        assert_eq!(parse_amount("$20", 2), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("-5", 2), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("twenty", 2), Err(AmountError::NotANumber));
        assert_eq!(parse_amount(".", 2), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("1.2.3,4,5", 2), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("0", 2), Err(AmountError::Zero));
        assert_eq!(parse_amount("0,00", 2), Err(AmountError::Zero));
        assert_eq!(
            parse_amount("1.234", 2),
            Ok(123_400),
            "three digits group thousands"
        );
        assert_eq!(
            parse_amount("12.345", 3),
            Ok(12_345),
            "unless the currency has three"
        );
        assert_eq!(
            parse_amount("1.2345", 2),
            Err(AmountError::TooManyDecimals { max: 2 })
        );
        assert_eq!(
            parse_amount("12,5", 0),
            Err(AmountError::TooManyDecimals { max: 0 })
        );
        assert_eq!(
            parse_amount("99999999999999999999999", 2),
            Err(AmountError::TooBig)
        );
        assert_eq!(parse_amount("100000001", 2), Err(AmountError::TooBig));
        assert_eq!(parse_amount("100000000", 2), Ok(MAX_MINOR));
    }

    #[test]
    fn amounts_print_as_exact_decimals() {
        assert_eq!(decimal(1234, 2), "12.34");
        assert_eq!(decimal(5, 2), "0.05");
        assert_eq!(decimal(0, 2), "0.00");
        assert_eq!(decimal(5000, 0), "5000");
        assert_eq!(decimal(1005, 3), "1.005");
        assert_eq!(decimal(-150, 2), "-1.50");
        assert_eq!(plain(1234, "USD"), "12.34 USD");
        assert_eq!(plain(5000, "CLP"), "5000 CLP");
    }

    #[test]
    fn a_new_currency_keeps_the_numbers_the_user_typed() {
        let mut m = money(&[
            amount("2026-01-01", 2000, Per::Day),
            amount("2026-02-01", 1250, Per::Week),
        ]);
        m.set_currency("CLP");
        assert_eq!(m.currency(), "CLP");
        let minors: Vec<i64> = m.amounts.iter().map(|a| a.minor).collect();
        assert_eq!(minors, [20, 13]);
        m.set_currency("EUR");
        let minors: Vec<i64> = m.amounts.iter().map(|a| a.minor).collect();
        assert_eq!(minors, [2000, 1300]);
        m.set_currency("GBP");
        assert_eq!(m.amounts[0].minor, 2000);
        // Never down to nothing.
        let mut tiny = money(&[amount("2026-01-01", 1, Per::Day)]);
        tiny.set_currency("CLP");
        assert_eq!(tiny.amounts[0].minor, 1);
    }

    #[test]
    fn currencies_follow_iso_4217() {
        assert_eq!(minor_digits("USD"), 2);
        assert_eq!(minor_digits("ARS"), 2);
        assert_eq!(minor_digits("CLP"), 0);
        assert_eq!(minor_digits("KWD"), 3);
        assert!(CURRENCIES.iter().all(|c| is_currency_code(c)));
        let by_region: Vec<&str> = Region::ALL.iter().map(|r| region_currency(*r)).collect();
        assert_eq!(by_region, CURRENCIES);
        assert_eq!(locale("es", Region::Mx), "es-MX");
        assert_eq!(locale("en", Region::Uk), "en-GB");
        assert!(!is_currency_code("usd"));
        assert!(!is_currency_code("US"));
        let odd = MoneySettings::new("<b>");
        assert_eq!(odd.currency(), "USD");
    }

    #[test]
    fn money_settings_round_trip_with_short_names() {
        let mut m = MoneySettings::new("MXN");
        m.set_amount(amount("2026-02-01", 3_000, Per::Day));
        m.set_amount(amount("", 25_000, Per::Week));
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(
            json,
            r#"{"c":"MXN","h":[{"a":25000,"p":"w"},{"f":"2026-02-01","a":3000}]}"#
        );
        // The undated amount is replaced like any other.
        let mut again = m.clone();
        again.set_amount(amount("", 100, Per::Day));
        assert_eq!(again.amounts.len(), 2);
        assert_eq!(again.amounts[0], amount("", 100, Per::Day));
        assert_eq!(serde_json::from_str::<MoneySettings>(&json).unwrap(), m);
    }

    #[test]
    fn older_or_newer_money_records_still_load() {
        let empty: MoneySettings = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, MoneySettings::default());
        assert!(empty.is_on());
        let newer: MoneySettings = serde_json::from_str(
            r#"{"c":"EUR","h":[{"f":"2026-01-01","a":5,"p":"m","z":1}],"new":2}"#,
        )
        .unwrap();
        assert_eq!(newer.amounts[0].per, Per::Day);
        let settings: crate::domain::settings::Settings =
            serde_json::from_str(r#"{"mn":{"c":"GBP","o":true}}"#).unwrap();
        let mn = settings.money.unwrap();
        assert!(!mn.is_on());
        assert_eq!(mn.currency(), "GBP");
    }

    #[test]
    fn settings_without_money_have_it_off_and_merge_keeps_it() {
        let off = crate::domain::settings::Settings::default();
        assert_eq!(off.money, None);
        let mut on = off.clone();
        on.money = Some(money(&[amount("2026-01-01", 100, Per::Day)]));
        assert_eq!(off.merge(&on).money, on.money);
        assert_eq!(on.merge(&off).money, on.money);
    }
}
