//! The BYOK role's trust policy: the one Log Service needs, and merging Log Service into a trust
//! policy the user pasted without losing or duplicating anything in it.

use crate::finding::{Code, Finding, Text, t};
use crate::json::Members;
use crate::policy_lang::{action_matches, glob_ignoring_case};
use crate::text::Source;
use serde_json::{Map, Value, json};

/// The Log Service principal.
pub const LOG_SERVICE: &str = "log.aliyuncs.com";

const ASSUME_ROLE: &str = "sts:AssumeRole";

/// The trust policy that lets Log Service assume the role, exactly as the vendor docs show it.
///
/// `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["log.aliyuncs.com"]}}],"Version":"1"}`
pub fn log_service_trust_policy() -> Value {
    json!({"Statement": [log_service_statement()], "Version": "1"})
}

fn log_service_statement() -> Value {
    json!({"Action": ASSUME_ROLE, "Effect": "Allow", "Principal": {"Service": [LOG_SERVICE]}})
}

/// Result of merging Log Service into an existing trust policy.
#[derive(Debug, Clone, PartialEq)]
pub struct TrustMerge {
    /// The merged policy (everything of the original kept, in order).
    pub policy: Value,
    /// True when something had to be added (what was added is said in a [`Code::TrustMerged`] finding).
    pub changed: bool,
}

/// The strings of a string-or-array element (non-strings skipped).
fn strings(v: Option<&Value>) -> impl Iterator<Item = &str> {
    let (one, many) = match v {
        Some(Value::String(s)) => (Some(s.as_str()), None),
        Some(Value::Array(items)) => (None, Some(items.iter().filter_map(Value::as_str))),
        _ => (None, None),
    };
    one.into_iter().chain(many.into_iter().flatten())
}

/// Every principal other than Log Service that an Allow statement lets assume the role, as
/// `Kind: value` (or the bare `*`).
pub fn other_principals(policy: &Value) -> Vec<String> {
    let mut others = Vec::new();
    for stmt in policy.member("Statement").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_object) {
        if !effect_is(stmt, "Allow") {
            continue;
        }
        match stmt.member("Principal") {
            Some(Value::Object(p)) => {
                for (kind, v) in p {
                    others.extend(
                        strings(Some(v)).filter(|s| !s.eq_ignore_ascii_case(LOG_SERVICE)).map(|s| [kind.as_str(), ": ", s].concat()),
                    );
                }
            }
            Some(Value::String(s)) => others.push(s.clone()),
            _ => {}
        }
    }
    others
}

fn effect_is(stmt: &Map<String, Value>, effect: &str) -> bool {
    stmt.member("Effect").and_then(Value::as_str) == Some(effect)
}

/// True when the statement's Action (or NotAction) covers `sts:AssumeRole`.
fn covers_assume_role(stmt: &Map<String, Value>) -> bool {
    match (stmt.member("Action"), stmt.member("NotAction")) {
        (Some(a), None) => strings(Some(a)).any(|p| action_matches(p, ASSUME_ROLE)),
        (None, Some(na)) => !strings(Some(na)).any(|p| action_matches(p, ASSUME_ROLE)),
        _ => false,
    }
}

fn services(stmt: &Map<String, Value>) -> impl Iterator<Item = &str> {
    strings(stmt.member("Principal").and_then(Value::as_object).and_then(|p| p.member("Service")))
}

/// True when the statement names Log Service itself among its Service principals.
fn names_log_service(stmt: &Map<String, Value>) -> bool {
    services(stmt).any(|s| s.trim().eq_ignore_ascii_case(LOG_SERVICE))
}

/// True when the statement's principal covers Log Service (by name, by wildcard, or `*`).
fn covers_log_service(stmt: &Map<String, Value>) -> bool {
    matches!(stmt.member("Principal"), Some(Value::String(s)) if s.trim() == "*")
        || services(stmt).any(|s| glob_ignoring_case(s.trim(), LOG_SERVICE))
}

