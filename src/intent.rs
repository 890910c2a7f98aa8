//! The intent: what the user wants, read from JSON with a finding for every bad field.

use crate::choice::{Algorithm, Choice, TargetKind};
use crate::finding::{Code, Finding, Lang, t};
use crate::ids::{AccountId, CmkId, Invalid, LogstoreName, PolicyName, ProjectName, Region, RoleArn, RoleName, UserName, nearest};
use crate::json::Members;
use crate::limits::{MAX_PASTED_BYTES, document_too_large, excerpt, json_size_upto, too_large_bytes};
use crate::pointer::join;
use crate::text::{self, Document, Source};
use serde_json::{Map, Value};

pub use crate::choice::{KeyKind, Operation, PassRoleScope, UnknownFields};

/// Where the change goes.
#[derive(Debug, Clone, Default)]
pub struct Target {
    /// Region of the SLS endpoint.
    pub region: Option<Region>,
    /// The account id.
    pub account_id: Option<AccountId>,
    /// Project name.
    pub project: Option<ProjectName>,
    /// Logstore name.
    pub logstore: Option<LogstoreName>,
    /// True for the Cloud Firewall preset.
    pub cloud_firewall: bool,
}

/// The encryption the user wants.
#[derive(Debug, Clone)]
pub struct Encryption {
    /// Encryption on or off.
    pub enable: bool,
    /// The algorithm as given (`default`, `sm4`; anything else is reported).
    pub encrypt_type: String,
    /// Service key or BYOK.
    pub key: KeyKind,
    /// BYOK: the CMK.
    pub cmk_key_id: Option<CmkId>,
    /// BYOK: the CMK's region (defaults to the target region).
    pub cmk_region_id: Option<Region>,
    /// BYOK: the role's name.
    pub role_name: Option<RoleName>,
    /// BYOK: the role's ARN.
    pub role_arn: Option<RoleArn>,
    /// True when only `enable` was given: an update then keeps every stored setting.
    pub only_enable: bool,
    /// True when neither a role name nor an ARN was given, so the default role name is used.
    pub role_name_defaulted: bool,
}

/// The RAM side of BYOK.
#[derive(Debug, Clone)]
pub struct Ram {
    /// Create the role (true) or use an existing one.
    pub create_role: bool,
    /// The RAM user who configures encryption (gets PassRole).
    pub user_name: Option<UserName>,
    /// True when a user name was given at all (even one that is not valid).
    pub user_name_given: bool,
    /// Name of the PassRole policy.
    pub passrole_policy_name: PolicyName,
    /// Scope of the PassRole policy.
    pub passrole_scope: PassRoleScope,
    /// The existing role's trust policy, when pasted.
    pub current_trust_policy: Option<Source>,
}

/// A whole intent, read and checked.
#[derive(Debug, Clone)]
pub struct Intent {
    /// Where.
    pub target: Target,
    /// Create or update.
    pub operation: Operation,
    /// The GetLogStore response (update).
    pub current: Option<Source>,
    /// The new Logstore's settings (create), wire names.
    pub logstore: Option<Source>,
    /// The encryption wanted.
    pub encryption: Encryption,
    /// The RAM side.
    pub ram: Ram,
    /// Unknown GetLogStore fields: keep or drop.
    pub unknown_fields: UnknownFields,
    /// The language of the exports' comments and of the change ticket (`en` by default).
    pub lang: Lang,
    /// The GetLogStore response read after the requests were sent, to verify the change.
    pub after: Option<Source>,
    /// True when `after` was given at all (even as text that could not be read).
    pub after_given: bool,
}

/// Default name of the BYOK role.
pub const DEFAULT_ROLE_NAME: &str = "sls-byok-kms-role";
/// Default name of the PassRole policy.
pub const DEFAULT_PASSROLE_POLICY: &str = "sls-byok-passrole";

