//! Section 5: findings, the diff and the blast radius.

use crate::finding::Code;
use crate::ui::components::blast_radius::blast_radius;
use crate::ui::components::diff_view::diff_view;
use crate::ui::components::findings_list::FindingsList;
use crate::ui::i18n::S;
use crate::ui::state::{Action, AppContext, Field};
use yew::prelude::*;

/// The stored encrypt_conf to offer when the plan refused a permanence change (the plan's is then the allowed one).
fn adopt(ctx: &AppContext) -> Option<&serde_json::Value> {
    ctx.plan.encrypt_conf.as_ref().filter(|_| ctx.plan.has_any(Code::REFUSED_CHANGES))
}

/// The review section.
#[function_component(ReviewSection)]
pub fn review_section() -> Html {
    let store = crate::ui::hooks::use_store();
    let ctx = crate::ui::hooks::use_app_if(|_, a, b| {
        a.lang() == b.lang()
            && adopt(a) == adopt(b)
            && a.same_value(b, Field::Operation)
            && a.plan.diff == b.plan.diff
            && a.plan.blast_radius == b.plan.blast_radius
    });
    html! {
        <section class="card" aria-labelledby="s5-title">
            <h2 id="s5-title">{ ctx.t(S::S5Title) }</h2>
            // A refused permanence change: the plan's encrypt_conf is then the allowed one.
            if let Some(conf) = adopt(&ctx).cloned() {
                <div class="adopt" data-adopt="stored">
                    <p>{ ctx.t(S::AdoptStoredIntro) }</p>
                    <button type="button" class="btn" onclick={
                        // The form as it is when clicked (this section is not rendered again for every keystroke).
                        let store = store.clone();
                        Callback::from(move |_| {
                            let ctx = store.get();
                            ctx.dispatch(Action::Load(ctx.state.form.with_encrypt_conf(&conf), None));
                            crate::ui::services::focus::focus_id("plan");
                        })
                    }>{ ctx.t(S::AdoptStored) }</button>
                </div>
            }
            <FindingsList />
            { diff_view(&ctx) }
            { blast_radius(&ctx) }
        </section>
    }
}
