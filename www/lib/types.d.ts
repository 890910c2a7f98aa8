// Generated from the Rust types by scripts/schemas.mjs (schemars, json-schema-to-typescript): do not edit.

/**
 * cloud_firewall: project cloudfirewall-project-<account_id>-<region>, Logstore cloudfirewall-logstore.
 */
export type Preset = "cloud_firewall";
/**
 * Update an existing Logstore (UpdateLogStore) or create a new one (CreateLogStore).
 */
export type Operation = "update" | "create";
/**
 * A pasted document: the object, or its text as the API or CLI printed it (findings then point into the text).
 */
export type Pasted =
  | {
      [k: string]: unknown | undefined;
    }
  | string;
/**
 * A new Logstore's settings (wire names), or their text.
 */
export type LogstoreSettings = LogstoreFields | string;
/**
 * A new Logstore's mode.
 */
export type LogstoreMode = "standard" | "query";
/**
 * A new Logstore's telemetry type: None (logs) or Metrics.
 */
export type TelemetryType = "None" | "Metrics";
/**
 * The encryption algorithm: default (AES) or sm4.
 */
export type Algorithm = "default" | "sm4";
/**
 * Whose key encrypts the data: the service key or your own KMS CMK (BYOK).
 */
export type KeyKind = "service" | "byok";
/**
 * What the PassRole policy allows: exactly the role, or any role (acs:ram::*).
 */
export type PassRoleScope = "role" | "any";
/**
 * GetLogStore fields nobody knows yet: kept in the update body, or dropped.
 */
export type UnknownFields = "keep" | "drop";
/**
 * A language: en (English) or zh (Simplified Chinese).
 */
export type Lang = "en" | "zh";
/**
 * What the plan amounts to: blocked (errors), nothing_to_send, or ready.
 */
export type PlanState = "blocked" | "nothing_to_send" | "ready";
/**
 * A stable finding code (see docs/findings.json).
 */
export type Code =
  | "INT001"
  | "INT002"
  | "INT003"
  | "INT004"
  | "INT005"
  | "INT006"
  | "INT007"
  | "INT008"
  | "ID001"
  | "ID002"
  | "ID003"
  | "ID004"
  | "ID005"
  | "ID006"
  | "ID007"
  | "ID008"
  | "ID009"
  | "ID010"
  | "ID011"
  | "ID012"
  | "ENC001"
  | "ENC002"
  | "ENC003"
  | "ENC004"
  | "ENC005"
  | "ENC006"
  | "ENC007"
  | "ENC008"
  | "ENC009"
  | "ENC010"
  | "MRG001"
  | "MRG002"
  | "MRG003"
  | "MRG004"
  | "MRG005"
  | "MRG006"
  | "MRG007"
  | "MRG008"
  | "MRG009"
  | "MRG010"
  | "MRG011"
  | "MRG012"
  | "LS001"
  | "LS002"
  | "LS003"
  | "LS004"
  | "LS005"
  | "LS006"
  | "LS007"
  | "LS008"
  | "LS009"
  | "LS010"
  | "LS011"
  | "LS012"
  | "RAM001"
  | "RAM002"
  | "RAM003"
  | "RAM004"
  | "RAM005"
  | "RAM006"
  | "RAM007"
  | "RAM008"
  | "RAM009"
  | "RAM010"
  | "RAM011"
  | "RAM012"
  | "POL001"
  | "POL002"
  | "POL003"
  | "POL004"
  | "POL005"
  | "POL006"
  | "POL007"
  | "POL008"
  | "POL009"
  | "POL010"
  | "POL011"
  | "POL012"
  | "POL013"
  | "POL014"
  | "TXT001"
  | "TXT002"
  | "TXT003"
  | "TXT004"
  | "TXT005"
  | "TXT006"
  | "TXT007"
  | "LIM001"
  | "LIM002"
  | "LIM003"
  | "LIM004"
  | "PLN001"
  | "PLN002"
  | "PLN003"
  | "EXP001"
  | "EXP002"
  | "VER001"
  | "VER002"
  | "VER003"
  | "VER004"
  | "VER005"
  | "VER006"
  | "VER007"
  | "VER008"
  | "VER009"
  | "VER010"
  | "VER011"
  | "VER012";
