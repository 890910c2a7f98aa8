//! The update's diff, read like a Terraform plan: kept, changed, added, dropped, with reasons.

use crate::plan::Change;
use crate::ui::i18n::S;
use crate::ui::state::{AppContext, Field};
use serde_json::Value;
use yew::prelude::*;

fn short(v: &Option<Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(v) => crate::limits::truncate(&v.to_string(), 80).to_string(),
    }
}

/// The diff list (update only).
/// A plain function (no component of its own): the review section renders again when the diff or the operation changes.
pub fn diff_view(ctx: &AppContext) -> Html {
    if !ctx.state.form.is(Field::Operation, crate::choice::Operation::Update) {
        return html! {};
    }
    let lang = ctx.lang();
    let diff = &ctx.plan.diff;
    html! {
        <div class="diff-wrap" data-diff="">
            <h3>{ ctx.t(S::DiffTitle) }</h3>
            if diff.is_empty() {
                <p class="hint">{ ctx.t(S::DiffEmpty) }</p>
            } else {
                <ul class="diff">
                    { for diff.iter().map(|d| {
                        let sign = match d.change {
                            Change::Added => "+",
                            Change::Changed => "~",
                            Change::Dropped => "-",
                            Change::Kept => "=",
                        };
                        let (before, after) = (short(&d.before), short(&d.after));
                        let value = match d.change {
                            Change::Changed => format!("{before} → {after}"),
                            Change::Dropped => before,
                            Change::Added | Change::Kept => after,
                        };
                        html! {
                            <li class={classes!("diff-line", d.change.as_str())} data-change={d.change.as_str()} data-diff-field={d.field.clone()}>
                                <span class="sign" aria-hidden="true">{ sign }</span>
                                <span class="change">{ d.change.label().get(lang).to_string() }</span>
                                <code class="field-name">{ d.field.clone() }</code>
                                <code class="value">{ value }</code>
                                <span class="reason">{ crate::ui::labels::humanize(lang, lang.pick(&d.reason, &d.reason_zh)) }</span>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
