//! `encrypt_conf`: the domain types, and the permanence rules against what a Logstore has.

use crate::choice::{Algorithm, Choice};
use crate::finding::{Code, Finding, Text, t};
use crate::intent::{Encryption, KeyKind};
use crate::json::Members;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The encryption algorithm. The wire names are `default` (AES) and `sm4`; `m4` is what older
/// docs, Terraform and the Go SDK's tests use and may be read back from a Logstore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EncryptType {
    /// AES.
    Default,
    /// SM4.
    Sm4,
    /// The older docs' name, accepted when read back.
    M4,
    /// One of the other values the dedicated encryption API lists (`aes_gcm`, `sm4_cbc`, ...),
    /// accepted when read back and kept as it is.
    #[serde(untagged)]
    Api(String),
}

/// The other values the dedicated UpdateLogStoreEncryption API lists for `encryptType`.
pub const API_ENCRYPT_TYPES: &[&str] = &["sm4_ecb", "sm4_cbc", "sm4_gcm", "aes_ecb", "aes_cbc", "aes_cfb", "aes_ofb", "aes_gcm"];

impl EncryptType {
    /// Parses a wire name (the two offered, `m4`, and the dedicated API's other values).
    pub fn parse(s: &str) -> Option<EncryptType> {
        match s {
            s if s == Algorithm::Default.as_str() => Some(EncryptType::Default),
            s if s == Algorithm::Sm4.as_str() => Some(EncryptType::Sm4),
            "m4" => Some(EncryptType::M4),
            other if API_ENCRYPT_TYPES.contains(&other) => Some(EncryptType::Api(other.to_string())),
            _ => None,
        }
    }

    /// The algorithm the page offers for this type (`m4` is SM4's older name); `None` for the
    /// dedicated API's other values.
    pub fn offered(&self) -> Option<Algorithm> {
        match self {
            EncryptType::Default => Some(Algorithm::Default),
            EncryptType::Sm4 | EncryptType::M4 => Some(Algorithm::Sm4),
            EncryptType::Api(_) => None,
        }
    }

    /// The wire name.
    pub fn as_str(&self) -> &str {
        match self {
            EncryptType::Default => Algorithm::Default.as_str(),
            EncryptType::Sm4 => Algorithm::Sm4.as_str(),
            EncryptType::M4 => "m4",
            EncryptType::Api(s) => s,
        }
    }
}

/// `user_cmk_info`: the BYOK key and the role Log Service assumes to use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserCmkInfo {
    /// The CMK id.
    pub cmk_key_id: String,
    /// The RAM role's ARN.
    pub arn: String,
    /// The CMK's region.
    pub region_id: String,
}

/// `encrypt_conf` exactly as the Logstore body spells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptConf {
    /// On or off.
    pub enable: bool,
    /// The algorithm (required when enabled).
    pub encrypt_type: EncryptType,
    /// Present for BYOK, absent for the service key.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub user_cmk_info: Option<UserCmkInfo>,
}

impl EncryptConf {
    /// Service key or BYOK.
    pub fn key(&self) -> KeyKind {
        if self.user_cmk_info.is_some() { KeyKind::Byok } else { KeyKind::Service }
    }

    /// As a JSON value with the body's key order.
    pub fn to_value(&self) -> Value {
        self.object(["enable", "encrypt_type", "user_cmk_info"], ["cmk_key_id", "arn", "region_id"])
    }

    /// The body of the dedicated UpdateLogStoreEncryption API (camelCase keys).
    pub fn to_encryption_api(&self) -> Value {
        self.object(["enable", "encryptType", "userCmkInfo"], ["keyId", "roleArn", "regionId"])
    }

    /// The configuration as an object with these keys (`enable`, the type, the CMK info; the
    /// CMK id, the role ARN, the region), each map made at its size.
    fn object(&self, keys: [&str; 3], info_keys: [&str; 3]) -> Value {
        let mut conf = Map::with_capacity(3);
        conf.insert(keys[0].into(), Value::Bool(self.enable));
        conf.insert(keys[1].into(), Value::String(self.encrypt_type.as_str().into()));
        if let Some(info) = &self.user_cmk_info {
            let mut i = Map::with_capacity(3);
            for (k, v) in info_keys.into_iter().zip([&info.cmk_key_id, &info.arn, &info.region_id]) {
                i.insert(k.into(), Value::String(v.clone()));
            }
            conf.insert(keys[2].into(), Value::Object(i));
        }
        Value::Object(conf)
    }