/**
 * How much a finding matters. `Error` blocks the plan (`ok` is false).
 */
export type Severity = "error" | "security_warning" | "warning" | "suggestion" | "info";
/**
 * An API a request calls, by its name.
 */
export type Api =
  | "CreateRole"
  | "UpdateRole"
  | "AttachPolicyToRole"
  | "CreatePolicy"
  | "AttachPolicyToUser"
  | "GetLogStore"
  | "UpdateLogStore"
  | "CreateLogStore"
  | "UpdateLogStoreEncryption";
/**
 * What happens to a field of the Logstore in the update body.
 */
export type Change = "kept" | "changed" | "added" | "dropped";
/**
 * A naive partial update whose blast radius is shown.
 */
export type NaiveClient = "encrypt_conf_only" | "python_sdk_update_logstore" | "go_sdk_update_logstore_v2";
/**
 * How one field of the Logstore read back after the change compares with what was sent.
 */
export type FieldStatus = "same" | "differs" | "missing";

/**
 * An intent and the plan compiled from it: the custom element's `plan` event detail.
 */
export interface IntentAndPlan {
  intent: Intent;
  plan: Plan;
}
/**
 * An intent: what you want done to one Logstore's encryption (format version 1).
 */
export interface Intent {
  /**
   * The schema this file follows, for editor completion; the reader ignores it.
   */
  $schema?: string | null;
  /**
   * Format version: 1.
   */
  version?: 1 | null;
  /**
   * Which Logstore, where.
   */
  target?: IntentTarget | null;
  /**
   * UpdateLogStore an existing Logstore (default), or CreateLogStore a new one.
   */
  operation?: Operation | null;
  /**
   * The GetLogStore response, verbatim (required for update): an object or its pasted text.
   */
  current?: Pasted | null;
  /**
   * The new Logstore's settings, by their wire names (required for create).
   */
  logstore?: LogstoreSettings | null;
  /**
   * The encryption wanted.
   */
  encryption?: IntentEncryption | null;
  /**
   * The RAM side of BYOK.
   */
  ram?: IntentRam | null;
  /**
   * GetLogStore fields nobody knows yet: kept (default) or dropped, never silently.
   */
  unknown_fields?: UnknownFields | null;
  /**
   * Language of the exports' comments and of the change ticket (default en).
   */
  lang?: Lang | null;
  /**
   * The GetLogStore response read after the requests were sent, to verify the change.
   */
  after?: Pasted | null;
}
/**
 * Which Logstore, where.
 */
export interface IntentTarget {
  /**
   * Region id of the SLS endpoint, e.g. `cn-hangzhou`.
   */
  region?: string | null;
  /**
   * The 16-digit Alibaba Cloud account id.
   */
  account_id?: string | null;
  /**
   * The project name (from the preset when one is chosen).
   */
  project?: string | null;
  /**
   * The Logstore name (from the preset when one is chosen).
   */
  logstore?: string | null;
  /**
   * `cloud_firewall` fills the Cloud Firewall project and Logstore.
   */
  preset?: Preset | null;
}
/**
 * The CreateLogStore settings the planner knows; other fields are passed on.
 */
export interface LogstoreFields {
  /**
   * Data retention in days.
   */
  ttl?: number | null;
  /**
   * Number of shards.
   */
  shardCount?: number | null;
  /**
   * Split shards automatically.
   */
  autoSplit?: boolean | null;
  /**
   * Most shards an automatic split may reach.
   */
  maxSplitShard?: number | null;
  /**
   * Add the receive time and client IP.
   */
  appendMeta?: boolean | null;
  /**
   * Web tracking.
   */
  enable_tracking?: boolean | null;
  /**
   * Days in hot storage.
   */
  hot_ttl?: number | null;
  /**
   * Days in infrequent-access storage.
   */
  infrequentAccessTTL?: number | null;
  /**
   * `standard` or `query`.
   */
  mode?: LogstoreMode | null;
  /**
   * `None` (logs) or `Metrics`.
   */
  telemetryType?: TelemetryType | null;
  /**
   * The sharding policy, as the API takes it.
   */
  shardingPolicy?: {
    [k: string]: unknown | undefined;
  } | null;
  [k: string]: unknown | undefined;
}
/**
 * The encryption wanted.
 */
