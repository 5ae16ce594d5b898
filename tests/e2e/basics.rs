//! The first scenarios: the bundled corpus renders at `/` and under a
//! sub-path, a missing, broken or unreachable corpus is reported, and the
//! filters, search, evidence, deep links, history, keyboard, timeline
//! controls, dates and entity pages work on the bundled corpus.

use fantoccini::Client;

use crate::support::server::{BROKEN_CORPUS_SITE, MISSING_CORPUS_SITE, SUB_PATH};
use crate::support::{
    self, bundled, bundled_titles, click, ensure, find_all, open, server, wait_for_text, Check,
};

use crate::facts;
use explorer_corpus::EventKind;

pub async fn titles_render(client: &Client, base: &str) -> Check {
    open(client, &server().url(base)).await?;
    let expected = bundled_titles();
    let heading = format!("Articles ({})", expected.len());
    wait_for_text(client, "#articles-title", |t| t == heading).await?;
    let mut shown = Vec::new();
    for element in find_all(client, ".article-list li h3").await? {
        shown.push(element.text().await.map_err(|e| e.to_string())?);
    }
    ensure(shown == expected, || {
        format!("titles shown {shown:?}, expected {expected:?}")
    })
}

pub async fn missing_corpus(client: &Client) -> Check {
    open(client, &server().url(MISSING_CORPUS_SITE)).await?;
    let text = wait_for_text(client, "[role=alert]", |t| t.contains("404")).await?;
    ensure(text.contains("data/corpus.json"), || {
        format!("the error does not say which file: {text:?}")
    })
}

pub async fn broken_corpus(client: &Client) -> Check {
    open(client, &server().url(BROKEN_CORPUS_SITE)).await?;
    let text = wait_for_text(client, "[role=alert]", |t| {
        t.contains("is not a valid corpus")
    })
    .await?;
    ensure(text.contains("line 1, column"), || {
        format!("the error does not say where: {text:?}")
    })
}

pub async fn wrong_format_by_query(client: &Client) -> Check {
    let url = server().url("/?corpus=fixtures/not-a-corpus.json");
    open(client, &url).await?;
    wait_for_text(client, "[role=alert]", |t| {
        t.contains("fixtures/not-a-corpus.json")
            && t.contains("field \"format\" is \"some-other/format\"")
    })
    .await
    .map(drop)
}

pub async fn unreachable_corpus(client: &Client) -> Check {
    // Port 9 (discard) is closed on loopback, so the request fails before HTTP.
    open(
        client,
        &server().url("/?corpus=http://127.0.0.1:9/corpus.json"),
    )
    .await?;
    wait_for_text(client, "[role=alert]", |t| {
        t.contains("Could not reach http://127.0.0.1:9/corpus.json")
    })
    .await
    .map(drop)
}

pub async fn panic_panel(client: &Client) -> Check {
    open(client, &server().url("/?selftest=panic")).await?;
    wait_for_text(client, ".panic-panel", |t| {
        t.contains("internal error") && t.contains("self-test panic")
    })
    .await
    .map(drop)
}

pub async fn filter_by_kind(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    let all = facts::ALL.heading();
    wait_for_text(client, "#events-title", |t| t == all).await?;
    let expected = facts::CALLS.heading();
    click(
        client,
        "//fieldset[legend='Event kind']//label[span='Telephone call']/input",
    )
    .await?;
    wait_for_text(client, "#events-title", |t| t == expected).await?;
    wait_for_text(
        client,
        "button[aria-label='Remove filter Telephone call']",
        |_| true,
    )
    .await?;
    click(client, "//button[text()='Clear all']").await?;
    wait_for_text(client, "#events-title", |t| t == all)
        .await
        .map(drop)
}

