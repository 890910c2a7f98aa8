//! The Logstore body: which fields UpdateLogStore takes, and the rules on their values.

use crate::choice::{Choice, LogstoreMode, TelemetryType};
use crate::finding::{Code, Finding, t};
use crate::json::Members;
use crate::pointer::join;
use serde_json::{Map, Value};

/// The SLS endpoint of a region (a project's host is `{project}.` before it).
pub fn endpoint(region: &crate::ids::Region) -> String {
    [region.as_str(), ENDPOINT_SUFFIX].concat()
}

/// What follows the region in an SLS endpoint.
pub const ENDPOINT_SUFFIX: &str = ".log.aliyuncs.com";

/// Fields UpdateLogStore and CreateLogStore take: the request-body fields of their API references,
/// spelled as the API spells them (the mix of styles is real).
pub const UPDATABLE: &[&str] = &[
    "logstoreName",
    "ttl",
    "shardCount",
    "autoSplit",
    "maxSplitShard",
    "appendMeta",
    "enable_tracking",
    "hot_ttl",
    "infrequentAccessTTL",
    "mode",
    "telemetryType",
    "shardingPolicy",
    "encrypt_conf",
];

/// Fields GetLogStore returns that UpdateLogStore does not take, with the reason (en, zh).
pub const READ_ONLY: &[(&str, &str, &str)] = &[
    ("createTime", "output only (set by the service when the Logstore was created)", "只读字段（创建日志库时由服务设置）"),
    ("lastModifyTime", "output only (set by the service on every change)", "只读字段（每次修改时由服务设置）"),
    ("productType", "output only (which product created the Logstore)", "只读字段（创建该日志库的产品）"),
    ("resourceQuota", "output only (the storage quota report)", "只读字段（存储配额信息）"),
    ("archiveSeconds", "output only (UpdateLogStore does not take it)", "只读字段（UpdateLogStore 不接受）"),
    ("enableModify", "output only (whether the console allows changes)", "只读字段（控制台是否允许修改）"),
    ("processorId", "has its own API (the ingest processor APIs)", "有单独的 API（写入处理器相关 API）"),
    ("resourceGroupId", "has its own API (ChangeResourceGroup)", "有单独的 API（ChangeResourceGroup）"),
];

/// The reason a read-only field is dropped, if `key` is one.
pub fn read_only_reason(key: &str) -> Option<(&'static str, &'static str)> {
    READ_ONLY.iter().find(|(k, _, _)| *k == key).map(|(_, en, zh)| (*en, *zh))
}

/// The info finding for a read-only field left out of a request body.
pub fn read_only_dropped(key: &str, at: String) -> Finding {
    let (en, zh) = read_only_reason(key).unwrap_or(("output only", "只读字段"));
    let shown = crate::limits::excerpt(key).to_cow();
    let shown = shown.as_ref();
    Finding::new(
        Code::ReadOnlyDropped,
        at,
        t!(["\"", shown, "\" is left out of the request body: ", en, "."].concat(), ["\"", shown, "\" 未放入请求体：", zh, "。"].concat()),
        t!(
            "Nothing to do: UpdateLogStore and CreateLogStore do not take it, and leaving it out changes nothing.",
            "无需处理：UpdateLogStore 和 CreateLogStore 不接受该字段，不发送也不会改变任何设置。"
        ),
    )
}

/// How a top-level field of a Logstore document is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldClass {
    /// Taken by UpdateLogStore.
    Updatable,
    /// Returned by GetLogStore, not taken by UpdateLogStore.
    ReadOnly,
    /// Not named by any list: a newer API field.
    Unknown,
}

/// Classifies a top-level Logstore key.
pub fn classify(key: &str) -> FieldClass {
    if UPDATABLE.contains(&key) {
        FieldClass::Updatable
    } else if read_only_reason(key).is_some() {
        FieldClass::ReadOnly
    } else {
        FieldClass::Unknown
    }
}

fn int(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 1e15).map(|f| f as i64))
}

