//! The overview: how many timeline items fall in each year, who takes part
//! most, and the counting claims the sources make set beside what the corpus
//! itself holds.
//!
//! Invariant: every figure is computed from the items or corpus given, so a
//! claim is never "confirmed" by anything the corpus does not contain.

use crate::timeline::ItemList;
use explorer_corpus::dates::DayNumber;
use explorer_corpus::lexicon::{self, Numeral};
use explorer_corpus::{Corpus, EntityIx, EntityKind, EventIx};

/// Items per year of their start date, every year from the first to the last
/// present (empty years included, so the chart's gaps are honest).
pub fn per_year<I: ItemList + ?Sized>(items: &I) -> Vec<(i32, usize)> {
    let years = || items.iter().map(|item| item.dates.start.year_number());
    let (Some(first), Some(last)) = (years().min(), years().max()) else {
        return Vec::new();
    };
    let mut counts = vec![0usize; (last - first) as usize + 1];
    for year in years() {
        counts[(year - first) as usize] += 1;
    }
    (first..=last).zip(counts).collect()
}

/// The `n` entities taking part in most items, most first, ties by name.
/// Runs on every change of the filters: a dense tally, and only the top `n`
/// are sorted.
pub fn top_participants<I: ItemList + ?Sized>(
    corpus: &Corpus,
    items: &I,
    n: usize,
) -> Vec<(EntityIx, usize)> {
    let mut counts = vec![0usize; corpus.entities.len()];
    for item in items.iter() {
        for &p in item.participants.iter() {
            if let Some(c) = counts.get_mut(p.0 as usize) {
                *c += 1;
            }
        }
    }
    let mut out: Vec<(EntityIx, usize)> = counts
        .into_iter()
        .enumerate()
        .filter(|&(_, c)| c > 0)
        .map(|(e, c)| (EntityIx(e as u32), c))
        .collect();
    let order = |a: &(EntityIx, usize), b: &(EntityIx, usize)| {
        b.1.cmp(&a.1)
            .then_with(|| corpus.entity(a.0).name.cmp(&corpus.entity(b.0).name))
            .then(a.0.cmp(&b.0))
    };
    if n == 0 {
        return Vec::new();
    }
    if out.len() > n {
        out.select_nth_unstable_by(n - 1, order);
        out.truncate(n);
    }
    explorer_corpus::sort::sort_by(&mut out, order);
    out
}

/// A claim that counts encounters ("met about 40 times"), with the number of
/// meetings between the same people the corpus holds up to that event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimCheck {
    /// The event the claim is attached to.
    pub event: EventIx,
    /// The claim as written.
    pub claim: String,
    /// The number the claim states.
    pub claimed: u32,
    /// The people of the event whose meetings are counted.
    pub people: Vec<EntityIx>,
    /// In-person meetings (timeline items) with all of `people` taking part,
    /// up to the end of the claim's event.
    pub held: usize,
}

/// Every counting claim in the corpus, checked against `items` (normally the
/// timeline items of the whole corpus).
pub fn claim_checks<I: ItemList + ?Sized>(corpus: &Corpus, items: &I) -> Vec<ClaimCheck> {
    let mut out = Vec::new();
    for (i, event) in corpus.events.iter().enumerate() {
        let people: Vec<EntityIx> = event
            .participants
            .iter()
            .copied()
            .filter(|&p| corpus.entity(p).kind == EntityKind::Person)
            .collect();
        if people.len() < 2 {
            continue;
        }
        let until: DayNumber = event.dates.last_day();
        for claim in &event.claims {
            let Some(claimed) = counted_number(claim) else {
                continue;
            };
            let held = items
                .iter()
                .filter(|item| {
                    item.kind.is_in_person()
                        && item.dates.first_day() <= until
                        && people.iter().all(|p| item.participants.contains(p))
                })
                .count();
            out.push(ClaimCheck {
                event: EventIx(i as u32),
                claim: claim.clone(),
                claimed,
                people: people.clone(),
                held,
            });
        }
    }
    out
}

