//! From articles to a corpus: entities, mentions, dates and events found in
//! plain text, written as a corpus file in format v1. The same code runs in
//! the command-line tool and in the page.
//!
//! Invariant: what [`extract`] returns loads with zero diagnostics: every
//! span lies in its article, every id is unique and resolves, every event
//! has evidence and real dates.

pub mod events;
pub mod gazetteer;
pub mod inputs;
pub mod lexicon;
pub mod merge;
pub mod recognise;
pub mod request;
pub mod sheet;
pub mod text;
pub mod when;

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use events::{Candidate, Reported};
use explorer_corpus::dates::{DateRange, PartialDate, Precision};
use explorer_corpus::format::{
    ArticleRecord, CorpusFile, EntityRecord, EventRecord, EvidenceRecord, MentionRecord,
    FORMAT_NAME, FORMAT_VERSION,
};
use explorer_corpus::offsets::TextOffsets;
use explorer_corpus::{EntityKind, EventKind, EventStatus};
use gazetteer::Gazetteer;
use recognise::{Found, Target};

/// One article to read, with what is known about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Unique among the documents.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The publisher or news service.
    pub source: String,
    /// Where it was published, if known.
    pub url: Option<String>,
    /// When it was published; relative dates resolve against it.
    pub published: PartialDate,
    /// BCP 47 language tag.
    pub language: String,
    /// The plain text.
    pub text: String,
    /// Mentions an outside recogniser found (displaCy input); `None` to
    /// recognise entities here.
    pub given: Option<Vec<GivenMention>>,
    /// Events an input already dates (TimelineJS slides), each over a part of
    /// the text.
    pub slides: Vec<Slide>,
}

/// A mention found by an outside recogniser, in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenMention {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The entity kind it names.
    pub kind: EntityKind,
}

/// A dated event an input brings, over part of the document's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    /// Its text, in code points.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// When it happened.
    pub dates: DateRange,
    /// What a sheet's cells say of it; what they leave out is read from the
    /// text.
    pub given: Given,
}

/// An event's kind and entities as a spreadsheet row gives them, each a
/// gazetteer entry (a sheet's names are added to the gazetteer first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given {
    /// The kind, if the row names one.
    pub kind: Option<EventKind>,
    /// Who took part, if the row names anyone.
    pub participants: Vec<gazetteer::EntryIx>,
    /// The host country.
    pub host: Option<gazetteer::EntryIx>,
    /// Where it happened.
    pub place: Option<gazetteer::EntryIx>,
    /// The row's group label (a TimelineJS Group), kept as the event's.
    pub group: Option<String>,
}

/// What [`extract`] made.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// The corpus file.
    pub corpus: CorpusFile,
    /// Things skipped or guessed, each naming the article.
    pub warnings: Vec<String>,
}

impl Extracted {
    /// "3 articles, 41 mentions of 17 entities, 6 events, 0 warnings".
    pub fn summary(&self) -> String {
        let c = &self.corpus;
        let n = |count: usize, one: &str, many: &str| {
            format!("{count} {}", if count == 1 { one } else { many })
        };
        format!(
            "{}, {} of {}, {}, {}",
            n(c.articles.len(), "article", "articles"),
            n(c.mentions.len(), "mention", "mentions"),
            n(c.entities.len(), "entity", "entities"),
            n(c.events.len(), "event", "events"),
            n(self.warnings.len(), "warning", "warnings")
        )
    }
}

/// An event being assembled: one or more sentences that report it.
struct Draft {
    kind: EventKind,
    dates: DateRange,
    participants: Vec<Target>,
    host: Option<gazetteer::EntryIx>,
    place: Option<Target>,
    evidence: Vec<(usize, Range<usize>)>,
    claims: Vec<String>,
    group: Option<String>,
    status: Option<EventStatus>,
}

impl Draft {
    /// The event a sentence read from `article` reports, at `dates`.
    fn new(c: Candidate, dates: DateRange, article: usize) -> Draft {
        Draft {
            kind: c.kind,
            dates,
            participants: c.participants,
            host: c.host,
            place: c.place,
            evidence: vec![(article, c.evidence)],
            claims: Vec::new(),
            group: None,
            status: c.status,
        }
    }
}

/// Whether a mention names a person.
pub(crate) fn is_person(target: &Target, gazetteer: &Gazetteer) -> bool {
    match target {
        Target::Person(_) => true,
        Target::Known(ix) => gazetteer.entries[*ix].kind == EntityKind::Person,
        Target::Other(kind, _) => *kind == EntityKind::Person,
    }
}

/// Kinds that describe the same happening from two sides.
fn kind_group(kind: EventKind) -> EventKind {
    match kind {
        EventKind::HostVisit => EventKind::Visit,
        EventKind::MeetThirdLocation => EventKind::Consult,
        k => k,
    }
}

