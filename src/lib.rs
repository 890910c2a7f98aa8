//! sls-encrypt: compiles KMS encryption for Simple Log Service Logstores.
//!
//! The pure core (everything outside `ui`) turns an intent document into a plan document and
//! has no browser dependencies; the `ui` module is the Yew front end, built for wasm32 only.

pub mod choice;
pub mod compile;
pub mod encryption;
pub mod exports;
pub mod finding;
pub mod ids;
pub mod intent;
pub mod json;
pub mod limits;
pub mod logstore;
pub mod merge;
pub mod plan;
pub mod pointer;
pub mod policy;
pub mod policy_lang;
pub mod ram;
pub mod scan;
#[cfg(all(feature = "schema", not(target_arch = "wasm32")))]
pub mod schema;
pub mod text;
pub mod trust;
pub mod verify;

pub use compile::{compile, compile_text};
pub use finding::{Code, Finding, Severity};
pub use plan::Plan;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;
