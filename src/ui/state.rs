//! The page's state: the form (one value per intent field), the language and the sharing
//! option, changed only through [`Action`]s by the reducer. The plan is never stored: it is
//! derived from [`Form::intent`] by the core on every change.

use crate::plan::Plan;
use crate::ui::i18n::{Lang, S};
use serde_json::{Map, Value, json};
use std::rc::Rc;
use yew::prelude::*;

/// The value of one form field: free text (inputs, textareas, radio choices) or a flag (checkboxes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    /// Text, or the chosen option of a radio group or select.
    Text(String),
    /// A checkbox.
    Flag(bool),
    /// A paste over [`crate::limits::MAX_PASTED_BYTES`], kept only as its size in bytes: the
    /// text itself is dropped at once, so megabytes never sit in the state, intent, storage or link.
    TooLarge(usize),
}

/// What kind of control a field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A text input or textarea.
    Text,
    /// A checkbox.
    Flag,
    /// One of a fixed set of options (radio group or select).
    Choice(&'static [&'static str]),
}

macro_rules! fields {
    ($( $(#[$doc:meta])* $name:ident = $key:literal, $pointer:literal, $kind:expr, $default:expr; )*) => {
        /// Every field of the form; each edits one intent field (its JSON pointer is public contract).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field { $( $(#[$doc])* $name, )* }

        impl Field {
            /// All fields, in form order.
            pub const ALL: &'static [Field] = &[ $( Field::$name, )* ];

            /// The short key used in share links and saved state.
            pub fn key(self) -> &'static str {
                match self { $( Field::$name => $key, )* }
            }

            /// The JSON pointer of the intent field this control edits (`data-field`).
            pub fn pointer(self) -> &'static str {
                match self { $( Field::$name => $pointer, )* }
            }

            /// The kind of control.
            pub fn kind(self) -> Kind {
                match self { $( Field::$name => $kind, )* }
            }

            /// The value a fresh page starts with.
            pub fn default_value(self) -> Val {
                match self { $( Field::$name => $default, )* }
            }
        }
    };
}

fn text(s: &str) -> Val {
    Val::Text(s.to_string())
}

fields! {
    /// Cloud Firewall preset or a custom project and Logstore.
    Target = "target", "/target/preset", Kind::Choice(&["cloud_firewall", "custom"]), text("cloud_firewall");
    /// The account id (UID).
    AccountId = "account", "/target/account_id", Kind::Text, text("");
    /// The region of the Logstore.
    Region = "region", "/target/region", Kind::Text, text("");
    /// The project (custom target).
    Project = "project", "/target/project", Kind::Text, text("");
    /// The Logstore (custom target).
    Logstore = "logstore", "/target/logstore", Kind::Text, text("");
    /// Update an existing Logstore or create one.
    Operation = "op", "/operation", Kind::Choice(&["update", "create"]), text("update");
    /// Service key or BYOK.
    Key = "key", "/encryption/key", Kind::Choice(&["service", "byok"]), text("service");
    /// The algorithm.
    EncryptType = "alg", "/encryption/encrypt_type", Kind::Choice(&["default", "sm4"]), text("default");
    /// Encryption on or off.
    Enable = "enable", "/encryption/enable", Kind::Flag, Val::Flag(true);
    /// BYOK: the CMK id.
    CmkKeyId = "cmk", "/encryption/cmk_key_id", Kind::Text, text("");
    /// BYOK: the CMK's region.
    CmkRegionId = "cmk_region", "/encryption/cmk_region_id", Kind::Text, text("");
    /// BYOK: create the role or use an existing one.
    RoleMode = "role", "/ram/create_role", Kind::Choice(&["new", "existing"]), text("new");
    /// BYOK: the new role's name.
    RoleName = "role_name", "/encryption/role_name", Kind::Text, text("");
    /// BYOK: the existing role's ARN.
    RoleArn = "role_arn", "/encryption/role_arn", Kind::Text, text("");
    /// BYOK: the existing role's trust policy, pasted.
    TrustPolicy = "trust", "/ram/current_trust_policy", Kind::Text, text("");
    /// BYOK: the RAM user who gets PassRole.
    UserName = "user", "/ram/user_name", Kind::Text, text("");
    /// BYOK: the PassRole policy's name.
    PassrolePolicyName = "policy", "/ram/passrole_policy_name", Kind::Text, text("");
    /// BYOK: PassRole on this role only or on any role.
    PassroleScope = "scope", "/ram/passrole_scope", Kind::Choice(&["role", "any"]), text("role");
    /// Update: the pasted GetLogStore response.
    Current = "current", "/current", Kind::Text, text("");
    /// Update: keep or drop fields nobody knows yet.
    UnknownFields = "unknown", "/unknown_fields", Kind::Choice(&["keep", "drop"]), text("keep");
    /// Create: retention in days.
    Ttl = "ttl", "/logstore/ttl", Kind::Text, text("30");
    /// Create: number of shards.
    ShardCount = "shards", "/logstore/shardCount", Kind::Text, text("2");
    /// Create: automatic shard splitting.
    AutoSplit = "auto_split", "/logstore/autoSplit", Kind::Flag, Val::Flag(true);
    /// Create: the most shards automatic splitting may reach.
    MaxSplitShard = "max_split", "/logstore/maxSplitShard", Kind::Text, text("64");
    /// Create: add receive time and client IP to every log.
    AppendMeta = "append_meta", "/logstore/appendMeta", Kind::Flag, Val::Flag(true);
    /// Create: web tracking.
    EnableTracking = "tracking", "/logstore/enable_tracking", Kind::Flag, Val::Flag(false);
    /// Create: days in hot storage.
    HotTtl = "hot_ttl", "/logstore/hot_ttl", Kind::Text, text("");
    /// Create: days in infrequent-access storage.
    InfrequentAccessTtl = "ia_ttl", "/logstore/infrequentAccessTTL", Kind::Text, text("");
    /// Create: `standard` or `query`.
    Mode = "mode", "/logstore/mode", Kind::Choice(&["", "standard", "query"]), text("");
    /// Create: `None` (logs) or `Metrics`.
    TelemetryType = "telemetry", "/logstore/telemetryType", Kind::Choice(&["", "None", "Metrics"]), text("");
    /// Verify: the GetLogStore response read after the requests were sent, pasted.
    After = "after", "/after", Kind::Text, text("");
}

