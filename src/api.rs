//! The JS API: a thin wasm-bindgen facade over the core, for portals that import the module
//! (`dist/lib/sls-encrypt.js`) or call `window.wasmBindings` on the app page. The same functions
//! run in Node and in browsers. Bad input never throws: it is a plan with findings, exactly as
//! the CLI gives.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Compiles an intent, given as a JS object or as JSON text, into the plan as a JS object.
///
/// An object is read as its two-space `JSON.stringify` text, so findings carry the line and
/// column they would have in that text (an intent file saved in that layout gives the same plan).
#[wasm_bindgen(js_name = compile, unchecked_return_type = "Plan")]
pub fn compile(#[wasm_bindgen(unchecked_param_type = "Intent | string")] intent: JsValue) -> JsValue {
    to_js(&crate::compile::compile_text(&intent_text(&intent)))
}

/// Compiles an intent (JSON text) into a plan (JSON text, compact): the plan the CLI prints.
#[wasm_bindgen(js_name = compileJson)]
pub fn compile_json(intent: &str) -> String {
    serde_json::to_string(&crate::compile::compile_text(intent)).unwrap_or_default()
}

/// One finding code and its severity, as [`finding_codes`] lists them.
#[derive(Serialize)]
struct CodeEntry {
    code: &'static str,
    severity: &'static str,
}

/// Every finding code with its severity: `[{code: "ENC005", severity: "error"}, ...]`.
#[wasm_bindgen(js_name = findingCodes, unchecked_return_type = "{ code: Code; severity: Severity }[]")]
pub fn finding_codes() -> JsValue {
    let list: Vec<CodeEntry> =
        crate::finding::Code::ALL.iter().map(|c| CodeEntry { code: c.as_str(), severity: c.severity().as_str() }).collect();
    to_js(&list)
}

/// The intent/plan format version this build reads and writes.
#[wasm_bindgen(js_name = formatVersion)]
pub fn format_version() -> u32 {
    crate::plan::FORMAT_VERSION
}

/// The JSON text the core reads for a JS value: a string as it is, anything else as its
/// two-space `JSON.stringify` text. A value with no JSON text (`undefined`, a function, a
/// `BigInt`, a cycle) reads as empty text, which the core reports as a finding.
fn intent_text(intent: &JsValue) -> String {
    if let Some(text) = intent.as_string() {
        return text;
    }
    js_sys::JSON::stringify_with_replacer_and_space(intent, &JsValue::NULL, &JsValue::from_f64(2.0))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// `value` as a plain JS value: maps as objects, `None` as null. Numbers JS cannot hold exactly
/// (integers beyond 2^53 in a pasted Logstore) go through `JSON.parse`, as a portal's own would.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or_else(|_| {
        let text = serde_json::to_string(value).unwrap_or_default();
        js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
    })
}