pub async fn search_narrows(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#events-title", |t| t.starts_with("Events")).await?;
    let query = "Sunnylands";
    let input = client
        .find(fantoccini::Locator::Css("input[type=search]"))
        .await
        .map_err(|e| format!("search box: {e}"))?;
    input
        .send_keys(query)
        .await
        .map_err(|e| format!("type in the search box: {e}"))?;
    let heading = facts::SUNNYLANDS.heading();
    wait_for_text(client, "#events-title", |t| t == heading).await?;
    wait_for_text(
        client,
        "button[aria-label='Remove filter text: Sunnylands']",
        |_| true,
    )
    .await?;
    // The address follows once typing pauses, and a filter chosen next is a
    // step that back undoes, back to the query typed.
    support::wait_for_url(client, |u| u.ends_with("?q=Sunnylands")).await?;
    click(
        client,
        "//fieldset[legend='Event kind']//label[span='Visit']/input",
    )
    .await?;
    support::wait_for_url(client, |u| u.contains("kind=042")).await?;
    client.back().await.map_err(|e| format!("back: {e}"))?;
    support::wait_for_url(client, |u| u.ends_with("?q=Sunnylands")).await?;
    wait_for_text(client, "#events-title", |t| t == heading).await?;
    // So too when the filter comes before the pause.
    input
        .clear()
        .await
        .map_err(|e| format!("clear the search box: {e}"))?;
    input
        .send_keys("Putin")
        .await
        .map_err(|e| format!("type in the search box: {e}"))?;
    click(
        client,
        "//fieldset[legend='Event kind']//label[span='Visit']/input",
    )
    .await?;
    support::wait_for_url(client, |u| u.contains("kind=042") && u.contains("q=Putin")).await?;
    client.back().await.map_err(|e| format!("back: {e}"))?;
    support::wait_for_url(client, |u| u.ends_with("?q=Putin"))
        .await
        .map(drop)
}

pub async fn evidence_opens_span(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#events-title", |t| t.starts_with("Events")).await?;
    // The earliest event in the list, and the article of its evidence.
    click(client, "(//ol//button[contains(@class,'event-button')])[1]").await?;
    wait_for_text(client, "#detail-title", |t| {
        t.contains(facts::FIRST_EVENT_DATE)
    })
    .await?;
    click(client, "(//li[@class='evidence']/button)[1]").await?;
    wait_for_text(client, "#reader-title", |t| t == facts::FIRST_EVENT_ARTICLE).await?;
    let sentence = facts::FIRST_EVENT_EVIDENCE;
    // The evidence is marked: its marks, joined, are the sentence.
    let mut marked = String::new();
    for mark in find_all(client, ".article-text .evidence-span").await? {
        marked.push_str(&mark.text().await.map_err(|e| e.to_string())?);
    }
    ensure(marked == sentence, || {
        format!("evidence marked {marked:?}, expected {sentence:?}")
    })?;
    // Mentions are marked by kind, and the legend hides a kind.
    let people = find_all(client, ".article-text mark.kind-person")
        .await?
        .len();
    ensure(people > 0, || "no person mention is marked".to_string())?;
    click(
        client,
        "//div[@class='legend']/button[contains(., 'Person')]",
    )
    .await?;
    let left = find_all(client, ".article-text mark.kind-person")
        .await?
        .len();
    ensure(left == 0, || {
        format!("{left} person marks left after hiding people")
    })
}

pub async fn deep_link(client: &Client) -> Check {
    let corpus = bundled();
    let call = corpus
        .events
        .iter()
        .find(|e| e.kind == EventKind::Telephone)
        .ok_or("no telephone call in the corpus")?;
    let evidence = call.evidence[0];
    let article = corpus.article(evidence.article);
    let url = server().url(&format!(
        "{SUB_PATH}?kind=041&event={}&article={}&span={}-{}",
        call.id, article.id, evidence.span.start, evidence.span.end
    ));
    open(client, &url).await?;
    let heading = facts::CALLS.heading();
    wait_for_text(client, "#events-title", |t| t == heading).await?;
    wait_for_text(client, "#detail-title", |t| t.contains(&call.dates.label())).await?;
    wait_for_text(client, "#reader-title", |t| t == article.title).await?;
    let sentence = article.slice(evidence.span).to_string();
    let mut marked = String::new();
    for mark in find_all(client, ".article-text .evidence-span").await? {
        marked.push_str(&mark.text().await.map_err(|e| e.to_string())?);
    }
    ensure(marked == sentence, || {
        format!("deep link marked {marked:?}, expected {sentence:?}")
    })
}

