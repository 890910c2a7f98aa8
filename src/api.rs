//! The JS API: a thin wasm-bindgen facade over the core, for portals that call it directly.
//! Every function takes and returns JSON text, so the contract is exactly docs/CONTRACT.md.

use wasm_bindgen::prelude::*;

/// Compiles an intent (JSON text) into a plan (JSON text). Never throws: bad input is a finding.
#[wasm_bindgen(js_name = compile)]
pub fn compile_json(intent: &str) -> String {
    serde_json::to_string(&crate::compile::compile_text(intent)).unwrap_or_default()
}

/// Every finding code with its severity, as JSON: `[{"code": "ENC005", "severity": "error"}, ...]`.
#[wasm_bindgen(js_name = findingCodes)]
pub fn finding_codes() -> String {
    let list: Vec<serde_json::Value> =
        crate::finding::Code::ALL.iter().map(|c| serde_json::json!({ "code": c.as_str(), "severity": c.severity().as_str() })).collect();
    serde_json::Value::Array(list).to_string()
}

/// The intent/plan format version this build reads and writes.
#[wasm_bindgen(js_name = formatVersion)]
pub fn format_version() -> u32 {
    crate::plan::FORMAT_VERSION
}
