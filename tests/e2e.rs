//! End-to-end tests: the release build, served over HTTP on loopback, driven in
//! headless Chromium, Firefox and WebKit through WebDriver.
//!
//! Each engine gets one browser session and runs every scenario in it; a
//! scenario returns `Err` with what the page showed instead, and the session is
//! closed before the test reports, pass or fail.

mod support;

#[path = "e2e/large.rs"]
mod large;
#[path = "e2e/loading.rs"]
mod loading;
#[path = "e2e/look.rs"]
mod look;
#[path = "e2e/overview.rs"]
mod overview;
#[path = "e2e/paste.rs"]
mod paste;
#[path = "e2e/security.rs"]
mod security;
#[path = "e2e/split.rs"]
mod split;
#[path = "e2e/timeline.rs"]
mod timeline_e2e;

use std::future::Future;
use std::pin::Pin;

use fantoccini::Client;
use support::browser::{Engine, Session};
use support::server::{BROKEN_CORPUS_SITE, MISSING_CORPUS_SITE, SUB_PATH};
use support::{
    bundled, bundled_titles, click, ensure, find_all, open, server, wait_for_text, Check,
};

use article_explorer::corpus::EventKind;
use article_explorer::facets::{self, Filters};
use article_explorer::search::Index;
use article_explorer::timeline;

type Scenario = for<'a> fn(&'a Client, Engine) -> Pin<Box<dyn Future<Output = Check> + 'a>>;

/// Every scenario, with the name it reports under.
const SCENARIOS: &[(&str, Scenario)] = &[
    ("titles at /", |c, _| Box::pin(titles_render(c, "/"))),
    ("titles under a sub-path", |c, _| {
        Box::pin(titles_render(c, SUB_PATH))
    }),
    ("missing corpus", |c, _| Box::pin(missing_corpus(c))),
    ("broken corpus", |c, _| Box::pin(broken_corpus(c))),
    ("?corpus= with another format", |c, _| {
        Box::pin(wrong_format_by_query(c))
    }),
    ("unreachable corpus", |c, _| Box::pin(unreachable_corpus(c))),
    ("panic panel", |c, _| Box::pin(panic_panel(c))),
    ("filter by kind, chips and clear all", |c, _| {
        Box::pin(filter_by_kind(c))
    }),
    ("search narrows the events", |c, _| {
        Box::pin(search_narrows(c))
    }),
    ("event evidence opens the highlighted span", |c, _| {
        Box::pin(evidence_opens_span(c))
    }),
    ("deep link reproduces the view", |c, _| {
        Box::pin(deep_link(c))
    }),
    ("back and forward step through filters", |c, _| {
        Box::pin(back_and_forward(c))
    }),
    ("keyboard: / focuses search, Escape closes", |c, _| {
        Box::pin(keyboard(c))
    }),
    ("timeline zoom, pan and lanes", |c, _| {
        Box::pin(timeline_controls(c))
    }),
    ("date range and filtering by a mention", |c, _| {
        Box::pin(dates_and_mentions(c))
    }),
    ("entity index and entity page", |c, _| {
        Box::pin(entity_page(c))
    }),
    ("hostile corpus runs nothing", |c, _| {
        Box::pin(security::hostile_corpus(c))
    }),
    ("file picker opens a local corpus", |c, _| {
        Box::pin(loading::file_picker(c))
    }),
    ("dropping a file opens it", |c, _| {
        Box::pin(loading::drop_a_file(c))
    }),
    ("progress while a slow corpus arrives", |c, _| {
        Box::pin(loading::progress_while_loading(c))
    }),
    ("overview: years, top participants, claims", |c, _| {
        Box::pin(overview::overview(c))
    }),
    ("timeline lanes and window in the URL", |c, _| {
        Box::pin(timeline_e2e::view_in_url(c))
    }),
    ("timeline marks: tips, clusters and selection", |c, _| {
        Box::pin(timeline_e2e::marks(c))
    }),
    ("dragging along the axis filters by dates", |c, _| {
        Box::pin(timeline_e2e::brush(c))
    }),
    ("loader diagnostics and an empty corpus", |c, _| {
        Box::pin(loading::diagnostics_and_empty(c))
    }),
    ("a long corpus lists a page at a time", |c, _| {
        Box::pin(large::paging(c))
    }),
    (
        "a query in the link applies once the index is ready",
        |c, _| Box::pin(large::query_before_index(c)),
    ),
    (
        "a split corpus reads its parts after the timeline",
        |c, _| Box::pin(split::reads_its_parts(c)),
    ),
    ("a missing part of a split corpus is named", |c, _| {
        Box::pin(split::a_missing_part_is_named(c))
    }),
    ("another corpus opened while a split one is read", |c, _| {
        Box::pin(split::another_corpus_meanwhile(c))
    }),
    ("paste an article, fix it and add it", |c, _| {
        Box::pin(paste::paste_an_article(c))
    }),
    ("a pasted article needs a real date", |c, _| {
        Box::pin(paste::paste_needs_a_date(c))
    }),
    ("pasted markup runs nothing", |c, _| {
        Box::pin(paste::pasted_markup_runs_nothing(c))
    }),
    ("a missing extractor is reported", |c, _| {
        Box::pin(paste::missing_extractor(c))
    }),
    ("theme picker", |c, _| Box::pin(look::theme(c))),
    ("axe-core finds no violations", |c, _| {
        Box::pin(look::accessibility(c))
    }),
    ("screenshots, no sideways scroll at 360 px", |c, e| {
        Box::pin(look::screenshots(c, e))
    }),
];

