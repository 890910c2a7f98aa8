//! The command that prints the current Logstore, with the real project and Logstore names.

use crate::ui::components::copy_button::CopyButton;
use crate::ui::i18n::S;
use crate::ui::state::AppContext;
use yew::prelude::*;

/// Shows `aliyun sls GetLogStore --region R --project P --logstore L` (and the plugin's form), each
/// copyable, after `intro`; `output` is the `data-output` name of the command (the plugin's form adds
/// `_plugin`). A plain function (no component of its own): its sections render again when the
/// plan's target changes.
pub fn get_command(ctx: &AppContext, intro: S, output: &'static str) -> Html {
    let crate::exports::shell::GetLogStoreCommand { api, plugin } = crate::exports::shell::get_logstore_command(&ctx.plan);
    html! {
        <div class="get-command">
            <p>{ ctx.t(intro) }</p>
            <div class="command" data-output={output}>
                <pre tabindex="0"><code>{ api.clone() }</code></pre>
                <CopyButton text={api} what={format!("aliyun sls {}", crate::plan::Api::GetLogStore)} />
            </div>
            <p>{ ctx.t(S::GetCommandPlugin) }</p>
            <div class="command" data-output={format!("{output}_plugin")}>
                <pre tabindex="0"><code>{ plugin.clone() }</code></pre>
                <CopyButton text={plugin} what="aliyun sls get-log-store" />
            </div>
        </div>
    }
}