pub async fn back_and_forward(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    let all = facts::ALL.heading();
    wait_for_text(client, "#events-title", |t| t == all).await?;
    let filtered = facts::VISITS.heading();
    click(
        client,
        "//fieldset[legend='Event kind']//label[span='Visit']/input",
    )
    .await?;
    wait_for_text(client, "#events-title", |t| t == filtered).await?;
    let url = client.current_url().await.map_err(|e| e.to_string())?;
    ensure(url.query() == Some("kind=042"), || {
        format!("the address does not carry the filter: {url}")
    })?;
    client.back().await.map_err(|e| format!("back: {e}"))?;
    wait_for_text(client, "#events-title", |t| t == all).await?;
    client
        .forward()
        .await
        .map_err(|e| format!("forward: {e}"))?;
    wait_for_text(client, "#events-title", |t| t == filtered)
        .await
        .map(drop)
}

pub async fn keyboard(client: &Client) -> Check {
    use fantoccini::key::Key;
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#events-title", |t| t.starts_with("Events")).await?;
    click(client, "(//ol//button[contains(@class,'event-button')])[1]").await?;
    wait_for_text(client, "#detail-title", |_| true).await?;
    let body = client
        .find(fantoccini::Locator::Css("body"))
        .await
        .map_err(|e| e.to_string())?;
    body.send_keys(&char::from(Key::Escape).to_string())
        .await
        .map_err(|e| format!("press Escape: {e}"))?;
    wait_until_gone(client, "#detail-title").await?;
    body.send_keys("/")
        .await
        .map_err(|e| format!("press /: {e}"))?;
    let active = client.active_element().await.map_err(|e| e.to_string())?;
    let id = active.attr("id").await.map_err(|e| e.to_string())?;
    ensure(id.as_deref() == Some("search"), || {
        format!("focus is on {id:?}, not the search box")
    })
}