const TOP_KEYS: &[&str] =
    &["$schema", "version", "target", "operation", "current", "logstore", "encryption", "ram", "unknown_fields", "lang", "after"];
const TARGET_KEYS: &[&str] = &["region", "account_id", "project", "logstore", "preset"];
const ENCRYPTION_KEYS: &[&str] = &["enable", "encrypt_type", "key", "cmk_key_id", "cmk_region_id", "role_name", "role_arn"];
const RAM_KEYS: &[&str] = &["create_role", "user_name", "passrole_policy_name", "passrole_scope", "current_trust_policy"];

/// Reads fields of one object of the intent, reporting every problem as a finding.
struct Fields<'a> {
    obj: Option<&'a Map<String, Value>>,
    path: String,
}

impl<'a> Fields<'a> {
    fn section(root: &'a Map<String, Value>, key: &str, known: &[&'static str], out: &mut Vec<Finding>) -> Fields<'a> {
        let path = join("", key);
        let obj = match root.member(key) {
            None | Some(Value::Null) => None,
            Some(Value::Object(o)) => Some(o),
            Some(other) => {
                out.push(wrong_type(&path, "an object", "对象", other));
                None
            }
        };
        if let Some(o) = obj {
            unknown_keys(o, &path, known, out);
        }
        Fields { obj, path }
    }

    /// The intent's top level, as fields (its unknown keys are reported by the caller).
    fn root(root: &'a Map<String, Value>) -> Fields<'a> {
        Fields { obj: Some(root), path: String::new() }
    }

    fn raw(&self, key: &str) -> Option<&'a Value> {
        self.obj.and_then(|o| o.member(key)).filter(|v| !v.is_null())
    }

    fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn string(&self, key: &str, out: &mut Vec<Finding>) -> Option<&'a str> {
        match self.raw(key)? {
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => Some(s),
            other => {
                out.push(wrong_type(&self.path(key), "a string", "字符串", other));
                None
            }
        }
    }

    fn bool(&self, key: &str, default: bool, out: &mut Vec<Finding>) -> bool {
        match self.raw(key) {
            None => default,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                out.push(wrong_type(&self.path(key), "true or false", "布尔值（true 或 false）", other));
                default
            }
        }
    }

    fn parsed<T>(&self, key: &str, parse: fn(&str) -> Result<T, Invalid>, out: &mut Vec<Finding>) -> Option<T> {
        let s = self.string(key, out)?;
        match parse(s) {
            Ok(v) => Some(v),
            Err(e) => {
                out.push(Finding::new(e.code, self.path(key), e.message, e.fix));
                None
            }
        }
    }

    /// The value of a [`Choice`] (its wire values as [`Fields::choice`] reads them).
    fn pick<C: Choice>(&self, key: &str, out: &mut Vec<Finding>) -> Option<C> {
        let wire = self.choice(key, C::WIRE, out)?;
        C::from_wire(wire)
    }

    fn choice(&self, key: &str, allowed: &[&'static str], out: &mut Vec<Finding>) -> Option<&'static str> {
        let s = self.string(key, out)?;
        match allowed.iter().find(|a| a.eq_ignore_ascii_case(s.trim())) {
            Some(a) => Some(a),
            None => {
                let list = allowed.join(", ");
                let s = excerpt(s);
                out.push(Finding::new(
                    Code::BadEnum,
                    self.path(key),
                    t!(format!("\"{s}\" is not one of: {list}."), format!("\"{s}\" 不是可选值之一：{list}。")),
                    t!(format!("Use one of: {list}."), format!("请使用以下值之一：{list}。")),
                ));
                None
            }
        }
    }
}

fn type_name(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("a boolean", "布尔值"),
        Value::Number(_) => ("a number", "数字"),
        Value::String(_) => ("a string", "字符串"),
        Value::Array(_) => ("an array", "数组"),
        Value::Object(_) => ("an object", "对象"),
    }
}

