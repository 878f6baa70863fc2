//! People in the user's support network, with what the crisis screen needs
//! to call or text them in one tap.

use serde::{Deserialize, Serialize};

use super::serde_util::is_false;
use super::{finish, limit, require, FieldError, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::i18n::{tr, Key};
use crate::t;

/// Who a contact is to the user. Decides the label and the order in lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Sponsor,
    Counsellor,
    Doctor,
    SocialWorker,
    Friend,
    Family,
    Group,
    #[default]
    #[serde(other)]
    Other,
}

impl Role {
    /// Every role, in the order a picker shows them.
    pub const ALL: [Role; 8] = [
        Role::Sponsor,
        Role::Counsellor,
        Role::Doctor,
        Role::SocialWorker,
        Role::Friend,
        Role::Family,
        Role::Group,
        Role::Other,
    ];

    /// A short label for the role, in the current language.
    pub fn label(self) -> &'static str {
        tr(match self {
            Role::Sponsor => Key::PeopleRoleSponsor,
            Role::Counsellor => Key::PeopleRoleCounsellor,
            Role::Doctor => Key::PeopleRoleDoctor,
            Role::SocialWorker => Key::PeopleRoleSocialWorker,
            Role::Friend => Key::PeopleRoleFriend,
            Role::Family => Key::PeopleRoleFamily,
            Role::Group => Key::PeopleRoleGroup,
            Role::Other => Key::PeopleRoleOther,
        })
    }

    /// The stable key used in storage and form values.
    pub fn key(self) -> &'static str {
        match self {
            Role::Sponsor => "sponsor",
            Role::Counsellor => "counsellor",
            Role::Doctor => "doctor",
            Role::SocialWorker => "social_worker",
            Role::Friend => "friend",
            Role::Family => "family",
            Role::Group => "group",
            Role::Other => "other",
        }
    }

    /// The role for a key from [`Role::key`]; unknown keys become `Other`.
    pub fn from_key(key: &str) -> Role {
        Role::ALL
            .into_iter()
            .find(|r| r.key() == key)
            .unwrap_or(Role::Other)
    }
}

/// Someone the user can reach out to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "n", default)]
    pub name: String,
    #[serde(rename = "r", default)]
    pub role: Role,
    #[serde(rename = "ph", default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(rename = "e", default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(rename = "no", default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Shown first on the crisis screen.
    #[serde(rename = "em", default, skip_serializing_if = "is_false")]
    pub emergency: bool,
    #[serde(rename = "u", default)]
    pub updated_ms: i64,
}

/// The characters a phone number may be typed with: digits, spaces, `+`,
/// `-`, `.` and brackets.
fn is_phone_char(c: char) -> bool {
    c.is_ascii_digit() || " +-().".contains(c)
}

/// Keeps a leading `+` and the digits, so "(555) 123-4567" dials correctly.
/// A number with anything else in it (letters, markup, a `javascript:`
/// address, which only an import or an older build could have stored) is not
/// dialled at all: picking its digits out would call some other number.
fn dial_string(phone: &str) -> Option<String> {
    let trimmed = phone.trim();
    if !trimmed.chars().all(is_phone_char) {
        return None;
    }
    let mut out = String::new();
    if trimmed.starts_with('+') {
        out.push('+');
    }
    out.extend(trimmed.chars().filter(|c| c.is_ascii_digit()));
    if out.trim_start_matches('+').is_empty() {
        None
    } else {
        Some(out)
    }
}

impl Contact {
    /// A `tel:` link, or `None` when there is no usable number.
    pub fn tel_href(&self) -> Option<String> {
        dial_string(&self.phone).map(|n| format!("tel:{n}"))
    }

    /// An `sms:` link, or `None` when there is no usable number.
    pub fn sms_href(&self) -> Option<String> {
        dial_string(&self.phone).map(|n| format!("sms:{n}"))
    }

    /// The name, or the role when the name is blank, so a list never shows
    /// an empty row.
    pub fn display_name(&self) -> &str {
        let n = self.name.trim();
        if n.is_empty() {
            self.role.label()
        } else {
            n
        }
    }

    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        require(&mut errors, "name", &self.name, Key::PeopleNameRequired);
        limit(&mut errors, "name", &self.name, MAX_SHORT_TEXT);
        if !self.phone.trim().is_empty() {
            if !self.phone.trim().chars().all(is_phone_char) {
                errors.push(FieldError::new("phone", t!(Key::PeoplePhoneChars)));
            } else if dial_string(&self.phone).is_none() {
                errors.push(FieldError::new("phone", t!(Key::PeoplePhoneNoDigits)));
            }
        }
        limit(&mut errors, "phone", &self.phone, 40);
        let email = self.email.trim();
        if !email.is_empty() && (!email.contains('@') || email.contains(char::is_whitespace)) {
            errors.push(FieldError::new("email", t!(Key::PeopleEmailBad)));
        }
        limit(&mut errors, "email", &self.email, MAX_SHORT_TEXT);
        limit(&mut errors, "notes", &self.notes, MAX_LONG_TEXT);
        finish(errors)
    }
}

