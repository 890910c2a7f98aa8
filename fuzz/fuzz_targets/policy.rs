//! The policy analyser on any document, as a trust and as a permission policy: never a panic,
//! every finding located inside the pasted policy.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sls_encrypt::intent::Source;
use sls_encrypt::policy::{self, PolicyKind};
use sls_encrypt::text;

const PREFIX: &str = "/ram/current_trust_policy";

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let Some(document) = text::read(s).document else { return };
    let source = Source { prefix: PREFIX.into(), document, from_text: true, chars: s.chars().count() };
    for kind in [PolicyKind::Trust, PolicyKind::Permission] {
        let mut out = Vec::new();
        policy::analyse(&source, kind, &mut out);
        for f in &out {
            assert!(f.path.starts_with(PREFIX), "finding outside the policy: {f:?}");
        }
    }
});