/// A finding for a value of the wrong JSON type.
pub fn wrong_type(path: &str, expected: &str, expected_zh: &str, got: &Value) -> Finding {
    let (en, zh) = type_name(got);
    Finding::new(
        Code::WrongType,
        path,
        t!(format!("{path} must be {expected}, not {en}."), format!("{path} 应为{expected_zh}，而不是{zh}。")),
        t!(format!("Give {expected} here."), format!("请在此处填写{expected_zh}。")),
    )
}

fn unknown_keys(obj: &Map<String, Value>, path: &str, known: &[&'static str], out: &mut Vec<Finding>) {
    for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
        let shown = excerpt(key);
        let fix = match nearest(key, known) {
            Some(near) => t!(
                format!("Check the spelling (did you mean \"{near}\"?) or remove it."),
                format!("请检查拼写（是否应为 \"{near}\"？）或删除。")
            ),
            None => {
                let list = known.join(", ");
                t!(format!("Remove it; the fields allowed here are: {list}."), format!("请删除；此处允许的字段为：{list}。"))
            }
        };
        out.push(Finding::new(
            Code::UnknownIntentField,
            join(path, key),
            t!(
                format!("\"{shown}\" is not a field of the intent here; it is ignored."),
                format!("\"{shown}\" 不是此处的意图字段，已忽略。")
            ),
            fix,
        ));
    }
}

/// Missing-field finding; the fix says where to find the value, not just that it is needed.
pub fn missing(path: &str, what: &str, what_zh: &str) -> Finding {
    let fix = match path {
        "/target/region" => t!(
            "Enter the region id the Logstore is in, e.g. cn-hangzhou (the SLS console shows it next to the project).",
            "请输入日志库所在地域的 ID，例如 cn-hangzhou（日志服务控制台在项目旁显示）。"
        ),
        "/target/account_id" => {
            t!("Copy the account id (UID) from the console's account menu (top right).", "请从控制台右上角的账号菜单复制账号 ID（UID）。")
        }
        "/target/project" | "/target/logstore" => {
            t!("Copy the name from the SLS console's project list.", "请从日志服务控制台的项目列表复制名称。")
        }
        "/current" => t!(
            "Run the GetLogStore command shown next to the field and paste its whole output.",
            "请运行该字段旁显示的 GetLogStore 命令，并粘贴其完整输出。"
        ),
        "/logstore" => t!(
            "Give at least the retention (ttl, days) and the shard count (shardCount).",
            "请至少填写数据保存时间（ttl，天）和分片数（shardCount）。"
        ),
        "/encryption/cmk_key_id" => t!(
            "Copy the key id of your CMK from the KMS console (key-… or a UUID).",
            "请从 KMS 控制台复制您的 CMK 的密钥 ID（key-… 或 UUID）。"
        ),
        _ => t!(format!("Fill in {what}."), format!("请填写{what_zh}。")),
    };
    let mut what_en = what.to_string();
    if let Some(first) = what_en.get(0..1) {
        what_en.replace_range(0..1, &first.to_ascii_uppercase());
    }
    let verb = if what.ends_with("settings") { "are" } else { "is" };
    let gap = if what_zh.starts_with(|c: char| c.is_ascii_alphanumeric()) { " " } else { "" };
    Finding::new(Code::Missing, path, t!(format!("{what_en} {verb} missing."), format!("尚未填写{gap}{what_zh}。")), fix)
}

