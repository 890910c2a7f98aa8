//! One vocabulary: the plan's fixed strings (finding codes, API names, change kinds, naive
//! clients, export names) are written once, in the core module that defines them. Everywhere
//! else in src/ reads them from the types (`Code`, `Api`, `Change`, `NaiveClient`, `ExportKind`),
//! so no copy can drift. Tests and docs/ are exempt; so are `#[cfg(test)]` modules in src/.
//!
//! To check one more vocabulary, add a [`Vocabulary`] to [`vocabularies`]: its words (read from
//! the core's type, never typed here), the files allowed to spell them, and whether a mention
//! inside a longer literal counts.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use sls_encrypt::Code;
use sls_encrypt::exports::ExportKind;
use sls_encrypt::plan::{Api, Change, NaiveClient};

/// A set of fixed strings and where they may be written.
struct Vocabulary {
    /// What the words are, for the failure message.
    what: &'static str,
    /// The words.
    words: Vec<&'static str>,
    /// The files (relative to the crate root) that define them.
    home: &'static [&'static str],
    /// True: a literal that mentions a word anywhere (as a whole word) counts; false: only a
    /// literal that is exactly the word.
    mentions: bool,
}

fn vocabularies() -> Vec<Vocabulary> {
    vec![
        Vocabulary {
            what: "finding code",
            words: Code::ALL.iter().map(|c| c.as_str()).collect(),
            home: &["src/finding.rs"],
            mentions: true,
        },
        Vocabulary { what: "API name", words: Api::ALL.iter().map(|a| a.as_str()).collect(), home: &["src/plan.rs"], mentions: false },
        Vocabulary {
            what: "change kind",
            words: Change::ALL.iter().map(|c| c.as_str()).collect(),
            home: &["src/plan.rs"],
            mentions: false,
        },
        Vocabulary {
            what: "naive client",
            words: NaiveClient::ALL.iter().map(|c| c.as_str()).collect(),
            home: &["src/plan.rs"],
            mentions: false,
        },
        Vocabulary {
            what: "export name",
            words: ExportKind::ALL.iter().map(|e| e.name()).collect(),
            home: &["src/exports/mod.rs"],
            mentions: false,
        },
    ]
}

/// The string literals of Rust source, with their 1-based line: plain, raw and byte strings;
/// comments (doc comments included), char literals and lifetimes are skipped. Escapes are kept
/// as written.
fn literals(src: &str) -> Vec<(usize, String)> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        let start_line = line;
        match c[i] {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        line += usize::from(c[i] == '\n');
                        i += 1;
                    }
                }
            }
            'r' | 'b' if i == 0 || !ident(c[i - 1]) => {
                // r"..", r#".."#, b"..", br"..": find the quote after the prefix and hashes.
                let mut j = i + 1;
                if c[i] == 'b' && c.get(j) == Some(&'r') {
                    j += 1;
                }
                let raw = c[i] == 'r' || c.get(i + 1) == Some(&'r');
                let hashes = c[j..].iter().take_while(|&&h| h == '#').count();
                if c.get(j + hashes) != Some(&'"') || (!raw && hashes > 0) {
                    // An identifier starting with r or b.
                    while i < c.len() && ident(c[i]) {
                        i += 1;
                    }
                    continue;
                }
                if !raw {
                    i = j;
                    continue; // b"..": read as a plain string next round.
                }
                let body = j + hashes + 1;
                let mut k = body;
                let closes = |k: usize| c[k] == '"' && c[k + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes;
                while k < c.len() && !closes(k) {
                    k += 1;
                }
                let text: String = c[body..k.min(c.len())].iter().collect();
                line += text.matches('\n').count();
                out.push((start_line, text));
                i = k + 1 + hashes;
            }
            '"' => {
                let mut k = i + 1;
                while k < c.len() && c[k] != '"' {
                    k += if c[k] == '\\' { 2 } else { 1 };
                }
                let text: String = c[i + 1..k.min(c.len())].iter().collect();
                line += text.matches('\n').count();
                out.push((start_line, text));
                i = k + 1;
            }
            '\'' => {
                // 'x', '\n', '\u{..}' are chars; 'a (no closing quote right after) is a lifetime.
                if c.get(i + 1) == Some(&'\\') {
                    let mut k = i + 2;
                    while k < c.len() && c[k] != '\'' {
                        k += 1;
                    }
                    i = k + 1;
                } else if c.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            ch if ident(ch) => {
                while i < c.len() && ident(c[i]) {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// The source without its `#[cfg(test)]` module (tests are exempt).
fn without_tests(src: &str) -> &str {
    let mut at = 0;
    for l in src.split_inclusive('\n') {
        if l.trim() == "#[cfg(test)]" && src[at + l.len()..].trim_start().starts_with("mod ") {
            return &src[..at];
        }
        at += l.len();
    }
    src
}

/// True when `word` appears in `text` not touching a letter, digit or `_` on either side.
fn mentions(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Every literal of `src` that spells a word of a vocabulary outside its home, as `file:line`.
fn offences(file: &str, src: &str, vocabularies: &[Vocabulary]) -> Vec<String> {
    let mut found = Vec::new();
    for (line, text) in literals(without_tests(src)) {
        for v in vocabularies.iter().filter(|v| !v.home.contains(&file)) {
            for word in &v.words {
                if (v.mentions && mentions(&text, word)) || (!v.mentions && text == *word) {
                    found.push(format!("{file}:{line}: the {} {word:?} in the literal {text:?}", v.what));
                }
            }
        }
    }
    found
}

#[test]
fn plan_vocabulary_is_spelled_only_where_it_is_defined() {
    let files = common::src_files();
    assert!(files.len() > 20, "src/ has {} Rust files", files.len());
    let vocabularies = vocabularies();
    let mut found = Vec::new();
    for (file, path) in &files {
        found.extend(offences(file, &std::fs::read_to_string(path).unwrap(), &vocabularies));
    }
    assert!(found.is_empty(), "read these from the core's types instead:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_literals_and_not_comments() {
    let src = r####"
// "ENC005" in a comment
/* "UpdateLogStore" in /* a nested */ block */
fn f<'a>(x: &'a str) -> char {
    let _ = ("finding ENC004 here", r#"UpdateLogStore"#, b"kept", 'x', '\'', "esc\"aped", "ENC0055", "markdown text");
    'y'
}
#[cfg(test)]
mod tests {
    const C: &str = "MRG001";
}
"####;
    let found = offences("src/ui/x.rs", src, &vocabularies());
    let lines: Vec<&str> = found.iter().map(|f| f.split(": the ").nth(1).unwrap()).collect();
    assert_eq!(
        lines,
        [
            r#"finding code "ENC004" in the literal "finding ENC004 here""#,
            r#"API name "UpdateLogStore" in the literal "UpdateLogStore""#,
            r#"change kind "kept" in the literal "kept""#,
        ]
    );
    assert!(found.iter().all(|f| f.starts_with("src/ui/x.rs:5: ")), "{found:?}");
    // The defining module may spell its own words.
    assert!(offences("src/finding.rs", r#"const A: &str = "ENC004";"#, &vocabularies()).is_empty());
    assert_eq!(offences("src/plan.rs", r#"const A: &str = "ENC004";"#, &vocabularies()).len(), 1);
}
