//! Article Explorer's web app: the Leptos shell over the domain crates.
//!
//! The domain lives in the workspace's member crates (`explorer-corpus`,
//! `explorer-query`, `explorer-extract`); they are re-exported here under
//! the module names the shell reads them by. `ui` is the shell; `main.rs`
//! only mounts it.

pub use explorer_corpus::{self as corpus, dates, offsets};
pub use explorer_extract as extract;
pub use explorer_query::{
    entities, export, facets, highlight, overview, search, timeline, view_state,
};

pub mod ui;
