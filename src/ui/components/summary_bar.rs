//! The findings count, always visible (sticky on narrow screens, pinned above the plan on wide ones).

use crate::finding::Severity;
use crate::ui::components::severity_icon::SeverityIcon;
use crate::ui::i18n::{self, S};
use crate::ui::services::focus;
use crate::ui::state::AppContext;
use yew::prelude::*;

/// Severities in the order they are shown.
pub const SEVERITIES: [Severity; 5] = [Severity::Error, Severity::SecurityWarning, Severity::Warning, Severity::Suggestion, Severity::Info];

/// Ready or not, the count per severity, and a link to the findings.
#[function_component(SummaryBar)]
pub fn summary_bar() -> Html {
    let Some(ctx) = use_context::<AppContext>() else { return html! {} };
    let lang = ctx.lang();
    let plan = &ctx.plan;
    let goto = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus::focus_id("findings");
    });
    let counts: Vec<(Severity, usize)> =
        SEVERITIES.iter().map(|s| (*s, plan.findings.iter().filter(|f| f.severity == *s).count())).filter(|(_, n)| *n > 0).collect();
    // Screen readers hear the counts once typing pauses, not on every keystroke.
    let spoken: String = counts.iter().map(|(s, n)| i18n::severity_count(lang, *s, *n)).collect::<Vec<_>>().join(", ");
    let announced = use_state(String::new);
    {
        let announced = announced.clone();
        use_effect_with(spoken, move |spoken| {
            let spoken = spoken.clone();
            let timer = gloo::timers::callback::Timeout::new(1000, move || announced.set(spoken));
            move || drop(timer)
        });
    }
    html! {
        <div class={classes!("summary", if plan.ok { "ok" } else { "blocked" })} data-summary="" data-ok={plan.ok.to_string()} data-findings-count={plan.findings.len().to_string()}>
            <p class="status" role="status">
                if plan.ok {
                    <svg class="sev-icon ok" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                        <circle cx="8" cy="8" r="7" /><path d="M4.5 8.5 L7 11 L11.5 5.5" class="glyph" />
                    </svg>
                    <span>{ ctx.t(S::SummaryReady) }</span>
                } else {
                    <SeverityIcon severity={Severity::Error} />
                    <span>{ ctx.t(S::SummaryBlocked) }</span>
                }
            </p>
            <ul class="counts">
                { for counts.iter().map(|(s, n)| html! {
                    <li class={classes!("count", s.as_str())} data-severity={s.as_str()}>
                        <SeverityIcon severity={*s} />{ i18n::severity_count(lang, *s, *n) }
                    </li>
                }) }
            </ul>
            <a class="goto" href="#findings" onclick={goto}>{ ctx.t(S::SummaryGoto) }</a>
            <p class="visually-hidden" aria-live="polite" data-announce="">{ (*announced).clone() }</p>
        </div>
    }
}
