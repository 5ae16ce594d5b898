//! Reads a corpus, from a URL or from a local file, as a stream of bytes with
//! progress, and hands the text to the domain loader.

use std::fmt;

use gloo_net::http::Request;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableStreamDefaultReader};

use crate::corpus::{self, AnyFile, Diagnostic, LoadError, Loaded, Parsed, Parts};

/// Where the bundled corpus lives, relative to the page so the site works from
/// any sub-path.
pub const BUNDLED_CORPUS_URL: &str = "data/corpus.json";

/// How far a read has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Bytes received so far.
    pub read: u64,
    /// The size announced by the server or the file system, when known.
    pub total: Option<u64>,
}

/// Why a corpus could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The request never got an HTTP answer (offline, refused, blocked).
    Network {
        /// The URL that was requested.
        url: String,
        /// The browser's own explanation.
        message: String,
    },
    /// The server answered with an error status.
    Http {
        /// The URL that was requested.
        url: String,
        /// The HTTP status code.
        status: u16,
        /// The reason phrase, when the server sent one.
        status_text: String,
    },
    /// A local file could not be read.
    File {
        /// The file's name.
        name: String,
        /// The browser's own explanation.
        message: String,
    },
    /// The bytes are not UTF-8 text.
    NotText {
        /// The URL or file name.
        source: String,
        /// Offset of the first byte that is not UTF-8.
        byte: usize,
    },
    /// A split corpus's manifest was opened as a local file, so the parts
    /// beside it cannot be read.
    ManifestFile {
        /// The file's name.
        name: String,
    },
    /// A file to read as articles or a sheet could not be read.
    Import {
        /// The URL or file name.
        source: String,
        /// What the extractor said.
        message: String,
    },
    /// The body arrived but is not a readable corpus.
    Invalid {
        /// The URL or file name.
        url: String,
        /// What is wrong with it and where.
        error: LoadError,
    },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network { url, message } => {
                write!(f, "Could not reach {url}: {message}")
            }
            FetchError::Http {
                url,
                status,
                status_text,
            } => write!(f, "The server answered {status} {status_text} for {url}"),
            FetchError::File { name, message } => write!(f, "Could not read {name}: {message}"),
            FetchError::NotText { source, byte } => write!(
                f,
                "{source} is not UTF-8 text: the byte at offset {byte} cannot start or continue a character"
            ),
            FetchError::ManifestFile { name } => write!(
                f,
                "{name} is the manifest of a split corpus: put it on a web server with its parts and open its address with ?corpus=…, so the parts beside it can be read"
            ),
            FetchError::Import { source, message } => {
                write!(f, "{source} could not be read: {message}")
            }
            FetchError::Invalid { url, error } => {
                write!(f, "{url} is not a valid corpus: {error}")
            }
        }
    }
}

/// A corpus whose article texts are still to be read, part by part.
#[derive(Debug, Clone)]
pub struct Split {
    /// The absolute URLs of the parts, in the manifest's order.
    pub urls: Vec<String>,
    /// What checks and takes in each part.
    pub parts: Parts,
}

/// A corpus as read: whole, or a manifest with its parts to come.
pub type Read = (Loaded, Option<Split>);

/// Downloads and loads the corpus (or manifest) at `url`, reporting bytes as
/// they arrive.
pub async fn fetch_corpus(url: String, progress: impl Fn(Progress)) -> Result<Read, FetchError> {
    let bytes = fetch_bytes(&url, &progress).await?;
    let (loaded, parts) = load_or_import(&url, bytes).await?;
    Ok((
        loaded,
        parts.map(|parts| Split {
            urls: parts.urls.iter().map(|p| resolve(p, &url)).collect(),
            parts,
        }),
    ))
}

/// Loads the corpus held in the page itself (a one-file explorer's).
pub fn load_embedded(source: &str, text: String) -> Result<Read, FetchError> {
    super::perf::mark("ae:corpus-read");
    let size = text.len() as f64;
    let loaded = decode_and_load(source, text)?;
    super::perf::mark_with("ae:corpus-loaded", &[("bytes", size)]);
    // A one-file explorer holds a whole corpus, never a manifest.
    Ok((loaded.0, None))
}

/// A request for one part of a split corpus, already on its way: the
/// browser starts a fetch as soon as it is asked, so the next part downloads
/// while the one before it is checked.
pub struct PartRequest {
    url: String,
    response: Result<js_sys::Promise, String>,
}

/// Starts downloading the part at `url`.
pub fn request_part(url: &str) -> PartRequest {
    PartRequest {
        url: url.to_string(),
        response: web_sys::window()
            .map(|w| w.fetch_with_str(url))
            .ok_or_else(|| "the page has no window".to_string()),
    }
}

