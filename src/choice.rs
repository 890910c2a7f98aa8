//! The intent's choices: every field with a fixed set of values, as an enum with its wire values.
//! The core reads the intent with these tables and the page builds its options from them, so a
//! choice value is written once, here.

/// A choice with a fixed set of values, each spelled one way on the wire.
pub trait Choice: Copy + PartialEq + Sized + 'static {
    /// Every value, in the order the page offers them.
    const ALL: &'static [Self];
    /// The wire spelling of each value of [`Choice::ALL`], in the same order.
    const WIRE: &'static [&'static str];

    /// The wire spelling.
    fn wire(self) -> &'static str;

    /// The value spelled `s` (exactly, as the page writes it).
    fn from_wire(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.wire() == s)
    }
}

macro_rules! choices {
    ($( $(#[$doc:meta])* $name:ident { $( $(#[$vdoc:meta])* $variant:ident = $wire:literal, )* } )*) => { $(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $( $(#[$vdoc])* $variant, )* }

        impl $name {
            /// The wire spelling (usable in constants).
            pub const fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $wire, )* }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl Choice for $name {
            const ALL: &'static [$name] = &[ $( $name::$variant, )* ];
            const WIRE: &'static [&'static str] = &[ $( $wire, )* ];
            fn wire(self) -> &'static str {
                self.as_str()
            }
        }
    )* };
}

choices! {
    /// Which Logstore: the one Cloud Firewall created (`target.preset`), or a project and Logstore
    /// given by name (the page's and share link's spelling: the intent then has no `preset`).
    TargetKind {
        /// The Cloud Firewall preset.
        CloudFirewall = "cloud_firewall",
        /// A project and Logstore given by name.
        Custom = "custom",
    }
    /// Create a new Logstore or update an existing one (`operation`).
    Operation {
        /// UpdateLogStore on an existing Logstore (GetLogStore, merge, send back).
        Update = "update",
        /// CreateLogStore with encryption.
        Create = "create",
    }
    /// Who holds the key (`encryption.key`): Log Service (service key) or the user's KMS CMK (BYOK).
    KeyKind {
        /// Service key (服务密钥).
        Service = "service",
        /// Bring your own key (自带密钥).
        Byok = "byok",
    }
    /// The algorithms offered (`encryption.encrypt_type`): AES or SM4.
    Algorithm {
        /// AES.
        Default = "default",
        /// SM4.
        Sm4 = "sm4",
    }
    /// Create the BYOK role or use an existing one (the page's and share link's spelling of
    /// `ram.create_role`: true or false).
    RoleMode {
        /// Create the role.
        New = "new",
        /// Use an existing role (its ARN).
        Existing = "existing",
    }
    /// Scope of the PassRole policy (`ram.passrole_scope`).
    PassRoleScope {
        /// Exactly the BYOK role's ARN (least privilege).
        Role = "role",
        /// `acs:ram::*`, as the vendor docs show.
        Any = "any",
    }
    /// What to do with GetLogStore fields nobody knows yet (`unknown_fields`).
    UnknownFields {
        /// Keep them in the update body (default), with a warning each.
        Keep = "keep",
        /// Drop them, with a warning each.
        Drop = "drop",
    }
    /// A new Logstore's `mode`.
    LogstoreMode {
        /// Standard.
        Standard = "standard",
        /// Query.
        Query = "query",
    }
    /// A new Logstore's `telemetryType` (note the capitals).
    TelemetryType {
        /// A Logstore (logs).
        Logs = "None",
        /// A Metricstore.
        Metrics = "Metrics",
    }
}

impl TargetKind {
    /// The values `target.preset` takes.
    pub const PRESETS: &'static [&'static str] = &[TargetKind::CloudFirewall.as_str()];
}

impl RoleMode {
    /// The mode `ram.create_role` stands for.
    pub fn from_create_role(create: bool) -> RoleMode {
        if create { RoleMode::New } else { RoleMode::Existing }
    }

    /// The value of `ram.create_role`.
    pub fn creates_role(self) -> bool {
        self == RoleMode::New
    }
}

impl Choice for crate::finding::Lang {
    const ALL: &'static [Self] = &[crate::finding::Lang::En, crate::finding::Lang::Zh];
    const WIRE: &'static [&'static str] = &[crate::finding::Lang::En.code(), crate::finding::Lang::Zh.code()];
    fn wire(self) -> &'static str {
        self.code()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_is_consistent<C: Choice + std::fmt::Debug>() {
        assert_eq!(C::ALL.len(), C::WIRE.len());
        for (c, w) in C::ALL.iter().zip(C::WIRE) {
            assert_eq!(c.wire(), *w);
            assert_eq!(C::from_wire(w), Some(*c));
        }
    }

    #[test]
    fn every_choice_has_one_wire_value_per_variant() {
        table_is_consistent::<TargetKind>();
        table_is_consistent::<Operation>();
        table_is_consistent::<KeyKind>();
        table_is_consistent::<Algorithm>();
        table_is_consistent::<RoleMode>();
        table_is_consistent::<PassRoleScope>();
        table_is_consistent::<UnknownFields>();
        table_is_consistent::<LogstoreMode>();
        table_is_consistent::<TelemetryType>();
        table_is_consistent::<crate::finding::Lang>();
        assert_eq!(Operation::from_wire("UPDATE"), None, "the page writes exact values");
        assert_eq!(RoleMode::from_create_role(false), RoleMode::Existing);
    }
}
