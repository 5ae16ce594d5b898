//! The benchmark: Article Explorer beside the peers a user would otherwise
//! reach for, on the same synthetic corpora, in the same headless browser
//! (Chromium, then Firefox). Every figure is the median of several page
//! loads.
//!
//! Run it with `make bench` (or `cargo bench --bench explorer` once the
//! release site is built). `BENCH_SIZES` (default `1000,10000`),
//! `BENCH_RUNS` (default 5) and `BENCH_ENGINES` (default
//! `chromium,firefox`) change what it measures. It prints a table per
//! engine and writes them to `target/bench/results.md`, with the figures
//! as numbers in `target/bench/results.json`; figures more than 20% worse
//! than the committed previous run's (`benches/last-run.json`) are listed
//! under the tables. It takes the pictures of the explorer's timeline and
//! vis-timeline's on the bundled corpus that the README shows
//! (`target/bench/timeline-ours.png`, `timeline-vis.png`).

#[path = "../tests/support/mod.rs"]
mod support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::Client;
use serde_json::Value;

use explorer_cli::bench_compare::{regressions, Figure};
use explorer_cli::synthetic::generate;
use support::browser::{Engine, Session};
use support::server::StaticServer;
use support::{dist, root};

/// The largest corpus vis-timeline is given.
const VIS_LIMIT: usize = 20_000;

/// The keystrokes typed into the search box, one query per keystroke.
const TYPED: [&str; 3] = ["talks", "energy agreement", "welcomed the delegation"];

fn keystrokes() -> Vec<String> {
    TYPED
        .iter()
        .flat_map(|q| (1..=q.chars().count()).map(|n| q.chars().take(n).collect::<String>()))
        .filter(|q| !q.ends_with(' '))
        .collect()
}

fn bench_dir() -> PathBuf {
    root().join("target/bench")
}

/// The corpus file for `n` articles, generated once (seed 2013).
fn corpus(n: usize) -> PathBuf {
    let path = bench_dir().join(format!("corpus-{n}.json"));
    if !path.exists() {
        let file = generate(n, 2013);
        let json = serde_json::to_vec(&file).expect("serialise the corpus");
        std::fs::write(&path, json).expect("write the corpus");
    }
    path
}

/// The same corpus with one article, in its middle, whose `title` is
/// `null`: the loader's slow path, which drops that article and keeps the
/// rest. Written once.
fn corpus_with_one_bad_item(n: usize) -> String {
    let name = format!("corpus-{n}-one-bad.json");
    let path = bench_dir().join(&name);
    if !path.exists() {
        let text = std::fs::read_to_string(corpus(n)).expect("read the corpus");
        let mut value: Value = serde_json::from_str(&text).expect("the corpus is JSON");
        value["articles"][n / 2]["title"] = Value::Null;
        std::fs::write(&path, serde_json::to_vec(&value).expect("serialise")).expect("write");
    }
    format!("/bench/{name}")
}

/// Articles per part of a split corpus, as `split-corpus` writes by default.
const PER_PART: usize = 500;

/// The same corpus split into a manifest and parts of `PER_PART` articles,
/// written once; returns the manifest's path under `/bench/`.
fn split_corpus(n: usize) -> String {
    let name = format!("split-{n}-{PER_PART}");
    let dir = bench_dir().join(&name);
    if !dir.join("manifest.json").exists() {
        let text = std::fs::read_to_string(corpus(n)).expect("read the corpus");
        let file = explorer_corpus::parse(&text)
            .expect("the generated corpus parses")
            .file;
        let (manifest, parts) =
            explorer_corpus::split(file, PER_PART, |i| format!("part-{i:04}.json"));
        std::fs::create_dir_all(&dir).expect("create the split corpus folder");
        for (name, part) in manifest.parts.iter().zip(&parts) {
            let json = serde_json::to_vec(part).expect("serialise a part");
            std::fs::write(dir.join(name), json).expect("write a part");
        }
        let json = serde_json::to_vec(&manifest).expect("serialise the manifest");
        std::fs::write(dir.join("manifest.json"), json).expect("write the manifest");
    }
    format!("/bench/{name}/manifest.json")
}

