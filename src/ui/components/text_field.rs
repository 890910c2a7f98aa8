//! A labelled text input, or a textarea for pasted text, bound to one intent field.

use crate::ui::components::field_messages::{FieldMessages, described_by, hint_id};
use crate::ui::i18n::S;
use crate::ui::state::{Action, AppContext, Field, Val};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
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
    /// Visible rows: a monospace textarea for pasted text instead of an input.
    #[prop_or_default]
    pub rows: Option<u32>,
}

/// A text field: label, hint, the input or textarea (with `data-field`) and the field's findings
/// (with line and column, for pasted text).
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else { return html! {} };
    let field = props.field;
    let value = ctx.state.form.text(field).to_string();
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            let target = e.target();
            let text = match target.as_ref().and_then(|t| t.dyn_ref::<HtmlTextAreaElement>()) {
                Some(area) => area.value(),
                None => target.and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default(),
            };
            ctx.dispatch(Action::Set(field, Val::Text(text)));
        })
    };
    let invalid = ctx.findings_for(field).iter().any(|f| f.severity == crate::finding::Severity::Error);
    let described = described_by(field, props.hint.is_some());
    let control = match props.rows {
        Some(rows) => html! {
            <textarea
                id={field.id()}
                name={field.key()}
                class="paste"
                data-field={field.pointer()}
                rows={rows.to_string()}
                {value}
                {oninput}
                spellcheck="false"
                autocomplete="off"
                placeholder={props.placeholder.clone()}
                aria-describedby={described}
                aria-invalid={invalid.then_some("true")}
            />
        },
        None => html! {
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
        },
    };
    html! {
        <div class="field">
            <label for={field.id()}>{ ctx.t(field.label()) }</label>
            if let Some(hint) = props.hint {
                <p class="hint" id={hint_id(field)}>{ ctx.t(hint) }</p>
            }
            { control }
            <FieldMessages {field} />
        </div>
    }
}
