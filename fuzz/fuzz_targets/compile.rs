//! The whole compile, as the CLI runs it: never a panic, a plan that serialises, every finding
//! bilingual, and a plan of bounded size.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sls_encrypt::{compile_text, limits};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let plan = compile_text(s);
    assert!(plan.findings.len() <= limits::MAX_FINDINGS);
    for f in &plan.findings {
        assert!(!f.message.is_empty() && !f.fix.is_empty() && !f.message_zh.is_empty() && !f.fix_zh.is_empty(), "{f:?}");
    }
    let json = serde_json::to_string(&plan).expect("a plan serialises");
    assert!(json.len() <= 256 * 1024 + 64 * s.len(), "a {}-byte intent gave a {}-byte plan", s.len(), json.len());
});
