//! The form's words for the intent's JSON pointers: findings and diff reasons name fields by
//! pointer (`/target/account_id`); the page shows the label the user sees instead.

use crate::ui::i18n::{Lang, S};
use crate::ui::state::Field;

/// The label shown for a JSON pointer of the intent: the form field's label, or its section's.
pub fn pointer_label(lang: Lang, pointer: &str) -> Option<&'static str> {
    if let Some(field) = Field::at(pointer) {
        return Some(field.label().text(lang));
    }
    match pointer {
        "/encryption" => Some(S::KeySectionName.text(lang)),
        "/logstore" => Some(S::LogstoreSettingsName.text(lang)),
        _ => None,
    }
}

/// A finding's text with the intent's JSON pointers replaced by the form's labels, quoted
/// (“Region” in English, 「地域」 in Chinese): the page speaks of what the user sees.
pub fn humanize(lang: Lang, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('/') {
        let (before, from) = rest.split_at(i);
        out.push_str(before);
        // The longest pointer starting here: `/` and `[a-z_]` segments.
        let end = from
            .char_indices()
            .skip(1)
            .find(|(_, c)| !(c.is_ascii_lowercase() || *c == '_' || *c == '/' || c.is_ascii_uppercase()))
            .map_or(from.len(), |(j, _)| j);
        let candidate = from[..end].trim_end_matches('/');
        let preceded_ok = before.chars().last().is_none_or(|c| !(c.is_ascii_alphanumeric() || c == ':' || c == '/'));
        let exact = Field::ALL.iter().any(|f| f.pointer() == candidate) || matches!(candidate, "/encryption" | "/logstore");
        match pointer_label(lang, candidate).filter(|_| exact && preceded_ok) {
            Some(label) => {
                rest = &from[candidate.len()..];
                match lang {
                    Lang::En => out.push_str(&format!("“{label}”")),
                    // Corner brackets need no space around them.
                    Lang::Zh => {
                        if out.ends_with(' ') {
                            out.pop();
                        }
                        out.push_str(&format!("「{label}」"));
                        rest = rest.strip_prefix(' ').unwrap_or(rest);
                    }
                }
            }
            None => {
                out.push('/');
                rest = &from[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