async fn eval(client: &Client, script: &str) -> Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("run `{script}`: {e}"))
}

/// Polls `script` until it returns something other than null.
async fn until(client: &Client, script: &str, limit: Duration) -> Value {
    let start = Instant::now();
    loop {
        let v = eval(client, script).await;
        if !v.is_null() {
            return v;
        }
        assert!(
            start.elapsed() < limit,
            "`{script}` stayed null for {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The numbers of a JSON array (nothing if it is not one).
fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return f64::NAN;
    }
    v[v.len() / 2]
}

fn p95(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return f64::NAN;
    }
    v[((v.len() as f64 * 0.95).ceil() as usize).clamp(1, v.len()) - 1]
}

/// One page load of the explorer: milestones, then the typed query stream
/// and a few zoom and pan steps, each timed from the input to the end of the
/// re-render (layout included).
#[derive(Debug, Default)]
struct AppRun {
    /// Start times of `ae:corpus-read`, `ae:corpus-loaded`,
    /// `ae:first-timeline-paint`, `ae:index-ready`, `ae:first-frame` and,
    /// for a split corpus, `ae:texts-ready`.
    milestones: [f64; 6],
    /// Main-thread tasks over 50 ms after the first paint.
    long_tasks: Vec<f64>,
    first_paint: f64,
    index_build: f64,
    memory: f64,
    keystroke: Vec<f64>,
    query: Vec<f64>,
    zoom_pan: Vec<f64>,
}

const INTERACT: &str = r#"
const [queries, done] = [arguments[0], arguments[arguments.length - 1]];
// The next task, once every reaction to the step has run, then layout. Not
// setTimeout(0): nested timers are clamped to 4 ms, idle time that would be
// counted as the step's.
const channel = new MessageChannel();
const nextTask = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
const settle = () => nextTask().then(() => document.body.offsetHeight);
(async () => {
  const typingFrom = performance.now();
  const input = document.getElementById('search');
  performance.clearMeasures('ae:search');
  const keystroke = [];
  for (const q of queries) {
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    keystroke.push(performance.now() - t0);
  }
  const query = performance.getEntriesByName('ae:search').map((m) => m.duration);
  const steps = {};
  for (const name of ['ae:filter', 'ae:items', 'ae:lanes']) {
    const d = performance.getEntriesByName(name).map((m) => m.duration).sort((a, b) => a - b);
    steps[name] = d.length ? d[Math.floor(d.length / 2)] : null;
  }
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
  const canvas = document.querySelector('.timeline-canvas');
  const zoomPan = [];
  // Shift with an arrow pans (an arrow alone steps between events).
  for (const key of ['+', '+', '+', 'ArrowRight', 'ArrowRight', 'ArrowLeft', '-', '-', '-', '0']) {
    const t0 = performance.now();
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey: key.startsWith('Arrow'), bubbles: true }));
    await settle();
    zoomPan.push(performance.now() - t0);
  }
  const longTasks = await new Promise((resolve) => {
    const seen = [];
    const paint = performance.getEntriesByName('ae:first-timeline-paint')[0].startTime;
    // Without long-task entries (Firefox), the heartbeat's gaps.
    if (window.aeGaps) { resolve(window.aeGaps.filter((e) => e.startTime > paint)); return; }
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.startTime > paint) seen.push(e);
    }).observe({ type: 'longtask', buffered: true });
    setTimeout(() => resolve(seen), 100);
  });
  const where = longTasks.map((e) => `${Math.round(e.duration)} ms at ${Math.round(e.startTime)}`
    + (e.startTime >= typingFrom ? ' (while typing or zooming)' : ' (while loading)'));
  done({ keystroke, query, zoomPan, longTasks: longTasks.map((e) => e.duration), where, steps });
})();
"#;