fn has_condition(stmt: &Map<String, Value>) -> bool {
    match stmt.member("Condition") {
        None | Some(Value::Null) => false,
        Some(Value::Object(m)) => !m.is_empty(),
        Some(_) => true,
    }
}

/// Merges the Log Service principal into `existing` (the pasted trust policy at `source.prefix`), pushing findings.
///
/// Only RAM003-RAM006 are reported here; the caller runs [`crate::policy::analyse`] for the
/// document's shape. A document that is not an object with a `Statement` array is replaced by
/// [`log_service_trust_policy`].
pub fn merge_trust(existing: &Source, out: &mut Vec<Finding>) -> TrustMerge {
    let Some(statements) = existing.document.value.member("Statement").and_then(Value::as_array) else {
        report(
            existing,
            out,
            Code::TrustMerged,
            "",
            t!(
                "The pasted trust policy has no list of statements to merge into; Log Service's trust policy is used in its place.",
                "粘贴的信任策略中没有可合并的语句列表；改用日志服务的信任策略。"
            ),
            t!(
                "Fix the problems reported for the pasted policy and paste it again, or create the role with Log Service's trust policy.",
                "请修正粘贴策略中报告的问题后重新粘贴，或使用日志服务的信任策略创建 RAM 角色。"
            ),
        );
        return TrustMerge { policy: log_service_trust_policy(), changed: true };
    };
    let objects: Vec<(usize, &Map<String, Value>)> =
        statements.iter().enumerate().filter_map(|(i, s)| s.as_object().map(|m| (i, m))).collect();
    report_denials(existing, &objects, out);
    if already_allowed(existing, &objects, out) {
        return TrustMerge { policy: existing.document.value.clone(), changed: false };
    }
    TrustMerge { policy: add_log_service(existing, &objects, statements.len(), out), changed: true }
}

/// A finding of `code` at `ptr` inside the pasted trust policy, placed at its line and column.
fn report(existing: &Source, out: &mut Vec<Finding>, code: Code, ptr: &str, message: Text, fix: Text) {
    let at = existing.document.nearest_position(ptr);
    out.push(Finding::new(code, [existing.prefix.as_str(), ptr].concat(), message, fix).at(at));
}

/// RAM005 for every statement that denies Log Service the role: a Deny wins over any Allow.
fn report_denials(existing: &Source, objects: &[(usize, &Map<String, Value>)], out: &mut Vec<Finding>) {
    for (i, m) in objects {
        if effect_is(m, "Deny") && covers_assume_role(m) && covers_log_service(m) {
            report(
                existing,
                out,
                Code::TrustDeniesLog,
                &format!("/Statement/{i}"),
                t!(
                    format!(
                        "Statement {i} denies sts:AssumeRole to Log Service ({LOG_SERVICE}); a Deny overrides every Allow, so Log Service can never assume the role and cannot use the key."
                    ),
                    format!(
                        "第 {i} 条语句拒绝日志服务（{LOG_SERVICE}）执行 sts:AssumeRole；Deny 优先于所有 Allow，日志服务将永远无法扮演该 RAM 角色，也就无法使用密钥。"
                    )
                ),
                t!(
                    format!("Remove this statement, or narrow its principal so that it no longer covers {LOG_SERVICE}."),
                    format!("请删除此语句，或缩小其主体范围，使其不再包含 {LOG_SERVICE}。")
                ),
            );
        }
    }
}

