//! The workspace as a person sees it: at desktop size the timeline, the
//! selected event and its evidence sentence are on screen together; the
//! timeline's marks carry labels that do not overlap; the keyboard alone
//! steps through the events and opens one; a one-year corpus draws a
//! chart of a sensible height.

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::Value;

use crate::facts;
use crate::support::{click, ensure, eval, find_all, open, server, wait_for_text, Check};

/// Whether what is painted near the top middle of the first element
/// matching `css` (its visible part, when a scrolling pane clips it) is that
/// element or inside the one matching `within`, so a person sees it; `null`
/// when it is so.
const SEEN: &str = r#"
    const [css, within] = arguments;
    const el = document.querySelector(css);
    const box = document.querySelector(within);
    if (!el) return css + ' is not on the page';
    const r = el.getBoundingClientRect();
    const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
    const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
    if (bottom <= top || right <= left)
        return `${css} lies outside the ${innerWidth}×${innerHeight} viewport (${Math.round(r.top)}..${Math.round(r.bottom)})`;
    const hit = document.elementFromPoint((left + right) / 2, (top + Math.min(bottom, top + 12)) / 2);
    if (!hit || !(box === hit || box.contains(hit)))
        return `${css} is covered or scrolled away: ${hit ? hit.className || hit.tagName : 'nothing'} is painted there`;
    return null;
"#;

