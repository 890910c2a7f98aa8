//! Ready-to-paste forms of the plan: an aliyun CLI script, Terraform, Python SDK code, and a
//! Markdown change ticket.
//! Every form carries the same bodies as the plan's requests; none asks for or holds a secret.

use crate::intent::Intent;
use crate::plan::{Plan, Request};
use serde_json::{Map, Value};
pub mod markdown;
mod python;
mod runbook;
pub mod shell;
pub mod terraform;

use python::python_sdk;
use shell::aliyun_cli;
#[cfg(test)]
use terraform::hcl_string;
use terraform::terraform;

/// Quotes `s` for a POSIX shell: single quotes, with `'` written as `'\''`.
pub fn shell_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for (i, piece) in s.split('\'').enumerate() {
        if i > 0 {
            out.push_str(r"'\''");
        }
        out.push_str(piece);
    }
    out.push('\'');
    out
}

/// Every export of the plan, keyed by name (`aliyun_cli`, `terraform`, `python_sdk`, `markdown`).
pub fn exports(intent: &Intent, plan: &Plan) -> Map<String, Value> {
    let mut m = Map::new();
    if plan.requests.is_empty() {
        return m;
    }
    // A plan with errors is a draft: every export refuses to run until they are fixed.
    let errors: Vec<&str> = plan.findings.iter().filter(|f| f.severity == crate::finding::Severity::Error).map(|f| f.code).collect();
    let draft = (!errors.is_empty()).then(|| format!("this plan has errors ({}); fix them in sls-encrypt first", errors.join(", ")));
    m.insert("aliyun_cli".into(), Value::String(aliyun_cli(intent, plan, draft.as_deref())));
    if let Some(tf) = terraform(intent, plan, draft.as_deref()) {
        m.insert("terraform".into(), Value::String(tf));
    }
    if let Some(py) = python_sdk(intent, plan, draft.as_deref()) {
        m.insert("python_sdk".into(), Value::String(py));
    }
    m.insert("markdown".into(), Value::String(markdown::change_ticket(intent, plan)));
    m
}

pub(crate) fn region(intent: &Intent) -> String {
    intent.target.region.as_ref().map(ToString::to_string).unwrap_or_else(|| "<region>".into())
}

pub(crate) fn project(intent: &Intent) -> String {
    intent.target.project.as_ref().map(ToString::to_string).unwrap_or_else(|| "<project>".into())
}

pub(crate) fn body_text(r: &Request) -> String {
    r.body.as_ref().map(|b| serde_json::to_string(b).unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quoting_survives_quotes() {
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("{\"a\":1}"), "'{\"a\":1}'");
    }

    #[test]
    fn hcl_strings_escape_interpolation() {
        assert_eq!(hcl_string("a${b}"), "\"a$${b}\"");
    }
}
