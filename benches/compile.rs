//! `cargo bench`: median time of one full compile of a BYOK update intent (Cloud Firewall Logstore,
//! pasted GetLogStore text and trust policy), the work the app does on every keystroke.

use std::time::{Duration, Instant};

fn main() {
    let mut intent: serde_json::Value = serde_json::from_str(include_str!("../examples/byok-update-cloud-firewall.json")).unwrap();
    intent["current"] = serde_json::Value::String(serde_json::to_string_pretty(&intent["current"]).unwrap());
    intent["ram"]["create_role"] = false.into();
    intent["ram"]["current_trust_policy"] =
        r#"{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}]}"#.into();
    let text = intent.to_string();
    for _ in 0..200 {
        std::hint::black_box(sls_encrypt::compile_text(&text));
    }
    let mut times: Vec<Duration> = (0..2000)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(sls_encrypt::compile_text(std::hint::black_box(&text)));
            t.elapsed()
        })
        .collect();
    times.sort();
    let pct = |p: usize| times[times.len() * p / 100];
    println!("core compile (BYOK update, text intent of {} bytes), 2000 runs:", text.len());
    println!("  median {:?}   p90 {:?}   p99 {:?}   min {:?}", pct(50), pct(90), pct(99), times[0]);
}
