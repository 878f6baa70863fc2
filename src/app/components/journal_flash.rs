//! Messages that outlive the screen that caused them: "Check-in saved", the
//! "saved as a copy" note, and the undo offer after a delete. The check-in
//! form goes to the journal list right after saving or deleting, so the list
//! has to be the one that shows them. They live only in memory: a reload
//! drops them, which is fine because every save has already happened.

use crate::app::hooks::use_collection;
use crate::data::envelope::Envelope;
use crate::domain::checkin::CheckIn;
use crate::i18n::Key;
use crate::t;
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    static FLASH: RefCell<Option<String>> = const { RefCell::new(None) };
    static DELETED: RefCell<Option<Envelope<CheckIn>>> = const { RefCell::new(None) };
}

/// Shows `message` on the journal list the next time it opens.
pub fn set_flash(message: impl Into<String>) {
    let message = message.into();
    FLASH.with(|f| *f.borrow_mut() = Some(message));
}

/// Keeps a deleted check-in so the journal list can offer "Undo".
pub fn remember_deleted(envelope: Envelope<CheckIn>) {
    DELETED.with(|d| *d.borrow_mut() = Some(envelope));
}

fn take_flash() -> Option<String> {
    FLASH.with(|f| f.borrow_mut().take())
}

fn take_deleted() -> Option<Envelope<CheckIn>> {
    DELETED.with(|d| d.borrow_mut().take())
}

/// The saved/copied message and the undo offer, at the top of the journal.
/// The undo stays until it is used, dismissed, or the user leaves the list.
#[component]
pub fn JournalFlash() -> impl IntoView {
    let checkins = use_collection::<CheckIn>();
    let flash = RwSignal::new(take_flash());
    let deleted = RwSignal::new(take_deleted());
    let undo_error = RwSignal::new(None::<String>);

    let undo = move |_| {
        let Some(env) = deleted.get_untracked() else {
            return;
        };
        // Saved again as a new record: the delete removed the old one.
        match checkins.save(env.value, None) {
            Ok(_) => {
                deleted.set(None);
                undo_error.set(None);
                flash.set(Some(t!(Key::JournalUndoneDelete).to_string()));
            }
            Err(message) => undo_error.set(Some(message)),
        }
    };

    view! {
        <div class="journal-flash" role="status" aria-live="polite">
            {move || flash.get().map(|message| view! {
                <div class="notice notice--ok">
                    <p>{message}</p>
                </div>
            })}
            {move || deleted.get().map(|_| view! {
                <div class="notice">
                    <p>{t!(Key::JournalDeleted)}</p>
                    <div class="row">
                        <button type="button" class="button button--primary" on:click=undo>{t!(Key::JournalUndo)}</button>
                        <button type="button" class="button button--quiet" on:click=move |_| deleted.set(None)>
                            {t!(Key::JournalDismiss)}
                        </button>
                    </div>
                    {move || undo_error.get().map(|m| view! { <p class="field__error">{m}</p> })}
                </div>
            })}
        </div>
    }
}
