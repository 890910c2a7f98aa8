//! Reads pasted JSON text with positions: every value's line and column, and the slips people
//! make when pasting (comments, trailing commas, duplicate keys, Python's `print()` form) reported
//! as issues instead of being fixed silently or failing without a location.

use crate::finding::{Code, Finding, Text, t};
use crate::json::Decimal;
use crate::limits::excerpt;
use crate::pointer::join;
use crate::scan::ByteSet;
use serde_json::{Map, Number, Value};
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};
use std::sync::Arc;

/// A pasted document of the intent (given as text or as an embedded object), read, with where it
/// is in the intent.
#[derive(Debug, Clone)]
pub struct Source {
    /// Pointer of this source in the intent, e.g. `/current`.
    pub prefix: String,
    /// The document read; its positions are positions in the pasted text, or in the intent's
    /// text for an embedded object.
    pub document: Document,
    /// Characters of the text it was read from (or of its compact JSON form).
    pub chars: usize,
}

/// Most issues one text reports; the rest are counted in one [`Code::TooManyFindings`] issue.
pub const MAX_ISSUES: usize = crate::limits::MAX_FINDINGS;

/// Deepest nesting accepted; deeper input is refused with [`Code::TextTooDeep`].
pub const MAX_DEPTH: usize = 128;

/// A problem found while reading text, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct TextIssue {
    /// The finding code.
    pub code: Code,
    /// JSON pointer inside the document where it happened.
    pub pointer: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What happened.
    pub message: Text,
    /// How to fix it.
    pub fix: Text,
}

impl TextIssue {
    /// Turns the issue into a finding whose path is `prefix` + the pointer inside the text.
    pub fn finding(&self, prefix: &str) -> Finding {
        Finding::new(self.code, format!("{prefix}{}", self.pointer), self.message.clone(), self.fix.clone())
            .at(Some((self.line, self.column)))
    }
}

/// Where each part of a document stands in its text: a tree of nodes (one per value, keyed by
/// its parent and its key or index), so that memory and time stay linear in the text however
/// deep or long the keys are (no node stores its whole pointer, and no segment is a string of its own).
///
/// A node's children are a list, searched by comparing segments while there are few of them
/// (most objects: cheaper than hashing each key); the children of a node with more than
/// [`FEW_CHILDREN`] are also in a table keyed by a keyed hash, so no text can make a lookup slow.
#[derive(Debug, Default)]
struct Positions {
    /// Every node, in text order; the first is the document's root.
    nodes: Vec<Node>,
    /// The segments of all nodes, one after another (`nodes` hold their ranges): one buffer
    /// instead of a string per node.
    segs: String,
    /// The first child, of a node with many, for each keyed hash of (parent, segment); children
    /// whose pairs share a hash (never seen in practice, but possible) follow it through
    /// [`Node::same_hash`].
    many: HashMap<u64, u32, BuildHasherDefault<Prehashed>>,
    /// The keys of that hash: random per document.
    keys: RandomState,
    /// The text: columns are counted in it only when a position is asked for.
    text: Box<str>,
}

/// Most children a node's list is searched in; a node with more has them in [`Positions::many`].
const FEW_CHILDREN: u32 = 32;

/// A place in the text, cheap to take while reading: its line, where that line starts and the
/// byte offset. Its column, in characters, is counted only when asked for ([`Mark::position`]).
#[derive(Debug, Clone, Copy, Default)]
struct Mark {
    /// 1-based line.
    line: usize,
    /// Byte offset where the line starts (after a byte order mark on the first line).
    line_start: usize,
    /// Byte offset.
    at: usize,
}

impl Mark {
    /// Line and 1-based column (in characters) of the mark in `text`.
    fn position(self, text: &str) -> (usize, usize) {
        let column = 1 + text.get(self.line_start..self.at).map_or(self.at - self.line_start, |s| s.chars().count());
        (self.line, column)
    }
}

/// One value of the document: where it starts, its parent node and its key or index, and its
/// place in its parent's list of children.
#[derive(Debug, Clone)]
struct Node {
    /// Where it starts.
    mark: Mark,
    /// The parent node (the root is its own).
    parent: u32,
    /// Its segment (key or decimal index) in [`Positions::segs`].
    seg: std::ops::Range<u32>,
    /// Its first child, or [`NO_NODE`].
    first_child: u32,
    /// Its last child, or [`NO_NODE`].
    last_child: u32,
    /// How many children it has.
    children: u32,
    /// The parent's next child, or [`NO_NODE`].
    next_sibling: u32,
    /// The next child (of a node with many) whose (parent, segment) has the same hash, or [`NO_NODE`].
    same_hash: u32,
}

