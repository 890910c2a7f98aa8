//! The Terraform export, read back with an HCL parser: an update adopts what the runbook did
//! (import blocks, prevent_destroy, encrypt_conf exactly as stored) and never plans a replacement;
//! a create orders the Logstore after its RAM resources. `terraform fmt -check` passes on every
//! generated file, and the draft guard fails `terraform plan` with its own message.
#![cfg(not(target_arch = "wasm32"))]

use hcl::{Block, Body, Expression, ObjectKey};
use serde_json::{Map, Value, json};
use sls_encrypt::{Plan, compile};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn example() -> Value {
    serde_json::from_str(include_str!("../examples/byok-update-cloud-firewall.json")).unwrap()
}

fn tf(plan: &Plan) -> (String, Body) {
    let text = plan.exports["terraform"].as_str().expect("a terraform export").to_string();
    let body = hcl::parse(&text).unwrap_or_else(|e| panic!("the export is not HCL: {e}\n{text}"));
    (text, body)
}

fn to_json(e: &Expression) -> Value {
    match e {
        Expression::Null => Value::Null,
        Expression::Bool(b) => Value::Bool(*b),
        Expression::Number(n) => serde_json::from_str(&n.to_string()).unwrap(),
        Expression::String(s) => Value::String(s.clone()),
        Expression::Array(a) => Value::Array(a.iter().map(to_json).collect()),
        Expression::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| {
                    let key = match k {
                        ObjectKey::Identifier(i) => i.to_string(),
                        ObjectKey::Expression(Expression::String(s)) => s.clone(),
                        other => panic!("object key {other}"),
                    };
                    (key, to_json(v))
                })
                .collect(),
        ),
        other => panic!("not a literal: {other}"),
    }
}

fn attr<'a>(b: &'a Body, key: &str) -> Option<&'a Expression> {
    b.attributes().find(|a| a.key() == key).map(|a| a.expr())
}

fn blocks<'a>(b: &'a Body, ident: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
    b.blocks().filter(move |x| x.identifier() == ident)
}

/// `type.name` of every resource block.
fn resources(b: &Body) -> BTreeSet<String> {
    blocks(b, "resource").map(|r| format!("{}.{}", r.labels()[0].as_str(), r.labels()[1].as_str())).collect()
}

fn resource<'a>(b: &'a Body, ty: &str, name: &str) -> &'a Body {
    blocks(b, "resource")
        .find(|r| r.labels()[0].as_str() == ty && r.labels()[1].as_str() == name)
        .map(|r| r.body())
        .unwrap_or_else(|| panic!("no resource {ty}.{name}"))
}

/// Every import block as (to, id).
fn imports(b: &Body) -> BTreeSet<(String, String)> {
    blocks(b, "import")
        .map(|i| (attr(i.body(), "to").unwrap().to_string(), to_json(attr(i.body(), "id").unwrap()).as_str().unwrap().to_string()))
        .collect()
}

fn prevent_destroy(r: &Body) -> bool {
    blocks(r, "lifecycle").any(|l| attr(l.body(), "prevent_destroy").map(to_json) == Some(json!(true)))
}

/// The `encrypt_conf` block as the JSON object it stands for.
fn encrypt_conf(store: &Body) -> Option<Value> {
    let block = blocks(store, "encrypt_conf").next()?;
    let mut m: Map<String, Value> = block.body().attributes().map(|a| (a.key().to_string(), to_json(a.expr()))).collect();
    if let Some(info) = blocks(block.body(), "user_cmk_info").next() {
        m.insert("user_cmk_info".into(), info.body().attributes().map(|a| (a.key().to_string(), to_json(a.expr()))).collect());
    }
    Some(Value::Object(m))
}

fn depends_on(store: &Body) -> BTreeSet<String> {
    match attr(store, "depends_on") {
        Some(Expression::Array(a)) => a.iter().map(ToString::to_string).collect(),
        _ => BTreeSet::new(),
    }
}

fn provider_version(b: &Body) -> Value {
    let tf = blocks(b, "terraform").next().unwrap();
    let providers = blocks(tf.body(), "required_providers").next().unwrap();
    to_json(attr(providers.body(), "alicloud").unwrap())["version"].clone()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(ToString::to_string).collect()
}

