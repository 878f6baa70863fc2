//! The overdose response guide, from `overdose.json`: six short steps for a
//! frightened person (check, call, naloxone, a second dose, breathing, stay),
//! each with its source, and the window for a second dose. Shown at
//! `/help/overdose` and, as plain text, on the static Help pages
//! (`scripts/static-help.mjs` reads the same file).
//!
//! Also the guide's dose clock, as pure functions of timestamps: how long
//! since the last dose and whether the next one is due are worked out from
//! the time each dose was given and the time now, never from a count of
//! ticks, so the clock is right after the phone's screen was locked (when
//! timers stop) or the page was reloaded. The times travel in the page's
//! address (`?doses=…`), not in storage.

use serde::Deserialize;

use super::load::{localized, parse, ContentError, PerLanguage};

const OVERDOSE_JSON: &str = include_str!("en/overdose.json");

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverdoseGuide {
    pub title: String,
    pub lead: String,
    /// In order; shown numbered from 1.
    pub steps: Vec<OverdoseStep>,
    /// A second dose is due this long after a dose if there is no response
    /// (the start of the "2 to 3 minutes" in the steps).
    pub redose_after_seconds: u32,
    /// The end of that window.
    pub redose_by_seconds: u32,
    /// Set only on the fallback, when `overdose.json` failed to parse.
    #[serde(skip)]
    pub load_error: Option<ContentError>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverdoseStep {
    /// `check`, `call`, `naloxone`, `timer`, `breathe`, `stay`: the screen
    /// puts the call button under `call` and the dose timer under `timer`.
    pub id: String,
    pub title: String,
    /// Short lines, one idea each.
    pub lines: Vec<String>,
    /// A line set apart (what to do without naloxone).
    #[serde(default)]
    pub note: Option<String>,
    /// A second list with its own heading (the recovery position).
    #[serde(default)]
    pub more_title: Option<String>,
    #[serde(default)]
    pub more: Vec<String>,
    pub source: String,
}

impl OverdoseGuide {
    pub fn parse(json: &str) -> Result<OverdoseGuide, ContentError> {
        parse("overdose.json", json)
    }

    /// The step with this id, if the file has it.
    pub fn step(&self, id: &str) -> Option<&OverdoseStep> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// When a second dose is due, in milliseconds after a dose.
    pub fn redose_after_ms(&self) -> i64 {
        i64::from(self.redose_after_seconds) * 1000
    }

    /// The bare minimum, for when `overdose.json` cannot be read: call for
    /// help, and the dose timer still works.
    fn fallback(error: ContentError) -> OverdoseGuide {
        let step = |id: &str, title: &str, line: &str| OverdoseStep {
            id: id.to_string(),
            title: title.to_string(),
            lines: vec![line.to_string()],
            note: None,
            more_title: None,
            more: Vec::new(),
            source: String::new(),
        };
        OverdoseGuide {
            title: "Someone may be overdosing".to_string(),
            lead: "Call emergency services now.".to_string(),
            steps: vec![
                step(
                    "call",
                    "Call emergency services",
                    "Call emergency services now.",
                ),
                step(
                    "timer",
                    "Give another dose if needed",
                    "If they do not respond after 2 to 3 minutes, give another dose with a new spray.",
                ),
                step(
                    "stay",
                    "Stay until help arrives",
                    "Stay with the person until help arrives.",
                ),
            ],
            redose_after_seconds: 120,
            redose_by_seconds: 180,
            load_error: Some(error),
        }
    }
}

/// The overdose guide, parsed once per language. Never panics: a broken file
/// gives a minimal "call emergency services" version with `load_error` set.
pub fn overdose() -> &'static OverdoseGuide {
    thread_local! {
        static CACHE: PerLanguage<OverdoseGuide> = Default::default();
    }
    localized(
        &CACHE,
        "overdose",
        OVERDOSE_JSON,
        OverdoseGuide::parse,
        OverdoseGuide::fallback,
    )
}

/// The name of the address parameter that holds the dose times.
pub const DOSES_PARAM: &str = "doses";
/// At most this many doses are kept (a kit holds two sprays; people may
/// bring more).
pub const MAX_DOSES: usize = 20;
/// Doses older than this are forgotten: an address opened again hours later
/// starts a fresh timer (naloxone wears off in 30 to 90 minutes).
pub const FORGET_AFTER_MS: i64 = 3 * 60 * 60 * 1000;
/// A dose time this far ahead of the clock is still believed (clocks drift
/// a little between a reload and the next); anything later is not.
const FUTURE_SLACK_MS: i64 = 60 * 1000;

/// Whether the next dose is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DosePhase {
    /// Not yet: this long to go.
    Waiting { remaining_ms: i64 },
    /// Due now (if there is still no response).
    Due,
}

