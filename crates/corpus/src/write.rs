//! The validated corpus written back in the file format, so a corpus the
//! user has added articles to can be saved and loaded again.
//!
//! Invariant: `load(write(c))` gives back `c`, with no diagnostics.

use std::collections::HashMap;

use super::format::{
    ArticleHeader, ArticleRecord, BodyRecord, CorpusFile, EntityRecord, EventRecord,
    EvidenceRecord, ManifestFile, MentionRecord, PartFile, FORMAT_NAME, FORMAT_VERSION,
    MANIFEST_FORMAT, PART_FORMAT,
};
use super::model::Corpus;

/// The corpus's entities as written in a file.
pub fn entity_records(corpus: &Corpus) -> Vec<EntityRecord> {
    corpus.entities.iter().map(entity_record).collect()
}

fn entity_record(e: &super::Entity) -> EntityRecord {
    EntityRecord {
        id: e.id.clone(),
        kind: e.kind.code().into(),
        name: e.name.clone(),
        aliases: e.aliases.clone(),
        wikidata: e.wikidata.clone(),
    }
}

/// The corpus as a file.
pub fn to_file(corpus: &Corpus) -> CorpusFile {
    let keep = Keep {
        articles: vec![true; corpus.articles.len()],
        entities: vec![true; corpus.entities.len()],
        events: vec![true; corpus.events.len()],
    };
    write(corpus, &keep)
}

/// The part of the corpus that `events` need, as a file: those events, the
/// articles that give their evidence (with all their mentions), and the
/// entities either names. It loads with no diagnostics, as the whole does.
pub fn subset_to_file(corpus: &Corpus, events: &[super::EventIx]) -> CorpusFile {
    let mut keep = Keep {
        articles: vec![false; corpus.articles.len()],
        entities: vec![false; corpus.entities.len()],
        events: vec![false; corpus.events.len()],
    };
    for &ix in events {
        keep.events[ix.0 as usize] = true;
        let e = corpus.event(ix);
        for ev in &e.evidence {
            keep.articles[ev.article.0 as usize] = true;
        }
        for entity in e.participants.iter().chain(&e.host).chain(&e.place) {
            keep.entities[entity.0 as usize] = true;
        }
    }
    for m in corpus.mentions() {
        if keep.articles[m.article.0 as usize] {
            keep.entities[m.entity.0 as usize] = true;
        }
    }
    write(corpus, &keep)
}

/// Which articles, entities and events a file holds, by index.
struct Keep {
    articles: Vec<bool>,
    entities: Vec<bool>,
    events: Vec<bool>,
}

fn write(corpus: &Corpus, keep: &Keep) -> CorpusFile {
    let article_id = |ix: super::ArticleIx| corpus.article(ix).id.clone();
    let entity_id = |ix: super::EntityIx| corpus.entity(ix).id.clone();
    let kept = |flags: &[bool], i: usize| flags[i];
    CorpusFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        title: corpus.title.clone(),
        articles: corpus
            .articles
            .iter()
            .enumerate()
            .filter(|&(i, _)| kept(&keep.articles, i))
            .map(|(_, a)| ArticleRecord {
                id: a.id.clone(),
                title: a.title.clone(),
                source: a.source.clone(),
                url: a.url.clone(),
                published: a.published.to_string(),
                language: a.language.clone(),
                text: a.text().to_string(),
            })
            .collect(),
        entities: corpus
            .entities
            .iter()
            .enumerate()
            .filter(|&(i, _)| kept(&keep.entities, i))
            .map(|(_, e)| entity_record(e))
            .collect(),
        mentions: corpus
            .mentions()
            .filter(|m| kept(&keep.articles, m.article.0 as usize))
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
            .enumerate()
            .filter(|&(i, _)| kept(&keep.events, i))
            .map(|(_, e)| {
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
                    status: e.status.map(|s| s.code().to_string()),
                    group: e.group.clone(),
                }
            })
            .collect(),
    }
}

