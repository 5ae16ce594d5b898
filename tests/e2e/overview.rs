//! The overview: the per-year chart narrows the dates, the top participants
//! match the corpus, and the "40 meetings" claim sits beside the real count.

use fantoccini::Client;

use crate::facts;
use crate::support::{click, ensure, find_all, open, server, wait_for_text, Check};

pub async fn overview(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    click(client, "//button[@role='tab' and text()='Overview']").await?;

    // The counting claim, beside what the corpus holds.
    let held = format!(
        "This corpus holds {} in-person meeting(s)",
        facts::CLAIM_HELD.count()
    );
    let claimed = format!("Claimed: {}", facts::CLAIMED);
    let text = wait_for_text(client, ".overview .claim", |t| t.contains(&claimed)).await?;
    ensure(text.contains(&held), || {
        format!("claim shows {text:?}, expected {held:?}")
    })?;

    // The first of the top participants.
    let (name, count) = (facts::BUSIEST, facts::BUSIEST_ITEMS.count());
    let first = wait_for_text(client, ".top-participants li", |t| !t.is_empty()).await?;
    ensure(
        first.contains(name) && first.contains(&count.to_string()),
        || format!("top participant shows {first:?}, expected {name} with {count}"),
    )?;

    // A bar for every year from the first to the last, and a year's bar
    // narrows the date window to that year.
    let years = (facts::LAST_YEAR - facts::FIRST_YEAR + 1) as usize;
    let bars = find_all(client, ".year-chart .year-bar").await?;
    ensure(bars.len() == years, || {
        format!(
            "{} bars for the {years} years {} to {}",
            bars.len(),
            facts::FIRST_YEAR,
            facts::LAST_YEAR
        )
    })?;
    let year = 2019;
    click(
        client,
        &format!(
            "//*[@role='button' and starts-with(@aria-label, '{year}:')]/*[@class='year-fill']"
        ),
    )
    .await?;
    click(client, "//button[@role='tab' and text()='Events']").await?;
    let expected = facts::IN_2019.heading();
    wait_for_text(client, "#events-title", |t| t == expected).await?;
    wait_for_text(
        client,
        "button[aria-label='Remove filter from: 2019-01-01']",
        |_| true,
    )
    .await
    .map(drop)
}