/// The dose clock at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DoseClock {
    /// How many doses were given (the last one is dose number `doses`).
    pub doses: usize,
    /// Time since the last dose, never negative.
    pub elapsed_ms: i64,
    pub phase: DosePhase,
}

/// The clock for `doses` (times in ms since the epoch, oldest first) at
/// `now_ms`, or `None` before the first dose.
pub fn dose_clock(doses: &[i64], now_ms: i64, redose_after_ms: i64) -> Option<DoseClock> {
    let last = *doses.last()?;
    let elapsed_ms = now_ms.saturating_sub(last).max(0);
    let phase = if elapsed_ms >= redose_after_ms {
        DosePhase::Due
    } else {
        DosePhase::Waiting {
            remaining_ms: redose_after_ms - elapsed_ms,
        }
    };
    Some(DoseClock {
        doses: doses.len(),
        elapsed_ms,
        phase,
    })
}

/// A duration as minutes and seconds, "2:05", counting whole seconds gone
/// (for the time since a dose).
pub fn minutes_seconds(ms: i64) -> String {
    let seconds = ms.max(0) / 1000;
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// A duration still to go as minutes and seconds, rounded up, so it reads
/// "0:01" until the moment it is over.
pub fn minutes_seconds_left(ms: i64) -> String {
    minutes_seconds((ms.max(0) + 999) / 1000 * 1000)
}

/// The dose times in an address's query (`?doses=1767000000000.1767000120000`,
/// with or without the `?`), as a clean list at `now_ms`: oldest first, only
/// whole numbers, none older than [`FORGET_AFTER_MS`] or ahead of the clock,
/// at most [`MAX_DOSES`]. Anything else in the query is ignored; a value that
/// cannot be read gives no doses.
pub fn doses_from_query(query: &str, now_ms: i64) -> Vec<i64> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let Some(value) = query
        .split('&')
        .find_map(|pair| pair.strip_prefix(DOSES_PARAM)?.strip_prefix('='))
    else {
        return Vec::new();
    };
    let mut doses = Vec::new();
    for part in value.split('.') {
        if part.is_empty() || part.len() > 15 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return Vec::new();
        }
        let Ok(ms) = part.parse::<i64>() else {
            return Vec::new();
        };
        if ms > now_ms.saturating_add(FUTURE_SLACK_MS) {
            return Vec::new();
        }
        if now_ms.saturating_sub(ms) <= FORGET_AFTER_MS {
            doses.push(ms);
        }
    }
    doses.sort_unstable();
    doses.dedup();
    let extra = doses.len().saturating_sub(MAX_DOSES);
    doses.drain(..extra);
    doses
}

/// The query that [`doses_from_query`] reads back (with its `?`), or an
/// empty string for no doses.
pub fn doses_query(doses: &[i64]) -> String {
    if doses.is_empty() {
        return String::new();
    }
    let times: Vec<String> = doses.iter().map(i64::to_string).collect();
    format!("?{DOSES_PARAM}={}", times.join("."))
}

