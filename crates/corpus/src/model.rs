//! The validated in-memory corpus. Every reference in it resolves: indices
//! point into the owning vectors, spans lie inside their article's text, and
//! dates are real calendar periods.

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use crate::dates::{DateRange, PartialDate};
use crate::offsets::TextOffsets;

/// Position of an article in [`Corpus::articles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleIx(pub u32);

/// Position of an entity in [`Corpus::entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityIx(pub u32);

/// Position of an event in [`Corpus::events`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventIx(pub u32);

/// What sort of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A sovereign state or territory.
    Country,
    /// A city, region, building or other location.
    Place,
    /// A government body, company, alliance or other organisation.
    Organisation,
    /// A date or period named in the text.
    Date,
    /// Anything else worth marking.
    Other,
}

impl EntityKind {
    /// Every kind, in the order the legend shows them.
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Country,
        EntityKind::Place,
        EntityKind::Organisation,
        EntityKind::Date,
        EntityKind::Other,
    ];

    /// The word used in the corpus file.
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
            EntityKind::Date => "date",
            EntityKind::Other => "other",
        }
    }

    /// Reads the word used in the corpus file.
    pub fn from_code(code: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind whose code differs from `code` only in case or white space
    /// ("PERSON", " Country "); the loader reads such a code with a warning.
    pub fn from_code_loosely(code: &str) -> Option<EntityKind> {
        let code = loose(code);
        EntityKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// A short label for people, also the legend's non-colour cue.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Country => "Country",
            EntityKind::Place => "Place",
            EntityKind::Organisation => "Organisation",
            EntityKind::Date => "Date",
            EntityKind::Other => "Other",
        }
    }
}

/// An event type from the CAMEO "consult" family, plus two neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventKind {
    /// 036: express intent to meet or negotiate.
    IntentToMeet,
    /// 040: consult, not otherwise specified.
    Consult,
    /// 041: discuss by telephone.
    Telephone,
    /// 042: make a visit.
    Visit,
    /// 043: host a visit.
    HostVisit,
    /// 044: meet at a third location.
    MeetThirdLocation,
    /// 046: engage in negotiation.
    Negotiate,
    /// 057: sign a formal agreement.
    SignAgreement,
}

impl EventKind {
    /// Every kind, in CAMEO code order.
    pub const ALL: [EventKind; 8] = [
        EventKind::IntentToMeet,
        EventKind::Consult,
        EventKind::Telephone,
        EventKind::Visit,
        EventKind::HostVisit,
        EventKind::MeetThirdLocation,
        EventKind::Negotiate,
        EventKind::SignAgreement,
    ];

    /// The CAMEO code, as written in the corpus file.
    pub fn code(self) -> &'static str {
        match self {
            EventKind::IntentToMeet => "036",
            EventKind::Consult => "040",
            EventKind::Telephone => "041",
            EventKind::Visit => "042",
            EventKind::HostVisit => "043",
            EventKind::MeetThirdLocation => "044",
            EventKind::Negotiate => "046",
            EventKind::SignAgreement => "057",
        }
    }

    /// Reads a CAMEO code.
    pub fn from_code(code: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind whose CAMEO code differs from `code` only in white space
    /// (" 042"); the loader reads such a code with a warning.
    pub fn from_code_loosely(code: &str) -> Option<EventKind> {
        let code = loose(code);
        EventKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::IntentToMeet => "Intent to meet",
            EventKind::Consult => "Consultation",
            EventKind::Telephone => "Telephone call",
            EventKind::Visit => "Visit",
            EventKind::HostVisit => "Hosted visit",
            EventKind::MeetThirdLocation => "Meeting at a third location",
            EventKind::Negotiate => "Negotiation",
            EventKind::SignAgreement => "Agreement signed",
        }
    }

    /// Whether the kind brings its participants together in person: every
    /// kind but an intent to meet (036), which has not happened yet, and a
    /// telephone call (041), which happens at a distance. Negotiations (046)
    /// and signings (057) count: they are held face to face. This is the
    /// rule ARCHITECTURE.md states for checking counting claims; the
    /// extractor builds on it to decide which sentences join one event.
    pub fn is_in_person(self) -> bool {
        !matches!(self, EventKind::IntentToMeet | EventKind::Telephone)
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.label(), self.code())
    }
}

