//! Identifiers as parsed types: a value of one of these types is known to be well formed.

use crate::finding::{Code, Text, t};
use crate::limits::excerpt;
use std::fmt;

/// Why an identifier was refused: the finding code, the message and the fix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", message.en)]
pub struct Invalid {
    /// The finding code.
    pub code: Code,
    /// What is wrong.
    pub message: Text,
    /// How to fix it.
    pub fix: Text,
}

fn invalid(code: Code, message: Text, fix: Text) -> Invalid {
    Invalid { code, message, fix }
}

/// Regions that have Log Service (the region ids of the Log Service endpoint list in the vendor docs).
pub const REGIONS: &[&str] = &[
    "cn-qingdao",
    "cn-beijing",
    "cn-zhangjiakou",
    "cn-huhehaote",
    "cn-wulanchabu",
    "cn-hangzhou",
    "cn-shanghai",
    "cn-nanjing",
    "cn-fuzhou",
    "cn-shenzhen",
    "cn-heyuan",
    "cn-guangzhou",
    "cn-chengdu",
    "cn-hongkong",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-3",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ap-southeast-8",
    "us-east-1",
    "us-west-1",
    "us-southeast-1",
    "eu-west-1",
    "eu-central-1",
    "sa-east-1",
    "me-east-1",
    "me-central-1",
    "cn-hangzhou-finance",
    "cn-shanghai-finance-1",
    "cn-shenzhen-finance-1",
    "cn-beijing-finance-1",
];

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct $name(String);
        impl $name {
            /// The identifier as text.
            pub fn as_str(&self) -> &str { &self.0 }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(&self.0) }
        }
    };
}

id_type!(/// A region id from [`REGIONS`].
    Region);
id_type!(/// An Alibaba Cloud account id (digits).
    AccountId);
id_type!(/// A KMS CMK id: a UUID or `key-...`.
    CmkId);
id_type!(/// A RAM role name.
    RoleName);
id_type!(/// A RAM user name.
    UserName);
id_type!(/// A RAM policy name.
    PolicyName);
id_type!(/// A Log Service project name.
    ProjectName);
id_type!(/// A Logstore name.
    LogstoreName);

/// Levenshtein distance between two names.
fn edit_distance(a: &str, b: &str) -> usize {
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX; // nothing that long is a typo of a short name; keeps huge input fast
    }
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The name of `known` that `input` is most likely a slip of, for "did you mean" suggestions:
/// the one equal to it but for case, else the nearest one when it is close, that is when at most
/// a third of its characters (one to three) would have to change. `None` when nothing is close.
pub fn nearest(input: &str, known: &[&'static str]) -> Option<&'static str> {
    let input = input.trim();
    if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(input)) {
        return Some(k);
    }
    let lower = input.to_ascii_lowercase();
    let (best, d) = known.iter().map(|k| (*k, edit_distance(&k.to_ascii_lowercase(), &lower))).min_by_key(|(_, d)| *d)?;
    (d <= (best.chars().count() / 3).clamp(1, 3) && d < lower.chars().count()).then_some(best)
}

impl Region {
    /// Parses a region id; unknown ones get the nearest known one as a suggestion.
    pub fn parse(s: &str) -> Result<Region, Invalid> {
        let s = s.trim();
        if let Some(r) = REGIONS.iter().find(|r| r.eq_ignore_ascii_case(s)) {
            return Ok(Region(r.to_string()));
        }
        let near = nearest(s, REGIONS);
        let s = excerpt(s);
        Err(invalid(
            Code::BadRegion,
            t!(format!("\"{s}\" is not a region with Log Service."), format!("\"{s}\" 不是支持日志服务的地域。")),
            if let Some(near) = near {
                t!(
                    format!("Did you mean \"{near}\"? Use the region id shown in the console, e.g. cn-hangzhou."),
                    format!("您是否想输入 \"{near}\"？请使用控制台显示的地域 ID，例如 cn-hangzhou。")
                )
            } else {
                t!("Use a region id such as cn-hangzhou or ap-southeast-1.", "请使用地域 ID，例如 cn-hangzhou 或 ap-southeast-1。")
            },
        ))
    }
}

impl AccountId {
    /// Parses an account id: digits only (16 in every real example; other lengths warn).
    pub fn parse(s: &str) -> Result<AccountId, Invalid> {
        let s = s.trim();
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            let s = excerpt(s);
            return Err(invalid(
                Code::BadAccountId,
                t!(format!("\"{s}\" is not an account id: it must be digits only."), format!("\"{s}\" 不是账号 ID：只能包含数字。")),
                t!("Copy the 16-digit account id (UID) from the console's account menu.", "请从控制台账号菜单复制 16 位账号 ID（UID）。"),
            ));
        }
        Ok(AccountId(s.to_string()))
    }

    /// True when the id has the 16 digits every real account id has.
    pub fn is_usual_length(&self) -> bool {
        self.0.len() == 16
    }
}

