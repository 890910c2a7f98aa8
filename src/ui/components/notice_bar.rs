//! A one-off message (a link that could not be read, a redacted link, a reset).

use crate::ui::i18n::S;
use crate::ui::state::{Action, Notice};
use yew::prelude::*;

/// The notice, with a Dismiss button; nothing when there is none.
#[function_component(NoticeBar)]
pub fn notice_bar() -> Html {
    let ctx = crate::ui::hooks::use_app_if(|_, a, b| {
        a.lang() == b.lang() && a.state.notice == b.state.notice && a.state.undo.is_some() == b.state.undo.is_some()
    });
    let text = match ctx.state.notice {
        None => None,
        Some(Notice::BadLink) => Some(S::BadLink),
        Some(Notice::RedactedLink) => Some(S::RedactedLink),
        Some(Notice::WasReset) => Some(S::WasReset),
        Some(Notice::PasteOmitted) => Some(S::PasteOmitted),
        Some(Notice::FromLink) => Some(S::FromLink),
    };
    let dismiss = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.dispatch(Action::DismissNotice);
            crate::ui::services::focus::focus_id("plan");
        })
    };
    let undo = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.dispatch(Action::UndoReset);
            crate::ui::services::focus::focus_id("plan");
        })
    };
    html! {
        <div class="notice-slot" role="status" aria-live="polite">
            if let Some(text) = text {
                <div class="notice" data-notice="">
                    <p>{ ctx.t(text) }</p>
                    if ctx.state.notice == Some(Notice::WasReset) && ctx.state.undo.is_some() {
                        <button type="button" class="btn primary" data-action="undo" onclick={undo}>{ ctx.t(S::Undo) }</button>
                    }
                    <button type="button" class="btn" onclick={dismiss}>{ ctx.t(S::Dismiss) }</button>
                </div>
            }
        </div>
    }
}
