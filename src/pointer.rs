//! JSON pointers (RFC 6901), as findings name the place they are about: building one from a
//! parent and a key, and telling whether one lies inside another.

use crate::limits::{MAX_FIELD_CHARS, excerpt};

/// Escapes one JSON pointer segment (`~` -> `~0`, `/` -> `~1`).
pub fn segment(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    push_segment(&mut out, key);
    out
}

/// Appends [`segment`]`(key)` to `s`.
fn push_segment(s: &mut String, key: &str) {
    const ESCAPED: crate::scan::ByteSet = crate::scan::ByteSet::of(b"~/");
    let mut rest = key;
    while let Some(i) = ESCAPED.find_in(rest) {
        s.push_str(&rest[..i]);
        s.push_str(if rest.as_bytes()[i] == b'~' { "~0" } else { "~1" });
        rest = &rest[i + 1..];
    }
    s.push_str(rest);
}

/// Reads one escaped JSON pointer segment back into its key (`~1` -> `/`, `~0` -> `~`).
pub fn unescape(segment: &str) -> std::borrow::Cow<'_, str> {
    if segment.contains('~') { segment.replace("~1", "/").replace("~0", "~").into() } else { segment.into() }
}

/// Joins a parent pointer and a key into a JSON pointer. A key longer than any real one
/// (over [`MAX_FIELD_CHARS`] bytes) is written as its excerpt, so that no path
/// copies it in full.
pub fn join(parent: &str, key: &str) -> String {
    if key.len() > MAX_FIELD_CHARS {
        return format!("{parent}/{}", segment(&excerpt(key).to_string()));
    }
    let mut out = String::with_capacity(parent.len() + 1 + key.len());
    out.push_str(parent);
    out.push('/');
    push_segment(&mut out, key);
    out
}

/// Joins a parent pointer and an array index into a JSON pointer.
pub fn join_index(parent: &str, index: usize) -> String {
    let mut out = String::with_capacity(parent.len() + 4);
    out.push_str(parent);
    out.push('/');
    crate::json::push_decimal(&mut out, index as u64);
    out
}

/// True when the JSON pointer `path` is `prefix` or lies inside it (whole segments: `/ab` is not
/// inside `/a`). Every path is inside the root pointer `""`.
pub fn is_within(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_are_within_their_ancestors_by_whole_segments() {
        assert!(is_within("/current/encrypt_conf", "/current"));
        assert!(is_within("/current", "/current"));
        assert!(is_within("/current", ""));
        assert!(!is_within("/currently", "/current"));
        assert!(!is_within("/cur", "/current"));
    }

    #[test]
    fn keys_are_escaped_and_huge_keys_shortened() {
        assert_eq!(join("/current", "a/b~c"), "/current/a~1b~0c");
        assert_eq!(unescape("a~1b~0c~01"), "a/b~c~1");
        assert_eq!(segment("~/~~//"), "~0~1~0~0~1~1");
        assert_eq!(join("/a", ""), "/a/");
        assert_eq!(join("", "k".repeat(2000).as_str()), format!("/{}…", "k".repeat(crate::limits::EXCERPT_CHARS)));
    }
}
