//! The text reader: any text gives a document or located issues, never a panic; every text
//! strict JSON accepts (and not nested too deep) is read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sls_encrypt::text;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let read = text::read(s);
    for issue in &read.issues {
        assert!(issue.line >= 1 && issue.column >= 1, "issue without a position: {issue:?}");
        assert!(issue.line <= s.lines().count().max(1) + 1, "line past the end: {issue:?}");
    }
    if let Some(doc) = &read.document {
        assert!(doc.position("").is_some(), "the root has no position");
    } else {
        assert!(!read.issues.is_empty(), "no document and no issue");
    }
    let nesting = s.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    if nesting < 100 && !s.starts_with('\u{feff}') && serde_json::from_str::<serde_json::Value>(s).is_ok() {
        assert!(read.document.is_some(), "strict JSON refused: {:?}", read.issues);
    }
});
