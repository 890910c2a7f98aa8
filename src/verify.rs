//! Closing the loop: the GetLogStore response read after the requests were sent (`after`),
//! checked field by field against the body that was sent (UpdateLogStore or CreateLogStore).

use crate::finding::t;
use crate::finding::{Code, Finding};
use crate::intent::{Intent, Operation};
use crate::logstore::{self, FieldClass};
use crate::merge;
use crate::plan::{Api, FieldStatus, Verification, VerifiedField};
use crate::pointer::join;
use crate::text::Source;
use serde_json::{Map, Value};

/// Checks `after` against `body`, the Logstore body the plan sends. `None` when the intent has
/// no `after`; a verification without rows when `after` cannot be compared (the findings say why).
pub fn verify(intent: &Intent, body: Option<&Map<String, Value>>, out: &mut Vec<Finding>) -> Option<Verification> {
    if !intent.after_given {
        return None;
    }
    let failed = Some(Verification { ok: false, fields: Vec::new() });
    // Unreadable text: the reader's findings (with line and column) say why.
    let Some(source) = &intent.after else { return failed };
    let Some((after, inner)) = merge::unwrap_logstore(source, out) else { return failed };
    let here = At { source, inner: &inner };
    let Some(body) = body else {
        out.push(
            Finding::new(
                Code::NothingToVerify,
                source.prefix.clone(),
                t!(
                    "The Logstore read after the change is not checked yet: the plan has no request body to compare it with.",
                    "尚未核验变更后读取的日志库：计划中还没有可与之比较的请求体。"
                ),
                t!(
                    "Fix the plan's errors first; the check runs as soon as the plan has its request.",
                    "请先修复计划中的错误；计划生成请求后即会核验。"
                ),
            )
            .at(here.position("")),
        );
        return failed;
    };
    let fields = rows(body, after);
    let all_same = fields.iter().all(|r| r.status == FieldStatus::Same);
    let create = intent.operation == Operation::Create;
    let sent = if create { Api::CreateLogStore } else { Api::UpdateLogStore };

    let target = intent.target.logstore.as_ref().map(ToString::to_string);
    let other = match (after.get("logstoreName").and_then(Value::as_str), &target) {
        (Some(name), Some(t)) if name != t => Some((name, t)),
        _ => None,
    };
    if let Some((name, t)) = other {
        out.push(
            Finding::new(
                Code::AfterOtherLogstore,
                here.path("logstoreName"),
                t!(
                    format!("The Logstore read after the change is \"{name}\", not the target \"{t}\"; it says nothing about the change."),
                    format!("变更后读取的日志库为 \"{name}\"，而不是目标日志库 \"{t}\"；无法据此核验变更。")
                ),
                t!(
                    format!("Read the target Logstore again (GetLogStore on \"{t}\") and paste that response."),
                    format!("请重新读取目标日志库（对 \"{t}\" 调用 GetLogStore）并粘贴其响应。")
                ),
            )
            .at(here.position("/logstoreName")),
        );
    } else if let Some(current) = intent.current.as_ref().filter(|_| !create && !all_same)
        && let Some((current, _)) = merge::unwrap_logstore(current, &mut Vec::new())
        && same_settings(current, after)
    {
        out.push(
            Finding::new(
                Code::NothingApplied,
                source.prefix.clone(),
                t!(
                    "Nothing was applied: the Logstore read after the change has the same settings as the one read before it (current), but the plan changes them.",
                    "未应用任何更改：变更后读取的日志库与变更前读取的（current）设置相同，而计划会修改这些设置。"
                ),
                t!(
                    "Send the UpdateLogStore request of the plan and check its response (HTTP 200), then read the Logstore again and paste the new response here.",
                    "请发送计划中的 UpdateLogStore 请求并检查其响应（HTTP 200），然后重新读取日志库并在此粘贴新的响应。"
                ),
            )
            .at(here.position("")),
        );
    } else {
        for row in fields.iter().filter(|r| r.status != FieldStatus::Same) {
            if row.field == "encrypt_conf" {
                encryption(&here, row, sent, out);
            } else {
                out.push(row_finding(&here, row, sent));
            }
        }
    }
    let ok = all_same && !fields.is_empty() && other.is_none();
    if ok {
        out.push(
            Finding::new(
                Code::Verified,
                source.prefix.clone(),
                t!(
                    format!(
                        "Verified: the Logstore read after the change has every one of the {} fields as sent, encryption included.",
                        fields.len()
                    ),
                    format!("核验通过：变更后读取的日志库中，全部 {} 个字段（含加密设置）均与发送的一致。", fields.len())
                ),
                t!("Nothing to do. Keep this response with the change record.", "无需处理。请将此响应与变更记录一并保存。"),
            )
            .at(here.position("")),
        );
    }
    Some(Verification { ok, fields })
}

