//! The update path: merge the wanted encryption into a pasted GetLogStore response without
//! losing anything, enforcing the permanence rules.

use crate::choice::TelemetryType;
use crate::encryption::{self, EncryptConf, Stored};
use crate::finding::t;
use crate::finding::{Code, Finding};
use crate::intent::{Intent, UnknownFields};
use crate::json::Members;
use crate::limits::{self, excerpt};
use crate::logstore::{self, FieldClass};
use crate::plan::{BlastRadius, Change, DiffEntry, NaiveClient};
use crate::pointer::join;
use crate::text::Source;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// What the merge produced.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// The UpdateLogStore body.
    pub body: Map<String, Value>,
    /// The `encrypt_conf` understood (the allowed one when a change was refused).
    pub conf: Option<EncryptConf>,
    /// The `encrypt_conf` exactly as it goes in the body.
    pub encrypt_conf: Option<Value>,
    /// The `encrypt_conf` the Logstore has now, if any.
    pub stored: Option<Stored>,
    /// Field-by-field diff between `current` and the body.
    pub diff: Vec<DiffEntry>,
    /// What naive partial updates would reset.
    pub blast_radius: Vec<BlastRadius>,
    /// True when the body would change nothing: every field is sent back as it is, and only
    /// output-only fields are left out.
    pub noop: bool,
}

/// Finds the Logstore inside what was pasted: the raw response, or an SDK/CLI wrapper around it.
/// Returns the Logstore object and its pointer inside the pasted document.
pub fn unwrap_logstore<'a>(source: &'a Source, out: &mut Vec<Finding>) -> Option<(&'a Map<String, Value>, String)> {
    let Some(obj) = source.document.value.as_object() else {
        out.push(not_a_logstore(&source.prefix, "it is not a JSON object", "它不是 JSON 对象"));
        return None;
    };
    if !obj.has("logstoreName")
        && let Some(Value::Object(inner)) = obj.member("body")
        && (inner.has("logstoreName") || inner.has("ttl"))
    {
        out.push(Finding::new(
            Code::WrapperRecognised,
            join(&source.prefix, "body"),
            t!(
                "Recognised an SDK response wrapper ({\"headers\", \"statusCode\", \"body\"}, as the Tea SDKs' to_map() and OpenAPI Explorer print it); the Logstore in \"body\" is used.",
                "已识别 SDK 响应包装（{\"headers\", \"statusCode\", \"body\"}，即 Tea SDK 的 to_map() 和 OpenAPI Explorer 的输出）；使用 \"body\" 中的日志库。"
            ),
            t!("Nothing to do.", "无需处理。"),
        ));
        return Some((inner, "/body".to_string()));
    }
    if !obj.has("logstoreName") && !obj.has("ttl") {
        out.push(not_a_logstore(&source.prefix, "it has neither logstoreName nor ttl", "其中既没有 logstoreName 也没有 ttl"));
        return None;
    }
    Some((obj, String::new()))
}

/// The Logstore's fields without those longer than any real one can be (each reported with
/// [`Code::ValueTooLong`], quoted as an excerpt): an over-long `logstoreName` is replaced by
/// `target` (or left out), any other field whose key or a string in it is over
/// [`limits::MAX_FIELD_CHARS`] characters is left out. Borrows when nothing is over.
pub fn within_limits<'a>(
    obj: &'a Map<String, Value>,
    path: &str,
    target: Option<&str>,
    out: &mut Vec<Finding>,
) -> Cow<'a, Map<String, Value>> {
    let over = |key: &str, value: &'a Value| -> Option<(usize, &'a str, usize)> {
        let max = if key == "logstoreName" { limits::MAX_LOGSTORE_NAME_CHARS } else { limits::MAX_FIELD_CHARS };
        limits::longest_string(value).filter(|(n, _)| *n > max).map(|(n, s)| (n, s, max))
    };
    let long_key = |key: &str| key.len() > limits::MAX_FIELD_CHARS;
    if !obj.iter().any(|(k, v)| long_key(k) || over(k, v).is_some()) {
        return Cow::Borrowed(obj);
    }
    let mut kept = Map::new();
    for (key, value) in obj {
        if long_key(key) {
            out.push(limits::value_too_long(path, ("A key", "键名"), key, key.chars().count(), limits::MAX_FIELD_CHARS));
            continue;
        }
        match over(key, value) {
            Some((n, s, max)) => {
                let what = if key == "logstoreName" { ("logstoreName", "logstoreName") } else { ("A value", "值") };
                out.push(limits::value_too_long(&join(path, key), what, s, n, max));
                if let (Some(t), "logstoreName") = (target, key.as_str()) {
                    kept.insert(key.clone(), Value::String(t.to_string()));
                }
            }
            None => {
                kept.insert(key.clone(), value.clone());
            }
        }
    }
    Cow::Owned(kept)
}

