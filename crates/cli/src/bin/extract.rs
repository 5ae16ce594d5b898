//! Turns a folder of articles into a corpus file (format v1): entities,
//! mentions and events found by the same extractor the page runs.
//!
//! Usage: `cargo run --release -p explorer-cli --bin extract -- <folder or file>... [options]`
//! (`--help` lists the options). Reads plain-text wire items (`.txt`),
//! Markdown with front matter (`.md`), displaCy JSON and TimelineJS JSON
//! (`.json`). A `name.meta` file beside `name.txt` or `name.md` gives its
//! `published`, `source`, `url`, `title`, `language` or `id` as `key: value`
//! lines.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use explorer_cli::DEFAULT_GAZETTEER;
use explorer_corpus as corpus;
use explorer_extract::gazetteer::Gazetteer;
use explorer_extract::inputs::{self, Meta};
use explorer_extract::{extract, Document};

const HELP: &str = "usage: extract <folder or file>... [options]

Reads articles and writes a corpus file in format v1.

Inputs (folders are read recursively, in name order):
  .txt        plain-text wire item: title line, blank line, paragraphs,
              optional credit line (\"–The X news exchange item\")
  .md         Markdown with front matter (title, date, source, url)
  .json       displaCy \"manual\" JSON (text + ents), TimelineJS JSON (events),
              or a news scraper's records (trafilatura: title, date, text,
              url, hostname; news-please: title, maintext, date_publish,
              source_domain, url), one object or a list
  .jsonl      a news scraper's records, one per line
  .csv .tsv   a TimelineJS sheet (Year, Month, Day, ..., Headline, Text) or
              an event sheet (date, end, kind, participants, host, place,
              summary, source, url; see docs/sheet-format.md)
  name.meta   key: value lines (published, source, url, title, language, id)
              for name.txt or name.md

Options:
  -o, --output FILE        where to write the corpus (default: corpus.json)
  --published DATE         publication date for inputs that give none
                           (YYYY, YYYY-MM or YYYY-MM-DD)
  --source NAME            source for inputs that give none
  --language TAG           language for inputs that give none (default: en)
  --title TEXT             the corpus's title
  --gazetteer FILE         more known entities (JSON, corpus entity format
                           plus an optional \"country\" on places); repeatable
  --no-default-gazetteer   use only the gazetteers given
  -h, --help               this text";

struct Options {
    inputs: Vec<PathBuf>,
    output: PathBuf,
    defaults: Meta,
    title: Option<String>,
    gazetteers: Vec<PathBuf>,
    default_gazetteer: bool,
}

fn parse_args(args: Vec<String>) -> Result<Options, String> {
    let mut o = Options {
        inputs: Vec::new(),
        output: PathBuf::from("corpus.json"),
        defaults: Meta::default(),
        title: None,
        gazetteers: Vec::new(),
        default_gazetteer: true,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "-o" | "--output" => o.output = PathBuf::from(value(&arg)?),
            "--published" => o.defaults.published = Some(value(&arg)?),
            "--source" => o.defaults.source = Some(value(&arg)?),
            "--language" => o.defaults.language = Some(value(&arg)?),
            "--title" => o.title = Some(value(&arg)?),
            "--gazetteer" => o.gazetteers.push(PathBuf::from(value(&arg)?)),
            "--no-default-gazetteer" => o.default_gazetteer = false,
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            path => o.inputs.push(PathBuf::from(path)),
        }
    }
    if o.inputs.is_empty() {
        return Err("no input folder or file given".into());
    }
    Ok(o)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1).collect()) {
        Ok(o) => o,
        Err(e) if e.is_empty() => {
            println!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("extract: {e}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("extract: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(o: &Options) -> Result<(), String> {
    let mut files: Vec<(String, String)> = Vec::new();
    if o.default_gazetteer {
        for (name, text) in DEFAULT_GAZETTEER {
            files.push((name.into(), text.into()));
        }
    }
    for g in &o.gazetteers {
        let text = std::fs::read_to_string(g).map_err(|e| format!("{}: {e}", g.display()))?;
        files.push((g.display().to_string(), text));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let (mut gazetteer, mut warnings) = Gazetteer::from_files(&refs)?;

    let mut paths = Vec::new();
    for input in &o.inputs {
        collect(input, &mut paths).map_err(|e| format!("{}: {e}", input.display()))?;
    }
    let mut docs = Vec::new();
    for path in &paths {
        match read(path, &o.defaults, &mut gazetteer) {
            Ok((mut d, w)) => {
                docs.append(&mut d);
                warnings.extend(w);
            }
            Err(e) => warnings.push(format!("{e}; file skipped")),
        }
    }
    if docs.is_empty() {
        for w in &warnings {
            eprintln!("warning: {w}");
        }
        return Err("no article could be read".into());
    }

    let show_progress = docs.len() >= 20 && std::io::stderr().is_terminal();
    let total = docs.len();
    let mut extracted = extract(&docs, &gazetteer, |done| {
        if show_progress && (done % 10 == 0 || done == total) {
            let filled = done * 30 / total;
            eprint!(
                "\r[{}{}] {done}/{total} articles",
                "#".repeat(filled),
                " ".repeat(30 - filled)
            );
            if done == total {
                eprintln!();
            }
            let _ = std::io::stderr().flush();
        }
    });
    extracted.corpus.title = o.title.clone();
    warnings.append(&mut extracted.warnings);
    extracted.warnings = warnings;

    let json = serde_json::to_string_pretty(&extracted.corpus).map_err(|e| e.to_string())? + "\n";
    // What is written must load as it is: check it with the app's own loader.
    let loaded =
        corpus::load(&json).map_err(|e| format!("the extracted corpus does not load: {e}"))?;
    for d in &loaded.diagnostics {
        extracted
            .warnings
            .push(format!("the extracted corpus: {d}"));
    }
    std::fs::write(&o.output, &json).map_err(|e| format!("{}: {e}", o.output.display()))?;
    for w in &extracted.warnings {
        eprintln!("warning: {w}");
    }
    println!("{}: {}", o.output.display(), extracted.summary());
    Ok(())
}

/// Every input file under `path`, in name order.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            collect(&e, out)?;
        }
    } else {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if matches!(
            ext,
            "txt" | "md" | "markdown" | "json" | "jsonl" | "csv" | "tsv"
        ) {
            out.push(path.to_path_buf());
        } else if path.is_file() && ext != "meta" {
            // Not an article format: said once, so a stray file is noticed.
            eprintln!(
                "warning: {}: not a .txt, .md, .json, .jsonl, .csv or .tsv file; skipped",
                path.display()
            );
        } else if !path.exists() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no such file or folder",
            ));
        }
    }
    Ok(())
}

/// Reads one input file into documents. A sheet's names join the gazetteer.
fn read(
    path: &Path,
    defaults: &Meta,
    gazetteer: &mut Gazetteer,
) -> Result<(Vec<Document>, Vec<String>), String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
    let mut warnings = Vec::new();
    let sidecar = path.with_extension("meta");
    let meta = if sidecar.is_file() {
        let side =
            std::fs::read_to_string(&sidecar).map_err(|e| format!("{}: {e}", sidecar.display()))?;
        let (meta, w) = Meta::parse(&side, &sidecar.display().to_string());
        warnings.extend(w);
        meta.or(defaults)
    } else {
        defaults.clone()
    };
    let (docs, w) = inputs::read_any(&name, &text, &meta, gazetteer)?;
    warnings.extend(w);
    Ok((docs, warnings))
}