impl CmkId {
    /// Parses a CMK id: a legacy UUID (8-4-4-4-12 hex) or `key-` + lowercase letters/digits.
    pub fn parse(s: &str) -> Result<CmkId, Invalid> {
        let s = s.trim();
        let uuid = {
            let parts: Vec<&str> = s.split('-').collect();
            parts.len() == 5 && [8, 4, 4, 4, 12].iter().zip(&parts).all(|(n, p)| p.len() == *n && p.bytes().all(|b| b.is_ascii_hexdigit()))
        };
        let key = s.strip_prefix("key-").is_some_and(|r| r.len() >= 8 && r.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if uuid || key {
            Ok(CmkId(s.to_string()))
        } else {
            let s = excerpt(s);
            Err(invalid(
                Code::BadCmkId,
                t!(format!("\"{s}\" is not a CMK id."), format!("\"{s}\" 不是有效的用户主密钥（CMK）ID。")),
                t!(
                    "Copy the key id from the KMS console: key-… (e.g. key-hzz630494463ejqjxxxxx) or a UUID such as 05754286-3ba2-4fa6-8d41-4323aca6xxxx.",
                    "请从 KMS 控制台复制密钥 ID：key-…（如 key-hzz630494463ejqjxxxxx）或 UUID（如 05754286-3ba2-4fa6-8d41-4323aca6xxxx）。"
                ),
            ))
        }
    }

    /// True when the id looks like a documentation placeholder (`xxxx`).
    pub fn is_placeholder(s: &str) -> bool {
        s.to_ascii_lowercase().contains("xxxx")
    }
}

/// `s`, trimmed, as a `T` when `ok` holds for it; else why it is not a valid `what` (English,
/// Chinese), with `fix`.
fn checked<T>(s: &str, ok: impl Fn(&str) -> bool, wrap: fn(String) -> T, code: Code, what: (&str, &str), fix: Text) -> Result<T, Invalid> {
    let s = s.trim();
    if ok(s) {
        return Ok(wrap(s.to_string()));
    }
    let (s, (en, zh)) = (excerpt(s), what);
    let gap = if zh.starts_with(|c: char| c.is_ascii_alphanumeric()) { " " } else { "" };
    Err(invalid(code, t!(format!("\"{s}\" is not a valid {en}."), format!("\"{s}\" 不是有效的{gap}{zh}。")), fix))
}

fn name_rule(s: &str, max: usize, extra: &[u8]) -> bool {
    !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_alphanumeric() || extra.contains(&b))
}

impl RoleName {
    /// Parses a RAM role name: 1-64 letters, digits, `.` or `-`.
    pub fn parse(s: &str) -> Result<RoleName, Invalid> {
        checked(
            s,
            |s| name_rule(s, 64, b".-"),
            RoleName,
            Code::BadRoleName,
            ("RAM role name", "RAM 角色名称"),
            t!(
                "Use 1-64 characters: letters, digits, '.' and '-' (e.g. sls-byok-kms-role).",
                "请使用 1-64 个字符：字母、数字、'.' 和 '-'（如 sls-byok-kms-role）。"
            ),
        )
    }
}

