//! The exports carry exactly the plan's requests (the shell runbook is run for real in
//! tests/runbook.rs, the Python script in tests/runbook/test_python.py).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use std::process::Command;

fn plan() -> sls_encrypt::Plan {
    let mut intent: Value = serde_json::from_str(include_str!("../examples/byok-update-cloud-firewall.json")).unwrap();
    intent["current"]["futureNote"] = json!("it's \"quoted\" and $HOME and `cmd` \\ too");
    let plan = sls_encrypt::compile(&intent);
    assert!(plan.ok, "{:?}", plan.findings);
    plan
}

#[test]
fn the_python_script_parses_and_carries_every_request_of_the_plan() {
    let plan = plan();
    let code = plan.exports["python_sdk"].as_str().unwrap();
    let check = r#"
import ast, json, sys
src = sys.stdin.read()
tree = ast.parse(src)
plan = next(n.value.args[0].value for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "PLAN")
print(json.dumps(json.loads(plan)["steps"]))
"#;
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(check)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 is on every machine of this kind");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(code.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let steps: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(steps.len(), plan.requests.len());
    for (step, req) in steps.iter().zip(&plan.requests) {
        assert_eq!(step["api"], req.api.as_str());
        assert_eq!(step["host"], req.host.as_str());
        assert_eq!(step["path"], req.path.as_str());
        assert_eq!(step.get("query").cloned().unwrap_or(json!({})), Value::Object(req.query.clone()), "{}", req.api);
        assert_eq!(step.get("body"), req.body.as_ref(), "{}", req.api);
    }
}

#[test]
fn terraform_names_the_same_settings_and_keeps_interpolation_literal() {
    let plan = plan();
    let tf = plan.exports["terraform"].as_str().unwrap();
    assert_eq!(tf.matches('{').count(), tf.matches('}').count(), "balanced blocks");
    for line in [
        "retention_period      = 180",
        "hot_ttl               = 30",
        "encrypt_type = \"default\"",
        "cmk_key_id = \"key-hzz67f8a1b2c3d4e5f6g\"",
    ] {
        assert!(tf.contains(line), "missing {line}");
    }
    assert!(tf.contains("import {"), "an existing Logstore is imported, not recreated");
}
