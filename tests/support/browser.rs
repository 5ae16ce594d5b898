//! Starts a WebDriver server for each engine and opens a headless session.
//!
//! Every driver runs in its own process group, and the group is killed when the
//! [`Session`] is dropped, so a failing test never leaves a browser behind to
//! block the next session.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Map, Value};

/// A browser engine the tests run in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Chromium through chromedriver.
    Chromium,
    /// Firefox ESR through geckodriver.
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver, on a virtual display.
    WebKit,
}

const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

impl Engine {
    /// A short lower-case name for messages and file names.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    fn driver_command(self, port: u16, log: &std::path::Path) -> Command {
        let mut command = match self {
            Engine::Chromium => {
                let mut c = Command::new("chromedriver");
                c.arg(format!("--port={port}"));
                c
            }
            Engine::Firefox => {
                let mut c = Command::new("geckodriver");
                c.args(["--host", "127.0.0.1", "--port", &port.to_string()]);
                c
            }
            Engine::WebKit => {
                // MiniBrowser has no headless mode; it gets a virtual X display.
                let mut c = Command::new("xvfb-run");
                c.args(["-a", "WebKitWebDriver", &format!("--port={port}")]);
                c
            }
        };
        command.stdin(Stdio::null()).process_group(0);
        // The driver's and browser's own messages go to a log beside the
        // screenshots, so a browser that dies can say why.
        match std::fs::File::create(log).and_then(|f| Ok((f.try_clone()?, f))) {
            Ok((out, err)) => command.stdout(out).stderr(err),
            Err(_) => command.stdout(Stdio::null()).stderr(Stdio::null()),
        };
        command
    }

    fn capabilities(self, profile: &std::path::Path) -> Map<String, Value> {
        let caps = match self {
            Engine::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        "--window-size=1280,900",
                        // For the benchmark: a page can collect garbage before
                        // its heap is read, and the heap size is exact.
                        "--js-flags=--expose-gc", "--enable-precise-memory-info",
                        "--disable-features=BackForwardCache",
                        format!("--user-data-dir={}", profile.display()),
                    ]
                }
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": "/usr/bin/firefox-esr",
                    "args": ["-headless", "-profile", profile.display().to_string()],
                    // For the benchmark: `performance.now()` to the
                    // microsecond, not rounded to the millisecond.
                    "prefs": { "privacy.reduceTimerPrecision": false }
                }
            }),
            Engine::WebKit => json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": MINIBROWSER,
                    "args": ["--automation"]
                }
            }),
        };
        match caps {
            Value::Object(map) => map,
            _ => unreachable!("capabilities are an object"),
        }
    }
}

/// An open WebDriver session with the driver process that serves it.
pub struct Session {
    /// The WebDriver client.
    pub client: Client,
    /// Where the driver and the browser write their messages.
    pub log: PathBuf,
    driver: Child,
    profile: PathBuf,
}

impl Session {
    /// Starts the engine's driver and opens a session, or says why it could not.
    pub async fn start(engine: Engine) -> Result<Session, String> {
        let port = free_port();
        let logs = super::root().join("target/e2e-logs");
        let _ = std::fs::create_dir_all(&logs);
        let log = logs.join(format!("{}-{port}.log", engine.name()));
        let driver = engine.driver_command(port, &log).spawn().map_err(|e| {
            format!(
                "{}: could not start its WebDriver server ({e}); run `.ci/setup` to install it",
                engine.name()
            )
        })?;
        let profile = std::env::temp_dir().join(format!(
            "article-explorer-{}-{}-{port}",
            engine.name(),
            std::process::id()
        ));
        std::fs::create_dir_all(&profile).map_err(|e| e.to_string())?;
        let mut session_guard = DriverGuard(Some(driver));
        wait_for_port(port, Duration::from_secs(30))
            .map_err(|e| format!("{}: {e}", engine.name()))?;
        let client = ClientBuilder::native()
            .capabilities(engine.capabilities(&profile))
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|e| format!("{}: could not open a session: {e}", engine.name()))?;
        // The same desktop size everywhere (MiniBrowser opens smaller).
        if let Err(e) = client.set_window_size(1280, 900).await {
            let _ = client.clone().close().await;
            return Err(format!("{}: could not size the window: {e}", engine.name()));
        }
        Ok(Session {
            client,
            log,
            driver: session_guard.0.take().expect("driver still owned"),
            profile,
        })
    }

    /// Whether the browser still answers.
    pub async fn answers(&self) -> bool {
        tokio::time::timeout(Duration::from_secs(20), self.client.title())
            .await
            .is_ok_and(|r| r.is_ok())
    }

    /// The last lines the driver and the browser wrote.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }

    /// Ends the browser session; the driver is stopped when `self` drops.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        kill_group(&mut self.driver);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Kills a driver whose session never opened.
struct DriverGuard(Option<Child>);

impl Drop for DriverGuard {
    fn drop(&mut self) {
        if let Some(child) = self.0.as_mut() {
            kill_group(child);
        }
    }
}

fn kill_group(child: &mut Child) {
    // The driver leads its own process group, which also holds the browser and,
    // for WebKit, the virtual display.
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{}", child.id())])
        .stderr(Stdio::null())
        .status();
    let _ = child.kill();
    let _ = child.wait();
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("find a free loopback port")
}

fn wait_for_port(port: u16, limit: Duration) -> Result<(), String> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!(
        "its WebDriver server did not listen on port {port} within {limit:?}"
    ))
}
