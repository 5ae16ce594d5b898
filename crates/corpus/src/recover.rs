//! Reading a file that another program wrote almost right: an item with a
//! value of the wrong type, a missing field or a lone surrogate escape costs
//! that item (or that character), not the whole file.
//!
//! Invariant: [`recover`] is only the slow path. A file that serde reads
//! as it is never comes here, so a well-formed corpus pays nothing for it;
//! what comes here is read item by item, and every item that cannot be read
//! gives exactly one diagnostic naming its list, index, id (when it has one),
//! field, line and column, and what was found.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::format::{CorpusFile, ManifestFile, PartFile};
use super::Diagnostic;

/// A file type whose top-level lists can be read item by item.
pub(crate) trait Recover: Sized {
    /// Builds the file from what `reader` can read of it.
    fn recover(reader: &mut Reader<'_>) -> Self;
}

impl Recover for CorpusFile {
    fn recover(r: &mut Reader<'_>) -> Self {
        CorpusFile {
            format: r.format.clone(),
            version: r.version,
            title: r.title(),
            articles: r.list("articles", "article"),
            entities: r.list("entities", "entity"),
            mentions: r.list("mentions", "mention"),
            events: r.list("events", "event"),
        }
    }
}

impl Recover for ManifestFile {
    fn recover(r: &mut Reader<'_>) -> Self {
        ManifestFile {
            format: r.format.clone(),
            version: r.version,
            title: r.title(),
            parts: r.part_names(),
            articles: r.list("articles", "article"),
            entities: r.list("entities", "entity"),
            events: r.list("events", "event"),
        }
    }
}

impl Recover for PartFile {
    fn recover(r: &mut Reader<'_>) -> Self {
        PartFile {
            format: r.format.clone(),
            version: r.version,
            articles: r.list("articles", "article"),
            mentions: r.list("mentions", "mention"),
        }
    }
}

/// Reads `text` item by item, or returns `None` when it is not a JSON
/// object with a string `format` and an integer `version`; the caller then
/// reports the structural error as the strict parser sees it.
pub(crate) fn recover<T: Recover>(text: &str) -> Option<(T, Vec<Diagnostic>)> {
    let repaired = repair_surrogates(text);
    let text = repaired.text.as_ref();
    let fields: BTreeMap<Cow<'_, str>, &RawValue> = serde_json::from_str(text).ok()?;
    let format = serde_json::from_str::<String>(fields.get("format")?.get()).ok()?;
    let version = serde_json::from_str::<u64>(fields.get("version")?.get()).ok()?;
    let mut reader = Reader {
        text,
        fields,
        format,
        version,
        repairs: &repaired.at,
        diagnostics: Vec::new(),
    };
    let file = T::recover(&mut reader);
    Some((file, reader.diagnostics))
}

/// The top-level fields of a file, and what reading them has found wrong.
pub(crate) struct Reader<'a> {
    text: &'a str,
    fields: BTreeMap<Cow<'a, str>, &'a RawValue>,
    format: String,
    version: u64,
    /// Byte offsets in `text` of lone surrogate escapes made U+FFFD.
    repairs: &'a [usize],
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    /// The corpus title, or `None` with a diagnostic if it is not a string.
    fn title(&mut self) -> Option<String> {
        let raw = *self.fields.get("title")?;
        match serde_json::from_str::<Option<String>>(raw.get()) {
            Ok(title) => title,
            Err(e) => {
                let (line, column) = self.position(raw, &e);
                self.diagnostics.push(Diagnostic {
                    location: "field \"title\"".into(),
                    message: format!(
                        "{} (line {line}, column {column}); the corpus title was ignored",
                        plain(&e)
                    ),
                });
                None
            }
        }
    }

