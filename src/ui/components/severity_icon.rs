//! A small icon per severity (shape differs, so colour is never the only signal).

use crate::finding::Severity;
use yew::prelude::*;

/// An SVG icon, hidden from assistive technology (the severity is always also written out). A
/// plain function, not a component: it has no state, and a component per icon costs bytes and
/// a scope per finding.
pub fn severity_icon(severity: Severity) -> Html {
    let shape = match severity {
        Severity::Error => html! {
            <>
                <circle cx="8" cy="8" r="7" />
                <path d="M5 5 L11 11 M11 5 L5 11" class="glyph" />
            </>
        },
        Severity::SecurityWarning => html! {
            <>
                <path d="M8 1 L14 3.5 V8 C14 11.5 11.5 14 8 15 C4.5 14 2 11.5 2 8 V3.5 Z" />
                <path d="M8 4.5 V9 M8 11 V11.5" class="glyph" />
            </>
        },
        Severity::Warning => html! {
            <>
                <path d="M8 1.5 L15 14.5 H1 Z" />
                <path d="M8 6 V10 M8 12 V12.5" class="glyph" />
            </>
        },
        Severity::Suggestion => html! {
            <>
                <rect x="1.5" y="1.5" width="13" height="13" rx="3" />
                <path d="M4.5 8 H11.5 M8 4.5 V11.5" class="glyph" />
            </>
        },
        Severity::Info => html! {
            <>
                <circle cx="8" cy="8" r="7" />
                <path d="M8 7 V12 M8 4 V4.5" class="glyph" />
            </>
        },
    };
    html! {
        <svg class={classes!("sev-icon", severity.as_str())} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            { shape }
        </svg>
    }
}
