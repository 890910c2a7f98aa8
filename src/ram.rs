//! The RAM side of BYOK: the role, its trust policy, the KMS grants and the PassRole policy,
//! as documents and as the ordered RAM requests.

use crate::finding::{Code, Finding, t};
use crate::ids::{RoleArn, RoleName};
use crate::intent::{Intent, PassRoleScope};
use crate::plan::{Api, Request};
use crate::policy::{self, PolicyKind};
use crate::trust;
use serde_json::{Map, Value, json};
use std::borrow::Cow;

/// The RAM host (RPC style: parameters in the query string).
pub const RAM_HOST: &str = "ram.aliyuncs.com";

/// The two system policies Log Service's role needs on KMS.
pub const KMS_POLICIES: &[&str] = &["AliyunKMSReadOnlyAccess", "AliyunKMSCryptoUserAccess"];

/// Everything the RAM side produces.
#[derive(Debug, Clone, Default)]
pub struct RamPlan {
    /// The trust policy the role needs (merged into the pasted one when given).
    pub trust_policy: Option<Value>,
    /// The PassRole policy.
    pub passrole_policy: Option<Value>,
    /// The RAM requests, in order (steps are numbered by the caller).
    pub requests: Vec<Request>,
}

fn rpc<const N: usize>(
    api: Api,
    params: [(&str, String); N],
    purpose: (impl Into<Cow<'static, str>>, impl Into<Cow<'static, str>>),
) -> Request {
    let query: Map<String, Value> = params.into_iter().map(|(k, v)| (k.to_string(), Value::String(v))).collect();
    Request {
        step: 0,
        api,
        method: api.method(),
        host: RAM_HOST.to_string(),
        path: "/".to_string(),
        query,
        body: None,
        purpose: purpose.0.into(),
        purpose_zh: purpose.1.into(),
        command: None,
    }
}

/// Compact JSON, as policy documents travel in the query string.
pub fn compact(v: &Value) -> String {
    crate::json::compact(v)
}

/// The PassRole policy for `resource` (a role ARN, or `acs:ram::*`).
pub fn passrole_policy(resource: &str) -> Value {
    json!({ "Version": "1", "Statement": [ { "Effect": "Allow", "Action": "ram:PassRole", "Resource": resource } ] })
}

/// The BYOK role's name: the role of the role ARN when one is given, else the role name.
pub fn role(intent: &Intent) -> Option<RoleName> {
    role_name(intent).cloned()
}

/// [`role`], borrowed from the intent.
pub fn role_name(intent: &Intent) -> Option<&RoleName> {
    let enc = &intent.encryption;
    enc.role_arn.as_ref().map(|a| &a.role).or(enc.role_name.as_ref())
}

/// Where the BYOK role's ARN came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArnOrigin {
    /// The intent gives it (`/encryption/role_arn`).
    Given,
    /// Built from `/target/account_id` and the role name: an assumption the plan warns about.
    Built,
}

/// Resolves the role's ARN from the intent, and where it came from, reporting conflicts between
/// the places that name it.
pub fn role_arn(intent: &Intent, out: &mut Vec<Finding>) -> Option<(RoleArn, ArnOrigin)> {
    let enc = &intent.encryption;
    let target_account = intent.target.account_id.as_ref();
    match (&enc.role_arn, &enc.role_name) {
        (Some(arn), name) => {
            if let Some(name) = name
                && !name.as_str().eq_ignore_ascii_case(arn.role.as_str())
            {
                out.push(Finding::new(
                    Code::RoleMismatch,
                    "/encryption/role_name",
                    t!(
                        format!("role_name \"{name}\" and role_arn (role \"{}\") name different roles.", arn.role),
                        format!("role_name \"{name}\" 与 role_arn（角色 \"{}\"）指向不同的角色。", arn.role)
                    ),
                    t!("Give one of them, or make them name the same role.", "请只填写其一，或使二者指向同一角色。"),
                ));
            }
            if let Some(account) = target_account
                && account != &arn.account
            {
                out.push(Finding::new(
                    Code::AccountMismatch,
                    "/encryption/role_arn",
                    t!(
                        format!("The role ARN is in account {} but /target/account_id is {account}.", arn.account),
                        format!("角色 ARN 属于账号 {}，而 /target/account_id 为 {account}。", arn.account)
                    ),
                    t!(
                        "Use a role of the account that owns the Logstore, or correct /target/account_id.",
                        "请使用日志库所属账号下的角色，或更正 /target/account_id。"
                    ),
                ));
            }
            Some((arn.clone(), ArnOrigin::Given))
        }
        (None, Some(name)) => match target_account {
            Some(account) => Some((RoleArn::new(account.clone(), name.clone()), ArnOrigin::Built)),
            None => {
                out.push(Finding::new(
                    Code::RoleArnUnknown,
                    "/target/account_id",
                    t!(
                        "BYOK needs the role's ARN in user_cmk_info, and it cannot be built without the account id.",
                        "BYOK 需要在 user_cmk_info 中填写角色 ARN，缺少账号 ID 无法生成。"
                    ),
                    t!(
                        "Fill in /target/account_id, or give /encryption/role_arn.",
                        "请填写 /target/account_id，或填写 /encryption/role_arn。"
                    ),
                ));
                None
            }
        },
        (None, None) => None,
    }
}

