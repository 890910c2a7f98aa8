//! Honest plan states: a plan that would change nothing says so (PLN001) and sends nothing; an
//! existing role without an ARN is named and called permanent (PLN002); advice fits the preset.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use sls_encrypt::{Plan, compile};

const ARN: &str = "acs:ram::1234567890123456:role/sls-byok-kms-role";

fn update(current: Value, encryption: Value) -> Value {
    json!({
        "version": 1,
        "target": { "region": "cn-hangzhou", "account_id": "1234567890123456", "preset": "cloud_firewall" },
        "operation": "update",
        "current": current,
        "encryption": encryption,
        "ram": { "create_role": false, "user_name": "sls-admin" }
    })
}

fn logstore(encrypt_conf: Option<Value>) -> Value {
    let mut v = json!({
        "logstoreName": "cloudfirewall-logstore", "ttl": 180, "shardCount": 2, "autoSplit": true, "maxSplitShard": 64,
        "appendMeta": true, "createTime": 1700000000, "lastModifyTime": 1700000500, "productType": "cloudfirewall"
    });
    if let Some(c) = encrypt_conf {
        v["encrypt_conf"] = c;
    }
    v
}

fn byok_stored() -> Value {
    json!({ "enable": true, "encrypt_type": "default",
            "user_cmk_info": { "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g", "arn": ARN, "region_id": "cn-hangzhou" } })
}

fn assert_nothing_to_send(plan: &Plan) {
    assert!(plan.ok, "{:?}", plan.findings);
    assert_eq!(plan.state, "nothing_to_send");
    assert!(plan.has("PLN001"), "{:?}", plan.findings);
    assert!(plan.requests.is_empty(), "no request at all: {:?}", plan.requests.iter().map(|r| r.api.as_str()).collect::<Vec<_>>());
    assert!(plan.request("UpdateLogStore").is_none() && plan.alternatives.is_empty());
    assert!(plan.exports.is_empty(), "no script for nothing to send");
    let f = plan.findings.iter().find(|f| f.code == "PLN001").unwrap();
    assert!(f.message.starts_with("Nothing to send") && f.message_zh.starts_with("无需发送"));
}

#[test]
fn adopting_the_stored_settings_after_a_refusal_is_nothing_to_send() {
    // The user asked for SM4 with another CMK: refused, the plan is blocked.
    let asked = json!({ "key": "byok", "encrypt_type": "sm4", "cmk_key_id": "key-hzzaaaaaaaaaaaaaaaaaaa", "role_arn": ARN });
    let refused = compile(&update(logstore(Some(byok_stored())), asked));
    assert_eq!(refused.state, "blocked");
    assert!(refused.has("MRG002") && refused.has("MRG003"));
    // In the conflict state the field table does not claim encrypt_conf is "already as wanted".
    let row = refused.diff.iter().find(|d| d.field == "encrypt_conf").unwrap();
    assert!(!row.reason.contains("already as wanted"), "{}", row.reason);
    assert!(row.reason.contains("refused") && row.reason_zh.contains("不被允许"));
    // "Use the Logstore's stored settings": the form takes over the stored key settings.
    let adopted = json!({ "key": "byok", "encrypt_type": "default", "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g", "role_arn": ARN });
    let plan = compile(&update(logstore(Some(byok_stored())), adopted));
    assert_nothing_to_send(&plan);
    assert!(!plan.has("PLN002"), "the ARN is given");
}

#[test]
fn enable_off_on_an_unencrypted_logstore_is_nothing_to_send() {
    let plan = compile(&update(logstore(None), json!({ "enable": false, "key": "service" })));
    assert_nothing_to_send(&plan);
    assert!(plan.has("ENC007"));
    assert!(plan.encrypt_conf.is_none());
    // The same with BYOK chosen: no RAM request either.
    let plan = compile(&update(logstore(None), json!({ "enable": false, "key": "byok", "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g" })));
    assert_nothing_to_send(&plan);
    assert!(!plan.requests.iter().any(|r| r.host == "ram.aliyuncs.com"));
}