/// Where the Logstore stands inside `after`, for paths and positions of findings.
struct At<'a> {
    source: &'a Source,
    /// The Logstore's pointer inside the pasted document (`/body` for an SDK wrapper, else empty).
    inner: &'a str,
}

impl At<'_> {
    /// The intent pointer of a top-level field of the Logstore read back.
    fn path(&self, key: &str) -> String {
        join(&format!("{}{}", self.source.prefix, self.inner), key)
    }

    /// Line and column of `pointer` (inside the Logstore) in what was pasted: the field itself or
    /// its nearest ancestor, else the Logstore's first member.
    fn position(&self, pointer: &str) -> Option<(usize, usize)> {
        let doc = &self.source.document;
        let inner = format!("{}{pointer}", self.inner);
        doc.nearest_position(&inner).or_else(|| {
            let first = doc.value.pointer(self.inner)?.as_object()?.keys().next()?.clone();
            doc.position(&join(self.inner, &first))
        })
    }
}

/// One row per top-level field of the body, plus `encrypt_conf` when the body has none.
fn rows(body: &Map<String, Value>, after: &Map<String, Value>) -> Vec<VerifiedField> {
    let mut rows: Vec<VerifiedField> = body.iter().map(|(key, sent)| row(key, Some(sent), after.get(key))).collect();
    if !body.contains_key("encrypt_conf") {
        rows.push(row("encrypt_conf", None, after.get("encrypt_conf")));
    }
    rows
}

fn row(key: &str, expected: Option<&Value>, actual: Option<&Value>) -> VerifiedField {
    let expected = expected.filter(|v| !v.is_null());
    let actual = actual.filter(|v| !v.is_null());
    let status = match (expected, actual) {
        // No encrypt_conf sent: a Logstore without one, or with encryption never configured, matches.
        (None, None) => FieldStatus::Same,
        (None, Some(a)) if key == "encrypt_conf" && unconfigured(a) => FieldStatus::Same,
        (Some(_), None) => FieldStatus::Missing,
        (Some(e), Some(a)) if key == "encrypt_conf" && equal(&arn_lowercase(e), &arn_lowercase(a)) => FieldStatus::Same,
        (Some(e), Some(a)) if equal(e, a) => FieldStatus::Same,
        _ => FieldStatus::Differs,
    };
    VerifiedField { field: key.to_string(), expected: expected.cloned(), actual: actual.cloned(), status }
}

/// An `encrypt_conf` with its role ARN in lower case (RAM reads role ARNs in any case).
fn arn_lowercase(conf: &Value) -> Value {
    let mut conf = conf.clone();
    if let Some(Value::String(arn)) = conf.pointer_mut("/user_cmk_info/arn") {
        *arn = arn.to_ascii_lowercase();
    }
    conf
}

/// An `encrypt_conf` that configures nothing: `{"enable": false}` and nothing else.
fn unconfigured(v: &Value) -> bool {
    v.as_object().is_some_and(|o| o.iter().all(|(k, v)| v.is_null() || (k == "enable" && v == &Value::Bool(false))))
}

/// JSON equality as a Logstore means it: numbers by value (`30` is `30.0`), object members in any
/// order, and a member that is null the same as one that is absent.
pub fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => i == j,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| equal(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            let present = |m: &Map<String, Value>| m.iter().filter(|(_, v)| !v.is_null()).count();
            present(x) == present(y) && x.iter().filter(|(_, v)| !v.is_null()).all(|(k, v)| y.get(k).is_some_and(|w| equal(v, w)))
        }
        _ => a == b,
    }
}

/// True when two Logstore documents have the same settings (read-only fields aside).
fn same_settings(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
    let null = Value::Null;
    a.keys().chain(b.keys()).filter(|k| logstore::classify(k) != FieldClass::ReadOnly).all(|k| {
        let (x, y) = (a.get(k).unwrap_or(&null), b.get(k).unwrap_or(&null));
        equal(x, y)
    })
}

fn shown(v: Option<&Value>) -> String {
    v.map_or_else(|| "nothing".to_string(), Value::to_string)
}

fn shown_zh(v: Option<&Value>) -> String {
    v.map_or_else(|| "无".to_string(), Value::to_string)
}

