//! Closing the loop (issue 10): the GetLogStore response read after the change (`after`) checked
//! against the body that was sent, with findings located in the pasted text.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::{Map, Value, json};
use sls_encrypt::{Finding, Plan, compile, compile_text};

fn example() -> Value {
    serde_json::from_str(include_str!("../examples/byok-update-cloud-firewall.json")).unwrap()
}

/// The body the plan sends for `intent` (UpdateLogStore or CreateLogStore).
fn sent_body(intent: &Value) -> Map<String, Value> {
    let plan = compile(intent);
    let r = plan.requests.iter().find(|r| r.api == "UpdateLogStore" || r.api == "CreateLogStore").expect("a Logstore request");
    r.body.clone().unwrap().as_object().unwrap().clone()
}

/// What GetLogStore returns once the example's update was applied: the body, plus the
/// output-only fields, with a later lastModifyTime.
fn applied() -> Map<String, Value> {
    let intent = example();
    let mut after = intent["current"].as_object().unwrap().clone();
    for (k, v) in sent_body(&intent) {
        after.insert(k, v);
    }
    after.insert("lastModifyTime".into(), json!(1700009999));
    after
}

/// Compiles the intent as text with `after` pasted as pretty JSON text.
fn with_after(mut intent: Value, after: &Value) -> (Plan, String) {
    let text = serde_json::to_string_pretty(after).unwrap();
    intent["after"] = Value::String(text.clone());
    (compile_text(&serde_json::to_string_pretty(&intent).unwrap()), text)
}

fn ver(plan: &Plan) -> Vec<&Finding> {
    plan.findings.iter().filter(|f| f.code.as_str().starts_with("VER")).collect()
}

fn one<'a>(plan: &'a Plan, code: &str) -> &'a Finding {
    let found: Vec<_> = plan.findings.iter().filter(|f| f.code == code).collect();
    assert_eq!(found.len(), 1, "{code} once; findings: {:?}", plan.findings.iter().map(|f| (f.code, &f.path)).collect::<Vec<_>>());
    found[0]
}

/// Line and column (1-based, characters) of the first `"key":` on or after line `from` in `text`.
fn position_of(text: &str, key: &str, from: usize) -> (usize, usize) {
    let needle = format!("\"{key}\":");
    for (i, line) in text.lines().enumerate().skip(from.saturating_sub(1)) {
        if let Some(byte) = line.find(&needle) {
            return (i + 1, line[..byte].chars().count() + 1);
        }
    }
    panic!("{key} not in the text")
}

fn at(f: &Finding) -> (usize, usize) {
    (f.line.expect("a line"), f.column.expect("a column"))
}

fn status(plan: &Plan, field: &str) -> &'static str {
    let v = plan.verification.as_ref().expect("a verification");
    v.fields.iter().find(|r| r.field == field).unwrap_or_else(|| panic!("no row {field}")).status.as_str()
}

/// A change made to the Logstore read back.
type Change = fn(&mut Map<String, Value>);

fn cmk_info_mut(after: &mut Map<String, Value>) -> &mut Map<String, Value> {
    after["encrypt_conf"]["user_cmk_info"].as_object_mut().unwrap()
}

#[test]
fn no_after_means_no_verification() {
    let plan = compile(&example());
    assert!(plan.verification.is_none());
    assert_eq!(serde_json::to_value(&plan).unwrap()["verification"], Value::Null);
    assert!(ver(&plan).is_empty());
}

#[test]
fn a_matching_after_verifies_with_one_info_finding() {
    let intent = example();
    let body = sent_body(&intent);
    let (plan, text) = with_after(intent, &Value::Object(applied()));
    assert!(plan.ok, "{:?}", plan.findings);
    let v = plan.verification.as_ref().unwrap();
    assert!(v.ok);
    // One row per field of the sent body, in its order, encrypt_conf included; read-only fields are not compared.
    let fields: Vec<&str> = v.fields.iter().map(|r| r.field.as_str()).collect();
    assert_eq!(fields, body.keys().map(String::as_str).collect::<Vec<_>>());
    assert!(fields.contains(&"encrypt_conf") && !fields.contains(&"createTime") && !fields.contains(&"lastModifyTime"));
    assert!(v.fields.iter().all(|r| r.status.as_str() == "same" && r.expected == r.actual));
    let found = ver(&plan);
    assert_eq!(found.len(), 1);
    let f = found[0];
    assert_eq!((f.code.as_str(), f.severity.as_str(), f.path.as_str()), ("VER009", "info", "/after"));
    assert_eq!(at(f), (1, 1), "at the start of the pasted text");
    assert!(f.message.contains("12 fields") && f.message_zh.contains("12 个字段"), "{}", f.message);
    assert!(!text.is_empty());
    // The plan's JSON carries it exactly so.
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["verification"]["ok"], true);
    assert_eq!(json["verification"]["fields"][1], json!({"field": "ttl", "expected": 180, "actual": 180, "status": "same"}));
}

