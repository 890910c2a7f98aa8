//! Browser unit tests (wasm-bindgen-test in headless Chromium): the core runs in wasm exactly as natively.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn compile_runs_in_the_browser() {
    let plan = sls_encrypt::compile_text(
        r#"{"version": 1, "target": {"region": "cn-hangzhou", "project": "p-1x", "logstore": "ls1"},
        "operation": "create", "logstore": {"ttl": 30, "shardCount": 2}, "encryption": {"key": "service"}}"#,
    );
    assert!(plan.ok, "{:?}", plan.findings);
    assert_eq!(plan.requests[0].api, "CreateLogStore");
}

#[wasm_bindgen_test]
fn bad_text_gives_a_located_finding_not_a_panic() {
    let plan = sls_encrypt::compile_text("{\n  \"version\": 1,\n  x\n}");
    assert_eq!(plan.findings[0].code, "INT001");
    assert_eq!(plan.findings[0].line, Some(3));
}

#[wasm_bindgen_test]
fn js_api_round_trips_json() {
    let plan: serde_json::Value = serde_json::from_str(&sls_encrypt::api::compile_json("{\"version\": 1, \"x\": ")).unwrap();
    assert_eq!(plan["ok"], false);
    assert_eq!(plan["findings"][0]["code"], "INT001");
    let codes: serde_json::Value =
        serde_json::from_str(&js_sys::JSON::stringify(&sls_encrypt::api::finding_codes()).unwrap().as_string().unwrap()).unwrap();
    assert!(codes.as_array().unwrap().iter().any(|c| c["code"] == "MRG002" && c["severity"] == "error"));
    assert_eq!(sls_encrypt::api::format_version(), 1);
}

#[wasm_bindgen_test]
fn pasted_decimals_read_as_natively() {
    // In wasm the text reader parses decimals with the JS engine (fewer bytes); both round correctly.
    let lexemes = [
        "0.1",
        "0.30000000000000004",
        "-0.0",
        "1E2",
        "2.5e-3",
        "2.2250738585072011e-308",
        "4.9e-324",
        "2e-400",
        "1.7976931348623157e308",
        "9007199254740993.0",
        "123456789012345678901234567890.123456789e-10",
        "0.1000000000000000055511151231257827021181583404541015625",
        "7.038531e-26",
    ];
    let text = format!("[{}]", lexemes.join(", "));
    let read = sls_encrypt::text::read(&text);
    assert!(read.issues.is_empty(), "{:?}", read.issues);
    let values = read.document.unwrap().value;
    for (i, lexeme) in lexemes.iter().enumerate() {
        let got = values[i].as_f64().unwrap();
        assert_eq!(got.to_bits(), lexeme.parse::<f64>().unwrap().to_bits(), "{lexeme}");
    }
    let too_large = sls_encrypt::text::read("[1.5e400]");
    assert!(too_large.document.is_none());
    assert_eq!(too_large.issues[0].code, "TXT006");
}

mod ui {
    use serde_json::json;
    use sls_encrypt::ui::highlight::{Token, tokens};
    use sls_encrypt::ui::services::focus::{Control, choose, selection};
    use sls_encrypt::ui::services::hash;
    use sls_encrypt::ui::state::{Field, Form, Val};
    use wasm_bindgen_test::*;

    fn byok_form() -> Form {
        let mut form = Form::default();
        for (field, value) in [
            (Field::AccountId, "1234567890123456"),
            (Field::Region, "cn-hangzhou"),
            (Field::Key, "byok"),
            (Field::CmkKeyId, "key-hzz67f8a1b2c3d4e5f6g"),
            (Field::UserName, "sls-admin"),
            (Field::Current, "{\n  \"logstoreName\": \"cloudfirewall-logstore\",\n  \"ttl\": 180,\n  \"shardCount\": 2\n}"),
        ] {
            form.set(field, Val::Text(value.into()));
        }
        form
    }

    #[wasm_bindgen_test]
    fn the_form_builds_the_intent_the_core_compiles() {
        let intent = byok_form().intent();
        assert_eq!(intent["target"]["preset"], "cloud_firewall");
        assert_eq!(intent["encryption"]["key"], "byok");
        assert!(intent["current"].is_string(), "pasted text stays text, so findings get line and column");
        let plan = sls_encrypt::compile(&intent);
        assert!(plan.ok, "{:?}", plan.findings);
        assert!(plan.request("UpdateLogStore").is_some());
        // A fresh form compiles to findings, never a panic.
        let fresh = sls_encrypt::compile(&Form::default().intent());
        assert!(fresh.has("INT005"));
    }

