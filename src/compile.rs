//! The heart: intent in, plan out.

use crate::encryption::{self, EncryptConf};
use crate::finding::{Code, Finding, Severity};
use crate::ids::Region;
use crate::intent::{Intent, KeyKind, Operation};
use crate::json::Members;
use crate::logstore::{self, FieldClass};
use crate::plan::{Api, Plan, Request, Target};
use crate::pointer::join;
use crate::text::{self, Document, Source};
use crate::{exports, finding::t, limits, merge, ram};
use serde_json::{Map, Value};

/// Compiles an intent given as JSON text; findings point at lines and columns of that text.
pub fn compile_text(text: &str) -> Plan {
    if text.len() > limits::MAX_INTENT_BYTES {
        return Plan { findings: vec![limits::intent_too_large(text.len())], ..Plan::default() }.finish();
    }
    let read = text::read(text);
    match read.document {
        Some(doc) => compile_document(&doc, read.issues.iter().map(|i| i.finding("")).collect()).finish(),
        None => {
            let mut findings: Vec<Finding> = read.issues.iter().map(|i| i.finding("")).collect();
            if let Some(last) = findings.pop() {
                findings.push(last.recode(Code::IntentNotJson));
            }
            Plan { findings, ..Plan::default() }.finish()
        }
    }
}

/// Compiles an intent given as a JSON value.
pub fn compile(intent: &Value) -> Plan {
    if let Some(path) = too_deep(intent) {
        let f = Finding::new(
            Code::TextTooDeep,
            path,
            t!(format!("Nested deeper than {} levels.", text::MAX_DEPTH), format!("嵌套超过 {} 层。", text::MAX_DEPTH)),
            t!(
                "No intent, Logstore or policy is this deep: check what was given here.",
                "意图、日志库或策略不会有这么深的嵌套：请检查此处的内容。"
            ),
        );
        return Plan { findings: vec![f], ..Plan::default() }.finish();
    }
    compile_document(&Document::from_value(intent.clone()), Vec::new()).finish()
}

/// The pointer of the first value nested deeper than [`text::MAX_DEPTH`]. The search recurses at
/// most that deep and keeps one path (no value copies its whole pointer), so it stays linear.
fn too_deep(v: &Value) -> Option<String> {
    fn find<'a>(v: &'a Value, depth: usize, path: &mut Vec<std::borrow::Cow<'a, str>>) -> bool {
        if depth > text::MAX_DEPTH {
            return true;
        }
        match v {
            Value::Array(a) => a.iter().enumerate().any(|(i, x)| {
                path.push(i.to_string().into());
                find(x, depth + 1, path) || path.pop().is_none()
            }),
            Value::Object(o) => o.iter().any(|(k, x)| {
                path.push(k.as_str().into());
                find(x, depth + 1, path) || path.pop().is_none()
            }),
            _ => false,
        }
    }
    let mut path = Vec::new();
    find(v, 0, &mut path).then(|| path.iter().fold(String::new(), |p, s| join(&p, s)))
}

/// True when the plan's findings say the input was not an intent at all (the CLI exits 2).
pub fn unreadable(plan: &Plan) -> bool {
    plan.has_any(&[Code::IntentNotJson, Code::IntentNotObject, Code::IntentVersion, Code::IntentTooLarge])
}

/// What the RAM side has to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RamSetup {
    /// Set up the role, grants and PassRole (first BYOK configuration).
    New,
    /// The Logstore already uses BYOK: the role exists; show the documents, send nothing.
    Existing,
    /// Nothing is encrypted with a CMK: no RAM side.
    None,
}

/// The SLS endpoint host of a project.
pub fn sls_host(project: &str, region: &Region) -> String {
    [project, ".", region.as_str(), logstore::ENDPOINT_SUFFIX].concat()
}

fn sls(api: Api, host: &str, path: String, body: Option<Value>, purpose: (&'static str, &'static str)) -> Request {
    Request {
        step: 0,
        api,
        method: api.method(),
        host: host.to_string(),
        path,
        query: Map::new(),
        body,
        purpose: purpose.0.into(),
        purpose_zh: purpose.1.into(),
        command: None,
    }
}