async fn wait_until_gone(client: &Client, css: &str) -> Check {
    let start = std::time::Instant::now();
    while start.elapsed() < support::PATIENCE {
        if find_all(client, css).await?.is_empty() {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(format!("`{css}` is still there"))
}

pub async fn timeline_controls(client: &Client) -> Check {
    use fantoccini::key::Key;
    open(client, &server().url("/")).await?;
    let initial = wait_for_text(client, ".timeline-window", |t| t.starts_with("Showing")).await?;
    let mut drawn = 0;
    for path in find_all(client, ".timeline-svg .marks path").await? {
        let d = path.attr("d").await.map_err(|e| e.to_string())?;
        drawn += d.map_or(0, |d| d.matches('M').count());
    }
    ensure(drawn > 0, || "the timeline draws nothing".to_string())?;
    // Keyboard: + zooms in, Page Down pans, 0 resets.
    let canvas = client
        .find(fantoccini::Locator::Css(".timeline-canvas"))
        .await
        .map_err(|e| e.to_string())?;
    canvas
        .send_keys("+")
        .await
        .map_err(|e| format!("press +: {e}"))?;
    let zoomed = wait_for_text(client, ".timeline-window", |t| t != initial).await?;
    canvas
        .send_keys(&char::from(Key::PageDown).to_string())
        .await
        .map_err(|e| format!("press Page Down: {e}"))?;
    wait_for_text(client, ".timeline-window", |t| t != zoomed && t != initial).await?;
    canvas
        .send_keys("0")
        .await
        .map_err(|e| format!("press 0: {e}"))?;
    wait_for_text(client, ".timeline-window", |t| t == initial).await?;
    // Buttons zoom too.
    click(client, "//button[text()='Zoom in']").await?;
    wait_for_text(client, ".timeline-window", |t| t != initial).await?;
    // Lanes by person: the busiest person leads.
    let leader = facts::BUSIEST;
    let select = client
        .find(fantoccini::Locator::Css(".timeline-controls select"))
        .await
        .map_err(|e| e.to_string())?;
    select
        .select_by_value("person")
        .await
        .map_err(|e| format!("choose lanes by person: {e}"))?;
    wait_for_text(client, ".timeline-svg .lane-label", |t| {
        t.starts_with(&leader[..leader.len().min(20)])
    })
    .await
    .map(drop)
}

pub async fn dates_and_mentions(client: &Client) -> Check {
    use fantoccini::key::Key;
    use fantoccini::Locator;
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#events-title", |t| t.starts_with("Events")).await?;
    let expected = facts::IN_2019.heading();
    for label in ["From", "To"] {
        let input = client
            .find(Locator::XPath(&format!(
                "//fieldset[legend='Dates']//label[contains(., '{label}')]/input"
            )))
            .await
            .map_err(|e| format!("{label} input: {e}"))?;
        input
            .send_keys(&format!("2019{}", char::from(Key::Tab)))
            .await
            .map_err(|e| format!("type a date: {e}"))?;
    }
    wait_for_text(client, "#events-title", |t| t == expected).await?;
    wait_for_text(
        client,
        "button[aria-label='Remove filter from: 2019-01-01']",
        |_| true,
    )
    .await?;
    // A mention in the reader filters by its entity.
    click(
        client,
        "(//button[@aria-label and starts-with(@aria-label, 'Read: ')])[1]",
    )
    .await?;
    wait_for_text(client, "#reader-title", |_| true).await?;
    let mark = client
        .find(Locator::Css(".article-text mark.kind-person"))
        .await
        .map_err(|e| format!("no person mention: {e}"))?;
    let name_and_kind = mark
        .attr("aria-label")
        .await
        .map_err(|e| e.to_string())?
        .unwrap_or_default();
    // "surface: Canonical Name (Person)"
    let name = name_and_kind
        .split_once(": ")
        .map(|(_, rest)| rest.trim_end_matches(" (Person)").to_string())
        .unwrap_or_default();
    mark.click()
        .await
        .map_err(|e| format!("click a mention: {e}"))?;
    let chip = format!("button[aria-label='Remove filter with: {name}']");
    wait_for_text(client, &chip, |_| true).await.map(drop)
}

pub async fn entity_page(client: &Client) -> Check {
    use fantoccini::Locator;
    open(client, &server().url("/")).await?;
    click(client, "//button[@role='tab' and text()='Entities']").await?;
    let total = format!("{} entities", facts::ENTITIES);
    wait_for_text(client, ".entity-count", |t| t == total).await?;
    let find = client
        .find(Locator::XPath(
            "//label[contains(., 'Find an entity')]/input",
        ))
        .await
        .map_err(|e| format!("entity search box: {e}"))?;
    find.send_keys("putin")
        .await
        .map_err(|e| format!("type an entity name: {e}"))?;
    wait_for_text(client, ".entity-count", |t| t == "1 entities").await?;
    click(client, "//table//button[text()='Vladimir Putin']").await?;
    wait_for_text(client, "#entity-title", |t| t == "Vladimir Putin").await?;
    wait_for_text(client, ".entity-page ul:last-of-type li button", |t| {
        t == facts::PUTIN_PARTNER
    })
    .await?;
    click(
        client,
        "//section[@class='entity-page']//button[starts-with(., 'Show its')]",
    )
    .await?;
    let expected = facts::WITH_PUTIN.heading();
    wait_for_text(client, "#events-title", |t| t == expected)
        .await
        .map(drop)
}
