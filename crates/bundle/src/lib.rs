//! The one-file explorer: the built site (page, stylesheet, script, wasm)
//! and a corpus as a single HTML file that opens from disk, with no server
//! and no network.
//!
//! The build writes a *template* beside the site ([`TEMPLATE_NAME`]): the
//! page with its stylesheet and script inline, the wasm as base64, and an
//! empty slot for the corpus. Filling the slot ([`fill`]) is all the page's
//! "Save as one file" and the `one-file` command do, so both write the same
//! file. The corpus sits in a `<script type="application/json">`, which the
//! browser never runs, so the page's Content-Security-Policy can name its
//! one script and one stylesheet by hash and needs no `'unsafe-inline'`.
//!
//! Invariant: no corpus text can end the element it sits in, so nothing in
//! a corpus becomes markup.

#[cfg(feature = "template")]
mod template;
#[cfg(feature = "template")]
pub use template::{template, Site, TemplateError};

/// The template's file name, beside the site's `index.html`.
pub const TEMPLATE_NAME: &str = "one-file.html";

/// The `id` of the element that holds the corpus in a one-file explorer.
pub const CORPUS_ELEMENT: &str = "corpus-data";

/// The `id` of the element that holds the app's wasm, in base64.
pub const WASM_ELEMENT: &str = "app-wasm";

/// Where the corpus goes, inside the corpus element.
const SLOT: &str = "<!--corpus-->";

/// Why a template could not be filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FillError {
    /// The text has no corpus slot, or more than one: it is not a template.
    NotATemplate,
}

impl std::fmt::Display for FillError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FillError::NotATemplate => write!(
                f,
                "the one-file template has no single corpus slot: rebuild the site"
            ),
        }
    }
}

impl std::error::Error for FillError {}

/// The one-file explorer: `template` with `corpus_json` (a corpus file as
/// JSON) in its slot.
pub fn fill(template: &str, corpus_json: &str) -> Result<String, FillError> {
    let mut pieces = template.split(SLOT);
    let (Some(before), Some(after), None) = (pieces.next(), pieces.next(), pieces.next()) else {
        return Err(FillError::NotATemplate);
    };
    let json = script_safe(corpus_json);
    let mut out = String::with_capacity(before.len() + json.len() + after.len());
    out.push_str(before);
    out.push_str(&json);
    out.push_str(after);
    Ok(out)
}

/// JSON text that can sit inside a `<script>` element: every `<` (which
/// JSON only has inside strings) is written as the escape `\u003c`, so no
/// `</script>` or `<!--` can end or change the element. The JSON means the
/// same after.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str =
        "<script type=\"application/json\" id=\"corpus-data\"><!--corpus--></script>";

    #[test]
    fn fills_the_one_slot() {
        let out = fill(TEMPLATE, "{\"a\":1}").unwrap();
        assert_eq!(
            out,
            "<script type=\"application/json\" id=\"corpus-data\">{\"a\":1}</script>"
        );
    }

    #[test]
    fn corpus_text_cannot_end_its_element() {
        let json = r#"{"title":"</script><script>alert(1)</script><!-- x"}"#;
        let out = fill(TEMPLATE, json).unwrap();
        assert_eq!(out.matches("</script>").count(), 1, "{out}");
        assert!(!out.contains("<!-- x"));
        // The text inside reads back as the same JSON.
        let inner = &out[out.find('>').unwrap() + 1..out.rfind("</script>").unwrap()];
        let back: serde_json::Value = serde_json::from_str(inner).unwrap();
        assert_eq!(
            back,
            serde_json::from_str::<serde_json::Value>(json).unwrap()
        );
    }

    #[test]
    fn a_text_without_one_slot_is_refused() {
        assert_eq!(fill("<html></html>", "{}"), Err(FillError::NotATemplate));
        assert_eq!(
            fill("<!--corpus--><!--corpus-->", "{}"),
            Err(FillError::NotATemplate)
        );
    }
}