    /// The items of the list `key` that read as `T`; each one that does not
    /// is named and left out.
    fn list<T: DeserializeOwned>(&mut self, key: &str, noun: &str) -> Vec<T> {
        let Some(items) = self.items(key, noun) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            out.extend(self.item(item, i, noun, &format!("the {noun} was dropped")));
        }
        out
    }

    /// The manifest's part names. A part cannot be left out, since articles
    /// name their part by its place in the list: one that is not a string
    /// becomes an empty name, whose articles the validator then drops.
    fn part_names(&mut self) -> Vec<String> {
        let Some(items) = self.items("parts", "part") else {
            return Vec::new();
        };
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                self.item(item, i, "part", "its articles were dropped")
                    .unwrap_or_default()
            })
            .collect()
    }

    /// The raw items of the list `key`, or `None` (with a diagnostic if the
    /// field is there but not a list).
    fn items(&mut self, key: &str, noun: &str) -> Option<Vec<&'a RawValue>> {
        let raw = *self.fields.get(key)?;
        match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
            Ok(items) => Some(items),
            Err(e) => {
                let (line, column) = self.position(raw, &e);
                self.diagnostics.push(Diagnostic {
                    location: format!("field \"{key}\""),
                    message: format!(
                        "{} (line {line}, column {column}); no {noun} was read from it",
                        plain(&e)
                    ),
                });
                None
            }
        }
    }

    /// One item read as `T`, or `None` with its diagnostic. A readable item
    /// in which lone surrogates were replaced is named too.
    fn item<T: DeserializeOwned>(
        &mut self,
        item: &RawValue,
        index: usize,
        noun: &str,
        consequence: &str,
    ) -> Option<T> {
        let mut de = serde_json::Deserializer::from_str(item.get());
        let read: Result<T, _> = serde_path_to_error::deserialize(&mut de);
        let name = item_name(item, index, noun);
        match read {
            Ok(value) => {
                let repaired = self.repairs_in(item);
                if repaired > 0 {
                    let escapes = if repaired == 1 { "escape" } else { "escapes" };
                    self.diagnostics.push(Diagnostic {
                        location: name,
                        message: format!(
                            "{repaired} lone surrogate {escapes} (half of a UTF-16 pair) read as U+FFFD, \
                             so offsets count the text as shown"
                        ),
                    });
                }
                Some(value)
            }
            Err(e) => {
                let path = e.path().to_string();
                let inner = e.into_inner();
                let (line, column) = self.position(item, &inner);
                let location = if path == "." {
                    name
                } else {
                    format!("{name} field \"{path}\"")
                };
                self.diagnostics.push(Diagnostic {
                    location,
                    message: format!(
                        "{} (line {line}, column {column}); {consequence}",
                        plain(&inner)
                    ),
                });
                None
            }
        }
    }

    /// Where in the whole text an error inside `raw` lies, 1-based.
    fn position(&self, raw: &RawValue, e: &serde_json::Error) -> (usize, usize) {
        let start = self.offset(raw);
        let before = &self.text[..start];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.matches('\n').count() + 1;
        if e.line() <= 1 {
            let column = before[line_start..].chars().count() + e.column();
            (line, column)
        } else {
            (line + e.line() - 1, e.column())
        }
    }

    /// The byte offset of `raw` in the text it was borrowed from.
    fn offset(&self, raw: &RawValue) -> usize {
        raw.get().as_ptr() as usize - self.text.as_ptr() as usize
    }

    fn repairs_in(&self, raw: &RawValue) -> usize {
        let start = self.offset(raw);
        let end = start + raw.get().len();
        let first = self.repairs.partition_point(|&at| at < start);
        let past = self.repairs.partition_point(|&at| at < end);
        past - first
    }
}

/// "article #1 ("a2")" — the item by its place in its list and, when it
/// has one, its id (or, for a mention, its article).
fn item_name(item: &RawValue, index: usize, noun: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Names {
        id: Option<serde_json::Value>,
        article: Option<serde_json::Value>,
    }
    let names = serde_json::from_str::<Names>(item.get()).ok();
    let id = names
        .as_ref()
        .and_then(|n| n.id.as_ref()?.as_str().map(str::to_string));
    let article = names.and_then(|n| n.article?.as_str().map(str::to_string));
    match (id, article) {
        (Some(id), _) => format!("{noun} #{index} (\"{id}\")"),
        (None, Some(article)) if noun == "mention" => {
            format!("{noun} #{index} (article \"{article}\")")
        }
        _ => format!("{noun} #{index}"),
    }
}

/// serde_json's message without the " at line L column C" it appends (the
/// position is given in the whole file's terms instead), and with the
/// format's words for what was expected.
fn plain(e: &serde_json::Error) -> String {
    super::load::strip_position(&e.to_string())
        .replace("expected a sequence", "expected a list")
        .replace("expected u64", "expected a whole number, 0 or more")
}

