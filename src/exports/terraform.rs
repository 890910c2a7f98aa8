//! Terraform for the alicloud provider (>= 1.252.0).
//!
//! In the provider, `encrypt_type` and `user_cmk_info` force a new `alicloud_log_store`, and an
//! imported unencrypted Logstore has no `encrypt_conf` in state: adding encryption through
//! Terraform destroys and recreates the Logstore. So for an update the change goes through the
//! API (the runbook) and Terraform then adopts the result: `import` blocks for the Logstore and
//! every RAM resource the runbook creates, `encrypt_conf` exactly as the Logstore stores it, and
//! `prevent_destroy`. For a create, the Logstore depends on the RAM resources it needs.

use super::{PerLanguage, project, push, region};
use crate::finding::t;
use crate::finding::{Code, Finding, Lang};
use crate::intent::{Intent, Operation};
use crate::json::Members;
use crate::plan::{Api, Plan, Request};
use crate::pointer::join;
use crate::scan::ByteSet;
use serde_json::{Map, Value};
use std::fmt::Write;

/// The lowest provider version with every argument name used here (`alicloud_ram_role`'s
/// `role_name` and `assume_role_policy_document` arrived in 1.252.0).
pub const PROVIDER_FLOOR: &str = ">= 1.252.0";

/// Appends an HCL string literal of `text` to `s`, `${` / `%{` written so they stay literal: the escapes are serde_json's (`\"`, `\\`, `\n`, `\r`,
/// `\t`, `\b`, `\f`, other control characters as `\u00xx`), then `$$` / `%%` before a `{`.
pub(super) fn push_hcl_string(s: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    const SPECIAL: ByteSet = ByteSet::of(b"\"\\$%").and_controls();
    let bytes = text.as_bytes();
    s.push('"');
    let (mut run, mut from) = (0, 0);
    while let Some(found) = SPECIAL.find(&bytes[from..]) {
        let i = from + found;
        from = i + 1;
        let b = bytes[i];
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            b'$' | b'%' if bytes.get(i + 1) == Some(&b'{') => {
                s.push_str(&text[run..i]);
                s.push(b as char);
                run = i;
                continue;
            }
            _ => continue,
        };
        s.push_str(&text[run..i]);
        if escape.is_empty() {
            s.push_str("\\u00");
            s.push(HEX[usize::from(b >> 4)] as char);
            s.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            s.push_str(escape);
        }
        run = i + 1;
    }
    s.push_str(&text[run..]);
    s.push('"');
}

/// An HCL string literal of its text (as [`push_hcl_string`] writes it), written straight into the text it is formatted into.
struct HclString<'a>(&'a str);

impl std::fmt::Display for HclString<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::with_capacity(self.0.len() + 2);
        push_hcl_string(&mut s, self.0);
        f.write_str(&s)
    }
}

/// What a file's resources are written with: one attribute buffer for all of them, and the
/// lines of the addresses the Logstore depends on.
struct Scratch {
    /// The attribute lines of the resource being written.
    attrs: Attrs,
    /// `    <address>,` lines.
    depends: String,
}

impl Scratch {
    /// The Logstore depends on `address`.
    fn depend(&mut self, address: &str) {
        push!(&mut self.depends, "    ", address, ",\n");
    }
}

/// Attribute lines being put together, their values one after another in one buffer.
struct Attrs {
    /// The values' text.
    text: String,
    /// Each attribute's name, where its value is in `text`, and whether that value has lines of its own.
    lines: Vec<(&'static str, std::ops::Range<usize>, bool)>,
}

impl Attrs {
    fn new() -> Self {
        Attrs { text: String::with_capacity(256), lines: Vec::with_capacity(12) }
    }

    /// No attribute yet (the buffers kept for the next resource's).
    fn reset(&mut self) -> &mut Self {
        self.text.clear();
        self.lines.clear();
        self
    }

