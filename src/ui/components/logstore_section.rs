//! Section 4: the current Logstore (update: paste GetLogStore) or the new one's settings (create).

use crate::choice::Operation;
use crate::ui::components::check_field::CheckField;
use crate::ui::components::choice_group::ChoiceGroup;
use crate::ui::components::get_command::get_command;
use crate::ui::components::select_field::SelectField;
use crate::ui::components::text_field::TextField;
use crate::ui::i18n::S;
use crate::ui::state::Field;
use yew::prelude::*;

/// The Logstore section.
#[function_component(LogstoreSection)]
pub fn logstore_section() -> Html {
    let ctx =
        crate::ui::hooks::use_app_if(|_, a, b| a.lang() == b.lang() && a.same_value(b, Field::Operation) && a.plan.target == b.plan.target);
    let update = ctx.state.form.is(Field::Operation, Operation::Update);
    html! {
        <section class="card" aria-labelledby="s4-title">
            <h2 id="s4-title">{ ctx.t(if update { S::S4TitleUpdate } else { S::S4TitleCreate }) }</h2>
            if update {
                { get_command(&ctx, S::GetCommandIntro, "get_logstore_command") }
                <TextField field={Field::Current} hint={S::CurrentHint} rows={14} placeholder="{ \"logstoreName\": \"…\", \"ttl\": 180, … }" />
                <ChoiceGroup field={Field::UnknownFields} inline=true />
            } else {
                <div class="row">
                    <TextField field={Field::Ttl} hint={S::TtlHint} inputmode="numeric" />
                    <TextField field={Field::ShardCount} inputmode="numeric" />
                </div>
                <CheckField field={Field::AutoSplit} />
                <TextField field={Field::MaxSplitShard} hint={S::MaxSplitHint} inputmode="numeric" />
                <CheckField field={Field::AppendMeta} />
                <CheckField field={Field::EnableTracking} />
                <div class="row">
                    <TextField field={Field::HotTtl} hint={S::HotTtlHint} inputmode="numeric" />
                    <TextField field={Field::InfrequentAccessTtl} hint={S::OptionalHint} inputmode="numeric" />
                </div>
                <div class="row">
                    <SelectField field={Field::Mode} />
                    <SelectField field={Field::TelemetryType} />
                </div>
            }
        </section>
    }
}
