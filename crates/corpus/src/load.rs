//! Validation: from the on-disk records to the model, dropping what cannot be
//! trusted and saying why.
//!
//! Items are checked in dependency order (articles and entities, then mentions,
//! then events), so a dropped article also drops, with its own diagnostic, every
//! mention and evidence span that points into it.

use std::collections::{HashMap, HashSet};

use super::format::{
    CorpusFile, EventRecord, ManifestFile, PartFile, FORMAT_NAME, FORMAT_VERSION, MANIFEST_FORMAT,
    PART_FORMAT,
};
use super::model::*;
use super::recover::{recover, Recover};
use super::{Diagnostic, LoadError, Loaded, Parsed};
use crate::dates::{DateRange, PartialDate};
use crate::offsets::TextOffsets;

/// Parses and validates a corpus file.
pub fn load(text: &str) -> Result<Loaded, LoadError> {
    Ok(parse(text)?.validate())
}

impl Parsed<CorpusFile> {
    /// Validates the records, after what reading them found.
    pub fn validate(self) -> Loaded {
        let mut loaded = validate(self.file);
        loaded.diagnostics.splice(0..0, self.diagnostics);
        loaded
    }
}

impl Parsed<ManifestFile> {
    /// Validates the manifest, after what reading it found.
    pub fn validate(self) -> (Loaded, Parts) {
        let (mut loaded, parts) = validate_manifest(self.file);
        loaded.diagnostics.splice(0..0, self.diagnostics);
        (loaded, parts)
    }
}

/// Validates parsed records into the model. Split from [`parse`] so a caller
/// can free the file's text before the model is built.
pub fn validate(file: CorpusFile) -> Loaded {
    let mut v = Validator::default();
    let title = file.title;
    let (metas, texts) = v.articles(file.articles);
    // Each text is scanned once: its offsets give its length.
    let offsets: Vec<TextOffsets> = texts.iter().map(|t| TextOffsets::new(t)).collect();
    let lengths: Vec<u32> = offsets.iter().map(|o| o.char_len() as u32).collect();
    let entities = v.entities(file.entities);
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); metas.len()];
    let (articles_by_id, entities_by_id) = (
        std::mem::take(&mut v.article_ids),
        std::mem::take(&mut v.entity_ids),
    );
    let length = |a: ArticleIx| lengths[a.0 as usize];
    let found = v.mentions(
        file.mentions.into_iter().enumerate(),
        length,
        &articles_by_id,
        &entities_by_id,
    );
    for m in found {
        mentions[m.article.0 as usize].push(m);
    }
    (v.article_ids, v.entity_ids) = (articles_by_id, entities_by_id);
    let articles = metas
        .into_iter()
        .zip(texts)
        .zip(offsets)
        .zip(mentions)
        .map(|(((meta, text), offsets), mentions)| {
            Article::new(meta, Body::with_offsets(text, offsets, mentions))
        })
        .collect();
    let events = v.events(file.events, &lengths);
    Loaded {
        corpus: Corpus {
            title,
            articles,
            entities,
            events,
            sources: Derived::default(),
        },
        diagnostics: v.diagnostics,
    }
}

/// A corpus file or the manifest of a split corpus, as read.
#[derive(Debug, Clone, PartialEq)]
pub enum AnyFile {
    /// A whole corpus in one file.
    Corpus(CorpusFile),
    /// The manifest of a split corpus.
    Manifest(ManifestFile),
}

/// Reads either a corpus file or a manifest, told apart by `format`.
pub fn parse_any(text: &str) -> Result<Parsed<AnyFile>, LoadError> {
    let (format, _) = peek_header(skip_bom(text));
    if format.as_ref().and_then(|f| f.as_str()) == Some(MANIFEST_FORMAT) {
        return parse_as(text, MANIFEST_FORMAT).map(|p| p.map(AnyFile::Manifest));
    }
    parse(text).map(|p| p.map(AnyFile::Corpus))
}

