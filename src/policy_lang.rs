//! The RAM policy language's own rules, as pure predicates over strings and values: what an
//! action, a resource ARN, a principal and a condition operator look like, wildcard matching,
//! and the repairs behind "did you mean". The analyser in [`crate::policy`] reports with them.

use crate::ids::nearest;
use serde_json::Value;

/// Condition operators RAM knows (without the `ForAnyValue:`/`ForAllValues:` prefix or `IfExists` suffix).
pub const CONDITION_OPERATORS: &[&str] = &[
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
    "Bool",
    "IpAddress",
    "NotIpAddress",
];

const SET_QUALIFIERS: &[&str] = &["ForAnyValue", "ForAllValues"];

/// True when the action pattern `pattern` (`*` wildcards, case-insensitive) matches `action`.
pub(crate) fn action_matches(pattern: &str, action: &str) -> bool {
    glob_ignoring_case(pattern.trim(), action)
}

/// Glob match where `*` matches any run of characters and ASCII letters match in either case (as
/// both texts lower-cased would match).
pub(crate) fn glob_ignoring_case(pattern: &str, text: &str) -> bool {
    glob_by(pattern, text, |p, t| p.eq_ignore_ascii_case(&t))
}

/// Glob match where `*` matches any run of characters and `same` compares the bytes of the rest.
/// Matched by bytes, as by characters: a text's part that matches a piece of the pattern
/// starts and ends on characters, since UTF-8 never starts a character with a byte that
/// continues one.
fn glob_by(pattern: &str, text: &str, same: impl Fn(u8, u8) -> bool) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && same(p[pi], t[ti]) {
            pi += 1;
            ti += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == b'*')
}

/// True for a string, number or boolean: what a condition value can be.
pub(crate) fn is_scalar(v: &Value) -> bool {
    matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_))
}

fn service_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// True for `*` or `service:Action` (service lower-case letters/digits/hyphen, action letters/digits/`*`).
pub(crate) fn action_ok(s: &str) -> bool {
    if s == "*" {
        return true;
    }
    match s.split_once(':') {
        Some((svc, act)) => service_name(svc) && !act.is_empty() && act.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'*'),
        None => false,
    }
}

/// The action `s` most likely meant: spaces removed, the service in lower case.
pub(crate) fn repair_action(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let (svc, act) = compact.split_once(':')?;
    Some(format!("{}:{act}", svc.to_ascii_lowercase()))
}

/// True for `*` or an ARN `acs:service:region:account:relative` (trailing parts may collapse into `*`).
pub(crate) fn resource_ok(s: &str) -> bool {
    if s == "*" {
        return true;
    }
    let Some(rest) = s.strip_prefix("acs:") else {
        return false;
    };
    let parts: Vec<&str> = rest.splitn(4, ':').collect();
    let service = parts[0];
    if !(service == "*" || service_name(service)) || parts.iter().any(|p| p.contains(char::is_whitespace)) {
        return false;
    }
    if parts.len() == 4 { !parts[3].is_empty() } else { parts.last().is_some_and(|p| p.ends_with('*')) }
}

/// The ARN `s` most likely meant: spaces removed, `acs:` in lower case.
pub(crate) fn repair_resource(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = compact.to_ascii_lowercase();
    lower.starts_with("acs:").then(|| format!("acs:{}", &compact[4..]))
}

/// True for a service principal `<name>.aliyuncs.com`.
pub(crate) fn service_ok(s: &str) -> bool {
    s.strip_suffix(".aliyuncs.com").is_some_and(|name| {
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
    })
}

/// The service principal `s` most likely meant (a bare service name gains `.aliyuncs.com`).
pub(crate) fn repair_service(s: &str) -> Option<String> {
    let lower = s.trim().to_ascii_lowercase();
    if lower.contains('.') { Some(lower) } else { service_name(&lower).then(|| format!("{lower}.aliyuncs.com")) }
}

/// The account and the rest of an `acs:ram::<account>:<rest>` ARN (any case).
fn ram_arn(s: &str) -> Option<(String, String)> {
    let lower = s.to_ascii_lowercase();
    let rest = lower.strip_prefix("acs:ram::")?;
    let (account, rest) = rest.split_once(':')?;
    (!account.is_empty() && account.bytes().all(|b| b.is_ascii_digit())).then(|| (account.to_string(), rest.to_string()))
}

/// True for a RAM principal: `acs:ram::<account>:root` or `acs:ram::<account>:role/<name>`.
pub(crate) fn ram_principal_ok(s: &str) -> bool {
    ram_arn(s).is_some_and(|(_, rest)| rest == "root" || rest.strip_prefix("role/").is_some_and(|r| !r.is_empty()))
}

