//! The root component: picks the corpus URL, loads it once, and shows the
//! loading, error or data state.

use leptos::prelude::*;

use super::fetch::{fetch_corpus, FetchError, BUNDLED_CORPUS_URL};
use crate::corpus::{Article, Loaded};

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
                Some(Ok(loaded)) => view! { <ArticleList loaded /> }.into_any(),
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

/// The data state: for now, the article titles with source and date.
#[component]
fn ArticleList(
    /// The loaded corpus and its diagnostics.
    loaded: Loaded,
) -> impl IntoView {
    let count = loaded.corpus.articles.len();
    let warnings = loaded.diagnostics.len();
    view! {
        <section aria-labelledby="articles-title">
            <h2 id="articles-title">{format!("Articles ({count})")}</h2>
            <Show when=move || { warnings > 0 }>
                <p class="load-warnings" role="status">
                    {format!("{warnings} item(s) were dropped while loading.")}
                </p>
            </Show>
            <ul class="article-list">
                {loaded
                    .corpus
                    .articles
                    .into_iter()
                    .map(|article| view! { <ArticleItem article /> })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// One entry of the article list.
#[component]
fn ArticleItem(
    /// The article to summarise.
    article: Article,
) -> impl IntoView {
    view! {
        <li class="article-item">
            <h3 class="article-title">{article.title}</h3>
            <p class="article-meta">
                <span class="article-source">{article.source}</span>
                " · "
                <time datetime=article.published.to_string()>{article.published.to_string()}</time>
            </p>
        </li>
    }
}
