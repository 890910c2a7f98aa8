//! The code's own shape: no function in src/ is over 120 lines, so each one can be read whole.
//! The sources are rustfmt-formatted (make test checks it), so a function's body ends at the first
//! line that is its signature's indentation followed by `}`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

/// Most lines a function's body may have (between the line that opens it and the one that closes it).
const MAX_BODY_LINES: usize = 120;

/// The name of the function a line declares, if it starts one (`pub(crate) const fn name(...`).
fn declared_fn(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for qualifier in ["pub(crate) ", "pub(super) ", "pub ", "const ", "async ", "unsafe "] {
        rest = rest.strip_prefix(qualifier).unwrap_or(rest);
    }
    let name = rest.strip_prefix("fn ")?;
    let end = name.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    (end > 0).then(|| &name[..end])
}

/// Every function with a block body in `text`: its name, its first line (1-based) and its body's length in lines.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = declared_fn(line) else { continue };
        let indent = &line[..line.len() - line.trim_start().len()];
        // The signature ends at the first line ending in `{` (a body) or `;` / `}` (none, or one line).
        let Some(open) = (i..lines.len()).find(|&j| {
            let l = lines[j].trim_end();
            l.ends_with('{') || l.ends_with(';') || l.ends_with('}')
        }) else {
            continue;
        };
        if !lines[open].trim_end().ends_with('{') {
            continue;
        }
        let close = (open + 1..lines.len()).find(|&k| lines[k].strip_prefix(indent) == Some("}")).unwrap_or(lines.len());
        found.push((name.to_string(), i + 1, close - open - 1));
    }
    found
}

#[test]
fn no_function_in_src_is_over_120_lines() {
    let mut long = Vec::new();
    for (rel, file) in &common::src_files() {
        for (name, line, body) in functions(&std::fs::read_to_string(file).unwrap()) {
            if body > MAX_BODY_LINES {
                long.push(format!("{rel}:{line} fn {name}: {body} lines"));
            }
        }
    }
    assert!(long.is_empty(), "functions over {MAX_BODY_LINES} lines (split them):\n{}", long.join("\n"));
}

#[test]
fn the_counter_measures_bodies() {
    let text = "fn a() {\n    x;\n    y;\n}\n\npub(crate) fn b(\n    p: u8,\n) -> u8 {\n    p\n}\nfn c() -> u8 { 1 }\n    pub fn d() {\n        if x {\n        }\n    }\n";
    let got = functions(text);
    assert_eq!(got, [("a".to_string(), 1, 2), ("b".to_string(), 6, 1), ("d".to_string(), 12, 2)]);
}
