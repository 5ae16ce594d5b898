//! What the page asks of the extractor, which runs in a Web Worker, and what
//! it answers. Both travel as JSON text between the page and the worker.
//!
//! Invariant: [`answer`] never panics; whatever it is sent, it replies with
//! a corpus or with a message saying what was wrong.

use serde::{Deserialize, Serialize};

use super::gazetteer::Gazetteer;
use super::{extract, Document};
use explorer_corpus::dates::PartialDate;
use explorer_corpus::format::{CorpusFile, EntityRecord};

/// What the worker says once it can take requests. Messages sent before it
/// are lost, so the page holds its requests until it hears this.
pub const READY: &str = "ready";

/// One pasted article, and the entities of the corpus it is meant for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The corpus's own entities, recognised first and keeping their ids.
    pub entities: Vec<EntityRecord>,
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Publisher.
    pub source: String,
    /// Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: String,
    /// Language tag.
    pub language: String,
    /// The plain text.
    pub text: String,
}

/// The extractor's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// The one-article corpus found, or `None` after an error.
    pub corpus: Option<CorpusFile>,
    /// What went wrong, in words.
    pub error: Option<String>,
    /// Something the user should know about the result.
    pub note: Option<String>,
    /// What could not be read, row by row or record by record.
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// Files the user opened or dropped that are not a corpus (sheets, a
/// scraper's records, articles), to be read and extracted together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Import {
    /// The files, in the order given.
    pub files: Vec<InputFile>,
    /// The entities of the corpus they are meant for, recognised first and
    /// keeping their ids; empty for a corpus of their own.
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
}

/// One file of an [`Import`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputFile {
    /// Its name, which says how to read it (`visits.csv`, `item.md`).
    pub name: String,
    /// Its text.
    pub text: String,
}

impl Reply {
    fn error(message: String) -> Reply {
        Reply {
            corpus: None,
            error: Some(message),
            note: None,
            warnings: Vec::new(),
        }
    }
}

/// Answers a request. `gazetteer` is the default gazetteer's files, each a
/// name and its JSON text, or why they could not be had; without them only
/// the corpus's entities and titled people are recognised, and the reply
/// says so.
pub fn answer(request: &str, gazetteer: Result<&[(&str, &str)], &str>) -> Reply {
    if let Ok(import) = serde_json::from_str::<Import>(request) {
        return answer_import(import, gazetteer);
    }
    let request: Request = match serde_json::from_str(request) {
        Ok(r) => r,
        Err(e) => return Reply::error(super::json_error("the request", &e)),
    };
    let published = match PartialDate::parse(&request.published) {
        Ok(d) => d,
        Err(e) => {
            return Reply::error(format!(
                "The publication date \"{}\" cannot be read: {e}.",
                request.published
            ))
        }
    };
    let (gazetteer, note) = known(
        &request.entities,
        gazetteer,
        "only the corpus's own entities are recognised",
    );
    let doc = Document {
        id: request.id,
        title: request.title,
        source: request.source,
        url: None,
        published,
        language: request.language,
        text: request.text,
        given: None,
        slides: Vec::new(),
    };
    Reply {
        corpus: Some(extract(&[doc], &gazetteer, |_| {}).corpus),
        error: None,
        note,
        warnings: Vec::new(),
    }
}

/// The gazetteer of `entities` and the default gazetteer's files, and, when
/// the default one is missing or unreadable, a note saying so and what is
/// recognised instead (`fallback`).
fn known(
    entities: &[EntityRecord],
    default: Result<&[(&str, &str)], &str>,
    fallback: &str,
) -> (Gazetteer, Option<String>) {
    let files = match default {
        Ok(files) => files,
        Err(why) => {
            let gazetteer = Gazetteer::build(entities, &[]).map(|(g, _)| g);
            return (
                gazetteer.unwrap_or_default(),
                Some(format!(
                    "The list of known countries, places and organisations is missing ({why}); {fallback}."
                )),
            );
        }
    };
    match Gazetteer::build(entities, files) {
        Ok((g, _)) => (g, None),
        Err(e) => (
            Gazetteer::build(entities, &[])
                .map(|(g, _)| g)
                .unwrap_or_default(),
            Some(format!(
                "The list of known countries, places and organisations could not be read ({e}); {fallback}."
            )),
        ),
    }
}