/// Waits for a requested part and reads it.
pub async fn receive_part(
    request: PartRequest,
) -> Result<Parsed<corpus::format::PartFile>, FetchError> {
    let PartRequest { url, response } = request;
    let network = |message: String| FetchError::Network {
        url: url.clone(),
        message,
    };
    let response: web_sys::Response = JsFuture::from(response.map_err(network)?)
        .await
        .map_err(|e| network(js_message(e)))?
        .unchecked_into();
    if !response.ok() {
        return Err(FetchError::Http {
            url,
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let body = response
        .array_buffer()
        .map_err(|e| network(js_message(e)))?;
    let buffer = JsFuture::from(body)
        .await
        .map_err(|e| network(js_message(e)))?;
    let text = utf8(&url, Uint8Array::new(&buffer).to_vec())?;
    corpus::parse_part(&text).map_err(|error| FetchError::Invalid { url, error })
}

/// `relative` resolved against `base`, itself taken relative to the page.
fn resolve(relative: &str, base: &str) -> String {
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    web_sys::Url::new_with_base(base, &page)
        .and_then(|b| web_sys::Url::new_with_base(relative, &b.href()))
        .map(|u| u.href())
        .unwrap_or_else(|_| relative.to_string())
}

async fn fetch_bytes(url: &str, progress: &impl Fn(Progress)) -> Result<Vec<u8>, FetchError> {
    let network = |message: String| FetchError::Network {
        url: url.to_string(),
        message,
    };
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| network(e.to_string()))?;
    if !response.ok() {
        return Err(FetchError::Http {
            url: url.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let total = response
        .headers()
        .get("content-length")
        .and_then(|v| v.parse().ok());
    match response.body() {
        Some(stream) => read_stream(stream, total, progress).await.map_err(network),
        None => Ok(Vec::new()),
    }
}

/// Downloads a text file that sits beside the page.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    utf8(url, fetch_bytes(url, &|_| ()).await?)
}

/// Reads and loads a corpus file the user picked or dropped.
pub async fn read_file(
    file: web_sys::File,
    progress: impl Fn(Progress),
) -> Result<Read, FetchError> {
    let name = file.name();
    let bytes = read_stream(file.stream(), Some(file.size() as u64), &progress)
        .await
        .map_err(|message| FetchError::File {
            name: name.clone(),
            message,
        })?;
    match load_or_import(&name, bytes).await? {
        (loaded, None) => Ok((loaded, None)),
        (_, Some(_)) => Err(FetchError::ManifestFile { name }),
    }
}

fn utf8(source: &str, bytes: Vec<u8>) -> Result<String, FetchError> {
    String::from_utf8(bytes).map_err(|e| FetchError::NotText {
        source: source.to_string(),
        byte: e.utf8_error().valid_up_to(),
    })
}

/// Loads a corpus, or, for a file that is not one (a sheet, a scraper's
/// records, articles), has the extractor read it into one.
async fn load_or_import(
    source: &str,
    bytes: Vec<u8>,
) -> Result<(Loaded, Option<Parts>), FetchError> {
    super::perf::mark("ae:corpus-read");
    let size = bytes.len() as f64;
    let text = utf8(source, bytes)?;
    let name = file_name(source);
    if crate::extract::inputs::is_input_name(name) || corpus::is_unformatted_json(&text) {
        let loaded = import(source, name, text).await?;
        super::perf::mark_with("ae:corpus-loaded", &[("bytes", size)]);
        return Ok((loaded, None));
    }
    let loaded = decode_and_load(source, text);
    super::perf::mark_with("ae:corpus-loaded", &[("bytes", size)]);
    loaded
}

/// The last segment of a URL's path, or a file's name.
fn file_name(source: &str) -> &str {
    let path = source.split(['?', '#']).next().unwrap_or(source);
    path.rsplit('/').next().unwrap_or(path)
}

/// The extractor's reading of a file that is not a corpus, as a loaded
/// corpus whose diagnostics say which rows or records it skipped.
async fn import(source: &str, name: &str, text: String) -> Result<Loaded, FetchError> {
    let failed = |message: String| FetchError::Import {
        source: source.to_string(),
        message,
    };
    let reply = super::extractor::import(name, text).await.map_err(failed)?;
    if let Some(error) = reply.error {
        return Err(failed(error));
    }
    let file = reply
        .corpus
        .ok_or_else(|| failed("the extractor sent no corpus".into()))?;
    let prefix = format!("{name}: ");
    let mut said: Vec<Diagnostic> = reply
        .note
        .into_iter()
        .chain(reply.warnings)
        .map(|w| Diagnostic {
            location: name.to_string(),
            message: w.strip_prefix(&prefix).unwrap_or(&w).to_string(),
        })
        .collect();
    let mut loaded = corpus::validate(file);
    said.append(&mut loaded.diagnostics);
    loaded.diagnostics = said;
    Ok(loaded)
}

fn decode_and_load(source: &str, text: String) -> Result<(Loaded, Option<Parts>), FetchError> {
    let file = corpus::parse_any(&text).map_err(|error| FetchError::Invalid {
        url: source.to_string(),
        error,
    });
    // The text is freed before the model is built, which lowers the peak
    // memory of a large corpus by its size.
    drop(text);
    file.map(|parsed| match parsed.file {
        AnyFile::Corpus(file) => (
            Parsed {
                file,
                diagnostics: parsed.diagnostics,
            }
            .validate(),
            None,
        ),
        AnyFile::Manifest(file) => {
            let (loaded, parts) = Parsed {
                file,
                diagnostics: parsed.diagnostics,
            }
            .validate();
            (loaded, Some(parts))
        }
    })
}

/// Drains a byte stream chunk by chunk, calling `progress` after each.
async fn read_stream(
    stream: ReadableStream,
    total: Option<u64>,
    progress: &impl Fn(Progress),
) -> Result<Vec<u8>, String> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let capacity = total.unwrap_or(0).min(1 << 30) as usize;
    let mut bytes = Vec::with_capacity(capacity);
    progress(Progress { read: 0, total });
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(js_message)?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value = Reflect::get(&chunk, &JsValue::from_str("value")).map_err(js_message)?;
        let array = Uint8Array::new(&value);
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
        progress(Progress {
            read: bytes.len() as u64,
            total,
        });
    }
}

fn js_message(value: JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the browser gave no reason".to_string())
}

/// A byte count for people: "812 B", "45.3 kB", "12.8 MB".
pub fn bytes_label(n: u64) -> String {
    match n {
        0..1_000 => format!("{n} B"),
        1_000..1_000_000 => format!("{:.1} kB", n as f64 / 1e3),
        _ => format!("{:.1} MB", n as f64 / 1e6),
    }
}