/// Reads every document and writes the corpus. `progress` is called with the
/// number of documents done after each one.
pub fn extract(
    docs: &[Document],
    gazetteer: &Gazetteer,
    mut progress: impl FnMut(usize),
) -> Extracted {
    let mut warnings = Vec::new();
    let mut articles = Vec::new();
    let mut mentions: Vec<(usize, Range<usize>, Target)> = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut seen_ids = BTreeSet::new();
    for (n, doc) in docs.iter().enumerate() {
        if !seen_ids.insert(doc.id.clone()) {
            warnings.push(format!("article \"{}\": duplicate id, skipped", doc.id));
            progress(n + 1);
            continue;
        }
        let article = articles.len();
        let offsets = TextOffsets::new(&doc.text);
        let given = doc
            .given
            .as_ref()
            .map(|given| given_mentions(doc, &offsets, given, gazetteer, &mut warnings));
        let mut found = recognise::recognise(&doc.text, gazetteer, given);
        recognise::unify_people(&mut found.mentions);
        let mut own: Vec<Draft> = Vec::new();
        let mut claims = Vec::new();
        let byte = |cp: usize| offsets.byte_of_char(cp).unwrap_or(doc.text.len());
        let lower: Vec<String> = found
            .words
            .iter()
            .map(|w| w.text(&doc.text).to_lowercase())
            .collect();
        let context = events::Context {
            words: &found.words,
            lower: &lower,
            mentions: &found.mentions,
            gazetteer,
            nationality: &found.nationality,
            published: doc.published,
            subject: None,
        };
        for slide in &doc.slides {
            let range = byte(slide.start)..byte(slide.end);
            let reported = events::read_sentence(&doc.text, range.clone(), &context);
            let (kind, participants, host, place) = match reported {
                Reported::Event(c) => (c.kind, c.participants, c.host, c.place),
                _ => (EventKind::Consult, Vec::new(), None, None),
            };
            // What the row's cells say wins over what its text reads as.
            let given = &slide.given;
            let kind = given.kind.unwrap_or(kind);
            let participants = if given.participants.is_empty() {
                participants
            } else {
                given
                    .participants
                    .iter()
                    .map(|&e| Target::Known(e))
                    .collect()
            };
            let host = given.host.or(host);
            let place = given.place.map(Target::Known).or(place);
            own.push(Draft {
                kind,
                dates: slide.dates,
                participants,
                host,
                place,
                evidence: vec![(article, range)],
                claims: Vec::new(),
                group: given.group.clone(),
                status: None,
            });
        }
        if doc.slides.is_empty() {
            let sentences = text::sentences(&doc.text);
            let lead = sentences.first().map_or(doc.published, |first| {
                lead_day(&doc.text[first.clone()], doc.published)
            });
            // Who the previous sentence was about, for one opening with "He".
            let mut subject: Option<&Target> = None;
            // Who took part in the event read last, and when, for "the two"
            // and "both sides".
            let mut recent: Option<(Vec<Target>, Option<DateRange>)> = None;
            let summit = article_summit(&doc.text, &sentences, &context, doc.published);
            for sentence in sentences {
                let context = events::Context { subject, ..context };
                let read = |range: Range<usize>| events::read_sentence(&doc.text, range, &context);
                // "Yoon went to Tokyo in March, and Kishida returned the
                // visit in May": clauses that each report an event are read
                // apart, with the whole sentence as evidence for both.
                let parts = text::clauses(&doc.text, sentence.clone());
                let clauses: Vec<Candidate> = if parts.len() < 2 {
                    Vec::new()
                } else {
                    parts
                        .into_iter()
                        .filter_map(|c| match read(c) {
                            Reported::Event(c) => Some(c),
                            _ => None,
                        })
                        .collect()
                };
                let first_person = found
                    .mentions
                    .iter()
                    .find(|m| {
                        m.range.start >= sentence.start
                            && m.range.end <= sentence.end
                            && is_person(&m.target, gazetteer)
                    })
                    .map(|m| &m.target);
                // "The Indian leader began the trip": a sentence that names
                // its person only by title is about that person too.
                let mut titled: Option<&Target> = None;
                let mut remember = |c: &Candidate| {
                    let person = c.participants.iter().find(|t| is_person(t, gazetteer));
                    titled = titled.or_else(|| {
                        person
                            .and_then(|p| found.mentions.iter().find(|m| m.target == *p))
                            .map(|m| &m.target)
                    });
                };
                if clauses.len() >= 2 {
                    // "Jaishankar travelled to China in July, and held talks
                    // with Wang in Beijing": a clause that opens with its
                    // verb has the subject of the one before, and a clause
                    // without a date of its own is at its date.
                    let mut before: Option<DateRange> = None;
                    let mut subject_before: Option<Target> = None;
                    for mut c in clauses {
                        let opening = doc.text[c.evidence.clone()]
                            .split(' ')
                            .next()
                            .unwrap_or_default();
                        let verb_first = opening.starts_with(char::is_lowercase)
                            && (opening.ends_with("ed")
                                || matches!(
                                    opening,
                                    "held" | "met" | "flew" | "went" | "came" | "spoke" | "made"
                                        | "took" | "told" | "said" | "began" | "left" | "will"
                                        // "and on Tuesday to Qatar": the verb left out.
                                        | "on" | "to" | "then"
                                ));
                        if let Some(s) = subject_before.take().filter(|s| {
                            verb_first && is_person(s, gazetteer) && !c.participants.contains(s)
                        }) {
                            c.participants.insert(0, s);
                        }
                        subject_before = c.participants.first().cloned();
                        remember(&c);
                        c.dates = c.dates.or(before);
                        before = c.dates;
                        c.evidence = sentence.clone();
                        for c in recalled_again(c) {
                            add_candidate(&mut own, &mut recent, &context, article, c, lead);
                        }
                    }
                } else {
                    match read(sentence.clone()) {
                        // The sentence that dates the summit, naming one
                        // person beside it, reports the summit.
                        Reported::Event(c)
                            if summit.as_ref().is_some_and(|s| s.evidence == sentence)
                                && c.participants
                                    .iter()
                                    .filter(|p| is_person(p, gazetteer))
                                    .count()
                                    < 2 => {}
                        Reported::Event(c) => {
                            remember(&c);
                            for c in recalled_again(c) {
                                add_candidate(&mut own, &mut recent, &context, article, c, lead)
                            }
                        }
                        Reported::Claim(c) => claims.push(c),
                        Reported::Nothing => {}
                    }
                }
                // "On Thursday he attended the swearing-in of Dilma
                // Rousseff": a sentence that opens on "he" keeps its subject.
                let from = found
                    .words
                    .partition_point(|w| w.range.start < sentence.start);
                let about_him = found.words[from..]
                    .iter()
                    .take(4)
                    .take_while(|w| w.range.end <= sentence.end)
                    .any(|w| matches!(w.text(&doc.text), "he" | "He" | "she" | "She"));
                subject = if about_him && subject.is_some() {
                    subject
                } else {
                    first_person.or(titled).or(subject)
                };
            }
            if let Some(c) = summit {
                add_summit(&mut own, summit_host(c, &found.mentions, &context), article);
            }
        }
        absorb_into_visits(&mut own, gazetteer);
        visits_by_guests(&mut own, &context, &doc.text);
        // "The conflict in Sudan featured in the talks": in an article about
        // people, a meeting or visit that names only countries is the text
        // speaking of them, not another event.
        let has_people = |d: &Draft| d.participants.iter().any(|p| is_person(p, gazetteer));
        if own.iter().any(has_people) {
            own.retain(|d| has_people(d) || !is_visit_or_meeting(d.kind));
        }
        match own.first_mut() {
            Some(first) => first.claims.extend(claims),
            None => {
                for c in claims {
                    warnings.push(format!(
                        "article \"{}\": a claim with no event to attach it to was left out: \"{c}\"",
                        doc.id
                    ));
                }
            }
        }
        for d in own {
            merge_draft(&mut drafts, d);
        }
        for m in found.mentions {
            mentions.push((article, m.range, m.target));
        }
        articles.push((doc, offsets));
        progress(n + 1);
    }
    let corpus = write_corpus(&articles, &mentions, &drafts, gazetteer);
    Extracted { corpus, warnings }
}

/// Turns an outside recogniser's mentions into targets: a name the gazetteer
/// knows links to its entry, a person stays a person, anything else is a new
/// entity of the given kind.
fn given_mentions(
    doc: &Document,
    offsets: &TextOffsets,
    given: &[GivenMention],
    gazetteer: &Gazetteer,
    warnings: &mut Vec<String>,
) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for (i, g) in given.iter().enumerate() {
        let Some(range) = offsets
            .byte_range(g.start, g.end)
            .filter(|r| r.start < r.end)
        else {
            warnings.push(format!(
                "article \"{}\": entity {i} ({}..{}) lies outside the text of {} characters, skipped",
                doc.id,
                g.start,
                g.end,
                offsets.char_len()
            ));
            continue;
        };
        if out
            .iter()
            .any(|o| o.range.start < range.end && range.start < o.range.end)
        {
            warnings.push(format!(
                "article \"{}\": entity {i} ({}..{}) overlaps an earlier one, skipped",
                doc.id, g.start, g.end
            ));
            continue;
        }
        let surface = doc.text[range.clone()].to_string();
        let target = match (g.kind, gazetteer.lookup(&surface)) {
            (EntityKind::Person, _) => Target::Person(surface),
            (_, Some(ix)) => Target::Known(ix),
            (kind, None) => Target::Other(kind, surface),
        };
        out.push(Found { range, target });
    }
    out.sort_by_key(|m| m.range.start);
    out
}