    /// True when `v` is [`EncryptConf::to_value`] (compared without building it).
    pub fn is_value(&self, v: &Value) -> bool {
        let Some(conf) = v.as_object() else { return false };
        let text = |m: &Map<String, Value>, k: &str, want: &str| m.member(k).and_then(Value::as_str) == Some(want);
        let info_matches = match (&self.user_cmk_info, conf.member("user_cmk_info")) {
            (None, None) => true,
            (Some(info), Some(Value::Object(i))) => {
                i.len() == 3
                    && text(i, "cmk_key_id", &info.cmk_key_id)
                    && text(i, "arn", &info.arn)
                    && text(i, "region_id", &info.region_id)
            }
            _ => false,
        };
        conf.len() == 2 + usize::from(self.user_cmk_info.is_some())
            && conf.member("enable") == Some(&Value::Bool(self.enable))
            && text(conf, "encrypt_type", self.encrypt_type.as_str())
            && info_matches
    }
}

/// The algorithm as people name it: AES for `default`, SM4 for `sm4`/`m4`, else the wire name.
pub fn algorithm(t: &EncryptType) -> String {
    match t {
        EncryptType::Default => "AES".into(),
        EncryptType::Sm4 | EncryptType::M4 => "SM4".into(),
        EncryptType::Api(s) => s.clone(),
    }
}

fn mechanism(k: KeyKind) -> Text {
    match k {
        KeyKind::Service => t!("the service key", "服务密钥"),
        KeyKind::Byok => t!("BYOK (your own CMK)", "自带密钥（BYOK）"),
    }
}

/// The `encrypt_conf` a Logstore has (GetLogStore), as stored and as understood.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    /// The object exactly as stored.
    pub raw: Map<String, Value>,
    /// The configuration, when every value is understood; `None`: configured but not understood,
    /// so it is sent back as stored (only `enable` changes).
    pub conf: Option<EncryptConf>,
}

impl Stored {
    /// The stored object with `enable` set: the only change the permanence rules allow.
    pub fn with_enable(&self, enable: bool) -> Value {
        let mut raw = self.raw.clone();
        raw.insert("enable".into(), Value::Bool(enable));
        Value::Object(raw)
    }
}

/// Reads the `encrypt_conf` stored on a Logstore (GetLogStore). `None` when there is none or it
/// has no algorithm and no key yet (never configured); anything configured but not understood is
/// reported at `path` as an error and kept as stored.
pub fn stored(conf: Option<&Value>, path: &str, out: &mut Vec<Finding>) -> Option<Stored> {
    let obj = match conf? {
        Value::Null => return None,
        Value::Object(o) => o,
        _ => {
            out.push(malformed(path, "it is not an object", "它不是对象"));
            return None;
        }
    };
    let not_understood = |out: &mut Vec<Finding>, why: &str, why_zh: &str| {
        out.push(malformed(path, why, why_zh));
        Some(Stored { raw: obj.clone(), conf: None })
    };
    let enable = obj.member("enable").and_then(Value::as_bool);
    let ty = obj.member("encrypt_type").and_then(Value::as_str).filter(|s| !s.is_empty());
    let has_cmk = obj.member("user_cmk_info").is_some_and(|v| !v.is_null());
    let ty = match (ty, has_cmk) {
        (None, false) if enable != Some(true) => return None,
        (None, _) => return not_understood(out, "it has no encrypt_type", "缺少 encrypt_type"),
        (Some(t), _) => t,
    };
    let Some(encrypt_type) = EncryptType::parse(ty) else {
        return not_understood(
            out,
            &format!("its encrypt_type \"{}\" is not one any source lists", crate::limits::excerpt(ty)),
            &format!("其 encrypt_type \"{}\" 不在任何来源列出的取值中", crate::limits::excerpt(ty)),
        );
    };
    if encrypt_type == EncryptType::M4 {
        out.push(Finding::new(
            Code::EncryptTypeM4,
            format!("{path}/encrypt_type"),
            t!(
                "The Logstore reports encrypt_type \"m4\". Sources disagree on this name: current docs say \"sm4\", the older doc, Terraform and the Go SDK's tests say \"m4\".",
                "该日志库返回的 encrypt_type 为 \"m4\"。各来源说法不一：现行文档为 \"sm4\"，旧版文档、Terraform 和 Go SDK 测试用例为 \"m4\"。"
            ),
            t!("The update sends \"m4\" back unchanged, since the algorithm is permanent; do not rewrite it to \"sm4\".", "更新时原样发回 \"m4\"（算法不可更改）；请勿改写为 \"sm4\"。"),
        ));
    }
    let user_cmk_info = match obj.member("user_cmk_info") {
        None | Some(Value::Null) => None,
        Some(Value::Object(i)) => {
            let field = |k: &str| i.member(k).and_then(Value::as_str).unwrap_or("").to_string();
            let info = UserCmkInfo { cmk_key_id: field("cmk_key_id"), arn: field("arn"), region_id: field("region_id") };
            if info.cmk_key_id.is_empty() || info.arn.is_empty() || info.region_id.is_empty() {
                return not_understood(
                    out,
                    "its user_cmk_info lacks cmk_key_id, arn or region_id",
                    "其 user_cmk_info 缺少 cmk_key_id、arn 或 region_id",
                );
            }
            Some(info)
        }
        Some(_) => return not_understood(out, "its user_cmk_info is not an object", "其 user_cmk_info 不是对象"),
    };
    Some(Stored { raw: obj.clone(), conf: Some(EncryptConf { enable: enable.unwrap_or(true), encrypt_type, user_cmk_info }) })
}

