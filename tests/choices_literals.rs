//! No choice value of the intent is written as a string literal outside src/choice.rs, which
//! defines them: the core reads choices, and the page offers them, through the `Choice` enums.

mod common;

use sls_encrypt::choice::{
    Algorithm, Choice, KeyKind, LogstoreMode, Operation, PassRoleScope, RoleMode, TargetKind, TelemetryType, UnknownFields,
};

/// Literals that spell a choice value but mean something else, with why.
const ALLOWED: &[(&str, &str, &str)] = &[
    ("src/text.rs", "None", "Python's None, named when a Python dict is pasted instead of JSON"),
    ("src/ui/i18n.rs", "Metrics", "the option's label, in English"),
    ("src/ui/state.rs", "role", "the role mode's key in share links and saved state"),
    ("src/ui/crash.rs", "role", "the HTML attribute role=\"alert\""),
    ("src/encryption.rs", "role", "the English word in a message"),
    ("src/verify.rs", "role", "the English word in a message"),
    ("src/exports/python.rs", "role", "a key of the runbook's checks"),
    ("src/exports/python.rs", "update", "a key of the runbook's checks"),
    ("src/exports/python.rs", "query", "a request's query string"),
    ("src/ui/components/outputs_section.rs", "query", "a request's query string"),
    ("src/plan.rs", "query", "a request's query string"),
];

fn wire_values() -> Vec<&'static str> {
    [
        TargetKind::WIRE,
        Operation::WIRE,
        KeyKind::WIRE,
        Algorithm::WIRE,
        RoleMode::WIRE,
        PassRoleScope::WIRE,
        UnknownFields::WIRE,
        LogstoreMode::WIRE,
        TelemetryType::WIRE,
    ]
    .concat()
}

/// The string literals of Rust source (plain, raw and byte strings), with their line; comments
/// and char literals are skipped. Escapes are kept as written.
fn string_literals(src: &str) -> Vec<(usize, String)> {
    let b = src.as_bytes();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if b[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        line += usize::from(b[i] == b'\n');
                        i += 1;
                    }
                }
            }
            b'r' if (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#')) && (i == 0 || !is_ident(b[i - 1])) => {
                let mut j = i + 1;
                while b.get(j) == Some(&b'#') {
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let hashes = j - i - 1;
                let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
                let start = j + 1;
                let end = start + src[start..].find(std::str::from_utf8(&close).unwrap()).unwrap();
                out.push((line, src[start..end].to_string()));
                line += src[start..end].matches('\n').count();
                i = end + close.len();
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                out.push((line, src[start..j].to_string()));
                line += src[start..j].matches('\n').count();
                i = j + 1;
            }
            b'\'' => {
                // A char literal ('x', '\n', '"'), or a lifetime ('a): skip the char literal whole.
                if b.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while b[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                } else if b.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else {
                    let ch = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                    i += if b.get(i + 1 + ch) == Some(&b'\'') { 2 + ch } else { 1 };
                }
            }
            _ => i += 1,
        }
    }
    out
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

#[test]
fn the_literal_scanner_sees_literals_and_skips_the_rest() {
    let src = "// \"update\"\nlet a = \"create\"; let c = '\"'; /* \"keep\" */ let r = r#\"say \"drop\"\"#; fn f<'a>(x: &'a str) {}\nlet z = \"a\\\"b\";";
    let got: Vec<(usize, String)> = string_literals(src);
    assert_eq!(got, [(2, "create".to_string()), (2, "say \"drop\"".to_string()), (3, "a\\\"b".to_string())]);
}

#[test]
fn no_choice_value_is_a_string_literal_outside_its_core_module() {
    let values = wire_values();
    let mut found = Vec::new();
    for (rel, path) in common::src_files() {
        if rel == "src/choice.rs" {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        for (line, lit) in string_literals(&src) {
            if values.contains(&lit.as_str()) && !ALLOWED.iter().any(|(f, v, _)| *f == rel && *v == lit) {
                found.push(format!("{rel}:{line}: \"{lit}\""));
            }
        }
    }
    assert!(found.is_empty(), "choice values written as literals (use the enums in src/choice.rs):\n{}", found.join("\n"));
}
