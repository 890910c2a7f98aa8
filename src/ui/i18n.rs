//! Every string of the interface, in English and Simplified Chinese (vendor terms as the
//! vendor's Chinese docs use them: 服务密钥, 自带密钥（BYOK）, 用户主密钥（CMK）, 日志服务, 日志库,
//! 项目, RAM 角色). Findings, request purposes and diff reasons come from the core in both languages.

pub use crate::finding::Lang;
use crate::finding::Severity;

/// What the interface needs of a language beyond the core's.
pub trait LangExt {
    /// The BCP 47 tag for `<html lang>`.
    fn tag(self) -> &'static str;
    /// The language for a browser language tag or saved code (`zh*` is Chinese, all else English).
    fn from_tag(tag: &str) -> Lang;
    /// The other language.
    fn other(self) -> Lang;
}

impl LangExt for Lang {
    fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") { Lang::Zh } else { Lang::En }
    }

    fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

macro_rules! strings {
    ($( $name:ident => $en:literal, $zh:literal; )*) => {
        /// A string of the interface (the variant's doc is its English text).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum S { $( #[doc = $en] $name, )* }

        impl S {
            /// The text in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( (S::$name, Lang::En) => $en, (S::$name, Lang::Zh) => $zh, )*
                }
            }
        }
    };
}

