//! JSON text written straight into a `String`, byte for byte as serde_json writes it (compact, or
//! pretty with two-space indents): the one writer of every body, policy document and JSON
//! snippet of a plan and its exports. No intermediate buffer, no UTF-8 check of the result, no
//! formatting machinery; plain runs of a string are copied whole.

use crate::scan::ByteSet;
use serde_json::{Map, Number, Value};

/// An object's members looked up by key the cheaper way for its size: compared along the
/// members of a small object (most of a plan's: no hash of the key to compute), looked up by
/// the map's hash in a large one.
pub trait Members {
    /// The member `key`, if there is one.
    fn member(&self, key: &str) -> Option<&Value>;

    /// True when there is a member `key`.
    fn has(&self, key: &str) -> bool {
        self.member(key).is_some()
    }
}

/// Most members an object is searched along; a larger one is looked up by hash.
const FEW_MEMBERS: usize = 24;

impl Members for Map<String, Value> {
    fn member(&self, key: &str) -> Option<&Value> {
        if self.len() > FEW_MEMBERS {
            return self.get(key);
        }
        self.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v)
    }
}

impl Members for Value {
    fn member(&self, key: &str) -> Option<&Value> {
        self.as_object()?.member(key)
    }
}

/// How the text of strings (keys and values) is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoting {
    /// JSON's escapes.
    Json,
    /// JSON's escapes, for the inside of a Python `'''` literal: every `\` doubled and `'''`
    /// written `\'\'\'` (as replacing them in the JSON text, left to right, would).
    PythonTriple,
}

/// Writes JSON into a `String`.
pub struct Writer<'a> {
    /// Where the text goes.
    out: &'a mut String,
    /// How strings are written.
    quoting: Quoting,
    /// Pretty (a member or element a line, two spaces a level) or compact.
    pretty: bool,
    /// The nesting level, for pretty lines.
    depth: usize,
}

/// `value` as compact JSON (as `serde_json::to_string` writes it).
pub fn compact(value: &Value) -> String {
    let mut s = String::with_capacity(128);
    push_compact(&mut s, value);
    s
}

/// Appends [`compact`]`(value)` to `s`.
pub fn push_compact(s: &mut String, value: &Value) {
    Writer::compact(s).value(value);
}

/// `value` as pretty JSON (as `serde_json::to_string_pretty` writes it).
pub fn pretty(value: &Value) -> String {
    let mut s = String::with_capacity(128);
    Writer::pretty(&mut s, Quoting::Json).value(value);
    s
}

/// The characters of [`compact`]`(value)`, counted without writing it.
pub fn compact_chars(value: &Value) -> usize {
    match value {
        Value::Null | Value::Bool(true) => 4,
        Value::Bool(false) => 5,
        Value::Number(n) => {
            let mut s = String::new();
            Writer::compact(&mut s).number(n);
            s.len()
        }
        Value::String(text) => string_chars(text),
        Value::Array(items) => 2 + items.len().saturating_sub(1) + items.iter().map(compact_chars).sum::<usize>(),
        Value::Object(members) => {
            2 + members.len().saturating_sub(1) + members.iter().map(|(k, v)| string_chars(k) + 1 + compact_chars(v)).sum::<usize>()
        }
    }
}

/// The characters of a JSON string literal of `text`.
fn string_chars(text: &str) -> usize {
    let escapes: usize = text
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 1,
            0..0x20 => 5,
            _ => 0,
        })
        .sum();
    2 + text.chars().count() + escapes
}

/// `members` as pretty JSON (as [`pretty`] writes the object), and where in that text the value
/// of the member `key` is, when there is one: a text to show as it is and, spliced, with that
/// member's value written otherwise.
pub fn pretty_marking(members: &Map<String, Value>, key: &str) -> (String, Option<std::ops::Range<usize>>) {
    let mut s = String::with_capacity(1024);
    let mut mark = None;
    Writer::pretty(&mut s, Quoting::Json).object(|o| {
        for (k, v) in members {
            o.member(k, |w| {
                let start = w.out.len();
                w.value(v);
                if k == key {
                    mark = Some(start..w.out.len());
                }
            });
        }
    });
    (s, mark)
}