impl Field {
    /// The field with this share key.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.key() == key)
    }

    /// The field whose control edits the intent field at `pointer` (or holds the pasted text
    /// that `pointer` points into).
    pub fn at(pointer: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| {
            let p = f.pointer();
            pointer == p || (f.is_pasted() && pointer.starts_with(p) && pointer[p.len()..].starts_with('/'))
        })
    }

    /// True for the fields that hold pasted JSON text (their findings carry line and column).
    pub fn is_pasted(self) -> bool {
        matches!(self, Field::Current | Field::TrustPolicy | Field::After)
    }

    /// The element id of the field's control (radio groups add the option).
    pub fn id(self) -> String {
        format!("f-{}", self.key())
    }

    /// The label shown for the field.
    pub fn label(self) -> S {
        match self {
            Field::Target => S::TargetLegend,
            Field::AccountId => S::AccountId,
            Field::Region => S::Region,
            Field::Project => S::Project,
            Field::Logstore => S::LogstoreName,
            Field::Operation => S::OperationLegend,
            Field::Key => S::KeyLegend,
            Field::EncryptType => S::AlgorithmLegend,
            Field::Enable => S::EnableLabel,
            Field::CmkKeyId => S::CmkKeyId,
            Field::CmkRegionId => S::CmkRegion,
            Field::RoleMode => S::RoleLegend,
            Field::RoleName => S::RoleName,
            Field::RoleArn => S::RoleArn,
            Field::TrustPolicy => S::TrustPolicyLabel,
            Field::UserName => S::UserName,
            Field::PassrolePolicyName => S::PassrolePolicyName,
            Field::PassroleScope => S::ScopeLegend,
            Field::Current => S::CurrentLabel,
            Field::UnknownFields => S::UnknownLegend,
            Field::Ttl => S::Ttl,
            Field::ShardCount => S::ShardCount,
            Field::AutoSplit => S::AutoSplit,
            Field::MaxSplitShard => S::MaxSplitShard,
            Field::AppendMeta => S::AppendMeta,
            Field::EnableTracking => S::EnableTracking,
            Field::HotTtl => S::HotTtl,
            Field::InfrequentAccessTtl => S::InfrequentAccessTtl,
            Field::Mode => S::Mode,
            Field::TelemetryType => S::TelemetryType,
            Field::After => S::AfterLabel,
        }
    }
}

/// The form: one value per [`Field`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    values: Vec<Val>,
}

impl Default for Form {
    fn default() -> Self {
        Form { values: Field::ALL.iter().map(|f| f.default_value()).collect() }
    }
}