/// True (with RAM004, and RAM006 when only a conditioned statement does it) when the pasted
/// policy lets Log Service assume the role already.
fn already_allowed(existing: &Source, objects: &[(usize, &Map<String, Value>)], out: &mut Vec<Finding>) -> bool {
    let allowing: Vec<(usize, &Map<String, Value>)> =
        objects.iter().filter(|(_, m)| effect_is(m, "Allow") && covers_assume_role(m) && names_log_service(m)).copied().collect();
    if let Some(&(first, _)) = allowing.first() {
        let unconditioned = allowing.iter().find(|(_, m)| !has_condition(m)).map(|(i, _)| *i);
        let i = unconditioned.unwrap_or(first);
        report(
            existing,
            out,
            Code::TrustAlreadyAllows,
            &format!("/Statement/{i}"),
            t!(
                format!(
                    "The pasted trust policy already lets Log Service ({LOG_SERVICE}) assume the role (statement {i}); nothing is added."
                ),
                format!("粘贴的信任策略已允许日志服务（{LOG_SERVICE}）扮演该 RAM 角色（第 {i} 条语句）；无需添加。")
            ),
            t!("Nothing to do: keep the trust policy as it is.", "无需处理：保留信任策略原样。"),
        );
        if unconditioned.is_none() {
            report(
                existing,
                out,
                Code::TrustCondition,
                &format!("/Statement/{i}/Condition"),
                t!(
                    "The statement that lets Log Service assume the role has a Condition. Log Service assumes the role without context such as a source IP or MFA, so conditions like those may stop it and encryption would fail.",
                    "允许日志服务扮演该 RAM 角色的语句带有 Condition。日志服务扮演角色时不带源 IP、MFA 等上下文，此类条件可能使其无法扮演，导致加密失败。"
                ),
                t!(
                    format!("Move {LOG_SERVICE} into its own statement without conditions: {}.", log_service_statement()),
                    format!("请把 {LOG_SERVICE} 移到一条不带条件的单独语句中：{}。", log_service_statement())
                ),
            );
        }
        return true;
    }
    false
}

/// The pasted policy with Log Service added (RAM003): into the Service principals of a plain Allow
/// statement for sts:AssumeRole, or as a statement of its own after the `count` there are.
fn add_log_service(existing: &Source, objects: &[(usize, &Map<String, Value>)], count: usize, out: &mut Vec<Finding>) -> Value {
    let mut policy = existing.document.value.clone();
    let target = objects.iter().find(|(_, m)| {
        effect_is(m, "Allow")
            && m.has("Action")
            && covers_assume_role(m)
            && !has_condition(m)
            && matches!(m.member("Principal").and_then(|p| p.member("Service")), Some(Value::String(_) | Value::Array(_)))
    });
    let (ptr, change) = match target {
        Some((i, _)) => {
            let service = &mut policy["Statement"][*i]["Principal"]["Service"];
            let kept: Vec<String> = strings(Some(service)).map(|s| s.to_string()).collect();
            match service {
                Value::Array(items) => items.push(Value::from(LOG_SERVICE)),
                other => *other = Value::Array(vec![other.take(), Value::from(LOG_SERVICE)]),
            }
            let kept = kept.join(", ");
            (
                format!("/Statement/{i}/Principal/Service"),
                t!(
                    format!("Added {LOG_SERVICE} to the Service principals of statement {i}, next to {kept}."),
                    format!("已将 {LOG_SERVICE} 加入第 {i} 条语句的 Service 主体，与 {kept} 并列。")
                ),
            )
        }
        None => {
            let i = count;
            if let Some(Value::Array(items)) = policy.get_mut("Statement") {
                items.push(log_service_statement());
            }
            (
                format!("/Statement/{i}"),
                t!(
                    format!(
                        "Added statement {i}, which lets Log Service ({LOG_SERVICE}) assume the role; the existing statements are kept as they are."
                    ),
                    format!("已添加第 {i} 条语句，允许日志服务（{LOG_SERVICE}）扮演该 RAM 角色；原有语句保持不变。")
                ),
            )
        }
    };
    report(
        existing,
        out,
        Code::TrustMerged,
        &ptr,
        change,
        t!(
            "Check the merged trust policy, then send it with UpdateRole (NewAssumeRolePolicyDocument) or paste it on the role's Trust Policy tab.",
            "请检查合并后的信任策略，然后通过 UpdateRole（NewAssumeRolePolicyDocument）提交，或粘贴到 RAM 角色的信任策略页签。"
        ),
    );
    policy
}