/// A JSON string literal of `text` (as `serde_json::to_string` writes a string).
pub fn string(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    Writer::compact(&mut s).str(text);
    s
}

/// The bytes a JSON string escapes: `"`, `\` and the control characters.
const ESCAPED: ByteSet = ByteSet::of(b"\"\\").and_controls();

/// [`ESCAPED`], and `'` (for [`Quoting::PythonTriple`]).
const ESCAPED_PYTHON: ByteSet = ByteSet::of(b"\"\\'").and_controls();

impl<'a> Writer<'a> {
    /// A compact writer with JSON's quoting.
    pub fn compact(out: &'a mut String) -> Self {
        Writer { out, quoting: Quoting::Json, pretty: false, depth: 0 }
    }

    /// A pretty writer.
    pub fn pretty(out: &'a mut String, quoting: Quoting) -> Self {
        Writer { out, quoting, pretty: true, depth: 0 }
    }

    /// A pretty writer of a value that stands `depth` levels deep (its lines indented so).
    pub fn pretty_at(out: &'a mut String, quoting: Quoting, depth: usize) -> Self {
        Writer { out, quoting, pretty: true, depth }
    }

    /// Writes a value.
    pub fn value(&mut self, value: &Value) {
        match value {
            Value::Null => self.null(),
            Value::Bool(b) => self.bool(*b),
            Value::Number(n) => self.number(n),
            Value::String(text) => self.str(text),
            Value::Array(items) => {
                self.open(b'[');
                for (i, item) in items.iter().enumerate() {
                    self.next(i == 0);
                    self.value(item);
                }
                self.close(b']', items.is_empty());
            }
            Value::Object(members) => self.map(members),
        }
    }

    /// Writes an object.
    pub fn map(&mut self, members: &Map<String, Value>) {
        self.open(b'{');
        for (i, (key, item)) in members.iter().enumerate() {
            self.key(i == 0, key);
            self.value(item);
        }
        self.close(b'}', members.is_empty());
    }

    /// Writes `null`.
    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    /// Writes `true` or `false`.
    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// Writes a whole number.
    pub fn unsigned(&mut self, n: u64) {
        push_decimal(self.out, n);
    }

    /// Writes a number as serde_json does (its `Display` is its serialization).
    fn number(&mut self, n: &Number) {
        match n.as_u64() {
            Some(u) => push_decimal(self.out, u),
            None => {
                use std::fmt::Write;
                let _ = write!(self.out, "{n}");
            }
        }
    }

    /// Writes a string literal.
    pub fn str(&mut self, text: &str) {
        let set = match self.quoting {
            Quoting::Json => &ESCAPED,
            Quoting::PythonTriple => &ESCAPED_PYTHON,
        };
        match set.find(text.as_bytes()) {
            None => {
                // Nothing to escape (most strings): copied whole.
                let out = &mut *self.out;
                out.reserve(text.len() + 2);
                out.push('"');
                out.push_str(text);
                out.push('"');
            }
            Some(first) => self.escaped(text, first, set),
        }
    }

