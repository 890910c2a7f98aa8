//! The `sls-encrypt` command line: compile an intent document into a plan.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use sls_encrypt::{Plan, compile::unreadable, compile_text};
    use std::io::Read;

    const HELP: &str = "\
sls-encrypt: compile KMS encryption for an Alibaba Cloud SLS Logstore

USAGE:
    sls-encrypt compile [FILE|-]     read an intent (JSON) from FILE or standard input,
                                     print the plan as pretty JSON
    sls-encrypt codes                list every finding code with its severity
    sls-encrypt --help | --version

EXIT STATUS:
    0  the plan is ok (no finding of severity error)
    1  the plan has error findings (they are in the printed plan)
    2  the input is not a readable intent (the message says where)

The intent format and a full example are in docs/CONTRACT.md.
Nothing is sent anywhere: the plan lists the requests for you to send.

sls-encrypt：为日志服务（SLS）日志库编译 KMS 加密配置
    sls-encrypt compile [文件|-]    从文件或标准输入读取意图（JSON），以 JSON 输出计划
    sls-encrypt codes               列出所有检查结果代码及其级别
退出码：0 计划无错误；1 计划含错误级别的检查结果；2 输入不是可读的意图（消息会指出位置）。
本工具不会发送任何请求：计划中列出的请求由您自行发送。
";

    /// Runs the CLI with `args`; returns the exit status.
    pub fn run(args: Vec<String>) -> i32 {
        match args.first().map(String::as_str) {
            None | Some("-h" | "--help" | "help") => {
                print!("{HELP}");
                0
            }
            Some("-V" | "--version") => {
                println!("sls-encrypt {}", env!("CARGO_PKG_VERSION"));
                0
            }
            Some("codes") => {
                for c in sls_encrypt::Code::ALL {
                    println!("{}\t{}", c.as_str(), c.severity().as_str());
                }
                0
            }
            Some("compile") if args.len() <= 2 => compile(args.get(1).map(String::as_str).unwrap_or("-")),
            Some(other) => {
                eprintln!("sls-encrypt: unknown command or extra arguments: {other}\nsls-encrypt：未知命令或多余参数：{other}\n\n{HELP}");
                2
            }
        }
    }

    fn compile(file: &str) -> i32 {
        let mut bytes = Vec::new();
        let read = if file == "-" { std::io::stdin().read_to_end(&mut bytes).map(|_| ()) } else { std::fs::read(file).map(|b| bytes = b) };
        if let Err(e) = read {
            eprintln!("sls-encrypt: cannot read {file}: {e}\nsls-encrypt：无法读取 {file}：{e}");
            return 2;
        }
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
                eprintln!(
                    "sls-encrypt: {file} is not UTF-8 text: invalid byte at offset {at} (line {line}). Save the intent as UTF-8.\n\
                     sls-encrypt：{file} 不是 UTF-8 文本：偏移 {at}（第 {line} 行）处的字节无效。请将意图保存为 UTF-8。"
                );
                return 2;
            }
        };
        let plan: Plan = compile_text(&text);
        println!("{}", serde_json::to_string_pretty(&plan).unwrap_or_default());
        if unreadable(&plan) {
            for f in &plan.findings {
                let at = f.line.map(|l| format!(" at line {l}, column {}", f.column.unwrap_or(0))).unwrap_or_default();
                let at_zh = f.line.map(|l| format!(" 第 {l} 行第 {} 列", f.column.unwrap_or(0))).unwrap_or_default();
                eprintln!("sls-encrypt: {file}{at}: {} {}", f.message, f.fix);
                eprintln!("sls-encrypt：{file}{at_zh}：{} {}", f.message_zh, f.fix_zh);
            }
            2
        } else if plan.ok {
            0
        } else {
            1
        }
    }
}
