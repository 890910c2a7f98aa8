//! `--out DIR`: every artifact and export of a plan as files, named as the app's downloads are.

use serde_json::Value;
use sls_encrypt::plan::{Api, Plan};

/// The file name the app gives a JSON output (`encrypt_conf` -> `encrypt_conf.json`). Mirrors
/// `ui::services::download::json_file`; the exports' file names come from the core's
/// [`sls_encrypt::exports::ExportKind`].
pub fn json_file(name: &str) -> String {
    format!("{name}.json")
}

/// While the plan has errors the app names every download a draft (`terraform.DRAFT.tf`), so
/// it is never taken for final.
fn draft(name: &str, plan: &Plan) -> String {
    if plan.ok { name.to_string() } else { name.replacen('.', ".DRAFT.", 1) }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// Every output the app's Outputs section offers for download, in its order, as (file name,
/// contents): the exports, `encrypt_conf`, the Create/UpdateLogStore body, the trust and PassRole
/// policies, the UpdateLogStoreEncryption body, each request (`request-N.json`) and the intent;
/// then the whole plan as `plan.json`.
pub fn files(plan: &Plan, intent: Option<&Value>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = sls_encrypt::exports::list(plan).into_iter().map(|e| (e.file_name.to_string(), e.text)).collect();
    let body = |api: Api| plan.request(api).and_then(|r| r.body.as_ref());
    let alternative = plan.alternatives.iter().find(|r| r.api == Api::UpdateLogStoreEncryption).and_then(|r| r.body.as_ref());
    let named = [
        ("encrypt_conf", plan.encrypt_conf.as_ref()),
        ("update_logstore_body", body(Api::UpdateLogStore)),
        ("create_logstore_body", body(Api::CreateLogStore)),
        ("trust_policy", plan.trust_policy.as_ref()),
        ("passrole_policy", plan.passrole_policy.as_ref()),
        ("update_logstore_encryption_body", alternative),
    ];
    for (name, value) in named {
        if let Some(v) = value {
            out.push((json_file(name), pretty(v)));
        }
    }
    for r in &plan.requests {
        out.push((json_file(&format!("request-{}", r.step)), pretty(&r.wire())));
    }
    if let Some(intent) = intent {
        out.push((json_file("intent"), pretty(intent)));
    }
    let mut out: Vec<(String, String)> = out.into_iter().map(|(name, text)| (draft(&name, plan), text)).collect();
    out.push(("plan.json".into(), serde_json::to_string_pretty(plan).unwrap_or_default()));
    out
}
