//! The shell runbook, run for real: bash with a stand-in `aliyun` (tests/runbook/fake_aliyun.py,
//! which records each call's exact bytes and answers like the service) and the real jq on PATH.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A value no shell quoting may change: quotes, `$`, backquotes, backslashes, a newline, CJK.
const HOSTILE: &str = "it's \"quoted\" $HOME `id` $(id) \\ back\\slash\nsecond line 中文 '\\''";

fn intent() -> Value {
    let mut intent: Value = serde_json::from_str(include_str!("../examples/byok-update-cloud-firewall.json")).unwrap();
    intent["current"]["futureNote"] = json!(HOSTILE);
    intent
}

fn compile(intent: &Value) -> sls_encrypt::Plan {
    sls_encrypt::compile(intent)
}

/// Where a program is on this machine's PATH.
fn which(name: &str) -> PathBuf {
    std::env::split_paths(&std::env::var_os("PATH").unwrap())
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("{name} is on PATH on this project's machines"))
}

/// The real Python interpreter (not a version manager's shim, which needs its own environment).
fn python() -> PathBuf {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .expect("python3 is on every machine of this kind");
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("sls-encrypt-runbook-{}-{}-{name}", std::process::id(), N.fetch_add(1, Ordering::SeqCst)));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("bin")).unwrap();
    dir
}

/// The world the stand-in answers from: the CMK enabled in the Logstore's region, no RAM yet,
/// and the Logstore exactly as pasted.
fn state(intent: &Value) -> Value {
    json!({
        "version": "3.0.308",
        "key": {"KeyId": "key-hzz67f8a1b2c3d4e5f6g", "KeyState": "Enabled", "DeletionProtection": "Disabled",
                "Arn": "acs:kms:cn-hangzhou:1234567890123456:key/key-hzz67f8a1b2c3d4e5f6g"},
        "roles": {}, "role_policies": {}, "policies": {}, "user_policies": {},
        "logstore": intent["current"].clone(),
    })
}

struct Run {
    ok: bool,
    stderr: String,
    /// Every call's arguments, as bytes.
    calls: Vec<Vec<Vec<u8>>>,
    state: Value,
}

impl Run {
    /// The calls of one API (second argument), in order.
    fn of(&self, api: &str) -> Vec<&Vec<Vec<u8>>> {
        self.calls.iter().filter(|c| c.get(1).map(Vec::as_slice) == Some(api.as_bytes())).collect()
    }

    /// Calls that change something.
    fn changes(&self) -> Vec<String> {
        self.calls
            .iter()
            .filter_map(|c| c.get(1))
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .filter(|a| ["Create", "Attach", "Update", "Set", "Delete", "Detach"].iter().any(|p| a.starts_with(p)))
            .collect()
    }
}

