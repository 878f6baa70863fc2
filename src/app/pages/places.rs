//! People, places and situations (steps 5 and 6): which ones support your
//! recovery, which are risky, and your plan for each risky one. Risky ones
//! become trigger choices in the daily check-in.

use crate::app::components::record_fields::{RadioGroup, TextField};
use crate::app::components::record_form::{use_record_form, FormCtl, RecordForm, RecordFormFrame};
use crate::app::components::record_list::{RowActions, UndoDelete};
use crate::app::components::record_steps::StepLinks;
use crate::app::hooks::{use_collection, CollectionHandle};
use crate::content::ToolId;
use crate::domain::tools::{FieldError, PlaceItem, PlaceKind, RiskPlan, SafetyRating};
use crate::i18n::Key;
use crate::t;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The stored name of an enum value ("risky"), for form values and drafts.
fn key_of<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The enum value for a name from [`key_of`].
fn from_key<T: DeserializeOwned>(key: &str) -> Option<T> {
    if key.is_empty() {
        return None;
    }
    serde_json::from_value(serde_json::Value::String(key.to_owned())).ok()
}

/// The inventory form, as picked and typed. The plan is kept while the
/// rating is not "risky" (so switching back brings it back) but only saved
/// for a risky item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct PlaceForm {
    kind: String,
    name: String,
    rating: String,
    plan: String,
    plan_note: String,
}

impl RecordForm for PlaceForm {
    type Record = PlaceItem;

    fn blank() -> Self {
        PlaceForm {
            kind: key_of(&PlaceKind::Place),
            ..PlaceForm::default()
        }
    }

    fn from_record(p: &PlaceItem) -> Self {
        PlaceForm {
            kind: key_of(&p.kind),
            name: p.name.clone(),
            rating: key_of(&p.rating),
            plan: p.plan.as_ref().map(key_of).unwrap_or_default(),
            plan_note: p.plan_note.clone(),
        }
    }

    fn to_record(&self, id: String, now_ms: i64) -> Result<PlaceItem, Vec<FieldError>> {
        let mut errors = Vec::new();
        let rating = from_key::<SafetyRating>(&self.rating);
        if rating.is_none() {
            errors.push(FieldError::new("rating", t!(Key::PlacesRatingRequired)));
        }
        let rating = rating.unwrap_or_default();
        let risky = rating == SafetyRating::Risky;
        let item = PlaceItem {
            id,
            kind: from_key(&self.kind).unwrap_or_default(),
            name: self.name.trim().to_owned(),
            rating,
            plan: if risky { from_key(&self.plan) } else { None },
            plan_note: if risky {
                self.plan_note.trim_end().to_owned()
            } else {
                String::new()
            },
            updated_ms: now_ms,
        };
        if let Err(more) = item.validate() {
            errors.extend(more);
        }
        if errors.is_empty() {
            Ok(item)
        } else {
            Err(errors)
        }
    }
}

/// The order the inventory is listed in: risky first, as they need a plan.
const GROUPS: [SafetyRating; 3] = [
    SafetyRating::Risky,
    SafetyRating::Supportive,
    SafetyRating::Neutral,
];