/// Compiles a read intent; `text_issues` (found while reading the intent's text) join the
/// findings before the exports are made, so the change ticket lists them too.
fn compile_document(doc: &Document, text_issues: Vec<Finding>) -> Plan {
    let mut out = Vec::new();
    let Some(intent) = Intent::read(doc, &mut out) else {
        locate(&mut out, doc, &[]);
        out.extend(text_issues);
        return Plan { findings: out, ..Plan::default() };
    };
    let mut plan = Plan::default();

    // Identity of the role and cross-document checks.
    let byok = intent.encryption.key == KeyKind::Byok;
    let (arn, arn_origin) = match byok.then(|| ram::role_arn(&intent, &mut out)).flatten() {
        Some((arn, origin)) => (Some(arn), Some(origin)),
        None => (None, None),
    };
    if byok {
        cmk_region_check(&intent, &mut out);
    }
    let arn_text = arn.as_ref().map(ToString::to_string);
    let wanted = encryption::wanted(&intent.encryption, arn_text.as_deref(), &mut out);

    let (target, host) = plan_target(&intent);
    plan.target = Some(target);

    // The SLS side first: it tells whether the RAM side has anything to set up.
    let sls_side = match intent.operation {
        Operation::Update => update_side(&intent, wanted.as_ref(), host.as_deref(), &mut plan, &mut out),
        Operation::Create => create_side(&intent, wanted.as_ref(), host.as_deref(), &mut out),
    };
    if let (Some(arn), Some(ram::ArnOrigin::Built)) = (&arn_text, arn_origin)
        && sls_side.ram_setup == RamSetup::New
        && sls_side.encrypt_conf.is_some()
    {
        assumed_arn_warning(&intent, arn, &mut out);
    }
    if byok && sls_side.ram_setup != RamSetup::None {
        let rp = ram::plan(&intent, arn.as_ref(), sls_side.ram_setup == RamSetup::New, &mut out);
        plan.trust_policy = rp.trust_policy;
        plan.passrole_policy = rp.passrole_policy;
        plan.requests = rp.requests;
    }
    plan.requests.extend(sls_side.requests);
    plan.encrypt_conf = sls_side.encrypt_conf;
    for (i, r) in plan.requests.iter_mut().enumerate() {
        r.step = i + 1;
        r.command = Some(exports::shell::command(&intent, r));
    }
    exports::terraform::findings(&intent, &plan, &mut out);
    let sent = plan.logstore_write().and_then(|r| r.body.as_ref());
    plan.verification = crate::verify::verify(&intent, sent.and_then(Value::as_object).or(sls_side.unchanged.as_ref()), &mut out);
    let sources: Vec<&Source> =
        [&intent.current, &intent.logstore, &intent.ram.current_trust_policy, &intent.after].into_iter().flatten().collect();
    locate(&mut out, doc, &sources);
    out.extend(text_issues);
    plan.findings = out;
    plan.exports = exports::exports(&intent, &plan);
    plan
}

/// KMS003: a BYOK CMK must be in the Logstore's region.
fn cmk_region_check(intent: &Intent, out: &mut Vec<Finding>) {
    if let (Some(cmk_region), Some(region)) = (&intent.encryption.cmk_region_id, &intent.target.region)
        && cmk_region != region
    {
        out.push(Finding::new(
            Code::CmkRegionMismatch,
            "/encryption/cmk_region_id",
            t!(
                format!("The CMK is in {cmk_region} but the Logstore's endpoint is in {region}; user_cmk_info.region_id must equal the Logstore's region."),
                format!("CMK 位于 {cmk_region}，而日志库的服务地址位于 {region}；user_cmk_info.region_id 必须与日志库所在地域一致。")
            ),
            t!(format!("Use a CMK created in {region}."), format!("请使用在 {region} 创建的 CMK。")),
        ));
    }
}

/// The plan's target and, when the project and region are known, the SLS endpoint host.
fn plan_target(intent: &Intent) -> (Target, Option<String>) {
    let target = &intent.target;
    let host = match (&target.project, &target.region) {
        (Some(p), Some(r)) => Some(sls_host(p.as_str(), r)),
        _ => None,
    };
    let typed = Target {
        region: target.region.as_ref().map(|x| x.as_str().to_owned()),
        account_id: target.account_id.as_ref().map(|x| x.as_str().to_owned()),
        project: target.project.as_ref().map(|x| x.as_str().to_owned()),
        logstore: target.logstore.as_ref().map(|x| x.as_str().to_owned()),
        host: host.clone(),
        operation: intent.operation,
    };
    (typed, host)
}