/// Waits until the live region's text (read as a screen reader does, though
/// it is not painted) satisfies `accept`; returns it.
async fn announced(client: &Client, accept: impl Fn(&str) -> bool) -> Result<String, String> {
    let start = std::time::Instant::now();
    let mut last = String::new();
    while start.elapsed() < std::time::Duration::from_secs(10) {
        let text = eval(
            client,
            "return document.getElementById('timeline-announce')?.textContent ?? ''",
        )
        .await?;
        last = text.as_str().unwrap_or_default().to_string();
        if accept(&last) {
            return Ok(last);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(format!(
        "the timeline announced {last:?}, not what was expected"
    ))
}

async fn seen(client: &Client, css: &str, within: &str) -> Check {
    let found = client
        .execute(SEEN, vec![Value::from(css), Value::from(within)])
        .await
        .map_err(|e| format!("look for {css}: {e}"))?;
    match found.as_str() {
        None => Ok(()),
        Some(problem) => Err(problem.to_string()),
    }
}

/// At 1280×800, an event chosen in the list and its evidence followed: the
/// timeline, the event's summary and the evidence sentence are all in view,
/// and the page itself does not scroll.
pub async fn all_in_view(client: &Client) -> Check {
    client
        .set_window_size(1280, 800)
        .await
        .map_err(|e| format!("resize the window: {e}"))?;
    let outcome = async {
        open(client, &server().url("/")).await?;
        click(client, "(//button[contains(@class, 'event-button')])[1]").await?;
        wait_for_text(client, "#detail-title", |t| {
            t.contains(facts::FIRST_EVENT_DATE)
        })
        .await?;
        click(
            client,
            "(//ul[contains(@class, 'evidence-list')]//button)[1]",
        )
        .await?;
        wait_for_text(client, ".article-text .evidence-span", |_| true).await?;
        let marked = eval(
            client,
            "return [...document.querySelectorAll('.article-text .evidence-span')].map((m) => m.textContent).join('')",
        )
        .await?;
        ensure(marked.as_str().is_some_and(|t| t.contains(facts::FIRST_EVENT_EVIDENCE)), || {
            format!("the reader marks {marked} as the evidence")
        })?;
        // The reader scrolls the sentence into view after it renders.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        // The selected event's outline is drawn on the timeline, where the
        // timeline (not something over it) is painted.
        for (css, within) in [
            (".timeline-svg", ".timeline-svg"),
            (".timeline-svg .mark-selected", ".timeline-svg"),
            (".detail-summary", ".detail-summary"),
            (".article-text .evidence-span", ".article-text .evidence-span"),
        ] {
            seen(client, css, within).await?;
        }
        let scroll = eval(
            client,
            "return [document.documentElement.scrollHeight, innerHeight]",
        )
        .await?;
        let (page, window) = (scroll[0].as_u64(), scroll[1].as_u64());
        ensure(page <= window, || {
            format!("the page scrolls: {page:?} px of content in a {window:?} px window")
        })
    }
    .await;
    client
        .set_window_size(1280, 900)
        .await
        .map_err(|e| format!("resize the window back: {e}"))?;
    outcome
}

/// Zoomed to a few years, marks carry labels naming their participants,
/// and no two labels overlap.
pub async fn labelled_marks(client: &Client) -> Check {
    open(
        client,
        &server().url("/?window=2018-01-01..2020-12-31&lanes=person"),
    )
    .await?;
    wait_for_text(client, ".timeline-window", |t| {
        t.starts_with("Showing Jan 2018")
    })
    .await?;
    // The labels are drawn once the window rests.
    let start = std::time::Instant::now();
    let texts = loop {
        let mut texts = Vec::new();
        for label in find_all(client, ".timeline-svg .mark-label").await? {
            texts.push(label.text().await.map_err(|e| e.to_string())?);
        }
        if texts.iter().any(|t| t.contains(facts::BUSIEST))
            || start.elapsed() > std::time::Duration::from_secs(5)
        {
            break texts;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    ensure(texts.iter().any(|t| t.contains(facts::BUSIEST)), || {
        format!("no mark's label names {}: {texts:?}", facts::BUSIEST)
    })?;
    let overlaps = eval(
        client,
        r#"const boxes = [...document.querySelectorAll('.timeline-svg .mark-label')]
             .map((t) => [t.textContent, t.getBoundingClientRect()]);
           const out = [];
           for (let i = 0; i < boxes.length; i++)
             for (let j = i + 1; j < boxes.length; j++) {
               const [a, p] = boxes[i], [b, q] = boxes[j];
               if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5)
                 out.push(a + ' / ' + b);
             }
           const svg = document.querySelector('.timeline-svg').getBoundingClientRect();
           for (const [t, r] of boxes)
             if (r.width <= 0 || r.right > svg.right + 0.5) out.push(t + ' is not drawn inside the timeline');
           return out;"#,
    )
    .await?;
    ensure(overlaps.as_array().is_some_and(Vec::is_empty), || {
        format!("labels overlap: {overlaps}")
    })
}

/// The timeline is one tab stop: the arrows step through the events in
/// time order, each step is announced, and Enter opens the event.
pub async fn keyboard_steps(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, ".timeline-window", |t| t.starts_with("Showing")).await?;
    let canvas = client
        .find(Locator::Css(".timeline-canvas"))
        .await
        .map_err(|e| e.to_string())?;
    let press = |key: Key, name: &'static str| {
        let canvas = canvas.clone();
        async move {
            canvas
                .send_keys(&char::from(key).to_string())
                .await
                .map_err(|e| format!("press {name}: {e}"))
        }
    };
    let total = facts::ALL.count();
    press(Key::End, "End").await?;
    let last = format!("({total} of {total})");
    announced(client, |t| t.contains(&last)).await?;
    press(Key::Home, "Home").await?;
    announced(client, |t| t.contains(&format!("(1 of {total})"))).await?;
    press(Key::Right, "the right arrow").await?;
    let second = format!("(2 of {total})");
    announced(client, |t| t.contains(&second)).await?;
    press(Key::Left, "the left arrow").await?;
    let first = announced(client, |t| t.contains(&format!("(1 of {total})"))).await?;
    ensure(first.starts_with(facts::FIRST_EVENT_DATE), || {
        format!(
            "the first event is announced as {first:?}, not from {}",
            facts::FIRST_EVENT_DATE
        )
    })?;
    press(Key::Enter, "Enter").await?;
    wait_for_text(client, "#detail-title", |t| {
        t.contains(facts::FIRST_EVENT_DATE)
    })
    .await?;
    // The focus stayed on the timeline, a single tab stop.
    let focused = eval(
        client,
        "return document.activeElement.classList.contains('timeline-canvas')",
    )
    .await?;
    ensure(focused == true, || {
        "opening an event took the focus off the timeline".to_string()
    })
}

/// A corpus whose events all fall in one year (a sheet of three visits
/// of 2024), and a one-year selection of the bundled corpus, draw the
/// per-year chart no taller than 240 px.
pub async fn one_year_chart(client: &Client) -> Check {
    for page in [
        "/?corpus=fixtures/one-year-sheet.csv&tab=overview",
        "/?tab=overview&from=2019-01-01&to=2019-12-31",
    ] {
        open(client, &server().url(page)).await?;
        wait_for_text(client, "#per-year-title", |_| true).await?;
        let bars = find_all(client, ".year-chart .year-bar").await?;
        ensure(bars.len() == 1, || {
            format!("{} bars for one year at {page}", bars.len())
        })?;
        let height = eval(
            client,
            "return document.querySelector('.year-chart').getBoundingClientRect().height",
        )
        .await?
        .as_f64()
        .unwrap_or(f64::NAN);
        ensure(height > 20.0 && height <= 240.0, || {
            format!("a one-year chart is {height} px tall at {page}")
        })?;
    }
    Ok(())
}

/// Keeps every file the page offers for download (the `Blob` handed to
/// `URL.createObjectURL`) in `window.savedFiles`, and keeps the browser
/// from actually downloading it.
pub const CAPTURE_DOWNLOADS: &str = r#"
    window.savedFiles = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.savedFiles.push(blob); return create.call(URL, blob); };
    HTMLAnchorElement.prototype.click = function () {};
    return true;
