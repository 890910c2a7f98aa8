//! Python with the official SDK.

use crate::intent::Intent;
use crate::plan::Plan;

/// The Python script; a `draft` (why the plan has errors) makes it stop before the first call.
pub(super) fn python_sdk(_intent: &Intent, plan: &Plan, _draft: Option<&str>) -> Option<String> {
    let _ = plan;
    None
}
