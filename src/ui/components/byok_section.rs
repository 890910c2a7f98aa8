//! Section 3: the CMK, the RAM role, the RAM user and the PassRole scope (BYOK only).

use crate::choice::{KeyKind, RoleMode};
use crate::ui::components::choice_group::ChoiceGroup;
use crate::ui::components::target_section::REGION_LIST;
use crate::ui::components::text_field::TextField;
use crate::ui::i18n::S;
use crate::ui::state::Field;
use yew::prelude::*;

/// The BYOK section; with a service key it only says it is not needed.
#[function_component(ByokSection)]
pub fn byok_section() -> Html {
    let ctx = crate::ui::hooks::use_app_if(|_, a, b| {
        a.lang() == b.lang() && [Field::Key, Field::RoleMode, Field::Region].iter().all(|f| a.same_value(b, *f))
    });
    let form = &ctx.state.form;
    let byok = form.is(Field::Key, KeyKind::Byok);
    let new_role = form.is(Field::RoleMode, RoleMode::New);
    let region = form.text(Field::Region).trim().to_string();
    html! {
        <section class={classes!("card", (!byok).then_some("muted"))} aria-labelledby="s3-title">
            <h2 id="s3-title">{ ctx.t(S::S3Title) }</h2>
            if !byok {
                <p class="hint">{ ctx.t(S::ByokOff) }</p>
            } else {
                <div class="row">
                    <TextField field={Field::CmkKeyId} hint={S::CmkKeyIdHint} placeholder="key-hzz630494463ejqjxxxxx" />
                    <TextField field={Field::CmkRegionId} hint={S::CmkRegionHint} list={REGION_LIST}
                        placeholder={AttrValue::from(if region.is_empty() { "cn-hangzhou".to_string() } else { region })} />
                </div>
                <ChoiceGroup field={Field::RoleMode} />
                if new_role {
                    <TextField field={Field::RoleName} hint={S::RoleNameHint} placeholder="sls-byok-kms-role" />
                } else {
                    <TextField field={Field::RoleArn} hint={S::RoleArnHint} placeholder={ctx.t(S::RoleArnPlaceholder)} />
                    <TextField field={Field::TrustPolicy} hint={S::TrustPolicyHint} rows={8} />
                }
                <div class="row">
                    <TextField field={Field::UserName} hint={S::UserNameHint} placeholder="sls-admin" />
                    <TextField field={Field::PassrolePolicyName} hint={S::PassrolePolicyHint} placeholder="sls-byok-passrole" />
                </div>
                <ChoiceGroup field={Field::PassroleScope} />
            }
        </section>
    }
}
