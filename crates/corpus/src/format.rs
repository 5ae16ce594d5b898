//! The corpus file format, version 1, exactly as it is written on disk.
//!
//! These types mirror the JSON and nothing more: they hold unvalidated strings and
//! numbers. `corpus::load` turns them into the validated model; nothing else in the
//! app reads them.

use serde::{Deserialize, Serialize};

/// The value of the `format` field that marks a file as an Article Explorer corpus.
pub const FORMAT_NAME: &str = "article-explorer/corpus";

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// The `format` of a split corpus's manifest: everything but the article
/// bodies, which live in parts beside it.
pub const MANIFEST_FORMAT: &str = "article-explorer/corpus-manifest";

/// The `format` of one part of a split corpus: article bodies and their
/// mentions.
pub const PART_FORMAT: &str = "article-explorer/corpus-part";

/// A whole corpus file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct CorpusFile {
    /// Always `"article-explorer/corpus"`.
    pub format: String,
    /// The format version: `1` for this specification.
    pub version: u64,
    /// A human-readable name for the collection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The articles, each with its full text.
    #[serde(default)]
    pub articles: Vec<ArticleRecord>,
    /// People, countries, places, organisations and other named things.
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
    /// Spans of article text that name an entity.
    #[serde(default)]
    pub mentions: Vec<MentionRecord>,
    /// Visits, meetings, calls and other events, each tied to evidence.
    #[serde(default)]
    pub events: Vec<EventRecord>,
}

/// One article as stored in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ArticleRecord {
    /// Unique among articles.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The publisher or news service.
    pub source: String,
    /// Where the article was published, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: String,
    /// BCP 47 language tag of the text, such as `en` or `ar`.
    pub language: String,
    /// The plain text; all offsets in the corpus count Unicode code points in it.
    pub text: String,
}

/// The manifest of a split corpus: a corpus file whose articles carry their
/// length and the part that holds their text, with no mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ManifestFile {
    /// Always `"article-explorer/corpus-manifest"`.
    pub format: String,
    /// The format version: `1` for this specification.
    pub version: u64,
    /// A human-readable name for the collection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The part files, as URLs relative to the manifest.
    #[serde(default)]
    pub parts: Vec<String>,
    /// The articles, without their text.
    #[serde(default)]
    pub articles: Vec<ArticleHeader>,
    /// As in a corpus file.
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
    /// As in a corpus file; evidence spans are checked against each
    /// article's `length`.
    #[serde(default)]
    pub events: Vec<EventRecord>,
}

/// An article of a manifest: all but its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ArticleHeader {
    /// Unique among articles.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The publisher or news service.
    pub source: String,
    /// Where the article was published, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: String,
    /// BCP 47 language tag of the text.
    pub language: String,
    /// The text's length in Unicode code points.
    pub length: u64,
    /// Which entry of `parts` holds the text (counting from 0).
    pub part: u64,
}

/// One part of a split corpus: the text of some articles and their mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PartFile {
    /// Always `"article-explorer/corpus-part"`.
    pub format: String,
    /// The format version: `1` for this specification.
    pub version: u64,
    /// Article ids with their text.
    #[serde(default)]
    pub articles: Vec<BodyRecord>,
    /// Mentions in these articles' texts.
    #[serde(default)]
    pub mentions: Vec<MentionRecord>,
}

/// The text of one article of a split corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct BodyRecord {
    /// The article id, as in the manifest.
    pub id: String,
    /// The plain text, exactly as long as the manifest says.
    pub text: String,
}

/// One entity as stored in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct EntityRecord {
    /// Unique among entities.
    pub id: String,
    /// `person`, `country`, `place`, `organisation`, `date` or `other`.
    pub kind: String,
    /// The canonical name shown to the user.
    pub name: String,
    /// Other names the entity goes by in the texts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// An identifier in an external knowledge base, such as a Wikidata QID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

/// One mention: the code points `start..end` of an article's text name `entity`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct MentionRecord {
    /// The article id.
    pub article: String,
    /// First code point of the span.
    pub start: u64,
    /// One past the last code point of the span.
    pub end: u64,
    /// The entity id.
    pub entity: String,
}

/// A span of an article that supports an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct EvidenceRecord {
    /// The article id.
    pub article: String,
    /// First code point of the supporting sentence.
    pub start: u64,
    /// One past its last code point.
    pub end: u64,
}

/// One event as stored in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct EventRecord {
    /// Unique among events.
    pub id: String,
    /// A CAMEO code from the consult family: `036`, `040`, `041`, `042`, `043`, `044`, `046` or `057`.
    pub kind: String,
    /// First day, month or year of the event.
    pub start: String,
    /// Last day, month or year, for events that last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Entity ids of those who took part.
    #[serde(default)]
    pub participants: Vec<String>,
    /// Entity id of the host country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Entity id of the place where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// One sentence saying what happened.
    pub summary: String,
    /// The spans that report the event; at least one.
    #[serde(default)]
    pub evidence: Vec<EvidenceRecord>,
    /// Free-text claims the sources make about the event, such as "their 40th meeting".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<String>,
    /// Whether it had happened when the sources were written: `announced`,
    /// `under-way` or `done`. Left out, it is not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// A label of the source's own that groups events, such as a TimelineJS
    /// sheet's Group column; the timeline can draw one lane per group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published schema is generated from these types; this test fails
    /// when they drift apart. `UPDATE_SCHEMA=1 cargo test -p explorer-corpus --lib` rewrites it.
    #[test]
    fn published_schema_matches_the_types() {
        let schemas = [
            ("corpus", schemars::schema_for!(CorpusFile)),
            ("corpus-manifest", schemars::schema_for!(ManifestFile)),
            ("corpus-part", schemars::schema_for!(PartFile)),
        ];
        for (name, mut schema) in schemas {
            let path = format!(
                "{}/../../docs/{name}.schema.json",
                env!("CARGO_MANIFEST_DIR")
            );
            schema.insert("$id".into(), format!("article-explorer/{name}/v1").into());
            let mut generated = serde_json::to_string_pretty(&schema).unwrap();
            generated.push('\n');
            if std::env::var_os("UPDATE_SCHEMA").is_some() {
                std::fs::write(&path, &generated).unwrap();
            }
            let published = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                published == generated,
                "docs/{name}.schema.json is out of date; run UPDATE_SCHEMA=1 cargo test -p explorer-corpus --lib"
            );
        }
    }
}
