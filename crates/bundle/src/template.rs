//! The template made from a built site: every file the page loads, inline.

use std::fmt;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::{CORPUS_ELEMENT, SLOT, WASM_ELEMENT};

/// What a built site's page is made of.
#[derive(Debug, Clone)]
pub struct Site {
    /// The page's `<title>`.
    pub title: String,
    /// What the page's `<body>` holds before the app starts.
    pub body: String,
    /// The stylesheet.
    pub css: String,
    /// The page's boot script (`boot.js`).
    pub boot: String,
    /// The wasm-bindgen glue module of the app.
    pub glue: String,
    /// The app's wasm.
    pub wasm: Vec<u8>,
}

/// Why a site could not be made into a template.
#[derive(Debug)]
pub enum TemplateError {
    /// A file could not be read.
    Read(PathBuf, std::io::Error),
    /// The page does not have what a built site's page has.
    Page(&'static str),
    /// A file would end the element it is written into.
    Unsafe(&'static str),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Read(path, e) => write!(f, "{}: {e}", path.display()),
            TemplateError::Page(what) => write!(f, "the built index.html has no {what}"),
            TemplateError::Unsafe(what) => {
                write!(f, "{what} holds text that would end its element")
            }
        }
    }
}

impl std::error::Error for TemplateError {}

impl Site {
    /// Reads the site built into `dir` (its `index.html` and the files it
    /// names).
    pub fn read(dir: &Path) -> Result<Site, TemplateError> {
        let text = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|e| TemplateError::Read(path, e))
        };
        let page = text("index.html")?;
        let css = attribute(&page, "rel=\"stylesheet\"", "href")
            .ok_or(TemplateError::Page("stylesheet link"))?;
        let glue = attribute(&page, "data-js=", "data-js").ok_or(TemplateError::Page(
            "boot script naming the app's module (data-js)",
        ))?;
        let wasm = attribute(&page, "data-wasm=", "data-wasm").ok_or(TemplateError::Page(
            "boot script naming the app's wasm (data-wasm)",
        ))?;
        let wasm_path = dir.join(wasm.trim_start_matches("./"));
        Ok(Site {
            title: between(&page, "<title>", "</title>")
                .ok_or(TemplateError::Page("title"))?
                .to_string(),
            body: between(&page, "<body>", "</body>")
                .ok_or(TemplateError::Page("body"))?
                .trim()
                .to_string(),
            css: text(css.trim_start_matches("./"))?,
            boot: text("boot.js")?,
            glue: text(glue.trim_start_matches("./"))?,
            wasm: std::fs::read(&wasm_path).map_err(|e| TemplateError::Read(wasm_path, e))?,
        })
    }
}

/// The script that starts the app from the wasm in the page: the glue's
/// default export is its `init`.
const START: &str = "{
  const text = document.getElementById(\"app-wasm\").textContent;
  const bytes = Uint8Array.fromBase64
    ? Uint8Array.fromBase64(text)
    : Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  await __wbg_init({ module_or_path: bytes });
}
";

