//! Settings: look, region, recovery start, backup, storage, set-aside data
//! and delete everything. Each section has an id so notices elsewhere can
//! link straight to it (`/settings#set-aside`).

use leptos::prelude::*;

use crate::app::components::settings_appearance::AppearanceSection;
use crate::app::components::settings_backup::BackupSection;
use crate::app::components::settings_delete::DeleteSection;
use crate::app::components::settings_install::InstallSection;
use crate::app::components::settings_language::LanguageSection;
use crate::app::components::settings_lock::LockSection;
use crate::app::components::settings_money::MoneySection;
use crate::app::components::settings_move::MoveSection;
use crate::app::components::settings_recovery::RecoverySection;
use crate::app::components::settings_region::RegionSection;
use crate::app::components::settings_reminders::RemindersSection;
use crate::app::components::settings_set_aside::SetAsideSection;
use crate::app::components::settings_storage::StorageSection;
use crate::i18n::Key;
use crate::t;

/// The sections, for the list of links at the top.
const SECTIONS: [(&str, Key); 12] = [
    ("language", Key::SettingsLanguageTitle),
    ("appearance", Key::SettingsAppearanceTitle),
    ("region", Key::SettingsTocRegion),
    ("recovery", Key::SettingsTocRecovery),
    ("reminders", Key::SettingsTocReminders),
    ("money", Key::SettingsTocMoney),
    ("backup", Key::BackupTitle),
    ("move", Key::SettingsTocMove),
    ("device", Key::SettingsTocDevice),
    ("storage", Key::SettingsStorageTitle),
    ("set-aside", Key::SettingsSetAsideTitle),
    ("delete", Key::SettingsDeleteTitle),
];

/// Scrolls to the section named in the address (the browser cannot: the
/// page is drawn after it has loaded).
fn scroll_to_hash() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return;
    }
    if let Some(el) = window.document().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    // Bumped by any section that changes what is stored, so the meter and
    // the set-aside list measure again.
    let changed = RwSignal::new(0u32);
    request_animation_frame(scroll_to_hash);
    let links = SECTIONS
        .iter()
        .map(|(id, name)| view! { <li><a href=format!("#{id}")>{t!(*name)}</a></li> })
        .collect_view();

    view! {
        <div class="settings">
            <h1>{t!(Key::SettingsTitle)}</h1>
            <nav class="settings__toc" aria-label=t!(Key::SettingsTocLabel)>
                <ul class="list-plain">{links}</ul>
            </nav>
            <LanguageSection/>
            <AppearanceSection/>
            <RegionSection/>
            <RecoverySection/>
            <RemindersSection/>
            <MoneySection/>
            <BackupSection changed/>
            <MoveSection/>
            <LockSection/>
            <InstallSection/>
            <StorageSection changed/>
            <SetAsideSection changed/>
            <DeleteSection/>
        </div>
    }
}