/// Whether the kind is a visit or a meeting, which takes in the in-person
/// events held during it: the in-person kinds ([`EventKind::is_in_person`])
/// less a negotiation and a signing. Those are held in person too, but CAMEO
/// codes them apart, so one held during a visit stays an event of its own
/// rather than becoming more evidence for the visit.
fn is_visit_or_meeting(kind: EventKind) -> bool {
    kind.is_in_person() && !matches!(kind, EventKind::Negotiate | EventKind::SignAgreement)
}

/// "The foreign ministers of Saudi Arabia and Iran met in Beijing on
/// Thursday. Saudi Foreign Minister Faisal bin Farhan and his counterpart sat
/// down for talks": as many people as the event `d` just read had countries,
/// of those countries as far as their titles say, in a sentence without a
/// date of its own, are that event's.
fn stand_for_countries(c: &Candidate, d: &Draft, context: &events::Context) -> bool {
    if c.dates.is_some()
        || c.names_a_group
        || c.participants.len() < 2
        || !is_visit_or_meeting(c.kind)
        || !is_visit_or_meeting(d.kind)
    {
        return false;
    }
    let g = context.gazetteer;
    let mut countries = Vec::with_capacity(d.participants.len());
    for t in &d.participants {
        match t {
            Target::Known(ix) if g.entries[*ix].kind == EntityKind::Country => countries.push(*ix),
            _ => return false,
        }
    }
    if c.participants.len() != countries.len() {
        return false;
    }
    let nation = |t: &Target| match t {
        Target::Known(ix) => context.nationality.get(&g.entries[*ix].entry.entity.name),
        Target::Person(name) => context.nationality.get(name),
        Target::Other(..) => None,
    };
    let mut theirs = c.participants.iter().filter_map(nation).peekable();
    theirs.peek().is_some() && theirs.all(|n| countries.contains(n))
}

/// The day an article's first sentence gives ("on Friday"), in the week
/// before publication, or else the publication day: an event the text does
/// not date is dated by it. News leads with the day of the event it
/// reports, published a day or two later.
fn lead_day(first_sentence: &str, published: PartialDate) -> PartialDate {
    when::find(first_sentence, published)
        .into_iter()
        .map(|f| f.dates)
        .find(|d| {
            d.end.is_none()
                && d.start.precision() == Precision::Day
                && d.first_day() <= published.last_day()
                && published.first_day() - d.first_day() <= 7
        })
        .map_or(published, |d| d.start)
}

/// The most days between two stops of one trip in one country.
const TRIP_GAP: i64 = 3;

/// Adds a sentence's event to the article's drafts. An undated sentence
/// about the same people and kind as an earlier one, a sentence about the
/// same event at overlapping dates, or a meeting during a visit the article
/// reports, is more evidence for that event, and its people join it.
fn add_candidate(
    own: &mut Vec<Draft>,
    recent: &mut Option<(Vec<Target>, Option<DateRange>)>,
    context: &events::Context,
    article: usize,
    mut c: Candidate,
    undated: PartialDate,
) {
    // "The two leaders", "they": the people of the event read last, when
    // more than one took part ("Blinken invited Qin to Washington, and the
    // two agreed that the visit would take place..."), and its date if the
    // sentence gives none; else those of the article's latest event with
    // more than one. The group is the event's people; others the sentence
    // names (a summit's host) are not.
    if c.names_a_group {
        match recent.as_ref().filter(|(people, _)| people.len() >= 2) {
            Some((people, dates)) => {
                c.participants = people.clone();
                c.dates = c.dates.or(*dates);
            }
            None => {
                let Some(last) = own.iter().rev().find(|d| d.participants.len() >= 2) else {
                    return;
                };
                c.participants = last.participants.clone();
            }
        }
    }
    // "the visiting minister", "his guest": the visitor of the article's
    // latest visit.
    if c.names_the_guest {
        let visitor = own
            .iter()
            .rev()
            .find(|d| kind_group(d.kind) == EventKind::Visit)
            .and_then(|d| d.participants.first())
            .filter(|v| is_person(v, context.gazetteer) && !c.participants.contains(v));
        if let Some(v) = visitor {
            c.participants.insert(0, v.clone());
        }
    }
    if c.participants.is_empty() {
        return;
    }
    *recent = Some((c.participants.clone(), c.dates));
    if let Some(d) = own.last_mut() {
        if stand_for_countries(&c, d, context) {
            d.participants = c.participants;
            d.evidence.push((article, c.evidence));
            return;
        }
    }
    if c.refers_back {
        // "During the meeting": the visit or meeting already reported.
        if let Some(d) = own.iter_mut().find(|d| {
            kind_group(d.kind) == kind_group(c.kind)
                || is_visit_or_meeting(d.kind) && is_visit_or_meeting(c.kind)
        }) {
            d.evidence.push((article, c.evidence));
            return;
        }
    }
    // Two visits are one trip only when the visitor of the one read now
    // (named first) is among the other's people: von der Leyen joining
    // Macron's talks in Beijing made a trip of her own.
    let own_visitor = |d: &Draft| {
        kind_group(d.kind) == EventKind::Visit
            && kind_group(c.kind) == EventKind::Visit
            && c.participants
                .first()
                .is_some_and(|v| is_person(v, context.gazetteer) && !d.participants.contains(v))
    };
    // "On the margins, Modi met Meloni. He also held talks with Herzog":
    // meetings on a summit's sidelines with different people are separate
    // occasions.
    let another_counterpart = |d: &Draft| {
        d.kind == EventKind::MeetThirdLocation
            && matches!(c.kind, EventKind::MeetThirdLocation | EventKind::Consult)
            && !c.participants.iter().all(|p| d.participants.contains(p))
            && !d.participants.iter().all(|p| c.participants.contains(p))
    };
    // People met during a visit join it; a call or a signing with someone
    // else is another event.
    let shares_people = |d: &Draft| {
        if own_visitor(d) || another_counterpart(d) {
            false
        } else if is_visit_or_meeting(d.kind) && is_visit_or_meeting(c.kind) {
            d.participants.iter().any(|p| c.participants.contains(p))
        } else {
            c.participants.iter().all(|p| d.participants.contains(p))
                || d.participants.iter().all(|p| c.participants.contains(p))
        }
    };

    // A meeting during a visit, or a trip to a meeting already reported, is
    // part of that visit.
    let same_kind = |d: &Draft| {
        kind_group(d.kind) == kind_group(c.kind)
            || is_visit_or_meeting(d.kind) && is_visit_or_meeting(c.kind)
    };
    // "Modi landed in New York on Tuesday ... Biden welcomed him to the
    // White House on Thursday": the same visitor in the same country a few
    // days apart is on one trip.
    let same_trip = |d: &Draft, dates: &DateRange| {
        let by_day = |r: &DateRange| r.start.precision() == Precision::Day;
        kind_group(d.kind) == EventKind::Visit
            && kind_group(c.kind) == EventKind::Visit
            && by_day(dates)
            && by_day(&d.dates)
            && c.host.is_some_and(|h| d.host == Some(h))
            && c.participants
                .first()
                .is_some_and(|v| d.participants.contains(v))
            && dates.first_day() <= d.dates.last_day() + TRIP_GAP
            && d.dates.first_day() <= dates.last_day() + TRIP_GAP
    };
    let at_same_time = |d: &Draft| {
        c.dates.is_none_or(|dates| {
            d.dates.overlaps(dates.first_day(), dates.last_day()) || same_trip(d, &dates)
        })
    };
    // A meeting on a summit's sidelines is an occasion of its own beside
    // the trip to the summit, unless it is between the trip's own people.
    let own_occasion = |d: &Draft| {
        c.kind == EventKind::MeetThirdLocation
            && kind_group(d.kind) == EventKind::Visit
            && !c.participants.iter().all(|p| d.participants.contains(p))
    };
    if let Some(d) = own
        .iter_mut()
        .rev()
        .find(|d| !own_occasion(d) && same_kind(d) && shares_people(d) && at_same_time(d))
    {
        d.evidence.push((article, c.evidence));
        let by_day = |r: &DateRange| r.start.precision() == Precision::Day;
        if let Some(dates) = c.dates.filter(|c| by_day(c) && by_day(&d.dates)) {
            // The trip runs from its first day the text gives to its last.
            let first = d.dates.first_day().min(dates.first_day());
            let last = d.dates.last_day().max(dates.last_day());
            if (first, last) != (d.dates.first_day(), d.dates.last_day()) {
                d.dates = DateRange {
                    start: PartialDate::from_day_number(first),
                    end: (last > first).then(|| PartialDate::from_day_number(last)),
                };
            }
        }
        d.status = d.status.or(c.status);
        // What one sentence knows of the meeting (a visit, a third place)
        // holds for the whole of it.
        if d.kind == EventKind::Consult
            && (kind_group(c.kind) == EventKind::Visit || c.kind == EventKind::MeetThirdLocation)
        {
            d.kind = c.kind;
        }
        for p in c.participants {
            if !d.participants.contains(&p) {
                d.participants.push(p);
            }
        }
        d.host = d.host.or(c.host);
        d.place = d.place.take().or(c.place);
        return;
    }
    // "He also held talks with Herzog", after a meeting on the margins: at
    // the same summit, so where and when that meeting was.
    let summit = own
        .iter()
        .rev()
        .find(|d| another_counterpart(d) && at_same_time(d))
        .filter(|_| c.kind == EventKind::Consult && c.place.is_none())
        .map(|d| (d.host, d.place.clone(), d.dates));
    if let Some((host, place, dates)) = summit {
        c.kind = EventKind::MeetThirdLocation;
        c.host = c.host.or(host);
        c.place = place;
        c.dates = c.dates.or(Some(dates));
    }
    let dates = c.dates.unwrap_or(DateRange {
        start: undated,
        end: None,
    });
    own.push(Draft::new(c, dates, article));
}

