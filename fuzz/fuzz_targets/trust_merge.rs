//! The trust merge on any document: never a panic, and idempotent: unless a Deny or a condition
//! stands in the way, merging the merged policy again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sls_encrypt::intent::Source;
use sls_encrypt::text::{self, Document};
use sls_encrypt::trust;

const PREFIX: &str = "/ram/current_trust_policy";

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let Some(document) = text::read(s).document else { return };
    let source = Source { prefix: PREFIX.into(), document, from_text: true, chars: s.chars().count() };
    let mut out = Vec::new();
    let merged = trust::merge_trust(&source, &mut out);
    if !out.iter().any(|f| f.code == "RAM005" || f.code == "RAM006") {
        let again = Source { prefix: PREFIX.into(), document: Document::from_value(merged.policy.clone()), from_text: false, chars: 0 };
        let second = trust::merge_trust(&again, &mut Vec::new());
        assert!(!second.changed, "merging twice changed {} again: {:?}", merged.policy, second.changes);
    }
});
