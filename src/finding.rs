//! Findings: every problem, warning and note the core reports, as structured data.

use crate::scan::ByteSet;
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// How much a finding matters. `Error` blocks the plan (`ok` is false).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The plan would fail or do harm; nothing should be sent.
    Error,
    /// The plan works but weakens security (e.g. a PassRole on any role).
    SecurityWarning,
    /// Something the user must look at before sending.
    Warning,
    /// A better way exists.
    Suggestion,
    /// A note that needs no action.
    Info,
}

impl Severity {
    /// Every severity, most severe first (the order plans sort findings in).
    pub const ALL: [Severity; 5] = [Severity::Error, Severity::SecurityWarning, Severity::Warning, Severity::Suggestion, Severity::Info];

    /// The wire name (`security_warning`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::SecurityWarning => "security_warning",
            Severity::Warning => "warning",
            Severity::Suggestion => "suggestion",
            Severity::Info => "info",
        }
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $name:ident = $code:literal, $sev:ident; )*) => {
        /// Every stable finding code. The catalogue in `docs/findings.json` lists each with an example.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code { $( $(#[$doc])* $name, )* }

        impl Code {
            /// All codes, in catalogue order.
            pub const ALL: &'static [Code] = &[ $( Code::$name, )* ];

            /// The stable code string, e.g. `ENC005`.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$name => $code, )* }
            }

            /// The severity every finding of this code has.
            pub fn severity(self) -> Severity {
                match self { $( Code::$name => Severity::$sev, )* }
            }
        }
    };
}