    /// Writes a string literal whose first byte to escape is at `first`.
    #[cold]
    #[inline(never)]
    fn escaped(&mut self, text: &str, first: usize, set: &ByteSet) {
        let slash = match self.quoting {
            Quoting::Json => "\\",
            Quoting::PythonTriple => "\\\\",
        };
        let bytes = text.as_bytes();
        let out = &mut *self.out;
        out.reserve(text.len() + 8);
        out.push('"');
        let mut run = 0;
        let mut found = Some(first);
        while let Some(found_at) = found {
            let i = run + found_at;
            out.push_str(&text[run..i]);
            run = i + 1;
            match bytes[i] {
                b'\'' => {
                    // A run of quotes: each whole `'''` escaped, the rest as they are.
                    let mut n = 1;
                    while bytes.get(run) == Some(&b'\'') {
                        n += 1;
                        run += 1;
                    }
                    (0..n / 3).for_each(|_| out.push_str("\\'\\'\\'"));
                    (0..n % 3).for_each(|_| out.push('\''));
                }
                b'"' => {
                    out.push_str(slash);
                    out.push('"');
                }
                b'\\' => {
                    out.push_str(slash);
                    out.push_str(slash);
                }
                b => {
                    out.push_str(slash);
                    match b {
                        b'\n' => out.push('n'),
                        b'\r' => out.push('r'),
                        b'\t' => out.push('t'),
                        0x08 => out.push('b'),
                        0x0c => out.push('f'),
                        _ => {
                            const HEX: &[u8; 16] = b"0123456789abcdef";
                            out.push_str("u00");
                            out.push(char::from(HEX[usize::from(b >> 4)]));
                            out.push(char::from(HEX[usize::from(b & 0xf)]));
                        }
                    }
                }
            }
            found = set.find(&bytes[run..]);
        }
        out.push_str(&text[run..]);
        out.push('"');
    }

    /// Opens an object or an array.
    fn open(&mut self, bracket: u8) {
        self.out.push(char::from(bracket));
        self.depth += 1;
    }

    /// Closes an object or an array (on its own line when pretty and not empty).
    fn close(&mut self, bracket: u8, empty: bool) {
        self.depth -= 1;
        if self.pretty && !empty {
            self.line();
        }
        self.out.push(char::from(bracket));
    }

    /// Before an element: a comma unless it is the first, and its line when pretty.
    fn next(&mut self, first: bool) {
        if !first {
            self.out.push(',');
        }
        if self.pretty {
            self.line();
        }
    }

    /// Before a member's value: [`Writer::next`], the key and its colon.
    fn key(&mut self, first: bool, key: &str) {
        self.next(first);
        self.str(key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    /// A new line at the current depth.
    fn line(&mut self) {
        /// A new line and the indent of the deepest levels a plan's JSON has, two spaces a level.
        const LINE: &str = "\n                                ";
        let indent = 2 * self.depth;
        match LINE.get(..1 + indent) {
            Some(line) => self.out.push_str(line),
            None => {
                self.out.push('\n');
                (0..self.depth).for_each(|_| self.out.push_str("  "));
            }
        }
    }

    /// Writes an object whose members `members` writes through [`Object::member`].
    pub fn object(&mut self, members: impl FnOnce(&mut Object<'_, 'a>)) {
        self.open(b'{');
        let mut o = Object { w: self, empty: true };
        members(&mut o);
        let empty = o.empty;
        self.close(b'}', empty);
    }

    /// Writes an array of `items`, each written by `item`.
    pub fn array<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.open(b'[');
        for (i, x) in items.iter().enumerate() {
            self.next(i == 0);
            item(self, x);
        }
        self.close(b']', items.is_empty());
    }
}

/// The members of an object being written.
pub struct Object<'w, 'a> {
    /// The writer.
    w: &'w mut Writer<'a>,
    /// No member written yet.
    empty: bool,
}

impl<'a> Object<'_, 'a> {
    /// Writes a member: its key, then its value through `value`.
    pub fn member(&mut self, key: &str, value: impl FnOnce(&mut Writer<'a>)) {
        self.w.key(self.empty, key);
        self.empty = false;
        value(self.w);
    }
}

/// The decimal digits of a number, written without allocating.
pub struct Decimal {
    /// The digits, right-aligned.
    digits: [u8; 20],
    /// Where they start.
    start: usize,
}

impl Decimal {
    /// The digits of `n`.
    pub fn new(mut n: u64) -> Self {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        Decimal { digits, start }
    }

    /// The digits as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[self.start..]).unwrap_or_default()
    }
}

