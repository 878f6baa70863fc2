//! One-tap call and text links for the user's own people. Shared by the
//! crisis screen and the craving tools, so a contact reads the same in both
//! places and every link says whom it calls.

use crate::domain::tools::Contact;
use leptos::prelude::*;

use crate::i18n::Key;
use crate::t;

/// One contact as a list item: their name and role, then "Call <name>" and
/// "Text <name>" links when a number is saved, or a way to add one.
#[component]
pub fn ContactCallItem(contact: Contact) -> impl IntoView {
    let name = contact.display_name().to_string();
    let role = contact.role.label();
    let show_role = !contact.name.trim().is_empty();
    let tel = contact.tel_href();
    let sms = contact.sms_href();
    let phone = contact.phone.trim().to_string();
    let has_number = tel.is_some();
    let call_label = t!(Key::HelpContactCall, name = name);
    let text_label = t!(Key::HelpContactText, name = name);
    view! {
        <li class="call-item">
            <p class="call-item__who">
                // In a <bdi>, so a name in a right-to-left script (or with a
                // stray direction mark) cannot reorder the number after it.
                <strong><bdi>{name.clone()}</bdi></strong>
                {show_role.then(|| view! { <span class="muted">" · " {role}</span> })}
                {has_number.then(|| view! { <span class="muted">" · " {phone.clone()}</span> })}
            </p>
            {if has_number {
                view! {
                    <div class="call-item__links">
                        {tel.map(|href| view! {
                            <a class="button button--primary call-link" href=href>{call_label.clone()}</a>
                        })}
                        {sms.map(|href| view! {
                            <a class="button call-link" href=href>{text_label.clone()}</a>
                        })}
                    </div>
                }
                    .into_any()
            } else if !phone.is_empty() {
                // Saved, but not a number a phone can dial (say, from an import).
                view! {
                    <p class="small muted">
                        {t!(Key::HelpContactCannotDial)}" "
                        <a href="/tools/people">{t!(Key::HelpContactCheckNumber, name = name)}</a>
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <p class="small muted">
                        {t!(Key::HelpContactNoNumber)}" "
                        <a href="/tools/people">{t!(Key::HelpContactAddNumber, name = name)}</a>
                    </p>
                }
                    .into_any()
            }}
        </li>
    }
}
