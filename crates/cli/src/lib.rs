//! The command-line tools' shared part: the synthetic corpus generator,
//! which `gen-corpus`, the benchmark and the large-corpus tests use, and the
//! benchmark's regression check. The tools themselves are the binaries in
//! `src/bin/`.

pub mod bench_compare;
pub mod synthetic;

/// The default gazetteer, the files the page's extractor fetches from
/// `data/gazetteer.json` (written by hand), `data/places.json` (cities from
/// GeoNames) and `data/regions.json` (states and provinces from ISO
/// 3166-2), the last two made by `tools/lexicons.py`, built into the
/// commands so they run anywhere.
pub const DEFAULT_GAZETTEER: [(&str, &str); 3] = [
    (
        "default gazetteer",
        include_str!("../../../public/data/gazetteer.json"),
    ),
    (
        "default places",
        include_str!("../../../public/data/places.json"),
    ),
    (
        "default regions",
        include_str!("../../../public/data/regions.json"),
    ),
];