    /// An attribute whose value `write` writes.
    fn with(&mut self, name: &'static str, write: impl FnOnce(&mut String)) -> &mut Self {
        const LINE_BREAK: ByteSet = ByteSet::of(b"\n");
        let start = self.text.len();
        write(&mut self.text);
        let multi_line = LINE_BREAK.find_in(&self.text[start..]).is_some();
        self.lines.push((name, start..self.text.len(), multi_line));
        self
    }

    /// An attribute whose value is an HCL string of `value`.
    fn string(&mut self, name: &'static str, value: &str) -> &mut Self {
        self.with(name, |t| push_hcl_string(t, value))
    }

    /// An attribute whose value is an expression, written as it is.
    fn expr(&mut self, name: &'static str, value: &str) -> &mut Self {
        self.with(name, |t| t.push_str(value))
    }

    /// An attribute whose value is a JSON value: a string as an HCL string, anything else as JSON.
    fn value(&mut self, name: &'static str, value: &Value) -> &mut Self {
        match value {
            Value::String(text) => self.string(name, text),
            other => self.with(name, |t| crate::json::push_compact(t, other)),
        }
    }

    /// An attribute whose value is a policy document as `jsonencode(...)`, its lines at `indent`.
    fn policy(&mut self, name: &'static str, doc: &Value, indent: usize) -> &mut Self {
        self.with(name, |t| {
            t.push_str("jsonencode(");
            hcl_json(doc, indent, t);
            t.push(')');
        })
    }

