//! The exports carry exactly the plan's requests: the shell script's arguments (quoting included)
//! and the Python code's BODY equal the plan, even for values with quotes.
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
fn the_shell_script_passes_every_request_exactly() {
    let plan = plan();
    let script = plan.exports["aliyun_cli"].as_str().unwrap();
    // A stand-in `aliyun` prints each call's arguments, one per line, between markers.
    let stub = "aliyun() { echo '<<call'; for a in \"$@\"; do printf '%s\\n' \"$a\" | sed 's/^/  /'; done; echo 'call>>'; }\n";
    let out = Command::new("sh").arg("-c").arg(format!("{stub}{}", script.replace("set -eu", "set -eu; true"))).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let calls: Vec<Vec<String>> = text
        .split("<<call\n")
        .skip(1)
        .map(|c| c.trim_end_matches("call>>\n").lines().map(|l| l.strip_prefix("  ").unwrap_or(l).to_string()).collect())
        .collect();
    assert_eq!(calls.len(), plan.requests.len());
    for (call, req) in calls.iter().zip(&plan.requests) {
        assert_eq!(call[1], req.api, "step {}", req.step);
        let arg = |flag: &str| call.iter().position(|a| a == flag).map(|i| call[i + 1].clone());
        for (k, v) in &req.query {
            assert_eq!(arg(&format!("--{k}")).as_deref(), v.as_str(), "{} --{k}", req.api);
        }
        if let Some(body) = &req.body {
            let sent: Value = serde_json::from_str(&arg("--body").expect("--body")).unwrap();
            assert_eq!(&sent, body, "{} body", req.api);
        }
    }
}

#[test]
fn the_python_code_parses_and_its_body_is_the_plans() {
    let plan = plan();
    let code = plan.exports["python_sdk"].as_str().unwrap();
    let check = r#"
import ast, json, sys
src = sys.stdin.read()
tree = ast.parse(src)
body = next(n.value.args[0].value for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "BODY")
print(json.dumps(json.loads(body)))
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
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(Some(&body), plan.request("UpdateLogStore").unwrap().body.as_ref());
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
