//! Copy with a visible confirmation that clears itself.

use crate::ui::services::clipboard;
use gloo::timers::callback::Timeout;
use yew::platform::spawn_local;
use yew::prelude::*;

/// What the last copy did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyState {
    /// Nothing to report.
    Idle,
    /// The text is on the clipboard.
    Copied,
    /// The browser refused.
    Failed,
}

/// A callback that copies its text, and the state to show (back to idle after 2.5 s).
#[hook]
pub fn use_copy() -> (CopyState, Callback<String>) {
    let state = use_state(|| CopyState::Idle);
    let timer = use_mut_ref(|| None::<Timeout>);
    let copy = {
        let state = state.clone();
        Callback::from(move |text: String| {
            let state = state.clone();
            let timer = timer.clone();
            spawn_local(async move {
                let ok = clipboard::write(&text).await;
                state.set(if ok { CopyState::Copied } else { CopyState::Failed });
                let reset = state.clone();
                *timer.borrow_mut() = Some(Timeout::new(2_500, move || reset.set(CopyState::Idle)));
            });
        })
    };
    (*state, copy)
}
