//! The validated corpus written back in the file format, so a corpus the
//! user has added articles to can be saved and loaded again.
//!
//! Invariant: `load(write(c))` gives back `c`, with no diagnostics.

use super::format::{
    ArticleRecord, CorpusFile, EntityRecord, EventRecord, EvidenceRecord, MentionRecord,
    FORMAT_NAME, FORMAT_VERSION,
};
use super::model::Corpus;

/// The corpus's entities as written in a file.
pub fn entity_records(corpus: &Corpus) -> Vec<EntityRecord> {
    corpus
        .entities
        .iter()
        .map(|e| EntityRecord {
            id: e.id.clone(),
            kind: e.kind.code().into(),
            name: e.name.clone(),
            aliases: e.aliases.clone(),
            wikidata: e.wikidata.clone(),
        })
        .collect()
}

/// The corpus as a file.
pub fn to_file(corpus: &Corpus) -> CorpusFile {
    let article_id = |ix: super::ArticleIx| corpus.article(ix).id.clone();
    let entity_id = |ix: super::EntityIx| corpus.entity(ix).id.clone();
    CorpusFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        title: corpus.title.clone(),
        articles: corpus
            .articles
            .iter()
            .map(|a| ArticleRecord {
                id: a.id.clone(),
                title: a.title.clone(),
                source: a.source.clone(),
                url: a.url.clone(),
                published: a.published.to_string(),
                language: a.language.clone(),
                text: a.text.clone(),
            })
            .collect(),
        entities: entity_records(corpus),
        mentions: corpus
            .mentions
            .iter()
            .map(|m| MentionRecord {
                article: article_id(m.article),
                start: m.span.start.into(),
                end: m.span.end.into(),
                entity: entity_id(m.entity),
            })
            .collect(),
        events: corpus
            .events
            .iter()
            .map(|e| {
                let (start, end) = e.dates.to_string_pair();
                EventRecord {
                    id: e.id.clone(),
                    kind: e.kind.code().into(),
                    start,
                    end,
                    participants: e.participants.iter().map(|&p| entity_id(p)).collect(),
                    host: e.host.map(entity_id),
                    place: e.place.map(entity_id),
                    summary: e.summary.clone(),
                    evidence: e
                        .evidence
                        .iter()
                        .map(|ev| EvidenceRecord {
                            article: article_id(ev.article),
                            start: ev.span.start.into(),
                            end: ev.span.end.into(),
                        })
                        .collect(),
                    claims: e.claims.clone(),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_corpus_survives_a_round_trip() {
        let corpus = crate::corpus::bundled();
        let json = serde_json::to_string(&to_file(&corpus)).unwrap();
        let again = crate::corpus::load(&json).unwrap();
        assert!(again.diagnostics.is_empty(), "{:?}", again.diagnostics);
        assert_eq!(again.corpus, corpus);
    }
}
