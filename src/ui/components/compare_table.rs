//! The service key vs BYOK comparison from the Cloud Firewall docs, where the choice is made.

use crate::ui::i18n::S;
use crate::ui::state::{AppContext, Field};
use yew::prelude::*;

/// A table: who manages the key, lifecycle, audit, setup, algorithms. The chosen column is marked.
/// A plain function (no component of its own): the key section renders again when the key changes.
pub fn compare_table(ctx: &AppContext) -> Html {
    let byok = ctx.state.form.is(Field::Key, crate::choice::KeyKind::Byok);
    let rows = [
        (S::RowWho, S::WhoService, S::WhoByok),
        (S::RowLifecycle, S::LifeService, S::LifeByok),
        (S::RowAudit, S::AuditService, S::AuditByok),
        (S::RowSetup, S::SetupService, S::SetupByok),
        (S::RowAlgorithms, S::AlgorithmsBoth, S::AlgorithmsBoth),
    ];
    let chosen = |is: bool| if is { Some("chosen") } else { None };
    html! {
        <div class="table-wrap">
            <table class="compare">
                <caption>{ ctx.t(S::CompareCaption) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ ctx.t(S::CompareAspect) }</th>
                        <th scope="col" class={classes!(chosen(!byok))}>{ ctx.t(S::ColService) }</th>
                        <th scope="col" class={classes!(chosen(byok))}>{ ctx.t(S::ColByok) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|(row, service, own)| html! {
                        <tr>
                            <th scope="row">{ ctx.t(*row) }</th>
                            <td class={classes!(chosen(!byok))}>{ ctx.t(*service) }</td>
                            <td class={classes!(chosen(byok))}>{ ctx.t(*own) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="hint source">{ ctx.t(S::CompareSource) }</p>
        </div>
    }
}
