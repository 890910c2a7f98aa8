//! A checkbox bound to one boolean intent field.

use crate::ui::components::field_messages::{FieldMessages, described_by, hint_id};
use crate::ui::i18n::S;
use crate::ui::state::{Action, Field, Val};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`CheckField`].
#[derive(Properties, PartialEq)]
pub struct CheckFieldProps {
    /// The field.
    pub field: Field,
    /// A hint under the checkbox.
    #[prop_or_default]
    pub hint: Option<S>,
}

/// A checkbox with its label after it.
#[function_component(CheckField)]
pub fn check_field(props: &CheckFieldProps) -> Html {
    let ctx = crate::ui::hooks::use_app_for(props.field, |f, a, b| a.lang() == b.lang() && a.same_value(b, *f));
    let field = props.field;
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            ctx.dispatch(Action::Set(field, Val::Flag(input.checked())));
        })
    };
    let described = described_by(field, props.hint.is_some());
    html! {
        <div class="field check">
            <div class="option">
                <input type="checkbox" id={field.id()} name={field.key()} data-field={field.pointer()} checked={ctx.state.form.flag(field)} {onchange} aria-describedby={described} />
                <label for={field.id()}>{ ctx.t(field.label()) }</label>
            </div>
            if let Some(hint) = props.hint {
                <p class="hint" id={hint_id(field)}>{ ctx.t(hint) }</p>
            }
            <FieldMessages {field} />
        </div>
    }
}