#[component]
pub fn PlacesPage() -> impl IntoView {
    let items = use_collection::<PlaceItem>();
    let ctl = use_record_form::<PlaceForm>("place");
    let undo = UndoDelete::new(items, "place");

    let kinds: Vec<(String, String)> = PlaceKind::ALL
        .iter()
        .map(|k| (key_of(k), k.label().to_owned()))
        .collect();
    let ratings: Vec<(String, String)> = SafetyRating::ALL
        .iter()
        .map(|r| (key_of(r), r.label().to_owned()))
        .collect();
    let plans: Vec<(String, String)> = RiskPlan::ALL
        .iter()
        .map(|p| (key_of(p), p.label().to_owned()))
        .collect();
    let risky_key = key_of(&SafetyRating::Risky);
    let state = ctl.state;
    let is_risky = move || state.with(|s| s.form.rating == risky_key);

    let list = move || {
        let all: Vec<PlaceItem> = items.items.get().into_iter().map(|e| e.value).collect();
        if all.is_empty() {
            return view! {
                <p class="muted">{t!(Key::PlacesEmpty)}</p>
            }
            .into_any();
        }
        GROUPS
            .iter()
            .map(|rating| {
                let group: Vec<PlaceItem> =
                    all.iter().filter(|i| i.rating == *rating).cloned().collect();
                (!group.is_empty()).then(|| {
                    view! {
                        <h3>{rating.label()}</h3>
                        <ul class="list-plain record-list">
                            {group.into_iter().map(|i| place_row(i, items, ctl, undo)).collect_view()}
                        </ul>
                    }
                })
            })
            .collect_view()
            .into_any()
    };

    view! {
        <div class="record-page">
            <h1>{t!(Key::PlacesTitle)}</h1>
            <StepLinks tool=ToolId::Places/>
            <p class="notice">{t!(Key::PlacesNotice)}</p>
            <section class="record-section" aria-labelledby="places-list-title">
                <h2 id="places-list-title">{t!(Key::PlacesListTitle)}</h2>
                {list}
                {undo.view()}
            </section>
            <RecordFormFrame
                ctl=ctl
                handle=items
                collapsed=Signal::derive(move || items.items.with(|i| !i.is_empty()))
                title_new=t!(Key::PlacesAdd)
                title_edit=t!(Key::PlacesChange)
                save_label=t!(Key::RecordsSave)
            >
                <RadioGroup id=ctl.id("kind") legend=t!(Key::PlacesKindLegend) name="place-kind" options=kinds
                    bind=ctl.bind(|f| f.kind.clone(), |f, v| f.kind = v) error=ctl.error("kind")/>
                <TextField id=ctl.id("name") label=t!(Key::PlacesNameLabel) autocomplete="off"
                    hint=t!(Key::PlacesNameHint)
                    bind=ctl.bind(|f| f.name.clone(), |f, v| f.name = v) error=ctl.error("name")/>
                <RadioGroup id=ctl.id("rating") legend=t!(Key::PlacesRatingLegend) name="place-rating"
                    options=ratings
                    bind=ctl.bind(|f| f.rating.clone(), |f, v| f.rating = v) error=ctl.error("rating")/>
                <Show when=is_risky>
                    <RadioGroup id=ctl.id("plan") legend=t!(Key::PlacesPlanLegend) name="place-plan"
                        options=plans.clone()
                        bind=ctl.bind(|f| f.plan.clone(), |f, v| f.plan = v) error=ctl.error("plan")/>
                    <TextField id=ctl.id("plan_note") label=t!(Key::PlacesPlanNoteLabel) multiline=true
                        hint=t!(Key::PlacesPlanNoteHint)
                        bind=ctl.bind(|f| f.plan_note.clone(), |f, v| f.plan_note = v)
                        error=ctl.error("plan_note")/>
                </Show>
            </RecordFormFrame>
        </div>
    }
}

fn place_row(
    item: PlaceItem,
    items: CollectionHandle<PlaceItem>,
    ctl: FormCtl<PlaceForm>,
    undo: UndoDelete<PlaceItem>,
) -> impl IntoView {
    let name = item.name.trim().to_owned();
    let id = item.id.clone();
    let edit_id = id.clone();
    let delete_name = name.clone();
    let on_edit = Callback::new(move |_| {
        if let Some(env) = items.get(&edit_id) {
            ctl.edit(&env);
        }
    });
    let on_delete = Callback::new(move |_| {
        if undo.delete(&id, delete_name.clone()) {
            ctl.forget(&id);
        }
    });
    let plan = item.is_risky().then(|| {
        let sentence = item
            .plan
            .map(RiskPlan::sentence)
            .unwrap_or(t!(Key::PlacesNoPlan));
        let note = (!item.plan_note.trim().is_empty())
            .then(|| view! { <p class="record-row__notes">{item.plan_note.clone()}</p> });
        view! {
            <p><span class="record-row__label">{t!(Key::PlacesYourPlan)} " "</span>{sentence}</p>
            {note}
        }
    });
    view! {
        <li class="card record-row">
            <p class="record-row__title">{name.clone()}</p>
            <p class="muted small">{item.kind.label()}</p>
            {plan}
            <RowActions name=name on_edit=on_edit on_delete=on_delete/>
        </li>
    }
}