/// Reads the records of a corpus file, checking its format and version,
/// without validating them. An item of the wrong shape is left out with a
/// diagnostic; only text that is not a JSON object with the right `format`
/// and `version` is refused, with what and where.
pub fn parse(text: &str) -> Result<Parsed<CorpusFile>, LoadError> {
    parse_as(text, FORMAT_NAME)
}

/// Reads one part of a split corpus, as [`parse`] reads a corpus.
pub fn parse_part(text: &str) -> Result<Parsed<PartFile>, LoadError> {
    parse_as(text, PART_FORMAT)
}

/// Whether `text` is JSON that does not say what it is (its top level has
/// no `format`: a list, or some other program's record), so it is a file
/// to read as articles rather than a corpus. Text that is not JSON at all
/// is not: the loader reports where it breaks.
pub fn is_unformatted_json(text: &str) -> bool {
    let text = skip_bom(text);
    peek_header(text).0.is_none() && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

/// The text without the byte-order mark that Windows tools often write.
fn skip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn parse_as<T: serde::de::DeserializeOwned + Recover>(
    text: &str,
    expected: &str,
) -> Result<Parsed<T>, LoadError> {
    let text = skip_bom(text);
    // The header is checked before the body, so that a file of another format or
    // version is named as such rather than reported as a shape error deep inside.
    let (format, version) = peek_header(text);
    if let Some(format) = format {
        if format.as_str() != Some(expected) {
            return Err(LoadError::NotACorpus {
                found: format
                    .as_str()
                    .map_or_else(|| format.to_string(), str::to_string),
                expected: expected.to_string(),
            });
        }
        if let Some(found) = version.as_ref().and_then(serde_json::Value::as_u64) {
            if found != FORMAT_VERSION {
                return Err(LoadError::UnsupportedVersion { found });
            }
        }
    }
    // The fast path reads the file as it is, tracking nothing; only a file
    // that fails is read again item by item, and only a file that is not
    // even that is parsed a third time, tracking the JSON path for the error.
    if let Ok(file) = serde_json::from_str::<T>(text) {
        return Ok(Parsed {
            file,
            diagnostics: Vec::new(),
        });
    }
    if let Some((file, diagnostics)) = recover::<T>(text) {
        return Ok(Parsed { file, diagnostics });
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let file: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        LoadError::Syntax {
            line: inner.line(),
            column: inner.column(),
            path,
            message: strip_position(&inner.to_string()),
        }
    })?;
    de.end().map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        path: ".".to_string(),
        message: strip_position(&e.to_string()),
    })?;
    Ok(Parsed {
        file,
        diagnostics: Vec::new(),
    })
}

/// What a split corpus needs to take its parts in as they arrive.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    /// The part files, as the manifest names them (relative to it).
    pub urls: Vec<String>,
    /// The articles each part holds, by part.
    members: Vec<Vec<ArticleIx>>,
    article_ids: HashMap<String, ArticleIx>,
    entity_ids: HashMap<String, EntityIx>,
}

/// Validates a manifest into a corpus whose articles have no bodies yet, and
/// the means to add them part by part.
pub fn validate_manifest(file: ManifestFile) -> (Loaded, Parts) {
    let mut v = Validator::default();
    let parts = file.parts.len() as u64;
    let mut lengths = Vec::with_capacity(file.articles.len());
    let mut articles = Vec::with_capacity(file.articles.len());
    let mut members = vec![Vec::new(); file.parts.len()];
    for r in file.articles {
        let id = r.id.clone();
        let at = |field: &str| format!("article \"{id}\" field \"{field}\"");
        if r.part >= parts {
            v.drop(
                at("part"),
                format_args!("there is no part {} (the manifest lists {parts})", r.part),
                "the article",
            );
            continue;
        }
        if file.parts[r.part as usize].is_empty() {
            v.drop(
                at("part"),
                format_args!("part {} has no file name", r.part),
                "the article",
            );
            continue;
        }
        let Ok(length) = u32::try_from(r.length) else {
            v.drop(
                at("length"),
                "longer than 4,294,967,295 code points",
                "the article",
            );
            continue;
        };
        if let Some(meta) = v.article(
            articles.len(),
            r.id,
            r.title,
            r.source,
            r.url,
            r.published,
            r.language,
        ) {
            members[r.part as usize].push(ArticleIx(articles.len() as u32));
            lengths.push(length);
            articles.push(Article::without_body(meta, length, Some(r.part as u32)));
        }
    }
    let entities = v.entities(file.entities);
    let events = v.events(file.events, &lengths);
    let Validator {
        diagnostics,
        article_ids,
        entity_ids,
    } = v;
    let loaded = Loaded {
        corpus: Corpus {
            title: file.title,
            articles,
            entities,
            events,
            sources: Derived::default(),
        },
        diagnostics,
    };
    let parts = Parts {
        urls: file.parts,
        members,
        article_ids,
        entity_ids,
    };
    (loaded, parts)
}