/// No node: the end of a list.
const NO_NODE: u32 = u32::MAX;

/// A hasher for keys that are hashes already (keyed SipHash values): it passes them through.
#[derive(Debug, Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed here; any other key is folded in whole.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl Positions {
    /// Room for the nodes of a text of `len` bytes, as pasted JSON usually has them (a node every
    /// 24 bytes or so, at most 4,096 ahead).
    fn with_capacity(len: usize) -> Self {
        let nodes = (len / 24).clamp(4, 4096);
        Positions {
            nodes: Vec::with_capacity(nodes),
            segs: String::with_capacity((len / 4).min(16 * 1024)),
            many: HashMap::default(),
            keys: RandomState::new(),
            text: Box::default(),
        }
    }

    /// The document's root, at `mark`.
    fn root(&mut self, mark: Mark) {
        self.nodes.push(Node {
            mark,
            parent: 0,
            seg: 0..0,
            first_child: NO_NODE,
            last_child: NO_NODE,
            children: 0,
            next_sibling: NO_NODE,
            same_hash: NO_NODE,
        });
    }

    /// The segment of `node`.
    fn seg(&self, node: &Node) -> &str {
        &self.segs[node.seg.start as usize..node.seg.end as usize]
    }

    /// The keyed hash of a (parent, segment) pair.
    fn hash(&self, parent: u32, seg: &str) -> u64 {
        self.keys.hash_one((parent, seg))
    }

    /// Puts child `node` of `parent` in the table of the children of nodes with many.
    fn index(&mut self, parent: u32, node: u32) {
        let hash = self.hash(parent, self.seg(&self.nodes[node as usize]));
        match self.many.entry(hash) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(node);
            }
            std::collections::hash_map::Entry::Occupied(e) => {
                // Another pair with this hash: the node goes at the end of its chain.
                let mut last = *e.get();
                while self.nodes[last as usize].same_hash != NO_NODE {
                    last = self.nodes[last as usize].same_hash;
                }
                self.nodes[last as usize].same_hash = node;
            }
        }
    }

    /// The node for `seg` under `parent`, made at `mark` if new (a repeated key keeps the first),
    /// and whether it was there already.
    fn child(&mut self, parent: usize, seg: &str, mark: Mark) -> (usize, bool) {
        if let Some(node) = self.find(parent, seg) {
            return (node, true);
        }
        let parent = parent as u32;
        let next = self.nodes.len() as u32;
        let start = self.segs.len() as u32;
        self.segs.push_str(seg);
        self.nodes.push(Node {
            mark,
            parent,
            seg: start..self.segs.len() as u32,
            first_child: NO_NODE,
            last_child: NO_NODE,
            children: 0,
            next_sibling: NO_NODE,
            same_hash: NO_NODE,
        });
        let p = &mut self.nodes[parent as usize];
        let previous = std::mem::replace(&mut p.last_child, next);
        p.children += 1;
        let children = p.children;
        if previous == NO_NODE {
            p.first_child = next;
        } else {
            self.nodes[previous as usize].next_sibling = next;
        }
        if children == FEW_CHILDREN + 1 {
            // The list becomes long: every child goes in the table.
            let mut c = self.nodes[parent as usize].first_child;
            while c != NO_NODE {
                self.index(parent, c);
                c = self.nodes[c as usize].next_sibling;
            }
        } else if children > FEW_CHILDREN {
            self.index(parent, next);
        }
        (next as usize, false)
    }

    /// The node for `seg` under `parent`, if there is one.
    fn find(&self, parent: usize, seg: &str) -> Option<usize> {
        let p = &self.nodes[parent];
        // A segment of another length is passed over without looking at its bytes.
        let is_seg = |node: &Node| (node.seg.end - node.seg.start) as usize == seg.len() && self.seg(node) == seg;
        if p.children <= FEW_CHILDREN {
            let mut n = p.first_child;
            while n != NO_NODE {
                let node = &self.nodes[n as usize];
                if is_seg(node) {
                    return Some(n as usize);
                }
                n = node.next_sibling;
            }
            return None;
        }
        let mut n = *self.many.get(&self.hash(parent as u32, seg))?;
        while n != NO_NODE {
            let node = &self.nodes[n as usize];
            if node.parent as usize == parent && is_seg(node) {
                return Some(n as usize);
            }
            n = node.same_hash;
        }
        None
    }

    /// The deepest node on `pointer` below `root`, and whether it is the whole pointer.
    fn walk(&self, root: usize, pointer: &str) -> (usize, bool) {
        let mut node = root;
        if pointer.is_empty() {
            return (node, true);
        }
        let Some(rest) = pointer.strip_prefix('/') else { return (node, false) };
        for seg in rest.split('/') {
            match self.find(node, &crate::pointer::unescape(seg)) {
                Some(n) => node = n,
                None => return (node, false),
            }
        }
        (node, true)
    }

    /// The JSON pointer of `node` (built only for issues, which are few).
    fn pointer(&self, mut node: usize) -> String {
        let mut segs = Vec::new();
        while node != 0 {
            let n = &self.nodes[node];
            segs.push(self.seg(n));
            node = n.parent as usize;
        }
        segs.iter().rev().fold(String::new(), |p, s| join(&p, s))
    }

    /// Line and column of `node`.
    fn pos(&self, node: usize) -> (usize, usize) {
        self.nodes[node].mark.position(&self.text)
    }
}