    /// Writes the lines with their `=` aligned as `terraform fmt` aligns them: a run of
    /// one-line attributes is aligned; a multi-line value ends the run and is not padded.
    fn write(&self, s: &mut String, indent: usize) {
        for run in self.lines.split_inclusive(|(_, _, multi_line)| *multi_line) {
            let width = run.iter().filter(|(_, _, multi_line)| !multi_line).map(|(k, _, _)| k.len()).max().unwrap_or(0);
            for (k, value, multi_line) in run {
                Pad(indent).push(s);
                s.push_str(k);
                if !multi_line {
                    // Attribute names are ASCII: their length is their width.
                    Pad(width.saturating_sub(k.len())).push(s);
                }
                push!(s, " = ", &self.text[value.clone()], "\n");
            }
        }
    }
}

/// Logstore body keys and the `alicloud_log_store` arguments they map to.
const TF_ATTRS: &[(&str, &str)] = &[
    ("ttl", "retention_period"),
    ("shardCount", "shard_count"),
    ("autoSplit", "auto_split"),
    ("maxSplitShard", "max_split_shard_count"),
    ("appendMeta", "append_meta"),
    ("enable_tracking", "enable_web_tracking"),
    ("hot_ttl", "hot_ttl"),
    ("infrequentAccessTTL", "infrequent_access_ttl"),
    ("mode", "mode"),
    ("telemetryType", "telemetry_type"),
];

/// The keys of `encrypt_conf` and `user_cmk_info` the provider's schema has.
const CONF_KEYS: &[&str] = &["enable", "encrypt_type", "user_cmk_info"];
const CMK_KEYS: &[&str] = &["cmk_key_id", "arn", "region_id"];

/// Body fields the provider cannot carry: a Terraform create leaves them out and a Terraform
/// update (which sends only its schema fields) resets them. Nested `encrypt_conf` keys as `encrypt_conf.k`.
pub fn outside_schema(body: &Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in body {
        if k == "logstoreName" || TF_ATTRS.iter().any(|(key, _)| key == k) {
            continue;
        }
        if k == "encrypt_conf" {
            if let Value::Object(conf) = v {
                out.extend(conf.keys().filter(|c| !CONF_KEYS.contains(&c.as_str())).map(|c| format!("encrypt_conf.{c}")));
                if let Some(Value::Object(info)) = conf.member("user_cmk_info") {
                    out.extend(info.keys().filter(|c| !CMK_KEYS.contains(&c.as_str())).map(|c| format!("encrypt_conf.user_cmk_info.{c}")));
                }
            }
            continue;
        }
        out.push(k.clone());
    }
    out
}

/// The SLS request of the plan (UpdateLogStore or CreateLogStore) and its body.
fn sls_body(plan: &Plan) -> Option<(&Request, &Map<String, Value>)> {
    let r = plan.logstore_write()?;
    Some((r, r.body.as_ref()?.as_object()?))
}

/// Where a top-level Logstore field sits in the intent (`/current/...`, inside an SDK wrapper, or `/logstore/...`).
fn field_path(intent: &Intent, key: &str) -> String {
    let key = key.split('.').next().unwrap_or(key);
    match intent.operation {
        Operation::Create => join("/logstore", key),
        Operation::Update => {
            let wrapped = intent.current.as_ref().and_then(|c| c.document.value.as_object()).is_some_and(|o| {
                !o.has("logstoreName") && o.member("body").and_then(Value::as_object).is_some_and(|b| b.contains_key(key))
            });
            join(if wrapped { "/current/body" } else { "/current" }, key)
        }
    }
}

/// The findings the Terraform form adds to the plan: SM4's name in the vendor's docs (EXP001) and
/// the stored settings Terraform cannot carry (EXP002).
pub fn findings(intent: &Intent, plan: &Plan, out: &mut Vec<Finding>) {
    let Some((_, body)) = sls_body(plan) else { return };
    let conf_type = body.member("encrypt_conf").and_then(|c| c.member("encrypt_type")).and_then(Value::as_str);
    if conf_type == Some(crate::choice::Algorithm::Sm4.as_str()) {
        out.push(Finding::new(
            Code::Sm4NameDocs,
            "/encryption/encrypt_type",
            t!(
                "The vendor's English docs and the seeds name SM4 \"sm4\"; its Chinese EncryptConf and UpdateLogStoreEncryption pages list \"m4\", \"sm4_ecb\", \"sm4_cbc\", \"sm4_gcm\" and no plain \"sm4\". The plan sends \"sm4\", and the Terraform export writes exactly that, never translated.",
                "厂商英文文档和参考资料将 SM4 写作 \"sm4\"；其中文 EncryptConf 与 UpdateLogStoreEncryption 页面列出的是 \"m4\"、\"sm4_ecb\"、\"sm4_cbc\"、\"sm4_gcm\"，没有单独的 \"sm4\"。本方案发送 \"sm4\"，Terraform 导出也原样写入，不做转换。"
            ),
            t!(
                "After sending, read the Logstore back (GetLogStore) and keep whatever encrypt_type it reports in Terraform and in every later update; if the API refuses \"sm4\", choose \"default\" or ask Alibaba Cloud which value your region takes.",
                "发送后请读回日志库（GetLogStore），并在 Terraform 和之后的每次更新中沿用其返回的 encrypt_type；如 API 拒绝 \"sm4\"，请改用 \"default\" 或向阿里云确认所在地域接受的取值。"
            ),
        ));
    }
    let lost = outside_schema(body);
    if let Some(first) = lost.first() {
        let (list, list_zh) = (lost.join(", "), lost.join("、"));
        let (en, zh) = match intent.operation {
            Operation::Update => (
                format!(
                    "A later Terraform update of this Logstore would reset settings the alicloud provider does not manage: {list}. The provider's UpdateLogStore sends only its own arguments."
                ),
                format!(
                    "之后若用 Terraform 更新该日志库，会重置 alicloud provider 不管理的设置：{list_zh}。该 provider 的 UpdateLogStore 只发送其自身支持的参数。"
                ),
            ),
            Operation::Create => (
                format!(
                    "The alicloud provider cannot set {list}: a Logstore created by the Terraform export lacks them (the runbook's CreateLogStore carries them), and a later Terraform update would reset them."
                ),
                format!(
                    "alicloud provider 无法设置 {list_zh}：用 Terraform 导出创建的日志库不含这些设置（运行手册中的 CreateLogStore 会携带），之后用 Terraform 更新也会重置它们。"
                ),
            ),
        };
        out.push(Finding::new(
            Code::TerraformResets,
            field_path(intent, first),
            t!(en, zh),
            t!(
                "Change this Logstore through the runbook (GetLogStore, merge, UpdateLogStore with the whole body), not by editing the Terraform resource; or add ignore_changes = all to its lifecycle so Terraform never updates it.",
                "请通过运行手册修改该日志库（GetLogStore、合并、发送完整请求体的 UpdateLogStore），不要通过修改 Terraform 资源来变更；或在其 lifecycle 中加入 ignore_changes = all，使 Terraform 永不更新它。"
            ),
        ));
    }
}

/// A JSON value as an HCL expression laid out as `terraform fmt` writes it (`"key" : value`),
/// its strings HCL-escaped; nested lines start at `indent` plus their depth.
fn hcl_json(v: &Value, indent: usize, out: &mut String) {
    let pad = |n: usize| Pad(n);
    match v {
        Value::Object(o) if !o.is_empty() => {
            out.push_str("{\n");
            for (i, (k, x)) in o.iter().enumerate() {
                pad(indent + 2).push(out);
                push_hcl_string(out, k);
                out.push_str(" : ");
                hcl_json(x, indent + 2, out);
                out.push_str(if i + 1 < o.len() { ",\n" } else { "\n" });
            }
            pad(indent).push(out);
            out.push('}');
        }
        Value::Array(a) if !a.is_empty() => {
            out.push_str("[\n");
            for (i, x) in a.iter().enumerate() {
                pad(indent + 2).push(out);
                hcl_json(x, indent + 2, out);
                out.push_str(if i + 1 < a.len() { ",\n" } else { "\n" });
            }
            pad(indent).push(out);
            out.push(']');
        }
        Value::String(text) => push_hcl_string(out, text),
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

/// So many spaces.
struct Pad(usize);

impl Pad {
    /// Appends the spaces to `s`.
    fn push(self, s: &mut String) {
        const SPACES: &str = "                ";
        match SPACES.get(..self.0) {
            Some(spaces) => s.push_str(spaces),
            None => (0..self.0).for_each(|_| s.push(' ')),
        }
    }
}

/// An `import` block: the resource `to` adopts what exists as `id`.
fn import(s: &mut String, to: &str, id: &str) {
    push!(s, "import {\n  to = ", to, "\n  id = ");
    push_hcl_string(s, id);
    s.push_str("\n}\n\n");
}

/// A RAM request's parameter.
fn query<'a>(r: &'a Request, k: &str) -> &'a str {
    r.query.member(k).and_then(Value::as_str).unwrap_or_default()
}

/// Writes `text` as `#` comment lines at `indent` spaces.
fn comment(s: &mut String, indent: usize, text: &str) {
    for line in text.lines() {
        Pad(indent).push(s);
        s.push('#');
        if !line.is_empty() {
            s.push(' ');
            s.push_str(line);
        }
        s.push('\n');
    }
}

/// The header: what this file does and, for an update, that the runbook goes first (written once
/// per language and operation).
fn header(lang: Lang, update: bool) -> &'static str {
    static CREATE: PerLanguage<String> = PerLanguage::new();
    static UPDATE: PerLanguage<String> = PerLanguage::new();
    (if update { &UPDATE } else { &CREATE }).get(lang, |lang| written_header(lang, update))
}