    #[wasm_bindgen_test]
    fn the_after_paste_is_sent_as_text_and_kept_in_links() {
        let mut form = byok_form();
        let after = "{\n  \"logstoreName\": \"cloudfirewall-logstore\",\n  \"ttl\": 30\n}";
        form.set(Field::After, Val::Text(after.into()));
        let intent = form.intent();
        assert_eq!(intent["after"], json!(after), "pasted text stays text, so findings get line and column");
        let plan = sls_encrypt::compile(&intent);
        assert_eq!(plan.verification.as_ref().map(|v| v.ok), Some(false));
        let ttl = plan.findings.iter().find(|f| f.code == "VER001").expect("ttl differs");
        assert_eq!((ttl.path.as_str(), ttl.line, ttl.column), ("/after/ttl", Some(3), Some(3)));
        let Some(Ok(map)) = hash::decode(&hash::encode(&form.to_map(false, false))) else { panic!("link not readable") };
        assert_eq!(Form::from_map(&map).text(Field::After), after);
        // Creates are verified too.
        form.set(Field::Operation, Val::Text("create".into()));
        assert_eq!(form.intent()["after"], json!(after));
    }

    #[wasm_bindgen_test]
    fn numbers_become_numbers_and_other_text_is_left_to_the_core() {
        let mut form = Form::default();
        form.set(Field::Operation, Val::Text("create".into()));
        form.set(Field::Ttl, Val::Text(" 90 ".into()));
        form.set(Field::ShardCount, Val::Text("two".into()));
        let intent = form.intent();
        assert_eq!(intent["logstore"]["ttl"], json!(90));
        assert_eq!(intent["logstore"]["shardCount"], json!("two"));
        assert!(intent.get("current").is_none());
    }

    #[wasm_bindgen_test]
    fn share_links_round_trip_and_omit_defaults() {
        let form = byok_form();
        let link = hash::encode(&form.to_map(false, false));
        assert!(link.starts_with("#v1="));
        let Some(Ok(map)) = hash::decode(&link) else { panic!("link not readable: {link}") };
        assert!(!map.contains_key("op"), "defaults are omitted");
        assert_eq!(Form::from_map(&map).intent(), form.intent());
        assert_eq!(hash::encode(&Form::default().to_map(false, false)), "#v1=");
        assert!(matches!(hash::decode("#v1=%%%"), Some(Err(()))));
        assert!(matches!(hash::decode("#v2=abc"), Some(Err(()))));
        assert!(hash::decode("#findings").is_none());
    }

    #[wasm_bindgen_test]
    fn redaction_removes_the_account_id_everywhere() {
        let mut form = byok_form();
        form.set(Field::RoleMode, Val::Text("existing".into()));
        form.set(Field::RoleArn, Val::Text("acs:ram::1234567890123456:role/r".into()));
        let map = form.to_map(false, true);
        assert!(!serde_json::Value::Object(map).to_string().contains("1234567890123456"));
    }

    #[wasm_bindgen_test]
    fn base64url_round_trips() {
        for text in ["", "a", "ab", "abc", "{\"k\":\"日志库 ✓\"}", "\u{1F512} sm4"] {
            let encoded = hash::base64url(text.as_bytes());
            assert!(!encoded.contains(['+', '/', '=']));
            assert_eq!(hash::unbase64url(&encoded).as_deref(), Some(text.as_bytes()));
        }
    }

    #[wasm_bindgen_test]
    fn json_tokens_give_the_text_back() {
        let text = "{\n  \"key\": \"va\\\"lue 日志\",\n  \"n\": -1.5e3,\n  \"b\": true,\n  \"z\": null\n}";
        let toks = tokens(text);
        assert_eq!(toks.iter().map(|(_, s)| *s).collect::<String>(), text);
        assert_eq!(toks.iter().find(|(k, _)| *k == Token::Key).map(|(_, s)| *s), Some("\"key\""));
        assert!(toks.contains(&(Token::Str, "\"va\\\"lue 日志\"")));
        assert!(toks.contains(&(Token::Num, "-1.5e3")));
        assert!(toks.contains(&(Token::Bool, "true")));
        assert!(toks.contains(&(Token::Null, "null")));
        // Broken text never panics and still round-trips.
        for broken in ["\"unterminated", "{\"a\\", "日志\u{1F512}", "tru", "-"] {
            assert_eq!(tokens(broken).iter().map(|(_, s)| *s).collect::<String>(), broken);
        }
    }

