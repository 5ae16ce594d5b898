//! The root component: picks the corpus (the bundled one, `?corpus=<url>`, or
//! a file the user opens or drops), reads it with progress, and shows the
//! loading, error or data state.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::entities_view::{EntityIndex, EntityPage};
use super::events::{EventDetail, EventList};
use super::fetch::{
    bytes_label, fetch_corpus, read_file, FetchError, Progress, Read, Split, BUNDLED_CORPUS_URL,
};
use super::filters::FilterPanel;
use super::overview_view::Overview;
use super::paste::{AddArticle, PastePanel};
use super::reader::ArticleReader;
use super::state::{use_state, State};
use super::theme::ThemeToggle;
use super::timeline_view::Timeline;
use crate::corpus::{ArticleIx, Loaded};

/// Reads a query parameter of the page's own URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// A loaded corpus waiting for the explorer that takes it (once).
type Slot = Arc<Mutex<Option<Read>>>;

/// Where the app is with the current corpus.
#[derive(Clone)]
enum Phase {
    Loading(Progress),
    Failed(FetchError),
    Ready(Slot),
}

/// Starts reading a corpus; a newer read makes an older one's result moot.
#[derive(Clone, Copy)]
struct Loader {
    phase: RwSignal<Phase>,
    name: RwSignal<String>,
    generation: StoredValue<u32>,
}

impl Loader {
    fn begin(&self, name: String) -> u32 {
        self.generation.update_value(|g| *g += 1);
        self.name.set(name);
        self.phase.set(Phase::Loading(Progress::default()));
        self.generation.get_value()
    }

    fn progress(&self, generation: u32) -> impl Fn(Progress) {
        let this = *self;
        move |p| {
            if this.generation.get_value() == generation {
                this.phase.set(Phase::Loading(p));
            }
        }
    }

    fn finish(&self, generation: u32, outcome: Result<Read, FetchError>) {
        if self.generation.get_value() != generation {
            return;
        }
        self.phase.set(match outcome {
            Ok(loaded) => Phase::Ready(Arc::new(Mutex::new(Some(loaded)))),
            Err(error) => Phase::Failed(error),
        });
    }

    /// Shows `loaded` in place of the corpus in view, without reading
    /// anything.
    fn replace(self, name: String, loaded: Loaded) {
        let generation = self.begin(name);
        self.finish(generation, Ok((loaded, None)));
    }

    fn url(self, url: String) {
        let generation = self.begin(url.clone());
        spawn_local(async move {
            let outcome = fetch_corpus(url, self.progress(generation)).await;
            self.finish(generation, outcome);
        });
    }

    fn file(self, file: web_sys::File) {
        let generation = self.begin(format!("{} (local file)", file.name()));
        spawn_local(async move {
            let outcome = read_file(file, self.progress(generation)).await;
            self.finish(generation, outcome);
        });
    }
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let loader = Loader {
        phase: RwSignal::new(Phase::Loading(Progress::default())),
        name: RwSignal::new(String::new()),
        generation: StoredValue::new(0),
    };
    loader.url(query_param("corpus").unwrap_or_else(|| BUNDLED_CORPUS_URL.to_string()));
    let added = RwSignal::new(None::<String>);
    provide_context(AddArticle {
        // The explorer that asks is replaced by the one it asks for: swap
        // them after its click handler has returned.
        add: Callback::new(move |(title, loaded): (String, Loaded)| {
            let name = format!("{} + \"{title}\"", loader.name.get_untracked());
            set_timeout(
                move || loader.replace(name, loaded),
                std::time::Duration::ZERO,
            );
        }),
        added,
    });
    accept_dropped_files(loader);
    let phase = loader.phase;
    view! {
        <header class="app-header">
            <h1>"Article Explorer"</h1>
            <div class="corpus-bar">
                <p class="corpus-source">"Corpus: " <code>{move || loader.name.get()}</code></p>
                <label class="file-pick">
                    "Open a corpus file "
                    <input
                        type="file"
                        accept=".json,.jsonl,.csv,.tsv,.txt,.md,application/json,text/csv,text/tab-separated-values"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                                loader.file(file);
                            }
                            input.set_value("");
                        }
                    />
                </label>
                <span class="drop-hint">
                    "or drop one on the page: a corpus, a sheet of events (CSV, TSV), a scraper's records (JSON, JSON Lines) or an article"
                </span>
                <ThemeToggle />
            </div>
        </header>
        <main id="main">
            {move || match phase.get() {
                Phase::Loading(progress) => view! { <LoadProgress progress /> }.into_any(),
                Phase::Failed(error) => view! { <LoadFailure error /> }.into_any(),
                Phase::Ready(slot) => match slot.lock().ok().and_then(|mut s| s.take()) {
                    Some((loaded, split)) => view! { <Explorer loaded split /> }.into_any(),
                    None => ().into_any(),
                },
            }}
        </main>
    }
}

/// Files dropped anywhere on the page are opened as the corpus.
fn accept_dropped_files(loader: Loader) {
    let set_dragging = |on: bool| {
        if let Some(body) = document().body() {
            let _ = body.class_list().toggle_with_force("dragging", on);
        }
    };
    let _ = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        set_dragging(true);
    });
    let _ = window_event_listener(leptos::ev::dragleave, move |ev| {
        if ev.related_target().is_none() {
            set_dragging(false);
        }
    });
    let _ = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        set_dragging(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            loader.file(file);
        }
    });
}