/// Reads a pasted document (text or object) at `prefix`, reporting text issues as findings; one
/// over [`MAX_PASTED_BYTES`] (or the page's stand-in for one) is refused unread.
pub fn source(value: &Value, prefix: &str, intent_doc: &Document, out: &mut Vec<Finding>) -> Option<Source> {
    match value {
        Value::String(s) if s.len() > MAX_PASTED_BYTES => {
            out.push(document_too_large(prefix, s.len()).at(Some((1, 1))));
            None
        }
        Value::String(s) => {
            let read = text::read(s);
            out.extend(read.issues.iter().map(|i| i.finding(prefix)));
            read.document.map(|document| Source { prefix: prefix.to_string(), document, chars: s.chars().count() })
        }
        Value::Object(_) if too_large_bytes(value).is_some() => {
            out.push(document_too_large(prefix, too_large_bytes(value).unwrap_or_default()).at(Some((1, 1))));
            None
        }
        Value::Object(_) if json_size_upto(value, MAX_PASTED_BYTES) > MAX_PASTED_BYTES => {
            out.push(document_too_large(prefix, json_size_upto(value, usize::MAX)).at(intent_doc.position(prefix)));
            None
        }
        Value::Object(_) => {
            let mut document = Document::from_value(value.clone());
            document.rebase(intent_doc, prefix);
            Some(Source { prefix: prefix.to_string(), document, chars: crate::json::compact_chars(value) })
        }
        Value::Null => None,
        other => {
            out.push(wrong_type(prefix, "a JSON object or its text", "JSON 对象或其文本", other));
            None
        }
    }
}

impl Intent {
    /// Reads an intent document. Returns `None` (with findings) when it is not an intent at all.
    pub fn read(doc: &Document, out: &mut Vec<Finding>) -> Option<Intent> {
        let root = read_root(doc, out)?;
        unknown_keys(root, "", TOP_KEYS, out);
        let target = read_target(root, out);
        let operation = read_operation(root, out);
        check_new_logstore_name(operation, &target, out);
        let Documents { current, logstore, after, after_given } = read_documents(root, doc, operation, out);
        let (encryption, ram) = read_encryption_and_ram(root, doc, target.region.as_ref(), out);
        let unknown_fields = Fields::root(root).pick("unknown_fields", out).unwrap_or(UnknownFields::Keep);
        let lang = Fields::root(root).pick("lang", out).unwrap_or(Lang::En);
        Some(Intent { target, operation, current, logstore, encryption, ram, unknown_fields, lang, after, after_given })
    }
}

/// The intent's top-level object, when it is one of a version this tool reads.
fn read_root<'a>(doc: &'a Document, out: &mut Vec<Finding>) -> Option<&'a Map<String, Value>> {
    let Some(root) = doc.value.as_object() else {
        out.push(Finding::new(
            Code::IntentNotObject,
            "",
            t!("The intent must be a JSON object.", "意图必须是 JSON 对象。"),
            t!("Start from the example intent in the README.", "请参考 README 中的意图示例。"),
        ));
        return None;
    };
    match root.member("version") {
        None => Some(root),
        Some(Value::Number(n)) if n.as_u64() == Some(1) => Some(root),
        Some(other) => {
            let other = other.to_string();
            let other = excerpt(&other);
            out.push(Finding::new(
                Code::IntentVersion,
                "/version",
                t!(
                    format!("Intent version {other} is not supported; this tool reads version 1."),
                    format!("不支持意图版本 {other}；本工具读取版本 1。")
                ),
                t!("Set \"version\": 1.", "请设置 \"version\": 1。"),
            ));
            None
        }
    }
}