/// Contacts in the order the crisis screen shows them: emergency contacts
/// first, then everyone else, each group keeping the user's own order.
pub fn crisis_order(contacts: &[Contact]) -> Vec<&Contact> {
    let mut v: Vec<&Contact> = contacts.iter().collect();
    v.sort_by_key(|c| !c.emergency);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(name: &str, phone: &str) -> Contact {
        Contact {
            id: "c1".into(),
            name: name.into(),
            phone: phone.into(),
            ..Contact::default()
        }
    }

    #[test]
    fn tel_href_keeps_only_plus_and_digits() {
        let c = contact("Sam", " +1 (555) 123-4567 ");
        assert_eq!(c.tel_href().as_deref(), Some("tel:+15551234567"));
        assert_eq!(c.sms_href().as_deref(), Some("sms:+15551234567"));
    }

    #[test]
    fn a_contact_without_a_phone_has_no_links() {
        assert_eq!(contact("Sam", "").tel_href(), None);
        assert_eq!(contact("Sam", " - ").sms_href(), None);
        assert_eq!(contact("Sam", "+").tel_href(), None);
    }

    #[test]
    fn a_plus_in_the_middle_is_dropped() {
        assert_eq!(
            contact("Sam", "0300+123").tel_href().as_deref(),
            Some("tel:0300123")
        );
    }

    #[test]
    fn a_phone_holding_anything_but_phone_characters_gives_no_call_or_text_link() {
        for phone in [
            "javascript:alert(1)",
            "123<script>",
            "555\"><img src=x>",
            "tel:5550100",
            "555 0100 ext 2",
            "555\u{202E}0100",
            "５５５",
        ] {
            let c = contact("Sam", phone);
            assert_eq!(c.tel_href(), None, "{phone:?}");
            assert_eq!(c.sms_href(), None, "{phone:?}");
        }
    }

    #[test]
    fn every_call_link_holds_only_tel_a_plus_and_digits() {
        for phone in [
            "+44 (0)300 123 6600",
            "555.010.4477",
            " 0300-123 ",
            "+1 (555) 010-4477",
        ] {
            let href = contact("Sam", phone).tel_href().unwrap();
            let number = href.strip_prefix("tel:").unwrap();
            let digits = number.strip_prefix('+').unwrap_or(number);
            assert!(
                !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()),
                "{href}"
            );
        }
    }

    #[test]
    fn a_contact_needs_a_name() {
        let errs = contact("  ", "").validate().unwrap_err();
        assert_eq!(errs[0].field, "name");
    }

    #[test]
    fn letters_in_a_phone_number_are_rejected() {
        let errs = contact("Sam", "555-CALL-NOW").validate().unwrap_err();
        assert!(errs.iter().any(|e| e.field == "phone"));
        assert!(contact("Sam", "+44 (0)300 123 6600").validate().is_ok());
    }

    #[test]
    fn an_email_without_an_at_sign_is_rejected() {
        let mut c = contact("Sam", "");
        c.email = "sam.example.com".into();
        assert!(c.validate().is_err());
        c.email = "sam@example.com".into();
        assert!(c.validate().is_ok());
    }

    #[test]
    fn emergency_contacts_come_first_in_crisis_order() {
        let mut a = contact("A", "1");
        a.id = "a".into();
        let mut b = contact("B", "2");
        b.id = "b".into();
        b.emergency = true;
        let mut c = contact("C", "3");
        c.id = "c".into();
        let list = [a, b, c];
        let ids: Vec<&str> = crisis_order(&list).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["b", "a", "c"]);
    }

    #[test]
    fn contact_json_uses_short_names_and_skips_empty_fields() {
        let c = Contact {
            id: "c1".into(),
            name: "Sam".into(),
            role: Role::SocialWorker,
            updated_ms: 5,
            ..Contact::default()
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"{"i":"c1","n":"Sam","r":"social_worker","u":5}"#);
        assert_eq!(serde_json::from_str::<Contact>(&json).unwrap(), c);
    }

    #[test]
    fn an_old_contact_with_an_unknown_role_still_loads() {
        let c: Contact = serde_json::from_str(r#"{"i":"c1","n":"Sam","r":"coach"}"#).unwrap();
        assert_eq!(c.role, Role::Other);
        assert_eq!(c.updated_ms, 0);
    }
}
