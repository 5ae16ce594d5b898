//! Splits a corpus file into a manifest and parts, so the page can show the
//! timeline as soon as the manifest is read and fetch article texts after.
//!
//! Usage: `cargo run --release -p explorer-cli --bin split-corpus -- <corpus.json> <out-dir> [articles-per-part]`
//!
//! Writes `<out-dir>/manifest.json` and `<out-dir>/part-0000.json`, … (500
//! articles a part unless told: a part of about a megabyte is read and
//! checked in one short task). Open the manifest in the page with
//! `?corpus=<url of manifest.json>`; the parts must sit beside it.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use explorer_corpus::{self as corpus, split};

const USAGE: &str = "usage: split-corpus <corpus.json> <out-dir> [articles-per-part]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (input, out, per_part) = match args.as_slice() {
        [input, out] => (input, out, Ok(500)),
        [input, out, n] => (input, out, n.parse::<usize>()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Ok(per_part @ 1..) = per_part else {
        eprintln!("split-corpus: articles-per-part must be a whole number above 0\n{USAGE}");
        return ExitCode::from(2);
    };
    match run(Path::new(input), Path::new(out), per_part) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("split-corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(input: &Path, out: &Path, per_part: usize) -> Result<String, String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    // Only a corpus that loads cleanly is split, so the parts load cleanly too.
    let loaded = corpus::load(&text).map_err(|e| format!("{}: {e}", input.display()))?;
    if let Some(d) = loaded.diagnostics.first() {
        return Err(format!(
            "{}: {} item(s) would be dropped on loading, the first: {d}",
            input.display(),
            loaded.diagnostics.len()
        ));
    }
    drop(loaded);
    // Loaded with no diagnostic above, so reading it again drops nothing.
    let file = corpus::parse(&text).map_err(|e| e.to_string())?.file;
    drop(text);
    let (manifest, parts) = split(file, per_part, |i| format!("part-{i:04}.json"));
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    write(&out.join("manifest.json"), &manifest)?;
    for (name, part) in manifest.parts.iter().zip(&parts) {
        write(&out.join(name), part)?;
    }
    Ok(format!(
        "{}: {} articles, {} events, {} part(s) of up to {per_part} articles",
        out.join("manifest.json").display(),
        manifest.articles.len(),
        manifest.events.len(),
        parts.len()
    ))
}

fn write(path: &Path, value: &impl serde::Serialize) -> Result<(), String> {
    std::fs::File::create(path)
        .and_then(|f| {
            let mut w = BufWriter::new(f);
            serde_json::to_writer(&mut w, value)?;
            w.flush()
        })
        .map_err(|e| format!("{}: {e}", path.display()))
}
