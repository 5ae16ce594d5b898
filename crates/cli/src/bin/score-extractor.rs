//! Scores the extractor against a gold-annotated set of articles.
//!
//! Usage: `cargo run --release -p explorer-cli --bin score-extractor -- [gold dir ...] [--verbose]`.
//! Without folders it prints two tables: the development set (every
//! `tests/fixtures/extract-dev*` folder, which the rules are written
//! against) and the test set (every `tests/fixtures/extract-test*` folder,
//! which they are never tuned on). Each gold folder is written in the
//! readable corpus source format (`entities.json` + `articles/*.txt`, see
//! `corpus/README.md`). The extractor sees only each article's plain text,
//! title, source and date, with the default gazetteer; its output is compared
//! with the gold mentions (exact span and kind) and events (kind,
//! participants and start date), and precision, recall and F1 are printed as
//! a Markdown table. `--write FILE` also saves what the extractor found, to
//! compare it with the gold by eye.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use explorer_cli::DEFAULT_GAZETTEER;
use explorer_corpus::dates::PartialDate;
use explorer_corpus::format::{CorpusFile, EntityRecord, EventRecord};
use explorer_corpus::source::compile_dir;
use explorer_extract::gazetteer::Gazetteer;
use explorer_extract::{extract, Document};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let write = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1));
    let dirs: Vec<&str> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with('-') && (*i == 0 || args[i - 1] != "--write"))
        .map(|(_, a)| a.as_str())
        .collect();
    // Without folders: the development set beside the test set.
    let sets: Vec<(String, Vec<PathBuf>)> = if dirs.is_empty() {
        let fixtures = Path::new("tests/fixtures");
        let with_prefix = |prefix: &str| -> Vec<PathBuf> {
            let mut found: Vec<PathBuf> = std::fs::read_dir(fixtures)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.join("entities.json").is_file()
                        && p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with(prefix))
                })
                .collect();
            found.sort();
            found
        };
        vec![
            ("the development set".into(), with_prefix("extract-dev")),
            ("the test set".into(), with_prefix("extract-test")),
        ]
    } else {
        let list: Vec<PathBuf> = dirs.iter().map(PathBuf::from).collect();
        vec![("the given folders".into(), list)]
    };
    let mut tables = Vec::new();
    for (label, dirs) in &sets {
        match score(label, dirs, verbose, write.map(Path::new)) {
            Ok(table) => tables.push(table),
            Err(e) => {
                eprintln!("score-extractor: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("{}", tables.join("\n\n"));
    ExitCode::SUCCESS
}

/// Scores the extractor on each folder and prints one table for them all.
fn score(
    label: &str,
    dirs: &[PathBuf],
    verbose: bool,
    write: Option<&Path>,
) -> Result<String, String> {
    if dirs.is_empty() {
        return Err(format!("no folders for the {label}"));
    }
    let mut total = Scores::default();
    for dir in dirs {
        total.add(run(dir, verbose, write)?);
    }
    let mut out = vec![
        format!(
            "Extractor scored on {label}: {} ({} articles)\n",
            dirs.iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            total.articles
        ),
        "| layer | gold | found | correct | precision | recall | F1 |".into(),
        "|---|---:|---:|---:|---:|---:|---:|".into(),
    ];
    out.push(total.mentions.row("mentions (span + kind)"));
    for (kind, t) in &total.kinds {
        out.push(t.row(&format!("— {kind}")));
    }
    out.push(total.strict.row("events (kind + participants + date)"));
    out.push(total.loose.row("— kind + date only"));
    if !total.notes.is_empty() {
        out.push(String::new());
        out.extend(total.notes);
    }
    Ok(out.join("\n"))
}

/// What one folder scored.
#[derive(Default)]
struct Scores {
    articles: usize,
    mentions: Tally,
    kinds: BTreeMap<String, Tally>,
    strict: Tally,
    loose: Tally,
    notes: Vec<String>,
}

impl Scores {
    fn add(&mut self, other: Scores) {
        self.articles += other.articles;
        self.mentions.add(&other.mentions);
        for (k, t) in &other.kinds {
            self.kinds.entry(k.clone()).or_default().add(t);
        }
        self.strict.add(&other.strict);
        self.loose.add(&other.loose);
        self.notes.extend(other.notes);
    }
}

/// Counts for one row of the table.
#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    correct: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.found += other.found;
        self.correct += other.correct;
    }

    fn row(&self, label: &str) -> String {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.correct, self.found);
        let r = ratio(self.correct, self.gold);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        format!(
            "| {label} | {} | {} | {} | {p:.3} | {r:.3} | {f:.3} |",
            self.gold, self.found, self.correct
        )
    }
}