#[test]
fn values_are_compared_as_a_logstore_means_them() {
    // 180.0 is 180, key order does not matter, a null member is an absent one; an object works as text does.
    let mut after = applied();
    after.insert("ttl".into(), json!(180.0));
    let mut conf = Map::new();
    let stored = after["encrypt_conf"].as_object().unwrap().clone();
    for (k, v) in stored.iter().rev() {
        conf.insert(k.clone(), v.clone());
    }
    conf.insert("extra".into(), Value::Null);
    after.insert("encrypt_conf".into(), Value::Object(conf));
    let mut intent = example();
    intent["after"] = Value::Object(after);
    let plan = compile(&intent);
    assert!(plan.verification.as_ref().unwrap().ok, "{:?}", plan.verification);
    assert_eq!(ver(&plan).iter().map(|f| f.code).collect::<Vec<_>>(), ["VER009"]);
}

#[test]
fn one_changed_field_is_an_error_at_its_line_and_column() {
    let mut after = applied();
    after.insert("ttl".into(), json!(30));
    let (plan, text) = with_after(example(), &Value::Object(after));
    assert!(!plan.ok);
    let v = plan.verification.as_ref().unwrap();
    assert!(!v.ok);
    let ttl = v.fields.iter().find(|r| r.field == "ttl").unwrap();
    assert_eq!((ttl.expected.clone(), ttl.actual.clone(), ttl.status.as_str()), (Some(json!(180)), Some(json!(30)), "differs"));
    assert_eq!(v.fields.iter().filter(|r| r.status.as_str() != "same").count(), 1);
    let f = one(&plan, "VER001");
    assert_eq!((f.severity.as_str(), f.path.as_str()), ("error", "/after/ttl"));
    assert_eq!(at(f), position_of(&text, "ttl", 1));
    assert!(f.message.contains("30") && f.message.contains("180"), "{}", f.message);
    assert!(f.fix.contains("UpdateLogStore request was not sent") && f.fix_zh.contains("UpdateLogStore 请求未发送"), "{}", f.fix);
    assert_eq!(ver(&plan).len(), 1, "no info when something differs");
}

#[test]
fn a_missing_field_is_an_error_with_its_own_code() {
    let mut after = applied();
    after.remove("hot_ttl");
    let (plan, _) = with_after(example(), &Value::Object(after));
    assert_eq!(status(&plan, "hot_ttl"), "missing");
    let f = one(&plan, "VER002");
    assert_eq!(f.path, "/after/hot_ttl");
    assert_eq!(at(f), (1, 1), "a missing field points at the pasted Logstore");
    assert!(f.message.contains("\"hot_ttl\" was sent as 30"), "{}", f.message);
}

#[test]
fn a_changed_shard_count_says_shards_split() {
    let mut after = applied();
    after.insert("shardCount".into(), json!(4));
    let (plan, _) = with_after(example(), &Value::Object(after));
    let f = one(&plan, "VER001");
    assert_eq!(f.path, "/after/shardCount");
    assert!(f.fix.contains("autoSplit") && f.fix_zh.contains("自动分裂"), "{}", f.fix);
}