/// What the plan sends to the Logstore, and what that leaves for the RAM side and the verification.
struct SlsSide {
    /// The requests to SLS, in order.
    requests: Vec<Request>,
    /// The encrypt_conf the Logstore will have.
    encrypt_conf: Option<Value>,
    /// What the RAM side has to do.
    ram_setup: RamSetup,
    /// The configuration the Logstore keeps when nothing is sent: what a verification compares with.
    unchanged: Option<Map<String, Value>>,
}

impl SlsSide {
    /// Nothing sent yet; a first BYOK configuration sets up the RAM side.
    fn new() -> Self {
        Self { requests: Vec::new(), encrypt_conf: None, ram_setup: RamSetup::New, unchanged: None }
    }
}

/// An update: the pasted configuration merged with the wanted encryption, read again and sent
/// back whole (with the dedicated encryption API as the alternative), or nothing when nothing changes.
fn update_side(intent: &Intent, wanted: Option<&EncryptConf>, host: Option<&str>, plan: &mut Plan, out: &mut Vec<Finding>) -> SlsSide {
    let mut side = SlsSide::new();
    let Some(current) = &intent.current else { return side };
    let Some(mut m) = merge::merge(intent, current, wanted.cloned(), out) else { return side };
    side.encrypt_conf = m.encrypt_conf.take();
    side.ram_setup = match &m.stored {
        Some(s) if s.raw.member("user_cmk_info").is_some_and(|v| !v.is_null()) => RamSetup::Existing,
        Some(_) => RamSetup::None,
        None if m.conf.as_ref().is_some_and(|c| c.enable) => RamSetup::New,
        None => RamSetup::None,
    };
    plan.diff = m.diff;
    plan.blast_radius = m.blast_radius;
    // A body that changes nothing is not sent, unless errors make this a draft anyway.
    let nothing = m.noop && !out.iter().any(|f| f.severity == Severity::Error);
    if nothing {
        out.push(nothing_to_send(intent));
        side.unchanged = Some(m.body);
        return side;
    }
    let has_conf = m.body.has("encrypt_conf");
    let (Some(host), Some(name)) = (host, &intent.target.logstore) else { return side };
    side.requests.push(sls(
        Api::GetLogStore,
        host,
        ["/logstores/", name.as_str()].concat(),
        None,
        (
            "Read the Logstore again right before the update and check nothing changed since it was pasted.",
            "更新前再次读取日志库，确认粘贴后没有变化。",
        ),
    ));
    side.requests.push(sls(
        Api::UpdateLogStore,
        host,
        ["/logstores/", name.as_str()].concat(),
        Some(Value::Object(m.body)),
        if has_conf {
            (
                "Send the whole configuration back with the complete encrypt_conf (UpdateLogStore replaces everything).",
                "发回完整配置及完整的 encrypt_conf（UpdateLogStore 会替换全部配置）。",
            )
        } else {
            (
                "Send the whole configuration back (UpdateLogStore replaces everything); it carries no encrypt_conf.",
                "发回完整配置（UpdateLogStore 会替换全部配置）；其中不含 encrypt_conf。",
            )
        },
    ));
    // The dedicated API only when its body says exactly what the Logstore body says.
    if let Some(c) = m.conf.as_ref().filter(|c| side.encrypt_conf.as_ref().is_some_and(|v| c.is_value(v))) {
        plan.alternatives.push(sls(
            Api::UpdateLogStoreEncryption,
            host,
            ["/logstores/", name.as_str(), "/encryption"].concat(),
            Some(c.to_encryption_api()),
            (
                "Alternative: the dedicated encryption API changes only encryption, so no other setting can be reset. Its keys are camelCase (encryptType, userCmkInfo.keyId/roleArn/regionId); snake_case keys are silently ignored there.",
                "备选：专用加密接口只修改加密设置，不会重置其他设置。其键名为驼峰式（encryptType、userCmkInfo.keyId/roleArn/regionId）；下划线式键名（snake_case）会被静默忽略。",
            ),
        ));
    }
    side
}

