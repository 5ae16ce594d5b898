//! End-to-end tests: the release build, served over HTTP on loopback, driven in
//! headless Chromium, Firefox and WebKit through WebDriver.
//!
//! Every scenario is its own test per engine, named `<engine>::<scenario>`
//! (`cargo test --test e2e -- --list` shows them; `cargo test --test e2e --
//! --exact webkit::theme_picker` runs one). Each engine has one browser
//! session, driven by a thread of its own that runs the chosen scenarios of
//! that engine in the order below, so the three engines run side by side
//! and a scenario always meets the same session history. A scenario returns
//! `Err` with what the page showed instead; its screenshot and the end of
//! the browser's log are then saved under `target/e2e-failures/`. The
//! session is closed when the engine's scenarios are done, pass or fail.

mod support;

#[path = "e2e/basics.rs"]
mod basics;
#[path = "e2e/facts.rs"]
mod facts;
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
#[path = "e2e/share.rs"]
mod share;
#[path = "e2e/sheets.rs"]
mod sheets;
#[path = "e2e/split.rs"]
mod split;
#[path = "e2e/timeline.rs"]
mod timeline_e2e;
#[path = "e2e/workspace.rs"]
mod workspace;

use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::{Arc, Condvar, Mutex, OnceLock};

use fantoccini::Client;
use libtest_mimic::{Arguments, Failed, Trial};
use support::browser::{Engine, Session};
use support::server::SUB_PATH;
use support::Check;

type ScenarioFn = for<'a> fn(&'a Client, Engine) -> Pin<Box<dyn Future<Output = Check> + 'a>>;

