//! The RAM side in the plan: existing roles, trust-policy merge into requests, cross-document checks.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use sls_encrypt::compile;

const ARN: &str = "acs:ram::1234567890123456:role/sls-byok-kms-role";

fn intent(encryption: Value, ram: Value) -> Value {
    json!({ "version": 1, "operation": "create",
            "target": { "region": "cn-hangzhou", "account_id": "1234567890123456", "preset": "cloud_firewall" },
            "logstore": { "ttl": 30, "shardCount": 2 },
            "encryption": encryption, "ram": ram })
}

fn byok_existing() -> Value {
    json!({ "key": "byok", "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g", "role_arn": ARN })
}

fn apis(plan: &sls_encrypt::Plan) -> Vec<&str> {
    plan.requests.iter().map(|r| r.api.as_str()).collect()
}

#[test]
fn existing_role_with_trust_lacking_log_service_is_updated_not_created() {
    let pasted = "{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {\"Action\": \"sts:AssumeRole\", \"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ecs.aliyuncs.com\"}}\n  ]\n}";
    let plan = compile(&intent(byok_existing(), json!({ "user_name": "sls-admin", "current_trust_policy": pasted })));
    assert!(plan.ok, "{:?}", plan.findings);
    assert!(plan.has("RAM003"));
    assert_eq!(
        apis(&plan),
        ["UpdateRole", "AttachPolicyToRole", "AttachPolicyToRole", "CreatePolicy", "AttachPolicyToUser", "CreateLogStore"]
    );
    let doc: Value = serde_json::from_str(plan.requests[0].query["NewAssumeRolePolicyDocument"].as_str().unwrap()).unwrap();
    assert_eq!(doc["Statement"][0]["Principal"]["Service"], json!(["ecs.aliyuncs.com", "log.aliyuncs.com"]));
    assert_eq!(plan.trust_policy.as_ref(), Some(&doc));
}

#[test]
fn existing_role_already_trusting_log_service_needs_no_update() {
    let pasted =
        r#"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["log.aliyuncs.com"]}}],"Version":"1"}"#;
    let plan = compile(&intent(byok_existing(), json!({ "user_name": "sls-admin", "current_trust_policy": pasted })));
    assert!(plan.has("RAM004"));
    assert!(!apis(&plan).contains(&"UpdateRole") && !apis(&plan).contains(&"CreateRole"));
}

#[test]
fn existing_role_without_trust_policy_suggests_pasting_it() {
    let plan = compile(&intent(byok_existing(), json!({ "user_name": "sls-admin" })));
    assert!(plan.has("RAM009"));
    assert_eq!(apis(&plan)[0], "AttachPolicyToRole");
}

#[test]
fn a_deny_in_the_pasted_trust_policy_is_an_error_at_its_line() {
    let pasted = "{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {\"Action\": \"sts:AssumeRole\", \"Effect\": \"Deny\", \"Principal\": {\"Service\": [\"log.aliyuncs.com\"]}}\n  ]\n}";
    let plan = compile(&intent(byok_existing(), json!({ "user_name": "sls-admin", "current_trust_policy": pasted })));
    assert!(!plan.ok);
    let f = plan.findings.iter().find(|f| f.code == "RAM005").unwrap();
    assert_eq!((f.path.as_str(), f.line), ("/ram/current_trust_policy/Statement/0", Some(4)));
}

#[test]
fn cross_document_mismatches_name_both_places() {
    let other_account = json!({ "key": "byok", "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g", "role_arn": "acs:ram::9999999999999999:role/r", "role_name": "x" });
    let plan = compile(&intent(other_account, json!({})));
    let account = plan.findings.iter().find(|f| f.code == "RAM007").unwrap();
    assert!(account.message.contains("9999999999999999") && account.message.contains("/target/account_id"));
    assert!(plan.has("RAM008"));
    let region = json!({ "key": "byok", "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g", "cmk_region_id": "cn-beijing" });
    let plan = compile(&intent(region, json!({})));
    let f = plan.findings.iter().find(|f| f.code == "ENC005").unwrap();
    assert!(f.message.contains("cn-beijing") && f.message.contains("cn-hangzhou"));
}

#[test]
fn arn_trust_and_passrole_agree() {
    let plan = compile(&intent(json!({ "key": "byok", "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g" }), json!({ "user_name": "sls-admin" })));
    assert!(plan.ok, "{:?}", plan.findings);
    let arn = plan.encrypt_conf.as_ref().unwrap()["user_cmk_info"]["arn"].clone();
    assert_eq!(arn, ARN);
    assert_eq!(plan.passrole_policy.as_ref().unwrap()["Statement"][0]["Resource"], arn);
    let create = plan.request("CreateRole").unwrap();
    assert_eq!(create.query["RoleName"], "sls-byok-kms-role");
}
