//! Limits: pasted documents far larger than real ones are refused with a finding that states the
//! size and the limit; over-long values are quoted as excerpts and never copied into the plan;
//! plans stay small and the reader stays linear whatever is pasted.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::{Value, json};
use sls_encrypt::limits::{MAX_FINDINGS, MAX_PASTED_BYTES};
use sls_encrypt::{Plan, compile, compile_text, text};
use std::time::{Duration, Instant};

const EXAMPLE: &str = include_str!("../examples/byok-update-cloud-firewall.json");

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

/// The example switched to an existing role whose trust policy is `trust`.
fn with_trust(trust: Value) -> Value {
    let mut intent = example();
    intent["encryption"].as_object_mut().unwrap().remove("role_name");
    intent["encryption"]["role_arn"] = json!("acs:ram::1234567890123456:role/sls-byok-kms-role");
    intent["ram"]["create_role"] = json!(false);
    intent["ram"]["current_trust_policy"] = trust;
    intent
}

fn size(plan: &Plan) -> usize {
    serde_json::to_string(plan).unwrap().len()
}

fn finding<'a>(plan: &'a Plan, code: &str) -> &'a sls_encrypt::Finding {
    plan.findings.iter().find(|f| f.code == code).unwrap_or_else(|| panic!("no {code} in {:?}", plan.findings))
}

/// The inputs of issue 14's table, as pasted text.
fn hostile_texts() -> Vec<(&'static str, String)> {
    let mut unicode = String::new();
    let mut c = 0x20u32;
    while unicode.len() < 100_000 {
        c = (c * 7919 + 13) % 0x2FFFF;
        if let Some(ch) = char::from_u32(c.max(0x20)) {
            unicode.push(ch);
        }
    }
    let keys: String = (0..200_000).map(|i| format!("\"k{i}\": 0")).collect::<Vec<_>>().join(", ");
    let random: String = (0..10_000_000u64).map(|i| b"ab {}[]\":,0\n"[(i * 2_654_435_761 % 12) as usize] as char).collect();
    vec![
        ("100 KB of random Unicode", unicode),
        ("a 5 MB logstoreName", format!("{{\"logstoreName\": \"{}\", \"ttl\": 30}}", "a".repeat(5_000_000))),
        ("200,000 keys", format!("{{{keys}}}")),
        ("10 MB of random text", random),
    ]
}

#[test]
fn oversized_pastes_are_refused_with_their_size_and_the_limit() {
    for (what, pasted) in hostile_texts() {
        let bytes = pasted.len();
        for (field, intent) in [
            ("/current", {
                let mut i = example();
                i["current"] = Value::String(pasted.clone());
                i
            }),
            ("/ram/current_trust_policy", with_trust(Value::String(pasted.clone()))),
        ] {
            let start = Instant::now();
            let plan = compile(&intent);
            let took = start.elapsed();
            let f = finding(&plan, "LIM001");
            assert_eq!((f.path.as_str(), f.line, f.column), (field, Some(1), Some(1)), "{what} in {field}");
            let grouped = sls_encrypt::limits::grouped(bytes);
            assert!(f.message.contains(&grouped) && f.message.contains("65,536"), "{what}: {}", f.message);
            assert!(f.message_zh.contains(&grouped) && f.message_zh.contains("65,536"), "{what}: {}", f.message_zh);
            assert!(!plan.ok);
            assert!(size(&plan) < 64 * 1024, "{what} in {field}: a {}-byte plan", size(&plan));
            assert!(took < Duration::from_secs(2), "{what} in {field} took {took:?}");
        }
    }
}

