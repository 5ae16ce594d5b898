//! Text positions in the three units the app meets: Unicode code points (the
//! corpus format, like Python and spaCy), UTF-8 bytes (Rust string slicing)
//! and UTF-16 code units (the DOM). All conversion happens here.
//!
//! Invariant: a conversion either lands on a boundary of the target unit or
//! returns `None`; it never splits a character.

/// Code points per block of the table.
const BLOCK: usize = 32;

/// Converts positions within one text between code points, UTF-8 bytes and
/// UTF-16 units.
///
/// For non-ASCII text it keeps, per block of 32 code points, the block's
/// byte and UTF-16 offsets and each code point's UTF-8 length in two bits
/// (a 4-byte character is the one that takes two UTF-16 units): 16 bytes per
/// 32 code points, so a large corpus costs half a byte per character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextOffsets {
    chars: usize,
    bytes: usize,
    utf16: usize,
    /// Empty for ASCII text, where all three units coincide.
    blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Block {
    byte: u32,
    utf16: u32,
    /// UTF-8 length minus one of each code point, two bits each, first
    /// code point in the lowest bits.
    widths: u64,
}

/// The low bit of every two-bit field.
const LOW_BITS: u64 = 0x5555_5555_5555_5555;

impl Block {
    /// Extra UTF-8 bytes and extra UTF-16 units (beyond one each) of the
    /// block's first `n` code points.
    fn extra(&self, n: usize) -> (usize, usize) {
        let w = if n >= BLOCK {
            self.widths
        } else {
            self.widths & ((1u64 << (2 * n)) - 1)
        };
        let (low, high) = (w & LOW_BITS, (w >> 1) & LOW_BITS);
        let bytes = low.count_ones() + 2 * high.count_ones();
        // Width 3 (both bits) is a 4-byte character: two UTF-16 units.
        let pairs = (low & high).count_ones();
        (bytes as usize, pairs as usize)
    }

    fn width(&self, i: usize) -> (usize, usize) {
        let w = ((self.widths >> (2 * i)) & 3) as usize + 1;
        (w, if w == 4 { 2 } else { 1 })
    }
}

impl TextOffsets {
    /// Indexes `text`; linear in its length.
    pub fn new(text: &str) -> TextOffsets {
        if text.is_ascii() {
            return TextOffsets {
                chars: text.len(),
                bytes: text.len(),
                utf16: text.len(),
                blocks: Vec::new(),
            };
        }
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let (mut chars, mut utf16) = (0usize, 0u32);
        for (byte, c) in text.char_indices() {
            let slot = chars % BLOCK;
            if slot == 0 {
                blocks.push(Block {
                    byte: byte as u32,
                    utf16,
                    widths: 0,
                });
            }
            if let Some(b) = blocks.last_mut() {
                b.widths |= ((c.len_utf8() - 1) as u64) << (2 * slot);
            }
            utf16 += c.len_utf16() as u32;
            chars += 1;
        }
        TextOffsets {
            chars,
            bytes: text.len(),
            utf16: utf16 as usize,
            blocks,
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

    /// Byte and UTF-16 offsets of code point `index` (at most `chars`).
    fn at(&self, index: usize) -> (usize, usize) {
        if index == self.chars {
            return (self.bytes, self.utf16);
        }
        let b = &self.blocks[index / BLOCK];
        let n = index % BLOCK;
        let (bytes, pairs) = b.extra(n);
        (b.byte as usize + n + bytes, b.utf16 as usize + n + pairs)
    }

    /// The UTF-8 byte offset of code point `index` (`char_len()` gives the end).
    pub fn byte_of_char(&self, index: usize) -> Option<usize> {
        if index > self.chars {
            return None;
        }
        if self.blocks.is_empty() {
            return Some(index);
        }
        Some(self.at(index).0)
    }

    /// The UTF-16 offset of code point `index` (`char_len()` gives the end).
    pub fn utf16_of_char(&self, index: usize) -> Option<usize> {
        if index > self.chars {
            return None;
        }
        if self.blocks.is_empty() {
            return Some(index);
        }
        Some(self.at(index).1)
    }

    /// The code point at UTF-8 byte offset `byte`, if it is a character boundary.
    pub fn char_of_byte(&self, byte: usize) -> Option<usize> {
        if byte > self.bytes {
            return None;
        }
        if self.blocks.is_empty() {
            return Some(byte);
        }
        self.find(byte, |b| b.byte as usize, |w| w.0)
    }

    /// The code point at UTF-16 offset `unit`, if it does not split a surrogate pair.
    pub fn char_of_utf16(&self, unit: usize) -> Option<usize> {
        if unit > self.utf16 {
            return None;
        }
        if self.blocks.is_empty() {
            return Some(unit);
        }
        self.find(unit, |b| b.utf16 as usize, |w| w.1)
    }

    /// The code point that starts at `target` in one unit: the block by
    /// binary search on its start, then a walk of at most one block.
    fn find(
        &self,
        target: usize,
        start: impl Fn(&Block) -> usize,
        width: impl Fn((usize, usize)) -> usize,
    ) -> Option<usize> {
        let i = self.blocks.partition_point(|b| start(b) <= target) - 1;
        let block = &self.blocks[i];
        let mut at = start(block);
        let first = i * BLOCK;
        for n in 0..BLOCK.min(self.chars - first) {
            if at == target {
                return Some(first + n);
            }
            if at > target {
                return None;
            }
            at += width(block.width(n));
        }
        (at == target).then_some((first + BLOCK).min(self.chars))
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
        fn every_byte_and_unit_of_long_texts(text in "[a-zé习م🤝 ]{0,200}") {
            let o = TextOffsets::new(&text);
            for byte in 0..=text.len() + 1 {
                let expected = text
                    .is_char_boundary(byte)
                    .then(|| text[..byte].chars().count());
                prop_assert_eq!(o.char_of_byte(byte), expected, "byte {}", byte);
            }
            let units: Vec<u16> = text.encode_utf16().collect();
            for unit in 0..=units.len() + 1 {
                let expected = (unit <= units.len()
                    && (unit == units.len() || !(0xDC00..0xE000).contains(&units[unit])))
                    .then(|| char::decode_utf16(units[..unit].iter().copied()).count());
                prop_assert_eq!(o.char_of_utf16(unit), expected, "unit {}", unit);
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
