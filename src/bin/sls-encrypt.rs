//! The `sls-encrypt` command line: compile an intent document into a plan.

#[cfg(not(target_arch = "wasm32"))]
#[path = "sls-encrypt/outputs.rs"]
mod outputs;
#[cfg(not(target_arch = "wasm32"))]
#[path = "sls-encrypt/report.rs"]
mod report;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use crate::outputs;
    use crate::report::{self, Lang};
    use sls_encrypt::{Plan, compile::unreadable, compile_text};
    use std::io::{IsTerminal, Read, Write};
    use std::path::PathBuf;

    const HELP: &str = "\
sls-encrypt: compile KMS encryption for an Alibaba Cloud SLS Logstore

USAGE:
    sls-encrypt compile [FILE|-] [OPTIONS]
                                     read an intent (JSON) from FILE or standard input
                                     and report the plan
    sls-encrypt codes                list every finding code with its severity
    sls-encrypt schema intent|plan   print the JSON Schema (2020-12) of the intent or the plan
    sls-encrypt --help | --version

OPTIONS (compile):
    --format json|text|sarif   json: the plan as pretty JSON (default);
                               text: one line per finding, FILE:LINE:COL: severity CODE message,
                               then the fix (coloured on a terminal; NO_COLOR turns colour off);
                               sarif: SARIF 2.1.0 for code scanning, one rule per finding code
    --lang en|zh               language of the text and SARIF messages
                               (default from LC_ALL, LC_MESSAGES or LANG)
    --out DIR                  also write every artifact and export as a file in DIR, named as
                               the app's downloads are (aliyun_cli.sh, terraform.tf, ...)

EXIT STATUS:
    0  the plan is ok (no finding of severity error)
    1  the plan has error findings (they are in the printed plan)
    2  the input is not a readable intent (the message says where), or bad options

The intent format and a full example are in docs/CONTRACT.md.
Nothing is sent anywhere: the plan lists the requests for you to send.

sls-encrypt：为日志服务（SLS）日志库编译 KMS 加密配置
    sls-encrypt compile [文件|-] [选项]  从文件或标准输入读取意图（JSON）并输出计划
    sls-encrypt codes                    列出所有检查结果代码及其级别
    sls-encrypt schema intent|plan       输出意图或计划的 JSON Schema（2020-12）
选项：--format json|text|sarif  输出格式：JSON 计划（默认）、每条检查结果一行的文本、SARIF 2.1.0
      --lang en|zh              文本和 SARIF 消息的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）
      --out 目录                另将所有产物和导出写入该目录，文件名与网页应用的下载相同