fn index(field: Field) -> usize {
    Field::ALL.iter().position(|f| *f == field).unwrap_or(0)
}

impl Form {
    /// The field's value.
    pub fn get(&self, field: Field) -> &Val {
        &self.values[index(field)]
    }

    /// The field's text (empty for flags).
    pub fn text(&self, field: Field) -> &str {
        match self.get(field) {
            Val::Text(s) => s,
            Val::Flag(_) | Val::TooLarge(_) => "",
        }
    }

    /// The field's flag (false for text).
    pub fn flag(&self, field: Field) -> bool {
        matches!(self.get(field), Val::Flag(true))
    }

    /// True when the field's text equals `option`.
    pub fn is(&self, field: Field, option: &str) -> bool {
        self.text(field) == option
    }

    /// The size of the field's paste when it was over the limit (only its size is kept).
    pub fn too_large(&self, field: Field) -> Option<usize> {
        match self.get(field) {
            Val::TooLarge(bytes) => Some(*bytes),
            _ => None,
        }
    }

    /// Sets a field; a value of the wrong kind or an unknown option is ignored. A pasted text
    /// over [`crate::limits::MAX_PASTED_BYTES`] keeps only its size.
    pub fn set(&mut self, field: Field, value: Val) {
        let value = match value {
            Val::Text(s) if field.is_pasted() && s.len() > crate::limits::MAX_PASTED_BYTES => Val::TooLarge(s.len()),
            other => other,
        };
        let fits = match (field.kind(), &value) {
            (Kind::Text, Val::Text(_)) | (Kind::Flag, Val::Flag(_)) => true,
            (Kind::Text, Val::TooLarge(_)) => field.is_pasted(),
            (Kind::Choice(options), Val::Text(s)) => options.contains(&s.as_str()),
            _ => false,
        };
        if fits {
            self.values[index(field)] = value;
        }
    }

    /// True when the field takes part in the intent with the current choices.
    pub fn active(&self, field: Field) -> bool {
        let byok = self.is(Field::Key, "byok");
        let update = self.is(Field::Operation, "update");
        match field {
            Field::Project | Field::Logstore => self.is(Field::Target, "custom"),
            Field::CmkKeyId | Field::CmkRegionId | Field::RoleMode | Field::UserName | Field::PassrolePolicyName | Field::PassroleScope => {
                byok
            }
            Field::RoleName => byok && self.is(Field::RoleMode, "new"),
            Field::RoleArn | Field::TrustPolicy => byok && self.is(Field::RoleMode, "existing"),
            Field::Current | Field::UnknownFields => update,
            Field::Ttl
            | Field::ShardCount
            | Field::AutoSplit
            | Field::MaxSplitShard
            | Field::AppendMeta
            | Field::EnableTracking
            | Field::HotTtl
            | Field::InfrequentAccessTtl
            | Field::Mode
            | Field::TelemetryType => !update,
            _ => true,
        }
    }

    /// The intent for a page in `lang`: exports and the change ticket are written in it
    /// (`lang` is left out for English, the default).
    pub fn intent_in(&self, lang: Lang) -> Value {
        let mut intent = self.intent();
        if lang != Lang::En
            && let Value::Object(m) = &mut intent
        {
            m.insert("lang".into(), json!(lang.code()));
        }
        intent
    }