/// A code without white space and in lower case, for reading codes that
/// another program wrote in its own style.
fn loose(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A half-open range of code points in an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
}

impl Span {
    /// The span as a `Range` of code points.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One article. Its body (text and mentions) may arrive after the rest: a
/// split corpus lists articles in a manifest and keeps bodies in parts that
/// are read later, so views ask [`Article::body`] and say when it is not here
/// yet.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Unique among articles.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The publisher or news service.
    pub source: String,
    /// Where it was published, if known.
    pub url: Option<String>,
    /// Publication date.
    pub published: PartialDate,
    /// Language tag of the text.
    pub language: String,
    /// Length of the text in code points, known before the text arrives.
    pub length: u32,
    /// For a split corpus, the part that holds the body.
    pub part: Option<u32>,
    body: OnceLock<Body>,
}

/// What is known of an article before its body.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleMeta {
    /// Unique among articles.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The publisher or news service.
    pub source: String,
    /// Where it was published, if known.
    pub url: Option<String>,
    /// Publication date.
    pub published: PartialDate,
    /// Language tag of the text.
    pub language: String,
}

/// An article's text with its mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// The plain text.
    pub text: String,
    /// Position conversions for `text`.
    pub offsets: TextOffsets,
    /// The mentions in the text, sorted by start, then end.
    pub mentions: Vec<Mention>,
}

impl Body {
    /// A body for `text`, its offsets worked out here.
    pub fn new(text: String, mentions: Vec<Mention>) -> Body {
        let offsets = TextOffsets::new(&text);
        Body::with_offsets(text, offsets, mentions)
    }

    /// A body for `text` whose offsets the caller has already worked out.
    pub fn with_offsets(text: String, offsets: TextOffsets, mut mentions: Vec<Mention>) -> Body {
        crate::sort::sort(&mut mentions);
        Body {
            text,
            offsets,
            mentions,
        }
    }
}

impl Article {
    /// An article with its body.
    pub fn new(meta: ArticleMeta, body: Body) -> Article {
        let article = Article::without_body(meta, body.offsets.char_len() as u32, None);
        let _ = article.body.set(body);
        article
    }

    /// An article whose body is still to come, `length` code points long.
    pub fn without_body(meta: ArticleMeta, length: u32, part: Option<u32>) -> Article {
        Article {
            id: meta.id,
            title: meta.title,
            source: meta.source,
            url: meta.url,
            published: meta.published,
            language: meta.language,
            length,
            part,
            body: OnceLock::new(),
        }
    }

    /// The text and mentions, once they have arrived.
    pub fn body(&self) -> Option<&Body> {
        self.body.get()
    }

    /// Gives the article its body; false if it already had one.
    pub fn set_body(&self, body: Body) -> bool {
        self.body.set(body).is_ok()
    }

    /// The text; empty until the body arrives.
    pub fn text(&self) -> &str {
        self.body().map_or("", |b| b.text.as_str())
    }

    /// The mentions, in text order; none until the body arrives.
    pub fn mentions(&self) -> &[Mention] {
        self.body().map_or(&[], |b| b.mentions.as_slice())
    }

    /// The text of `span`; empty if the body has not arrived or the span does
    /// not fit (it always does in a validated corpus).
    pub fn slice(&self, span: Span) -> &str {
        let Some(body) = self.body() else { return "" };
        body.offsets
            .byte_range(span.start as usize, span.end as usize)
            .and_then(|r| body.text.get(r))
            .unwrap_or("")
    }

    /// The article's URL if it is safe to link: `http` or `https` only, so a
    /// `javascript:` or `data:` URL from a corpus is shown but never followed.
    pub fn web_url(&self) -> Option<&str> {
        let url = self.url.as_deref()?.trim();
        let scheme = url.split_once("://")?.0;
        (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")).then_some(url)
    }
}

impl Entity {
    /// The entity's Wikidata page, when its id is a well-formed QID.
    pub fn wikidata_url(&self) -> Option<String> {
        let qid = self.wikidata.as_deref()?;
        let digits = qid.strip_prefix('Q')?;
        let well_formed = !digits.is_empty()
            && !digits.starts_with('0')
            && digits.len() <= 12
            && digits.bytes().all(|b| b.is_ascii_digit());
        well_formed.then(|| format!("https://www.wikidata.org/wiki/{qid}"))
    }
}

/// One entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Unique among entities.
    pub id: String,
    /// What sort of thing it is.
    pub kind: EntityKind,
    /// The canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// A Wikidata QID or other external id.
    pub wikidata: Option<String>,
}

