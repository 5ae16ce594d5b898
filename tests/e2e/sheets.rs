//! Files that are not corpora open as corpora: a TimelineJS sheet by its
//! address, our own event sheet with the file picker, and a scraper's JSON
//! Lines dropped on the page. The extractor's worker reads each; the counts
//! are those of the fixtures in `tests/fixtures/sheets/` and
//! `tests/fixtures/scraped/`.

use fantoccini::Client;

use crate::support::{
    choose_corpus_file, click, drop_files, find_all, open, root, server, wait_for_text, Check,
};

/// Waits until some element at `css` has exactly the text `want`.
async fn wait_for_any(client: &Client, css: &str, want: &str) -> Check {
    let start = std::time::Instant::now();
    let mut seen = Vec::new();
    while start.elapsed() < crate::support::PATIENCE {
        seen.clear();
        for element in find_all(client, css).await? {
            seen.push(element.text().await.unwrap_or_default());
        }
        if seen.iter().any(|t| t == want) {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    Err(format!("no `{css}` showed {want:?}; they showed {seen:?}"))
}

pub async fn timelinejs_sheet(client: &Client) -> Check {
    open(
        client,
        &server().url("/?corpus=fixtures/sheets/russia-north-korea.csv"),
    )
    .await?;
    // One article (the sheet), four dated rows; the row with month 14 is
    // named, and so is the publication date that the latest row gave.
    wait_for_text(client, "#articles-title", |t| t == "Articles (1)").await?;
    wait_for_text(client, "#events-title", |t| t == "Events (4)").await?;
    wait_for_text(client, ".article-list li h3", |t| {
        t == "Summits between Russia and North Korea"
    })
    .await?;
    // Each row at the precision its cells give: a row with a year and a
    // month is that month, not its first day.
    let want = ["Jul 2000", "25–26 Apr 2019", "13 Sep 2023", "19 Jun 2024"];
    let mut dates = Vec::new();
    for d in find_all(client, ".event-list .event-date").await? {
        dates.push(d.text().await.map_err(|e| e.to_string())?);
    }
    if dates != want {
        return Err(format!("the events are dated {dates:?}, not {want:?}"));
    }
    // The Group column makes the lanes, which the sheet opens with.
    let mut lanes = Vec::new();
    for l in find_all(client, ".timeline-svg .lane-label").await? {
        lanes.push(l.text().await.map_err(|e| e.to_string())?);
    }
    // A label's text may include its tooltip's, so only its start counts.
    let want = ["Visits by Kim", "Visits by Putin"];
    if lanes.len() != want.len() || !lanes.iter().zip(want).all(|(l, w)| l.starts_with(w)) {
        return Err(format!("the lanes are {lanes:?}, not the sheet's groups"));
    }
    let select = client
        .find(fantoccini::Locator::Css(".timeline-controls select"))
        .await
        .map_err(|e| e.to_string())?;
    let chosen = select
        .prop("value")
        .await
        .map_err(|e| e.to_string())?
        .unwrap_or_default();
    if chosen != "group" {
        return Err(format!("the lanes select shows {chosen:?}, not \"group\""));
    }
    wait_for_text(client, ".diagnostics summary", |t| {
        t == "2 item(s) dropped or repaired while loading"
    })
    .await?;
    click(client, "//details[@class='diagnostics']/summary").await?;
    wait_for_any(
        client,
        ".diagnostics li",
        "russia-north-korea.csv: row 7, column \"Month\": \"14\" is not a month; row skipped",
    )
    .await
}

pub async fn event_sheet_by_file_picker(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#articles-title", |t| t.starts_with("Articles (")).await?;
    choose_corpus_file(client, &root().join("tests/fixtures/sheets/events.csv")).await?;
    wait_for_text(client, ".corpus-source code", |t| {
        t == "events.csv (local file)"
    })
    .await?;
    // Three good rows, each its own article; the fourth's date is named.
    wait_for_text(client, "#articles-title", |t| t == "Articles (3)").await?;
    wait_for_text(client, "#events-title", |t| t == "Events (3)").await?;
    wait_for_any(client, "fieldset label span", "Telephone call").await?;
    click(client, "//details[@class='diagnostics']/summary").await?;
    wait_for_any(
        client,
        ".diagnostics li",
        "events.csv: row 5, column \"date\": \"2023-13-01\" is not a date (month 13 does not exist); row skipped",
    )
    .await
}

pub async fn dropped_scraper_records(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#articles-title", |t| t.starts_with("Articles (")).await?;
    let text = std::fs::read_to_string(root().join("tests/fixtures/scraped/news-please.jsonl"))
        .map_err(|e| e.to_string())?;
    drop_files(
        client,
        "main",
        &[("news-please.jsonl", "application/jsonl", &text)],
    )
    .await?;
    wait_for_text(client, ".corpus-source code", |t| {
        t == "news-please.jsonl (local file)"
    })
    .await?;
    // Two records read, the broken one named by its line.
    wait_for_text(client, "#articles-title", |t| t == "Articles (2)").await?;
    wait_for_any(client, ".article-list li h3", "Modi arrives in Moscow").await?;
    click(client, "//details[@class='diagnostics']/summary").await?;
    wait_for_any(
        client,
        ".diagnostics li",
        "news-please.jsonl: line 2: line 1, column 39: EOF while parsing a value; record skipped",
    )
    .await
}