impl Parts {
    /// Gives the articles of part `part` their bodies from `file`, and says
    /// what was dropped: text that is not this part's or not the length the
    /// manifest gives, and mentions that do not fit. An article of the part
    /// that gets no text is named too.
    pub fn add(&self, corpus: &Corpus, part: usize, file: PartFile) -> Vec<Diagnostic> {
        let mut v = Validator::default();
        let name = self.urls.get(part).map_or("?", String::as_str);
        let mut texts: Vec<(ArticleIx, String)> = Vec::with_capacity(file.articles.len());
        let mut here: HashMap<String, ArticleIx> = HashMap::new();
        // Articles whose text is dropped here take their mentions with them.
        let mut dropped: HashSet<String> = HashSet::new();
        for (i, r) in file.articles.into_iter().enumerate() {
            let location = format!("part {name} article #{i} (\"{}\")", r.id);
            let Some(&ix) = self.article_ids.get(&r.id) else {
                v.drop(location, "the manifest has no such article", "its text");
                continue;
            };
            let article = corpus.article(ix);
            if article.part != Some(part as u32)
                || here.contains_key(&r.id)
                || article.body().is_some()
            {
                v.drop(
                    location,
                    "this part does not hold that article, or holds it twice",
                    "its text",
                );
                continue;
            }
            let length = r.text.chars().count();
            if length != article.length as usize {
                v.drop(
                    location,
                    format_args!(
                        "the text has {length} code points, the manifest says {}",
                        article.length
                    ),
                    "its text with its mentions",
                );
                dropped.insert(r.id);
                continue;
            }
            here.insert(r.id, ix);
            texts.push((ix, r.text));
        }
        // Mentions of an article whose text is not here go with it; the
        // article is named once, below.
        let records = file.mentions.into_iter().enumerate().filter(|(_, m)| {
            !dropped.contains(&m.article)
                && (here.contains_key(&m.article) || !self.article_ids.contains_key(&m.article))
        });
        let length = |a: ArticleIx| corpus.article(a).length;
        let mut mentions: HashMap<ArticleIx, Vec<Mention>> = HashMap::new();
        for m in v.mentions(records, length, &here, &self.entity_ids) {
            mentions.entry(m.article).or_default().push(m);
        }
        for (ix, text) in texts {
            let found = mentions.remove(&ix).unwrap_or_default();
            corpus.article(ix).set_body(Body::new(text, found));
        }
        let members = self.members.get(part).map_or(&[][..], Vec::as_slice);
        for article in members.iter().map(|&a| corpus.article(a)) {
            if article.body().is_none() {
                v.diagnostics.push(Diagnostic {
                    location: format!("article \"{}\"", article.id),
                    message: format!(
                        "part {name} has no text for it; it is shown without text or mentions"
                    ),
                });
            }
        }
        v.diagnostics
    }
}

