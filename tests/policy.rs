#![cfg(not(target_arch = "wasm32"))]
//! The RAM policy analyser (one table row per rule, with exact paths, lines and columns) and the
//! merge of Log Service into a pasted trust policy.

use serde_json::{Value, json};
use sls_encrypt::Finding;
use sls_encrypt::policy::{self, PolicyKind};
use sls_encrypt::text::{self, Document, Source};
use sls_encrypt::trust::{self, LOG_SERVICE};

const PREFIX: &str = "/ram/current_trust_policy";

fn source(text: &str) -> Source {
    let read = text::read(text);
    let document = read.document.unwrap_or_else(|| panic!("test text must read: {:?}", read.issues));
    Source { prefix: PREFIX.into(), document, chars: text.chars().count() }
}

fn analyse(text: &str, kind: PolicyKind) -> Vec<Finding> {
    let mut out = Vec::new();
    policy::analyse(&source(text), kind, &mut out);
    out
}

fn summary(findings: &[Finding]) -> Vec<(String, String, Option<usize>, Option<usize>)> {
    findings.iter().map(|f| (f.code.to_string(), f.path.clone(), f.line, f.column)).collect()
}

const VENDOR_TRUST: &str =
    r#"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["log.aliyuncs.com"]}}],"Version":"1"}"#;
const VENDOR_PASSROLE: &str = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:PassRole","Resource":"acs:ram::*"}]}"#;

/// A permission policy with `n` actions, one per line.
fn long_policy(n: usize) -> String {
    let actions: Vec<String> = (0..n).map(|i| format!("        \"log:GetLogStore{i}\"")).collect();
    format!(
        "{{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {{\n      \"Effect\": \"Allow\",\n      \"Action\": [\n{}\n      ],\n      \"Resource\": \"*\"\n    }}\n  ]\n}}",
        actions.join(",\n")
    )
}

struct Row {
    name: &'static str,
    text: String,
    kind: PolicyKind,
    /// (code, path after the prefix, line, column)
    expected: Vec<(&'static str, &'static str, usize, usize)>,
}

fn row(name: &'static str, text: &str, kind: PolicyKind, expected: &[(&'static str, &'static str, usize, usize)]) -> Row {
    Row { name, text: text.to_string(), kind, expected: expected.to_vec() }
}