async fn run_in(engine: Engine) {
    let start = || async {
        match Session::start(engine).await {
            Ok(session) => session,
            Err(e) => panic!("{e}"),
        }
    };
    let mut session = start().await;
    let mut failures = Vec::new();
    // A browser process that dies takes its session with it, and every later
    // scenario would fail for that one reason. Once per engine, a new session
    // runs the scenario again; the crash and the browser's last words are
    // printed either way, and a second crash fails the run.
    let mut restarted = false;
    for (name, scenario) in SCENARIOS {
        let mut outcome = scenario(&session.client, engine).await;
        if outcome.is_err() && !restarted && !session.answers().await {
            restarted = true;
            println!(
                "{}: {name}: the browser stopped answering; its log ends:\n{}\n\
                 {}: {name}: running it again in a new session",
                engine.name(),
                session.log_tail(),
                engine.name(),
            );
            session.close().await;
            session = start().await;
            outcome = scenario(&session.client, engine).await;
        }
        match outcome {
            Ok(()) => println!("{}: {name}: ok", engine.name()),
            Err(e) => failures.push(format!("{}: {name}: {e}", engine.name())),
        }
    }
    session.close().await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
async fn chromium() {
    run_in(Engine::Chromium).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn firefox() {
    run_in(Engine::Firefox).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn webkit() {
    run_in(Engine::WebKit).await;
}

async fn titles_render(client: &Client, base: &str) -> Check {
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

async fn missing_corpus(client: &Client) -> Check {
    open(client, &server().url(MISSING_CORPUS_SITE)).await?;
    let text = wait_for_text(client, "[role=alert]", |t| t.contains("404")).await?;
    ensure(text.contains("data/corpus.json"), || {
        format!("the error does not say which file: {text:?}")
    })
}

async fn broken_corpus(client: &Client) -> Check {
    open(client, &server().url(BROKEN_CORPUS_SITE)).await?;
    let text = wait_for_text(client, "[role=alert]", |t| {
        t.contains("is not a valid corpus")
    })
    .await?;
    ensure(text.contains("line 1, column"), || {
        format!("the error does not say where: {text:?}")
    })
}

async fn wrong_format_by_query(client: &Client) -> Check {
    let url = server().url("/?corpus=fixtures/not-a-corpus.json");
    open(client, &url).await?;
    wait_for_text(client, "[role=alert]", |t| {
        t.contains("fixtures/not-a-corpus.json")
            && t.contains("field \"format\" is \"some-other/format\"")
    })
    .await
    .map(drop)
}

async fn unreachable_corpus(client: &Client) -> Check {
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

async fn panic_panel(client: &Client) -> Check {
    open(client, &server().url("/?selftest=panic")).await?;
    wait_for_text(client, ".panic-panel", |t| {
        t.contains("internal error") && t.contains("self-test panic")
    })
    .await
    .map(drop)
}

/// How many timeline items the bundled corpus shows under `filters` and `query`.
fn expected_events(filters: &Filters, query: &str) -> usize {
    let corpus = bundled();
    let matches = (!query.is_empty()).then(|| {
        Index::build(&corpus)
            .search(query)
            .into_iter()
            .map(|h| h.article)
            .collect()
    });
    let filtered = facets::apply(&corpus, filters, matches.as_ref());
    timeline::items(&corpus, &filtered.events).len()
}

async fn filter_by_kind(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    let all = format!("Events ({})", expected_events(&Filters::default(), ""));
    wait_for_text(client, "#events-title", |t| t == all).await?;
    let mut calls = Filters::default();
    calls.kinds.insert(EventKind::Telephone);
    let expected = format!("Events ({})", expected_events(&calls, ""));
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

async fn search_narrows(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#events-title", |t| t.starts_with("Events")).await?;
    let query = "Sunnylands";
    let expected = expected_events(&Filters::default(), query);
    ensure(expected > 0, || {
        format!("no event for {query:?} in the corpus")
    })?;
    let input = client
        .find(fantoccini::Locator::Css("input[type=search]"))
        .await
        .map_err(|e| format!("search box: {e}"))?;
    input
        .send_keys(query)
        .await
        .map_err(|e| format!("type in the search box: {e}"))?;
    let heading = format!("Events ({expected})");
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

async fn evidence_opens_span(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#events-title", |t| t.starts_with("Events")).await?;
    // The earliest event in the list, and the article of its first evidence.
    let corpus = bundled();
    let all: Vec<_> = (0..corpus.events.len() as u32)
        .map(article_explorer::corpus::EventIx)
        .collect();
    let first = timeline::items(&corpus, &all).remove(0);
    let mut evidence: Vec<_> = first
        .events
        .iter()
        .flat_map(|&e| corpus.event(e).evidence.clone())
        .collect();
    evidence.sort();
    let article = corpus.article(evidence[0].article);
    let sentence = article.slice(evidence[0].span).to_string();
    click(client, "(//ol//button[contains(@class,'event-button')])[1]").await?;
    wait_for_text(client, "#detail-title", |t| {
        t.contains(&first.dates.label())
    })
    .await?;
    click(client, "(//li[@class='evidence']/button)[1]").await?;
    wait_for_text(client, "#reader-title", |t| t == article.title).await?;
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

async fn deep_link(client: &Client) -> Check {
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
    let mut calls = Filters::default();
    calls.kinds.insert(EventKind::Telephone);
    let heading = format!("Events ({})", expected_events(&calls, ""));
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

async fn back_and_forward(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    let all = format!("Events ({})", expected_events(&Filters::default(), ""));
    wait_for_text(client, "#events-title", |t| t == all).await?;
    let mut visits = Filters::default();
    visits.kinds.insert(EventKind::Visit);
    let filtered = format!("Events ({})", expected_events(&visits, ""));
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

async fn keyboard(client: &Client) -> Check {
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

async fn timeline_controls(client: &Client) -> Check {
    use fantoccini::key::Key;
    open(client, &server().url("/")).await?;
    let initial = wait_for_text(client, ".timeline-window", |t| t.starts_with("Showing")).await?;
    let mut drawn = 0;
    for path in find_all(client, ".timeline-svg .marks path").await? {
        let d = path.attr("d").await.map_err(|e| e.to_string())?;
        drawn += d.map_or(0, |d| d.matches('M').count());
    }
    ensure(drawn > 0, || "the timeline draws nothing".to_string())?;
    // Keyboard: + zooms in, an arrow pans, 0 resets.
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
        .send_keys(&char::from(Key::Right).to_string())
        .await
        .map_err(|e| format!("press ArrowRight: {e}"))?;
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
    let corpus = bundled();
    let all: Vec<_> = (0..corpus.events.len() as u32)
        .map(article_explorer::corpus::EventIx)
        .collect();
    let items = timeline::items(&corpus, &all);
    let lanes = timeline::lanes(&corpus, &items, timeline::LaneMode::Person);
    let leader = corpus.entity(lanes[0].key[0]).name.clone();
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

async fn dates_and_mentions(client: &Client) -> Check {
    use fantoccini::key::Key;
    use fantoccini::Locator;
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#events-title", |t| t.starts_with("Events")).await?;
    let year = article_explorer::dates::PartialDate::parse("2019").unwrap();
    let in_2019 = Filters {
        from: Some(year.first_day()),
        to: Some(year.last_day()),
        ..Filters::default()
    };
    let expected = format!("Events ({})", expected_events(&in_2019, ""));
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

async fn entity_page(client: &Client) -> Check {
    use fantoccini::Locator;
    open(client, &server().url("/")).await?;
    let corpus = bundled();
    let total = format!("{} entities", corpus.entities.len());
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
    let putin = corpus
        .entity_by_id("vladimir-putin")
        .ok_or("no vladimir-putin")?;
    let partner = article_explorer::entities::co_occurring(&corpus, putin, 1)
        .first()
        .map(|&(e, _)| corpus.entity(e).name.clone())
        .ok_or("Putin appears with nobody")?;
    wait_for_text(client, ".entity-page ul:last-of-type li button", |t| {
        t == partner
    })
    .await?;
    click(
        client,
        "//section[@class='entity-page']//button[starts-with(., 'Show its')]",
    )
    .await?;
    let mut with_putin = Filters::default();
    with_putin.participants.insert(putin);
    let expected = format!("Events ({})", expected_events(&with_putin, ""));
    wait_for_text(client, "#events-title", |t| t == expected)
        .await
        .map(drop)
}
