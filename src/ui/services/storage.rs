//! The last state in localStorage, restored after a reload.

use crate::ui::i18n::{Lang, LangExt};
use serde_json::{Map, Value, json};

const KEY: &str = "sls-encrypt/v1";

/// What is saved: every changed field, the language, the sharing option and the hash last written.
#[derive(Debug, Clone, Default)]
pub struct Saved {
    /// The form map (all changed fields, unredacted).
    pub form: Map<String, Value>,
    /// The language, if one was chosen.
    pub lang: Option<Lang>,
    /// Redact the account id from share links.
    pub redact: bool,
    /// The URL hash written together with this state.
    pub hash: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved state, if there is a readable one.
pub fn load() -> Option<Saved> {
    let text = storage()?.get_item(KEY).ok().flatten()?;
    let Ok(Value::Object(obj)) = serde_json::from_str::<Value>(&text) else { return None };
    Some(Saved {
        form: obj.get("form").and_then(Value::as_object).cloned().unwrap_or_default(),
        lang: obj.get("lang").and_then(Value::as_str).map(Lang::from_tag),
        redact: obj.get("redact").and_then(Value::as_bool).unwrap_or(false),
        hash: obj.get("hash").and_then(Value::as_str).unwrap_or_default().to_string(),
    })
}

/// Saves the state (a full or refused storage is ignored).
pub fn save(saved: &Saved) {
    let Some(storage) = storage() else { return };
    let value = json!({
        "form": saved.form,
        "lang": saved.lang.map(Lang::code),
        "redact": saved.redact,
        "hash": saved.hash,
    });
    let _ = storage.set_item(KEY, &value.to_string());
}