/// The finding for a row that is not `same` (any field but `encrypt_conf`).
fn row_finding(here: &At, row: &VerifiedField, sent: Api) -> Finding {
    let key = &row.field;
    let (e, a) = (row.expected.as_ref(), row.actual.as_ref());
    let shards = key == "shardCount";
    let fix = if shards {
        t!(
            "UpdateLogStore cannot change shardCount: shards split (autoSplit) or were split or merged in between. Check the shards, not the update.",
            "UpdateLogStore 无法修改 shardCount：期间发生了自动分裂（autoSplit）或手动分裂、合并。请检查分片，而不是本次更新。"
        )
    } else {
        t!(
            format!(
                "Either the {sent} request was not sent (or failed), or another change landed in between. Read the Logstore again; if it still differs, send the request again from a fresh GetLogStore."
            ),
            format!(
                "可能是 {sent} 请求未发送（或失败），或期间有其他变更。请重新读取日志库；如仍不一致，请基于新的 GetLogStore 结果重新发送请求。"
            )
        )
    };
    match row.status {
        FieldStatus::Missing => Finding::new(
            Code::AfterFieldMissing,
            here.path(key),
            t!(
                format!("\"{key}\" was sent as {} but the Logstore read after the change does not have it.", shown(e)),
                format!("\"{key}\" 发送的值为 {}，但变更后读取的日志库中没有该字段。", shown_zh(e))
            ),
            fix,
        )
        .at(here.position(&join("", key))),
        _ => Finding::new(
            Code::AfterFieldDiffers,
            here.path(key),
            t!(
                format!("\"{key}\" is {} on the Logstore read after the change, but {} was sent.", shown(a), shown(e)),
                format!("变更后读取的日志库中 \"{key}\" 为 {}，而发送的是 {}。", shown_zh(a), shown_zh(e))
            ),
            fix,
        )
        .at(here.position(&join("", key))),
    }
}

fn object(v: Option<&Value>) -> Option<&Map<String, Value>> {
    v.and_then(Value::as_object)
}

fn enabled(c: Option<&Map<String, Value>>) -> bool {
    c.and_then(|c| c.get("enable")).and_then(Value::as_bool) == Some(true)
}

fn text_of<'a>(c: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    c.get(key).and_then(Value::as_str)
}

/// The findings for an `encrypt_conf` row that is not `same`: encryption off, or a permanent
/// setting (mechanism, algorithm, CMK, role, region) other than the plan's; else the row's own.
fn encryption(here: &At, row: &VerifiedField, sent: Api, out: &mut Vec<Finding>) {
    let (e, a) = (object(row.expected.as_ref()), object(row.actual.as_ref()));
    let before = out.len();
    if enabled(e) != enabled(a) {
        out.push(encryption_state(here, e, a, sent));
    }
    if let (Some(e), Some(a)) = (e, a) {
        encryption_settings(here, e, a, sent, out);
    }
    if out.len() == before {
        out.push(row_finding(here, row, sent));
    }
}

/// A pointer into the read Logstore's `encrypt_conf` (`p` empty or starting with `/`), with its position.
fn conf(here: &At, p: &str) -> (String, Option<(usize, usize)>) {
    (here.path("encrypt_conf") + p, here.position(&format!("/encrypt_conf{p}")))
}

/// Encryption is on where the plan turns it off, or off where it turns it on.
fn encryption_state(here: &At, e: Option<&Map<String, Value>>, a: Option<&Map<String, Value>>, sent: Api) -> Finding {
    let (path, pos) = if a.is_some_and(|a| a.contains_key("enable")) { conf(here, "/enable") } else { conf(here, "") };
    let (message, fix) = if enabled(e) {
        (
            t!(
                "Encryption is off on the Logstore read after the change, but the plan turns it on.",
                "变更后读取的日志库未启用加密，而计划会启用加密。"
            ),
            t!(
                format!(
                    "The {sent} request was not sent (or failed), the Logstore was read before it was applied, or another change turned encryption off in between. Send it, check its response, and read the Logstore again."
                ),
                format!(
                    "{sent} 请求未发送（或失败），或在请求生效前读取了日志库，或期间有其他变更关闭了加密。请发送请求并检查响应，然后重新读取日志库。"
                )
            ),
        )
    } else {
        (
            t!(
                "Encryption is still on on the Logstore read after the change, but the plan turns it off.",
                "变更后读取的日志库仍启用加密，而计划会关闭加密。"
            ),
            t!(
                format!(
                    "The {sent} request was not sent (or failed), or another change turned encryption back on in between. Send it, check its response, and read the Logstore again."
                ),
                format!("{sent} 请求未发送（或失败），或期间有其他变更重新启用了加密。请发送请求并检查响应，然后重新读取日志库。")
            ),
        )
    };
    Finding::new(Code::AfterEncryptionState, path, message, fix).at(pos)
}

