//! Section 2: service key or BYOK (with the comparison), the algorithm and enable.

use crate::ui::components::check_field::CheckField;
use crate::ui::components::choice_group::ChoiceGroup;
use crate::ui::components::compare_table::compare_table;
use crate::ui::i18n::S;
use crate::ui::state::Field;
use yew::prelude::*;

/// The key section.
#[function_component(KeySection)]
pub fn key_section() -> Html {
    let ctx = crate::ui::hooks::use_app_if(|_, a, b| a.lang() == b.lang() && a.same_value(b, Field::Key));
    html! {
        <section class="card" aria-labelledby="s2-title">
            <h2 id="s2-title">{ ctx.t(S::S2Title) }</h2>
            <p class="hint strong">{ ctx.t(S::KeyPermanentHint) }</p>
            <ChoiceGroup field={Field::Key} />
            { compare_table(&ctx) }
            <ChoiceGroup field={Field::EncryptType} inline=true />
            <CheckField field={Field::Enable} hint={S::EnableHint} />
        </section>
    }
}
