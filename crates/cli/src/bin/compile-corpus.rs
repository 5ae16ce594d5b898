//! Compiles the readable corpus sources (`corpus/`) into a corpus file.
//!
//! Usage: `cargo run -p explorer-cli --bin compile-corpus -- <source dir> <output.json>`
//! Writes the file only if it compiles and loads without a single diagnostic.

use std::path::Path;
use std::process::ExitCode;

use explorer_corpus as corpus;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [source, output] = args.as_slice() else {
        eprintln!("usage: compile-corpus <source dir> <output.json>");
        return ExitCode::from(2);
    };
    match run(Path::new(source), Path::new(output)) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(source: &Path, output: &Path) -> Result<String, Vec<String>> {
    let json = corpus::source::compile_dir(source)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let loaded = corpus::load(&json).map_err(|e| vec![format!("compiled corpus: {e}")])?;
    if !loaded.diagnostics.is_empty() {
        return Err(loaded
            .diagnostics
            .iter()
            .map(|d| format!("compiled corpus: {d}"))
            .collect());
    }
    std::fs::write(output, &json).map_err(|e| vec![format!("{}: {e}", output.display())])?;
    let c = &loaded.corpus;
    Ok(format!(
        "{}: {} articles, {} entities, {} mentions, {} events",
        output.display(),
        c.articles.len(),
        c.entities.len(),
        c.mentions().count(),
        c.events.len()
    ))
}
