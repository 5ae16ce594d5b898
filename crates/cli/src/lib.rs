//! The command-line tools' shared part: the synthetic corpus generator,
//! which `gen-corpus`, the benchmark and the large-corpus tests use. The
//! tools themselves are the binaries in `src/bin/`.

pub mod synthetic;

/// The default gazetteer, the one the page's extractor fetches from
/// `data/gazetteer.json`, built into the commands so they run anywhere.
pub const DEFAULT_GAZETTEER: &str = include_str!("../../../public/data/gazetteer.json");