#[test]
fn a_body_equal_to_the_current_configuration_is_nothing_to_send() {
    let service = json!({ "enable": true, "encrypt_type": "default" });
    let plan = compile(&update(logstore(Some(service.clone())), json!({ "key": "service" })));
    assert_nothing_to_send(&plan);
    // Only output-only fields differ: still nothing. A disabled Logstore turned back on is a change.
    let off = json!({ "enable": false, "encrypt_type": "default" });
    let plan = compile(&update(logstore(Some(off)), json!({ "key": "service" })));
    assert_eq!(plan.state, "ready");
    assert_eq!(plan.request("UpdateLogStore").unwrap().body.as_ref().unwrap()["encrypt_conf"]["enable"], true);
    // An unknown field dropped as chosen is a change (UpdateLogStore may reset it): sent.
    let mut current = logstore(Some(service));
    current["newerApiField"] = json!(1);
    let mut intent = update(current, json!({ "key": "service" }));
    intent["unknown_fields"] = json!("drop");
    let plan = compile(&intent);
    assert!(!plan.has("PLN001"));
    assert!(plan.request("UpdateLogStore").is_some());
    // First-time encryption is a change: ready, with every step's command.
    let plan = compile(&update(logstore(None), json!({ "key": "service" })));
    assert_eq!(plan.state, "ready");
    assert!(!plan.has("PLN001"));
    for r in &plan.requests {
        let cmd = r.command.as_deref().unwrap();
        assert!(cmd.starts_with(&format!("aliyun sls {} ", r.api)), "{cmd}");
    }
}

#[test]
fn an_existing_role_without_an_arn_is_named_and_called_permanent() {
    let enc = json!({ "key": "byok", "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g" });
    let plan = compile(&update(logstore(None), enc.clone()));
    let f = plan.findings.iter().find(|f| f.code == "PLN002").expect("PLN002");
    assert_eq!((f.severity.as_str(), f.path.as_str()), ("warning", "/encryption/role_arn"));
    assert!(f.message.contains(ARN) && f.message.contains("permanent"), "{}", f.message);
    assert!(f.message_zh.contains(ARN) && f.message_zh.contains("不可更改"), "{}", f.message_zh);
    // The assumed ARN is what goes into encrypt_conf.
    assert_eq!(plan.encrypt_conf.as_ref().unwrap()["user_cmk_info"]["arn"], ARN);
    // Given a name, the ARN built from it is named too.
    let named = json!({ "key": "byok", "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g", "role_name": "kms-reader" });
    let plan = compile(&update(logstore(None), named));
    let f = plan.findings.iter().find(|f| f.code == "PLN002").expect("PLN002 for a name");
    assert!(f.message.contains("acs:ram::1234567890123456:role/kms-reader"));
    // With the ARN, or with a role the plan creates, nothing is assumed.
    let given = json!({ "key": "byok", "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g", "role_arn": ARN });
    assert!(!compile(&update(logstore(None), given)).has("PLN002"));
    let mut create = update(logstore(None), enc);
    create["ram"]["create_role"] = json!(true);
    assert!(!compile(&create).has("PLN002"));
}

#[test]
fn permanence_advice_knows_the_cloud_firewall_logstore_is_managed() {
    let plan = compile(&update(logstore(None), json!({ "key": "service" })));
    let f = plan.findings.iter().find(|f| f.code == "ENC003").unwrap();
    assert!(!f.fix.contains("create a new Logstore") && f.fix.contains("Cloud Firewall"), "{}", f.fix);
    assert!(!f.fix_zh.contains("另建日志库。") && f.fix_zh.contains("云防火墙"));
    assert!(f.message.contains("AES") && !f.message.contains("\"default\""), "people say AES: {}", f.message);
    let mut custom = update(logstore(None), json!({ "key": "service" }));
    custom["target"] = json!({ "region": "cn-hangzhou", "project": "my-project", "logstore": "cloudfirewall-logstore" });
    let plan = compile(&custom);
    let f = plan.findings.iter().find(|f| f.code == "ENC003").unwrap();
    assert!(f.fix.contains("create a new Logstore"), "{}", f.fix);
}

#[test]
fn creating_the_cloud_firewall_logstore_is_advised_against() {
    let mut intent = update(logstore(None), json!({ "key": "service" }));
    intent["operation"] = json!("create");
    intent["logstore"] = json!({ "ttl": 30, "shardCount": 2 });
    intent.as_object_mut().unwrap().remove("current");
    let plan = compile(&intent);
    let f = plan.findings.iter().find(|f| f.code == "PLN003").expect("PLN003");
    assert_eq!((f.severity.as_str(), f.path.as_str()), ("warning", "/operation"));
    assert!(f.fix.contains("Cloud Firewall console") && f.fix_zh.contains("云防火墙控制台"));
    intent["target"] = json!({ "region": "cn-hangzhou", "project": "my-project", "logstore": "app-logs" });
    assert!(!compile(&intent).has("PLN003"));
}
