//! Fetches a corpus over HTTP and hands the text to the domain loader.

use std::fmt;

use gloo_net::http::Request;

use crate::corpus::{self, LoadError, Loaded};

/// Where the bundled corpus lives, relative to the page so the site works from
/// any sub-path.
pub const BUNDLED_CORPUS_URL: &str = "data/corpus.json";

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
    /// The body arrived but is not a readable corpus.
    Invalid {
        /// The URL that was requested.
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
            FetchError::Invalid { url, error } => {
                write!(f, "{url} is not a valid corpus: {error}")
            }
        }
    }
}

/// Downloads and loads the corpus at `url`.
pub async fn fetch_corpus(url: String) -> Result<Loaded, FetchError> {
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|e| FetchError::Network {
            url: url.clone(),
            message: e.to_string(),
        })?;
    if !response.ok() {
        return Err(FetchError::Http {
            url,
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let text = response.text().await.map_err(|e| FetchError::Network {
        url: url.clone(),
        message: e.to_string(),
    })?;
    corpus::load(&text).map_err(|error| FetchError::Invalid { url, error })
}
