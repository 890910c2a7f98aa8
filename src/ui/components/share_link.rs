//! Share the form as a link: first say what the link will contain (pasted texts, ids), then copy
//! it; with the option to leave the account id out.

use crate::ui::hooks::{CopyState, use_copy};
use crate::ui::i18n::{Lang, S};
use crate::ui::services::hash;
use crate::ui::state::{Action, Field, Kind};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// One line of "the link will contain": the field's label and its value, shortened; pasted
/// texts by their size.
fn entry(lang: Lang, field: Field, value: &serde_json::Value) -> (String, String) {
    let label = field.label().text(lang).to_string();
    let text = match value {
        serde_json::Value::String(s) if field.is_pasted() => match lang {
            Lang::En => format!("pasted text, {} characters", s.chars().count()),
            Lang::Zh => format!("粘贴的文本，{} 个字符", s.chars().count()),
        },
        serde_json::Value::String(s) if s.chars().count() > 48 => format!("{}…", s.chars().take(47).collect::<String>()),
        serde_json::Value::String(s) => s.clone(),
        other => match (field.kind(), other) {
            (Kind::Flag, serde_json::Value::Bool(b)) => lang.pick(if *b { "on" } else { "off" }, if *b { "开" } else { "关" }).to_string(),
            _ => other.to_string(),
        },
    };
    (label, text)
}

/// What the link will contain (the form's fields as the link writes them), whether the account id
/// is left out, and a warning when it carries pasted text.
#[function_component(ShareContents)]
fn share_contents() -> Html {
    let ctx = crate::ui::hooks::use_app_if(|_, a, b| {
        a.lang() == b.lang() && a.state.redact == b.state.redact && std::rc::Rc::ptr_eq(&a.state.form, &b.state.form)
    });
    let lang = ctx.lang();
    let form = &ctx.state.form;
    let map = form.to_map(false, ctx.state.redact);
    let entries: Vec<(String, String)> = map.iter().filter_map(|(k, v)| Field::from_key(k).map(|f| entry(lang, f, v))).collect();
    let pasted = Field::ALL.iter().any(|f| f.is_pasted() && form.active(*f) && !form.text(*f).trim().is_empty());
    html! {
        <>
            if entries.is_empty() {
                <p>{ ctx.t(S::ShareDefaults) }</p>
            } else {
                <p>{ ctx.t(S::ShareContains) }</p>
                <dl data-share-contains="">
                    { for entries.into_iter().map(|(label, value)| html! { <><dt>{ label }</dt><dd>{ value }</dd></> }) }
                </dl>
            }
            if ctx.state.redact {
                <p class="hint">{ ctx.t(S::ShareAccountOut) }</p>
            }
            if pasted {
                <p class="hint strong">{ ctx.t(S::SharePasted) }</p>
            }
        </>
    }
}

/// The share button (it opens the panel), the panel, and the redaction checkbox.
#[function_component(ShareLink)]
pub fn share_link() -> Html {
    let (state, copy) = use_copy();
    let open = use_state(|| false);
    let ctx = crate::ui::hooks::use_app_if(|_, a, b| a.lang() == b.lang() && a.state.redact == b.state.redact);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    let copy_now = Callback::from(move |_: MouseEvent| copy.emit(hash::full_url(&hash::current())));
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            ctx.dispatch(Action::SetRedact(input.checked()));
        })
    };
    let status = match state {
        CopyState::Idle => "",
        CopyState::Copied => ctx.t(S::Copied),
        CopyState::Failed => ctx.t(S::CopyFailed),
    };
    html! {
        <div class="share">
            <button type="button" class="btn" data-action="share" aria-expanded={(*open).to_string()} aria-controls="share-panel" onclick={toggle}>{ ctx.t(S::CopyLink) }</button>
            <div class="option">
                <input type="checkbox" id="redact" data-action="redact" checked={ctx.state.redact} {onchange} />
                <label for="redact">{ ctx.t(S::Redact) }</label>
            </div>
            <section id="share-panel" class="share-panel" aria-labelledby="share-title" data-share-panel="" hidden={!*open}>
                <h2 id="share-title">{ ctx.t(S::ShareTitle) }</h2>
                // What the link holds changes with every keystroke: listed only while the panel is open.
                if *open {
                    <ShareContents />
                }
                <div class="actions">
                    <button type="button" class="btn primary" data-action="share-copy" onclick={copy_now}>{ ctx.t(S::ShareCopyNow) }</button>
                    <button type="button" class="btn" data-action="share-close" onclick={close}>{ ctx.t(S::Close) }</button>
                    <span class="copy-status" role="status" aria-live="polite">{ status }</span>
                </div>
            </section>
        </div>
    }
}
