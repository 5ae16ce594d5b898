//! The explorer's state: the loaded corpus and its search index (built once),
//! a few signals for what the user chose, and memos for everything derived.

use std::sync::Arc;

use leptos::prelude::*;

use crate::corpus::{ArticleIx, Corpus, Diagnostic, EntityIx, EventIx, Span};
use crate::dates::DayNumber;
use crate::facets::{self, Filtered, Filters};
use crate::search::{Hit, Index, IndexBuilder};

use super::fetch::{receive_part, request_part, PartRequest, Split};

/// Longest slice of index building between yields to the browser.
const SLICE_MS: f64 = 8.0;
use crate::timeline::{self, Items, LaneMode};
use crate::view_state::Tab;

/// The pane shown at phone widths, where only one fits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    /// The timeline.
    #[default]
    Timeline,
    /// The list pane's view (events, entities or overview).
    List,
    /// The selected event, the entity page and the article reader.
    Detail,
    /// The filters.
    Filters,
}

impl Pane {
    /// Every pane, in the order the pane bar shows them.
    pub const ALL: [Pane; 4] = [Pane::Timeline, Pane::List, Pane::Detail, Pane::Filters];

    /// The pane's name on the pane bar.
    pub fn label(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::List => "List",
            Pane::Detail => "Detail",
            Pane::Filters => "Filters",
        }
    }

    /// The name the stylesheet knows the pane by.
    pub fn code(self) -> &'static str {
        match self {
            Pane::Timeline => "timeline",
            Pane::List => "list",
            Pane::Detail => "detail",
            Pane::Filters => "filters",
        }
    }
}

/// An article opened in the reader, with the span to emphasise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenArticle {
    /// Which article.
    pub article: ArticleIx,
    /// The evidence span to mark and scroll to.
    pub span: Option<Span>,
}

/// Where an article's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextState {
    /// In memory.
    Here,
    /// In a part not read yet.
    Coming,
    /// In a part that could not be read, or not in its part.
    Missing,
}

/// Shared through context by every explorer component.
#[derive(Clone)]
pub struct State {
    /// The loaded corpus.
    pub corpus: Arc<Corpus>,
    /// What the loader dropped (a split corpus adds to it as parts arrive).
    pub diagnostics: RwSignal<Vec<Diagnostic>>,
    /// For a split corpus, where the article texts come from.
    split: Option<Arc<Split>>,
    /// Parts read or given up on so far, by part.
    settled: RwSignal<Vec<bool>>,
    /// A part to read before the others, because the user is waiting for it.
    wanted: RwSignal<Option<usize>>,
    /// Whether every part of a split corpus has been read (or given up on);
    /// always true for a corpus read whole.
    pub texts_settled: Memo<bool>,
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
    /// The list pane's view.
    pub tab: RwSignal<Tab>,
    /// The pane in view at phone widths (wider screens show them all).
    pub pane: RwSignal<Pane>,
    /// Every event with the facet counts of the whole corpus, computed once.
    pub overall: Arc<Filtered>,
    /// The search index, once built (it is built after the first paint, a
    /// slice at a time).
    pub index: RwSignal<Option<Arc<Index>>>,
    /// Articles indexed so far, while the index is being built.
    pub indexed: RwSignal<usize>,
    /// Search results for the query, best first; empty until the index is
    /// ready.
    pub hits: Memo<Arc<Vec<Hit>>>,
    /// Events passing the filters, with facet counts.
    pub filtered: Memo<Arc<Filtered>>,
    /// Timeline items of the filtered events, in date order.
    pub items: Memo<Arc<Items>>,
}

