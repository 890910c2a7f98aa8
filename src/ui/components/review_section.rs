//! Section 5: findings, the diff and the blast radius.

use crate::ui::components::blast_radius::BlastRadius;
use crate::ui::components::diff_view::DiffView;
use crate::ui::components::findings_list::FindingsList;
use crate::ui::i18n::S;
use crate::ui::state::AppContext;
use yew::prelude::*;

/// The review section.
#[function_component(ReviewSection)]
pub fn review_section() -> Html {
    let Some(ctx) = use_context::<AppContext>() else { return html! {} };
    html! {
        <section class="card" aria-labelledby="s5-title">
            <h2 id="s5-title">{ ctx.t(S::S5Title) }</h2>
            <FindingsList />
            <DiffView />
            <BlastRadius />
        </section>
    }
}