#[test]
fn an_update_imports_the_logstore_and_every_ram_resource_the_runbook_creates() {
    let plan = compile(&example());
    assert!(plan.ok, "{:?}", plan.findings);
    let (_, b) = tf(&plan);
    let role = "sls-byok-kms-role";
    let expected: BTreeSet<(String, String)> = [
        ("alicloud_ram_role.sls_byok", role.to_string()),
        ("alicloud_ram_role_policy_attachment.kms_0", format!("role:AliyunKMSReadOnlyAccess:System:{role}")),
        ("alicloud_ram_role_policy_attachment.kms_1", format!("role:AliyunKMSCryptoUserAccess:System:{role}")),
        ("alicloud_ram_policy.passrole", "sls-byok-passrole".to_string()),
        ("alicloud_ram_user_policy_attachment.passrole", "user:sls-byok-passrole:Custom:sls-admin".to_string()),
        ("alicloud_log_store.this", "cloudfirewall-project-1234567890123456-cn-hangzhou:cloudfirewall-logstore".to_string()),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b))
    .collect();
    assert_eq!(imports(&b), expected);
    // Every resource of the file is imported: nothing is created by terraform apply.
    let imported: BTreeSet<String> = imports(&b).into_iter().map(|(to, _)| to).collect();
    assert_eq!(resources(&b), imported);

    let store = resource(&b, "alicloud_log_store", "this");
    assert!(prevent_destroy(store), "the Logstore has prevent_destroy");
    let body = plan.request("UpdateLogStore").unwrap().body.as_ref().unwrap();
    assert_eq!(encrypt_conf(store).as_ref(), body.get("encrypt_conf"), "encrypt_conf equals the stored result");
    assert_eq!(encrypt_conf(store).as_ref(), plan.encrypt_conf.as_ref());
    // ForceNew arguments equal what the Logstore has, so nothing plans a replacement.
    assert_eq!(attr(store, "project_name").map(to_json), Some(json!("cloudfirewall-project-1234567890123456-cn-hangzhou")));
    assert_eq!(attr(store, "logstore_name").map(to_json), Some(body["logstoreName"].clone()));
    assert_eq!(attr(store, "telemetry_type").map(to_json), Some(body["telemetryType"].clone()));
    assert_eq!(attr(store, "retention_period").map(to_json), Some(body["ttl"].clone()));
    assert_eq!(attr(store, "hot_ttl").map(to_json), Some(body["hot_ttl"].clone()));
    for deprecated in ["project", "name"] {
        assert!(attr(store, deprecated).is_none(), "deprecated argument {deprecated}");
    }
    assert_eq!(provider_version(&b), json!(">= 1.252.0"));

    // The RAM resources carry what the runbook sends, so the imports plan no change.
    let role_body = resource(&b, "alicloud_ram_role", "sls_byok");
    let create = plan.request("CreateRole").unwrap();
    assert_eq!(attr(role_body, "role_name").map(to_json), Some(create.query["RoleName"].clone()));
    assert_eq!(attr(role_body, "description").map(to_json), Some(create.query["Description"].clone()));
    let Some(Expression::FuncCall(f)) = attr(role_body, "assume_role_policy_document") else { panic!("jsonencode") };
    assert_eq!(Some(&to_json(&f.args[0])), plan.trust_policy.as_ref());
    let policy = resource(&b, "alicloud_ram_policy", "passrole");
    let Some(Expression::FuncCall(f)) = attr(policy, "policy_document") else { panic!("jsonencode") };
    assert_eq!(Some(&to_json(&f.args[0])), plan.passrole_policy.as_ref());
    assert_eq!(attr(policy, "description").map(to_json), Some(plan.request("CreatePolicy").unwrap().query["Description"].clone()));
    for kms in ["kms_0", "kms_1"] {
        assert!(prevent_destroy(resource(&b, "alicloud_ram_role_policy_attachment", kms)), "{kms} is kept");
    }
}

#[test]
fn the_update_header_says_to_run_the_runbook_first_in_the_intents_language() {
    let mut intent = example();
    let (en, _) = tf(&compile(&intent));
    assert!(en.contains("Terraform cannot add encryption in place"), "{en}");
    assert!(en.contains("Run the runbook FIRST"));
    intent["lang"] = json!("zh");
    let (zh, _) = tf(&compile(&intent));
    assert!(zh.contains("Terraform 无法原地添加加密"), "{zh}");
    assert!(zh.contains("先运行运行手册"));
    assert!(!zh.contains("Run the runbook"));
}

