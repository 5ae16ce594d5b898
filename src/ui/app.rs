//! The root component: picks the corpus URL, loads it once, and shows the
//! loading, error or data state.

use leptos::prelude::*;

use super::entities_view::{EntityIndex, EntityPage};
use super::events::{EventDetail, EventList};
use super::fetch::{fetch_corpus, FetchError, BUNDLED_CORPUS_URL};
use super::filters::FilterPanel;
use super::reader::ArticleReader;
use super::state::{use_state, State};
use super::timeline_view::Timeline;
use crate::corpus::{ArticleIx, Loaded};

/// Reads a query parameter of the page's own URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let url = query_param("corpus").unwrap_or_else(|| BUNDLED_CORPUS_URL.to_string());
    let source = url.clone();
    let corpus = LocalResource::new(move || fetch_corpus(url.clone()));

    view! {
        <header class="app-header">
            <h1>"Article Explorer"</h1>
            <p class="corpus-source">"Corpus: " <code>{source}</code></p>
        </header>
        <main id="main">
            {move || match corpus.get() {
                None => {
                    view! {
                        <p role="status" class="loading">
                            "Loading the corpus…"
                        </p>
                    }
                        .into_any()
                }
                Some(Err(error)) => view! { <LoadFailure error /> }.into_any(),
                Some(Ok(loaded)) => view! { <Explorer loaded /> }.into_any(),
            }}
        </main>
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
) -> impl IntoView {
    let state = State::new(loaded.corpus, loaded.diagnostics);
    provide_context(state.clone());
    super::url::sync(&state);
    keyboard_shortcuts(&state);
    view! {
        <Diagnostics />
        <div class="explorer">
            <FilterPanel />
            <div class="workspace">
                <Timeline />
                <div class="panes">
                    <div class="results">
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
    let diagnostics = state.diagnostics.clone();
    (!diagnostics.is_empty()).then(|| {
        let count = diagnostics.len();
        view! {
            <details class="diagnostics">
                <summary>{format!("{count} item(s) were dropped while loading")}</summary>
                <ul>
                    {diagnostics.iter().map(|d| view! { <li>{d.to_string()}</li> }).collect_view()}
                </ul>
            </details>
        }
    })
}

/// Every article, with a button that opens it in the reader.
#[component]
fn ArticleList() -> impl IntoView {
    let state = use_state();
    let count = state.corpus.articles.len();
    let rows = state
        .corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, article)| {
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
        })
        .collect_view();
    view! {
        <section aria-labelledby="articles-title">
            <h2 id="articles-title">{format!("Articles ({count})")}</h2>
            <ul class="article-list">{rows}</ul>
        </section>
    }
}
