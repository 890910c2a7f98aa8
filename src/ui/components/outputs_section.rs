//! Section 6: the irreversible facts, then every output of the plan.

use crate::ui::components::irreversible_facts::IrreversibleFacts;
use crate::ui::components::output_block::OutputBlock;
use crate::ui::i18n::{self, S};
use crate::ui::state::AppContext;
use serde_json::{Map, Value, json};
use yew::prelude::*;

fn pretty(v: &Value) -> AttrValue {
    AttrValue::from(serde_json::to_string_pretty(v).unwrap_or_default())
}

/// The outputs section.
#[function_component(OutputsSection)]
pub fn outputs_section() -> Html {
    let Some(ctx) = use_context::<AppContext>() else { return html! {} };
    let lang = ctx.lang();
    let plan = &ctx.plan;
    let mut docs: Vec<Html> = Vec::new();
    if let Some(conf) = &plan.encrypt_conf {
        docs.push(html! { <OutputBlock name="encrypt_conf" title={ctx.t(S::OutEncryptConf)} description={ctx.t(S::OutEncryptConfDesc)} text={pretty(conf)} /> });
    }
    for (api, name, title, desc) in [
        ("UpdateLogStore", "update_logstore_body", S::OutUpdateBody, S::OutUpdateBodyDesc),
        ("CreateLogStore", "create_logstore_body", S::OutCreateBody, S::OutCreateBodyDesc),
    ] {
        if let Some(body) = plan.request(api).and_then(|r| r.body.as_ref()) {
            docs.push(html! { <OutputBlock {name} title={ctx.t(title)} description={ctx.t(desc)} text={pretty(body)} /> });
        }
    }
    if let Some(p) = &plan.trust_policy {
        docs.push(
            html! { <OutputBlock name="trust_policy" title={ctx.t(S::OutTrust)} description={ctx.t(S::OutTrustDesc)} text={pretty(p)} /> },
        );
    }
    if let Some(p) = &plan.passrole_policy {
        docs.push(html! { <OutputBlock name="passrole_policy" title={ctx.t(S::OutPassrole)} description={ctx.t(S::OutPassroleDesc)} text={pretty(p)} /> });
    }
    for alt in &plan.alternatives {
        if let (Some(body), "UpdateLogStoreEncryption") = (&alt.body, alt.api) {
            docs.push(html! {
                <OutputBlock name="update_logstore_encryption_body" title={ctx.t(S::OutAlternative)}
                    description={lang.pick(&alt.purpose, &alt.purpose_zh).to_string()}
                    detail={format!("{} https://{}{}", alt.method, alt.host, alt.path)} text={pretty(body)} />
            });
        }
    }
    let requests: Vec<Html> = plan
        .requests
        .iter()
        .map(|r| {
            let mut whole = Map::new();
            whole.insert("api".into(), json!(r.api));
            whole.insert("method".into(), json!(r.method));
            whole.insert("host".into(), json!(r.host));
            whole.insert("path".into(), json!(r.path));
            if !r.query.is_empty() {
                whole.insert("query".into(), Value::Object(r.query.clone()));
            }
            if let Some(body) = &r.body {
                whole.insert("body".into(), body.clone());
            }
            html! {
                <li key={r.step}>
                    <OutputBlock name={format!("request-{}", r.step)} title={i18n::step(lang, r.step, r.api)}
                        description={lang.pick(&r.purpose, &r.purpose_zh).to_string()}
                        detail={format!("{} https://{}{}", r.method, r.host, r.path)} text={pretty(&Value::Object(whole))} />
                </li>
            }
        })
        .collect();
    let exports: Vec<Html> = plan
        .exports
        .iter()
        .map(|(key, value)| {
            let (text, plain) = match value {
                Value::String(s) => (AttrValue::from(s.clone()), true),
                other => (pretty(other), false),
            };
            html! { <OutputBlock key={key.clone()} name={key.clone()} title={i18n::export_title(lang, key)} {text} {plain} /> }
        })
        .collect();
    let empty = docs.is_empty() && requests.is_empty() && exports.is_empty();
    html! {
        <section class="card" aria-labelledby="s6-title" id="outputs">
            <h2 id="s6-title">{ ctx.t(S::S6Title) }</h2>
            <IrreversibleFacts />
            if !plan.ok {
                <p class="draft" data-draft="">
                    <svg class="sev-icon error" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                        <circle cx="8" cy="8" r="7" /><path d="M5 5 L11 11 M11 5 L5 11" class="glyph" />
                    </svg>
                    { ctx.t(S::Draft) }
                </p>
            }
            if empty {
                <p class="hint">{ ctx.t(S::NothingYet) }</p>
            }
            if !docs.is_empty() {
                <h3>{ ctx.t(S::ArtifactsTitle) }</h3>
                { for docs }
            }
            if !requests.is_empty() {
                <h3>{ ctx.t(S::RequestsTitle) }</h3>
                <ol class="requests">{ for requests }</ol>
            }
            if !exports.is_empty() {
                <h3>{ ctx.t(S::ExportsTitle) }</h3>
                { for exports }
            }
            <h3>{ ctx.t(S::IntentTitle) }</h3>
            <OutputBlock name="intent" title="intent" description={ctx.t(S::IntentDesc)} text={pretty(&ctx.state.form.intent())} />
        </section>
    }
}