/// Checks a Logstore body's values against the API references' rules (each finding's fix states the
/// rule, e.g. ttl 1-3650 days). `path` is the body's pointer in the intent; `create` demands what
/// CreateLogStore needs (shardCount).
pub fn check(body: &Map<String, Value>, path: &str, create: bool, out: &mut Vec<Finding>) {
    let b = Body { body, path };
    for key in ["autoSplit", "appendMeta", "enable_tracking"] {
        b.typed(key, is_bool, "true or false", "布尔值（true 或 false）", out);
    }
    if body.has("logstoreName") {
        b.typed("logstoreName", Value::is_string, "a string", "字符串", out);
    }
    b.typed("infrequentAccessTTL", is_int, "a whole number of days", "整数天数", out);
    if body.has("shardingPolicy") && !body["shardingPolicy"].is_object() && !body["shardingPolicy"].is_null() {
        b.typed("shardingPolicy", Value::is_object, "an object", "对象", out);
    }
    let ttl = check_ttl(&b, out);
    check_hot_ttl(&b, ttl, out);
    check_split(&b, out);
    check_shard_count(&b, create, out);
    check_mode(&b, out);
    check_telemetry_type(&b, out);
}

fn is_int(v: &Value) -> bool {
    int(v).is_some()
}

fn is_bool(v: &Value) -> bool {
    v.is_boolean()
}

/// A Logstore body being checked, at its pointer in the intent.
struct Body<'a> {
    body: &'a Map<String, Value>,
    path: &'a str,
}

impl Body<'_> {
    fn p(&self, key: &str) -> String {
        join(self.path, key)
    }

    /// True when `key` is given with a value `ok` accepts; a finding when it is given otherwise.
    fn typed(&self, key: &str, ok: fn(&Value) -> bool, want: &str, want_zh: &str, out: &mut Vec<Finding>) -> bool {
        match self.body.member(key) {
            Some(v) if !ok(v) => {
                let v = v.to_string();
                let v = crate::limits::excerpt(&v);
                out.push(Finding::new(
                    Code::BadFieldType,
                    self.p(key),
                    t!(format!("{key} must be {want}, not {v}."), format!("{key} 应为{want_zh}，而不是 {v}。")),
                    t!(
                        format!("Write {key} as {want} (no quotes around numbers or booleans)."),
                        format!("请将 {key} 写为{want_zh}，数字和布尔值不加引号。")
                    ),
                ));
                false
            }
            Some(_) => true,
            None => false,
        }
    }
}

/// `ttl`: required, 1-3650 days; returns it when it is a whole number.
fn check_ttl(b: &Body<'_>, out: &mut Vec<Finding>) -> Option<i64> {
    let ttl = if b.typed("ttl", is_int, "a whole number of days", "整数天数", out) { int(&b.body["ttl"]) } else { None };
    match ttl {
        None if !b.body.has("ttl") => out.push(Finding::new(
            Code::BadTtl,
            b.p("ttl"),
            t!("ttl (data retention in days) is missing; it is required.", "缺少 ttl（数据保存天数），该字段必填。"),
            t!(
                "Add \"ttl\": the number of days to keep data (1-3650; 3650 keeps it forever).",
                "请添加 \"ttl\"：数据保存天数（1-3650；3650 表示永久保存）。"
            ),
        )),
        Some(t) if !(1..=3650).contains(&t) => out.push(Finding::new(
            Code::BadTtl,
            b.p("ttl"),
            t!(format!("ttl is {t}; it must be 1-3650 days."), format!("ttl 为 {t}；必须在 1-3650 天之间。")),
            t!("Use 1-3650 (3650 keeps data forever).", "请使用 1-3650（3650 表示永久保存）。"),
        )),
        _ => {}
    }
    ttl
}