/// A create: the Logstore's settings with the wanted encryption, never an unencrypted create
/// when encryption was asked for.
fn create_side(intent: &Intent, wanted: Option<&EncryptConf>, host: Option<&str>, out: &mut Vec<Finding>) -> SlsSide {
    let mut side = SlsSide::new();
    if intent.target.cloud_firewall {
        out.push(Finding::new(
            Code::ManagedLogstoreCreate,
            "/operation",
            t!(
                "Cloud Firewall's log analysis creates and manages cloudfirewall-logstore itself; a Logstore created by hand in its place is not one Cloud Firewall writes to as it expects.",
                "云防火墙日志分析会自行创建并管理 cloudfirewall-logstore；手动创建的同名日志库并非云防火墙预期写入的日志库。"
            ),
            t!(
                "Turn on log analysis in the Cloud Firewall console first, then choose Update an existing Logstore and paste its GetLogStore response.",
                "请先在云防火墙控制台开启日志分析，再选择「更新已有日志库」并粘贴其 GetLogStore 响应。"
            ),
        ));
    }
    let Some(settings) = &intent.logstore else { return side };
    let Some(body) = create_body(intent, settings, wanted, out) else { return side };
    let conf = wanted.cloned().filter(|c| c.enable);
    side.encrypt_conf = conf.as_ref().map(EncryptConf::to_value);
    if let Some(c) = &conf {
        encryption::one_way_warnings(c, true, false, intent.target.cloud_firewall, out);
    } else {
        side.ram_setup = RamSetup::None;
    }
    // Encryption asked for but not buildable (see the findings): no unencrypted create.
    let buildable = wanted.is_some() || !intent.encryption.enable;
    if let (Some(host), true) = (host, buildable) {
        side.requests.push(sls(
            Api::CreateLogStore,
            host,
            "/logstores".into(),
            Some(Value::Object(body)),
            ("Create the Logstore with encryption.", "创建带加密的日志库。"),
        ));
    }
    side
}

/// PLN001: the update would send the Logstore's configuration back unchanged, so nothing is sent.
fn nothing_to_send(intent: &Intent) -> Finding {
    let why = if !intent.encryption.enable {
        t!(
            "Nothing to send: encryption is off and stays off, and every other setting is already as the Logstore has it. No UpdateLogStore and no RAM request is planned.",
            "无需发送：加密保持关闭，其他设置也与日志库现有设置相同。不会生成 UpdateLogStore 或 RAM 请求。"
        )
    } else {
        t!(
            "Nothing to send: the Logstore already has this encryption and every other setting as it is. No UpdateLogStore and no RAM request is planned.",
            "无需发送：日志库已是此加密设置，其他设置也保持不变。不会生成 UpdateLogStore 或 RAM 请求。"
        )
    };
    Finding::new(
        Code::NothingToSend,
        "/encryption",
        why,
        t!(
            "If you meant to change something, change the encryption choice (for example turn encryption on or off); otherwise there is nothing to do.",
            "如需更改，请修改加密选项（例如开启或关闭加密）；否则无需任何操作。"
        ),
    )
}

/// PLN002: an existing role was chosen but no ARN given: the ARN was built from the account id
/// and the role name ([`ram::ArnOrigin::Built`]), and it becomes permanent in `encrypt_conf`.
fn assumed_arn_warning(intent: &Intent, arn: &str, out: &mut Vec<Finding>) {
    if intent.ram.create_role {
        return;
    }
    let (named, named_zh) = if intent.encryption.role_name_defaulted {
        ("No role ARN is given, so the default role name is assumed: ", "未填写角色 ARN，因此假定使用默认角色名：")
    } else {
        ("No role ARN is given; it is built from the account id and the role name: ", "未填写角色 ARN；已根据账号 ID 和角色名生成：")
    };
    out.push(Finding::new(
        Code::AssumedRoleArn,
        "/encryption/role_arn",
        t!(
            [named, arn, ". This ARN goes into encrypt_conf and becomes permanent: it can never be changed on this Logstore."].concat(),
            [named_zh, arn, "。该 ARN 将写入 encrypt_conf 且不可更改：此日志库以后无法再修改它。"].concat()
        ),
        t!(
            "Copy the existing role's ARN from the RAM console (Roles, then the role's basic information) into the Role ARN field.",
            "请从 RAM 控制台（角色 > 基本信息）复制现有角色的 ARN，填入「角色 ARN」。"
        ),
    ));
}

