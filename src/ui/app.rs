//! The page: state, the plan derived from it, and the layout.

use crate::ui::components::byok_section::ByokSection;
use crate::ui::components::key_section::KeySection;
use crate::ui::components::logstore_section::LogstoreSection;
use crate::ui::components::notice_bar::NoticeBar;
use crate::ui::components::outputs_section::OutputsSection;
use crate::ui::components::review_section::ReviewSection;
use crate::ui::components::summary_bar::SummaryBar;
use crate::ui::components::target_section::TargetSection;
use crate::ui::components::top_bar::TopBar;
use crate::ui::components::verify_section::VerifySection;
use crate::ui::hooks::{Ambient, Store, initial_state, use_document_lang, use_embed, use_persistence};
use crate::ui::i18n::S;
use crate::ui::services::focus;
use crate::ui::state::AppContext;
use std::rc::Rc;
use yew::prelude::*;

/// The whole page. The plan is compiled by the core from the form on every change, never stored.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    crate::ui::crash::remember(&state.form, state.lang, state.redact);
    let plan = use_memo((state.form.clone(), state.lang), |(form, lang)| crate::compile::compile(&form.intent_in(*lang)));
    use_persistence(&state);
    use_document_lang(state.lang);
    use_embed(&state, plan.clone());
    let ambient = Ambient { lang: state.lang, draft: !plan.ok, hidden: false };
    // Components read the state and plan from the store and render again only for what they show.
    let store = use_memo((), |_| Store::default());
    store.set(AppContext { state: Rc::new((*state).clone()), dispatcher: state.dispatcher(), plan });
    let t = |s: S| s.text(state.lang);
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus::focus_id("plan");
    });
    html! {
        <ContextProvider<Store> context={(*store).clone()}>
        <ContextProvider<Ambient> context={ambient}>
            <div class="shell" data-shell="ready" data-lang={state.lang.code()}>
                <a class="skip" href="#plan" onclick={skip}>{ t(S::SkipToPlan) }</a>
                <TopBar />
                <NoticeBar />
                <main class="columns">
                    <SummaryBar />
                    <section class="form-col" aria-label={t(S::FormRegion)}>
                        <TargetSection />
                        <KeySection />
                        <ByokSection />
                        <LogstoreSection />
                    </section>
                    <section class="plan-col" id="plan" tabindex="-1" aria-label={t(S::PlanRegion)}>
                        <ReviewSection />
                        <OutputsSection />
                        <VerifySection />
                        <p class="footer-note">{ t(S::Footer) }</p>
                    </section>
                </main>
            </div>
        </ContextProvider<Ambient>>
        </ContextProvider<Store>>
    }
}
