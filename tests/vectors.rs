//! Golden tests: the plan's requests equal what the official SDKs sent (tests/vectors, a copy of
//! ../shared/vectors). JSON values are compared; policy documents in query strings are parsed.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use sls_encrypt::{Plan, compile};
use std::path::Path;

fn vector(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors").join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn sent(v: &Value) -> &Value {
    &v["sent_by_official_sdk"]["requests"][0]
}

/// Asserts the plan's request of `api` is the SDK's request, value for value.
fn assert_request(plan: &Plan, api: &str, expected: &Value) {
    let req = plan
        .requests
        .iter()
        .chain(&plan.alternatives)
        .find(|r| r.api == api && r.query.get("PolicyName") == expected["query"].get("PolicyName").or(r.query.get("PolicyName")))
        .unwrap_or_else(|| panic!("no {api} request in plan: {:#?}", plan.findings));
    assert_eq!(req.method, expected["method"], "{api} method");
    assert_eq!(req.host, expected["host"], "{api} host");
    assert_eq!(req.path, expected["path"], "{api} path");
    let body = req.body.clone().unwrap_or(Value::Null);
    assert_eq!(body, expected["body_json"], "{api} body");
    let mut query = Value::Object(req.query.clone());
    let mut want = expected["query"].clone();
    for doc in ["PolicyDocument", "AssumeRolePolicyDocument"] {
        for q in [&mut query, &mut want] {
            if let Some(Value::String(s)) = q.get(doc) {
                q[doc] = serde_json::from_str(s).unwrap();
            }
        }
    }
    assert_eq!(query, want, "{api} query");
}

fn target(v: &Value) -> Value {
    json!({ "region": v["input"]["region"], "project": v["input"]["project"], "logstore": "cloudfirewall-logstore", "account_id": "1234567890123456" })
}

fn encryption_of(conf: &Value) -> Value {
    let mut e = json!({ "enable": conf["enable"], "encrypt_type": conf["encrypt_type"], "key": "service" });
    if let Some(info) = conf.get("user_cmk_info") {
        e["key"] = json!("byok");
        e["cmk_key_id"] = info["cmk_key_id"].clone();
        e["role_arn"] = info["arn"].clone();
        e["cmk_region_id"] = info["region_id"].clone();
    }
    e
}

fn create_intent(v: &Value) -> Value {
    let mut settings = v["input"]["body"].clone();
    let conf = settings.as_object_mut().unwrap().remove("encrypt_conf").unwrap();
    json!({ "version": 1, "operation": "create", "target": target(v), "logstore": settings, "encryption": encryption_of(&conf), "ram": { "user_name": "sls-admin" } })
}

fn update_intent(v: &Value) -> Value {
    let m = &v["input"]["merge"];
    json!({ "version": 1, "operation": "update", "target": target(v), "current": m["get_logstore_response"],
            "encryption": encryption_of(&m["encrypt_conf"]), "unknown_fields": "drop", "ram": { "user_name": "sls-admin" } })
}

#[test]
fn vectors_are_the_shared_ones() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vectors");
    if !shared.is_dir() {
        return; // a clone without shared/ beside it: the committed copy is the reference
    }
    for entry in std::fs::read_dir(&shared).unwrap() {
        let p = entry.unwrap().path();
        let ours = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors").join(p.file_name().unwrap());
        assert_eq!(std::fs::read(&p).unwrap(), std::fs::read(&ours).unwrap_or_default(), "tests/vectors/{:?} is stale", p.file_name());
    }
}

#[test]
fn create_logstore_service_key() {
    let v = vector("create_logstore_service_key");
    let plan = compile(&create_intent(&v));
    assert!(plan.ok, "{:#?}", plan.findings);
    assert_eq!(plan.requests.len(), 1, "a service key needs no RAM requests");
    assert_request(&plan, "CreateLogStore", sent(&v));
}

#[test]
fn create_logstore_byok() {
    let v = vector("create_logstore_byok");
    let plan = compile(&create_intent(&v));
    assert!(plan.ok, "{:#?}", plan.findings);
    assert_request(&plan, "CreateLogStore", sent(&v));
    assert_eq!(plan.requests.last().unwrap().api, "CreateLogStore");
}

