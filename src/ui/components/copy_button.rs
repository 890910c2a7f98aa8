//! Copy (with a spoken and visible confirmation) and, optionally, Download.

use crate::ui::hooks::{CopyState, use_copy};
use crate::ui::i18n::S;
use crate::ui::services::download;
use yew::prelude::*;

/// Props of [`CopyButton`].
#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The text to copy.
    pub text: AttrValue,
    /// Offer a download under this file name, with this media type.
    #[prop_or_default]
    pub download: Option<(String, &'static str)>,
    /// What is copied, for the buttons' accessible names (e.g. `encrypt_conf`).
    #[prop_or_default]
    pub what: Option<AttrValue>,
}

/// The Copy button, an optional Download button, and a live region saying "Copied".
#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let lang = crate::ui::hooks::use_ambient().lang;
    let (state, copy) = use_copy();
    let t = |s: S| s.text(lang);
    // The text is shared, not copied, until a click needs it.
    let onclick = {
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| copy.emit(text.to_string()))
    };
    let save = props.download.clone().map(|(name, media)| {
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| download::save(&name, &text, media))
    });
    let named = |verb: S| match &props.what {
        Some(what) => format!("{} {what}", t(verb)),
        None => t(verb).to_string(),
    };
    let status = match state {
        CopyState::Idle => "",
        CopyState::Copied => t(S::Copied),
        CopyState::Failed => t(S::CopyFailed),
    };
    html! {
        <div class="actions">
            <button type="button" class="btn" data-action="copy" aria-label={named(S::Copy)} {onclick}>{ t(S::Copy) }</button>
            if let Some(onclick) = save {
                <button type="button" class="btn" data-action="download" aria-label={named(S::Download)} {onclick}>{ t(S::Download) }</button>
            }
            <span class={classes!("copy-status", (state == CopyState::Failed).then_some("failed"))} role="status" aria-live="polite" data-copy-status="">{ status }</span>
        </div>
    }
}