/// [`header`], written.
fn written_header(lang: Lang, update: bool) -> String {
    let head = t!(
        "Generated by sls-encrypt for the alicloud provider (>= 1.252.0) and Terraform (>= 1.5).",
        "由 sls-encrypt 生成，适用于 alicloud provider（>= 1.252.0）和 Terraform（>= 1.5）。"
    );
    let body = if update {
        t!(
            "UPDATE OF AN EXISTING LOGSTORE: Terraform cannot add encryption in place. In the alicloud\nprovider encrypt_type and user_cmk_info force a new resource, and an imported unencrypted\nLogstore has no encrypt_conf in state: applying an encrypt_conf would DESTROY the Logstore\nand its logs and create a new one.\n\n1. Run the runbook FIRST (the aliyun CLI or Python export): it sets up RAM and sends\n   UpdateLogStore through the API.\n2. Then run terraform plan: the import blocks adopt the Logstore and the RAM resources as\n   the runbook left them. The plan must show only imports: no change, no replacement.\n   Then terraform apply.\n\nprevent_destroy makes Terraform refuse any plan that would destroy the Logstore.",
            "更新已有日志库：Terraform 无法原地添加加密。在 alicloud provider 中，encrypt_type 和\nuser_cmk_info 会强制新建资源，而导入的未加密日志库在状态中没有 encrypt_conf：\n直接应用 encrypt_conf 会销毁该日志库及其日志并新建一个。\n\n1. 先运行运行手册（aliyun CLI 或 Python 导出）：它配置 RAM 并通过 API 发送 UpdateLogStore。\n2. 再运行 terraform plan：import 块按运行手册完成后的状态纳管日志库和 RAM 资源。\n   计划中只能有导入：没有变更，没有替换。然后运行 terraform apply。\n\nprevent_destroy 使 Terraform 拒绝任何会销毁该日志库的计划。"
        )
    } else {
        t!(
            "CREATE: the Logstore is created with its encryption and depends on the RAM role, its KMS\ngrants and the PassRole attachment, so it is created after them. prevent_destroy makes\nTerraform refuse any plan that would destroy it.",
            "创建：日志库在创建时即带加密，并依赖 RAM 角色、其 KMS 授权和 PassRole 授权，因此在它们之后创建。\nprevent_destroy 使 Terraform 拒绝任何会销毁该日志库的计划。"
        )
    };
    let mut s = String::new();
    comment(&mut s, 0, &format!("{}\n\n{}", head.get(lang), body.get(lang)));
    s.push('\n');
    s
}

