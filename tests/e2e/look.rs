//! How the views look and read: the theme choice, no sideways scrolling at
//! 360 px, axe-core's accessibility rules on every main view, and screenshots
//! of each view at desktop and phone width under `target/screenshots/`.

use std::path::PathBuf;

use fantoccini::Client;

use crate::support::browser::Engine;
use crate::support::server::MISSING_CORPUS_SITE;
use crate::support::{click, ensure, eval, open, root, server, wait_for_text, Check};

const DESKTOP: (u32, u32) = (1280, 900);
/// The width of the frame in `tests/fixtures/phone.html`.
const PHONE_WIDTH: u32 = 360;

pub async fn theme(client: &Client) -> Check {
    open(client, &server().url("/")).await?;
    wait_for_text(client, "#articles-title", |_| true).await?;
    let background = "return getComputedStyle(document.body).backgroundColor";
    pick_theme(client, "dark").await?;
    let dark = eval(client, background).await?;
    ensure(dark == "rgb(22, 24, 27)", || {
        format!("dark theme background is {dark}")
    })?;
    // The choice survives a reload.
    client.refresh().await.map_err(|e| e.to_string())?;
    wait_for_text(client, "#articles-title", |_| true).await?;
    let kept = eval(
        client,
        "return document.documentElement.dataset.theme ?? null",
    )
    .await?;
    ensure(kept == "dark", || {
        format!("after reload the theme is {kept}")
    })?;
    pick_theme(client, "light").await?;
    let light = eval(client, background).await?;
    ensure(light == "rgb(253, 253, 252)", || {
        format!("light theme background is {light}")
    })?;
    pick_theme(client, "system").await
}

async fn pick_theme(client: &Client, choice: &str) -> Check {
    let select = client
        .find(fantoccini::Locator::XPath(
            "//label[contains(., 'Theme')]/select",
        ))
        .await
        .map_err(|e| format!("theme picker: {e}"))?;
    select
        .select_by_value(choice)
        .await
        .map_err(|e| format!("choose {choice}: {e}"))
}

/// A main view: where to open it, what to do to get there at desktop width
/// and at phone width (where one pane shows at a time), and what shows when
/// it is there.
struct View {
    name: &'static str,
    url: &'static str,
    steps: &'static [&'static str],
    phone_steps: &'static [&'static str],
    ready: &'static str,
}

const FIRST_EVENT: &str = "(//button[contains(@class, 'event-button')])[1]";
const FIRST_EVIDENCE: &str = "(//ul[contains(@class, 'evidence-list')]//button)[1]";
const LIST_PANE: &str = "//nav[@class='pane-bar']/button[text()='List']";
const ENTITIES_TAB: &str = "//button[@role='tab' and text()='Entities']";
const OVERVIEW_TAB: &str = "//button[@role='tab' and text()='Overview']";
const ADD_ARTICLE: &str = "//summary[text()='Add an article']";

const VIEWS: &[View] = &[
    View {
        name: "explorer",
        url: "/",
        steps: &[],
        phone_steps: &[],
        ready: "#timeline-title",
    },
    View {
        name: "events",
        url: "/",
        steps: &[],
        phone_steps: &[LIST_PANE],
        ready: "#events-title",
    },
    View {
        name: "event",
        url: "/",
        steps: &[FIRST_EVENT],
        phone_steps: &[LIST_PANE, FIRST_EVENT],
        ready: "#detail-title",
    },
    View {
        name: "reader",
        url: "/",
        steps: &[FIRST_EVENT, FIRST_EVIDENCE],
        phone_steps: &[LIST_PANE, FIRST_EVENT, FIRST_EVIDENCE],
        ready: "#reader-title",
    },
    View {
        name: "entities",
        url: "/",
        steps: &[ENTITIES_TAB],
        phone_steps: &[LIST_PANE, ENTITIES_TAB],
        ready: ".entity-count",
    },
    View {
        name: "entity",
        url: "/",
        steps: &[ENTITIES_TAB, "(//table//button)[1]"],
        phone_steps: &[LIST_PANE, ENTITIES_TAB, "(//table//button)[1]"],
        ready: "#entity-title",
    },
    View {
        name: "overview",
        url: "/",
        steps: &[OVERVIEW_TAB],
        phone_steps: &[LIST_PANE, OVERVIEW_TAB],
        ready: "#per-year-title",
    },
    View {
        name: "filters",
        url: "/?kind=042",
        steps: &[],
        phone_steps: &["//nav[@class='pane-bar']/button[text()='Filters']"],
        ready: "label[for=search]",
    },
    View {
        name: "add-article",
        url: "/",
        steps: &[ADD_ARTICLE],
        phone_steps: &[ADD_ARTICLE],
        ready: "#paste-heading",
    },
    View {
        name: "error",
        url: MISSING_CORPUS_SITE,
        steps: &[],
        phone_steps: &[],
        ready: "[role=alert]",
    },
];

async fn show(client: &Client, view: &View) -> Check {
    open(client, &server().url(view.url)).await?;
    steps(client, view.steps, view.ready).await
}

async fn steps(client: &Client, steps: &[&str], ready: &str) -> Check {
    for step in steps {
        click(client, step).await?;
    }
    wait_for_text(client, ready, |t| !t.is_empty())
        .await
        .map(drop)
}

/// The themes every view is shown and checked in.
const THEMES: [&str; 2] = ["light", "dark"];

