//! RAM policy analyser: checks a trust policy (AssumeRolePolicyDocument) or a permission policy
//! (CreatePolicy's PolicyDocument) against the RAM policy language, one finding per problem, each
//! placed at its JSON pointer and, for pasted text, its line and column.

use crate::finding::{Code, Finding, Text, t};
use crate::ids::nearest;
use crate::json::Members;
use crate::pointer::{join, join_index};
use crate::policy_lang::{
    CONDITION_OPERATORS, action_ok, federated_ok, is_scalar, operator_known, ram_principal_ok, repair_action, repair_resource,
    repair_service, resource_ok, service_ok, suggest_operator,
};
use crate::text::{Document, Source};
use serde_json::{Map, Value};

/// Which kind of RAM policy document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    /// A role's trust policy (AssumeRolePolicyDocument): Principal required, Resource absent.
    Trust,
    /// A permission policy (CreatePolicy): Resource required, no Principal.
    Permission,
}

impl PolicyKind {
    fn name(self) -> (&'static str, &'static str) {
        match self {
            PolicyKind::Trust => ("trust policy", "信任策略"),
            PolicyKind::Permission => ("permission policy", "权限策略"),
        }
    }
}

/// Most characters a policy document may have (CreatePolicy's PolicyDocument).
pub const MAX_CHARS: usize = 6144;
/// The limit older RAM documentation gives.
pub const OLD_MAX_CHARS: usize = 2048;

const TOP_KEYS: &[&str] = &["Version", "Statement"];
const STATEMENT_KEYS: &[&str] = &["Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "Condition", "Sid"];
const PRINCIPAL_KINDS: &[&str] = &["Service", "RAM", "Federated"];

/// Analyses a policy document, pushing one finding per problem.
///
/// Paths are `source.prefix` + the pointer inside the document; lines and columns come from the
/// source's document (intent-text positions for embedded objects, none for generated documents).
pub fn analyse(source: &Source, kind: PolicyKind, out: &mut Vec<Finding>) {
    let value = &source.document.value;
    // The compact size is said only of a document over the older limit.
    let compact = if source.chars > OLD_MAX_CHARS { crate::json::compact_chars(value) } else { 0 };
    let mut ctx = Ctx { prefix: &source.prefix, doc: Some(&source.document), kind, out };
    ctx.document(value, source.chars, compact);
}

/// Analyses a document the app generated (no text behind it), at `prefix`.
pub fn analyse_value(value: &Value, kind: PolicyKind, prefix: &str, out: &mut Vec<Finding>) {
    analyse_sized(value, crate::json::compact_chars(value), kind, prefix, out);
}

/// [`analyse_value`] of a document whose compact JSON (written already) has `compact` characters.
pub fn analyse_sized(value: &Value, compact: usize, kind: PolicyKind, prefix: &str, out: &mut Vec<Finding>) {
    let mut ctx = Ctx { prefix, doc: None, kind, out };
    ctx.document(value, compact, compact);
}

/// A pointer inside the document (a key of the object at a pointer, or an element of that
/// key's list), made into text only when a finding needs it.
#[derive(Debug, Clone, Copy)]
enum Ptr<'a> {
    /// The member `key` of the object at the pointer.
    Key(&'a str, &'a str),
    /// Element `index` of the list that is the member `key` of the object at the pointer.
    Item(&'a str, &'a str, usize),
}

impl Ptr<'_> {
    /// The pointer's text.
    fn text(self) -> String {
        match self {
            Ptr::Key(parent, key) => join(parent, key),
            Ptr::Item(parent, key, index) => join_index(&join(parent, key), index),
        }
    }
}

struct Ctx<'a> {
    prefix: &'a str,
    doc: Option<&'a Document>,
    kind: PolicyKind,
    out: &'a mut Vec<Finding>,
}

fn shown(v: &Value) -> String {
    crate::limits::truncate(&v.to_string(), 60).to_string()
}

