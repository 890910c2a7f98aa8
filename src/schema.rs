//! JSON Schemas (2020-12) of the intent and the plan, derived from Rust types with schemars:
//! `sls-encrypt schema intent|plan` prints them, `www/lib/` keeps the generated copies that the
//! portal module ships (with TypeScript types generated from them). Native builds only.
//!
//! The intent is read by a hand-written reader (`intent.rs`) that reports every problem as a
//! finding; the types here describe its wire shape, field by field, for validators and editors.

use crate::choice::{Algorithm, Choice, KeyKind, LogstoreMode, Operation, PassRoleScope, TargetKind, TelemetryType, UnknownFields};
use crate::finding::Lang;
use schemars::JsonSchema;
use serde_json::{Map, Value};

/// An intent: what you want done to one Logstore's encryption (format version 1).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Intent")]
pub struct Intent {
    /// The schema this file follows, for editor completion; the reader ignores it.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// Format version: 1.
    #[schemars(extend("const" = 1))]
    pub version: Option<u32>,
    /// Which Logstore, where.
    pub target: Option<IntentTarget>,
    /// UpdateLogStore an existing Logstore (default), or CreateLogStore a new one.
    pub operation: Option<Operation>,
    /// The GetLogStore response, verbatim (required for update): an object or its pasted text.
    pub current: Option<Pasted>,
    /// The new Logstore's settings, by their wire names (required for create).
    pub logstore: Option<LogstoreSettings>,
    /// The encryption wanted.
    pub encryption: Option<IntentEncryption>,
    /// The RAM side of BYOK.
    pub ram: Option<IntentRam>,
    /// GetLogStore fields nobody knows yet: kept (default) or dropped, never silently.
    pub unknown_fields: Option<UnknownFields>,
    /// Language of the exports' comments and of the change ticket (default en).
    pub lang: Option<Lang>,
    /// The GetLogStore response read after the requests were sent, to verify the change.
    pub after: Option<Pasted>,
}

/// Which Logstore, where.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IntentTarget {
    /// Region id of the SLS endpoint, e.g. `cn-hangzhou`.
    pub region: Option<String>,
    /// The 16-digit Alibaba Cloud account id.
    pub account_id: Option<String>,
    /// The project name (from the preset when one is chosen).
    pub project: Option<String>,
    /// The Logstore name (from the preset when one is chosen).
    pub logstore: Option<String>,
    /// `cloud_firewall` fills the Cloud Firewall project and Logstore.
    pub preset: Option<Preset>,
}

/// A pasted document: the object, or its text as the API or CLI printed it (findings then point into the text).
#[derive(JsonSchema)]
#[serde(untagged)]
pub enum Pasted {
    /// The document as JSON.
    Object(Map<String, Value>),
    /// The document's text.
    Text(String),
}

/// A new Logstore's settings (wire names), or their text.
#[derive(JsonSchema)]
#[serde(untagged)]
pub enum LogstoreSettings {
    /// The settings as JSON.
    Object(Box<LogstoreFields>),
    /// The settings' text.
    Text(String),
}

/// The CreateLogStore settings the planner knows; other fields are passed on.
#[derive(JsonSchema)]
#[allow(non_snake_case)]
pub struct LogstoreFields {
    /// Data retention in days.
    pub ttl: Option<i64>,
    /// Number of shards.
    pub shardCount: Option<i64>,
    /// Split shards automatically.
    pub autoSplit: Option<bool>,
    /// Most shards an automatic split may reach.
    pub maxSplitShard: Option<i64>,
    /// Add the receive time and client IP.
    pub appendMeta: Option<bool>,
    /// Web tracking.
    pub enable_tracking: Option<bool>,
    /// Days in hot storage.
    pub hot_ttl: Option<i64>,
    /// Days in infrequent-access storage.
    pub infrequentAccessTTL: Option<i64>,
    /// `standard` or `query`.
    pub mode: Option<LogstoreMode>,
    /// `None` (logs) or `Metrics`.
    pub telemetryType: Option<TelemetryType>,
    /// The sharding policy, as the API takes it.
    pub shardingPolicy: Option<Map<String, Value>>,
    /// Any other field, passed on as given.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The encryption wanted.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IntentEncryption {
    /// Encryption on (default) or off.
    pub enable: Option<bool>,
    /// The algorithm: `default` (AES) or `sm4`.
    pub encrypt_type: Option<Algorithm>,
    /// Service key (default) or your own CMK.
    pub key: Option<KeyKind>,
    /// The KMS CMK id (`key-…` or a UUID): required for BYOK.
    pub cmk_key_id: Option<String>,
    /// The CMK's region: must equal the target region (default).
    pub cmk_region_id: Option<String>,
    /// The role Log Service assumes (default `sls-byok-kms-role`).
    pub role_name: Option<String>,
    /// The role's ARN (built from the account id when only the name is given).
    pub role_arn: Option<String>,
}