fn malformed(path: &str, why: &str, why_zh: &str) -> Finding {
    Finding::new(
        Code::StoredConfMalformed,
        path,
        t!(format!("The Logstore's encrypt_conf is malformed: {why}."), format!("该日志库的 encrypt_conf 格式有误：{why_zh}。")),
        t!(
            "Paste the GetLogStore response exactly as returned; if it is really so, check the Logstore in the console before changing encryption.",
            "请原样粘贴 GetLogStore 的响应；若确实如此，请先在控制台检查该日志库再修改加密设置。"
        ),
    )
}

/// The `encrypt_conf` the user asked for, built from the intent (`None` when fields are missing).
pub fn wanted(enc: &Encryption, role_arn: Option<&str>, out: &mut Vec<Finding>) -> Option<EncryptConf> {
    let encrypt_type = match Algorithm::from_wire(&enc.encrypt_type) {
        Some(Algorithm::Default) => EncryptType::Default,
        Some(Algorithm::Sm4) => EncryptType::Sm4,
        None => {
            let other = enc.encrypt_type.as_str();
            let m4 = other == "m4";
            out.push(Finding::new(
                Code::BadEncryptType,
                "/encryption/encrypt_type",
                if m4 {
                    t!(
                        "\"m4\" is the older docs' name; current docs and the console use \"sm4\" for SM4.",
                        "\"m4\" 是旧版文档的写法；现行文档和控制台使用 \"sm4\" 表示 SM4。"
                    )
                } else {
                    t!(
                        format!("\"{}\" is not an algorithm Log Service offers here.", crate::limits::excerpt(other)),
                        format!("\"{}\" 不是此处日志服务提供的算法。", crate::limits::excerpt(other))
                    )
                },
                t!("Use \"default\" (AES) or \"sm4\" (SM4).", "请使用 \"default\"（AES）或 \"sm4\"（SM4）。"),
            ));
            return None;
        }
    };
    let user_cmk_info = match enc.key {
        KeyKind::Service => None,
        KeyKind::Byok => Some(UserCmkInfo {
            cmk_key_id: enc.cmk_key_id.as_ref()?.as_str().to_owned(),
            arn: role_arn?.to_string(),
            region_id: enc.cmk_region_id.as_ref()?.as_str().to_owned(),
        }),
    };
    Some(EncryptConf { enable: enc.enable, encrypt_type, user_cmk_info })
}

