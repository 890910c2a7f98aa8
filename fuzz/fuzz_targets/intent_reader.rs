//! The intent reader: any document read from text gives an intent or findings, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sls_encrypt::{intent::Intent, text};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Some(doc) = text::read(s).document {
        let mut out = Vec::new();
        if Intent::read(&doc, &mut out).is_none() {
            assert!(!out.is_empty(), "no intent and no finding");
        }
    }
});
