//! The update's diff, read like a Terraform plan: kept, changed, added, dropped, with reasons.

use crate::ui::i18n::S;
use crate::ui::state::Field;
use serde_json::Value;
use yew::prelude::*;

fn short(v: &Option<Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(v) => {
            let s = v.to_string();
            if s.chars().count() > 80 { format!("{}…", s.chars().take(80).collect::<String>()) } else { s }
        }
    }
}

/// The diff list (update only).
#[function_component(DiffView)]
pub fn diff_view() -> Html {
    let ctx = crate::ui::hooks::use_app();
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
                        let (sign, word) = match d.change {
                            "added" => ("+", S::DiffAdded),
                            "changed" => ("~", S::DiffChanged),
                            "dropped" => ("-", S::DiffDropped),
                            _ => ("=", S::DiffKept),
                        };
                        let (before, after) = (short(&d.before), short(&d.after));
                        let value = match d.change {
                            "changed" => format!("{before} → {after}"),
                            "dropped" => before,
                            _ => after,
                        };
                        html! {
                            <li class={classes!("diff-line", d.change)} data-change={d.change} data-diff-field={d.field.clone()}>
                                <span class="sign" aria-hidden="true">{ sign }</span>
                                <span class="change">{ ctx.t(word) }</span>
                                <code class="field-name">{ d.field.clone() }</code>
                                <code class="value">{ value }</code>
                                <span class="reason">{ crate::ui::i18n::humanize(lang, lang.pick(&d.reason, &d.reason_zh)) }</span>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
