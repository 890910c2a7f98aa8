//! The Python script: every step of the plan in order through the official SDKs, with the same
//! checks as the shell runbook (the CMK, the role, drift before UpdateLogStore, RAM steps that
//! already happened skipped) and the SLS body sent exactly as the plan has it.

use super::runbook::{self, Checks, comment, comments};
use super::{PerLanguage, cite, project, push, region};
use crate::finding::Lang;
use crate::intent::Intent;
use crate::json::{Quoting, Writer};
use crate::plan::Plan;

/// The SDK packages and the versions the script was tested with (scripts/py-requirements.txt).
pub const PIP_INSTALL: &str = "alibabacloud_sls20201230==5.15.1 alibabacloud_ram20150501==1.3.0 alibabacloud_kms20160120==3.3.1";

/// The script's code; `«name»` markers are replaced by comments in the intent's language.
const CODE: &str = r#"import json
import os
import sys
import time

from alibabacloud_kms20160120 import models as kms_models
from alibabacloud_kms20160120.client import Client as KmsClient
from alibabacloud_ram20150501.client import Client as RamClient
from alibabacloud_sls20201230.client import Client as SlsClient
from alibabacloud_tea_openapi import utils_models as openapi
from darabonba.runtime import RuntimeOptions

«data»

def say(message, /, **values):
    print("sls-encrypt: " + MESSAGES[message].format(**values), file=sys.stderr)


def stop(message, /, **values):
    say(message, **values)
    sys.exit(1)


def config(endpoint):
    # «credentials»
    key_id = os.environ.get("ALIBABA_CLOUD_ACCESS_KEY_ID")
    secret = os.environ.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
    if not key_id or not secret:
        stop("no_credentials")
    protocol = os.environ.get("SLS_ENCRYPT_PROTOCOL", "https").upper()
    return openapi.Config(
        access_key_id=key_id,
        access_key_secret=secret,
        security_token=os.environ.get("ALIBABA_CLOUD_SECURITY_TOKEN") or None,
        endpoint=endpoint,
        protocol=protocol,
    )


def error_code(e):
    return str(getattr(e, "code", "") or "")


def ram_call(action, query):
    # «ram_call»
    params = openapi.Params(
        action=action, version="2015-05-01", protocol="HTTPS", pathname="/", method="POST",
        auth_type="AK", style="RPC", req_body_type="formData", body_type="json",
    )
    return ram.call_api(params, openapi.OpenApiRequest(query=dict(query)), RuntimeOptions())["body"]


def sls_call(action, method, pathname, body=None):
    # «sls_call»
    params = openapi.Params(
        action=action, version="2020-12-30", protocol="HTTPS", pathname=pathname, method=method,
        auth_type="AK", style="ROA", req_body_type="json", body_type="json" if method == "GET" else "none",
    )
    request = openapi.OpenApiRequest(host_map={"project": PLAN["project"]}, body=body)
    return sls.execute(params, request, RuntimeOptions())["body"]


def trusts_log_service(document):
    # «trust»
    try:
        policy = json.loads(document)
    except (TypeError, ValueError):
        return False
    for statement in policy.get("Statement") or []:
        if statement.get("Effect") != "Allow":
            continue
        actions = statement.get("Action")
        actions = actions if isinstance(actions, list) else [actions]
        if not any(a in ("sts:AssumeRole", "sts:*", "*") for a in actions):
            continue
        services = (statement.get("Principal") or {}).get("Service")
        services = services if isinstance(services, list) else [services]
        if any(isinstance(s, str) and s.lower() == "log.aliyuncs.com" for s in services):
            return True
    return False


def attached(listing, name, kind):
    policies = ((listing or {}).get("Policies") or {}).get("Policy") or []
    return any(p.get("PolicyName") == name and p.get("PolicyType") == kind for p in policies)


def drift(live):
    # «drift»
    want, known = PLAN["want"], PLAN["known"]
    fields = list(want) + [k for k in live if k not in known and k not in want]
    return [k for k in fields if live.get(k) != want.get(k)]


ram = RamClient(config("ram.aliyuncs.com"))
sls = SlsClient(config(PLAN["sls_endpoint"]))
role_exists = False
trust_current = False
ram_changed = False

