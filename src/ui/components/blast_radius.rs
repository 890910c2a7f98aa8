//! What naive partial updates would reset, per client.

use crate::ui::i18n::{self, S};
use crate::ui::state::AppContext;
use yew::prelude::*;

/// One entry per naive client, with the settings it would lose.
/// A plain function (no component of its own): the review section renders again when the blast radius changes.
pub fn blast_radius(ctx: &AppContext) -> Html {
    let lang = ctx.lang();
    let blast = &ctx.plan.blast_radius;
    if blast.is_empty() {
        return html! {};
    }
    html! {
        <div class="blast" data-blast-radius="">
            <h3>{ ctx.t(S::BlastTitle) }</h3>
            <ul>
                { for blast.iter().map(|b| html! {
                    <li data-client={b.client.as_str()}>
                        <p><strong>{ i18n::blast_client(lang, b.client) }</strong>{ if lang == i18n::Lang::En { ". " } else { "。" } }{ lang.pick(&b.description, &b.description_zh) }</p>
                        <p class="lost">
                            <span class="lost-label">{ ctx.t(S::BlastLost) }</span>{ " " }
                            if b.lost.is_empty() {
                                { ctx.t(S::BlastNone) }
                            } else {
                                { for b.lost.iter().map(|(k, v)| html! { <code class="lost-field">{ format!("{k} = {v}") }</code> }) }
                            }
                        </p>
                    </li>
                }) }
            </ul>
        </div>
    }
}
