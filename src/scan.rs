//! Finding the first byte of a set in a text, as the writers and the reader do to copy the runs
//! between the bytes they act on: eight bytes at a time, each looked up in the set's table and
//! the eight answers joined, so there is one branch per eight bytes instead of one per byte.

/// A set of bytes, as a table.
#[derive(Debug, Clone, Copy)]
pub struct ByteSet([bool; 256]);

impl ByteSet {
    /// The set of the bytes in `list`.
    pub const fn of(list: &[u8]) -> Self {
        let mut t = [false; 256];
        let mut i = 0;
        while i < list.len() {
            t[list[i] as usize] = true;
            i += 1;
        }
        ByteSet(t)
    }

    /// The set with the control characters (U+0000 to U+001F) added.
    pub const fn and_controls(self) -> Self {
        let mut t = self.0;
        let mut b = 0;
        while b < 0x20 {
            t[b] = true;
            b += 1;
        }
        ByteSet(t)
    }

    /// The union of the set and `other`.
    pub const fn and(self, other: ByteSet) -> Self {
        let mut t = self.0;
        let mut b = 0;
        while b < 256 {
            t[b] |= other.0[b];
            b += 1;
        }
        ByteSet(t)
    }

    /// True when `b` is in the set.
    #[inline(always)]
    pub fn has(&self, b: u8) -> bool {
        self.0[usize::from(b)]
    }

    /// The index of the first byte of `bytes` in the set.
    #[inline]
    pub fn find(&self, bytes: &[u8]) -> Option<usize> {
        let mut start = 0;
        for chunk in bytes.chunks_exact(8) {
            if chunk.iter().fold(false, |any, &b| any | self.has(b)) {
                break;
            }
            start += 8;
        }
        bytes[start..].iter().position(|&b| self.has(b)).map(|i| start + i)
    }

    /// [`ByteSet::find`] in a text.
    #[inline]
    pub fn find_in(&self, text: &str) -> Option<usize> {
        self.find(text.as_bytes())
    }
}

/// The index of the first `byte` (ASCII) in `text`: a plain loop in a short text, core's
/// word-at-a-time memchr (through `str::find`) in a long one, where its setup pays.
pub fn find_ascii(text: &str, byte: u8) -> Option<usize> {
    if text.len() <= 32 { text.as_bytes().iter().position(|&b| b == byte) } else { text.find(char::from(byte)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_byte_of_the_set_wherever_it_is() {
        let set = ByteSet::of(b"\"\\").and_controls();
        for len in 0..40 {
            for at in 0..=len {
                let mut text = vec![b'a'; len];
                if at < len {
                    text[at] = if at % 2 == 0 { b'"' } else { 0x1f };
                    if at + 3 < len {
                        text[at + 3] = b'\\';
                    }
                }
                let want = (at < len).then_some(at);
                assert_eq!(set.find(&text), want, "{len} {at}");
            }
        }
        assert_eq!(ByteSet::of(b"x").find_in("中文x"), Some(6));
        for len in [0, 5, 32, 33, 100] {
            let mut text = "a".repeat(len);
            assert_eq!(find_ascii(&text, b'\''), None);
            text.push('\'');
            assert_eq!(find_ascii(&text, b'\''), Some(len));
        }
    }
}
