//! Wording rules over every interface string (src/ui/i18n.rs) and every text the core produces
//! for the findings catalogue and the examples: no CJK inside English; Chinese uses full-width
//! punctuation next to Chinese text, no space after it, no doubled brackets, and a space between
//! Chinese and Latin letters or digits.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use sls_encrypt::{compile, compile_text};

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}')
}

const FULL_WIDTH: &[char] = &['，', '。', '：', '；', '！', '？', '、', '（', '）'];

/// What is wrong with an English text, if anything.
fn english_problem(s: &str) -> Option<String> {
    s.chars().find(|c| is_cjk(*c)).map(|c| format!("CJK character {c:?} in English"))
}

/// What is wrong with a Chinese text, if anything.
fn chinese_problem(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    for (i, w) in chars.windows(2).enumerate() {
        let (a, b) = (w[0], w[1]);
        if (is_han(a) && ",;:()!?".contains(b)) || (",;:()!?".contains(a) && is_han(b)) {
            return Some(format!("ASCII punctuation next to Chinese at {i}: {a}{b}"));
        }
        if FULL_WIDTH.contains(&a) && a != '（' && b == ' ' {
            return Some(format!("space after full-width {a:?} at {i}"));
        }
        if a == '）' && b == '（' {
            return Some(format!("doubled brackets at {i}"));
        }
        if (is_han(a) && b.is_ascii_alphanumeric()) || (a.is_ascii_alphanumeric() && is_han(b)) {
            return Some(format!("no space between Chinese and Latin at {i}: {a}{b}"));
        }
    }
    if sls_encrypt::finding::chinese_quotes(s) != s {
        return Some("ASCII quotes around a value (Chinese text quotes with “”)".into());
    }
    None
}

/// The (name, English, Chinese) strings of the `strings!` table in src/ui/i18n.rs.
fn ui_strings() -> Vec<(String, String, String)> {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui/i18n.rs")).unwrap();
    let start = src.find("strings! {").expect("strings! table");
    let body = &src[start..src[start..].find("\n}\n").unwrap() + start];
    let mut out = Vec::new();
    for entry in body.split(";\n").filter(|e| e.contains("=>")) {
        let (name, rest) = entry.split_once("=>").unwrap();
        let lits = literals(rest);
        assert_eq!(lits.len(), 2, "entry {name} has {} literals", lits.len());
        out.push((name.trim().rsplit(|c: char| c.is_whitespace()).next().unwrap().to_string(), lits[0].clone(), lits[1].clone()));
    }
    assert!(out.len() > 100, "read {} strings", out.len());
    out
}

/// The Rust string literals in `s`, unescaped (\" and \\ only, as the table uses).
fn literals(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut lit = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => lit.extend(chars.next()),
                '"' => break,
                c => lit.push(c),
            }
        }
        out.push(lit);
    }
    out
}

/// Every (where, English, Chinese) text the core produces for the catalogue and the examples.
fn core_texts() -> Vec<(String, String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let catalogue: Value = serde_json::from_str(&std::fs::read_to_string(format!("{root}/docs/findings.json")).unwrap()).unwrap();
    let mut plans = Vec::new();
    for e in catalogue["findings"].as_array().unwrap() {
        let code = e["code"].as_str().unwrap().to_string();
        if let Some(intent) = e.get("intent") {
            plans.push((code, compile(intent)));
        } else if let Some(text) = e.get("intent_text").and_then(Value::as_str) {
            plans.push((code, compile_text(text)));
        }
    }
    for name in ["byok-update-cloud-firewall.json", "service-key-create.json"] {
        plans.push((name.into(), compile_text(&std::fs::read_to_string(format!("{root}/examples/{name}")).unwrap())));
    }
    let mut out = Vec::new();
    for (from, plan) in plans {
        for f in &plan.findings {
            out.push((format!("{from}: {} message", f.code), f.message.to_string(), f.message_zh.to_string()));
            out.push((format!("{from}: {} fix", f.code), f.fix.to_string(), f.fix_zh.to_string()));
        }
        for r in plan.requests.iter().chain(&plan.alternatives) {
            out.push((format!("{from}: {} purpose", r.api), r.purpose.to_string(), r.purpose_zh.to_string()));
        }
        for d in &plan.diff {
            out.push((format!("{from}: diff {}", d.field), d.reason.to_string(), d.reason_zh.to_string()));
        }
        for b in &plan.blast_radius {
            out.push((format!("{from}: blast {}", b.client), b.description.to_string(), b.description_zh.to_string()));
        }
    }
    assert!(out.len() > 300, "corpus of {} texts", out.len());
    out
}

fn problems(texts: &[(String, String, String)]) -> Vec<String> {
    let mut bad = Vec::new();
    for (at, en, zh) in texts {
        if let Some(p) = english_problem(en) {
            bad.push(format!("{at} (en): {p}: {en}"));
        }
        if let Some(p) = chinese_problem(zh) {
            bad.push(format!("{at} (zh): {p}: {zh}"));
        }
    }
    bad.sort();
    bad.dedup();
    bad
}

#[test]
fn the_rules_catch_what_they_are_for() {
    assert!(english_problem("the CMK id (用户主密钥) is required").is_some());
    assert!(english_problem("the CMK id is required").is_none());
    assert!(chinese_problem("请填写GetLogStore 的响应").is_some());
    assert!(chinese_problem("修复： 请填写地域").is_some());
    assert!(chinese_problem("日志库（名称）（/current）").is_some());
    assert!(chinese_problem("请填写地域(必填)").is_some());
    assert!(chinese_problem("请填写 GetLogStore 的响应（必填）：例如 cn-hangzhou。").is_none());
}

#[test]
fn interface_strings_follow_the_wording_rules() {
    // The language switch names the other language in that language (it carries lang="zh-CN").
    let strings: Vec<(String, String, String)> =
        ui_strings().into_iter().filter(|(name, _, _)| !matches!(name.as_str(), "LangSwitch" | "LangSwitchTitle")).collect();
    let bad = problems(&strings);
    assert!(bad.is_empty(), "{} interface strings break the rules:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn core_texts_follow_the_wording_rules() {
    let bad = problems(&core_texts());
    assert!(bad.is_empty(), "{} core texts break the rules:\n{}", bad.len(), bad.join("\n"));
}
