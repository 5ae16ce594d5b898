//! The timeline's lanes and window travel in the URL, and dragging along its
//! axis narrows the date filter to the dragged span.

use std::time::Duration;

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::{Client, Locator};

use crate::facts;
use crate::support::{click, ensure, open, server, wait_for_text, Check};

async fn current_url(client: &Client) -> Result<String, String> {
    client
        .current_url()
        .await
        .map(|u| u.to_string())
        .map_err(|e| e.to_string())
}

pub async fn view_in_url(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    let initial = wait_for_text(client, ".timeline-window", |t| t.starts_with("Showing")).await?;
    click(client, "//button[text()='Zoom in']").await?;
    click(client, "//button[text()='Zoom in']").await?;
    let zoomed = wait_for_text(client, ".timeline-window", |t| t != initial).await?;
    client
        .find(Locator::Css(".timeline-controls select"))
        .await
        .map_err(|e| e.to_string())?
        .select_by_value("pair")
        .await
        .map_err(|e| format!("choose lanes by country pair: {e}"))?;
    wait_for_text(client, ".timeline-svg .lane-label", |t| t.contains(" – ")).await?;
    let url = current_url(client).await?;
    ensure(
        url.contains("lanes=pair") && url.contains("window="),
        || format!("the address does not hold the lanes and window: {url}"),
    )?;
    // A reload (or the link shared) shows the same window and lanes.
    client.refresh().await.map_err(|e| e.to_string())?;
    wait_for_text(client, ".timeline-window", |t| t == zoomed).await?;
    wait_for_text(client, ".timeline-svg .lane-label", |t| t.contains(" – ")).await?;
    let lanes = client
        .execute(
            "return document.querySelector('.timeline-controls select').value",
            vec![],
        )
        .await
        .map_err(|e| e.to_string())?;
    ensure(lanes == "pair", || {
        format!("after reload the lanes are {lanes}")
    })
}

pub async fn brush(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, ".timeline-window", |t| t.starts_with("Showing")).await?;
    let rect = client
        .execute(
            "const band = document.querySelector('.timeline-svg .axis-band');
             band.scrollIntoView({ block: 'center' });
             const r = band.getBoundingClientRect();
             return [r.left, r.top, r.width, r.height];",
            vec![],
        )
        .await
        .map_err(|e| format!("no axis band: {e}"))?;
    let at = |i: usize| rect[i].as_f64().unwrap_or(0.0);
    let (left, top, width, height) = (at(0), at(1), at(2), at(3));
    ensure(width > 100.0, || format!("the axis is {width} px wide"))?;
    let y = (top + height / 2.0).round();
    let drag = MouseActions::new("mouse".to_string())
        .then(PointerAction::MoveTo {
            duration: None,
            x: (left + width / 4.0).round(),
            y,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(300)),
            x: (left + width * 0.6).round(),
            y,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client
        .perform_actions(drag)
        .await
        .map_err(|e| format!("drag along the axis: {e}"))?;
    let _ = client.release_actions().await;
    wait_for_text(client, "button[aria-label^='Remove filter to: ']", |_| true).await?;
    // The drag chose dates between which the corpus's events are known
    // (dates in the address are ISO days, so they compare as text), and the
    // events shown are those.
    let url = current_url(client).await?;
    let day = |key: &str| {
        url.split(['?', '&'])
            .find_map(|pair| pair.strip_prefix(&format!("{key}=")))
    };
    let (Some(from), Some(to)) = (day("from"), day("to")) else {
        return Err(format!("the address has no from/to dates: {url}"));
    };
    ensure(
        facts::BRUSH_FROM.contains(&from) && facts::BRUSH_TO.contains(&to),
        || {
            format!(
                "the drag chose {from} to {to}, not a day of {:?} to one of {:?}, \
                 the windows whose events are known: {url}",
                facts::BRUSH_FROM,
                facts::BRUSH_TO
            )
        },
    )?;
    let expected = facts::BRUSHED.heading();
    wait_for_text(client, "#events-title", |t| t == expected)
        .await
        .map(drop)
}

