//! Entry point: mount the app. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(waymark::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Waymark is a web app: build it with `trunk build --release` (see README.md).");
}
