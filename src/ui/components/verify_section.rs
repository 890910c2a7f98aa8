//! Section 7: verify the change. Paste the GetLogStore response read after sending; the table
//! shows each field sent against what the Logstore has now.

use crate::plan::FieldStatus;
use crate::ui::components::get_command::get_command;
use crate::ui::components::text_field::TextField;
use crate::ui::i18n::{self, S};
use crate::ui::state::Field;
use serde_json::Value;
use yew::prelude::*;

fn shown(v: &Option<Value>) -> Option<String> {
    v.as_ref().filter(|v| !v.is_null()).map(Value::to_string)
}

/// The verify section.
#[function_component(VerifySection)]
pub fn verify_section() -> Html {
    let ctx = crate::ui::hooks::use_app_if(|_, a, b| {
        a.lang() == b.lang() && a.plan.verification == b.plan.verification && a.plan.target == b.plan.target
    });
    let lang = ctx.lang();
    let result = match &ctx.plan.verification {
        None => html! {
            <div class="verification" data-output="verification">
                <p class="hint">{ ctx.t(S::VerifyEmpty) }</p>
            </div>
        },
        Some(v) if v.fields.is_empty() => html! {
            <div class="verification fail" data-output="verification" data-ok="false">
                <p class="verify-summary">{ ctx.t(S::VerifyNoRows) }</p>
            </div>
        },
        Some(v) => {
            let differing = v.fields.iter().filter(|r| r.status != FieldStatus::Same).count();
            let absent = ctx.t(S::VerifyAbsent);
            let value = |x: &Option<Value>| match shown(x) {
                Some(s) => html! { <code>{ s }</code> },
                None => html! { <span class="absent">{ absent }</span> },
            };
            html! {
                <div class={classes!("verification", if v.ok { "ok" } else { "fail" })} data-output="verification" data-ok={v.ok.to_string()}>
                    <p class="verify-summary">
                        <span class="mark" aria-hidden="true">{ if v.ok { "✓" } else { "✗" } }</span>
                        { i18n::verify_summary(lang, v.ok, differing, v.fields.len()) }
                    </p>
                    <div class="table-wrap">
                        <table class="verify-table">
                            <caption>{ ctx.t(S::VerifyCaption) }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ ctx.t(S::VerifyField) }</th>
                                    <th scope="col">{ ctx.t(S::VerifyExpected) }</th>
                                    <th scope="col">{ ctx.t(S::VerifyActual) }</th>
                                    <th scope="col">{ ctx.t(S::VerifyStatus) }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for v.fields.iter().map(|r| {
                                    let (mark, word) = match r.status {
                                        FieldStatus::Same => ("✓", S::VerifySame),
                                        FieldStatus::Differs => ("✗", S::VerifyDiffers),
                                        FieldStatus::Missing => ("✗", S::VerifyMissing),
                                    };
                                    html! {
                                        <tr key={r.field.clone()} class={r.status.as_str()} data-verify-field={r.field.clone()} data-status={r.status.as_str()}>
                                            <th scope="row"><code>{ r.field.clone() }</code></th>
                                            <td>{ value(&r.expected) }</td>
                                            <td>{ value(&r.actual) }</td>
                                            <td class="status"><span class="mark" aria-hidden="true">{ mark }</span>{ ctx.t(word) }</td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                </div>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="s7-title" id="verify">
            <h2 id="s7-title">{ ctx.t(S::S7Title) }</h2>
            <p class="hint">{ ctx.t(S::VerifyIntro) }</p>
            { get_command(&ctx, S::VerifyCommandIntro, "verify_get_logstore_command") }
            <TextField field={Field::After} hint={S::AfterHint} rows={12} placeholder="{ \"logstoreName\": \"…\", \"ttl\": 180, \"encrypt_conf\": { … }, … }" />
            { result }
        </section>
    }
}