fn not_a_logstore(path: &str, why: &str, why_zh: &str) -> Finding {
    Finding::new(
        Code::NotALogstore,
        path,
        t!(format!("This does not look like a GetLogStore response: {why}."), format!("这看起来不是 GetLogStore 的响应：{why_zh}。")),
        t!(
            "Paste the output of: aliyun sls GetLogStore --project <project> --logstore <logstore> (or the get-log-store plugin command).",
            "请粘贴以下命令的输出：aliyun sls GetLogStore --project <项目> --logstore <日志库>（或插件命令 get-log-store）。"
        ),
    )
}

fn entry(field: &str, change: Change, before: Option<&Value>, after: Option<&Value>, why: (&'static str, &'static str)) -> DiffEntry {
    DiffEntry {
        field: field.to_string(),
        change,
        before: before.cloned(),
        after: after.cloned(),
        reason: why.0.into(),
        reason_zh: why.1.into(),
    }
}

/// Merges `wanted` into the Logstore pasted as `current`. `wanted` is `None` when the encryption
/// section is incomplete (then the stored configuration, if any, is sent unchanged).
pub fn merge(intent: &Intent, current: &Source, wanted: Option<EncryptConf>, out: &mut Vec<Finding>) -> Option<Merged> {
    let (obj, inner) = unwrap_logstore(current, out)?;
    let path = [current.prefix.as_str(), &inner].concat();
    let target_name = intent.target.logstore.as_ref().map(|n| n.as_str());
    let obj = &*within_limits(obj, &path, target_name, out);
    logstore::check_spelling(obj, &path, out);
    logstore::check(obj, &path, false, out);
    pasted_store_checks(intent, obj, &path, out);

    let conf_path = join(&path, "encrypt_conf");
    // A camelCase encryptConf is ignored by UpdateLogStore, but it still tells what is stored.
    let camel = if obj.has("encrypt_conf") { None } else { obj.member("encryptConf").map(snake_case_conf) };
    let stored = encryption::stored(obj.member("encrypt_conf").or(camel.as_ref()), &conf_path, out);
    let (conf, body_conf, refused) = merged_conf(intent, wanted, stored.as_ref(), &conf_path, out);
    if let Some(c) = &conf {
        encryption::one_way_warnings(c, stored.is_none(), true, intent.target.cloud_firewall, out);
    }

    let (body, diff) = body_and_diff(intent, obj, &path, body_conf.as_ref(), refused, out);
    let blast_radius = blast_radius(obj);
    let noop = diff
        .iter()
        .all(|d| d.change == Change::Kept || (d.change == Change::Dropped && logstore::classify(&d.field) == FieldClass::ReadOnly));
    Some(Merged { body, conf, encrypt_conf: body_conf, stored, diff, blast_radius, noop })
}

/// The pasted store must be the target Logstore; a Metricstore is said to be one.
fn pasted_store_checks(intent: &Intent, obj: &Map<String, Value>, path: &str, out: &mut Vec<Finding>) {
    if let (Some(name), Some(target)) = (obj.member("logstoreName").and_then(Value::as_str), &intent.target.logstore)
        && name != target.as_str()
    {
        out.push(Finding::new(
            Code::NameMismatch,
            join(path, "logstoreName"),
            t!(
                format!("The pasted Logstore is \"{}\" but the target is \"{target}\".", excerpt(name)),
                format!("粘贴的日志库为 \"{}\"，但目标日志库为 \"{target}\"。", excerpt(name))
            ),
            t!(
                "Paste the GetLogStore response of the target Logstore, or correct the target.",
                "请粘贴目标日志库的 GetLogStore 响应，或更正目标。"
            ),
        ));
    }
    if obj.member("telemetryType").and_then(Value::as_str) == Some(TelemetryType::Metrics.as_str()) {
        out.push(Finding::new(
            Code::Metricstore,
            join(path, "telemetryType"),
            t!(
                "This is a Metricstore (telemetryType \"Metrics\"); encryption applies to it the same way.",
                "这是时序库（telemetryType 为 \"Metrics\"）；加密方式相同。"
            ),
            t!("Nothing to do if you meant this store.", "如确为此库则无需处理。"),
        ));
    }
}

