//! The change ticket: the plan as a Markdown document for a change review, in the intent's
//! language. What changes and why, the diff, every finding, the irreversible facts, each request
//! in order, how to verify afterwards, and what can and cannot be rolled back.

use super::shell::GetLogStoreApi;
use super::{ShellQuoted, logstore, project, push, region};
use crate::finding::t;
use crate::finding::{Finding, Lang, Severity, Text};
use crate::intent::{Intent, Operation};
use crate::json::Members;
use crate::json::{self, Quoting, Writer};
use crate::plan::{Api, FieldStatus, Plan, Request, Verification};
use crate::scan::ByteSet;
use serde_json::{Map, Value};
use std::fmt::Write;

/// Escapes text for a Markdown table cell or paragraph: Markdown's active characters are
/// backslash-escaped, a line break becomes a space.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_escaped(&mut out, s);
    out
}

/// Appends [`escape`]`(text)` to `s`.
fn push_escaped(s: &mut String, text: &str) {
    // Every character acted on is ASCII: copy the runs between them whole.
    const ACTED_ON: ByteSet = ByteSet::of(b"\\`*[]<>|\n\r");
    let bytes = text.as_bytes();
    let mut run = 0;
    while let Some(found) = ACTED_ON.find(&bytes[run..]) {
        let i = run + found;
        s.push_str(&text[run..i]);
        let b = bytes[i];
        if matches!(b, b'\n' | b'\r') {
            s.push(' ');
        } else {
            s.push('\\');
            s.push(char::from(b));
        }
        run = i + 1;
    }
    s.push_str(&text[run..]);
}

/// What a code span acts on: backticks (its fence), line breaks (spaces) and `|` (escaped).
const CODE_SPECIAL: ByteSet = ByteSet::of(b"`\n\r|");

/// What a code span's text has replaced: line breaks (spaces) and `|` (escaped).
const BREAK_OR_PIPE: ByteSet = ByteSet::of(b"\n\r|");

/// An inline code span that survives backticks in `s`, with `|` escaped for table cells.
fn code(s: &str) -> CodeSpan<'_> {
    CodeSpan(s)
}

/// [`code`]`(text)`, written straight into the text it is formatted into.
struct CodeSpan<'a>(&'a str);

impl std::fmt::Display for CodeSpan<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_code(f, self.0)
    }
}

/// The length of the longest run of backticks in `s`.
fn longest_backticks(s: &str) -> usize {
    let mut longest = 0;
    let mut rest = s;
    // One byte to find: most texts have none.
    while let Some(i) = crate::scan::find_ascii(rest, b'`') {
        let run = rest.as_bytes()[i..].iter().position(|&b| b != b'`').unwrap_or(rest.len() - i);
        longest = longest.max(run);
        rest = &rest[i + run..];
    }
    longest
}

/// Appends [`code`]`(text)` to `s`.
fn push_code(s: &mut String, text: &str) {
    // Most spans (names, ids, short values) have nothing to escape: one backtick either side.
    if !text.is_empty() && CODE_SPECIAL.find_in(text).is_none() {
        s.reserve(text.len() + 2);
        s.push('`');
        s.push_str(text);
        s.push('`');
        return;
    }
    let _ = write_code(s, text);
}

/// Writes [`code`]`(text)` to `w`.
fn write_code<W: Write>(w: &mut W, text: &str) -> std::fmt::Result {
    let longest = longest_backticks(text);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.is_empty() { " " } else { "" };
    let ticks = |w: &mut W| (0..=longest).try_for_each(|_| w.write_char('`'));
    ticks(w)?;
    w.write_str(pad)?;
    // Line breaks become spaces, `|` is escaped for table cells; all ASCII, so runs copy whole.
    let mut rest = text;
    while let Some(i) = BREAK_OR_PIPE.find_in(rest) {
        w.write_str(&rest[..i])?;
        w.write_str(if rest.as_bytes()[i] == b'|' { "\\|" } else { " " })?;
        rest = &rest[i + 1..];
    }
    w.write_str(rest)?;
    w.write_str(pad)?;
    ticks(w)
}