    /// The intent document this form describes (empty fields left out; pasted text kept as text).
    pub fn intent(&self) -> Value {
        let mut target = Map::new();
        put_text(&mut target, "region", self.text(Field::Region));
        put_text(&mut target, "account_id", self.text(Field::AccountId));
        if self.is(Field::Target, "cloud_firewall") {
            target.insert("preset".into(), json!("cloud_firewall"));
        } else {
            put_text(&mut target, "project", self.text(Field::Project));
            put_text(&mut target, "logstore", self.text(Field::Logstore));
        }
        let mut intent = Map::new();
        intent.insert("version".into(), json!(1));
        intent.insert("target".into(), Value::Object(target));
        intent.insert("operation".into(), json!(self.text(Field::Operation)));
        if self.active(Field::Current) {
            self.put_pasted(&mut intent, "current", Field::Current);
            intent.insert("unknown_fields".into(), json!(self.text(Field::UnknownFields)));
        } else {
            let mut logstore = Map::new();
            for (field, key) in [
                (Field::Ttl, "ttl"),
                (Field::ShardCount, "shardCount"),
                (Field::AutoSplit, "autoSplit"),
                (Field::MaxSplitShard, "maxSplitShard"),
                (Field::AppendMeta, "appendMeta"),
                (Field::EnableTracking, "enable_tracking"),
                (Field::HotTtl, "hot_ttl"),
                (Field::InfrequentAccessTtl, "infrequentAccessTTL"),
                (Field::Mode, "mode"),
                (Field::TelemetryType, "telemetryType"),
            ] {
                match self.get(field) {
                    Val::Flag(b) => {
                        logstore.insert(key.into(), json!(b));
                    }
                    Val::Text(s) if s.trim().is_empty() => {}
                    Val::TooLarge(_) => {}
                    Val::Text(s) => {
                        logstore.insert(key.into(), number_or_text(s, field.kind()));
                    }
                }
            }
            intent.insert("logstore".into(), Value::Object(logstore));
        }
        let mut encryption = Map::new();
        encryption.insert("enable".into(), json!(self.flag(Field::Enable)));
        encryption.insert("encrypt_type".into(), json!(self.text(Field::EncryptType)));
        encryption.insert("key".into(), json!(self.text(Field::Key)));
        if self.is(Field::Key, "byok") {
            put_text(&mut encryption, "cmk_key_id", self.text(Field::CmkKeyId));
            put_text(&mut encryption, "cmk_region_id", self.text(Field::CmkRegionId));
            let mut ram = Map::new();
            let new_role = self.is(Field::RoleMode, "new");
            ram.insert("create_role".into(), json!(new_role));
            if new_role {
                put_text(&mut encryption, "role_name", self.text(Field::RoleName));
            } else {
                put_text(&mut encryption, "role_arn", self.text(Field::RoleArn));
                self.put_pasted(&mut ram, "current_trust_policy", Field::TrustPolicy);
            }
            put_text(&mut ram, "user_name", self.text(Field::UserName));
            put_text(&mut ram, "passrole_policy_name", self.text(Field::PassrolePolicyName));
            ram.insert("passrole_scope".into(), json!(self.text(Field::PassroleScope)));
            intent.insert("ram".into(), Value::Object(ram));
        }
        intent.insert("encryption".into(), Value::Object(encryption));
        self.put_pasted(&mut intent, "after", Field::After);
        Value::Object(intent)
    }

    /// The form as a map of share keys to values: only fields that differ from a fresh page
    /// (and, unless `all`, only those that take part in the intent). `redact` leaves the account
    /// id out and masks it wherever else it appears.
    pub fn to_map(&self, all: bool, redact: bool) -> Map<String, Value> {
        self.to_map_within(all, redact, usize::MAX)
    }

    /// [`Form::to_map`] without the texts longer than `max_bytes` (never copied).
    pub fn to_map_within(&self, all: bool, redact: bool, max_bytes: usize) -> Map<String, Value> {
        let account = self.text(Field::AccountId).trim().to_string();
        let mut map = Map::new();
        for &field in Field::ALL {
            let value = self.get(field);
            if *value == field.default_value() || !(all || self.active(field)) {
                continue;
            }
            if (redact && field == Field::AccountId)
                || matches!(value, Val::Text(s) if s.len() > max_bytes)
                || matches!(value, Val::TooLarge(_))
            {
                continue;
            }
            let v = match value {
                Val::Flag(b) => json!(b),
                Val::Text(s) if redact && account.len() >= 4 => json!(s.replace(&account, REDACTED)),
                Val::Text(s) => json!(s),
                Val::TooLarge(_) => continue,
            };
            map.insert(field.key().into(), v);
        }
        map
    }

    /// The form that describes `intent` (the inverse of [`Form::intent`]), for intents sent by an
    /// embedding portal. Values of the wrong type are skipped; the core reports what is missing.
    pub fn from_intent(intent: &Value) -> Form {
        let mut form = Form::default();
        let at = |p: &str| intent.pointer(p).filter(|v| !v.is_null());
        let preset = at("/target/preset").and_then(Value::as_str) == Some("cloud_firewall");
        let custom = at("/target/project").is_some() || at("/target/logstore").is_some();
        form.set(Field::Target, text(if preset || !custom { "cloud_firewall" } else { "custom" }));
        let existing = match at("/ram/create_role") {
            Some(Value::Bool(create)) => !create,
            _ => at("/encryption/role_arn").is_some(),
        };
        form.set(Field::RoleMode, text(if existing { "existing" } else { "new" }));
        for &field in Field::ALL {
            if matches!(field, Field::Target | Field::RoleMode) {
                continue;
            }
            let val = match (field.kind(), at(field.pointer())) {
                (_, None) => continue,
                (Kind::Flag, Some(Value::Bool(b))) => Val::Flag(*b),
                (_, Some(Value::String(s))) => Val::Text(s.clone()),
                (Kind::Text, Some(Value::Number(n))) => Val::Text(n.to_string()),
                (Kind::Text, Some(v @ Value::Object(_))) => Val::Text(serde_json::to_string_pretty(v).unwrap_or_default()),
                _ => continue,
            };
            form.set(field, val);
        }
        if at("/current").is_none() && at("/logstore").is_some() {
            form.set(Field::Operation, text("create"));
        }
        form
    }