/// The encrypt_conf understood and the one the body sends, from the wanted and the stored one;
/// true when a change asked for is refused (the stored settings are permanent).
fn merged_conf(
    intent: &Intent,
    wanted: Option<EncryptConf>,
    stored: Option<&Stored>,
    conf_path: &str,
    out: &mut Vec<Finding>,
) -> (Option<EncryptConf>, Option<Value>, bool) {
    let mut refused = false;
    let (conf, body_conf): (Option<EncryptConf>, Option<Value>) = match (&wanted, stored) {
        (_, Some(s @ Stored { conf: None, .. })) => {
            let enable = wanted.as_ref().map(|w| w.enable).or_else(|| s.raw.member("enable").and_then(Value::as_bool)).unwrap_or(true);
            (None, Some(s.with_enable(enable)))
        }
        (Some(w), Some(Stored { conf: Some(sc), raw })) => {
            // Only enable given: the stored settings are the wanted ones.
            let w = if intent.encryption.only_enable { &EncryptConf { enable: w.enable, ..sc.clone() } } else { w };
            let before = out.len();
            let c = encryption::permanence(w, sc, out);
            refused = out[before..].iter().any(|f| Code::REFUSED_CHANGES.contains(&f.code));
            let value = with_stored_extras(c.to_value(), raw, conf_path, intent.unknown_fields, out);
            (Some(c), Some(value))
        }
        (Some(w), None) if !w.enable => {
            out.push(Finding::new(
                Code::NothingToEncrypt,
                "/encryption/enable",
                t!(
                    "Encryption is requested off, and this Logstore has none, so there is nothing to change and no encrypt_conf is sent (sending one could fix an algorithm for good).",
                    "请求关闭加密，而该日志库尚未加密，因此无需更改，也不发送 encrypt_conf（发送可能会永久固定算法）。"
                ),
                t!("Set enable to true to encrypt the Logstore.", "如需加密该日志库，请将 enable 设为 true。"),
            ));
            (None, None)
        }
        (Some(w), None) => (Some(w.clone()), Some(w.to_value())),
        (None, Some(Stored { conf: Some(sc), raw })) => (Some(sc.clone()), Some(Value::Object(raw.clone()))),
        (None, None) => (None, None),
    };
    (conf, body_conf, refused)
}

/// The UpdateLogStore body and its field-by-field diff: updatable fields sent back, the
/// encrypt_conf replaced or added, output-only and camelCase fields dropped, unknown ones as chosen.
fn body_and_diff(
    intent: &Intent,
    obj: &Map<String, Value>,
    path: &str,
    body_conf: Option<&Value>,
    refused: bool,
    out: &mut Vec<Finding>,
) -> (Map<String, Value>, Vec<DiffEntry>) {
    let mut body = Map::with_capacity(obj.len() + 1);
    let mut diff = Vec::with_capacity(obj.len() + 1);
    for (key, value) in obj {
        // The key's pointer, for its findings (most keys have none).
        let at = || join(path, key);
        match logstore::classify(key) {
            _ if logstore::CAMEL_KEYS.iter().any(|(camel, _)| camel == key) => {
                diff.push(entry(
                    key,
                    Change::Dropped,
                    Some(value),
                    None,
                    (
                        "camelCase spelling: UpdateLogStore ignores it (see the finding)",
                        "驼峰式写法：UpdateLogStore 会忽略它（见检查结果）",
                    ),
                ));
            }
            FieldClass::Updatable if key == "encrypt_conf" => {
                let new = body_conf.cloned().unwrap_or_else(|| value.clone());
                diff.push(encrypt_conf_entry(value, body_conf, refused));
                body.insert(key.clone(), new);
            }
            FieldClass::Updatable => {
                diff.push(entry(
                    key,
                    Change::Kept,
                    Some(value),
                    Some(value),
                    ("kept: UpdateLogStore would reset it if left out", "保留：不发送会被 UpdateLogStore 重置"),
                ));
                body.insert(key.clone(), value.clone());
            }
            FieldClass::ReadOnly => {
                let (en, zh) = logstore::read_only_reason(key).unwrap_or(("output only", "只读字段"));
                out.push(logstore::read_only_dropped(key, at()));
                diff.push(entry(key, Change::Dropped, Some(value), None, (en, zh)));
            }
            FieldClass::Unknown => {
                out.push(unknown_field_finding(intent.unknown_fields, key, at()));
                diff.push(unknown_field_entry(intent.unknown_fields, key, value));
                if intent.unknown_fields == UnknownFields::Keep {
                    body.insert(key.clone(), value.clone());
                }
            }
        }
    }
    if !body.has("encrypt_conf")
        && let Some(new) = body_conf
    {
        diff.push(entry("encrypt_conf", Change::Added, None, Some(new), ("the encryption you asked for", "您要求的加密设置")));
        body.insert("encrypt_conf".into(), new.clone());
    }
    (body, diff)
}