/// Finds, by moving the pointer along the lanes, the first mark whose tip
/// starts as `wanted` says, and returns where it is (viewport pixels) and
/// the tip's text.
async fn find_mark(client: &Client, cluster: bool) -> Result<(f64, f64, String), String> {
    let found = client
        .execute_async(
            "const [cluster, done] = arguments;
             const svg = document.querySelector('.timeline-svg');
             svg.scrollIntoView({ block: 'start' });
             // The drawing may be taller than its pane: only the rows in
             // view can be clicked.
             const seen = svg.parentElement.getBoundingClientRect();
             // A task's turn, without the clamp of setTimeout.
             const channel = new MessageChannel();
             const turn = () => new Promise((r) => { channel.port1.onmessage = r; channel.port2.postMessage(0); });
             (async () => {
               const r = svg.getBoundingClientRect();
               const k = r.width / 1000;
               for (let row = 0; row < 14; row++) {
                 const y = Math.round(r.top + (28 + 26 * row + 13) * k);
                 if (y > r.bottom || y > seen.bottom - 2) break;
                 for (let x = Math.ceil(r.left + 150 * k); x < r.right - 1; x += 2) {
                   svg.dispatchEvent(new PointerEvent('pointermove',
                     { clientX: x, clientY: y, pointerId: 7, pointerType: 'mouse', bubbles: true }));
                   await turn();
                   const tip = document.querySelector('.timeline-tip');
                   if (tip && /^\\d+ events, /.test(tip.textContent) === cluster) {
                     // Placed at the pointer (through the CSSOM, which the
                     // page's Content-Security-Policy allows).
                     const box = tip.getBoundingClientRect();
                     const placed = tip.style.left !== '' && Math.abs(box.bottom - y) < 60
                       && document.documentElement.dataset.cspViolations === '0';
                     done([x, y, placed ? tip.textContent : 'misplaced: ' + tip.style.left + ' ' + box.bottom + ' ' + document.documentElement.dataset.cspViolations]);
                     return;
                   }
                 }
               }
               done(null);
             })();",
            vec![serde_json::json!(cluster)],
        )
        .await
        .map_err(|e| format!("move along the lanes: {e}"))?;
    let what = if cluster { "cluster" } else { "single mark" };
    match found.as_array().map(Vec::as_slice) {
        Some([_, _, tip]) if tip.as_str().is_some_and(|t| t.starts_with("misplaced: ")) => Err(
            format!("the tip of a {what} is not at the pointer, or broke the policy: {tip}"),
        ),
        Some([x, y, tip]) => Ok((
            x.as_f64().unwrap_or(0.0),
            y.as_f64().unwrap_or(0.0),
            tip.as_str().unwrap_or_default().to_string(),
        )),
        _ => Err(format!("no {what} shows a tip under the pointer")),
    }
}

async fn click_at(client: &Client, x: f64, y: f64) -> Check {
    let actions = MouseActions::new("mouse".to_string())
        .then(PointerAction::MoveTo {
            duration: None,
            x,
            y,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    let done = client
        .perform_actions(actions)
        .await
        .map_err(|e| format!("click at {x}, {y}: {e}"));
    let _ = client.release_actions().await;
    done
}

/// A mark shows what it is under the pointer and opens its event when
/// clicked; a cluster zooms in to separate its events.
pub async fn marks(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    let initial = wait_for_text(client, ".timeline-window", |t| t.starts_with("Showing")).await?;
    let (x, y, tip) = find_mark(client, true).await?;
    click_at(client, x, y).await?;
    let zoomed = wait_for_text(client, ".timeline-window", |t| t != initial).await?;
    ensure(zoomed.starts_with("Showing"), || {
        format!("after clicking the cluster {tip:?} the window reads {zoomed:?}")
    })?;
    let (x, y, tip) = find_mark(client, false).await?;
    let Some((date, _)) = tip.split_once(": ") else {
        return Err(format!("the tip {tip:?} does not start with a date"));
    };
    click_at(client, x, y).await?;
    wait_for_text(client, "#detail-title", |t| t.contains(date))
        .await
        .map(drop)
}
