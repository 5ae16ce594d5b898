//! Sharing: the explorer saved as one HTML file opens from disk (`file://`)
//! with its corpus and filters it; the embed code shows the timeline in a
//! page of another origin, and its link opens the full view.

use std::sync::OnceLock;

use fantoccini::{Client, Locator};
use serde_json::Value;

use crate::facts;
use crate::support::browser::Engine;
use crate::support::server::StaticServer;
use crate::support::{
    click, ensure, eval, generated_dir, open, server, wait_for_text, wait_for_url, Check,
};
use crate::workspace::{CAPTURE_DOWNLOADS, READ_SAVED};

/// "Save as one file" with the whole corpus: the file, opened from disk,
/// shows every event under the strict policy, and its filters work.
pub async fn one_file(client: &Client, engine: Engine) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#events-title", |t| t == facts::ALL.heading()).await?;
    eval(client, CAPTURE_DOWNLOADS).await?;
    click(client, "//summary[text()='Share']").await?;
    click(client, "//button[text()='Save as one file']").await?;
    let saved = client
        .execute_async(READ_SAVED, vec![Value::from(0)])
        .await
        .map_err(|e| format!("read the saved file: {e}"))?;
    ensure(saved["type"] == "text/html", || {
        format!("the one file is not offered as HTML: {}", saved["type"])
    })?;
    let html = saved["text"].as_str().unwrap_or_default();
    let path = generated_dir().join(format!("one-file-{}.html", engine.name()));
    std::fs::write(&path, html).map_err(|e| format!("write {}: {e}", path.display()))?;
    wait_for_text(client, ".share-status", |t| {
        t.starts_with("Saved explorer.html")
    })
    .await?;

    open(client, &format!("file://{}", path.display())).await?;
    wait_for_text(client, "#events-title", |t| t == facts::ALL.heading()).await?;
    wait_for_text(client, ".corpus-source", |t| {
        t.contains("the corpus inside this file")
    })
    .await?;
    click(
        client,
        "//fieldset[legend='Event kind']//label[span='Visit']/input",
    )
    .await?;
    wait_for_text(client, "#events-title", |t| t == facts::VISITS.heading()).await?;
    let violations = eval(
        client,
        "return document.documentElement.dataset.cspViolations ?? 'missing'",
    )
    .await?;
    ensure(violations == "0", || {
        format!("the one file met {violations} Content-Security-Policy violations")
    })?;
    // It says what it leaves out, instead of failing when asked.
    click(client, "//summary[text()='Share']").await?;
    wait_for_text(client, ".share-note", |t| {
        t.starts_with("This is a one-file explorer")
    })
    .await?;
    Ok(())
}

/// A page on another origin, serving the hosts the embed test writes.
fn host() -> &'static StaticServer {
    static HOST: OnceLock<StaticServer> = OnceLock::new();
    HOST.get_or_init(|| {
        let dir = generated_dir().join("embed-host");
        std::fs::create_dir_all(&dir).expect("create the embed host's folder");
        StaticServer::with_mounts(dir, Vec::new())
    })
}

/// The embed code of a filtered view with an event chosen, put in a page
/// on another port: the frame shows the timeline and that event alone, and
/// its link opens the full explorer on the same view.
pub async fn embed(client: &Client, engine: Engine) -> Check {
    open(client, &server().url("/?kind=042")).await?;
    wait_for_text(client, "#events-title", |t| t == facts::VISITS.heading()).await?;
    click(client, "(//button[contains(@class, 'event-button')])[1]").await?;
    let title = wait_for_text(client, "#detail-title", |t| !t.is_empty()).await?;
    click(client, "//summary[text()='Share']").await?;
    let code = eval(client, "return document.querySelector('.embed-code').value").await?;
    let code = code.as_str().unwrap_or_default().to_string();
    ensure(
        code.starts_with("<iframe src=\"")
            && code.contains("embed=1")
            && code.contains("kind=042")
            && code.contains("event=")
            && code.contains("width=\"800\""),
        || format!("the embed code is {code:?}"),
    )?;
    let page = format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>A story</title><h1>A story with a timeline</h1>\n{code}\n</html>\n"
    );
    let name = format!("host-{}.html", engine.name());
    let host = host();
    std::fs::write(generated_dir().join("embed-host").join(&name), page)
        .map_err(|e| e.to_string())?;
    let host_url = host.url(&format!("/{name}"));
    ensure(!host_url.starts_with(&server().origin), || {
        "the host page is on the explorer's own origin".into()
    })?;
    open(client, &host_url).await?;
    let home = client.window().await.map_err(|e| e.to_string())?;
    let frame = client
        .wait()
        .for_element(Locator::Css("iframe"))
        .await
        .map_err(|e| format!("the host page has no frame: {e}"))?;
    frame
        .enter_frame()
        .await
        .map_err(|e| format!("enter the frame: {e}"))?;
    let outcome = async {
        wait_for_text(client, ".timeline-window", |t| t.starts_with("Showing")).await?;
        let shape = eval(
            client,
            "return [!!document.querySelector('.app-header'), !!document.querySelector('.filter-panel'), !!document.querySelector('.embed-open a')]",
        )
        .await?;
        ensure(shape == serde_json::json!([false, false, true]), || {
            format!("the embed view shows [header, filters, link] = {shape}")
        })?;
        wait_for_text(client, "#detail-title", |t| t == title).await?;
        click(client, "//a[text()='Open in Article Explorer']").await?;
        let start = std::time::Instant::now();
        let new = loop {
            let windows = client.windows().await.map_err(|e| e.to_string())?;
            if let Some(w) = windows.into_iter().find(|w| *w != home) {
                break w;
            }
            if start.elapsed() > std::time::Duration::from_secs(10) {
                return Err("the link opened no window".to_string());
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        };
        client.switch_to_window(new).await.map_err(|e| e.to_string())?;
        let full = async {
            let url = wait_for_url(client, |u| u.contains("event=") && u.contains("kind=042")).await?;
            ensure(url.starts_with(&server().origin) && !url.contains("embed"), || {
                format!("the link opened {url}, not the full explorer")
            })?;
            wait_for_text(client, "#detail-title", |t| t == title).await?;
            wait_for_text(client, "#events-title", |t| t == facts::VISITS.heading()).await?;
            Ok(())
        }
        .await;
        let _ = client.close_window().await;
        full
    }
    .await;
    let _ = client.switch_to_window(home).await;
    outcome
}
