//! Never a dead page. The release build aborts on a panic (`panic = "abort"`), but the panic hook
//! still runs first: it saves the last form (so nothing typed is lost; it is in localStorage and
//! the URL as usual), shows a message in both languages with a Reload button (built with DOM
//! calls and `textContent`, never HTML, so it works under the strict CSP), and tells an
//! embedding portal `{type: "sls-encrypt:error", version: 1, message}`.

use crate::ui::hooks::{framed, report_error};
use crate::ui::i18n::Lang;
use crate::ui::services::{hash, storage};
use crate::ui::state::{Field, Form};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The message shown after a crash, in English.
pub const MESSAGE_EN: &str = "Something went wrong inside sls-encrypt and this page stopped working. Your form is saved in this browser and in the address bar: reload to continue where you were.";
/// The message shown after a crash, in Simplified Chinese.
pub const MESSAGE_ZH: &str = "sls-encrypt 内部出错，本页面已停止工作。您填写的内容已保存在本浏览器和地址栏中：重新加载即可从中断处继续。";
/// The Reload button's label (both languages).
pub const RELOAD: &str = "Reload / 重新加载";
/// The label of the technical details.
pub const DETAILS: &str = "Details / 详情";

thread_local! {
    static LAST: RefCell<Option<(Rc<Form>, Lang, bool)>> = const { RefCell::new(None) };
    static SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// Remembers the state about to be compiled, so a panic while compiling it still saves it.
pub fn remember(form: &Rc<Form>, lang: Lang, redact: bool) {
    LAST.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            *l = Some((form.clone(), lang, redact));
        }
    });
}

/// Saves a form as the persistence hook does: the URL hash (pasted texts left out when too long
/// for a link) and localStorage. Returns the hash written.
pub fn persist(form: &Form, redact: bool, lang: Lang) -> String {
    let pastes_fit =
        Field::ALL.iter().filter(|f| f.is_pasted()).all(|f| form.too_large(*f).is_none() && form.text(*f).len() <= hash::MAX_LEN);
    let mut map = form.to_map_within(false, redact, hash::MAX_LEN);
    if redact && !form.text(Field::AccountId).trim().is_empty() {
        map.insert(hash::REDACTED_KEY.into(), Value::Bool(true));
    }
    let mut new_hash = if pastes_fit { hash::encode(&map) } else { String::new() };
    if !pastes_fit || new_hash.len() > hash::MAX_LEN {
        // Too long to share as a link: leave the pasted texts out and say so.
        for field in Field::ALL.iter().copied().filter(|f| f.is_pasted()) {
            map.remove(field.key());
        }
        map.insert(hash::OMITTED_KEY.into(), Value::Bool(true));
        new_hash = hash::encode(&map);
    }
    hash::replace(&new_hash);
    // A paste over the limit is not saved (only its size is kept, and it is never read).
    let saved = form.to_map(true, false);
    storage::save(&storage::Saved { form: saved, lang: Some(lang), redact, hash: new_hash.clone() });
    new_hash
}

/// Installs the panic hook (once, at start).
pub fn install() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        let message = info.to_string();
        on_panic(&message);
    }));
}

/// What the hook does: once per page, save the last state, show the message, tell the portal.
pub fn on_panic(message: &str) {
    if SHOWN.with(|s| s.replace(true)) {
        return;
    }
    if !framed() {
        let last = LAST.with(|l| l.try_borrow().ok().and_then(|l| l.clone()));
        if let Some((form, lang, redact)) = last {
            persist(&form, redact, lang);
        }
    }
    show(message);
    report_error(message);
}

/// Shows the recovery message at the top of the page (`[data-crash]`, `role="alert"`).
pub fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let Ok(root) = document.create_element("div") else { return };
    root.set_class_name("crash");
    let _ = root.set_attribute("role", "alert");
    let _ = root.set_attribute("data-crash", "");
    for (lang, text) in [("en", MESSAGE_EN), ("zh-CN", MESSAGE_ZH)] {
        if let Ok(p) = document.create_element("p") {
            let _ = p.set_attribute("lang", lang);
            p.set_text_content(Some(text));
            let _ = root.append_child(&p);
        }
    }
    if let Ok(button) = document.create_element("button") {
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute("data-reload", "");
        button.set_text_content(Some(RELOAD));
        let reload = Closure::<dyn FnMut()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        reload.forget();
        let _ = root.append_child(&button);
    }
    if let (Ok(details), Ok(summary), Ok(pre)) =
        (document.create_element("details"), document.create_element("summary"), document.create_element("pre"))
    {
        summary.set_text_content(Some(DETAILS));
        pre.set_text_content(Some(&detail.chars().take(2000).collect::<String>()));
        let _ = details.append_child(&summary);
        let _ = details.append_child(&pre);
        let _ = root.append_child(&details);
    }
    let _ = body.insert_before(&root, body.first_child().as_ref());
    if let Some(button) = root.query_selector("[data-reload]").ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = button.focus();
    }
}
