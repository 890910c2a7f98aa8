//! Permanence: once a Logstore has encrypt_conf, only `enable` may change. Every refused change
//! names the rule and offers the allowed plan; toggling enable sends the complete object.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use sls_encrypt::{Plan, compile};

const KEY: &str = "key-hzz67f8a1b2c3d4e5f6g";
const ARN: &str = "acs:ram::1234567890123456:role/sls-byok-kms-role";

fn byok_conf(enable: bool) -> Value {
    json!({ "enable": enable, "encrypt_type": "default", "user_cmk_info": { "cmk_key_id": KEY, "arn": ARN, "region_id": "cn-hangzhou" } })
}

fn current(conf: Option<Value>) -> Value {
    let mut c = json!({ "logstoreName": "cloudfirewall-logstore", "ttl": 180, "shardCount": 2, "hot_ttl": 30, "mode": "standard", "createTime": 1700000000 });
    if let Some(conf) = conf {
        c["encrypt_conf"] = conf;
    }
    c
}

fn intent(current: Value, encryption: Value) -> Value {
    json!({ "version": 1, "target": { "region": "cn-hangzhou", "account_id": "1234567890123456", "preset": "cloud_firewall" },
            "operation": "update", "current": current, "encryption": encryption, "ram": { "user_name": "sls-admin" } })
}

fn byok(key: &str, arn: &str, region: &str, ty: &str, enable: bool) -> Value {
    json!({ "key": "byok", "cmk_key_id": key, "role_arn": arn, "cmk_region_id": region, "encrypt_type": ty, "enable": enable })
}

fn body(plan: &Plan) -> &Value {
    plan.request("UpdateLogStore").and_then(|r| r.body.as_ref()).expect("an UpdateLogStore body")
}

/// A refused change: an error of `code` at `path`, the allowed plan in the fix, and the body carrying the stored settings.
fn assert_refused(plan: &Plan, code: &str, path: &str, stored: &Value, enable: bool) {
    assert!(!plan.ok);
    let f = plan.findings.iter().find(|f| f.code == code).unwrap_or_else(|| panic!("{code} missing: {:?}", plan.findings));
    assert_eq!(f.severity.as_str(), "error");
    assert_eq!(f.path, path);
    let mut allowed = stored.clone();
    allowed["enable"] = json!(enable);
    assert!(f.fix.contains(&allowed.to_string()), "the fix offers the allowed plan {allowed}: {}", f.fix);
    assert!(f.fix_zh.contains(&allowed.to_string()));
    assert_eq!(plan.encrypt_conf.as_ref(), Some(&allowed), "the outputs show the allowed plan");
    assert_eq!(body(plan)["encrypt_conf"], allowed, "nothing permanent is rewritten in the body");
}

#[test]
fn service_to_byok_is_refused() {
    let stored = json!({ "enable": true, "encrypt_type": "default" });
    let plan = compile(&intent(current(Some(stored.clone())), byok(KEY, ARN, "cn-hangzhou", "default", true)));
    assert_refused(&plan, "MRG001", "/encryption/key", &stored, true);
}

#[test]
fn byok_to_service_is_refused() {
    let plan = compile(&intent(current(Some(byok_conf(true))), json!({ "key": "service" })));
    assert_refused(&plan, "MRG001", "/encryption/key", &byok_conf(true), true);
}

#[test]
fn default_to_sm4_is_refused() {
    let plan = compile(&intent(current(Some(byok_conf(true))), byok(KEY, ARN, "cn-hangzhou", "sm4", true)));
    assert_refused(&plan, "MRG002", "/encryption/encrypt_type", &byok_conf(true), true);
}

#[test]
fn cmk_change_is_refused() {
    let plan = compile(&intent(current(Some(byok_conf(true))), byok("key-hzz00000000000000000", ARN, "cn-hangzhou", "default", true)));
    assert_refused(&plan, "MRG003", "/encryption/cmk_key_id", &byok_conf(true), true);
}

#[test]
fn role_change_is_refused() {
    let plan = compile(&intent(
        current(Some(byok_conf(true))),
        byok(KEY, "acs:ram::1234567890123456:role/other-role", "cn-hangzhou", "default", true),
    ));
    assert_refused(&plan, "MRG003", "/encryption/role_arn", &byok_conf(true), true);
}

#[test]
fn region_change_is_refused() {
    let mut stored = byok_conf(true);
    stored["user_cmk_info"]["region_id"] = json!("cn-shanghai");
    let plan = compile(&intent(current(Some(stored.clone())), byok(KEY, ARN, "cn-hangzhou", "default", true)));
    assert_refused(&plan, "MRG003", "/encryption/cmk_region_id", &stored, true);
}

