//! The page's context, for every component, and the small slice of it the leaves read.
//!
//! App puts the state and plan of each render into a [`Store`] (one for the page's life, so
//! providing it never re-renders anyone). A component reads it with [`use_app_if`], naming which
//! changes it shows: it is rendered again only when those changed, not on every keystroke.

use crate::ui::i18n::Lang;
use crate::ui::state::{AppContext, Field};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::prelude::*;

/// A component's test of whether a change matters to it: true when what it shows is the same
/// under both contexts (the one it last rendered with, and the new one). The field is the
/// component's own (a field's control or messages), or ignored.
pub type Same = fn(&Field, &AppContext, &AppContext) -> bool;

/// The page's latest [`AppContext`], shared by reference; components subscribe to its changes.
#[derive(Clone, Default)]
pub struct Store(Rc<StoreInner>);

/// What a component runs on every change of the store.
type Subscriber = dyn Fn(&AppContext);

#[derive(Default)]
struct StoreInner {
    now: RefCell<Option<AppContext>>,
    subscribers: RefCell<Vec<Weak<Subscriber>>>,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Store {
    /// The context as of App's latest render. App sets it before any component reads it.
    pub fn get(&self) -> AppContext {
        self.0.now.borrow().clone().expect("App sets the store before rendering its children")
    }

    /// Takes App's new context and tells every subscriber when it changed.
    pub fn set(&self, ctx: AppContext) {
        if self.0.now.borrow().as_ref() == Some(&ctx) {
            return;
        }
        *self.0.now.borrow_mut() = Some(ctx.clone());
        let subscribers = {
            let mut list = self.0.subscribers.borrow_mut();
            list.retain(|s| s.strong_count() > 0);
            list.clone()
        };
        for s in subscribers.iter().filter_map(Weak::upgrade) {
            s(&ctx);
        }
    }

    fn subscribe(&self, f: &Rc<Subscriber>) {
        self.0.subscribers.borrow_mut().push(Rc::downgrade(f));
    }
}

/// The state, the plan and the dispatcher, as [`crate::ui::app::App`] provides them, for a
/// component rendered again only when `same` says a change matters to it (or its props or own
/// state changed). Every component is rendered inside App's provider, so the store is always
/// there; a component rendered outside it is a programming error (never the user's input),
/// reported by the panic hook. Callbacks that read the state when they run (not only dispatch)
/// read it from [`use_store`], not from the context of the render that made them.
#[hook]
pub fn use_app_if(same: Same) -> AppContext {
    // The test ignores its key: any field will do (one instance of the hook's code, not two).
    use_app_for(Field::Target, same)
}

/// [`use_app_if`] for a test that needs the component's field (`key`, as of each render).
#[hook]
pub fn use_app_for(key: Field, same: Same) -> AppContext {
    let store = use_store();
    let update = use_force_update();
    let ctx = store.get();
    let seen = use_mut_ref(|| (key, ctx.clone()));
    *seen.borrow_mut() = (key, ctx.clone());
    let _subscription = use_memo((), move |_| {
        let f: Rc<Subscriber> = Rc::new(move |now: &AppContext| {
            let stale = {
                let (key, then) = &*seen.borrow();
                !same(key, then, now)
            };
            if stale {
                update.force_update();
            }
        });
        store.subscribe(&f);
        f
    });
    ctx
}

/// [`use_app_if`] for a component that shows something of every change.
#[hook]
pub fn use_app() -> AppContext {
    use_app_if(|_, a, b| a == b)
}

/// The page's [`Store`], for callbacks that read the state as it is when they run.
#[hook]
pub fn use_store() -> Store {
    use_context::<Store>().expect("components are rendered inside App's Store provider")
}

/// What the leaves (outputs, Copy buttons, findings) need of the page: its language and whether
/// the plan is a draft. Provided apart from [`AppContext`], so a leaf whose props are unchanged is
/// not rendered again on a keystroke that changes neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ambient {
    /// The interface language.
    pub lang: Lang,
    /// The plan has errors: every download is named a draft.
    pub draft: bool,
    /// The views inside are in a tab panel not on screen: a JSON view holds its full text as one
    /// text node and is coloured once it is shown. Each output panel provides its own
    /// [`Ambient`] with this set (one context type for the page, not one more per panel).
    pub hidden: bool,
}

/// The page's [`Ambient`] (English, not a draft, outside the page's provider).
#[hook]
pub fn use_ambient() -> Ambient {
    use_context::<Ambient>().unwrap_or_default()
}
