//! Filtering events by facets, and the live counts each facet value shows.
//!
//! Semantics: values of one facet combine with OR, facets combine with AND. The
//! count beside a value is the number of events that would match if that value
//! were the only one chosen in its facet, with every other facet as it is, the
//! usual faceted-search convention, so a user sees what a click would give.

use std::collections::{BTreeMap, BTreeSet};

use explorer_corpus::dates::DayNumber;
use explorer_corpus::{ArticleIx, Corpus, EntityIx, Event, EventIx, EventKind, SourceIndex};

/// A set of articles, one bit each: it is built from the search hits on
/// every keystroke and asked once per evidence span, so both must be cheap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleSet {
    bits: Vec<u64>,
}

impl ArticleSet {
    /// Whether `article` is in the set.
    pub fn contains(&self, article: ArticleIx) -> bool {
        let i = article.0 as usize;
        self.bits
            .get(i / 64)
            .is_some_and(|word| word & (1 << (i % 64)) != 0)
    }

    /// Adds `article`.
    pub fn insert(&mut self, article: ArticleIx) {
        let i = article.0 as usize;
        if self.bits.len() <= i / 64 {
            self.bits.resize(i / 64 + 1, 0);
        }
        self.bits[i / 64] |= 1 << (i % 64);
    }
}

impl FromIterator<ArticleIx> for ArticleSet {
    fn from_iter<I: IntoIterator<Item = ArticleIx>>(iter: I) -> ArticleSet {
        let mut set = ArticleSet::default();
        for article in iter {
            set.insert(article);
        }
        set
    }
}

/// What the user has chosen. Empty sets mean "any".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// Event kinds.
    pub kinds: BTreeSet<EventKind>,
    /// Participants (people, countries, organisations).
    pub participants: BTreeSet<EntityIx>,
    /// Host countries.
    pub hosts: BTreeSet<EntityIx>,
    /// Places.
    pub places: BTreeSet<EntityIx>,
    /// Sources (publisher names) of the evidence articles.
    pub sources: BTreeSet<String>,
    /// First day of the date window; events that may overlap it match.
    pub from: Option<DayNumber>,
    /// Last day of the date window.
    pub to: Option<DayNumber>,
}

/// The facets, in the order their bits are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Kind = 0,
    Participant,
    Host,
    Place,
    Source,
    Dates,
    Text,
}

const ALL_FACETS: u8 = 0b111_1111;

/// Live counts for every value of every facet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FacetCounts {
    /// Events per kind.
    pub kinds: BTreeMap<EventKind, usize>,
    /// Events per participant.
    pub participants: BTreeMap<EntityIx, usize>,
    /// Events per host.
    pub hosts: BTreeMap<EntityIx, usize>,
    /// Events per place.
    pub places: BTreeMap<EntityIx, usize>,
    /// Events per source.
    pub sources: BTreeMap<String, usize>,
}

/// The result of applying filters: matching events and the counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filtered {
    /// Events passing every facet, in corpus order.
    pub events: Vec<EventIx>,
    /// Counts per facet value under the other facets.
    pub counts: FacetCounts,
}

/// Applies `filters` and, if given, a text-search result (the articles that
/// match the query: an event matches when one of its evidence articles does).
pub fn apply(corpus: &Corpus, filters: &Filters, text_matches: Option<&ArticleSet>) -> Filtered {
    let mut out = Filtered::default();
    // Counts go into dense tallies first (one slot per entity, kind or
    // source), which is much cheaper per event than a map; the maps are
    // filled at the end.
    let n = corpus.entities.len();
    let (mut participants, mut hosts, mut places) = (vec![0; n], vec![0; n], vec![0; n]);
    let index = corpus.source_index();
    let mut sources = vec![0usize; index.names.len()];
    let mut kinds = [0usize; EventKind::ALL.len()];
    let chosen_sources: Option<Vec<bool>> = (!filters.sources.is_empty()).then(|| {
        index
            .names
            .iter()
            .map(|s| filters.sources.contains(s))
            .collect()
    });
    let context = Context {
        index,
        chosen_sources: chosen_sources.as_deref(),
        text_matches,
    };
    let bump = |tally: &mut Vec<usize>, e: EntityIx| {
        if let Some(t) = tally.get_mut(e.0 as usize) {
            *t += 1;
        }
    };
    for (i, event) in corpus.events.iter().enumerate() {
        let passed = passes(&context, event, filters);
        if passed == ALL_FACETS {
            out.events.push(EventIx(i as u32));
        }
        // An event counts toward a facet's values when it passes every other facet.
        let all_but = |f: Facet| passed | (1 << f as u8) == ALL_FACETS;
        if all_but(Facet::Kind) {
            if let Some(k) = EventKind::ALL.iter().position(|&k| k == event.kind) {
                kinds[k] += 1;
            }
        }
        if all_but(Facet::Participant) {
            for &p in &event.participants {
                bump(&mut participants, p);
            }
        }
        if all_but(Facet::Host) {
            if let Some(h) = event.host {
                bump(&mut hosts, h);
            }
        }
        if all_but(Facet::Place) {
            if let Some(p) = event.place {
                bump(&mut places, p);
            }
        }
        if all_but(Facet::Source) {
            for_each_source(index, event, |s| sources[s as usize] += 1);
        }
    }
    let to_map = |tally: Vec<usize>| -> BTreeMap<EntityIx, usize> {
        tally
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .map(|(e, n)| (EntityIx(e as u32), n))
            .collect()
    };
    let c = &mut out.counts;
    c.participants = to_map(participants);
    c.hosts = to_map(hosts);
    c.places = to_map(places);
    c.kinds = EventKind::ALL
        .into_iter()
        .zip(kinds)
        .filter(|&(_, n)| n > 0)
        .collect();
    c.sources = index
        .names
        .iter()
        .zip(sources)
        .filter(|&(_, n)| n > 0)
        .map(|(s, n)| (s.clone(), n))
        .collect();
    out
}

