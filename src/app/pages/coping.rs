//! The coping toolbox (steps 8 and 9): healthy things to do instead of
//! using. Starter ideas are one tap to add; your own ideas sit beside them.
//! Rating how much each one helps brings the best ones to the top.

use crate::app::components::record_fields::{parse_scale, scale_options, RadioGroup, TextField};
use crate::app::components::record_form::{
    use_record_form, Binding, FormCtl, RecordForm, RecordFormFrame,
};
use crate::app::components::record_list::{RowActions, UndoDelete};
use crate::app::components::record_steps::StepLinks;
use crate::app::hooks::{use_collection, CollectionHandle};
use crate::app::state::now_ms;
use crate::content::{coping, ToolId};
use crate::data::envelope::Envelope;
use crate::domain::tools::{best_first, CopingIdea, FieldError};
use crate::i18n::{tr, Key};
use crate::t;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

/// Words at the ends of the "how much does it help" scale.
fn help_word(n: u8) -> Option<&'static str> {
    match n {
        1 => Some(tr(Key::CopingALittle)),
        5 => Some(tr(Key::CopingALot)),
        _ => None,
    }
}

/// The idea form, as typed. Whether it is a starter idea and its rating are
/// carried through an edit unchanged (the rating is set in the list).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct CopingForm {
    name: String,
    how: String,
    starter: bool,
    rating: Option<u8>,
}

impl RecordForm for CopingForm {
    type Record = CopingIdea;

    fn blank() -> Self {
        CopingForm::default()
    }

    fn from_record(c: &CopingIdea) -> Self {
        CopingForm {
            name: c.name.clone(),
            how: c.how.clone(),
            starter: c.starter,
            rating: c.rating,
        }
    }

    fn to_record(&self, id: String, now_ms: i64) -> Result<CopingIdea, Vec<FieldError>> {
        let idea = CopingIdea {
            id,
            name: self.name.trim().to_owned(),
            how: self.how.trim_end().to_owned(),
            starter: self.starter,
            rating: self.rating,
            updated_ms: now_ms,
        };
        idea.validate().map(|_| idea)
    }
}

