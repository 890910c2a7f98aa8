//! The page's context, for every component.

use crate::ui::state::AppContext;
use yew::prelude::*;

/// The state, the plan and the dispatcher, as [`crate::ui::app::App`] provides them. Every
/// component is rendered inside App's provider, so the context is always there; a component
/// rendered outside it is a programming error (never the user's input), reported by the panic hook.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside App's AppContext provider")
}
