//! The CLI: exit 0 for an ok plan, 1 for error findings, 2 for input that is not an intent.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    run_env(args, stdin, &[])
}

/// Runs the CLI in a neutral locale (LANG=C), with `env` set on top.
fn run_env(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sls-encrypt"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("CLICOLOR_FORCE")
        .env("LANG", "C")
        .envs(env.iter().copied())
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

const BYOK: &str = "examples/byok-update-cloud-firewall.json";
const ERRORS: &[u8] = br#"{"version": 1, "target": {"region": "cn-hangzou", "project": "p-1x", "logstore": "ls1"}, "operation": "create", "logstore": {"ttl": 30, "shardCount": 2}}"#;

fn json_plan(file: &str, stdin: &[u8]) -> serde_json::Value {
    serde_json::from_str(&run(&["compile", file], stdin).1).unwrap()
}

#[test]
fn text_format_is_one_compiler_style_line_per_finding_then_the_fix() {
    let plan = json_plan(BYOK, b"");
    let (code, out, _) = run(&["compile", BYOK, "--format", "text"], b"");
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    let findings = plan["findings"].as_array().unwrap();
    assert_eq!(lines.len(), findings.len() * 2 + 1, "{out}");
    for (i, f) in findings.iter().enumerate() {
        let head = format!(
            "{BYOK}:{}:{}: {} {} {}",
            f["line"],
            f["column"],
            f["severity"].as_str().unwrap(),
            f["code"].as_str().unwrap(),
            f["message"].as_str().unwrap()
        );
        assert_eq!(lines[i * 2], head);
        assert_eq!(lines[i * 2 + 1], format!("    fix: {}", f["fix"].as_str().unwrap()));
    }
    assert_eq!(lines[0], format!("{BYOK}:35:3: warning ENC003 {}", findings[0]["message"].as_str().unwrap()));
    assert_eq!(*lines.last().unwrap(), format!("{BYOK}: plan ready: 0 error(s), {} other finding(s), 7 request(s)", findings.len()));
    assert!(!out.contains('\x1b'), "no colour when stdout is not a terminal");
}

#[test]
fn text_format_speaks_the_locale_or_lang_and_colours_on_request() {
    let (code, out, _) = run(&["compile", "-", "--format=text", "--lang", "zh"], ERRORS);
    assert_eq!(code, 1);
    let plan = json_plan("-", ERRORS);
    let first = &plan["findings"][0];
    assert_eq!(first["code"], "ID001");
    assert!(
        out.starts_with(&format!(
            "<stdin>:{}:{}: error ID001 {}\n    修复：{}\n",
            first["line"],
            first["column"],
            first["message_zh"].as_str().unwrap(),
            first["fix_zh"].as_str().unwrap()
        )),
        "{out}"
    );
    assert!(out.ends_with("<stdin>：计划受阻：1 个错误，1 个其他检查结果，0 个请求\n"), "{out}");
    // No --lang: the locale decides; LC_ALL wins over LANG.
    let (_, zh, _) = run_env(&["compile", "-", "--format", "text"], ERRORS, &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(zh, out);
    let (_, en, _) = run_env(&["compile", "-", "--format", "text"], ERRORS, &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "en_US.UTF-8")]);
    assert!(en.contains(&format!("error ID001 {}", first["message"].as_str().unwrap())), "{en}");
    let (_, coloured, _) = run_env(&["compile", "-", "--format", "text"], ERRORS, &[("CLICOLOR_FORCE", "1")]);
    assert!(coloured.contains("\x1b[1;31merror\x1b[0m \x1b[1mID001\x1b[0m"), "{coloured:?}");
}

#[test]
fn text_format_places_findings_in_a_pasted_text_on_its_field() {
    let intent = "{\"version\": 1, \"target\": {\"region\": \"cn-hangzhou\", \"project\": \"p-1x\", \"logstore\": \"ls1\"},\n \"current\": \"{\\n  \\\"ttl\\\": 30,, \\n}\", \"encryption\": {\"key\": \"service\"}}";
    let plan = json_plan("-", intent.as_bytes());
    let f = plan["findings"].as_array().unwrap().iter().find(|f| f["path"].as_str().unwrap().starts_with("/current")).unwrap().clone();
    let (_, out, _) = run(&["compile", "-", "--format", "text"], intent.as_bytes());
    let expected = format!(
        "<stdin>:2:2: error {} {} (pasted text, line {}, column {})",
        f["code"].as_str().unwrap(),
        f["message"].as_str().unwrap(),
        f["line"],
        f["column"]
    );
    assert!(out.lines().any(|l| l == expected), "{expected}\n{out}");
}

