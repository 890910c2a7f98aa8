//! The command that prints the current Logstore, with the real project and Logstore names.

use crate::ui::components::copy_button::CopyButton;
use crate::ui::i18n::S;
use crate::ui::state::AppContext;
use serde_json::Value;
use yew::prelude::*;

/// Shows `aliyun sls GetLogStore --region R --project P --logstore L` (and the plugin's form), each copyable.
#[function_component(GetCommand)]
pub fn get_command() -> Html {
    let Some(ctx) = use_context::<AppContext>() else { return html! {} };
    let target = ctx.plan.target.as_ref();
    let name = |key: &str, fallback: &str| {
        target.and_then(|t| t.get(key)).and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| fallback.to_string())
    };
    let quote = crate::exports::shell_quote;
    let region = quote(&name("region", "<region>"));
    let project = quote(&name("project", "<project>"));
    let logstore = quote(&name("logstore", "<logstore>"));
    let api = format!("aliyun sls GetLogStore --region {region} --project {project} --logstore {logstore}");
    let plugin = format!("aliyun sls get-log-store --region {region} --project {project} --logstore {logstore}");
    html! {
        <div class="get-command">
            <p>{ ctx.t(S::GetCommandIntro) }</p>
            <div class="command" data-output="get_logstore_command">
                <pre tabindex="0"><code>{ api.clone() }</code></pre>
                <CopyButton text={api} what="aliyun sls GetLogStore" />
            </div>
            <p>{ ctx.t(S::GetCommandPlugin) }</p>
            <div class="command" data-output="get_logstore_command_plugin">
                <pre tabindex="0"><code>{ plugin.clone() }</code></pre>
                <CopyButton text={plugin} what="aliyun sls get-log-store" />
            </div>
        </div>
    }
}
