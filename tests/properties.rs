//! Property tests: no input panics the core, and the merge keeps everything it does not own.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use sls_encrypt::{compile, compile_text};

const EXAMPLE: &str = include_str!("../examples/byok-update-cloud-firewall.json");

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_findings_never_a_panic(text in ".{0,400}") {
        let plan = compile_text(&text);
        prop_assert!(plan.ok || !plan.findings.is_empty());
    }

    #[test]
    fn mutated_intents_give_findings_never_a_panic(edits in prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..12)) {
        let mut bytes = EXAMPLE.as_bytes().to_vec();
        for (at, byte, op) in edits {
            let at = at % (bytes.len() + 1);
            match op {
                0 => bytes.insert(at, byte),
                1 if at < bytes.len() => { bytes.remove(at); }
                _ if at < bytes.len() => bytes[at] = byte,
                _ => {}
            }
        }
        // Invalid UTF-8 never reaches the core: the CLI refuses it (tests/cli.rs); the rest must not panic.
        let text = String::from_utf8_lossy(&bytes);
        let plan = compile_text(&text);
        for f in &plan.findings {
            prop_assert!(!f.message.is_empty() && !f.fix_zh.is_empty());
        }
    }

    #[test]
    fn any_pasted_current_gives_findings_never_a_panic(text in ".{0,300}") {
        let mut intent: Value = serde_json::from_str(EXAMPLE).unwrap();
        intent["current"] = Value::String(text);
        let plan = compile(&intent);
        prop_assert!(!plan.findings.is_empty());
    }
}

#[test]
fn hostile_shapes_give_findings() {
    let deep = "[".repeat(1_000_000);
    assert!(compile_text(&deep).has("INT001"));
    let huge_number = format!("{{\"version\": {}}}", "9".repeat(100_000));
    assert!(!compile_text(&huge_number).findings.is_empty());
    assert!(compile_text("{\"version\": 1e999}").has("INT001"));
    let ten_mb = "x".repeat(10 * 1024 * 1024);
    let mut intent: Value = serde_json::from_str(EXAMPLE).unwrap();
    intent["target"]["region"] = Value::String(ten_mb.clone());
    intent["current"] = Value::String(ten_mb.clone());
    intent["encryption"][ten_mb.as_str()] = json!(1);
    let plan = compile(&intent);
    assert!(plan.has("ID001") && plan.has("LIM001") && plan.has("INT006"));
    let size = serde_json::to_string(&plan).unwrap().len();
    assert!(size < 64 * 1024, "a 10 MB region, pasted text and key give a {size}-byte plan");
    let mut nested = Value::Null;
    for _ in 0..500 {
        nested = json!([nested]);
    }
    intent["current"] = nested;
    let plan = compile(&intent);
    assert!(plan.has("TXT005") && !plan.ok);
}

fn updatable_value() -> impl Strategy<Value = (&'static str, Value)> {
    prop_oneof![
        (1i64..=3650).prop_map(|v| ("ttl", json!(v))),
        (1i64..=64).prop_map(|v| ("shardCount", json!(v))),
        any::<bool>().prop_map(|v| ("appendMeta", json!(v))),
        any::<bool>().prop_map(|v| ("enable_tracking", json!(v))),
        (1i64..=256).prop_map(|v| ("maxSplitShard", json!(v))),
        (1i64..=3650).prop_map(|v| ("infrequentAccessTTL", json!(v))),
        prop::sample::select(vec!["standard", "query"]).prop_map(|v| ("mode", json!(v))),
        prop::sample::select(vec!["None", "Metrics"]).prop_map(|v| ("telemetryType", json!(v))),
        Just(("shardingPolicy", json!({ "shardGroups": [{ "keys": ["host"] }] }))),
    ]
}

fn stored_conf() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        Just(None),
        (any::<bool>(), prop::sample::select(vec!["default", "sm4"])).prop_map(|(e, t)| Some(json!({ "enable": e, "encrypt_type": t }))),
        (any::<bool>(), prop::sample::select(vec!["default", "sm4"])).prop_map(|(e, t)| Some(json!({ "enable": e, "encrypt_type": t,
            "user_cmk_info": { "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g", "arn": "acs:ram::1234567890123456:role/sls-byok-kms-role", "region_id": "cn-hangzhou" } }))),
    ]
}