/// A RAM role ARN `acs:ram::<account>:role/<name>`, kept in lower case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleArn {
    /// The account that owns the role.
    pub account: AccountId,
    /// The role's name.
    pub role: RoleName,
}

impl RoleArn {
    /// Parses a role ARN in any case; the result prints in lower case, and the role keeps the
    /// name's own spelling for RAM calls (RoleName).
    pub fn parse(s: &str) -> Result<RoleArn, Invalid> {
        let trimmed = s.trim();
        let bad = || {
            let trimmed = excerpt(trimmed);
            invalid(
                Code::BadRoleArn,
                t!(format!("\"{trimmed}\" is not a RAM role ARN."), format!("\"{trimmed}\" 不是 RAM 角色 ARN。")),
                t!(
                    "Use acs:ram::<16-digit account id>:role/<role name>, as shown on the role's page in the RAM console.",
                    "请使用 acs:ram::<16 位账号 ID>:role/<角色名称>，可在 RAM 控制台的角色详情页找到。"
                ),
            )
        };
        let rest = trimmed.get(..9).filter(|p| p.eq_ignore_ascii_case("acs:ram::")).map(|_| &trimmed[9..]).ok_or_else(bad)?;
        let at = rest.to_ascii_lowercase().find(":role/").ok_or_else(bad)?;
        let (account, role) = (&rest[..at], &rest[at + 6..]);
        let account = AccountId::parse(account).map_err(|_| bad())?;
        let role = RoleName::parse(role).map_err(|_| bad())?;
        Ok(RoleArn { account, role })
    }

    /// Builds the ARN of `role` in `account`.
    pub fn new(account: AccountId, role: RoleName) -> RoleArn {
        RoleArn { account, role }
    }
}

impl fmt::Display for RoleArn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("acs:ram::")?;
        f.write_str(self.account.as_str())?;
        f.write_str(":role/")?;
        let role = self.role.as_str();
        // Role names are ASCII: lower-cased a character at a time only when one is upper case.
        if !role.bytes().any(|b| b.is_ascii_uppercase()) {
            return f.write_str(role);
        }
        role.chars().try_for_each(|c| fmt::Write::write_char(f, c.to_ascii_lowercase()))
    }
}

impl UserName {
    /// Parses a RAM user name: 1-64 letters, digits, `.`, `-` or `_`.
    pub fn parse(s: &str) -> Result<UserName, Invalid> {
        checked(
            s,
            |s| name_rule(s, 64, b".-_"),
            UserName,
            Code::BadUserName,
            ("RAM user name", "RAM 用户名"),
            t!(
                "Use the user's name (1-64 letters, digits, '.', '-', '_'), without @domain.",
                "请使用用户名（1-64 个字母、数字、'.'、'-'、'_'），不含 @ 域名部分。"
            ),
        )
    }
}

impl PolicyName {
    /// Parses a RAM policy name: 1-128 letters, digits or `-`.
    pub fn parse(s: &str) -> Result<PolicyName, Invalid> {
        checked(
            s,
            |s| name_rule(s, 128, b"-"),
            PolicyName,
            Code::BadPolicyName,
            ("RAM policy name", "RAM 策略名称"),
            t!(
                "Use 1-128 characters: letters, digits and '-' (e.g. sls-byok-passrole).",
                "请使用 1-128 个字符：字母、数字和 '-'（如 sls-byok-passrole）。"
            ),
        )
    }
}

fn sls_name(s: &str, extra: &[u8], digit_first: bool) -> bool {
    let b = s.as_bytes();
    (3..=63).contains(&b.len())
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || extra.contains(c))
        && (b[0].is_ascii_lowercase() || (digit_first && b[0].is_ascii_digit()))
        && b[b.len() - 1].is_ascii_alphanumeric()
}

impl ProjectName {
    /// Parses a project name: 3-63 lowercase letters, digits, `-`; starts with a letter, ends with a letter or digit.
    pub fn parse(s: &str) -> Result<ProjectName, Invalid> {
        checked(
            s,
            |s| sls_name(s, b"-", false),
            ProjectName,
            Code::BadProjectName,
            ("project name", "项目名称"),
            t!(
                "Use 3-63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit.",
                "请使用 3-63 个小写字母、数字和 '-'，以字母开头，以字母或数字结尾。"
            ),
        )
    }
}