codes! {
    /// The intent is not JSON.
    IntentNotJson = "INT001", Error;
    /// The intent is JSON but not an object.
    IntentNotObject = "INT002", Error;
    /// The intent's `version` is not 1.
    IntentVersion = "INT003", Error;
    /// A field has the wrong JSON type.
    WrongType = "INT004", Error;
    /// A required field is missing.
    Missing = "INT005", Error;
    /// A field the intent format does not know: a typo would silently leave a default in force.
    UnknownIntentField = "INT006", Error;
    /// A value outside the allowed set.
    BadEnum = "INT007", Error;
    /// A field that does not apply to the chosen operation or key.
    IgnoredField = "INT008", Info;

    /// Region not in the list of regions with Log Service.
    BadRegion = "ID001", Error;
    /// Account id is not a number.
    BadAccountId = "ID002", Error;
    /// CMK id is neither a UUID nor `key-...`.
    BadCmkId = "ID003", Error;
    /// CMK id is a documentation placeholder.
    PlaceholderCmkId = "ID004", Warning;
    /// RAM role name invalid.
    BadRoleName = "ID005", Error;
    /// RAM role ARN invalid.
    BadRoleArn = "ID006", Error;
    /// RAM user name invalid.
    BadUserName = "ID007", Error;
    /// RAM policy name invalid.
    BadPolicyName = "ID008", Error;
    /// Project name invalid.
    BadProjectName = "ID009", Error;
    /// Logstore name invalid.
    BadLogstoreName = "ID010", Error;
    /// Role ARN normalised to lower case.
    ArnNormalised = "ID011", Info;
    /// Account id is digits but not 16 of them.
    AccountIdLength = "ID012", Warning;

    /// `encrypt_type` is not `default` or `sm4`.
    BadEncryptType = "ENC001", Error;
    /// `m4` read back from the Logstore: the sources disagree on the name.
    EncryptTypeM4 = "ENC002", Warning;
    /// First-time encryption: the mechanism and algorithm become permanent.
    PermanentChoice = "ENC003", Warning;
    /// BYOK: a disabled or deleted CMK makes the Logstore unreadable.
    CmkLifecycle = "ENC004", Warning;
    /// The CMK's region differs from the Logstore's region.
    CmkRegionMismatch = "ENC005", Error;
    /// Adding encryption to an existing Logstore: older docs said creation only.
    UpdateAllowedNote = "ENC006", Info;
    /// Encryption is requested as disabled where nothing is encrypted yet.
    NothingToEncrypt = "ENC007", Warning;
    /// Encryption is being turned off.
    DisablingEncryption = "ENC008", Warning;
    /// Encryption is turned back on with the stored settings.
    ReenablingEncryption = "ENC009", Info;
    /// The encryption settings equal what the Logstore has: nothing changes.
    EncryptionUnchanged = "ENC010", Info;

    /// Service key and BYOK cannot be swapped once configured.
    MechanismChange = "MRG001", Error;
    /// `encrypt_type` cannot change once configured.
    EncryptTypeChange = "MRG002", Error;
    /// A `user_cmk_info` value cannot change once configured.
    CmkInfoChange = "MRG003", Error;
    /// An output-only field of GetLogStore is dropped from the update body.
    ReadOnlyDropped = "MRG004", Info;
    /// A field nobody knows yet is kept in the update body.
    UnknownKept = "MRG005", Warning;
    /// A field nobody knows yet is dropped, as the user chose.
    UnknownDropped = "MRG006", Warning;
    /// The pasted response was wrapped; the Logstore inside it was used.
    WrapperRecognised = "MRG007", Info;
    /// The pasted Logstore's name differs from the target Logstore: its settings would overwrite the target's.
    NameMismatch = "MRG008", Error;
    /// The pasted document does not look like a GetLogStore response.
    NotALogstore = "MRG009", Error;
    /// The stored `encrypt_conf` is configured but not understood: it is sent back as stored.
    StoredConfMalformed = "MRG010", Error;
    /// camelCase encryption keys where the Logstore body expects snake_case.
    CamelCaseKeys = "MRG011", Error;
    /// The pasted Logstore is a Metricstore.
    Metricstore = "MRG012", Info;

    /// `ttl` missing or out of range.
    BadTtl = "LS001", Error;
    /// `hot_ttl` below 7 or above `ttl`.
    BadHotTtl = "LS002", Error;
    /// `hot_ttl` below 30: older docs required at least 30.
    HotTtlOldLimit = "LS003", Info;
    /// `autoSplit` without `maxSplitShard`.
    AutoSplitNoMax = "LS004", Error;
    /// `maxSplitShard` outside 1-256.
    BadMaxSplitShard = "LS005", Error;
    /// `maxSplitShard` above 64: older docs capped it at 64.
    MaxSplitOldLimit = "LS006", Info;
    /// `shardCount` missing or invalid.
    BadShardCount = "LS007", Error;
    /// `mode` not `standard` or `query`.
    BadMode = "LS008", Error;
    /// `telemetryType` not `None` or `Metrics`.
    BadTelemetryType = "LS009", Error;
    /// A known Logstore field has the wrong type.
    BadFieldType = "LS010", Error;
    /// An `encrypt_conf` in the Logstore settings is replaced by the encryption section.
    EncryptConfOverridden = "LS011", Warning;
    /// `logstoreName` in the settings differs from the target.
    LogstoreNameMismatch = "LS012", Error;

    /// PassRole on every role (`acs:ram::*`).
    PassRoleAny = "RAM001", SecurityWarning;
    /// No RAM user named: the PassRole policy is created but attached to nobody.
    NoRamUser = "RAM002", Suggestion;
    /// The pasted trust policy gained the Log Service principal.
    TrustMerged = "RAM003", Info;
    /// The pasted trust policy already lets Log Service assume the role.
    TrustAlreadyAllows = "RAM004", Info;
    /// A Deny in the trust policy blocks Log Service.
    TrustDeniesLog = "RAM005", Error;
    /// Conditions on the Log Service statement may stop it.
    TrustCondition = "RAM006", Warning;
    /// Two documents name different accounts.
    AccountMismatch = "RAM007", Error;
    /// Two documents name different roles.
    RoleMismatch = "RAM008", Error;
    /// Existing role without its trust policy: it cannot be checked.
    TrustNotChecked = "RAM009", Suggestion;
    /// A role ARN is needed to build the plan (existing role, no account id).
    RoleArnUnknown = "RAM010", Error;
    /// The Logstore already uses BYOK: the role is set up; no RAM request is planned.
    RamAlreadySetUp = "RAM011", Info;
    /// The role is shared: others who may assume it would gain the KMS grants too.
    SharedRole = "RAM012", SecurityWarning;

    /// Policy `Version` missing or not "1".
    PolicyVersion = "POL001", Error;
    /// `Statement` missing or not an array of objects.
    PolicyStatement = "POL002", Error;
    /// `Effect` missing or not `Allow`/`Deny`.
    PolicyEffect = "POL003", Error;
    /// Not exactly one of `Action`/`NotAction`.
    PolicyActionCount = "POL004", Error;
    /// An action is not `service:Action`.
    PolicyActionFormat = "POL005", Error;
    /// A resource is not `*` or an `acs:` ARN.
    PolicyResourceFormat = "POL006", Error;
    /// `Principal` in a permission policy, or missing in a trust policy.
    PolicyPrincipalPlace = "POL007", Error;
    /// Unknown condition operator.
    PolicyConditionOperator = "POL008", Error;
    /// The document is over 6,144 characters.
    PolicyTooLong = "POL009", Error;
    /// The document is over 2,048 characters, the limit older docs give.
    PolicyOldLimit = "POL010", Info;
    /// An element RAM policies do not have.
    PolicyUnknownElement = "POL011", Error;
    /// `Resource` missing in a permission policy.
    PolicyResourceMissing = "POL012", Error;
    /// `Principal` has a kind other than Service, RAM or Federated, or bad values.
    PolicyPrincipalFormat = "POL013", Error;
    /// `Condition` is not `{Operator: {Key: values}}`.
    PolicyConditionShape = "POL014", Error;

    /// Pasted text is not valid JSON.
    TextSyntax = "TXT001", Error;
    /// A trailing comma in pasted text.
    TextTrailingComma = "TXT002", Warning;
    /// A comment in pasted text.
    TextComment = "TXT003", Warning;
    /// A key appears twice in one object.
    TextDuplicateKey = "TXT004", Warning;
    /// Nesting deeper than the reader accepts.
    TextTooDeep = "TXT005", Error;
    /// A number too large to represent.
    TextNumberRange = "TXT006", Error;
    /// A Python dict (as `print()` shows it) was read as JSON.
    TextPythonRepr = "TXT007", Info;

    /// A pasted document far larger than any real one: it is not read.
    DocumentTooLarge = "LIM001", Error;
    /// An intent text far larger than any real one: it is not read.
    IntentTooLarge = "LIM002", Error;
    /// A pasted value longer than its field can ever be: quoted as an excerpt, left out of the plan.
    ValueTooLong = "LIM003", Error;
    /// More findings than a plan lists: the rest are counted.
    TooManyFindings = "LIM004", Info;

    /// The update would change nothing: no UpdateLogStore and no RAM request is planned.
    NothingToSend = "PLN001", Info;
    /// An existing role without an ARN: the ARN is assumed, and it becomes permanent.
    AssumedRoleArn = "PLN002", Warning;
    /// Creating the Cloud Firewall Logstore: Cloud Firewall's log analysis creates and manages it.
    ManagedLogstoreCreate = "PLN003", Warning;

    /// SM4: the vendor's Chinese docs list `m4`/`sm4_*` where the English ones say `sm4`.
    Sm4NameDocs = "EXP001", Warning;
    /// Settings the Terraform provider does not carry: a Terraform update would reset them.
    TerraformResets = "EXP002", Warning;

    /// A field of the Logstore read after the change differs from the value sent.
    AfterFieldDiffers = "VER001", Error;
    /// A field that was sent is missing from the Logstore read after the change.
    AfterFieldMissing = "VER002", Error;
    /// Encryption is off after the change while the plan turns it on (or on while it turns it off).
    AfterEncryptionState = "VER003", Error;
    /// The key mechanism (service key or BYOK) read back differs from the plan.
    AfterKeyMechanism = "VER004", Error;
    /// The algorithm (`encrypt_type`) read back differs from the plan.
    AfterEncryptType = "VER005", Error;
    /// The CMK read back differs from the plan.
    AfterCmk = "VER006", Error;
    /// The role ARN read back differs from the plan.
    AfterRole = "VER007", Error;
    /// The CMK region read back differs from the plan.
    AfterCmkRegion = "VER008", Error;
    /// The Logstore read after the change matches the plan.
    Verified = "VER009", Info;
    /// `after` is another Logstore than the target.
    AfterOtherLogstore = "VER010", Error;
    /// `after` equals `current` although the plan changes something: nothing was applied.
    NothingApplied = "VER011", Error;
    /// `after` is given but the plan has no request body to compare it with.
    NothingToVerify = "VER012", Info;
}