/// Appends the decimal digits of `n`.
pub fn push_decimal(s: &mut String, n: u64) {
    if n < 10 {
        s.push(char::from(b'0' + n as u8));
    } else {
        s.push_str(Decimal::new(n).as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn samples() -> Vec<Value> {
        let controls: String = (0u8..0x20).map(char::from).collect();
        vec![
            json!(null),
            json!(true),
            json!(0),
            json!(-7),
            json!(u64::MAX),
            json!(i64::MIN),
            json!(0.1),
            json!(-0.0),
            json!(1e300),
            json!(2.5e-8),
            json!(""),
            json!(controls),
            json!("q\"b\\s/ '''' 中文\u{7f}\u{2028}😀"),
            json!({}),
            json!([]),
            json!({"a": {}, "b": [], "c": [{}], "d": [[1, 2], {"e": null}], "'k'''": "v\\"}),
            json!([1, "x", [true, false], {"k": {"n": [{"m": 1.5}]}}]),
        ]
    }

    #[test]
    fn writes_as_serde_json_does() {
        for v in samples() {
            assert_eq!(compact(&v), serde_json::to_string(&v).unwrap(), "{v:?}");
            assert_eq!(pretty(&v), serde_json::to_string_pretty(&v).unwrap(), "{v:?}");
        }
    }

    #[test]
    fn counts_the_characters_it_writes() {
        for v in samples() {
            assert_eq!(compact_chars(&v), compact(&v).chars().count(), "{v:?}");
        }
    }

    #[test]
    fn members_are_found_as_by_the_map_in_small_and_large_objects() {
        for n in [0, 1, 5, FEW_MEMBERS, FEW_MEMBERS + 1, 100] {
            let map: Map<String, Value> = (0..n).map(|i| (format!("k{i}"), json!(i))).collect();
            let value = Value::Object(map.clone());
            for key in ["k0", "k3", &format!("k{}", n.saturating_sub(1)), "k", "", "missing"] {
                assert_eq!(map.member(key), map.get(key), "{n} {key}");
                assert_eq!(value.member(key), value.get(key), "{n} {key}");
                assert_eq!(map.has(key), map.contains_key(key), "{n} {key}");
            }
        }
        assert_eq!(json!([1, 2]).member("0"), None);
    }

    #[test]
    fn python_quoting_is_the_json_text_with_backslashes_doubled_and_triple_quotes_escaped() {
        for v in samples() {
            let mut s = String::new();
            Writer::pretty(&mut s, Quoting::PythonTriple).value(&v);
            let json = serde_json::to_string_pretty(&v).unwrap().replace('\\', "\\\\").replace("'''", "\\'\\'\\'");
            assert_eq!(s, json, "{v:?}");
        }
    }

    #[test]
    fn a_marked_member_is_where_its_value_was_written() {
        for v in samples() {
            let map: Map<String, Value> =
                [("a".to_string(), json!(1)), ("m".to_string(), v.clone()), ("z".to_string(), json!([]))].into_iter().collect();
            let (text, at) = pretty_marking(&map, "m");
            assert_eq!(text, pretty(&Value::Object(map.clone())));
            let mut value_at_depth_one = String::new();
            Writer::pretty_at(&mut value_at_depth_one, Quoting::Json, 1).value(&v);
            assert_eq!(&text[at.unwrap()], value_at_depth_one, "{v:?}");
            assert_eq!(pretty_marking(&map, "absent").1, None);
        }
    }

    #[test]
    fn objects_written_member_by_member_match_values() {
        let mut s = String::new();
        let mut w = Writer::pretty(&mut s, Quoting::Json);
        w.object(|o| {
            o.member("a", |w| w.str("x"));
            o.member("b", |w| w.array(&[1u64, 2], |w, n| push_decimal(w.out, *n)));
            o.member("c", |w| w.object(|_| {}));
        });
        assert_eq!(s, serde_json::to_string_pretty(&json!({"a": "x", "b": [1, 2], "c": {}})).unwrap());
    }
}
