//! The command-line tools' shared part: the synthetic corpus generator,
//! which `gen-corpus`, the benchmark and the large-corpus tests use. The
//! tools themselves are the binaries in `src/bin/`.

pub mod synthetic;

/// The default gazetteer, the files the page's extractor fetches from
/// `data/gazetteer.json` (written by hand) and `data/places.json` (cities
/// from GeoNames, made by `tools/lexicons.py`), built into the commands so
/// they run anywhere.
pub const DEFAULT_GAZETTEER: [(&str, &str); 2] = [
    (
        "default gazetteer",
        include_str!("../../../public/data/gazetteer.json"),
    ),
    (
        "default places",
        include_str!("../../../public/data/places.json"),
    ),
];