    /// The same form with the key settings of `conf` (an `encrypt_conf`, e.g. the one the plan
    /// allows): what the Logstore has is permanent, so the form takes it over; `enable` stays.
    pub fn with_encrypt_conf(&self, conf: &Value) -> Form {
        let mut form = self.clone();
        let ty = conf.get("encrypt_type").and_then(Value::as_str).unwrap_or("default");
        form.set(Field::EncryptType, text(if ty == "m4" { "sm4" } else { ty }));
        match conf.get("user_cmk_info").and_then(Value::as_object) {
            Some(info) => {
                form.set(Field::Key, text("byok"));
                form.set(Field::RoleMode, text("existing"));
                for (field, key) in [(Field::CmkKeyId, "cmk_key_id"), (Field::CmkRegionId, "region_id"), (Field::RoleArn, "arn")] {
                    form.set(field, Val::Text(info.get(key).and_then(Value::as_str).unwrap_or_default().to_string()));
                }
            }
            None => form.set(Field::Key, text("service")),
        }
        form
    }

    /// The form described by a map from [`Form::to_map`]; unknown keys and bad values are skipped.
    pub fn from_map(map: &Map<String, Value>) -> Form {
        let mut form = Form::default();
        for (key, value) in map {
            let Some(field) = Field::from_key(key) else { continue };
            let val = match value {
                Value::Bool(b) => Val::Flag(*b),
                Value::String(s) => Val::Text(s.clone()),
                _ => continue,
            };
            form.set(field, val);
        }
        form
    }
}

/// What replaces the account id in redacted share links.
pub const REDACTED: &str = "<account-id>";

fn put_text(map: &mut Map<String, Value>, key: &str, value: &str) {
    if !value.trim().is_empty() {
        map.insert(key.into(), json!(value.trim()));
    }
}

impl Form {
    /// Pasted text goes in verbatim (not trimmed) so line and column in findings match the
    /// textarea; a paste over the limit goes in as the core's stand-in with its size.
    fn put_pasted(&self, map: &mut Map<String, Value>, key: &str, field: Field) {
        match self.get(field) {
            Val::TooLarge(bytes) => {
                map.insert(key.into(), crate::limits::too_large_stand_in(*bytes));
            }
            Val::Text(value) if !value.trim().is_empty() => {
                map.insert(key.into(), json!(value));
            }
            _ => {}
        }
    }
}

/// A number when the text is a JSON number, otherwise the text (the core reports its type).
fn number_or_text(s: &str, kind: Kind) -> Value {
    if matches!(kind, Kind::Text)
        && let Ok(v @ Value::Number(_)) = serde_json::from_str::<Value>(s.trim())
    {
        return v;
    }
    json!(s.trim())
}

/// A short message shown once at the top of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The link in the address bar could not be read.
    BadLink,
    /// The link was made with account id redaction.
    RedactedLink,
    /// The form was reset.
    WasReset,
    /// The link left the pasted texts out (they were too long for a link).
    PasteOmitted,
    /// The form came from a shared link: its ids are someone else's choice until checked.
    FromLink,
}

/// Everything the page remembers.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The form, shared cheaply with the plan memo.
    pub form: Rc<Form>,
    /// The interface language.
    pub lang: Lang,
    /// Leave the account id out of share links.
    pub redact: bool,
    /// A message to show, if any.
    pub notice: Option<Notice>,
    /// Fields the user has changed since the page started or was reset: their missing-value
    /// errors show as errors; untouched ones are a neutral checklist of what to fill in.
    pub touched: Rc<std::collections::BTreeSet<Field>>,
    /// The user asked to check everything: every error shows as an error.
    pub asked: bool,
    /// The form before the last Reset, so it can be undone.
    pub undo: Option<Rc<Form>>,
}

