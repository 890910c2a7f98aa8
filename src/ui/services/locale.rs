//! The browser's preferred language and the document's `lang` and title.

use crate::ui::i18n::{Lang, LangExt};

/// The language from `navigator.language` (Chinese for `zh*`, else English).
pub fn preferred() -> Lang {
    web_sys::window().and_then(|w| w.navigator().language()).map(|tag| Lang::from_tag(&tag)).unwrap_or(Lang::En)
}

/// Sets `<html lang>` and the document title.
pub fn apply(lang: Lang, title: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document.set_title(title);
}
