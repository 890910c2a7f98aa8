//! Going to where a finding points: the control whose `data-field` is the finding's path (or its
//! nearest ancestor), and inside pasted text the finding's line and column.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// True when `pointer` is `path` or one of its ancestors (whole segments).
pub fn is_ancestor(pointer: &str, path: &str) -> bool {
    !pointer.is_empty() && crate::pointer::is_within(path, pointer)
}

/// One control on the page: its `data-field`, whether it is a radio, and whether it is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Control {
    /// The `data-field` pointer.
    pub pointer: String,
    /// A radio button (one of several with the same pointer).
    pub radio: bool,
    /// Checked (radios and checkboxes).
    pub checked: bool,
}

/// Picks the control for a finding at `path`: the deepest ancestor (of a radio group, the checked
/// radio), else the first control inside `path` (again the checked radio of a group).
pub fn choose(controls: &[Control], path: &str) -> Option<usize> {
    let usable = |c: &Control| !c.radio || c.checked;
    let deepest = controls.iter().filter(|c| is_ancestor(&c.pointer, path)).map(|c| c.pointer.len()).max();
    let candidates: Vec<usize> = match deepest {
        Some(len) => (0..controls.len()).filter(|&i| controls[i].pointer.len() == len && is_ancestor(&controls[i].pointer, path)).collect(),
        None if !path.is_empty() => (0..controls.len()).filter(|&i| is_ancestor(path, &controls[i].pointer)).collect(),
        None => Vec::new(),
    };
    candidates.iter().copied().find(|&i| usable(&controls[i])).or(candidates.first().copied())
}

/// UTF-16 offsets of the selection for 1-based `line` and `column` (in characters): from there to
/// the end of the token, at least one character when the line has one.
pub fn selection(text: &str, line: usize, column: usize) -> (u32, u32) {
    let mut offset = 0u32;
    let mut rest = "";
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            rest = l;
            break;
        }
        offset += l.encode_utf16().count() as u32;
    }
    let mut chars = rest.chars();
    for _ in 1..column.max(1) {
        match chars.next() {
            Some('\n') | None => break,
            Some(c) => offset += c.len_utf16() as u32,
        }
    }
    let mut end = offset;
    for (i, c) in chars.enumerate() {
        let stop = c == '\n' || c == '\r' || (i > 0 && (c.is_whitespace() || ",:]}".contains(c)));
        if stop {
            break;
        }
        end += c.len_utf16() as u32;
    }
    (offset, end)
}

/// Focuses the control for a finding at `path` and, for pasted text, selects `line`:`column`.
pub fn go_to(path: &str, line: Option<usize>, column: Option<usize>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(nodes) = document.query_selector_all("[data-field]") else { return };
    let elements: Vec<Element> = (0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok()).collect();
    let controls: Vec<Control> = elements
        .iter()
        .map(|e| {
            let input = e.dyn_ref::<HtmlInputElement>();
            Control {
                pointer: e.get_attribute("data-field").unwrap_or_default(),
                radio: input.is_some_and(|i| i.type_() == "radio"),
                checked: input.is_some_and(HtmlInputElement::checked),
            }
        })
        .collect();
    let Some(i) = choose(&controls, path) else { return };
    let element = &elements[i];
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        let _ = html.focus();
    }
    if let (Some(area), Some(line), Some(column)) = (element.dyn_ref::<HtmlTextAreaElement>(), line, column) {
        let text = area.value();
        let (start, end) = selection(&text, line, column);
        let _ = area.set_selection_range(start, end);
        let lines = text.split('\n').count().max(1) as f64;
        let height = f64::from(area.scroll_height());
        let top = (line.saturating_sub(1) as f64 / lines * height) - f64::from(area.client_height()) / 3.0;
        area.set_scroll_top(top.max(0.0) as i32);
    }
}

/// Focuses the element with this id and scrolls it into view (in-page links that must not
/// touch the URL hash, which holds the state).
pub fn focus_id(id: &str) {
    let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else { return };
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        let _ = html.focus();
    }
    element.scroll_into_view();
}