export interface IntentEncryption {
  /**
   * Encryption on (default) or off.
   */
  enable?: boolean | null;
  /**
   * The algorithm: `default` (AES) or `sm4`.
   */
  encrypt_type?: Algorithm | null;
  /**
   * Service key (default) or your own CMK.
   */
  key?: KeyKind | null;
  /**
   * The KMS CMK id (`key-…` or a UUID): required for BYOK.
   */
  cmk_key_id?: string | null;
  /**
   * The CMK's region: must equal the target region (default).
   */
  cmk_region_id?: string | null;
  /**
   * The role Log Service assumes (default `sls-byok-kms-role`).
   */
  role_name?: string | null;
  /**
   * The role's ARN (built from the account id when only the name is given).
   */
  role_arn?: string | null;
}
/**
 * The RAM side of BYOK.
 */
export interface IntentRam {
  /**
   * Create the role (default unless `role_arn` is given), or use an existing one.
   */
  create_role?: boolean | null;
  /**
   * The RAM user who sends the update: gets the PassRole policy.
   */
  user_name?: string | null;
  /**
   * Name of the PassRole policy (default `sls-byok-passrole`).
   */
  passrole_policy_name?: string | null;
  /**
   * `role` names exactly the role ARN (default); `any` is every role.
   */
  passrole_scope?: PassRoleScope | null;
  /**
   * The existing role's trust policy (object, its text, or the GetRole response).
   */
  current_trust_policy?: Pasted | null;
}
/**
 * The plan document: findings, artifacts, ordered requests and exports.
 */
export interface Plan {
  /**
   * Format version (1).
   */
  version: number;
  /**
   * True when no finding has severity `error`.
   */
  ok: boolean;
  /**
   * What the plan amounts to: `blocked` (errors), `nothing_to_send` (no error, but no request
   * would change anything), or `ready`.
   */
  state: PlanState;
  /**
   * Every finding, most severe first.
   */
  findings: Finding[];
  /**
   * Resolved target: region, project, logstore, host.
   */
  target: Target | null;
  /**
   * The complete `encrypt_conf` to send.
   */
  encrypt_conf: {
    [k: string]: unknown | undefined;
  } | null;
  /**
   * The RAM role's trust policy (BYOK).
   */
  trust_policy: {
    [k: string]: unknown | undefined;
  } | null;
  /**
   * The PassRole policy for the RAM user (BYOK).
   */
  passrole_policy: {
    [k: string]: unknown | undefined;
  } | null;
  /**
   * Requests in sending order.
   */
  requests: Request[];
  /**
   * Other ways to reach the same result (e.g. the dedicated UpdateLogStoreEncryption API).
   */
  alternatives: Request[];
  /**
   * Field-by-field diff between `current` and the update body (update only).
   */
  diff: DiffEntry[];
  /**
   * What naive partial updates would reset (update only).
   */
  blast_radius: BlastRadius[];
  /**
   * Ready-to-paste forms: shell scripts, Terraform, SDK code, keyed by name.
   */
  exports: {
    [k: string]: unknown | undefined;
  };
  /**
   * The Logstore read back after the change (`after`), checked against what was sent; `None`
   * when no `after` was given.
   */
  verification: Verification | null;
}
/**
 * One finding: a stable code, where, what is wrong and how to fix it, in English and Chinese.
 */