impl LogstoreName {
    /// True when the name may be given to a new Logstore (current docs: starts with a letter).
    pub fn is_new_name(&self) -> bool {
        self.0.as_bytes()[0].is_ascii_lowercase()
    }

    /// Parses the name of an existing Logstore: 3-63 lowercase letters, digits, `-`, `_`, ending
    /// with a letter or digit; a leading digit is accepted, as older docs allowed it.
    pub fn parse(s: &str) -> Result<LogstoreName, Invalid> {
        checked(
            s,
            |s| sls_name(s, b"-_", true),
            LogstoreName,
            Code::BadLogstoreName,
            ("Logstore name", "日志库名称"),
            t!(
                "Use 3-63 lowercase letters, digits, '-' and '_', starting with a letter and ending with a letter or digit.",
                "请使用 3-63 个小写字母、数字、'-' 和 '_'，以字母开头，以字母或数字结尾。"
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_suggest_the_nearest() {
        assert_eq!(Region::parse("CN-Hangzhou").unwrap().as_str(), "cn-hangzhou");
        let e = Region::parse("cn-hangzou").unwrap_err();
        assert_eq!(e.code, Code::BadRegion);
        assert!(e.fix.en.contains("cn-hangzhou"));
    }

    #[test]
    fn nearest_suggests_only_close_names() {
        assert_eq!(nearest("Region", &["region", "project"]), Some("region"));
        assert_eq!(nearest("regoin", &["region", "project"]), Some("region"));
        assert_eq!(nearest("StringEqual", &["StringEquals", "Bool"]), Some("StringEquals"));
        assert_eq!(nearest("colour", &["region", "project"]), None);
        assert_eq!(nearest("x", &["Sid"]), None);
        assert_eq!(nearest("", &["a"]), None);
        let e = Region::parse("mars-north-9").unwrap_err();
        assert!(!e.fix.en.contains("Did you mean"), "{}", e.fix.en);
    }

    #[test]
    fn cmk_ids() {
        assert!(CmkId::parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d").is_ok());
        assert!(CmkId::parse("key-hzz67f8a1b2c3d4e5f6g").is_ok());
        assert_eq!(CmkId::parse("f5136b95-2420-ab31-xxxxxxxxx").unwrap_err().code, Code::BadCmkId);
        assert!(CmkId::is_placeholder("key-hzz630494463ejqjxxxxx"));
    }

    #[test]
    fn arns_in_any_case_print_lower() {
        let a = RoleArn::parse("acs:ram::1234567890123456:role/SLS-Byok-Role").unwrap();
        assert_eq!(a.to_string(), "acs:ram::1234567890123456:role/sls-byok-role");
        assert_eq!(RoleArn::parse("acs:ram::abc:role/x").unwrap_err().code, Code::BadRoleArn);
    }

    #[test]
    fn bad_names_say_what_they_are_not() {
        let e = RoleName::parse(" a b ").unwrap_err();
        assert_eq!(
            (e.code, &*e.message.en, &*e.message.zh),
            (Code::BadRoleName, "\"a b\" is not a valid RAM role name.", "\"a b\" 不是有效的 RAM 角色名称。")
        );
        let e = ProjectName::parse("A").unwrap_err();
        assert_eq!((e.code, &*e.message.zh), (Code::BadProjectName, "\"A\" 不是有效的项目名称。"));
        assert_eq!(UserName::parse(" alice ").unwrap().as_str(), "alice");
    }

    #[test]
    fn sls_names() {
        assert!(LogstoreName::parse("cloudfirewall-logstore").is_ok());
        assert!(LogstoreName::parse("a_b").is_ok());
        assert!(ProjectName::parse("a_b").is_err());
        assert!(LogstoreName::parse("1abc").is_ok(), "older docs allowed a leading digit");
        assert!(!LogstoreName::parse("1abc").unwrap().is_new_name());
        assert!(LogstoreName::parse("ab-").is_err());
    }
}
