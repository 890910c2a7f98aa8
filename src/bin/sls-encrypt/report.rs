//! The plan as compiler-style text lines and as SARIF 2.1.0, for terminals and code scanning.

use serde_json::{Value, json};

/// The language of the text report and of SARIF messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// `zh` for a locale such as `zh_CN.UTF-8`, else `en`: the first set of LC_ALL, LC_MESSAGES, LANG.
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().filter_map(|v| std::env::var(v).ok()).find(|v| !v.is_empty());
        if locale.is_some_and(|l| l.starts_with("zh")) { Lang::Zh } else { Lang::En }
    }

    fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        if self == Lang::Zh { zh } else { en }
    }
}

/// A finding's text in `lang`: (message, fix).
fn texts(f: &Value, lang: Lang) -> (&str, &str) {
    let s = |k: &str| f[k].as_str().unwrap_or_default();
    (lang.pick(s("message"), s("message_zh")), lang.pick(s("fix"), s("fix_zh")))
}

fn colour(severity: &str) -> &'static str {
    match severity {
        "error" => "\x1b[1;31m",
        "security_warning" => "\x1b[1;35m",
        "warning" => "\x1b[1;33m",
        "suggestion" => "\x1b[1;36m",
        _ => "\x1b[1;34m",
    }
}

/// One line per finding, `FILE:LINE:COL: severity CODE message`, the fix indented below it, and
/// a closing summary; ANSI colours when `coloured`.
pub fn text(plan: &Value, file: &str, lang: Lang, coloured: bool) -> String {
    let paint = |code: &str, s: &str| if coloured { format!("{code}{s}\x1b[0m") } else { s.to_string() };
    let mut out = String::new();
    let findings = plan["findings"].as_array().map(Vec::as_slice).unwrap_or_default();
    for f in findings {
        let severity = f["severity"].as_str().unwrap_or_default();
        let at = match (f["line"].as_u64(), f["column"].as_u64()) {
            (Some(line), column) => format!("{file}:{line}:{}:", column.unwrap_or(1)),
            (None, _) => format!("{file}:"),
        };
        let (message, fix) = texts(f, lang);
        out += &format!(
            "{} {} {} {message}\n    {}{fix}\n",
            paint("\x1b[1m", &at),
            paint(colour(severity), severity),
            paint("\x1b[1m", f["code"].as_str().unwrap_or_default()),
            lang.pick("fix: ", "修复："),
        );
    }
    let errors = findings.iter().filter(|f| f["severity"] == "error").count();
    let others = findings.len() - errors;
    let requests = plan["requests"].as_array().map_or(0, Vec::len);
    let state = plan["state"].as_str().unwrap_or_default();
    out += &match lang {
        Lang::En => format!("{file}: plan {state}: {errors} error(s), {others} other finding(s), {requests} request(s)\n"),
        Lang::Zh => {
            let state = match state {
                "ready" => "可发送",
                "blocked" => "受阻",
                _ => "无需发送",
            };
            format!("{file}：计划{state}：{errors} 个错误，{others} 个其他检查结果，{requests} 个请求\n")
        }
    };
    out
}

/// A file path as a URI reference: bytes outside the unreserved and path characters are
/// percent-encoded (`my intent.json` -> `my%20intent.json`).
fn uri_reference(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'@'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'=' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The SARIF level of a severity: errors are errors, warnings (security or not) warnings, the rest notes.
fn level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "security_warning" | "warning" => "warning",
        _ => "note",
    }
}

/// The catalogue's one-line summary of every code (docs/findings.json, checked against the code
/// by tests/catalogue.rs).
fn summaries() -> Vec<(String, String)> {
    let catalogue: Value = serde_json::from_str(include_str!("../../../docs/findings.json")).unwrap_or_default();
    catalogue["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| (e["code"].as_str().unwrap_or_default().to_string(), e["summary"].as_str().unwrap_or_default().to_string()))
        .collect()
}

/// SARIF 2.1.0: one rule per finding code, one result per finding, located on the intent
/// file's line and column (columns count characters), with the finding's JSON pointer as its
/// logical location.
pub fn sarif(plan: &Value, file: &str, lang: Lang) -> Value {
    let summaries = summaries();
    let codes = sls_encrypt::Code::ALL;
    let rules: Vec<Value> = codes
        .iter()
        .map(|c| {
            let severity = c.severity().as_str();
            let summary = summaries.iter().find(|(code, _)| code == c.as_str()).map_or("", |(_, s)| s.as_str());
            let mut tags = vec!["sls-encrypt"];
            if severity == "security_warning" {
                tags.push("security");
            }
            json!({
                "id": c.as_str(),
                "shortDescription": { "text": summary },
                "defaultConfiguration": { "level": level(severity) },
                "properties": { "severity": severity, "tags": tags },
            })
        })
        .collect();
    let uri = if file == "-" { "stdin".to_string() } else { uri_reference(&file.replace('\\', "/")) };
    let results: Vec<Value> = plan["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            let code = f["code"].as_str().unwrap_or_default();
            let (message, fix) = texts(f, lang);
            let mut physical = json!({ "artifactLocation": { "uri": uri, "index": 0 } });
            if let Some(line) = f["line"].as_u64() {
                physical["region"] = json!({ "startLine": line, "startColumn": f["column"].as_u64().unwrap_or(1) });
            }
            let mut result = json!({
                "ruleId": code,
                "level": level(f["severity"].as_str().unwrap_or_default()),
                "message": { "text": format!("{message} {fix}") },
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{ "fullyQualifiedName": f["path"], "kind": "member" }],
                }],
            });
            if let Some(index) = codes.iter().position(|c| c.as_str() == code) {
                result["ruleIndex"] = json!(index);
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "sls-encrypt",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            } },
            "artifacts": [{ "location": { "uri": uri } }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// Findings in a pasted text (`current`, `after` or `ram.current_trust_policy` given as a JSON
/// string) carry the line and column inside that text. For a report on the intent file, such a
/// finding is placed on the pasted field's key in the file, and its message says where in the
/// pasted text it is.
pub fn locate_in_file(plan: &mut Value, text: &str) {
    let Some(doc) = sls_encrypt::text::read(text).document else { return };
    let pasted: Vec<(&str, (usize, usize))> = ["/current", "/after", "/ram/current_trust_policy"]
        .into_iter()
        .filter(|p| doc.value.pointer(p).is_some_and(Value::is_string))
        .filter_map(|p| Some((p, doc.position(p)?)))
        .collect();
    for f in plan["findings"].as_array_mut().into_iter().flatten() {
        let path = f["path"].as_str().unwrap_or_default().to_string();
        let Some((_, (line, column))) = pasted.iter().find(|(p, _)| path == *p || path.starts_with(&format!("{p}/"))) else { continue };
        if let (Some(l), Some(c)) = (f["line"].as_u64(), f["column"].as_u64()) {
            let en = format!("{} (pasted text, line {l}, column {c})", f["message"].as_str().unwrap_or_default());
            let zh = format!("{}（粘贴的文本第 {l} 行第 {c} 列）", f["message_zh"].as_str().unwrap_or_default());
            f["message"] = json!(en);
            f["message_zh"] = json!(zh);
        }
        f["line"] = json!(line);
        f["column"] = json!(column);
    }
}