# «checks»
if PLAN["cmk"]:
    cmk = PLAN["cmk"]
    kms = KmsClient(config("kms.%s.aliyuncs.com" % cmk["region"]))
    try:
        key = kms.describe_key(kms_models.DescribeKeyRequest(key_id=cmk["key_id"])).body.key_metadata
    except Exception as e:
        print(e, file=sys.stderr)
        stop("cmk_not_found", key=cmk["key_id"], region=cmk["region"])
    if key.key_state != "Enabled":
        stop("cmk_state", key=cmk["key_id"], state=key.key_state)
    key_region = (key.arn or "").split(":")[2] if (key.arn or "").count(":") >= 2 else ""
    if key_region != PLAN["region"]:
        stop("cmk_region", key=cmk["key_id"], key_region=key_region or "?", region=PLAN["region"])

if PLAN["role"]:
    role = PLAN["role"]
    try:
        live_role = ram_call("GetRole", {"RoleName": role["name"]})
        role_exists = True
    except Exception as e:
        if "EntityNotExist" not in error_code(e):
            print(e, file=sys.stderr)
            stop("get_role_failed")
    trust = ((live_role or {}).get("Role") or {}).get("AssumeRolePolicyDocument") if role_exists else None
    if role["created"]:
        if role_exists and not trusts_log_service(trust):
            stop("role_untrusting_exists", role=role["name"])
    elif not role_exists:
        stop("role_missing", role=role["name"])
    elif role["update"]:
        live_trust = json.loads(trust or "null")
        if live_trust == role["update"][1]:
            trust_current = True
        elif live_trust != role["update"][0]:
            stop("trust_changed", role=role["name"])
    elif not trusts_log_service(trust):
        stop("role_untrusting", role=role["name"])

# «protect»
if PLAN["cmk"] and key.deletion_protection != "Enabled":
    if os.environ.get("SLS_ENCRYPT_PROTECT_CMK") == "1":
        kms.set_deletion_protection(kms_models.SetDeletionProtectionRequest(
            protected_resource_arn=key.arn, enable_deletion_protection=True,
            deletion_protection_description="sls-encrypt: encrypts SLS data",
        ))
    else:
        say("protect", arn=key.arn)

# «steps»
ram_wait = float(os.environ.get("SLS_ENCRYPT_RAM_WAIT", "60"))
retry_every = float(os.environ.get("SLS_ENCRYPT_RETRY_EVERY", "10"))
for step in PLAN["steps"]:
    api, query, number = step["api"], step.get("query") or {}, step["step"]
    if api == "CreateRole" and role_exists:
        say("skip_role", step=number)
    elif api == "UpdateRole" and trust_current:
        say("skip_trust", step=number)
    elif api in ("AttachPolicyToRole", "AttachPolicyToUser"):
        who = {"RoleName": query.get("RoleName")} if api == "AttachPolicyToRole" else {"UserName": query.get("UserName")}
        lister = "ListPoliciesForRole" if api == "AttachPolicyToRole" else "ListPoliciesForUser"
        try:
            done = attached(ram_call(lister, who), query["PolicyName"], query["PolicyType"])
        except Exception:
            done = False
        if done:
            say("skip_attached", step=number)
        else:
            ram_call(api, query)
            ram_changed = True
    elif api == "CreatePolicy":
        try:
            existing = ram_call("GetPolicy", {"PolicyName": query["PolicyName"], "PolicyType": "Custom"})
        except Exception:
            existing = None
        if existing:
            say("skip_policy", step=number)
            document = (existing.get("DefaultPolicyVersion") or {}).get("PolicyDocument")
            if json.loads(document or "null") != json.loads(query["PolicyDocument"]):
                say("policy_differs")
        else:
            ram_call(api, query)
            ram_changed = True
    elif api == "GetLogStore":
        if PLAN["want"] is None:
            print(json.dumps(sls_call(api, "GET", step["path"]), indent=2, ensure_ascii=False))
        # «get»
    elif api in ("UpdateLogStore", "CreateLogStore"):
        deadline = time.monotonic() + ram_wait
        while True:
            if api == "UpdateLogStore" and PLAN["want"] is not None:
                live = sls_call("GetLogStore", "GET", step["path"])
                if all(live.get(k) == v for k, v in step["body"].items()):
                    say("skip_applied", step=number)
                    break
                changed = drift(live)
                if changed:
                    stop("drift", fields=", ".join(changed))
            try:
                if api == "UpdateLogStore":
                    sls_call(api, "PUT", step["path"], step["body"])
                else:
                    sls_call(api, "POST", "/logstores", step["body"])
                break
            except Exception as e:
                print(e, file=sys.stderr)
                if ram_changed and time.monotonic() < deadline:
                    say("retry", seconds=retry_every, api=api)
                    time.sleep(retry_every)
                    continue
                stop("failed", api=api)
    else:
        ram_call(api, query)
        ram_changed = True
