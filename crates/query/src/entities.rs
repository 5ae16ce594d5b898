//! The entity index: how often each entity is mentioned, in how many articles
//! and events it appears, and which entities appear with it most.
//!
//! Invariant: counts come from the validated corpus only, so every index
//! returned points at an existing entity or article.

use std::collections::HashMap;

use crate::search::tokens;
use explorer_corpus::{ArticleIx, Corpus, EntityIx};

/// Counts for one entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityStats {
    /// The entity.
    pub entity: EntityIx,
    /// Mentions across all articles.
    pub mentions: usize,
    /// Articles that mention it.
    pub articles: usize,
    /// Events it takes part in, hosts, or is the place of.
    pub events: usize,
}

/// Counts for every entity, in corpus order.
pub fn stats(corpus: &Corpus) -> Vec<EntityStats> {
    let mut out: Vec<EntityStats> = (0..corpus.entities.len() as u32)
        .map(|i| EntityStats {
            entity: EntityIx(i),
            mentions: 0,
            articles: 0,
            events: 0,
        })
        .collect();
    let mut last_article: Vec<Option<ArticleIx>> = vec![None; out.len()];
    for m in corpus.mentions() {
        let i = m.entity.0 as usize;
        out[i].mentions += 1;
        if last_article[i] != Some(m.article) {
            out[i].articles += 1;
            last_article[i] = Some(m.article);
        }
    }
    for e in &corpus.events {
        let mut involved: Vec<EntityIx> = e.participants.clone();
        involved.extend(e.host);
        involved.extend(e.place);
        explorer_corpus::sort::sort(&mut involved);
        involved.dedup();
        for x in involved {
            out[x.0 as usize].events += 1;
        }
    }
    out
}

/// The articles that mention `entity`, in corpus order.
pub fn articles_mentioning(corpus: &Corpus, entity: EntityIx) -> Vec<ArticleIx> {
    let mut out: Vec<ArticleIx> = corpus
        .mentions()
        .filter(|m| m.entity == entity)
        .map(|m| m.article)
        .collect();
    out.dedup();
    out
}

/// The entities mentioned in the most articles together with `entity`, with
/// that number of articles; at most `limit`, most frequent first.
pub fn co_occurring(corpus: &Corpus, entity: EntityIx, limit: usize) -> Vec<(EntityIx, usize)> {
    let mut counts: HashMap<EntityIx, usize> = HashMap::new();
    for article in articles_mentioning(corpus, entity) {
        let mut others: Vec<EntityIx> = corpus
            .mentions_in(article)
            .iter()
            .map(|m| m.entity)
            .filter(|&e| e != entity)
            .collect();
        explorer_corpus::sort::sort(&mut others);
        others.dedup();
        for e in others {
            *counts.entry(e).or_default() += 1;
        }
    }
    let mut out: Vec<(EntityIx, usize)> = counts.into_iter().collect();
    explorer_corpus::sort::sort_by(&mut out, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out.truncate(limit);
    out
}

/// Whether `entity`'s name or an alias matches `query` (folded, every word a
/// prefix of some word of the name).
pub fn matches(corpus: &Corpus, entity: EntityIx, query: &str) -> bool {
    let wanted: Vec<String> = tokens(query).into_iter().map(|(t, _)| t).collect();
    if wanted.is_empty() {
        return true;
    }
    let e = corpus.entity(entity);
    std::iter::once(&e.name).chain(&e.aliases).any(|name| {
        let words: Vec<String> = tokens(name).into_iter().map(|(t, _)| t).collect();
        wanted
            .iter()
            .all(|w| words.iter().any(|x| x.starts_with(w.as_str())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_corpus::load;

    fn corpus() -> Corpus {
        let text = r#"{"format":"article-explorer/corpus","version":1,
          "articles":[{"id":"a","title":"t","source":"s","published":"2023","language":"en","text":"Xi met Putin. Xi again."},
                      {"id":"b","title":"t","source":"s","published":"2023","language":"en","text":"Putin in Moscow."}],
          "entities":[{"id":"xi","kind":"person","name":"Xi Jinping","aliases":["习近平"]},{"id":"putin","kind":"person","name":"Vladimir Putin"},
                      {"id":"moscow","kind":"place","name":"Moscow"},{"id":"ru","kind":"country","name":"Russia"}],
          "mentions":[{"article":"a","start":0,"end":2,"entity":"xi"},{"article":"a","start":7,"end":12,"entity":"putin"},
                      {"article":"a","start":14,"end":16,"entity":"xi"},{"article":"b","start":0,"end":5,"entity":"putin"},
                      {"article":"b","start":9,"end":15,"entity":"moscow"}],
          "events":[{"id":"e","kind":"042","start":"2023","participants":["xi","putin"],"host":"ru","place":"moscow","summary":"s","evidence":[{"article":"a","start":0,"end":13}]}]}"#;
        load(text).unwrap().corpus
    }

    #[test]
    fn counts_mentions_articles_and_events() {
        let c = corpus();
        let s = stats(&c);
        assert_eq!((s[0].mentions, s[0].articles, s[0].events), (2, 1, 1));
        assert_eq!((s[1].mentions, s[1].articles, s[1].events), (2, 2, 1));
        assert_eq!((s[3].mentions, s[3].articles, s[3].events), (0, 0, 1));
    }

    #[test]
    fn co_occurrence_counts_shared_articles() {
        let c = corpus();
        let putin = c.entity_by_id("putin").unwrap();
        let with: Vec<_> = co_occurring(&c, putin, 5)
            .into_iter()
            .map(|(e, n)| (c.entity(e).id.clone(), n))
            .collect();
        assert_eq!(with, [("xi".to_string(), 1), ("moscow".to_string(), 1)]);
        assert_eq!(articles_mentioning(&c, putin).len(), 2);
    }

    #[test]
    fn name_and_alias_matching_is_folded_and_prefix() {
        let c = corpus();
        let xi = c.entity_by_id("xi").unwrap();
        assert!(matches(&c, xi, "jin"));
        assert!(matches(&c, xi, "XI JINPING"));
        assert!(matches(&c, xi, "习"));
        assert!(!matches(&c, xi, "putin"));
        assert!(matches(&c, xi, ""));
    }
}
