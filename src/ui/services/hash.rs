//! The share link: the form's non-default fields in the URL hash as `#v1=` + base64url(JSON).

use serde_json::{Map, Value};
use wasm_bindgen::JsValue;

/// The prefix of a version 1 share link.
pub const PREFIX: &str = "#v1=";

/// The key that marks a link made with the account id left out.
pub const REDACTED_KEY: &str = "redacted";

/// The key that marks a link whose pasted texts were left out (too long for a link).
pub const OMITTED_KEY: &str = "paste_omitted";

/// The longest hash written; longer states leave the pasted texts out of the link.
pub const MAX_LEN: usize = 60_000;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16) | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8) | u32::from(*chunk.get(2).unwrap_or(&0));
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url (padding and the standard alphabet's `+/` tolerated); `None` when malformed.
pub fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes().filter(|c| *c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The hash for a form map (empty map: `#v1=`).
pub fn encode(map: &Map<String, Value>) -> String {
    if map.is_empty() {
        return PREFIX.to_string();
    }
    let json = Value::Object(map.clone()).to_string();
    format!("{PREFIX}{}", base64url(json.as_bytes()))
}

/// Reads a hash: `None` when it is no share link at all, `Some(Err)` when it looks like one
/// but cannot be read (cut off, or another version), `Some(Ok(map))` otherwise.
pub fn decode(hash: &str) -> Option<Result<Map<String, Value>, ()>> {
    let hash = hash.trim();
    if let Some(payload) = hash.strip_prefix(PREFIX) {
        if payload.is_empty() {
            return Some(Ok(Map::new()));
        }
        let bytes = unbase64url(payload);
        let value = bytes.as_deref().and_then(|b| serde_json::from_slice::<Value>(b).ok());
        return Some(match value {
            Some(Value::Object(map)) => Ok(map),
            _ => Err(()),
        });
    }
    let versioned = hash
        .strip_prefix("#v")
        .is_some_and(|rest| rest.split('=').next().is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())));
    versioned.then_some(Err(()))
}

/// The current URL hash (with its `#`), or empty.
pub fn current() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Replaces the URL hash without adding a history entry (and without a hashchange event).
pub fn replace(hash: &str) {
    let Some(window) = web_sys::window() else { return };
    if current() == hash {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(hash));
    }
}

/// The page's full address with this hash (for the share link).
pub fn full_url(hash: &str) -> String {
    let Some(window) = web_sys::window() else { return hash.to_string() };
    let location = window.location();
    let href = location.href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{hash}")
}