#[test]
fn the_pages_stand_in_for_an_oversized_paste_gives_the_same_plan_as_the_paste() {
    let pasted = format!("{{\"logstoreName\": \"{}\"}}", "a".repeat(5_000_000));
    let stand_in = sls_encrypt::limits::too_large_stand_in(pasted.len());
    for (text, short) in [
        (
            {
                let mut i = example();
                i["current"] = Value::String(pasted.clone());
                i
            },
            {
                let mut i = example();
                i["current"] = stand_in.clone();
                i
            },
        ),
        (with_trust(Value::String(pasted.clone())), with_trust(stand_in.clone())),
    ] {
        let (a, b) = (serde_json::to_string(&compile(&text)).unwrap(), serde_json::to_string(&compile(&short)).unwrap());
        assert!(a.contains("5,000,020 bytes"), "{a}");
        assert_eq!(a, b);
    }
}

#[test]
fn a_paste_just_under_the_limit_is_read() {
    let mut intent = example();
    let current = serde_json::to_string_pretty(&intent["current"]).unwrap();
    intent["current"] = Value::String(format!("{current}{}", " ".repeat(MAX_PASTED_BYTES - current.len())));
    let plan = compile(&intent);
    assert!(plan.ok && !plan.has("LIM001"), "{:?}", plan.findings);
}

#[test]
fn an_embedded_object_over_the_limit_is_refused_too() {
    let keys: serde_json::Map<String, Value> = (0..200_000).map(|i| (format!("k{i}"), json!(0))).collect();
    let plan = compile(&with_trust(Value::Object(keys)));
    assert_eq!(finding(&plan, "LIM001").path, "/ram/current_trust_policy");
    assert!(size(&plan) < 64 * 1024);
}

fn cli(intent: &Value) -> (i32, String) {
    common::compile_with_cli(intent)
}

#[test]
fn the_cli_plan_for_a_5_mb_logstore_name_is_under_64_kb() {
    let name = "a".repeat(5_000_000);
    let mut as_object = example();
    as_object["current"]["logstoreName"] = json!(name);
    let mut as_text = example();
    as_text["current"] = json!(format!("{{\"logstoreName\": \"{name}\", \"ttl\": 30, \"shardCount\": 2}}"));
    let mut as_target = example();
    as_target["target"] = json!({"region": "cn-hangzhou", "project": "my-project", "logstore": name});
    for (what, intent, code) in [("object", as_object, "LIM001"), ("text", as_text, "LIM001"), ("target", as_target, "ID010")] {
        let (status, out) = cli(&intent);
        assert_eq!(status, 1, "{what}");
        assert!(out.len() < 64 * 1024, "{what}: the plan is {} bytes", out.len());
        assert!(out.contains(&format!("\"{code}\"")), "{what}: {out}");
        assert!(!out.contains(&"a".repeat(64)), "{what}: the name is copied into the plan");
    }
}

#[test]
fn an_over_long_pasted_name_is_an_excerpt_and_never_copied() {
    for len in [64, 1000, 60_000] {
        let name = "b".repeat(len);
        let mut intent = example();
        intent["current"] = json!(format!("{{\n  \"logstoreName\": \"{name}\",\n  \"ttl\": 180,\n  \"shardCount\": 2\n}}"));
        let plan = compile(&intent);
        let f = finding(&plan, "LIM003");
        assert_eq!((f.path.as_str(), f.line, f.column), ("/current/logstoreName", Some(2), Some(3)));
        assert!(f.message.contains(&format!("\"{}…\"", "b".repeat(32))), "{}", f.message);
        assert!(f.message.contains(&sls_encrypt::limits::grouped(len)) && f.message.contains("63"), "{}", f.message);
        assert!(!plan.has("MRG008"), "the name is not compared as if it could be real");
        let body = &plan.request("UpdateLogStore").unwrap().body;
        assert_eq!(body.as_ref().unwrap()["logstoreName"], "cloudfirewall-logstore", "the target's name is sent");
        let json = serde_json::to_string(&plan).unwrap();
        assert!(!json.contains(&"b".repeat(33)), "{len}: the long name reaches the plan");
    }
}

