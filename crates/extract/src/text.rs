//! Words and sentences of plain article text, as byte ranges into it.
//!
//! Invariant: every range returned lies on `char` boundaries of the text it
//! was computed from, so slicing with it never panics.

use std::ops::Range;

/// One word: a run of letters and digits, joined across an inner hyphen or
/// apostrophe ("Jae-in", "d'Ivoire"), without a trailing possessive ("Xi's"
/// gives "Xi").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Where the word lies in the text.
    pub range: Range<usize>,
}

impl Word {
    /// The word's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.range.clone()]
    }

    /// Whether the word starts with an upper-case letter.
    pub fn is_capitalised(&self, text: &str) -> bool {
        self.text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

/// Whether `c` joins two word parts when it sits between letters.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‑')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0591..=0x05C7 | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F)
}

/// The words of `text` in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                end = i + c.len_utf8();
                chars.next();
            } else if is_joiner(c)
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char)
            {
                // A possessive ends the word: "Xi's", "Modi’s".
                let rest = &text[i + c.len_utf8()..];
                let possessive = matches!(c, '\'' | '’')
                    && rest.starts_with('s')
                    && !rest[1..].chars().next().is_some_and(is_word_char);
                if possessive {
                    chars.next();
                    chars.next();
                    break;
                }
                chars.next();
            } else {
                break;
            }
        }
        out.push(Word { range: start..end });
    }
    out
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Capt", "Sgt", "Prof", "Sen", "Rep", "Gov",
    "No", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Jr", "vs",
];

/// The sentences of `text`, trimmed of surrounding space. A sentence ends at
/// `.`, `!` or `?` (and any closing quotes) followed by space and a capital,
/// digit or quote, or at a blank line; initials ("U.S.", "J.") and common
/// abbreviations do not end one.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with("\n\n") {
            push_trimmed(text, start..i, &mut out);
            start = i + 2;
            i += 2;
            continue;
        }
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while let Some(q) = text[j..]
                .chars()
                .next()
                .filter(|q| matches!(q, '"' | '\'' | '”' | '’' | ')'))
            {
                j += q.len_utf8();
            }
            let after = &text[j..];
            let spaced = after.starts_with([' ', '\n']);
            let next = after.trim_start().chars().next();
            let opens = next.is_none_or(|n| {
                n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '\'')
            });
            if (spaced || after.is_empty()) && opens && !(c == b'.' && is_abbreviation(&text[..i]))
            {
                push_trimmed(text, start..j, &mut out);
                start = j;
                i = j;
                continue;
            }
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// The clauses of the sentence at `range`: its parts between "; ", ", and ",
/// ", while ", ", but ", and " and a " or " and an " (two things reported
/// side by side: "a visit to Riyadh by Xi and a state visit to Beijing by
/// Raisi"). A part may report nothing; the caller reads the parts apart only
/// when more than one reports an event.
pub fn clauses(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    const JOINS: [&str; 6] = ["; ", ", and ", ", while ", ", but ", " and a ", " and an "];
    let body = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < body.len() {
        if let Some(join) = JOINS.iter().find(|j| body[i..].starts_with(**j)) {
            out.push(range.start + start..range.start + i);
            start = i + join.len();
            i = start;
            continue;
        }
        i += body[i..].chars().next().map_or(1, char::len_utf8);
    }
    out.push(range.start + start..range.end);
    out
}

/// Whether the text before a full stop ends in an initial or abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // "U.S" before the last full stop: a run of initials.
    let initials = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1);
    single || initials || ABBREVIATIONS.contains(&word)
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    if start < end {
        out.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_texts(text: &str) -> Vec<&str> {
        words(text).iter().map(|w| w.text(text)).collect()
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_join_hyphens_and_drop_possessives() {
        assert_eq!(
            word_texts("Moon Jae-in met Xi's aide in Côte d'Ivoire, Modi’s home? No."),
            [
                "Moon", "Jae-in", "met", "Xi", "aide", "in", "Côte", "d'Ivoire", "Modi", "home",
                "No"
            ]
        );
        assert_eq!(
            word_texts("the U.S. and UAE"),
            ["the", "U", "S", "and", "UAE"]
        );
        assert_eq!(
            word_texts("«Путин» 习近平 🙂 مرحبا"),
            ["Путин", "习近平", "مرحبا"]
        );
    }

    #[test]
    fn sentences_skip_initials_and_abbreviations() {
        let text = "U.S. President Joe Biden met Mr. Xi in Bali. \"It went well,\" he said! Then?\n\nNew paragraph";
        assert_eq!(
            sentence_texts(text),
            [
                "U.S. President Joe Biden met Mr. Xi in Bali.",
                "\"It went well,\" he said!",
                "Then?",
                "New paragraph"
            ]
        );
    }

    #[test]
    fn a_full_stop_before_lower_case_does_not_end_a_sentence() {
        assert_eq!(
            sentence_texts("Talks resumed at 9.30 a.m. local time. They ended."),
            ["Talks resumed at 9.30 a.m. local time.", "They ended."]
        );
    }

    #[test]
    fn clauses_split_at_conjunctions() {
        let text = "Yoon went to Tokyo in March, and Kishida went to Seoul; both spoke.";
        let parts: Vec<&str> = clauses(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            parts,
            [
                "Yoon went to Tokyo in March",
                "Kishida went to Seoul",
                "both spoke."
            ]
        );
    }

    #[test]
    fn ranges_stay_on_char_boundaries() {
        let text = "Él llegó. Ça va? 北京。Fin.";
        for r in sentences(text) {
            assert!(text.get(r.clone()).is_some(), "{r:?}");
        }
        for w in words(text) {
            assert!(text.get(w.range.clone()).is_some());
        }
    }
}
