//! A select bound to one intent field with a fixed set of options.

use crate::ui::components::field_messages::{FieldMessages, messages_id};
use crate::ui::state::{Action, Field, Val};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`SelectField`].
#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// The field.
    pub field: Field,
}

/// A labelled `<select>`.
#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let ctx = crate::ui::hooks::use_app_for(props.field, |f, a, b| a.lang() == b.lang() && a.same_value(b, *f));
    let field = props.field;
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            ctx.dispatch(Action::Set(field, Val::Text(select.value())));
        })
    };
    html! {
        <div class="field">
            <label for={field.id()}>{ ctx.t(field.label()) }</label>
            <select id={field.id()} name={field.key()} data-field={field.pointer()} {onchange} aria-describedby={messages_id(field)}>
                { for field.options().into_iter().map(|(value, label)| html! {
                    <option {value} selected={ctx.state.form.text(field) == value}>
                        { label.map_or(value, |l| ctx.t(l)) }
                    </option>
                }) }
            </select>
            <FieldMessages {field} />
        </div>
    }
}
