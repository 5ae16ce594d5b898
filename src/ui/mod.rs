//! The reactive shell: Leptos components over the domain core, plus the thin
//! browser glue (fetching, the panic panel). Corpus strings reach the page only
//! as text nodes and attribute values, never as HTML.

mod app;
mod download;
mod entities_view;
mod events;
mod extractor;
pub mod fetch;
mod filters;
mod more;
mod overview_view;
mod panel;
pub mod panic;
mod paste;
mod perf;
mod picture;
mod reader;
mod share;
pub mod state;
mod theme;
mod timeline_view;
mod url;

pub use app::{query_param, App};

/// Removes the static "needs JavaScript and WebAssembly" notice that
/// `index.html` shows until the app starts.
pub fn dismiss_boot_message() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}
