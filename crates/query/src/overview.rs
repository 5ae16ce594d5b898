//! The overview: how many timeline items fall in each year, who takes part
//! most, and the counting claims the sources make set beside what the corpus
//! itself holds.
//!
//! Invariant: every figure is computed from the items or corpus given, so a
//! claim is never "confirmed" by anything the corpus does not contain.

use crate::corpus::{Corpus, EntityIx, EntityKind, EventIx, EventKind};
use crate::dates::DayNumber;
use crate::timeline::Item;

/// Items per year of their start date, every year from the first to the last
/// present (empty years included, so the chart's gaps are honest).
pub fn per_year(items: &[Item]) -> Vec<(i32, usize)> {
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
pub fn top_participants(corpus: &Corpus, items: &[Item], n: usize) -> Vec<(EntityIx, usize)> {
    let mut counts = vec![0usize; corpus.entities.len()];
    for item in items {
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
    out.sort_by(order);
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

/// Kinds that bring people together in person.
fn in_person(kind: EventKind) -> bool {
    !matches!(kind, EventKind::IntentToMeet | EventKind::Telephone)
}

/// Every counting claim in the corpus, checked against `items` (normally the
/// timeline items of the whole corpus).
pub fn claim_checks(corpus: &Corpus, items: &[Item]) -> Vec<ClaimCheck> {
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
                    in_person(item.kind)
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

/// Words after a number that make it a count of encounters.
const COUNTED: [&str; 12] = [
    "times",
    "occasions",
    "meetings",
    "meeting",
    "visits",
    "visit",
    "summits",
    "summit",
    "encounters",
    "trips",
    "talks",
    "calls",
];

const NUMBER_WORDS: [(&str, u32); 19] = [
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("hundred", 100),
    ("dozen", 12),
];

/// The number a claim counts encounters with: a cardinal or ordinal (digits
/// or a common number word) followed, within two words, by a word such as
/// "times" or "meetings". "a deadline of 30 June" counts nothing.
pub fn counted_number(claim: &str) -> Option<u32> {
    let words: Vec<String> = claim
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    words.iter().enumerate().find_map(|(i, word)| {
        let n = number_of(word)?;
        let follows = words[i + 1..]
            .iter()
            .take(2)
            .any(|w| COUNTED.contains(&w.as_str()));
        follows.then_some(n)
    })
}

fn number_of(word: &str) -> Option<u32> {
    let digits = word
        .strip_suffix("th")
        .or_else(|| word.strip_suffix("st"))
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .unwrap_or(word);
    if !digits.is_empty() && digits.len() <= 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse().ok();
    }
    let word = word
        .strip_suffix("ieth")
        .map_or(word.to_string(), |stem| format!("{stem}y"));
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load;
    use crate::timeline;

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
        let checks = claim_checks(&c, &all_items(&c));
        assert_eq!(checks.len(), 1);
        let check = &checks[0];
        assert_eq!(check.event, EventIx(2));
        assert_eq!(check.claimed, 40);
        assert_eq!(check.people, vec![EntityIx(0), EntityIx(1)]);
        // The 2013 visit and the claim's own visit; not the call, not 2024.
        assert_eq!(check.held, 2);
    }

    #[test]
    fn years_run_without_gaps_and_participants_rank() {
        let c = corpus();
        let items = all_items(&c);
        let years = per_year(&items);
        assert_eq!(years.first(), Some(&(2013, 1)));
        assert_eq!(years.last(), Some(&(2024, 1)));
        assert_eq!(years.len(), 12);
        assert_eq!(years.iter().map(|y| y.1).sum::<usize>(), 4);
        assert_eq!(per_year(&[]), vec![]);
        let top = top_participants(&c, &items, 2);
        assert_eq!(top, vec![(EntityIx(1), 4), (EntityIx(0), 4)]);
        assert!(top_participants(&c, &items, 0).is_empty());
    }

    #[test]
    fn the_top_participants_are_those_a_full_sort_ranks_first() {
        let c = crate::corpus::bundled();
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
                top_participants(&c, &items, n),
                tally[..n.min(tally.len())],
                "{n}"
            );
        }
        // Every year's count, summed, is every item.
        let years = per_year(&items);
        assert_eq!(years.iter().map(|y| y.1).sum::<usize>(), items.len());
    }
}
