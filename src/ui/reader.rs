//! The article reader: the text with every mention marked by entity kind, search
//! hits and the evidence span marked too, and a legend that toggles kinds.
//! Text goes into the page only as text nodes.

use leptos::html;
use leptos::prelude::*;

use super::panel::PanelHead;
use super::state::{use_state, OpenArticle, TextState};
use crate::corpus::{EntityKind, Span};
use crate::highlight::{segment, Layers};

/// The reader panel; empty until an article is opened.
#[component]
pub fn ArticleReader() -> impl IntoView {
    let state = use_state();
    let open = state.open;
    let hidden = RwSignal::new(Vec::<EntityKind>::new());
    // A split corpus may not have read the article's text yet: ask for it
    // first and say so until it is here.
    let text = {
        let state = state.clone();
        Memo::new(move |_| open.get().map(|o| state.text_state(o.article)))
    };
    move || match (open.get(), text.get()) {
        (Some(o), Some(TextState::Here)) => view! { <Reader open=o hidden /> }.into_any(),
        (Some(o), Some(waiting)) => {
            let article = state.corpus.article(o.article);
            let message = if waiting == TextState::Coming {
                state.want_text(o.article);
                "Reading this article's text…"
            } else {
                "This article's text could not be read; the list of dropped items above says why."
            };
            let close = state.open;
            view! {
                <article class="reader" aria-labelledby="reader-title">
                    <PanelHead id="reader-title" title=article.title.clone() close_label="Close article" on_close=move || close.set(None)/>
                    <p class="reader-waiting" role="status">{message}</p>
                </article>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}

#[component]
fn Reader(open: OpenArticle, hidden: RwSignal<Vec<EntityKind>>) -> impl IntoView {
    let state = use_state();
    let corpus = state.corpus.clone();
    let article = corpus.article(open.article).clone();
    let mentions: Vec<_> = corpus.mentions_in(open.article).to_vec();
    let spans: Vec<Span> = mentions.iter().map(|m| m.span).collect();
    let (hits, query) = (state.hits, state.query);
    let hit_spans = {
        let text = article.text().to_string();
        move || {
            if hits.with(|h| h.iter().any(|h| h.article == open.article)) {
                query.with(|q| crate::search::match_spans(&text, q))
            } else {
                Vec::new()
            }
        }
    };
    let text_len = article.length;
    let filters = state.filters;
    let body = {
        let corpus = corpus.clone();
        let article = article.clone();
        move || {
            let hits = hit_spans();
            let hidden = hidden.get();
            let segments = segment(
                text_len,
                Layers {
                    mentions: &spans,
                    hits: &hits,
                    evidence: open.span,
                },
            );
            segments
                .into_iter()
                .map(|seg| {
                    let text = article.slice(seg.span).to_string();
                    let visible: Vec<_> = seg
                        .mentions
                        .iter()
                        .map(|&i| mentions[i as usize])
                        .filter(|m| !hidden.contains(&corpus.entity(m.entity).kind))
                        .collect();
                    let mut classes = Vec::new();
                    if seg.hit {
                        classes.push("hit".to_string());
                    }
                    if seg.evidence {
                        classes.push("evidence-span".to_string());
                    }
                    match visible.last() {
                        Some(inner) => {
                            let entity = corpus.entity(inner.entity);
                            classes.push("mention".into());
                            classes.push(format!("kind-{}", entity.kind.code()));
                            if visible.len() > 1 {
                                classes.push("nested".into());
                            }
                            let title = visible
                                .iter()
                                .map(|m| {
                                    let e = corpus.entity(m.entity);
                                    format!("{} ({})", e.name, e.kind.label())
                                })
                                .collect::<Vec<_>>()
                                .join("; ");
                            let entity_ix = inner.entity;
                            let filter_by = move || {
                                filters.update(|f| {
                                    f.participants.insert(entity_ix);
                                })
                            };
                            view! {
                                <mark
                                    class=classes.join(" ")
                                    title=format!("{title} — click to filter by it")
                                    aria-label=format!("{text}: {title}")
                                    tabindex="0"
                                    role="button"
                                    on:click=move |_| filter_by()
                                    on:keydown=move |ev| {
                                        if ev.key() == "Enter" {
                                            filter_by();
                                        }
                                    }
                                >
                                    {text.clone()}
                                </mark>
                            }
                            .into_any()
                        }
                        None if !classes.is_empty() => {
                            view! { <mark class=classes.join(" ")>{text}</mark> }.into_any()
                        }
                        None => text.into_any(),
                    }
                })
                .collect_view()
        }
    };
    let body_ref = NodeRef::<html::Div>::new();
    // Bring the evidence into view once the text is in the page.
    Effect::new(move |_| {
        if let Some(el) = body_ref.get() {
            if let Ok(Some(target)) = el.query_selector(".evidence-span") {
                target.scroll_into_view();
            }
        }
    });
    let dir = if ["ar", "he", "fa", "ur"]
        .iter()
        .any(|l| article.language.starts_with(l))
    {
        "rtl"
    } else {
        "auto"
    };
    let close = state.open;
    view! {
        <article class="reader" aria-labelledby="reader-title">
            <PanelHead id="reader-title" title=article.title.clone() close_label="Close article" on_close=move || close.set(None)/>
            <p class="article-meta">
                {article.source.clone()}" · "
                <time datetime=article.published.to_string()>{article.published.label()}</time>
                {article.url.clone().map(|url| match article.web_url() {
                    Some(link) => view! {
                        " · "
                        <a class="article-url" href=link.to_string() rel="noopener noreferrer" target="_blank">
                            "Original article"
                        </a>
                    }.into_any(),
                    None => view! { " · " <span class="article-url">{url}</span> }.into_any(),
                })}
            </p>
            <Legend hidden />
            <div class="article-text" lang=article.language.clone() dir=dir node_ref=body_ref>
                {body}
            </div>
        </article>
    }
}

/// Toggle buttons, one per entity kind, that show or hide its marks.
#[component]
fn Legend(hidden: RwSignal<Vec<EntityKind>>) -> impl IntoView {
    let buttons = EntityKind::ALL
        .into_iter()
        .filter(|k| *k != EntityKind::Other)
        .map(|kind| {
            let shown = move || !hidden.with(|h| h.contains(&kind));
            view! {
                <button
                    type="button"
                    class=format!("legend-item kind-{}", kind.code())
                    aria-pressed=move || shown().to_string()
                    on:click=move |_| {
                        hidden.update(|h| {
                            if let Some(i) = h.iter().position(|k| *k == kind) {
                                h.remove(i);
                            } else {
                                h.push(kind);
                            }
                        })
                    }
                >
                    <span class="swatch" aria-hidden="true"></span>
                    {kind.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="legend" role="group" aria-label="Entity types shown">
            {buttons}
        </div>
    }
}
