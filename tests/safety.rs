//! A plan never sends what the user did not ask for: typos are errors, stored settings the tool
//! does not understand go back as stored, a wrong paste cannot overwrite the target, roles in use
//! are not set up again, and a plan with errors cannot be run from its exports.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use sls_encrypt::{Plan, compile};

const KEY: &str = "key-hzz67f8a1b2c3d4e5f6g";
const ARN: &str = "acs:ram::1234567890123456:role/sls-byok-kms-role";

fn update(current: Value, encryption: Value) -> Value {
    json!({ "version": 1, "target": { "region": "cn-hangzhou", "account_id": "1234567890123456", "project": "my-project", "logstore": "app-logs" },
            "operation": "update", "current": current, "encryption": encryption, "ram": { "user_name": "sls-admin" } })
}

fn current(conf: Option<Value>) -> Value {
    let mut c = json!({ "logstoreName": "app-logs", "ttl": 90, "shardCount": 2 });
    if let Some(conf) = conf {
        c["encrypt_conf"] = conf;
    }
    c
}

fn sent_conf(plan: &Plan) -> Value {
    plan.request("UpdateLogStore").and_then(|r| r.body.as_ref()).map(|b| b["encrypt_conf"].clone()).unwrap_or(Value::Null)
}

fn finding<'a>(plan: &'a Plan, code: &str) -> &'a sls_encrypt::Finding {
    plan.findings
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("{code} missing: {:?}", plan.findings.iter().map(|f| f.code).collect::<Vec<_>>()))
}

#[test]
fn typos_in_the_intent_are_errors_not_silent_defaults() {
    let plan = compile(&update(current(None), json!({ "key": "service", "encryptType": "sm4" })));
    assert!(!plan.ok);
    assert_eq!(finding(&plan, "INT006").path, "/encryption/encryptType");
    assert!(finding(&plan, "INT006").fix.contains("encrypt_type"));
    let plan = compile(&update(current(None), json!({ "cmk_key_id": KEY })));
    assert_eq!(finding(&plan, "INT005").path, "/encryption/key", "BYOK fields without key");
    let plan = compile(&update(current(None), json!({ "key": "BYOK", "cmk_key_id": KEY })));
    assert!(plan.ok, "enum values in any case: {:?}", plan.findings);
    assert!(sent_conf(&plan)["user_cmk_info"].is_object());
}

#[test]
fn a_stored_algorithm_from_the_dedicated_api_is_permanent_too() {
    let stored = json!({ "enable": true, "encrypt_type": "aes_gcm" });
    let plan = compile(&update(current(Some(stored.clone())), json!({ "key": "service", "encrypt_type": "sm4" })));
    assert!(!plan.ok);
    assert!(plan.has("MRG002"));
    assert_eq!(sent_conf(&plan), stored, "the stored algorithm is sent back, never overwritten");
    assert!(!plan.has("ENC003"), "not a first-time choice");
}

#[test]
fn a_stored_conf_not_understood_goes_back_as_stored() {
    for stored in [
        json!({ "enable": true, "encrypt_type": "chacha" }),
        json!({ "enable": true, "encrypt_type": "default", "user_cmk_info": { "cmk_key_id": KEY, "region_id": "cn-hangzhou" } }),
    ] {
        let plan = compile(&update(current(Some(stored.clone())), json!({ "key": "service", "enable": false })));
        assert!(!plan.ok);
        assert_eq!(finding(&plan, "MRG010").severity.as_str(), "error");
        let mut expected = stored.clone();
        expected["enable"] = json!(false);
        assert_eq!(sent_conf(&plan), expected);
        assert!(!serde_json::to_string(&plan).unwrap().contains("\"arn\":\"\""), "no allowed plan with empty values");
    }
}

#[test]
fn unknown_keys_inside_the_stored_conf_are_kept_with_a_finding() {
    let mut stored = json!({ "enable": true, "encrypt_type": "default", "key_rotation": { "days": 90 } });
    let plan = compile(&update(current(Some(stored.clone())), json!({ "key": "service", "enable": false })));
    assert_eq!(finding(&plan, "MRG005").path, "/current/encrypt_conf/key_rotation");
    stored["enable"] = json!(false);
    assert_eq!(sent_conf(&plan), stored);
}

#[test]
fn a_paste_of_another_logstore_cannot_pass() {
    let mut other = current(None);
    other["logstoreName"] = json!("app-logs-staging");
    let plan = compile(&update(other, json!({ "key": "service" })));
    assert!(!plan.ok);
    assert_eq!(finding(&plan, "MRG008").severity.as_str(), "error");
}

#[test]
fn camel_case_encrypt_conf_is_read_as_the_stored_one_and_left_out() {
    let mut c = current(None);
    c["encryptConf"] = json!({ "enable": true, "encryptType": "default" });
    let plan = compile(&update(c, json!({ "key": "service", "encrypt_type": "sm4" })));
    assert!(plan.has("MRG011") && plan.has("MRG002"), "the stored camelCase conf still counts for permanence");
    let body = plan.request("UpdateLogStore").unwrap().body.as_ref().unwrap();
    assert!(body.get("encryptConf").is_none());
}

