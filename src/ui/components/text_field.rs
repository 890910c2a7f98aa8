//! A labelled text input, or a textarea for pasted text, bound to one intent field.

use crate::ui::components::field_messages::{FieldMessages, described_by, hint_id};
use crate::ui::i18n::S;
use crate::ui::state::{Action, Field, Val};
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

/// The textarea's text, or only its size when it is over [`crate::limits::MAX_PASTED_BYTES`]: then
/// the text is measured where it is (never copied into wasm: 5 MB take 100 ms to copy) and the
/// textarea is emptied at once, before the browser lays out megabytes of text (seconds for 10 MB);
/// the render this input causes shows the box that replaces it. (Measured in Chromium with the
/// textarea focused, as after a paste: emptying 10 MB costs the browser 120-290 ms; hiding,
/// blurring or removing it first costs seconds, as each lays the text out.)
fn pasted(area: &HtmlTextAreaElement) -> Val {
    let max = crate::limits::MAX_PASTED_BYTES;
    // UTF-8 is never shorter than UTF-16, so a text this long in UTF-16 units is over the limit.
    let bytes = if usize::try_from(area.text_length()).unwrap_or(usize::MAX) > max {
        let value = js_sys::Reflect::get(area, &wasm_bindgen::JsValue::from_str("value")).unwrap_or_default();
        // A Blob of the text is its UTF-8 encoding: its size is the byte count, made natively.
        web_sys::Blob::new_with_str_sequence(&js_sys::Array::of1(&value)).map(|b| b.size() as usize).ok()
    } else {
        None
    };
    match bytes {
        Some(bytes) => {
            area.set_value("");
            Val::TooLarge(bytes)
        }
        None => Val::Text(area.value()),
    }
}

/// The size in bytes of the text a paste of over [`crate::limits::MAX_PASTED_BYTES`] would make
/// (the textarea's text with its selection replaced by the clipboard's), measured in the browser
/// without copying it into wasm; `None` for any smaller paste, which the browser inserts as usual.
fn oversized_paste(area: &HtmlTextAreaElement, event: &Event) -> Option<usize> {
    use js_sys::{Array, Function, JsString, Reflect};
    use wasm_bindgen::JsValue;
    let data = Reflect::get(event, &JsValue::from_str("clipboardData")).ok().filter(|d| d.is_object())?;
    let get_data = Reflect::get(&data, &JsValue::from_str("getData")).ok()?.dyn_into::<Function>().ok()?;
    let pasted = get_data.call1(&data, &JsValue::from_str("text")).ok()?.dyn_into::<JsString>().ok()?;
    // UTF-8 is never shorter than UTF-16, so a paste this long in UTF-16 units is over the limit.
    if (pasted.length() as usize) <= crate::limits::MAX_PASTED_BYTES {
        return None;
    }
    let value = JsString::from(Reflect::get(area, &JsValue::from_str("value")).ok()?);
    let (start, end) = (area.selection_start().ok()??, area.selection_end().ok()??);
    let parts = Array::of3(&value.slice(0, start), &pasted, &value.slice(end, value.length()));
    web_sys::Blob::new_with_str_sequence(&parts).ok().map(|b| b.size() as usize)
}

/// A text field: label, hint, the input or textarea (with `data-field`) and the field's findings
/// (with line and column, for pasted text).
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let ctx = crate::ui::hooks::use_app_for(props.field, |f, a, b| a.same_value(b, *f) && a.same_findings(b, *f));
    let field = props.field;
    let value = ctx.state.form.text(field);
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            let target = e.target();
            let value = match target.as_ref().and_then(|t| t.dyn_ref::<HtmlTextAreaElement>()) {
                Some(area) => pasted(area),
                None => Val::Text(target.and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()),
            };
            ctx.dispatch(Action::Set(field, value));
        })
    };
    // A paste over the limit never reaches the textarea: the browser would take seconds to insert
    // and lay out megabytes; only its size is kept, and the box replaces the textarea.
    let onpaste = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let Some(area) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) else { return };
            if let Some(bytes) = oversized_paste(&area, &e) {
                e.prevent_default();
                ctx.dispatch(Action::Set(field, Val::TooLarge(bytes)));
            }
        })
    };
    let invalid = ctx.findings_for(field).iter().any(|f| f.severity == crate::finding::Severity::Error);
    let described = described_by(field, props.hint.is_some());
    let oversize = ctx.state.form.too_large(field).filter(|_| props.rows.is_some());
    let value = value.to_string();
    let control = match (props.rows, oversize) {
        // A paste over the limit is not kept, only its size: laying out megabytes of text (of
        // random Unicode above all) in a textarea freezes the tab for seconds, and nothing reads it.
        (Some(_), Some(bytes)) => {
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
        (Some(rows), None) => html! {
            <textarea
                id={field.id()}
                name={field.key()}
                class="paste"
                data-field={field.pointer()}
                rows={rows.to_string()}
                {value}
                {oninput}
                {onpaste}
                spellcheck="false"
                autocomplete="off"
                placeholder={props.placeholder.clone()}
                aria-describedby={described}
                aria-invalid={invalid.then_some("true")}
            />
        },
        (None, _) => html! {
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