/// `hot_ttl`: 7 days up to `ttl` (older docs: at least 30).
fn check_hot_ttl(b: &Body<'_>, ttl: Option<i64>, out: &mut Vec<Finding>) {
    if b.typed("hot_ttl", is_int, "a whole number of days", "整数天数", out)
        && let Some(h) = int(&b.body["hot_ttl"])
    {
        let max = ttl.unwrap_or(3650);
        if h < 7 || h > max {
            out.push(Finding::new(
                Code::BadHotTtl,
                b.p("hot_ttl"),
                t!(
                    format!("hot_ttl is {h}; it must be at least 7 and at most ttl ({max})."),
                    format!("hot_ttl 为 {h}；必须不小于 7 且不大于 ttl（{max}）。")
                ),
                t!(
                    format!("Use a value from 7 to {max}, or remove hot_ttl to keep all data hot."),
                    format!("请使用 7 到 {max} 之间的值，或删除 hot_ttl 使全部数据为热存储。")
                ),
            ));
        } else if h < 30 {
            out.push(Finding::new(
                Code::HotTtlOldLimit,
                b.p("hot_ttl"),
                t!(
                    format!("hot_ttl is {h}: current docs allow 7 or more, older docs said at least 30."),
                    format!("hot_ttl 为 {h}：现行文档允许不小于 7，旧版文档要求不小于 30。")
                ),
                t!("Nothing to do unless the API refuses it; then use 30 or more.", "如 API 未拒绝则无需处理；如被拒绝请使用 30 及以上。"),
            ));
        }
    }
}

/// `autoSplit` needs `maxSplitShard`, which is 1-256 (older docs: up to 64).
fn check_split(b: &Body<'_>, out: &mut Vec<Finding>) {
    let auto_split = b.body.member("autoSplit").and_then(Value::as_bool) == Some(true);
    if auto_split && !b.body.has("maxSplitShard") {
        out.push(Finding::new(
            Code::AutoSplitNoMax,
            b.p("autoSplit"),
            t!("autoSplit is true but maxSplitShard is missing.", "autoSplit 为 true，但缺少 maxSplitShard。"),
            t!("Add \"maxSplitShard\" (1-256), e.g. 64.", "请添加 \"maxSplitShard\"（1-256），例如 64。"),
        ));
    }
    if b.typed("maxSplitShard", is_int, "a whole number", "整数", out)
        && let Some(m) = int(&b.body["maxSplitShard"])
    {
        if !(1..=256).contains(&m) {
            out.push(Finding::new(
                Code::BadMaxSplitShard,
                b.p("maxSplitShard"),
                t!(format!("maxSplitShard is {m}; it must be 1-256."), format!("maxSplitShard 为 {m}；必须在 1-256 之间。")),
                t!("Use 1-256.", "请使用 1-256。"),
            ));
        } else if m > 64 {
            out.push(Finding::new(
                Code::MaxSplitOldLimit,
                b.p("maxSplitShard"),
                t!(
                    format!("maxSplitShard is {m}: current docs allow up to 256, older docs up to 64."),
                    format!("maxSplitShard 为 {m}：现行文档上限为 256，旧版文档为 64。")
                ),
                t!("Nothing to do unless the API refuses it; then use 64 or less.", "如 API 未拒绝则无需处理；如被拒绝请使用 64 及以下。"),
            ));
        }
    }
}

/// `shardCount`: 1-256, required to create a Logstore.
fn check_shard_count(b: &Body<'_>, create: bool, out: &mut Vec<Finding>) {
    let shards = b.typed("shardCount", is_int, "a whole number", "整数", out);
    if create && !b.body.has("shardCount") {
        out.push(Finding::new(
            Code::BadShardCount,
            b.p("shardCount"),
            t!("shardCount is required to create a Logstore.", "创建日志库时必须填写 shardCount。"),
            t!("Add \"shardCount\", e.g. 2.", "请添加 \"shardCount\"，例如 2。"),
        ));
    } else if shards && int(&b.body["shardCount"]).is_some_and(|n| !(1..=256).contains(&n)) {
        out.push(Finding::new(
            Code::BadShardCount,
            b.p("shardCount"),
            t!(
                format!("shardCount is {}; it must be 1-256.", b.body["shardCount"]),
                format!("shardCount 为 {}；必须在 1-256 之间。", b.body["shardCount"])
            ),
            t!("Use a shard count from 1 to 256.", "请使用 1 到 256 之间的分片数。"),
        ));
    }
}

