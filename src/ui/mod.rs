//! The Yew single-page app: a view over the core.

mod app;

pub use app::App;

/// Mounts the app on the page's `#app` element.
pub fn start() {
    let root = gloo::utils::document().get_element_by_id("app").expect("index.html has an #app element");
    yew::Renderer::<App>::with_root(root).render();
}