/// True for a federated principal: a SAML or OIDC identity provider ARN.
pub(crate) fn federated_ok(s: &str) -> bool {
    ram_arn(s)
        .is_some_and(|(_, rest)| ["saml-provider/", "oidc-provider/"].iter().any(|p| rest.strip_prefix(p).is_some_and(|n| !n.is_empty())))
}

/// Splits an operator into qualifier (`ForAnyValue`/...), base and whether it ends in `IfExists`.
fn split_operator(op: &str) -> (Option<&str>, &str, bool) {
    let (qualifier, rest) = match op.split_once(':') {
        Some((q, r)) => (Some(q), r),
        None => (None, op),
    };
    match rest.strip_suffix("IfExists") {
        Some(base) => (qualifier, base, true),
        None => (qualifier, rest, false),
    }
}

/// True when `op` is a condition operator RAM knows.
pub(crate) fn operator_known(op: &str) -> bool {
    let (q, base, _) = split_operator(op);
    q.is_none_or(|q| SET_QUALIFIERS.contains(&q)) && CONDITION_OPERATORS.contains(&base)
}

/// The known condition operator `op` is most likely a slip of (qualifier and `IfExists` kept).
pub(crate) fn suggest_operator(op: &str) -> Option<String> {
    let (q, base, if_exists) = split_operator(op.trim());
    let q = match q {
        None => None,
        Some(q) => Some(nearest(q, SET_QUALIFIERS)?),
    };
    let best = nearest(base, CONDITION_OPERATORS)?;
    let suggestion = format!("{}{best}{}", q.map(|q| format!("{q}:")).unwrap_or_default(), if if_exists { "IfExists" } else { "" });
    (suggestion != op).then_some(suggestion)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Case-sensitive glob match.
    fn glob(pattern: &str, text: &str) -> bool {
        glob_by(pattern, text, |p, t| p == t)
    }

    #[test]
    fn globs_match_whole_texts() {
        assert!(glob("log.*", "log.aliyuncs.com"));
        assert!(glob("*", ""));
        assert!(!glob("log.*", "xlog.aliyuncs.com"));
        assert!(action_matches(" STS:* ", "sts:AssumeRole"));
        assert!(!action_matches("sts:Get*", "sts:AssumeRole"));
    }

    /// The glob as it was, on characters of lower-cased copies.
    fn glob_by_chars(pattern: &str, text: &str) -> bool {
        let p: Vec<char> = pattern.chars().collect();
        let t: Vec<char> = text.chars().collect();
        let (mut pi, mut ti) = (0, 0);
        let mut star: Option<(usize, usize)> = None;
        while ti < t.len() {
            if pi < p.len() && p[pi] == '*' {
                star = Some((pi, ti));
                pi += 1;
            } else if pi < p.len() && p[pi] == t[ti] {
                pi += 1;
                ti += 1;
            } else if let Some((sp, st)) = star {
                pi = sp + 1;
                ti = st + 1;
                star = Some((sp, st + 1));
            } else {
                return false;
            }
        }
        p[pi..].iter().all(|c| *c == '*')
    }

    #[test]
    fn globs_by_bytes_match_as_by_characters() {
        let pieces = ["*", "a", "A", "中", "文", "é", "É", ":", "**"];
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            texts.extend(longer);
            texts.dedup();
        }
        for p in &texts {
            for t in texts.iter().filter(|t| !t.contains('*')) {
                assert_eq!(glob(p, t), glob_by_chars(p, t), "{p:?} {t:?}");
                assert_eq!(glob_ignoring_case(p, t), glob_by_chars(&p.to_ascii_lowercase(), &t.to_ascii_lowercase()), "{p:?} {t:?}");
            }
        }
    }

    #[test]
    fn operators_with_qualifiers_and_if_exists() {
        assert!(operator_known("ForAnyValue:StringEqualsIfExists"));
        assert!(!operator_known("Sometimes:StringEquals"));
        assert_eq!(suggest_operator("ForAnyValue:StringEqual").as_deref(), Some("ForAnyValue:StringEquals"));
        assert_eq!(suggest_operator("Whatever"), None);
    }

    #[test]
    fn principals_and_resources() {
        assert!(ram_principal_ok("ACS:RAM::1234567890123456:root"));
        assert!(!ram_principal_ok("acs:ram::abc:root"));
        assert!(federated_ok("acs:ram::1234567890123456:saml-provider/idp"));
        assert!(resource_ok("acs:ram::*") && !resource_ok("arn:aws:iam::1:role/x"));
        assert_eq!(repair_service("LOG").as_deref(), Some("log.aliyuncs.com"));
    }
}