strings! {
    DocTitle => "sls-encrypt · Logstore KMS encryption configurator", "sls-encrypt · 日志库 KMS 加密配置工具";
    Tagline => "KMS encryption for Simple Log Service Logstores: service key or BYOK, checked before you send anything. It runs entirely in your browser; nothing is sent anywhere.",
        "为日志服务（SLS）日志库配置 KMS 加密：服务密钥或自带密钥（BYOK），发送前逐项检查。完全在浏览器中运行，不会向任何地方发送数据。";
    SkipToPlan => "Skip to the plan", "跳到计划";
    LangSwitch => "中文", "English";
    LangSwitchTitle => "切换到中文", "Switch to English";
    Reset => "Reset", "重置";
    CopyLink => "Copy share link", "复制分享链接";
    Redact => "Leave my account id out of shared links", "分享链接中隐去账号 ID";
    Copy => "Copy", "复制";
    Download => "Download", "下载";
    Copied => "Copied", "已复制";
    CopyFailed => "Copy failed: select the text and press Ctrl+C", "复制失败：请选中文本后按 Ctrl+C";
    BadLink => "This link could not be read (it may be cut off, or from a newer version); your form is unchanged.", "无法读取此链接（可能被截断，或来自更新的版本）；您的表单未作更改。";
    RedactedLink => "This link was shared without the account id: fill in your own account id, and check the CMK id and role ARN before you use the outputs.", "此链接分享时隐去了账号 ID：请填写您自己的账号 ID，并在使用输出前核对 CMK ID 和角色 ARN。";
    FromLink => "Loaded from a shared link: check the account id, CMK id and role ARN before you use the outputs.", "已从分享链接载入：使用输出前请核对账号 ID、CMK ID 和角色 ARN。";
    PasteOmitted => "Loaded from a shared link whose pasted texts were too long for it: paste them again, and check the account id, CMK id and role ARN.", "已从分享链接载入，但粘贴的文本太长未放入链接：请重新粘贴，并核对账号 ID、CMK ID 和角色 ARN。";
    WasReset => "The form was reset.", "表单已重置。";
    Dismiss => "Dismiss", "关闭";
    FormRegion => "Configuration", "配置";
    PlanRegion => "Plan", "计划";
    Footer => "sls-encrypt never sends a request: you send them yourself, with the outputs above.", "sls-encrypt 不会发送任何请求：请您使用上面的输出自行发送。";

    S1Title => "1. Target", "1. 目标";
    TargetLegend => "Which Logstore", "哪个日志库";
    TargetCloudFirewall => "Cloud Firewall log analysis (preset)", "云防火墙日志分析（预设）";
    TargetCustom => "Another project and Logstore", "其他项目和日志库";
    AccountId => "Account id (UID)", "账号 ID（UID）";
    AccountIdHint => "16 digits, shown in the console's account menu.", "16 位数字，见控制台右上角的账号菜单。";
    Region => "Region", "地域";
    RegionHint => "The Logstore's region, e.g. cn-hangzhou or ap-southeast-1.", "日志库所在地域，例如 cn-hangzhou 或 ap-southeast-1。";
    Project => "Project", "项目";
    LogstoreName => "Logstore", "日志库";
    PresetFills => "Cloud Firewall's log analysis uses:", "云防火墙日志分析使用：";
    PresetNeeds => "Fill in the account id and region to see the project and Logstore names.", "填写账号 ID 和地域后即可看到项目和日志库名称。";
    OperationLegend => "Operation", "操作";
    OpUpdate => "Update an existing Logstore (UpdateLogStore)", "更新已有日志库（UpdateLogStore）";
    OpCreate => "Create a new Logstore (CreateLogStore)", "创建新日志库（CreateLogStore）";

    S2Title => "2. Key", "2. 密钥";
    KeyLegend => "Who holds the key", "密钥类型";
    KeyService => "Service key, managed by Log Service", "服务密钥，由日志服务管理";
    KeyByok => "BYOK: your own CMK in KMS", "自带密钥（BYOK）：您在 KMS 中的用户主密钥（CMK）";
    CompareCaption => "Service key or BYOK", "服务密钥与自带密钥（BYOK）对比";
    CompareAspect => "Aspect", "对比项";
    ColService => "Service key", "服务密钥";
    ColByok => "BYOK", "自带密钥（BYOK）";
    RowWho => "Who manages the key", "谁管理密钥";
    WhoService => "Simple Log Service", "日志服务";
    WhoByok => "You (via KMS)", "您（通过 KMS）";
    RowLifecycle => "Key lifecycle", "密钥生命周期";
    LifeService => "Never expires; managed automatically", "永不过期，自动管理";
    LifeByok => "Tied to your CMK: if it is disabled or deleted, the Logstore can no longer be read or written", "与您的 CMK 绑定：CMK 被禁用或删除后，日志库将无法读写";
    RowAudit => "Audit and control", "审计与控制";
    AuditService => "Not auditable by you", "您无法审计";
    AuditByok => "You control the CMK in the KMS console", "您在 KMS 控制台中控制该 CMK";
    RowSetup => "Setup", "配置复杂度";
    SetupService => "API call only", "仅需调用 API";
    SetupByok => "RAM role + KMS permissions + API call", "RAM 角色 + KMS 权限 + 调用 API";
    RowAlgorithms => "Algorithms", "加密算法";
    AlgorithmsBoth => "AES (default) or SM4 (sm4)", "AES（default）或 SM4（sm4）";
    CompareSource => "From the Cloud Firewall documentation, “Encrypt logs”.", "摘自云防火墙文档《加密日志》。";
    AlgorithmLegend => "Algorithm (encrypt_type)", "加密算法（encrypt_type）";
    AlgDefault => "AES (default)", "AES（default）";
    AlgSm4 => "SM4 (sm4)", "国密 SM4（sm4）";
    EnableLabel => "Encryption enabled (enable)", "启用加密（enable）";
    EnableHint => "Only enable can change later. Turning encryption off sends the same encrypt_conf with enable: false.",
        "之后只能修改 enable。关闭加密时发送相同的 encrypt_conf，并将 enable 设为 false。";
    KeyPermanentHint => "Choose with care: the key type and the algorithm can never be changed once sent.", "请谨慎选择：一经发送，密钥类型和算法将无法再更改。";

    S3Title => "3. BYOK: CMK and RAM role", "3. 自带密钥：CMK 与 RAM 角色";
    ByokOff => "Only for BYOK. With a service key there is no CMK or RAM role to set up.", "仅适用于自带密钥（BYOK）。使用服务密钥时无需配置 CMK 或 RAM 角色。";
    CmkKeyId => "CMK id", "用户主密钥（CMK）ID";
    CmkKeyIdHint => "key-… or a UUID, from the KMS console.", "key-… 或 UUID，见 KMS 控制台。";
    CmkRegion => "CMK region", "CMK 所在地域";
    CmkRegionHint => "Must be the Logstore's region. Leave empty to use it.", "必须与日志库地域相同。留空即使用日志库地域。";
    RoleLegend => "RAM role that Log Service assumes to use the CMK", "日志服务用于访问 CMK 的 RAM 角色";
    RoleNew => "Create a new RAM role", "新建 RAM 角色";
    RoleExisting => "Use an existing RAM role", "使用已有 RAM 角色";
    RoleName => "Role name", "角色名称";
    RoleNameHint => "Empty: sls-byok-kms-role.", "留空则为 sls-byok-kms-role。";
    RoleArn => "Role ARN", "角色 ARN";
    RoleArnHint => "From the RAM console (Roles, then the role's basic information). If left empty, the plan assumes the role sls-byok-kms-role in your account, and that ARN becomes permanent.", "见 RAM 控制台（角色 > 基本信息）。留空时，计划假定使用您账号下的角色 sls-byok-kms-role，且该 ARN 将不可更改。";
    TrustPolicyLabel => "The role's trust policy (optional: paste it to have it checked)", "该角色的信任策略（可选：粘贴后将进行检查）";
    TrustPolicyHint => "RAM console → Roles → the role → Trust Policy. It is checked and, if needed, merged with the Log Service principal.",
        "RAM 控制台 → 角色 → 该角色 → 信任策略。将进行检查，并在需要时合并日志服务主体。";
    UserName => "RAM user who configures encryption", "配置加密的 RAM 用户";
    UserNameHint => "Gets the PassRole permission. Empty: the policy is created but attached to nobody.", "将获得 PassRole 权限。留空则只创建策略，不授权给任何用户。";
    PassrolePolicyName => "PassRole policy name", "PassRole 策略名称";
    PassrolePolicyHint => "Empty: sls-byok-passrole.", "留空则为 sls-byok-passrole。";
    ScopeLegend => "PassRole scope", "PassRole 范围";
    ScopeRole => "This role only (least privilege)", "仅此角色（最小权限）";
    ScopeAny => "Any role (acs:ram::*, as the vendor docs show)", "任意角色（acs:ram::*，与官方文档相同）";

    S4TitleUpdate => "4. Current Logstore", "4. 当前日志库";
    S4TitleCreate => "4. New Logstore settings", "4. 新日志库设置";
    GetCommandIntro => "UpdateLogStore replaces the whole configuration, so the plan starts from what the Logstore has now. Get it with:",
        "UpdateLogStore 会替换全部配置，因此计划需从日志库的当前配置出发。获取方式：";
    GetCommandPlugin => "or, with the aliyun CLI's SLS plugin:", "或使用 aliyun CLI 的 SLS 插件：";
    CurrentLabel => "GetLogStore response (paste the JSON)", "GetLogStore 响应（粘贴 JSON）";
    CurrentHint => "Comments, trailing commas and Python's print() form are read and reported.", "可识别注释、末尾逗号和 Python print() 的输出格式，并给出提示。";
    UnknownLegend => "Fields this tool does not know yet", "本工具尚不认识的字段";
    UnknownKeep => "Keep them (safer: UpdateLogStore would reset them)", "保留（更安全：否则 UpdateLogStore 会将其重置）";
    UnknownDrop => "Drop them", "丢弃";
    Ttl => "Retention in days (ttl)", "数据保存时间，天（ttl）";
    TtlHint => "1–3650; 3650 keeps data forever.", "1–3650；3650 表示永久保存。";
    ShardCount => "Shards (shardCount)", "Shard 数量（shardCount）";
    AutoSplit => "Split shards automatically (autoSplit)", "自动分裂 Shard（autoSplit）";
    MaxSplitShard => "Most shards after splitting (maxSplitShard)", "最大分裂数（maxSplitShard）";
    MaxSplitHint => "1–256; needed when autoSplit is on.", "1–256；开启 autoSplit 时必填。";
    AppendMeta => "Record public IP and receive time (appendMeta)", "记录外网 IP 和接收时间（appendMeta）";
    EnableTracking => "Web tracking (enable_tracking)", "Web Tracking（enable_tracking）";
    HotTtl => "Hot storage in days (hot_ttl)", "热存储时间，天（hot_ttl）";
    HotTtlHint => "Optional; at least 7 and at most ttl.", "可选；不少于 7 且不超过 ttl。";
    InfrequentAccessTtl => "Infrequent access storage in days (infrequentAccessTTL)", "低频存储时间，天（infrequentAccessTTL）";
    OptionalHint => "Optional.", "可选。";
    Mode => "Mode (mode)", "类型（mode）";
    TelemetryType => "Data type (telemetryType)", "数据类型（telemetryType）";
    NotSet => "Not set", "不设置";
    TelemetryNone => "None (logs)", "None（日志）";
    TelemetryMetrics => "Metrics", "Metrics（时序）";

    SummaryReady => "Ready: no errors", "就绪：没有错误";
    SummaryBlocked => "Not ready: fix the errors", "未就绪：请修复错误";
    SummaryGoto => "Go to findings", "查看检查结果";
    S5Title => "5. Review", "5. 检查";
    FindingsTitle => "Findings", "检查结果";
    NoFindings => "No findings.", "没有发现问题。";
    FindingFix => "What to do:", "处理方法：";
    FindingClickHint => "Select a finding to go to its field.", "选择一条结果即可跳转到对应字段。";
    DiffTitle => "What the update does to each field", "更新对每个字段的处理";
    DiffEmpty => "Paste the GetLogStore response to see what the update keeps, changes, adds and drops.", "粘贴 GetLogStore 响应后，即可查看更新保留、修改、新增和去掉的字段。";
    BlastTitle => "What a naive update would reset", "简单更新会重置的设置";
    BlastLost => "Would reset or lose:", "将重置或丢失：";
    BlastNone => "nothing", "无";
    S6Title => "6. What to run", "6. 执行步骤";
    FactsTitle => "Two things that cannot be undone", "两件无法撤销的事";
    FactPermanent => "The choice is permanent. Once encrypt_conf is sent, the key type (service key or BYOK), the algorithm, and the CMK, role and region can never change; only enable can be switched.",
        "选择不可更改。encrypt_conf 一经发送，密钥类型（服务密钥或自带密钥）、算法以及 CMK、角色和地域都无法再更改；只能切换 enable。";
    FactCmk => "If the CMK is disabled or deleted, every read and write on the Logstore fails: the logs become unreadable.",
        "如果 CMK 被禁用或删除，日志库的所有读写都会失败：日志将无法读取。";
    FactCmkService => "With a service key, Log Service manages the key; this applies to BYOK.", "使用服务密钥时由日志服务管理密钥；此条适用于自带密钥（BYOK）。";
    Draft => "Draft. The plan has errors; fix them (see Review) before you use these outputs.", "草稿。计划中有错误，请先处理（见「检查」），再使用这些输出。";
    NothingYet => "Outputs appear here once the target and the key are filled in.", "填写目标和密钥后，此处将显示输出。";
    OutEncryptConf => "encrypt_conf", "encrypt_conf";
    AdoptStoredIntro => "This Logstore's encryption is already set and permanent: only enable can change.", "该日志库的加密已设置且不可更改：只能修改 enable。";
    AdoptStored => "Use the Logstore's stored settings", "使用该日志库已有的设置";
    OutEncryptConfDesc => "The complete encryption configuration. Every UpdateLogStore must carry all of it.", "完整的加密配置。每次 UpdateLogStore 都必须携带完整内容。";
    OutUpdateBody => "UpdateLogStore body", "UpdateLogStore 请求体";
    OutUpdateBodyDesc => "The whole configuration with encrypt_conf merged in, so nothing is reset.", "合并了 encrypt_conf 的完整配置，不会重置任何设置。";
    OutCreateBody => "CreateLogStore body", "CreateLogStore 请求体";
    OutCreateBodyDesc => "The new Logstore with its complete settings and encrypt_conf, as CreateLogStore takes them.", "新日志库的完整设置及 encrypt_conf，即 CreateLogStore 接受的请求体。";
    OutTrust => "Trust policy of the RAM role", "RAM 角色的信任策略";
    OutTrustDesc => "Lets Log Service (log.aliyuncs.com) assume the role.", "允许日志服务（log.aliyuncs.com）扮演该角色。";
    OutPassrole => "PassRole policy", "PassRole 策略";
    OutPassroleDesc => "For the RAM user who sends the encryption request.", "授予发送加密请求的 RAM 用户。";
    OutAlternative => "Alternative: UpdateLogStoreEncryption body", "备选：UpdateLogStoreEncryption 请求体";
    RequestsTitle => "Requests, in the order to send them", "请求（按发送顺序）";
    ExportsTitle => "Ready-to-run forms", "可直接运行的形式";
    IntentTitle => "This page as an intent", "本页对应的意图（intent）";
    IntentDesc => "The input this page compiles. Save it and run: sls-encrypt compile intent.json", "本页编译的输入。保存后可运行：sls-encrypt compile intent.json";
    ArtifactsTitle => "Bodies and policies", "请求体与策略";
    ClearPaste => "Clear this paste", "清除粘贴的内容";

    SummaryNothing => "Nothing to send: this plan changes nothing", "无需发送：此计划不会更改任何设置";
    SummaryToFill => "Fill in the fields listed below to get a plan", "填写下方列出的字段即可生成计划";
    SummaryReadWarnings => "Ready once you have read the warnings", "阅读警告后即可使用";
    SummaryRun => "What to run", "执行步骤";
    TodoTitle => "To fill in", "待填写";
    TodoHint => "Nothing is wrong yet. The plan needs these fields:", "目前没有错误。生成计划还需要以下字段：";
    CheckAll => "Check everything now", "立即全部检查";
    NothingToSendTitle => "Nothing to send", "无需发送";
    NothingToSendBody => "The Logstore already has what this plan would send, so there is no request and no script. If you meant to change something, change the choice in the form.",
        "该日志库已是此计划要发送的设置，因此没有请求，也没有脚本。如需更改，请修改表单中的选项。";
    RunbookTitle => "Run these steps in order", "请按顺序执行以下步骤";
    RunbookHint => "One aliyun CLI command per step, with credentials set up by aliyun configure. The whole script is in the tab below.",
        "每步一条 aliyun CLI 命令，需先用 aliyun configure 配置凭证。完整脚本见下方标签页。";
    TabsLabel => "Outputs by kind", "按类型查看输出";
    TabScript => "Script", "脚本";
    TabBodies => "API bodies", "请求体";
    TabTerraform => "Terraform", "Terraform";
    TabPython => "Python", "Python";
    TabTicket => "Change ticket", "变更单";
    TabIntent => "Intent", "意图（intent）";
    Undo => "Undo", "撤销";
    ShareTitle => "Share this form as a link", "以链接分享此表单";
    ShareContains => "The link will contain these values:", "链接将包含以下内容：";
    ShareDefaults => "Nothing but defaults: the form is not filled in.", "仅有默认值：表单尚未填写。";
    ShareAccountOut => "Your account id is left out (the option below is on).", "已隐去您的账号 ID（已勾选下方选项）。";
    SharePasted => "Pasted texts are in the link as they are: anyone with the link can read them.", "粘贴的文本原样放入链接：任何拿到链接的人都能看到。";
    ShareCopyNow => "Copy the link", "复制链接";
    Close => "Close", "关闭";
    BlastEncryptConfOnly => "A body with only encrypt_conf", "只含 encrypt_conf 的请求体";
    BlastPythonSdk => "The Python SDK's update_logstore", "Python SDK 的 update_logstore";
    BlastGoSdk => "The Go SDK's UpdateLogStoreV2", "Go SDK 的 UpdateLogStoreV2";
    RoleArnPlaceholder => "acs:ram::<account id>:role/<role name>", "acs:ram::<账号 ID>:role/<角色名称>";
    KeySectionName => "Key", "密钥";
    LogstoreSettingsName => "New Logstore settings", "新日志库设置";

    S7Title => "7. Verify", "7. 核验";
    VerifyIntro => "After you have sent the requests, read the Logstore again and paste the response: every field sent is checked against what the Logstore now has.",
        "发送请求后，请重新读取日志库并粘贴响应：将逐项核对发送的每个字段与日志库当前的设置。";
    VerifyCommandIntro => "Read the Logstore after the change with:", "使用以下命令读取变更后的日志库：";
    AfterLabel => "GetLogStore response after the change (paste the JSON)", "变更后的 GetLogStore 响应（粘贴 JSON）";
    AfterHint => "Read it after the requests were sent. Read-only fields (createTime, lastModifyTime, …) are not compared.",
        "请在发送请求后读取。只读字段（createTime、lastModifyTime 等）不参与比较。";
    VerifyEmpty => "Paste the response above to check the change.", "在上方粘贴响应即可核验变更。";
    VerifyNoRows => "Nothing could be compared: see the findings for why.", "无法进行比较：原因见检查结果。";
    VerifyCaption => "Each field sent, against the Logstore read after the change", "发送的每个字段与变更后读取的日志库对比";
    VerifyField => "Field", "字段";
    VerifyExpected => "Sent", "发送的值";
    VerifyActual => "Read back", "读取到的值";
    VerifyStatus => "Status", "状态";
    VerifySame => "Matches", "一致";
    VerifyDiffers => "Differs", "不一致";
    VerifyMissing => "Missing", "缺失";
    VerifyAbsent => "(none)", "（无）";
}