#[test]
fn an_over_long_unknown_field_is_left_out() {
    let mut intent = example();
    intent["current"]["futureField"] = json!("x".repeat(5000));
    intent["current"]["y".repeat(2000)] = json!(1);
    let plan = compile(&intent);
    let paths: Vec<&str> = plan.findings.iter().filter(|f| f.code == "LIM003").map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["/current/futureField", "/current"]);
    let body = plan.request("UpdateLogStore").unwrap().body.as_ref().unwrap();
    assert!(body.get("futureField").is_none());
    let json = serde_json::to_string(&plan).unwrap();
    assert!(!json.contains(&"x".repeat(33)) && !json.contains(&"y".repeat(33)));
}

#[test]
fn intent_fields_quote_long_values_as_excerpts() {
    let long = "Z".repeat(100_000);
    let mut intent = example();
    intent["target"]["region"] = json!(long);
    intent["encryption"]["cmk_key_id"] = json!(long);
    intent["ram"]["user_name"] = json!(long);
    intent["encryption"]["encrypt_type"] = json!(long);
    intent["target"][long.as_str()] = json!(1);
    let plan = compile(&intent);
    for code in ["ID001", "ID003", "ID007", "ENC001", "INT006"] {
        let f = finding(&plan, code);
        assert!(f.message.len() < 300 && f.message_zh.len() < 300 && f.path.len() < 100, "{code}: {f:?}");
    }
    assert!(size(&plan) < 64 * 1024);
}

#[test]
fn a_plan_lists_at_most_200_findings_and_counts_the_rest() {
    let text = format!("{{\"version\": 1{}}}", " /**/".repeat(500));
    let plan = compile_text(&text);
    assert_eq!(plan.findings.len(), MAX_FINDINGS);
    let last = plan.findings.last().unwrap();
    assert_eq!(last.code, "LIM004");
    assert!(plan.findings.iter().filter(|f| f.code == "TXT003").count() < MAX_FINDINGS);
    let mut keys = example();
    for i in 0..2000 {
        keys["current"][format!("field{i}")] = json!(i);
    }
    let plan = compile(&keys);
    assert_eq!(plan.findings.len(), MAX_FINDINGS);
    let more = finding(&plan, "LIM004");
    assert!(more.message.contains("more findings are not listed"), "{}", more.message);
    assert!(plan.ok, "warnings only: the cap does not change ok");
}

#[test]
fn the_reader_stays_linear_with_long_keys_deep_nesting_and_long_arrays() {
    // A 20 KB key, 100 levels under it, then 20,000 elements: every element's pointer would be
    // over 20 KB if pointers were stored per value (400 MB); positions are a tree instead.
    let key = "k".repeat(20_000);
    let text = format!("{{\"{key}\": {}[{}]{}}}", "{\"a\": ".repeat(100), vec!["0"; 20_000].join(","), "}".repeat(100));
    assert!(text.len() <= MAX_PASTED_BYTES);
    let start = Instant::now();
    let read = text::read(&text);
    let doc = read.document.expect("it is JSON");
    let inner = format!("/{key}{}", "/a".repeat(100));
    assert_eq!(doc.position(&format!("{inner}/19999")), Some((1, text.len() - 102)));
    assert_eq!(doc.nearest_position(&format!("{inner}/19999/nope")), Some((1, text.len() - 102)));
    assert!(start.elapsed() < Duration::from_secs(2), "{:?}", start.elapsed());
    // The same with 20,000 trailing commas' worth of issues: at most MAX_ISSUES are built.
    let commas = format!("{{\"{key}\": {}[{}]{}}}", "[".repeat(100), vec!["[0,]"; 10_000].join(","), "]".repeat(100));
    let start = Instant::now();
    let read = text::read(&commas);
    assert_eq!(read.issues.len(), text::MAX_ISSUES + 1);
    assert_eq!(read.issues.last().unwrap().code, sls_encrypt::Code::TooManyFindings);
    assert!(start.elapsed() < Duration::from_secs(2), "{:?}", start.elapsed());
}