/// `/target`: where the change goes; the Cloud Firewall preset names the project and Logstore.
fn read_target(root: &Map<String, Value>, out: &mut Vec<Finding>) -> Target {
    let tf = Fields::section(root, "target", TARGET_KEYS, out);
    let region = tf.parsed("region", Region::parse, out);
    let account_id = tf.parsed("account_id", AccountId::parse, out);
    let project = tf.parsed("project", ProjectName::parse, out);
    let logstore = tf.parsed("logstore", LogstoreName::parse, out);
    let cloud_firewall = tf.choice("preset", TargetKind::PRESETS, out).is_some();
    if region.is_none() && tf.raw("region").is_none() {
        out.push(missing("/target/region", "the region", "地域"));
    }
    if let Some(a) = &account_id
        && !a.is_usual_length()
    {
        out.push(Finding::new(
            Code::AccountIdLength,
            "/target/account_id",
            t!(
                format!("The account id has {} digits; real account ids have 16.", a.as_str().len()),
                format!("账号 ID 有 {} 位；真实账号 ID 为 16 位。", a.as_str().len())
            ),
            t!("Copy the account id (UID) from the console's account menu.", "请从控制台账号菜单复制账号 ID（UID）。"),
        ));
    }
    let (project, logstore) = if cloud_firewall {
        cloud_firewall_names(&tf, (region.as_ref(), account_id.as_ref()), project, logstore, out)
    } else {
        if project.is_none() && tf.raw("project").is_none() {
            out.push(missing("/target/project", "the project", "项目"));
        }
        if logstore.is_none() && tf.raw("logstore").is_none() {
            out.push(missing("/target/logstore", "the Logstore", "日志库"));
        }
        (project, logstore)
    };
    Target { region, account_id, project, logstore, cloud_firewall }
}

/// The Cloud Firewall preset's project and Logstore, where the user did not name them.
fn cloud_firewall_names(
    tf: &Fields<'_>,
    (region, account_id): (Option<&Region>, Option<&AccountId>),
    project: Option<ProjectName>,
    logstore: Option<LogstoreName>,
    out: &mut Vec<Finding>,
) -> (Option<ProjectName>, Option<LogstoreName>) {
    match (account_id, region) {
        (Some(a), Some(r)) => (
            project.or_else(|| ProjectName::parse(&["cloudfirewall-project-", a.as_str(), "-", r.as_str()].concat()).ok()),
            logstore.or_else(|| LogstoreName::parse("cloudfirewall-logstore").ok()),
        ),
        _ => {
            if tf.raw("account_id").is_none() {
                out.push(missing(
                    "/target/account_id",
                    "the account id (the Cloud Firewall preset names the project after it)",
                    "账号 ID（云防火墙预设用它命名项目）",
                ));
            }
            (project, logstore)
        }
    }
}

/// `/operation`: update (the default) or create.
fn read_operation(root: &Map<String, Value>, out: &mut Vec<Finding>) -> Operation {
    if root.member("operation").is_none_or(Value::is_null) {
        return Operation::Update;
    }
    Fields::root(root).pick("operation", out).unwrap_or(Operation::Update)
}

/// A new Logstore's name must start with a letter (older docs allowed a digit).
fn check_new_logstore_name(operation: Operation, target: &Target, out: &mut Vec<Finding>) {
    if let (Operation::Create, Some(name)) = (operation, &target.logstore)
        && !name.is_new_name()
    {
        out.push(Finding::new(
            Code::BadLogstoreName,
            "/target/logstore",
            t!(
                format!(
                    "\"{name}\" starts with a digit: older docs allowed that, but a new Logstore's name must start with a lowercase letter."
                ),
                format!("\"{name}\" 以数字开头：旧版文档允许，但新建日志库的名称必须以小写字母开头。")
            ),
            t!("Start the name with a lowercase letter.", "请以小写字母开头命名。"),
        ));
    }
}

/// The pasted Logstore documents of an intent.
struct Documents {
    current: Option<Source>,
    logstore: Option<Source>,
    after: Option<Source>,
    after_given: bool,
}

