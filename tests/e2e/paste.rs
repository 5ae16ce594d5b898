//! The "add an article" panel: paste an article, see its mentions and events,
//! fix an entity's kind, drop an event, and add the article to the corpus in
//! view. What the panel should show is worked out with the same extractor, run
//! natively here; the events heading once the article is added is a fact of
//! the bundled corpus (`facts::AFTER_PASTE`).

use fantoccini::{Client, Locator};

use explorer_corpus as corpus;
use explorer_corpus::dates::PartialDate;
use explorer_extract::gazetteer::Gazetteer;
use explorer_extract::{extract, Document};

use crate::facts;
use crate::support::server::NO_EXTRACTOR_SITE;
use crate::support::{
    bundled, click, drop_files, ensure, find_all, open, root, server, wait_for_text, Check,
};

const TITLE: &str = "Xi starts a state visit to Russia";
const PUBLISHED: &str = "2023-03-22";
// One paragraph: engines differ in what a typed line break puts in a text area.
const TEXT: &str = "Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state visit to Russia. Xi and Russian President Vladimir Putin held talks at the Kremlin on Tuesday. Xi first visited Russia as president in March 2013.";

/// Types `text` into the field labelled `label`.
async fn fill(client: &Client, label: &str, text: &str) -> Check {
    let field = client
        .find(Locator::XPath(&format!(
            "//details[contains(@class,'paste-panel')]//label[contains(., '{label}')]//*[self::input or self::textarea]"
        )))
        .await
        .map_err(|e| format!("no field labelled {label:?}: {e}"))?;
    field
        .send_keys(text)
        .await
        .map_err(|e| format!("type into {label:?}: {e}"))
}

