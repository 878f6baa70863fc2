//! The tools a guide step can link to, by stable route id.

use serde::{Deserialize, Serialize};

use crate::i18n::{tr, Key};

/// A tool screen. The JSON names tools in lowercase ("journal", "craving"),
/// so a typo in the content fails the parse test instead of giving a dead link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ToolId {
    Journal,
    Craving,
    People,
    Meetings,
    Places,
    Coping,
    Exercise,
    Treatment,
    Plan,
    Help,
    Insights,
}

impl ToolId {
    /// Every tool, in the order the tools screen lists them.
    pub const ALL: [ToolId; 11] = [
        ToolId::Journal,
        ToolId::Craving,
        ToolId::People,
        ToolId::Meetings,
        ToolId::Places,
        ToolId::Coping,
        ToolId::Exercise,
        ToolId::Treatment,
        ToolId::Plan,
        ToolId::Help,
        ToolId::Insights,
    ];

    /// The lowercase id used in the content files.
    pub fn id(self) -> &'static str {
        match self {
            ToolId::Journal => "journal",
            ToolId::Craving => "craving",
            ToolId::People => "people",
            ToolId::Meetings => "meetings",
            ToolId::Places => "places",
            ToolId::Coping => "coping",
            ToolId::Exercise => "exercise",
            ToolId::Treatment => "treatment",
            ToolId::Plan => "plan",
            ToolId::Help => "help",
            ToolId::Insights => "insights",
        }
    }

    /// The app address of the tool's screen (see the product brief).
    pub fn route(self) -> &'static str {
        match self {
            ToolId::Journal => "/journal",
            ToolId::Craving => "/tools/craving",
            ToolId::People => "/tools/people",
            ToolId::Meetings => "/tools/meetings",
            ToolId::Places => "/tools/places",
            ToolId::Coping => "/tools/coping",
            ToolId::Exercise => "/tools/exercise",
            ToolId::Treatment => "/tools/treatment",
            ToolId::Plan => "/tools/plan",
            ToolId::Help => "/help",
            ToolId::Insights => "/insights",
        }
    }

    /// A short link label, in the current language.
    pub fn label(self) -> &'static str {
        tr(match self {
            ToolId::Journal => Key::ShellToolJournal,
            ToolId::Craving => Key::ShellToolCraving,
            ToolId::People => Key::ShellToolPeople,
            ToolId::Meetings => Key::ShellToolMeetings,
            ToolId::Places => Key::ShellToolPlaces,
            ToolId::Coping => Key::ShellToolCoping,
            ToolId::Exercise => Key::ShellToolExercise,
            ToolId::Treatment => Key::ShellToolTreatment,
            ToolId::Plan => Key::ShellToolPlan,
            ToolId::Help => Key::ShellToolHelp,
            ToolId::Insights => Key::ShellToolInsights,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tool_id_round_trips_through_json() {
        for tool in ToolId::ALL {
            let json = serde_json::to_string(&tool).unwrap();
            assert_eq!(json, format!("\"{}\"", tool.id()));
            let back: ToolId = serde_json::from_str(&json).unwrap();
            assert_eq!(back, tool);
        }
    }

    #[test]
    fn every_route_is_an_absolute_app_address() {
        for tool in ToolId::ALL {
            assert!(tool.route().starts_with('/'), "{:?}", tool);
            assert!(tool.route().ends_with(tool.id()), "{:?}", tool);
        }
    }

    #[test]
    fn an_unknown_tool_id_does_not_parse() {
        assert!(serde_json::from_str::<ToolId>("\"jornal\"").is_err());
    }
}