#[test]
fn update_logstore_merge_byok() {
    let v = vector("update_logstore_merge_byok");
    let plan = compile(&update_intent(&v));
    assert!(plan.ok, "{:#?}", plan.findings);
    assert_request(&plan, "UpdateLogStore", sent(&v));
    let apis: Vec<&str> = plan.requests.iter().map(|r| r.api.as_str()).collect();
    assert_eq!(apis[apis.len() - 2..], ["GetLogStore", "UpdateLogStore"]);
}

#[test]
fn update_logstore_disable_encryption() {
    let v = vector("update_logstore_disable_encryption");
    let plan = compile(&update_intent(&v));
    assert!(plan.ok, "{:#?}", plan.findings);
    assert!(plan.has("ENC008"));
    assert_request(&plan, "UpdateLogStore", sent(&v));
}

#[test]
fn update_logstore_encryption_api() {
    let v = vector("update_logstore_encryption_api");
    let b = &v["input"]["body"];
    let conf = json!({ "enable": b["enable"], "encrypt_type": b["encryptType"], "user_cmk_info": {
        "cmk_key_id": b["userCmkInfo"]["keyId"], "arn": b["userCmkInfo"]["roleArn"], "region_id": b["userCmkInfo"]["regionId"] } });
    let current = vector("update_logstore_merge_byok")["input"]["merge"]["get_logstore_response"].clone();
    let intent = json!({ "version": 1, "target": target(&v), "current": current, "encryption": encryption_of(&conf) });
    let plan = compile(&intent);
    assert!(plan.ok, "{:#?}", plan.findings);
    assert_request(&plan, "UpdateLogStoreEncryption", sent(&v));
}

fn byok_intent(scope: &str) -> Value {
    json!({ "version": 1, "operation": "update",
            "target": { "region": "cn-hangzhou", "account_id": "1234567890123456", "preset": "cloud_firewall" },
            "current": vector("update_logstore_merge_byok")["input"]["merge"]["get_logstore_response"],
            "encryption": { "key": "byok", "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g", "role_name": "sls-byok-kms-role" },
            "ram": { "create_role": true, "user_name": "sls-admin", "passrole_policy_name": "sls-byok-passrole", "passrole_scope": scope } })
}

#[test]
fn ram_requests_match_the_sdk_in_order() {
    let plan = compile(&byok_intent("any"));
    assert!(plan.ok, "{:#?}", plan.findings);
    assert!(plan.has("RAM001"), "scope any raises the PassRole security warning");
    for name in [
        "ram_create_role",
        "ram_attach_kms_readonly",
        "ram_attach_kms_cryptouser",
        "ram_create_policy_passrole",
        "ram_attach_passrole_to_user",
    ] {
        let v = vector(name);
        assert_request(&plan, v["input"]["case"].as_str().unwrap(), sent(&v));
    }
    let order: Vec<(usize, &str)> = plan.requests.iter().map(|r| (r.step, r.api.as_str())).collect();
    assert_eq!(
        order,
        [
            (1, "CreateRole"),
            (2, "AttachPolicyToRole"),
            (3, "AttachPolicyToRole"),
            (4, "CreatePolicy"),
            (5, "AttachPolicyToUser"),
            (6, "GetLogStore"),
            (7, "UpdateLogStore")
        ]
    );
    assert_eq!(plan.requests[1].query["PolicyName"], "AliyunKMSReadOnlyAccess");
    assert_eq!(plan.requests[2].query["PolicyName"], "AliyunKMSCryptoUserAccess");
    // The merged body equals the SDK's, with the Cloud Firewall preset filling project and Logstore.
    assert_request(&plan, "UpdateLogStore", sent(&vector("update_logstore_merge_byok")));
}

#[test]
fn passrole_defaults_to_the_role_arn() {
    let plan = compile(&byok_intent("role"));
    assert!(!plan.has("RAM001"));
    assert_eq!(plan.passrole_policy.as_ref().unwrap()["Statement"][0]["Resource"], "acs:ram::1234567890123456:role/sls-byok-kms-role");
}

#[test]
fn toggling_enable_alone_keeps_every_stored_setting() {
    let v = vector("update_logstore_disable_encryption");
    let mut intent = update_intent(&v);
    intent["encryption"] = json!({ "enable": false });
    intent.as_object_mut().unwrap().remove("ram");
    let plan = compile(&intent);
    assert!(plan.ok, "{:#?}", plan.findings);
    assert!(plan.has("ENC008") && plan.has("ENC004"));
    assert_request(&plan, "UpdateLogStore", sent(&v));
}
