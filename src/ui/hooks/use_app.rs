//! The page's context, for every component, and the small slice of it the leaves read.

use crate::ui::i18n::Lang;
use crate::ui::state::AppContext;
use yew::prelude::*;

/// The state, the plan and the dispatcher, as [`crate::ui::app::App`] provides them. Every
/// component is rendered inside App's provider, so the context is always there; a component
/// rendered outside it is a programming error (never the user's input), reported by the panic hook.
/// A component reading it re-renders on every change of the state or plan.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside App's AppContext provider")
}

/// What the leaves (outputs, Copy buttons, findings) need of the page: its language and whether
/// the plan is a draft. Provided apart from [`AppContext`], so a leaf whose props are unchanged is
/// not rendered again on a keystroke that changes neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ambient {
    /// The interface language.
    pub lang: Lang,
    /// The plan has errors: every download is named a draft.
    pub draft: bool,
}

/// The page's [`Ambient`] (English, not a draft, outside the page's provider).
#[hook]
pub fn use_ambient() -> Ambient {
    use_context::<Ambient>().unwrap_or_default()
}
