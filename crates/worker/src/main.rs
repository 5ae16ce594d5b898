//! The extractor as a Web Worker for the page's "Add an article" panel
//! (built by Trunk from `index.html`; see `src/ui/worker.rs`). On the command
//! line, use the `extract` command instead.

#[cfg(target_arch = "wasm32")]
fn main() {
    article_explorer::ui::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("extract-worker runs in the browser; on the command line, use the extract command");
    std::process::ExitCode::from(2)
}
