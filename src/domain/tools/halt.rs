//! HALT: before acting on a craving, check whether you are Hungry, Angry,
//! Lonely or Tired. Each is a need with a simpler answer than using.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::{tr, Key};

/// Which of the four HALT states the user ticked.
///
/// Stored as the initials of the ticked states ("HT" for hungry and tired),
/// the shortest form that still reads clearly in a backup file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Halt {
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
}

impl Halt {
    /// True when nothing is ticked, so the field can be left out of storage.
    pub fn is_empty(&self) -> bool {
        !(self.hungry || self.angry || self.lonely || self.tired)
    }

    /// The ticked states as initials, in H-A-L-T order.
    pub fn code(&self) -> String {
        let mut s = String::new();
        for (on, c) in [
            (self.hungry, 'H'),
            (self.angry, 'A'),
            (self.lonely, 'L'),
            (self.tired, 'T'),
        ] {
            if on {
                s.push(c);
            }
        }
        s
    }

    /// Reads initials back; unknown letters are ignored so an odd value from
    /// an old or hand-edited backup never loses the whole record.
    pub fn from_code(code: &str) -> Self {
        let mut h = Halt::default();
        for c in code.chars() {
            match c.to_ascii_uppercase() {
                'H' => h.hungry = true,
                'A' => h.angry = true,
                'L' => h.lonely = true,
                'T' => h.tired = true,
                _ => {}
            }
        }
        h
    }

    /// Plain words for the ticked states in the current language, e.g.
    /// `["hungry", "tired"]`, to follow "You were".
    pub fn words(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        for (on, w) in [
            (self.hungry, Key::CravingHaltHungry),
            (self.angry, Key::CravingHaltAngry),
            (self.lonely, Key::CravingHaltLonely),
            (self.tired, Key::CravingHaltTired),
        ] {
            if on {
                v.push(tr(w));
            }
        }
        v
    }
}

impl Serialize for Halt {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Halt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Ok(Halt::from_code(&code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halt_round_trips_through_its_initials() {
        let h = Halt {
            hungry: true,
            angry: false,
            lonely: true,
            tired: true,
        };
        let json = serde_json::to_string(&h).unwrap();
        assert_eq!(json, "\"HLT\"");
        assert_eq!(serde_json::from_str::<Halt>(&json).unwrap(), h);
    }

    #[test]
    fn halt_ignores_unknown_letters_instead_of_failing() {
        let h: Halt = serde_json::from_str("\"hxT\"").unwrap();
        assert!(h.hungry && h.tired && !h.angry && !h.lonely);
        assert_eq!(h.words(), vec!["hungry", "tired"]);
    }

    #[test]
    fn an_unticked_halt_is_empty() {
        assert!(Halt::default().is_empty());
        assert!(!Halt::from_code("A").is_empty());
    }
}