/// The number a claim counts encounters with: a cardinal or ordinal (digits
/// or a common number word) followed, within two words, by a word such as
/// "times" or "meetings" ([`lexicon::counts_encounters`]). "a deadline of 30
/// June" counts nothing.
pub fn counted_number(claim: &str) -> Option<u32> {
    let words: Vec<&str> = claim
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().find_map(|(i, word)| {
        let n = Numeral::parse(word)?;
        let follows = words[i + 1..]
            .iter()
            .take(2)
            .any(|w| lexicon::counts_encounters(n, w));
        follows.then_some(n.value())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{self, Item};
    use explorer_corpus::load;

    #[test]
    fn counted_numbers_need_a_counting_word() {
        assert_eq!(
            counted_number("The leaders have met about 40 times since 2013."),
            Some(40)
        );
        assert_eq!(counted_number("They met on forty occasions"), Some(40));
        assert_eq!(counted_number("Their 40th meeting"), Some(40));
        assert_eq!(counted_number("their fortieth summit"), Some(40));
        assert_eq!(
            counted_number("The talks ran past a deadline of 30 June."),
            None
        );
        assert_eq!(counted_number("about 400 billion dollars"), None);
        assert_eq!(counted_number("first visit since 2005"), None);
        assert_eq!(counted_number("Two rounds of talks"), Some(2));
        assert_eq!(counted_number("in three conversations"), Some(3));
        assert_eq!(counted_number("at the Group of Seven summit"), None);
        assert_eq!(counted_number("a two-day visit"), None);
        assert_eq!(counted_number(""), None);
    }

    fn corpus() -> Corpus {
        let text = r#"{"format": "article-explorer/corpus", "version": 1,
          "articles": [{"id": "a", "title": "t", "source": "s", "published": "2023-03-20",
                        "language": "en", "text": "Xi met Putin again."}],
          "entities": [{"id": "xi", "kind": "person", "name": "Xi"},
                       {"id": "pu", "kind": "person", "name": "Putin"},
                       {"id": "ru", "kind": "country", "name": "Russia"}],
          "events": [
            {"id": "e1", "kind": "042", "start": "2013-03", "participants": ["xi", "pu"],
             "summary": "s", "evidence": [{"article": "a", "start": 0, "end": 5}]},
            {"id": "e2", "kind": "041", "start": "2020", "participants": ["xi", "pu"],
             "summary": "s", "evidence": [{"article": "a", "start": 0, "end": 5}]},
            {"id": "e3", "kind": "042", "start": "2023-03-20", "participants": ["xi", "pu", "ru"],
             "summary": "s", "evidence": [{"article": "a", "start": 0, "end": 5}],
             "claims": ["They have met 40 times.", "A warm welcome."]},
            {"id": "e4", "kind": "044", "start": "2024", "participants": ["xi", "pu"],
             "summary": "s", "evidence": [{"article": "a", "start": 0, "end": 5}]}
          ]}"#;
        load(text).unwrap().corpus
    }

    fn all_items(c: &Corpus) -> Vec<Item> {
        let all: Vec<EventIx> = (0..c.events.len() as u32).map(EventIx).collect();
        timeline::items(c, &all)
    }

    #[test]
    fn claims_sit_beside_the_meetings_held_until_then() {
        let c = corpus();
        let checks = claim_checks(&c, &all_items(&c)[..]);
        assert_eq!(checks.len(), 1);
        let check = &checks[0];
        assert_eq!(check.event, EventIx(2));
        assert_eq!(check.claimed, 40);
        assert_eq!(check.people, vec![EntityIx(0), EntityIx(1)]);
        // The 2013 visit and the claim's own visit; not the call, not 2024.
        assert_eq!(check.held, 2);
    }

    #[test]
    fn negotiations_and_signings_are_meetings_plans_and_calls_are_not() {
        let event = |id: &str, kind: &str, start: &str, claims: &str| {
            format!(
                r#"{{"id": "{id}", "kind": "{kind}", "start": "{start}", "participants": ["xi", "pu"],
                    "summary": "s", "evidence": [{{"article": "a", "start": 0, "end": 5}}],
                    "claims": [{claims}]}}"#
            )
        };
        let events = [
            event("talks", "046", "2015", ""),
            event("deal", "057", "2016", ""),
            event("plan", "036", "2017", ""),
            event("call", "041", "2018", ""),
            event("visit", "042", "2019", r#""They have met 10 times.""#),
        ];
        let text = format!(
            r#"{{"format": "article-explorer/corpus", "version": 1,
              "articles": [{{"id": "a", "title": "t", "source": "s", "published": "2019",
                            "language": "en", "text": "Xi met Putin again."}}],
              "entities": [{{"id": "xi", "kind": "person", "name": "Xi"}},
                           {{"id": "pu", "kind": "person", "name": "Putin"}}],
              "events": [{}]}}"#,
            events.join(",")
        );
        let c = load(&text).unwrap().corpus;
        let checks = claim_checks(&c, &all_items(&c)[..]);
        assert_eq!(checks.len(), 1);
        // The negotiation, the signing and the visit; not the plan, not the call.
        assert_eq!(checks[0].held, 3);
    }

    #[test]
    fn years_run_without_gaps_and_participants_rank() {
        let c = corpus();
        let items = all_items(&c);
        let years = per_year(&items[..]);
        assert_eq!(years.first(), Some(&(2013, 1)));
        assert_eq!(years.last(), Some(&(2024, 1)));
        assert_eq!(years.len(), 12);
        assert_eq!(years.iter().map(|y| y.1).sum::<usize>(), 4);
        assert_eq!(per_year::<[Item]>(&[]), vec![]);
        let top = top_participants(&c, &items[..], 2);
        assert_eq!(top, vec![(EntityIx(1), 4), (EntityIx(0), 4)]);
        assert!(top_participants(&c, &items[..], 0).is_empty());
    }

    #[test]
    fn the_top_participants_are_those_a_full_sort_ranks_first() {
        let c = explorer_corpus::bundled();
        let items = all_items(&c);
        let mut tally: Vec<(EntityIx, usize)> = Vec::new();
        for item in &items {
            for &p in item.participants.iter() {
                match tally.iter_mut().find(|(e, _)| *e == p) {
                    Some((_, n)) => *n += 1,
                    None => tally.push((p, 1)),
                }
            }
        }
        tally.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| c.entity(a.0).name.cmp(&c.entity(b.0).name))
                .then(a.0.cmp(&b.0))
        });
        for n in [1, 2, 5, 8, tally.len(), tally.len() + 3] {
            assert_eq!(
                top_participants(&c, &items[..], n),
                tally[..n.min(tally.len())],
                "{n}"
            );
        }
        // Every year's count, summed, is every item.
        let years = per_year(&items[..]);
        assert_eq!(years.iter().map(|y| y.1).sum::<usize>(), items.len());
    }
}
