//! docs/CONTRACT.md's full example stays true: its intent is examples/byok-update-cloud-firewall.json
//! and its plan is exactly what the core produces for it.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;

fn block_after(doc: &str, marker: &str) -> Value {
    let rest = &doc[doc.find(marker).unwrap_or_else(|| panic!("{marker} missing"))..];
    let start = rest.find("```json\n").unwrap() + 8;
    let end = rest[start..].find("\n```").unwrap();
    serde_json::from_str(&rest[start..start + end]).unwrap()
}

#[test]
fn contract_example_is_current() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/CONTRACT.md")).unwrap();
    let text = include_str!("../examples/byok-update-cloud-firewall.json");
    let intent: Value = serde_json::from_str(text).unwrap();
    assert_eq!(block_after(&doc, "<!-- intent -->"), intent);
    let plan = serde_json::to_value(sls_encrypt::compile_text(text)).unwrap();
    assert_eq!(
        block_after(&doc, "<!-- plan -->"),
        plan,
        "regenerate the plan block: cargo run -q -- compile examples/byok-update-cloud-firewall.json"
    );
}

#[test]
fn contract_verification_example_is_current() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/CONTRACT.md")).unwrap();
    let intent = block_after(&doc, "<!-- verify intent -->");
    let plan = serde_json::to_value(sls_encrypt::compile(&intent)).unwrap();
    let at_after: Vec<&Value> =
        plan["findings"].as_array().unwrap().iter().filter(|f| f["path"].as_str().unwrap().starts_with("/after")).collect();
    let shown = serde_json::json!({ "ok": plan["ok"], "findings": at_after, "verification": plan["verification"] });
    assert_eq!(
        block_after(&doc, "<!-- verify plan -->"),
        shown,
        "regenerate the verify plan block: the plan's ok, its findings under /after and its verification, for the verify intent:\n{}",
        serde_json::to_string_pretty(&shown).unwrap()
    );
}
