//! The typed plan: the values the UI, the exports and embedders read (codes, APIs, changes,
//! the target, request lines, the GetLogStore command, the export list) say exactly what the
//! plan JSON says.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use sls_encrypt::exports::{self, ExportKind, shell::get_logstore_command};
use sls_encrypt::plan::{Api, Change, NaiveClient, PlanState};
use sls_encrypt::{Code, Plan, compile_text};

fn example(name: &str) -> (Plan, Value) {
    let text = std::fs::read_to_string(format!("{}/examples/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let plan = compile_text(&text);
    let json = serde_json::to_value(&plan).unwrap();
    (plan, json)
}

#[test]
fn every_finding_has_its_codes_severity_and_serializes_as_the_code() {
    for name in ["byok-update-cloud-firewall", "service-key-create"] {
        let (plan, json) = example(name);
        for (f, j) in plan.findings.iter().zip(json["findings"].as_array().unwrap()) {
            assert_eq!(f.severity, f.code.severity(), "{name}: {}", f.code);
            assert_eq!(j["code"], f.code.as_str());
            assert_eq!(j["severity"], f.code.severity().as_str());
        }
    }
    // A text that is not JSON: the last reading issue becomes INT001, an error.
    let plan = compile_text("{\"version\": 1,");
    let last = plan.findings.iter().find(|f| f.code == Code::IntentNotJson).expect("INT001");
    assert_eq!(last.severity, Code::IntentNotJson.severity());
    assert!(!plan.ok && plan.state == PlanState::Blocked);
}

#[test]
fn requests_apis_changes_and_clients_serialize_as_their_names() {
    let (plan, json) = example("byok-update-cloud-firewall");
    assert_eq!(plan.state, PlanState::Ready);
    assert_eq!(json["state"], "ready");
    let apis: Vec<Api> = plan.requests.iter().map(|r| r.api).collect();
    assert_eq!(
        apis,
        [
            Api::CreateRole,
            Api::AttachPolicyToRole,
            Api::AttachPolicyToRole,
            Api::CreatePolicy,
            Api::AttachPolicyToUser,
            Api::GetLogStore,
            Api::UpdateLogStore
        ]
    );
    for (r, j) in plan.requests.iter().zip(json["requests"].as_array().unwrap()) {
        assert_eq!(j["api"], r.api.as_str());
        assert_eq!(j["method"], r.api.method());
        assert_eq!(
            r.request_line(),
            format!("{} https://{}{}", j["method"].as_str().unwrap(), j["host"].as_str().unwrap(), j["path"].as_str().unwrap())
        );
        // The request as sent: the plan's own fields, query and body only when present.
        let wire = r.wire();
        for key in ["api", "method", "host", "path"] {
            assert_eq!(wire[key], j[key], "{key}");
        }
        assert_eq!(wire.get("query").is_some(), !r.query.is_empty());
        assert_eq!(wire.get("body"), j.get("body").filter(|b| !b.is_null()));
    }
    assert_eq!(plan.alternatives[0].api, Api::UpdateLogStoreEncryption);
    assert_eq!(
        plan.alternatives[0].url(),
        "https://cloudfirewall-project-1234567890123456-cn-hangzhou.cn-hangzhou.log.aliyuncs.com/logstores/cloudfirewall-logstore/encryption"
    );
    for (d, j) in plan.diff.iter().zip(json["diff"].as_array().unwrap()) {
        assert_eq!(j["change"], d.change.as_str());
    }
    assert!(plan.diff.iter().any(|d| d.change == Change::Dropped && d.field == "createTime"));
    assert_eq!(Change::Dropped.label().zh, "去掉");
    let clients: Vec<NaiveClient> = plan.blast_radius.iter().map(|b| b.client).collect();
    assert_eq!(clients, NaiveClient::ALL);
    assert_eq!(json["blast_radius"][2]["client"], "go_sdk_update_logstore_v2");
}

#[test]
fn the_target_is_typed_and_serialized_as_before() {
    let (plan, json) = example("byok-update-cloud-firewall");
    let t = plan.target.as_ref().unwrap();
    assert_eq!(t.project.as_deref(), Some("cloudfirewall-project-1234567890123456-cn-hangzhou"));
    assert_eq!(
        json["target"],
        json!({
            "region": "cn-hangzhou",
            "account_id": "1234567890123456",
            "project": "cloudfirewall-project-1234567890123456-cn-hangzhou",
            "logstore": "cloudfirewall-logstore",
            "host": "cloudfirewall-project-1234567890123456-cn-hangzhou.cn-hangzhou.log.aliyuncs.com",
            "operation": "update"
        })
    );
    let keys: Vec<&String> = json["target"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["region", "account_id", "project", "logstore", "host", "operation"]);
    let (create, json) = example("service-key-create");
    assert_eq!(json["target"]["operation"], "create");
    assert_eq!(json["target"]["account_id"], Value::Null);
    assert!(create.target.unwrap().account_id.is_none());
}

#[test]
fn the_get_logstore_command_is_the_runbooks() {
    let (plan, _) = example("byok-update-cloud-firewall");
    let cmd = get_logstore_command(&plan);
    let step = plan.request(Api::GetLogStore).unwrap().command.clone().unwrap();
    assert_eq!(cmd.api, step);
    assert_eq!(
        cmd.api,
        "aliyun sls GetLogStore --region cn-hangzhou --project 'cloudfirewall-project-1234567890123456-cn-hangzhou' --logstore 'cloudfirewall-logstore'"
    );
    assert_eq!(cmd.plugin, cmd.api.replace("GetLogStore", "get-log-store"));
    // Nothing known yet: placeholders, quoted where a name goes.
    let empty = get_logstore_command(&compile_text("{\"version\": 1}"));
    assert_eq!(empty.api, "aliyun sls GetLogStore --region <region> --project '<project>' --logstore '<logstore>'");
}

#[test]
fn the_export_list_is_the_plans_exports_with_their_files() {
    let (plan, json) = example("byok-update-cloud-firewall");
    let list = exports::list(&plan);
    let names: Vec<&str> = list.iter().map(|e| e.name).collect();
    let keys: Vec<&str> = json["exports"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(names, keys);
    assert_eq!(names, ["aliyun_cli", "terraform", "python_sdk", "markdown"]);
    for e in &list {
        assert_eq!(json["exports"][e.name], e.text.as_str());
        assert_eq!(e.name, e.kind.name());
        assert!(!e.title.en.is_empty() && !e.title.zh.is_empty());
    }
    let files: Vec<(&str, &str)> = list.iter().map(|e| (e.file_name, e.media_type)).collect();
    assert_eq!(
        files,
        [
            ("aliyun_cli.sh", "text/plain"),
            ("terraform.tf", "text/plain"),
            ("python_sdk.py", "text/plain"),
            ("change-ticket.md", "text/markdown")
        ]
    );
    assert_eq!(ExportKind::Markdown.title().zh, "变更单（Markdown）");
    // No request, no export.
    assert!(exports::list(&compile_text("{\"version\": 1}")).is_empty());
}
