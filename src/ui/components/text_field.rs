//! A labelled text input bound to one intent field.

use crate::ui::components::field_messages::{FieldMessages, messages_id};
use crate::ui::i18n::S;
use crate::ui::state::{Action, AppContext, Field, Val};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The field.
    pub field: Field,
    /// A hint under the label.
    #[prop_or_default]
    pub hint: Option<S>,
    /// Placeholder text.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// The id of a `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
    /// `inputmode` (e.g. `numeric`).
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// `autocomplete` token (`off` by default).
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
}

/// A text input: label, hint, the input (with `data-field`) and the field's findings.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else { return html! {} };
    let field = props.field;
    let value = ctx.state.form.text(field).to_string();
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            ctx.dispatch(Action::Set(field, Val::Text(input.value())));
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
            <input
                type="text"
                id={field.id()}
                name={field.key()}
                data-field={field.pointer()}
                {value}
                {oninput}
                spellcheck="false"
                autocomplete={props.autocomplete.clone().unwrap_or_else(|| AttrValue::from("off"))}
                placeholder={props.placeholder.clone()}
                list={props.list.clone()}
                inputmode={props.inputmode.clone()}
                aria-describedby={described}
                aria-invalid={invalid.then_some("true")}
            />
            <FieldMessages {field} />
        </div>
    }
}