/// The top-level `format` and `version` values, read only as far as needed:
/// the scan stops once both are seen (they usually come first), so a large
/// file is not parsed twice. Anything unreadable gives `None`; the full parse
/// reports it.
fn peek_header(text: &str) -> (Option<serde_json::Value>, Option<serde_json::Value>) {
    use serde::de::{Deserializer as _, Error as _, IgnoredAny, MapAccess, Visitor};

    #[derive(Default)]
    struct Header {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    struct Peek<'h>(&'h mut Header);
    impl<'de> Visitor<'de> for Peek<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                match &*key {
                    "format" => self.0.format = Some(map.next_value()?),
                    "version" => self.0.version = Some(map.next_value()?),
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                if self.0.format.is_some() && self.0.version.is_some() {
                    // Enough read; the error only ends the scan early.
                    return Err(A::Error::custom("header read"));
                }
            }
            Ok(())
        }
    }
    let mut header = Header::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let _ = (&mut de).deserialize_map(Peek(&mut header));
    (header.format, header.version)
}

/// serde_json appends " at line L column C" to its messages; the position is
/// reported in its own fields, so the message drops it.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[derive(Default)]
struct Validator {
    diagnostics: Vec<Diagnostic>,
    article_ids: HashMap<String, ArticleIx>,
    entity_ids: HashMap<String, EntityIx>,
}

impl Validator {
    fn drop(&mut self, location: String, problem: impl std::fmt::Display, what: &str) {
        self.diagnostics.push(Diagnostic {
            location,
            message: format!("{problem}; {what} was dropped"),
        });
    }

    /// A value read as the one it differs from only in case or spacing.
    fn read_as(&mut self, location: String, found: &str, read: &str) {
        self.diagnostics.push(Diagnostic {
            location,
            message: format!("\"{found}\" was read as \"{read}\""),
        });
    }

    fn articles(
        &mut self,
        records: Vec<super::format::ArticleRecord>,
    ) -> (Vec<ArticleMeta>, Vec<String>) {
        let mut metas = Vec::with_capacity(records.len());
        let mut texts = Vec::with_capacity(records.len());
        for r in records {
            if let Some(meta) = self.article(
                metas.len(),
                r.id,
                r.title,
                r.source,
                r.url,
                r.published,
                r.language,
            ) {
                metas.push(meta);
                texts.push(r.text);
            }
        }
        (metas, texts)
    }

    /// Checks an article's id and date; `index` is where it would go.
    #[allow(clippy::too_many_arguments)]
    fn article(
        &mut self,
        index: usize,
        id: String,
        title: String,
        source: String,
        url: Option<String>,
        published: String,
        language: String,
    ) -> Option<ArticleMeta> {
        let at = |field: &str| format!("article \"{id}\" field \"{field}\"");
        if id.is_empty() {
            self.drop(format!("article #{index}"), "empty id", "the article");
            return None;
        }
        if self.article_ids.contains_key(&id) {
            self.drop(at("id"), "duplicate id", "the article");
            return None;
        }
        let published = match PartialDate::parse(&published) {
            Ok(d) => d,
            Err(e) => {
                self.drop(
                    at("published"),
                    format_args!("\"{published}\" is not a date: {e}"),
                    "the article",
                );
                return None;
            }
        };
        self.article_ids.insert(id.clone(), ArticleIx(index as u32));
        Some(ArticleMeta {
            id,
            title,
            source,
            url,
            published,
            language,
        })
    }

