//! Replays the committed fuzz corpus and every crash reproducer (fuzz/corpus/<target>/,
//! fuzz/artifacts/<target>/) through the fuzz targets' properties natively: a crash found by
//! `make fuzz` stays a regression test here once its reproducer is committed.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// One target's property check.
type Check = fn(&[u8]);

fn replay(target: &str, check: Check) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["corpus", "artifacts"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else { continue };
        for entry in entries.flatten() {
            let data = std::fs::read(entry.path()).unwrap();
            let name = entry.path().display().to_string();
            if let Err(e) = std::panic::catch_unwind(|| check(&data)) {
                panic!(
                    "{target}: {name} fails: {:?}",
                    e.downcast_ref::<String>().map(String::as_str).or(e.downcast_ref::<&str>().copied())
                );
            }
            n += 1;
        }
    }
    n
}

#[test]
fn the_fuzz_corpus_and_crash_reproducers_pass_every_target() {
    let targets: [(&str, Check); 5] = [
        ("text_reader", checks::text_reader),
        ("intent_reader", checks::intent_reader),
        ("compile", checks::compile),
        ("policy", checks::policy),
        ("trust_merge", checks::trust_merge),
    ];
    for (target, check) in targets {
        let n = replay(target, check);
        assert!(n > 0, "no corpus for {target}: run make fuzz and commit fuzz/corpus/");
    }
}