/// Splits a corpus file into a manifest and parts of at most `per_part`
/// articles each, in file order. Part `i` is named by `name(i)`, the URL
/// the manifest gives for it (relative to the manifest).
pub fn split(
    file: CorpusFile,
    per_part: usize,
    name: impl Fn(usize) -> String,
) -> (ManifestFile, Vec<PartFile>) {
    let per_part = per_part.max(1);
    let mut mentions: HashMap<String, Vec<MentionRecord>> = HashMap::new();
    for m in file.mentions {
        mentions.entry(m.article.clone()).or_default().push(m);
    }
    let mut headers = Vec::with_capacity(file.articles.len());
    let mut parts: Vec<PartFile> = Vec::new();
    for (i, a) in file.articles.into_iter().enumerate() {
        let part = i / per_part;
        if part == parts.len() {
            parts.push(PartFile {
                format: PART_FORMAT.into(),
                version: FORMAT_VERSION,
                articles: Vec::new(),
                mentions: Vec::new(),
            });
        }
        headers.push(ArticleHeader {
            id: a.id.clone(),
            title: a.title,
            source: a.source,
            url: a.url,
            published: a.published,
            language: a.language,
            length: a.text.chars().count() as u64,
            part: part as u64,
        });
        parts[part]
            .mentions
            .extend(mentions.remove(&a.id).unwrap_or_default());
        parts[part].articles.push(BodyRecord {
            id: a.id,
            text: a.text,
        });
    }
    let manifest = ManifestFile {
        format: MANIFEST_FORMAT.into(),
        version: FORMAT_VERSION,
        title: file.title,
        parts: (0..parts.len()).map(name).collect(),
        articles: headers,
        entities: file.entities,
        events: file.events,
    };
    (manifest, parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subset_holds_its_events_their_articles_and_loads_clean() {
        let corpus = crate::bundled();
        let events: Vec<crate::EventIx> = (0..corpus.events.len() as u32)
            .map(crate::EventIx)
            .filter(|&ix| corpus.event(ix).kind == corpus.events[0].kind)
            .collect();
        assert!(events.len() > 1 && events.len() < corpus.events.len());
        let file = subset_to_file(&corpus, &events);
        let loaded = crate::load(&serde_json::to_string(&file).unwrap()).unwrap();
        assert_eq!(loaded.diagnostics, vec![]);
        let sub = loaded.corpus;
        let ids = |c: &Corpus, ixs: &mut dyn Iterator<Item = crate::EventIx>| {
            ixs.map(|ix| c.event(ix).id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(
            ids(&sub, &mut (0..sub.events.len() as u32).map(crate::EventIx)),
            ids(&corpus, &mut events.iter().copied())
        );
        let mut cited: Vec<_> = events
            .iter()
            .flat_map(|&ix| corpus.event(ix).evidence.iter().map(|e| e.article))
            .collect();
        cited.sort();
        cited.dedup();
        assert_eq!(sub.articles.len(), cited.len());
        assert!(sub.entities.len() < corpus.entities.len());
        // Every article kept keeps every mention it had.
        for a in &sub.articles {
            let whole = corpus.article(corpus.article_by_id(&a.id).unwrap());
            assert_eq!(a.mentions().len(), whole.mentions().len(), "{}", a.id);
        }
    }

    #[test]
    fn a_split_corpus_loads_back_part_by_part() {
        let corpus = crate::bundled();
        let (manifest, parts) = split(to_file(&corpus), 16, |i| format!("part-{i}.json"));
        assert_eq!(manifest.parts.len(), corpus.articles.len().div_ceil(16));
        let json = serde_json::to_string(&manifest).unwrap();
        let Ok(crate::Parsed {
            file: crate::AnyFile::Manifest(manifest),
            ..
        }) = crate::parse_any(&json)
        else {
            panic!("a manifest is read as one");
        };
        let (loaded, loader) = crate::validate_manifest(manifest);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let split = loaded.corpus;
        assert!(!split.complete());
        assert_eq!(split.events, corpus.events);
        // Parts may arrive in any order.
        for (i, part) in parts.into_iter().enumerate().rev() {
            let json = serde_json::to_string(&part).unwrap();
            let part = crate::parse_part(&json).unwrap();
            assert_eq!(part.diagnostics, vec![]);
            assert_eq!(loader.add(&split, i, part.file), vec![]);
        }
        assert!(split.complete());
        assert_eq!(split.articles.len(), corpus.articles.len());
        for (a, b) in split.articles.iter().zip(&corpus.articles) {
            assert_eq!(
                (a.text(), a.mentions(), a.length),
                (b.text(), b.mentions(), b.length)
            );
        }
    }

    #[test]
    fn a_bad_part_is_named_and_the_rest_arrives() {
        let corpus = crate::bundled();
        let (manifest, mut parts) = split(to_file(&corpus), 4, |i| format!("p{i}.json"));
        let (loaded, loader) = crate::validate_manifest(manifest);
        let split = loaded.corpus;
        let first = split.articles[0].id.clone();
        let second = split.articles[1].id.clone();
        // Text one code point short, an article of another part, a mention
        // past the end of its text, and an article left out.
        parts[0].articles[0].text.pop();
        let stray = parts[1].articles[0].clone();
        parts[0].articles.push(stray.clone());
        let m = parts[0]
            .mentions
            .iter_mut()
            .find(|m| m.article == second)
            .unwrap();
        m.end = 1_000_000;
        parts[0].articles.remove(2);
        let third = split.articles[2].id.clone();
        let said: Vec<String> = loader
            .add(&split, 0, parts[0].clone())
            .iter()
            .map(ToString::to_string)
            .collect();
        let length = split.articles[0].length;
        assert_eq!(
            said,
            [
                format!("part p0.json article #0 (\"{first}\"): the text has {} code points, the manifest says {length}; its text with its mentions was dropped", length - 1),
                format!("part p0.json article #3 (\"{}\"): this part does not hold that article, or holds it twice; its text was dropped", stray.id),
                format!("mention #{} (article \"{second}\"): span {}..1000000 ends past the end of the text ({} code points); the mention was dropped",
                    parts[0].mentions.iter().position(|m| m.end == 1_000_000).unwrap(),
                    parts[0].mentions.iter().find(|m| m.end == 1_000_000).unwrap().start,
                    split.articles[1].length),
                format!("article \"{first}\": part p0.json has no text for it; it is shown without text or mentions"),
                format!("article \"{third}\": part p0.json has no text for it; it is shown without text or mentions"),
            ]
        );
        assert!(split.articles[0].body().is_none());
        assert_eq!(split.articles[1].text(), corpus.articles[1].text());
        assert_eq!(
            split.articles[1].mentions().len(),
            corpus.articles[1].mentions().len() - 1
        );
        assert_eq!(loader.add(&split, 1, parts[1].clone()), vec![]);
        assert_eq!(split.articles[4].text(), corpus.articles[4].text());
    }

    #[test]
    fn the_bundled_corpus_survives_a_round_trip() {
        let corpus = crate::bundled();
        let json = serde_json::to_string(&to_file(&corpus)).unwrap();
        let again = crate::load(&json).unwrap();
        assert!(again.diagnostics.is_empty(), "{:?}", again.diagnostics);
        assert_eq!(again.corpus, corpus);
    }
}