say("done")
"#;

/// Appends a Python expression that yields the JSON `write` writes: `json.loads('''…''')` of it,
/// pretty, with every `\` doubled and `'''` escaped as the literal needs.
fn push_py_json(s: &mut String, write: impl FnOnce(&mut Writer<'_>)) {
    s.push_str("json.loads('''");
    write(&mut Writer::pretty(s, Quoting::PythonTriple));
    s.push_str("''')");
}

/// The script's header comment, line by line (the pip line goes after the first).
const HEADER: &[(&str, &str)] = &[
    (
        "Generated by sls-encrypt. Sends every step of the plan, in order, with the official SDKs:",
        "由 sls-encrypt 生成。使用官方 SDK 按顺序发送计划的每个步骤：",
    ),
    ("Credentials come only from the environment: ALIBABA_CLOUD_ACCESS_KEY_ID and", "凭证只从环境变量读取：ALIBABA_CLOUD_ACCESS_KEY_ID 和"),
    (
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET (plus ALIBABA_CLOUD_SECURITY_TOKEN for an STS token); none are written here.",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET（使用 STS 令牌时另加 ALIBABA_CLOUD_SECURITY_TOKEN）；本脚本不含任何凭证。",
    ),
    (
        "Before any change it checks the CMK and the role; RAM steps that already happened are skipped (run it",
        "在任何修改之前检查 CMK 和角色；已完成的 RAM 步骤会被跳过（中途失败后可再次运行）；",
    ),
    (
        "again after a partial run); before UpdateLogStore it reads the Logstore again and stops if it changed.",
        "在 UpdateLogStore 之前重新读取日志库，如已被修改则停止。",
    ),
];

/// The option only the Python script takes, after the shared [`runbook::OPTIONS`].
const PROTOCOL_OPTION: &[(&str, &str)] = &[
    (
        "  SLS_ENCRYPT_PROTOCOL=http   plain HTTP instead of HTTPS, e.g. through an inspecting proxy named by",
        "  SLS_ENCRYPT_PROTOCOL=http   使用明文 HTTP 而非 HTTPS，例如经由 HTTP_PROXY 指定的检查代理",
    ),
    (
        "                              HTTP_PROXY (the SDK honours HTTP_PROXY and HTTPS_PROXY); the default is https.",
        "                              （SDK 支持 HTTP_PROXY 和 HTTPS_PROXY）；默认为 https。",
    ),
];

/// The Python script; a `draft` (why the plan has errors) makes it stop before the first call.
pub(super) fn python_sdk(intent: &Intent, plan: &Plan, checks: &Checks, draft: Option<&str>) -> Option<String> {
    let lang = intent.lang;
    let l = |en: &'static str, zh: &'static str| lang.pick(en, zh);
    // Only a plan with an SLS request has a script: the endpoint is its region's.
    plan.requests.iter().find(|r| !r.api.is_ram())?;
    let sls_endpoint = crate::logstore::endpoint(intent.target.region.as_ref()?);
    let parts = parts(lang);
    let mut s = String::with_capacity(parts.header.len() + parts.before_data.len() + parts.after_data.len() + 8192);
    s.push_str(&parts.header);
    for r in &plan.requests {
        push!(&mut s, "#   ", r.step, ". ", r.api, " — ");
        runbook::push_comment_text(&mut s, lang.pick(&r.purpose, &r.purpose_zh));
    }
    if let Some(why) = draft {
        s.push_str(&format!("raise SystemExit({})  # DRAFT\n", py_str(&format!("sls-encrypt: {why}"))));
    }
    s.push('\n');
    s.push_str(&parts.before_data);
    s.push_str("# ");
    s.push_str(l("The plan: its requests exactly, and what the checks compare.", "计划：原样的请求，以及检查所比较的内容。"));
    s.push_str("\nPLAN = ");
    push_py_json(&mut s, |w| write_data(w, intent, plan, checks, &sls_endpoint));
    s.push_str("\n\nMESSAGES = ");
    s.push_str(&parts.messages);
    s.push('\n');
    s.push_str(&parts.after_data);
    Some(s)
}

/// Writes the script's `PLAN`: its requests exactly, and what the checks compare (`region`,
/// `project`, `sls_endpoint`, `cmk`, `role`, `want`, `known`, then the `steps`).
fn write_data(w: &mut Writer<'_>, intent: &Intent, plan: &Plan, checks: &Checks, sls_endpoint: &str) {
    w.object(|o| {
        o.member("region", |w| w.str(region(intent)));
        o.member("project", |w| w.str(project(intent)));
        o.member("sls_endpoint", |w| w.str(sls_endpoint));
        o.member("cmk", |w| match &checks.cmk {
            Some(c) => w.object(|o| {
                o.member("key_id", |w| w.str(c.key_id));
                o.member("region", |w| w.str(c.region));
            }),
            None => w.null(),
        });
        o.member("role", |w| match &checks.role {
            Some(r) => w.object(|o| {
                o.member("name", |w| w.str(r.name));
                o.member("created", |w| w.bool(r.created));
                o.member("update", |w| match &r.update {
                    Some(u) => w.array(&[u.pasted, u.new.as_ref()], |w, v| w.value(v)),
                    None => w.null(),
                });
            }),
            None => w.null(),
        });
        o.member("want", |w| match &checks.want {
            Some(want) => runbook::write_want(w, want),
            None => w.null(),
        });
        o.member("known", |w| w.array(&checks.known, |w, k| w.str(k)));
        o.member("steps", |w| {
            w.array(&plan.requests, |w, r| {
                w.object(|o| {
                    o.member("step", |w| w.unsigned(r.step as u64));
                    o.member("api", |w| w.str(r.api.as_str()));
                    o.member("host", |w| w.str(&r.host));
                    o.member("path", |w| w.str(&r.path));
                    if !r.query.is_empty() {
                        o.member("query", |w| w.map(&r.query));
                    }
                    if let Some(body) = &r.body {
                        o.member("body", |w| w.value(body));
                    }
                })
            })
        });
    });
}

/// The parts of the script that depend only on its language, written once per language.
struct Parts {
    /// From the shebang to the "Steps:" comment line.
    header: String,
    /// [`CODE`] up to its `«data»` marker, comments filled in.
    before_data: String,
    /// The script's [`MESSAGES`] in its language, as a Python expression.
    messages: String,
    /// [`CODE`] after its `«data»` marker, comments filled in.
    after_data: String,
}

/// The [`Parts`] in `lang`.
fn parts(lang: Lang) -> &'static Parts {
    static PARTS: PerLanguage<Parts> = PerLanguage::new();
    PARTS.get(lang, |lang| {
        let mut header = String::from("#!/usr/bin/env python3\n");
        comments(&mut header, lang, &HEADER[..1]);
        header.push_str(&comment(&format!("  pip install {PIP_INSTALL}")));
        comments(&mut header, lang, &HEADER[1..]);
        comments(&mut header, lang, runbook::OPTIONS);
        comments(&mut header, lang, PROTOCOL_OPTION);
        header.push_str(&comment(lang.pick("Steps:", "步骤：")));
        let (before, after) = CODE.split_once("«data»").unwrap_or((CODE, ""));
        let (mut before_data, mut after_data) = (String::new(), String::new());
        fill_markers(&mut before_data, before, lang);
        fill_markers(&mut after_data, after, lang);
        let mut messages = String::new();
        push_py_json(&mut messages, |w| {
            w.object(|o| MESSAGES.iter().for_each(|(k, en, zh)| o.member(k, |w| w.str(&cite(lang.pick(en, zh))))))
        });
        Parts { header, before_data, messages, after_data }
    })
}