/// Appends a fenced code block of `text` that survives backtick runs in it.
fn push_fence(s: &mut String, info: &str, text: &str) {
    let ticks = (longest_backticks(text) + 1).max(3);
    let put_ticks = |s: &mut String| (0..ticks).for_each(|_| s.push('`'));
    put_ticks(s);
    s.push_str(info);
    s.push('\n');
    s.push_str(text.trim_end_matches('\n'));
    s.push('\n');
    put_ticks(s);
    s.push('\n');
}

/// A request body as pretty JSON, with its `encrypt_conf` (`conf`, whose value is `at` in the
/// body's text) sent with `enable` set to `enable` (the key kept in its place, or added last): the
/// body that switches encryption back, the rest of its text as the request shows it.
fn flipped(body: &BodyText, at: std::ops::Range<usize>, conf: &Map<String, Value>, enable: bool) -> String {
    let mut s = String::with_capacity(body.text.len() + 16);
    s.push_str(&body.text[..at.start]);
    // The encrypt_conf stands one level deep in the body.
    Writer::pretty_at(&mut s, Quoting::Json, 1).object(|o| {
        for (k, v) in conf {
            if k == "enable" {
                o.member(k, |w| w.bool(enable));
            } else {
                o.member(k, |w| w.value(v));
            }
        }
        if !conf.has("enable") {
            o.member("enable", |w| w.bool(enable));
        }
    });
    s.push_str(&body.text[at.end..]);
    s
}

/// The body of the request that writes the Logstore as pretty JSON, and where its encrypt_conf's
/// value is in it: the requests show it, the rollback shows it with that value written anew.
struct BodyText<'a> {
    /// The request.
    request: &'a Request,
    /// Its body, as pretty JSON.
    text: String,
    /// Where the value of its `encrypt_conf` is in `text`.
    conf: Option<std::ops::Range<usize>>,
}

/// Longest value shown whole in a diff cell; longer ones end in `…` (the request body has them whole).
const CELL_CHARS: usize = 200;

fn shorten(s: &str) -> String {
    crate::limits::truncate(s, CELL_CHARS).to_string()
}

fn severity(lang: Lang, s: Severity) -> &'static str {
    match s {
        Severity::Error => lang.pick("error", "错误"),
        Severity::SecurityWarning => lang.pick("security warning", "安全警告"),
        Severity::Warning => lang.pick("warning", "警告"),
        Severity::Suggestion => lang.pick("suggestion", "建议"),
        Severity::Info => lang.pick("info", "提示"),
    }
}

/// Appends where a finding is: its path as code, then its line and column when known.
fn push_where(s: &mut String, lang: Lang, f: &Finding) {
    push_code(s, if f.path.is_empty() { "/" } else { &f.path });
    if let (Some(l), Some(c)) = (f.line, f.column) {
        match lang {
            Lang::En => push!(s, " (line ", l, ", column ", c, ")"),
            Lang::Zh => push!(s, "（第 ", l, " 行第 ", c, " 列）"),
        }
    }
}

/// The verification result as Markdown: whether everything matched, then one row per field.
fn verification_section(lang: Lang, v: &Verification) -> String {
    let mut s = String::new();
    let verdict = match (v.ok, v.fields.is_empty()) {
        (true, _) => {
            lang.pick("Every field sent matches the Logstore read after the change.", "发送的每个字段都与变更后读取的日志库一致。")
        }
        (false, true) => lang.pick("Nothing could be compared: see the findings for why.", "无法进行比较：原因见检查结果。"),
        (false, false) => lang.pick(
            "The Logstore read after the change does NOT match what was sent: see the rows below and the findings.",
            "变更后读取的日志库与发送的内容不一致：请查看下表和检查结果。",
        ),
    };
    let _ = writeln!(
        s,
        "{verdict}
"
    );
    if v.fields.is_empty() {
        return s;
    }
    let _ = writeln!(s, "| {} |\n|---|---|---|---|", lang.pick("Field | Sent | Read back | Status", "字段 | 发送的值 | 读取到的值 | 状态"));
    let cell = |x: &Option<Value>| x.as_ref().map(|x| code(&shorten(&json::compact(x))).to_string()).unwrap_or_else(|| "—".into());
    for row in &v.fields {
        let status = match row.status {
            FieldStatus::Same => lang.pick("matches", "一致"),
            FieldStatus::Differs => lang.pick("**differs**", "**不一致**"),
            FieldStatus::Missing => lang.pick("**missing**", "**缺失**"),
        };
        let _ = writeln!(s, "| {} | {} | {} | {status} |", code(&row.field), cell(&row.expected), cell(&row.actual));
    }
    s
}

