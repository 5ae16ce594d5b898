//! The bundled corpus: compiled from the sources in `corpus/`, committed as
//! `public/data/corpus.json`, and loaded by the app with zero diagnostics;
//! and the facts the end-to-end tests expect of it (`tests/e2e/facts.rs`),
//! counted here from the file as plain JSON, so that a change to the corpus
//! points at the fact to update.

use std::path::Path;

use serde_json::Value;

use explorer_corpus::{load, source, EventKind};
use explorer_query::timeline;

#[path = "e2e/facts.rs"]
mod facts;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bundled_text() -> String {
    std::fs::read_to_string(root().join("public/data/corpus.json")).unwrap()
}

#[test]
fn committed_json_is_what_the_sources_compile_to() {
    let compiled = source::compile_dir(&root().join("corpus")).unwrap_or_else(|errors| {
        let lines: Vec<_> = errors.iter().map(ToString::to_string).collect();
        panic!("corpus sources do not compile:\n{}", lines.join("\n"))
    });
    assert!(
        compiled == bundled_text(),
        "public/data/corpus.json is stale; run `cargo run -p explorer-cli --bin compile-corpus -- corpus public/data/corpus.json`"
    );
}

#[test]
fn loads_without_a_diagnostic_and_has_what_the_product_needs() {
    let loaded = load(&bundled_text()).unwrap();
    assert_eq!(loaded.diagnostics, vec![]);
    let c = &loaded.corpus;
    assert!(c.articles.len() >= 40, "{} articles", c.articles.len());
    let all_text: String = c.articles.iter().map(|a| a.text()).collect();
    assert!(
        all_text
            .chars()
            .any(|ch| ('\u{4E00}'..='\u{9FFF}').contains(&ch)),
        "no CJK text"
    );
    assert!(
        all_text
            .chars()
            .any(|ch| ('\u{0600}'..='\u{06FF}').contains(&ch)),
        "no Arabic text"
    );
    assert!(all_text.chars().any(|ch| ch as u32 >= 0x1F000), "no emoji");
    for kind in [
        EventKind::Visit,
        EventKind::HostVisit,
        EventKind::Telephone,
        EventKind::SignAgreement,
    ] {
        assert!(c.events.iter().any(|e| e.kind == kind), "no {kind} event");
    }
    // Some events lie years before the article that reports them.
    let recalled = c.events.iter().filter(|e| {
        e.evidence
            .iter()
            .any(|ev| c.article(ev.article).published.first_day() - e.dates.last_day() > 365)
    });
    assert!(recalled.count() >= 2, "too few recalled events");
    // Every mention's text is non-empty and every event's evidence is a sentence.
    for m in c.mentions() {
        assert!(!c.article(m.article).slice(m.span).trim().is_empty());
    }
    for e in &c.events {
        for ev in &e.evidence {
            let sentence = c.article(ev.article).slice(ev.span);
            assert!(
                sentence.ends_with(['.', '!', '?', '"', '”']),
                "event {}: evidence {sentence:?}",
                e.id
            );
        }
    }
}

#[test]
fn the_three_xi_visits_to_russia_are_on_the_timeline() {
    let c = load(&bundled_text()).unwrap().corpus;
    let xi = c.entity_by_id("xi-jinping").expect("entity xi-jinping");
    let russia = c.entity_by_id("russia").expect("entity russia");
    let all: Vec<_> = (0..c.events.len() as u32)
        .map(explorer_corpus::EventIx)
        .collect();
    let starts: Vec<String> = timeline::items(&c, &all)
        .into_iter()
        .filter(|i| {
            i.kind == EventKind::Visit && i.host == Some(russia) && i.participants.contains(&xi)
        })
        .map(|i| i.dates.start.to_string())
        .collect();
    for year in ["2013-03", "2019-06", "2023-03"] {
        assert!(
            starts.iter().any(|s| s.starts_with(year)),
            "no Xi visit to Russia in {year}: {starts:?}"
        );
    }
}

/// The bundled corpus as plain JSON: the facts are counted without the
/// loader, the timeline or any other code the page runs.
fn raw() -> Value {
    serde_json::from_str(&bundled_text()).unwrap()
}

fn list<'a>(raw: &'a Value, key: &str) -> &'a [Value] {
    raw[key].as_array().map_or(&[], Vec::as_slice)
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_default()
}