/// The label people know a naive client by (the plan's `blast_radius[].client` is an id).
pub fn blast_client(lang: Lang, client: crate::plan::NaiveClient) -> &'static str {
    use crate::plan::NaiveClient;
    match client {
        NaiveClient::EncryptConfOnly => S::BlastEncryptConfOnly.text(lang),
        NaiveClient::PythonSdkUpdateLogstore => S::BlastPythonSdk.text(lang),
        NaiveClient::GoSdkUpdateLogstoreV2 => S::BlastGoSdk.text(lang),
    }
}

/// The box shown instead of a textarea holding a paste over the limit (its text is kept, not shown).
pub fn paste_too_large(lang: Lang, bytes: usize) -> String {
    let (size, limit) = (crate::limits::grouped(bytes), crate::limits::grouped(crate::limits::MAX_PASTED_BYTES));
    match lang {
        Lang::En => format!(
            "{size} bytes were pasted here: over the {limit}-byte limit, so they are neither read nor shown. Clear the field and paste only the response or policy."
        ),
        Lang::Zh => format!("此处粘贴了 {size} 字节：超过 {limit} 字节的上限，因此既不读取也不显示。请清除后只粘贴响应或策略本身。"),
    }
}

/// "line 3, column 5".
pub fn position(lang: Lang, line: usize, column: usize) -> String {
    match lang {
        Lang::En => format!("line {line}, column {column}"),
        Lang::Zh => format!("第 {line} 行第 {column} 列"),
    }
}

