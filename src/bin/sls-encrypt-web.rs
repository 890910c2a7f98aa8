//! The web app entry point that Trunk builds.

#[cfg(target_arch = "wasm32")]
fn main() {
    sls_encrypt::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sls-encrypt-web is the browser app: build it with `trunk build` (see README).");
}