/// Runs `script` under bash in a fresh directory whose PATH holds only the stand-in `aliyun` and
/// the tools named (symlinks to the real ones).
fn run(script: &str, state: &Value, tools: &[&str], env: &[(&str, &str)]) -> Run {
    let dir = temp_dir("run");
    let bin = dir.join("bin");
    for t in tools {
        std::os::unix::fs::symlink(which(t), bin.join(t)).unwrap();
    }
    let fake = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/runbook/fake_aliyun.py");
    let wrapper = format!("#!/bin/sh\nexec '{}' -S -E -B '{}' \"$@\"\n", python().display(), fake.display());
    std::fs::write(bin.join("aliyun"), wrapper).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(bin.join("aliyun"), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(dir.join("state.json"), state.to_string()).unwrap();
    std::fs::write(dir.join("run.sh"), script).unwrap();
    let out = Command::new(which("bash"))
        .arg(dir.join("run.sh"))
        .env_clear()
        .env("PATH", &bin)
        .env("FAKE_ALIYUN_DIR", &dir)
        .env("SLS_ENCRYPT_RETRY_EVERY", "0")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let calls = std::fs::read_to_string(dir.join("calls.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str::<Vec<String>>(l).unwrap().iter().map(|h| hex(h)).collect())
        .collect();
    let state = serde_json::from_str(&std::fs::read_to_string(dir.join("state.json")).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    Run { ok: out.status.success(), stderr: String::from_utf8_lossy(&out.stderr).into_owned(), calls, state }
}

const TOOLS: &[&str] = &["jq", "grep", "head", "cut", "sleep"];

fn hex(h: &str) -> Vec<u8> {
    (0..h.len()).step_by(2).map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap()).collect()
}

/// The arguments that send `r`, built from the plan's request alone (not from the script).
fn argv(r: &sls_encrypt::plan::Request) -> Vec<Vec<u8>> {
    let mut a: Vec<String> = Vec::new();
    if r.host == "ram.aliyuncs.com" {
        a.extend(["ram".into(), r.api.as_str().into()]);
        for (k, v) in &r.query {
            a.extend([format!("--{k}"), v.as_str().unwrap().to_string()]);
        }
    } else {
        let project = r.host.split('.').next().unwrap();
        let region = r.host.split('.').nth(1).unwrap();
        a.extend(["sls".into(), r.api.as_str().into(), "--region".into(), region.into(), "--project".into(), project.into()]);
        if r.api != "CreateLogStore" {
            a.extend(["--logstore".into(), r.path.trim_start_matches("/logstores/").into()]);
        }
        if let Some(b) = &r.body {
            a.extend(["--body".into(), serde_json::to_string(b).unwrap()]);
        }
    }
    a.into_iter().map(String::into_bytes).collect()
}

fn script(plan: &sls_encrypt::Plan) -> &str {
    plan.exports["aliyun_cli"].as_str().unwrap()
}

#[test]
fn a_live_logstore_as_pasted_gets_every_request_in_order_byte_for_byte() {
    let intent = intent();
    let plan = compile(&intent);
    assert!(plan.ok, "{:?}", plan.findings);
    let r = run(script(&plan), &state(&intent), TOOLS, &[]);
    assert!(r.ok, "{}", r.stderr);
    let apis: Vec<&str> = plan.requests.iter().map(|r| r.api.as_str()).collect();
    let sent: Vec<&Vec<Vec<u8>>> =
        r.calls.iter().filter(|c| apis.iter().any(|a| c.get(1).map(Vec::as_slice) == Some(a.as_bytes()))).collect();
    let expected: Vec<Vec<Vec<u8>>> = plan.requests.iter().map(argv).collect();
    assert_eq!(sent.len(), expected.len(), "{}", r.stderr);
    for (got, want) in sent.iter().zip(&expected) {
        assert_eq!(*got, want, "{}", String::from_utf8_lossy(&want[1]));
    }
    let body = &r.of("UpdateLogStore")[0][9];
    assert!(String::from_utf8_lossy(body).contains("\\n"), "the hostile value went through with its newline");
    assert!(body.windows("中文".len()).any(|w| w == "中文".as_bytes()));
    assert_eq!(
        r.changes(),
        ["CreateRole", "AttachPolicyToRole", "AttachPolicyToRole", "CreatePolicy", "AttachPolicyToUser", "UpdateLogStore"]
    );
    assert!(r.stderr.contains("ENC004"), "deletion protection is offered: {}", r.stderr);
}

#[test]
fn a_field_changed_live_stops_before_update_logstore_and_is_named() {
    let intent = intent();
    let plan = compile(&intent);
    let mut world = state(&intent);
    world["logstore"]["ttl"] = json!(7);
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(!r.ok);
    assert!(r.stderr.contains("changed since it was pasted: ttl differ"), "{}", r.stderr);
    assert_eq!(r.of("GetLogStore").len(), 1);
    assert!(r.of("UpdateLogStore").is_empty());

    // A field the pasted configuration did not have at all would be reset by the update: drift too.
    let mut world = state(&intent);
    world["logstore"]["shardingPolicy"] = json!({"shardGroup": {"keys": ["a"]}});
    world["logstore"]["lastModifyTime"] = json!(1800000000);
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(!r.ok);
    assert!(r.stderr.contains(": shardingPolicy differ"), "read-only fields aside: {}", r.stderr);
    assert!(r.of("UpdateLogStore").is_empty());

    // Someone encrypted it meanwhile: encrypt_conf is named.
    let mut world = state(&intent);
    world["logstore"]["encrypt_conf"] = json!({"enable": true, "encrypt_type": "default"});
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(r.stderr.contains(": encrypt_conf differ"), "{}", r.stderr);
    assert!(r.of("UpdateLogStore").is_empty());
}

#[test]
fn a_second_run_after_steps_1_to_3_completes_and_creates_nothing_twice() {
    let intent = intent();
    let plan = compile(&intent);
    let mut world = state(&intent);
    let trust = plan.requests[0].query["AssumeRolePolicyDocument"].clone();
    world["roles"] = json!({"sls-byok-kms-role": trust});
    world["role_policies"] = json!({"sls-byok-kms-role": [["AliyunKMSReadOnlyAccess", "System"], ["AliyunKMSCryptoUserAccess", "System"]]});
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(r.ok, "{}", r.stderr);
    assert_eq!(r.changes(), ["CreatePolicy", "AttachPolicyToUser", "UpdateLogStore"]);
    assert!(r.stderr.contains("step 1: skipped") && r.stderr.contains("step 3: skipped"), "{}", r.stderr);

    // And a third run, with everything done, changes nothing: the Logstore already has the body.
    let again = run(script(&plan), &r.state, TOOLS, &[]);
    assert!(again.ok, "{}", again.stderr);
    assert!(again.changes().is_empty(), "{:?}", again.changes());
    assert!(again.stderr.contains("step 7: skipped, the Logstore already has this configuration"), "{}", again.stderr);
}

#[test]
fn an_old_aliyun_or_no_jq_stops_before_the_first_call() {
    let intent = intent();
    let plan = compile(&intent);
    let mut world = state(&intent);
    world["version"] = json!("3.0.307");
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(!r.ok);
    assert!(r.stderr.contains("3.0.307") && r.stderr.contains("3.0.308"), "{}", r.stderr);
    assert_eq!(r.calls, vec![vec![b"version".to_vec()]], "only `aliyun version` ran");

    let without_jq: Vec<&str> = TOOLS.iter().copied().filter(|t| *t != "jq").collect();
    let r = run(script(&plan), &state(&intent), &without_jq, &[]);
    assert!(!r.ok);
    assert!(r.stderr.contains("jq is not on PATH"), "{}", r.stderr);
    assert!(r.calls.is_empty());

    // 3.1.0 is newer than 3.0.308 even though 1 < 308.
    let mut world = state(&intent);
    world["version"] = json!("3.1.0");
    assert!(run(script(&plan), &world, TOOLS, &[]).ok);
}

#[test]
fn a_disabled_cmk_a_cmk_elsewhere_or_a_missing_role_stops_before_any_change() {
    let intent = intent();
    let plan = compile(&intent);
    let mut world = state(&intent);
    world["key"]["KeyState"] = json!("Disabled");
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(!r.ok);
    assert!(r.stderr.contains("is Disabled, not Enabled"), "{}", r.stderr);
    assert!(r.changes().is_empty(), "{:?}", r.changes());

    let mut world = state(&intent);
    world["key"]["Arn"] = json!("acs:kms:cn-shanghai:1234567890123456:key/key-hzz67f8a1b2c3d4e5f6g");
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(!r.ok);
    assert!(r.stderr.contains("is in region cn-shanghai, but the Logstore is in cn-hangzhou"), "{}", r.stderr);
    assert!(r.changes().is_empty());

    let mut world = state(&intent);
    world["key"] = Value::Null;
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(!r.ok && r.stderr.contains("was not found"), "{}", r.stderr);
    assert!(r.changes().is_empty());

    // An existing role: it must exist, and Log Service must be allowed to assume it.
    let mut existing = intent.clone();
    existing["ram"]["create_role"] = json!(false);
    existing["encryption"]["role_arn"] = json!("acs:ram::1234567890123456:role/sls-byok-kms-role");
    let plan = compile(&existing);
    assert!(plan.request("CreateRole").is_none());
    let r = run(script(&plan), &state(&existing), TOOLS, &[]);
    assert!(!r.ok);
    assert!(r.stderr.contains("the role sls-byok-kms-role does not exist"), "{}", r.stderr);
    assert!(r.changes().is_empty(), "{:?}", r.changes());

    let mut world = state(&existing);
    world["roles"] = json!({"sls-byok-kms-role": r#"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}"#});
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(!r.ok);
    assert!(r.stderr.contains("does not let log.aliyuncs.com assume it"), "{}", r.stderr);
    assert!(r.changes().is_empty());

    world["roles"] = json!({"sls-byok-kms-role": r#"{"Statement":[{"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"Service":"log.aliyuncs.com"}}],"Version":"1"}"#});
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(r.ok, "a trusting role passes: {}", r.stderr);
}

#[test]
fn deletion_protection_is_opt_in() {
    let intent = intent();
    let plan = compile(&intent);
    let r = run(script(&plan), &state(&intent), TOOLS, &[("SLS_ENCRYPT_PROTECT_CMK", "1")]);
    assert!(r.ok, "{}", r.stderr);
    let set = r.of("SetDeletionProtection");
    assert_eq!(set.len(), 1);
    assert!(
        set[0]
            .windows(2)
            .any(|w| w[0] == b"--ProtectedResourceArn" && w[1] == b"acs:kms:cn-hangzhou:1234567890123456:key/key-hzz67f8a1b2c3d4e5f6g")
    );
    assert_eq!(r.state["key"]["DeletionProtection"], "Enabled");
    assert_eq!(r.changes()[0], "SetDeletionProtection", "after every check, before the RAM steps");
}

#[test]
fn after_ram_changes_the_update_is_retried_while_grants_propagate_and_drift_is_checked_again() {
    let intent = intent();
    let plan = compile(&intent);
    let mut world = state(&intent);
    world["fail"] = json!({"UpdateLogStore": 2});
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(r.ok, "{}", r.stderr);
    assert_eq!(r.of("UpdateLogStore").len(), 3);
    assert_eq!(r.of("GetLogStore").len(), 3, "each attempt re-reads the Logstore first");

    // Bounded: with no time to wait it gives up at once.
    world["fail"] = json!({"UpdateLogStore": 1});
    let r = run(script(&plan), &world, TOOLS, &[("SLS_ENCRYPT_RAM_WAIT", "0")]);
    assert!(!r.ok && r.stderr.contains("UpdateLogStore failed"), "{}", r.stderr);

    // Without RAM changes in this run there is nothing to wait for: no retry.
    let mut done = state(&intent);
    done["roles"] = json!({"sls-byok-kms-role": plan.requests[0].query["AssumeRolePolicyDocument"].clone()});
    done["role_policies"] = json!({"sls-byok-kms-role": [["AliyunKMSReadOnlyAccess", "System"], ["AliyunKMSCryptoUserAccess", "System"]]});
    done["policies"] = json!({"sls-byok-passrole": plan.requests[3].query["PolicyDocument"].clone()});
    done["user_policies"] = json!({"sls-admin": [["sls-byok-passrole", "Custom"]]});
    done["fail"] = json!({"UpdateLogStore": 1});
    let r = run(script(&plan), &done, TOOLS, &[]);
    assert!(!r.ok);
    assert_eq!(r.of("UpdateLogStore").len(), 1);
}

#[test]
fn a_draft_plan_stops_before_the_first_call() {
    let mut intent = intent();
    intent["encryption"]["cmk_key_id"] = json!("not a key");
    let plan = compile(&intent);
    assert!(!plan.ok);
    let r = run(script(&plan), &state(&intent), TOOLS, &[]);
    assert!(!r.ok);
    assert!(r.stderr.contains("this plan has errors"), "{}", r.stderr);
    assert!(r.calls.is_empty());
}

#[test]
fn a_chinese_intent_gets_chinese_comments_and_messages() {
    let mut intent = intent();
    intent["lang"] = json!("zh");
    let plan = compile(&intent);
    let text = script(&plan);
    assert!(text.contains("# 步骤 1：CreateRole"), "{text}");
    assert!(!text.contains("# Step "));
    let mut world = state(&intent);
    world["logstore"]["ttl"] = json!(7);
    let r = run(text, &world, TOOLS, &[]);
    assert!(!r.ok);
    assert!(r.stderr.contains("日志库在粘贴后已被修改：ttl"), "{}", r.stderr);
}

#[test]
fn an_existing_roles_trust_policy_is_rewritten_only_from_what_was_pasted() {
    let pasted =
        r#"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}"#;
    let mut intent = intent();
    intent["ram"]["create_role"] = json!(false);
    intent["encryption"].as_object_mut().unwrap().remove("role_name");
    intent["encryption"]["role_arn"] = json!("acs:ram::1234567890123456:role/MyKmsRole");
    intent["ram"]["current_trust_policy"] = json!(pasted);
    let plan = compile(&intent);
    let new = plan.request("UpdateRole").expect("Log Service is merged in").query["NewAssumeRolePolicyDocument"].clone();

    // Live as pasted: UpdateRole goes out exactly as planned, then the rest.
    let mut world = state(&intent);
    world["roles"] = json!({"MyKmsRole": pasted});
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(r.ok, "{}", r.stderr);
    assert_eq!(r.of("UpdateRole").len(), 1);
    assert_eq!(*r.of("UpdateRole")[0], argv(plan.request("UpdateRole").unwrap()));
    assert_eq!(r.state["roles"]["MyKmsRole"], new);

    // Run again: the trust policy is already the new one, so UpdateRole is skipped.
    let again = run(script(&plan), &r.state, TOOLS, &[]);
    assert!(again.ok, "{}", again.stderr);
    assert!(again.of("UpdateRole").is_empty());

    // Changed by someone else since it was pasted: stop before any change, nothing lost.
    world["roles"] = json!({"MyKmsRole": r#"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["fc.aliyuncs.com"]}}],"Version":"1"}"#});
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(!r.ok);
    assert!(r.stderr.contains("the trust policy of role MyKmsRole changed since it was pasted"), "{}", r.stderr);
    assert!(r.changes().is_empty(), "{:?}", r.changes());

    // Not pasted: the role is looked up with its name as the user spelt it in the ARN.
    intent["ram"]["current_trust_policy"] = Value::Null;
    let plan = compile(&intent);
    let mut world = state(&intent);
    world["roles"] = json!({"MyKmsRole": plan.trust_policy.as_ref().unwrap().to_string()});
    let r = run(script(&plan), &world, TOOLS, &[]);
    assert!(r.ok, "{}", r.stderr);
    assert_eq!(r.of("GetRole")[0][3], b"MyKmsRole");
}

#[test]
fn a_service_key_create_sends_its_one_request_byte_for_byte() {
    let mut intent: Value = serde_json::from_str(include_str!("../examples/service-key-create.json")).unwrap();
    intent["logstore"]["futureNote"] = json!(HOSTILE);
    let plan = compile(&intent);
    assert!(plan.ok, "{:?}", plan.findings);
    let r = run(script(&plan), &json!({"version": "3.0.400"}), TOOLS, &[]);
    assert!(r.ok, "{}", r.stderr);
    let create = plan.request("CreateLogStore").unwrap();
    assert_eq!(r.calls, vec![vec![b"version".to_vec()], argv(create)], "no check needs a call: no CMK, no role");
}