/// The summit an article reports: the body the article names beside the
/// word first, at the first date a sentence gives the summit itself within
/// a week of publication. A summit recalled, or only the setting of
/// meetings on its sidelines, is none.
fn article_summit(
    text: &str,
    sentences: &[Range<usize>],
    context: &events::Context,
    published: PartialDate,
) -> Option<Candidate> {
    let summits: Vec<events::Summit> = sentences
        .iter()
        .filter_map(|r| events::summit(text, r.clone(), context))
        .collect();
    let body = summits.iter().find_map(|s| s.body.clone())?;
    let near = |d: &DateRange| d.first_day().abs_diff(published.first_day()) <= 7;
    let mut event = summits
        .into_iter()
        .map(|s| s.event)
        .find(|c| c.dates.is_some_and(|d| near(&d)))?;
    event.participants.insert(0, body);
    Some(event)
}

/// Completes a summit's host from the article: the dateline's country when
/// the sentence names no place, and as its second participant the one
/// person the article titles as that country's, or else the country.
fn summit_host(mut c: Candidate, mentions: &[Found], context: &events::Context) -> Candidate {
    let g = context.gazetteer;
    if c.host.is_none() {
        let dateline = mentions
            .first()
            .filter(|m| m.range.start == 0)
            .and_then(|m| match m.target {
                Target::Known(ix) if g.entries[ix].kind == EntityKind::Place => Some(ix),
                _ => None,
            });
        if let Some(ix) = dateline {
            c.host = g.entries[ix].country;
            c.place = c.place.or(Some(Target::Known(ix)));
        }
    }
    let Some(host) = c.host else {
        return c;
    };
    if c.participants.len() < 2 {
        let leader = events::titled_as(context, host);
        c.participants.push(leader.unwrap_or(Target::Known(host)));
    }
    c
}

/// Adds the summit an article reports: more evidence for a consultation of
/// that body already read, its body added to a consultation of its host on
/// the same day, or else an event of its own.
fn add_summit(own: &mut Vec<Draft>, c: Candidate, article: usize) {
    let Some(dates) = c.dates else {
        return;
    };
    let body = &c.participants[0];
    if let Some(d) = own.iter_mut().find(|d| {
        d.kind == EventKind::Consult
            && (d.participants.contains(body)
                || d.dates.start == dates.start
                    && d.participants.iter().all(|p| c.participants.contains(p)))
    }) {
        if !d.participants.contains(body) {
            d.participants.insert(0, body.clone());
        }
        d.evidence.push((article, c.evidence));
        return;
    }
    own.push(Draft::new(c, dates, article));
}

/// "Lula visited the country in 2004 and again in 2009", "following trips
/// in 2015 and in November 2017": a sentence that recalls the same kind of
/// event at several past months or years is one event at each.
fn recalled_again(c: Candidate) -> Vec<Candidate> {
    let coarse = |d: &DateRange| d.end.is_none() && d.start.precision() != Precision::Day;
    match c.dates {
        Some(dates) if coarse(&dates) && c.recalled.len() >= 2 && c.recalled.contains(&dates) => c
            .recalled
            .iter()
            .map(|&d| Candidate {
                dates: Some(d),
                ..c.clone()
            })
            .collect(),
        _ => vec![c],
    }
}