fn rows() -> Vec<Row> {
    use PolicyKind::{Permission, Trust};
    vec![
        // POL001
        row(
            "version missing",
            r#"{
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {"Service": ["log.aliyuncs.com"]}
    }
  ]
}"#,
            Trust,
            &[("POL001", "/Version", 1, 1)],
        ),
        row(
            "version is the number 1",
            r#"{
  "Version": 1,
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {"Service": ["log.aliyuncs.com"]}
    }
  ]
}"#,
            Trust,
            &[("POL001", "/Version", 2, 3)],
        ),
        row(
            "version from another cloud",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "ram:PassRole", "Resource": "acs:ram::*"}
  ]
}"#,
            Permission,
            &[("POL001", "/Version", 2, 3)],
        ),
        // POL002
        row("statement missing", "{\n  \"Version\": \"1\"\n}", Trust, &[("POL002", "/Statement", 1, 1)]),
        row("statement empty", "{\n  \"Version\": \"1\",\n  \"Statement\": []\n}", Trust, &[("POL002", "/Statement", 3, 3)]),
        row(
            "statement element not an object",
            r#"{
  "Version": "1",
  "Statement": [
    "sts:AssumeRole"
  ]
}"#,
            Trust,
            &[("POL002", "/Statement/0", 4, 5)],
        ),
        row(
            "statement is one object, not a list",
            r#"{
  "Version": "1",
  "Statement": {
    "Effect": "Allow",
    "Action": "ram:PassRole",
    "Resource": "acs:ram::*"
  }
}"#,
            Permission,
            &[("POL002", "/Statement", 3, 3)],
        ),
        row("not an object at all", "[\n  \"sts:AssumeRole\"\n]", Trust, &[("POL002", "", 1, 1)]),
        // POL003
        row(
            "effect in lower case",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "allow",
      "Principal": {"Service": ["log.aliyuncs.com"]}
    }
  ]
}"#,
            Trust,
            &[("POL003", "/Statement/0/Effect", 6, 7)],
        ),
        row(
            "effect missing",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Principal": {"Service": ["log.aliyuncs.com"]}
    }
  ]
}"#,
            Trust,
            &[("POL003", "/Statement/0/Effect", 4, 5)],
        ),
        // POL004
        row(
            "both Action and NotAction",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ram:PassRole",
      "NotAction": "ram:DeleteRole",
      "Resource": "acs:ram::*"
    }
  ]
}"#,
            Permission,
            &[("POL004", "/Statement/0", 4, 5)],
        ),
        row(
            "neither Action nor NotAction",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"Service": ["log.aliyuncs.com"]}
    }
  ]
}"#,
            Trust,
            &[("POL004", "/Statement/0/Action", 4, 5)],
        ),
        // POL005
        row(
            "actions not service:Action",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ram:PassRole", "RAM:GetRole", "PassRole", "ram:Get*"],
      "Resource": "acs:ram::*"
    }
  ]
}"#,
            Permission,
            &[("POL005", "/Statement/0/Action/1", 6, 34), ("POL005", "/Statement/0/Action/2", 6, 49)],
        ),
        row(
            "action not a string",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": 42,
      "Resource": "acs:ram::*"
    }
  ]
}"#,
            Permission,
            &[("POL005", "/Statement/0/Action", 6, 7)],
        ),
        // POL006
        row(
            "resources not acs ARNs",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ram:PassRole",
      "Resource": ["acs:ram::*", "arn:aws:iam::123:role/x", "acs:log", "acs:ram::1234567890123456:role/sls-byok-kms-role"]
    }
  ]
}"#,
            Permission,
            &[("POL006", "/Statement/0/Resource/1", 7, 34), ("POL006", "/Statement/0/Resource/2", 7, 61)],
        ),
        row(
            "resource not a string",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ram:PassRole",
      "Resource": {"arn": "acs:ram::*"}
    }
  ]
}"#,
            Permission,
            &[("POL006", "/Statement/0/Resource", 7, 7)],
        ),
        // POL007
        row(
            "principal in a permission policy",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ram:PassRole",
      "Resource": "acs:ram::*",
      "Principal": {"RAM": ["acs:ram::1234567890123456:root"]}
    }
  ]
}"#,
            Permission,
            &[("POL007", "/Statement/0/Principal", 8, 7)],
        ),
        row(
            "principal missing in a trust policy",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow"
    }
  ]
}"#,
            Trust,
            &[("POL007", "/Statement/0/Principal", 4, 5)],
        ),
        // POL008
        row(
            "unknown condition operator",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {"Service": ["log.aliyuncs.com"]},
      "Condition": {
        "StringEqual": {"sts:ExternalId": "abc"},
        "ForAnyValue:StringLikeIfExists": {"acs:SourceIp": ["10.0.0.0/8"]},
        "Bool": {"acs:MFAPresent": true}
      }
    }
  ]
}"#,
            Trust,
            &[("POL008", "/Statement/0/Condition/StringEqual", 9, 9)],
        ),
        // POL009, POL010
        Row { name: "over 6,144 characters", text: long_policy(300), kind: Permission, expected: vec![("POL009", "", 1, 1)] },
        Row { name: "over 2,048 characters", text: long_policy(100), kind: Permission, expected: vec![("POL010", "", 1, 1)] },
        // POL011
        row(
            "elements RAM policies do not have",
            r#"{
  "Version": "1",
  "Id": "sls-byok",
  "Statement": [
    {
      "effect": "Allow",
      "Actions": "ram:PassRole",
      "Resource": "acs:ram::*"
    }
  ]
}"#,
            Permission,
            &[("POL011", "/Id", 3, 3), ("POL011", "/Statement/0/effect", 6, 7), ("POL011", "/Statement/0/Actions", 7, 7)],
        ),
        row(
            "resource in a trust policy",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {"Service": ["log.aliyuncs.com"]},
      "Resource": "*"
    }
  ]
}"#,
            Trust,
            &[("POL011", "/Statement/0/Resource", 8, 7)],
        ),
        // POL012
        row(
            "resource missing in a permission policy",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ram:PassRole"
    }
  ]
}"#,
            Permission,
            &[("POL012", "/Statement/0/Resource", 4, 5)],
        ),
        // POL013
        row(
            "principal kinds and values",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {
        "Service": ["log.aliyuncs.com", "Log.Aliyuncs.com", "log"],
        "RAM": "1234567890123456",
        "Account": ["acs:ram::1234567890123456:root"],
        "Federated": "acs:ram::1234567890123456:saml-provider/idp"
      }
    }
  ]
}"#,
            Trust,
            &[
                ("POL013", "/Statement/0/Principal/Service/1", 8, 41),
                ("POL013", "/Statement/0/Principal/Service/2", 8, 61),
                ("POL013", "/Statement/0/Principal/RAM", 9, 9),
                ("POL013", "/Statement/0/Principal/Account", 10, 9),
            ],
        ),
        row(
            "principal not an object",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": "*"
    }
  ]
}"#,
            Trust,
            &[("POL013", "/Statement/0/Principal", 7, 7)],
        ),
        // POL014
        row(
            "condition shape",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {"Service": ["log.aliyuncs.com"]},
      "Condition": {
        "StringEquals": {"sts:ExternalId": {"value": "abc"}},
        "Bool": "true"
      }
    }
  ]
}"#,
            Trust,
            &[("POL014", "/Statement/0/Condition/StringEquals/sts:ExternalId", 9, 26), ("POL014", "/Statement/0/Condition/Bool", 10, 9)],
        ),
        row(
            "condition not an object",
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {"Service": ["log.aliyuncs.com"]},
      "Condition": ["acs:SourceIp"]
    }
  ]
}"#,
            Trust,
            &[("POL014", "/Statement/0/Condition", 8, 7)],
        ),
    ]
}