/// Builds the RAM side for BYOK: documents, findings and, when `setup` (a first BYOK
/// configuration), the requests; otherwise the role is in use already and nothing is sent.
pub fn plan(intent: &Intent, arn: Option<&RoleArn>, setup: bool, out: &mut Vec<Finding>) -> RamPlan {
    let ram = &intent.ram;
    let role = arn.map(|a| a.role.clone()).or_else(|| role(intent));
    let mut rp = RamPlan::default();

    // Trust policy: the vendor's, or the pasted one with Log Service merged in.
    let mut trust_changed = ram.create_role;
    let trust_doc = match &ram.current_trust_policy {
        Some(src) => {
            let before = out.len();
            policy::analyse(src, PolicyKind::Trust, out);
            let understood = !out[before..].iter().any(|f| f.severity == crate::finding::Severity::Error);
            let merged = trust::merge_trust(src, out);
            // Never replace an existing role's trust policy with one built from a policy not understood.
            trust_changed = ram.create_role || (merged.changed && understood);
            shared_role_warning(&merged.policy, out);
            merged.policy
        }
        None => {
            if !ram.create_role {
                out.push(Finding::new(
                    Code::TrustNotChecked,
                    "/ram/current_trust_policy",
                    t!(
                        "The existing role's trust policy was not pasted, so it cannot be checked that Log Service may assume the role.",
                        "未粘贴现有角色的信任策略，无法确认日志服务能否扮演该角色。"
                    ),
                    t!(
                        "Paste it (RAM console > role > Trust Policy, or aliyun ram GetRole --RoleName <role>) to have it checked and merged.",
                        "请粘贴该策略（RAM 控制台 > 角色 > 信任策略，或 aliyun ram GetRole --RoleName <角色>）以便检查与合并。"
                    ),
                ));
            }
            let fresh = trust::log_service_trust_policy();
            policy::analyse_value(&fresh, PolicyKind::Trust, "/ram", out);
            fresh
        }
    };

    // PassRole: least privilege by default.
    let resource = match ram.passrole_scope {
        PassRoleScope::Any => {
            out.push(Finding::new(
                Code::PassRoleAny,
                "/ram/passrole_scope",
                t!(
                    "The PassRole policy allows ram:PassRole on acs:ram::* (as the vendor docs show): the user could pass ANY role of the account to any service, including admin roles.",
                    "PassRole 策略允许对 acs:ram::*（厂商文档写法）执行 ram:PassRole：该用户可以把账号下任意角色（包括管理员角色）传递给任意服务。"
                ),
                t!(
                    "Set passrole_scope to \"role\" so the policy names only the BYOK role's ARN.",
                    "请将 passrole_scope 设为 \"role\"，使策略只包含 BYOK 角色的 ARN。"
                ),
            ));
            Some("acs:ram::*".to_string())
        }
        PassRoleScope::Role => arn.map(ToString::to_string),
    };
    let passrole = resource.as_deref().map(passrole_policy);
    // Its compact text, written once: CreatePolicy sends it, and its length is checked.
    let passrole_text = passrole.as_ref().map(compact);
    if let (Some(p), Some(text)) = (&passrole, &passrole_text) {
        policy::analyse_sized(p, text.chars().count(), PolicyKind::Permission, "/ram/passrole_scope", out);
    }

    if setup {
        rp.requests = setup_requests(ram, role.as_ref(), (&trust_doc, trust_changed), passrole_text, out);
    } else {
        out.push(Finding::new(
            Code::RamAlreadySetUp,
            "/ram",
            t!(
                format!(
                    "The Logstore already uses BYOK, so its role{} is set up and in use: no RAM request is planned. The RAM user who sends the update still needs PassRole on it.",
                    arn.map(|a| format!(" {a}")).unwrap_or_default()
                ),
                format!(
                    "该日志库已使用自带密钥（BYOK），其 RAM 角色{}已配置并在使用中：不安排任何 RAM 请求。发送更新的 RAM 用户仍需对该角色拥有 PassRole 权限。",
                    arn.map(|a| format!(" {a} ")).unwrap_or_default()
                )
            ),
            t!(
                "Nothing to do if the sender already has PassRole; otherwise attach the PassRole policy shown in the outputs.",
                "如发送者已有 PassRole 权限则无需处理；否则请授予输出中的 PassRole 策略。"
            ),
        ));
    }
    rp.trust_policy = Some(trust_doc);
    rp.passrole_policy = passrole;
    rp
}

