//! The corpus: the file format, the validated model, and the loader between
//! them, with the partial dates and text offsets the model is made of, and
//! the [`lexicon`] of English words its texts are read by.
//!
//! Invariant: [`load`] never panics, whatever text it is given. It either rejects
//! the whole input with a [`LoadError`] that says what and where, or returns a
//! [`Corpus`] together with a [`Diagnostic`] for every item it had to drop.
//!
//! This crate is plain Rust: no UI, browser or JavaScript dependency (a test
//! in the workspace's `tests/layering.rs` fails if one is added).

pub mod dates;
pub mod format;
pub mod lexicon;
mod load;
mod model;
pub mod offsets;
mod recover;
pub mod sort;
pub mod source;
mod write;

pub use load::{
    is_unformatted_json, load, parse, parse_any, parse_part, validate, validate_manifest, AnyFile,
    Parts,
};
pub use model::*;
pub use write::{entity_records, split, subset_to_file, to_file};

use std::fmt;

use format::FORMAT_VERSION;

/// The bundled corpus, loaded, for unit tests that want real data. Other
/// crates' tests reach it through the `bundled` feature; it reads the file
/// from the source tree, so it is no part of a build.
#[cfg(any(test, feature = "bundled"))]
pub fn bundled() -> Corpus {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/corpus.json");
    let text = std::fs::read_to_string(path).expect("read the bundled corpus");
    load(&text).expect("the bundled corpus loads").corpus
}

/// What the loader says about an item it dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where: the item and field, such as `article "a1" field "published"`.
    pub location: String,
    /// What is wrong and what the loader did about it.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Records as read from a file, before validation, with what reading them
/// found: items left out for a wrong type or a missing field, repaired
/// characters.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    /// The records that could be read.
    pub file: T,
    /// One entry per item left out or repaired, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Parsed<T> {
    /// The same diagnostics over another value made from the file.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Parsed<U> {
        Parsed {
            file: f(self.file),
            diagnostics: self.diagnostics,
        }
    }
}

/// The result of a successful load.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// The valid part of the input.
    pub corpus: Corpus,
    /// One entry per dropped item, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a whole input was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not JSON, or its JSON does not have the corpus shape.
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// The JSON path of the value at fault, such as `articles[2].title`,
        /// or `.` when the problem is not inside a value.
        path: String,
        /// What the parser expected or found.
        message: String,
    },
    /// The `format` field names some other kind of file.
    NotACorpus {
        /// The `format` value that was found.
        found: String,
        /// The `format` value that was expected.
        expected: String,
    },
    /// The file is a corpus of a version this build cannot read.
    UnsupportedVersion {
        /// The `version` value that was found.
        found: u64,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax {
                line,
                column,
                path,
                message,
            } => {
                write!(f, "line {line}, column {column}")?;
                if path != "." {
                    write!(f, " (at {path})")?;
                }
                write!(f, ": {message}")
            }
            LoadError::NotACorpus { found, expected } => write!(
                f,
                "field \"format\" is \"{found}\", expected \"{expected}\""
            ),
            LoadError::UnsupportedVersion { found } => write!(
                f,
                "field \"version\" is {found}; this build reads version {FORMAT_VERSION}"
            ),
        }
    }
}

impl std::error::Error for LoadError {}