/// Checks a wanted configuration against the stored one. Returns the configuration that may be
/// sent: the wanted one when allowed, else the stored one with the wanted `enable` (the allowed plan).
pub fn permanence(wanted: &EncryptConf, stored: &EncryptConf, out: &mut Vec<Finding>) -> EncryptConf {
    let allowed = EncryptConf { enable: wanted.enable, ..stored.clone() };
    let allowed_json = allowed.to_value().to_string();
    let fix = |what: &str, what_zh: &str| {
        t!(
            format!("Keep the stored {what}; only enable can change. The allowed plan (shown in the outputs) is: {allowed_json}"),
            format!("请保留已有的{what_zh}；只有 enable 可以修改。允许的方案（见输出）为：{allowed_json}")
        )
    };
    let mut refused = false;
    if wanted.key() != stored.key() {
        refused = true;
        let (from, to) = (mechanism(stored.key()), mechanism(wanted.key()));
        out.push(Finding::new(
            Code::MechanismChange,
            "/encryption/key",
            t!(
                format!("This Logstore is encrypted with {}; switching to {} is not possible. Service key and BYOK exclude each other, and the choice is permanent.", from.en, to.en),
                format!("该日志库使用{}加密，无法切换为{}。服务密钥与自带密钥互斥，且一经设置不可更改。", from.zh, to.zh)
            ),
            fix("key mechanism", "密钥类型"),
        ));
    }
    let same_type =
        wanted.encrypt_type == stored.encrypt_type || (stored.encrypt_type == EncryptType::M4 && wanted.encrypt_type == EncryptType::Sm4);
    if !same_type {
        refused = true;
        out.push(Finding::new(
            Code::EncryptTypeChange,
            "/encryption/encrypt_type",
            t!(
                format!(
                    "This Logstore's algorithm is {} (\"{}\"); changing it to {} (\"{}\") is not possible: encrypt_type is permanent.",
                    algorithm(&stored.encrypt_type),
                    stored.encrypt_type.as_str(),
                    algorithm(&wanted.encrypt_type),
                    wanted.encrypt_type.as_str()
                ),
                format!(
                    "该日志库的算法为 {}（\"{}\"），无法改为 {}（\"{}\"）：encrypt_type 一经设置不可更改。",
                    algorithm(&stored.encrypt_type),
                    stored.encrypt_type.as_str(),
                    algorithm(&wanted.encrypt_type),
                    wanted.encrypt_type.as_str()
                )
            ),
            fix("algorithm (encrypt_type)", "加密算法（encrypt_type）"),
        ));
    }
    if let (Some(w), Some(s)) = (&wanted.user_cmk_info, &stored.user_cmk_info) {
        let pairs = [
            ("cmk_key_id", "/encryption/cmk_key_id", &w.cmk_key_id, &s.cmk_key_id, "CMK", "用户主密钥（CMK）"),
            ("arn", "/encryption/role_arn", &w.arn, &s.arn, "role", "RAM 角色"),
            ("region_id", "/encryption/cmk_region_id", &w.region_id, &s.region_id, "CMK region", "CMK 地域"),
        ];
        for (key, path, new, old, what, what_zh) in pairs {
            if !new.eq_ignore_ascii_case(old) {
                refused = true;
                let (old, new) = (crate::limits::excerpt(old), crate::limits::excerpt(new));
                out.push(Finding::new(
                    Code::CmkInfoChange,
                    path,
                    t!(
                        format!("This Logstore's user_cmk_info.{key} is \"{old}\"; changing it to \"{new}\" is not possible: every user_cmk_info value is permanent."),
                        format!("该日志库的 user_cmk_info.{key} 为 \"{old}\"，无法改为 \"{new}\"：user_cmk_info 的每个值都不可更改。")
                    ),
                    fix(what, what_zh),
                ));
            }
        }
    }
    if refused {
        return allowed;
    }
    match (stored.enable, wanted.enable) {
        (true, false) => out.push(Finding::new(
            Code::DisablingEncryption,
            "/encryption/enable",
            t!(
                "Encryption is turned off: data written from now on is stored unencrypted. The key settings stay and cannot change later.",
                "将关闭加密：此后写入的数据不再加密。密钥设置会保留，之后也不能更改。"
            ),
            t!(
                "Make sure this is intended; to turn it back on, send the same encrypt_conf with \"enable\": true.",
                "请确认这是预期操作；如需重新开启，发送相同的 encrypt_conf 并设置 \"enable\": true。"
            ),
        )),
        (false, true) => out.push(Finding::new(
            Code::ReenablingEncryption,
            "/encryption/enable",
            t!("Encryption is turned back on with the Logstore's stored key settings.", "将使用该日志库已有的密钥设置重新开启加密。"),
            t!("Nothing to do.", "无需处理。"),
        )),
        _ => out.push(Finding::new(
            Code::EncryptionUnchanged,
            "/encryption",
            t!(
                "The Logstore already has exactly this encryption: there is nothing to change.",
                "该日志库已是完全相同的加密设置：无需更改。"
            ),
            t!("Nothing to do, unless you meant to change enable.", "无需处理，除非您想修改 enable。"),
        )),
    }
    // Keep the stored spelling (e.g. "m4", the ARN's case) so nothing permanent is rewritten.
    allowed
}