/// A document read from text: the value and where each part of it stands.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The value (object key order as written).
    pub value: Value,
    positions: Arc<Positions>,
    /// The node of this document's root in `positions` (none: positions unknown).
    root: Option<usize>,
}

impl Document {
    /// A document with no text behind it (positions unknown).
    pub fn from_value(value: Value) -> Self {
        Document { value, positions: Arc::default(), root: None }
    }

    /// Line and column of the member or element at `pointer` (the key, for object members).
    pub fn position(&self, pointer: &str) -> Option<(usize, usize)> {
        let (node, whole) = self.positions.walk(self.root?, pointer);
        whole.then(|| self.positions.pos(node))
    }

    /// Takes the positions under `prefix` of `outer` as this document's own (an embedded object).
    pub fn rebase(&mut self, outer: &Document, prefix: &str) {
        let Some(root) = outer.root else { return };
        let (node, whole) = outer.positions.walk(root, prefix);
        if whole {
            self.positions = outer.positions.clone();
            self.root = Some(node);
        }
    }

    /// The position of `pointer` or, failing that, of its nearest ancestor that has one.
    pub fn nearest_position(&self, pointer: &str) -> Option<(usize, usize)> {
        let (node, _) = self.positions.walk(self.root?, pointer);
        Some(self.positions.pos(node))
    }
}

/// The outcome of reading text: a document unless a fatal issue stopped the reader.
#[derive(Debug, Clone)]
pub struct Read {
    /// The document, when the text could be read.
    pub document: Option<Document>,
    /// Everything noticed, fatal or not, in text order.
    pub issues: Vec<TextIssue>,
}

/// Reads `text` as JSON, tolerating (and reporting) comments, trailing commas and Python literals.
pub fn read(text: &str) -> Read {
    let mut r = Reader {
        src: text.as_bytes(),
        text,
        pos: 0,
        line: 1,
        line_start: 0,
        col_cache: (0, 1),
        positions: Positions::with_capacity(text.len()),
        issues: Vec::new(),
        skipped: 0,
        python: None,
    };
    if text.starts_with('\u{feff}') {
        r.pos = 3;
        r.line_start = 3;
        r.col_cache = (3, 1);
    }
    let result = r.document();
    if r.skipped > 0 {
        let more = crate::limits::grouped(r.skipped);
        r.issues.push(TextIssue {
            code: Code::TooManyFindings,
            pointer: String::new(),
            line: r.line,
            column: 1,
            message: t!(
                format!("{more} more issues in this text are not listed (at most {MAX_ISSUES} are)."),
                format!("此文本中另有 {more} 处问题未列出（最多列出 {MAX_ISSUES} 处）。")
            ),
            fix: t!("Fix the issues listed and the rest will show.", "请先修正已列出的问题，其余的随后会显示。"),
        });
    }
    if let Some((line, column)) = r.python {
        r.issues.push(TextIssue {
            code: Code::TextPythonRepr,
            pointer: String::new(),
            line,
            column,
            message: t!(
                "Read as a Python dict (single quotes, True/False/None), as print() shows an SDK response; converted to JSON.",
                "按 Python 字典（单引号、True/False/None，即 print() 打印 SDK 响应的形式）读取，已转换为 JSON。"
            ),
            fix: t!(
                "Nothing to do; to paste JSON instead, print json.dumps(response.body.to_map()).",
                "无需处理；如需粘贴 JSON，请打印 json.dumps(response.body.to_map())。"
            ),
        });
    }
    match result {
        Ok(value) => {
            let mut positions = r.positions;
            positions.text = text.into();
            Read { document: Some(Document { value, positions: Arc::new(positions), root: Some(0) }), issues: r.issues }
        }
        Err(fatal) => {
            let mut issues = r.issues;
            issues.push(*fatal);
            Read { document: None, issues }
        }
    }
}

