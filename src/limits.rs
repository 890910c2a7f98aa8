//! Limits on what the core reads and writes, so that no input (pasted by mistake or crafted) can
//! freeze the page or make a giant plan: documents far larger than any real one are refused with
//! a finding, over-long values are quoted as a short excerpt only, and a plan lists a bounded
//! number of findings. Every limit is documented in docs/CONTRACT.md.

use crate::finding::{Code, Finding, t};
use std::fmt;

/// Largest pasted document (a GetLogStore response, Logstore settings, a GetRole response or a
/// trust policy), in bytes of UTF-8. Real ones are a few KB: a trust policy is at most 6,144
/// characters, a GetLogStore response about 1 KB. Larger ones get [`Code::DocumentTooLarge`].
pub const MAX_PASTED_BYTES: usize = 64 * 1024;

/// The key of the stand-in a page writes into the intent, in place of a paste over
/// [`MAX_PASTED_BYTES`]: `{"too_large_bytes": 5000034}`. The page keeps only the paste's size (never
/// megabytes in its state, intent, storage or link); the core reports the stand-in exactly as it
/// would the text: [`Code::DocumentTooLarge`] at line 1, column 1 of the field.
pub const TOO_LARGE_KEY: &str = "too_large_bytes";

/// The stand-in for a paste of `bytes` bytes (see [`TOO_LARGE_KEY`]).
pub fn too_large_stand_in(bytes: usize) -> serde_json::Value {
    serde_json::json!({ TOO_LARGE_KEY: bytes })
}

/// The size a stand-in (see [`TOO_LARGE_KEY`]) gives: only for an object with that one key and a
/// size over [`MAX_PASTED_BYTES`] (any other object is read as the document it is).
pub fn too_large_bytes(value: &serde_json::Value) -> Option<usize> {
    let obj = value.as_object().filter(|o| o.len() == 1)?;
    let bytes = usize::try_from(obj.get(TOO_LARGE_KEY)?.as_u64()?).ok()?;
    (bytes > MAX_PASTED_BYTES).then_some(bytes)
}

/// Largest intent text read by [`crate::compile::compile_text`] (the CLI), in bytes of UTF-8: room for
/// every pasted document at its limit, however escaped, many times over. Larger ones get [`Code::IntentTooLarge`].
pub const MAX_INTENT_BYTES: usize = 16 * 1024 * 1024;

/// Longest name any SLS or RAM name field can have: a Logstore or project name has at most 63
/// characters; a pasted `logstoreName` longer than this gets [`Code::ValueTooLong`].
pub const MAX_LOGSTORE_NAME_CHARS: usize = 63;

/// Longest key or string value of a pasted Logstore's own fields: no real field comes near it.
/// Longer ones get [`Code::ValueTooLong`] and are left out of the body.
pub const MAX_FIELD_CHARS: usize = 1024;

/// Characters of a user's value quoted in a message before it is cut with `…`.
pub const EXCERPT_CHARS: usize = 32;

/// Most findings a plan lists; the rest are counted in one [`Code::TooManyFindings`] finding.
pub const MAX_FINDINGS: usize = 200;

/// The longest string (key or value) inside `value`, with its length in characters.
pub fn longest_string(value: &serde_json::Value) -> Option<(usize, &str)> {
    use serde_json::Value;
    // A scalar (most fields) needs no stack.
    match value {
        Value::String(s) => return Some((s.chars().count(), s)),
        Value::Array(_) | Value::Object(_) => {}
        _ => return None,
    }
    let mut found: Option<&str> = None;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) if found.is_none_or(|f| s.len() > f.len()) => found = Some(s),
            Value::Array(a) => stack.extend(a.iter()),
            Value::Object(o) => {
                for (k, x) in o {
                    if found.is_none_or(|f| k.len() > f.len()) {
                        found = Some(k);
                    }
                    stack.push(x);
                }
            }
            _ => {}
        }
    }
    found.map(|s| (s.chars().count(), s))
}

/// A value as messages and tables show it: at most a number of characters, then `…`.
#[derive(Debug, Clone, Copy)]
pub struct Excerpt<'a>(&'a str, usize);

/// The excerpt of a user's value `s` for messages: at most [`EXCERPT_CHARS`] characters, then
/// `…` (displays `s` itself when it is short).
pub fn excerpt(s: &str) -> Excerpt<'_> {
    Excerpt(s, EXCERPT_CHARS)
}

/// `s` cut after `max` characters, then `…` (displays `s` itself when it has at most `max`).
pub fn truncate(s: &str, max: usize) -> Excerpt<'_> {
    Excerpt(s, max)
}

impl<'a> Excerpt<'a> {
    /// The excerpt as text: the value itself when it is short (nothing to cut, nothing made).
    pub fn to_cow(self) -> std::borrow::Cow<'a, str> {
        if self.0.len() <= self.1 {
            return self.0.into();
        }
        match self.0.char_indices().nth(self.1) {
            Some(_) => self.to_string().into(),
            None => self.0.into(),
        }
    }
}

impl fmt::Display for Excerpt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // No more bytes than the limit: no more characters either.
        if self.0.len() <= self.1 {
            return f.write_str(self.0);
        }
        match self.0.char_indices().nth(self.1) {
            Some((cut, _)) => write!(f, "{}…", &self.0[..cut]),
            None => f.write_str(self.0),
        }
    }
}

