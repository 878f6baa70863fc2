//! Entry point: mount the app. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The words come first: a Spanish reader's bundle is loaded (from the
    // service worker's cache after the first visit) before the first draw,
    // so no screen flashes in English.
    wasm_bindgen_futures::spawn_local(async {
        waymark::app::language::prepare().await;
        leptos::mount::mount_to_body(waymark::app::App);
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Waymark is a web app: build it with `trunk build --release` (see README.md).");
}
