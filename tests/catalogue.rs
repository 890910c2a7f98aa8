//! The findings catalogue (docs/findings.json) against the code: no code missing, none stale,
//! every severity right, and every example triggers its code with a located, bilingual finding.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use sls_encrypt::policy::{self, PolicyKind};
use sls_encrypt::text::Source;
use sls_encrypt::{Code, Finding, compile, compile_text, text};
use std::collections::BTreeSet;

fn catalogue() -> Vec<Value> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/findings.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    doc["findings"].as_array().unwrap().clone()
}

/// Pads the string at `pad.at` (a pointer into the intent; "" for intent_text) with spaces to
/// `pad.to_bytes`, for the size limits' examples (kept small in the file).
fn padded(entry: &Value, text: &str) -> String {
    let to = entry.pointer("/pad/to_bytes").and_then(Value::as_u64).unwrap_or(0) as usize;
    format!("{text}{}", " ".repeat(to.saturating_sub(text.len())))
}

fn findings_of(entry: &Value) -> Vec<Finding> {
    if let Some(intent) = entry.get("intent") {
        let mut intent = intent.clone();
        if let Some(at) = entry.pointer("/pad/at").and_then(Value::as_str)
            && let Some(Value::String(s)) = intent.pointer_mut(at)
        {
            *s = padded(entry, s);
        }
        compile(&intent).findings
    } else if let Some(text) = entry.get("intent_text").and_then(Value::as_str) {
        compile_text(&padded(entry, text)).findings
    } else {
        let text = entry["policy"].as_str().unwrap();
        let kind = if entry["kind"] == "permission" { PolicyKind::Permission } else { PolicyKind::Trust };
        let document = text::read(text).document.expect("catalogue policies are JSON");
        let source = Source { prefix: "/ram/current_trust_policy".into(), document, chars: text.chars().count() };
        let mut out = Vec::new();
        policy::analyse(&source, kind, &mut out);
        out
    }
}

#[test]
fn catalogue_lists_exactly_the_codes_in_the_code() {
    let listed: BTreeSet<String> = catalogue().iter().map(|e| e["code"].as_str().unwrap().to_string()).collect();
    let known: BTreeSet<String> = Code::ALL.iter().map(|c| c.as_str().to_string()).collect();
    assert_eq!(listed.len(), catalogue().len(), "a code is listed twice");
    let missing: Vec<_> = known.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&known).collect();
    assert!(missing.is_empty(), "codes missing from docs/findings.json: {missing:?}");
    assert!(stale.is_empty(), "stale codes in docs/findings.json: {stale:?}");
    for e in catalogue() {
        let code = Code::ALL.iter().find(|c| c.as_str() == e["code"]).unwrap();
        assert_eq!(e["severity"], code.severity().as_str(), "severity of {}", e["code"]);
    }
}

#[test]
fn every_example_triggers_its_code_with_a_located_bilingual_finding() {
    let mut failures = Vec::new();
    for e in catalogue() {
        let code = e["code"].as_str().unwrap();
        let found = findings_of(&e);
        match found.iter().find(|f| f.code == code) {
            None => failures.push(format!("{code}: not triggered; got {:?}", found.iter().map(|f| f.code).collect::<Vec<_>>())),
            Some(f) => {
                if f.message.is_empty() || f.fix.is_empty() || f.message_zh.is_empty() || f.fix_zh.is_empty() {
                    failures.push(format!("{code}: message or fix missing in a language"));
                }
                if !f.message_zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                    failures.push(format!("{code}: message_zh is not Chinese: {}", f.message_zh));
                }
                let pasted = e.get("intent_text").is_some()
                    || e.get("policy").is_some()
                    || e["intent"]["current"].is_string()
                    || e["intent"]["after"].is_string();
                if pasted && f.line.is_none() && code != "TXT007" {
                    failures.push(format!("{code}: finding in pasted text without line/column"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