/// A corpus date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) padded to a day that
/// compares as text like the first day it may mean.
fn first_day(date: &str) -> String {
    format!("{date}{}", &"-01-01"[..10 - date.len().min(10)])
}

/// Likewise for the last day it may mean: "2015-03" becomes "2015-03-99",
/// later than every day of March and earlier than April.
fn last_day(date: &str) -> String {
    format!("{date}{}", &"-99-99"[..10 - date.len().min(10)])
}

/// Whether `event` may overlap the days `from..=to` (`YYYY-MM-DD`).
fn overlaps(event: &Value, from: &str, to: &str) -> bool {
    let end = event["end"].as_str().unwrap_or(text(event, "start"));
    first_day(text(event, "start")).as_str() <= to && last_day(end).as_str() >= from
}

fn takes_part(event: &Value, entity: &str) -> bool {
    list(event, "participants").iter().any(|p| p == entity)
}

/// The id of the entity named `name`.
fn entity_named<'a>(raw: &'a Value, name: &str) -> &'a str {
    let found = list(raw, "entities").iter().find(|e| e["name"] == name);
    text(
        found.unwrap_or_else(|| panic!("no entity named {name}")),
        "id",
    )
}

/// Checks a fact of the form "these events, this many merged": the number
/// of events that `select` picks, and no more merged than there are host
/// records (043) among them to merge.
fn assert_items(raw: &Value, fact: facts::Items, what: &str, select: impl Fn(&Value) -> bool) {
    let chosen: Vec<&Value> = list(raw, "events").iter().filter(|e| select(e)).collect();
    assert_eq!(chosen.len(), fact.events, "events of {what}");
    let hosted = chosen.iter().filter(|e| e["kind"] == "043").count();
    assert!(
        fact.merged <= hosted,
        "{what}: {} merged, from {hosted} host records",
        fact.merged
    );
}

#[test]
fn the_event_counts_the_pages_headings_are_made_of() {
    let raw = raw();
    assert_eq!(list(&raw, "entities").len(), facts::ENTITIES);
    assert_items(&raw, facts::ALL, "the whole corpus", |_| true);
    assert_items(&raw, facts::CALLS, "kind 041", |e| e["kind"] == "041");
    assert_items(&raw, facts::VISITS, "kind 042", |e| e["kind"] == "042");
    assert_items(&raw, facts::IN_2019, "2019", |e| {
        overlaps(e, "2019-01-01", "2019-12-31")
    });
    assert_items(&raw, facts::WITH_PUTIN, "Putin", |e| {
        takes_part(e, "vladimir-putin")
    });
}

#[test]
fn sunnylands_is_named_in_two_articles() {
    let raw = raw();
    let naming: Vec<&str> = list(&raw, "articles")
        .iter()
        .filter(|a| {
            format!("{} {}", text(a, "title"), text(a, "text"))
                .to_lowercase()
                .contains("sunnylands")
        })
        .map(|a| text(a, "id"))
        .collect();
    assert_eq!(naming.len(), 2, "{naming:?}");
    assert_items(&raw, facts::SUNNYLANDS, "Sunnylands", |e| {
        list(e, "evidence")
            .iter()
            .any(|ev| naming.contains(&text(ev, "article")))
    });
}

#[test]
fn every_brushed_window_holds_the_same_events() {
    // The narrowest window and the widest hold the same events, so every
    // window between them does.
    let raw = raw();
    let (earliest, latest) = (*facts::BRUSH_FROM.start(), *facts::BRUSH_TO.end());
    let (latest_from, earliest_to) = (*facts::BRUSH_FROM.end(), *facts::BRUSH_TO.start());
    let ids = |from: &str, to: &str| -> Vec<String> {
        list(&raw, "events")
            .iter()
            .filter(|e| overlaps(e, from, to))
            .map(|e| text(e, "id").to_string())
            .collect()
    };
    assert_eq!(ids(earliest, latest), ids(latest_from, earliest_to));
    assert_items(&raw, facts::BRUSHED, "the brushed window", |e| {
        overlaps(e, latest_from, earliest_to)
    });
}