#[component]
pub fn CopingPage() -> impl IntoView {
    let ideas = use_collection::<CopingIdea>();
    let ctl = use_record_form::<CopingForm>("coping");
    let undo = UndoDelete::new(ideas, "coping");
    let problem = RwSignal::new(None::<String>);

    // Rows are keyed by what they show apart from the rating, so picking a
    // rating changes the row in place (the radio the user touched stays the
    // same element) and only moves it when its rank changes.
    let ordered = move || {
        ideas.items.with(|envs| {
            let values: Vec<CopingIdea> = envs.iter().map(|e| e.value.clone()).collect();
            best_first(&values)
                .into_iter()
                .filter_map(|v| envs.iter().find(|e| e.value.id == v.id).cloned())
                .collect::<Vec<Envelope<CopingIdea>>>()
        })
    };
    let toolbox = view! {
        <Show
            when=move || ideas.items.with(|i| !i.is_empty())
            fallback=|| view! {
                <p class="muted">{t!(Key::CopingEmpty)}</p>
            }
        >
            <ul class="list-plain record-list">
                <For
                    each=ordered
                    key=|env| {
                        (
                            env.value.id.clone(),
                            env.value.name.clone(),
                            env.value.how.clone(),
                            env.value.starter,
                        )
                    }
                    children=move |env| idea_row(env, ideas, ctl, undo, problem)
                />
            </ul>
        </Show>
    };

    let starters = move || {
        let have: Vec<String> = ideas
            .items
            .with(|items| items.iter().map(|e| e.value.id.clone()).collect());
        let left: Vec<_> = coping()
            .ideas
            .iter()
            .filter(|i| !have.contains(&i.id))
            .collect();
        if left.is_empty() {
            return view! { <p class="muted">{t!(Key::CopingAllAdded)}</p> }.into_any();
        }
        view! {
            <ul class="list-plain record-list">
                {left
                    .into_iter()
                    .map(|i| {
                        let starter = CopingIdea {
                            id: i.id.clone(),
                            name: i.name.clone(),
                            how: i.how.clone(),
                            starter: true,
                            rating: None,
                            updated_ms: 0,
                        };
                        let name = i.name.clone();
                        view! {
                            <li class="record-row record-row--compact">
                                <div>
                                    <p class="record-row__title">{i.name.clone()}</p>
                                    <p class="small muted">{i.how.clone()}</p>
                                </div>
                                <button type="button" class="button" on:click=move |_| {
                                    let mut idea = starter.clone();
                                    idea.updated_ms = now_ms();
                                    problem.set(ideas.save(idea, None).err());
                                }>
                                    {t!(Key::CopingAdd)} <span class="visually-hidden">" " {name}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    view! {
        <div class="record-page">
            <h1>{t!(Key::CopingTitle)}</h1>
            <StepLinks tool=ToolId::Coping/>
            <section class="record-section" aria-labelledby="coping-list-title">
                <h2 id="coping-list-title">{t!(Key::CopingListTitle)}</h2>
                <p class="small muted">{t!(Key::CopingRateHint)}</p>
                {move || problem.get().map(|m| view! { <p class="notice notice--danger" role="alert">{m}</p> })}
                {toolbox}
                {undo.view()}
            </section>
            <section class="record-section" aria-labelledby="coping-starters-title">
                <h2 id="coping-starters-title">{t!(Key::CopingStartersTitle)}</h2>
                {starters}
            </section>
            <RecordFormFrame
                ctl=ctl
                handle=ideas
                collapsed=Signal::derive(move || ideas.items.with(|i| !i.is_empty()))
                title_new=t!(Key::CopingAddOwn)
                title_edit=t!(Key::CopingChange)
                save_label=t!(Key::CopingSave)
            >
                <TextField id=ctl.id("name") label=t!(Key::CopingIdeaLabel) autocomplete="off"
                    hint=t!(Key::CopingIdeaHint)
                    bind=ctl.bind(|f| f.name.clone(), |f, v| f.name = v) error=ctl.error("name")/>
                <TextField id=ctl.id("how") label=t!(Key::CopingHowLabel) multiline=true
                    bind=ctl.bind(|f| f.how.clone(), |f, v| f.how = v) error=ctl.error("how")/>
            </RecordFormFrame>
        </div>
    }
}

fn idea_row(
    env: Envelope<CopingIdea>,
    ideas: CollectionHandle<CopingIdea>,
    ctl: FormCtl<CopingForm>,
    undo: UndoDelete<CopingIdea>,
    problem: RwSignal<Option<String>>,
) -> impl IntoView {
    let idea = env.value.clone();
    let name = idea.name.trim().to_owned();
    let id = idea.id.clone();
    let edit_id = id.clone();
    let rate_id = id.clone();
    let live_id = id.clone();
    let delete_name = name.clone();
    let on_edit = Callback::new(move |_| {
        if let Some(env) = ideas.get(&edit_id) {
            ctl.edit(&env);
        }
    });
    let on_delete = Callback::new(move |_| {
        if undo.delete(&id, delete_name.clone()) {
            ctl.forget(&id);
        }
    });
    // A rating is saved as soon as it is picked, on the freshest copy.
    let group = format!("coping-rating-{}", idea.id);
    let current = Signal::derive(move || {
        ideas.items.with(|items| {
            items
                .iter()
                .find(|e| e.value.id == live_id)
                .and_then(|e| e.value.rating)
                .map(|r| r.to_string())
                .unwrap_or_default()
        })
    });
    let rating = Binding::new(current, move |v: String| {
        let Some(env) = ideas.get(&rate_id) else {
            return;
        };
        let mut updated = env.value.clone();
        updated.rating = parse_scale(&v);
        updated.updated_ms = now_ms();
        problem.set(ideas.save(updated, Some(env.rev)).err());
        // The list is drawn again (the idea may move up): keep the focus on
        // the rating just picked.
        let selector = format!("input[name=\"{group}\"]:checked");
        request_animation_frame(move || {
            if let Some(el) = document()
                .query_selector(&selector)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    });
    let how = (!idea.how.trim().is_empty())
        .then(|| view! { <p class="record-row__notes">{idea.how.clone()}</p> });
    let tag = idea
        .starter
        .then(|| view! { <span class="record-tag">{t!(Key::CopingStarterTag)}</span> });
    view! {
        <li class="card record-row">
            <p class="record-row__title">{name.clone()} " " {tag}</p>
            {how}
            <RadioGroup
                id=format!("coping-rating-{}", idea.id)
                legend=t!(Key::CopingHelpLegend)
                name=format!("coping-rating-{}", idea.id)
                options=scale_options(help_word)
                bind=rating
            />
            <RowActions name=name on_edit=on_edit on_delete=on_delete/>
        </li>
    }
}