fn current_doc() -> impl Strategy<Value = (Map<String, Value>, Vec<String>)> {
    (
        prop::collection::vec(updatable_value(), 0..10),
        prop::collection::vec(
            prop::sample::select(vec!["createTime", "lastModifyTime", "productType", "archiveSeconds", "enableModify"]),
            0..4,
        ),
        prop::collection::vec("[a-z]{3,8}Setting", 0..3),
        stored_conf(),
    )
        .prop_map(|(fields, ro, unknown, conf)| {
            let mut m = Map::new();
            m.insert("logstoreName".into(), json!("cloudfirewall-logstore"));
            m.insert("ttl".into(), json!(3650));
            for (k, v) in fields {
                m.insert(k.into(), v);
            }
            if m.get("maxSplitShard").is_some() {
                m.insert("autoSplit".into(), json!(true));
            }
            for k in ro {
                m.insert(k.into(), json!(1700000000));
            }
            for k in &unknown {
                m.insert(k.clone(), json!({ "opaque": k }));
            }
            if let Some(c) = conf {
                m.insert("encrypt_conf".into(), c);
            }
            (m, unknown)
        })
}

fn encryption() -> impl Strategy<Value = Value> {
    (any::<bool>(), any::<bool>(), prop::sample::select(vec!["default", "sm4"])).prop_map(|(byok, enable, ty)| {
        if byok {
            json!({ "key": "byok", "enable": enable, "encrypt_type": ty, "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g", "role_name": "sls-byok-kms-role" })
        } else {
            json!({ "key": "service", "enable": enable, "encrypt_type": ty })
        }
    })
}

fn intent(current: &Map<String, Value>, enc: &Value, unknown: &str) -> Value {
    json!({ "version": 1, "target": { "region": "cn-hangzhou", "account_id": "1234567890123456", "preset": "cloud_firewall" },
            "operation": "update", "current": current, "encryption": enc, "unknown_fields": unknown, "ram": { "user_name": "sls-admin" } })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn merge_keeps_what_it_does_not_own((current, unknown) in current_doc(), enc in encryption(), keep in any::<bool>()) {
        let mode = if keep { "keep" } else { "drop" };
        let plan = compile(&intent(&current, &enc, mode));
        let Some(body) = plan.request("UpdateLogStore").and_then(|r| r.body.clone()) else {
            // Only a body that would change nothing is left out, and the plan says so.
            prop_assert!(plan.has("PLN001") && plan.requests.is_empty() && plan.state == "nothing_to_send", "no body: {:?}", plan.findings);
            return Ok(());
        };
        let body = body.as_object().unwrap();
        // Every updatable field survives with its value.
        for (k, v) in &current {
            if sls_encrypt::logstore::UPDATABLE.contains(&k.as_str()) && k != "encrypt_conf" {
                prop_assert_eq!(body.get(k), Some(v), "field {} lost", k);
            }
        }
        // No immutable encryption field ever changes.
        if let Some(stored) = current.get("encrypt_conf") {
            let sent = &body["encrypt_conf"];
            prop_assert_eq!(&sent["encrypt_type"], &stored["encrypt_type"]);
            prop_assert_eq!(sent.get("user_cmk_info"), stored.get("user_cmk_info"));
            prop_assert_eq!(&sent["enable"], &enc["enable"]);
        }
        // Unknown fields are in the body or in a finding, never nowhere.
        for k in &unknown {
            let path = format!("/current/{k}");
            let in_finding = plan.findings.iter().any(|f| f.path == path && (f.code == "MRG005" || f.code == "MRG006"));
            prop_assert!(in_finding, "no finding for unknown field {}", k);
            prop_assert_eq!(body.contains_key(k), keep);
        }
        // Read-only fields never reach the body.
        for k in ["createTime", "lastModifyTime", "productType", "archiveSeconds", "enableModify"] {
            prop_assert!(!body.contains_key(k));
        }
        // The body re-parses and passes the core's own validation: fed back as `current`, it merges to itself.
        let reparsed: Map<String, Value> = serde_json::from_str(&serde_json::to_string(body).unwrap()).unwrap();
        let again = compile(&intent(&reparsed, &enc, mode));
        let errors = |p: &sls_encrypt::Plan| p.findings.iter().filter(|f| f.severity.as_str() == "error").map(|f| f.code).collect::<Vec<_>>();
        prop_assert!(errors(&again).iter().all(|c| errors(&plan).contains(c)), "new errors: {:?}", errors(&again));
        // Sending it twice changes nothing the second time: the core says so instead of sending it.
        match again.request("UpdateLogStore").and_then(|r| r.body.clone()) {
            Some(body2) => {
                prop_assert!(!again.ok, "an error-free resend must be nothing to send");
                prop_assert_eq!(&body2, &Value::Object(body.clone()));
            }
            None => prop_assert!(again.has("PLN001") && again.requests.is_empty() && again.state == "nothing_to_send"),
        }
    }
}