impl Code {
    /// The codes of a refused change to what encryption makes permanent (mechanism, algorithm,
    /// `user_cmk_info`): the Logstore keeps its stored `encrypt_conf`.
    pub const REFUSED_CHANGES: &'static [Code] = &[Code::MechanismChange, Code::EncryptTypeChange, Code::CmkInfoChange];
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// One finding: a stable code, where, what is wrong and how to fix it, in English and Chinese.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Finding {
    /// Stable code, serialized as its string, e.g. `ENC005`.
    pub code: Code,
    /// How much it matters: always `code.severity()`.
    pub severity: Severity,
    /// JSON pointer into the intent.
    pub path: String,
    /// 1-based line in the pasted text (or the intent text), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (in characters) in the pasted text, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong, in English.
    pub message: Cow<'static, str>,
    /// How to fix it, in English.
    pub fix: Cow<'static, str>,
    /// What is wrong, in Simplified Chinese.
    pub message_zh: Cow<'static, str>,
    /// How to fix it, in Simplified Chinese.
    pub fix_zh: Cow<'static, str>,
}

/// A language the product speaks: English or Simplified Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The short code used in intents and saved state (`en`, `zh`).
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Picks the English or the Chinese one of two texts.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// Bilingual text: English and Simplified Chinese (fixed wording is borrowed, not copied).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// English.
    pub en: Cow<'static, str>,
    /// Simplified Chinese.
    pub zh: Cow<'static, str>,
}

