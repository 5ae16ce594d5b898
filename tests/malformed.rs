//! The malformed-corpus suite: one fixture per kind of breakage, each with the
//! exact report the loader must give. Item-level problems drop the item and
//! keep the rest; structural ones refuse the file with line and column.

use explorer_corpus::{load, Loaded};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/malformed/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn loads_with(name: &str) -> (Loaded, Vec<String>) {
    let loaded = load(&fixture(name)).unwrap_or_else(|e| panic!("{name}: refused: {e}"));
    let messages = loaded.diagnostics.iter().map(ToString::to_string).collect();
    (loaded, messages)
}

fn refused_with(name: &str) -> String {
    match load(&fixture(name)) {
        Ok(_) => panic!("{name}: loaded, but should have been refused"),
        Err(e) => e.to_string(),
    }
}

/// (fixture, exact diagnostics, articles / mentions / events left)
const ITEM_PROBLEMS: &[(&str, &[&str], [usize; 3])] = &[
    ("valid", &[], [1, 2, 1]),
    (
        "offset-past-end",
        &["mention #1 (article \"a1\"): span 13..99 ends past the end of the text (36 code points); the mention was dropped"],
        [1, 1, 1],
    ),
    (
        "start-after-end",
        &["mention #0 (article \"a1\"): span 7..4 starts after it ends; the mention was dropped"],
        [1, 1, 1],
    ),
    (
        "unknown-entity",
        &["mention #0 (article \"a1\"): unknown entity \"xi-jinping\"; the mention was dropped"],
        [1, 1, 1],
    ),
    (
        "unknown-article",
        &["mention #1 (article \"a9\"): unknown article \"a9\"; the mention was dropped"],
        [1, 1, 1],
    ),
    (
        "duplicate-article",
        &["article \"a1\" field \"id\": duplicate id; the article was dropped"],
        [1, 2, 1],
    ),
    (
        "duplicate-entity",
        &["entity \"xi\" field \"id\": duplicate id; the entity was dropped"],
        [1, 2, 1],
    ),
    (
        "duplicate-event",
        &["event \"e1\" field \"id\": duplicate id; the event was dropped"],
        [1, 2, 1],
    ),
    (
        "impossible-date",
        &["event \"e1\" field \"start\": \"2023-02-30\" is not a date: day 30 does not exist in a month of 28 days; the event was dropped"],
        [1, 2, 0],
    ),
    (
        "impossible-published",
        &[
            "article \"a1\" field \"published\": \"2023-13-01\" is not a date: month 13 does not exist; the article was dropped",
            "mention #0 (article \"a1\"): unknown article \"a1\"; the mention was dropped",
            "mention #1 (article \"a1\"): unknown article \"a1\"; the mention was dropped",
            "event \"e1\" field \"evidence[0]\": unknown article \"a1\"; this evidence was dropped",
            "event \"e1\" field \"evidence\": no valid evidence; the event was dropped",
        ],
        [0, 0, 0],
    ),
    (
        "end-before-start",
        &["event \"e1\" field \"end\": ends (2023-03-01) before it starts (2023-03-20); the event was dropped"],
        [1, 2, 0],
    ),
    (
        "unknown-event-kind",
        &["event \"e1\" field \"kind\": \"099\" is not a supported CAMEO code (expected one of 036, 040, 041, 042, 043, 044, 046, 057); the event was dropped"],
        [1, 2, 0],
    ),
    (
        "unknown-entity-kind",
        &[
            "entity \"russia\" field \"kind\": unknown kind \"nation\" (expected one of person, country, place, organisation, date, other); the entity was dropped",
            "event \"e1\" field \"host\": unknown entity \"russia\"; the event was dropped",
        ],
        [1, 2, 0],
    ),
    (
        "unknown-participant",
        &["event \"e1\" field \"participants[2]\": unknown entity \"biden\"; the event was dropped"],
        [1, 2, 0],
    ),
    (
        "unknown-host",
        &["event \"e1\" field \"host\": unknown entity \"rusia\"; the event was dropped"],
        [1, 2, 0],
    ),
    (
        "no-evidence",
        &["event \"e1\" field \"evidence\": no valid evidence; the event was dropped"],
        [1, 2, 0],
    ),
    (
        "bad-evidence-span",
        &["event \"e1\" field \"evidence[1]\": span 30..300 ends past the end of the text (36 code points); this evidence was dropped"],
        [1, 2, 1],
    ),
];

#[test]
fn item_problems_drop_the_item_and_keep_the_rest() {
    for (name, expected, [articles, mentions, events]) in ITEM_PROBLEMS {
        let (loaded, messages) = loads_with(name);
        assert_eq!(&messages, expected, "{name}");
        let c = &loaded.corpus;
        assert_eq!(
            [c.articles.len(), c.mentions().count(), c.events.len()],
            [*articles, *mentions, *events],
            "{name}: what was kept"
        );
    }
}

#[test]
fn structural_problems_refuse_the_file_and_say_where() {
    let cases = [
        ("not-json", "line 4, column 0 (at articles): EOF while parsing a list"),
        (
            "wrong-type",
            "line 9, column 24 (at articles[0].published): invalid type: integer `20230320`, expected a string",
        ),
        (
            "missing-field",
            "line 11, column 3 (at articles[0]): missing field `text`",
        ),
        (
            "wrong-version",
            "field \"version\" is 2; this build reads version 1",
        ),
        (
            "wrong-format",
            "field \"format\" is \"displacy\", expected \"article-explorer/corpus\"",
        ),
    ];
    for (name, expected) in cases {
        assert_eq!(refused_with(name), expected, "{name}");
    }
}

/// The hostile fixture the browser tests use is a whole, valid corpus, so
/// every one of its strings reaches the page.
#[test]
fn hostile_corpus_loads_whole() {
    let path = format!(
        "{}/tests/fixtures/hostile/corpus.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let loaded = load(&text).expect("the hostile corpus loads");
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let c = &loaded.corpus;
    assert_eq!(
        [
            c.articles.len(),
            c.entities.len(),
            c.mentions().count(),
            c.events.len()
        ],
        [1, 3, 3, 1]
    );
    assert!(c.articles[0].text().contains("<script>"));
    assert_eq!(c.articles[0].web_url(), None);
}
