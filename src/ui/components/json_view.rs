//! JSON with syntax colouring: one `<span class>` per token, never raw HTML.

use crate::ui::highlight::tokens;
use yew::prelude::*;

/// Props of [`JsonView`].
#[derive(Properties, PartialEq)]
pub struct JsonViewProps {
    /// The text (pretty JSON, or plain text when `plain`).
    pub text: AttrValue,
    /// Show as plain text (scripts, Terraform).
    #[prop_or_default]
    pub plain: bool,
    /// What the block shows (kept as `data-label` for tests and tooling).
    pub label: AttrValue,
}

/// A focusable, scrollable `<pre>` (re-rendered only when the text changes or it is shown; see
/// [`crate::ui::hooks::Ambient::hidden`]).
#[function_component(JsonView)]
pub fn json_view(props: &JsonViewProps) -> Html {
    let shown = !crate::ui::hooks::use_ambient().hidden;
    let body = if props.plain || !shown {
        html! { { props.text.clone() } }
    } else {
        tokens(&props.text)
            .into_iter()
            .map(|(kind, piece)| html! { <span class={kind.class()}>{ piece.to_string() }</span> })
            .collect::<Html>()
    };
    html! {
        <pre class={classes!("code", (!props.plain).then_some("json"))} tabindex="0" data-label={props.label.clone()}><code>{ body }</code></pre>
    }
}
