//! The plan: what the core returns for an intent.

use crate::finding::t;
use crate::finding::{Code, Finding, Severity, Text};
use crate::intent::Operation;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Version of the intent and plan formats.
pub const FORMAT_VERSION: u32 = 1;

/// An enum whose values travel as fixed strings: `ALL`, `as_str`, `Display`, serialization as
/// the string, and comparison with a string (for tests and embedders holding plan JSON).
macro_rules! wire_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $( $(#[$doc:meta])* $variant:ident = $wire:expr, )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name { $( $(#[$doc])* $variant, )* }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];

            /// The wire string.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $wire, )* }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }
    };
}

wire_enum! {
    /// Every API a plan's requests and alternatives call; the wire name is the API's name.
    pub enum Api {
        /// RAM CreateRole: the role Log Service assumes.
        CreateRole = stringify!(CreateRole),
        /// RAM UpdateRole: the existing role's trust policy, with Log Service merged in.
        UpdateRole = stringify!(UpdateRole),
        /// RAM AttachPolicyToRole: a KMS grant for the role.
        AttachPolicyToRole = stringify!(AttachPolicyToRole),
        /// RAM CreatePolicy: the PassRole policy.
        CreatePolicy = stringify!(CreatePolicy),
        /// RAM AttachPolicyToUser: the PassRole policy for the RAM user.
        AttachPolicyToUser = stringify!(AttachPolicyToUser),
        /// SLS GetLogStore: read the Logstore.
        GetLogStore = stringify!(GetLogStore),
        /// SLS UpdateLogStore: send the whole configuration back.
        UpdateLogStore = stringify!(UpdateLogStore),
        /// SLS CreateLogStore.
        CreateLogStore = stringify!(CreateLogStore),
        /// SLS UpdateLogStoreEncryption: the dedicated encryption API (an alternative).
        UpdateLogStoreEncryption = stringify!(UpdateLogStoreEncryption),
    }
}

impl Api {
    /// The HTTP method the API is sent with.
    pub fn method(self) -> &'static str {
        match self {
            Api::GetLogStore => "GET",
            Api::UpdateLogStore | Api::UpdateLogStoreEncryption => "PUT",
            _ => "POST",
        }
    }

    /// True for a RAM API (RPC style, on the RAM host).
    pub fn is_ram(self) -> bool {
        matches!(self, Api::CreateRole | Api::UpdateRole | Api::AttachPolicyToRole | Api::CreatePolicy | Api::AttachPolicyToUser)
    }

    /// True for the SLS request that writes the Logstore (UpdateLogStore or CreateLogStore).
    pub fn writes_logstore(self) -> bool {
        matches!(self, Api::UpdateLogStore | Api::CreateLogStore)
    }
}

/// One HTTP request exactly as it goes on the wire, in the order it must be sent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Request {
    /// 1-based position in the sending order.
    pub step: usize,
    /// The API, serialized as its name, e.g. `UpdateLogStore`.
    pub api: Api,
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
    pub purpose: Cow<'static, str>,
    /// What this request is for, in Simplified Chinese.
    pub purpose_zh: Cow<'static, str>,
    /// The aliyun CLI command line that sends this request (requests only, not alternatives).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
}

impl Request {
    /// The URL the request goes to: `https://{host}{path}`.
    pub fn url(&self) -> String {
        format!("https://{}{}", self.host, self.path)
    }

    /// The request line as people read it: `{method} https://{host}{path}`.
    pub fn request_line(&self) -> String {
        format!("{} {}", self.method, self.url())
    }

    /// The request as it goes on the wire, as one JSON object: `api`, `method`, `host`, `path`,
    /// then `query` (when it has parameters) and `body` (when it has one).
    pub fn wire(&self) -> Value {
        let mut whole = Map::new();
        whole.insert("api".into(), Value::from(self.api.as_str()));
        whole.insert("method".into(), Value::from(self.method));
        whole.insert("host".into(), Value::from(self.host.as_str()));
        whole.insert("path".into(), Value::from(self.path.as_str()));
        if !self.query.is_empty() {
            whole.insert("query".into(), Value::Object(self.query.clone()));
        }
        if let Some(body) = &self.body {
            whole.insert("body".into(), body.clone());
        }
        Value::Object(whole)
    }
}

wire_enum! {
    /// What happens to one top-level field of the Logstore in the update body.
    pub enum Change {
        /// Sent as the Logstore has it.
        Kept = "kept",
        /// Sent with another value.
        Changed = "changed",
        /// Sent, and the Logstore does not have it yet.
        Added = "added",
        /// Not sent.
        Dropped = "dropped",
    }
}