/// What `passes` needs beside the event and the filters, prepared once.
struct Context<'a> {
    index: &'a SourceIndex,
    chosen_sources: Option<&'a [bool]>,
    text_matches: Option<&'a ArticleSet>,
}

/// Calls `f` once with each distinct source of an event's evidence, in order
/// of first appearance, without allocating.
fn for_each_source(index: &SourceIndex, event: &Event, mut f: impl FnMut(u32)) {
    let source = |e: &explorer_corpus::Evidence| index.of_article[e.article.0 as usize];
    for (i, e) in event.evidence.iter().enumerate() {
        let s = source(e);
        if !event.evidence[..i]
            .iter()
            .any(|earlier| source(earlier) == s)
        {
            f(s);
        }
    }
}

/// The distinct sources of an event's evidence, in order of first appearance.
pub fn sources<'c>(corpus: &'c Corpus, event: &Event) -> Vec<&'c str> {
    let index = corpus.source_index();
    let mut out = Vec::new();
    for_each_source(index, event, |s| out.push(index.names[s as usize].as_str()));
    out
}

/// A bit per facet, set when the event passes that facet.
fn passes(context: &Context, event: &Event, f: &Filters) -> u8 {
    let mut bits = 0u8;
    let mut set = |facet: Facet, ok: bool| {
        if ok {
            bits |= 1 << facet as u8;
        }
    };
    set(
        Facet::Kind,
        f.kinds.is_empty() || f.kinds.contains(&event.kind),
    );
    set(
        Facet::Participant,
        f.participants.is_empty()
            || event
                .participants
                .iter()
                .any(|p| f.participants.contains(p)),
    );
    set(
        Facet::Host,
        f.hosts.is_empty() || event.host.is_some_and(|h| f.hosts.contains(&h)),
    );
    set(
        Facet::Place,
        f.places.is_empty() || event.place.is_some_and(|p| f.places.contains(&p)),
    );
    set(
        Facet::Source,
        context.chosen_sources.is_none_or(|chosen| {
            event
                .evidence
                .iter()
                .any(|e| chosen[context.index.of_article[e.article.0 as usize] as usize])
        }),
    );
    let first = f.from.unwrap_or(DayNumber::MIN);
    let last = f.to.unwrap_or(DayNumber::MAX);
    set(Facet::Dates, event.dates.overlaps(first, last));
    set(
        Facet::Text,
        context
            .text_matches
            .is_none_or(|m| event.evidence.iter().any(|e| m.contains(e.article))),
    );
    bits
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_corpus::dates::PartialDate;
    use explorer_corpus::load;

    fn corpus() -> Corpus {
        let text = r#"{"format":"article-explorer/corpus","version":1,
          "articles":[{"id":"a","title":"t","source":"Wire A","published":"2023","language":"en","text":"Evidence one. Evidence two."},
                      {"id":"b","title":"t","source":"Wire B","published":"2019","language":"en","text":"Other evidence."}],
          "entities":[{"id":"xi","kind":"person","name":"Xi"},{"id":"putin","kind":"person","name":"Putin"},
                      {"id":"biden","kind":"person","name":"Biden"},{"id":"ru","kind":"country","name":"Russia"}],
          "events":[
            {"id":"v2023","kind":"042","start":"2023-03-20","end":"2023-03-22","participants":["xi","putin"],"host":"ru","summary":"s","evidence":[{"article":"a","start":0,"end":13}]},
            {"id":"v2019","kind":"042","start":"2019-06","participants":["xi","putin"],"host":"ru","summary":"s","evidence":[{"article":"b","start":0,"end":6}]},
            {"id":"call","kind":"041","start":"2021","participants":["xi","biden"],"summary":"s","evidence":[{"article":"a","start":14,"end":27},{"article":"b","start":0,"end":6}]}
          ]}"#;
        load(text).unwrap().corpus
    }

    fn ids(c: &Corpus, f: &Filtered) -> Vec<String> {
        f.events.iter().map(|&e| c.event(e).id.clone()).collect()
    }

    /// Each facet's counts, worked out the slow way: the events that pass the
    /// filters with that facet cleared, per value.
    #[test]
    fn counts_equal_filtering_with_the_facet_cleared() {
        let c = explorer_corpus::bundled();
        let xi = EntityIx(
            c.entities
                .iter()
                .position(|e| e.name == "Xi Jinping")
                .unwrap() as u32,
        );
        let mut chosen = vec![Filters::default()];
        chosen.push(Filters {
            participants: [xi].into(),
            ..Filters::default()
        });
        chosen.push(Filters {
            kinds: [EventKind::Visit].into(),
            from: Some(PartialDate::year(2015).first_day()),
            ..Filters::default()
        });
        chosen.push(Filters {
            sources: ["Northfield Times".to_string()].into(),
            hosts: c.events.iter().filter_map(|e| e.host).take(2).collect(),
            ..Filters::default()
        });
        for f in chosen {
            let got = apply(&c, &f, None).counts;
            let without = |clear: fn(&mut Filters)| {
                let mut g = f.clone();
                clear(&mut g);
                apply(&c, &g, None).events
            };
            let tally = |events: Vec<EventIx>, of: &dyn Fn(&Event) -> Vec<EntityIx>| {
                let mut m = BTreeMap::new();
                for e in events {
                    for x in of(c.event(e)) {
                        *m.entry(x).or_insert(0) += 1;
                    }
                }
                m
            };
            let parts = without(|g| g.participants.clear());
            assert_eq!(got.participants, tally(parts, &|e| e.participants.clone()));
            let hosts = without(|g| g.hosts.clear());
            assert_eq!(got.hosts, tally(hosts, &|e| e.host.into_iter().collect()));
            let places = without(|g| g.places.clear());
            assert_eq!(
                got.places,
                tally(places, &|e| e.place.into_iter().collect())
            );
            let mut per_source = BTreeMap::new();
            for e in without(|g| g.sources.clear()) {
                for s in sources(&c, c.event(e)) {
                    *per_source.entry(s.to_string()).or_insert(0) += 1;
                }
            }
            assert_eq!(got.sources, per_source);
        }
    }

    #[test]
    fn no_filters_match_everything() {
        let c = corpus();
        let r = apply(&c, &Filters::default(), None);
        assert_eq!(ids(&c, &r), ["v2023", "v2019", "call"]);
        assert_eq!(r.counts.kinds[&EventKind::Visit], 2);
        assert_eq!(r.counts.sources["Wire B"], 2);
    }

    #[test]
    fn or_within_a_facet_and_within_others_counts() {
        let c = corpus();
        let biden = c.entity_by_id("biden").unwrap();
        let putin = c.entity_by_id("putin").unwrap();
        let mut f = Filters::default();
        f.participants.insert(biden);
        f.kinds.insert(EventKind::Visit);
        // AND across facets: Biden took part in no visit.
        assert!(apply(&c, &f, None).events.is_empty());
        // Counts of a facet ignore that facet's own choice: Putin would give 2.
        let r = apply(&c, &f, None);
        assert_eq!(r.counts.participants.get(&putin), Some(&2));
        assert_eq!(r.counts.participants.get(&biden), None);
        // And the kind counts under the participant filter: one call by Biden.
        assert_eq!(r.counts.kinds.get(&EventKind::Telephone), Some(&1));
        // OR within a facet.
        f.participants.insert(putin);
        assert_eq!(ids(&c, &apply(&c, &f, None)), ["v2023", "v2019"]);
    }

    #[test]
    fn date_window_respects_precision() {
        let c = corpus();
        let mut f = Filters::default();
        let day = |s: &str| PartialDate::parse(s).unwrap();
        // A window in December 2021 still overlaps the year-only 2021 call.
        f.from = Some(day("2021-12-01").first_day());
        f.to = Some(day("2021-12-31").last_day());
        assert_eq!(ids(&c, &apply(&c, &f, None)), ["call"]);
    }

    #[test]
    fn text_matches_and_sources_filter_by_evidence_articles() {
        let c = corpus();
        let b: ArticleSet = [c.article_by_id("b").unwrap()].into_iter().collect();
        assert!(b.contains(c.article_by_id("b").unwrap()));
        assert!(!b.contains(c.article_by_id("a").unwrap()));
        assert!(!b.contains(ArticleIx(1_000)));
        assert_eq!(
            ids(&c, &apply(&c, &Filters::default(), Some(&b))),
            ["v2019", "call"]
        );
        let mut f = Filters::default();
        f.sources.insert("Wire A".into());
        assert_eq!(ids(&c, &apply(&c, &f, None)), ["v2023", "call"]);
    }
}
