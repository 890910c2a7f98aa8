//! The Markdown change ticket (`exports.markdown`): snapshots in both languages, and every
//! finding and diff row of the plan appears in it, even with hostile values.
//! Refresh the snapshots with `UPDATE_SNAPSHOTS=1 cargo test --test change_ticket`.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use sls_encrypt::exports::markdown;
use sls_encrypt::{Plan, compile, compile_text};

fn snapshot(name: &str, actual: &str) {
    let path = format!("{}/tests/snapshots/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(format!("{}/tests/snapshots", env!("CARGO_MANIFEST_DIR"))).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{path} missing: run with UPDATE_SNAPSHOTS=1"));
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).map_or(0, |i| i + 1);
        panic!(
            "{name} differs from the snapshot (first at line {line}); if the change is intended, refresh with UPDATE_SNAPSHOTS=1\n--- actual ---\n{actual}"
        );
    }
}

fn ticket(plan: &Plan) -> &str {
    plan.exports["markdown"].as_str().expect("a markdown export")
}

fn with_lang(text: &str, lang: &str) -> String {
    let mut intent: Value = serde_json::from_str(text).unwrap();
    intent["lang"] = json!(lang);
    serde_json::to_string_pretty(&intent).unwrap()
}

const UPDATE: &str = include_str!("../examples/byok-update-cloud-firewall.json");
const CREATE: &str = include_str!("../examples/service-key-create.json");

#[test]
fn the_update_ticket_matches_its_snapshots_in_both_languages() {
    for lang in ["en", "zh"] {
        let plan = compile_text(&with_lang(UPDATE, lang));
        snapshot(&format!("change-ticket-update.{lang}.md"), ticket(&plan));
    }
}

#[test]
fn the_create_ticket_matches_its_snapshots_in_both_languages() {
    for lang in ["en", "zh"] {
        let plan = compile_text(&with_lang(CREATE, lang));
        snapshot(&format!("change-ticket-create.{lang}.md"), ticket(&plan));
    }
}

/// Cells of a Markdown table row, split on `|` not escaped by a backslash.
fn cells(row: &str) -> usize {
    let mut n: usize = 0;
    let mut escaped = false;
    for c in row.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => n += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    n.saturating_sub(1)
}

fn hostile() -> Value {
    let mut intent: Value = serde_json::from_str(UPDATE).unwrap();
    intent["current"]["futureNote"] = json!("a | b `c` ``d`` <script>*x*</script>\nnew line $HOME 'q' \"dq\" \\ 中文");
    intent["current"]["shardingPolicy"] = json!({ "shardGroup": { "keys": ["|"] } });
    intent["ram"]["passrole_scope"] = json!("any");
    intent
}

