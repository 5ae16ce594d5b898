//! How fast the extractor reads articles: the development set's 68
//! articles, repeated to 2,000 documents with their own ids, read in one
//! call on one thread with the default gazetteer, as `extract` does.
//!
//! `cargo bench -p explorer-cli --bench extract` prints the median of five
//! runs (`BENCH_RUNS` to change it) and the rate per 2,000 articles.

use std::path::Path;
use std::time::Instant;

use explorer_cli::DEFAULT_GAZETTEER;
use explorer_corpus::dates::PartialDate;
use explorer_corpus::format::CorpusFile;
use explorer_corpus::source::compile_dir;
use explorer_extract::gazetteer::Gazetteer;
use explorer_extract::{extract, Document};

const ARTICLES: usize = 2_000;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut texts = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("the fixtures folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("extract-dev"))
        })
        .collect();
    dirs.sort();
    for dir in dirs {
        let json = compile_dir(&dir).expect("a development folder compiles");
        let file: CorpusFile = serde_json::from_str(&json).expect("it reads");
        texts.extend(file.articles);
    }
    let docs: Vec<Document> = (0..ARTICLES)
        .map(|i| {
            let a = &texts[i % texts.len()];
            Document {
                id: format!("{}-{i}", a.id),
                title: a.title.clone(),
                source: a.source.clone(),
                url: None,
                published: PartialDate::parse(&a.published).expect("a date"),
                language: a.language.clone(),
                text: a.text.clone(),
                given: None,
                slides: Vec::new(),
            }
        })
        .collect();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let started = Instant::now();
    let (gazetteer, _) = Gazetteer::from_files(&DEFAULT_GAZETTEER).expect("the default gazetteer");
    let load = started.elapsed();
    let mut times = Vec::new();
    let mut events = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let out = extract(&docs, &gazetteer, |_| {});
        times.push(started.elapsed());
        events = out.corpus.events.len();
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "extract: {ARTICLES} articles ({words} words) in {:.0} ms (median of {runs}), {events} events; \
         the default gazetteer loads in {:.0} ms",
        median.as_secs_f64() * 1000.0,
        load.as_secs_f64() * 1000.0
    );
}