/// Where the browser has no long-task entries (Firefox), a timer that beats
/// every 10 ms from the first paint on: a gap of over 60 ms between beats
/// is a stretch the page could not run a task, recorded less the 10 ms it
/// would have waited anyway. It is installed as soon as the benchmark sees
/// the first paint, so the first few milliseconds after it are not covered.
const HEARTBEAT: &str = r#"
if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) return 'long-task entries';
const gaps = [];
window.aeGaps = gaps;
let last = performance.now();
const beat = () => {
  const t = performance.now();
  if (t - last > 60) gaps.push({ startTime: last, duration: t - last - 10 });
  last = t;
  setTimeout(beat, 10);
};
setTimeout(beat, 10);
return 'a 10 ms heartbeat';
"#;

/// Peer pages are opened from another site (`localhost` rather than
/// `127.0.0.1`), so they run in another renderer process and their memory is
/// never counted as the explorer's.
fn peer_url(server: &StaticServer, path: &str) -> String {
    server.url(path).replacen("127.0.0.1", "localhost", 1)
}

/// A blank page first, so the previous page is gone before the next one
/// starts and its heap is not counted there.
async fn blank(client: &Client) {
    client.goto("about:blank").await.expect("open a blank page");
    tokio::time::sleep(Duration::from_millis(500)).await;
}

async fn app_run(client: &Client, server: &StaticServer, corpus: &str) -> AppRun {
    blank(client).await;
    client
        .goto(&server.url(&format!("/?corpus={corpus}")))
        .await
        .expect("open the explorer");
    let paint = until(
        client,
        "const m = performance.getEntriesByName('ae:first-timeline-paint')[0];
         return m ? [m.startTime, m.detail.wasmBytes] : null;",
        Duration::from_secs(300),
    )
    .await;
    eval(client, HEARTBEAT).await;
    // The index is built after the first paint, in slices; its figure is
    // the time spent building, without the pauses between slices.
    let index = until(
        client,
        "const m = performance.getEntriesByName('ae:index-ready')[0];
         return m ? [m.detail.busyMs, m.detail.wasmBytes] : null;",
        Duration::from_secs(300),
    )
    .await;
    let milestones = eval(
        client,
        "const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
         return [at('ae:corpus-read'), at('ae:corpus-loaded'), at('ae:first-timeline-paint'),
                 at('ae:index-ready'), at('ae:first-frame'), at('ae:texts-ready')];",
    )
    .await;
    let interaction = client
        .execute_async(INTERACT, vec![serde_json::to_value(keystrokes()).unwrap()])
        .await
        .expect("type and zoom");
    // Read after typing and zooming: the forced garbage collection is itself
    // a long task, which must not be counted as the page's.
    let heap = eval(
        client,
        "globalThis.gc?.(); globalThis.gc?.(); return performance.memory ? performance.memory.usedJSHeapSize : 0",
    )
    .await;
    eprintln!(
        "    per keystroke, median: filter {} ms, items {} ms, lanes {} ms",
        interaction["steps"]["ae:filter"],
        interaction["steps"]["ae:items"],
        interaction["steps"]["ae:lanes"]
    );
    eprintln!("    long tasks after first paint: {}", interaction["where"]);
    eprintln!(
        "    memory: wasm {:.1} MB, JS heap {:.1} MB",
        index[1].as_f64().unwrap_or(0.0) / 1e6,
        heap.as_f64().unwrap_or(0.0) / 1e6
    );
    let ms: Vec<f64> = milestones
        .as_array()
        .map(|a| a.iter().map(|v| v.as_f64().unwrap_or(f64::NAN)).collect())
        .unwrap_or_default();
    AppRun {
        milestones: std::array::from_fn(|i| ms.get(i).copied().unwrap_or(f64::NAN)),
        long_tasks: numbers(&interaction["longTasks"]),
        first_paint: paint[0].as_f64().unwrap_or(f64::NAN),
        index_build: index[0].as_f64().unwrap_or(f64::NAN),
        memory: index[1].as_f64().unwrap_or(0.0) + heap.as_f64().unwrap_or(0.0),
        keystroke: numbers(&interaction["keystroke"]),
        query: numbers(&interaction["query"]),
        zoom_pan: numbers(&interaction["zoomPan"]),
    }
}

