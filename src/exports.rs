//! Ready-to-paste forms of the plan (filled in below).

use crate::intent::Intent;
use crate::plan::Plan;
use serde_json::{Map, Value};

/// Every export of the plan, keyed by name.
pub fn exports(_intent: &Intent, _plan: &Plan) -> Map<String, Value> {
    Map::new()
}
