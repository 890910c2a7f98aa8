//! Keeps the URL hash and localStorage in step with the state, and loads links opened later.

use crate::ui::i18n::Lang;
use crate::ui::services::{hash, locale, storage};
use crate::ui::state::{Action, Field, Form, Kind, Notice, State};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use serde_json::{Map, Value};
use std::cell::RefCell;
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
        return State { lang: locale::preferred(), ..State::default() };
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
    // A form filled in before (saved, or from a link) is checked in full from the start.
    let asked = form != Form::default();
    State { form: Rc::new(form), lang, redact, notice, asked, ..State::default() }
}

/// How long typing must pause before the state is saved (the URL hash and localStorage).
pub const SAVE_PAUSE_MS: u32 = 300;

/// A change is typing when only text fields changed (not a choice, a flag, the language or
/// redaction): typing is saved once it pauses, anything else at once.
fn typing(before: &(Rc<Form>, bool, Lang), now: &(Rc<Form>, bool, Lang)) -> bool {
    before.1 == now.1
        && before.2 == now.2
        && Field::ALL.iter().all(|f| !matches!(f.kind(), Kind::Choice(_) | Kind::Flag) || before.0.get(*f) == now.0.get(*f))
}

/// Writes the state waiting in `unsaved` (if any) to the hash and localStorage.
fn save_now(unsaved: &RefCell<Option<(Rc<Form>, bool, Lang)>>, last_hash: &RefCell<String>) {
    let job = unsaved.borrow_mut().take();
    if let Some((form, redact, lang)) = job {
        *last_hash.borrow_mut() = crate::ui::crash::persist(&form, redact, lang);
    }
}

/// Saves what typing left unsaved as the page goes away. A reload loads the address as it was
/// before this save, so the saved state is marked as belonging to that address: the newest state
/// comes back, not the older one in the link.
fn save_before_leaving(unsaved: &RefCell<Option<(Rc<Form>, bool, Lang)>>, last_hash: &RefCell<String>) {
    if unsaved.borrow().is_none() {
        return;
    }
    let address = hash::current();
    save_now(unsaved, last_hash);
    if let Some(mut saved) = storage::load() {
        saved.hash = address;
        storage::save(&saved);
    }
}

/// Writes the hash (replaceState, no history entries) and localStorage after each change (typing
/// once it pauses for [`SAVE_PAUSE_MS`], or the field is left, or the page hidden), and loads a
/// link pasted into the address bar of an open page.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<State>) {
    let last_hash = use_mut_ref(String::new);
    let unsaved = use_mut_ref(|| None::<(Rc<Form>, bool, Lang)>);
    let before = use_mut_ref(|| None::<(Rc<Form>, bool, Lang)>);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let (last_hash, unsaved) = (last_hash.clone(), unsaved.clone());
        use_effect_with((state.form.clone(), state.redact, state.lang), move |(form, redact, lang)| {
            if super::framed() {
                return; // embedded: nothing is saved or put in the address
            }
            let now = (form.clone(), *redact, *lang);
            let wait = before.borrow().as_ref().is_some_and(|b| typing(b, &now));
            *before.borrow_mut() = Some(now.clone());
            *unsaved.borrow_mut() = Some(now);
            if wait {
                // Replacing the timer cancels the one set by the previous keystroke.
                *timer.borrow_mut() = Some(Timeout::new(SAVE_PAUSE_MS, move || save_now(&unsaved, &last_hash)));
            } else {
                timer.borrow_mut().take();
                save_now(&unsaved, &last_hash);
            }
        });
    }
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listeners = web_sys::window().map(|window| {
            // Leaving a field (`change`) or the page saves what is still waiting for a pause.
            let flush = |event: &'static str| {
                let (unsaved, last_hash) = (unsaved.clone(), last_hash.clone());
                EventListener::new(&window, event, move |_| save_now(&unsaved, &last_hash))
            };
            let leaving = {
                let (unsaved, last_hash) = (unsaved.clone(), last_hash.clone());
                EventListener::new(&window, "pagehide", move |_| save_before_leaving(&unsaved, &last_hash))
            };
            let saves = [flush("change"), leaving];
            let links = EventListener::new(&window, "hashchange", move |_| {
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
            });
            (saves, links)
        });
        move || drop(listeners)
    });
}
