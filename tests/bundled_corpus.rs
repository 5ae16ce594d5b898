//! The bundled corpus: compiled from the sources in `corpus/`, committed as
//! `public/data/corpus.json`, and loaded by the app with zero diagnostics.

use std::path::Path;

use article_explorer::corpus::{load, source, EventKind};
use article_explorer::timeline;

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
        "public/data/corpus.json is stale; run `cargo run --bin compile-corpus -- corpus public/data/corpus.json`"
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
        .map(article_explorer::corpus::EventIx)
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