退出码：0 计划无错误；1 计划含错误级别的检查结果；2 输入不是可读的意图（消息会指出位置）或选项有误。
本工具不会发送任何请求：计划中列出的请求由您自行发送。
";

    /// Why the CLI could not do what it was asked (exit status 2), in English and Chinese.
    #[derive(Debug, thiserror::Error)]
    pub enum CliError {
        /// The intent file (or standard input) could not be read.
        #[error("cannot read {file}: {source}\nsls-encrypt：无法读取 {file}：{source}")]
        Read { file: String, source: std::io::Error },
        /// The intent is not UTF-8 text.
        #[error(
            "{file} is not UTF-8 text: invalid byte at offset {at} (line {line}). Save the intent as UTF-8.\n\
             sls-encrypt：{file} 不是 UTF-8 文本：偏移 {at}（第 {line} 行）处的字节无效。请将意图保存为 UTF-8。"
        )]
        NotUtf8 { file: String, at: usize, line: usize },
        /// A command or option this CLI does not have.
        #[error("unknown command, option or extra argument: {0}\nsls-encrypt：未知命令、选项或多余参数：{0}\n\n{HELP}")]
        Unknown(String),
        /// An option given without its value.
        #[error("{0} needs a value\nsls-encrypt：{0} 需要一个值")]
        MissingValue(String),
        /// An option value outside its choices.
        #[error("{flag} {value}: expected one of {allowed}\nsls-encrypt：{flag} {value}：应为 {allowed} 之一")]
        BadValue { flag: String, value: String, allowed: &'static str },
        /// An output file could not be written.
        #[error("cannot write {path}: {source}\nsls-encrypt：无法写入 {path}：{source}")]
        Write { path: String, source: std::io::Error },
    }

    /// How the plan is printed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Format {
        Json,
        Text,
        Sarif,
    }

    /// The parsed `compile` command line.
    #[derive(Debug)]
    struct Options {
        file: String,
        format: Format,
        lang: Lang,
        out: Option<PathBuf>,
    }

    fn options(args: &[String]) -> Result<Options, CliError> {
        let mut o = Options { file: String::new(), format: Format::Json, lang: Lang::from_env(), out: None };
        let mut file = None;
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
                _ => (arg.as_str(), None),
            };
            let mut value = || inline.clone().or_else(|| rest.next().cloned()).ok_or_else(|| CliError::MissingValue(flag.into()));
            let bad = |value: String, allowed| CliError::BadValue { flag: flag.into(), value, allowed };
            match flag {
                "--format" => {
                    o.format = match value()?.as_str() {
                        "json" => Format::Json,
                        "text" => Format::Text,
                        "sarif" => Format::Sarif,
                        other => return Err(bad(other.into(), "json, text, sarif")),
                    }
                }
                "--lang" => {
                    o.lang = match value()?.as_str() {
                        "en" => Lang::En,
                        "zh" => Lang::Zh,
                        other => return Err(bad(other.into(), "en, zh")),
                    }
                }
                "--out" => o.out = Some(PathBuf::from(value()?)),
                f if f.starts_with("--") || (f.starts_with('-') && f != "-") || file.is_some() => {
                    return Err(CliError::Unknown(arg.clone()));
                }
                f => file = Some(f.to_string()),
            }
        }
        o.file = file.unwrap_or_else(|| "-".into());
        Ok(o)
    }

    /// Runs the CLI with `args`; returns the exit status.
    pub fn run(args: Vec<String>) -> i32 {
        let result = match args.first().map(String::as_str) {
            None | Some("-h" | "--help" | "help") => {
                print!("{HELP}");
                Ok(0)
            }
            Some("-V" | "--version") => {
                println!("sls-encrypt {}", env!("CARGO_PKG_VERSION"));
                Ok(0)
            }
            Some("codes") if args.len() == 1 => {
                for c in sls_encrypt::Code::ALL {
                    println!("{}\t{}", c.as_str(), c.severity().as_str());
                }
                Ok(0)
            }
            Some("compile") => options(&args[1..]).and_then(|o| compile(&o)),
            Some("schema") => schema(&args[1..]),
            Some(other) => Err(CliError::Unknown(other.into())),
        };
        result.unwrap_or_else(|e| {
            eprintln!("sls-encrypt: {e}");
            2
        })
    }

    /// `schema intent|plan`: prints the JSON Schema (2020-12).
    fn schema(args: &[String]) -> Result<i32, CliError> {
        let schema = match args {
            [what] if what == "intent" => sls_encrypt::schema::intent(),
            [what] if what == "plan" => sls_encrypt::schema::plan(),
            [what] => return Err(CliError::BadValue { flag: "schema".into(), value: what.clone(), allowed: "intent, plan" }),
            [] => return Err(CliError::MissingValue("schema".into())),
            [_, extra, ..] => return Err(CliError::Unknown(extra.clone())),
        };
        let _ = writeln!(std::io::stdout().lock(), "{}", serde_json::to_string_pretty(&schema).unwrap_or_default());
        Ok(0)
    }

    fn read(file: &str) -> Result<String, CliError> {
        let mut bytes = Vec::new();
        let read = if file == "-" { std::io::stdin().read_to_end(&mut bytes).map(|_| ()) } else { std::fs::read(file).map(|b| bytes = b) };
        read.map_err(|source| CliError::Read { file: file.into(), source })?;
        String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
            CliError::NotUtf8 { file: file.into(), at, line }
        })
    }

    fn compile(o: &Options) -> Result<i32, CliError> {
        let text = read(&o.file)?;
        let plan: Plan = compile_text(&text);
        let value = serde_json::to_value(&plan).unwrap_or_default();
        let mut located = value.clone();
        report::locate_in_file(&mut located, &text);
        let name = if o.file == "-" { "<stdin>" } else { o.file.as_str() };
        let printed = match o.format {
            Format::Json => serde_json::to_string_pretty(&plan).unwrap_or_default() + "\n",
            Format::Text => {
                let coloured = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                    || std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0");
                report::text(&located, name, o.lang, coloured)
            }
            Format::Sarif => serde_json::to_string_pretty(&report::sarif(&located, &o.file, o.lang)).unwrap_or_default() + "\n",
        };
        // A closed pipe (`| head`) is not an error worth a panic.
        let _ = std::io::stdout().lock().write_all(printed.as_bytes());
        if let Some(dir) = &o.out {
            write_out(dir, &plan, &text)?;
        }
        if unreadable(&plan) {
            if o.format == Format::Json {
                for f in &plan.findings {
                    let at = f.line.map(|l| format!(" at line {l}, column {}", f.column.unwrap_or(0))).unwrap_or_default();
                    let at_zh = f.line.map(|l| format!(" 第 {l} 行第 {} 列", f.column.unwrap_or(0))).unwrap_or_default();
                    eprintln!("sls-encrypt: {}{at}: {} {}", o.file, f.message, f.fix);
                    eprintln!("sls-encrypt：{}{at_zh}：{} {}", o.file, f.message_zh, f.fix_zh);
                }
            }
            Ok(2)
        } else {
            Ok(if plan.ok { 0 } else { 1 })
        }
    }

    /// Writes every output of the plan into `dir` (created if missing).
    fn write_out(dir: &std::path::Path, plan: &Plan, text: &str) -> Result<(), CliError> {
        fn failed(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> CliError + '_ {
            move |source| CliError::Write { path: path.display().to_string(), source }
        }
        std::fs::create_dir_all(dir).map_err(failed(dir))?;
        let intent: Option<serde_json::Value> = serde_json::from_str(text).ok();
        let files = outputs::files(plan, intent.as_ref());
        for (name, contents) in &files {
            let path = dir.join(name);
            std::fs::write(&path, contents).map_err(failed(&path))?;
        }
        eprintln!(
            "sls-encrypt: wrote {} files to {}\nsls-encrypt：已将 {} 个文件写入 {}",
            files.len(),
            dir.display(),
            files.len(),
            dir.display()
        );
        Ok(())
    }
}