#[test]
fn encryption_missing_after_a_create_is_its_own_error() {
    let mut intent: Value = serde_json::from_str(include_str!("../examples/service-key-create.json")).unwrap();
    let body = sent_body(&intent);
    assert!(body.contains_key("encrypt_conf"));
    let mut after = body.clone();
    after.remove("encrypt_conf");
    after.insert("createTime".into(), json!(1700000000));
    intent["after"] = Value::String(serde_json::to_string_pretty(&after).unwrap());
    let plan = compile_text(&serde_json::to_string_pretty(&intent).unwrap());
    let v = plan.verification.as_ref().unwrap();
    // For a create, the rows are the CreateLogStore body's fields.
    assert_eq!(v.fields.iter().map(|r| r.field.as_str()).collect::<Vec<_>>(), body.keys().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(status(&plan, "encrypt_conf"), "missing");
    let f = one(&plan, "VER003");
    assert_eq!((f.severity.as_str(), f.path.as_str()), ("error", "/after/encrypt_conf"));
    assert!(f.line.is_some());
    assert!(f.message.contains("Encryption is off"), "{}", f.message);
    assert!(f.fix.contains("CreateLogStore request was not sent") && f.fix_zh.contains("CreateLogStore 请求未发送"), "{}", f.fix);
    assert_eq!(ver(&plan).len(), 1, "not also a generic missing-field finding");
}

#[test]
fn encryption_turned_off_in_between_is_found_at_enable() {
    let mut after = applied();
    after["encrypt_conf"]["enable"] = json!(false);
    let (plan, text) = with_after(example(), &Value::Object(after));
    assert_eq!(status(&plan, "encrypt_conf"), "differs");
    let f = one(&plan, "VER003");
    assert_eq!(f.path, "/after/encrypt_conf/enable");
    assert_eq!(at(f), position_of(&text, "enable", position_of(&text, "encrypt_conf", 1).0));
    assert!(f.fix.contains("another change turned encryption off"), "{}", f.fix);
    assert_eq!(ver(&plan).len(), 1);
}

#[test]
fn a_different_cmk_is_its_own_error_saying_what_it_means() {
    let mut after = applied();
    cmk_info_mut(&mut after).insert("cmk_key_id".into(), json!("key-hzzotherkey0000000000"));
    let (plan, text) = with_after(example(), &Value::Object(after));
    assert_eq!(status(&plan, "encrypt_conf"), "differs");
    let f = one(&plan, "VER006");
    assert_eq!((f.severity.as_str(), f.path.as_str()), ("error", "/after/encrypt_conf/user_cmk_info/cmk_key_id"));
    assert_eq!(at(f), position_of(&text, "cmk_key_id", 1));
    assert!(f.message.contains("key-hzzotherkey0000000000") && f.message.contains("key-hzz67f8a1b2c3d4e5f6g"), "{}", f.message);
    assert!(f.fix.contains("permanent") && f.fix.contains("another change"), "{}", f.fix);
    assert!(f.fix_zh.contains("不可更改"), "{}", f.fix_zh);
    assert_eq!(ver(&plan).len(), 1, "not also a generic encrypt_conf finding");
}

#[test]
fn a_different_role_region_algorithm_or_mechanism_each_has_its_code() {
    let cases: [(&str, Change, &str); 4] = [
        (
            "VER007",
            |a| {
                cmk_info_mut(a).insert("arn".into(), json!("acs:ram::1234567890123456:role/other-role"));
            },
            "/after/encrypt_conf/user_cmk_info/arn",
        ),
        (
            "VER008",
            |a| {
                cmk_info_mut(a).insert("region_id".into(), json!("cn-shanghai"));
            },
            "/after/encrypt_conf/user_cmk_info/region_id",
        ),
        ("VER005", |a| a["encrypt_conf"]["encrypt_type"] = json!("sm4"), "/after/encrypt_conf/encrypt_type"),
        (
            "VER004",
            |a| {
                a["encrypt_conf"].as_object_mut().unwrap().remove("user_cmk_info");
            },
            "/after/encrypt_conf",
        ),
    ];
    for (code, change, path) in cases {
        let mut after = applied();
        change(&mut after);
        let (plan, _) = with_after(example(), &Value::Object(after));
        let f = one(&plan, code);
        assert_eq!((f.severity.as_str(), f.path.as_str()), ("error", path), "{code}");
        assert!(f.line.is_some(), "{code} located");
        assert_eq!(ver(&plan).len(), 1, "{code} alone: {:?}", ver(&plan));
    }
    // The mechanism finding names both.
    let mut after = applied();
    after["encrypt_conf"].as_object_mut().unwrap().remove("user_cmk_info");
    let (plan, _) = with_after(example(), &Value::Object(after));
    let f = one(&plan, "VER004");
    assert!(f.message.contains("the service key") && f.message.contains("BYOK"), "{}", f.message);
    // The role ARN's case carries no meaning.
    let mut after = applied();
    cmk_info_mut(&mut after).insert("arn".into(), json!("acs:ram::1234567890123456:role/SLS-BYOK-KMS-ROLE"));
    let (plan, _) = with_after(example(), &Value::Object(after));
    assert!(plan.verification.as_ref().unwrap().ok);
    assert_eq!(ver(&plan).iter().map(|f| f.code).collect::<Vec<_>>(), ["VER009"]);
}

#[test]
fn an_after_of_another_logstore_is_an_error() {
    let mut after = applied();
    after.insert("logstoreName".into(), json!("other-logstore"));
    let (plan, text) = with_after(example(), &Value::Object(after));
    let f = one(&plan, "VER010");
    assert_eq!((f.severity.as_str(), f.path.as_str()), ("error", "/after/logstoreName"));
    assert_eq!(at(f), position_of(&text, "logstoreName", 1));
    assert!(f.message.contains("other-logstore") && f.message.contains("cloudfirewall-logstore"));
    assert_eq!(ver(&plan).len(), 1, "the rows of another Logstore are not reported one by one");
    assert!(!plan.verification.as_ref().unwrap().ok);
    assert_eq!(status(&plan, "logstoreName"), "differs");
}

#[test]
fn pasted_text_with_a_syntax_error_is_located() {
    let mut intent = example();
    intent["after"] = json!("{\n  \"logstoreName\": \"cloudfirewall-logstore\",\n  \"ttl\" 180\n}");
    let plan = compile_text(&serde_json::to_string_pretty(&intent).unwrap());
    let f = one(&plan, "TXT001");
    assert!(f.path.starts_with("/after"), "{}", f.path);
    assert_eq!(at(f), (3, 9));
    assert!(!plan.ok);
    let v = plan.verification.as_ref().unwrap();
    assert!(!v.ok && v.fields.is_empty());
    assert!(ver(&plan).is_empty());
}

#[test]
fn an_after_equal_to_current_says_nothing_was_applied() {
    let intent = example();
    let current = intent["current"].clone();
    let (plan, _) = with_after(intent, &current);
    let f = one(&plan, "VER011");
    assert_eq!((f.severity.as_str(), f.path.as_str()), ("error", "/after"));
    assert!(f.message.starts_with("Nothing was applied"), "{}", f.message);
    assert!(f.message_zh.starts_with("未应用任何更改"), "{}", f.message_zh);
    assert!(f.fix.contains("Send the UpdateLogStore request"));
    assert_eq!(ver(&plan).len(), 1, "one finding says it all");
    assert_eq!(status(&plan, "encrypt_conf"), "missing");
    assert!(!plan.ok);
}

#[test]
fn an_after_equal_to_current_is_fine_when_the_plan_changes_nothing() {
    // The Logstore already has the wanted encryption: the update changes nothing.
    let mut intent = example();
    intent["current"] = Value::Object(applied());
    let current = intent["current"].clone();
    let (plan, _) = with_after(intent, &current);
    assert!(plan.has("ENC010"));
    assert!(!plan.has("VER011"));
    assert!(plan.verification.as_ref().unwrap().ok);
    assert!(plan.has("VER009"));
}

#[test]
fn an_sdk_wrapper_is_read_like_current() {
    let mut after = applied();
    after.insert("ttl".into(), json!(7));
    let wrapped = json!({ "headers": {"x-log-requestid": "1"}, "statusCode": 200, "body": after });
    let (plan, text) = with_after(example(), &wrapped);
    assert!(plan.has("MRG007"));
    let f = one(&plan, "VER001");
    assert_eq!(f.path, "/after/body/ttl");
    assert_eq!(at(f), position_of(&text, "ttl", 1));
}

#[test]
fn no_body_to_compare_with_is_said() {
    let mut intent = example();
    intent["current"] = json!({"foo": 1});
    intent["after"] = Value::Object(applied());
    let plan = compile(&intent);
    assert!(plan.has("MRG009"));
    let f = one(&plan, "VER012");
    assert_eq!((f.severity.as_str(), f.path.as_str()), ("info", "/after"));
    let v = plan.verification.as_ref().unwrap();
    assert!(!v.ok && v.fields.is_empty());
}

fn cli(intent: &Value) -> (i32, Value) {
    let (code, out) = common::compile_with_cli(intent);
    (code, serde_json::from_str(&out).unwrap())
}

#[test]
fn the_cli_exits_1_when_verification_fails() {
    let mut intent = example();
    intent["after"] = Value::Object(applied());
    let (code, plan) = cli(&intent);
    assert_eq!(code, 0);
    assert_eq!(plan["verification"]["ok"], true);
    intent["after"]["ttl"] = json!(1);
    let (code, plan) = cli(&intent);
    assert_eq!(code, 1);
    assert_eq!(plan["verification"]["ok"], false);
    assert!(plan["findings"].as_array().unwrap().iter().any(|f| f["code"] == "VER001" && f["path"] == "/after/ttl"));
}