    fn entities(&mut self, records: Vec<super::format::EntityRecord>) -> Vec<Entity> {
        let mut out = Vec::with_capacity(records.len());
        for r in records {
            let at = |field: &str| format!("entity \"{}\" field \"{field}\"", r.id);
            if r.id.is_empty() {
                self.drop(format!("entity #{}", out.len()), "empty id", "the entity");
                continue;
            }
            if self.entity_ids.contains_key(&r.id) {
                self.drop(at("id"), "duplicate id", "the entity");
                continue;
            }
            let kind = EntityKind::from_code(&r.kind).or_else(|| {
                let kind = EntityKind::from_code_loosely(&r.kind)?;
                self.read_as(at("kind"), &r.kind, kind.code());
                Some(kind)
            });
            let Some(kind) = kind else {
                let known: Vec<_> = EntityKind::ALL.iter().map(|k| k.code()).collect();
                self.drop(
                    at("kind"),
                    format_args!(
                        "unknown kind \"{}\" (expected one of {})",
                        r.kind,
                        known.join(", ")
                    ),
                    "the entity",
                );
                continue;
            };
            self.entity_ids
                .insert(r.id.clone(), EntityIx(out.len() as u32));
            out.push(Entity {
                id: r.id,
                kind,
                name: r.name,
                aliases: r.aliases,
                wikidata: r.wikidata,
            });
        }
        out
    }

    /// Checks that `start..end` lies inside a text `len` code points long.
    fn span(len: u32, start: u64, end: u64) -> Result<Span, String> {
        let len = u64::from(len);
        if start > end {
            return Err(format!("span {start}..{end} starts after it ends"));
        }
        if end > len {
            return Err(format!(
                "span {start}..{end} ends past the end of the text ({len} code points)"
            ));
        }
        Ok(Span {
            start: start as u32,
            end: end as u32,
        })
    }

    /// Checks mentions of the articles in `articles` whose texts are
    /// `length` long, naming the entities in `entities`.
    fn mentions(
        &mut self,
        records: impl Iterator<Item = (usize, super::format::MentionRecord)>,
        length: impl Fn(ArticleIx) -> u32,
        articles: &HashMap<String, ArticleIx>,
        entities: &HashMap<String, EntityIx>,
    ) -> Vec<Mention> {
        let mut out = Vec::with_capacity(records.size_hint().0);
        for (i, r) in records {
            let location = format!("mention #{i} (article \"{}\")", r.article);
            let Some(&article) = articles.get(&r.article) else {
                self.drop(
                    location,
                    format_args!("unknown article \"{}\"", r.article),
                    "the mention",
                );
                continue;
            };
            let Some(&entity) = entities.get(&r.entity) else {
                self.drop(
                    location,
                    format_args!("unknown entity \"{}\"", r.entity),
                    "the mention",
                );
                continue;
            };
            match Self::span(length(article), r.start, r.end) {
                Ok(span) => out.push(Mention {
                    article,
                    span,
                    entity,
                }),
                Err(problem) => self.drop(location, problem, "the mention"),
            }
        }
        out
    }

    fn events(&mut self, records: Vec<EventRecord>, lengths: &[u32]) -> Vec<Event> {
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(records.len());
        for r in records {
            if r.id.is_empty() {
                self.drop(format!("event #{}", out.len()), "empty id", "the event");
                continue;
            }
            if !seen.insert(r.id.clone()) {
                self.drop(
                    format!("event \"{}\" field \"id\"", r.id),
                    "duplicate id",
                    "the event",
                );
                continue;
            }
            if let Some(event) = self.event(r, lengths) {
                out.push(event);
            }
        }
        out
    }