    #[wasm_bindgen_test]
    fn a_line_and_column_select_the_token_in_utf16() {
        let text = "{\n  \"名\": 1,\n  \"mode\" \"x\"\n}";
        assert_eq!(selection(text, 3, 3), (14, 20));
        assert_eq!(&text.encode_utf16().collect::<Vec<_>>()[14..20], &"\"mode\"".encode_utf16().collect::<Vec<_>>()[..]);
        assert_eq!(selection(text, 99, 1), (text.encode_utf16().count() as u32, text.encode_utf16().count() as u32));
    }

    #[wasm_bindgen_test]
    fn a_finding_goes_to_the_deepest_control_or_the_checked_radio() {
        let c = |p: &str, radio, checked| Control { pointer: p.into(), radio, checked };
        let controls = [
            c("/encryption/key", true, false),
            c("/encryption/key", true, true),
            c("/encryption/encrypt_type", true, true),
            c("/current", false, false),
        ];
        assert_eq!(choose(&controls, "/current/createTime"), Some(3));
        assert_eq!(choose(&controls, "/encryption/key"), Some(1));
        assert_eq!(choose(&controls, "/encryption"), Some(1), "inside the path: the checked radio");
        assert_eq!(choose(&controls, "/currentish"), None);
        assert_eq!(choose(&controls, ""), None);
    }
    #[wasm_bindgen_test]
    fn finding_texts_name_the_form_labels_not_pointers() {
        use sls_encrypt::ui::i18n::Lang;
        use sls_encrypt::ui::labels::humanize;
        assert_eq!(
            humanize(Lang::En, "Fill in /target/account_id, or give /encryption/role_arn."),
            "Fill in “Account id (UID)”, or give “Role ARN”."
        );
        assert_eq!(humanize(Lang::Zh, "请在 /unknown_fields 中选择保留。"), "请在「本工具尚不认识的字段」中选择保留。");
        // Not a pointer of the form: left alone (paths inside pasted text, ARNs, URLs).
        for text in ["/current/ttl is 3", "acs:ram::1:role/x", "https://a.b/target/region", "a/b"] {
            assert_eq!(humanize(Lang::En, text), text);
        }
    }

    #[wasm_bindgen_test]
    fn reset_can_be_undone_and_untouched_fields_are_only_to_fill_in() {
        use sls_encrypt::ui::state::{Action, State};
        use std::rc::Rc;
        use yew::Reducible;
        let state = Rc::new(State::default());
        assert!(state.pending(Field::Region));
        let state = state.reduce(Action::Set(Field::Region, Val::Text("cn-hangzhou".into())));
        assert!(!state.pending(Field::Region) && state.pending(Field::AccountId));
        let filled = state.form.clone();
        let state = state.reduce(Action::Reset);
        assert_eq!(*state.form, Form::default());
        assert!(state.pending(Field::Region), "a reset form is fresh again");
        let state = state.reduce(Action::UndoReset);
        assert_eq!(state.form, filled);
        assert!(state.undo.is_none());
        assert!(!state.reduce(Action::CheckAll).pending(Field::AccountId));
    }

    fn existing_role_form() -> Form {
        let mut form = byok_form();
        for (field, value) in [
            (Field::RoleMode, "existing"),
            (Field::RoleArn, " acs:ram::1234567890123456:role/sls-byok-kms-role "),
            (Field::TrustPolicy, "{\"Version\": \"1\", \"Statement\": []}\n"),
            (Field::PassroleScope, "any"),
            (Field::UnknownFields, "drop"),
            (Field::EncryptType, "sm4"),
        ] {
            form.set(field, Val::Text(value.into()));
        }
        form
    }