#[test]
fn each_rule_reports_code_path_line_and_column() {
    for r in rows() {
        let got = summary(&analyse(&r.text, r.kind));
        let want: Vec<_> = r.expected.iter().map(|(c, p, l, col)| (c.to_string(), format!("{PREFIX}{p}"), Some(*l), Some(*col))).collect();
        assert_eq!(got, want, "row: {}", r.name);
    }
}

#[test]
fn every_finding_is_bilingual_with_a_fix() {
    for r in rows() {
        for f in analyse(&r.text, r.kind) {
            assert!(!f.message.is_empty() && !f.fix.is_empty(), "{}: {f:?}", r.name);
            assert!(!f.message_zh.is_empty() && !f.fix_zh.is_empty(), "{}: {f:?}", r.name);
            assert_ne!(f.message, f.message_zh, "{}: {f:?}", r.name);
        }
    }
}

#[test]
fn fixes_name_the_likely_intent() {
    let fix_of = |name: &str, code: &str, n: usize| {
        let r = rows().into_iter().find(|r| r.name == name).unwrap();
        analyse(&r.text, r.kind).into_iter().filter(|f| f.code == code).nth(n).unwrap().fix
    };
    assert!(fix_of("version is the number 1", "POL001", 0).contains("Quote"));
    assert!(fix_of("effect in lower case", "POL003", 0).contains("\"Allow\""));
    assert!(fix_of("actions not service:Action", "POL005", 0).contains("\"ram:GetRole\""));
    assert!(fix_of("resources not acs ARNs", "POL006", 0).contains("AWS"));
    assert!(fix_of("unknown condition operator", "POL008", 0).contains("\"StringEquals\""));
    assert!(fix_of("elements RAM policies do not have", "POL011", 1).contains("\"Effect\""));
    assert!(fix_of("elements RAM policies do not have", "POL011", 2).contains("\"Action\""));
    assert!(fix_of("principal kinds and values", "POL013", 0).contains("\"log.aliyuncs.com\""));
    assert!(fix_of("principal kinds and values", "POL013", 1).contains("\"log.aliyuncs.com\""));
    assert!(fix_of("principal kinds and values", "POL013", 2).contains("\"acs:ram::1234567890123456:root\""));
    assert!(fix_of("principal kinds and values", "POL013", 3).contains("Service"));
}

