//! One output: title, what it is for, Copy and Download, and the text.

use crate::ui::components::copy_button::CopyButton;
use crate::ui::components::json_view::JsonView;
use crate::ui::services::download;
use yew::prelude::*;

/// Props of [`OutputBlock`].
#[derive(Properties, PartialEq)]
pub struct OutputBlockProps {
    /// The output's public name (`data-output`).
    pub name: AttrValue,
    /// The title.
    pub title: AttrValue,
    /// A line under the title.
    #[prop_or_default]
    pub description: Option<AttrValue>,
    /// A second line (e.g. the request line).
    #[prop_or_default]
    pub detail: Option<AttrValue>,
    /// The text (pretty JSON unless `plain`).
    pub text: AttrValue,
    /// Plain text rather than JSON.
    #[prop_or_default]
    pub plain: bool,
    /// The file it downloads as, with its media type (an export's, from the core); otherwise
    /// `{name}.json`.
    #[prop_or_default]
    pub file: Option<(&'static str, &'static str)>,
}

/// An output block carrying `data-output`.
#[function_component(OutputBlock)]
pub fn output_block(props: &OutputBlockProps) -> Html {
    // While the plan has errors every download is named a draft, so it is never taken for final.
    let draft = crate::ui::hooks::use_ambient().draft;
    let (name, mime) = match props.file {
        Some((name, mime)) => (name.to_string(), mime),
        None => download::json_file(&props.name),
    };
    let file = (if draft { name.replacen('.', ".DRAFT.", 1) } else { name }, mime);
    let heading_id = format!("out-{}", props.name);
    html! {
        <article class="output" data-output={props.name.clone()} aria-labelledby={heading_id.clone()}>
            <header class="output-head">
                <div>
                    <h4 id={heading_id}>{ props.title.clone() }</h4>
                    if let Some(d) = &props.description {
                        <p class="hint">{ d.clone() }</p>
                    }
                    if let Some(d) = &props.detail {
                        <p class="request-line"><code>{ d.clone() }</code></p>
                    }
                </div>
                <CopyButton text={props.text.clone()} download={Some(file)} what={props.title.clone()} />
            </header>
            <JsonView text={props.text.clone()} plain={props.plain} label={props.title.clone()} />
        </article>
    }
}