/// `/current`, `/logstore` and `/after`: the one the operation needs is required, the other ignored.
fn read_documents(root: &Map<String, Value>, doc: &Document, operation: Operation, out: &mut Vec<Finding>) -> Documents {
    let given = |key: &str| root.member(key).is_some_and(|v| !v.is_null());
    let current = root.member("current").and_then(|v| source(v, "/current", doc, out));
    let logstore = root.member("logstore").and_then(|v| source(v, "/logstore", doc, out));
    let after = root.member("after").and_then(|v| source(v, "/after", doc, out));
    match operation {
        Operation::Update => {
            if current.is_none() && !given("current") {
                out.push(missing(
                    "/current",
                    "the GetLogStore response (UpdateLogStore replaces the whole configuration, so what the Logstore has is merged into the body)",
                    "GetLogStore 的响应（UpdateLogStore 会替换全部配置，需将日志库现有设置合并进请求体）",
                ));
            }
            if given("logstore") {
                out.push(ignored("/logstore", Operation::Update.as_str(), "更新"));
            }
        }
        Operation::Create => {
            if logstore.is_none() && !given("logstore") {
                out.push(missing("/logstore", "the new Logstore's settings", "新日志库的设置"));
            }
            if given("current") {
                out.push(ignored("/current", Operation::Create.as_str(), "创建"));
            }
        }
    }
    Documents { current, logstore, after, after_given: given("after") }
}

/// `/encryption` and `/ram`: the RAM side is read for BYOK only, and reported as ignored otherwise.
fn read_encryption_and_ram(
    root: &Map<String, Value>,
    doc: &Document,
    region: Option<&Region>,
    out: &mut Vec<Finding>,
) -> (Encryption, Ram) {
    let ef = Fields::section(root, "encryption", ENCRYPTION_KEYS, out);
    let key = ef.pick("key", out).unwrap_or(KeyKind::Service);
    let byok_fields: Vec<&str> =
        ["cmk_key_id", "cmk_region_id", "role_name", "role_arn"].into_iter().filter(|k| ef.raw(k).is_some()).collect();
    if ef.raw("key").is_none() && !byok_fields.is_empty() {
        out.push(byok_fields_without_key(&byok_fields.join(", ")));
    }
    let enable = ef.bool("enable", true, out);
    let encrypt_type = ef.string("encrypt_type", out).unwrap_or(Algorithm::Default.as_str()).trim().to_string();
    let only_enable = ef.raw("key").is_none() && ef.raw("encrypt_type").is_none() && byok_fields.is_empty();
    let rf = Fields::section(root, "ram", RAM_KEYS, out);
    let (byok, ram) = match key {
        KeyKind::Service => {
            if ef.raw("key").is_some() {
                for k in &byok_fields {
                    out.push(ignored(&ef.path(k), "a service key", "服务密钥"));
                }
            }
            if root.member("ram").is_some_and(|v| !v.is_null()) {
                out.push(ignored("/ram", "a service key", "服务密钥"));
            }
            (ByokKey::default(), Ram::service_key())
        }
        KeyKind::Byok => {
            let byok = read_byok_key(&ef, region, out);
            (byok, read_ram(&rf, ef.raw("role_arn").is_none(), doc, out))
        }
    };
    let ByokKey { cmk_key_id, cmk_region_id, role_name, role_arn, role_name_defaulted } = byok;
    let encryption =
        Encryption { enable, encrypt_type, key, cmk_key_id, cmk_region_id, role_name, role_arn, only_enable, role_name_defaulted };
    (encryption, ram)
}

fn byok_fields_without_key(given: &str) -> Finding {
    Finding::new(
        Code::Missing,
        "/encryption/key",
        t!(
            format!("BYOK fields are given ({given}) but key is not set, so the service key would be used."),
            format!("已填写自带密钥（BYOK）字段（{given}），但未设置 key，将使用服务密钥。")
        ),
        t!(
            "Set \"key\": \"byok\" to use your CMK, or \"service\" and remove the BYOK fields.",
            "如需使用您的 CMK，请设置 \"key\": \"byok\"；否则设置 \"service\" 并删除 BYOK 字段。"
        ),
    )
}

/// The BYOK fields of `/encryption`.
#[derive(Default)]
struct ByokKey {
    cmk_key_id: Option<CmkId>,
    cmk_region_id: Option<Region>,
    role_name: Option<RoleName>,
    role_arn: Option<RoleArn>,
    role_name_defaulted: bool,
}

