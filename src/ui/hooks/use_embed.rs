//! The embed protocol (version 1) for internal portals that host the app in an iframe:
//!   app -> portal  `{type: "sls-encrypt:ready", version: 1}`
//!   portal -> app  `{type: "sls-encrypt:set-intent", intent: {...}}`
//!   app -> portal  `{type: "sls-encrypt:plan", version: 1, intent: {...}, plan: {...}}`
//!   app -> portal  `{type: "sls-encrypt:error", version: 1, message: "..."}` (the app crashed)
//! The portal's origin is named by the `embed` query parameter (`?embed=https://portal.example`);
//! without it only a same-origin parent is served. Messages are posted to that origin only, and
//! only messages whose source is the parent window and whose origin is that origin are read.

use crate::plan::Plan;
use crate::ui::state::{Action, Form, State};
use gloo::events::EventListener;
use serde_json::{Value, json};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Window};
use yew::prelude::*;

/// Prefix of every message type.
pub const PROTOCOL: &str = "sls-encrypt";

/// True when the page is framed. A framed app keeps its state to itself: it neither restores
/// nor saves localStorage or the URL hash, so a page that frames it learns only what is typed
/// into that frame.
pub fn framed() -> bool {
    web_sys::window().and_then(|w| w.parent().ok().flatten().map(|p| !js_sys::Object::is(&p, &w))).unwrap_or(false)
}

/// Portals the deployment allows, from `<meta name="sls-encrypt-portals" content="origin ...">`
/// (absent: any portal named by `?embed=`; the frame's state is isolated either way).
fn allowed_portals() -> Option<Vec<String>> {
    let meta = gloo::utils::document().query_selector("meta[name=\"sls-encrypt-portals\"]").ok().flatten()?;
    Some(meta.get_attribute("content").unwrap_or_default().split_whitespace().map(str::to_string).collect())
}

/// The parent window and the origin the app may talk to, when the app is framed by one it trusts.
fn portal() -> Option<(Window, String)> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    if js_sys::Object::is(&parent, &window) {
        return None; // not framed
    }
    let location = window.location();
    let own = location.origin().ok()?;
    let search = location.search().ok().unwrap_or_default();
    let asked = web_sys::UrlSearchParams::new_with_str(&search).ok().and_then(|p| p.get("embed"));
    let origin = match asked {
        None => own,
        Some(o) => {
            // Only an exact origin (scheme://host[:port]) is accepted; "*", paths or "null" are not.
            let parsed = web_sys::Url::new(&o).ok()?;
            if parsed.origin() != o || o == "null" {
                web_sys::console::warn_1(&JsValue::from_str("sls-encrypt: ignoring ?embed=, which is not an origin"));
                return None;
            }
            o
        }
    };
    if let Some(allowed) = allowed_portals()
        && !allowed.contains(&origin)
    {
        web_sys::console::warn_1(&JsValue::from_str("sls-encrypt: this portal is not in the deployment's sls-encrypt-portals list"));
        return None;
    }
    Some((parent, origin))
}

fn post(parent: &Window, origin: &str, message: &Value) {
    if let Ok(data) = js_sys::JSON::parse(&message.to_string()) {
        let _ = parent.post_message(&data, origin);
    }
}

/// Tells a trusted parent that the app crashed: `{type: "sls-encrypt:error", version: 1, message}`
/// (the page shows the recovery message; the portal may offer its own way back).
pub fn report_error(message: &str) {
    if let Some((parent, origin)) = portal() {
        let message: String = message.chars().take(2000).collect();
        post(&parent, &origin, &json!({ "type": format!("{PROTOCOL}:error"), "version": 1, "message": message }));
    }
}

/// Announces the app to a trusted parent, loads the intents it sends, and reports every plan.
#[hook]
pub fn use_embed(state: &UseReducerHandle<State>, plan: Rc<Plan>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = portal().and_then(|(parent, origin)| {
            post(&parent, &origin, &json!({ "type": format!("{PROTOCOL}:ready"), "version": 1 }));
            let window = web_sys::window()?;
            Some(EventListener::new(&window, "message", move |event| {
                let Some(event) = event.dyn_ref::<MessageEvent>() else { return };
                let from_parent = event.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
                if !from_parent || event.origin() != origin {
                    return;
                }
                let data: Option<Value> =
                    js_sys::JSON::stringify(&event.data()).ok().and_then(|s| s.as_string()).and_then(|s| serde_json::from_str(&s).ok());
                let Some(data) = data else { return };
                if data["type"] == format!("{PROTOCOL}:set-intent") && data["intent"].is_object() {
                    dispatcher.dispatch(Action::Load(Form::from_intent(&data["intent"]), None));
                }
            }))
        });
        move || drop(listener)
    });
    // Outside a frame there is no portal to tell: no plan to compare or hold on every keystroke.
    let framed = *use_memo((), |_| framed());
    use_effect_with(framed.then(|| (plan, state.form.clone())), move |deps| {
        if let (Some((plan, form)), Some((parent, origin))) = (deps, portal()) {
            let intent = form.intent();
            let plan = serde_json::to_value(&**plan).unwrap_or(Value::Null);
            post(&parent, &origin, &json!({ "type": format!("{PROTOCOL}:plan"), "version": 1, "intent": intent, "plan": plan }));
        }
    });
}