/// A span of an article that names an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mention {
    /// The article.
    pub article: ArticleIx,
    /// Where in its text.
    pub span: Span,
    /// The entity named.
    pub entity: EntityIx,
}

/// A span of an article that reports an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Evidence {
    /// The article.
    pub article: ArticleIx,
    /// The supporting sentence.
    pub span: Span,
}

/// One event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Unique among events.
    pub id: String,
    /// Its CAMEO kind.
    pub kind: EventKind,
    /// When, at the precision the sources give.
    pub dates: DateRange,
    /// Those who took part, in file order, without repeats.
    pub participants: Vec<EntityIx>,
    /// The host country.
    pub host: Option<EntityIx>,
    /// Where it happened.
    pub place: Option<EntityIx>,
    /// One sentence saying what happened.
    pub summary: String,
    /// Spans that report it; never empty.
    pub evidence: Vec<Evidence>,
    /// Claims the sources make about it.
    pub claims: Vec<String>,
    /// Whether it had happened when its sources were written, if they say.
    pub status: Option<EventStatus>,
    /// The source's own group label, trimmed and never empty.
    pub group: Option<String>,
}

/// Whether an event had happened when its sources were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventStatus {
    /// Announced for a date still to come.
    Announced,
    /// Going on as the sources were written.
    UnderWay,
    /// Over.
    Done,
}

impl EventStatus {
    /// Every status, in the order events go through them.
    pub const ALL: [EventStatus; 3] = [
        EventStatus::Announced,
        EventStatus::UnderWay,
        EventStatus::Done,
    ];

    /// The word written in the corpus file.
    pub fn code(self) -> &'static str {
        match self {
            EventStatus::Announced => "announced",
            EventStatus::UnderWay => "under-way",
            EventStatus::Done => "done",
        }
    }

    /// Reads the word written in the corpus file.
    pub fn from_code(code: &str) -> Option<EventStatus> {
        EventStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The status whose word differs from `code` only in case, spacing or
    /// underscores ("Under way"); the loader reads it with a warning.
    pub fn from_code_loosely(code: &str) -> Option<EventStatus> {
        EventStatus::from_code(&code.trim().to_lowercase().replace([' ', '_'], "-"))
    }

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            EventStatus::Announced => "Announced",
            EventStatus::UnderWay => "Under way",
            EventStatus::Done => "Done",
        }
    }
}

/// Values derived from a corpus on first use. They are not part of what the
/// corpus holds: two corpora holding the same things are equal whatever has
/// been derived from either.
#[derive(Clone, Default)]
pub struct Derived<T>(OnceLock<T>);

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> fmt::Debug for Derived<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Derived")
    }
}

/// The distinct sources of a corpus, and each article's among them, so
/// counting and filtering by source compares numbers, not strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceIndex {
    /// Each source once, in order of first appearance.
    pub names: Vec<String>,
    /// For each article, its source's position in `names`.
    pub of_article: Vec<u32>,
}

/// A loaded, validated corpus.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Corpus {
    /// The collection's name, if the file gives one.
    pub title: Option<String>,
    /// Articles in file order.
    pub articles: Vec<Article>,
    /// Entities in file order.
    pub entities: Vec<Entity>,
    /// Events in file order.
    pub events: Vec<Event>,
    /// The sources, numbered (see [`Corpus::source_index`]).
    pub sources: Derived<SourceIndex>,
}

impl Corpus {
    /// The distinct sources, numbered once on first use.
    pub fn source_index(&self) -> &SourceIndex {
        self.sources.0.get_or_init(|| {
            let mut seen: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
            let mut index = SourceIndex::default();
            for a in &self.articles {
                let n = *seen.entry(a.source.as_str()).or_insert_with(|| {
                    index.names.push(a.source.clone());
                    index.names.len() as u32 - 1
                });
                index.of_article.push(n);
            }
            index
        })
    }