/// A text whose lone surrogate escapes were made `\ufffd`, and where.
struct Repaired<'a> {
    text: Cow<'a, str>,
    /// Byte offsets of the repaired escapes, in order.
    at: Vec<usize>,
}

/// Replaces each `\uXXXX` escape inside a JSON string that is half of a
/// UTF-16 surrogate pair with no other half (which `JSON.parse` accepts and
/// serde refuses) by `\ufffd`, of the same length, so every other byte
/// stays where it was.
fn repair_surrogates(text: &str) -> Repaired<'_> {
    let bytes = text.as_bytes();
    let mut at = Vec::new();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => in_string = !in_string,
            b'\\' if in_string => {
                if bytes.get(i + 1) == Some(&b'u') {
                    if let Some(unit) = hex4(bytes, i + 2) {
                        let paired = (0xD800..0xDC00).contains(&unit)
                            && bytes.get(i + 6) == Some(&b'\\')
                            && bytes.get(i + 7) == Some(&b'u')
                            && hex4(bytes, i + 8)
                                .is_some_and(|low| (0xDC00..0xE000).contains(&low));
                        if paired {
                            i += 12;
                            continue;
                        }
                        if (0xD800..0xE000).contains(&unit) {
                            at.push(i);
                        }
                        i += 6;
                        continue;
                    }
                }
                // Any other escape is two bytes long; skipping both keeps
                // an escaped quote or backslash from being read again.
                i += 2;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if at.is_empty() {
        return Repaired {
            text: Cow::Borrowed(text),
            at,
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for &start in &at {
        out.push_str(&text[last..start]);
        out.push_str("\\ufffd");
        last = start + 6;
    }
    out.push_str(&text[last..]);
    Repaired {
        text: Cow::Owned(out),
        at,
    }
}

fn hex4(bytes: &[u8], from: usize) -> Option<u32> {
    let digits = bytes.get(from..from + 4)?;
    let text = std::str::from_utf8(digits).ok()?;
    u32::from_str_radix(text, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_halves_are_replaced_and_pairs_kept() {
        let text = r#"{"a": "x\ud800y", "b": "\ud83e\udd1d", "c": "\udc00", "d": "\\ud800"}"#;
        let repaired = repair_surrogates(text);
        assert_eq!(
            repaired.text,
            r#"{"a": "x\ufffdy", "b": "\ud83e\udd1d", "c": "\ufffd", "d": "\\ud800"}"#
        );
        assert_eq!(repaired.at.len(), 2);
        let value: serde_json::Value = serde_json::from_str(&repaired.text).unwrap();
        assert_eq!(value["a"], "x\u{fffd}y");
        assert_eq!(value["b"], "🤝");
        assert_eq!(value["d"], "\\ud800");
    }

    #[test]
    fn a_text_without_lone_halves_is_not_copied() {
        let text = r#"{"a": "\u00e9 \" \\"}"#;
        assert!(matches!(repair_surrogates(text).text, Cow::Borrowed(_)));
    }

    #[test]
    fn an_escape_outside_a_string_is_left_to_the_parser() {
        let text = r#"{"a": 1} \ud800"#;
        assert!(repair_surrogates(text).at.is_empty());
    }

    const VALID: &str = include_str!("../../../tests/fixtures/malformed/valid.json");

    #[test]
    fn a_file_read_whole_reads_the_same_item_by_item() {
        let strict: CorpusFile = serde_json::from_str(VALID).unwrap();
        let (lenient, diagnostics) = recover::<CorpusFile>(VALID).expect("an object");
        assert_eq!(lenient, strict);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
    }

    proptest::proptest! {
        /// Whatever a byte of a valid file is changed to, loading answers
        /// without panicking, and every article it keeps is one of the file's.
        #[test]
        fn a_changed_byte_never_panics(at in 0..VALID.len(), byte in 0u8..128) {
            let mut bytes = VALID.as_bytes().to_vec();
            bytes[at] = byte;
            if let Ok(text) = String::from_utf8(bytes) {
                if let Ok(loaded) = crate::load(&text) {
                    proptest::prop_assert!(loaded.corpus.articles.len() <= 1);
                }
            }
        }

        /// Nor on any text at all.
        #[test]
        fn any_text_never_panics(text in "\\PC{0,200}") {
            let _ = crate::load(&text);
            let _ = recover::<ManifestFile>(&text);
            let _ = recover::<PartFile>(&text);
        }
    }
}
