//! Browser unit tests (wasm-bindgen-test in headless Chromium): the core runs in wasm exactly as natively.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn compile_runs_in_the_browser() {
    let plan = sls_encrypt::compile_text(
        r#"{"version": 1, "target": {"region": "cn-hangzhou", "project": "p-1x", "logstore": "ls1"},
        "operation": "create", "logstore": {"ttl": 30, "shardCount": 2}, "encryption": {"key": "service"}}"#,
    );
    assert!(plan.ok, "{:?}", plan.findings);
    assert_eq!(plan.requests[0].api, "CreateLogStore");
}

#[wasm_bindgen_test]
fn bad_text_gives_a_located_finding_not_a_panic() {
    let plan = sls_encrypt::compile_text("{\n  \"version\": 1,\n  x\n}");
    assert_eq!(plan.findings[0].code, "INT001");
    assert_eq!(plan.findings[0].line, Some(3));
}

#[wasm_bindgen_test]
fn js_api_round_trips_json() {
    let plan: serde_json::Value = serde_json::from_str(&sls_encrypt::api::compile_json("{\"version\": 1, \"x\": ")).unwrap();
    assert_eq!(plan["ok"], false);
    assert_eq!(plan["findings"][0]["code"], "INT001");
    let codes: serde_json::Value = serde_json::from_str(&sls_encrypt::api::finding_codes()).unwrap();
    assert!(codes.as_array().unwrap().iter().any(|c| c["code"] == "MRG002" && c["severity"] == "error"));
    assert_eq!(sls_encrypt::api::format_version(), 1);
}
