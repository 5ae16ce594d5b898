//! The view state as URL query pairs, so a link or a reload reproduces what the
//! user sees, and back and forward step through it.
//!
//! Invariant: `decode(encode(v)) == v` for any view state of a corpus; unknown
//! or stale values in a link are ignored, never an error.

use std::collections::BTreeSet;

use crate::facets::Filters;
use crate::timeline::LaneMode;
use explorer_corpus::dates::{iso_day, DayNumber, PartialDate};
use explorer_corpus::{ArticleIx, Corpus, EntityIx, EventIx, EventKind, Span};

/// Everything the user chose that a link should carry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// The text query.
    pub query: String,
    /// The facet choices.
    pub filters: Filters,
    /// The selected timeline item, by its first event.
    pub selected: Option<EventIx>,
    /// The article in the reader and the span emphasised in it.
    pub open: Option<(ArticleIx, Option<Span>)>,
    /// The entity whose page is shown.
    pub entity: Option<EntityIx>,
    /// How the timeline forms its lanes.
    pub lanes: LaneMode,
    /// The timeline's visible days (first, last), when zoomed or panned.
    pub window: Option<(DayNumber, DayNumber)>,
    /// The view shown beside the detail: the event list, the entity index
    /// or the overview.
    pub tab: Tab,
}

/// The views the list pane switches between.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    /// The filtered events and the articles.
    #[default]
    Events,
    /// The entity index.
    Entities,
    /// Events per year, the busiest participants and the counting claims.
    Overview,
}

impl Tab {
    /// Every tab, in the order the page shows them.
    pub const ALL: [Tab; 3] = [Tab::Events, Tab::Entities, Tab::Overview];

    /// The tab's name in a link.
    pub fn code(self) -> &'static str {
        match self {
            Tab::Events => "events",
            Tab::Entities => "entities",
            Tab::Overview => "overview",
        }
    }

    /// The tab named `code` in a link.
    pub fn from_code(code: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.code() == code)
    }

    /// What the tab says.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Events => "Events",
            Tab::Entities => "Entities",
            Tab::Overview => "Overview",
        }
    }
}

/// Query keys, in the order they are written.
pub mod keys {
    /// Text query.
    pub const QUERY: &str = "q";
    /// Event kinds, CAMEO codes.
    pub const KIND: &str = "kind";
    /// Participants, entity ids.
    pub const WITH: &str = "with";
    /// Host countries, entity ids.
    pub const HOST: &str = "host";
    /// Places, entity ids.
    pub const PLACE: &str = "place";
    /// Sources.
    pub const SOURCE: &str = "source";
    /// Date window start, a date.
    pub const FROM: &str = "from";
    /// Date window end, a date.
    pub const TO: &str = "to";
    /// Selected event id.
    pub const EVENT: &str = "event";
    /// Open article id.
    pub const ARTICLE: &str = "article";
    /// Emphasised span, `start-end` in code points.
    pub const SPAN: &str = "span";
    /// Entity page, an entity id.
    pub const ENTITY: &str = "entity";
    /// Timeline lanes: `person` or `pair` (country is the default).
    pub const LANES: &str = "lanes";
    /// Timeline window, `first..last` as ISO days.
    pub const WINDOW: &str = "window";
    /// The list pane's view: `entities` or `overview` (events is the default).
    pub const TAB: &str = "tab";
    /// Every key, in the order they are written.
    pub const ALL: [&str; 15] = [
        QUERY, KIND, WITH, HOST, PLACE, SOURCE, FROM, TO, EVENT, ARTICLE, SPAN, ENTITY, LANES,
        WINDOW, TAB,
    ];
}