"#;

/// What the `n`th saved file holds: its type, and for an SVG or any text its
/// text (parsed here, not in the page, whose Trusted Types policy refuses
/// markup); for anything else its size and first bytes.
pub const READ_SAVED: &str = r#"
    const [n, done] = [arguments[0], arguments[arguments.length - 1]];
    (async () => {
      const start = performance.now();
      while (window.savedFiles.length <= n && performance.now() - start < 20000)
        await new Promise((r) => setTimeout(r, 50));
      const blob = window.savedFiles[n];
      if (!blob) return done({ missing: true });
      if (blob.type === 'image/svg+xml' || blob.type.startsWith('text/'))
        return done({ type: blob.type, text: await blob.text() });
      const bytes = [...new Uint8Array(await blob.slice(0, 8).arrayBuffer())];
      done({ type: blob.type, size: blob.size, bytes });
    })().catch((e) => done({ error: String(e) }));
"#;

/// The timeline saved as SVG parses as SVG, holds the marks' labels as text
/// and carries its colours; saved as PNG it is a PNG image.
pub async fn pictures(client: &Client) -> Check {
    open(
        client,
        &server().url("/?window=2018-01-01..2020-12-31&lanes=person"),
    )
    .await?;
    wait_for_text(client, ".timeline-svg .mark-label", |t| !t.is_empty()).await?;
    eval(client, CAPTURE_DOWNLOADS).await?;
    let group = "//div[@aria-label='Save the timeline as a picture']";
    click(client, &format!("{group}/button[text()='Save SVG']")).await?;
    let svg = client
        .execute_async(READ_SAVED, vec![Value::from(0)])
        .await
        .map_err(|e| format!("read the saved SVG: {e}"))?;
    ensure(svg["type"] == "image/svg+xml", || {
        format!("the saved timeline is not offered as SVG: {svg}")
    })?;
    let text = svg["text"].as_str().unwrap_or_default();
    let doc = roxmltree::Document::parse(text)
        .map_err(|e| format!("the saved timeline does not parse as XML: {e}"))?;
    let root = doc.root_element();
    ensure(
        root.tag_name().name() == "svg"
            && root.tag_name().namespace() == Some("http://www.w3.org/2000/svg"),
        || {
            format!(
                "the saved file's root is {:?}, not an SVG element",
                root.tag_name()
            )
        },
    )?;
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    ensure(texts.iter().any(|t| t.contains(facts::BUSIEST)), || {
        format!(
            "the saved timeline's text names no {}: {texts:?}",
            facts::BUSIEST
        )
    })?;
    let foreign: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .filter(|name| matches!(*name, "script" | "foreignObject" | "iframe" | "a"))
        .collect();
    ensure(foreign.is_empty(), || {
        format!("the saved timeline holds markup beyond the drawing: {foreign:?}")
    })?;
    let painted = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("mark-exact"))
        .and_then(|n| n.attribute("style"))
        .unwrap_or_default();
    ensure(painted.contains("fill"), || {
        format!("the saved marks carry no colour: {painted:?}")
    })?;
    click(client, &format!("{group}//input[@type='checkbox']")).await?;
    click(client, &format!("{group}/button[text()='Save PNG']")).await?;
    let png = client
        .execute_async(READ_SAVED, vec![Value::from(1)])
        .await
        .map_err(|e| format!("read the saved PNG: {e}"))?;
    let signature: Vec<u64> = png["bytes"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    ensure(
        png["type"] == "image/png"
            && signature == [0x89, b'P' as u64, b'N' as u64, b'G' as u64, 13, 10, 26, 10]
            && png["size"].as_u64().is_some_and(|s| s > 2000),
        || format!("the saved timeline is not a PNG image: {png}"),
    )
}
