//! Adds extracted articles to an existing corpus file.
//!
//! Invariant: nothing already in the corpus changes; new ids never collide
//! with old ones, and an extracted entity that is the same as one the corpus
//! holds (same id or same name, and same kind) becomes that entity.

use std::collections::{BTreeSet, HashMap};

use explorer_corpus::format::CorpusFile;

/// Gives `wanted`, or `wanted-2`, `wanted-3`, ... if it is taken, and
/// takes it.
fn fresh(taken: &mut BTreeSet<String>, wanted: &str) -> String {
    let id = super::fresh_id(wanted, |id| taken.contains(id));
    taken.insert(id.clone());
    id
}

/// Appends `extra`'s articles, entities, mentions and events to `base`.
pub fn add_to(base: &mut CorpusFile, extra: CorpusFile) {
    let mut article_ids: BTreeSet<String> = base.articles.iter().map(|a| a.id.clone()).collect();
    let mut articles = HashMap::new();
    for mut a in extra.articles {
        let id = fresh(&mut article_ids, &a.id);
        articles.insert(a.id.clone(), id.clone());
        a.id = id;
        base.articles.push(a);
    }

    let mut entity_ids: BTreeSet<String> = base.entities.iter().map(|e| e.id.clone()).collect();
    let mut entities = HashMap::new();
    for mut e in extra.entities {
        let same = base
            .entities
            .iter_mut()
            .find(|b| b.kind == e.kind && (b.id == e.id || b.name == e.name));
        if let Some(b) = same {
            entities.insert(e.id.clone(), b.id.clone());
            for alias in e.aliases {
                if alias != b.name && !b.aliases.contains(&alias) {
                    b.aliases.push(alias);
                }
            }
            continue;
        }
        let id = fresh(&mut entity_ids, &e.id);
        entities.insert(e.id.clone(), id.clone());
        e.id = id;
        base.entities.push(e);
    }
    let entity = |id: &String| entities.get(id).cloned().unwrap_or_else(|| id.clone());
    let article = |id: &String| articles.get(id).cloned().unwrap_or_else(|| id.clone());

    for mut m in extra.mentions {
        m.article = article(&m.article);
        m.entity = entity(&m.entity);
        base.mentions.push(m);
    }
    let mut event_ids: BTreeSet<String> = base.events.iter().map(|e| e.id.clone()).collect();
    for mut e in extra.events {
        e.id = fresh(&mut event_ids, &e.id);
        e.participants = e.participants.iter().map(entity).collect();
        e.host = e.host.as_ref().map(entity);
        e.place = e.place.as_ref().map(entity);
        for ev in &mut e.evidence {
            ev.article = article(&ev.article);
        }
        base.events.push(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::{extract, Document};
    use explorer_corpus::dates::PartialDate;
    use explorer_corpus::{load, to_file};

    #[test]
    fn an_extracted_article_joins_the_bundled_corpus_without_clashes() {
        let bundled = explorer_corpus::bundled();
        let mut file = to_file(&bundled);
        let (gazetteer, _) =
            Gazetteer::build(&explorer_corpus::entity_records(&bundled), &[]).unwrap();
        let doc = Document {
            // The same id as a bundled article, to be renamed.
            id: bundled.articles[0].id.clone(),
            title: "Xi and Putin speak by phone".into(),
            source: "Test desk".into(),
            url: None,
            published: PartialDate::parse("2024-05-08").unwrap(),
            language: "en".into(),
            text: "Chinese President Xi Jinping and Russian President Vladimir Putin held a telephone call on Monday, and Xi praised the ties with Russia.".into(),
            given: None,
            slides: Vec::new(),
        };
        let extracted = extract(&[doc], &gazetteer, |_| {}).corpus;
        add_to(&mut file, extracted);
        let loaded = load(&serde_json::to_string(&file).unwrap()).unwrap();
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let c = loaded.corpus;
        assert_eq!(c.articles.len(), bundled.articles.len() + 1);
        assert_eq!(
            c.entities.len(),
            bundled.entities.len(),
            "no entity is duplicated"
        );
        let added = c.articles.last().unwrap();
        assert_eq!(added.id, format!("{}-2", bundled.articles[0].id));
        let call = c.events.last().unwrap();
        assert_eq!(call.kind.code(), "041");
        assert_eq!(call.dates.start.to_string(), "2024-05-06");
        let names: Vec<&str> = call
            .participants
            .iter()
            .map(|p| c.entity(*p).name.as_str())
            .collect();
        assert_eq!(names, ["Xi Jinping", "Vladimir Putin"]);
        assert_eq!(&c.events[..bundled.events.len()], &bundled.events[..]);
    }
}
