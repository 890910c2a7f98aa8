//! Hooks: the page's context, persistence (URL hash and localStorage), the document's language, copy confirmations,
//! and the embed protocol for portals.

mod use_app;
mod use_copy;
mod use_document_lang;
mod use_embed;
mod use_persistence;

pub use use_app::{Ambient, Same, Store, use_ambient, use_app, use_app_for, use_app_if, use_store};
pub use use_copy::{CopyState, use_copy};
pub use use_document_lang::use_document_lang;
pub use use_embed::{framed, report_error, use_embed};
pub use use_persistence::{initial_state, use_persistence};