#[test]
fn a_logstore_already_on_byok_plans_no_ram_setup_and_keeps_the_cmk_warning() {
    let stored = json!({ "enable": true, "encrypt_type": "default", "user_cmk_info": { "cmk_key_id": KEY, "arn": ARN, "region_id": "cn-hangzhou" } });
    let plan = compile(&update(current(Some(stored)), json!({ "key": "byok", "cmk_key_id": KEY, "role_arn": ARN, "enable": false })));
    assert!(plan.ok, "{:?}", plan.findings);
    let apis: Vec<&str> = plan.requests.iter().map(|r| r.api.as_str()).collect();
    assert_eq!(apis, ["GetLogStore", "UpdateLogStore"]);
    assert!(plan.has("RAM011") && plan.has("ENC004") && plan.has("ENC008"));
}

#[test]
fn nothing_to_encrypt_means_no_ram_setup() {
    let intent = json!({ "version": 1, "operation": "create",
        "target": { "region": "cn-hangzhou", "account_id": "1234567890123456", "preset": "cloud_firewall" },
        "logstore": { "ttl": 30, "shardCount": 2 }, "encryption": { "key": "byok", "cmk_key_id": KEY, "enable": false } });
    let plan = compile(&intent);
    assert_eq!(plan.requests.iter().map(|r| r.api.as_str()).collect::<Vec<_>>(), ["CreateLogStore"]);
}

#[test]
fn encryption_that_cannot_be_built_creates_no_unencrypted_logstore() {
    let intent = json!({ "version": 1, "operation": "create",
        "target": { "region": "cn-hangzhou", "account_id": "1234567890123456", "preset": "cloud_firewall" },
        "logstore": { "ttl": 30, "shardCount": 2 }, "encryption": { "key": "byok", "cmk_key_id": "not-a-key" } });
    let plan = compile(&intent);
    assert!(plan.request("CreateLogStore").is_none());
}

#[test]
fn get_role_output_is_recognised_and_an_unreadable_policy_never_replaces_a_trust_policy() {
    let doc = r#"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}"#;
    let get_role = json!({ "RequestId": "1", "Role": { "RoleName": "MyKmsRole", "AssumeRolePolicyDocument": doc } }).to_string();
    let mut intent =
        update(current(None), json!({ "key": "byok", "cmk_key_id": KEY, "role_arn": "acs:ram::1234567890123456:role/MyKmsRole" }));
    intent["ram"]["current_trust_policy"] = json!(get_role);
    let plan = compile(&intent);
    assert_eq!(finding(&plan, "MRG007").path, "/ram/current_trust_policy/Role/AssumeRolePolicyDocument");
    let update_role = plan.request("UpdateRole").expect("Log Service merged into the real policy");
    assert_eq!(update_role.query["RoleName"], "MyKmsRole", "RAM calls keep the role name's spelling");
    let merged: Value = serde_json::from_str(update_role.query["NewAssumeRolePolicyDocument"].as_str().unwrap()).unwrap();
    assert_eq!(merged["Statement"][0]["Principal"]["Service"], json!(["ecs.aliyuncs.com", "log.aliyuncs.com"]));
    assert_eq!(finding(&plan, "RAM012").severity.as_str(), "security_warning", "ECS would share the KMS grants");

    intent["ram"]["current_trust_policy"] = json!("{\"Version\": \"1\", \"Statment\": []}");
    let plan = compile(&intent);
    assert!(plan.request("UpdateRole").is_none(), "no UpdateRole from a policy that was not understood");
}

#[test]
fn placeholders_and_bad_user_names_are_reported_once() {
    let mut intent = update(current(None), json!({ "key": "byok", "cmk_key_id": "key-hzz630494463ejqjxxxxx" }));
    intent["ram"]["user_name"] = json!("alice@corp.onaliyun.com");
    let plan = compile(&intent);
    assert!(plan.has("ID004") && plan.has("ID007"));
    assert!(!plan.has("RAM002"), "the user name was given, only not valid");
}

#[test]
fn exports_of_a_plan_with_errors_refuse_to_run() {
    let mut other = current(None);
    other["logstoreName"] = json!("app-logs-staging");
    let plan = compile(&update(other, json!({ "key": "service" })));
    let script = plan.exports["aliyun_cli"].as_str().unwrap();
    let out = std::process::Command::new("sh").arg("-c").arg(format!("aliyun() {{ echo called; }}\n{script}")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("MRG008"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("called"));
    let python = plan.exports["python_sdk"].as_str().unwrap();
    let guard = python.find("\nraise SystemExit(").expect("the Python script has its draft guard");
    assert!(python.find("\nimport ").is_some_and(|i| guard < i), "the guard comes before anything runs");
    assert!(plan.exports["terraform"].as_str().unwrap().contains("condition     = var.sls_encrypt_draft == \"\""));
}