/// Appends `code` (a part of [`CODE`] without `«data»`) to `s` with each `«marker»` filled in one
/// pass by its comment from [`COMMENTS`] in `lang`.
fn fill_markers(s: &mut String, code: &str, lang: Lang) {
    s.reserve(code.len());
    let mut rest = code;
    while let Some((before, after)) = rest.split_once('«') {
        s.push_str(before);
        let Some((marker, tail)) = after.split_once('»') else {
            s.push('«');
            rest = after;
            continue;
        };
        match COMMENTS.iter().find(|(m, _, _)| *m == marker) {
            Some((_, en, zh)) => s.push_str(&cite(lang.pick(en, zh))),
            None => {
                s.push('«');
                s.push_str(marker);
                s.push('»');
            }
        }
        rest = tail;
    }
    s.push_str(rest);
}

/// A Python string literal (JSON's escapes are Python's too).
fn py_str(s: &str) -> String {
    crate::json::string(s)
}

/// The comments of [`CODE`], by marker: English and Simplified Chinese.
const COMMENTS: &[(&str, &str, &str)] = &[
    (
        "credentials",
        "Credentials only from the standard environment variables; nothing is read from files.",
        "凭证只取自标准环境变量；不读取任何文件。",
    ),
    (
        "ram_call",
        "RAM through the RAM SDK's client, with the plan's parameters exactly as they are.",
        "通过 RAM SDK 的客户端调用 RAM，参数与计划完全相同。",
    ),
    (
        "sls_call",
        "A generic request through the SLS SDK's client: the body goes out exactly as the plan has it (a model's from_map would drop fields it does not know).",
        "通过 SLS SDK 客户端的通用请求发送：请求体与计划完全相同（模型的 from_map 会丢弃它不认识的字段）。",
    ),
    ("trust", "True when the trust policy lets log.aliyuncs.com assume the role.", "信任策略允许 log.aliyuncs.com 扮演该角色时为真。"),
    (
        "drift",
        "Fields that differ from the configuration the plan was built from (read-only fields aside), and fields the pasted one did not have.",
        "与生成计划时所用配置不同的字段（只读字段除外），以及粘贴的配置中没有的字段。",
    ),
    ("checks", "Checks before any change: the CMK and the role.", "修改之前的检查：CMK 和角色。"),
    (
        "protect",
        "Finding «cmk_lifecycle»: deletion protection for the CMK, opt-in with SLS_ENCRYPT_PROTECT_CMK=1.",
        "检查结果 «cmk_lifecycle»：CMK 删除保护，以 SLS_ENCRYPT_PROTECT_CMK=1 开启。",
    ),
    (
        "steps",
        "The plan's steps in order; a RAM step that already happened is skipped, and the SLS change is retried for a while after RAM changes.",
        "按顺序执行计划的步骤；已完成的 RAM 步骤会被跳过，RAM 修改后的一段时间内会重试 SLS 修改。",
    ),
    (
        "get",
        "With an update, the Logstore is read right before UpdateLogStore (next step), and again before each retry.",
        "更新时，在 UpdateLogStore（下一步）之前读取日志库，每次重试前也会重新读取。",
    ),
];

