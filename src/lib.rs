//! Article Explorer: explore a corpus of news articles about diplomacy.
//!
//! Everything but `ui` is the domain core: plain Rust with no browser or UI
//! imports, tested natively. `ui` is the Leptos shell that reads it; `main.rs`
//! only mounts it.

pub mod corpus;
pub mod dates;
pub mod entities;
pub mod export;
pub mod extract;
pub mod facets;
pub mod highlight;
pub mod offsets;
pub mod overview;
pub mod search;
pub mod synthetic;
pub mod timeline;
pub mod ui;
pub mod view_state;