/// The two facts a user must see before sending: the choice is permanent; a disabled CMK locks the data.
/// `managed`: the Logstore is one a product creates and manages (the Cloud Firewall preset), so
/// the advice cannot be to start over with another Logstore.
pub fn one_way_warnings(conf: &EncryptConf, first_time: bool, update: bool, managed: bool, out: &mut Vec<Finding>) {
    if first_time && conf.enable {
        let m = mechanism(conf.key());
        out.push(Finding::new(
            Code::PermanentChoice,
            "/encryption",
            t!(
                format!("Permanent: once sent, this Logstore stays on {} with {}. Only enable can change later; the mechanism, the algorithm and the CMK, role and region can never change.", m.en, algorithm(&conf.encrypt_type)),
                format!("不可更改：一经发送，该日志库将永久使用{}和 {} 算法。之后只能修改 enable；密钥类型、算法以及 CMK、角色和地域都无法再更改。", m.zh, algorithm(&conf.encrypt_type))
            ),
            if managed {
                t!(
                    "Check the key choice and the algorithm now. Cloud Firewall creates and manages this Logstore, so you cannot start over with another one: if unsure, leave encryption off until your key policy is settled.",
                    "请现在确认密钥类型和算法。该日志库由云防火墙创建和管理，无法另建日志库重新开始：如不确定，请在密钥策略确定之前暂不开启加密。"
                )
            } else {
                t!(
                    "Check the key choice and the algorithm now; if you might need another later, create a new Logstore for it instead.",
                    "请现在确认密钥类型和算法；如果以后可能需要其他设置，请改为另建一个日志库。"
                )
            },
        ));
        if update {
            out.push(Finding::new(
                Code::UpdateAllowedNote,
                "/operation",
                t!(
                    "Adding encryption to an existing Logstore: the older doc says encryption can only be set at creation; the 2026 docs and the UpdateLogStoreEncryption API allow it by update through the API. The newer sources win. Terraform cannot: in the alicloud provider a new encrypt_conf replaces (destroys and recreates) the Logstore, so the Terraform export adopts the result of the API change instead.",
                    "为已有日志库添加加密：旧版文档称只能在创建时设置；2026 年文档和 UpdateLogStoreEncryption 接口支持通过 API 更新设置。以较新的来源为准。Terraform 不行：在 alicloud provider 中，新的 encrypt_conf 会替换（销毁并重建）日志库，因此 Terraform 导出改为在 API 变更完成后纳管其结果。"
                ),
                t!("Nothing to do; if the API refuses the update in your region, use the dedicated UpdateLogStoreEncryption request shown as the alternative.", "无需处理；如所在地域拒绝此更新，请使用备选方案中的 UpdateLogStoreEncryption 请求。"),
            ));
        }
    }
    if conf.key() == KeyKind::Byok {
        out.push(Finding::new(
            Code::CmkLifecycle,
            "/encryption/cmk_key_id",
            t!(
                "If this CMK is ever disabled, deleted or scheduled for deletion, every read and write on the Logstore fails until it is enabled again; a deleted CMK makes the data unreadable for good.",
                "一旦该用户主密钥（CMK）被禁用、删除或计划删除，日志库的所有读写都会失败，直到重新启用；删除后数据将永久无法读取。"
            ),
            t!("Protect the CMK: enable deletion protection in KMS and restrict who may disable it.", "请保护该 CMK：在 KMS 中开启删除保护，并限制可禁用它的人员。"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn is_value_says_what_comparing_with_to_value_says() {
        let info = UserCmkInfo { cmk_key_id: "key-a".into(), arn: "acs:ram::1:role/r".into(), region_id: "cn-hangzhou".into() };
        let confs = [
            EncryptConf { enable: true, encrypt_type: EncryptType::Default, user_cmk_info: None },
            EncryptConf { enable: false, encrypt_type: EncryptType::Sm4, user_cmk_info: Some(info.clone()) },
            EncryptConf { enable: true, encrypt_type: EncryptType::Api("aes_gcm".into()), user_cmk_info: Some(info) },
        ];
        let mut values: Vec<Value> = confs.iter().map(EncryptConf::to_value).collect();
        let (aes, sm4) = (Algorithm::Default.as_str(), Algorithm::Sm4.as_str());
        values.extend([
            json!(null),
            json!({"enable": true}),
            json!({"encrypt_type": aes, "enable": true}),
            json!({"enable": true, "encrypt_type": aes, "user_cmk_info": null}),
            json!({"enable": "true", "encrypt_type": aes}),
            json!({"enable": false, "encrypt_type": sm4, "user_cmk_info": {"cmk_key_id": "key-a", "arn": "acs:ram::1:role/r"}}),
            json!({"enable": false, "encrypt_type": sm4, "user_cmk_info": {"cmk_key_id": "key-a", "arn": "acs:ram::1:role/r", "region_id": "cn-hangzhou", "x": 1}}),
        ]);
        for c in &confs {
            for v in &values {
                assert_eq!(c.is_value(v), &c.to_value() == v, "{c:?} {v}");
            }
        }
    }
}
