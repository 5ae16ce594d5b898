//! A split corpus: the manifest paints the timeline, the parts bring the
//! article texts after, and a part that cannot be read is named while the
//! rest still arrives.

use std::path::Path;
use std::sync::OnceLock;

use fantoccini::Client;

use explorer_cli::synthetic::generate;
use explorer_corpus::{load, split, Corpus};

use crate::support::{ensure, generated_dir, open, server, wait_for_text, Check};

const ARTICLES: usize = 250;
const PER_PART: usize = 50;

/// Writes the split corpus once per run into `target/generated/split-250/`,
/// and a copy whose third part is missing into `split-250-broken/`; returns
/// the corpus as a whole.
fn corpus() -> Corpus {
    static JSON: OnceLock<String> = OnceLock::new();
    let json = JSON.get_or_init(|| {
        let file = generate(ARTICLES, 11);
        let json = serde_json::to_string(&file).expect("serialise");
        let (manifest, parts) = split(file, PER_PART, |i| format!("part-{i:04}.json"));
        for (name, skip) in [("split-250", None), ("split-250-broken", Some(2))] {
            let dir = generated_dir().join(name);
            let building = generated_dir().join(format!("{name}.partial"));
            let _ = std::fs::remove_dir_all(&building);
            std::fs::create_dir_all(&building).expect("create the split corpus folder");
            write(&building.join("manifest.json"), &manifest);
            for (i, part) in parts.iter().enumerate() {
                if Some(i) != skip {
                    write(&building.join(&manifest.parts[i]), part);
                }
            }
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::rename(&building, &dir).expect("move the split corpus into place");
        }
        json
    });
    load(json).expect("generated corpus loads").corpus
}

fn write(path: &Path, value: &impl serde::Serialize) {
    std::fs::write(path, serde_json::to_string(value).expect("serialise"))
        .expect("write a split corpus file");
}

/// The first words of an article's text, as the reader shows them.
fn opening(corpus: &Corpus, article: usize) -> String {
    corpus.articles[article].text().chars().take(40).collect()
}

/// The timeline and lists come from the manifest; a query narrows the events
/// once every part is read and indexed; an article of the last part opens
/// with its text.
pub async fn reads_its_parts(client: &Client) -> Check {
    let corpus = corpus();
    let last = ARTICLES - 1;
    let (query, expected) = crate::large::narrowing_word(&corpus, last)?;
    let article = &corpus.articles[last].id;
    open(
        client,
        &server().url(&format!(
            "/?corpus=generated/split-250/manifest.json&q={query}&article={article}"
        )),
    )
    .await?;
    wait_for_text(client, "#articles-title", |t| t == "Articles (250)").await?;
    let start = opening(&corpus, last);
    wait_for_text(client, ".reader .article-text", |t| t.starts_with(&start)).await?;
    let heading = format!("Events ({expected})");
    wait_for_text(client, "#events-title", |t| t == heading).await?;
    let dropped = crate::support::find_all(client, ".diagnostics").await?;
    ensure(dropped.is_empty(), || {
        "a clean split corpus lists dropped items".into()
    })
}

/// A missing part is named in the dropped items, its article says its text
/// could not be read, and the other parts' articles open.
pub async fn a_missing_part_is_named(client: &Client) -> Check {
    let corpus = corpus();
    let lost = &corpus.articles[2 * PER_PART].id;
    open(
        client,
        &server().url(&format!(
            "/?corpus=generated/split-250-broken/manifest.json&article={lost}"
        )),
    )
    .await?;
    wait_for_text(client, ".reader .reader-waiting", |t| {
        t.starts_with("This article's text could not be read")
    })
    .await?;
    wait_for_text(client, ".diagnostics summary", |t| {
        t == "1 item(s) dropped or repaired while loading"
    })
    .await?;
    crate::support::click(client, "//details[@class='diagnostics']/summary").await?;
    let said = wait_for_text(client, ".diagnostics li", |_| true).await?;
    ensure(
        said.starts_with("part part-0002.json: The server answered 404")
            && said.ends_with(&format!("its {PER_PART} article(s) are shown without text")),
        || format!("the dropped part is described as {said:?}"),
    )?;
    // Saving would write those articles without their text: refused, saying
    // why. Exporting the events goes ahead once the parts have settled.
    crate::support::click(client, "//details[@class='paste-panel']/summary").await?;
    crate::support::click(client, "//button[text()='Save this corpus (JSON)']").await?;
    wait_for_text(client, ".paste-added", |t| {
        t.starts_with(&format!(
            "The texts of {PER_PART} article(s) could not be read"
        ))
    })
    .await?;
    let export = client
        .find(fantoccini::Locator::XPath("//button[text()='Export CSV']"))
        .await
        .map_err(|e| format!("no export button: {e}"))?;
    ensure(
        export
            .attr("disabled")
            .await
            .map_err(|e| e.to_string())?
            .is_none(),
        || "export stays disabled after the parts settled".to_string(),
    )?;
    let kept = &corpus.articles[3 * PER_PART].id;
    open(
        client,
        &server().url(&format!(
            "/?corpus=generated/split-250-broken/manifest.json&article={kept}"
        )),
    )
    .await?;
    let start = opening(&corpus, 3 * PER_PART);
    wait_for_text(client, ".reader .article-text", |t| t.starts_with(&start))
        .await
        .map(drop)
}

/// Another corpus opened while the parts are still being read takes over
/// cleanly (the reading stops, nothing panics); a manifest opened as a local
/// file is refused, saying why.
pub async fn another_corpus_meanwhile(client: &Client) -> Check {
    corpus();
    open(
        client,
        &server().url("/?corpus=generated/split-250/manifest.json"),
    )
    .await?;
    wait_for_text(client, "#articles-title", |t| t == "Articles (250)").await?;
    crate::support::choose_corpus_file(
        client,
        &crate::support::root().join("tests/fixtures/malformed/valid.json"),
    )
    .await?;
    wait_for_text(client, ".article-list li h3", |t| t == "Xi in Moscow").await?;
    // Long enough for the old corpus's reading to notice it is gone.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let panics = crate::support::find_all(client, ".panic-panel").await?;
    ensure(panics.is_empty(), || {
        "a panic after replacing a split corpus mid-read".into()
    })?;
    crate::support::choose_corpus_file(client, &generated_dir().join("split-250/manifest.json"))
        .await?;
    wait_for_text(client, ".load-failure-message", |t| {
        t.starts_with("manifest.json is the manifest of a split corpus")
    })
    .await
    .map(drop)
}