/// The diff table's columns.
const DIFF_COLUMNS: [(&str, &str); 5] = [("Field", "字段"), ("Change", "变化"), ("Before", "之前"), ("After", "之后"), ("Why", "原因")];

/// The findings table's columns.
const FINDING_COLUMNS: [(&str, &str); 5] =
    [("Severity", "级别"), ("Code", "代码"), ("Where", "位置"), ("Finding", "问题"), ("What to do", "处理方法")];

/// A table's header row and its separator row.
fn table_head<const N: usize>(s: &mut String, head: [&str; N]) {
    s.push('|');
    for cell in head {
        s.push(' ');
        s.push_str(cell);
        s.push_str(" |");
    }
    s.push_str("\n|");
    (0..N).for_each(|_| s.push_str("---|"));
    s.push('\n');
}

/// Appends `v` as compact JSON in a code span, cut at [`CELL_CHARS`]; true when it was cut.
fn push_value_cell(s: &mut String, v: &Value, buf: &mut String) -> bool {
    buf.clear();
    json::push_compact(buf, v);
    let text = buf.as_str();
    // More characters than bytes is impossible: a short text is neither long nor shortened.
    if text.len() <= CELL_CHARS {
        push_code(s, text);
        return false;
    }
    push_code(s, &shorten(text));
    text.chars().count() > CELL_CHARS
}

/// The change ticket for `plan`, in `intent.lang`, with the verification result when the plan
/// has one (its own section after "Verify afterwards").
pub fn change_ticket(intent: &Intent, plan: &Plan) -> String {
    let conf = plan.encrypt_conf.as_ref();
    let ticket = Ticket {
        intent,
        plan,
        lang: intent.lang,
        update: intent.operation == Operation::Update,
        project: project(intent),
        region: region(intent),
        logstore: logstore(intent),
        enabled: conf.and_then(|c| c.member("enable")).and_then(Value::as_bool) == Some(true),
        byok: conf.is_some_and(|c| c.member("user_cmk_info").is_some_and(|i| !i.is_null())),
        ram: plan.requests.iter().filter(|r| r.api.is_ram()).count(),
        conf_json: conf.map(json::pretty).unwrap_or_default(),
        write_body: plan.request(Api::UpdateLogStore).or_else(|| plan.request(Api::CreateLogStore)).and_then(|request| {
            let (text, conf) = json::pretty_marking(request.body.as_ref()?.as_object()?, "encrypt_conf");
            Some(BodyText { request, text, conf })
        }),
    };
    let mut findings: Vec<&Finding> = plan.findings.iter().collect();
    findings.sort_by_key(|f| f.severity);
    let errors: Vec<&str> = findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.code.as_str()).collect();
    let mut s = String::with_capacity(16 * 1024);
    ticket.title(&mut s, &errors);
    ticket.what_changes(&mut s);
    ticket.diff(&mut s);
    ticket.findings(&mut s, &findings);
    ticket.irreversible(&mut s);
    ticket.requests(&mut s);
    ticket.verify_afterwards(&mut s);
    ticket.rollback(&mut s);
    s
}

/// What every section of a change ticket reads.
struct Ticket<'a> {
    /// The body of the request that writes the Logstore (see [`BodyText`]).
    write_body: Option<BodyText<'a>>,
    /// The intent the plan was compiled from.
    intent: &'a Intent,
    /// The plan the ticket describes.
    plan: &'a Plan,
    /// The ticket's language (the intent's).
    lang: Lang,
    /// An update of an existing Logstore (else a create).
    update: bool,
    /// The target's project.
    project: &'a str,
    /// The target's region.
    region: &'a str,
    /// The target's Logstore (`<logstore>` when not given).
    logstore: &'a str,
    /// The encrypt_conf sent turns encryption on.
    enabled: bool,
    /// The encrypt_conf sent uses the customer's CMK.
    byok: bool,
    /// How many RAM requests the plan has.
    ram: usize,
    /// The encrypt_conf sent, as pretty JSON (empty when none is sent); two sections show it.
    conf_json: String,
}

