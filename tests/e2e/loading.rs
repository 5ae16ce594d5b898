//! Opening a corpus other than the bundled one: by file picker, by dropping a
//! file on the page, and the progress shown while a slow corpus arrives.

use std::time::{Duration, Instant};

use fantoccini::Client;

use crate::support::server::SLOW_CORPUS_SITE;
use crate::support::{
    bundled_titles, choose_corpus_file, drop_files, ensure, open, root, server, wait_for_text,
    Check,
};

/// The small valid corpus among the malformed-corpus fixtures.
const VALID: &str = "tests/fixtures/malformed/valid.json";

pub async fn file_picker(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#articles-title", |t| t.starts_with("Articles (")).await?;
    choose_corpus_file(client, &root().join(VALID)).await?;
    wait_for_text(client, ".corpus-source code", |t| {
        t == "valid.json (local file)"
    })
    .await?;
    wait_for_text(client, "#articles-title", |t| t == "Articles (1)").await?;
    wait_for_text(client, ".article-list li h3", |t| t == "Xi in Moscow")
        .await
        .map(drop)
}

pub async fn drop_a_file(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#articles-title", |t| t.starts_with("Articles (")).await?;
    let text = std::fs::read_to_string(root().join(VALID)).map_err(|e| e.to_string())?;
    drop_files(
        client,
        "main",
        &[("dropped.json", "application/json", &text)],
    )
    .await?;
    wait_for_text(client, ".corpus-source code", |t| {
        t == "dropped.json (local file)"
    })
    .await?;
    wait_for_text(client, ".article-list li h3", |t| t == "Xi in Moscow")
        .await
        .map(drop)
}

pub async fn progress_while_loading(client: &Client) -> Check {
    open(client, &server().url(SLOW_CORPUS_SITE)).await?;
    let size = std::fs::metadata(root().join("public/data/corpus.json"))
        .map_err(|e| e.to_string())?
        .len();
    // Seen while the pieces arrive: some bytes, not all, out of the total.
    let start = Instant::now();
    let mut seen = Vec::new();
    let partial = loop {
        if start.elapsed() > Duration::from_secs(20) {
            return Err(format!("no partial progress shown; saw {seen:?}"));
        }
        let shown = client
            .execute(
                "const s = document.querySelector('main [role=status]');
                 const p = document.querySelector('main progress');
                 return s && p ? [s.textContent, p.value, p.max] : null;",
                vec![],
            )
            .await
            .map_err(|e| format!("read the progress: {e}"))?;
        if let Some([text, value, max]) = shown.as_array().map(Vec::as_slice) {
            let text = text.as_str().unwrap_or_default().to_string();
            let (value, max) = (value.as_f64().unwrap_or(0.0), max.as_f64().unwrap_or(0.0));
            if value > 0.0 && value < max {
                break (text, value, max);
            }
            let shown = format!("{text} [{value}/{max}]");
            if seen.last() != Some(&shown) {
                seen.push(shown);
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let (text, _, max) = partial;
    ensure(max as u64 == size && text.contains(" of "), || {
        format!("progress showed {text:?} with max {max}, expected a total of {size} bytes")
    })?;
    let heading = format!("Articles ({})", bundled_titles().len());
    wait_for_text(client, "#articles-title", |t| t == heading)
        .await
        .map(drop)
}

pub async fn diagnostics_and_empty(client: &Client) -> Check {
    // What the loader dropped is listed, collapsed, with the reason.
    open(
        client,
        &server().url("/?corpus=fixtures/malformed/offset-past-end.json"),
    )
    .await?;
    wait_for_text(client, ".diagnostics summary", |t| {
        t == "1 item(s) dropped or repaired while loading"
    })
    .await?;
    crate::support::click(client, "//details[@class='diagnostics']/summary").await?;
    wait_for_text(client, ".diagnostics li", |t| {
        t == "mention #1 (article \"a1\"): span 13..99 ends past the end of the text (36 code points); the mention was dropped"
    })
    .await?;
    // A corpus with nothing in it says so.
    open(client, &server().url("/?corpus=fixtures/empty.json")).await?;
    wait_for_text(client, ".corpus-empty", |t| {
        t.contains("holds no articles and no events")
    })
    .await
    .map(drop)
}

/// An article of the wrong shape costs that article alone: the other is
/// listed, and the dropped one is named with its field.
pub async fn an_item_of_the_wrong_shape(client: &Client) -> Check {
    open(
        client,
        &server().url("/?corpus=fixtures/malformed/null-title.json"),
    )
    .await?;
    wait_for_text(client, "#articles-title", |t| t == "Articles (1)").await?;
    wait_for_text(client, ".article-list li h3", |t| t == "Xi in Moscow").await?;
    wait_for_text(client, ".diagnostics summary", |t| {
        t == "2 item(s) dropped or repaired while loading"
    })
    .await?;
    crate::support::click(client, "//details[@class='diagnostics']/summary").await?;
    wait_for_text(client, ".diagnostics li", |t| {
        t == "article #1 (\"a2\") field \"title\": invalid type: null, expected a string (line 15, column 16); the article was dropped"
    })
    .await
    .map(drop)
}