/// The loading state: a progress bar with the bytes read.
#[component]
fn LoadProgress(progress: Progress) -> impl IntoView {
    // A compressed response announces fewer bytes than it delivers.
    let total = progress.total.filter(|&t| t >= progress.read && t > 0);
    let read = bytes_label(progress.read);
    let text = match total {
        Some(t) => format!("Loading the corpus… {read} of {}", bytes_label(t)),
        None => format!("Loading the corpus… {read}"),
    };
    view! {
        <div role="status" class="loading">
            <p>{text}</p>
            {match total {
                Some(t) => view! {
                    <progress aria-label="Corpus loaded" max=t as f64 value=progress.read as f64></progress>
                }.into_any(),
                None => view! { <progress aria-label="Corpus loaded"></progress> }.into_any(),
            }}
        </div>
    }
}

/// The error state: what went wrong and where, in words.
#[component]
fn LoadFailure(
    /// The reason the corpus could not be shown.
    error: FetchError,
) -> impl IntoView {
    view! {
        <section class="load-failure" role="alert" aria-labelledby="load-failure-title">
            <h2 id="load-failure-title">"The corpus could not be loaded"</h2>
            <p class="load-failure-message">{error.to_string()}</p>
        </section>
    }
}

/// The data state: filters, events, detail, reader and the article list.
#[component]
fn Explorer(
    /// The loaded corpus and its diagnostics.
    loaded: Loaded,
    /// For a split corpus, the parts that hold the article texts.
    split: Option<Split>,
) -> impl IntoView {
    let state = State::new(loaded.corpus, loaded.diagnostics, split);
    provide_context(state.clone());
    super::url::sync(&state);
    keyboard_shortcuts(&state);
    // The frame after this one is the first with the timeline drawn; the
    // search index is built after it.
    let after_paint = state.clone();
    request_animation_frame(move || {
        super::perf::mark("ae:first-frame");
        set_timeout(
            move || {
                super::perf::mark_with(
                    "ae:first-timeline-paint",
                    &[("wasmBytes", super::perf::wasm_memory_bytes())],
                );
                after_paint.read_parts();
                after_paint.build_index();
            },
            std::time::Duration::ZERO,
        )
    });
    let empty = state.corpus.articles.is_empty() && state.corpus.events.is_empty();
    view! {
        <Diagnostics />
        <PastePanel />
        {empty.then(|| view! {
            <p class="empty-state corpus-empty">
                "This corpus holds no articles and no events. Open another corpus file, or see what was dropped above."
            </p>
        })}
        <div class="explorer">
            <FilterPanel />
            <div class="workspace">
                <Timeline />
                <div class="panes">
                    <div class="results">
                        <Overview />
                        <EventDetail />
                        <EventList />
                        <ArticleList />
                        <EntityIndex />
                    </div>
                    <div class="reader-column">
                        <EntityPage />
                        <ArticleReader />
                    </div>
                </div>
            </div>
        </div>
    }
}

/// "/" focuses the search box; Escape closes the reader, then the detail.
fn keyboard_shortcuts(state: &State) {
    let state = state.clone();
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        match ev.key().as_str() {
            "/" if !typing => {
                ev.prevent_default();
                if let Some(input) = document()
                    .get_element_by_id("search")
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = input.focus();
                }
            }
            "Escape" => {
                if state.open.get_untracked().is_some() {
                    state.open.set(None);
                } else {
                    state.selected.set(None);
                }
            }
            _ => {}
        }
    });
}

/// What the loader dropped, collapsed by default.
#[component]
fn Diagnostics() -> impl IntoView {
    let state = use_state();
    let diagnostics = state.diagnostics;
    // A split corpus can add to the list as its parts arrive.
    move || {
        diagnostics.with(|diagnostics| {
            (!diagnostics.is_empty()).then(|| {
                let count = diagnostics.len();
                view! {
                    <details class="diagnostics">
                        <summary>{format!("{count} item(s) dropped or repaired while loading")}</summary>
                        <ul>
                            {diagnostics.iter().map(|d| view! { <li>{d.to_string()}</li> }).collect_view()}
                        </ul>
                    </details>
                }
            })
        })
    }
}

/// Rows the article list adds at a time.
const ARTICLE_PAGE: usize = 100;

/// The articles, a page at a time, each with a button that opens it in the
/// reader.
#[component]
fn ArticleList() -> impl IntoView {
    let state = use_state();
    let count = state.corpus.articles.len();
    let limit = RwSignal::new(ARTICLE_PAGE);
    let row = move |i: usize| {
        let article = &state.corpus.articles[i];
        let ix = ArticleIx(i as u32);
        let state = state.clone();
        let label = format!("Read: {}", article.title);
        view! {
            <li class="article-item">
                <h3 class="article-title">{article.title.clone()}</h3>
                <p class="article-meta">
                    <span class="article-source">{article.source.clone()}</span>
                    " · "
                    <time datetime=article.published.to_string()>{article.published.label()}</time>
                    " · "
                    <button type="button" class="link-button" aria-label=label on:click=move |_| state.open_article(ix, None)>
                        "Read"
                    </button>
                </p>
            </li>
        }
    };
    view! {
        <section aria-labelledby="articles-title">
            <h2 id="articles-title">{format!("Articles ({count})")}</h2>
            <ul class="article-list">
                <For each=move || 0..limit.get().min(count) key=|&i| i children=row />
            </ul>
            <super::more::ShowMore total=Signal::stored(count) limit page=ARTICLE_PAGE noun="articles" />
        </section>
    }
}
