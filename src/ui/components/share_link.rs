//! Copy the share link, with the option to leave the account id out.

use crate::ui::hooks::{CopyState, use_copy};
use crate::ui::i18n::S;
use crate::ui::services::hash;
use crate::ui::state::{Action, AppContext};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The share button, its confirmation and the redaction checkbox.
#[function_component(ShareLink)]
pub fn share_link() -> Html {
    let (state, copy) = use_copy();
    let Some(ctx) = use_context::<AppContext>() else { return html! {} };
    let onclick = Callback::from(move |_: MouseEvent| copy.emit(hash::full_url(&hash::current())));
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
            <button type="button" class="btn" data-action="share" {onclick}>{ ctx.t(S::CopyLink) }</button>
            <span class="copy-status" role="status" aria-live="polite">{ status }</span>
            <div class="option">
                <input type="checkbox" id="redact" data-action="redact" checked={ctx.state.redact} {onchange} />
                <label for="redact">{ ctx.t(S::Redact) }</label>
            </div>
        </div>
    }
}
