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
    let value = ctx.state.form.text(field);
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            let target = e.target();
            let text = match target.as_ref().and_then(|t| t.dyn_ref::<HtmlTextAreaElement>()) {
                Some(area) => {
                    let text = area.value();
                    if text.len() > crate::limits::MAX_PASTED_BYTES {
                        // Empty the textarea now, before the browser lays out megabytes of text
                        // (seconds for 10 MB); the state keeps the paste and the next render
                        // shows the box that replaces the textarea.
                        area.set_value("");
                    }
                    text
                }
                None => target.and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default(),
            };
            ctx.dispatch(Action::Set(field, Val::Text(text)));
        })
    };
    let invalid = ctx.findings_for(field).iter().any(|f| f.severity == crate::finding::Severity::Error);
    let described = described_by(field, props.hint.is_some());
    let oversize = props.rows.is_some() && value.len() > crate::limits::MAX_PASTED_BYTES;
    let bytes = value.len();
    let value = if oversize { String::new() } else { value.to_string() };
    let control = match props.rows {
        // A paste over the limit is kept but not shown: laying out megabytes of text (of random
        // Unicode above all) in a textarea freezes the tab for seconds, and nothing reads it.
        Some(_) if oversize => {
            let clear = {
                let ctx = ctx.clone();
                Callback::from(move |_: MouseEvent| {
                    ctx.dispatch(Action::Set(field, Val::Text(String::new())));
                    // The textarea is back after the next render: focus it then.
                    gloo::timers::callback::Timeout::new(0, move || crate::ui::services::focus::focus_id(&field.id())).forget();
                })
            };
            html! {
                <div class="paste-too-large" data-oversize="">
                    <p>{ crate::ui::i18n::paste_too_large(ctx.lang(), bytes) }</p>
                    <button type="button" id={field.id()} data-field={field.pointer()} onclick={clear}
                        aria-describedby={described} aria-invalid="true">{ ctx.t(S::ClearPaste) }</button>
                </div>
            }
        }
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