/// A guard that makes `terraform plan` fail with `why` while the plan has errors. A variable
/// validation runs on every plan (also with `-target`); `condition = false` would be refused as
/// an invalid condition instead of showing the message.
fn draft_guard(lang: Lang, why: &str) -> String {
    let mut s = String::new();
    comment(
        &mut s,
        0,
        t!(
            "DRAFT: this plan has errors. terraform plan stops here with the message below.",
            "草稿：此方案有错误。terraform plan 会在此停止并显示下面的信息。"
        )
        .get(lang),
    );
    let _ = writeln!(
        s,
        "variable \"sls_encrypt_draft\" {{\n  description = \"Set by sls-encrypt while the plan has errors.\"\n  type        = string\n  default     = {}\n\n  validation {{\n    condition     = var.sls_encrypt_draft == \"\"\n    error_message = {}\n  }}\n}}\n",
        HclString(why),
        HclString(&format!("sls-encrypt: {why}."))
    );
    s
}

/// The Terraform export; `draft` (why the plan has errors) adds a guard that fails every plan.
pub(super) fn terraform(intent: &Intent, plan: &Plan, draft: Option<&str>) -> Option<String> {
    let (_, body) = sls_body(plan)?;
    let lang = intent.lang;
    let update = intent.operation == Operation::Update;
    // The whole export is written after the header.
    let mut s = String::with_capacity(8 * 1024);
    s.push_str(header(lang, update));
    if let Some(why) = draft {
        s.push_str(&draft_guard(lang, why));
    }
    let _ = writeln!(
        s,
        "terraform {{\n  required_version = \">= 1.5.0\"\n  required_providers {{\n    alicloud = {{\n      source  = \"aliyun/alicloud\"\n      version = \"{PROVIDER_FLOOR}\"\n    }}\n  }}\n}}\n\nprovider \"alicloud\" {{\n  region = {}\n}}\n",
        HclString(region(intent))
    );
    let mut scratch = Scratch { attrs: Attrs::new(), depends: String::new() };
    role_resources(&mut s, intent, plan, &mut scratch);
    passrole_resources(&mut s, intent, plan, &mut scratch);
    logstore_resource(&mut s, intent, body, &mut scratch);
    Some(s)
}