/// The diff entry of the pasted `encrypt_conf`: replaced by the body's, or sent back as stored.
fn encrypt_conf_entry(value: &Value, body_conf: Option<&Value>, refused: bool) -> DiffEntry {
    let Some(new) = body_conf else {
        return entry("encrypt_conf", Change::Kept, Some(value), Some(value), ("sent back as stored", "按原样发回"));
    };
    let change = if new == value { Change::Kept } else { Change::Changed };
    let why = if refused {
        ("kept as stored: the change you asked for is refused (see the findings)", "按原样保留：您要求的更改不被允许（见检查结果）")
    } else if change == Change::Kept {
        ("already as wanted", "已是所需设置")
    } else {
        ("the complete encrypt_conf, as every UpdateLogStore must carry", "完整的 encrypt_conf，每次 UpdateLogStore 都必须携带")
    };
    entry("encrypt_conf", change, Some(value), Some(new), why)
}

/// The settings naive partial updates would reset or lose, with their current values.
fn blast_radius(obj: &Map<String, Value>) -> Vec<BlastRadius> {
    let lost = |keep: &dyn Fn(&str) -> bool| -> Map<String, Value> {
        let mut lost = Map::with_capacity(obj.len());
        for (k, v) in obj.iter().filter(|(k, _)| logstore::classify(k) != FieldClass::ReadOnly && !keep(k)) {
            lost.insert(k.clone(), v.clone());
        }
        lost
    };
    // The first and the last client lose the same fields.
    let all_but_name_and_conf = lost(&|k| k == "logstoreName" || k == "encrypt_conf");
    vec![
        BlastRadius {
            client: NaiveClient::EncryptConfOnly,
            description: "An UpdateLogStore body with only logstoreName and encrypt_conf: every other setting goes back to its default.".into(),
            description_zh: "只含 logstoreName 和 encrypt_conf 的 UpdateLogStore 请求体：其他所有设置都会恢复默认值。".into(),
            lost: all_but_name_and_conf.clone(),
        },
        BlastRadius {
            client: NaiveClient::PythonSdkUpdateLogstore,
            description: "aliyun-log-python-sdk's update_logstore re-sends only a few fields and silently drops hot_ttl, mode, infrequentAccessTTL, telemetryType and any field it does not know.".into(),
            description_zh: "aliyun-log-python-sdk 的 update_logstore 只重发少数字段，会静默丢弃 hot_ttl、mode、infrequentAccessTTL、telemetryType 以及它不认识的字段。".into(),
            lost: lost(&|k| {
                ["logstoreName", "ttl", "shardCount", "enable_tracking", "autoSplit", "maxSplitShard", "appendMeta", "encrypt_conf"].contains(&k)
            }),
        },
        BlastRadius {
            client: NaiveClient::GoSdkUpdateLogstoreV2,
            description: "aliyun-log-go-sdk's UpdateLogStoreV2 sends zero or false for every field the caller did not set.".into(),
            description_zh: "aliyun-log-go-sdk 的 UpdateLogStoreV2 会为调用方未设置的每个字段发送零值或 false。".into(),
            lost: all_but_name_and_conf,
        },
    ]
}

