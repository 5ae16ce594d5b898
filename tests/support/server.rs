//! A small static HTTP server on loopback for the browser tests.
//!
//! It serves the release `dist/` the way a plain static host would, at `/` and
//! under a sub-path, plus a few "sites" whose corpus is missing, broken or
//! slow to arrive or whose extractor is missing, and the fixture corpora
//! under `/fixtures/`.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;

/// The sub-path under which the site is also published.
pub const SUB_PATH: &str = "/explorer/";
/// A copy of the site whose bundled corpus answers 404.
pub const MISSING_CORPUS_SITE: &str = "/missing/";
/// A copy of the site whose bundled corpus is truncated JSON.
pub const BROKEN_CORPUS_SITE: &str = "/broken/";
/// A copy of the site published without the extractor's worker files.
pub const NO_EXTRACTOR_SITE: &str = "/no-extractor/";
/// A copy of the site whose bundled corpus arrives slowly, in pieces.
pub const SLOW_CORPUS_SITE: &str = "/slow/";
/// How many pieces the slow site sends the corpus in, one per [`SLOW_PAUSE`].
const SLOW_PIECES: usize = 10;
const SLOW_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

const CORPUS_PATH: &str = "data/corpus.json";

/// The body served in place of the corpus on the broken site: cut off mid-way.
pub const BROKEN_CORPUS_BODY: &str =
    "{\"format\": \"article-explorer/corpus\", \"version\": 1, \"articles\": [{\"id\": ";

/// A running server; it lives until the test process ends.
pub struct StaticServer {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub origin: String,
}

impl StaticServer {
    /// Starts serving `dist` and `fixtures` on a free loopback port.
    pub fn start(dist: PathBuf, fixtures: PathBuf) -> StaticServer {
        StaticServer::with_mounts(dist, vec![("/fixtures/".to_string(), fixtures)])
    }

    /// Starts serving `dist`, and each folder under its URL prefix (which
    /// starts and ends with `/`).
    pub fn with_mounts(dist: PathBuf, mounts: Vec<(String, PathBuf)>) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let mounts = std::sync::Arc::new(mounts);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (dist, mounts) = (dist.clone(), mounts.clone());
                thread::spawn(move || {
                    let _ = handle(stream, &dist, &mounts);
                });
            }
        });
        StaticServer { origin }
    }

    /// The absolute URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.origin, path)
    }
}

fn handle(stream: TcpStream, dist: &Path, mounts: &[(String, PathBuf)]) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them changes the answer.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (status, content_type, body) = route(path, dist, mounts);
    let slow = path == format!("{SLOW_CORPUS_SITE}{CORPUS_PATH}");
    respond(stream, status, content_type, &body, slow)
}

fn route(
    path: &str,
    dist: &Path,
    mounts: &[(String, PathBuf)],
) -> (&'static str, &'static str, Vec<u8>) {
    for (prefix, root) in mounts {
        if let Some(rest) = path.strip_prefix(prefix.as_str()) {
            return file(root, rest);
        }
    }
    if let Some(rest) = path.strip_prefix(SLOW_CORPUS_SITE) {
        return file(dist, rest);
    }
    if let Some(rest) = path.strip_prefix(NO_EXTRACTOR_SITE) {
        if rest.starts_with("extract-worker") {
            return not_found();
        }
        return file(dist, rest);
    }
    for site in [MISSING_CORPUS_SITE, BROKEN_CORPUS_SITE] {
        if let Some(rest) = path.strip_prefix(site) {
            if rest == CORPUS_PATH {
                return if site == MISSING_CORPUS_SITE {
                    not_found()
                } else {
                    ("200 OK", "application/json", BROKEN_CORPUS_BODY.into())
                };
            }
            return file(dist, rest);
        }
    }
    let rest = path
        .strip_prefix(SUB_PATH)
        .or_else(|| path.strip_prefix('/'))
        .unwrap_or(path);
    file(dist, rest)
}

fn file(root: &Path, relative: &str) -> (&'static str, &'static str, Vec<u8>) {
    let relative = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_string()
    };
    let relative = Path::new(&relative);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return not_found();
    }
    match std::fs::read(root.join(relative)) {
        Ok(body) => ("200 OK", content_type(relative), body),
        Err(_) => not_found(),
    }
}

fn not_found() -> (&'static str, &'static str, Vec<u8>) {
    (
        "404 Not Found",
        "text/plain; charset=utf-8",
        b"not found".to_vec(),
    )
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("mjs") => "text/javascript; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(
    mut stream: TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    slow: bool,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if slow {
        for piece in body.chunks(body.len().div_ceil(SLOW_PIECES).max(1)) {
            stream.write_all(piece)?;
            stream.flush()?;
            thread::sleep(SLOW_PAUSE);
        }
        return Ok(());
    }
    stream.write_all(body)?;
    stream.flush()
}