/// The role the plan creates and the KMS policies attached to it (all kept from destruction), or a
/// comment that an existing role is updated by the runbook.
fn role_resources(s: &mut String, intent: &Intent, plan: &Plan, scratch: &mut Scratch) {
    let lang = intent.lang;
    let update = intent.operation == Operation::Update;
    let keep = t!(
        "The Logstore needs this to read its encrypted data: never destroy it while the Logstore exists.",
        "日志库读取已加密数据需要它：日志库存在期间切勿销毁。"
    );
    let create_role = plan.request(Api::CreateRole);
    if let Some(r) = create_role {
        if update {
            import(s, "alicloud_ram_role.sls_byok", query(r, "RoleName"));
        }
        comment(s, 0, keep.get(lang));
        let lines = scratch.attrs.reset();
        lines.string("role_name", query(r, "RoleName"));
        if r.query.has("Description") {
            lines.string("description", query(r, "Description"));
        }
        match &plan.trust_policy {
            Some(t) => lines.policy("assume_role_policy_document", t, 2),
            None => lines.string("assume_role_policy_document", query(r, "AssumeRolePolicyDocument")),
        };
        s.push_str("resource \"alicloud_ram_role\" \"sls_byok\" {\n");
        lines.write(s, 2);
        s.push_str("\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n\n");
        scratch.depend("alicloud_ram_role.sls_byok");
    } else if let (Some(role), Some(_)) = (crate::ram::role(intent), plan.request(Api::UpdateRole)) {
        let text = match lang {
            Lang::En => {
                format!("The role {role} exists; the runbook merges log.aliyuncs.com into its trust policy. It is not managed here.")
            }
            Lang::Zh => format!("角色 {role} 已存在；运行手册会将 log.aliyuncs.com 合并进其信任策略。此处不管理该角色。"),
        };
        comment(s, 0, &text);
        s.push('\n');
    }
    for (i, r) in plan.requests.iter().filter(|r| r.api == Api::AttachPolicyToRole).enumerate() {
        let (name, role) = (query(r, "PolicyName"), query(r, "RoleName"));
        let mut address = String::with_capacity(48);
        push!(&mut address, "alicloud_ram_role_policy_attachment.kms_", i);
        if update {
            import(s, &address, &["role:", name, ":", query(r, "PolicyType"), ":", role].concat());
        }
        comment(s, 0, keep.get(lang));
        push!(s, "resource \"alicloud_ram_role_policy_attachment\" \"kms_", i, "\" {\n");
        let lines = scratch.attrs.reset();
        match create_role {
            Some(_) => lines.expr("role_name", "alicloud_ram_role.sls_byok.role_name"),
            None => lines.string("role_name", role),
        };
        lines.string("policy_name", name).string("policy_type", query(r, "PolicyType")).write(s, 2);
        s.push_str("\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n\n");
        scratch.depend(&address);
    }
}

/// The PassRole policy the plan creates and its attachment to the user.
fn passrole_resources(s: &mut String, intent: &Intent, plan: &Plan, scratch: &mut Scratch) {
    let update = intent.operation == Operation::Update;
    let Some(r) = plan.request(Api::CreatePolicy) else { return };
    let name = query(r, "PolicyName");
    if update {
        import(s, "alicloud_ram_policy.passrole", name);
    }
    let lines = scratch.attrs.reset();
    lines.string("policy_name", name);
    if r.query.has("Description") {
        lines.string("description", query(r, "Description"));
    }
    match &plan.passrole_policy {
        Some(p) => lines.policy("policy_document", p, 2),
        None => lines.string("policy_document", query(r, "PolicyDocument")),
    };
    s.push_str("resource \"alicloud_ram_policy\" \"passrole\" {\n");
    lines.write(s, 2);
    s.push_str("}\n\n");
    match plan.request(Api::AttachPolicyToUser) {
        Some(a) => {
            let user = query(a, "UserName");
            if update {
                import(
                    s,
                    "alicloud_ram_user_policy_attachment.passrole",
                    &["user:", name, ":", query(a, "PolicyType"), ":", user].concat(),
                );
            }
            s.push_str("resource \"alicloud_ram_user_policy_attachment\" \"passrole\" {\n");
            scratch
                .attrs
                .reset()
                .string("user_name", user)
                .expr("policy_name", "alicloud_ram_policy.passrole.policy_name")
                .string("policy_type", query(a, "PolicyType"))
                .write(s, 2);
            s.push_str("}\n\n");
            scratch.depend("alicloud_ram_user_policy_attachment.passrole");
        }
        None => scratch.depend("alicloud_ram_policy.passrole"),
    }
}

