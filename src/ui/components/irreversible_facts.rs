//! The two facts that cannot be undone, stated plainly next to the outputs.

use crate::ui::i18n::S;
use crate::ui::state::{AppContext, Field};
use yew::prelude::*;

/// The permanence of the choice and what a disabled or deleted CMK does.
/// A plain function (no component of its own), rendered with the outputs section.
pub fn irreversible_facts(ctx: &AppContext) -> Html {
    let byok = ctx.state.form.is(Field::Key, crate::choice::KeyKind::Byok);
    html! {
        <aside class="facts" aria-labelledby="facts-title" data-facts="">
            <h3 id="facts-title">
                <svg class="facts-icon" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
                    <path d="M8 1.5 L15 14.5 H1 Z" /><path d="M8 6 V10 M8 12 V12.5" class="glyph" />
                </svg>
                { ctx.t(S::FactsTitle) }
            </h3>
            <ol>
                <li data-fact="permanent">{ ctx.t(S::FactPermanent) }</li>
                <li data-fact="cmk">
                    { ctx.t(S::FactCmk) }
                    if !byok {
                        { " " }<span class="hint">{ ctx.t(S::FactCmkService) }</span>
                    }
                </li>
            </ol>
        </aside>
    }
}