/// `mode`: `standard` or `query`.
fn check_mode(b: &Body<'_>, out: &mut Vec<Finding>) {
    if let Some(mode) = b.body.member("mode") {
        match mode.as_str() {
            Some(m) if LogstoreMode::WIRE.contains(&m) => {}
            other => out.push(Finding::new(
                Code::BadMode,
                b.p("mode"),
                t!(
                    format!(
                        "mode is {mode}; UpdateLogStore takes \"standard\" or \"query\"{}.",
                        if other == Some("lite") { " (some sources mention \"lite\", the API docs do not)" } else { "" }
                    ),
                    format!(
                        "mode 为 {mode}；UpdateLogStore 只接受 \"standard\" 或 \"query\"{}。",
                        if other == Some("lite") { "（部分资料提到 \"lite\"，API 文档未列出）" } else { "" }
                    )
                ),
                t!("Use \"standard\" or \"query\".", "请使用 \"standard\" 或 \"query\"。"),
            )),
        }
    }
}

/// `telemetryType`: `None` (logs) or `Metrics`.
fn check_telemetry_type(b: &Body<'_>, out: &mut Vec<Finding>) {
    if let Some(tt) = b.body.member("telemetryType") {
        match tt.as_str() {
            Some(t) if t.is_empty() || TelemetryType::WIRE.contains(&t) => {}
            _ => out.push(Finding::new(
                Code::BadTelemetryType,
                b.p("telemetryType"),
                t!(
                    format!("telemetryType is {tt}; it must be \"None\" (logs) or \"Metrics\"."),
                    format!("telemetryType 为 {tt}；必须是 \"None\"（日志）或 \"Metrics\"（指标）。")
                ),
                t!(
                    "Use \"None\" for a Logstore or \"Metrics\" for a Metricstore (note the capital letters).",
                    "日志库请使用 \"None\"，时序库请使用 \"Metrics\"（注意大小写）。"
                ),
            )),
        }
    }
}

/// camelCase spellings of the encryption keys (UpdateLogStoreEncryption's), wrong in a Logstore body.
pub const CAMEL_KEYS: &[(&str, &str)] = &[
    ("encryptConf", "encrypt_conf"),
    ("encryptType", "encrypt_type"),
    ("userCmkInfo", "user_cmk_info"),
    ("keyId", "cmk_key_id"),
    ("roleArn", "arn"),
    ("regionId", "region_id"),
    ("cmkKeyId", "cmk_key_id"),
];

/// Reports camelCase encryption keys in a Logstore body (silently ignored by UpdateLogStore).
pub fn check_spelling(body: &Map<String, Value>, path: &str, out: &mut Vec<Finding>) {
    let mut check = |obj: &Map<String, Value>, at: &str| {
        for (camel, snake) in CAMEL_KEYS {
            if obj.has(camel) {
                out.push(Finding::new(
                    Code::CamelCaseKeys,
                    join(at, camel),
                    t!(
                        format!("\"{camel}\" is the UpdateLogStoreEncryption spelling; in a Logstore body the key is \"{snake}\" and \"{camel}\" is silently ignored."),
                        format!("\"{camel}\" 是 UpdateLogStoreEncryption 接口的写法；日志库请求体中应为 \"{snake}\"，\"{camel}\" 会被静默忽略。")
                    ),
                    t!(format!("Rename it to \"{snake}\"."), format!("请改名为 \"{snake}\"。")),
                ));
            }
        }
    };
    check(body, path);
    for key in ["encrypt_conf", "encryptConf"] {
        if let Some(Value::Object(conf)) = body.member(key) {
            let at = join(path, key);
            check(conf, &at);
            for inner in ["user_cmk_info", "userCmkInfo"] {
                if let Some(Value::Object(info)) = conf.member(inner) {
                    check(info, &join(&at, inner));
                }
            }
        }
    }
}