    fn event(&mut self, r: EventRecord, lengths: &[u32]) -> Option<Event> {
        let at = |field: &str| format!("event \"{}\" field \"{field}\"", r.id);
        let kind = EventKind::from_code(&r.kind).or_else(|| {
            let kind = EventKind::from_code_loosely(&r.kind)?;
            self.read_as(at("kind"), &r.kind, kind.code());
            Some(kind)
        });
        let Some(kind) = kind else {
            let known: Vec<_> = EventKind::ALL.iter().map(|k| k.code()).collect();
            self.drop(
                at("kind"),
                format_args!(
                    "\"{}\" is not a supported CAMEO code (expected one of {})",
                    r.kind,
                    known.join(", ")
                ),
                "the event",
            );
            return None;
        };
        let start = match PartialDate::parse(&r.start) {
            Ok(d) => d,
            Err(e) => {
                self.drop(
                    at("start"),
                    format_args!("\"{}\" is not a date: {e}", r.start),
                    "the event",
                );
                return None;
            }
        };
        let end = match r.end.as_deref().map(PartialDate::parse).transpose() {
            Ok(d) => d,
            Err(e) => {
                let end = r.end.as_deref().unwrap_or_default();
                self.drop(
                    at("end"),
                    format_args!("\"{end}\" is not a date: {e}"),
                    "the event",
                );
                return None;
            }
        };
        if let Some(end) = end {
            if end.last_day() < start.first_day() {
                self.drop(
                    at("end"),
                    format_args!("ends ({end}) before it starts ({start})"),
                    "the event",
                );
                return None;
            }
        }
        let mut participants = Vec::with_capacity(r.participants.len());
        for (i, id) in r.participants.iter().enumerate() {
            let Some(&ix) = self.entity_ids.get(id) else {
                self.drop(
                    at(&format!("participants[{i}]")),
                    format_args!("unknown entity \"{id}\""),
                    "the event",
                );
                return None;
            };
            if !participants.contains(&ix) {
                participants.push(ix);
            }
        }
        let mut optional_entity =
            |field: &str, id: &Option<String>| -> Result<Option<EntityIx>, ()> {
                let Some(id) = id else { return Ok(None) };
                match self.entity_ids.get(id) {
                    Some(&ix) => Ok(Some(ix)),
                    None => {
                        self.drop(
                            at(field),
                            format_args!("unknown entity \"{id}\""),
                            "the event",
                        );
                        Err(())
                    }
                }
            };
        let host = optional_entity("host", &r.host).ok()?;
        let place = optional_entity("place", &r.place).ok()?;
        let mut evidence = Vec::with_capacity(r.evidence.len());
        for (i, e) in r.evidence.iter().enumerate() {
            let location = at(&format!("evidence[{i}]"));
            let Some(&article) = self.article_ids.get(&e.article) else {
                self.drop(
                    location,
                    format_args!("unknown article \"{}\"", e.article),
                    "this evidence",
                );
                continue;
            };
            match Self::span(lengths[article.0 as usize], e.start, e.end) {
                Ok(span) => evidence.push(Evidence { article, span }),
                Err(problem) => self.drop(location, problem, "this evidence"),
            }
        }
        if evidence.is_empty() {
            self.drop(at("evidence"), "no valid evidence", "the event");
            return None;
        }
        let status = r.status.as_deref().and_then(|found| {
            if let Some(status) = EventStatus::from_code(found) {
                return Some(status);
            }
            let status = EventStatus::from_code_loosely(found);
            match status {
                Some(s) => self.read_as(at("status"), found, s.code()),
                None => {
                    let known: Vec<_> = EventStatus::ALL.iter().map(|s| s.code()).collect();
                    self.drop(
                        at("status"),
                        format_args!(
                            "unknown status \"{found}\" (expected one of {})",
                            known.join(", ")
                        ),
                        "the status",
                    );
                }
            }
            status
        });
        let group = r
            .group
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .map(str::to_string);
        Some(Event {
            id: r.id,
            kind,
            dates: DateRange { start, end },
            participants,
            host,
            place,
            summary: r.summary,
            evidence,
            claims: r.claims,
            status,
            group,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(body: &str) -> String {
        format!(r#"{{"format":"article-explorer/corpus","version":1,{body}}}"#)
    }

    const ARTICLE: &str = r#"{"id":"a1","title":"T","source":"S","published":"2023-03-20","language":"en","text":"Xi (习近平) met Putin 🤝."}"#;
    const ENTITIES: &str = r#"[{"id":"xi","kind":"person","name":"Xi Jinping"},{"id":"putin","kind":"person","name":"Vladimir Putin"}]"#;

    #[test]
    fn loads_a_small_corpus_with_resolved_references() {
        let text = corpus(&format!(
            r#""articles":[{ARTICLE}],"entities":{ENTITIES},
            "mentions":[{{"article":"a1","start":4,"end":7,"entity":"xi"}},{{"article":"a1","start":13,"end":18,"entity":"putin"}}],
            "events":[{{"id":"e1","kind":"044","start":"2023-03","participants":["xi","putin","xi"],"summary":"s",
              "evidence":[{{"article":"a1","start":0,"end":21}}]}}]"#
        ));
        let loaded = load(&text).unwrap();
        assert_eq!(loaded.diagnostics, vec![]);
        let c = &loaded.corpus;
        let a = &c.articles[0];
        assert_eq!(a.slice(a.mentions()[0].span), "习近平");
        assert_eq!(a.slice(a.mentions()[1].span), "Putin");
        assert_eq!(
            a.slice(c.events[0].evidence[0].span),
            "Xi (习近平) met Putin 🤝."
        );
        assert_eq!(c.events[0].participants, vec![EntityIx(0), EntityIx(1)]);
    }

    #[test]
    fn syntax_errors_name_line_column_and_path() {
        // A value of the wrong type costs its item, which is named.
        let loaded = load(&corpus(r#""articles":[{"id":"a1","title":5}]"#)).unwrap();
        assert_eq!(
            loaded.diagnostics[0].to_string(),
            "article #0 (\"a1\") field \"title\": invalid type: integer `5`, expected a string (line 1, column 80); the article was dropped"
        );
        // Text that is not JSON is refused, with where.
        let err = load("{\n  \"format\": ,\n}").unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::Syntax {
                    line: 2,
                    column: 13,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn json_that_names_no_format_is_for_the_importer() {
        assert!(is_unformatted_json(r#"[{"title": "a", "text": "b"}]"#));
        assert!(is_unformatted_json("\u{feff}{\"maintext\": \"b\"}"));
        assert!(!is_unformatted_json(&corpus(r#""articles":[]"#)));
        assert!(!is_unformatted_json("{\"articles\": ["));
    }

    #[test]
    fn trailing_garbage_is_an_error() {
        let err = load(&format!("{} x", corpus(r#""articles":[]"#))).unwrap_err();
        assert!(err.to_string().contains("trailing characters"), "{err}");
    }

    #[test]
    fn deep_nesting_stays_bounded() {
        let nest = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        // An unknown field is skipped without recursion, however deep.
        let loaded = load(&corpus(&format!(r#""extra":{}"#, nest(200_000)))).unwrap();
        assert!(loaded.corpus.articles.is_empty());
        // A known field is rejected at its first wrong token, and costs
        // its item.
        let loaded = load(&corpus(&format!(
            r#""articles":[{{"id":{}}}]"#,
            nest(200_000)
        )))
        .unwrap();
        assert!(loaded.corpus.articles.is_empty());
        let said = loaded.diagnostics[0].to_string();
        assert!(
            said.starts_with("article #0 field \"id\": invalid type: sequence"),
            "{said}"
        );
        // A list nested deep in a list costs its item too, without
        // overflowing the stack.
        let loaded = load(&corpus(&format!(r#""articles":{}"#, nest(200_000)))).unwrap();
        assert!(loaded.corpus.articles.is_empty());
        assert_eq!(loaded.diagnostics.len(), 1);
    }

    #[test]
    fn a_dropped_article_takes_its_mentions_with_it() {
        let text = corpus(&format!(
            r#""articles":[{ARTICLE},{{"id":"a2","title":"T","source":"S","published":"2023-02-30","language":"en","text":"x"}}],
            "entities":{ENTITIES},"mentions":[{{"article":"a2","start":0,"end":1,"entity":"xi"}}]"#
        ));
        let loaded = load(&text).unwrap();
        let messages: Vec<_> = loaded.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "article \"a2\" field \"published\": \"2023-02-30\" is not a date: day 30 does not exist in a month of 28 days; the article was dropped",
                "mention #0 (article \"a2\"): unknown article \"a2\"; the mention was dropped",
            ]
        );
        assert_eq!(loaded.corpus.articles.len(), 1);
    }
}
