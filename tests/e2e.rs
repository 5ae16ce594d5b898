//! End-to-end tests: the release build, served over HTTP on loopback, driven in
//! headless Chromium, Firefox and WebKit through WebDriver.
//!
//! Each engine gets one browser session and runs every scenario in it; a
//! scenario returns `Err` with what the page showed instead, and the session is
//! closed before the test reports, pass or fail.

mod support;

use std::future::Future;
use std::pin::Pin;

use fantoccini::Client;
use support::browser::{Engine, Session};
use support::server::{BROKEN_CORPUS_SITE, MISSING_CORPUS_SITE, SUB_PATH};
use support::{bundled_titles, ensure, find_all, open, server, wait_for_text, Check};

type Scenario = for<'a> fn(&'a Client) -> Pin<Box<dyn Future<Output = Check> + 'a>>;

/// Every scenario, with the name it reports under.
const SCENARIOS: &[(&str, Scenario)] = &[
    ("titles at /", |c| Box::pin(titles_render(c, "/"))),
    ("titles under a sub-path", |c| {
        Box::pin(titles_render(c, SUB_PATH))
    }),
    ("missing corpus", |c| Box::pin(missing_corpus(c))),
    ("broken corpus", |c| Box::pin(broken_corpus(c))),
    ("?corpus= with another format", |c| {
        Box::pin(wrong_format_by_query(c))
    }),
    ("unreachable corpus", |c| Box::pin(unreachable_corpus(c))),
    ("panic panel", |c| Box::pin(panic_panel(c))),
];

async fn run_in(engine: Engine) {
    let session = match Session::start(engine).await {
        Ok(session) => session,
        Err(e) => panic!("{e}"),
    };
    let mut failures = Vec::new();
    for (name, scenario) in SCENARIOS {
        match scenario(&session.client).await {
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
    wait_for_text(client, "main h2", |t| t == heading).await?;
    let mut shown = Vec::new();
    for element in find_all(client, "main li h3").await? {
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
