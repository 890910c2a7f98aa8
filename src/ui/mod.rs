//! The Yew single-page app: a view over the core. The form builds an intent, the core compiles
//! it on every change, and the page shows the plan.
//!
//! Public contract for integrators: every input control carries `data-field` (the JSON pointer
//! of the intent field it edits), every rendered finding `data-code`, every output block
//! `data-output` (its name).

mod app;
pub mod components;
pub mod crash;
pub mod highlight;
pub mod hooks;
pub mod i18n;
pub mod labels;
pub mod services;
pub mod state;

pub use app::App;

/// Mounts the app on the page's `#app` element (or the body when there is none).
pub fn start() {
    crash::install();
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
