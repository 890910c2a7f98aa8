//! The properties every fuzz target checks, shared with tests/fuzz_replay.rs (which replays the
//! committed corpus and every crash reproducer natively, so a crash found stays a regression test).
// Each fuzz target uses one of these.
#![allow(dead_code)]

use sls_encrypt::intent::Intent;
use sls_encrypt::policy::{self, PolicyKind};
use sls_encrypt::text::{self, Document, Source};
use sls_encrypt::{compile_text, limits, trust};

const TRUST: &str = "/ram/current_trust_policy";

/// The text reader: a document or located issues, never a panic; strict JSON (not too deep) is read.
pub fn text_reader(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let read = text::read(s);
    for issue in &read.issues {
        assert!(issue.line >= 1 && issue.column >= 1, "issue without a position: {issue:?}");
        assert!(issue.line <= s.lines().count().max(1) + 1, "line past the end: {issue:?}");
    }
    match &read.document {
        Some(doc) => assert!(doc.position("").is_some(), "the root has no position"),
        None => assert!(!read.issues.is_empty(), "no document and no issue"),
    }
    let nesting = s.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    if nesting < 100 && !s.starts_with('\u{feff}') && serde_json::from_str::<serde_json::Value>(s).is_ok() {
        assert!(read.document.is_some(), "strict JSON refused: {:?}", read.issues);
    }
}

/// The intent reader: an intent or findings, never a panic.
pub fn intent_reader(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Some(doc) = text::read(s).document {
        let mut out = Vec::new();
        if Intent::read(&doc, &mut out).is_none() {
            assert!(!out.is_empty(), "no intent and no finding");
        }
    }
}

/// The whole compile: a plan that serialises, bilingual findings, at most MAX_FINDINGS of them,
/// and a size bounded by the input's.
pub fn compile(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let plan = compile_text(s);
    assert!(plan.findings.len() <= limits::MAX_FINDINGS);
    for f in &plan.findings {
        assert!(!f.message.is_empty() && !f.fix.is_empty() && !f.message_zh.is_empty() && !f.fix_zh.is_empty(), "{f:?}");
    }
    let json = serde_json::to_string(&plan).expect("a plan serialises");
    assert!(json.len() <= 256 * 1024 + 64 * s.len(), "a {}-byte intent gave a {}-byte plan", s.len(), json.len());
}

/// The policy analyser, as a trust and as a permission policy: every finding inside the policy.
pub fn policy(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let Some(document) = text::read(s).document else { return };
    let source = Source { prefix: TRUST.into(), document, chars: s.chars().count() };
    for kind in [PolicyKind::Trust, PolicyKind::Permission] {
        let mut out = Vec::new();
        policy::analyse(&source, kind, &mut out);
        for f in &out {
            assert!(f.path.starts_with(TRUST), "finding outside the policy: {f:?}");
        }
    }
}

/// The trust merge: idempotent unless a Deny or a condition stands in the way.
pub fn trust_merge(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let Some(document) = text::read(s).document else { return };
    let source = Source { prefix: TRUST.into(), document, chars: s.chars().count() };
    let mut out = Vec::new();
    let merged = trust::merge_trust(&source, &mut out);
    if !out.iter().any(|f| f.code == "RAM005" || f.code == "RAM006") {
        let again = Source { prefix: TRUST.into(), document: Document::from_value(merged.policy.clone()), chars: 0 };
        let second = trust::merge_trust(&again, &mut Vec::new());
        assert!(!second.changed, "merging twice changed {} again: {:?}", merged.policy, second.policy);
    }
}
