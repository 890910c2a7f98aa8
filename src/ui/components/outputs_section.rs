//! Section 6, what to run: the plan's steps as a checklist of commands first, then the
//! irreversible facts, then every output grouped in tabs (script, API bodies, Terraform, Python,
//! change ticket, intent). Every output stays in the page with its full text; only the tab
//! that shows it changes.

use crate::exports::ExportKind;
use crate::plan::{Api, PlanState};
use crate::ui::components::copy_button::CopyButton;
use crate::ui::components::irreversible_facts::irreversible_facts;
use crate::ui::components::output_block::OutputBlock;
use crate::ui::hooks::{Ambient, use_ambient};
use crate::ui::i18n::{self, S};
use crate::ui::state::AppContext;
use serde_json::Value;
use yew::prelude::*;

fn pretty(v: &Value) -> AttrValue {
    AttrValue::from(serde_json::to_string_pretty(v).unwrap_or_default())
}

/// The id of the tab that holds the Terraform export: the export's name.
const TERRAFORM_TAB: &str = ExportKind::Terraform.name();

/// The tabs, in order: (id, title).
const TABS: &[(&str, S)] = &[
    ("script", S::TabScript),
    ("bodies", S::TabBodies),
    (TERRAFORM_TAB, S::TabTerraform),
    ("python", S::TabPython),
    ("ticket", S::TabTicket),
    ("intent", S::TabIntent),
];

/// The tab an export belongs in.
pub fn tab_of_export(kind: ExportKind) -> &'static str {
    match kind {
        ExportKind::AliyunCli => "script",
        ExportKind::Terraform => TERRAFORM_TAB,
        ExportKind::PythonSdk => "python",
        ExportKind::Markdown => "ticket",
    }
}