fn run(dir: &Path, verbose: bool, write: Option<&Path>) -> Result<Scores, String> {
    let json = compile_dir(dir).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let gold: CorpusFile = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let (gazetteer, warnings) = Gazetteer::from_files(&DEFAULT_GAZETTEER)?;
    if let Some(w) = warnings.first() {
        return Err(format!("default gazetteer: {w}"));
    }
    let mut docs = Vec::new();
    for a in &gold.articles {
        docs.push(Document {
            id: a.id.clone(),
            title: a.title.clone(),
            source: a.source.clone(),
            url: a.url.clone(),
            published: PartialDate::parse(&a.published).map_err(|e| format!("{}: {e}", a.id))?,
            language: a.language.clone(),
            text: a.text.clone(),
            given: None,
            slides: Vec::new(),
        });
    }
    let found = extract(&docs, &gazetteer, |_| {}).corpus;
    if let Some(path) = write {
        let json = serde_json::to_string_pretty(&found).map_err(|e| e.to_string())?;
        std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let mut notes = Vec::new();

    // Mentions: exact span and kind.
    let kind_of = |file: &CorpusFile, id: &str| {
        file.entities
            .iter()
            .find(|e| e.id == id)
            .map_or_else(String::new, |e| e.kind.clone())
    };
    let spans = |file: &CorpusFile| -> HashSet<(String, u64, u64, String)> {
        file.mentions
            .iter()
            .map(|m| (m.article.clone(), m.start, m.end, kind_of(file, &m.entity)))
            .collect()
    };
    let (g, f) = (spans(&gold), spans(&found));
    let mut kinds: BTreeMap<String, Tally> = BTreeMap::new();
    for m in &g {
        kinds.entry(m.3.clone()).or_default().gold += 1;
    }
    for m in &f {
        let t = kinds.entry(m.3.clone()).or_default();
        t.found += 1;
        if g.contains(m) {
            t.correct += 1;
        }
    }
    let all = Tally {
        gold: g.len(),
        found: f.len(),
        correct: g.intersection(&f).count(),
    };
    if verbose {
        let text_of = |article: &str, s: u64, e: u64| {
            gold.articles
                .iter()
                .find(|a| a.id == article)
                .map(|a| {
                    a.text
                        .chars()
                        .skip(s as usize)
                        .take((e - s) as usize)
                        .collect::<String>()
                })
                .unwrap_or_default()
        };
        for (label, only_in, not_in) in [("missed  ", &g, &f), ("spurious", &f, &g)] {
            let mut list: Vec<_> = only_in.difference(not_in).collect();
            list.sort();
            for m in list {
                notes.push(format!(
                    "{label} mention {} {:?} {}",
                    m.0,
                    text_of(&m.0, m.1, m.2),
                    m.3
                ));
            }
        }
    }

    // Events: kind, participants and start date; and kind and date alone.
    let strict = match_events(&gold, &found, true);
    let loose = match_events(&gold, &found, false);
    if verbose {
        for e in &strict.1 {
            notes.push(format!("missed event     {}", describe(&gold, e)));
        }
        for e in &strict.2 {
            notes.push(format!("spurious event   {}", describe(&found, e)));
        }
    }
    Ok(Scores {
        articles: gold.articles.len(),
        mentions: all,
        kinds,
        strict: strict.0,
        loose: loose.0,
        notes,
    })
}

/// The names an entity goes by, folded for comparison.
fn names(file: &CorpusFile, id: &str) -> Vec<String> {
    let Some(e): Option<&EntityRecord> = file.entities.iter().find(|e| e.id == id) else {
        return Vec::new();
    };
    std::iter::once(&e.name)
        .chain(e.aliases.iter())
        .map(|n| n.to_lowercase())
        .collect()
}

/// Whether two kinds count as the same: a visit seen from either side is one.
fn same_kind(a: &str, b: &str) -> bool {
    let group = |k: &str| if k == "043" { "042" } else { k }.to_string();
    group(a) == group(b)
}

/// Pairs gold and found events one to one; returns the tally, the gold
/// events left unmatched and the found ones left unmatched.
fn match_events<'a>(
    gold: &'a CorpusFile,
    found: &'a CorpusFile,
    with_participants: bool,
) -> (Tally, Vec<&'a EventRecord>, Vec<&'a EventRecord>) {
    let same_people = |g: &EventRecord, f: &EventRecord| {
        if g.participants.len() != f.participants.len() {
            return false;
        }
        g.participants.iter().all(|gp| {
            let gn = names(gold, gp);
            f.participants
                .iter()
                .any(|fp| names(found, fp).iter().any(|n| gn.contains(n)))
        })
    };
    let mut used = vec![false; found.events.len()];
    let mut missed = Vec::new();
    let mut correct = 0;
    for g in &gold.events {
        let hit = found.events.iter().enumerate().find(|(i, f)| {
            !used[*i]
                && same_kind(&g.kind, &f.kind)
                && g.start == f.start
                && (!with_participants || same_people(g, f))
        });
        match hit {
            Some((i, _)) => {
                used[i] = true;
                correct += 1;
            }
            None => missed.push(g),
        }
    }
    let spurious = found
        .events
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(e, _)| e)
        .collect();
    (
        Tally {
            gold: gold.events.len(),
            found: found.events.len(),
            correct,
        },
        missed,
        spurious,
    )
}

fn describe(file: &CorpusFile, e: &EventRecord) -> String {
    let people: Vec<String> = e
        .participants
        .iter()
        .map(|p| {
            file.entities
                .iter()
                .find(|x| x.id == *p)
                .map_or_else(|| p.clone(), |x| x.name.clone())
        })
        .collect();
    let article = e.evidence.first().map_or("", |ev| ev.article.as_str());
    format!("{} {} [{}] ({article})", e.kind, e.start, people.join(", "))
}
