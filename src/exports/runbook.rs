//! What the runnable exports (the shell runbook and the Python script) check before and while
//! they send the plan: the CMK, the role, and the Logstore's configuration since it was pasted.

use super::{CITATION_LEAD, write_cited};
use crate::finding::Lang;
use crate::intent::Intent;
use crate::json::Members;
use crate::logstore::READ_ONLY;
use crate::plan::{Api, Plan};
use crate::scan::ByteSet;
use serde_json::Value;
use std::borrow::Cow;
use std::fmt::Write;

/// The options both runbooks take (environment variables), as header comment lines.
pub(super) const OPTIONS: &[(&str, &str)] = &[
    ("Options (environment variables):", "选项（环境变量）："),
    (
        "  SLS_ENCRYPT_PROTECT_CMK=1   also turn on KMS deletion protection for the CMK (finding «cmk_lifecycle»)",
        "  SLS_ENCRYPT_PROTECT_CMK=1   同时为 CMK 开启 KMS 删除保护（检查结果 «cmk_lifecycle»）",
    ),
    (
        "  SLS_ENCRYPT_RAM_WAIT=60     seconds to keep retrying the first SLS change while new RAM grants propagate",
        "  SLS_ENCRYPT_RAM_WAIT=60     新授予的 RAM 权限生效前，重试第一个 SLS 修改请求的最长秒数",
    ),
    ("  SLS_ENCRYPT_RETRY_EVERY=10  seconds between those retries", "  SLS_ENCRYPT_RETRY_EVERY=10  两次重试之间的秒数"),
];

/// One comment line: line breaks in `s` become spaces, so nothing can leave the comment.
pub(super) fn comment(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 3);
    push_comment(&mut out, s);
    out
}

/// What a comment line replaces (line breaks, by spaces) or cites.
const LINE_BREAKS: ByteSet = ByteSet::of(b"\n\r").and(CITATION_LEAD);

/// Appends [`comment`]`(text)` to `s`.
pub(super) fn push_comment(s: &mut String, text: &str) {
    s.push_str("# ");
    push_comment_text(s, text);
}

/// Appends `text` as the end of a comment line whose start is written already: as
/// [`push_comment`] writes a text, then the line break.
pub(super) fn push_comment_text(s: &mut String, text: &str) {
    let _ = write_cited(s, text, &LINE_BREAKS, |s, _| s.write_char(' '));
    s.push('\n');
}

/// Comment lines, each in the script's language.
pub(super) fn comments(s: &mut String, lang: Lang, lines: &[(&str, &str)]) {
    for (en, zh) in lines {
        push_comment(s, lang.pick(en, zh));
    }
}

/// The CMK the body names, checked with KMS DescribeKey before any change.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CmkCheck<'a> {
    /// The CMK id.
    pub key_id: &'a str,
    /// The CMK's region (where DescribeKey is sent).
    pub region: &'a str,
}

/// The RAM role the body names, checked with GetRole before any change.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RoleCheck<'a> {
    /// The role's name.
    pub name: &'a str,
    /// True when the plan creates it (CreateRole): an existing role is then kept.
    pub created: bool,
    /// When the plan rewrites its trust policy (UpdateRole): the policy as pasted, and the new one.
    pub update: Option<TrustUpdate<'a>>,
}

/// A trust policy the plan rewrites (UpdateRole).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TrustUpdate<'a> {
    /// The policy as pasted.
    pub pasted: &'a Value,
    /// The new policy.
    pub new: Cow<'a, Value>,
    /// The new policy as the request sends it (compact JSON).
    pub sent: &'a str,
}

impl TrustUpdate<'_> {
    /// The new policy as compact JSON: the text the request sends, when the new policy is the plan's.
    pub fn new_compact(&self) -> Cow<'_, str> {
        match &self.new {
            Cow::Borrowed(_) => Cow::Borrowed(self.sent),
            Cow::Owned(v) => Cow::Owned(crate::json::compact(v)),
        }
    }
}

/// What a runbook checks before it sends anything, borrowed from the intent and the plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Checks<'a> {
    /// BYOK with encryption on: the CMK.
    pub cmk: Option<CmkCheck<'a>>,
    /// BYOK with encryption on: the role.
    pub role: Option<RoleCheck<'a>>,
    /// Update: each field the body sends, with the value the pasted configuration had (null if none).
    pub want: Option<Vec<(&'a str, &'a Value)>>,
    /// Update: fields a live Logstore may have without it being drift (pasted or read-only ones).
    pub known: Vec<&'a str>,
}

/// JSON's null, for a field the pasted configuration did not have.
static NULL: Value = Value::Null;