/// The Logstore itself: the settings the provider carries, the permanent encrypt_conf, after the RAM resources.
fn logstore_resource(s: &mut String, intent: &Intent, body: &Map<String, Value>, scratch: &mut Scratch) {
    let lang = intent.lang;
    let update = intent.operation == Operation::Update;
    let name = body.member("logstoreName").and_then(Value::as_str).map(String::from).unwrap_or_else(|| "<logstore>".into());
    let project = project(intent);
    if update {
        import(s, "alicloud_log_store.this", &[project, ":", &name].concat());
    }
    let lost = outside_schema(body);
    if !lost.is_empty() {
        let text = match lang {
            Lang::En => format!(
                "Not carried by the provider (a Terraform update would reset them; see finding {}): {}.",
                Code::TerraformResets,
                lost.join(", ")
            ),
            Lang::Zh => {
                format!("provider 不支持以下设置（用 Terraform 更新会重置它们；见 {}）：{}。", Code::TerraformResets, lost.join("、"))
            }
        };
        comment(s, 0, &text);
    }
    s.push_str("resource \"alicloud_log_store\" \"this\" {\n");
    let lines = scratch.attrs.reset();
    lines.string("project_name", project).string("logstore_name", &name);
    for (key, attr) in TF_ATTRS {
        if let Some(v) = body.member(key) {
            lines.value(attr, v);
        }
    }
    lines.write(s, 2);
    encrypt_conf_block(s, lang, update, body, &mut scratch.attrs);
    if !scratch.depends.is_empty() {
        push!(s, "\n  depends_on = [\n", &scratch.depends, "  ]\n");
    }
    s.push_str("\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n");
}

/// The Logstore's `encrypt_conf` block, with `user_cmk_info` for BYOK.
fn encrypt_conf_block(s: &mut String, lang: Lang, update: bool, body: &Map<String, Value>, attrs: &mut Attrs) {
    let Some(Value::Object(conf)) = body.member("encrypt_conf") else { return };
    s.push('\n');
    comment(
        s,
        2,
        if update {
            t!(
                "Exactly as the Logstore stores it after the runbook: encrypt_type and user_cmk_info can never change (ForceNew).",
                "与运行手册执行后日志库存储的完全一致：encrypt_type 和 user_cmk_info 永远不能更改（ForceNew）。"
            )
        } else {
            t!(
                "Set at creation and permanent: encrypt_type and user_cmk_info can never change (ForceNew).",
                "创建时设置且不可更改：encrypt_type 和 user_cmk_info 永远不能更改（ForceNew）。"
            )
        }
        .get(lang),
    );
    s.push_str("  encrypt_conf {\n");
    let conf_lines = attrs.reset();
    for k in ["enable", "encrypt_type"] {
        if let Some(v) = conf.member(k) {
            conf_lines.value(k, v);
        }
    }
    conf_lines.write(s, 4);
    if let Some(Value::Object(info)) = conf.member("user_cmk_info") {
        s.push_str("\n    user_cmk_info {\n");
        let info_lines = attrs.reset();
        for k in CMK_KEYS {
            if let Some(v) = info.member(k) {
                info_lines.value(k, v);
            }
        }
        info_lines.write(s, 6);
        s.push_str("    }\n");
    }
    s.push_str("  }\n");
}
