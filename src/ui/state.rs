//! The explorer's state: the loaded corpus and its search index (built once),
//! a few signals for what the user chose, and memos for everything derived.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::corpus::{ArticleIx, Corpus, Diagnostic, EntityIx, EventIx, Span};
use crate::dates::DayNumber;
use crate::facets::{self, Filtered, Filters};
use crate::search::{Hit, Index};
use crate::timeline::{self, Item, LaneMode};

/// An article opened in the reader, with the span to emphasise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenArticle {
    /// Which article.
    pub article: ArticleIx,
    /// The evidence span to mark and scroll to.
    pub span: Option<Span>,
}

/// Shared through context by every explorer component.
#[derive(Clone)]
pub struct State {
    /// The loaded corpus.
    pub corpus: Arc<Corpus>,
    /// What the loader dropped.
    pub diagnostics: Arc<Vec<Diagnostic>>,
    /// The text query as typed.
    pub query: RwSignal<String>,
    /// The facet choices.
    pub filters: RwSignal<Filters>,
    /// The selected timeline item, by its first event.
    pub selected: RwSignal<Option<EventIx>>,
    /// The article in the reader.
    pub open: RwSignal<Option<OpenArticle>>,
    /// The entity whose page is shown.
    pub entity: RwSignal<Option<EntityIx>>,
    /// How the timeline forms lanes.
    pub lanes: RwSignal<LaneMode>,
    /// The timeline's visible days, when zoomed or panned away from the whole.
    pub window: RwSignal<Option<(DayNumber, DayNumber)>>,
    /// Search results for the query, best first.
    pub hits: Memo<Arc<Vec<Hit>>>,
    /// Events passing the filters, with facet counts.
    pub filtered: Memo<Arc<Filtered>>,
    /// Timeline items of the filtered events, in date order.
    pub items: Memo<Arc<Vec<Item>>>,
}

impl State {
    /// Builds the state for a freshly loaded corpus.
    pub fn new(corpus: Corpus, diagnostics: Vec<Diagnostic>) -> State {
        let corpus = Arc::new(corpus);
        let index = Arc::new(super::perf::measured("ae:index-build", || {
            Index::build(&corpus)
        }));
        let query = RwSignal::new(String::new());
        let filters = RwSignal::new(Filters::default());
        let hits = Memo::new(move |_| {
            let q = query.get();
            Arc::new(super::perf::measured("ae:search", || index.search(&q)))
        });
        let filtered = {
            let corpus = corpus.clone();
            Memo::new(move |_| {
                let hits = hits.get();
                let matches: Option<HashSet<ArticleIx>> = if query.with(|q| q.trim().is_empty()) {
                    None
                } else {
                    Some(hits.iter().map(|h| h.article).collect())
                };
                Arc::new(filters.with(|f| facets::apply(&corpus, f, matches.as_ref())))
            })
        };
        let items = {
            let corpus = corpus.clone();
            Memo::new(move |_| Arc::new(timeline::items(&corpus, &filtered.get().events)))
        };
        State {
            corpus,
            diagnostics: Arc::new(diagnostics),
            query,
            filters,
            selected: RwSignal::new(None),
            open: RwSignal::new(None),
            entity: RwSignal::new(None),
            lanes: RwSignal::new(LaneMode::default()),
            window: RwSignal::new(None),
            hits,
            filtered,
            items,
        }
    }

    /// Opens `article` in the reader, emphasising `span`.
    pub fn open_article(&self, article: ArticleIx, span: Option<Span>) {
        self.open.set(Some(OpenArticle { article, span }));
    }
}

/// The explorer state from context.
pub fn use_state() -> State {
    expect_context::<State>()
}