/// A number with thousands separators (`5,000,000`), as the messages write sizes.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The finding for a pasted document of `bytes` bytes at `path`, over [`MAX_PASTED_BYTES`].
pub fn document_too_large(path: &str, bytes: usize) -> Finding {
    let (size, limit) = (grouped(bytes), grouped(MAX_PASTED_BYTES));
    Finding::new(
        Code::DocumentTooLarge,
        path,
        t!(
            format!(
                "What was pasted here is {size} bytes; the limit is {limit} bytes, far above any real response or policy, so it is not read."
            ),
            format!("此处粘贴的内容有 {size} 字节；上限为 {limit} 字节（远大于任何真实的响应或策略），因此未读取。")
        ),
        t!(
            "Paste only the GetLogStore response (or the trust policy) itself; check that nothing else was copied with it.",
            "请只粘贴 GetLogStore 的响应（或信任策略）本身；检查是否误复制了其他内容。"
        ),
    )
}

/// The finding for an intent text of `bytes` bytes, over [`MAX_INTENT_BYTES`].
pub fn intent_too_large(bytes: usize) -> Finding {
    let (size, limit) = (grouped(bytes), grouped(MAX_INTENT_BYTES));
    Finding::new(
        Code::IntentTooLarge,
        "",
        t!(
            format!("The intent is {size} bytes; the limit is {limit} bytes, so it is not read."),
            format!("意图有 {size} 字节；上限为 {limit} 字节，因此未读取。")
        ),
        t!("Check the file: an intent with every pasted document is a few KB.", "请检查文件：包含全部粘贴文档的意图也只有几 KB。"),
    )
    .at(Some((1, 1)))
}

/// The finding for a value (or key) at `path` of `chars` characters where at most `max` can be.
pub fn value_too_long(path: &str, what: (&str, &str), value: &str, chars: usize, max: usize) -> Finding {
    let (shown, size, limit) = (excerpt(value), grouped(chars), grouped(max));
    Finding::new(
        Code::ValueTooLong,
        path,
        t!(
            format!("{} \"{shown}\" has {size} characters; it can have at most {limit}, so it is left out of the plan.", what.0),
            format!("{} \"{shown}\" 有 {size} 个字符；最多只能有 {limit} 个，因此未写入计划。", what.1)
        ),
        t!("Paste the GetLogStore response exactly as the API or CLI printed it.", "请粘贴 API 或 CLI 原样输出的 GetLogStore 响应。"),
    )
}

/// The compact JSON size of `value` in bytes, counting no further than `limit` (so a huge value
/// costs no more than a small one). Strings are counted unescaped.
pub fn json_size_upto(value: &serde_json::Value, limit: usize) -> usize {
    use serde_json::Value;
    // A scalar (most fields) needs no stack.
    match value {
        Value::Null | Value::Bool(_) => return 5,
        Value::Number(_) => return 8,
        Value::String(s) => return s.len() + 2,
        Value::Array(_) | Value::Object(_) => {}
    }
    let mut size = 0usize;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        if size > limit {
            break;
        }
        size += match v {
            Value::Null | Value::Bool(_) => 5,
            Value::Number(_) => 8,
            Value::String(s) => s.len() + 2,
            Value::Array(a) => {
                stack.extend(a.iter());
                a.len() + 1
            }
            Value::Object(o) => {
                for (k, x) in o {
                    size += k.len() + 3;
                    stack.push(x);
                }
                2
            }
        };
    }
    size
}

/// Keeps at most [`MAX_FINDINGS`] findings (the most severe, as sorted) and counts the rest in one,
/// placed where the first one left out was.
pub fn cap_findings(findings: &mut Vec<Finding>) {
    if findings.len() <= MAX_FINDINGS {
        return;
    }
    let left = grouped(findings.len() - (MAX_FINDINGS - 1));
    let first = findings.swap_remove(MAX_FINDINGS - 1);
    findings.truncate(MAX_FINDINGS - 1);
    findings.push(
        Finding::new(
            Code::TooManyFindings,
            first.path,
            t!(
                format!("{left} more findings are not listed; a plan lists at most {MAX_FINDINGS}."),
                format!("另有 {left} 条检查结果未列出；计划最多列出 {MAX_FINDINGS} 条。")
            ),
            t!("Fix the findings above and the rest will show.", "请先修正上面的检查结果，其余的随后会显示。"),
        )
        .at(first.line.zip(first.column)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_long_values_on_character_boundaries() {
        assert_eq!(excerpt("short").to_string(), "short");
        let long = "名".repeat(5000);
        assert_eq!(excerpt(&long).to_string(), format!("{}…", "名".repeat(EXCERPT_CHARS)));
        assert_eq!(truncate("abcdef", 6).to_string(), "abcdef");
        assert_eq!(truncate("abcdefg", 6).to_string(), "abcdef…");
    }

    #[test]
    fn sizes_are_grouped_and_bounded() {
        assert_eq!(grouped(5_000_000), "5,000,000");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(65_536), "65,536");
        let v = serde_json::json!({"a": "x".repeat(100), "b": [1, 2]});
        assert!(json_size_upto(&v, usize::MAX) >= 100);
        let big = serde_json::Value::Array(vec![serde_json::json!(1); 1_000_000]);
        assert!(json_size_upto(&big, 10) > 10);
    }

    #[test]
    fn only_a_stand_in_over_the_limit_counts_as_one() {
        assert_eq!(too_large_bytes(&too_large_stand_in(5_000_034)), Some(5_000_034));
        assert_eq!(too_large_bytes(&too_large_stand_in(MAX_PASTED_BYTES)), None);
        assert_eq!(too_large_bytes(&serde_json::json!({ TOO_LARGE_KEY: 5_000_034, "ttl": 30 })), None);
        assert_eq!(too_large_bytes(&serde_json::json!({ TOO_LARGE_KEY: "5000034" })), None);
    }
}
