//! Ready-to-paste forms of the plan: an aliyun CLI script, Terraform, Python SDK code, and a
//! Markdown change ticket.
//! Every form carries the same bodies as the plan's requests; none asks for or holds a secret.

use crate::finding::t;
use crate::finding::{Severity, Text};
use crate::intent::Intent;
use crate::plan::{Plan, Request};
use crate::scan::ByteSet;
use serde_json::{Map, Value};
pub mod markdown;
mod python;
mod runbook;
pub mod shell;
pub mod terraform;

use python::python_sdk;
use shell::aliyun_cli;
use terraform::terraform;

/// How the exports' texts cite a finding: by this mark, written as the finding's code.
const CITATION: &str = "«cmk_lifecycle»";

/// The first byte of [`CITATION`] (`«` is U+00AB): where a scan for citations stops.
pub(crate) const CITATION_LEAD: ByteSet = ByteSet::of(&[0xc2]);

/// Writes the finding codes the exports' texts cite (`«cmk_lifecycle»`) as the codes themselves.
pub(crate) fn cite(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('«') { s.replace(CITATION, crate::finding::Code::CmkLifecycle.as_str()).into() } else { s.into() }
}

/// Writes `text` to `w` as [`cite`]`(text)` would read, with each byte of `special` (ASCII bytes,
/// joined with [`CITATION_LEAD`]) written by `write` instead: one pass, runs copied whole.
pub(crate) fn write_cited<W: std::fmt::Write>(
    w: &mut W,
    text: &str,
    special: &ByteSet,
    mut write: impl FnMut(&mut W, u8) -> std::fmt::Result,
) -> std::fmt::Result {
    let bytes = text.as_bytes();
    let (mut run, mut from) = (0, 0);
    while let Some(found) = special.find(&bytes[from..]) {
        let i = from + found;
        from = i + 1;
        if bytes[i].is_ascii() {
            w.write_str(&text[run..i])?;
            write(w, bytes[i])?;
            run = from;
        } else if text[i..].starts_with(CITATION) {
            w.write_str(&text[run..i])?;
            w.write_str(crate::finding::Code::CmkLifecycle.as_str())?;
            run = i + CITATION.len();
            from = run;
        }
    }
    w.write_str(&text[run..])
}

/// What an export writes the same way every time in a language (headers, fixed checks): made
/// once per language, on first use, then copied into every export.
pub(crate) struct PerLanguage<T>([std::sync::OnceLock<T>; 2]);

impl<T> PerLanguage<T> {
    /// Nothing made yet.
    pub(crate) const fn new() -> Self {
        PerLanguage([std::sync::OnceLock::new(), std::sync::OnceLock::new()])
    }

    /// The value in `lang`, made by `make` the first time.
    pub(crate) fn get(&'static self, lang: crate::finding::Lang, make: impl FnOnce(crate::finding::Lang) -> T) -> &'static T {
        let cell = match lang {
            crate::finding::Lang::En => &self.0[0],
            crate::finding::Lang::Zh => &self.0[1],
        };
        cell.get_or_init(|| make(lang))
    }
}

/// Quotes `s` for a POSIX shell: single quotes, with `'` written as `'\''`.
pub fn shell_quote(s: &str) -> String {
    ShellQuoted(s).to_string()
}

/// [`shell_quote`]`(s)`, written straight into the text it is formatted into.
pub(crate) struct ShellQuoted<'a>(pub &'a str);

impl ShellQuoted<'_> {
    /// Writes the quoted word to `w`.
    fn write<W: std::fmt::Write>(&self, w: &mut W) -> std::fmt::Result {
        w.write_char('\'')?;
        let mut rest = self.0;
        // One byte to find: quoted words are often whole JSON bodies.
        while let Some(i) = crate::scan::find_ascii(rest, b'\'') {
            w.write_str(&rest[..i])?;
            w.write_str(r"'\''")?;
            rest = &rest[i + 1..];
        }
        w.write_str(rest)?;
        w.write_char('\'')
    }
}

impl std::fmt::Display for ShellQuoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write(f)
    }
}

impl Piece for ShellQuoted<'_> {
    fn push_to(&self, s: &mut String) {
        let _ = self.write(s);
    }
}

/// A piece of an export's text, as [`push!`] appends it: a text, a number, an API's name, a
/// shell-quoted word...
pub(crate) trait Piece {
    /// Appends the piece to `s`.
    fn push_to(&self, s: &mut String);
}

impl Piece for str {
    fn push_to(&self, s: &mut String) {
        s.push_str(self);
    }
}

impl Piece for String {
    fn push_to(&self, s: &mut String) {
        s.push_str(self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, s: &mut String) {
        (**self).push_to(s);
    }
}

impl Piece for usize {
    fn push_to(&self, s: &mut String) {
        crate::json::push_decimal(s, *self as u64);
    }
}

impl Piece for crate::plan::Api {
    fn push_to(&self, s: &mut String) {
        s.push_str(self.as_str());
    }
}

/// Appends each [`Piece`] to the `String`, in order: a line put together from its pieces without
/// the formatting machinery.
macro_rules! push {
    ($s:expr, $($piece:expr),+ $(,)?) => {{
        let s: &mut String = $s;
        $( $crate::exports::Piece::push_to(&$piece, s); )+
    }};
}
pub(crate) use push;

/// The kinds of export, in the order the plan lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportKind {
    /// The aliyun CLI runbook (bash).
    AliyunCli,
    /// Terraform for the alicloud provider.
    Terraform,
    /// The Python script with the official SDKs.
    PythonSdk,
    /// The Markdown change ticket.
    Markdown,
}

