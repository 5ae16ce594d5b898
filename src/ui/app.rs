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
use super::filters::{ActiveChips, FilterPanel};
use super::overview_view::Overview;
use super::paste::{AddArticle, PastePanel};
use super::reader::ArticleReader;
use super::state::{use_state, OpenArticle, Pane, State};
use super::theme::ThemeToggle;
use super::timeline_view::Timeline;
use crate::corpus::{ArticleIx, EntityIx, EventIx, Loaded};
use crate::view_state::Tab;

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

    /// Shows the corpus this page holds (a one-file explorer's).
    fn embedded(self, text: String) {
        let name = "the corpus inside this file".to_string();
        let generation = self.begin(name.clone());
        self.finish(generation, super::fetch::load_embedded(&name, text));
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
    match super::share::embedded_corpus() {
        Some(text) => loader.embedded(text),
        None => loader.url(query_param("corpus").unwrap_or_else(|| BUNDLED_CORPUS_URL.to_string())),
    }
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
    let embed = super::url::is_embed();
    if !embed {
        accept_dropped_files(loader);
    }
    let phase = loader.phase;
    view! {
        {(!embed).then(|| view! {
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
                    <span class="drop-hint" title="A corpus, a sheet of events (CSV, TSV), a scraper's records (JSON, JSON Lines) or an article">
                        "or drop a corpus, a sheet, a scraper's records or an article on the page"
                    </span>
                    <ThemeToggle />
                </div>
            </header>
        })}
        <main id="main" class:embed=embed>
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
            // The shape of the workspace to come, so the page does not jump
            // when it arrives.
            <div class="skeleton" aria-hidden="true">
                <div class="skeleton-filters"></div>
                <div class="skeleton-timeline"></div>
                <div class="skeleton-list"></div>
                <div class="skeleton-detail"></div>
            </div>
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
    if super::url::is_embed() {
        return view! { <EmbedView /> }.into_any();
    }
    let empty = state.corpus.articles.is_empty() && state.corpus.events.is_empty();
    show_choices_in_detail(&state);
    let (pane, tab) = (state.pane, state.tab);
    let (open, entity) = (state.open, state.entity);
    let reading = move || open.with(Option::is_some) || entity.with(Option::is_some);
    let filters_open = RwSignal::new(true);
    let timeline_height = RwSignal::new(TIMELINE_HEIGHT);
    view! {
        <div class="explorer-top">
            <Diagnostics />
            <PastePanel />
            {empty.then(|| view! {
                <p class="empty-state corpus-empty">
                    "This corpus holds no articles and no events. Open another corpus file, or see what was dropped above."
                </p>
            })}
        </div>
        <PaneBar />
        <div
            class="explorer"
            data-pane=move || pane.get().code()
            class:filters-closed=move || !filters_open.get()
            style:--timeline-height=move || format!("{}px", timeline_height.get())
        >
            <FilterPanel />
            <div class="workspace">
                <div class="workspace-bar">
                    <button
                        type="button"
                        class="filters-toggle"
                        aria-controls="filter-panel"
                        aria-expanded=move || filters_open.get().to_string()
                        on:click=move |_| filters_open.update(|open| *open = !*open)
                    >
                        {move || if filters_open.get() { "Hide filters" } else { "Show filters" }}
                    </button>
                    <ActiveChips />
                    <super::share::Share />
                </div>
                <Timeline />
                <ResizeHandle height=timeline_height />
                <div class="panes">
                    <div class="list-pane">
                        <Tabs />
                        <div class="tab-body" id="tab-body" role="tabpanel" aria-labelledby=move || format!("tab-{}", tab.get().code())>
                            {move || match tab.get() {
                                Tab::Events => view! { <EventList /> <ArticleList /> }.into_any(),
                                Tab::Entities => view! { <EntityIndex /> }.into_any(),
                                Tab::Overview => view! { <Overview /> }.into_any(),
                            }}
                        </div>
                    </div>
                    <div class="detail-pane" class:reading=reading>
                        <DetailPlaceholder />
                        <div class="detail-part">
                            <EventDetail />
                        </div>
                        <div class="reader-part">
                            <EntityPage />
                            <ArticleReader />
                        </div>
                    </div>
                </div>
            </div>
        </div>
    }
    .into_any()
}

/// The embed view (`?embed=1`), for a frame in another page: the timeline
/// and the chosen event, sized to the frame, and a link to the full view.
#[component]
fn EmbedView() -> impl IntoView {
    let state = use_state();
    let selected = state.selected;
    let address = move || super::url::view_address(&state, false);
    view! {
        <div class="embed-view">
            <Timeline />
            <div class="embed-detail">
                {move || selected.with(Option::is_none).then(|| view! {
                    <p class="detail-empty">"Choose an event on the timeline to see who, when and where, with the sentence that says so."</p>
                })}
                <EventDetail />
            </div>
            <p class="embed-open">
                <a href=address target="_blank" rel="noopener">"Open in Article Explorer"</a>
            </p>
        </div>
    }
}

/// The timeline's height on wide screens until the user drags it, in CSS
/// pixels.
const TIMELINE_HEIGHT: f64 = 300.0;
/// The least and most the timeline can be dragged to.
const TIMELINE_RANGE: (f64, f64) = (140.0, 720.0);

/// Choosing an event, an article or an entity brings the detail pane into
/// view at phone widths, where only one pane shows at a time.
fn show_choices_in_detail(state: &State) {
    let (selected, open, entity, pane) = (state.selected, state.open, state.entity, state.pane);
    // Only a choice made here: the view a link opens keeps its pane.
    Effect::new(
        move |previous: Option<(Option<EventIx>, Option<OpenArticle>, Option<EntityIx>)>| {
            let now = (selected.get(), open.get(), entity.get());
            if let Some(before) = previous {
                let changed_to_some = (now.0.is_some() && now.0 != before.0)
                    || (now.1.is_some() && now.1 != before.1)
                    || (now.2.is_some() && now.2 != before.2);
                if changed_to_some {
                    pane.set(Pane::Detail);
                }
            }
            now
        },
    );
}

/// At phone widths, the bar that picks the one pane in view.
#[component]
fn PaneBar() -> impl IntoView {
    let state = use_state();
    let pane = state.pane;
    let buttons = Pane::ALL
        .into_iter()
        .map(|p| {
            view! {
                <button
                    type="button"
                    aria-pressed=move || (pane.get() == p).to_string()
                    on:click=move |_| pane.set(p)
                >
                    {p.label()}
                </button>
            }
        })
        .collect_view();
    view! { <nav class="pane-bar" aria-label="Panes">{buttons}</nav> }
}

/// The tabs of the list pane: events, entities, overview.
#[component]
fn Tabs() -> impl IntoView {
    let state = use_state();
    let tab = state.tab;
    let choose = move |t: Tab| {
        tab.set(t);
        // The chosen tab's button keeps the focus after the arrows move it.
        if let Some(button) = document().get_element_by_id(&format!("tab-{}", t.code())) {
            if let Ok(button) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(button) {
                let _ = button.focus();
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let at = Tab::ALL
            .iter()
            .position(|&t| t == tab.get_untracked())
            .unwrap_or(0);
        let n = Tab::ALL.len();
        let next = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % n,
            "ArrowLeft" => (at + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        ev.prevent_default();
        choose(Tab::ALL[next]);
    };
    let buttons = Tab::ALL
        .into_iter()
        .map(|t| {
            let chosen = move || tab.get() == t;
            view! {
                <button
                    type="button"
                    role="tab"
                    id=format!("tab-{}", t.code())
                    aria-controls="tab-body"
                    aria-selected=move || chosen().to_string()
                    tabindex=move || if chosen() { "0" } else { "-1" }
                    on:click=move |_| choose(t)
                >
                    {t.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="tabs" role="tablist" aria-label="Views" on:keydown=on_key>
            {buttons}
        </div>
    }
}

/// What the detail pane says while nothing is chosen.
#[component]
fn DetailPlaceholder() -> impl IntoView {
    let state = use_state();
    let (selected, open, entity) = (state.selected, state.open, state.entity);
    let nothing = move || {
        selected.with(Option::is_none) && open.with(Option::is_none) && entity.with(Option::is_none)
    };
    move || {
        nothing().then(|| {
            view! {
                <div class="detail-empty">
                    <h2>"Nothing selected"</h2>
                    <p>
                        "Choose an event on the timeline or in the list to see who, when and where, with the sentences that say so. "
                        "Follow a sentence to read it in its article here."
                    </p>
                </div>
            }
        })
    }
}

/// The bar under the timeline that sets its height: drag it, or focus it
/// and use the up and down arrows.
#[component]
fn ResizeHandle(
    /// The timeline's height in CSS pixels.
    height: RwSignal<f64>,
) -> impl IntoView {
    let (least, most) = TIMELINE_RANGE;
    let set = move |h: f64| height.set(h.clamp(least, most));
    let grab = StoredValue::new(None::<(f64, f64)>);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        grab.set_value(Some((f64::from(ev.client_y()), height.get_untracked())));
        if let Some(target) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        {
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if let Some((from, start)) = grab.get_value() {
            set(start + f64::from(ev.client_y()) - from);
        }
    };
    let on_up = move |_: leptos::ev::PointerEvent| grab.set_value(None);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowUp" => -20.0,
            "ArrowDown" => 20.0,
            _ => return,
        };
        ev.prevent_default();
        set(height.get_untracked() + step);
    };
    view! {
        <div
            class="timeline-resize"
            role="separator"
            tabindex="0"
            aria-orientation="horizontal"
            aria-label="Timeline height: drag, or use the up and down arrows"
            aria-valuemin=least
            aria-valuemax=most
            aria-valuenow=move || height.get().round()
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
            on:keydown=on_key
        ></div>
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