/// Builds a [`Text`] from an English and a Chinese text: a `&'static str` (kept as it is) or a
/// `String` (e.g. from `format!`).
macro_rules! t {
    ($en:expr, $zh:expr $(,)?) => {
        $crate::finding::Text::new($en, $zh)
    };
}
pub(crate) use t;

impl Text {
    /// A text from its English and Chinese wording (kept out of line: it is built at ~200 places).
    #[inline(never)]
    pub fn new(en: impl Into<Cow<'static, str>>, zh: impl Into<Cow<'static, str>>) -> Self {
        Text { en: en.into(), zh: zh.into() }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.en, &self.zh)
    }
}

impl Finding {
    /// A finding of `code` at `path` with its message and fix.
    pub fn new(code: Code, path: impl Into<String>, message: Text, fix: Text) -> Self {
        Finding {
            code,
            severity: code.severity(),
            path: path.into(),
            line: None,
            column: None,
            message: message.en,
            fix: fix.en,
            message_zh: quote_values(message.zh),
            fix_zh: quote_values(fix.zh),
        }
    }

    /// The same finding under another code (and so that code's severity).
    pub fn recode(mut self, code: Code) -> Self {
        self.code = code;
        self.severity = code.severity();
        self
    }

    /// The same finding placed at a line and column of pasted text.
    pub fn at(mut self, pos: Option<(usize, usize)>) -> Self {
        if let Some((line, column)) = pos {
            self.line = Some(line);
            self.column = Some(column);
        }
        self
    }
}

/// Chinese text quotes a value with “”: every `"value"` pair becomes `“value”`, except inside a
/// JSON snippet (`{…}`, `[…]`) and a key written as JSON (`"enable": true`), which stay as typed.
pub fn chinese_quotes(s: &str) -> String {
    quote_values(Cow::Owned(s.to_string())).into_owned()
}

/// [`chinese_quotes`] of a text: a text with nothing quoted (the common case) is returned as it
/// is. Every character acted on is ASCII, so the text is scanned by bytes and copied in runs.
fn quote_values(s: Cow<'static, str>) -> Cow<'static, str> {
    const ACTED_ON: ByteSet = ByteSet::of(b"\"{}[]");
    if !s.as_bytes().contains(&b'"') {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 8);
    let bytes = s.as_bytes();
    let (mut depth, mut i, mut run) = (0usize, 0, 0);
    while let Some(found) = ACTED_ON.find(&bytes[i..]) {
        i += found;
        match bytes[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' if depth == 0 => {
                let rest = &s[i + 1..];
                if let Some(end) = rest.find('"')
                    && !rest[end + 1..].trim_start().starts_with(':')
                {
                    out.push_str(&s[run..i]);
                    out.push('“');
                    out.push_str(&rest[..end]);
                    out.push('”');
                    i += end + 2;
                    run = i;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out.push_str(&s[run..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::chinese_quotes;

    #[test]
    fn chinese_text_quotes_values_but_not_json() {
        assert_eq!(chinese_quotes(r#""aes" 不是可选值。"#), "“aes” 不是可选值。");
        assert_eq!(chinese_quotes(r#"请设置 "enable": true。"#), r#"请设置 "enable": true。"#);
        assert_eq!(
            chinese_quotes(r#"方案为：{"enable":true,"encrypt_type":"default"}"#),
            r#"方案为：{"enable":true,"encrypt_type":"default"}"#
        );
        assert_eq!(chinese_quotes(r#"只有一个 " 引号"#), r#"只有一个 " 引号"#);
    }

    /// The character-by-character form `chinese_quotes` had before it scanned bytes.
    fn by_chars(s: &str) -> String {
        let mut out = String::new();
        let mut depth = 0usize;
        let mut rest = s;
        while let Some(c) = rest.chars().next() {
            rest = &rest[c.len_utf8()..];
            match c {
                '{' | '[' => depth += 1,
                '}' | ']' => depth = depth.saturating_sub(1),
                '"' if depth == 0 => {
                    if let Some(end) = rest.find('"')
                        && !rest[end + 1..].trim_start().starts_with(':')
                    {
                        out.push('“');
                        out.push_str(&rest[..end]);
                        out.push('”');
                        rest = &rest[end + 1..];
                        continue;
                    }
                }
                _ => {}
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn byte_scan_quotes_as_the_character_scan_did() {
        let pieces = ["\"", "{", "}", "[", "]", ":", " ", "\u{3000}", "中", "a", "“", "\"x\":", "]]", "{{"];
        // Every string of up to four pieces.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            texts.extend(longer);
            texts.dedup();
        }
        for t in &texts {
            assert_eq!(chinese_quotes(t), by_chars(t), "{t:?}");
        }
    }
}