fn update_of(stored: Value, encryption: Value) -> Value {
    json!({
        "version": 1,
        "target": { "region": "cn-hangzhou", "project": "my-project", "logstore": "app-logs" },
        "operation": "update",
        "current": { "logstoreName": "app-logs", "ttl": 30, "shardCount": 2, "telemetryType": "None", "encrypt_conf": stored },
        "encryption": encryption
    })
}

#[test]
fn a_stored_algorithm_is_written_verbatim_never_translated() {
    for stored in ["sm4", "m4", "sm4_gcm"] {
        let conf = json!({ "enable": true, "encrypt_type": stored });
        let plan = compile(&update_of(conf.clone(), json!({ "enable": false })));
        assert!(plan.ok, "{stored}: {:?}", plan.findings);
        let (_, b) = tf(&plan);
        let store = resource(&b, "alicloud_log_store", "this");
        assert_eq!(encrypt_conf(store), Some(json!({ "enable": false, "encrypt_type": stored })), "{stored}");
        assert_eq!(imports(&b), [("alicloud_log_store.this".to_string(), "my-project:app-logs".to_string())].into());
        assert!(prevent_destroy(store));
        assert_eq!(plan.has("EXP001"), stored == "sm4", "{stored}: EXP001 only for plain sm4");
    }
}

#[test]
fn sm4_is_sent_as_sm4_with_a_finding_in_both_languages() {
    let intent: Value = serde_json::from_str(include_str!("../examples/service-key-create.json")).unwrap();
    let plan = compile(&intent);
    let (_, b) = tf(&plan);
    assert_eq!(encrypt_conf(resource(&b, "alicloud_log_store", "this")), Some(json!({ "enable": true, "encrypt_type": "sm4" })));
    let f = plan.findings.iter().find(|f| f.code == "EXP001").expect("EXP001");
    assert_eq!(f.path, "/encryption/encrypt_type");
    assert!(f.message.contains("sm4_gcm") && f.message_zh.contains("sm4_gcm") && f.message_zh.contains("中文"));
}

#[test]
fn a_create_orders_the_logstore_after_its_ram_resources() {
    let intent = json!({
        "version": 1,
        "target": { "region": "cn-hangzhou", "account_id": "1234567890123456", "project": "my-project", "logstore": "app-logs" },
        "operation": "create",
        "logstore": { "ttl": 30, "shardCount": 2 },
        "encryption": { "key": "byok", "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g" },
        "ram": { "user_name": "sls-admin" }
    });
    let plan = compile(&intent);
    assert!(plan.ok, "{:?}", plan.findings);
    let (_, b) = tf(&plan);
    assert!(imports(&b).is_empty(), "a create imports nothing");
    let store = resource(&b, "alicloud_log_store", "this");
    let wanted = set(&[
        "alicloud_ram_role.sls_byok",
        "alicloud_ram_role_policy_attachment.kms_0",
        "alicloud_ram_role_policy_attachment.kms_1",
        "alicloud_ram_user_policy_attachment.passrole",
    ]);
    assert_eq!(depends_on(store), wanted);
    assert!(wanted.is_subset(&resources(&b)), "every dependency is declared");
    for kms in ["kms_0", "kms_1"] {
        let attachment = resource(&b, "alicloud_ram_role_policy_attachment", kms);
        assert_eq!(attr(attachment, "role_name").unwrap().to_string(), "alicloud_ram_role.sls_byok.role_name");
    }
    assert!(prevent_destroy(store));
    assert_eq!(encrypt_conf(store).as_ref(), plan.encrypt_conf.as_ref());

    // No RAM user: the PassRole policy itself is the dependency.
    let mut no_user = intent.clone();
    no_user["ram"] = json!({});
    let plan = compile(&no_user);
    let (_, b) = tf(&plan);
    assert!(depends_on(resource(&b, "alicloud_log_store", "this")).contains("alicloud_ram_policy.passrole"));
}

#[test]
fn settings_terraform_cannot_carry_are_named_in_a_warning() {
    let mut intent = update_of(json!(null), json!({ "key": "service" }));
    intent["current"]["shardingPolicy"] = json!({ "shardGroup": { "keys": ["host"] } });
    intent["current"]["futureSetting"] = json!(7);
    let plan = compile(&intent);
    let f = plan.findings.iter().find(|f| f.code == "EXP002").expect("EXP002");
    assert_eq!(f.path, "/current/shardingPolicy");
    assert!(f.message.contains("shardingPolicy, futureSetting"), "{}", f.message);
    assert!(f.message_zh.contains("shardingPolicy、futureSetting"), "{}", f.message_zh);
    assert!(!f.message.contains("telemetryType"), "telemetry_type is in the provider's schema");
    assert!(!compile(&update_of(json!(null), json!({ "key": "service" }))).has("EXP002"));
}

