//! The update path: merge the wanted encryption into a pasted GetLogStore response without
//! losing anything, enforcing the permanence rules.

use crate::encryption::{self, EncryptConf};
use crate::finding::{Code, Finding, join};
use crate::intent::{Intent, Source, UnknownFields};
use crate::logstore::{self, FieldClass};
use crate::plan::{BlastRadius, DiffEntry};
use crate::t;
use serde_json::{Map, Value};

/// What the merge produced.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// The UpdateLogStore body.
    pub body: Map<String, Value>,
    /// The `encrypt_conf` that goes in the body (the allowed one when a change was refused).
    pub conf: Option<EncryptConf>,
    /// Field-by-field diff between `current` and the body.
    pub diff: Vec<DiffEntry>,
    /// What naive partial updates would reset.
    pub blast_radius: Vec<BlastRadius>,
}

/// Finds the Logstore inside what was pasted: the raw response, or an SDK/CLI wrapper around it.
/// Returns the Logstore object and its pointer inside the pasted document.
pub fn unwrap_logstore<'a>(source: &'a Source, out: &mut Vec<Finding>) -> Option<(&'a Map<String, Value>, String)> {
    let Some(obj) = source.document.value.as_object() else {
        out.push(not_a_logstore(&source.prefix, "it is not a JSON object", "它不是 JSON 对象"));
        return None;
    };
    if !obj.contains_key("logstoreName")
        && let Some(Value::Object(inner)) = obj.get("body")
        && (inner.contains_key("logstoreName") || inner.contains_key("ttl"))
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
    if !obj.contains_key("logstoreName") && !obj.contains_key("ttl") {
        out.push(not_a_logstore(&source.prefix, "it has neither logstoreName nor ttl", "其中既没有 logstoreName 也没有 ttl"));
        return None;
    }
    Some((obj, String::new()))
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

fn entry(field: &str, change: &'static str, before: Option<&Value>, after: Option<&Value>, why: (&str, &str)) -> DiffEntry {
    DiffEntry {
        field: field.to_string(),
        change,
        before: before.cloned(),
        after: after.cloned(),
        reason: why.0.to_string(),
        reason_zh: why.1.to_string(),
    }
}

/// Merges `wanted` into the Logstore pasted as `current`. `wanted` is `None` when the encryption
/// section is incomplete (then the stored configuration, if any, is sent unchanged).
pub fn merge(intent: &Intent, current: &Source, wanted: Option<EncryptConf>, out: &mut Vec<Finding>) -> Option<Merged> {
    let (obj, inner) = unwrap_logstore(current, out)?;
    let path = format!("{}{inner}", current.prefix);
    logstore::check_spelling(obj, &path, out);
    logstore::check(obj, &path, false, out);
    if let (Some(name), Some(target)) = (obj.get("logstoreName").and_then(Value::as_str), &intent.target.logstore)
        && name != target.as_str()
    {
        out.push(Finding::new(
            Code::NameMismatch,
            join(&path, "logstoreName"),
            t!(
                format!("The pasted Logstore is \"{name}\" but the target is \"{target}\"."),
                format!("粘贴的日志库为 \"{name}\"，但目标日志库为 \"{target}\"。")
            ),
            t!(
                "Paste the GetLogStore response of the target Logstore, or correct the target.",
                "请粘贴目标日志库的 GetLogStore 响应，或更正目标。"
            ),
        ));
    }
    if obj.get("telemetryType").and_then(Value::as_str) == Some("Metrics") {
        out.push(Finding::new(
            Code::Metricstore,
            join(&path, "telemetryType"),
            t!(
                "This is a Metricstore (telemetryType \"Metrics\"); encryption applies to it the same way.",
                "这是时序库（telemetryType 为 \"Metrics\"）；加密方式相同。"
            ),
            t!("Nothing to do if you meant this store.", "如确为此库则无需处理。"),
        ));
    }

    let conf_path = join(&path, "encrypt_conf");
    let stored = encryption::stored(obj.get("encrypt_conf"), &conf_path, out);
    let conf = match (&wanted, &stored) {
        (Some(w), Some(s)) => Some(encryption::permanence(w, s, out)),
        (Some(w), None) if !w.enable => {
            out.push(Finding::new(
                Code::NothingToEncrypt,
                "/encryption/enable",
                t!(
                    "Encryption is requested off, and this Logstore has none: nothing to change, so no encrypt_conf is sent (sending one could fix an algorithm for good).",
                    "请求关闭加密，而该日志库尚未加密：无需更改，因此不发送 encrypt_conf（发送可能会永久固定算法）。"
                ),
                t!("Set enable to true to encrypt the Logstore.", "如需加密该日志库，请将 enable 设为 true。"),
            ));
            None
        }
        (Some(w), None) => Some(w.clone()),
        (None, s) => s.clone(),
    };
    if let Some(c) = &conf {
        encryption::one_way_warnings(c, stored.is_none(), true, out);
    }

    let mut body = Map::new();
    let mut diff = Vec::new();
    for (key, value) in obj {
        let at = join(&path, key);
        match logstore::classify(key) {
            FieldClass::Updatable if key == "encrypt_conf" => {
                if let Some(c) = &conf {
                    let new = c.to_value();
                    let change = if &new == value { "kept" } else { "changed" };
                    diff.push(entry(
                        key,
                        change,
                        Some(value),
                        Some(&new),
                        if change == "kept" {
                            ("already as wanted", "已是所需设置")
                        } else {
                            (
                                "the complete encrypt_conf, as every UpdateLogStore must carry",
                                "完整的 encrypt_conf，每次 UpdateLogStore 都必须携带",
                            )
                        },
                    ));
                    body.insert(key.clone(), new);
                } else {
                    diff.push(entry(key, "kept", Some(value), Some(value), ("sent back as stored", "按原样发回")));
                    body.insert(key.clone(), value.clone());
                }
            }
            FieldClass::Updatable => {
                diff.push(entry(
                    key,
                    "kept",
                    Some(value),
                    Some(value),
                    ("kept: UpdateLogStore would reset it if left out", "保留：不发送会被 UpdateLogStore 重置"),
                ));
                body.insert(key.clone(), value.clone());
            }
            FieldClass::ReadOnly => {
                let (en, zh) = logstore::read_only_reason(key).unwrap_or(("output only", "仅输出"));
                out.push(logstore::read_only_dropped(key, at));
                diff.push(entry(key, "dropped", Some(value), None, (en, zh)));
            }
            FieldClass::Unknown => match intent.unknown_fields {
                UnknownFields::Keep => {
                    out.push(Finding::new(
                        Code::UnknownKept,
                        at,
                        t!(
                            format!("\"{key}\" is a field this tool does not know (a newer API field?); it is kept in the body so the update does not reset it."),
                            format!("\"{key}\" 是本工具未知的字段（可能是较新的 API 字段）；已保留在请求体中，避免更新时被重置。")
                        ),
                        t!("Check it belongs in UpdateLogStore; set unknown_fields to \"drop\" to leave such fields out.", "请确认该字段属于 UpdateLogStore；如需去掉此类字段，将 unknown_fields 设为 \"drop\"。"),
                    ));
                    diff.push(entry(
                        key,
                        "kept",
                        Some(value),
                        Some(value),
                        ("unknown field, kept (unknown_fields: keep)", "未知字段，已保留（unknown_fields: keep）"),
                    ));
                    body.insert(key.clone(), value.clone());
                }
                UnknownFields::Drop => {
                    out.push(Finding::new(
                        Code::UnknownDropped,
                        at,
                        t!(
                            format!("\"{key}\" is a field this tool does not know; it is dropped as you chose, so if UpdateLogStore takes it, it will be reset."),
                            format!("\"{key}\" 是本工具未知的字段；已按您的选择去掉，若 UpdateLogStore 接受该字段，它将被重置。")
                        ),
                        t!("Set unknown_fields to \"keep\" unless you know the API rejects it.", "除非确认 API 不接受，否则请将 unknown_fields 设为 \"keep\"。"),
                    ));
                    diff.push(entry(
                        key,
                        "dropped",
                        Some(value),
                        None,
                        ("unknown field, dropped (unknown_fields: drop)", "未知字段，已去掉（unknown_fields: drop）"),
                    ));
                }
            },
        }
    }
    if !body.contains_key("encrypt_conf")
        && let Some(c) = &conf
    {
        let new = c.to_value();
        diff.push(entry("encrypt_conf", "added", None, Some(&new), ("the encryption you asked for", "您要求的加密设置")));
        body.insert("encrypt_conf".into(), new);
    }
    let blast_radius = blast_radius(obj);
    Some(Merged { body, conf, diff, blast_radius })
}

/// The settings naive partial updates would reset or lose, with their current values.
fn blast_radius(obj: &Map<String, Value>) -> Vec<BlastRadius> {
    let lost = |keep: &dyn Fn(&str) -> bool| -> Map<String, Value> {
        obj.iter().filter(|(k, _)| logstore::classify(k) != FieldClass::ReadOnly && !keep(k)).map(|(k, v)| (k.clone(), v.clone())).collect()
    };
    vec![
        BlastRadius {
            client: "encrypt_conf_only",
            description: "An UpdateLogStore body with only logstoreName and encrypt_conf: every other setting goes back to its default.".into(),
            description_zh: "只含 logstoreName 和 encrypt_conf 的 UpdateLogStore 请求体：其他所有设置都会恢复默认值。".into(),
            lost: lost(&|k| k == "logstoreName" || k == "encrypt_conf"),
        },
        BlastRadius {
            client: "python_sdk_update_logstore",
            description: "aliyun-log-python-sdk's update_logstore re-sends only a few fields and silently drops hot_ttl, mode, infrequentAccessTTL, telemetryType and any field it does not know.".into(),
            description_zh: "aliyun-log-python-sdk 的 update_logstore 只重发少数字段，会静默丢弃 hot_ttl、mode、infrequentAccessTTL、telemetryType 以及它不认识的字段。".into(),
            lost: lost(&|k| {
                ["logstoreName", "ttl", "shardCount", "enable_tracking", "autoSplit", "maxSplitShard", "appendMeta", "encrypt_conf"].contains(&k)
            }),
        },
        BlastRadius {
            client: "go_sdk_update_logstore_v2",
            description: "aliyun-log-go-sdk's UpdateLogStoreV2 sends zero or false for every field the caller did not set.".into(),
            description_zh: "aliyun-log-go-sdk 的 UpdateLogStoreV2 会为调用方未设置的每个字段发送零值或 false。".into(),
            lost: lost(&|k| k == "logstoreName" || k == "encrypt_conf"),
        },
    ]
}