/// Every scenario, with the name it reports under.
const SCENARIOS: &[(&str, ScenarioFn)] = &[
    ("titles at /", |c, _| {
        Box::pin(basics::titles_render(c, "/"))
    }),
    ("titles under a sub-path", |c, _| {
        Box::pin(basics::titles_render(c, SUB_PATH))
    }),
    ("missing corpus", |c, _| Box::pin(basics::missing_corpus(c))),
    ("broken corpus", |c, _| Box::pin(basics::broken_corpus(c))),
    ("?corpus= with another format", |c, _| {
        Box::pin(basics::wrong_format_by_query(c))
    }),
    ("unreachable corpus", |c, _| {
        Box::pin(basics::unreachable_corpus(c))
    }),
    ("panic panel", |c, _| Box::pin(basics::panic_panel(c))),
    ("filter by kind, chips and clear all", |c, _| {
        Box::pin(basics::filter_by_kind(c))
    }),
    ("search narrows the events", |c, _| {
        Box::pin(basics::search_narrows(c))
    }),
    ("event evidence opens the highlighted span", |c, _| {
        Box::pin(basics::evidence_opens_span(c))
    }),
    ("deep link reproduces the view", |c, _| {
        Box::pin(basics::deep_link(c))
    }),
    ("back and forward step through filters", |c, _| {
        Box::pin(basics::back_and_forward(c))
    }),
    ("keyboard: / focuses search, Escape closes", |c, _| {
        Box::pin(basics::keyboard(c))
    }),
    ("timeline zoom, pan and lanes", |c, _| {
        Box::pin(basics::timeline_controls(c))
    }),
    ("date range and filtering by a mention", |c, _| {
        Box::pin(basics::dates_and_mentions(c))
    }),
    ("entity index and entity page", |c, _| {
        Box::pin(basics::entity_page(c))
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
    ("an article of the wrong shape is dropped alone", |c, _| {
        Box::pin(loading::an_item_of_the_wrong_shape(c))
    }),
    ("a TimelineJS sheet opens as a corpus", |c, _| {
        Box::pin(sheets::timelinejs_sheet(c))
    }),
    ("an event sheet opens with the file picker", |c, _| {
        Box::pin(sheets::event_sheet_by_file_picker(c))
    }),
    ("a dropped scraper file opens as a corpus", |c, _| {
        Box::pin(sheets::dropped_scraper_records(c))
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
    ("dropped article files are added to the corpus", |c, _| {
        Box::pin(paste::dropped_files_are_added(c))
    }),
    ("a missing extractor is reported", |c, _| {
        Box::pin(paste::missing_extractor(c))
    }),
    (
        "workspace: timeline, detail and evidence in view together",
        |c, _| Box::pin(workspace::all_in_view(c)),
    ),
    ("timeline marks carry labels that do not overlap", |c, _| {
        Box::pin(workspace::labelled_marks(c))
    }),
    (
        "the keyboard steps through the timeline's events",
        |c, _| Box::pin(workspace::keyboard_steps(c)),
    ),
    ("a one-year corpus draws a short chart", |c, _| {
        Box::pin(workspace::one_year_chart(c))
    }),
    ("the timeline saved as SVG and PNG", |c, _| {
        Box::pin(workspace::pictures(c))
    }),
    ("the explorer saved as one file opens from disk", |c, e| {
        Box::pin(share::one_file(c, e))
    }),
    ("an embedded timeline on another origin", |c, e| {
        Box::pin(share::embed(c, e))
    }),
    ("theme picker", |c, _| Box::pin(look::theme(c))),
    ("axe-core finds no violations", |c, _| {
        Box::pin(look::accessibility(c))
    }),
    ("screenshots, no sideways scroll at 360 px", |c, e| {
        Box::pin(look::screenshots(c, e))
    }),
];

const ENGINES: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

/// A scenario's test name: its description in lower case, words joined by
/// `_` ("filter by kind, chips and clear all" → `filter_by_kind_chips_and_clear_all`).
fn slug(description: &str) -> String {
    let mut out = String::new();
    for word in description
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

fn test_name(engine: Engine, scenario: usize) -> String {
    format!("{}::{}", engine.name(), slug(SCENARIOS[scenario].0))
}

/// What one engine's thread has found so far: an outcome per scenario it
/// was given, and whether it has stopped.
#[derive(Default)]
struct Board {
    outcomes: HashMap<usize, Check>,
    stopped: bool,
}

/// One engine's board, shared between its thread and the tests that wait
/// on it.
#[derive(Default)]
struct Runner {
    board: Mutex<Board>,
    changed: Condvar,
}

impl Runner {
    fn post(&self, scenario: usize, outcome: Check) {
        let mut board = self.board.lock().unwrap_or_else(|e| e.into_inner());
        board.outcomes.insert(scenario, outcome);
        self.changed.notify_all();
    }

    /// Waits until the thread has stopped (its session closed and its
    /// driver killed), or `limit` has passed.
    fn wait_stopped(&self, limit: std::time::Duration) {
        let until = std::time::Instant::now() + limit;
        let mut board = self.board.lock().unwrap_or_else(|e| e.into_inner());
        while !board.stopped {
            let left = until.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return;
            }
            board = self
                .changed
                .wait_timeout(board, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    fn wait(&self, scenario: usize) -> Check {
        let mut board = self.board.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(outcome) = board.outcomes.remove(&scenario) {
                return outcome;
            }
            if board.stopped {
                return Err("the engine's runner stopped before this scenario ran".into());
            }
            board = self.changed.wait(board).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// Marks the runner stopped when its thread ends, even by a panic, so no
/// test waits for it forever.
struct StopOnDrop(Arc<Runner>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        let mut board = self.0.board.lock().unwrap_or_else(|e| e.into_inner());
        board.stopped = true;
        self.0.changed.notify_all();
    }
}

static RUNNERS: OnceLock<HashMap<&'static str, Arc<Runner>>> = OnceLock::new();

/// The runners, started by the first test that runs: each engine's thread
/// runs exactly the scenarios the command line selected for it.
fn runners(
    selected: &HashMap<&'static str, Vec<usize>>,
) -> &'static HashMap<&'static str, Arc<Runner>> {
    RUNNERS.get_or_init(|| {
        ENGINES
            .iter()
            .map(|&engine| {
                let runner = Arc::new(Runner::default());
                let scenarios = selected.get(engine.name()).cloned().unwrap_or_default();
                let mine = runner.clone();
                std::thread::spawn(move || {
                    let _stop = StopOnDrop(mine.clone());
                    if scenarios.is_empty() {
                        return;
                    }
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("start a tokio runtime");
                    // Scenarios borrow the client, so they run as local tasks.
                    tokio::task::LocalSet::new()
                        .block_on(&runtime, run_in(engine, &scenarios, &mine));
                });
                (engine.name(), runner)
            })
            .collect()
    })
}

/// Runs `scenarios` of `engine` in one session, in order, posting each
/// outcome as it is known.
async fn run_in(engine: Engine, scenarios: &[usize], runner: &Runner) {
    let mut session = match Session::start(engine).await {
        Ok(session) => session,
        Err(e) => {
            for &i in scenarios {
                runner.post(i, Err(e.clone()));
            }
            return;
        }
    };
    // A browser process that dies takes its session with it, and every later
    // scenario would fail for that one reason. Once per engine, a new session
    // runs the scenario again; the crash and the browser's last words are
    // printed either way, and a second crash fails the scenario.
    let mut restarted = false;
    for &i in scenarios {
        let name = test_name(engine, i);
        let mut outcome = run_one(&session, engine, i).await;
        if outcome.is_err() && !restarted && !session.answers().await {
            restarted = true;
            println!(
                "{name}: the browser stopped answering; its log ends:\n{}\n\
                 {name}: running it again in a new session",
                session.log_tail(),
            );
            session.close().await;
            session = match Session::start(engine).await {
                Ok(session) => session,
                Err(e) => {
                    for &j in scenarios.iter().skip_while(|&&j| j != i) {
                        runner.post(j, Err(e.clone()));
                    }
                    return;
                }
            };
            outcome = run_one(&session, engine, i).await;
        }
        if let Err(e) = &outcome {
            outcome = Err(format!("{e}\n{}", keep_evidence(&session, &name, e).await));
        }
        runner.post(i, outcome);
    }
    session.close().await;
}

/// Runs one scenario on its own task, so a panic in it fails that scenario
/// alone.
async fn run_one(session: &Session, engine: Engine, scenario: usize) -> Check {
    let client = session.client.clone();
    let run = SCENARIOS[scenario].1;
    tokio::task::spawn_local(async move { run(&client, engine).await })
        .await
        .unwrap_or_else(|e| Err(format!("the scenario panicked: {e}")))
}

/// Saves what a failed scenario left on screen and in the browser's log
/// under `target/e2e-failures/`, and says where.
async fn keep_evidence(session: &Session, name: &str, error: &str) -> String {
    let dir = support::root().join("target/e2e-failures");
    let _ = std::fs::create_dir_all(&dir);
    let stem = name.replace("::", "-");
    let log: PathBuf = dir.join(format!("{stem}.log"));
    let text = format!(
        "{name}: {error}\n\nthe driver and browser log ({}) ends:\n{}\n",
        session.log.display(),
        session.log_tail()
    );
    let _ = std::fs::write(&log, text);
    let shot = dir.join(format!("{stem}.png"));
    let saved = match tokio::time::timeout(
        std::time::Duration::from_secs(20),
        session.client.screenshot(),
    )
    .await
    {
        Ok(Ok(png)) => std::fs::write(&shot, png).is_ok(),
        _ => false,
    };
    if saved {
        format!("see {} and {}", shot.display(), log.display())
    } else {
        format!("see {} (no screenshot could be taken)", log.display())
    }
}

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let names: Vec<(Engine, usize, String)> = ENGINES
        .iter()
        .flat_map(|&engine| (0..SCENARIOS.len()).map(move |i| (engine, i, test_name(engine, i))))
        .collect();
    // Which scenarios each engine's thread runs: what the command line
    // selects, decided the way the harness itself decides it.
    let mut selected: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for (engine, i, name) in &names {
        let probe = Trial::test(name.clone(), || Ok(()));
        if !args.is_filtered_out(&probe) && !args.is_ignored(&probe) {
            selected.entry(engine.name()).or_default().push(*i);
        }
    }
    let selected = Arc::new(selected);
    let trials = names
        .into_iter()
        .map(|(engine, i, name)| {
            let selected = selected.clone();
            Trial::test(name, move || {
                runners(&selected)[engine.name()]
                    .wait(i)
                    .map_err(Failed::from)
            })
        })
        .collect();
    let conclusion = libtest_mimic::run(&args, trials);
    // The last outcome is posted before its session closes: the process
    // waits for each thread to close its session and stop its driver, or
    // the browsers would outlive it (statics are never dropped).
    if let Some(runners) = RUNNERS.get() {
        for runner in runners.values() {
            runner.wait_stopped(std::time::Duration::from_secs(30));
        }
    }
    conclusion.exit_code()
}