/// The script's messages, by name: English and Simplified Chinese, with `{name}` placeholders.
const MESSAGES: &[(&str, &str, &str)] = &[
    (
        "no_credentials",
        "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET first. Nothing was sent.",
        "请先设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET。未发送任何请求。",
    ),
    (
        "cmk_not_found",
        "the CMK {key} was not found in {region} (KMS DescribeKey failed, see above). Nothing was changed.",
        "在地域 {region} 中找不到 CMK {key}（KMS DescribeKey 失败，见上文）。未做任何修改。",
    ),
    (
        "cmk_state",
        "the CMK {key} is {state}, not Enabled: Log Service could not use it. Enable it in KMS first. Nothing was changed.",
        "CMK {key} 的状态为 {state}，不是 Enabled：日志服务无法使用它。请先在 KMS 中启用。未做任何修改。",
    ),
    (
        "cmk_region",
        "the CMK {key} is in region {key_region}, but the Logstore is in {region}: Log Service only uses a CMK of its own region. Nothing was changed.",
        "CMK {key} 位于地域 {key_region}，但日志库位于 {region}：日志服务只能使用同一地域的 CMK。未做任何修改。",
    ),
    ("get_role_failed", "RAM GetRole failed (see above). Nothing was changed.", "RAM GetRole 失败（见上文）。未做任何修改。"),
    (
        "role_untrusting_exists",
        "the role {role} already exists and its trust policy does not let log.aliyuncs.com assume it. Choose another role name, or use it as an existing role and paste its trust policy. Nothing was changed.",
        "角色 {role} 已存在，且其信任策略不允许 log.aliyuncs.com 扮演。请换一个角色名，或将其作为现有角色使用并粘贴其信任策略。未做任何修改。",
    ),
    (
        "role_missing",
        "the role {role} does not exist. Create it (choose \"create the role\") or correct the role name. Nothing was changed.",
        "角色 {role} 不存在。请创建它（选择“创建角色”）或更正角色名。未做任何修改。",
    ),
    (
        "trust_changed",
        "the trust policy of role {role} changed since it was pasted; paste it again (GetRole) so nothing in it is lost. Nothing was changed.",
        "角色 {role} 的信任策略在粘贴后已被修改；请重新粘贴（GetRole），以免丢失其中的内容。未做任何修改。",
    ),
    (
        "role_untrusting",
        "the trust policy of role {role} does not let log.aliyuncs.com assume it; paste its trust policy so the plan adds Log Service. Nothing was changed.",
        "角色 {role} 的信任策略不允许 log.aliyuncs.com 扮演；请粘贴其信任策略，以便计划添加日志服务。未做任何修改。",
    ),
    (
        "protect",
        "«cmk_lifecycle»: the CMK has no deletion protection. To add it: SLS_ENCRYPT_PROTECT_CMK=1, or: aliyun kms SetDeletionProtection --ProtectedResourceArn {arn} --EnableDeletionProtection true",
        "«cmk_lifecycle»：该 CMK 未开启删除保护。开启方法：设置 SLS_ENCRYPT_PROTECT_CMK=1，或运行：aliyun kms SetDeletionProtection --ProtectedResourceArn {arn} --EnableDeletionProtection true",
    ),
    ("skip_role", "step {step}: skipped, the role already exists.", "步骤 {step}：已跳过，角色已存在。"),
    ("skip_trust", "step {step}: skipped, the trust policy is already the new one.", "步骤 {step}：已跳过，信任策略已是新的版本。"),
    ("skip_attached", "step {step}: skipped, the policy is already attached.", "步骤 {step}：已跳过，该策略已授予。"),
    ("skip_policy", "step {step}: skipped, the policy already exists.", "步骤 {step}：已跳过，策略已存在。"),
    (
        "policy_differs",
        "warning: the existing policy's document differs from the plan's; check that it allows ram:PassRole on the role.",
        "警告：现有策略的内容与计划不同；请确认它允许对该角色执行 ram:PassRole。",
    ),
    ("skip_applied", "step {step}: skipped, the Logstore already has this configuration.", "步骤 {step}：已跳过，日志库已是该配置。"),
    (
        "drift",
        "the Logstore changed since it was pasted: {fields} differ. UpdateLogStore was not sent. Paste the GetLogStore output again and make a new plan.",
        "日志库在粘贴后已被修改：{fields} 不同。未发送 UpdateLogStore。请重新粘贴 GetLogStore 的输出并重新生成计划。",
    ),
    (
        "retry",
        "new RAM grants can take a while to apply; retrying in {seconds}s ({api}).",
        "新授予的 RAM 权限可能需要一段时间生效；{seconds} 秒后重试（{api}）。",
    ),
    ("failed", "{api} failed (see above).", "{api} 失败（见上文）。"),
    ("done", "done: every step of the plan was sent or had already happened.", "完成：计划的每个步骤都已发送或此前已完成。"),
];