impl ExportKind {
    /// Every kind, in the plan's order.
    pub const ALL: &'static [ExportKind] = &[ExportKind::AliyunCli, ExportKind::Terraform, ExportKind::PythonSdk, ExportKind::Markdown];

    /// The export's name: its key in the plan's `exports`.
    pub const fn name(self) -> &'static str {
        match self {
            ExportKind::AliyunCli => "aliyun_cli",
            ExportKind::Terraform => "terraform",
            ExportKind::PythonSdk => "python_sdk",
            ExportKind::Markdown => "markdown",
        }
    }

    /// Its title, in English and Simplified Chinese.
    pub fn title(self) -> Text {
        match self {
            ExportKind::AliyunCli => t!("aliyun CLI", "aliyun CLI"),
            ExportKind::Terraform => t!("Terraform", "Terraform"),
            ExportKind::PythonSdk => t!("Python SDK", "Python SDK"),
            ExportKind::Markdown => t!("Change ticket (Markdown)", "变更单（Markdown）"),
        }
    }

    /// The name of the file it is saved as.
    pub fn file_name(self) -> &'static str {
        match self {
            ExportKind::AliyunCli => "aliyun_cli.sh",
            ExportKind::Terraform => "terraform.tf",
            ExportKind::PythonSdk => "python_sdk.py",
            ExportKind::Markdown => "change-ticket.md",
        }
    }

    /// The media type of that file.
    pub fn media_type(self) -> &'static str {
        match self {
            ExportKind::Markdown => "text/markdown",
            _ => "text/plain",
        }
    }

    /// The export of this kind with `text`.
    pub fn export(self, text: String) -> Export {
        Export { kind: self, name: self.name(), title: self.title(), file_name: self.file_name(), media_type: self.media_type(), text }
    }
}

/// One ready-to-paste form of the plan, with what a page needs to show and save it.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// Which export.
    pub kind: ExportKind,
    /// Its name (the key in the plan's `exports`), e.g. `aliyun_cli`.
    pub name: &'static str,
    /// Its title, in English and Simplified Chinese.
    pub title: Text,
    /// The file name it is saved as, e.g. `change-ticket.md`.
    pub file_name: &'static str,
    /// The media type of that file.
    pub media_type: &'static str,
    /// The text.
    pub text: String,
}

/// A compiled plan's exports (its `exports`) as typed values, in [`ExportKind::ALL`] order:
/// what a page shows, copies and saves.
pub fn list(plan: &Plan) -> Vec<Export> {
    ExportKind::ALL
        .iter()
        .filter_map(|&kind| plan.exports.get(kind.name()).and_then(Value::as_str).map(|text| kind.export(text.to_string())))
        .collect()
}

/// The text of every export of the plan, in [`ExportKind::ALL`] order (none without a request).
fn texts(intent: &Intent, plan: &Plan) -> Vec<(ExportKind, String)> {
    if plan.requests.is_empty() {
        return Vec::new();
    }
    // A plan with errors is a draft: every export refuses to run until they are fixed.
    let errors: Vec<&str> = plan.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.code.as_str()).collect();
    let draft = (!errors.is_empty()).then(|| format!("this plan has errors ({}); fix them in sls-encrypt first", errors.join(", ")));
    let draft = draft.as_deref();
    let checks = runbook::checks(intent, plan);
    ExportKind::ALL
        .iter()
        .filter_map(|&kind| {
            let text = match kind {
                ExportKind::AliyunCli => Some(aliyun_cli(intent, plan, &checks, draft)),
                ExportKind::Terraform => terraform(intent, plan, draft),
                ExportKind::PythonSdk => python_sdk(intent, plan, &checks, draft),
                ExportKind::Markdown => Some(markdown::change_ticket(intent, plan)),
            };
            text.map(|text| (kind, text))
        })
        .collect()
}

/// Every export of the plan, keyed by name (`aliyun_cli`, `terraform`, `python_sdk`, `markdown`):
/// the plan's `exports`.
pub fn exports(intent: &Intent, plan: &Plan) -> Map<String, Value> {
    texts(intent, plan).into_iter().map(|(kind, text)| (kind.name().to_string(), Value::String(text))).collect()
}

pub(crate) fn region(intent: &Intent) -> &str {
    intent.target.region.as_ref().map_or("<region>", |r| r.as_str())
}

pub(crate) fn project(intent: &Intent) -> &str {
    intent.target.project.as_ref().map_or("<project>", |p| p.as_str())
}

/// The target Logstore's name (`<logstore>` when not given).
pub(crate) fn logstore(intent: &Intent) -> &str {
    intent.target.logstore.as_ref().map_or("<logstore>", |l| l.as_str())
}

pub(crate) fn body_text(r: &Request) -> String {
    r.body.as_ref().map(crate::json::compact).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hcl_string(text: &str) -> String {
        let mut s = String::new();
        terraform::push_hcl_string(&mut s, text);
        s
    }

    #[test]
    fn shell_quoting_survives_quotes() {
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("{\"a\":1}"), "'{\"a\":1}'");
    }

    #[test]
    fn hcl_strings_escape_interpolation() {
        assert_eq!(hcl_string("a${b}"), "\"a$${b}\"");
    }

    #[test]
    fn hcl_strings_escape_as_json_does() {
        let controls: String = (0u8..0x20).map(char::from).collect();
        for s in ["", "plain", "q\"b\\s/", "$${x}%%{y}$%{", "中文\u{7f}\u{2028}", "${", "%{", "$", "{", controls.as_str()] {
            let json = serde_json::to_string(s).unwrap().replace("${", "$${").replace("%{", "%%{");
            assert_eq!(hcl_string(s), json, "{s:?}");
        }
    }
}