async fn plain_run(client: &Client, server: &StaticServer, n: usize) -> f64 {
    client
        .goto(&peer_url(
            server,
            &format!("/peers/plain.html?corpus=/bench/corpus-{n}.json"),
        ))
        .await
        .expect("open the plain page");
    until(
        client,
        "const m = performance.getEntriesByName('peer:first-paint')[0]; return m ? m.startTime : null;",
        Duration::from_secs(300),
    )
    .await
    .as_f64()
    .unwrap_or(f64::NAN)
}

/// vis-timeline on the same events: set-up time and the zoom / pan steps.
async fn vis_run(client: &Client, server: &StaticServer, n: usize) -> (f64, Vec<f64>) {
    client
        .goto(&peer_url(
            server,
            &format!("/peers/timeline.html?corpus=/bench/corpus-{n}.json"),
        ))
        .await
        .expect("open the vis-timeline page");
    let r = until(
        client,
        "return window.peerResult ?? null",
        Duration::from_secs(600),
    )
    .await;
    (
        r["setupMs"].as_f64().unwrap_or(f64::NAN),
        numbers(&r["zoomPan"]),
    )
}

struct SearchRun {
    index: f64,
    query: Vec<f64>,
    heap: f64,
}

/// A search peer (`search.html` for MiniSearch, `flexsearch.html`) on the
/// same texts and queries.
async fn search_peer_run(
    client: &Client,
    server: &StaticServer,
    n: usize,
    page: &str,
) -> SearchRun {
    let queries = keystrokes().join(",");
    blank(client).await;
    client
        .goto(&peer_url(
            server,
            &format!(
                "/peers/{page}?corpus=/bench/corpus-{n}.json&queries={}",
                queries.replace(' ', "%20")
            ),
        ))
        .await
        .unwrap_or_else(|e| panic!("open {page}: {e}"));
    let r = until(
        client,
        "return window.peerResult ?? null",
        Duration::from_secs(300),
    )
    .await;
    SearchRun {
        index: r["indexMs"].as_f64().unwrap_or(f64::NAN),
        query: numbers(&r["queryMs"]),
        heap: r["heapBytes"].as_f64().unwrap_or(f64::NAN),
    }
}

/// The brotli size of the wasm and JavaScript in `dir` whose names satisfy
/// `pick`.
fn brotli_size(dir: &Path, pick: impl Fn(&str) -> bool) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).expect("read dist").flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if (name.ends_with(".wasm") || name.ends_with(".js")) && pick(name) {
            let out = Command::new("brotli")
                .args(["-c", "-q", "11"])
                .arg(&path)
                .output()
                .expect("run brotli (Debian package `brotli`)");
            total += out.stdout.len() as u64;
        }
    }
    total
}

struct Row {
    metric: String,
    /// The explorer's figure and the peer's, as numbers (the table prints
    /// them; the regression check compares them).
    value: f64,
    peer_value: Option<f64>,
    peer: String,
    ratio: String,
    budget: String,
    met: bool,
}

/// A row whose budget is an absolute figure, with a peer shown beside it.
fn row_beside(metric: String, ours: f64, peer: (f64, &str), budget: (f64, &str)) -> Row {
    Row {
        met: ours <= budget.0,
        ..row(metric, ours, Some(peer), budget)
    }
}

