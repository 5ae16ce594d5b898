//! A corpus longer than a page: the lists grow a page at a time, and a query
//! typed at once applies when the search index (built after the first paint)
//! is ready.

use std::sync::OnceLock;

use fantoccini::Client;

use explorer_cli::synthetic::generate;
use explorer_corpus::{load, Corpus, EventIx};
use explorer_query::facets::{self, Filters};
use explorer_query::search::{tokens, Index};
use explorer_query::timeline;

use crate::support::{click, ensure, find_all, generated_dir, open, server, wait_for_text, Check};

const ARTICLES: usize = 250;
const SEED: u64 = 7;

/// Writes the generated corpus once per test run (the engines run side by
/// side and must never read a file another is rewriting) and returns it as
/// the app will load it.
fn corpus() -> Corpus {
    static JSON: OnceLock<String> = OnceLock::new();
    let json = JSON.get_or_init(|| {
        let json = serde_json::to_string(&generate(ARTICLES, SEED)).expect("serialise");
        let dir = generated_dir();
        let partial = dir.join(format!("corpus-{ARTICLES}.json.partial"));
        std::fs::write(&partial, &json).expect("write the generated corpus");
        std::fs::rename(&partial, dir.join(format!("corpus-{ARTICLES}.json")))
            .expect("move the generated corpus into place");
        json
    });
    load(json).expect("generated corpus loads").corpus
}

async fn count(client: &Client, css: &str) -> Result<usize, String> {
    Ok(find_all(client, css).await?.len())
}

pub async fn paging(client: &Client) -> Check {
    // Writes the file the page opens.
    corpus();
    // The generator writes no host's record of a visit (043), so no two of
    // its events are one timeline item: the heading counts the events the
    // file holds.
    let file = generate(ARTICLES, SEED);
    ensure(file.events.iter().all(|e| e.kind != "043"), || {
        "the generated corpus has a 043, which may merge with a visit: \
         its heading is no longer its number of events"
            .into()
    })?;
    let items = file.events.len();
    ensure(items > 200, || format!("only {items} events generated"))?;
    open(client, &server().url("/?corpus=generated/corpus-250.json")).await?;
    wait_for_text(client, "#articles-title", |t| t == "Articles (250)").await?;

    let rows = count(client, "li.article-item").await?;
    ensure(rows == 100, || {
        format!("{rows} article rows shown at first, not 100")
    })?;
    let more = wait_for_text(client, "#articles-title ~ .more", |_| true).await?;
    ensure(more.contains("Showing 100 of 250 articles"), || {
        format!("the article list says {more:?}")
    })?;
    click(client, "//button[text()='Show 100 more articles']").await?;
    wait_for_text(client, "#articles-title ~ .more", |t| {
        t.contains("Showing 200 of 250")
    })
    .await?;
    click(client, "//button[text()='Show 50 more articles']").await?;
    wait_for_text(client, "#articles-title", |_| true).await?;
    let start = std::time::Instant::now();
    while count(client, "li.article-item").await? != ARTICLES {
        ensure(start.elapsed().as_secs() < 10, || {
            "the last page of articles never appeared".into()
        })?;
    }
    ensure(
        find_all(client, "#articles-title ~ .more")
            .await?
            .is_empty(),
        || "\"show more\" stays after the whole list is shown".into(),
    )?;

    let events = count(client, "li.event-row").await?;
    ensure(events == 100, || {
        format!("{events} event rows shown at first, not 100")
    })?;
    let heading = format!("Events ({items})");
    wait_for_text(client, "#events-title", |t| t == heading).await?;
    Ok(())
}

/// A word of `article`'s text that narrows the events without emptying
/// them, with the number of timeline items it leaves.
pub fn narrowing_word(corpus: &Corpus, article: usize) -> Result<(String, usize), String> {
    let index = Index::build(corpus);
    let all: Vec<EventIx> = (0..corpus.events.len() as u32).map(EventIx).collect();
    let total = timeline::items(corpus, &all).len();
    let events_for = |query: &str| {
        let matches = index.search(query).into_iter().map(|h| h.article).collect();
        let filtered = facets::apply(corpus, &Filters::default(), Some(&matches));
        timeline::items(corpus, &filtered.events).len()
    };
    tokens(corpus.articles[article].text())
        .into_iter()
        .map(|(word, _)| {
            let n = events_for(&word);
            (word, n)
        })
        .find(|&(_, n)| n > 0 && n < total)
        .ok_or_else(|| format!("no word of article {article} narrows the events"))
}

/// A query in the link is applied once the index is built.
pub async fn query_before_index(client: &Client) -> Check {
    let (query, expected) = narrowing_word(&corpus(), 0)?;
    open(
        client,
        &server().url(&format!("/?corpus=generated/corpus-250.json&q={query}")),
    )
    .await?;
    let heading = format!("Events ({expected})");
    wait_for_text(client, "#events-title", |t| t == heading).await?;
    let placeholder = client
        .find(fantoccini::Locator::Css("#search"))
        .await
        .map_err(|e| format!("search box: {e}"))?
        .attr("placeholder")
        .await
        .map_err(|e| e.to_string())?
        .unwrap_or_default();
    ensure(placeholder == "Names, places, words…", || {
        format!("the search box still says {placeholder:?} once the index is ready")
    })
}