/// `doses` with one more given at `now_ms`, keeping at most [`MAX_DOSES`].
pub fn with_dose(doses: &[i64], now_ms: i64) -> Vec<i64> {
    let mut next: Vec<i64> = doses.iter().copied().filter(|&d| d <= now_ms).collect();
    next.push(now_ms);
    let extra = next.len().saturating_sub(MAX_DOSES);
    next.drain(..extra);
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::readability::{analyse_pieces, analyse_pieces_spanish};

    const OVERDOSE_ES_JSON: &str = include_str!("es/overdose.json");

    fn parsed() -> OverdoseGuide {
        OverdoseGuide::parse(OVERDOSE_JSON).expect("overdose.json parses")
    }

    fn spanish() -> OverdoseGuide {
        OverdoseGuide::parse(OVERDOSE_ES_JSON).expect("es/overdose.json parses")
    }

    fn text(g: &OverdoseGuide, id: &str) -> String {
        let s = g.step(id).unwrap_or_else(|| panic!("a step {id}"));
        let mut all = s.lines.join(" ");
        for extra in s
            .note
            .iter()
            .chain(s.more_title.iter())
            .chain(s.more.iter())
        {
            all.push(' ');
            all.push_str(extra);
        }
        all
    }

    fn pieces(g: &OverdoseGuide) -> Vec<&str> {
        let mut out = vec![g.title.as_str(), g.lead.as_str()];
        for s in &g.steps {
            out.push(&s.title);
            out.extend(s.lines.iter().map(String::as_str));
            out.extend(s.note.iter().map(String::as_str));
            out.extend(s.more.iter().map(String::as_str));
        }
        out
    }

    #[test]
    fn the_guide_parses_without_falling_back() {
        parsed();
        assert!(overdose().load_error.is_none());
    }

    #[test]
    fn the_six_steps_come_in_the_order_a_responder_needs() {
        let ids: Vec<String> = parsed().steps.iter().map(|s| s.id.clone()).collect();
        assert_eq!(
            ids,
            ["check", "call", "naloxone", "timer", "breathe", "stay"]
        );
        for s in &parsed().steps {
            assert!(!s.title.trim().is_empty(), "{}", s.id);
            assert!(!s.lines.is_empty(), "{}", s.id);
            assert!(!s.source.trim().is_empty(), "{} has a source", s.id);
        }
    }

    #[test]
    fn each_step_keeps_its_facts_and_their_sources() {
        let g = parsed();
        let check = text(&g, "check").to_lowercase();
        assert!(check.contains("shout"));
        assert!(check.contains("knuckles") && check.contains("breastbone"));
        assert!(g.step("check").unwrap().source.contains("SAMHSA"));
        assert!(g.step("check").unwrap().source.contains("Maryland"));

        let naloxone = text(&g, "naloxone");
        assert!(naloxone.contains("on their back"));
        assert!(naloxone.contains("Do not prime or test"));
        assert!(naloxone.contains("Note the time") && naloxone.contains("step 4"));
        assert!(g.step("naloxone").unwrap().source.contains("Mayo Clinic"));

        let timer = text(&g, "timer");
        assert!(timer.contains("2 to 3 minutes") && timer.contains("new spray"));
        assert!(timer.contains("side"));

        let breathe = text(&g, "breathe");
        assert!(breathe.contains("2 breaths") && breathe.contains("1 breath every 5 seconds"));
        assert!(breathe.contains("recovery position"));
        assert!(g.step("breathe").unwrap().source.contains("Maryland"));

        let stay = text(&g, "stay");
        assert!(stay.contains("30 to 90 minutes"));
        assert!(stay.contains("come back"));
        assert!(stay.contains("benzodiazepines"));
    }

    #[test]
    fn the_timer_window_is_the_2_to_3_minutes_the_steps_give() {
        let g = parsed();
        assert_eq!(g.redose_after_seconds, 120);
        assert_eq!(g.redose_by_seconds, 180);
        assert_eq!(g.redose_after_ms(), 120_000);
        let minutes = format!(
            "{} to {} minutes",
            g.redose_after_seconds / 60,
            g.redose_by_seconds / 60
        );
        assert!(text(&g, "timer").contains(&minutes));
    }

    #[test]
    fn the_guide_says_nothing_about_the_law() {
        // No source in the facts brief confirms a Good Samaritan law for any
        // region, so the guide makes no promise about one.
        for g in [parsed(), spanish()] {
            let all = pieces(&g).join(" ").to_lowercase();
            for word in ["samaritan", "samaritano", "arrest", "law ", "ley "] {
                assert!(!all.contains(word), "{word}");
            }
        }
    }

    #[test]
    fn the_guide_is_easy_to_read_in_a_panic() {
        let g = parsed();
        let grade = analyse_pieces(pieces(&g)).grade();
        println!("overdose: Flesch-Kincaid grade {grade:.2}");
        assert!(grade <= 5.0, "{grade}");
        for s in &g.steps {
            for line in &s.lines {
                assert!(line.split_whitespace().count() <= 20, "short lines: {line}");
            }
        }
    }

    #[test]
    fn the_spanish_twin_uses_the_official_words_and_keeps_every_fact() {
        let (en, es) = (parsed(), spanish());
        let ids = |g: &OverdoseGuide| g.steps.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&es), ids(&en));
        assert_eq!(es.redose_after_seconds, en.redose_after_seconds);
        assert_eq!(es.redose_by_seconds, en.redose_by_seconds);
        for (a, b) in en.steps.iter().zip(&es.steps) {
            assert_eq!(a.source, b.source, "{}", a.id);
            assert_eq!(a.lines.len(), b.lines.len(), "{}", a.id);
            assert_eq!(a.more.len(), b.more.len(), "{}", a.id);
            assert_eq!(a.note.is_some(), b.note.is_some(), "{}", a.id);
        }
        assert!(es.title.contains("sobredosis"));
        assert!(text(&es, "check").contains("esternón"));
        assert!(text(&es, "naloxone").contains("No pruebes el atomizador"));
        assert!(
            text(&es, "timer").contains("2 a 3 minutos")
                && text(&es, "timer").contains("atomizador nuevo")
        );
        assert!(text(&es, "breathe").contains("1 respiración cada 5 segundos"));
        assert!(text(&es, "breathe").contains("posición de recuperación"));
        assert!(text(&es, "stay").contains("30 a 90 minutos"));
        assert!(text(&es, "stay").contains("benzodiacepinas"));
        let all = pieces(&es).join(" ").to_lowercase();
        assert!(!all.contains("adict"));
        assert!(!all.contains("usted"), "tú, not usted");
        let score = analyse_pieces_spanish(pieces(&es)).fernandez_huerta();
        println!("overdose (es): Fernández-Huerta {score:.1}");
        assert!(score >= 70.0, "{score}");
    }

    #[test]
    fn a_broken_file_still_says_to_call_and_keeps_the_timer() {
        let g = OverdoseGuide::fallback(OverdoseGuide::parse("{").unwrap_err());
        assert!(g.load_error.is_some());
        assert!(g.step("call").is_some());
        assert!(g.step("timer").is_some());
        assert_eq!(g.redose_after_ms(), 120_000);
    }

    const T0: i64 = 1_767_000_000_000;

    #[test]
    fn the_clock_waits_two_minutes_then_says_the_next_dose_is_due() {
        assert_eq!(dose_clock(&[], T0, 120_000), None);
        let c = dose_clock(&[T0], T0 + 65_000, 120_000).unwrap();
        assert_eq!(c.doses, 1);
        assert_eq!(c.elapsed_ms, 65_000);
        assert_eq!(
            c.phase,
            DosePhase::Waiting {
                remaining_ms: 55_000
            }
        );
        let due = dose_clock(&[T0], T0 + 120_000, 120_000).unwrap();
        assert_eq!(due.phase, DosePhase::Due);
        // A second dose starts the wait again, from that dose.
        let again = dose_clock(&[T0, T0 + 150_000], T0 + 160_000, 120_000).unwrap();
        assert_eq!(again.doses, 2);
        assert_eq!(again.elapsed_ms, 10_000);
        assert!(matches!(again.phase, DosePhase::Waiting { .. }));
    }

    #[test]
    fn time_spent_with_the_screen_locked_still_counts() {
        // No tick ran between the dose and now: the clock reads the times.
        let c = dose_clock(&[T0], T0 + 9 * 60_000 + 4_000, 120_000).unwrap();
        assert_eq!(minutes_seconds(c.elapsed_ms), "9:04");
        assert_eq!(c.phase, DosePhase::Due);
        // A clock that went back a little never shows a negative time.
        let c = dose_clock(&[T0], T0 - 5_000, 120_000).unwrap();
        assert_eq!(c.elapsed_ms, 0);
    }

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        assert_eq!(minutes_seconds(0), "0:00");
        assert_eq!(minutes_seconds(59_999), "0:59");
        assert_eq!(minutes_seconds(65_000), "1:05");
        assert_eq!(minutes_seconds(-10), "0:00");
        assert_eq!(minutes_seconds(3_600_000), "60:00");
        assert_eq!(minutes_seconds_left(55_000), "0:55");
        assert_eq!(minutes_seconds_left(54_001), "0:55");
        assert_eq!(minutes_seconds_left(1), "0:01");
        assert_eq!(minutes_seconds_left(0), "0:00");
    }

    #[test]
    fn dose_times_round_trip_through_the_address() {
        let doses = vec![T0, T0 + 150_000];
        let q = doses_query(&doses);
        assert_eq!(q, "?doses=1767000000000.1767000150000");
        assert_eq!(doses_from_query(&q, T0 + 200_000), doses);
        assert_eq!(
            doses_from_query("a=1&doses=1767000000000&b=2", T0),
            vec![T0]
        );
        assert_eq!(doses_query(&[]), "");
        assert!(doses_from_query("", T0).is_empty());
        assert_eq!(with_dose(&[T0], T0 + 1_000), vec![T0, T0 + 1_000]);
    }

    #[test]
    fn an_address_with_odd_or_stale_dose_times_starts_fresh() {
        let now = T0 + 60_000;
        for q in [
            "?doses=",
            "?doses=abc",
            "?doses=1767000000000.",
            "?doses=-5",
            "?doses=1e12",
            "?doses=99999999999999999999",
            "?doses=1767000000000.1767009999999",
            "?dosesx=1767000000000",
        ] {
            assert!(doses_from_query(q, now).is_empty(), "{q}");
        }
        // Hours old: forgotten.
        let old = T0 - FORGET_AFTER_MS - 1;
        assert!(doses_from_query(&doses_query(&[old]), T0).is_empty());
        assert_eq!(doses_from_query(&doses_query(&[old, T0]), T0), vec![T0]);
        // Out of order and repeated: sorted, once each.
        assert_eq!(
            doses_from_query("?doses=1767000010000.1767000000000.1767000000000", now),
            vec![T0, T0 + 10_000]
        );
        // Never more than MAX_DOSES, the newest kept.
        let many: Vec<i64> = (0..30).map(|i| T0 + i * 1_000).collect();
        let kept = doses_from_query(&doses_query(&many), T0 + 60_000);
        assert_eq!(kept.len(), MAX_DOSES);
        assert_eq!(kept.last(), Some(&(T0 + 29_000)));
        assert_eq!(with_dose(&many, T0 + 40_000).len(), MAX_DOSES);
    }
}
