//! The page header: title, tagline, language switch, share link and Reset.

use crate::ui::components::share_link::ShareLink;
use crate::ui::i18n::{LangExt, S};
use crate::ui::state::Action;
use yew::prelude::*;

/// The banner.
#[function_component(TopBar)]
pub fn top_bar() -> Html {
    let ctx = crate::ui::hooks::use_app_if(|_, a, b| a.lang() == b.lang());
    let lang = ctx.lang();
    let switch = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::SetLang(lang.other())))
    };
    let reset = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Reset))
    };
    html! {
        <header class="topbar">
            <div class="brand">
                <h1>{ "sls-encrypt" }</h1>
                <p class="tagline">{ ctx.t(S::Tagline) }</p>
            </div>
            <div class="tools">
                <button type="button" class="btn lang" data-action="language" lang={lang.other().tag()} title={ctx.t(S::LangSwitchTitle)} onclick={switch}>
                    { ctx.t(S::LangSwitch) }
                </button>
                <button type="button" class="btn" data-action="reset" onclick={reset}>{ ctx.t(S::Reset) }</button>
                <ShareLink />
            </div>
        </header>
    }
}
