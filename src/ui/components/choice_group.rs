//! A radio group bound to one intent field.

use crate::ui::components::field_messages::{FieldMessages, messages_id};
use crate::ui::state::{Action, Field, Val};
use yew::prelude::*;

/// Props of [`ChoiceGroup`].
#[derive(Properties, PartialEq)]
pub struct ChoiceGroupProps {
    /// The field.
    pub field: Field,
    /// Lay the options out side by side.
    #[prop_or_default]
    pub inline: bool,
}

/// A fieldset with a legend and one radio per option (each radio carries `data-field`).
#[function_component(ChoiceGroup)]
pub fn choice_group(props: &ChoiceGroupProps) -> Html {
    let ctx = crate::ui::hooks::use_app_for(props.field, |f, a, b| a.lang() == b.lang() && a.same_value(b, *f));
    let field = props.field;
    html! {
        <fieldset class={classes!("choice", props.inline.then_some("inline"))} aria-describedby={messages_id(field)}>
            <legend>{ ctx.t(field.label()) }</legend>
            <div class="options">
                { for field.options().into_iter().map(|(value, label)| {
                    let id = format!("{}-{}", field.id(), value);
                    let checked = ctx.state.form.text(field) == value;
                    let onchange = {
                        let ctx = ctx.clone();
                        let value = value.to_string();
                        Callback::from(move |_: Event| ctx.dispatch(Action::Set(field, Val::Text(value.clone()))))
                    };
                    html! {
                        <div class="option">
                            <input type="radio" id={id.clone()} name={field.id()} {value} data-field={field.pointer()} {checked} {onchange} />
                            <label for={id}>{ label.map_or(value, |l| ctx.t(l)) }</label>
                        </div>
                    }
                }) }
            </div>
            <FieldMessages {field} />
        </fieldset>
    }
}