/// Converts a camelCase `encryptConf` (the dedicated API's spelling) to the body's snake_case.
fn snake_case_conf(v: &Value) -> Value {
    let rename = |m: &Map<String, Value>| -> Map<String, Value> {
        m.iter()
            .map(|(k, v)| {
                let k = logstore::CAMEL_KEYS.iter().find(|(camel, _)| camel == k).map_or(k.as_str(), |(_, snake)| snake);
                (k.to_string(), v.clone())
            })
            .collect()
    };
    match v {
        Value::Object(m) => {
            let mut out = rename(m);
            if let Some(Value::Object(info)) = out.member("user_cmk_info").cloned() {
                out.insert("user_cmk_info".into(), Value::Object(rename(&info)));
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

/// Keeps (or drops, as the user chose) keys of the stored `encrypt_conf` this tool does not know,
/// at the top and inside `user_cmk_info`, with a finding each: nothing stored is lost silently.
fn with_stored_extras(mut new: Value, raw: &Map<String, Value>, path: &str, policy: UnknownFields, out: &mut Vec<Finding>) -> Value {
    let mut visit = |from: &Map<String, Value>, known: &[&str], at: &str, into: &mut Map<String, Value>| {
        for (k, v) in from.iter().filter(|(k, _)| !known.contains(&k.as_str())) {
            let here = join(at, k);
            match policy {
                UnknownFields::Keep => {
                    out.push(Finding::new(
                        Code::UnknownKept,
                        here,
                        t!(
                            format!(
                                "\"{}\" in the stored encrypt_conf is a field this tool does not know; it is sent back as stored.",
                                excerpt(k)
                            ),
                            format!("已存储的 encrypt_conf 中的 \"{}\" 是本工具未知的字段；按原样发回。", excerpt(k))
                        ),
                        t!(
                            "Nothing to do unless you know it must change; it may be permanent too.",
                            "除非确知需要修改，否则无需处理；它可能同样不可更改。"
                        ),
                    ));
                    into.insert(k.clone(), v.clone());
                }
                UnknownFields::Drop => out.push(Finding::new(
                    Code::UnknownDropped,
                    here,
                    t!(
                        format!(
                            "\"{}\" in the stored encrypt_conf is a field this tool does not know; it is dropped as you chose.",
                            excerpt(k)
                        ),
                        format!("已存储的 encrypt_conf 中的 \"{}\" 是本工具未知的字段；已按您的选择去掉。", excerpt(k))
                    ),
                    t!(
                        "Set unknown_fields to \"keep\": an encryption setting may be permanent.",
                        "请将 unknown_fields 设为 \"keep\"：加密设置可能不可更改。"
                    ),
                )),
            }
        }
    };
    if let Value::Object(top) = &mut new {
        visit(raw, &["enable", "encrypt_type", "user_cmk_info"], path, top);
        if let (Some(Value::Object(stored_info)), Some(Value::Object(info))) = (raw.member("user_cmk_info"), top.get_mut("user_cmk_info")) {
            visit(stored_info, &["cmk_key_id", "arn", "region_id"], &join(path, "user_cmk_info"), info);
        }
    }
    new
}

/// MRG005/MRG006: a field this tool does not know, kept or dropped as `/unknown_fields` chose.
fn unknown_field_finding(chosen: UnknownFields, key: &str, at: String) -> Finding {
    match chosen {
        UnknownFields::Keep => Finding::new(
            Code::UnknownKept,
            at,
            t!(
                format!(
                    "\"{}\" is a field this tool does not know (a newer API field?); it is kept in the body so the update does not reset it.",
                    excerpt(key)
                ),
                format!("\"{}\" 是本工具未知的字段（可能是较新的 API 字段）；已保留在请求体中，避免更新时被重置。", excerpt(key))
            ),
            t!(
                "Check it belongs in UpdateLogStore; to leave such fields out, choose drop in /unknown_fields.",
                "请确认该字段属于 UpdateLogStore；如需去掉此类字段，请在 /unknown_fields 中选择丢弃。"
            ),
        ),
        UnknownFields::Drop => Finding::new(
            Code::UnknownDropped,
            at,
            t!(
                format!(
                    "\"{}\" is a field this tool does not know; it is dropped as you chose, so if UpdateLogStore takes it, it will be reset.",
                    excerpt(key)
                ),
                format!("\"{}\" 是本工具未知的字段；已按您的选择去掉，若 UpdateLogStore 接受该字段，它将被重置。", excerpt(key))
            ),
            t!(
                "Choose keep in /unknown_fields unless you know the API rejects it.",
                "除非确认 API 不接受，否则请在 /unknown_fields 中选择保留。"
            ),
        ),
    }
}

/// The diff entry of an unknown field: kept in the body or dropped, as `/unknown_fields` chose.
fn unknown_field_entry(chosen: UnknownFields, key: &str, value: &Value) -> DiffEntry {
    match chosen {
        UnknownFields::Keep => entry(
            key,
            Change::Kept,
            Some(value),
            Some(value),
            ("unknown field, kept as chosen in /unknown_fields", "未知字段，已按 /unknown_fields 的选择保留"),
        ),
        UnknownFields::Drop => entry(
            key,
            Change::Dropped,
            Some(value),
            None,
            ("unknown field, dropped as chosen in /unknown_fields", "未知字段，已按 /unknown_fields 的选择去掉"),
        ),
    }
}