impl Default for State {
    fn default() -> Self {
        State {
            form: Rc::new(Form::default()),
            lang: Lang::En,
            redact: false,
            notice: None,
            touched: Rc::default(),
            asked: false,
            undo: None,
        }
    }
}

impl State {
    /// True when a missing value at `field` is still only something to fill in, not an error:
    /// the field was not touched and the user did not ask to check everything.
    pub fn pending(&self, field: Field) -> bool {
        !self.asked && !self.touched.contains(&field)
    }
}

/// Every change the page can make to its state.
#[derive(Debug, Clone)]
pub enum Action {
    /// The user changed a field.
    Set(Field, Val),
    /// Back to a fresh form (language and sharing option kept).
    Reset,
    /// Replace the form (a link was opened).
    Load(Form, Option<Notice>),
    /// Switch the language.
    SetLang(Lang),
    /// Turn account id redaction in share links on or off.
    SetRedact(bool),
    /// Show a notice, keeping the form.
    Notify(Notice),
    /// Hide the notice.
    DismissNotice,
    /// Show every error as an error (the user asked for the plan).
    CheckAll,
    /// Restore the form as it was before the last Reset.
    UndoReset,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set(field, value) => {
                let mut form = (*next.form).clone();
                form.set(field, value);
                next.form = Rc::new(form);
                if !next.touched.contains(&field) {
                    let mut touched = (*next.touched).clone();
                    touched.insert(field);
                    next.touched = Rc::new(touched);
                }
                next.undo = None;
            }
            Action::Reset => {
                next.undo = Some(next.form.clone());
                next.form = Rc::new(Form::default());
                next.notice = Some(Notice::WasReset);
                next.touched = Rc::default();
                next.asked = false;
            }
            Action::Load(form, notice) => {
                // A form that was filled in elsewhere (a link, the last visit) is checked in full.
                next.asked = next.asked || form != Form::default();
                next.form = Rc::new(form);
                next.notice = notice;
            }
            Action::CheckAll => next.asked = true,
            Action::UndoReset => {
                if let Some(form) = next.undo.take() {
                    next.asked = *form != Form::default();
                    next.form = form;
                    next.notice = None;
                }
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::SetRedact(redact) => next.redact = redact,
            Action::Notify(notice) => next.notice = Some(notice),
            Action::DismissNotice => {
                next.notice = None;
                next.undo = None;
            }
        }
        Rc::new(next)
    }
}

/// What every component reads: a snapshot of the state, the derived plan and the dispatcher.
#[derive(Clone)]
pub struct AppContext {
    /// The state as of this render.
    pub state: Rc<State>,
    /// Sends actions to the reducer.
    pub dispatcher: UseReducerDispatcher<State>,
    /// The plan the core compiled from the state's form.
    pub plan: Rc<Plan>,
}

impl PartialEq for AppContext {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.state, &other.state);
        Rc::ptr_eq(&self.plan, &other.plan)
            && Rc::ptr_eq(&a.form, &b.form)
            && a.lang == b.lang
            && a.redact == b.redact
            && a.notice == b.notice
            && a.touched == b.touched
            && a.asked == b.asked
            && a.undo == b.undo
            && self.dispatcher == other.dispatcher
    }
}

impl AppContext {
    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.state.lang
    }

    /// A string in the interface language.
    pub fn t(&self, s: S) -> &'static str {
        s.text(self.state.lang)
    }

    /// Dispatches an action.
    pub fn dispatch(&self, action: Action) {
        self.dispatcher.dispatch(action);
    }

    /// True when the finding is a missing value on a field the user has not touched yet (and did
    /// not ask to check): shown as something to fill in, not as an error.
    pub fn is_pending(&self, f: &crate::finding::Finding) -> bool {
        f.code == "INT005" && Field::at(&f.path).is_some_and(|field| self.state.pending(field))
    }

    /// True when some error is shown as an error (not only fields left to fill in).
    pub fn shows_errors(&self) -> bool {
        self.plan.findings.iter().any(|f| f.severity == crate::finding::Severity::Error && !self.is_pending(f))
    }

    /// The findings whose path is the field's pointer (or inside it, for pasted text).
    pub fn findings_for(&self, field: Field) -> Vec<&crate::finding::Finding> {
        let p = field.pointer();
        let inside = field.is_pasted();
        self.plan
            .findings
            .iter()
            .filter(|f| f.path == p || (inside && f.path.starts_with(p) && f.path[p.len()..].starts_with('/')))
            .filter(|f| !self.is_pending(f))
            .collect()
    }
}