/// "Step 2: AttachPolicyToRole".
pub fn step(lang: Lang, n: usize, api: crate::plan::Api) -> String {
    match lang {
        Lang::En => format!("Step {n}: {api}"),
        Lang::Zh => format!("第 {n} 步：{api}"),
    }
}

/// The words for a severity: its English name for one finding and for several, and its Chinese name.
fn severity_words(s: Severity) -> (&'static str, &'static str, &'static str) {
    match s {
        Severity::Error => ("Error", "Errors", "错误"),
        Severity::SecurityWarning => ("Security warning", "Security warnings", "安全警告"),
        Severity::Warning => ("Warning", "Warnings", "警告"),
        Severity::Suggestion => ("Suggestion", "Suggestions", "建议"),
        Severity::Info => ("Note", "Notes", "提示"),
    }
}

/// The severity's name for one finding ("Warning").
pub fn severity_name(lang: Lang, s: Severity) -> &'static str {
    let (one, _, zh) = severity_words(s);
    lang.pick(one, zh)
}

/// A count of findings of one severity ("2 warnings", "2 个警告").
pub fn severity_count(lang: Lang, s: Severity, n: usize) -> String {
    let (one, many, zh) = severity_words(s);
    let (one, many) = (one.to_ascii_lowercase(), many.to_ascii_lowercase());
    match lang {
        Lang::En => format!("{n} {}", if n == 1 { one } else { many }),
        Lang::Zh => format!("{n} 个{zh}"),
    }
}

/// How many fields are left to fill in ("3 to fill in", "3 项待填写").
pub fn todo_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{n} to fill in"),
        Lang::Zh => format!("{n} 项待填写"),
    }
}

/// The heading of a group of findings ("Warnings (2)").
pub fn severity_group(lang: Lang, s: Severity, n: usize) -> String {
    let (_, many, zh) = severity_words(s);
    let name = lang.pick(many, zh);
    match lang {
        Lang::En => format!("{name} ({n})"),
        Lang::Zh => format!("{name}（{n}）"),
    }
}

/// The verification's one-line result ("All 12 fields match the plan.").
pub fn verify_summary(lang: Lang, ok: bool, differing: usize, total: usize) -> String {
    match (lang, ok) {
        (Lang::En, true) => format!("Verified: all {total} fields match the plan."),
        (Lang::Zh, true) => format!("核验通过：全部 {total} 个字段与计划一致。"),
        (Lang::En, false) => format!("Not verified: {differing} of {total} fields do not match the plan."),
        (Lang::Zh, false) => format!("核验未通过：{total} 个字段中有 {differing} 个与计划不一致。"),
    }
}
