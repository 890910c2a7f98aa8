//! What is left to fill in (a neutral checklist), then the findings grouped by severity, most
//! severe first.

use crate::finding::Severity;
use crate::ui::components::finding_item::FindingItem;
use crate::ui::components::severity_icon::severity_icon;
use crate::ui::i18n::{self, S};
use crate::ui::labels;
use crate::ui::services::focus;
use crate::ui::state::Action;
use yew::prelude::*;

/// The to-fill-in checklist and one group (heading + list) per severity present.
#[function_component(FindingsList)]
pub fn findings_list() -> Html {
    let ctx = crate::ui::hooks::use_app_if(|_, a, b| a.same_pending(b) && a.plan.findings == b.plan.findings);
    let lang = ctx.lang();
    let plan = &ctx.plan;
    let (todo, shown): (Vec<_>, Vec<_>) = plan.findings.iter().partition(|f| ctx.is_pending(f));
    let check_all = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.dispatch(Action::CheckAll);
            focus::focus_id("findings");
        })
    };
    html! {
        <div class="findings" id="findings" tabindex="-1" data-findings="">
            <h3>{ ctx.t(S::FindingsTitle) }</h3>
            if !todo.is_empty() {
                <section class="fill-list" aria-labelledby="todo-title" data-todo="">
                    <h4 id="todo-title">{ ctx.t(S::TodoTitle) }</h4>
                    <p class="hint">{ ctx.t(S::TodoHint) }</p>
                    <ul>
                        { for todo.iter().map(|f| {
                            let path = f.path.clone();
                            let onclick = Callback::from(move |_: MouseEvent| focus::go_to(&path, None, None));
                            html! {
                                <li data-todo-path={f.path.clone()}>
                                    <button type="button" class="todo-go" {onclick}>
                                        <span class="todo-box" aria-hidden="true"></span>
                                        <span class="todo-label">{ labels::pointer_label(lang, &f.path).unwrap_or(&f.path).to_string() }</span>
                                        <span class="hint">{ labels::humanize(lang, lang.pick(&f.fix, &f.fix_zh)) }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                    <button type="button" class="btn" data-action="check-all" onclick={check_all}>{ ctx.t(S::CheckAll) }</button>
                </section>
            }
            if shown.is_empty() && todo.is_empty() {
                <p class="hint">{ ctx.t(S::NoFindings) }</p>
            } else if !shown.is_empty() {
                <p class="hint">{ ctx.t(S::FindingClickHint) }</p>
            }
            // The groups are one keyed list of their own (in the list above with the heading and
            // hints, Yew would pair children from the end, and a group that comes or goes would
            // rebuild the heading and hints).
            <>{ for Severity::ALL.iter().filter_map(|s| {
                let group: Vec<_> = shown.iter().filter(|f| f.severity == *s).collect();
                if group.is_empty() {
                    return None;
                }
                let id = format!("group-{}", s.as_str());
                Some(html! {
                    <section key={s.as_str()} class={classes!("group", s.as_str())} aria-labelledby={id.clone()} data-group={s.as_str()}>
                        <h4 id={id}>{ severity_icon(*s) }{ i18n::severity_group(lang, *s, group.len()) }</h4>
                        <ul>
                            // Keyed by code and path (and which of that pair it is), so a finding
                            // that comes or goes leaves the others' items in place.
                            { for group.iter().enumerate().map(|(i, f)| {
                                let nth = group[..i].iter().filter(|g| g.code == f.code && g.path == f.path).count();
                                html! { <FindingItem key={format!("{}-{}-{nth}", f.code, f.path)} finding={(**f).clone()} /> }
                            }) }
                        </ul>
                    </section>
                })
            }) }</>
        </div>
    }
}
