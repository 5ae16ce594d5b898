//! The explorer's questions of a corpus: which events pass the filters and
//! how many each facet value would give, which articles a query hits, where
//! the timeline draws each item, what the overview counts, what an entity's
//! page shows, how a text is cut into highlighted segments, how the view
//! state reads as an address, and how events are exported.
//!
//! Invariant: every function here is pure over an `explorer_corpus::Corpus`;
//! nothing does I/O or touches a UI, so the app's memos call them and native
//! tests check them. No UI, browser or JavaScript dependency (a test in the
//! workspace's `tests/layering.rs` fails if one is added).

pub mod entities;
pub mod export;
pub mod facets;
pub mod highlight;
pub mod overview;
pub mod search;
pub mod timeline;
pub mod view_state;