fn screenshot_dir() -> PathBuf {
    root().join("target/screenshots")
}

/// Fails if the page (or the frame the session is in) scrolls sideways, or
/// a table inside it does.
async fn no_sideways_scroll(client: &Client, what: &str) -> Check {
    let widths = eval(
        client,
        "return [document.documentElement.scrollWidth, window.innerWidth]",
    )
    .await?;
    let (scroll, inner) = (
        widths[0].as_u64().unwrap_or(0),
        widths[1].as_u64().unwrap_or(0),
    );
    ensure(scroll <= inner, || {
        format!("{what} at {inner} px scrolls sideways: {scroll} px of content")
    })?;
    // Nor does any table inside its pane.
    let tables = eval(
        client,
        "return [...document.querySelectorAll('.table-scroll')]
           .filter((t) => t.scrollWidth > t.clientWidth + 1)
           .map((t) => `${t.scrollWidth} px in ${t.clientWidth}`)",
    )
    .await?;
    ensure(tables.as_array().is_some_and(Vec::is_empty), || {
        format!("a table in {what} at {inner} px scrolls sideways: {tables}")
    })
}

fn save(engine: Engine, view: &View, width: u32, theme: &str, png: &[u8]) -> Check {
    let file = screenshot_dir().join(format!(
        "{}-{}-{width}-{theme}.png",
        engine.name(),
        view.name
    ));
    std::fs::write(&file, png).map_err(|e| e.to_string())?;
    ensure(png.starts_with(b"\x89PNG"), || {
        format!("{} is not a PNG", file.display())
    })
}

/// Each main view at desktop size, then 360 px wide in a frame (engines will
/// not all shrink a window that far), in both themes; none may scroll
/// sideways.
pub async fn screenshots(client: &Client, engine: Engine) -> Check {
    std::fs::create_dir_all(screenshot_dir()).map_err(|e| e.to_string())?;
    let mut failures = Vec::new();
    client
        .set_window_size(DESKTOP.0, DESKTOP.1)
        .await
        .map_err(|e| format!("resize the window: {e}"))?;
    for view in VIEWS {
        show(client, view).await?;
        for theme in THEMES {
            pick_theme(client, theme).await?;
            let png = client.screenshot().await.map_err(|e| e.to_string())?;
            save(engine, view, DESKTOP.0, theme, &png)?;
            if let Err(e) = no_sideways_scroll(client, view.name).await {
                failures.push(format!("{e} ({theme})"));
            }
        }
        pick_theme(client, "system").await?;
    }
    for view in VIEWS {
        let page = format!("/fixtures/phone.html?src={}", view.url.replace('&', "%26"));
        open(client, &server().url(&page)).await?;
        for theme in THEMES {
            client
                .enter_frame(0)
                .await
                .map_err(|e| format!("enter the phone frame: {e}"))?;
            let outcome = async {
                if theme == THEMES[0] {
                    steps(client, view.phone_steps, view.ready).await?;
                }
                pick_theme(client, theme).await?;
                no_sideways_scroll(client, view.name).await
            }
            .await;
            client
                .enter_parent_frame()
                .await
                .map_err(|e| format!("leave the phone frame: {e}"))?;
            if let Err(e) = outcome {
                failures.push(format!("{e} ({theme}, phone)"));
            }
            let frame = client
                .find(fantoccini::Locator::Css("iframe"))
                .await
                .map_err(|e| e.to_string())?;
            let png = frame.screenshot().await.map_err(|e| e.to_string())?;
            save(engine, view, PHONE_WIDTH, theme, &png)?;
        }
        client
            .enter_frame(0)
            .await
            .map_err(|e| format!("enter the phone frame: {e}"))?;
        let reset = pick_theme(client, "system").await;
        client
            .enter_parent_frame()
            .await
            .map_err(|e| format!("leave the phone frame: {e}"))?;
        reset?;
    }
    ensure(failures.is_empty(), || failures.join("; "))
}

/// Runs axe-core on the page as it is; returns "rule: n node(s)" per violation.
pub async fn axe(client: &Client) -> Result<Vec<String>, String> {
    let source = std::fs::read_to_string(root().join("node_modules/axe-core/axe.min.js"))
        .map_err(|e| format!("read axe-core (`.ci/setup test` installs it): {e}"))?;
    client
        .execute(&format!("{source}\nreturn typeof axe;"), vec![])
        .await
        .map_err(|e| format!("inject axe-core: {e}"))?;
    let result = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { resultTypes: ['violations'] })
                 .then(r => done(r.violations.map(v =>
                     `${v.id}: ${v.nodes.length} node(s), e.g. ${v.nodes[0].target.join(' ')}`)))
                 .catch(e => done(['axe failed: ' + e]));"#,
            vec![],
        )
        .await
        .map_err(|e| format!("run axe-core: {e}"))?;
    Ok(result
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_else(|| vec![format!("unexpected axe result {result}")]))
}

/// axe-core on every main view, in the light theme and the dark one.
pub async fn accessibility(client: &Client) -> Check {
    let mut failures = Vec::new();
    for view in VIEWS {
        show(client, view).await?;
        for theme in THEMES {
            pick_theme(client, theme).await?;
            for violation in axe(client).await? {
                failures.push(format!("{}, {theme}: {violation}", view.name));
            }
        }
        pick_theme(client, "system").await?;
    }
    ensure(failures.is_empty(), || failures.join("; "))
}
