//! Section 1: which Logstore (Cloud Firewall preset or custom), and update or create.

use crate::ids::REGIONS;
use crate::ui::components::choice_group::ChoiceGroup;
use crate::ui::components::text_field::TextField;
use crate::ui::i18n::S;
use crate::ui::state::Field;
use yew::prelude::*;

/// The id of the region suggestions list.
pub const REGION_LIST: &str = "region-list";

/// The target section. The preset's project and Logstore names are read from the plan (the core fills them).
#[function_component(TargetSection)]
pub fn target_section() -> Html {
    let ctx =
        crate::ui::hooks::use_app_if(|_, a, b| a.lang() == b.lang() && a.same_value(b, Field::Target) && a.plan.target == b.plan.target);
    let form = &ctx.state.form;
    let preset = form.is(Field::Target, crate::choice::TargetKind::CloudFirewall);
    let target = ctx.plan.target.as_ref();
    let (project, logstore) = (target.and_then(|t| t.project.clone()), target.and_then(|t| t.logstore.clone()));
    html! {
        <section class="card" aria-labelledby="s1-title">
            <h2 id="s1-title">{ ctx.t(S::S1Title) }</h2>
            <ChoiceGroup field={Field::Target} />
            <div class="row">
                <TextField field={Field::AccountId} hint={S::AccountIdHint} inputmode="numeric" />
                <TextField field={Field::Region} hint={S::RegionHint} list={REGION_LIST} />
            </div>
            <datalist id={REGION_LIST}>
                { for REGIONS.iter().map(|r| html! { <option value={*r} /> }) }
            </datalist>
            if preset {
                <div class="derived">
                    if let (Some(p), Some(l)) = (project, logstore) {
                        <p>{ ctx.t(S::PresetFills) }</p>
                        <dl>
                            <dt>{ ctx.t(S::Project) }</dt><dd><code data-derived="project">{ p }</code></dd>
                            <dt>{ ctx.t(S::LogstoreName) }</dt><dd><code data-derived="logstore">{ l }</code></dd>
                        </dl>
                    } else {
                        <p>{ ctx.t(S::PresetNeeds) }</p>
                    }
                </div>
            } else {
                <div class="row">
                    <TextField field={Field::Project} placeholder="my-project" />
                    <TextField field={Field::Logstore} placeholder="app-logs" />
                </div>
            }
            <ChoiceGroup field={Field::Operation} />
        </section>
    }
}
