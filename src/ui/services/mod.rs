//! Browser services: the URL hash, localStorage, the clipboard, downloads, focus and the
//! browser's language. Every call tolerates a browser that refuses it (no panics).

pub mod clipboard;
pub mod download;
pub mod focus;
pub mod hash;
pub mod locale;
pub mod storage;