/// The CMK and the role of BYOK; the CMK's region defaults to the target's, the role's name to
/// [`DEFAULT_ROLE_NAME`] when neither a name nor an ARN is given.
fn read_byok_key(ef: &Fields<'_>, region: Option<&Region>, out: &mut Vec<Finding>) -> ByokKey {
    let cmk_key_id = read_cmk_id(ef, out);
    let cmk_region_id =
        ef.parsed("cmk_region_id", Region::parse, out).or_else(|| if ef.raw("cmk_region_id").is_none() { region.cloned() } else { None });
    let role_name = ef.parsed("role_name", RoleName::parse, out);
    let role_arn = read_role_arn(ef, out);
    let role_name_defaulted = role_name.is_none() && role_arn.is_none() && ef.raw("role_name").is_none() && ef.raw("role_arn").is_none();
    let role_name = if role_name_defaulted { RoleName::parse(DEFAULT_ROLE_NAME).ok() } else { role_name };
    ByokKey { cmk_key_id, cmk_region_id, role_name, role_arn, role_name_defaulted }
}

/// `/encryption/cmk_key_id`, with a warning for the documentation's placeholder ids.
fn read_cmk_id(ef: &Fields<'_>, out: &mut Vec<Finding>) -> Option<CmkId> {
    let Some(s) = ef.string("cmk_key_id", out) else {
        if ef.raw("cmk_key_id").is_none() {
            out.push(missing("/encryption/cmk_key_id", "the CMK id", "用户主密钥（CMK）ID"));
        }
        return None;
    };
    match CmkId::parse(s) {
        Ok(id) => {
            if CmkId::is_placeholder(s) {
                out.push(Finding::new(
                    Code::PlaceholderCmkId,
                    ef.path("cmk_key_id"),
                    t!(
                        format!("\"{s}\" looks like a documentation placeholder (xxxx), not a real key id."),
                        format!("\"{s}\" 像是文档中的占位符（xxxx），而不是真实的密钥 ID。")
                    ),
                    t!("Copy the key id of your CMK from the KMS console.", "请从 KMS 控制台复制您的 CMK 的密钥 ID。"),
                ));
            }
            Some(id)
        }
        Err(e) if CmkId::is_placeholder(s) => {
            out.push(Finding::new(
                Code::PlaceholderCmkId,
                ef.path("cmk_key_id"),
                t!(
                    format!("\"{s}\" looks like the documentation's placeholder, not a real key id."),
                    format!("\"{s}\" 像是文档中的占位符，而不是真实的密钥 ID。")
                ),
                e.fix,
            ));
            None
        }
        Err(e) => {
            out.push(Finding::new(e.code, ef.path("cmk_key_id"), e.message, e.fix));
            None
        }
    }
}

/// `/encryption/role_arn`, noting when it was written in another case.
fn read_role_arn(ef: &Fields<'_>, out: &mut Vec<Finding>) -> Option<RoleArn> {
    let s = ef.string("role_arn", out)?;
    match RoleArn::parse(s) {
        Ok(arn) => {
            if s.trim() != arn.to_string() {
                out.push(Finding::new(
                    Code::ArnNormalised,
                    ef.path("role_arn"),
                    t!(format!("The role ARN is written in lower case: {arn}."), format!("角色 ARN 已统一为小写：{arn}。")),
                    t!("Nothing to do: RAM treats role ARNs case-insensitively.", "无需处理：RAM 对角色 ARN 不区分大小写。"),
                ));
            }
            Some(arn)
        }
        Err(e) => {
            out.push(Finding::new(e.code, ef.path("role_arn"), e.message, e.fix));
            None
        }
    }
}