/// The RAM requests of a first BYOK setup, in order: the role (created, or its trust policy
/// updated), the KMS grants, the PassRole policy and its attachment to the RAM user.
fn setup_requests(
    ram: &crate::intent::Ram,
    role: Option<&RoleName>,
    trust: (&Value, bool),
    passrole_text: Option<String>,
    out: &mut Vec<Finding>,
) -> Vec<Request> {
    let (trust_doc, trust_changed) = trust;
    let mut requests = Vec::new();
    if let Some(role) = role {
        if ram.create_role {
            requests.push(rpc(
                Api::CreateRole,
                [
                    ("RoleName", role.as_str().to_owned()),
                    ("AssumeRolePolicyDocument", compact(trust_doc)),
                    ("Description", "SLS BYOK: lets log.aliyuncs.com use KMS".to_string()),
                ],
                ("Create the RAM role Log Service assumes to use your CMK.", "创建日志服务用于访问您的 CMK 的 RAM 角色。"),
            ));
        } else if trust_changed {
            requests.push(rpc(
                Api::UpdateRole,
                [("RoleName", role.as_str().to_owned()), ("NewAssumeRolePolicyDocument", compact(trust_doc))],
                (
                    "Let Log Service assume the existing role (trust policy merged, nothing removed).",
                    "允许日志服务扮演现有角色（合并信任策略，不删除任何内容）。",
                ),
            ));
        }
        for name in KMS_POLICIES {
            requests.push(rpc(
                Api::AttachPolicyToRole,
                [("PolicyType", "System".into()), ("PolicyName", name.to_string()), ("RoleName", role.as_str().to_owned())],
                (["Grant the role ", name, "."].concat(), ["为该角色授予 ", name, "。"].concat()),
            ));
        }
    }
    if let Some(text) = passrole_text {
        requests.push(rpc(
            Api::CreatePolicy,
            [
                ("PolicyName", ram.passrole_policy_name.as_str().to_owned()),
                ("PolicyDocument", text),
                ("Description", "PassRole for SLS BYOK setup".to_string()),
            ],
            ("Create the PassRole policy the configuring RAM user needs.", "创建配置加密的 RAM 用户所需的 PassRole 策略。"),
        ));
        match &ram.user_name {
            Some(user) => requests.push(rpc(
                Api::AttachPolicyToUser,
                [("PolicyType", "Custom".into()), ("PolicyName", ram.passrole_policy_name.as_str().to_owned()), ("UserName", user.as_str().to_owned())],
                ("Attach the PassRole policy to the RAM user who configures encryption.", "将 PassRole 策略授予配置加密的 RAM 用户。"),
            )),
            None if ram.user_name_given => {}
            None => out.push(Finding::new(
                Code::NoRamUser,
                "/ram/user_name",
                t!(
                    "No RAM user is named, so the PassRole policy is created but attached to nobody. A RAM user who sends the update needs it; the account owner does not.",
                    "未填写 RAM 用户，PassRole 策略创建后不会授予任何人。发送更新的 RAM 用户需要此权限，主账号不需要。"
                ),
                t!("Fill in /ram/user_name with the RAM user who will send the update.", "请在 /ram/user_name 中填写将发送更新的 RAM 用户。"),
            )),
        }
    }
    requests
}

/// Warns when principals other than Log Service may assume the role: they would gain the KMS
/// grants attached for BYOK too.
fn shared_role_warning(policy: &Value, out: &mut Vec<Finding>) {
    let others = trust::other_principals(policy);
    if !others.is_empty() {
        let list = others.join(", ");
        out.push(Finding::new(
            Code::SharedRole,
            "/ram/current_trust_policy",
            t!(
                format!("Others may assume this role too ({list}): with AliyunKMSCryptoUserAccess attached, they could use every CMK in the account."),
                format!("其他主体也可以扮演该角色（{list}）：授予 AliyunKMSCryptoUserAccess 后，它们可以使用账号下的所有 CMK。")
            ),
            t!(
                "Use a dedicated role that only log.aliyuncs.com may assume (create_role: true).",
                "请使用只允许 log.aliyuncs.com 扮演的专用角色（create_role: true）。"
            ),
        ));
    }
}
