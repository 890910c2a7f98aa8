//! Save text as a file through a temporary object URL.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

/// Offers `text` as a download named `name` with the given media type.
pub fn save(name: &str, text: &str, media_type: &str) {
    let _ = try_save(name, text, media_type);
}

fn try_save(name: &str, text: &str, media_type: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let revoke = url.clone();
    gloo::timers::callback::Timeout::new(1_000, move || {
        let _ = web_sys::Url::revoke_object_url(&revoke);
    })
    .forget();
    Some(())
}

/// The file name and media type of a JSON output named `name` (an export's come from the core).
pub fn json_file(name: &str) -> (String, &'static str) {
    (format!("{name}.json"), "application/json")
}
