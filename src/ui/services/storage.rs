//! The last state in localStorage (through gloo's storage), restored after a reload. The
//! format is `{"form": {...}, "lang": "en", "redact": false, "hash": "#v1=..."}` under `sls-encrypt/v1`.

use crate::ui::i18n::{Lang, LangExt};
use gloo::storage::{LocalStorage, Storage};
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

/// The saved state, if there is a readable one. Each part is read on its own, so a saved state
/// from any earlier version keeps what it can.
pub fn load() -> Option<Saved> {
    let Ok(Value::Object(obj)) = LocalStorage::get::<Value>(KEY) else { return None };
    Some(Saved {
        form: obj.get("form").and_then(Value::as_object).cloned().unwrap_or_default(),
        lang: obj.get("lang").and_then(Value::as_str).map(Lang::from_tag),
        redact: obj.get("redact").and_then(Value::as_bool).unwrap_or(false),
        hash: obj.get("hash").and_then(Value::as_str).unwrap_or_default().to_string(),
    })
}

/// Saves the state (a full or refused storage is ignored).
pub fn save(saved: &Saved) {
    let value = json!({
        "form": saved.form,
        "lang": saved.lang.map(Lang::code),
        "redact": saved.redact,
        "hash": saved.hash,
    });
    let _ = LocalStorage::set(KEY, value);
}