impl Ram {
    /// The RAM side of a service key: nothing to create, every setting at its default.
    fn service_key() -> Ram {
        Ram {
            create_role: true,
            user_name: None,
            user_name_given: false,
            passrole_policy_name: default_passrole_policy(),
            passrole_scope: PassRoleScope::Role,
            current_trust_policy: None,
        }
    }
}

fn default_passrole_policy() -> PolicyName {
    PolicyName::parse(DEFAULT_PASSROLE_POLICY).expect("default policy name is valid")
}

/// `/ram` for BYOK; the role is created unless an ARN names an existing one (`create_role_default`).
fn read_ram(rf: &Fields<'_>, create_role_default: bool, doc: &Document, out: &mut Vec<Finding>) -> Ram {
    let create_role = rf.bool("create_role", create_role_default, out);
    let user_name = rf.parsed("user_name", UserName::parse, out);
    let user_name_given = rf.raw("user_name").is_some();
    let passrole_policy_name = rf.parsed("passrole_policy_name", PolicyName::parse, out).unwrap_or_else(default_passrole_policy);
    let passrole_scope = rf.pick("passrole_scope", out).unwrap_or(PassRoleScope::Role);
    let current_trust_policy =
        rf.raw("current_trust_policy").and_then(|v| source(v, "/ram/current_trust_policy", doc, out)).map(|s| unwrap_get_role(s, out));
    Ram { create_role, user_name, user_name_given, passrole_policy_name, passrole_scope, current_trust_policy }
}

fn ignored(path: &str, what: &str, what_zh: &str) -> Finding {
    Finding::new(
        Code::IgnoredField,
        path,
        t!(format!("{path} does not apply to {what}; it is ignored."), format!("{path} 不适用于{what_zh}，已忽略。")),
        t!("Remove it, or change the choice it belongs to.", "请删除它，或更改其所属的选项。"),
    )
}

/// Recognises the GetRole response (`{"RequestId", "Role": {"AssumeRolePolicyDocument": "<json>"}}`)
/// pasted in place of the trust policy, and reads the policy inside it.
fn unwrap_get_role(source: Source, out: &mut Vec<Finding>) -> Source {
    let Some(inner) = source.document.value.member("Role").and_then(|r| r.member("AssumeRolePolicyDocument")).and_then(Value::as_str)
    else {
        return source;
    };
    let read = text::read(inner);
    let prefix = format!("{}/Role/AssumeRolePolicyDocument", source.prefix);
    out.push(Finding::new(
        Code::WrapperRecognised,
        prefix.clone(),
        t!(
            "Recognised the GetRole response; the trust policy in Role.AssumeRolePolicyDocument is used (positions below are inside that string).",
            "已识别 GetRole 的响应；使用 Role.AssumeRolePolicyDocument 中的信任策略（下方位置指该字符串内部）。"
        ),
        t!("Nothing to do.", "无需处理。"),
    ));
    out.extend(read.issues.iter().map(|i| i.finding(&prefix)));
    match read.document {
        Some(document) => Source { prefix, document, chars: inner.chars().count() },
        None => source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixes_for(intent: Value) -> Vec<(String, String)> {
        let mut out = Vec::new();
        Intent::read(&Document::from_value(intent), &mut out);
        out.iter().filter(|f| f.message.contains("is not a field of the intent")).map(|f| (f.path.clone(), f.fix.to_string())).collect()
    }

    #[test]
    fn unknown_fields_suggest_only_a_close_name() {
        let fixes = fixes_for(serde_json::json!({"target": {"regoin": "cn-hangzhou", "colour": "blue"}}));
        assert_eq!(fixes.len(), 2);
        let fix = |p: &str| fixes.iter().find(|(path, _)| path == p).map(|(_, f)| f.clone()).unwrap();
        assert_eq!(fix("/target/regoin"), "Check the spelling (did you mean \"region\"?) or remove it.");
        assert_eq!(fix("/target/colour"), "Remove it; the fields allowed here are: region, account_id, project, logstore, preset.");
    }
}