/// A trip is one event: a signing or a negotiation during one of the
/// article's visits (dated within a day of it, or not dated), by the
/// visit's people or by no one the text names, is more evidence for the
/// visit, whichever the article reports first, and whoever signed with the
/// visitor joins it.
fn absorb_into_visits(own: &mut Vec<Draft>, gazetteer: &Gazetteer) {
    let during = |inner: &Draft, visit: &Draft| {
        kind_group(visit.kind) == EventKind::Visit
            && matches!(inner.kind, EventKind::SignAgreement | EventKind::Negotiate)
            && inner.dates.first_day() + 1 >= visit.dates.first_day()
            && inner.dates.first_day() <= visit.dates.last_day() + 1
            && (inner
                .participants
                .iter()
                .any(|p| visit.participants.contains(p))
                || !inner.participants.iter().any(|p| is_person(p, gazetteer)))
    };
    let mut i = 0;
    while i < own.len() {
        let Some(v) = (0..own.len()).find(|&v| v != i && during(&own[i], &own[v])) else {
            i += 1;
            continue;
        };
        let inner = own.remove(i);
        let visit = &mut own[if v > i { v - 1 } else { v }];
        visit.evidence.extend(inner.evidence);
        visit.evidence.sort_by_key(|(a, r)| (*a, r.start));
        for p in inner.participants {
            if is_person(&p, gazetteer) && !visit.participants.contains(&p) {
                visit.participants.push(p);
            }
        }
    }
}

/// "PERTH — Prime Minister Anthony Albanese and his Japanese counterpart,
/// Fumio Kishida, met": a meeting in a country the article has placed it
/// in, with someone the text titles as another country's and no one titled
/// as a third's, is that person's visit, unless it is a summit with a name
/// ("Sochi hosted the first Russia–Africa Summit, co-chaired by Putin and
/// Sisi"; a bilateral "summit" in lower case can be a visit).
fn visits_by_guests(own: &mut [Draft], context: &events::Context, text: &str) {
    let g = context.gazetteer;
    let summit = |d: &Draft| {
        d.evidence
            .iter()
            .any(|(_, r)| text[r.clone()].contains(" Summit"))
    };
    for d in own
        .iter_mut()
        .filter(|d| d.kind == EventKind::Consult && !summit(d))
    {
        let Some(host) = d.host else {
            continue;
        };
        let countries: Vec<Option<gazetteer::EntryIx>> = d
            .participants
            .iter()
            .filter(|p| is_person(p, g))
            .map(|p| events::country_of(p, context))
            .collect();
        let guest_countries: BTreeSet<gazetteer::EntryIx> = countries
            .iter()
            .flatten()
            .copied()
            .filter(|&c| c != host)
            .collect();
        if guest_countries.len() == 1 && countries.len() >= 2 {
            d.kind = EventKind::Visit;
        }
    }
}

/// Adds an article's event to the corpus's: the same kind, the same
/// participants and overlapping dates make one event with more evidence, at
/// the finer of the two dates (an end date is kept at equal precision).
fn merge_draft(drafts: &mut Vec<Draft>, d: Draft) {
    fn key(x: &Draft) -> (EventKind, Vec<&Target>) {
        let mut p: Vec<&Target> = x.participants.iter().collect();
        p.sort();
        (kind_group(x.kind), p)
    }
    let existing = drafts
        .iter_mut()
        .find(|e| key(e) == key(&d) && e.dates.overlaps(d.dates.first_day(), d.dates.last_day()));
    match existing {
        Some(e) => {
            // The finer date wins; at equal precision, an end date is kept.
            let precision = |r: &DateRange| r.start.precision();
            if precision(&d.dates) > precision(&e.dates) {
                e.dates = d.dates;
            } else if precision(&d.dates) == precision(&e.dates) && e.dates.end.is_none() {
                e.dates.end = d.dates.end;
            }
            e.host = e.host.or(d.host);
            e.place = e.place.take().or(d.place);
            e.evidence.extend(d.evidence);
            for c in d.claims {
                if !e.claims.contains(&c) {
                    e.claims.push(c);
                }
            }
        }
        None => drafts.push(d),
    }
}

/// "file: line 3, column 7: what is wrong" for a JSON error.
pub fn json_error(file: &str, e: &serde_json::Error) -> String {
    let text = e.to_string();
    let what = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(what, _)| what);
    format!("{file}: line {}, column {}: {what}", e.line(), e.column())
}

/// `wanted`, or `wanted-2`, `wanted-3`, ... for the first that `taken` does
/// not hold.
pub(crate) fn fresh_id(wanted: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut id = wanted.to_string();
    let mut n = 2;
    while taken(&id) {
        id = format!("{wanted}-{n}");
        n += 1;
    }
    id
}

/// A lower-case ASCII id made of the letters and digits of `name`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("entity");
    }
    out
}

/// Gives out ids that are unique, adding "-2", "-3", ... where needed.
#[derive(Default)]
struct Ids(BTreeSet<String>);

impl Ids {
    fn take(&mut self, wanted: &str) -> String {
        let mut id = wanted.to_string();
        let mut n = 2;
        while !self.0.insert(id.clone()) {
            id = format!("{wanted}-{n}");
            n += 1;
        }
        id
    }
}