    #[wasm_bindgen_test]
    fn the_table_writes_each_active_field_at_its_pointer_and_reads_it_back() {
        let form = existing_role_form();
        let intent = form.intent();
        assert_eq!(
            intent,
            json!({
                "version": 1,
                "target": {"preset": "cloud_firewall", "account_id": "1234567890123456", "region": "cn-hangzhou"},
                "operation": "update",
                "encryption": {"key": "byok", "encrypt_type": "sm4", "enable": true, "cmk_key_id": "key-hzz67f8a1b2c3d4e5f6g",
                    "role_arn": "acs:ram::1234567890123456:role/sls-byok-kms-role"},
                "ram": {"create_role": false, "current_trust_policy": "{\"Version\": \"1\", \"Statement\": []}\n",
                    "user_name": "sls-admin", "passrole_scope": "any"},
                "current": byok_form().text(Field::Current),
                "unknown_fields": "drop",
            })
        );
        assert_eq!(Form::from_intent(&intent).intent(), intent);
        // A create with a custom target, a new role and every Logstore setting.
        let mut create = byok_form();
        for (field, value) in [
            (Field::Target, "custom"),
            (Field::Project, "p-1x"),
            (Field::Logstore, "ls1"),
            (Field::Operation, "create"),
            (Field::RoleName, "r1"),
            (Field::HotTtl, "7"),
            (Field::Mode, "query"),
            (Field::TelemetryType, "Metrics"),
        ] {
            create.set(field, Val::Text(value.into()));
        }
        create.set(Field::EnableTracking, Val::Flag(true));
        let intent = create.intent();
        assert_eq!(
            intent["target"],
            json!({"account_id": "1234567890123456", "region": "cn-hangzhou", "project": "p-1x", "logstore": "ls1"})
        );
        assert_eq!(
            intent["logstore"],
            json!({"ttl": 30, "shardCount": 2, "autoSplit": true, "maxSplitShard": 64, "appendMeta": true, "enable_tracking": true,
                "hot_ttl": 7, "mode": "query", "telemetryType": "Metrics"})
        );
        assert_eq!((intent["ram"]["create_role"].clone(), intent["encryption"]["role_name"].clone()), (json!(true), json!("r1")));
        assert!(intent.get("current").is_none() && intent.get("unknown_fields").is_none());
        let back = Form::from_intent(&intent);
        assert_eq!(back.intent(), intent);
        assert_eq!(back.text(Field::Target), "custom");
    }

    #[wasm_bindgen_test]
    fn choices_offer_the_cores_values_and_nothing_else() {
        use sls_encrypt::choice::{Choice, KeyKind, TelemetryType};
        let wire = |f: Field| f.options().into_iter().map(|(w, _)| w).collect::<Vec<_>>();
        assert_eq!(wire(Field::Key), KeyKind::WIRE);
        assert_eq!(wire(Field::TelemetryType), [&[""][..], TelemetryType::WIRE].concat());
        let mut form = Form::default();
        form.set(Field::Key, Val::Text("BYOK".into()));
        assert_eq!(form.text(Field::Key), "service", "an unknown option is ignored");
    }

    #[wasm_bindgen_test]
    fn a_paste_over_the_limit_keeps_only_its_size_and_the_core_reports_it() {
        let mut form = byok_form();
        let big = format!("{{\"logstoreName\": \"{}\"}}", "a".repeat(100_000));
        form.set(Field::Current, Val::Text(big.clone()));
        assert_eq!((form.too_large(Field::Current), form.text(Field::Current)), (Some(big.len()), ""));
        let intent = form.intent();
        assert_eq!(intent["current"], json!({"too_large_bytes": big.len()}));
        let plan = sls_encrypt::compile(&intent);
        let f = plan.findings.iter().find(|f| f.code == "LIM001").expect("LIM001");
        assert_eq!((f.path.as_str(), f.line, f.column), ("/current", Some(1), Some(1)));
        assert!(f.message.contains("100,020 bytes"), "{}", f.message);
        assert!(!form.to_map(true, false).contains_key("current"), "never in a link or storage");
        assert_eq!(Form::from_intent(&intent).too_large(Field::Current), Some(big.len()));
        // Only pasted fields take a size.
        form.set(Field::Region, Val::TooLarge(5));
        assert_eq!(form.text(Field::Region), "cn-hangzhou");
    }

