//! A Yew hello world: one input, its text echoed below it. `make bench` measures it next to the app.

use yew::prelude::*;

#[function_component(Hello)]
fn hello() -> Html {
    let text = use_state(String::new);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| text.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    html! {
        <div class="shell" data-shell="ready">
            <label for="name">{ "Name" }</label>
            <input id="name" data-field="/name" value={(*text).clone()} {oninput} />
            <p data-echo="">{ format!("Hello, {}!", *text) }</p>
        </div>
    }
}

fn main() {
    yew::Renderer::<Hello>::new().render();
}
