//! The plan's state and the findings count, always visible (sticky on narrow screens, pinned
//! above the plan on wide ones), with links to the findings and to what to run.

use crate::finding::Severity;
use crate::plan::PlanState;
use crate::ui::components::severity_icon::severity_icon;
use crate::ui::i18n::{self, S};
use crate::ui::services::focus;
use crate::ui::state::AppContext;
use yew::prelude::*;

/// What the bar says: the core's plan state, with "to fill in" for a form not yet filled and
/// "read the warnings" for a ready plan with warnings.
fn status(ctx: &AppContext) -> (&'static str, S) {
    let plan = &ctx.plan;
    match plan.state {
        _ if ctx.shows_errors() => ("blocked", S::SummaryBlocked),
        PlanState::Blocked => ("todo", S::SummaryToFill),
        PlanState::NothingToSend => ("nothing", S::SummaryNothing),
        _ if plan.findings.iter().any(|f| matches!(f.severity, Severity::Warning | Severity::SecurityWarning)) => {
            ("review", S::SummaryReadWarnings)
        }
        _ => ("ok", S::SummaryReady),
    }
}

/// The state, the count per severity, and links to the findings and to the runbook.
#[function_component(SummaryBar)]
pub fn summary_bar() -> Html {
    let ctx = crate::ui::hooks::use_app_if(|_, a, b| {
        let (p, q) = (&a.plan, &b.plan);
        a.same_pending(b)
            && p.ok == q.ok
            && p.state == q.state
            && p.requests.is_empty() == q.requests.is_empty()
            && p.findings == q.findings
    });
    let lang = ctx.lang();
    let plan = &ctx.plan;
    let goto = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus::focus_id("findings");
    });
    let run = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus::focus_id("runbook");
    });
    let todo = plan.findings.iter().filter(|f| ctx.is_pending(f)).count();
    let counts: Vec<(Severity, usize)> = Severity::ALL
        .iter()
        .map(|s| (*s, plan.findings.iter().filter(|f| f.severity == *s && !ctx.is_pending(f)).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    // Screen readers hear the counts once typing pauses, not on every keystroke.
    let mut spoken: Vec<String> = counts.iter().map(|(s, n)| i18n::severity_count(lang, *s, *n)).collect();
    if todo > 0 {
        spoken.insert(0, i18n::todo_count(lang, todo));
    }
    let spoken = spoken.join(", ");
    let announced = use_state(String::new);
    {
        let announced = announced.clone();
        use_effect_with(spoken, move |spoken| {
            let spoken = spoken.clone();
            let timer = gloo::timers::callback::Timeout::new(1000, move || announced.set(spoken));
            move || drop(timer)
        });
    }
    let (class, text) = status(&ctx);
    html! {
        <div class={classes!("summary", class)} data-summary="" data-ok={plan.ok.to_string()} data-state={class} data-findings-count={plan.findings.len().to_string()}>
            <p class="status" role="status">
                { match class {
                    "ok" => html! {
                        <svg class="sev-icon ok" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                            <circle cx="8" cy="8" r="7" /><path d="M4.5 8.5 L7 11 L11.5 5.5" class="glyph" />
                        </svg>
                    },
                    "blocked" => html! { { severity_icon(Severity::Error) } },
                    "review" => html! { { severity_icon(Severity::Warning) } },
                    "nothing" => html! { { severity_icon(Severity::Info) } },
                    _ => html! { <svg class="sev-icon todo" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><rect x="2" y="2" width="12" height="12" rx="2" /></svg> },
                } }
                <span>{ ctx.t(text) }</span>
            </p>
            <ul class="counts">
                if todo > 0 {
                    <li class="count todo" data-todo-count={todo.to_string()}>{ i18n::todo_count(lang, todo) }</li>
                }
                // Keyed apart from the to-fill-in count, so a count that comes or goes leaves the others.
                <>{ for counts.iter().map(|(s, n)| html! {
                    <li key={s.as_str()} class={classes!("count", s.as_str())} data-severity={s.as_str()}>
                        { severity_icon(*s) }{ i18n::severity_count(lang, *s, *n) }
                    </li>
                }) }</>
            </ul>
            <a class="goto" href="#findings" onclick={goto}>{ ctx.t(S::SummaryGoto) }</a>
            if plan.ok && !plan.requests.is_empty() {
                <a class="goto run" href="#runbook" data-action="goto-runbook" onclick={run}>{ ctx.t(S::SummaryRun) }</a>
            }
            <p class="visually-hidden" aria-live="polite" data-announce="">{ (*announced).clone() }</p>
        </div>
    }
}
