//! Copy to the clipboard.

use wasm_bindgen_futures::JsFuture;

/// Writes text to the clipboard; false when the browser refuses.
pub async fn write(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