#[test]
fn sarif_has_one_rule_per_code_and_results_on_the_intent_lines() {
    for (file, stdin, level) in [(BYOK, &b""[..], "warning"), ("-", ERRORS, "error")] {
        let plan = json_plan(file, stdin);
        let (code, out, _) = run(&["compile", file, "--format", "sarif"], stdin);
        assert_eq!(code, if file == BYOK { 0 } else { 1 });
        let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(sarif["version"], "2.1.0");
        let run0 = &sarif["runs"][0];
        assert_eq!(run0["tool"]["driver"]["name"], "sls-encrypt");
        let rules: Vec<&str> = run0["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        let codes: Vec<&str> = sls_encrypt::Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(rules, codes, "one rule per finding code");
        let results = run0["results"].as_array().unwrap();
        let findings = plan["findings"].as_array().unwrap();
        assert_eq!(results.len(), findings.len());
        for (r, f) in results.iter().zip(findings) {
            assert_eq!(r["ruleId"], f["code"]);
            assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize], f["code"]);
            let loc = &r["locations"][0]["physicalLocation"];
            assert_eq!(loc["artifactLocation"]["uri"], if file == "-" { "stdin" } else { BYOK });
            assert_eq!(loc["region"]["startLine"], f["line"]);
            assert_eq!(loc["region"]["startColumn"], f["column"]);
            assert_eq!(r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], f["path"]);
            assert!(r["message"]["text"].as_str().unwrap().starts_with(f["message"].as_str().unwrap()));
        }
        assert_eq!(results[0]["level"], level);
    }
    // A path is written as a URI reference.
    let dir = temp_dir("uri");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("my intent 意图.json");
    std::fs::copy(BYOK, &file).unwrap();
    let (_, out, _) = run(&["compile", file.to_str().unwrap(), "--format", "sarif"], b"");
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap().to_string();
    assert!(uri.ends_with("/my%20intent%20%E6%84%8F%E5%9B%BE.json"), "{uri}");
    std::fs::remove_dir_all(&dir).unwrap();

    let (_, out, _) = run(&["compile", "-", "--format", "sarif", "--lang", "zh"], ERRORS);
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let zh = json_plan("-", ERRORS)["findings"][0]["message_zh"].as_str().unwrap().to_string();
    assert!(zh.contains("地域") && sarif["runs"][0]["results"][0]["message"]["text"].as_str().unwrap().starts_with(&zh), "{out}");
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sls-encrypt-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn out_writes_every_artifact_and_export_named_as_the_app_downloads() {
    let dir = temp_dir("byok");
    let (code, out, err) = run(&["compile", BYOK, "--out", dir.to_str().unwrap(), "--format", "text"], b"");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ENC003"), "the report still goes to stdout");
    let mut names: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    let mut expected = vec![
        "aliyun_cli.sh",
        "change-ticket.md",
        "encrypt_conf.json",
        "intent.json",
        "passrole_policy.json",
        "plan.json",
        "python_sdk.py",
        "terraform.tf",
        "trust_policy.json",
        "update_logstore_body.json",
        "update_logstore_encryption_body.json",
    ];
    let requests: Vec<String> = (1..=7).map(|i| format!("request-{i}.json")).collect();
    expected.extend(requests.iter().map(String::as_str));
    expected.sort();
    assert_eq!(names, expected);
    let plan = json_plan(BYOK, b"");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    assert_eq!(read("aliyun_cli.sh"), plan["exports"]["aliyun_cli"].as_str().unwrap());
    assert_eq!(read("terraform.tf"), plan["exports"]["terraform"].as_str().unwrap());
    assert_eq!(read("change-ticket.md"), plan["exports"]["markdown"].as_str().unwrap());
    let json = |name: &str| serde_json::from_str::<serde_json::Value>(&read(name)).unwrap();
    assert_eq!(json("plan.json"), plan);
    assert_eq!(json("encrypt_conf.json"), plan["encrypt_conf"]);
    assert_eq!(json("trust_policy.json"), plan["trust_policy"]);
    assert_eq!(json("update_logstore_body.json"), plan["requests"][6]["body"]);
    assert_eq!(json("request-7.json")["api"], "UpdateLogStore");
    assert_eq!(json("request-7.json")["body"], plan["requests"][6]["body"]);
    assert_eq!(json("intent.json"), serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(BYOK).unwrap()).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();

    // A blocked plan has nothing to send (no request, no export, no policy), and what it has is
    // named a draft, as the app names its downloads.
    let dir = temp_dir("blocked");
    let (code, _, _) = run(&["compile", "-", "--out", dir.to_str().unwrap()], ERRORS);
    assert_eq!(code, 1);
    let mut names: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["encrypt_conf.DRAFT.json", "intent.DRAFT.json", "plan.json"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_options_exit_2_and_say_why() {
    for (args, says) in [
        (&["compile", BYOK, "--format", "yaml"][..], "--format yaml: expected one of json, text, sarif"),
        (&["compile", BYOK, "--lang=fr"][..], "--lang fr: expected one of en, zh"),
        (&["compile", BYOK, "--out"][..], "--out needs a value"),
        (&["compile", BYOK, "--frobnicate"][..], "unknown command, option or extra argument: --frobnicate"),
        (&["compile", BYOK, BYOK][..], "extra argument"),
        (&["compile", BYOK, "--out", "Cargo.toml/x"][..], "cannot write Cargo.toml/x"),
    ] {
        let (code, _, err) = run(args, b"");
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(says) && err.contains("sls-encrypt："), "{args:?}: {err}");
    }
}