/// The CreateLogStore body: logstoreName first, the settings as given, the complete encrypt_conf last.
fn create_body(intent: &Intent, settings: &Source, wanted: Option<&EncryptConf>, out: &mut Vec<Finding>) -> Option<Map<String, Value>> {
    let path = settings.prefix.clone();
    let Some(obj) = settings.document.value.as_object() else {
        out.push(crate::intent::wrong_type(&path, "an object of Logstore settings", "日志库设置对象", &settings.document.value));
        return None;
    };
    let obj = &*merge::within_limits(obj, &path, intent.target.logstore.as_ref().map(|n| n.as_str()), out);
    logstore::check_spelling(obj, &path, out);
    let mut body = Map::new();
    let target = intent.target.logstore.as_ref().map(|x| x.as_str().to_owned());
    match (obj.member("logstoreName").and_then(Value::as_str), &target) {
        (Some(given), Some(t)) if given != t => out.push(Finding::new(
            Code::LogstoreNameMismatch,
            join(&path, "logstoreName"),
            t!(
                format!("logstoreName \"{given}\" differs from the target Logstore \"{t}\"."),
                format!("logstoreName \"{given}\" 与目标日志库 \"{t}\" 不一致。")
            ),
            t!(
                "Remove logstoreName from the settings (the target's name is used) or make them equal.",
                "请从设置中删除 logstoreName（将使用目标名称），或使二者一致。"
            ),
        )),
        _ => {}
    }
    if let Some(name) = target.or_else(|| obj.member("logstoreName").and_then(Value::as_str).map(String::from)) {
        body.insert("logstoreName".into(), Value::String(name));
    }
    for (key, value) in obj {
        if key == "logstoreName" {
            continue;
        }
        let at = join(&path, key);
        match logstore::classify(key) {
            FieldClass::Updatable if key == "encrypt_conf" => out.push(Finding::new(
                Code::EncryptConfOverridden,
                at,
                t!(
                    "The settings carry their own encrypt_conf; it is replaced by the one built from the encryption section.",
                    "设置中自带的 encrypt_conf 将被加密部分生成的配置替换。"
                ),
                t!(
                    "Remove encrypt_conf from the Logstore settings and choose encryption in /encryption.",
                    "请从日志库设置中删除 encrypt_conf，并在 /encryption 中选择加密方式。"
                ),
            )),
            FieldClass::Updatable => {
                body.insert(key.clone(), value.clone());
            }
            FieldClass::ReadOnly => out.push(logstore::read_only_dropped(key, at)),
            FieldClass::Unknown => {
                out.push(Finding::new(
                    Code::UnknownKept,
                    at,
                    t!(
                        format!("\"{key}\" is a field this tool does not know; it is sent as given."),
                        format!("\"{key}\" 是本工具未知的字段；将按原样发送。")
                    ),
                    t!("Check the spelling against the CreateLogStore reference.", "请对照 CreateLogStore 文档检查拼写。"),
                ));
                body.insert(key.clone(), value.clone());
            }
        }
    }
    logstore::check(&body, &path, true, out);
    match wanted {
        Some(c) if c.enable => {
            body.insert("encrypt_conf".into(), c.to_value());
        }
        Some(_) => out.push(Finding::new(
            Code::NothingToEncrypt,
            "/encryption/enable",
            t!("Encryption is requested off: the Logstore is created without encryption.", "请求关闭加密：将创建不加密的日志库。"),
            t!("Set enable to true to create it encrypted.", "如需创建加密日志库，请将 enable 设为 true。"),
        )),
        None => {}
    }
    Some(body)
}

/// Fills in line and column for findings that have none: inside pasted text from that text's
/// positions, elsewhere from the intent's own text.
fn locate(findings: &mut [Finding], doc: &Document, sources: &[&Source]) {
    for f in findings.iter_mut().filter(|f| f.line.is_none()) {
        let inside = sources.iter().find_map(|s| {
            crate::pointer::is_within(&f.path, &s.prefix).then(|| s.document.nearest_position(&f.path[s.prefix.len()..])).flatten()
        });
        if let Some((line, column)) = inside.or_else(|| doc.nearest_position(&f.path)) {
            f.line = Some(line);
            f.column = Some(column);
        }
    }
}