pub async fn paste_an_article(client: &Client) -> Check {
    // What the page will find: the same extractor over the same gazetteer.
    let bundled = bundled();
    let read = |name: &str| {
        std::fs::read_to_string(root().join("public/data").join(name)).map_err(|e| e.to_string())
    };
    let (list, places, regions) = (
        read("gazetteer.json")?,
        read("places.json")?,
        read("regions.json")?,
    );
    let (gazetteer, _) = Gazetteer::build(
        &corpus::entity_records(&bundled),
        &[
            ("gazetteer", &list),
            ("places", &places),
            ("regions", &regions),
        ],
    )?;
    let doc = Document {
        id: "added".into(),
        title: TITLE.into(),
        source: "Desk".into(),
        url: None,
        published: PartialDate::parse(PUBLISHED).map_err(|e| e.to_string())?,
        language: "en".into(),
        text: TEXT.into(),
        given: None,
        slides: Vec::new(),
    };
    let mut found = extract(&[doc], &gazetteer, |_| {}).corpus;
    ensure(found.events.len() >= 2, || {
        format!(
            "the extractor finds {} events in the sample",
            found.events.len()
        )
    })?;

    open(client, &server().url("/")).await?;
    let before = format!("Articles ({})", bundled.articles.len());
    wait_for_text(client, "#articles-title", |t| t == before).await?;
    click(client, "//summary[text()='Add an article']").await?;
    fill(client, "Title", TITLE).await?;
    fill(client, "Source", "Desk").await?;
    fill(client, "Published", PUBLISHED).await?;
    fill(client, "Article text", TEXT).await?;
    click(client, "//button[text()='Find entities and events']").await?;

    // Mentions are marked by kind in the preview.
    let xi = wait_for_text(client, ".paste-preview mark.kind-person", |_| true).await?;
    ensure(xi == "Xi Jinping", || {
        format!("the first person marked is {xi:?}")
    })?;
    let marks = find_all(client, ".paste-preview mark").await?;
    ensure(marks.len() == found.mentions.len(), || {
        format!(
            "{} mentions marked, {} expected",
            marks.len(),
            found.mentions.len()
        )
    })?;
    let events = find_all(client, "li.paste-event").await?;
    ensure(events.len() == found.events.len(), || {
        format!(
            "{} events listed, {} expected",
            events.len(),
            found.events.len()
        )
    })?;
    // The same events, word for word, as the extractor (and so the
    // `extract` command, which runs it over the same gazetteer) writes them,
    // and the same marked words.
    let mut shown = Vec::new();
    for e in find_all(client, "li.paste-event > p:nth-of-type(2)").await? {
        shown.push(e.text().await.map_err(|e| e.to_string())?);
    }
    let written: Vec<&str> = found.events.iter().map(|e| e.summary.as_str()).collect();
    ensure(shown == written, || {
        format!("the page lists the events {shown:?}, the extractor writes {written:?}")
    })?;
    let mut marked = Vec::new();
    for m in &marks {
        marked.push(m.text().await.map_err(|e| e.to_string())?);
    }
    let texts: Vec<String> = found
        .mentions
        .iter()
        .map(|m| {
            TEXT.chars()
                .skip(m.start as usize)
                .take((m.end - m.start) as usize)
                .collect()
        })
        .collect();
    ensure(marked == texts, || {
        format!("the page marks {marked:?}, the extractor finds {texts:?}")
    })?;

    let violations = crate::look::axe(client).await?;
    ensure(violations.is_empty(), || {
        format!(
            "axe-core on the extracted article: {}",
            violations.join("; ")
        )
    })?;

    // The Kremlin becomes an organisation, here and in the preview.
    let kremlin = found
        .entities
        .iter_mut()
        .find(|e| e.id == "kremlin")
        .ok_or("the extractor finds no Kremlin")?;
    kremlin.kind = "organisation".into();
    let picker = format!("select[aria-label='Kind of {}']", kremlin.name);
    let select = client
        .find(Locator::Css(&picker))
        .await
        .map_err(|e| format!("no kind picker for the Kremlin: {e}"))?;
    select
        .select_by_value("organisation")
        .await
        .map_err(|e| format!("pick a kind: {e}"))?;
    wait_for_text(client, ".paste-preview mark.kind-organisation", |t| {
        t == "Kremlin"
    })
    .await?;

    // The last event is dropped.
    let last = found.events.len();
    let drop_button = format!("(//li[contains(@class,'paste-event')])[{last}]//button");
    click(client, &drop_button).await?;
    wait_for_text(
        client,
        &format!("li.paste-event:nth-child({last}) button"),
        |t| t == "Keep this event",
    )
    .await?;
    found.events.pop();
    // The heading expected below holds while the one event kept is Xi's
    // 2023 visit to Russia, which the timeline shows already.
    let kept_events = found.events.len();
    let kept = &found.events[..];
    let the_2023_visit = |e: &corpus::format::EventRecord| {
        e.kind == "042" && e.start == "2023-03-20" && e.host.as_deref() == Some("russia")
    };
    ensure(matches!(kept, [visit] if the_2023_visit(visit)), || {
        let kept: Vec<_> = kept.iter().map(|e| (&e.kind, &e.start, &e.host)).collect();
        format!(
            "the extractor keeps {kept:?}, not the 2023 visit alone \
             that facts::AFTER_PASTE assumes"
        )
    })?;

    click(client, "//button[text()='Add to the corpus']").await?;
    let after = format!("Articles ({})", bundled.articles.len() + 1);
    wait_for_text(client, "#articles-title", |t| t == after).await?;
    let heading = facts::AFTER_PASTE.heading();
    wait_for_text(client, "#events-title", |t| t == heading).await?;
    wait_for_text(client, ".corpus-source code", |t| {
        t.ends_with(&format!("+ \"{TITLE}\""))
    })
    .await?;
    // The panel stays open to say what was added.
    let status = wait_for_text(client, ".paste-added", |t| t.starts_with("Added")).await?;
    ensure(status.contains(&format!("{kept_events} events")), || {
        format!("the panel says {status:?}")
    })?;
    let titles = find_all(client, ".article-list li h3").await?;
    let mut listed = false;
    for t in titles {
        listed |= t.text().await.map_err(|e| e.to_string())? == TITLE;
    }
    ensure(listed, || "the added article is not in the list".into())
}