#[test]
fn the_first_event_and_its_evidence() {
    let raw = raw();
    let events = list(&raw, "events");
    let earliest = events
        .iter()
        .map(|e| first_day(text(e, "start")))
        .min()
        .unwrap();
    let first: Vec<&Value> = events
        .iter()
        .filter(|e| first_day(text(e, "start")) == earliest)
        .collect();
    assert_eq!(first.len(), 1, "several events start first");
    let event = first[0];
    assert_eq!(text(event, "id"), facts::FIRST_EVENT);
    // Shown as facts::FIRST_EVENT_DATE, "Jul 2000".
    assert_eq!(text(event, "start"), "2000-07");
    assert_eq!(event.get("end"), None);
    let [evidence] = list(event, "evidence") else {
        panic!("{} has not one evidence", facts::FIRST_EVENT)
    };
    let article = list(&raw, "articles")
        .iter()
        .find(|a| a["id"] == evidence["article"])
        .unwrap();
    assert_eq!(text(article, "title"), facts::FIRST_EVENT_ARTICLE);
    // Spans count code points.
    let span = |key: &str| evidence[key].as_u64().unwrap() as usize;
    let sentence: String = text(article, "text")
        .chars()
        .skip(span("start"))
        .take(span("end") - span("start"))
        .collect();
    assert_eq!(sentence, facts::FIRST_EVENT_EVIDENCE);
}

#[test]
fn the_busiest_participant_leads_whatever_merges() {
    let raw = raw();
    let busiest = entity_named(&raw, facts::BUSIEST);
    assert_items(&raw, facts::BUSIEST_ITEMS, facts::BUSIEST, |e| {
        takes_part(e, busiest)
    });
    // An entity is in no more items than events: if nobody else is in as
    // many events as the busiest is in items, the busiest leads.
    for entity in list(&raw, "entities") {
        let id = text(entity, "id");
        let n = list(&raw, "events")
            .iter()
            .filter(|e| takes_part(e, id))
            .count();
        assert!(
            id == busiest || n < facts::BUSIEST_ITEMS.count(),
            "{id} takes part in {n} events"
        );
    }
}

#[test]
fn the_forty_meetings_claim_and_the_meetings_held() {
    let raw = raw();
    let events = list(&raw, "events");
    let claimed = events
        .iter()
        .find(|e| e["id"] == facts::CLAIM_EVENT)
        .unwrap();
    let claim = format!("about {} times", facts::CLAIMED);
    assert!(
        list(claimed, "claims")
            .iter()
            .any(|c| c.as_str().unwrap_or_default().contains(&claim)),
        "{} claims no {claim:?}",
        facts::CLAIM_EVENT
    );
    let people: Vec<&str> = list(claimed, "participants")
        .iter()
        .filter_map(Value::as_str)
        .filter(|p| {
            list(&raw, "entities")
                .iter()
                .any(|e| e["id"] == *p && e["kind"] == "person")
        })
        .collect();
    assert_eq!(people, ["vladimir-putin", "xi-jinping"]);
    let until = last_day(claimed["end"].as_str().unwrap_or(text(claimed, "start")));
    assert_items(&raw, facts::CLAIM_HELD, "meetings held", |e| {
        !matches!(text(e, "kind"), "036" | "041")
            && first_day(text(e, "start")) <= until
            && people.iter().all(|p| takes_part(e, p))
    });
}

#[test]
fn the_years_of_the_chart() {
    let raw = raw();
    let years: Vec<i32> = list(&raw, "events")
        .iter()
        .map(|e| text(e, "start")[..4].parse().unwrap())
        .collect();
    assert_eq!(years.iter().min(), Some(&facts::FIRST_YEAR));
    assert_eq!(years.iter().max(), Some(&facts::LAST_YEAR));
}

#[test]
fn who_appears_most_with_putin() {
    let raw = raw();
    let mentions = list(&raw, "mentions");
    let articles_of = |entity: &str| -> std::collections::BTreeSet<&str> {
        mentions
            .iter()
            .filter(|m| m["entity"] == entity)
            .map(|m| text(m, "article"))
            .collect()
    };
    let putin = articles_of("vladimir-putin");
    assert_eq!(putin.len(), facts::PUTIN_ARTICLES);
    let partner = entity_named(&raw, facts::PUTIN_PARTNER);
    for entity in list(&raw, "entities") {
        let id = text(entity, "id");
        if id == "vladimir-putin" {
            continue;
        }
        let shared = articles_of(id).intersection(&putin).count();
        if id == partner {
            assert_eq!(shared, putin.len(), "{id} is not in every article of Putin");
        } else {
            assert!(shared < putin.len(), "{id} shares {shared} articles too");
        }
    }
}
