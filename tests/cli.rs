//! The CLI: exit 0 for an ok plan, 1 for error findings, 2 for input that is not an intent.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sls-encrypt"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn ok_plan_exits_0_and_prints_the_plan() {
    let (code, out, _) = run(&["compile", "examples/byok-update-cloud-firewall.json"], b"");
    assert_eq!(code, 0);
    let plan: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(plan["ok"], true);
    assert_eq!(plan["requests"].as_array().unwrap().len(), 7);
}

#[test]
fn error_findings_exit_1() {
    let (code, out, _) = run(&["compile", "-"], br#"{"version": 1, "target": {"region": "cn-hangzou", "project": "p-1x", "logstore": "ls1"}, "operation": "create", "logstore": {"ttl": 30, "shardCount": 2}}"#);
    assert_eq!(code, 1);
    assert!(out.contains("\"ID001\""));
}

#[test]
fn unreadable_input_exits_2_with_where() {
    let (code, _, err) = run(&["compile", "-"], b"{\n  \"version\": 1,\n  oops\n}");
    assert_eq!(code, 2);
    assert!(err.contains("line 3, column 3"), "{err}");
    let (code, _, err) = run(&["compile", "-"], b"{\"version\": 1, \"x\": \"\xff\xfe\"}");
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8") && err.contains("offset 21"), "{err}");
    let (code, _, _) = run(&["compile", "-"], b"{\"version\": 2}");
    assert_eq!(code, 2);
    let (code, _, err) = run(&["compile", "no/such/file.json"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"));
}

#[test]
fn random_bytes_never_crash_the_cli() {
    let mut seed = 0x9e3779b97f4a7c15u64;
    for round in 0..40 {
        let mut bytes = Vec::new();
        for _ in 0..(round * 37 % 600) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            bytes.push(if round % 2 == 0 { b"{}[]\":,0123456789truefalsenull \n\\"[(seed % 33) as usize] } else { seed as u8 });
        }
        let (code, _, _) = run(&["compile", "-"], &bytes);
        assert!([0, 1, 2].contains(&code), "exit {code} for {bytes:?}");
    }
}

#[test]
fn help_and_codes() {
    let (code, out, _) = run(&["--help"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("EXIT STATUS"));
    let (code, out, _) = run(&["codes"], b"");
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l == "MRG002\terror"));
    let (code, _, _) = run(&["frobnicate"], b"");
    assert_eq!(code, 2);
}