fn row(metric: String, ours: f64, peer: Option<(f64, &str)>, budget: (f64, &str)) -> Row {
    let (ratio, met) = match peer {
        Some((p, _)) => (ours / p, ours / p <= budget.0),
        None => (f64::NAN, ours <= budget.0),
    };
    Row {
        metric,
        value: ours,
        peer_value: peer.map(|p| p.0),
        peer: peer.map_or("—".into(), |(p, name)| format!("{p:.1} ({name})")),
        ratio: if ratio.is_nan() {
            "—".into()
        } else {
            format!("{ratio:.2}×")
        },
        budget: budget.1.to_string(),
        met,
    }
}

/// The explorer's timeline and vis-timeline's, on the bundled corpus at the
/// same width, as pictures for the README (`target/bench/timeline-*.png`).
async fn side_by_side(client: &Client, server: &StaticServer) {
    use fantoccini::Locator;
    client
        .set_window_size(1280, 900)
        .await
        .expect("resize the window");
    client
        .goto(&server.url("/"))
        .await
        .expect("open the explorer");
    until(
        client,
        "return document.querySelector('.timeline-svg .mark-exact') ? true : null",
        Duration::from_secs(60),
    )
    .await;
    // The filters folded away and the timeline as tall as the peer's.
    client
        .execute(
            "document.querySelector('.filters-toggle')?.click();
             document.querySelector('.explorer')?.style.setProperty('--timeline-height', '600px');
             return true;",
            vec![],
        )
        .await
        .expect("fold the filters");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let ours = client
        .find(Locator::Css(".timeline"))
        .await
        .expect("the timeline");
    let png = ours.screenshot().await.expect("a picture of the timeline");
    std::fs::write(bench_dir().join("timeline-ours.png"), png).expect("write timeline-ours.png");
    let width = client
        .execute(
            "return document.querySelector('.timeline').getBoundingClientRect().width",
            vec![],
        )
        .await
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1200.0);
    client
        .goto(&peer_url(
            server,
            "/peers/timeline.html?corpus=/data/corpus.json&label=participants",
        ))
        .await
        .expect("open the vis-timeline page");
    until(
        client,
        "return window.peerResult ?? null",
        Duration::from_secs(60),
    )
    .await;
    client
        .execute(
            &format!(
                "document.getElementById('timeline').style.width = '{width:.0}px';
                 window.dispatchEvent(new Event('resize'));
                 return true;"
            ),
            vec![],
        )
        .await
        .expect("size the peer's timeline");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let peer = client
        .find(Locator::Css("#timeline"))
        .await
        .expect("the peer's timeline");
    let png = peer
        .screenshot()
        .await
        .expect("a picture of the peer's timeline");
    std::fs::write(bench_dir().join("timeline-vis.png"), png).expect("write timeline-vis.png");
}