/// The RAM side of BYOK.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IntentRam {
    /// Create the role (default unless `role_arn` is given), or use an existing one.
    pub create_role: Option<bool>,
    /// The RAM user who sends the update: gets the PassRole policy.
    pub user_name: Option<String>,
    /// Name of the PassRole policy (default `sls-byok-passrole`).
    pub passrole_policy_name: Option<String>,
    /// `role` names exactly the role ARN (default); `any` is every role.
    pub passrole_scope: Option<PassRoleScope>,
    /// The existing role's trust policy (object, its text, or the GetRole response).
    pub current_trust_policy: Option<Pasted>,
}

/// The schema of `T` (2020-12), without the Rust integer widths (`"format": "uint32"`), which
/// no JSON validator knows.
fn schema_for<T: JsonSchema>(written: bool) -> Value {
    fn tidy(v: &mut Value) {
        match v {
            Value::Object(o) => {
                if o.get("format").and_then(Value::as_str).is_some_and(|f| f.starts_with("int") || f.starts_with("uint")) {
                    o.remove("format");
                }
                o.values_mut().for_each(tidy);
            }
            Value::Array(a) => a.iter_mut().for_each(tidy),
            _ => {}
        }
    }
    let settings = schemars::generate::SchemaSettings::draft2020_12();
    let settings = if written { settings.for_serialize() } else { settings };
    let mut schema = settings.into_generator().into_root_schema_for::<T>().to_value();
    tidy(&mut schema);
    schema
}

/// The intent's JSON Schema (2020-12).
pub fn intent() -> Value {
    schema_for::<Intent>(false)
}

/// `JsonSchema` for the core's enums that travel as fixed strings (`ALL`, `as_str`): a string
/// schema listing every value, so a portal's types know them.
macro_rules! wire_schema {
    ($($ty:path => $name:literal, $doc:literal;)*) => {$(
        impl JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let values: Vec<&str> = <$ty>::ALL.iter().map(|v| v.as_str()).collect();
                schemars::json_schema!({ "type": "string", "enum": values, "description": $doc })
            }
        }
    )*};
}

wire_schema! {
    crate::finding::Code => "Code", "A stable finding code (see docs/findings.json).";
    crate::plan::Api => "Api", "An API a request calls, by its name.";
    crate::plan::Change => "Change", "What happens to a field of the Logstore in the update body.";
    crate::plan::NaiveClient => "NaiveClient", "A naive partial update whose blast radius is shown.";
    crate::plan::PlanState => "PlanState", "What the plan amounts to: blocked (errors), nothing_to_send, or ready.";
}

/// `JsonSchema` for the intent's choices ([`Choice`]): a string schema listing the wire values
/// the reader accepts, from the same table it reads them with.
macro_rules! choice_schema {
    ($($ty:ty => $name:literal, $doc:literal;)*) => {$(
        impl JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": <$ty as Choice>::WIRE, "description": $doc })
            }
        }
    )*};
}

choice_schema! {
    Operation => "Operation", "Update an existing Logstore (UpdateLogStore) or create a new one (CreateLogStore).";
    KeyKind => "KeyKind", "Whose key encrypts the data: the service key or your own KMS CMK (BYOK).";
    Algorithm => "Algorithm", "The encryption algorithm: default (AES) or sm4.";
    PassRoleScope => "PassRoleScope", "What the PassRole policy allows: exactly the role, or any role (acs:ram::*).";
    UnknownFields => "UnknownFields", "GetLogStore fields nobody knows yet: kept in the update body, or dropped.";
    LogstoreMode => "LogstoreMode", "A new Logstore's mode.";
    TelemetryType => "TelemetryType", "A new Logstore's telemetry type: None (logs) or Metrics.";
    Lang => "Lang", "A language: en (English) or zh (Simplified Chinese).";
}

/// A preset target: the values of `target.preset`.
pub struct Preset;

impl JsonSchema for Preset {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Preset".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "enum": TargetKind::PRESETS,
            "description": "cloud_firewall: project cloudfirewall-project-<account_id>-<region>, Logstore cloudfirewall-logstore.",
        })
    }
}

/// The plan's JSON Schema (2020-12), as the core writes it: every field is present.
pub fn plan() -> Value {
    schema_for::<crate::Plan>(true)
}