/// The runbook checklist: one line per request, its command and Copy. Single commands bypass the
/// script's draft guard: shown only for a plan without errors. A plan with errors keeps it in the
/// page, hidden (not seen, not reachable, not read out), so typing that makes an error come and
/// go only flips an attribute instead of building the steps again.
fn runbook(ctx: &AppContext) -> Html {
    let lang = ctx.lang();
    let plan = &ctx.plan;
    html! {
        <div class="runbook" id="runbook" tabindex="-1" data-runbook="" aria-labelledby="runbook-title" hidden={!plan.ok}>
            <h3 id="runbook-title">{ ctx.t(S::RunbookTitle) }</h3>
            <p class="hint">{ ctx.t(S::RunbookHint) }</p>
            <ol class="steps">
                { for plan.requests.iter().map(|r| {
                    let command = r.command.clone().unwrap_or_default();
                    html! {
                        <li key={r.step} data-step={r.step.to_string()} data-api={r.api.as_str()}>
                            <div class="step-head">
                                <span class="step-n">{ r.step }</span>
                                <span class="step-title"><strong>{ r.api.as_str() }</strong>{ " " }<span class="step-purpose">{ lang.pick(&r.purpose, &r.purpose_zh).to_string() }</span></span>
                            </div>
                            <div class="step-cmd">
                                <code data-command="" tabindex="0">{ command.clone() }</code>
                                <CopyButton text={AttrValue::from(command)} what={AttrValue::from(i18n::step(lang, r.step, r.api))} />
                            </div>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}

/// The outputs section.
#[function_component(OutputsSection)]
pub fn outputs_section() -> Html {
    let chosen = use_state(|| "script");
    let ctx = crate::ui::hooks::use_app();
    let ambient = use_ambient();
    let plan = &ctx.plan;
    let panels = panels(&ctx);
    let present: Vec<&'static str> = panels.iter().filter(|(_, v)| !v.is_empty()).map(|(id, _)| *id).collect();
    let selected = if present.contains(&*chosen) { *chosen } else { present.first().copied().unwrap_or("intent") };
    let select = |id: &'static str| {
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| chosen.set(id))
    };
    let onkeydown = tab_keys(chosen.clone(), present.clone(), selected);
    let nothing = plan.state == PlanState::NothingToSend;
    let empty = plan.requests.is_empty() && plan.encrypt_conf.is_none() && plan.exports.is_empty();
    html! {
        <section class="card" aria-labelledby="s6-title" id="outputs">
            <h2 id="s6-title">{ ctx.t(S::S6Title) }</h2>
            if ctx.shows_errors() {
                <p class="draft" data-draft="">
                    <svg class="sev-icon error" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                        <circle cx="8" cy="8" r="7" /><path d="M5 5 L11 11 M11 5 L5 11" class="glyph" />
                    </svg>
                    { ctx.t(S::Draft) }
                </p>
            }
            if nothing {
                <div class="nothing-to-send" data-nothing-to-send="" role="note">
                    <h3>{ ctx.t(S::NothingToSendTitle) }</h3>
                    <p>{ ctx.t(S::NothingToSendBody) }</p>
                </div>
            } else if empty {
                <p class="hint">{ ctx.t(S::NothingYet) }</p>
            }
            if !plan.requests.is_empty() {
                { runbook(&ctx) }
            }
            { irreversible_facts(&ctx) }
            <div class="tabs" role="tablist" aria-label={ctx.t(S::TabsLabel)} {onkeydown}>
                { for TABS.iter().filter(|(id, _)| present.contains(id)).map(|(id, title)| {
                    let on = *id == selected;
                    html! {
                        <button key={*id} type="button" role="tab" class="tab" id={format!("tab-{id}")} data-tab={*id}
                            aria-selected={on.to_string()} aria-controls={format!("panel-{id}")} tabindex={if on { "0" } else { "-1" }}
                            onclick={select(id)}>{ ctx.t(*title) }</button>
                    }
                }) }
            </div>
            // The panels are a keyed list of their own (not paired from the end with the lines above).
            <>{ for panels.into_iter().filter(|(_, v)| !v.is_empty()).map(|(id, content)| html! {
                <div key={id} role="tabpanel" class="tab-panel" id={format!("panel-{id}")} aria-labelledby={format!("tab-{id}")} data-panel={id} hidden={id != selected}>
                    <ContextProvider<Ambient> context={Ambient { hidden: id != selected, ..ambient }}>{ for content }</ContextProvider<Ambient>>
                </div>
            }) }</>
        </section>
    }
}

/// Every output block, by tab: the exports, the bodies and requests, the intent.
fn panels(ctx: &AppContext) -> Vec<(&'static str, Vec<Html>)> {
    let lang = ctx.lang();
    let plan = &ctx.plan;
    let mut panels: Vec<(&'static str, Vec<Html>)> = TABS.iter().map(|(id, _)| (*id, Vec::new())).collect();
    let mut put = |tab: &str, h: Html| {
        if let Some((_, v)) = panels.iter_mut().find(|(id, _)| *id == tab) {
            v.push(h);
        }
    };
    for e in crate::exports::list(plan) {
        put(
            tab_of_export(e.kind),
            html! {
                <OutputBlock key={e.name} name={e.name} title={e.title.get(lang).to_string()} text={AttrValue::from(e.text)} plain={true}
                    file={Some((e.file_name, e.media_type))} />
            },
        );
    }
    for h in bodies(ctx) {
        put("bodies", h);
    }
    put(
        "intent",
        html! { <OutputBlock key="intent" name="intent" title="intent" description={ctx.t(S::IntentDesc)} text={pretty(&ctx.state.form.intent())} /> },
    );

    panels
}

/// The JSON the plan sends, each in its block: the encrypt_conf, the Logstore body, the RAM
/// documents, the dedicated encryption API's body, and every request in order.
fn bodies(ctx: &AppContext) -> Vec<Html> {
    let lang = ctx.lang();
    let plan = &ctx.plan;
    let mut out = Vec::new();
    if let Some(conf) = &plan.encrypt_conf {
        out.push(
            html! { <OutputBlock key="encrypt_conf" name="encrypt_conf" title={ctx.t(S::OutEncryptConf)} description={ctx.t(S::OutEncryptConfDesc)} text={pretty(conf)} /> },
        );
    }
    for (api, name, title, desc) in [
        (Api::UpdateLogStore, "update_logstore_body", S::OutUpdateBody, S::OutUpdateBodyDesc),
        (Api::CreateLogStore, "create_logstore_body", S::OutCreateBody, S::OutCreateBodyDesc),
    ] {
        if let Some(body) = plan.request(api).and_then(|r| r.body.as_ref()) {
            out.push(html! { <OutputBlock key={name} {name} title={ctx.t(title)} description={ctx.t(desc)} text={pretty(body)} /> });
        }
    }
    if let Some(p) = &plan.trust_policy {
        out.push(
            html! { <OutputBlock key="trust_policy" name="trust_policy" title={ctx.t(S::OutTrust)} description={ctx.t(S::OutTrustDesc)} text={pretty(p)} /> },
        );
    }
    if let Some(p) = &plan.passrole_policy {
        out.push(
            html! { <OutputBlock key="passrole_policy" name="passrole_policy" title={ctx.t(S::OutPassrole)} description={ctx.t(S::OutPassroleDesc)} text={pretty(p)} /> },
        );
    }
    for alt in &plan.alternatives {
        if let (Some(body), Api::UpdateLogStoreEncryption) = (&alt.body, alt.api) {
            out.push(html! {
                <OutputBlock key="update_logstore_encryption_body" name="update_logstore_encryption_body" title={ctx.t(S::OutAlternative)}
                    description={lang.pick(&alt.purpose, &alt.purpose_zh).to_string()}
                    detail={alt.request_line()} text={pretty(body)} />
            });
        }
    }
    if !plan.requests.is_empty() {
        let requests: Vec<Html> = plan
            .requests
            .iter()
            .map(|r| {
                html! {
                    <li key={r.step}>
                        <OutputBlock name={format!("request-{}", r.step)} title={i18n::step(lang, r.step, r.api)}
                            description={lang.pick(&r.purpose, &r.purpose_zh).to_string()}
                            detail={r.request_line()} text={pretty(&r.wire())} />
                    </li>
                }
            })
            .collect();
        out.push(
            html! { <key="requests"><h4 class="panel-sub">{ ctx.t(S::RequestsTitle) }</h4><ol class="requests">{ for requests }</ol></> },
        );
    }
    out
}

/// The tab list's keys: the arrows move to the next or previous tab present, Home and End to the
/// first and last; the tab chosen gets the focus.
fn tab_keys(chosen: UseStateHandle<&'static str>, present: Vec<&'static str>, selected: &'static str) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        let at = present.iter().position(|id| *id == selected).unwrap_or(0);
        let next = match e.key().as_str() {
            "ArrowRight" => (at + 1) % present.len(),
            "ArrowLeft" => (at + present.len() - 1) % present.len(),
            "Home" => 0,
            "End" => present.len() - 1,
            _ => return,
        };
        e.prevent_default();
        chosen.set(present[next]);
        if let Some(tab) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("tab-{}", present[next])))
        {
            use wasm_bindgen::JsCast;
            if let Some(el) = tab.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    })
}