impl State {
    /// Builds the state for a freshly loaded corpus.
    pub fn new(corpus: Corpus, diagnostics: Vec<Diagnostic>, split: Option<Split>) -> State {
        let corpus = Arc::new(corpus);
        let index = RwSignal::new(None::<Arc<Index>>);
        let query = RwSignal::new(String::new());
        let filters = RwSignal::new(Filters::default());
        let hits = Memo::new(move |_| {
            let q = query.get();
            Arc::new(index.with(|index| match index {
                Some(index) => super::perf::measured("ae:search", || index.search(&q)),
                None => Vec::new(),
            }))
        });
        let filtered = {
            let corpus = corpus.clone();
            Memo::new(move |_| {
                let hits = hits.get();
                // Until the index is ready the query does not filter yet;
                // the search box says so.
                let searching = !query.with(|q| q.trim().is_empty()) && index.with(|i| i.is_some());
                let matches: Option<facets::ArticleSet> =
                    searching.then(|| hits.iter().map(|h| h.article).collect());
                Arc::new(super::perf::measured("ae:filter", || {
                    filters.with(|f| facets::apply(&corpus, f, matches.as_ref()))
                }))
            })
        };
        let items = {
            let corpus = corpus.clone();
            let all = timeline::AllItems::new(&corpus);
            Memo::new(move |_| {
                let filtered = filtered.get();
                Arc::new(super::perf::measured("ae:items", || {
                    all.select(&corpus, &filtered.events)
                }))
            })
        };
        let overall = Arc::new(facets::apply(&corpus, &Filters::default(), None));
        let settled = RwSignal::new(vec![false; split.as_ref().map_or(0, |s| s.urls.len())]);
        State {
            corpus,
            overall,
            index,
            indexed: RwSignal::new(0),
            diagnostics: RwSignal::new(diagnostics),
            settled,
            texts_settled: Memo::new(move |_| settled.with(|s| s.iter().all(|&done| done))),
            split: split.map(Arc::new),
            wanted: RwSignal::new(None),
            query,
            filters,
            selected: RwSignal::new(None),
            open: RwSignal::new(None),
            entity: RwSignal::new(None),
            lanes: RwSignal::new(LaneMode::default()),
            window: RwSignal::new(None),
            tab: RwSignal::new(Tab::default()),
            pane: RwSignal::new(Pane::default()),
            hits,
            filtered,
            items,
        }
    }