    /// A state saved by the hand-written storage before gloo's is read back, and saving writes
    /// the same format.
    #[wasm_bindgen_test]
    fn saved_work_survives_the_storage_upgrade() {
        use sls_encrypt::ui::services::storage;
        let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
        let before = r##"{"form":{"region":"cn-shanghai","key":"byok"},"lang":"zh","redact":true,"hash":"#v1=abc"}"##;
        local.set_item("sls-encrypt/v1", before).unwrap();
        let saved = storage::load().expect("readable");
        assert_eq!(Form::from_map(&saved.form).text(Field::Key), "byok");
        assert_eq!((saved.lang.map(|l| l.code()), saved.redact, saved.hash.as_str()), (Some("zh"), true, "#v1=abc"));
        storage::save(&saved);
        assert_eq!(local.get_item("sls-encrypt/v1").unwrap().as_deref(), Some(before));
        // A damaged part is skipped, the rest kept.
        local.set_item("sls-encrypt/v1", r#"{"form":{"region":"cn-beijing"},"lang":7,"redact":"yes"}"#).unwrap();
        let saved = storage::load().expect("readable");
        assert_eq!((saved.form.len(), saved.lang, saved.redact), (1, None, false));
        local.set_item("sls-encrypt/v1", "not json").unwrap();
        assert!(storage::load().is_none());
        local.remove_item("sls-encrypt/v1").unwrap();
    }

    #[wasm_bindgen_test]
    fn adopting_the_stored_conf_takes_its_key_and_algorithm() {
        let stored = json!({"enable": true, "encrypt_type": "m4",
            "user_cmk_info": {"cmk_key_id": "key-abc", "arn": "acs:ram::1234567890123456:role/r", "region_id": "cn-shanghai"}});
        let form = Form::default().with_encrypt_conf(&stored);
        let got: Vec<&str> = [Field::EncryptType, Field::Key, Field::RoleMode, Field::CmkKeyId, Field::CmkRegionId, Field::RoleArn]
            .iter()
            .map(|f| form.text(*f))
            .collect();
        assert_eq!(got, ["sm4", "byok", "existing", "key-abc", "cn-shanghai", "acs:ram::1234567890123456:role/r"]);
        let service = existing_role_form().with_encrypt_conf(&json!({"enable": false, "encrypt_type": "default"}));
        assert_eq!((service.text(Field::Key), service.text(Field::EncryptType)), ("service", "default"));
    }
}

mod crash {
    use sls_encrypt::ui::crash::{self, MESSAGE_EN, MESSAGE_ZH, RELOAD};
    use sls_encrypt::ui::state::{Field, Form, Val};
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen_test::*;

    /// A real panic, in a callback the browser calls (as an input event's would be): the hook
    /// shows the message in both languages with a Reload button and saves the last form.
    #[wasm_bindgen_test]
    async fn a_forced_panic_shows_the_recovery_message_and_keeps_the_form() {
        let window = web_sys::window().unwrap();
        let document = window.document().unwrap();
        window.local_storage().unwrap().unwrap().remove_item("sls-encrypt/v1").unwrap();
        let mut form = Form::default();
        form.set(Field::Region, Val::Text("cn-shanghai".into()));
        form.set(Field::Current, Val::Text("{\"logstoreName\": \"<b>not markup</b>\"}".into()));
        crash::remember(&Rc::new(form), sls_encrypt::ui::i18n::Lang::En, false);
        crash::install();
        let boom = Closure::once_into_js(|| -> () { panic!("forced panic for the test: <img src=x>") });
        window.set_timeout_with_callback_and_timeout_and_arguments_0(boom.unchecked_ref(), 0).unwrap();
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();

        let shown = document.query_selector("[data-crash]").unwrap().expect("the recovery message is shown");
        assert_eq!(shown.get_attribute("role").as_deref(), Some("alert"));
        let text = shown.text_content().unwrap();
        assert!(text.contains(MESSAGE_EN) && text.contains(MESSAGE_ZH), "{text}");
        assert!(text.contains("forced panic for the test: <img src=x>"), "the detail is text: {text}");
        assert!(shown.query_selector("img").unwrap().is_none(), "no markup from the message");
        let button = shown.query_selector("button[data-reload]").unwrap().expect("a Reload button");
        assert_eq!(button.text_content().as_deref(), Some(RELOAD));
        assert_eq!(document.active_element().as_ref(), Some(&button), "the Reload button has focus");
        let saved = window.local_storage().unwrap().unwrap().get_item("sls-encrypt/v1").unwrap().expect("the form is saved");
        assert!(saved.contains("cn-shanghai") && saved.contains("not markup"), "{saved}");
        assert!(window.location().hash().unwrap().starts_with("#v1="), "the form is in the URL");
    }
}