/// Reads opened files as the `extract` command reads them, with the
/// corpus's entities and the default gazetteer, and extracts them together,
/// so the same event in two files is one event.
fn answer_import(import: Import, gazetteer: Result<&[(&str, &str)], &str>) -> Reply {
    let (mut gazetteer, note) = known(
        &import.entities,
        gazetteer,
        "only the corpus's own entities and the names the files give are recognised",
    );
    let meta = super::inputs::Meta::default();
    let mut docs: Vec<Document> = Vec::new();
    let mut warnings = Vec::new();
    for file in &import.files {
        match super::inputs::read_any(&file.name, &file.text, &meta, &mut gazetteer) {
            Ok((read, more)) => {
                docs.extend(read);
                warnings.extend(more);
            }
            Err(e) => warnings.push(format!("{e}; file skipped")),
        }
    }
    // Two files of one name in different folders read to one id.
    let mut taken = std::collections::BTreeSet::new();
    for doc in &mut docs {
        doc.id = super::fresh_id(&doc.id, |id| taken.contains(id));
        taken.insert(doc.id.clone());
    }
    if docs.is_empty() {
        let why = warnings.join("; ");
        return Reply::error(if why.is_empty() {
            "No file was given.".to_string()
        } else {
            why
        });
    }
    let mut extracted = extract(&docs, &gazetteer, |_| {});
    warnings.append(&mut extracted.warnings);
    Reply {
        corpus: Some(extracted.corpus),
        error: None,
        note,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(published: &str) -> String {
        serde_json::to_string(&Request {
            entities: vec![EntityRecord {
                id: "xi".into(),
                kind: "person".into(),
                name: "Xi Jinping".into(),
                aliases: vec!["Xi".into()],
                wikidata: None,
            }],
            id: "a".into(),
            title: "T".into(),
            source: "S".into(),
            published: published.into(),
            language: "en".into(),
            text: "Xi arrived in Moscow on Monday for a visit to Russia.".into(),
        })
        .unwrap()
    }

    #[test]
    fn a_request_gets_a_corpus_with_the_corpus_entities_kept() {
        let gazetteer = r#"[{"id": "russia", "kind": "country", "name": "Russia"},
            {"id": "moscow", "kind": "place", "name": "Moscow", "country": "russia"}]"#;
        let reply = answer(&request("2023-03-22"), Ok(&[("g.json", gazetteer)]));
        assert_eq!(reply.error, None);
        assert_eq!(reply.note, None);
        let corpus = reply.corpus.unwrap();
        let ids: Vec<&str> = corpus.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["xi", "moscow", "russia"]);
        assert_eq!(corpus.events.len(), 1);
        assert_eq!(corpus.events[0].start, "2023-03-20");
        assert_eq!(corpus.events[0].host.as_deref(), Some("russia"));
    }

    #[test]
    fn without_the_gazetteer_the_reply_says_so() {
        let reply = answer(&request("2023-03-22"), Err("404 Not Found"));
        assert!(reply.note.unwrap().contains("(404 Not Found)"));
        let corpus = reply.corpus.unwrap();
        assert!(corpus.entities.iter().all(|e| e.id == "xi"));
    }

    #[test]
    fn bad_requests_get_a_message() {
        assert_eq!(
            answer(&request("2023-02-30"), Ok(&[("g.json", "[]")])).error.unwrap(),
            "The publication date \"2023-02-30\" cannot be read: day 30 does not exist in a month of 28 days."
        );
        assert!(answer("{", Ok(&[("g.json", "[]")]))
            .error
            .unwrap()
            .starts_with("the request: line 1, column 1"));
    }

    #[test]
    fn an_opened_sheet_is_read_and_extracted() {
        let one = |name: &str, text: &str| {
            serde_json::to_string(&Import {
                files: vec![InputFile {
                    name: name.into(),
                    text: text.into(),
                }],
                entities: Vec::new(),
            })
            .unwrap()
        };
        let import = one("visits.csv", "date,kind,participants,host,summary\n2023-03-20,042,Xi Jinping,Russia,Xi Jinping arrived in Russia.\n2023-02-30,042,Xi Jinping,Russia,Bad.\n");
        let gazetteer = r#"[{"id": "russia", "kind": "country", "name": "Russia"}]"#;
        let reply = answer(&import, Ok(&[("g.json", gazetteer)]));
        assert_eq!(reply.error, None);
        assert_eq!(reply.warnings.len(), 1, "{:?}", reply.warnings);
        assert!(reply.warnings[0].starts_with("visits.csv: row 3, column \"date\""));
        let corpus = reply.corpus.unwrap();
        assert_eq!(corpus.events.len(), 1);
        assert_eq!(corpus.events[0].host.as_deref(), Some("russia"));
        let unknown = answer(
            &one("notes.csv", "a,b\n1,2\n"),
            Ok(&[("g.json", gazetteer)]),
        );
        assert!(unknown.error.unwrap().contains("its header is: a, b"));
    }

    #[test]
    fn several_files_become_one_corpus_with_the_corpus_entities_kept() {
        let file = |name: &str, text: &str| InputFile {
            name: name.into(),
            text: text.into(),
        };
        let import = serde_json::to_string(&Import {
            files: vec![
                file(
                    "a.md",
                    "---\ntitle: One\ndate: 2023-03-20\n---\nXi arrived in Russia on Monday.",
                ),
                file(
                    "b/a.md",
                    "---\ntitle: Two\ndate: 2023-03-21\n---\nXi held talks in Russia.",
                ),
                file("c.txt", "No date here"),
            ],
            entities: vec![EntityRecord {
                id: "xi".into(),
                kind: "person".into(),
                name: "Xi Jinping".into(),
                aliases: vec!["Xi".into()],
                wikidata: None,
            }],
        })
        .unwrap();
        let reply = answer(
            &import,
            Ok(&[(
                "g.json",
                r#"[{"id": "russia", "kind": "country", "name": "Russia"}]"#,
            )]),
        );
        assert_eq!(reply.error, None);
        assert_eq!(reply.warnings.len(), 1, "{:?}", reply.warnings);
        assert!(
            reply.warnings[0].ends_with("file skipped"),
            "{}",
            reply.warnings[0]
        );
        let corpus = reply.corpus.unwrap();
        let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-2"]);
        assert!(corpus.entities.iter().any(|e| e.id == "xi"));
    }
}
