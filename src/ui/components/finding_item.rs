//! One finding: severity (icon and word), code, location, message and fix; a click goes to its spot.

use crate::finding::Finding;
use crate::ui::components::severity_icon::SeverityIcon;
use crate::ui::i18n::{self, S};
use crate::ui::services::focus;
use crate::ui::state::AppContext;
use yew::prelude::*;

/// Props of [`FindingItem`].
#[derive(Properties, PartialEq)]
pub struct FindingItemProps {
    /// The finding.
    pub finding: Finding,
}

/// A list item carrying `data-code`, with a button that focuses the field (or selects the
/// line and column in pasted text).
#[function_component(FindingItem)]
pub fn finding_item(props: &FindingItemProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else { return html! {} };
    let lang = ctx.lang();
    let f = &props.finding;
    let onclick = {
        let (path, line, column) = (f.path.clone(), f.line, f.column);
        Callback::from(move |_: MouseEvent| focus::go_to(&path, line, column))
    };
    let location = match (f.line, f.column) {
        (Some(l), Some(c)) => format!("{} · {}", if f.path.is_empty() { "/" } else { &f.path }, i18n::position(lang, l, c)),
        _ => {
            if f.path.is_empty() {
                "/".to_string()
            } else {
                f.path.clone()
            }
        }
    };
    html! {
        <li class={classes!("finding", f.severity.as_str())} data-code={f.code} data-severity={f.severity.as_str()} data-path={f.path.clone()}>
            <button type="button" class="finding-go" {onclick}>
                <span class="finding-head">
                    <SeverityIcon severity={f.severity} />
                    <span class="sev-name">{ i18n::severity_name(lang, f.severity) }</span>
                    <span class="code">{ f.code }</span>
                    <span class="location" data-location="">{ location }</span>
                </span>
                <span class="message">{ lang.pick(&f.message, &f.message_zh) }</span>
                <span class="fix"><span class="fix-label">{ ctx.t(S::FindingFix) }</span>{ " " }{ lang.pick(&f.fix, &f.fix_zh) }</span>
            </button>
        </li>
    }
}