/// The checks of a plan.
pub(super) fn checks<'a>(intent: &'a Intent, plan: &'a Plan) -> Checks<'a> {
    let mut c = Checks::default();
    let write = plan.logstore_write();
    let conf = write.and_then(|r| r.body.as_ref()).and_then(|b| b.member("encrypt_conf"));
    let on = conf.and_then(|c| c.member("enable")).and_then(Value::as_bool) == Some(true);
    let cmk_info = conf.and_then(|c| c.member("user_cmk_info")).filter(|_| on);
    if let Some(info) = cmk_info {
        let text = |k: &str| info.member(k).and_then(Value::as_str);
        if let Some(key_id) = text("cmk_key_id") {
            c.cmk = Some(CmkCheck { key_id, region: text("region_id").unwrap_or_else(|| super::region(intent)) });
        }
        // The role the plan creates or updates, when it does.
        let ram_name = plan
            .requests
            .iter()
            .any(|r| matches!(r.api, Api::CreateRole | Api::UpdateRole))
            .then(|| crate::ram::role_name(intent).map(|r| r.as_str()))
            .flatten();
        let name = ram_name
            .or_else(|| intent.encryption.role_name.as_ref().map(|r| r.as_str()))
            .or_else(|| intent.encryption.role_arn.as_ref().map(|a| a.role.as_str()))
            .or_else(|| text("arn").and_then(|a| a.rsplit_once("role/").map(|(_, n)| n)));
        if let Some(name) = name {
            let update = plan.request(Api::UpdateRole).and_then(|r| {
                let sent = r.query.member("NewAssumeRolePolicyDocument")?.as_str()?;
                let pasted = &intent.ram.current_trust_policy.as_ref()?.document.value;
                // The plan's trust policy is the document sent (read back only when it is not).
                let new = match &plan.trust_policy {
                    Some(t) if crate::json::compact(t) == sent => Cow::Borrowed(t),
                    _ => Cow::Owned(serde_json::from_str(sent).ok()?),
                };
                Some(TrustUpdate { pasted, new, sent })
            });
            c.role = Some(RoleCheck { name, created: plan.request(Api::CreateRole).is_some(), update });
        }
    }
    if let (Some(update), Some(current)) = (plan.request(Api::UpdateLogStore), &intent.current) {
        let mut ignore = Vec::new();
        if let Some((pasted, _)) = crate::merge::unwrap_logstore(current, &mut ignore)
            && let Some(body) = update.body.as_ref().and_then(Value::as_object)
        {
            // A pasted value over the limits (LIM003) never reaches an export: the check then
            // expects what the body sends for that field.
            let within = |k: &str, v: &Value| {
                let max = if k == "logstoreName" { crate::limits::MAX_LOGSTORE_NAME_CHARS } else { crate::limits::MAX_FIELD_CHARS };
                crate::limits::json_size_upto(v, max + 3) <= max + 2
            };
            c.want = Some(
                body.iter()
                    .map(|(k, sent)| {
                        let expected = match pasted.member(k) {
                            None => &NULL,
                            Some(v) if within(k, v) => v,
                            Some(_) => sent,
                        };
                        (k.as_str(), expected)
                    })
                    .collect(),
            );
            c.known = pasted.keys().filter(|k| k.chars().count() <= crate::limits::MAX_FIELD_CHARS).map(String::as_str).collect();
            c.known.extend(READ_ONLY.iter().map(|(k, _, _)| *k).filter(|k| !pasted.has(k)));
        }
    }
    c
}

/// Writes [`Checks::want`] as a JSON object.
pub(super) fn write_want(w: &mut crate::json::Writer<'_>, want: &[(&str, &Value)]) {
    w.object(|o| want.iter().for_each(|(k, v)| o.member(k, |w| w.value(v))));
}

/// The jq program that lists (comma-separated) the fields of a live GetLogStore response that
/// differ from `$want`, plus fields the pasted configuration did not have at all.
pub(super) const DRIFT_JQ: &str = r#". as $live | ([$want | keys_unsorted[]] + [$live | keys_unsorted[] | select(. as $k | ($known | any(. == $k) | not) and ($want | has($k) | not))]) | map(select(. as $k | $live[$k] != $want[$k])) | join(", ")"#;

/// The jq program that is true when a GetRole response's trust policy lets Log Service assume the role.
pub(super) const TRUST_JQ: &str = r#".Role.AssumeRolePolicyDocument | fromjson | [.Statement[]? | select(.Effect == "Allow") | select([.Action] | flatten | any(. == "sts:AssumeRole" or . == "sts:*" or . == "*")) | [.Principal.Service?] | flatten | .[] | select(type == "string") | ascii_downcase] | any(. == "log.aliyuncs.com")"#;
