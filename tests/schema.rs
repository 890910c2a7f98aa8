//! The JSON Schemas derived from the Rust types: `sls-encrypt schema intent|plan` prints them, the
//! checked-in copies in www/lib are not stale, and an intent may name its schema in `"$schema"`.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sls-encrypt")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn schema_prints_the_generated_schemas_and_www_lib_has_them_fresh() {
    for what in ["intent", "plan"] {
        let (code, out, err) = cli(&["schema", what]);
        assert_eq!(code, 0, "{err}");
        let printed: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(printed["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(printed["type"], "object");
        let file = format!("www/lib/{what}.schema.json");
        let kept = std::fs::read_to_string(&file).unwrap();
        assert!(kept == out, "{file} is stale: run `node scripts/schemas.mjs` and commit the result");
    }
    let (code, _, err) = cli(&["schema", "logstore"]);
    assert_eq!(code, 2);
    assert!(err.contains("schema logstore: expected one of intent, plan"), "{err}");
}

#[test]
fn the_intent_schema_describes_every_top_level_key_the_reader_takes() {
    let schema = sls_encrypt::schema::intent();
    let keys: Vec<&str> = schema["properties"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["$schema", "version", "target", "operation", "current", "logstore", "encryption", "ram", "unknown_fields", "lang", "after"]
    );
    assert_eq!(schema["additionalProperties"], false);
}

#[test]
fn an_intent_may_name_its_schema_and_the_reader_ignores_it() {
    let text = std::fs::read_to_string("examples/service-key-create.json").unwrap();
    let plain = sls_encrypt::compile_text(&text);
    // Same lines and columns: the key goes on the first line.
    let named = sls_encrypt::compile_text(&text.replacen('{', "{\"$schema\": \"./intent.schema.json\",", 1));
    assert!(plain.ok && named.ok);
    assert_eq!(serde_json::to_value(&named).unwrap(), serde_json::to_value(&plain).unwrap());
    // Any other unknown key is still a finding.
    let typo = sls_encrypt::compile_text(&text.replacen('{', "{\"$schema_\": \"x\",", 1));
    assert!(typo.has("INT006"));
}