    /// Builds the search index in slices of a few milliseconds, yielding to
    /// the browser between them so input and painting stay smooth, then
    /// publishes it. Emits `ae:index-build` (wall time) and `ae:index-ready`
    /// with `detail.busyMs`, the time spent indexing.
    pub fn build_index(&self) {
        let (corpus, index, indexed) = (self.corpus.clone(), self.index, self.indexed);
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut builder = IndexBuilder::new();
            let mut busy = 0.0;
            super::perf::mark("ae:index-build:start");
            loop {
                let slice = super::perf::now();
                let mut more = true;
                while more && super::perf::now() - slice < SLICE_MS {
                    // A few articles between clock reads.
                    for _ in 0..8 {
                        more = builder.add_next(&corpus);
                        if !more {
                            break;
                        }
                    }
                }
                busy += super::perf::now() - slice;
                if indexed.try_set(builder.indexed()).is_some() {
                    // Another corpus replaced this one.
                    return;
                }
                let next = builder.indexed();
                if next == corpus.articles.len() {
                    break;
                }
                if !more {
                    // The next article's text is in a part not read yet, or
                    // never coming.
                    match this.text_state(ArticleIx(next as u32)) {
                        TextState::Coming => super::perf::sleep(30).await,
                        _ => builder.skip_next(),
                    }
                    continue;
                }
                super::perf::yield_now().await;
            }
            let slice = super::perf::now();
            let mut built = builder.finish();
            busy += super::perf::now() - slice;
            // Returning the posting lists' spare room copies them: in slices too.
            let mut from = Some(0);
            while let Some(at) = from {
                let slice = super::perf::now();
                from = built.compact(at, || super::perf::now() - slice < SLICE_MS);
                busy += super::perf::now() - slice;
                if from.is_some() {
                    super::perf::yield_now().await;
                }
            }
            super::perf::measure_from("ae:index-build", "ae:index-build:start");
            super::perf::mark_with(
                "ae:index-ready",
                &[
                    ("busyMs", busy),
                    ("wasmBytes", super::perf::wasm_memory_bytes()),
                ],
            );
            index.set(Some(Arc::new(built)));
        });
    }

    /// Whether an article's text is here, on its way, or never coming
    /// (tracks the parts as they arrive).
    pub fn text_state(&self, article: ArticleIx) -> TextState {
        let part = self.corpus.article(article).part;
        // A state whose explorer is gone (another corpus was opened) reads
        // as settled, so the tasks still running for it stop.
        let settled = self
            .settled
            .try_with(|s| part.is_none_or(|p| s.get(p as usize).copied().unwrap_or(true)))
            .unwrap_or(true);
        match (self.corpus.article(article).body().is_some(), settled) {
            (true, _) => TextState::Here,
            (false, false) => TextState::Coming,
            (false, true) => TextState::Missing,
        }
    }

    /// How many articles have no text and will get none: their part could
    /// not be read. (Before the parts settle, texts still coming count too.)
    pub fn missing_texts(&self) -> usize {
        self.corpus
            .articles
            .iter()
            .filter(|a| a.body().is_none())
            .count()
    }

    /// Asks for the part that holds `article` before the others.
    pub fn want_text(&self, article: ArticleIx) {
        if let Some(p) = self.corpus.article(article).part {
            self.wanted.set(Some(p as usize));
        }
    }

    /// Reads the parts of a split corpus one after the other (the next one
    /// downloading while one is checked), the part the user is waiting for
    /// first, and gives their articles their texts.
    /// Emits `ae:texts-ready` when the last has arrived.
    pub fn read_parts(&self) {
        let Some(split) = self.split.clone() else {
            return;
        };
        let (corpus, settled, wanted, diagnostics) = (
            self.corpus.clone(),
            self.settled,
            self.wanted,
            self.diagnostics,
        );
        wasm_bindgen_futures::spawn_local(async move {
            let mut next = 0;
            // Stops when every part is read, or when another corpus has
            // replaced this one (its signals are gone).
            let done = |p: usize| settled.try_with_untracked(|s| s[p]).unwrap_or(true);
            let mut ahead: Option<(usize, PartRequest)> = None;
            loop {
                if settled.try_with_untracked(|_| ()).is_none() {
                    return;
                }
                let chosen = wanted
                    .try_update_untracked(Option::take)
                    .flatten()
                    .filter(|&p| !done(p));
                let part = match chosen {
                    Some(p) => p,
                    None => {
                        while next < split.urls.len() && done(next) {
                            next += 1;
                        }
                        if next == split.urls.len() {
                            break;
                        }
                        next
                    }
                };
                let request = match ahead.take() {
                    Some((p, request)) if p == part => request,
                    other => {
                        ahead = other;
                        request_part(&split.urls[part])
                    }
                };
                // The next part in order downloads while this one is checked.
                let following = (next..split.urls.len()).find(|&p| p != part && !done(p));
                if let Some(f) = following {
                    if ahead.as_ref().is_none_or(|(p, _)| *p != f) {
                        ahead = Some((f, request_part(&split.urls[f])));
                    }
                }
                let said = match receive_part(request).await {
                    Ok(parsed) => {
                        let name = &split.parts.urls[part];
                        let mut said: Vec<Diagnostic> = parsed
                            .diagnostics
                            .into_iter()
                            .map(|d| Diagnostic {
                                location: format!("part {name} {}", d.location),
                                ..d
                            })
                            .collect();
                        said.extend(split.parts.add(&corpus, part, parsed.file));
                        said
                    }
                    Err(e) => {
                        let count = corpus
                            .articles
                            .iter()
                            .filter(|a| a.part == Some(part as u32))
                            .count();
                        vec![Diagnostic {
                            location: format!("part {}", split.parts.urls[part]),
                            message: format!("{e}; its {count} article(s) are shown without text"),
                        }]
                    }
                };
                if !said.is_empty() {
                    diagnostics.try_update(|d| d.extend(said));
                }
                settled.try_update(|s| s[part] = true);
                super::perf::yield_now().await;
            }
            super::perf::mark("ae:texts-ready");
        });
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