/// A missing date is said in words, and nothing is extracted.
pub async fn paste_needs_a_date(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#articles-title", |t| t.starts_with("Articles (")).await?;
    click(client, "//summary[text()='Add an article']").await?;
    fill(client, "Article text", TEXT).await?;
    click(client, "//button[text()='Find entities and events']").await?;
    let alert = wait_for_text(client, ".paste-problem", |_| true).await?;
    ensure(alert.starts_with("Give the publication date"), || {
        format!("the panel says {alert:?}")
    })?;
    fill(client, "Published", "2023-02-30").await?;
    click(client, "//button[text()='Find entities and events']").await?;
    wait_for_text(client, ".paste-problem", |t| {
        t == "The publication date \"2023-02-30\" cannot be read: day 30 does not exist in a month of 28 days."
    })
    .await?;
    ensure(find_all(client, ".paste-results").await?.is_empty(), || {
        "results were shown without a date".into()
    })
}

/// Pasted markup stays text, and the worker starts without a policy
/// violation.
pub async fn pasted_markup_runs_nothing(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#articles-title", |t| t.starts_with("Articles (")).await?;
    click(client, "//summary[text()='Add an article']").await?;
    let hostile = "President Xi Jinping met <img src=x onerror=\"window.__pwned='img'\"> in Moscow <script>window.__pwned='script'</script> on Monday.";
    fill(client, "Title", "<b>bold</b>").await?;
    fill(client, "Published", PUBLISHED).await?;
    fill(client, "Article text", hostile).await?;
    click(client, "//button[text()='Find entities and events']").await?;
    wait_for_text(client, ".paste-preview mark.kind-person", |t| {
        t == "Xi Jinping"
    })
    .await?;
    let preview = wait_for_text(client, ".paste-preview", |_| true).await?;
    ensure(
        preview.contains("<img src=x onerror=") && preview.contains("<script>"),
        || format!("the preview shows {preview:?}"),
    )?;
    crate::security::no_damage(client, "pasting markup").await
}

/// A site published without the extractor's files says so, in words.
pub async fn missing_extractor(client: &Client) -> Check {
    open(client, &server().url(NO_EXTRACTOR_SITE)).await?;
    wait_for_text(client, "#articles-title", |t| t.starts_with("Articles (")).await?;
    click(client, "//summary[text()='Add an article']").await?;
    fill(client, "Published", PUBLISHED).await?;
    fill(client, "Article text", TEXT).await?;
    click(client, "//button[text()='Find entities and events']").await?;
    let alert = wait_for_text(client, ".paste-problem", |_| true).await?;
    ensure(alert.starts_with("The extractor could not run"), || {
        format!("the panel says {alert:?}")
    })
}

/// A folder's worth of article files dropped on the panel: each is read,
/// the review shows them together, and adding puts both in the corpus.
pub async fn dropped_files_are_added(client: &Client) -> Check {
    let read = |path: &str| std::fs::read_to_string(root().join(path)).map_err(|e| e.to_string());
    let markdown = read("tests/fixtures/extract-inputs/bali-talks.md")?;
    let scraped = read("tests/fixtures/scraped/trafilatura.json")?;
    open(client, &server().url("/")).await?;
    let before = crate::support::bundled_titles().len();
    wait_for_text(client, "#articles-title", |t| {
        t == format!("Articles ({before})")
    })
    .await?;
    click(client, "//summary[text()='Add an article']").await?;
    drop_files(
        client,
        ".paste-body",
        &[
            ("bali-talks.md", "text/markdown", &markdown),
            ("scholz.json", "application/json", &scraped),
        ],
    )
    .await?;
    // The review heads each article with its title, and the corpus in view
    // was not replaced by the drop.
    let mut titles = Vec::new();
    let start = std::time::Instant::now();
    while titles.len() < 2 && start.elapsed() < crate::support::PATIENCE {
        titles.clear();
        for t in find_all(client, ".paste-preview .paste-article-title").await? {
            titles.push(t.text().await.map_err(|e| e.to_string())?);
        }
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    ensure(
        titles
            == [
                "Leaders meet on the sidelines in Bali",
                "Scholz visits Washington",
            ],
        || format!("the review shows {titles:?}"),
    )?;
    wait_for_text(client, ".corpus-source code", |t| !t.contains("local file")).await?;
    click(client, "//button[text()='Add to the corpus']").await?;
    let after = format!("Articles ({})", before + 2);
    wait_for_text(client, "#articles-title", |t| t == after).await?;
    wait_for_text(client, ".paste-added", |t| {
        t.starts_with("Added \"2 articles\"")
    })
    .await
    .map(drop)
}
