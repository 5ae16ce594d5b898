//! Writes a synthetic corpus for benchmarks (see `synthetic`).
//!
//! Usage: `cargo run --release -p explorer-cli --bin gen-corpus -- <articles> <seed> <output.json>`

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use explorer_cli::synthetic::generate;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [articles, seed, output] = args.as_slice() else {
        eprintln!("usage: gen-corpus <articles> <seed> <output.json>");
        return ExitCode::from(2);
    };
    let (Ok(articles), Ok(seed)) = (articles.parse::<usize>(), seed.parse::<u64>()) else {
        eprintln!("gen-corpus: <articles> and <seed> must be whole numbers");
        return ExitCode::from(2);
    };
    let file = generate(articles, seed);
    let written = std::fs::File::create(output).and_then(|f| {
        let mut out = BufWriter::new(f);
        serde_json::to_writer(&mut out, &file)?;
        out.flush()
    });
    match written {
        Ok(()) => {
            println!(
                "{output}: {} articles, {} entities, {} mentions, {} events",
                file.articles.len(),
                file.entities.len(),
                file.mentions.len(),
                file.events.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-corpus: {output}: {e}");
            ExitCode::FAILURE
        }
    }
}