#[test]
fn long_but_compact_enough_says_so() {
    let text = long_policy(220);
    assert!(text.chars().count() > 6144);
    let f = analyse(&text, PolicyKind::Permission);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].code, "POL009");
    assert!(f[0].fix.contains("compact"), "{}", f[0].fix);
}

#[test]
fn vendor_policies_are_clean() {
    assert_eq!(analyse(VENDOR_TRUST, PolicyKind::Trust), []);
    assert_eq!(analyse(VENDOR_PASSROLE, PolicyKind::Permission), []);
    let pretty = serde_json::to_string_pretty(&trust::log_service_trust_policy()).unwrap();
    assert_eq!(analyse(&pretty, PolicyKind::Trust), []);
    assert_eq!(text::read(VENDOR_TRUST).document.unwrap().value, trust::log_service_trust_policy());
    assert_eq!(trust::log_service_trust_policy().to_string(), VENDOR_TRUST);

    let mut out = Vec::new();
    policy::analyse_value(&trust::log_service_trust_policy(), PolicyKind::Trust, "/plan/role", &mut out);
    policy::analyse_value(&serde_json::from_str(VENDOR_PASSROLE).unwrap(), PolicyKind::Permission, "/plan/policy", &mut out);
    let least = json!({"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ram:PassRole", "Resource": "acs:ram::1234567890123456:role/sls-byok-kms-role"}]});
    policy::analyse_value(&least, PolicyKind::Permission, "/plan/policy", &mut out);
    assert_eq!(out, []);
}

#[test]
fn generated_documents_have_paths_but_no_positions() {
    let mut out = Vec::new();
    let v = json!({"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ram:PassRole"}]});
    policy::analyse_value(&v, PolicyKind::Permission, "/plan/passrole", &mut out);
    assert_eq!(summary(&out), [("POL012".to_string(), "/plan/passrole/Statement/0/Resource".to_string(), None, None)]);
}

#[test]
fn embedded_documents_use_the_positions_they_are_given() {
    // An object embedded in an intent: the intent reader rebases the intent's positions.
    let intent = "{\n  \"ram\": {\n    \"current_trust_policy\": {\"Version\": 1, \"Statement\": []}\n  }\n}";
    let outer = text::read(intent).document.unwrap();
    let value = outer.value["ram"]["current_trust_policy"].clone();
    let mut document = Document::from_value(value.clone());
    document.rebase(&outer, "/ram/current_trust_policy");
    let s = Source { prefix: PREFIX.into(), document, chars: value.to_string().chars().count() };
    let mut out = Vec::new();
    policy::analyse(&s, PolicyKind::Trust, &mut out);
    assert_eq!(
        summary(&out),
        [
            ("POL001".to_string(), format!("{PREFIX}/Version"), Some(3), Some(30)),
            ("POL002".to_string(), format!("{PREFIX}/Statement"), Some(3), Some(44)),
        ]
    );
}

// ---- trust merge ----

fn merge(text: &str) -> (trust::TrustMerge, Vec<Finding>) {
    let mut out = Vec::new();
    let m = trust::merge_trust(&source(text), &mut out);
    (m, out)
}

fn codes(findings: &[Finding]) -> Vec<(&'static str, String)> {
    findings.iter().map(|f| (f.code.as_str(), f.path.strip_prefix(PREFIX).unwrap_or(&f.path).to_string())).collect()
}

fn value(text: &str) -> Value {
    text::read(text).document.unwrap().value
}

#[test]
fn already_allowed_is_left_alone() {
    let (m, out) = merge(VENDOR_TRUST);
    assert!(!m.changed);
    assert_eq!(m.policy, value(VENDOR_TRUST));
    assert_eq!(codes(&out), [("RAM004", "/Statement/0".to_string())]);

    // Log Service named as a plain string in a later statement, with sts:* as the action.
    let text = r#"{
  "Version": "1",
  "Statement": [
    {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"RAM": ["acs:ram::1234567890123456:root"]}},
    {"Action": "sts:*", "Effect": "Allow", "Principal": {"Service": "log.aliyuncs.com"}}
  ]
}"#;
    let (m, out) = merge(text);
    assert!(!m.changed);
    assert_eq!(m.policy, value(text));
    assert_eq!(summary(&out), [("RAM004".to_string(), format!("{PREFIX}/Statement/1"), Some(5), Some(5))]);
}

