//! Syntax colouring for JSON: the text is cut into tokens that are rendered as `<span>`s with a
//! class each (never as HTML), so user text can never become markup.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    /// An object key (with its quotes).
    Key,
    /// A string value.
    Str,
    /// A number.
    Num,
    /// `true` or `false`.
    Bool,
    /// `null`.
    Null,
    /// Brackets, braces, commas and colons.
    Punct,
    /// Whitespace and anything else.
    Plain,
}

impl Token {
    /// The CSS class of the token.
    pub fn class(self) -> &'static str {
        match self {
            Token::Key => "j-key",
            Token::Str => "j-str",
            Token::Num => "j-num",
            Token::Bool => "j-bool",
            Token::Null => "j-null",
            Token::Punct => "j-punct",
            Token::Plain => "j-plain",
        }
    }
}

/// Cuts JSON text into tokens; the pieces concatenated give the text back exactly.
pub fn tokens(text: &str) -> Vec<(Token, &str)> {
    let bytes = text.as_bytes();
    let mut out: Vec<(Token, &str)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let kind = match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                let mut j = i;
                while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r' | b'\n') {
                    j += 1;
                }
                if j < bytes.len() && bytes[j] == b':' { Token::Key } else { Token::Str }
            }
            b'{' | b'}' | b'[' | b']' | b',' | b':' => {
                i += 1;
                Token::Punct
            }
            b'-' | b'0'..=b'9' => {
                while i < bytes.len() && matches!(bytes[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                    i += 1;
                }
                Token::Num
            }
            b't' if text[i..].starts_with("true") => {
                i += 4;
                Token::Bool
            }
            b'f' if text[i..].starts_with("false") => {
                i += 5;
                Token::Bool
            }
            b'n' if text[i..].starts_with("null") => {
                i += 4;
                Token::Null
            }
            _ => {
                i += 1;
                while i < bytes.len()
                    && !matches!(bytes[i], b'"' | b'{' | b'}' | b'[' | b']' | b',' | b':' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n')
                {
                    i += 1;
                }
                Token::Plain
            }
        };
        // Never cut inside a UTF-8 character.
        while i < bytes.len() && !text.is_char_boundary(i) {
            i += 1;
        }
        match out.last_mut() {
            Some((k, s)) if *k == kind && kind == Token::Plain => {
                let begin = s.as_ptr() as usize - text.as_ptr() as usize;
                *s = &text[begin..i];
            }
            _ => out.push((kind, &text[start..i])),
        }
    }
    out
}
