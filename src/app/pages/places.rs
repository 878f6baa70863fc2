//! People, places and situations.

use leptos::prelude::*;

#[component]
pub fn PlacesPage() -> impl IntoView {
    view! { <h1>"People, places and situations"</h1> }
}
