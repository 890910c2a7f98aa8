//! The command that prints the current Logstore, with the real project and Logstore names.

use crate::ui::components::copy_button::CopyButton;
use crate::ui::i18n::S;
use yew::prelude::*;

/// Props of [`GetCommand`].
#[derive(Properties, PartialEq)]
pub struct GetCommandProps {
    /// Why to run it (the paragraph above the command).
    #[prop_or(S::GetCommandIntro)]
    pub intro: S,
    /// The `data-output` name of the command; the plugin's form adds `_plugin`.
    #[prop_or(AttrValue::Static("get_logstore_command"))]
    pub output: AttrValue,
}

/// Shows `aliyun sls GetLogStore --region R --project P --logstore L` (and the plugin's form), each copyable.
#[function_component(GetCommand)]
pub fn get_command(props: &GetCommandProps) -> Html {
    let ctx = crate::ui::hooks::use_app_if(|_, a, b| a.lang() == b.lang() && a.plan.target == b.plan.target);
    let crate::exports::shell::GetLogStoreCommand { api, plugin } = crate::exports::shell::get_logstore_command(&ctx.plan);
    html! {
        <div class="get-command">
            <p>{ ctx.t(props.intro) }</p>
            <div class="command" data-output={props.output.clone()}>
                <pre tabindex="0"><code>{ api.clone() }</code></pre>
                <CopyButton text={api} what={format!("aliyun sls {}", crate::plan::Api::GetLogStore)} />
            </div>
            <p>{ ctx.t(S::GetCommandPlugin) }</p>
            <div class="command" data-output={format!("{}_plugin", props.output)}>
                <pre tabindex="0"><code>{ plugin.clone() }</code></pre>
                <CopyButton text={plugin} what="aliyun sls get-log-store" />
            </div>
        </div>
    }
}
