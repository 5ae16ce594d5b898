//! Shared fixtures for the end-to-end tests: the release build, a static
//! server for it, browser sessions, and helpers that wait for what a user sees.

#![allow(dead_code)]

pub mod browser;
pub mod server;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fantoccini::{elements::Element, Client, Locator};

/// How long a page may take to reach the state a check waits for.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The release site, built once per test run if `dist/` does not exist yet.
pub fn dist() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let dist = root().join("dist");
            if !dist.join("index.html").exists() {
                let status = Command::new("trunk")
                    .args(["build", "--release", "--offline"])
                    .current_dir(root())
                    .status()
                    .expect("run `trunk build --release --offline`; `.ci/setup` installs trunk");
                assert!(status.success(), "trunk build failed");
            }
            dist
        })
        .clone()
}

/// The one static server of this test process.
pub fn server() -> &'static server::StaticServer {
    static SERVER: OnceLock<server::StaticServer> = OnceLock::new();
    SERVER.get_or_init(|| {
        server::StaticServer::with_mounts(
            dist(),
            vec![
                ("/fixtures/".into(), root().join("tests/fixtures")),
                ("/generated/".into(), generated_dir()),
            ],
        )
    })
}

/// Where tests write the corpora they generate (served under `/generated/`).
pub fn generated_dir() -> PathBuf {
    let dir = root().join("target/generated");
    std::fs::create_dir_all(&dir).expect("create target/generated");
    dir
}

/// The titles of the bundled corpus, read straight from the file.
pub fn bundled_titles() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("public/data/corpus.json"))
        .expect("read public/data/corpus.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("bundled corpus is JSON");
    json["articles"]
        .as_array()
        .expect("articles array")
        .iter()
        .map(|a| a["title"].as_str().expect("title").to_string())
        .collect()
}

/// The outcome of one check: `Err` says what the user would have seen instead.
pub type Check = Result<(), String>;

/// Fails with `message` unless `condition` holds.
pub fn ensure(condition: bool, message: impl FnOnce() -> String) -> Check {
    if condition {
        Ok(())
    } else {
        Err(message())
    }
}

/// Waits until the element at `css` exists and its text satisfies `accept`;
/// returns that text.
pub async fn wait_for_text(
    client: &Client,
    css: &str,
    accept: impl Fn(&str) -> bool,
) -> Result<String, String> {
    let start = Instant::now();
    let mut last = None;
    while start.elapsed() < PATIENCE {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            if let Ok(text) = element.text().await {
                if accept(&text) {
                    return Ok(text);
                }
                last = Some(text);
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(match last {
        Some(text) => format!("`{css}` showed {text:?}, not what was expected"),
        None => format!(
            "`{css}` never appeared; the page began {:?}",
            page_start(client).await
        ),
    })
}

/// Waits until the page's address satisfies `accept`; returns it.
pub async fn wait_for_url(
    client: &Client,
    accept: impl Fn(&str) -> bool,
) -> Result<String, String> {
    let start = Instant::now();
    let mut last = String::new();
    while start.elapsed() < PATIENCE {
        if let Ok(url) = client.current_url().await {
            last = url.to_string();
            if accept(&last) {
                return Ok(last);
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("the address stayed {last}"))
}

/// The first few hundred characters of the page's text, to say what it
/// showed instead of what a test waited for.
async fn page_start(client: &Client) -> String {
    let text = match client.find(Locator::Css("body")).await {
        Ok(body) => body.text().await.unwrap_or_default(),
        Err(e) => format!("(no body: {e})"),
    };
    text.chars().take(300).collect()
}

/// All elements matching `css`, right now.
pub async fn find_all(client: &Client, css: &str) -> Result<Vec<Element>, String> {
    client
        .find_all(Locator::Css(css))
        .await
        .map_err(|e| format!("find `{css}`: {e}"))
}

/// Runs `script` in the page and returns what it returns.
pub async fn eval(client: &Client, script: &str) -> Result<serde_json::Value, String> {
    client
        .execute(script, vec![])
        .await
        .map_err(|e| format!("run `{script}`: {e}"))
}

/// Loads `url` in the session's window.
pub async fn open(client: &Client, url: &str) -> Check {
    client
        .goto(url)
        .await
        .map_err(|e| format!("open {url}: {e}"))
}

/// The bundled corpus, loaded with the app's own loader.
pub fn bundled() -> explorer_corpus::Corpus {
    let text = std::fs::read_to_string(root().join("public/data/corpus.json"))
        .expect("read public/data/corpus.json");
    explorer_corpus::load(&text)
        .expect("bundled corpus loads")
        .corpus
}

/// Clicks the element at `xpath`, waiting for it to appear.
pub async fn click(client: &Client, xpath: &str) -> Check {
    let start = Instant::now();
    loop {
        match client.find(Locator::XPath(xpath)).await {
            Ok(element) => {
                // Scrolled to first, as a user would: a block off screen is
                // not laid out (`content-visibility: auto`) until it is near
                // the viewport, and some drivers do not wait for that.
                let _ = client
                    .execute_async(
                        "const [el, done] = arguments;
                         el.scrollIntoView({ block: 'center' });
                         requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                        vec![serde_json::to_value(&element).unwrap_or_default()],
                    )
                    .await;
                return element
                    .click()
                    .await
                    .map_err(|e| format!("click `{xpath}`: {e}"));
            }
            Err(_) if start.elapsed() < PATIENCE => {
                tokio::time::sleep(Duration::from_millis(100)).await
            }
            Err(e) => return Err(format!("`{xpath}` never appeared: {e}")),
        }
    }
}

/// Chooses the file at `path` in the header's "Open a corpus file" input.
pub async fn choose_corpus_file(client: &Client, path: &Path) -> Check {
    client
        .find(Locator::XPath(
            "//label[contains(., 'Open a corpus file')]//input[@type='file']",
        ))
        .await
        .map_err(|e| format!("no file input labelled 'Open a corpus file': {e}"))?
        .send_keys(&path.display().to_string())
        .await
        .map_err(|e| format!("choose {}: {e}", path.display()))
}

/// Drops files on the element at `css`, as a drag from the file manager
/// delivers them: a drop event whose DataTransfer holds each
/// `(name, type, text)`.
pub async fn drop_files(client: &Client, css: &str, files: &[(&str, &str, &str)]) -> Check {
    let files: Vec<serde_json::Value> = files
        .iter()
        .map(|(name, kind, text)| serde_json::json!([name, kind, text]))
        .collect();
    client
        .execute(
            r#"const [css, files] = arguments;
               const data = new DataTransfer();
               for (const [name, type, text] of files) data.items.add(new File([text], name, { type }));
               const target = document.querySelector(css);
               target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
               target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));"#,
            vec![css.into(), files.into()],
        )
        .await
        .map(drop)
        .map_err(|e| format!("drop files on {css}: {e}"))
}