#[test]
fn every_finding_and_every_diff_row_appears_in_both_languages() {
    for lang in ["en", "zh"] {
        let mut intent = hostile();
        intent["lang"] = json!(lang);
        let plan = compile(&intent);
        let md = ticket(&plan);
        assert!(plan.findings.len() >= 10, "{:?}", plan.findings);
        for f in &plan.findings {
            let message = if lang == "en" { &f.message } else { &f.message_zh };
            let row = md
                .lines()
                .find(|l| l.contains(&format!(" | {} | `{}`", f.code, f.path)) && l.contains(&markdown::escape(message)))
                .unwrap_or_else(|| panic!("{lang}: finding {} at {} missing", f.code, f.path));
            assert_eq!(cells(row), 5, "{lang}: {row}");
        }
        for d in &plan.diff {
            let row = md
                .lines()
                .find(|l| l.starts_with(&format!("| `{}` |", d.field)))
                .unwrap_or_else(|| panic!("{lang}: diff row {} missing", d.field));
            assert_eq!(cells(row), 5, "{lang}: {row}");
        }
        // Severity words in the ticket's language.
        assert!(md.contains(if lang == "en" { "| security warning | RAM001 |" } else { "| 安全警告 | RAM001 |" }), "{md}");
        // Nothing the user typed becomes markup: in tables it stays inside a code span.
        let note = md.lines().find(|l| l.starts_with("| `futureNote` |")).unwrap();
        assert!(note.contains(r#"| ```"a \| b `c` ``d`` <script>"#), "{note}");
        for line in md.lines().filter(|l| l.contains("<script>")) {
            assert!(line.starts_with("| `futureNote` |") || line.starts_with("  \"futureNote\""), "markup outside code: {line}");
        }
        // Every request, in order.
        let mut at = 0;
        for r in &plan.requests {
            let heading = format!("### {}. {}", r.step, r.api);
            let pos = md[at..].find(&heading).unwrap_or_else(|| panic!("{heading} missing or out of order"));
            at += pos + heading.len();
        }
    }
}

#[test]
fn the_ticket_says_what_can_and_cannot_be_rolled_back_and_how_to_verify() {
    let plan = compile_text(UPDATE);
    let md = ticket(&plan);
    assert!(md.contains("aliyun sls GetLogStore --region cn-hangzhou --project 'cloudfirewall-project-1234567890123456-cn-hangzhou' --logstore 'cloudfirewall-logstore'"));
    let rollback = &md[md.find("## Rollback").unwrap()..];
    assert!(rollback.contains("**Cannot be rolled back:** the encryption settings"));
    assert!(rollback.contains("**Can be rolled back:** enable"));
    // The rollback body is the update body with enable false.
    let start = rollback.find("```json\n").unwrap() + 8;
    let end = rollback[start..].find("\n```").unwrap() + start;
    let body: Value = serde_json::from_str(&rollback[start..end]).unwrap();
    let mut expected = plan.request("UpdateLogStore").unwrap().body.clone().unwrap();
    expected["encrypt_conf"]["enable"] = json!(false);
    assert_eq!(body, expected);
    assert!(md.contains("## Irreversible") && md.contains("a deleted CMK makes the data unreadable for good"));
}

#[test]
fn a_draft_ticket_says_so_first() {
    let mut intent: Value = serde_json::from_str(UPDATE).unwrap();
    intent["current"]["logstoreName"] = json!("another-logstore");
    intent["lang"] = json!("zh");
    let plan = compile(&intent);
    let md = ticket(&plan);
    let draft = md.lines().nth(2).unwrap();
    assert!(draft.starts_with("> **草稿") && draft.contains("MRG008"), "{draft}");
}

#[test]
fn the_verification_result_goes_where_it_belongs_in_both_languages() {
    let intent: Value = serde_json::from_str(&with_lang(UPDATE, "en")).unwrap();
    let without = compile(&intent);
    assert!(!ticket(&without).contains("## Verification result"));
    // The Logstore read back after the change: what was sent, plus output-only fields.
    let mut after = without.request("UpdateLogStore").unwrap().body.clone().unwrap();
    after["createTime"] = json!(1700000000);
    let mut matching = intent.clone();
    matching["after"] = after.clone();
    let plan = compile(&matching);
    let md = ticket(&plan);
    let (verify, result, rollback) = (
        md.find("## Verify afterwards").unwrap(),
        md.find("## Verification result\n\nEvery field sent matches the Logstore read after the change.").unwrap(),
        md.find("## Rollback").unwrap(),
    );
    assert!(verify < result && result < rollback);
    assert!(md.contains("| `ttl` | `180` | `180` | matches |"), "{md}");

    let mut differing = matching.clone();
    differing["after"]["ttl"] = json!(7);
    differing["lang"] = json!("zh");
    let plan = compile(&differing);
    let md = ticket(&plan);
    assert!(md.contains("## 验证结果\n\n变更后读取的日志库与发送的内容不一致"), "{md}");
    assert!(md.contains("| `ttl` | `180` | `7` | **不一致** |"), "{md}");
    assert!(md.contains("VER001"), "the finding is listed too");
}
