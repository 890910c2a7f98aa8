//! A labelled textarea for pasted text (GetLogStore response, trust policy).

use crate::ui::components::field_messages::{FieldMessages, messages_id};
use crate::ui::i18n::S;
use crate::ui::state::{Action, AppContext, Field, Val};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`TextArea`].
#[derive(Properties, PartialEq)]
pub struct TextAreaProps {
    /// The field.
    pub field: Field,
    /// A hint under the label.
    #[prop_or_default]
    pub hint: Option<S>,
    /// Visible rows.
    #[prop_or(12)]
    pub rows: u32,
    /// Placeholder text.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
}

/// A monospace textarea whose findings (with line and column) are listed under it.
#[function_component(TextArea)]
pub fn text_area(props: &TextAreaProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else { return html! {} };
    let field = props.field;
    let value = ctx.state.form.text(field).to_string();
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            ctx.dispatch(Action::Set(field, Val::Text(area.value())));
        })
    };
    let invalid = ctx.findings_for(field).iter().any(|f| f.severity == crate::finding::Severity::Error);
    let hint_id = format!("{}-hint", field.id());
    let described = match props.hint {
        Some(_) => format!("{hint_id} {}", messages_id(field)),
        None => messages_id(field),
    };
    html! {
        <div class="field">
            <label for={field.id()}>{ ctx.t(field.label()) }</label>
            if let Some(hint) = props.hint {
                <p class="hint" id={hint_id}>{ ctx.t(hint) }</p>
            }
            <textarea
                id={field.id()}
                name={field.key()}
                class="paste"
                data-field={field.pointer()}
                rows={props.rows.to_string()}
                {value}
                {oninput}
                spellcheck="false"
                autocomplete="off"
                placeholder={props.placeholder.clone()}
                aria-describedby={described}
                aria-invalid={invalid.then_some("true")}
            />
            <FieldMessages {field} />
        </div>
    }
}
