//! Keeps `<html lang>` and the title in the interface language.

use crate::ui::i18n::{Lang, S};
use crate::ui::services::locale;
use yew::prelude::*;

/// Sets `<html lang>` and the document title whenever the language changes.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| locale::apply(*lang, S::DocTitle.text(*lang)));
}