#[test]
fn enable_true_false_true_is_allowed_with_the_complete_object_each_time() {
    let off = compile(&intent(current(Some(byok_conf(true))), byok(KEY, ARN, "cn-hangzhou", "default", false)));
    assert!(off.ok, "{:?}", off.findings);
    assert!(off.has("ENC008"));
    assert_eq!(body(&off)["encrypt_conf"], byok_conf(false));
    let on = compile(&intent(current(Some(byok_conf(false))), byok(KEY, ARN, "cn-hangzhou", "default", true)));
    assert!(on.ok, "{:?}", on.findings);
    assert!(on.has("ENC009"));
    assert_eq!(body(&on)["encrypt_conf"], byok_conf(true));
    assert!(!on.has("ENC003"), "re-enabling is not a new permanent choice");
}

#[test]
fn first_time_encryption_warns_permanence_and_notes_the_older_docs() {
    let plan = compile(&intent(current(None), byok(KEY, ARN, "cn-hangzhou", "sm4", true)));
    assert!(plan.ok, "{:?}", plan.findings);
    for code in ["ENC003", "ENC004", "ENC006"] {
        assert!(plan.has(code), "{code}");
    }
}

#[test]
fn m4_read_back_is_kept_with_a_finding() {
    let stored = json!({ "enable": true, "encrypt_type": "m4" });
    let plan = compile(&intent(current(Some(stored.clone())), json!({ "key": "service", "encrypt_type": "sm4", "enable": false })));
    assert!(plan.ok, "{:?}", plan.findings);
    let f = plan.findings.iter().find(|f| f.code == "ENC002").unwrap();
    assert_eq!(f.path, "/current/encrypt_conf/encrypt_type");
    assert_eq!(body(&plan)["encrypt_conf"], json!({ "enable": false, "encrypt_type": "m4" }));
}

#[test]
fn diff_and_blast_radius_explain_the_full_body() {
    let plan = compile(&intent(current(None), json!({ "key": "service" })));
    let change = |field: &str| plan.diff.iter().find(|d| d.field == field).map(|d| d.change.as_str());
    assert_eq!(change("ttl"), Some("kept"));
    assert_eq!(change("createTime"), Some("dropped"));
    assert_eq!(change("encrypt_conf"), Some("added"));
    let naive = plan.blast_radius.iter().find(|b| b.client == "encrypt_conf_only").unwrap();
    assert_eq!(naive.lost.keys().collect::<Vec<_>>(), ["ttl", "shardCount", "hot_ttl", "mode"]);
    let python = plan.blast_radius.iter().find(|b| b.client == "python_sdk_update_logstore").unwrap();
    assert_eq!(python.lost.keys().collect::<Vec<_>>(), ["hot_ttl", "mode"]);
}

#[test]
fn pasted_wrappers_and_python_dicts_are_recognised() {
    let wrapped = json!({ "headers": { "Server": "nginx" }, "statusCode": 200, "body": current(None) });
    let plan = compile(&intent(wrapped, json!({ "key": "service" })));
    assert!(plan.has("MRG007"));
    assert_eq!(body(&plan)["hot_ttl"], 30);
    let py = "{'logstoreName': 'cloudfirewall-logstore', 'ttl': 180, 'shardCount': 2, 'appendMeta': True, 'hot_ttl': None}";
    let plan = compile(&intent(Value::String(py.into()), json!({ "key": "service" })));
    assert!(plan.has("TXT007"));
    assert_eq!(body(&plan)["appendMeta"], true);
}

#[test]
fn camel_case_keys_in_the_logstore_body_are_an_error_with_position() {
    let text = "{\n  \"logstoreName\": \"cloudfirewall-logstore\",\n  \"ttl\": 180,\n  \"encrypt_conf\": {\"enable\": true, \"encryptType\": \"default\"}\n}";
    let plan = compile(&intent(Value::String(text.into()), json!({ "key": "service" })));
    let f = plan.findings.iter().find(|f| f.code == "MRG011").unwrap();
    assert_eq!(f.path, "/current/encrypt_conf/encryptType");
    assert_eq!((f.line, f.column), (Some(4), Some(36)));
}

#[test]
fn an_existing_logstore_named_by_the_older_rules_can_be_updated_but_not_created() {
    let mut update = intent(current(None), json!({ "key": "service" }));
    update["target"] = json!({ "region": "cn-hangzhou", "project": "my-project", "logstore": "1st-logs" });
    update["current"]["logstoreName"] = json!("1st-logs");
    let plan = compile(&update);
    assert!(plan.ok, "{:?}", plan.findings);
    let mut create = update.clone();
    create["operation"] = json!("create");
    create["logstore"] = json!({ "ttl": 30, "shardCount": 2 });
    create.as_object_mut().unwrap().remove("current");
    let plan = compile(&create);
    let f = plan.findings.iter().find(|f| f.code == "ID010").expect("a new name must start with a letter");
    assert_eq!(f.path, "/target/logstore");
}
