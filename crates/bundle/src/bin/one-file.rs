//! Writes the explorer and a corpus as one HTML file that opens from disk.
//!
//! Usage:
//!   `cargo run --release -p explorer-bundle --bin one-file -- <corpus.json> -o <explorer.html> [--site dist]`
//!   `one-file --template <site-dir>`: writes the template beside a built
//!   site (the build does this; the page's "Save as one file" fills it in).
//!
//! The corpus is checked by the loader first: what it would drop is listed
//! and left out, and the file holds the corpus as the page would show it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use explorer_bundle::{fill, template, Site, TEMPLATE_NAME};
use explorer_corpus as corpus;

const USAGE: &str = "usage: one-file <corpus.json> -o <explorer.html> [--site <built site, default dist>]\n       one-file --template <built site>";

enum Command {
    Template(PathBuf),
    Write {
        corpus: PathBuf,
        out: PathBuf,
        site: PathBuf,
    },
}

fn parse(args: &[String]) -> Option<Command> {
    if let [flag, site] = args {
        if flag == "--template" {
            return Some(Command::Template(site.into()));
        }
    }
    let (mut corpus, mut out, mut site) = (None, None, PathBuf::from("dist"));
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--out" => out = Some(PathBuf::from(args.next()?)),
            "--site" => site = PathBuf::from(args.next()?),
            other if corpus.is_none() && !other.starts_with('-') => corpus = Some(other.into()),
            _ => return None,
        }
    }
    Some(Command::Write {
        corpus: corpus?,
        out: out?,
        site,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = parse(&args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let outcome = match command {
        Command::Template(site) => write_template(&site),
        Command::Write { corpus, out, site } => write(&corpus, &out, &site),
    };
    match outcome {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("one-file: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_template(site: &Path) -> Result<String, String> {
    let page =
        template(&Site::read(site).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let path = site.join(TEMPLATE_NAME);
    std::fs::write(&path, &page).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(format!("{}: {} bytes", path.display(), page.len()))
}

fn write(input: &Path, out: &Path, site: &Path) -> Result<String, String> {
    let template_path = site.join(TEMPLATE_NAME);
    let page = std::fs::read_to_string(&template_path).map_err(|e| {
        format!(
            "{}: {e} (build the site first: make build)",
            template_path.display()
        )
    })?;
    let text = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let loaded = corpus::load(&text).map_err(|e| format!("{}: {e}", input.display()))?;
    drop(text);
    for d in &loaded.diagnostics {
        eprintln!("one-file: {}: left out: {d}", input.display());
    }
    let json =
        serde_json::to_string(&corpus::to_file(&loaded.corpus)).map_err(|e| e.to_string())?;
    let html = fill(&page, &json).map_err(|e| e.to_string())?;
    std::fs::write(out, &html).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(format!(
        "{}: {} articles, {} events, {} bytes",
        out.display(),
        loaded.corpus.articles.len(),
        loaded.corpus.events.len(),
        html.len()
    ))
}