/// Copies the plain text of `src` from `pos` to the next byte in `stops` (or the end) to `out`,
/// and returns where it stopped.
fn plain_run(src: &[u8], mut pos: usize, stops: &ByteSet, out: &mut Vec<u8>) -> usize {
    let start = pos;
    while pos < src.len() && !stops.has(src[pos]) {
        pos += 1;
    }
    out.extend_from_slice(&src[start..pos]);
    pos
}

/// The bytes that end a run of a double-quoted string's plain text: the quote, a backslash, or a
/// control character.
const STOPS_DOUBLE: ByteSet = ByteSet::of(b"\"\\").and_controls();
/// The same for a single-quoted (Python) string.
const STOPS_SINGLE: ByteSet = ByteSet::of(b"'\\").and_controls();

struct Reader<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    line: usize,
    line_start: usize,
    col_cache: (usize, usize),
    positions: Positions,
    issues: Vec<TextIssue>,
    /// Issues past [`MAX_ISSUES`], counted only.
    skipped: usize,
    python: Option<(usize, usize)>,
}

type Fatal = Box<TextIssue>;

impl Reader<'_> {
    /// The current place, for a node (its column is counted only if asked for).
    fn mark(&self) -> Mark {
        Mark { line: self.line, line_start: self.line_start, at: self.pos }
    }

    fn here(&mut self) -> (usize, usize) {
        let (cpos, ccol) =
            if self.col_cache.0 >= self.line_start && self.col_cache.0 <= self.pos { self.col_cache } else { (self.line_start, 1) };
        let col = ccol + self.text.get(cpos..self.pos).map_or(self.pos - cpos, |s| s.chars().count());
        self.col_cache = (self.pos, col);
        (self.line, col)
    }

    /// Records a non-fatal issue at `node` and `(line, column)`; past [`MAX_ISSUES`] only counts it.
    fn note(&mut self, code: Code, node: usize, (line, column): (usize, usize), message: Text, fix: Text) {
        if self.issues.len() >= MAX_ISSUES {
            self.skipped += 1;
            return;
        }
        let pointer = self.positions.pointer(node);
        self.issues.push(TextIssue { code, pointer, line, column, message, fix });
    }

    fn issue(&mut self, code: Code, node: usize, message: Text, fix: Text) {
        let here = self.here();
        self.note(code, node, here, message, fix);
    }

    fn fatal(&mut self, code: Code, node: usize, message: Text, fix: Text) -> Fatal {
        let (line, column) = self.here();
        Box::new(TextIssue { code, pointer: self.positions.pointer(node), line, column, message, fix })
    }

    fn syntax(&mut self, node: usize, expected: &str, expected_zh: &str) -> Fatal {
        let found = match self.src.get(self.pos) {
            None => "the end of the text".to_string(),
            Some(_) => {
                let c = self.text[self.pos..].chars().next().unwrap_or('?');
                format!("'{c}'")
            }
        };
        let found_zh = if self.pos >= self.src.len() { "文本结尾".to_string() } else { found.clone() };
        self.fatal(
            Code::TextSyntax,
            node,
            t!(format!("Expected {expected} but found {found}."), format!("此处应为{expected_zh}，实际为 {found_zh}。")),
            t!(
                "Fix the JSON at this line and column; paste the response exactly as the API or CLI printed it.",
                "请修正此行此列的 JSON；粘贴 API 或 CLI 原样输出的响应。"
            ),
        )
    }

    fn bump(&mut self) {
        if self.src[self.pos] == b'\n' {
            self.line += 1;
            self.line_start = self.pos + 1;
        }
        self.pos += 1;
    }

    /// Passes over white space and comments (nothing to pass, in compact JSON, is checked inline).
    #[inline]
    fn skip_space(&mut self, node: usize) -> Result<(), Fatal> {
        match self.src.get(self.pos) {
            Some(b' ' | b'\t' | b'\r' | b'\n' | b'/') => self.skip_space_and_comments(node),
            _ => Ok(()),
        }
    }

    fn skip_space_and_comments(&mut self, node: usize) -> Result<(), Fatal> {
        loop {
            match self.src.get(self.pos) {
                Some(b' ' | b'\t' | b'\r' | b'\n') => self.bump(),
                Some(b'/') if matches!(self.src.get(self.pos + 1), Some(b'/' | b'*')) => {
                    self.issue(
                        Code::TextComment,
                        node,
                        t!("A comment; JSON has no comments and the API would reject it.", "此处有注释；JSON 不支持注释，API 会拒绝。"),
                        t!("It is left out of what is sent; remove it from your copy too.", "发送时已略去；也请从您的副本中删除。"),
                    );
                    if self.src[self.pos + 1] == b'/' {
                        while self.pos < self.src.len() && self.src[self.pos] != b'\n' {
                            self.pos += 1;
                        }
                    } else {
                        self.pos += 2;
                        loop {
                            if self.pos + 1 >= self.src.len() {
                                self.pos = self.src.len();
                                return Err(self.fatal(
                                    Code::TextSyntax,
                                    node,
                                    t!("A /* comment is never closed.", "/* 注释没有闭合。"),
                                    t!("Close it with */ or remove it.", "请用 */ 闭合或删除。"),
                                ));
                            }
                            if self.src[self.pos] == b'*' && self.src[self.pos + 1] == b'/' {
                                self.pos += 2;
                                break;
                            }
                            self.bump();
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    fn document(&mut self) -> Result<Value, Fatal> {
        self.skip_space(0)?;
        let mark = self.mark();
        self.positions.root(mark);
        let v = self.value(0, 0)?;
        self.skip_space(0)?;
        if self.pos < self.src.len() {
            return Err(self.fatal(
                Code::TextSyntax,
                0,
                t!("More text follows the end of the JSON value.", "JSON 值结束后还有多余文本。"),
                t!("Paste one JSON document only; remove what follows here.", "只粘贴一个 JSON 文档；删除此处之后的内容。"),
            ));
        }
        Ok(v)
    }

    fn value(&mut self, node: usize, depth: usize) -> Result<Value, Fatal> {
        if depth >= MAX_DEPTH {
            return Err(self.fatal(
                Code::TextTooDeep,
                node,
                t!(format!("Nested deeper than {MAX_DEPTH} levels."), format!("嵌套超过 {MAX_DEPTH} 层。")),
                t!("A Logstore or policy is never this deep: check what was pasted.", "日志库或策略不会有这么深的嵌套：请检查粘贴的内容。"),
            ));
        }
        match self.src.get(self.pos) {
            Some(b'{') => self.object(node, depth),
            Some(b'[') => self.array(node, depth),
            Some(b'"') => Ok(Value::String(self.string(node, b'"')?)),
            Some(b'\'') => {
                self.python_at(self.mark());
                Ok(Value::String(self.string(node, b'\'')?))
            }
            Some(b'-' | b'0'..=b'9') => self.number(node),
            Some(b'a'..=b'z' | b'A'..=b'Z') => self.word(node),
            _ => Err(self.syntax(node, "a value", "一个值")),
        }
    }

    /// Notes Python's form at `mark`, if it is the first.
    fn python_at(&mut self, mark: Mark) {
        if self.python.is_none() {
            self.python = Some(mark.position(self.text));
        }
    }

    fn word(&mut self, node: usize) -> Result<Value, Fatal> {
        let mark = self.mark();
        let start = self.pos;
        while matches!(self.src.get(self.pos), Some(b'a'..=b'z' | b'A'..=b'Z' | b'_')) {
            self.pos += 1;
        }
        let word = &self.text[start..self.pos];
        let v = match word {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null" => Value::Null,
            "True" | "False" | "None" => {
                self.python_at(mark);
                match word {
                    "True" => Value::Bool(true),
                    "False" => Value::Bool(false),
                    _ => Value::Null,
                }
            }
            _ => {
                self.pos = start;
                return Err(self.syntax(
                    node,
                    "a value (true, false, null, a number, a string, { or [)",
                    "一个值（true、false、null、数字、字符串、{ 或 [）",
                ));
            }
        };
        Ok(v)
    }

    fn trailing_comma(&mut self, node: usize, comma: Mark) {
        let at = comma.position(self.text);
        self.note(
            Code::TextTrailingComma,
            node,
            at,
            t!("A trailing comma before the closing bracket; strict JSON does not allow it.", "右括号前有多余的逗号；严格 JSON 不允许。"),
            t!("It is ignored in what is sent; remove it from your copy too.", "发送时已忽略；也请从您的副本中删除。"),
        );
    }

    fn object(&mut self, node: usize, depth: usize) -> Result<Value, Fatal> {
        self.pos += 1;
        let mut comma = Mark::default();
        self.skip_space(node)?;
        if self.src.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(Value::Object(Map::new()));
        }
        // Room for seven members costs no more allocations than room for one: most objects need
        // no growing (each growth is two allocations and a rehash).
        let mut map = Map::with_capacity(7);
        loop {
            self.skip_space(node)?;
            let quote = match self.src.get(self.pos) {
                Some(b'"') => b'"',
                Some(b'\'') => {
                    self.python_at(self.mark());
                    b'\''
                }
                Some(b'}') if !map.is_empty() => {
                    self.trailing_comma(node, comma);
                    self.pos += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.syntax(node, "a quoted key", "带引号的键名")),
            };
            let key_mark = self.mark();
            let key = self.string(node, quote)?;
            let (member, seen) = self.positions.child(node, &key, key_mark);
            // Every key of `map` has a node under `node`, so a new node is a new key; a node seen
            // before may come from a repeated object's other members (then the map tells).
            if seen && map.contains_key(&key) {
                let key_pos = key_mark.position(self.text);
                self.note(
                    Code::TextDuplicateKey,
                    member,
                    key_pos,
                    t!(
                        format!("The key \"{}\" appears twice in this object; the last value is used.", excerpt(&key)),
                        format!("键 \"{}\" 在同一对象中出现两次；使用最后一个值。", excerpt(&key))
                    ),
                    t!("Keep only one of them.", "只保留其中一个。"),
                );
            }
            self.skip_space(member)?;
            if self.src.get(self.pos) != Some(&b':') {
                return Err(self.syntax(member, "':' after the key", "键名后的冒号 ':'"));
            }
            self.pos += 1;
            self.skip_space(member)?;
            let v = self.value(member, depth + 1)?;
            map.insert(key, v);
            self.skip_space(member)?;
            if self.separator(node, b'}', &mut comma)? {
                return Ok(Value::Object(map));
            }
        }
    }

    /// After a member or an element: a `,` (noted in `comma`: another one follows) or the `close`
    /// bracket, passed over; true when it was the bracket.
    fn separator(&mut self, node: usize, close: u8, comma: &mut Mark) -> Result<bool, Fatal> {
        match self.src.get(self.pos) {
            Some(b',') => {
                *comma = self.mark();
                self.pos += 1;
                Ok(false)
            }
            Some(&c) if c == close => {
                self.pos += 1;
                Ok(true)
            }
            _ if close == b'}' => Err(self.syntax(node, "',' or '}'", "',' 或 '}'")),
            _ => Err(self.syntax(node, "',' or ']'", "',' 或 ']'")),
        }
    }

    fn array(&mut self, node: usize, depth: usize) -> Result<Value, Fatal> {
        self.pos += 1;
        let mut items = Vec::new();
        let mut comma = Mark::default();
        self.skip_space(node)?;
        if self.src.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space(node)?;
            if self.src.get(self.pos) == Some(&b']') && !items.is_empty() {
                self.trailing_comma(node, comma);
                self.pos += 1;
                return Ok(Value::Array(items));
            }
            let mark = self.mark();
            let (element, _) = self.positions.child(node, Decimal::new(items.len() as u64).as_str(), mark);
            items.push(self.value(element, depth + 1)?);
            self.skip_space(node)?;
            if self.separator(node, b']', &mut comma)? {
                return Ok(Value::Array(items));
            }
        }
    }

    fn string(&mut self, node: usize, quote: u8) -> Result<String, Fatal> {
        self.pos += 1;
        let stops = if quote == b'"' { &STOPS_DOUBLE } else { &STOPS_SINGLE };
        let start = self.pos;
        self.pos += stops.find(&self.src[start..]).unwrap_or(self.src.len() - start);
        if self.src.get(self.pos) == Some(&quote) {
            // No escape (most strings): the text between the quotes, copied once.
            self.pos += 1;
            return Ok(self.text[start..self.pos - 1].to_string());
        }
        self.escaped_string(node, quote, stops, start)
    }

    /// The rest of a string that has escapes (or is not closed), from `start`, its first run of
    /// plain text passed already: decoded escape by escape, the runs between them (short, in a
    /// pasted text inside a string) found by a plain loop and copied whole.
    fn escaped_string(&mut self, node: usize, quote: u8, stops: &ByteSet, start: usize) -> Result<String, Fatal> {
        let src = self.src;
        let mut pos = self.pos;
        // Escapes come in runs: room for a few runs.
        let mut out: Vec<u8> = Vec::with_capacity(2 * (pos - start) + 16);
        out.extend_from_slice(&src[start..pos]);
        loop {
            self.pos = pos;
            match src.get(pos) {
                None => {
                    return Err(self.fatal(
                        Code::TextSyntax,
                        node,
                        t!("A string is never closed.", "字符串没有闭合。"),
                        t!("Add the closing quote; the paste may have been cut off.", "请补上结尾的引号；粘贴内容可能被截断。"),
                    ));
                }
                Some(&b) if b == quote => {
                    self.pos = pos + 1;
                    // The plain runs are whole characters of the text, and the escapes whole characters.
                    return Ok(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()));
                }
                Some(b'\\') => {
                    pos += 1;
                    self.pos = pos;
                    let byte = match src.get(pos) {
                        Some(b'"') => b'"',
                        Some(b'\'') => b'\'',
                        Some(b'\\') => b'\\',
                        Some(b'/') => b'/',
                        Some(b'b') => 0x08,
                        Some(b'f') => 0x0c,
                        Some(b'n') => b'\n',
                        Some(b'r') => b'\r',
                        Some(b't') => b'\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let hi = self.hex4(node)?;
                            let code = if (0xD800..0xDC00).contains(&hi)
                                && self.src.get(self.pos) == Some(&b'\\')
                                && self.src.get(self.pos + 1) == Some(&b'u')
                            {
                                self.pos += 2;
                                let lo = self.hex4(node)?;
                                if (0xDC00..0xE000).contains(&lo) { 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00) } else { 0xFFFD }
                            } else {
                                hi
                            };
                            let c = char::from_u32(code).unwrap_or('\u{fffd}');
                            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                            pos = plain_run(src, self.pos, stops, &mut out);
                            continue;
                        }
                        _ => {
                            return Err(self.syntax(
                                node,
                                "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)",
                                "转义序列（\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u）",
                            ));
                        }
                    };
                    out.push(byte);
                    pos = plain_run(src, pos + 1, stops, &mut out);
                }
                Some(_) => {
                    return Err(self.fatal(
                        Code::TextSyntax,
                        node,
                        t!("A line break or control character inside a string.", "字符串中有换行或控制字符。"),
                        t!("Join the string onto one line, or write \\n for a line break.", "请把字符串合并为一行，或用 \\n 表示换行。"),
                    ));
                }
            }
        }
    }

    fn hex4(&mut self, node: usize) -> Result<u32, Fatal> {
        let digits = self.text.get(self.pos..self.pos + 4).and_then(|h| u32::from_str_radix(h, 16).ok());
        match digits {
            Some(v) if self.src[self.pos..self.pos + 4].iter().all(u8::is_ascii_hexdigit) => {
                self.pos += 4;
                Ok(v)
            }
            _ => Err(self.syntax(node, "four hex digits after \\u", "\\u 后的四位十六进制数")),
        }
    }

    fn number(&mut self, node: usize) -> Result<Value, Fatal> {
        let start = self.pos;
        let digits = |r: &mut Self| {
            let s = r.pos;
            while matches!(r.src.get(r.pos), Some(b'0'..=b'9')) {
                r.pos += 1;
            }
            r.pos > s
        };
        if self.src[self.pos] == b'-' {
            self.pos += 1;
        }
        if !digits(self) {
            return Err(self.syntax(node, "a digit", "数字"));
        }
        let mut integer = true;
        if self.src.get(self.pos) == Some(&b'.') {
            integer = false;
            self.pos += 1;
            if !digits(self) {
                return Err(self.syntax(node, "a digit after '.'", "'.' 后的数字"));
            }
        }
        if matches!(self.src.get(self.pos), Some(b'e' | b'E')) {
            integer = false;
            self.pos += 1;
            if matches!(self.src.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.syntax(node, "a digit in the exponent", "指数中的数字"));
            }
        }
        let lexeme = &self.text[start..self.pos];
        let number = if integer {
            lexeme.parse::<i64>().ok().map(Number::from).or_else(|| lexeme.parse::<u64>().ok().map(Number::from))
        } else {
            None
        }
        .or_else(|| parse_f64(lexeme).and_then(Number::from_f64));
        match number {
            Some(n) => Ok(Value::Number(n)),
            None => {
                self.pos = start;
                Err(self.fatal(
                    Code::TextNumberRange,
                    node,
                    t!(
                        format!("The number {} is too large to represent.", short(lexeme)),
                        format!("数字 {} 超出可表示范围。", short(lexeme))
                    ),
                    t!(
                        "Use a value in range; no Logstore setting needs a number this large.",
                        "请使用范围内的值；日志库设置不需要这么大的数字。"
                    ),
                ))
            }
        }
    }
}

