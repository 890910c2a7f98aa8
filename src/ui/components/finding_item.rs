//! One finding: severity (icon and word), code, where (the field's label), message and fix;
//! a click goes to its spot.

use crate::finding::Finding;
use crate::ui::components::severity_icon::severity_icon;
use crate::ui::i18n::{self, Lang, S};
use crate::ui::labels;
use crate::ui::services::focus;
use yew::prelude::*;

/// Props of [`FindingItem`].
#[derive(Properties, PartialEq)]
pub struct FindingItemProps {
    /// The finding.
    pub finding: Finding,
}

/// Where a finding is, as the page shows it: the field's label (and line and column in pasted
/// text); the JSON pointer only when no field shows that place.
pub fn location(lang: Lang, f: &Finding) -> String {
    let place = labels::pointer_label(lang, &f.path)
        .map(str::to_string)
        .unwrap_or_else(|| if f.path.is_empty() { "/".into() } else { f.path.clone() });
    match (f.line, f.column) {
        (Some(l), Some(c)) => format!("{place} · {}", i18n::position(lang, l, c)),
        _ => place,
    }
}

/// A list item carrying `data-code`, `data-severity` and `data-path`, with a button that focuses
/// the field (or selects the line and column in pasted text).
#[function_component(FindingItem)]
pub fn finding_item(props: &FindingItemProps) -> Html {
    let lang = crate::ui::hooks::use_ambient().lang;
    let f = &props.finding;
    let onclick = {
        let (path, line, column) = (f.path.clone(), f.line, f.column);
        Callback::from(move |_: MouseEvent| focus::go_to(&path, line, column))
    };
    let gap = if lang == Lang::En { " " } else { "" };
    html! {
        <li class={classes!("finding", f.severity.as_str())} data-code={f.code.as_str()} data-severity={f.severity.as_str()} data-path={f.path.clone()}>
            <button type="button" class="finding-go" {onclick}>
                <span class="finding-head">
                    { severity_icon(f.severity) }
                    <span class="sev-name">{ i18n::severity_name(lang, f.severity) }</span>
                    <span class="code">{ f.code.as_str() }</span>
                    <span class="location" data-location="">{ location(lang, f) }</span>
                </span>
                <span class="message">{ labels::humanize(lang, lang.pick(&f.message, &f.message_zh)) }</span>
                <span class="fix"><span class="fix-label">{ S::FindingFix.text(lang) }</span>{ gap }{ labels::humanize(lang, lang.pick(&f.fix, &f.fix_zh)) }</span>
            </button>
        </li>
    }
}
