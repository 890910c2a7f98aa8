//! The findings grouped by severity, most severe first.

use crate::ui::components::finding_item::FindingItem;
use crate::ui::components::severity_icon::SeverityIcon;
use crate::ui::components::summary_bar::SEVERITIES;
use crate::ui::i18n::{self, S};
use crate::ui::state::AppContext;
use yew::prelude::*;

/// One group (heading + list) per severity present.
#[function_component(FindingsList)]
pub fn findings_list() -> Html {
    let Some(ctx) = use_context::<AppContext>() else { return html! {} };
    let lang = ctx.lang();
    let plan = &ctx.plan;
    html! {
        <div class="findings" id="findings" tabindex="-1" data-findings="">
            <h3>{ ctx.t(S::FindingsTitle) }</h3>
            if plan.findings.is_empty() {
                <p class="hint">{ ctx.t(S::NoFindings) }</p>
            } else {
                <p class="hint">{ ctx.t(S::FindingClickHint) }</p>
            }
            { for SEVERITIES.iter().filter_map(|s| {
                let group: Vec<_> = plan.findings.iter().filter(|f| f.severity == *s).collect();
                if group.is_empty() {
                    return None;
                }
                let id = format!("group-{}", s.as_str());
                Some(html! {
                    <section class={classes!("group", s.as_str())} aria-labelledby={id.clone()} data-group={s.as_str()}>
                        <h4 id={id}><SeverityIcon severity={*s} />{ i18n::severity_group(lang, *s, group.len()) }</h4>
                        <ul>
                            { for group.into_iter().enumerate().map(|(i, f)| html! {
                                <FindingItem key={format!("{}-{}-{i}", f.code, f.path)} finding={f.clone()} />
                            }) }
                        </ul>
                    </section>
                })
            }) }
        </div>
    }
}