fn short(s: &str) -> String {
    crate::limits::truncate(s, 24).to_string()
}

/// A JSON number lexeme as the nearest `f64` (correctly rounded; out of range is infinite).
/// In wasm the JS engine's parser does it (also correctly rounded): Rust's own would add its
/// 10 KB table of powers of five to the page (docs/PERFORMANCE.md, "Bytes").
#[cfg(target_arch = "wasm32")]
fn parse_f64(lexeme: &str) -> Option<f64> {
    Some(js_sys::Number::parse_float(lexeme)).filter(|f| !f.is_nan())
}

/// A JSON number lexeme as the nearest `f64` (correctly rounded; out of range is infinite).
#[cfg(not(target_arch = "wasm32"))]
fn parse_f64(lexeme: &str) -> Option<f64> {
    lexeme.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(r: &Read) -> Vec<&'static str> {
        r.issues.iter().map(|i| i.code.as_str()).collect()
    }

    #[test]
    fn positions_point_at_keys_and_values() {
        let r = read("{\n  \"ttl\": 30,\n  \"a\": [1, {\"b\": true}]\n}");
        let d = r.document.unwrap();
        assert_eq!(d.position("/ttl"), Some((2, 3)));
        assert_eq!(d.position("/a/1/b"), Some((3, 13)));
        assert_eq!(d.position(""), Some((1, 1)));
        assert!(r.issues.is_empty());
    }

    #[test]
    fn positions_in_objects_and_arrays_with_many_members() {
        // More members than a list is searched in: the table finds them, and a repeated key
        // keeps the first's place, its value's members merged under it.
        let mut text = String::from("{\n");
        for i in 0..50 {
            text.push_str(&format!("  \"k{i}\": {{\"a\": {i}}},\n"));
        }
        text.push_str("  \"arr\": [");
        text.push_str(&(0..40).map(|i| i.to_string()).collect::<Vec<_>>().join(", "));
        text.push_str("],\n  \"k40\": {\"b\": 1}\n}");
        let r = read(&text);
        let d = r.document.as_ref().unwrap();
        assert_eq!(d.position("/k0"), Some((2, 3)));
        assert_eq!(d.position("/k40"), Some((42, 3)), "a repeated key keeps the first's place");
        assert_eq!(d.position("/k40/b"), Some((53, 11)), "the repeated key's members are under it");
        assert_eq!(d.position("/k49/a"), Some((51, 11)));
        assert_eq!(d.position("/arr/35"), Some((52, 141)));
        assert_eq!(d.position("/k50"), None);
        assert_eq!(d.nearest_position("/k7/zz"), Some((9, 3)));
        assert_eq!(codes(&r), ["TXT004"]);
        assert_eq!(r.issues[0].pointer, "/k40");
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let r = read("{\n  \"ttl\": 30\n  \"mode\": \"standard\"\n}");
        assert!(r.document.is_none());
        let i = &r.issues[0];
        assert_eq!((i.code, i.line, i.column), (Code::TextSyntax, 3, 3));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let r = read("{\"名字\": 1, \"x\": tru}");
        let i = &r.issues[0];
        assert_eq!((i.line, i.column), (1, 16));
    }

    #[test]
    fn lenient_forms_are_reported() {
        let r = read("{\n // note\n 'a': True, \"b\": [1,2,], \"a\": None,\n}");
        assert_eq!(codes(&r), ["TXT003", "TXT002", "TXT004", "TXT002", "TXT007"]);
        let commas: Vec<(usize, usize)> =
            r.issues.iter().filter(|i| i.code == Code::TextTrailingComma).map(|i| (i.line, i.column)).collect();
        assert_eq!(commas, [(3, 22), (3, 35)], "a trailing comma is reported where the comma is");
        assert_eq!(r.document.unwrap().value, serde_json::json!({"a": null, "b": [1, 2]}));
    }

    #[test]
    fn deep_nesting_and_huge_numbers_are_refused() {
        let deep = "[".repeat(100_000);
        assert_eq!(codes(&read(&deep)), ["TXT005"]);
        assert_eq!(codes(&read("{\"ttl\": 1e999}")), ["TXT006"]);
        let big = read("123456789012345678901234567890").document.unwrap();
        assert!(big.value.is_f64());
    }

    #[test]
    fn escapes_and_surrogates() {
        let d = read(r#""a\u00e9\ud83d\ude00\n""#).document.unwrap();
        assert_eq!(d.value, Value::String("aé😀\n".into()));
    }
}