    /// The article at `ix`.
    pub fn article(&self, ix: ArticleIx) -> &Article {
        &self.articles[ix.0 as usize]
    }

    /// The entity at `ix`.
    pub fn entity(&self, ix: EntityIx) -> &Entity {
        &self.entities[ix.0 as usize]
    }

    /// The event at `ix`.
    pub fn event(&self, ix: EventIx) -> &Event {
        &self.events[ix.0 as usize]
    }

    /// The mentions in one article, in text order.
    pub fn mentions_in(&self, article: ArticleIx) -> &[Mention] {
        self.article(article).mentions()
    }

    /// Every mention of the articles whose bodies have arrived, by article.
    pub fn mentions(&self) -> impl Iterator<Item = &Mention> {
        self.articles.iter().flat_map(Article::mentions)
    }

    /// Whether every article's body has arrived.
    pub fn complete(&self) -> bool {
        self.articles.iter().all(|a| a.body().is_some())
    }

    /// Looks an article up by id.
    pub fn article_by_id(&self, id: &str) -> Option<ArticleIx> {
        self.articles
            .iter()
            .position(|a| a.id == id)
            .map(|i| ArticleIx(i as u32))
    }

    /// Looks an entity up by id.
    pub fn entity_by_id(&self, id: &str) -> Option<EntityIx> {
        self.entities
            .iter()
            .position(|e| e.id == id)
            .map(|i| EntityIx(i as u32))
    }

    /// Looks an event up by id.
    pub fn event_by_id(&self, id: &str) -> Option<EventIx> {
        self.events
            .iter()
            .position(|e| e.id == id)
            .map(|i| EventIx(i as u32))
    }
}

#[cfg(test)]
mod kind_tests {
    use super::*;

    #[test]
    fn every_kind_but_an_intent_and_a_call_is_in_person() {
        let in_person: Vec<&str> = EventKind::ALL
            .into_iter()
            .filter(|k| k.is_in_person())
            .map(EventKind::code)
            .collect();
        assert_eq!(in_person, ["040", "042", "043", "044", "046", "057"]);
    }

    #[test]
    fn entity_kinds_have_labels() {
        let labels: Vec<&str> = EntityKind::ALL.into_iter().map(EntityKind::label).collect();
        assert_eq!(
            labels,
            [
                "Person",
                "Country",
                "Place",
                "Organisation",
                "Date",
                "Other"
            ]
        );
    }
}

#[cfg(test)]
mod link_tests {
    use super::*;

    fn article(url: Option<&str>) -> Article {
        let meta = ArticleMeta {
            id: "a".into(),
            title: "t".into(),
            source: "s".into(),
            url: url.map(str::to_string),
            published: crate::dates::PartialDate::year(2020),
            language: "en".into(),
        };
        Article::new(meta, Body::new(String::new(), vec![]))
    }

    #[test]
    fn only_web_urls_are_linked() {
        assert_eq!(
            article(Some(" https://example.org/a ")).web_url(),
            Some("https://example.org/a")
        );
        assert_eq!(
            article(Some("HTTP://x.test")).web_url(),
            Some("HTTP://x.test")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript://%0aalert(1)",
            "data:text/html,x",
            "//x.test",
            "ftp://x.test",
            "",
        ] {
            assert_eq!(article(Some(bad)).web_url(), None, "{bad}");
        }
        assert_eq!(article(None).web_url(), None);
    }

    #[test]
    fn only_well_formed_qids_are_linked() {
        let entity = |q: &str| Entity {
            id: "e".into(),
            kind: EntityKind::Person,
            name: "n".into(),
            aliases: vec![],
            wikidata: Some(q.into()),
        };
        assert_eq!(
            entity("Q7747").wikidata_url().as_deref(),
            Some("https://www.wikidata.org/wiki/Q7747")
        );
        for bad in ["Q", "Q07", "q7", "Q7\"><img>", "javascript:x", "Q1/../x"] {
            assert_eq!(entity(bad).wikidata_url(), None, "{bad}");
        }
    }
}