impl Ticket<'_> {
    /// A bullet: `text` in the ticket's language, escaped.
    fn bullet(&self, s: &mut String, text: &Text) {
        s.push_str("- ");
        push_escaped(s, text.get(self.lang));
        s.push('\n');
    }

    /// The text for an update, or the one for a create.
    fn by_operation(&self, update: Text, create: Text) -> Text {
        if self.update { update } else { create }
    }

    /// The title, and the draft warning when the plan has errors.
    fn title(&self, s: &mut String, errors: &[&str]) {
        let lang = self.lang;
        let project = &self.project;
        let region = &self.region;
        let logstore = &self.logstore;
        let (before, middle, after) = match lang {
            Lang::En => ("Change ticket: encryption of Logstore ", " (project ", ")"),
            Lang::Zh => ("变更单：日志库 ", " 的加密（项目 ", "）"),
        };
        push!(s, "# ", before);
        push_code(s, logstore);
        s.push_str(middle);
        push_code(s, project);
        s.push_str(lang.pick(", ", "，"));
        push_code(s, region);
        push!(s, after, "\n\n");
        if !errors.is_empty() {
            let _ = writeln!(
                s,
                "> **{}**\n",
                t!(
                    format!("DRAFT: this plan has errors ({}). Do not carry it out; fix them in sls-encrypt first.", errors.join(", ")),
                    format!("草稿：此方案有错误（{}）。请勿执行；请先在 sls-encrypt 中修正。", errors.join("、"))
                )
                .get(lang)
            );
        }
    }

    /// What changes and why: the operation, the endpoint, the encryption and its key, the RAM side, the encrypt_conf sent.
    fn what_changes(&self, s: &mut String) {
        let lang = self.lang;
        let update = self.update;
        let conf = self.plan.encrypt_conf.as_ref();
        let enabled = self.enabled;
        let plan = self.plan;
        self.heading(s, "What changes and why", "变更内容与原因");
        let colon = lang.pick(": ", "：");
        let op = if update {
            t!(
                "Update an existing Logstore: read it, then send the whole configuration back with the complete encrypt_conf (UpdateLogStore replaces everything).",
                "更新已有日志库：先读取，再发回完整配置及完整的 encrypt_conf（UpdateLogStore 会替换全部配置）。"
            )
        } else {
            t!("Create a new Logstore with its encryption (CreateLogStore).", "创建带加密的新日志库（CreateLogStore）。")
        };
        push!(s, "- ", lang.pick("Operation", "操作"), colon);
        push_escaped(s, op.get(lang));
        s.push('\n');
        if let Some(host) = plan.target.as_ref().and_then(|t| t.host.as_ref()) {
            push!(s, "- ", lang.pick("Endpoint", "服务地址"), colon);
            push_code(s, host);
            s.push('\n');
        }
        match conf {
            Some(c) => {
                let algo = c.member("encrypt_type").and_then(Value::as_str).unwrap_or_default();
                let state = if enabled { lang.pick("on", "开启") } else { lang.pick("off", "关闭") };
                let semi = lang.pick("; ", "；");
                push!(s, "- ", lang.pick("Encryption", "加密"), colon, state, semi, lang.pick("algorithm", "算法"), colon);
                push_code(s, algo);
                push!(s, semi, lang.pick("key", "密钥"), colon);
                self.key(s, c);
                s.push('\n');
            }
            None => {
                push!(
                    s,
                    "- ",
                    lang.pick("Encryption", "加密"),
                    colon,
                    lang.pick("no encrypt_conf is sent.", "不发送 encrypt_conf。"),
                    "\n"
                );
            }
        }
        self.bullet(s, &self.by_operation(t!("Why: apply the requested encryption while keeping every other setting exactly as read (see the diff); a partial update would reset them.", "原因：应用所请求的加密，同时原样保留读取到的其他所有设置（见差异）；部分更新会重置这些设置。"), t!("Why: a Logstore encrypted from its creation never holds unencrypted data.", "原因：从创建起即加密的日志库不会存有未加密数据。")));
        let ram = self.ram;
        if ram > 0 {
            let _ = match lang {
                Lang::En => {
                    writeln!(s, "- RAM: {ram} request(s) set up the role Log Service assumes, its KMS grants and the PassRole policy.")
                }
                Lang::Zh => writeln!(s, "- RAM：{ram} 个请求用于配置日志服务扮演的角色、其 KMS 授权和 PassRole 策略。"),
            };
        }
        if conf.is_some() {
            push!(s, "\n", lang.pick("The complete encrypt_conf sent:", "发送的完整 encrypt_conf："), "\n\n");
            push_fence(s, "json", &self.conf_json);
        }
        s.push('\n');
    }

    /// The key of the encrypt_conf sent: its CMK, region and role (BYOK), or the service key.
    fn key(&self, s: &mut String, conf: &Value) {
        let Some(Value::Object(i)) = conf.member("user_cmk_info") else {
            s.push_str(self.lang.pick("the service key (managed by Log Service)", "服务密钥（由日志服务管理）"));
            return;
        };
        let f = |k: &str| i.member(k).and_then(Value::as_str).unwrap_or_default();
        match self.lang {
            Lang::En => {
                s.push_str("BYOK: CMK ");
                push_code(s, f("cmk_key_id"));
                s.push_str(" in ");
                push_code(s, f("region_id"));
                s.push_str(", used through the role ");
                push_code(s, f("arn"));
            }
            Lang::Zh => {
                s.push_str("自带密钥（BYOK）：");
                push_code(s, f("region_id"));
                s.push_str(" 中的 CMK ");
                push_code(s, f("cmk_key_id"));
                s.push_str("，通过角色 ");
                push_code(s, f("arn"));
                s.push_str(" 使用");
            }
        }
    }

    /// A section's heading (`## `), in the ticket's language.
    fn heading(&self, s: &mut String, en: &str, zh: &str) {
        push!(s, "## ", self.lang.pick(en, zh), "\n\n");
    }

    /// The field-by-field diff (long values shortened).
    fn diff(&self, s: &mut String) {
        let lang = self.lang;
        let update = self.update;
        let plan = self.plan;
        self.heading(s, "Diff", "差异");
        if plan.diff.is_empty() {
            let _ = writeln!(
                s,
                "{}\n",
                if update {
                    lang.pick(
                        "No diff: the pasted Logstore could not be merged (see the findings).",
                        "无差异：粘贴的日志库未能合并（见发现的问题）。",
                    )
                } else {
                    lang.pick(
                        "A new Logstore: nothing exists to compare; its body is in the requests below.",
                        "新日志库：没有可比较的现有配置；其请求体见下方请求。",
                    )
                }
            );
        } else {
            let head = DIFF_COLUMNS.map(|(en, zh)| lang.pick(en, zh));
            table_head(s, head);
            let (mut long, mut buf) = (false, String::new());
            for d in &plan.diff {
                s.push_str("| ");
                push_code(s, &d.field);
                s.push_str(" | ");
                s.push_str(d.change.label_in(lang));
                for v in [&d.before, &d.after] {
                    s.push_str(" | ");
                    match v {
                        Some(v) => long |= push_value_cell(s, v, &mut buf),
                        None => s.push('—'),
                    }
                }
                s.push_str(" | ");
                push_escaped(s, lang.pick(&d.reason, &d.reason_zh));
                s.push_str(" |\n");
            }
            if long {
                let _ = writeln!(
                    s,
                    "\n{}",
                    t!(
                        format!(
                            "Values longer than {CELL_CHARS} characters are shortened here (…); the request body below has them whole."
                        ),
                        format!("超过 {CELL_CHARS} 个字符的值在此处被截短（…）；下方请求体中为完整值。")
                    )
                    .get(lang)
                );
            }
            s.push('\n');
        }
    }

    /// Every finding, most severe first.
    fn findings(&self, s: &mut String, findings: &[&Finding]) {
        let lang = self.lang;
        self.heading(s, "Findings", "发现的问题");
        if findings.is_empty() {
            push!(s, lang.pick("None.", "无。"), "\n\n");
        } else {
            table_head(s, FINDING_COLUMNS.map(|(en, zh)| lang.pick(en, zh)));
            for f in findings {
                s.push_str("| ");
                s.push_str(severity(lang, f.severity));
                s.push_str(" | ");
                s.push_str(f.code.as_str());
                s.push_str(" | ");
                push_where(s, lang, f);
                s.push_str(" | ");
                push_escaped(s, lang.pick(&f.message, &f.message_zh));
                s.push_str(" | ");
                push_escaped(s, lang.pick(&f.fix, &f.fix_zh));
                s.push_str(" |\n");
            }
            s.push('\n');
        }
    }

    /// The irreversible facts.
    fn irreversible(&self, s: &mut String) {
        let lang = self.lang;
        let conf = self.plan.encrypt_conf.as_ref();
        let byok = self.byok;
        self.heading(s, "Irreversible", "不可撤销的事项");
        if conf.is_some() {
            self.bullet(s, &t!("Once encryption is configured, the key mechanism (service key or BYOK), the algorithm (encrypt_type) and every user_cmk_info value (CMK, role, region) can never change; only enable can.", "加密一经配置，密钥类型（服务密钥或自带密钥）、算法（encrypt_type）以及 user_cmk_info 的每个值（CMK、角色、地域）都无法再更改；只有 enable 可以修改。"));
            if byok {
                self.bullet(s, &t!("If the CMK is disabled, deleted or scheduled for deletion, every read and write on the Logstore fails until it is enabled again; a deleted CMK makes the data unreadable for good.", "一旦该 CMK 被禁用、删除或计划删除，日志库的所有读写都会失败，直到重新启用；删除后数据将永久无法读取。"));
            }
        } else {
            push!(s, "- ", lang.pick("Nothing: no encrypt_conf is sent.", "无：不发送 encrypt_conf。"), "\n");
        }
        s.push('\n');
    }

    /// Each request, in order, with its parameters and body.
    fn requests(&self, s: &mut String) {
        let lang = self.lang;
        let plan = self.plan;
        self.heading(s, "Requests, in order", "请求（按顺序）");
        let mut line = String::new();
        for r in &plan.requests {
            s.push_str("### ");
            json::push_decimal(s, r.step as u64);
            push!(s, ". ", r.api.as_str(), "\n\n");
            push_escaped(s, lang.pick(&r.purpose, &r.purpose_zh));
            s.push_str("\n\n");
            line.clear();
            // `Request::request_line`, written into one buffer for all requests.
            push!(&mut line, r.method, " https://", &r.host, &r.path);
            push_code(s, &line);
            s.push_str("\n\n");
            if !r.query.is_empty() {
                table_head(s, [lang.pick("Parameter", "参数"), lang.pick("Value", "值")]);
                for (k, v) in &r.query {
                    s.push_str("| ");
                    push_code(s, k);
                    s.push_str(" | ");
                    push_code(s, v.as_str().unwrap_or_default());
                    s.push_str(" |\n");
                }
                s.push('\n');
            }
            if let Some(body) = &r.body {
                match &self.write_body {
                    Some(written) if std::ptr::eq(written.request, r) => push_fence(s, "json", &written.text),
                    _ => push_fence(s, "json", &json::pretty(body)),
                }
                s.push('\n');
            }
        }
    }

    /// How to verify afterwards, and the verification result when the plan has one.
    fn verify_afterwards(&self, s: &mut String) {
        let lang = self.lang;
        let conf = self.plan.encrypt_conf.as_ref();
        let plan = self.plan;
        let intent = self.intent;
        let project = &self.project;
        let region = &self.region;
        let logstore = &self.logstore;
        self.heading(s, "Verify afterwards", "事后验证");
        push!(s, lang.pick("Read the Logstore back:", "读回日志库："), "\n\n");
        let mut get = String::with_capacity(128);
        push!(&mut get, GetLogStoreApi { region, project, logstore });
        push_fence(s, "sh", &get);
        s.push('\n');
        if conf.is_some() {
            push!(
                s,
                lang.pick(
                    "Its encrypt_conf must equal the following, and every other field the request body above (output-only fields such as createTime aside):",
                    "其 encrypt_conf 必须与下面一致，其他字段必须与上面的请求体一致（createTime 等只读字段除外）："
                ),
                "\n\n"
            );
            push_fence(s, "json", &self.conf_json);
            s.push('\n');
        }
        if let Some(role) = plan.request(Api::AttachPolicyToRole).and(crate::ram::role(intent)) {
            push!(s, lang.pick("The role must hold both KMS policies:", "该角色必须拥有两个 KMS 策略："), "\n\n");
            let mut list = String::with_capacity(64);
            push!(&mut list, "aliyun ram ListPoliciesForRole --RoleName ", ShellQuoted(role.as_str()));
            push_fence(s, "sh", &list);
            s.push('\n');
        }

        // The place for a verification result (its own section, filled when one exists).
        if let Some(v) = &plan.verification {
            let _ = writeln!(s, "## {}\n\n{}", lang.pick("Verification result", "验证结果"), verification_section(lang, v).trim_end());
        }
    }

    /// What can and cannot be rolled back.
    fn rollback(&self, s: &mut String) {
        let lang = self.lang;
        let conf = self.plan.encrypt_conf.as_ref();
        let enabled = self.enabled;
        let ram = self.ram;
        self.heading(s, "Rollback", "回退");
        if conf.is_some() {
            push!(s, "- **", lang.pick("Cannot be rolled back:", "无法回退："), "** ");
            push_escaped(
                s,
                lang.pick(
                    "the encryption settings. The Logstore keeps its key mechanism, algorithm and (BYOK) CMK, role and region for good, and never returns to having no encrypt_conf.",
                    "加密设置。日志库将永久保留其密钥类型、算法以及（BYOK 的）CMK、角色和地域，也无法恢复为没有 encrypt_conf 的状态。",
                ),
            );
            s.push('\n');
            let (label, text) = if enabled {
                (
                    lang.pick("Can be rolled back:", "可以回退："),
                    t!(
                        "enable. To switch encryption off, send UpdateLogStore with the whole body and the same encrypt_conf with \"enable\": false (below). Data written while it was on stays encrypted and still needs the key.",
                        "enable。如需关闭加密，发送 UpdateLogStore，携带完整请求体及相同的 encrypt_conf，并设置 \"enable\": false（见下）。开启期间写入的数据仍保持加密，仍需要该密钥。"
                    ),
                )
            } else {
                (
                    lang.pick("Can be rolled back:", "可以回退："),
                    t!(
                        "enable. To switch encryption back on, send the same encrypt_conf with \"enable\": true (below).",
                        "enable。如需重新开启加密，发送相同的 encrypt_conf 并设置 \"enable\": true（见下）。"
                    ),
                )
            };
            push!(s, "- **", label, "** ");
            push_escaped(s, text.get(lang));
            s.push('\n');
            if let Some(body) = &self.write_body
                && let Some(Value::Object(c)) = body.request.body.as_ref().and_then(|b| b.member("encrypt_conf"))
                && let Some(at) = body.conf.clone()
            {
                s.push('\n');
                push_fence(s, "json", &flipped(body, at, c, !enabled));
                s.push('\n');
            } else {
                s.push('\n');
            }
        }
        self.bullet(s, &self.by_operation(t!("Every other setting is sent as it was read (see the diff), so nothing else needs rolling back; to restore a setting, send UpdateLogStore with the whole body again.", "其他设置均按读取时的值发送（见差异），无需回退；如需恢复某项设置，请再次发送带完整请求体的 UpdateLogStore。"), t!("The Logstore itself can be deleted (DeleteLogStore), which deletes its data for good.", "日志库本身可以删除（DeleteLogStore），但其数据会被永久删除。")));
        if ram > 0 {
            self.bullet(s, &t!("RAM: keep the role and its KMS grants as long as the Logstore holds encrypted data; without them Log Service cannot read it. The PassRole policy can be detached and deleted once the change is done (DetachPolicyFromUser, DeletePolicy).", "RAM：只要日志库中还有加密数据，就必须保留该角色及其 KMS 授权，否则日志服务无法读取数据。变更完成后可以解除并删除 PassRole 策略（DetachPolicyFromUser、DeletePolicy）。"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fence(info: &str, text: &str) -> String {
        let mut s = String::new();
        push_fence(&mut s, info, text);
        s
    }

    #[test]
    fn code_spans_survive_backticks_and_pipes() {
        assert_eq!(code("a`b").to_string(), "``a`b``");
        assert_eq!(code("`x").to_string(), "`` `x ``");
        assert_eq!(code("a|b").to_string(), "`a\\|b`");
        assert_eq!(fence("", "```\nx"), "````\n```\nx\n````\n");
    }

    #[test]
    fn long_cells_are_shortened_on_a_char_boundary() {
        let long = "中".repeat(CELL_CHARS + 5);
        assert_eq!(shorten(&long).chars().count(), CELL_CHARS + 1);
        assert!(shorten(&long).ends_with('…'));
        assert_eq!(shorten("short"), "short");
    }

    #[test]
    fn escape_neutralises_markdown() {
        assert_eq!(escape("<b>*x*</b>\n|#"), "\\<b\\>\\*x\\*\\</b\\> \\|#");
    }
}