fn write_corpus(
    articles: &[(&Document, TextOffsets)],
    mentions: &[(usize, Range<usize>, Target)],
    drafts: &[Draft],
    gazetteer: &Gazetteer,
) -> CorpusFile {
    let mut ids = Ids::default();
    let mut entity_ids: HashMap<Target, String> = HashMap::new();
    let mut entities = Vec::new();
    let mut aliases: HashMap<Target, BTreeSet<String>> = HashMap::new();
    for (a, range, target) in mentions {
        let surface = &articles[*a].0.text[range.clone()];
        aliases
            .entry(target.clone())
            .or_default()
            .insert(surface.to_string());
    }
    let mut targets: Vec<&Target> = mentions.iter().map(|(_, _, t)| t).collect();
    for d in drafts {
        targets.extend(d.participants.iter());
        targets.extend(d.place.iter());
    }
    let hosts: Vec<Target> = drafts
        .iter()
        .filter_map(|d| d.host.map(Target::Known))
        .collect();
    targets.extend(hosts.iter());
    for target in targets {
        if entity_ids.contains_key(target) {
            continue;
        }
        let (wanted, kind, name, mut names, wikidata) = match target {
            Target::Known(ix) => {
                let e = &gazetteer.entries[*ix].entry.entity;
                (
                    e.id.clone(),
                    e.kind.clone(),
                    e.name.clone(),
                    e.aliases.clone(),
                    e.wikidata.clone(),
                )
            }
            Target::Person(n) => (slug(n), "person".into(), n.clone(), Vec::new(), None),
            Target::Other(k, n) => (slug(n), k.code().into(), n.clone(), Vec::new(), None),
        };
        for seen in aliases.get(target).into_iter().flatten() {
            if *seen != name && !names.contains(seen) {
                names.push(seen.clone());
            }
        }
        let id = ids.take(&wanted);
        entity_ids.insert(target.clone(), id.clone());
        entities.push(EntityRecord {
            id,
            kind,
            name,
            aliases: names,
            wikidata,
        });
    }
    let article_records: Vec<ArticleRecord> = articles
        .iter()
        .map(|(d, _)| ArticleRecord {
            id: d.id.clone(),
            title: d.title.clone(),
            source: d.source.clone(),
            url: d.url.clone(),
            published: d.published.to_string(),
            language: d.language.clone(),
            text: d.text.clone(),
        })
        .collect();
    let cp = |a: usize, byte: usize| articles[a].1.char_of_byte(byte).unwrap_or(0) as u64;
    let mention_records = mentions
        .iter()
        .map(|(a, range, target)| MentionRecord {
            article: articles[*a].0.id.clone(),
            start: cp(*a, range.start),
            end: cp(*a, range.end),
            entity: entity_ids[target].clone(),
        })
        .collect();
    let mut event_ids = Ids::default();
    let name_of = |t: &Target| -> String {
        match t {
            Target::Known(ix) => gazetteer.entries[*ix].entry.entity.name.clone(),
            Target::Person(n) | Target::Other(_, n) => n.clone(),
        }
    };
    let event_records = drafts
        .iter()
        .map(|d| {
            let names: Vec<String> = d.participants.iter().map(name_of).collect();
            let host = d
                .host
                .map(|h| gazetteer.entries[h].entry.entity.name.clone());
            let place = d.place.as_ref().map(name_of);
            let first = d
                .participants
                .first()
                .map(|p| slug(&name_of(p)))
                .unwrap_or_default();
            let (start, end) = d.dates.to_string_pair();
            EventRecord {
                id: event_ids.take(&format!("{}-{first}-{start}", d.kind.code())),
                kind: d.kind.code().into(),
                start,
                end,
                participants: d
                    .participants
                    .iter()
                    .map(|p| entity_ids[p].clone())
                    .collect(),
                host: d.host.map(|h| entity_ids[&Target::Known(h)].clone()),
                place: d.place.as_ref().map(|p| entity_ids[p].clone()),
                summary: events::summary(d.kind, &names, host.as_deref(), place.as_deref()),
                evidence: d
                    .evidence
                    .iter()
                    .map(|(a, range)| EvidenceRecord {
                        article: articles[*a].0.id.clone(),
                        start: cp(*a, range.start),
                        end: cp(*a, range.end),
                    })
                    .collect(),
                claims: d.claims.clone(),
                status: d.status.map(|s| s.code().to_string()),
                group: d.group.clone(),
            }
        })
        .collect();
    CorpusFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        title: None,
        articles: article_records,
        entities,
        mentions: mention_records,
        events: event_records,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, published: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            title: id.into(),
            source: format!("{id} desk"),
            url: None,
            published: PartialDate::parse(published).unwrap(),
            language: "en".into(),
            text: text.into(),
            given: None,
            slides: Vec::new(),
        }
    }

    #[test]
    fn one_event_reported_twice_is_one_event_with_two_sources() {
        let g = gazetteer::tests::small();
        let docs = [
            doc(
                "a",
                "2023-03-22",
                "Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state visit to Russia.",
            ),
            doc(
                "b",
                "2023-03-21",
                "President Xi Jinping began a state visit to Russia in Moscow yesterday.",
            ),
        ];
        let out = extract(&docs, &g, |_| {}).corpus;
        assert_eq!(out.events.len(), 1, "{:?}", out.events);
        let e = &out.events[0];
        let articles: Vec<&str> = e.evidence.iter().map(|ev| ev.article.as_str()).collect();
        assert_eq!(articles, ["a", "b"]);
        assert_eq!(
            (e.start.as_str(), e.end.as_deref()),
            ("2023-03-20", Some("2023-03-22"))
        );
    }

    #[test]
    fn stops_of_one_trip_a_few_days_apart_are_one_visit() {
        let g = gazetteer::tests::small();
        // 2023-03-23 is a Thursday.
        let text = "Chinese President Xi Jinping landed in Moscow on Monday. \
                    Russian President Vladimir Putin welcomed Xi to the Kremlin on Wednesday.";
        let out = extract(&[doc("a", "2023-03-23", text)], &g, |_| {}).corpus;
        let visits: Vec<_> = out.events.iter().filter(|e| e.kind == "042").collect();
        assert_eq!(visits.len(), 1, "{:?}", out.events);
        assert_eq!(visits[0].start, "2023-03-20");
        assert_eq!(visits[0].end.as_deref(), Some("2023-03-22"));
        assert_eq!(visits[0].participants.len(), 2);
        // One sentence giving two days of the visit: it runs from the first.
        let text = "Chinese President Xi Jinping held talks with Russian President Vladimir Putin \
                    in Moscow on Tuesday, after landing in the country on Monday evening.";
        let out = extract(&[doc("a", "2023-03-23", text)], &g, |_| {}).corpus;
        assert_eq!(out.events.len(), 1, "{:?}", out.events);
        assert_eq!(out.events[0].start, "2023-03-20");
        assert_eq!(out.events[0].end.as_deref(), Some("2023-03-21"));
        // A month later it is another visit.
        let text = "Chinese President Xi Jinping landed in Moscow on 2 March. \
                    Russian President Vladimir Putin welcomed Xi to the Kremlin on 20 March.";
        let out = extract(&[doc("a", "2023-03-23", text)], &g, |_| {}).corpus;
        assert_eq!(out.events.iter().filter(|e| e.kind == "042").count(), 2);
    }

    #[test]
    fn a_clause_that_opens_with_its_verb_has_the_subject_and_date_before_it() {
        let g = gazetteer::tests::small();
        let text = "Chinese President Xi Jinping travelled to Russia in March for a summit, \
                    and held talks with Russian President Vladimir Putin in Moscow.";
        let out = extract(&[doc("a", "2023-06-22", text)], &g, |_| {}).corpus;
        let march: Vec<_> = out.events.iter().filter(|e| e.start == "2023-03").collect();
        assert_eq!(march.len(), 1, "{:?}", out.events);
        let mut people = march[0].participants.clone();
        people.sort();
        assert_eq!(people, ["vladimir-putin", "xi-jinping"]);
    }

    #[test]
    fn a_clause_recalling_two_years_gives_two_events() {
        let g = gazetteer::tests::small();
        let text = "Chinese President Xi Jinping visited Russia twice, in 2013 and again in 2015, \
                    and Russian President Vladimir Putin last travelled to China in May 2019.";
        let out = extract(&[doc("a", "2023-06-22", text)], &g, |_| {}).corpus;
        let mut starts: Vec<&str> = out.events.iter().map(|e| e.start.as_str()).collect();
        starts.sort();
        assert_eq!(starts, ["2013", "2015", "2019-05"], "{:?}", out.events);
    }

    #[test]
    fn a_sentence_that_opens_on_he_passes_its_subject_on() {
        let g = gazetteer::tests::small();
        let text = "Chinese President Xi Jinping landed in Moscow on Monday. \
                    On Tuesday he attended a ceremony for Prime Minister Ana Ruiz. \
                    He also toured a factory in the Kremlin.";
        let out = extract(&[doc("a", "2023-03-23", text)], &g, |_| {}).corpus;
        let toured = text.find("He also").unwrap() as u64;
        let event = out
            .events
            .iter()
            .find(|e| e.evidence.iter().any(|x| x.start == toured))
            .unwrap_or_else(|| panic!("no event for the tour in {:?}", out.events));
        assert!(
            event.participants.iter().any(|p| p == "xi-jinping"),
            "{:?}",
            event
        );
    }

    #[test]
    fn a_summit_the_article_dates_is_an_event_of_its_body_and_its_host() {
        let g = gazetteer::tests::small();
        // 2023-03-20 is a Monday.
        let text = "Leaders arrived in Bali for the G20 summit. \
                    The two-day summit, hosted by President Joko Widodo, opens on Tuesday.";
        let out = extract(&[doc("a", "2023-03-20", text)], &g, |_| {}).corpus;
        let summit = out
            .events
            .iter()
            .find(|e| e.participants.first().map(String::as_str) == Some("g20"))
            .unwrap_or_else(|| panic!("no summit in {:?}", out.events));
        assert_eq!(summit.kind, "040");
        assert_eq!(summit.start, "2023-03-21");
        assert_eq!(summit.end.as_deref(), Some("2023-03-22"));
        assert_eq!(summit.participants, ["g20", "joko-widodo"]);
        // Only the setting of a meeting on its sidelines: no summit event.
        let text = "Chinese President Xi Jinping met US President Joe Biden on Monday on the sidelines of the G20 summit in Bali.";
        let out = extract(&[doc("a", "2023-03-21", text)], &g, |_| {}).corpus;
        assert!(
            !out.events
                .iter()
                .any(|e| e.participants.iter().any(|p| p == "g20")),
            "{:?}",
            out.events
        );
    }

    #[test]
    fn a_named_summit_at_home_of_one_side_is_not_the_other_s_visit() {
        let g = gazetteer::tests::small();
        let text = "Moscow hosted the first Russia–Asia Summit in October 2019, co-chaired by \
                    Russian President Vladimir Putin and Chinese President Xi Jinping.";
        let out = extract(&[doc("a", "2023-06-22", text)], &g, |_| {}).corpus;
        let kinds: Vec<&str> = out.events.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(kinds, ["040"], "{:?}", out.events);
    }

    #[test]
    fn his_host_on_a_visit_is_the_one_person_titled_as_the_host_country_s() {
        let g = gazetteer::tests::small();
        let text = "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday. \
                    Xi last came to Moscow in March 2021 for a dinner with his host.";
        let out = extract(&[doc("a", "2023-06-22", text)], &g, |_| {}).corpus;
        let recalled = out
            .events
            .iter()
            .find(|e| e.start == "2021-03")
            .unwrap_or_else(|| panic!("no 2021 visit in {:?}", out.events));
        let mut people = recalled.participants.clone();
        people.sort();
        assert_eq!(people, ["vladimir-putin", "xi-jinping"]);
    }

    #[test]
    fn meetings_on_the_sidelines_with_different_people_are_separate() {
        let g = gazetteer::tests::small();
        let text = "On the sidelines of the summit in Bali on Monday, Chinese President Xi Jinping met US President Joe Biden. \
                    He also held talks with Russian Foreign Minister Sergey Lavrov.";
        let out = extract(&[doc("a", "2023-03-23", text)], &g, |_| {}).corpus;
        let mut meetings: Vec<Vec<&str>> = out
            .events
            .iter()
            .filter(|e| e.kind == "044")
            .map(|e| e.participants.iter().map(String::as_str).collect())
            .collect();
        meetings.sort();
        assert_eq!(meetings.len(), 2, "{:?}", out.events);
        assert!(meetings
            .iter()
            .all(|m| m.len() == 2 && m.contains(&"xi-jinping")));
    }

    #[test]
    fn a_sentence_opening_with_he_is_about_the_last_person_named() {
        let g = gazetteer::tests::small();
        let text = "Japanese Prime Minister Fumio Kishida left Moscow on Tuesday. He had held talks with President Joko Widodo in Bali on Monday.";
        let out = extract(&[doc("a", "2023-03-22", text)], &g, |_| {}).corpus;
        let meeting = out
            .events
            .iter()
            .find(|e| e.start == "2023-03-20")
            .expect("the Bali talks");
        let names: Vec<&str> = meeting
            .participants
            .iter()
            .map(|p| {
                out.entities
                    .iter()
                    .find(|e| e.id == *p)
                    .unwrap()
                    .name
                    .as_str()
            })
            .collect();
        assert_eq!(names, ["Fumio Kishida", "Joko Widodo"]);
    }

    #[test]
    fn outside_entities_link_to_the_gazetteer_or_keep_their_label() {
        let g = gazetteer::tests::small();
        let text = "Chinese envoys and Shia clerics met in Bakhmut.";
        let mut d = doc("a", "2023-03-22", text);
        let (docs, _) = inputs::displacy(
            r#"{"text": "Chinese envoys and Shia clerics met in Bakhmut.", "ents": [
                {"start": 0, "end": 7, "label": "NORP"}, {"start": 19, "end": 23, "label": "NORP"},
                {"start": 39, "end": 46, "label": "GPE"}]}"#,
            "a.json",
            &inputs::Meta {
                published: Some("2023-03-22".into()),
                ..inputs::Meta::default()
            },
        )
        .unwrap();
        d.given = docs[0].given.clone();
        let out = extract(&[d], &g, |_| {}).corpus;
        let kinds: Vec<(&str, &str)> = out
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("China", "country"),
                ("Shia", "other"),
                ("Bakhmut", "place")
            ]
        );
    }

    #[test]
    fn the_chinese_leader_is_the_one_chinese_leader_named() {
        let g = gazetteer::tests::small();
        let text = "Chinese President Xi Jinping arrived in Moscow on Monday. In April the Chinese leader travelled to Bali.";
        let out = extract(&[doc("a", "2023-06-22", text)], &g, |_| {}).corpus;
        let bali = out
            .events
            .iter()
            .find(|e| e.start == "2023-04")
            .expect("the Bali trip");
        assert_eq!(bali.participants, ["xi-jinping"]);
        assert_eq!(bali.host.as_deref(), Some("indonesia"));
    }

    #[test]
    fn he_after_a_sentence_naming_its_person_by_title_is_that_person() {
        let g = gazetteer::tests::small();
        let text = "President Joe Biden met Chinese President Xi Jinping in Bali on Monday. \
                    The Chinese leader travelled to Moscow in April. He flew on to Bali in May.";
        let out = extract(&[doc("a", "2023-06-22", text)], &g, |_| {}).corpus;
        let may = out
            .events
            .iter()
            .find(|e| e.start == "2023-05")
            .expect("the May trip");
        assert_eq!(may.participants, ["xi-jinping"]);
    }

    #[test]
    fn the_two_are_the_people_of_the_event_read_last() {
        let g = gazetteer::tests::small();
        let text = "Chinese President Xi Jinping met President Joe Biden in Bali in November. \
                    President Vladimir Putin arrived in Beijing on Sunday. \
                    On 20 March Xi held talks with Putin, and the two agreed that the next visit would take place in Russia.";
        let out = extract(&[doc("a", "2023-03-22", text)], &g, |_| {}).corpus;
        let plan = out
            .events
            .iter()
            .find(|e| e.kind == "036")
            .expect("the planned visit");
        let mut who = plan.participants.clone();
        who.sort();
        assert_eq!(who, ["vladimir-putin", "xi-jinping"]);
        assert_eq!(
            plan.start, "2023-03-20",
            "dated by the talks it was agreed at"
        );
    }

    #[test]
    fn the_people_who_stand_for_the_countries_that_met_are_the_meeting() {
        let g = gazetteer::tests::small();
        let text = "The leaders of China and Russia met in Bali on 14 November 2022. \
                    Chinese President Xi Jinping and his counterpart, Russian President Vladimir Putin, sat down for talks.";
        let out = extract(&[doc("a", "2022-11-15", text)], &g, |_| {}).corpus;
        assert_eq!(out.events.len(), 1, "{:?}", out.events);
        let mut who = out.events[0].participants.clone();
        who.sort();
        assert_eq!(who, ["vladimir-putin", "xi-jinping"]);
        assert_eq!(out.events[0].start, "2022-11-14");
        assert_eq!(out.events[0].evidence.len(), 2);
    }

    #[test]
    fn two_visits_side_by_side_in_one_sentence_are_two_events() {
        let g = gazetteer::tests::small();
        let text =
            "The deal follows a visit to Moscow in December by Chinese President Xi Jinping \
                    and a state visit to Beijing last month by Russian President Vladimir Putin.";
        let out = extract(&[doc("a", "2023-03-10", text)], &g, |_| {}).corpus;
        let found: Vec<(&str, &str, Vec<String>)> = out
            .events
            .iter()
            .map(|e| (e.kind.as_str(), e.start.as_str(), e.participants.clone()))
            .collect();
        assert_eq!(
            found,
            [
                ("042", "2022-12", vec!["xi-jinping".to_string()]),
                ("042", "2023-02", vec!["vladimir-putin".to_string()]),
            ]
        );
    }

    #[test]
    fn calls_with_different_people_stay_apart() {
        let g = gazetteer::tests::small();
        let text = "President Xi Jinping spoke by telephone with President Vladimir Putin on Monday. Xi also held a telephone call with President Joe Biden on Monday.";
        let out = extract(&[doc("a", "2023-03-22", text)], &g, |_| {}).corpus;
        let calls: Vec<usize> = out.events.iter().map(|e| e.participants.len()).collect();
        assert_eq!(calls, [2, 2]);
    }

    /// Kind, start, status and participants of each event found in `text`.
    fn events_in(
        published: &str,
        text: &str,
    ) -> Vec<(String, String, Option<String>, Vec<String>)> {
        let g = gazetteer::tests::small();
        let out = extract(&[doc("a", published, text)], &g, |_| {}).corpus;
        out.events
            .into_iter()
            .map(|e| (e.kind, e.start, e.status, e.participants))
            .collect()
    }

    #[test]
    fn an_undated_event_takes_the_day_the_lead_gives_not_the_publication_day() {
        // Published on Saturday 25 March 2023; the lead speaks of Thursday.
        let found = events_in(
            "2023-03-25",
            "Russian President Vladimir Putin urged calm on Thursday. Chinese President Xi Jinping travelled to Moscow for talks with Putin.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "2023-03-23");
        // Without a day in the lead, the publication day stands.
        let found = events_in(
            "2023-03-25",
            "Russian President Vladimir Putin urged calm. Chinese President Xi Jinping travelled to Moscow for talks with Putin.",
        );
        assert_eq!(found[0].1, "2023-03-25");
    }

    #[test]
    fn a_sentence_recalling_visits_in_two_years_gives_two_visits() {
        let found = events_in(
            "2023-03-22",
            "Chinese President Xi Jinping visited Moscow in 2013 and again in 2019.",
        );
        let starts: Vec<&str> = found.iter().map(|e| e.1.as_str()).collect();
        assert_eq!(starts, ["2013", "2019"]);
        assert!(found.iter().all(|e| e.0 == "042" && e.3 == ["xi-jinping"]));
    }

    #[test]
    fn the_visiting_minister_is_the_visitor() {
        let found = events_in(
            "2023-03-22",
            "Chinese President Xi Jinping arrived in Moscow on Monday. \
             The visiting leader then held talks with President Vladimir Putin.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].3, ["xi-jinping", "vladimir-putin"]);
    }

    #[test]
    fn a_visit_announced_for_a_near_day_is_a_visit_with_that_status() {
        // 18 March 2023 was a Saturday; "on Monday" looks ahead to the 20th.
        let found = events_in(
            "2023-03-18",
            "Chinese President Xi Jinping will arrive in Moscow on Monday for a state visit.",
        );
        assert_eq!(
            found,
            [(
                "042".into(),
                "2023-03-20".into(),
                Some("announced".into()),
                vec!["xi-jinping".into()]
            )]
        );
        // An invitation is only a plan to meet.
        let found = events_in(
            "2023-03-18",
            "Russian President Vladimir Putin invited Chinese President Xi Jinping to visit Moscow next year.",
        );
        assert_eq!(found[0].0, "036");
        assert_eq!(found[0].2, None);
    }

    #[test]
    fn greeters_at_the_airport_are_not_participants() {
        let found = events_in(
            "2023-03-22",
            "Chinese President Xi Jinping arrived in Moscow on Monday, where he was received at the airport by Deputy Prime Minister Dmitry Chernyshenko.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].3, ["xi-jinping"]);
    }

    #[test]
    fn a_meeting_on_the_sidelines_is_at_a_third_location() {
        let found = events_in(
            "2023-03-22",
            "Chinese President Xi Jinping and US President Joe Biden met on the sidelines of the summit on Monday.",
        );
        assert_eq!(found[0].0, "044");
        assert_eq!(found[0].1, "2023-03-20");
    }

    #[test]
    fn a_signing_during_a_visit_is_more_evidence_for_it() {
        let g = gazetteer::tests::small();
        let text = "Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state visit. \
                    On Tuesday Xi Jinping and Russian President Vladimir Putin signed a statement on cooperation.";
        let out = extract(&[doc("a", "2023-03-22", text)], &g, |_| {}).corpus;
        let found: Vec<(&str, &str, Vec<String>, usize)> = out
            .events
            .iter()
            .map(|e| {
                (
                    e.kind.as_str(),
                    e.start.as_str(),
                    e.participants.clone(),
                    e.evidence.len(),
                )
            })
            .collect();
        let both = vec!["xi-jinping".to_string(), "vladimir-putin".to_string()];
        assert_eq!(found, [("042", "2023-03-20", both, 2)]);
    }

    #[test]
    fn the_summary_counts_in_words() {
        let g = gazetteer::tests::small();
        let out = extract(&[doc("a", "2023-03-22", "Xi went home.")], &g, |_| {});
        assert_eq!(
            out.summary(),
            "1 article, 0 mentions of 0 entities, 0 events, 0 warnings"
        );
    }
}
