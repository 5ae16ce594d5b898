//! The malformed-corpus suite: one fixture per kind of breakage, each with the
//! exact report the loader must give. Item-level problems (a bad value, a
//! value of the wrong type, a missing field) drop the item and keep the rest;
//! only text that is not JSON, or a file of another format or version, is
//! refused, with line and column.

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
    (
        "wrong-type",
        &[
            "article #0 (\"a1\") field \"published\": invalid type: integer `20230320`, expected a string (line 9, column 24); the article was dropped",
            "mention #0 (article \"a1\"): unknown article \"a1\"; the mention was dropped",
            "mention #1 (article \"a1\"): unknown article \"a1\"; the mention was dropped",
            "event \"e1\" field \"evidence[0]\": unknown article \"a1\"; this evidence was dropped",
            "event \"e1\" field \"evidence\": no valid evidence; the event was dropped",
        ],
        [0, 0, 0],
    ),
    (
        "missing-field",
        &[
            "article #0 (\"a1\"): missing field `text` (line 11, column 3); the article was dropped",
            "mention #0 (article \"a1\"): unknown article \"a1\"; the mention was dropped",
            "mention #1 (article \"a1\"): unknown article \"a1\"; the mention was dropped",
            "event \"e1\" field \"evidence[0]\": unknown article \"a1\"; this evidence was dropped",
            "event \"e1\" field \"evidence\": no valid evidence; the event was dropped",
        ],
        [0, 0, 0],
    ),
    (
        "null-title",
        &[
            "article #1 (\"a2\") field \"title\": invalid type: null, expected a string (line 15, column 16); the article was dropped",
            "mention #2 (article \"a2\"): unknown article \"a2\"; the mention was dropped",
        ],
        [1, 2, 1],
    ),
    (
        "participants-not-a-list",
        &["event #0 (\"e1\") field \"participants\": invalid type: string \"xi, putin\", expected a list (line 65, column 30); the event was dropped"],
        [2, 3, 0],
    ),
    (
        "negative-offset",
        &["mention #2 (article \"a2\") field \"start\": invalid value: integer `-3`, expected a whole number, 0 or more (line 54, column 14); the mention was dropped"],
        [2, 2, 1],
    ),
    (
        "kind-case",
        &[
            "entity \"putin\" field \"kind\": \"PERSON\" was read as \"person\"",
            "event \"e1\" field \"kind\": \" 042\" was read as \"042\"",
        ],
        [2, 3, 1],
    ),
    (
        "status-words",
        &[
            "event \"e1\" field \"status\": \"Under way\" was read as \"under-way\"",
            "event \"e2\" field \"status\": unknown status \"soon\" (expected one of announced, under-way, done); the status was dropped",
        ],
        [1, 2, 2],
    ),
    (
        "articles-not-a-list",
        &[
            "field \"title\": invalid type: integer `7`, expected a string (line 63, column 11); the corpus title was ignored",
            "field \"articles\": invalid type: string \"none\", expected a list (line 4, column 19); no article was read from it",
            "mention #0 (article \"a1\"): unknown article \"a1\"; the mention was dropped",
            "mention #1 (article \"a1\"): unknown article \"a1\"; the mention was dropped",
            "mention #2 (article \"a2\"): unknown article \"a2\"; the mention was dropped",
            "event \"e1\" field \"evidence[0]\": unknown article \"a1\"; this evidence was dropped",
            "event \"e1\" field \"evidence\": no valid evidence; the event was dropped",
        ],
        [0, 0, 0],
    ),
    ("bom", &[], [1, 2, 1]),
    (
        "lone-surrogate",
        &["article #1 (\"a2\"): 1 lone surrogate escape (half of a UTF-16 pair) read as U+FFFD, so offsets count the text as shown"],
        [2, 3, 1],
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

/// A status read loosely is kept, an unknown one is left out with the event
/// kept, and a group is trimmed, an empty one left out.
#[test]
fn status_and_group_are_read_loosely_and_never_cost_the_event() {
    let (loaded, _) = loads_with("status-words");
    let events = &loaded.corpus.events;
    assert_eq!(
        events[0].status,
        Some(explorer_corpus::EventStatus::UnderWay)
    );
    assert_eq!(events[0].group.as_deref(), Some("Trips abroad"));
    assert_eq!(events[1].status, None);
    assert_eq!(events[1].group, None);
}

#[test]
fn structural_problems_refuse_the_file_and_say_where() {
    let cases = [
        (
            "not-json",
            "line 4, column 0 (at articles): EOF while parsing a list",
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

/// A lone surrogate becomes one U+FFFD, and a pair stays one character, so
/// the offsets of what follows count the text as it is shown.
#[test]
fn a_lone_surrogate_is_one_replacement_character() {
    let (loaded, _) = loads_with("lone-surrogate");
    let text = loaded.corpus.articles[1].text();
    assert!(text.ends_with("Kremlin.\u{10000}\u{fffd}"), "{text:?}");
    assert_eq!(loaded.corpus.articles[1].length, 35);
}

/// The BOM is not part of the first key, and nothing else changes.
#[test]
fn a_byte_order_mark_changes_nothing() {
    let with = load(&fixture("bom")).expect("loads");
    let without = load(&fixture("valid")).expect("loads");
    assert_eq!(with, without);
}

/// A manifest and a part of a split corpus recover item by item too.
#[test]
fn a_split_corpus_keeps_its_valid_items() {
    use explorer_corpus::{parse_any, parse_part, AnyFile};
    let manifest = r#"{"format": "article-explorer/corpus-manifest", "version": 1,
        "parts": ["p0.json", 7],
        "articles": [
          {"id": "a1", "title": "One", "source": "S", "published": "2023", "language": "en", "length": 3, "part": 0},
          {"id": "a2", "title": null, "source": "S", "published": "2023", "language": "en", "length": 3, "part": 0},
          {"id": "a3", "title": "Three", "source": "S", "published": "2023", "language": "en", "length": 3, "part": 1}
        ]}"#;
    let parsed = parse_any(manifest).expect("read item by item");
    let messages: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "part #1: invalid type: integer `7`, expected a string (line 2, column 30); its articles were dropped",
            "article #1 (\"a2\") field \"title\": invalid type: null, expected a string (line 5, column 36); the article was dropped",
        ]
    );
    let AnyFile::Manifest(file) = parsed.file.clone() else {
        panic!("read as a manifest");
    };
    assert_eq!(file.parts, ["p0.json", ""]);
    let (loaded, parts) = parsed.map(|_| file).validate();
    let messages: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages[2..],
        ["article \"a3\" field \"part\": part 1 has no file name; the article was dropped"]
    );
    let ids: Vec<&str> = loaded
        .corpus
        .articles
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["a1"]);
    let part = r#"{"format": "article-explorer/corpus-part", "version": 1,
        "articles": [{"id": "a1", "text": "abc"}, {"id": "a9", "text": 5}]}"#;
    let part = parse_part(part).expect("read item by item");
    let messages: Vec<String> = part.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        ["article #1 (\"a9\") field \"text\": invalid type: integer `5`, expected a string (line 2, column 72); the article was dropped"]
    );
    assert_eq!(parts.add(&loaded.corpus, 0, part.file), vec![]);
    assert_eq!(loaded.corpus.articles[0].text(), "abc");
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