#[test]
fn other_service_principal_is_kept() {
    let text = r#"{
  "Version": "1",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {"Service": "ecs.aliyuncs.com"}
    }
  ]
}"#;
    let (m, out) = merge(text);
    assert!(m.changed);
    assert_eq!(
        m.policy,
        json!({"Version": "1", "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com", LOG_SERVICE]}}]})
    );
    assert_eq!(summary(&out), [("RAM003".to_string(), format!("{PREFIX}/Statement/0/Principal/Service"), Some(7), Some(21))]);
    assert!(out[0].message.contains("ecs.aliyuncs.com") && out[0].message_zh.contains(LOG_SERVICE));

    // An array gains one entry; RAM principals next to it stay.
    let text = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole"],
      "Principal": {"RAM": ["acs:ram::1234567890123456:root"], "Service": ["ecs.aliyuncs.com", "fc.aliyuncs.com"]}}]}"#;
    let (m, _) = merge(text);
    assert_eq!(
        m.policy["Statement"][0]["Principal"],
        json!({"RAM": ["acs:ram::1234567890123456:root"], "Service": ["ecs.aliyuncs.com", "fc.aliyuncs.com", LOG_SERVICE]})
    );
}

#[test]
fn ram_and_federated_principals_are_kept() {
    let text = r#"{
  "Version": "1",
  "Statement": [
    {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"RAM": ["acs:ram::1234567890123456:root"]}},
    {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Federated": ["acs:ram::1234567890123456:saml-provider/idp"]},
     "Condition": {"StringEquals": {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}}}
  ]
}"#;
    let (m, out) = merge(text);
    assert!(m.changed);
    let mut want = value(text);
    want["Statement"]
        .as_array_mut()
        .unwrap()
        .push(json!({"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": [LOG_SERVICE]}}));
    assert_eq!(m.policy, want);
    // The new statement has no text yet: the finding points at the Statement list.
    assert_eq!(summary(&out), [("RAM003".to_string(), format!("{PREFIX}/Statement/2"), Some(3), Some(3))]);
    assert!(policy_findings(&m.policy).is_empty());
}

fn policy_findings(v: &Value) -> Vec<Finding> {
    let mut out = Vec::new();
    policy::analyse_value(v, PolicyKind::Trust, PREFIX, &mut out);
    out
}

#[test]
fn conditions_are_kept_and_never_merged_into() {
    // A conditioned statement for another service: Log Service gets its own statement.
    let text = r#"{
  "Version": "1",
  "Statement": [
    {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]},
     "Condition": {"IpAddress": {"acs:SourceIp": ["192.0.2.0/24"]}}}
  ]
}"#;
    let (m, out) = merge(text);
    assert!(m.changed);
    assert_eq!(m.policy["Statement"][0], value(text)["Statement"][0]);
    assert_eq!(m.policy["Statement"][1], trust::log_service_trust_policy()["Statement"][0]);
    assert_eq!(codes(&out), [("RAM003", "/Statement/1".to_string())]);
}

#[test]
fn condition_on_the_log_service_statement_is_warned() {
    let text = r#"{
  "Version": "1",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {"Service": ["log.aliyuncs.com"]},
      "Condition": {"Bool": {"acs:MFAPresent": "true"}}
    }
  ]
}"#;
    let (m, out) = merge(text);
    assert!(!m.changed);
    assert_eq!(m.policy, value(text));
    assert_eq!(
        summary(&out),
        [
            ("RAM004".to_string(), format!("{PREFIX}/Statement/0"), Some(4), Some(5)),
            ("RAM006".to_string(), format!("{PREFIX}/Statement/0/Condition"), Some(8), Some(7)),
        ]
    );
    assert_eq!(out[1].severity, sls_encrypt::Severity::Warning);
    assert!(out[1].fix.contains("own statement"));
}

