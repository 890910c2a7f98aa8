//! The page's state: the form (one value per intent field), the language and the sharing
//! option, changed only through [`Action`]s by the reducer. The plan is never stored: it is
//! derived from [`Form::intent`] by the core on every change.

use crate::choice::{
    Algorithm, Choice, KeyKind, LogstoreMode, Operation, PassRoleScope, RoleMode, TargetKind, TelemetryType, UnknownFields,
};
use crate::encryption::EncryptConf;
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

/// What kind of control a field is, and how its value is written into the intent.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A text input: written trimmed, left out when blank.
    Text,
    /// A text input for a number: written as a JSON number when the text is one (otherwise as
    /// the text, and the core reports its type), left out when blank.
    Number,
    /// A checkbox: written as a boolean.
    Flag,
    /// One of a fixed set of options (radio group or select), from the core's [`Choice`] enums.
    Choice(Options),
    /// A textarea for pasted JSON: written verbatim (line and column in findings match it), left
    /// out when blank; findings inside it belong to it.
    Pasted,
}

/// The options of a choice: each wire value (from the core) with its label (`None`: the value
/// itself is shown).
pub type Options = fn() -> Vec<(&'static str, Option<S>)>;

/// The label of each value of a [`Choice`].
pub trait Labelled: Choice {
    /// The label (`None`: the value itself is shown).
    fn label(self) -> Option<S>;
}

macro_rules! labels {
    ($( $choice:ty { $( $variant:ident => $label:expr ),* $(,)? } )*) => { $(
        impl Labelled for $choice {
            fn label(self) -> Option<S> {
                match self { $( <$choice>::$variant => $label, )* }
            }
        }
    )* };
}

labels! {
    TargetKind { CloudFirewall => Some(S::TargetCloudFirewall), Custom => Some(S::TargetCustom) }
    Operation { Update => Some(S::OpUpdate), Create => Some(S::OpCreate) }
    KeyKind { Service => Some(S::KeyService), Byok => Some(S::KeyByok) }
    Algorithm { Default => Some(S::AlgDefault), Sm4 => Some(S::AlgSm4) }
    RoleMode { New => Some(S::RoleNew), Existing => Some(S::RoleExisting) }
    PassRoleScope { Role => Some(S::ScopeRole), Any => Some(S::ScopeAny) }
    UnknownFields { Keep => Some(S::UnknownKeep), Drop => Some(S::UnknownDrop) }
    LogstoreMode { Standard => None, Query => None }
    TelemetryType { Logs => Some(S::TelemetryNone), Metrics => Some(S::TelemetryMetrics) }
}

/// The options of a choice the user must make.
fn options<C: Labelled>() -> Vec<(&'static str, Option<S>)> {
    C::ALL.iter().map(|c| (c.wire(), c.label())).collect()
}

/// The options of a choice that may be left unset (the first option, empty).
fn optional<C: Labelled>() -> Vec<(&'static str, Option<S>)> {
    std::iter::once(("", Some(S::NotSet))).chain(options::<C>()).collect()
}

macro_rules! fields {
    ($( $(#[$doc:meta])* $name:ident = $key:literal, $pointer:literal, $kind:expr, $default:expr; )*) => {
        /// Every field of the form; each edits one intent field (its JSON pointer is public contract).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field { $( $(#[$doc])* $name, )* }

        impl Field {
            /// All fields, in form order (the order the intent is written in).
            pub const ALL: &'static [Field] = &[ $( Field::$name, )* ];

            /// The short key used in share links and saved state.
            pub fn key(self) -> &'static str {
                match self { $( Field::$name => $key, )* }
            }

            /// The JSON pointer of the intent field this control edits (`data-field`): the one
            /// table the form writes the intent with and reads it back from.
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

fn pick<C: Choice>(c: C) -> Val {
    Val::Text(c.wire().to_string())
}

fields! {
    /// Cloud Firewall preset or a custom project and Logstore.
    Target = "target", "/target/preset", Kind::Choice(options::<TargetKind>), pick(TargetKind::CloudFirewall);
    /// The account id (UID).
    AccountId = "account", "/target/account_id", Kind::Text, text("");
    /// The region of the Logstore.
    Region = "region", "/target/region", Kind::Text, text("");
    /// The project (custom target).
    Project = "project", "/target/project", Kind::Text, text("");
    /// The Logstore (custom target).
    Logstore = "logstore", "/target/logstore", Kind::Text, text("");
    /// Update an existing Logstore or create one.
    Operation = "op", "/operation", Kind::Choice(options::<Operation>), pick(Operation::Update);
    /// Service key or BYOK.
    Key = "key", "/encryption/key", Kind::Choice(options::<KeyKind>), pick(KeyKind::Service);
    /// The algorithm.
    EncryptType = "alg", "/encryption/encrypt_type", Kind::Choice(options::<Algorithm>), pick(Algorithm::Default);
    /// Encryption on or off.
    Enable = "enable", "/encryption/enable", Kind::Flag, Val::Flag(true);
    /// BYOK: the CMK id.
    CmkKeyId = "cmk", "/encryption/cmk_key_id", Kind::Text, text("");
    /// BYOK: the CMK's region.
    CmkRegionId = "cmk_region", "/encryption/cmk_region_id", Kind::Text, text("");
    /// BYOK: create the role or use an existing one.
    RoleMode = "role", "/ram/create_role", Kind::Choice(options::<RoleMode>), pick(RoleMode::New);
    /// BYOK: the new role's name.
    RoleName = "role_name", "/encryption/role_name", Kind::Text, text("");
    /// BYOK: the existing role's ARN.
    RoleArn = "role_arn", "/encryption/role_arn", Kind::Text, text("");
    /// BYOK: the existing role's trust policy, pasted.
    TrustPolicy = "trust", "/ram/current_trust_policy", Kind::Pasted, text("");
    /// BYOK: the RAM user who gets PassRole.
    UserName = "user", "/ram/user_name", Kind::Text, text("");
    /// BYOK: the PassRole policy's name.
    PassrolePolicyName = "policy", "/ram/passrole_policy_name", Kind::Text, text("");
    /// BYOK: PassRole on this role only or on any role.
    PassroleScope = "scope", "/ram/passrole_scope", Kind::Choice(options::<PassRoleScope>), pick(PassRoleScope::Role);
    /// Update: the pasted GetLogStore response.
    Current = "current", "/current", Kind::Pasted, text("");
    /// Update: keep or drop fields nobody knows yet.
    UnknownFields = "unknown", "/unknown_fields", Kind::Choice(options::<UnknownFields>), pick(UnknownFields::Keep);
    /// Create: retention in days.
    Ttl = "ttl", "/logstore/ttl", Kind::Number, text("30");
    /// Create: number of shards.
    ShardCount = "shards", "/logstore/shardCount", Kind::Number, text("2");
    /// Create: automatic shard splitting.
    AutoSplit = "auto_split", "/logstore/autoSplit", Kind::Flag, Val::Flag(true);
    /// Create: the most shards automatic splitting may reach.
    MaxSplitShard = "max_split", "/logstore/maxSplitShard", Kind::Number, text("64");
    /// Create: add receive time and client IP to every log.
    AppendMeta = "append_meta", "/logstore/appendMeta", Kind::Flag, Val::Flag(true);
    /// Create: web tracking.
    EnableTracking = "tracking", "/logstore/enable_tracking", Kind::Flag, Val::Flag(false);
    /// Create: days in hot storage.
    HotTtl = "hot_ttl", "/logstore/hot_ttl", Kind::Number, text("");
    /// Create: days in infrequent-access storage.
    InfrequentAccessTtl = "ia_ttl", "/logstore/infrequentAccessTTL", Kind::Number, text("");
    /// Create: `standard` or `query`.
    Mode = "mode", "/logstore/mode", Kind::Choice(optional::<LogstoreMode>), text("");
    /// Create: `None` (logs) or `Metrics`.
    TelemetryType = "telemetry", "/logstore/telemetryType", Kind::Choice(optional::<TelemetryType>), text("");
    /// Verify: the GetLogStore response read after the requests were sent, pasted.
    After = "after", "/after", Kind::Pasted, text("");
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
            pointer == p || (f.is_pasted() && crate::pointer::is_within(pointer, p))
        })
    }

    /// True for the fields that hold pasted JSON text (their findings carry line and column).
    pub fn is_pasted(self) -> bool {
        matches!(self.kind(), Kind::Pasted)
    }

    /// The options of a choice (none for other fields).
    pub fn options(self) -> Vec<(&'static str, Option<S>)> {
        match self.kind() {
            Kind::Choice(options) => options(),
            _ => Vec::new(),
        }
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

    /// True when the choice at `field` is `option`.
    pub fn is<C: Choice>(&self, field: Field, option: C) -> bool {
        self.text(field) == option.wire()
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
            (Kind::Text | Kind::Number | Kind::Pasted, Val::Text(_)) | (Kind::Flag, Val::Flag(_)) | (Kind::Pasted, Val::TooLarge(_)) => {
                true
            }
            (Kind::Choice(options), Val::Text(s)) => options().iter().any(|(o, _)| o == s),
            _ => false,
        };
        if fits {
            self.values[index(field)] = value;
        }
    }

    /// True when the field takes part in the intent with the current choices.
    pub fn active(&self, field: Field) -> bool {
        let byok = self.is(Field::Key, KeyKind::Byok);
        let update = self.is(Field::Operation, Operation::Update);
        match field {
            Field::Project | Field::Logstore => self.is(Field::Target, TargetKind::Custom),
            Field::CmkKeyId | Field::CmkRegionId | Field::RoleMode | Field::UserName | Field::PassrolePolicyName | Field::PassroleScope => {
                byok
            }
            Field::RoleName => byok && self.is(Field::RoleMode, RoleMode::New),
            Field::RoleArn | Field::TrustPolicy => byok && self.is(Field::RoleMode, RoleMode::Existing),
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

    /// The intent document this form describes: every active field written at its pointer
    /// (see [`Form::intent_value`]), empty ones left out.
    pub fn intent(&self) -> Value {
        let mut intent = json!({ "version": 1, "target": {} });
        for &field in Field::ALL {
            if let Some(value) = self.intent_value(field).filter(|_| self.active(field)) {
                put(&mut intent, field.pointer(), value);
            }
        }
        intent
    }

    /// What the field writes into the intent, as its kind says (`None`: nothing). Two choices
    /// are not written as their option: the Cloud Firewall target is `target.preset` (a custom
    /// one writes nothing), the role mode is the boolean `ram.create_role`.
    fn intent_value(&self, field: Field) -> Option<Value> {
        let text = self.text(field);
        match (field.kind(), self.get(field)) {
            (_, Val::Flag(b)) => Some(json!(b)),
            (Kind::Pasted, Val::TooLarge(bytes)) => Some(crate::limits::too_large_stand_in(*bytes)),
            (_, Val::TooLarge(_)) => None,
            _ if text.trim().is_empty() => None,
            (Kind::Pasted, _) => Some(json!(text)),
            (Kind::Number, _) => Some(number_or_text(text)),
            (Kind::Choice(_), _) if field == Field::Target => (text == TargetKind::CloudFirewall.wire()).then(|| json!(text)),
            (Kind::Choice(_), _) if field == Field::RoleMode => RoleMode::from_wire(text).map(|m| json!(m.creates_role())),
            _ => Some(json!(text.trim())),
        }
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

    /// The form that describes `intent` (the inverse of [`Form::intent`], through the same
    /// table), for intents sent by an embedding portal. Values of the wrong type are skipped;
    /// the core reports what is missing.
    pub fn from_intent(intent: &Value) -> Form {
        let mut form = Form::default();
        let at = |p: &str| intent.pointer(p).filter(|v| !v.is_null());
        for &field in Field::ALL {
            let val = match (field.kind(), at(field.pointer())) {
                (_, None) => continue,
                // Read below, from what the intent says.
                _ if field == Field::Target => continue,
                (_, Some(Value::Bool(b))) if field == Field::RoleMode => pick(RoleMode::from_create_role(*b)),
                _ if field == Field::RoleMode => continue,
                (Kind::Flag, Some(Value::Bool(b))) => Val::Flag(*b),
                (_, Some(Value::String(s))) => Val::Text(s.clone()),
                (Kind::Text | Kind::Number | Kind::Pasted, Some(Value::Number(n))) => Val::Text(n.to_string()),
                (Kind::Text | Kind::Number | Kind::Pasted, Some(v @ Value::Object(_))) => match crate::limits::too_large_bytes(v) {
                    Some(bytes) => Val::TooLarge(bytes),
                    None => Val::Text(serde_json::to_string_pretty(v).unwrap_or_default()),
                },
                _ => continue,
            };
            form.set(field, val);
        }
        // What the intent says without a field of its own: a target given by name, an existing
        // role given by its ARN, a create given by the new Logstore's settings.
        let custom = at("/target/project").is_some() || at("/target/logstore").is_some();
        if custom && at("/target/preset").and_then(Value::as_str) != Some(TargetKind::CloudFirewall.wire()) {
            form.set(Field::Target, pick(TargetKind::Custom));
        }
        if !matches!(at("/ram/create_role"), Some(Value::Bool(_))) && at("/encryption/role_arn").is_some() {
            form.set(Field::RoleMode, pick(RoleMode::Existing));
        }
        if at("/current").is_none() && at("/logstore").is_some() {
            form.set(Field::Operation, pick(Operation::Create));
        }
        form
    }

    /// The same form with the key settings of `conf` (an `encrypt_conf`, e.g. the one the plan
    /// allows): what the Logstore has is permanent, so the form takes it over; `enable` stays.
    pub fn with_encrypt_conf(&self, conf: &Value) -> Form {
        let mut form = self.clone();
        let Ok(conf) = serde_json::from_value::<EncryptConf>(conf.clone()) else { return form };
        if let Some(algorithm) = conf.encrypt_type.offered() {
            form.set(Field::EncryptType, pick(algorithm));
        }
        form.set(Field::Key, pick(conf.key()));
        if let Some(info) = conf.user_cmk_info {
            form.set(Field::RoleMode, pick(RoleMode::Existing));
            form.set(Field::CmkKeyId, Val::Text(info.cmk_key_id));
            form.set(Field::CmkRegionId, Val::Text(info.region_id));
            form.set(Field::RoleArn, Val::Text(info.arn));
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

/// Writes `value` at `pointer` (plain keys, no escapes), making the objects on the way.
fn put(intent: &mut Value, pointer: &str, value: Value) {
    let mut at = intent;
    let mut keys = pointer.split('/').skip(1).peekable();
    while let Some(key) = keys.next() {
        let Value::Object(map) = at else { return };
        if keys.peek().is_none() {
            map.insert(key.into(), value);
            return;
        }
        at = map.entry(key).or_insert_with(|| Value::Object(Map::new()));
    }
}

/// A number when the text is a JSON number, otherwise the text (the core reports its type).
fn number_or_text(s: &str) -> Value {
    match serde_json::from_str::<Value>(s.trim()) {
        Ok(v @ Value::Number(_)) => v,
        _ => json!(s.trim()),
    }
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
        f.code == crate::finding::Code::Missing && Field::at(&f.path).is_some_and(|field| self.state.pending(field))
    }

    /// True when some error is shown as an error (not only fields left to fill in).
    pub fn shows_errors(&self) -> bool {
        self.plan.findings.iter().any(|f| f.severity == crate::finding::Severity::Error && !self.is_pending(f))
    }

    /// Both show the field's value alike.
    pub fn same_value(&self, other: &Self, field: Field) -> bool {
        self.state.form.get(field) == other.state.form.get(field)
    }

    /// Both show the same findings on the field, in the same language.
    pub fn same_findings(&self, other: &Self, field: Field) -> bool {
        self.lang() == other.lang() && self.findings_for(field) == other.findings_for(field)
    }

    /// Same language, and the same fields are still only to fill in (see [`Self::is_pending`]).
    pub fn same_pending(&self, other: &Self) -> bool {
        let (a, b) = (&self.state, &other.state);
        a.lang == b.lang && a.asked == b.asked && (Rc::ptr_eq(&a.touched, &b.touched) || a.touched == b.touched)
    }

    /// The findings whose path is the field's pointer (or inside it, for pasted text).
    pub fn findings_for(&self, field: Field) -> Vec<&crate::finding::Finding> {
        let p = field.pointer();
        let inside = field.is_pasted();
        self.plan
            .findings
            .iter()
            .filter(|f| f.path == p || (inside && crate::pointer::is_within(&f.path, p)))
            .filter(|f| !self.is_pending(f))
            .collect()
    }
}