/// The figures of one engine: its table's rows and its milestones.
async fn measure(
    engine: Engine,
    sizes: &[usize],
    runs: usize,
    server: &StaticServer,
) -> (Vec<Row>, Vec<String>) {
    eprintln!("{}", engine.name());
    let session = Session::start(engine)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // A page busy parsing or indexing 100k articles answers scripts late.
    session
        .client
        .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            Some(Duration::from_secs(600)),
            Some(Duration::from_secs(600)),
            None,
        ))
        .await
        .expect("set the WebDriver timeouts");
    let client = &session.client;
    let mut rows = Vec::new();
    let mut breakdown = Vec::new();
    for &n in sizes {
        let json_bytes = std::fs::metadata(corpus(n)).map(|m| m.len()).unwrap_or(0) as f64;
        eprintln!("{n} articles: corpus {:.1} MB", json_bytes / 1e6);
        let mut app = Vec::new();
        let mut split = Vec::new();
        let mut bad = Vec::new();
        let mut plain = Vec::new();
        let mut mini = Vec::new();
        let mut flex = Vec::new();
        let mut vis = Vec::new();
        for r in 0..runs {
            eprintln!("  run {}/{runs}", r + 1);
            let a = app_run(client, server, &format!("/bench/corpus-{n}.json")).await;
            eprintln!(
                "    read {:.0} ms, loaded {:.0}, DOM built {:.0}, painted {:.0}, search ready {:.0}; long tasks after paint {:?}",
                a.milestones[0], a.milestones[1], a.milestones[4], a.milestones[2], a.milestones[3], a.long_tasks
            );
            app.push(a);
            let s = app_run(client, server, &split_corpus(n)).await;
            eprintln!(
                "    split: manifest read {:.0} ms, loaded {:.0}, painted {:.0}, texts read {:.0}, search ready {:.0}; long tasks after paint {:?}",
                s.milestones[0], s.milestones[1], s.milestones[2], s.milestones[5], s.milestones[3], s.long_tasks
            );
            split.push(s);
            let b = app_run(client, server, &corpus_with_one_bad_item(n)).await;
            eprintln!(
                "    one bad item: loaded {:.0} ms, painted {:.0}",
                b.milestones[1], b.milestones[2]
            );
            bad.push(b);
            plain.push(plain_run(client, server, n).await);
            mini.push(search_peer_run(client, server, n, "search.html").await);
            flex.push(search_peer_run(client, server, n, "flexsearch.html").await);
            // vis-timeline takes minutes to lay out 100k items: it is
            // measured up to 20k articles.
            if n <= VIS_LIMIT {
                vis.push(vis_run(client, server, n).await);
            }
        }
        let m = |f: &dyn Fn(&AppRun) -> f64| median(app.iter().map(f).collect());
        let all = |f: &dyn Fn(&AppRun) -> &Vec<f64>| -> Vec<f64> {
            app.iter().flat_map(|a| f(a).iter().copied()).collect()
        };
        let k = format!("{}k", n / 1000);
        let paint_budget = if n >= 100_000 { 1.5 } else { 1.2 };
        rows.push(row(
            format!("{k}: navigation → first timeline paint, one file (ms)"),
            m(&|a| a.first_paint),
            Some((median(plain.clone()), "plain JS, 50 rows")),
            (paint_budget, &format!("≤ {paint_budget}× plain JS")),
        ));
        // What item-by-item recovery costs: the same file with one article
        // broken, beside the clean file. There is no budget for it; the
        // clean file's own figure is the one that must not move.
        rows.push(row(
            format!("{k}: first timeline paint, one file with one bad item (ms)"),
            median(bad.iter().map(|a| a.first_paint).collect()),
            Some((m(&|a| a.first_paint), "the same file, clean")),
            (f64::INFINITY, "reported"),
        ));
        let ms = |f: &dyn Fn(&AppRun) -> f64| median(split.iter().map(f).collect());
        rows.push(row(
            format!("{k}: navigation → first timeline paint, split corpus (ms)"),
            ms(&|a| a.first_paint),
            Some((median(plain.clone()), "plain JS, 50 rows")),
            (paint_budget, &format!("≤ {paint_budget}× plain JS")),
        ));
        let keystroke_budget = if n >= 100_000 { 50.0 } else { 16.0 };
        rows.push(row(
            format!("{k}: search + re-render per keystroke, p95 (ms)"),
            p95(all(&|a| &a.keystroke)),
            None,
            (keystroke_budget, &format!("≤ {keystroke_budget} ms")),
        ));
        rows.push(row(
            format!("{k}: query time, median (ms)"),
            median(all(&|a| &a.query)),
            Some((
                median(mini.iter().flat_map(|s| s.query.iter().copied()).collect()),
                "MiniSearch",
            )),
            (1.0, "≤ 1.0× MiniSearch"),
        ));
        rows.push(row(
            format!("{k}: query time vs FlexSearch, median (ms)"),
            median(all(&|a| &a.query)),
            Some((
                median(flex.iter().flat_map(|s| s.query.iter().copied()).collect()),
                "FlexSearch",
            )),
            (1.0, "≤ 1.0× FlexSearch"),
        ));
        rows.push(row(
            format!("{k}: index build (ms)"),
            m(&|a| a.index_build),
            Some((
                median(mini.iter().map(|s| s.index).collect()),
                "MiniSearch addAll",
            )),
            (1.0, "≤ 1.0× MiniSearch"),
        ));
        rows.push(row(
            format!("{k}: index build vs FlexSearch (ms)"),
            m(&|a| a.index_build),
            Some((
                median(flex.iter().map(|s| s.index).collect()),
                "FlexSearch add",
            )),
            (1.0, "≤ 1.0× FlexSearch"),
        ));
        let zoom = p95(all(&|a| &a.zoom_pan));
        let metric = format!("{k}: timeline zoom / pan step, p95 (ms)");
        rows.push(if vis.is_empty() {
            row(metric, zoom, None, (16.0, "≤ 16 ms"))
        } else {
            row_beside(
                metric,
                zoom,
                (
                    p95(vis.iter().flat_map(|v| v.1.iter().copied()).collect()),
                    "vis-timeline",
                ),
                (16.0, "≤ 16 ms"),
            )
        });
        rows.push(row(
            format!("{k}: longest main-thread task after first paint, one file (ms)"),
            all(&|a| &a.long_tasks).into_iter().fold(0.0, f64::max),
            None,
            (50.0, "none over 50 ms"),
        ));
        rows.push(row(
            format!("{k}: longest main-thread task after first paint, split corpus (ms)"),
            split
                .iter()
                .flat_map(|a| a.long_tasks.iter().copied())
                .fold(0.0, f64::max),
            None,
            (50.0, "none over 50 ms"),
        ));
        breakdown.push(format!(
            "{k}: corpus read at {:.0} ms, parsed and checked at {:.0}, timeline painted at {:.0}, search ready at {:.0}",
            m(&|a| a.milestones[0]),
            m(&|a| a.milestones[1]),
            m(&|a| a.milestones[2]),
            m(&|a| a.milestones[3]),
        ));
        breakdown.push(format!(
            "{k}, split corpus: manifest read at {:.0} ms, checked at {:.0}, timeline painted at {:.0}, all texts read at {:.0}, search ready at {:.0}",
            ms(&|a| a.milestones[0]),
            ms(&|a| a.milestones[1]),
            ms(&|a| a.milestones[2]),
            ms(&|a| a.milestones[5]),
            ms(&|a| a.milestones[3]),
        ));
        // Firefox has no API for the size of the JS heap.
        if engine == Engine::Chromium {
            let memory = m(&|a| a.memory);
            rows.push(row(
                format!("{k}: JS heap + wasm memory, one file (MB)"),
                memory / 1e6,
                Some((json_bytes / 1e6, "raw JSON")),
                (3.0, "≤ 3× raw JSON"),
            ));
            rows.push(row(
                format!("{k}: JS heap + wasm memory, split corpus (MB)"),
                ms(&|a| a.memory) / 1e6,
                Some((json_bytes / 1e6, "raw JSON")),
                (3.0, "≤ 3× raw JSON"),
            ));
            rows.push(row(
                format!("{k}: JS heap + wasm memory vs MiniSearch (MB)"),
                memory / 1e6,
                Some((
                    median(mini.iter().map(|s| s.heap).collect()) / 1e6,
                    "MiniSearch page heap",
                )),
                (1.0, "≤ MiniSearch"),
            ));
            rows.push(row(
                format!("{k}: JS heap + wasm memory vs FlexSearch (MB)"),
                memory / 1e6,
                Some((
                    median(flex.iter().map(|s| s.heap).collect()) / 1e6,
                    "FlexSearch page heap",
                )),
                (1.0, "≤ FlexSearch"),
            ));
        }
    }
    if engine == Engine::Chromium {
        side_by_side(client, server).await;
    }
    session.close().await;
    (rows, breakdown)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let engines: Vec<Engine> = std::env::var("BENCH_ENGINES")
        .unwrap_or_else(|_| "chromium,firefox".into())
        .split(',')
        .map(|name| match name.trim() {
            "chromium" => Engine::Chromium,
            "firefox" => Engine::Firefox,
            other => panic!("BENCH_ENGINES: no engine `{other}` (chromium, firefox)"),
        })
        .collect();
    std::fs::create_dir_all(bench_dir()).expect("create target/bench");
    let server = StaticServer::with_mounts(
        dist(),
        vec![
            ("/bench/".into(), bench_dir()),
            ("/peers/".into(), root().join("benches/peers")),
            ("/node_modules/".into(), root().join("node_modules")),
        ],
    );
    // The extractor's worker is fetched only when a user first pastes an
    // article, so it is not part of what the page loads.
    let worker = |name: &str| name.starts_with("extract-worker");
    let size = brotli_size(&dist(), |name| !worker(name));
    let worker_size = brotli_size(&dist(), worker);
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mut report = format!(
        "{cores} cores ({cpu}); median of {runs} page loads per size; \
         synthetic corpora from `gen-corpus` (seed 2013).\n\n"
    );
    let mut figures = Vec::new();
    for &engine in &engines {
        let (mut rows, breakdown) = measure(engine, &sizes, runs, &server).await;
        rows.insert(
            0,
            row(
                "wasm + JS, brotli (kB)".into(),
                size as f64 / 1000.0,
                None,
                (150.0, "≤ 150 kB"),
            ),
        );
        let mut table = String::from(
            "| metric | Article Explorer | peer | ratio | budget | met |\n|---|---|---|---|---|---|\n",
        );
        for r in &rows {
            let _ = writeln!(
                table,
                "| {} | {:.1} | {} | {} | {} | {} |",
                r.metric,
                r.value,
                r.peer,
                r.ratio,
                r.budget,
                if r.met { "yes" } else { "**no**" }
            );
            figures.push(Figure {
                engine: engine.name().into(),
                metric: r.metric.clone(),
                ours: r.value,
                peer: r.peer_value,
            });
        }
        let notes = match engine {
            Engine::Chromium => "Long tasks are the browser's long-task entries.",
            _ => {
                "Long tasks are the gaps in a 10 ms timer heartbeat, less its 10 ms (Firefox has no \
                 long-task entries). There are no memory rows: Firefox has no API for the JS heap."
            }
        };
        let _ = write!(
            report,
            "### Headless {}\n\n{table}\n{notes}\n\nMedian milestones after navigation:\n\n{}\n\n",
            match engine {
                Engine::Chromium => "Chromium",
                Engine::Firefox => "Firefox",
                Engine::WebKit => "WebKit",
            },
            breakdown
                .iter()
                .map(|b| format!("- {b}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    let _ = writeln!(
        report,
        "The extractor's worker, fetched only when \"Add an article\" is first used: \
         {:.1} kB of wasm and JS after brotli.\n",
        worker_size as f64 / 1000.0,
    );
    // The regression check: reported, never failed on (these machines are
    // noisy).
    let previous = root().join("benches/last-run.json");
    match std::fs::read_to_string(&previous)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str::<Vec<Figure>>(&t).map_err(|e| e.to_string()))
    {
        Ok(before) => {
            let worse = regressions(&before, &figures, 0.2);
            if worse.is_empty() {
                let _ = writeln!(
                    report,
                    "Against the committed previous run (`benches/last-run.json`): no figure is more than 20% worse."
                );
            } else {
                let _ = writeln!(
                    report,
                    "More than 20% worse than the committed previous run (`benches/last-run.json`; a ratio to the peer where there is one):\n"
                );
                for r in &worse {
                    let _ = writeln!(report, "- {r}");
                }
            }
        }
        Err(e) => {
            let _ = writeln!(
                report,
                "No previous run to compare with ({}: {e}).",
                previous.display()
            );
        }
    }
    println!("{report}");
    std::fs::write(bench_dir().join("results.md"), &report).expect("write results.md");
    let json = serde_json::to_string_pretty(&figures).expect("serialise the figures");
    std::fs::write(bench_dir().join("results.json"), json).expect("write results.json");
}