/// Runs `terraform` in `dir`; the binary is on PATH on this project's machines and in CI.
fn terraform(dir: &Path, args: &[&str]) -> Option<std::process::Output> {
    let run = Command::new("terraform").args(args).current_dir(dir).env("CHECKPOINT_DISABLE", "1").env("TF_IN_AUTOMATION", "1").output();
    match run {
        Ok(out) => Some(out),
        Err(e) if std::env::var_os("SLS_ENCRYPT_SKIP_TERRAFORM").is_some() => {
            eprintln!("\n!!! SKIPPED: terraform is not on PATH ({e}) and SLS_ENCRYPT_SKIP_TERRAFORM is set !!!\n");
            None
        }
        Err(e) => panic!("terraform is needed for this test ({e}): install it, or set SLS_ENCRYPT_SKIP_TERRAFORM=1 to skip loudly"),
    }
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sls-encrypt-tf-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_generated_file_is_terraform_fmt_clean() {
    let dir = scratch("fmt");
    let mut intents = vec![example(), serde_json::from_str(include_str!("../examples/service-key-create.json")).unwrap()];
    let mut create = example();
    create["operation"] = json!("create");
    create["logstore"] = json!({ "ttl": 30, "shardCount": 2, "shardingPolicy": { "a": 1 } });
    create["current"] = Value::Null;
    intents.push(create);
    let mut draft = example();
    draft["target"]["preset"] = Value::Null;
    draft["target"]["project"] = json!("p-x");
    draft["target"]["logstore"] = json!("other-logstore");
    intents.push(draft);
    // An existing role (trust merged, not managed), PassRole on any role, a wrapped paste.
    intents.push(json!({
        "version": 1,
        "target": { "region": "cn-hangzhou", "project": "my-project", "logstore": "app-logs" },
        "current": { "body": { "logstoreName": "app-logs", "ttl": 30, "shardCount": 2 }, "headers": {}, "statusCode": 200 },
        "encryption": { "key": "byok", "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g", "role_arn": "acs:ram::1234567890123456:role/existing" },
        "ram": { "create_role": false, "passrole_scope": "any", "current_trust_policy": { "Version": "1", "Statement": [] } }
    }));
    let mut n = 0;
    for intent in intents {
        for lang in ["en", "zh"] {
            let mut intent = intent.clone();
            intent["lang"] = json!(lang);
            let plan = compile(&intent);
            let (text, _) = tf(&plan);
            std::fs::write(dir.join(format!("f{n}.tf")), text).unwrap();
            n += 1;
        }
    }
    assert_eq!(n, 10);
    let Some(out) = terraform(&dir, &["fmt", "-check", "-diff", "-no-color", "."]) else { return };
    assert!(
        out.status.success(),
        "terraform fmt -check failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_draft_guard_fails_terraform_plan_with_its_own_message() {
    let mut intent = example();
    intent["current"]["logstoreName"] = json!("another-logstore");
    let plan = compile(&intent);
    assert!(plan.has("MRG008") && !plan.ok);
    let (text, b) = tf(&plan);
    let guard = blocks(&b, "variable").find(|v| v.labels()[0].as_str() == "sls_encrypt_draft").expect("a draft guard");
    assert!(!text.contains("condition     = false"), "Terraform refuses a constant condition");
    // The guard alone needs no provider, so terraform plan runs offline.
    let dir = scratch("draft");
    let guard_text = hcl::to_string(&Body::builder().add_block(guard.clone()).build()).unwrap();
    std::fs::write(dir.join("main.tf"), guard_text).unwrap();
    let Some(init) = terraform(&dir, &["init", "-input=false", "-no-color"]) else { return };
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));
    let out = terraform(&dir, &["plan", "-input=false", "-no-color"]).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the plan must fail");
    assert!(stderr.contains("sls-encrypt: this plan has errors (MRG008"), "{stderr}");
    assert!(!stderr.contains("Invalid condition"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
    // The full export carries the same message for the user.
    assert!(text.contains("sls-encrypt: this plan has errors (MRG008"));
}
