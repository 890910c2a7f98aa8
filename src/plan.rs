//! The plan: what the core returns for an intent.

use crate::finding::{Finding, Severity};
use serde::Serialize;
use serde_json::{Map, Value};

/// Version of the intent and plan formats.
pub const FORMAT_VERSION: u32 = 1;

/// One HTTP request exactly as it goes on the wire, in the order it must be sent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Request {
    /// 1-based position in the sending order.
    pub step: usize,
    /// The API name, e.g. `UpdateLogStore`.
    pub api: &'static str,
    /// HTTP method.
    pub method: &'static str,
    /// Host name.
    pub host: String,
    /// Path.
    pub path: String,
    /// Query parameters (RAM parameters, all strings).
    pub query: Map<String, Value>,
    /// JSON body (SLS), or null.
    #[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(with = "Option<Map<String, Value>>"))]
    pub body: Option<Value>,
    /// What this request is for, in English.
    pub purpose: String,
    /// What this request is for, in Simplified Chinese.
    pub purpose_zh: String,
    /// The aliyun CLI command line that sends this request (requests only, not alternatives).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
}

/// What happens to one top-level field of the Logstore between `current` and the update body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct DiffEntry {
    /// The field's key.
    pub field: String,
    /// `kept`, `changed`, `added`, or `dropped`.
    pub change: &'static str,
    /// Value in `current`, if any.
    pub before: Option<Value>,
    /// Value in the body, if any.
    pub after: Option<Value>,
    /// Why, in English.
    pub reason: String,
    /// Why, in Simplified Chinese.
    pub reason_zh: String,
}

/// What a naive client would reset: the fields of `current` it would not send.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct BlastRadius {
    /// Which naive update: `encrypt_conf_only`, `python_sdk_update_logstore`, `go_sdk_update_logstore_v2`.
    pub client: &'static str,
    /// Description in English.
    pub description: String,
    /// Description in Simplified Chinese.
    pub description_zh: String,
    /// The fields it would reset or lose, with the value they have now.
    pub lost: Map<String, Value>,
}

/// How one field of the Logstore read back after the change compares with what was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldStatus {
    /// The Logstore has the value that was sent.
    Same,
    /// The Logstore has another value.
    Differs,
    /// The Logstore does not have the field at all.
    Missing,
}

impl FieldStatus {
    /// The wire name (`same`, `differs`, `missing`).
    pub fn as_str(self) -> &'static str {
        match self {
            FieldStatus::Same => "same",
            FieldStatus::Differs => "differs",
            FieldStatus::Missing => "missing",
        }
    }
}

/// One row of the verification: a top-level field of the sent body (or `encrypt_conf`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct VerifiedField {
    /// The field's key, e.g. `ttl`.
    pub field: String,
    /// The value sent (null when the body did not carry it: only ever `encrypt_conf`).
    pub expected: Option<Value>,
    /// The value read back (null when the Logstore does not have it).
    pub actual: Option<Value>,
    /// `same`, `differs` or `missing`.
    pub status: FieldStatus,
}

/// The Logstore read back after the change (`after`) against the body that was sent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Verification {
    /// True only when there is at least one row and every row is `same`.
    pub ok: bool,
    /// One row per top-level field of the sent body, plus `encrypt_conf`; empty when `after`
    /// could not be compared (unreadable, not a Logstore, or no body planned: see the findings).
    pub fields: Vec<VerifiedField>,
}

/// The plan document: findings, artifacts, ordered requests and exports.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Plan {
    /// Format version (1).
    pub version: u32,
    /// True when no finding has severity `error`.
    pub ok: bool,
    /// What the plan amounts to: `blocked` (errors), `nothing_to_send` (no error, but no request
    /// would change anything), or `ready`.
    pub state: &'static str,
    /// Every finding, most severe first.
    pub findings: Vec<Finding>,
    /// Resolved target: region, project, logstore, host.
    #[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(with = "Option<Map<String, Value>>"))]
    pub target: Option<Value>,
    /// The complete `encrypt_conf` to send.
    #[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(with = "Option<Map<String, Value>>"))]
    pub encrypt_conf: Option<Value>,
    /// The RAM role's trust policy (BYOK).
    #[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(with = "Option<Map<String, Value>>"))]
    pub trust_policy: Option<Value>,
    /// The PassRole policy for the RAM user (BYOK).
    #[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(with = "Option<Map<String, Value>>"))]
    pub passrole_policy: Option<Value>,
    /// Requests in sending order.
    pub requests: Vec<Request>,
    /// Other ways to reach the same result (e.g. the dedicated UpdateLogStoreEncryption API).
    pub alternatives: Vec<Request>,
    /// Field-by-field diff between `current` and the update body (update only).
    pub diff: Vec<DiffEntry>,
    /// What naive partial updates would reset (update only).
    pub blast_radius: Vec<BlastRadius>,
    /// Ready-to-paste forms: shell scripts, Terraform, SDK code, keyed by name.
    pub exports: Map<String, Value>,
    /// The Logstore read back after the change (`after`), checked against what was sent; `None`
    /// when no `after` was given.
    pub verification: Option<Verification>,
}

impl Plan {
    /// Sorts findings (most severe first, stable), sets `ok` and keeps at most
    /// [`crate::limits::MAX_FINDINGS`] of them.
    pub fn finish(mut self) -> Plan {
        self.version = FORMAT_VERSION;
        self.findings.sort_by_key(|f| f.severity);
        self.ok = !self.findings.iter().any(|f| f.severity == Severity::Error);
        crate::limits::cap_findings(&mut self.findings);
        self.state = match (self.ok, self.requests.is_empty()) {
            (false, _) => "blocked",
            (true, true) => "nothing_to_send",
            (true, false) => "ready",
        };
        self
    }

    /// The first request of the given API, if the plan has one.
    pub fn request(&self, api: &str) -> Option<&Request> {
        self.requests.iter().find(|r| r.api == api)
    }

    /// True when some finding has this code.
    pub fn has(&self, code: &str) -> bool {
        self.findings.iter().any(|f| f.code == code)
    }
}