/// Writes `v` as query pairs; repeated keys carry sets.
pub fn encode(corpus: &Corpus, v: &ViewState) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if !v.query.is_empty() {
        out.push((keys::QUERY, v.query.clone()));
    }
    for k in &v.filters.kinds {
        out.push((keys::KIND, k.code().to_string()));
    }
    let entity = |e: &EntityIx| corpus.entity(*e).id.clone();
    for (key, set) in [
        (keys::WITH, &v.filters.participants),
        (keys::HOST, &v.filters.hosts),
        (keys::PLACE, &v.filters.places),
    ] {
        out.extend(set.iter().map(|e| (key, entity(e))));
    }
    for s in &v.filters.sources {
        out.push((keys::SOURCE, s.clone()));
    }
    if let Some(d) = v.filters.from {
        out.push((keys::FROM, iso_day(d)));
    }
    if let Some(d) = v.filters.to {
        out.push((keys::TO, iso_day(d)));
    }
    if let Some(e) = v.selected {
        out.push((keys::EVENT, corpus.event(e).id.clone()));
    }
    if let Some(e) = v.entity {
        out.push((keys::ENTITY, corpus.entity(e).id.clone()));
    }
    if let Some((a, span)) = v.open {
        out.push((keys::ARTICLE, corpus.article(a).id.clone()));
        if let Some(s) = span {
            out.push((keys::SPAN, format!("{}-{}", s.start, s.end)));
        }
    }
    if v.lanes != LaneMode::default_for(corpus) {
        out.push((keys::LANES, v.lanes.code().to_string()));
    }
    if let Some((first, last)) = v.window {
        out.push((
            keys::WINDOW,
            format!("{}..{}", iso_day(first), iso_day(last)),
        ));
    }
    if v.tab != Tab::default() {
        out.push((keys::TAB, v.tab.code().to_string()));
    }
    out
}

/// Reads query pairs back; values that name nothing in `corpus` are skipped.
pub fn decode(corpus: &Corpus, pairs: &[(String, String)]) -> ViewState {
    let lanes = LaneMode::default_for(corpus);
    let mut v = ViewState {
        lanes,
        ..ViewState::default()
    };
    let mut article = None;
    let mut span = None;
    let entity = |id: &str| corpus.entity_by_id(id);
    let insert = |set: &mut BTreeSet<EntityIx>, id: &str| {
        if let Some(e) = entity(id) {
            set.insert(e);
        }
    };
    for (key, value) in pairs {
        match key.as_str() {
            keys::QUERY => v.query = value.clone(),
            keys::KIND => {
                if let Some(k) = EventKind::from_code(value) {
                    v.filters.kinds.insert(k);
                }
            }
            keys::WITH => insert(&mut v.filters.participants, value),
            keys::HOST => insert(&mut v.filters.hosts, value),
            keys::PLACE => insert(&mut v.filters.places, value),
            keys::SOURCE if corpus.articles.iter().any(|a| &a.source == value) => {
                v.filters.sources.insert(value.clone());
            }
            keys::FROM => v.filters.from = PartialDate::parse(value).ok().map(|d| d.first_day()),
            keys::TO => v.filters.to = PartialDate::parse(value).ok().map(|d| d.last_day()),
            keys::EVENT => v.selected = corpus.event_by_id(value),
            keys::ENTITY => v.entity = corpus.entity_by_id(value),
            keys::ARTICLE => article = corpus.article_by_id(value),
            keys::SPAN => span = parse_span(value),
            keys::LANES => {
                v.lanes = LaneMode::from_code(value)
                    .filter(|&m| m != LaneMode::Group || lanes == LaneMode::Group)
                    .unwrap_or(lanes)
            }
            keys::WINDOW => v.window = parse_window(value),
            keys::TAB => v.tab = Tab::from_code(value).unwrap_or_default(),
            _ => {}
        }
    }
    if let Some(a) = article {
        let len = corpus.article(a).length;
        v.open = Some((a, span.filter(|s| s.end <= len)));
    }
    v
}

fn parse_window(value: &str) -> Option<(DayNumber, DayNumber)> {
    let (a, b) = value.split_once("..")?;
    let day = |text: &str| {
        PartialDate::parse(text)
            .ok()
            .filter(PartialDate::is_exact)
            .map(|d| d.first_day())
    };
    let (first, last) = (day(a)?, day(b)?);
    (first < last).then_some((first, last))
}