impl Change {
    /// How the diff names it, in English and Simplified Chinese.
    pub fn label(self) -> Text {
        match self {
            Change::Kept => t!(self.as_str(), "保留"),
            Change::Changed => t!(self.as_str(), "修改"),
            Change::Added => t!(self.as_str(), "新增"),
            Change::Dropped => t!(self.as_str(), "去掉"),
        }
    }

    /// How the diff names it in `lang` (the [`Change::label`] text, without allocating).
    pub fn label_in(self, lang: crate::finding::Lang) -> &'static str {
        let zh = match self {
            Change::Kept => "保留",
            Change::Changed => "修改",
            Change::Added => "新增",
            Change::Dropped => "去掉",
        };
        lang.pick(self.as_str(), zh)
    }
}

/// What happens to one top-level field of the Logstore between `current` and the update body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct DiffEntry {
    /// The field's key.
    pub field: String,
    /// `kept`, `changed`, `added`, or `dropped`.
    pub change: Change,
    /// Value in `current`, if any.
    pub before: Option<Value>,
    /// Value in the body, if any.
    pub after: Option<Value>,
    /// Why, in English.
    pub reason: Cow<'static, str>,
    /// Why, in Simplified Chinese.
    pub reason_zh: Cow<'static, str>,
}

wire_enum! {
    /// A naive way to update a Logstore, whose losses the blast radius lists.
    pub enum NaiveClient {
        /// An UpdateLogStore body with only logstoreName and encrypt_conf.
        EncryptConfOnly = "encrypt_conf_only",
        /// aliyun-log-python-sdk's update_logstore.
        PythonSdkUpdateLogstore = "python_sdk_update_logstore",
        /// aliyun-log-go-sdk's UpdateLogStoreV2.
        GoSdkUpdateLogstoreV2 = "go_sdk_update_logstore_v2",
    }
}

/// What a naive client would reset: the fields of `current` it would not send.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct BlastRadius {
    /// Which naive update: `encrypt_conf_only`, `python_sdk_update_logstore`, `go_sdk_update_logstore_v2`.
    pub client: NaiveClient,
    /// Description in English.
    pub description: Cow<'static, str>,
    /// Description in Simplified Chinese.
    pub description_zh: Cow<'static, str>,
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

wire_enum! {
    /// What a plan amounts to.
    #[derive(Default)]
    pub enum PlanState {
        /// Errors: nothing should be sent.
        #[default]
        Blocked = "blocked",
        /// No error, but no request would change anything.
        NothingToSend = "nothing_to_send",
        /// Requests to send.
        Ready = "ready",
    }
}

/// The resolved target of a plan: where its requests go.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Target {
    /// Region id, when valid.
    pub region: Option<String>,
    /// Account id, when valid.
    pub account_id: Option<String>,
    /// Project name (filled by the Cloud Firewall preset).
    pub project: Option<String>,
    /// Logstore name (filled by the Cloud Firewall preset).
    pub logstore: Option<String>,
    /// The SLS endpoint host of the project.
    pub host: Option<String>,
    /// Update or create.
    pub operation: Operation,
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
    pub state: PlanState,
    /// Every finding, most severe first.
    pub findings: Vec<Finding>,
    /// Resolved target: region, project, logstore, host.
    pub target: Option<Target>,
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
            (false, _) => PlanState::Blocked,
            (true, true) => PlanState::NothingToSend,
            (true, false) => PlanState::Ready,
        };
        self
    }

    /// The first request of the given API (an [`Api`], or its name), if the plan has one.
    pub fn request<A>(&self, api: A) -> Option<&Request>
    where
        Api: PartialEq<A>,
    {
        self.requests.iter().find(|r| r.api == api)
    }

    /// True when some finding has this code (a [`Code`], or its string).
    pub fn has<C>(&self, code: C) -> bool
    where
        Code: PartialEq<C>,
    {
        self.findings.iter().any(|f| f.code == code)
    }

    /// True when some finding has one of these codes.
    pub fn has_any(&self, codes: &[Code]) -> bool {
        self.findings.iter().any(|f| codes.contains(&f.code))
    }

    /// The request that writes the Logstore (UpdateLogStore or CreateLogStore), if any.
    pub fn logstore_write(&self) -> Option<&Request> {
        self.requests.iter().find(|r| r.api.writes_logstore())
    }
}
