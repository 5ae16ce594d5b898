//! Text positions in the three units the app meets: Unicode code points (the
//! corpus format, like Python and spaCy), UTF-8 bytes (Rust string slicing)
//! and UTF-16 code units (the DOM). All conversion happens here.
//!
//! Invariant: a conversion either lands on a boundary of the target unit or
//! returns `None`; it never splits a character.

/// Converts positions within one text between code points, UTF-8 bytes and
/// UTF-16 units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextOffsets {
    chars: usize,
    bytes: usize,
    utf16: usize,
    /// Byte offset and UTF-16 offset of every code point, plus one entry for
    /// the end; empty for ASCII text, where all three units coincide.
    table: Vec<(u32, u32)>,
}

impl TextOffsets {
    /// Indexes `text`; linear in its length.
    pub fn new(text: &str) -> TextOffsets {
        if text.is_ascii() {
            return TextOffsets {
                chars: text.len(),
                bytes: text.len(),
                utf16: text.len(),
                table: Vec::new(),
            };
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut utf16 = 0u32;
        for (byte, c) in text.char_indices() {
            table.push((byte as u32, utf16));
            utf16 += c.len_utf16() as u32;
        }
        table.push((text.len() as u32, utf16));
        TextOffsets {
            chars: table.len() - 1,
            bytes: text.len(),
            utf16: utf16 as usize,
            table,
        }
    }

    /// The number of code points.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// The number of UTF-16 units, as the DOM's `length` counts them.
    pub fn utf16_len(&self) -> usize {
        self.utf16
    }

    /// The UTF-8 byte offset of code point `index` (`char_len()` gives the end).
    pub fn byte_of_char(&self, index: usize) -> Option<usize> {
        if index > self.chars {
            return None;
        }
        if self.table.is_empty() {
            return Some(index);
        }
        Some(self.table[index].0 as usize)
    }

    /// The UTF-16 offset of code point `index` (`char_len()` gives the end).
    pub fn utf16_of_char(&self, index: usize) -> Option<usize> {
        if index > self.chars {
            return None;
        }
        if self.table.is_empty() {
            return Some(index);
        }
        Some(self.table[index].1 as usize)
    }

    /// The code point at UTF-8 byte offset `byte`, if it is a character boundary.
    pub fn char_of_byte(&self, byte: usize) -> Option<usize> {
        if byte > self.bytes {
            return None;
        }
        if self.table.is_empty() {
            return Some(byte);
        }
        self.table
            .binary_search_by_key(&byte, |e| e.0 as usize)
            .ok()
    }

    /// The code point at UTF-16 offset `unit`, if it does not split a surrogate pair.
    pub fn char_of_utf16(&self, unit: usize) -> Option<usize> {
        if unit > self.utf16 {
            return None;
        }
        if self.table.is_empty() {
            return Some(unit);
        }
        self.table
            .binary_search_by_key(&unit, |e| e.1 as usize)
            .ok()
    }

    /// The byte range of code points `start..end`, for slicing a `&str`.
    pub fn byte_range(&self, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
        if start > end {
            return None;
        }
        Some(self.byte_of_char(start)?..self.byte_of_char(end)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Slices `text` by code points the slow, obviously right way.
    fn by_chars(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn ascii_units_coincide() {
        let o = TextOffsets::new("Putin met Xi.");
        assert_eq!(o.char_len(), 13);
        assert_eq!(o.byte_of_char(6), Some(6));
        assert_eq!(o.utf16_of_char(13), Some(13));
        assert_eq!(o.byte_of_char(14), None);
    }

    #[test]
    fn accents_cjk_arabic_and_emoji() {
        // é: 2 bytes, 1 unit; 习: 3 bytes, 1 unit; م: 2 bytes, 1 unit; 🤝: 4 bytes, 2 units.
        let text = "é习م🤝x";
        let o = TextOffsets::new(text);
        assert_eq!(o.char_len(), 5);
        assert_eq!(o.utf16_len(), 6);
        let bytes: Vec<_> = (0..=5).map(|i| o.byte_of_char(i).unwrap()).collect();
        assert_eq!(bytes, [0, 2, 5, 7, 11, 12]);
        let units: Vec<_> = (0..=5).map(|i| o.utf16_of_char(i).unwrap()).collect();
        assert_eq!(units, [0, 1, 2, 3, 5, 6]);
        assert_eq!(&text[o.byte_range(3, 4).unwrap()], "🤝");
        assert_eq!(o.char_of_utf16(4), None, "inside the surrogate pair");
        assert_eq!(o.char_of_byte(3), None, "inside 习");
        assert_eq!(o.char_of_byte(7), Some(3));
    }

    #[test]
    fn python_style_offsets_of_a_mixed_sentence() {
        // The same offsets Python's str indexing gives for this text.
        let text = "Xi (习近平) met محمد بن سلمان 🇸🇦 in Riyadh.";
        let o = TextOffsets::new(text);
        let slice = |s, e| &text[o.byte_range(s, e).unwrap()];
        assert_eq!(slice(4, 7), "习近平");
        assert_eq!(slice(13, 26), "محمد بن سلمان");
        assert_eq!(slice(27, 29), "🇸🇦");
        assert_eq!(slice(33, 39), "Riyadh");
    }

    proptest! {
        #[test]
        fn conversions_agree_with_naive_slicing(text in "\\PC{0,40}", a in 0usize..50, b in 0usize..50) {
            let o = TextOffsets::new(&text);
            let n = text.chars().count();
            prop_assert_eq!(o.char_len(), n);
            prop_assert_eq!(o.utf16_len(), text.encode_utf16().count());
            let (start, end) = (a.min(b), a.max(b));
            match o.byte_range(start, end) {
                Some(range) => {
                    prop_assert!(end <= n);
                    prop_assert_eq!(&text[range], by_chars(&text, start, end));
                }
                None => prop_assert!(end > n),
            }
        }

        #[test]
        fn round_trips_through_every_unit(text in any::<String>()) {
            let o = TextOffsets::new(&text);
            for i in 0..=o.char_len() {
                let byte = o.byte_of_char(i).unwrap();
                prop_assert_eq!(o.char_of_byte(byte), Some(i));
                let unit = o.utf16_of_char(i).unwrap();
                prop_assert_eq!(o.char_of_utf16(unit), Some(i));
                let utf16_prefix: usize = text[..byte].encode_utf16().count();
                prop_assert_eq!(unit, utf16_prefix);
            }
        }
    }
}