/// Both sides have encryption configured: the key mechanism, algorithm, CMK, role and region must match
/// (they are permanent, so a difference means another change got there first).
fn encryption_settings(here: &At, e: &Map<String, Value>, a: &Map<String, Value>, sent: Api, out: &mut Vec<Finding>) {
    let configured = |c: &Map<String, Value>| {
        c.get("encrypt_type").is_some_and(|v| !v.is_null()) || c.get("user_cmk_info").is_some_and(|v| !v.is_null())
    };
    if !(configured(e) && configured(a)) {
        return;
    }
    let permanent = if sent == Api::CreateLogStore {
        t!(
            "Encryption settings are permanent: this Logstore already existed with them (so CreateLogStore failed), or another change created it first. It keeps these settings: find out who created it (ActionTrail), make sure this key stays enabled, or create the Logstore under another name.",
            "加密设置不可更改：该日志库此前已存在并使用这些设置（因此 CreateLogStore 失败），或其他变更先创建了它。它将保持现有设置：请查明创建来源（操作审计 ActionTrail），确保该密钥保持启用，或以其他名称创建日志库。"
        )
    } else {
        t!(
            format!(
                "Encryption settings are permanent: another change configured them before the {sent} request landed, so the Logstore keeps these. Find out who changed it (ActionTrail), make sure this key stays enabled, and plan again from a fresh GetLogStore."
            ),
            format!(
                "加密设置不可更改：在 {sent} 请求生效前已有其他变更配置了加密，日志库将保持现有设置。请查明变更来源（操作审计 ActionTrail），确保该密钥保持启用，并基于新的 GetLogStore 结果重新规划。"
            )
        )
    };
    let (ei, ai) = (object(e.get("user_cmk_info")), object(a.get("user_cmk_info")));
    let mechanism = |c: Option<&Map<String, Value>>| {
        if c.is_some() { ("BYOK (your own CMK)", "自带密钥（BYOK）") } else { ("the service key", "服务密钥") }
    };
    if ei.is_some() != ai.is_some() {
        let (path, pos) = if ai.is_some() { conf(here, "/user_cmk_info") } else { conf(here, "") };
        let ((has, has_zh), (want, want_zh)) = (mechanism(ai), mechanism(ei));
        out.push(
            Finding::new(
                Code::AfterKeyMechanism,
                path,
                t!(
                    format!("The Logstore read after the change is encrypted with {has}, but the plan uses {want}."),
                    format!("变更后读取的日志库使用{has_zh}加密，而计划使用{want_zh}。")
                ),
                permanent.clone(),
            )
            .at(pos),
        );
    }
    if let (Some(x), Some(y)) = (text_of(e, "encrypt_type"), text_of(a, "encrypt_type"))
        && x != y
    {
        let (path, pos) = conf(here, "/encrypt_type");
        out.push(
            Finding::new(
                Code::AfterEncryptType,
                path,
                t!(
                    format!("The Logstore read after the change uses the algorithm \"{y}\", but the plan sends \"{x}\"."),
                    format!("变更后读取的日志库使用加密算法 \"{y}\"，而计划发送的是 \"{x}\"。")
                ),
                permanent.clone(),
            )
            .at(pos),
        );
    }
    if let (Some(ei), Some(ai)) = (ei, ai) {
        for (key, code, what, what_zh) in [
            ("cmk_key_id", Code::AfterCmk, "CMK", " CMK "),
            ("arn", Code::AfterRole, "role", "角色"),
            ("region_id", Code::AfterCmkRegion, "CMK region", " CMK 地域"),
        ] {
            let (x, y) = (text_of(ei, key), text_of(ai, key));
            let differs = match (x, y) {
                (Some(x), Some(y)) if key == "arn" => !x.eq_ignore_ascii_case(y),
                (x, y) => x != y,
            };
            if differs {
                let (path, pos) = conf(here, &format!("/user_cmk_info/{key}"));
                let (y, x) = (y.unwrap_or("nothing"), x.unwrap_or("nothing"));
                out.push(
                    Finding::new(
                        code,
                        path,
                        t!(
                            format!("The Logstore read after the change uses the {what} \"{y}\", but the plan sends \"{x}\"."),
                            format!("变更后读取的日志库使用的{what_zh}为 \"{y}\"，而计划发送的是 \"{x}\"。")
                        ),
                        permanent.clone(),
                    )
                    .at(pos),
                );
            }
        }
    }
}
