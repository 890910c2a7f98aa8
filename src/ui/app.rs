//! The page shell.

use yew::prelude::*;

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <div class="shell" data-shell="ready">
            <header class="topbar">
                <h1>{ "sls-encrypt" }</h1>
                <button type="button" class="lang" data-action="language">{ "中文" }</button>
            </header>
            <main class="columns">
                <section class="form" aria-label="Intent"></section>
                <section class="plan" aria-label="Plan"></section>
            </main>
        </div>
    }
}
