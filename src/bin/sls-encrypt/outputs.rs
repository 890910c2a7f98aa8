//! `--out DIR`: every artifact and export of a plan as files, named as the app's downloads are.

use serde_json::{Map, Value};

/// The file name and media type the app gives an output when it is downloaded: `name.json` for
/// JSON outputs, the export's own extension for text (`aliyun_cli.sh`, `terraform.tf`, ...) and
/// `change-ticket.md` for the change ticket. Mirrors `ui::services::download::file_for`; point it
/// at the core's export list once there is one.
pub fn file_for(name: &str, is_json: bool) -> String {
    if is_json {
        return format!("{name}.json");
    }
    if name == "markdown" {
        return "change-ticket.md".into();
    }
    let ext = match name {
        "aliyun_cli" | "aliyunlog_cli" | "curl" => "sh",
        "terraform" => "tf",
        "python_sdk" => "py",
        "go_sdk" => "go",
        "java_sdk" => "java",
        _ => "txt",
    };
    format!("{name}.{ext}")
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// Every output the app's Outputs section offers for download, in its order, as (file name,
/// contents): the exports, `encrypt_conf`, the Create/UpdateLogStore body, the trust and PassRole
/// policies, the UpdateLogStoreEncryption body, each request (`request-N.json`), the intent and
/// the whole plan (`plan.json`).
pub fn files(plan: &Value, intent: Option<&Value>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (key, value) in plan["exports"].as_object().into_iter().flatten() {
        match value {
            Value::String(text) => out.push((file_for(key, false), text.clone())),
            other => out.push((file_for(key, true), pretty(other))),
        }
    }
    let requests = plan["requests"].as_array().map(Vec::as_slice).unwrap_or_default();
    let body_of = |api: &str| requests.iter().find(|r| r["api"] == api).map(|r| &r["body"]).filter(|b| !b.is_null());
    let alternative = plan["alternatives"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["api"] == "UpdateLogStoreEncryption")
        .map(|r| &r["body"])
        .filter(|b| !b.is_null());
    let named = [
        ("encrypt_conf", plan.get("encrypt_conf").filter(|v| !v.is_null())),
        ("update_logstore_body", body_of("UpdateLogStore")),
        ("create_logstore_body", body_of("CreateLogStore")),
        ("trust_policy", plan.get("trust_policy").filter(|v| !v.is_null())),
        ("passrole_policy", plan.get("passrole_policy").filter(|v| !v.is_null())),
        ("update_logstore_encryption_body", alternative),
    ];
    for (name, value) in named {
        if let Some(v) = value {
            out.push((file_for(name, true), pretty(v)));
        }
    }
    for r in requests {
        let mut whole = Map::new();
        for key in ["api", "method", "host", "path"] {
            whole.insert(key.into(), r[key].clone());
        }
        if r["query"].as_object().is_some_and(|q| !q.is_empty()) {
            whole.insert("query".into(), r["query"].clone());
        }
        if !r["body"].is_null() {
            whole.insert("body".into(), r["body"].clone());
        }
        out.push((file_for(&format!("request-{}", r["step"]), true), pretty(&Value::Object(whole))));
    }
    if let Some(intent) = intent {
        out.push((file_for("intent", true), pretty(intent)));
    }
    out.push((file_for("plan", true), pretty(plan)));
    out
}