export interface Finding {
  /**
   * Stable code, serialized as its string, e.g. `ENC005`.
   */
  code: Code;
  /**
   * How much it matters: always `code.severity()`.
   */
  severity: Severity;
  /**
   * JSON pointer into the intent.
   */
  path: string;
  /**
   * 1-based line in the pasted text (or the intent text), when known.
   */
  line?: number | null;
  /**
   * 1-based column (in characters) in the pasted text, when known.
   */
  column?: number | null;
  /**
   * What is wrong, in English.
   */
  message: string;
  /**
   * How to fix it, in English.
   */
  fix: string;
  /**
   * What is wrong, in Simplified Chinese.
   */
  message_zh: string;
  /**
   * How to fix it, in Simplified Chinese.
   */
  fix_zh: string;
}
/**
 * The resolved target of a plan: where its requests go.
 */
export interface Target {
  /**
   * Region id, when valid.
   */
  region: string | null;
  /**
   * Account id, when valid.
   */
  account_id: string | null;
  /**
   * Project name (filled by the Cloud Firewall preset).
   */
  project: string | null;
  /**
   * Logstore name (filled by the Cloud Firewall preset).
   */
  logstore: string | null;
  /**
   * The SLS endpoint host of the project.
   */
  host: string | null;
  /**
   * Update or create.
   */
  operation: Operation;
}
/**
 * One HTTP request exactly as it goes on the wire, in the order it must be sent.
 */
export interface Request {
  /**
   * 1-based position in the sending order.
   */
  step: number;
  /**
   * The API, serialized as its name, e.g. `UpdateLogStore`.
   */
  api: Api;
  /**
   * HTTP method.
   */
  method: string;
  /**
   * Host name.
   */
  host: string;
  /**
   * Path.
   */
  path: string;
  /**
   * Query parameters (RAM parameters, all strings).
   */
  query: {
    [k: string]: unknown | undefined;
  };
  /**
   * JSON body (SLS), or null.
   */
  body: {
    [k: string]: unknown | undefined;
  } | null;
  /**
   * What this request is for, in English.
   */
  purpose: string;
  /**
   * What this request is for, in Simplified Chinese.
   */
  purpose_zh: string;
  /**
   * The aliyun CLI command line that sends this request (requests only, not alternatives).
   */
  command?: string | null;
}
/**
 * What happens to one top-level field of the Logstore between `current` and the update body.
 */
export interface DiffEntry {
  /**
   * The field's key.
   */
  field: string;
  /**
   * `kept`, `changed`, `added`, or `dropped`.
   */
  change: Change;
  /**
   * Value in `current`, if any.
   */
  before: unknown;
  /**
   * Value in the body, if any.
   */
  after: unknown;
  /**
   * Why, in English.
   */
  reason: string;
  /**
   * Why, in Simplified Chinese.
   */
  reason_zh: string;
}
/**
 * What a naive client would reset: the fields of `current` it would not send.
 */
export interface BlastRadius {
  /**
   * Which naive update: `encrypt_conf_only`, `python_sdk_update_logstore`, `go_sdk_update_logstore_v2`.
   */
  client: NaiveClient;
  /**
   * Description in English.
   */
  description: string;
  /**
   * Description in Simplified Chinese.
   */
  description_zh: string;
  /**
   * The fields it would reset or lose, with the value they have now.
   */
  lost: {
    [k: string]: unknown | undefined;
  };
}
/**
 * The Logstore read back after the change (`after`) against the body that was sent.
 */
export interface Verification {
  /**
   * True only when there is at least one row and every row is `same`.
   */
  ok: boolean;
  /**
   * One row per top-level field of the sent body, plus `encrypt_conf`; empty when `after`
   * could not be compared (unreadable, not a Logstore, or no body planned: see the findings).
   */
  fields: VerifiedField[];
}
/**
 * One row of the verification: a top-level field of the sent body (or `encrypt_conf`).
 */
export interface VerifiedField {
  /**
   * The field's key, e.g. `ttl`.
   */
  field: string;
  /**
   * The value sent (null when the body did not carry it: only ever `encrypt_conf`).
   */
  expected: unknown;
  /**
   * The value read back (null when the Logstore does not have it).
   */
  actual: unknown;
  /**
   * `same`, `differs` or `missing`.
   */
  status: FieldStatus;
}
