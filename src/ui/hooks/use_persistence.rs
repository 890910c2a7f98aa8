//! Keeps the URL hash and localStorage in step with the state, and loads links opened later.

use crate::ui::services::{hash, locale, storage};
use crate::ui::state::{Action, Field, Form, Notice, State};
use gloo::events::EventListener;
use serde_json::{Map, Value};
use std::rc::Rc;
use yew::prelude::*;

fn from_link(map: &Map<String, Value>) -> (Form, Option<Notice>) {
    let flag = |key: &str| map.get(key).and_then(Value::as_bool).unwrap_or(false);
    let notice = if flag(hash::OMITTED_KEY) {
        Some(Notice::PasteOmitted)
    } else if flag(hash::REDACTED_KEY) {
        Some(Notice::RedactedLink)
    } else {
        None
    };
    let mut map = map.clone();
    if flag(hash::REDACTED_KEY) {
        // A redacted link never carries an account id; one that does was not made by this app.
        map.remove(Field::AccountId.key());
    }
    (Form::from_map(&map), notice.or(Some(Notice::FromLink)))
}

/// The state a page starts with: a share link in the address bar wins, unless it is the link
/// this browser wrote last (then the saved state, which has the unredacted account id and the
/// fields of inactive choices); then the saved state; then a fresh form.
pub fn initial_state() -> State {
    if super::framed() {
        // Embedded: a blank form; the portal sends the intent.
        return State { form: Rc::new(Form::default()), lang: locale::preferred(), redact: false, notice: None };
    }
    let saved = storage::load();
    let lang = saved.as_ref().and_then(|s| s.lang).unwrap_or_else(locale::preferred);
    let redact = saved.as_ref().is_some_and(|s| s.redact);
    let saved_form = saved.as_ref().map(|s| Form::from_map(&s.form));
    let here = hash::current();
    let same_as_saved = saved.as_ref().is_some_and(|s| s.hash == here);
    let (form, notice) = match hash::decode(&here) {
        Some(Ok(map)) if !same_as_saved => from_link(&map),
        Some(Err(())) => (saved_form.unwrap_or_default(), Some(Notice::BadLink)),
        _ => (saved_form.unwrap_or_default(), None),
    };
    State { form: Rc::new(form), lang, redact, notice }
}

/// Writes the hash (replaceState, no history entries) and localStorage on every change, and
/// loads a link pasted into the address bar of an open page.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<State>) {
    let last_hash = use_mut_ref(String::new);
    {
        let last_hash = last_hash.clone();
        use_effect_with((state.form.clone(), state.redact, state.lang), move |(form, redact, lang)| {
            if super::framed() {
                return; // embedded: nothing is saved or put in the address
            }
            let mut map = form.to_map(false, *redact);
            if *redact && !form.text(Field::AccountId).trim().is_empty() {
                map.insert(hash::REDACTED_KEY.into(), Value::Bool(true));
            }
            let mut new_hash = hash::encode(&map);
            if new_hash.len() > hash::MAX_LEN {
                // Too long to share as a link: leave the pasted texts out and say so.
                for field in Field::ALL.iter().copied().filter(|f| f.is_pasted()) {
                    map.remove(field.key());
                }
                map.insert(hash::OMITTED_KEY.into(), Value::Bool(true));
                new_hash = hash::encode(&map);
            }
            hash::replace(&new_hash);
            storage::save(&storage::Saved { form: form.to_map(true, false), lang: Some(*lang), redact: *redact, hash: new_hash.clone() });
            *last_hash.borrow_mut() = new_hash;
        });
    }
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                let here = hash::current();
                if here == *last_hash.borrow() {
                    return;
                }
                match hash::decode(&here) {
                    Some(Ok(map)) => {
                        let (form, notice) = from_link(&map);
                        dispatcher.dispatch(Action::Load(form, notice));
                    }
                    Some(Err(())) => dispatcher.dispatch(Action::Notify(Notice::BadLink)),
                    None => {}
                }
            })
        });
        move || drop(listener)
    });
}