/// The one-file template for `site`: its page with the stylesheet and the
/// script inline and named by hash in the Content-Security-Policy, the wasm
/// in base64, and the corpus slot.
pub fn template(site: &Site) -> Result<String, TemplateError> {
    if site.css.to_ascii_lowercase().contains("</style") {
        return Err(TemplateError::Unsafe("the stylesheet"));
    }
    if !site.glue.contains("__wbg_init as default") {
        return Err(TemplateError::Page(
            "app module of the expected shape (__wbg_init as its default export)",
        ));
    }
    if site.glue.lines().any(|l| l.starts_with("import ")) {
        return Err(TemplateError::Page(
            "app module without imports (it imports snippets)",
        ));
    }
    // The boot script in a block of its own, so its names and the glue's
    // cannot meet; it starts nothing itself, as the page has no data-wasm tag.
    let script = format!(
        "{{\n{}\n}}\n{}\n{START}",
        site.boot.trim(),
        site.glue.trim()
    );
    if script.to_ascii_lowercase().contains("</script") {
        return Err(TemplateError::Unsafe("the script"));
    }
    let b64 = base64::engine::general_purpose::STANDARD;
    let hash = |text: &str| format!("'sha256-{}'", b64.encode(Sha256::digest(text.as_bytes())));
    let policy = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
         connect-src 'none'; base-uri 'none'; form-action 'none'; \
         require-trusted-types-for 'script'; trusted-types default",
        hash(&script),
        hash(&site.css),
    );
    Ok(format!(
        "<!doctype html>
<html lang=\"en\" data-one-file=\"\">
  <head>
    <meta charset=\"utf-8\" />
    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />
    <meta name=\"color-scheme\" content=\"light dark\" />
    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />
    <link rel=\"icon\" href=\"data:,\" />
    <title>{title}</title>
    <style>{css}</style>
    <script type=\"application/json\" id=\"{CORPUS_ELEMENT}\">{SLOT}</script>
    <script type=\"application/octet-stream\" id=\"{WASM_ELEMENT}\">{wasm}</script>
    <script type=\"module\">{script}</script>
  </head>
  <body>
    {body}
  </body>
</html>
",
        title = site.title,
        css = site.css,
        wasm = b64.encode(&site.wasm),
        body = site.body,
    ))
}

/// The text between the first `open` and the `close` after it.
fn between<'a>(page: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = page.find(open)? + open.len();
    let end = start + page[start..].find(close)?;
    Some(&page[start..end])
}

/// The value of `name="…"` in the first tag holding `marker`.
fn attribute(page: &str, marker: &str, name: &str) -> Option<String> {
    let at = page.find(marker)?;
    let tag_start = page[..at].rfind('<')?;
    let tag_end = at + page[at..].find('>')?;
    let tag = &page[tag_start..tag_end];
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = start + tag[start..].find('"')?;
    Some(tag[start..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        Site {
            title: "Article Explorer".into(),
            body: "<div id=\"boot\">starting</div>".into(),
            css: "body { color: red }".into(),
            boot: "const tag = null;".into(),
            glue: "let wasm;\nasync function __wbg_init(m) {}\nexport { initSync, __wbg_init as default };".into(),
            wasm: vec![0, 97, 115, 109],
        }
    }

    #[test]
    fn the_policy_names_the_inline_script_and_style_by_hash() {
        let page = template(&site()).unwrap();
        let b64 = base64::engine::general_purpose::STANDARD;
        let script = between(&page, "<script type=\"module\">", "</script>").unwrap();
        let style = between(&page, "<style>", "</style>").unwrap();
        for text in [script, style] {
            let hash = b64.encode(Sha256::digest(text.as_bytes()));
            assert!(page.contains(&format!("'sha256-{hash}'")), "{text}");
        }
        assert!(!page.contains("unsafe-inline"));
        assert!(page.contains(&format!(">{}<", b64.encode([0, 97, 115, 109]))));
        assert_eq!(page.matches(SLOT).count(), 1);
    }

    #[test]
    fn a_file_that_would_end_its_element_is_refused() {
        let mut bad = site();
        bad.css = "a::after { content: \"</style>\" }".into();
        assert!(matches!(template(&bad), Err(TemplateError::Unsafe(_))));
        let mut bad = site();
        bad.boot = "// </SCRIPT>".into();
        assert!(matches!(template(&bad), Err(TemplateError::Unsafe(_))));
    }

    #[test]
    fn reads_the_names_the_built_page_gives() {
        let page = r#"<head><link rel="stylesheet" href="./main-1a.css" integrity="x"/>
<script type="module" src="./boot.js" data-js="app-2b.js" data-wasm="app-2b_bg.wasm"></script></head>"#;
        assert_eq!(
            attribute(page, "rel=\"stylesheet\"", "href").as_deref(),
            Some("./main-1a.css")
        );
        assert_eq!(
            attribute(page, "data-js=", "data-js").as_deref(),
            Some("app-2b.js")
        );
        assert_eq!(
            attribute(page, "data-wasm=", "data-wasm").as_deref(),
            Some("app-2b_bg.wasm")
        );
    }
}
