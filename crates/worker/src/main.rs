//! The extractor as a Web Worker for the page's "Add an article" panel
//! (built by Trunk from `index.html`). On the command line, use the
//! `extract` command instead.
//!
//! This crate is the thin wasm-bindgen edge around `explorer-extract`: it
//! holds no extraction logic and no UI.

// Natively only `main`'s message is built; the handler is the browser's.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("extract-worker runs in the browser; on the command line, use the extract command");
    std::process::ExitCode::from(2)
}
