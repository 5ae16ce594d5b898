//! The overview: the per-year chart narrows the dates, the top participants
//! match the corpus, and the "40 meetings" claim sits beside the real count.

use fantoccini::Client;

use article_explorer::corpus::EventIx;
use article_explorer::dates::PartialDate;
use article_explorer::facets::Filters;
use article_explorer::overview::{claim_checks, per_year, top_participants};
use article_explorer::timeline;

use crate::expected_events;
use crate::support::{bundled, click, ensure, find_all, open, server, wait_for_text, Check};

pub async fn overview(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    let corpus = bundled();
    let all: Vec<EventIx> = (0..corpus.events.len() as u32).map(EventIx).collect();
    let items = timeline::items(&corpus, &all);

    // The counting claim, beside what the corpus holds.
    let check = claim_checks(&corpus, &items)
        .into_iter()
        .find(|c| c.claimed == 40)
        .ok_or("the bundled corpus has no '40 times' claim")?;
    let held = format!("This corpus holds {} in-person meeting(s)", check.held);
    let text = wait_for_text(client, ".overview .claim", |t| t.contains("Claimed: 40")).await?;
    ensure(text.contains(&held), || {
        format!("claim shows {text:?}, expected {held:?}")
    })?;

    // The first of the top participants.
    let (top, count) = top_participants(&corpus, &items, 1)[0];
    let first = wait_for_text(client, ".top-participants li", |t| !t.is_empty()).await?;
    let name = &corpus.entity(top).name;
    ensure(
        first.contains(name.as_str()) && first.contains(&count.to_string()),
        || format!("top participant shows {first:?}, expected {name} with {count}"),
    )?;

    // A year's bar narrows the date window to that year.
    let years = per_year(&items);
    let bars = find_all(client, ".year-chart .year-bar").await?;
    ensure(bars.len() == years.len(), || {
        format!("{} bars for {} years", bars.len(), years.len())
    })?;
    let year = 2019;
    click(
        client,
        &format!(
            "//*[@role='button' and starts-with(@aria-label, '{year}:')]/*[@class='year-fill']"
        ),
    )
    .await?;
    let y = PartialDate::year(year);
    let filters = Filters {
        from: Some(y.first_day()),
        to: Some(y.last_day()),
        ..Filters::default()
    };
    let expected = format!("Events ({})", expected_events(&filters, ""));
    wait_for_text(client, "#events-title", |t| t == expected).await?;
    wait_for_text(
        client,
        "button[aria-label='Remove filter from: 2019-01-01']",
        |_| true,
    )
    .await
    .map(drop)
}