fn parse_span(value: &str) -> Option<Span> {
    let (a, b) = value.split_once('-')?;
    let (start, end) = (a.parse().ok()?, b.parse().ok()?);
    (start <= end).then_some(Span { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_corpus::load;

    fn corpus() -> Corpus {
        let text = r#"{"format":"article-explorer/corpus","version":1,
          "articles":[{"id":"a","title":"t","source":"Wire & Co","published":"2023","language":"en","text":"Evidence one."}],
          "entities":[{"id":"xi","kind":"person","name":"Xi"},{"id":"ru","kind":"country","name":"Russia"}],
          "events":[{"id":"e1","kind":"042","start":"2023-03-20","participants":["xi"],"host":"ru","summary":"s","evidence":[{"article":"a","start":0,"end":13}]}]}"#;
        load(text).unwrap().corpus
    }

    fn pairs(v: &[(&'static str, String)]) -> Vec<(String, String)> {
        v.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    #[test]
    fn round_trips_a_full_view() {
        let c = corpus();
        let mut v = ViewState {
            query: "talks in Moscow".into(),
            selected: Some(EventIx(0)),
            entity: Some(EntityIx(1)),
            open: Some((ArticleIx(0), Some(Span { start: 0, end: 13 }))),
            lanes: LaneMode::CountryPair,
            tab: Tab::Overview,
            window: Some((
                PartialDate::parse("2013-01-01").unwrap().first_day(),
                PartialDate::parse("2016-06-30").unwrap().first_day(),
            )),
            ..ViewState::default()
        };
        v.filters.kinds.insert(EventKind::Visit);
        v.filters.kinds.insert(EventKind::Telephone);
        v.filters.participants.insert(EntityIx(0));
        v.filters.hosts.insert(EntityIx(1));
        v.filters.sources.insert("Wire & Co".into());
        v.filters.from = Some(PartialDate::parse("2013-03-01").unwrap().first_day());
        v.filters.to = Some(PartialDate::parse("2023-12-31").unwrap().last_day());
        let encoded = encode(&c, &v);
        assert!(encoded.contains(&("with", "xi".to_string())));
        assert!(encoded.contains(&("from", "2013-03-01".to_string())));
        assert!(encoded.contains(&("window", "2013-01-01..2016-06-30".to_string())));
        assert!(encoded.contains(&("lanes", "pair".to_string())));
        assert!(encoded.contains(&("tab", "overview".to_string())));
        assert_eq!(decode(&c, &pairs(&encoded)), v);
    }

    #[test]
    fn stale_links_are_ignored_not_errors() {
        let c = corpus();
        let stale = pairs(&[
            ("with", "nobody".into()),
            ("kind", "999".into()),
            ("event", "gone".into()),
            ("article", "a".into()),
            ("span", "5-500".into()),
            ("from", "2023-02-30".into()),
            ("window", "2016-01-01..2013-01-01".into()),
            ("lanes", "sideways".into()),
            ("tab", "nowhere".into()),
            ("unknown", "x".into()),
        ]);
        let v = decode(&c, &stale);
        assert_eq!(v.filters, Filters::default());
        assert_eq!(v.selected, None);
        assert_eq!(v.open, Some((ArticleIx(0), None)));
        assert_eq!(v.window, None);
        assert_eq!(v.lanes, LaneMode::Country);
        assert_eq!(v.tab, Tab::Events);
        let group = pairs(&[("lanes", "group".into())]);
        assert_eq!(decode(&c, &group).lanes, LaneMode::Country);
    }

    /// A corpus whose events carry groups opens with lanes by group, and a
    /// link asking for lanes by country keeps saying so.
    #[test]
    fn grouped_corpora_open_with_lanes_by_group() {
        let text = r#"{"format":"article-explorer/corpus","version":1,
          "articles":[{"id":"a","title":"t","source":"s","published":"2023","language":"en","text":"Evidence one."}],
          "entities":[{"id":"xi","kind":"person","name":"Xi"}],
          "events":[{"id":"e1","kind":"042","start":"2023-03-20","participants":["xi"],"summary":"s","evidence":[{"article":"a","start":0,"end":13}],"group":"Trips"}]}"#;
        let c = load(text).unwrap().corpus;
        let v = decode(&c, &[]);
        assert_eq!(v.lanes, LaneMode::Group);
        assert!(encode(&c, &v).is_empty());
        let by_country = ViewState {
            lanes: LaneMode::Country,
            ..v
        };
        let encoded = encode(&c, &by_country);
        assert_eq!(encoded, [("lanes", "country".to_string())]);
        assert_eq!(decode(&c, &pairs(&encoded)).lanes, LaneMode::Country);
    }
}