#[test]
fn deny_on_log_service_is_an_error() {
    let text = r#"{
  "Version": "1",
  "Statement": [
    {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}},
    {"Action": "sts:*", "Effect": "Deny", "Principal": {"Service": ["*"]}}
  ]
}"#;
    let (m, out) = merge(text);
    assert!(m.changed);
    assert_eq!(
        summary(&out),
        [
            ("RAM005".to_string(), format!("{PREFIX}/Statement/1"), Some(5), Some(5)),
            ("RAM003".to_string(), format!("{PREFIX}/Statement/0/Principal/Service"), Some(4), Some(67)),
        ]
    );
    assert_eq!(out[0].severity, sls_encrypt::Severity::Error);
    assert!(out[0].message.contains("overrides every Allow"));
    // The Deny is kept: the user decides.
    assert_eq!(m.policy["Statement"][1], value(text)["Statement"][1]);

    // A Deny that names Log Service, next to an Allow that already has it.
    let text = r#"{"Version": "1", "Statement": [
      {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["log.aliyuncs.com"]}},
      {"Action": ["sts:AssumeRole"], "Effect": "Deny", "Principal": {"Service": "log.aliyuncs.com"}}]}"#;
    let (m, out) = merge(text);
    assert!(!m.changed);
    assert_eq!(codes(&out), [("RAM005", "/Statement/1".to_string()), ("RAM004", "/Statement/0".to_string())]);

    // A Deny for another service does not concern Log Service.
    let text = r#"{"Version": "1", "Statement": [
      {"Action": "sts:AssumeRole", "Effect": "Deny", "Principal": {"Service": ["ecs.aliyuncs.com"]}}]}"#;
    let (_, out) = merge(text);
    assert_eq!(codes(&out), [("RAM003", "/Statement/1".to_string())]);
}

#[test]
fn unknown_keys_are_kept() {
    let text = r#"{
  "Version": "1",
  "Id": "kept",
  "Statement": [
    {"Sid": "ecs", "Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": "ecs.aliyuncs.com"}, "X-Note": [1, 2]}
  ],
  "Extra": {"a": null}
}"#;
    let (m, _) = merge(text);
    let want = json!({
        "Version": "1",
        "Id": "kept",
        "Statement": [{"Sid": "ecs", "Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com", LOG_SERVICE]}, "X-Note": [1, 2]}],
        "Extra": {"a": null}
    });
    assert_eq!(m.policy, want);
    // Key order is kept too.
    assert_eq!(m.policy.as_object().unwrap().keys().collect::<Vec<_>>(), ["Version", "Id", "Statement", "Extra"]);
}

#[test]
fn merging_twice_is_idempotent() {
    for text in [
        r#"{"Version": "1", "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": "ecs.aliyuncs.com"}}]}"#,
        r#"{"Version": "1", "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"RAM": "acs:ram::1234567890123456:root"}}]}"#,
        VENDOR_TRUST,
        r#"{"Version": "1"}"#,
    ] {
        let (first, _) = merge(text);
        let s = Source {
            prefix: PREFIX.into(),
            document: Document::from_value(first.policy.clone()),
            chars: first.policy.to_string().chars().count(),
        };
        let mut out = Vec::new();
        let second = trust::merge_trust(&s, &mut out);
        assert!(!second.changed, "{text}");
        assert_eq!(second.policy, first.policy, "{text}");
        assert_eq!(out.iter().map(|f| f.code).collect::<Vec<_>>(), ["RAM004"], "{text}");
        // Exactly one Log Service principal in the result.
        assert_eq!(first.policy.to_string().matches(LOG_SERVICE).count(), 1, "{text}");
    }
}

#[test]
fn unusable_document_gives_the_vendor_policy() {
    for text in [r#"{"Version": "1"}"#, "[1, 2]", r#"{"Version": "1", "Statement": {"Effect": "Allow"}}"#] {
        let (m, out) = merge(text);
        assert!(m.changed, "{text}");
        assert_eq!(m.policy, trust::log_service_trust_policy(), "{text}");
        assert_eq!(codes(&out), [("RAM003", String::new())], "{text}");
    }
}
