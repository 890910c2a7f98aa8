//! The findings about one field, shown under it (pasted text: with line and column).

use crate::ui::components::severity_icon::severity_icon;
use crate::ui::i18n::{self};
use crate::ui::labels;
use crate::ui::services::focus;
use crate::ui::state::Field;
use yew::prelude::*;

/// Props of [`FieldMessages`].
#[derive(Properties, PartialEq)]
pub struct FieldMessagesProps {
    /// The field.
    pub field: Field,
}

/// The id of the element that lists a field's messages (for `aria-describedby`).
pub fn messages_id(field: Field) -> String {
    format!("{}-msgs", field.id())
}

/// The id of a field's hint paragraph.
pub fn hint_id(field: Field) -> String {
    format!("{}-hint", field.id())
}

/// The `aria-describedby` of a field's control: its hint (when it has one) and its messages.
pub fn described_by(field: Field, has_hint: bool) -> String {
    if has_hint { format!("{} {}", hint_id(field), messages_id(field)) } else { messages_id(field) }
}

/// Lists the findings on a field (notes left to the Review); each one selects its spot when clicked.
#[function_component(FieldMessages)]
pub fn field_messages(props: &FieldMessagesProps) -> Html {
    let ctx = crate::ui::hooks::use_app_for(props.field, |f, a, b| a.same_findings(b, *f));
    let lang = ctx.lang();
    let findings: Vec<_> = ctx.findings_for(props.field).into_iter().filter(|f| f.severity != crate::finding::Severity::Info).collect();
    // One list element whether empty or not, so a message that comes or goes changes its items only.
    html! {
        <ul id={messages_id(props.field)} class="field-msgs" hidden={findings.is_empty()}>
            { for findings.into_iter().map(|f| {
                let (path, line, column) = (f.path.clone(), f.line, f.column);
                let onclick = Callback::from(move |_: MouseEvent| focus::go_to(&path, line, column));
                let at = match (line, column) {
                    (Some(l), Some(c)) if props.field.is_pasted() => format!("{} · ", i18n::position(lang, l, c)),
                    _ => String::new(),
                };
                html! {
                    <li class={classes!("field-msg", f.severity.as_str())} data-code={f.code.as_str()} data-inline="true">
                        <button type="button" class="field-msg-go" {onclick}>
                            { severity_icon(f.severity) }
                            <span class="sev-name">{ i18n::severity_name(lang, f.severity) }</span>
                            <span class="code">{ f.code.as_str() }</span>
                            <span class="field-msg-text">{ at }{ labels::humanize(lang, lang.pick(&f.message, &f.message_zh)) }</span>
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}