impl Ctx<'_> {
    fn push(&mut self, code: Code, pointer: &str, message: Text, fix: Text) {
        let pos = self.doc.and_then(|d| d.nearest_position(pointer));
        self.out.push(Finding::new(code, [self.prefix, pointer].concat(), message, fix).at(pos));
    }

    fn document(&mut self, value: &Value, chars: usize, compact: usize) {
        let (kind, kind_zh) = self.kind.name();
        let Some(obj) = value.as_object() else {
            self.push(
                Code::PolicyStatement,
                "",
                t!(
                    format!("A {kind} must be a JSON object with Version and Statement, not {}.", shown(value)),
                    format!("{kind_zh}必须是包含 Version 和 Statement 的 JSON 对象，而不是 {}。", shown(value))
                ),
                t!(
                    "Paste the whole policy document: {\"Version\": \"1\", \"Statement\": [ ... ]}.",
                    "请粘贴完整的策略文档：{\"Version\": \"1\", \"Statement\": [ ... ]}。"
                ),
            );
            return;
        };
        self.size(chars, compact);
        let near = self.unknown_keys(obj, "", TOP_KEYS, &[]);
        self.version(obj.member("Version"), near.contains(&"Version"));
        match obj.member("Statement") {
            None if near.contains(&"Statement") => {}
            None => self.push(
                Code::PolicyStatement,
                "/Statement",
                t!(format!("The {kind} has no Statement."), format!("{kind_zh}缺少 Statement。")),
                t!(
                    "Add \"Statement\": [ ... ] with at least one statement (Effect, Action, ...).",
                    "请添加 \"Statement\": [ ... ]，其中至少包含一条语句（Effect、Action 等）。"
                ),
            ),
            Some(Value::Array(items)) if items.is_empty() => self.push(
                Code::PolicyStatement,
                "/Statement",
                t!(
                    "Statement is an empty list: the policy allows and denies nothing.",
                    "Statement 是空列表：该策略既不允许也不拒绝任何操作。"
                ),
                t!("Add at least one statement.", "请至少添加一条语句。"),
            ),
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let ptr = join_index("/Statement", i);
                    match item {
                        Value::Object(m) => self.statement(&ptr, m),
                        other => self.push(
                            Code::PolicyStatement,
                            &ptr,
                            t!(
                                format!("Statement {i} is {}, not an object.", shown(other)),
                                format!("第 {i} 条语句是 {}，而不是对象。", shown(other))
                            ),
                            t!(
                                "Each statement is an object such as {\"Effect\": \"Allow\", \"Action\": ..., ...}.",
                                "每条语句都应是对象，例如 {\"Effect\": \"Allow\", \"Action\": ..., ...}。"
                            ),
                        ),
                    }
                }
            }
            Some(Value::Object(m)) => {
                self.push(
                    Code::PolicyStatement,
                    "/Statement",
                    t!(
                        "Statement is a single object; RAM expects a list of statements.",
                        "Statement 是单个对象；RAM 要求语句列表（数组）。"
                    ),
                    t!("Wrap it in brackets: \"Statement\": [ { ... } ].", "请用方括号括起来：\"Statement\": [ { ... } ]。"),
                );
                self.statement("/Statement", m);
            }
            Some(other) => self.push(
                Code::PolicyStatement,
                "/Statement",
                t!(
                    format!("Statement must be a list of statements, not {}.", shown(other)),
                    format!("Statement 应为语句列表（数组），而不是 {}。", shown(other))
                ),
                t!(
                    "Write \"Statement\": [ { \"Effect\": ..., \"Action\": ..., ... } ].",
                    "请写成 \"Statement\": [ { \"Effect\": ..., \"Action\": ..., ... } ]。"
                ),
            ),
        }
    }

    fn size(&mut self, chars: usize, compact: usize) {
        let (kind, kind_zh) = self.kind.name();
        if chars > MAX_CHARS {
            let fix = if compact <= MAX_CHARS {
                t!(
                    format!("Without spaces and line breaks it is {compact} characters, which fits: send the compact form."),
                    format!("去掉空格和换行后为 {compact} 个字符，未超限：请发送紧凑格式。")
                )
            } else if self.kind == PolicyKind::Permission {
                t!(
                    "Split it into several policies of at most 6,144 characters each, or shorten it with wildcards.",
                    "请拆分为多个策略（每个不超过 6,144 个字符），或用通配符缩短。"
                )
            } else {
                t!(
                    "Shorten it: merge statements that share Effect, Action and Condition into one with a list of principals.",
                    "请缩短：把 Effect、Action 和 Condition 相同的语句合并为一条，列出多个主体。"
                )
            };
            self.push(
                Code::PolicyTooLong,
                "",
                t!(
                    format!("The {kind} is {chars} characters; RAM accepts at most 6,144."),
                    format!("该{kind_zh}有 {chars} 个字符；RAM 最多接受 6,144 个。")
                ),
                fix,
            );
        } else if chars > OLD_MAX_CHARS {
            self.push(
                Code::PolicyOldLimit,
                "",
                t!(
                    format!("The {kind} is {chars} characters: within today's 6,144 limit, but over the 2,048 that older RAM docs give."),
                    format!("该{kind_zh}有 {chars} 个字符：未超过现行的 6,144 上限，但超过了旧版 RAM 文档给出的 2,048。")
                ),
                t!(
                    format!("Nothing to do unless RAM rejects it; then shorten it (compact, it is {compact} characters)."),
                    format!("除非 RAM 拒绝，否则无需处理；如被拒绝请缩短（紧凑格式为 {compact} 个字符）。")
                ),
            );
        }
    }

    /// Reports keys not in `known` (and those in `not_here`); returns the known keys they seem to be slips of.
    fn unknown_keys(&mut self, obj: &Map<String, Value>, ptr: &str, known: &[&'static str], not_here: &[&str]) -> Vec<&'static str> {
        let (kind, kind_zh) = self.kind.name();
        let mut near = Vec::new();
        for key in obj.keys() {
            if not_here.contains(&key.as_str()) {
                self.push(
                    Code::PolicyUnknownElement,
                    &join(ptr, key),
                    t!(
                        format!(
                            "A {kind} has no \"{key}\": a trust policy says who may assume the role, and the role itself is the resource."
                        ),
                        format!("{kind_zh}没有 \"{key}\"：信任策略规定谁可以扮演该 RAM 角色，资源就是角色本身。")
                    ),
                    t!(format!("Remove \"{key}\"."), format!("请删除 \"{key}\"。")),
                );
                continue;
            }
            if known.contains(&key.as_str()) {
                continue;
            }
            let where_en = if ptr.is_empty() { "at the top of a RAM policy" } else { "in a RAM policy statement" };
            let where_zh = if ptr.is_empty() { "RAM 策略的顶层" } else { "RAM 策略语句中" };
            let list = known.iter().filter(|k| !not_here.contains(k)).copied().collect::<Vec<_>>().join(", ");
            let fix = match nearest(key, known).filter(|s| !not_here.contains(s)) {
                Some(s) => {
                    if !obj.has(s) {
                        near.push(s);
                    }
                    t!(
                        format!("Did you mean \"{s}\"? Element names are case-sensitive; rename it."),
                        format!("您是否想写 \"{s}\"？元素名称区分大小写，请更正。")
                    )
                }
                None => t!(format!("Remove it; the elements allowed here are: {list}."), format!("请删除；此处允许的元素为：{list}。")),
            };
            self.push(
                Code::PolicyUnknownElement,
                &join(ptr, key),
                t!(format!("\"{key}\" is not an element {where_en}."), format!("\"{key}\" 不是{where_zh}的元素。")),
                fix,
            );
        }
        near
    }

    fn version(&mut self, v: Option<&Value>, slipped: bool) {
        let (message, fix) = match v {
            None if slipped => return,
            Some(Value::String(s)) if s == "1" => return,
            None => (t!("The policy has no Version.", "策略缺少 Version。"), t!("Add \"Version\": \"1\".", "请添加 \"Version\": \"1\"。")),
            Some(Value::Number(n)) if n.as_f64() == Some(1.0) => (
                t!("Version is the number 1; RAM wants the string \"1\".", "Version 是数字 1；RAM 要求字符串 \"1\"。"),
                t!("Quote it: \"Version\": \"1\".", "请加上引号：\"Version\": \"1\"。"),
            ),
            Some(other) => (
                t!(
                    format!("Version is {}; RAM policies have only version \"1\".", shown(other)),
                    format!("Version 为 {}；RAM 策略只有版本 \"1\"。", shown(other))
                ),
                t!("Set \"Version\": \"1\".", "请设置 \"Version\": \"1\"。"),
            ),
        };
        self.push(Code::PolicyVersion, "/Version", message, fix);
    }

    fn statement(&mut self, ptr: &str, m: &Map<String, Value>) {
        let not_here: &[&str] = match self.kind {
            PolicyKind::Trust => &["Resource", "NotResource"],
            PolicyKind::Permission => &[],
        };
        let near = self.unknown_keys(m, ptr, STATEMENT_KEYS, not_here);
        self.effect(ptr, m.member("Effect"), near.contains(&"Effect"));

        let p = |k: &str| join(ptr, k);
        match (m.member("Action"), m.member("NotAction")) {
            (Some(_), Some(_)) => self.push(
                Code::PolicyActionCount,
                ptr,
                t!(
                    "The statement has both Action and NotAction; it must have exactly one.",
                    "该语句同时有 Action 和 NotAction；只能有其中一个。"
                ),
                t!(
                    "Keep Action (the actions it applies to) or NotAction (every action except these), not both.",
                    "保留 Action（适用的操作）或 NotAction（除这些之外的所有操作）之一，不要同时使用。"
                ),
            ),
            (None, None) if !near.contains(&"Action") && !near.contains(&"NotAction") => self.push(
                Code::PolicyActionCount,
                &p("Action"),
                t!("The statement has no Action (or NotAction).", "该语句缺少 Action（或 NotAction）。"),
                match self.kind {
                    PolicyKind::Trust => t!("Add \"Action\": \"sts:AssumeRole\".", "请添加 \"Action\": \"sts:AssumeRole\"。"),
                    PolicyKind::Permission => t!(
                        "Add \"Action\" with the actions it applies to, e.g. \"ram:PassRole\".",
                        "请添加 \"Action\"，列出适用的操作，例如 \"ram:PassRole\"。"
                    ),
                },
            ),
            _ => {}
        }
        for key in ["Action", "NotAction"] {
            if let Some(v) = m.member(key) {
                self.list(ptr, key, v, Code::PolicyActionFormat, Self::action);
            }
        }

        if self.kind == PolicyKind::Permission {
            for key in ["Resource", "NotResource"] {
                if let Some(v) = m.member(key) {
                    self.list(ptr, key, v, Code::PolicyResourceFormat, Self::resource);
                }
            }
            if !m.has("Resource") && !m.has("NotResource") && !near.contains(&"Resource") && !near.contains(&"NotResource") {
                self.push(
                    Code::PolicyResourceMissing,
                    &p("Resource"),
                    t!(
                        "The statement has no Resource; a permission policy statement must say what it applies to.",
                        "该语句缺少 Resource；权限策略的语句必须指明适用的资源。"
                    ),
                    t!(
                        "Add \"Resource\": the ARN it applies to (e.g. acs:ram::<account id>:role/<role name>), or \"*\".",
                        "请添加 \"Resource\"：适用资源的 ARN（如 acs:ram::<账号 ID>:role/<角色名称>）或 \"*\"。"
                    ),
                );
            }
        }

        match (self.kind, m.member("Principal")) {
            (PolicyKind::Permission, Some(_)) => self.push(
                Code::PolicyPrincipalPlace,
                &p("Principal"),
                t!(
                    "A permission policy has no Principal: it applies to whoever it is attached to.",
                    "权限策略没有 Principal：它作用于被授权的 RAM 用户、用户组或 RAM 角色。"
                ),
                t!(
                    "Remove Principal; attach the policy to the user or role instead (AttachPolicyToUser / AttachPolicyToRole).",
                    "请删除 Principal；改为把策略授权给用户或角色（AttachPolicyToUser / AttachPolicyToRole）。"
                ),
            ),
            (PolicyKind::Trust, None) if !near.contains(&"Principal") => self.push(
                Code::PolicyPrincipalPlace,
                &p("Principal"),
                t!(
                    "The trust policy statement has no Principal: it must say who may assume the role.",
                    "信任策略的语句缺少 Principal：必须指明谁可以扮演该 RAM 角色。"
                ),
                t!(
                    "Add \"Principal\": {\"Service\": [\"log.aliyuncs.com\"]} for Log Service.",
                    "为日志服务添加 \"Principal\": {\"Service\": [\"log.aliyuncs.com\"]}。"
                ),
            ),
            (PolicyKind::Trust, Some(v)) => self.principal(&p("Principal"), v),
            _ => {}
        }

        if let Some(c) = m.member("Condition") {
            self.condition(&p("Condition"), c);
        }
    }

    fn effect(&mut self, ptr: &str, v: Option<&Value>, slipped: bool) {
        let path = join(ptr, "Effect");
        let (message, fix) = match v {
            None if slipped => return,
            Some(Value::String(s)) if s == "Allow" || s == "Deny" => return,
            None => (
                t!("The statement has no Effect.", "该语句缺少 Effect。"),
                t!("Add \"Effect\": \"Allow\" (or \"Deny\").", "请添加 \"Effect\": \"Allow\"（或 \"Deny\"）。"),
            ),
            Some(Value::String(s)) if s.trim().eq_ignore_ascii_case("allow") || s.trim().eq_ignore_ascii_case("deny") => {
                let right = if s.trim().eq_ignore_ascii_case("allow") { "Allow" } else { "Deny" };
                (
                    t!(format!("Effect \"{s}\" is not accepted: it is case-sensitive."), format!("Effect \"{s}\" 无效：区分大小写。")),
                    t!(format!("Write \"{right}\" exactly."), format!("请准确写成 \"{right}\"。")),
                )
            }
            Some(other) => (
                t!(
                    format!("Effect is {}; it must be \"Allow\" or \"Deny\".", shown(other)),
                    format!("Effect 为 {}；只能是 \"Allow\" 或 \"Deny\"。", shown(other))
                ),
                t!("Write \"Effect\": \"Allow\" or \"Effect\": \"Deny\".", "请写成 \"Effect\": \"Allow\" 或 \"Effect\": \"Deny\"。"),
            ),
        };
        self.push(Code::PolicyEffect, &path, message, fix);
    }

    /// Checks a string-or-list-of-strings element `key` of the statement at `parent`, each string
    /// with `one`.
    fn list(&mut self, parent: &str, key: &str, v: &Value, code: Code, one: fn(&mut Self, Ptr<'_>, &str, &str)) {
        let ptr = Ptr::Key(parent, key);
        match v {
            Value::String(s) => one(self, ptr, key, s),
            Value::Array(items) if items.is_empty() => self.push(
                code,
                &ptr.text(),
                t!(format!("{key} is an empty list."), format!("{key} 是空列表。")),
                t!(format!("Give at least one value in {key}, or remove it."), format!("请在 {key} 中至少填写一个值，或删除它。")),
            ),
            Value::Array(items) => {
                for (j, item) in items.iter().enumerate() {
                    let ptr = Ptr::Item(parent, key, j);
                    match item {
                        Value::String(s) => one(self, ptr, key, s),
                        other => self.push(
                            code,
                            &ptr.text(),
                            t!(
                                format!("An entry of {key} is {}, not a string.", shown(other)),
                                format!("{key} 中有一项是 {}，而不是字符串。", shown(other))
                            ),
                            t!(
                                format!("Write each entry of {key} as a quoted string."),
                                format!("请把 {key} 的每一项写成带引号的字符串。")
                            ),
                        ),
                    }
                }
            }
            other => self.push(
                code,
                &ptr.text(),
                t!(
                    format!("{key} is {}; it must be a string or a list of strings.", shown(other)),
                    format!("{key} 为 {}；应为字符串或字符串列表。", shown(other))
                ),
                t!(format!("Write {key} as \"...\" or [\"...\", \"...\"]."), format!("请把 {key} 写成 \"...\" 或 [\"...\", \"...\"]。")),
            ),
        }
    }

    fn action(&mut self, ptr: Ptr<'_>, key: &str, s: &str) {
        if action_ok(s) {
            return;
        }
        let repaired = repair_action(s);
        let fix = match repaired.as_deref().filter(|r| action_ok(r) && *r != s) {
            Some(r) => t!(
                format!("Did you mean \"{r}\"? Actions are service:Action with the service in lower case."),
                format!("您是否想写 \"{r}\"？操作的格式为 服务:操作，服务名为小写。")
            ),
            None => t!(
                "Write service:Action, e.g. sts:AssumeRole or log:GetLogStore (service in lower case, * as a wildcard, or * alone).",
                "请写成 服务:操作，例如 sts:AssumeRole 或 log:GetLogStore（服务名小写，可用 * 通配，或单独写 *）。"
            ),
        };
        self.push(
            Code::PolicyActionFormat,
            &ptr.text(),
            t!(
                format!("\"{s}\" in {key} is not an action of the form service:Action."),
                format!("{key} 中的 \"{s}\" 不是 服务:操作 格式的操作。")
            ),
            fix,
        );
    }

    fn resource(&mut self, ptr: Ptr<'_>, key: &str, s: &str) {
        if resource_ok(s) {
            return;
        }
        let trimmed = s.trim();
        let fix = if trimmed.to_ascii_lowercase().starts_with("arn:") {
            t!(
                "This is an AWS-style ARN; Alibaba Cloud resources are acs:<service>:<region>:<account id>:<resource>, e.g. acs:ram::<account id>:role/<role name>.",
                "这是 AWS 风格的 ARN；阿里云资源格式为 acs:<服务>:<地域>:<账号 ID>:<资源>，例如 acs:ram::<账号 ID>:role/<角色名称>。"
            )
        } else if let Some(r) = repair_resource(trimmed).filter(|r| resource_ok(r) && r != s) {
            t!(format!("Did you mean \"{r}\"?"), format!("您是否想写 \"{r}\"？"))
        } else {
            t!(
                "Write \"*\" or an ARN acs:<service>:<region>:<account id>:<resource>, e.g. acs:ram::<account id>:role/<role name> (acs:ram::* means every role).",
                "请写成 \"*\" 或 ARN acs:<服务>:<地域>:<账号 ID>:<资源>，例如 acs:ram::<账号 ID>:role/<角色名称>（acs:ram::* 表示所有角色）。"
            )
        };
        self.push(
            Code::PolicyResourceFormat,
            &ptr.text(),
            t!(
                format!("\"{s}\" in {key} is neither \"*\" nor an Alibaba Cloud resource ARN (acs:...)."),
                format!("{key} 中的 \"{s}\" 既不是 \"*\"，也不是阿里云资源 ARN（acs:...）。")
            ),
            fix,
        );
    }

    fn principal(&mut self, ptr: &str, v: &Value) {
        let Value::Object(m) = v else {
            self.push(
                Code::PolicyPrincipalFormat,
                ptr,
                t!(
                    format!("Principal is {}; RAM expects an object naming the kind of principal.", shown(v)),
                    format!("Principal 为 {}；RAM 要求用对象指明主体类型。", shown(v))
                ),
                t!(
                    "Write e.g. \"Principal\": {\"Service\": [\"log.aliyuncs.com\"]} (kinds: Service, RAM, Federated).",
                    "请写成例如 \"Principal\": {\"Service\": [\"log.aliyuncs.com\"]}（类型：Service、RAM、Federated）。"
                ),
            );
            return;
        };
        if m.is_empty() {
            self.push(
                Code::PolicyPrincipalFormat,
                ptr,
                t!("Principal is empty: nobody may assume the role.", "Principal 为空：没有任何主体可以扮演该角色。"),
                t!("Add e.g. \"Service\": [\"log.aliyuncs.com\"].", "请添加例如 \"Service\": [\"log.aliyuncs.com\"]。"),
            );
        }
        for (kind, val) in m {
            let kp = Ptr::Key(ptr, kind);
            if !PRINCIPAL_KINDS.contains(&kind.as_str()) {
                let fix = match nearest(kind, PRINCIPAL_KINDS) {
                    Some(s) => t!(
                        format!("Did you mean \"{s}\"? Principal kinds are case-sensitive."),
                        format!("您是否想写 \"{s}\"？主体类型区分大小写。")
                    ),
                    None => t!(
                        "Use Service (a cloud service), RAM (an account or role) or Federated (an identity provider).",
                        "请使用 Service（云服务）、RAM（账号或角色）或 Federated（身份提供商）。"
                    ),
                };
                self.push(
                    Code::PolicyPrincipalFormat,
                    &kp.text(),
                    t!(format!("\"{kind}\" is not a kind of principal RAM knows."), format!("\"{kind}\" 不是 RAM 支持的主体类型。")),
                    fix,
                );
                continue;
            }
            match val {
                Value::String(s) => self.principal_value(kp, kind, s),
                Value::Array(items) if items.is_empty() => self.push(
                    Code::PolicyPrincipalFormat,
                    &kp.text(),
                    t!(format!("Principal {kind} is an empty list."), format!("Principal 的 {kind} 是空列表。")),
                    t!(
                        format!("List at least one principal under {kind}, or remove it."),
                        format!("请在 {kind} 下至少列出一个主体，或删除它。")
                    ),
                ),
                Value::Array(items) => {
                    for (j, item) in items.iter().enumerate() {
                        let ip = Ptr::Item(ptr, kind, j);
                        match item {
                            Value::String(s) => self.principal_value(ip, kind, s),
                            other => self.push(
                                Code::PolicyPrincipalFormat,
                                &ip.text(),
                                t!(
                                    format!("An entry of Principal {kind} is {}, not a string.", shown(other)),
                                    format!("Principal 的 {kind} 中有一项是 {}，而不是字符串。", shown(other))
                                ),
                                t!("Write each principal as a quoted string.", "请把每个主体写成带引号的字符串。"),
                            ),
                        }
                    }
                }
                other => self.push(
                    Code::PolicyPrincipalFormat,
                    &kp.text(),
                    t!(
                        format!("Principal {kind} is {}; it must be a string or a list of strings.", shown(other)),
                        format!("Principal 的 {kind} 为 {}；应为字符串或字符串列表。", shown(other))
                    ),
                    t!(format!("Write \"{kind}\": [\"...\"]."), format!("请写成 \"{kind}\": [\"...\"]。")),
                ),
            }
        }
    }

    fn principal_value(&mut self, ptr: Ptr<'_>, kind: &str, s: &str) {
        let ok = match kind {
            "Service" => service_ok(s),
            "RAM" => ram_principal_ok(s),
            _ => federated_ok(s),
        };
        if s == "*" || ok {
            return;
        }
        let (message, fix) = match kind {
            "Service" => {
                let fix = match repair_service(s).filter(|r| service_ok(r) && r != s) {
                    Some(r) => t!(format!("Did you mean \"{r}\"?"), format!("您是否想写 \"{r}\"？")),
                    None => t!(
                        "Write the service's principal name, e.g. log.aliyuncs.com for Log Service.",
                        "请写服务的主体名称，例如日志服务为 log.aliyuncs.com。"
                    ),
                };
                (
                    t!(
                        format!("\"{s}\" is not a service principal (name.aliyuncs.com)."),
                        format!("\"{s}\" 不是服务主体（name.aliyuncs.com）。")
                    ),
                    fix,
                )
            }
            "RAM" => {
                let fix = if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                    t!(
                        format!("Did you mean \"acs:ram::{s}:root\" (the whole account)?"),
                        format!("您是否想写 \"acs:ram::{s}:root\"（整个账号）？")
                    )
                } else {
                    t!(
                        "Write acs:ram::<account id>:root for an account, or acs:ram::<account id>:role/<role name> for a RAM role.",
                        "账号请写 acs:ram::<账号 ID>:root，RAM 角色请写 acs:ram::<账号 ID>:role/<角色名称>。"
                    )
                };
                (t!(format!("\"{s}\" is not a RAM principal."), format!("\"{s}\" 不是 RAM 主体。")), fix)
            }
            _ => (
                t!(
                    format!("\"{s}\" is not a federated principal (an identity provider ARN)."),
                    format!("\"{s}\" 不是联合主体（身份提供商 ARN）。")
                ),
                t!(
                    "Write acs:ram::<account id>:saml-provider/<name> or acs:ram::<account id>:oidc-provider/<name>.",
                    "请写成 acs:ram::<账号 ID>:saml-provider/<名称> 或 acs:ram::<账号 ID>:oidc-provider/<名称>。"
                ),
            ),
        };
        self.push(Code::PolicyPrincipalFormat, &ptr.text(), message, fix);
    }

    fn condition(&mut self, ptr: &str, v: &Value) {
        let shape_fix = || {
            t!(
                "Write {\"<Operator>\": {\"<key>\": [\"<value>\", ...]}}, e.g. {\"IpAddress\": {\"acs:SourceIp\": [\"192.0.2.0/24\"]}}.",
                "请写成 {\"<运算符>\": {\"<条件键>\": [\"<值>\", ...]}}，例如 {\"IpAddress\": {\"acs:SourceIp\": [\"192.0.2.0/24\"]}}。"
            )
        };
        let Value::Object(ops) = v else {
            self.push(
                Code::PolicyConditionShape,
                ptr,
                t!(
                    format!("Condition is {}; it must be an object of operators.", shown(v)),
                    format!("Condition 为 {}；应为以运算符为键的对象。", shown(v))
                ),
                shape_fix(),
            );
            return;
        };
        for (op, block) in ops {
            let op_ptr = join(ptr, op);
            if !operator_known(op) {
                let fix = match suggest_operator(op) {
                    Some(s) => t!(
                        format!("Did you mean \"{s}\"? Operator names are case-sensitive."),
                        format!("您是否想写 \"{s}\"？运算符名称区分大小写。")
                    ),
                    None => t!(
                        format!(
                            "Use one of: {} (optionally ForAnyValue:/ForAllValues: before, IfExists after).",
                            CONDITION_OPERATORS.join(", ")
                        ),
                        format!(
                            "请使用以下之一：{}（可在前面加 ForAnyValue:/ForAllValues:，在后面加 IfExists）。",
                            CONDITION_OPERATORS.join(", ")
                        )
                    ),
                };
                self.push(
                    Code::PolicyConditionOperator,
                    &op_ptr,
                    t!(format!("\"{op}\" is not a condition operator RAM knows."), format!("\"{op}\" 不是 RAM 支持的条件运算符。")),
                    fix,
                );
            }
            match block {
                Value::Object(keys) if keys.is_empty() => self.push(
                    Code::PolicyConditionShape,
                    &op_ptr,
                    t!(format!("Condition operator \"{op}\" has no keys."), format!("条件运算符 \"{op}\" 下没有条件键。")),
                    shape_fix(),
                ),
                Value::Object(keys) => {
                    for (key, val) in keys {
                        let ok = match val {
                            Value::Array(items) => !items.is_empty() && items.iter().all(is_scalar),
                            other => is_scalar(other),
                        };
                        if !ok {
                            self.push(
                                Code::PolicyConditionShape,
                                &join(&op_ptr, key),
                                t!(
                                    format!(
                                        "The value of condition key \"{key}\" is {}; it must be a value or a non-empty list of values.",
                                        shown(val)
                                    ),
                                    format!("条件键 \"{key}\" 的值为 {}；应为一个值或非空的值列表。", shown(val))
                                ),
                                shape_fix(),
                            );
                        }
                    }
                }
                other => self.push(
                    Code::PolicyConditionShape,
                    &op_ptr,
                    t!(
                        format!("Condition operator \"{op}\" maps to {}; it must map to an object of condition keys.", shown(other)),
                        format!("条件运算符 \"{op}\" 的值为 {}；应为以条件键为键的对象。", shown(other))
                    ),
                    shape_fix(),
                ),
            }
        }
    }
}
