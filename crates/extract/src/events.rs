//! Events in sentences: a sentence that reports a visit, trip, meeting,
//! talks, summit, telephone call, signing or negotiation becomes an event
//! with its CAMEO kind, participants, host, place and dates, and the
//! sentence as evidence. A sentence that counts meetings ("they have met 40
//! times") becomes a claim instead.
//!
//! Invariant: every event has the sentence it came from as evidence, and
//! its dates are the ones that sentence (or the publication date) gives, at
//! their own precision.

use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{EntryIx, Gazetteer};
use super::recognise::{Found, Target};
use super::text::Word;
use super::when;
use explorer_corpus::dates::{DateRange, PartialDate, Precision};
use explorer_corpus::lexicon;
use explorer_corpus::{EntityKind, EventKind, EventStatus};

/// An event found in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Its CAMEO kind.
    pub kind: EventKind,
    /// When, if the sentence says.
    pub dates: Option<DateRange>,
    /// Those who took part.
    pub participants: Vec<Target>,
    /// The host country.
    pub host: Option<EntryIx>,
    /// Where.
    pub place: Option<Target>,
    /// The sentence, as a byte range of the article text.
    pub evidence: Range<usize>,
    /// Whether the sentence only refers back to an event the article has
    /// already reported ("ahead of the trip"), without a date of its own.
    pub refers_back: bool,
    /// Whether the sentence names its people only as a group the article
    /// has named before ("the two leaders", "they").
    pub names_a_group: bool,
    /// Whether the visit is announced for a date to come ("will arrive on
    /// Monday") or going on as the article is written ("is on a three-day
    /// visit"); `None` for one that is over.
    pub status: Option<EventStatus>,
    /// Whether the sentence names a visitor only by the role ("the
    /// visiting minister", "his guest", "the visitor").
    pub names_the_guest: bool,
    /// Every distinct month or year before publication the sentence names,
    /// for one that recalls several events ("in 2004 and again in 2009").
    pub recalled: Vec<DateRange>,
}

/// What one sentence reports.
#[derive(Debug, Clone, PartialEq)]
pub enum Reported {
    /// An event.
    Event(Candidate),
    /// A claim about a relationship, such as a count of meetings.
    Claim(String),
    /// Nothing this module recognises.
    Nothing,
}

const PHONE: &[&str] = &[
    "phone",
    "telephone",
    "phoned",
    "telephoned",
    "videoconference",
    "video",
    "call",
];
const SIGN: &[&str] = &["signed", "sign", "signing", "inked", "signs"];
const SIGNED_THINGS: &[&str] = &[
    "agreement",
    "agreements",
    "deal",
    "deals",
    "treaty",
    "treaties",
    "accord",
    "accords",
    "memorandum",
    "memorandums",
    "memoranda",
    "contract",
    "contracts",
    "declaration",
    "pact",
    "communique",
    "documents",
    "statement",
    "statements",
    "roadmap",
    "protocol",
];
const VISIT: &[&str] = &[
    "visit",
    "visits",
    "visited",
    "visiting",
    "trip",
    "trips",
    "tour",
    "toured",
    "arrived",
    "arrives",
    "arrive",
    "arriving",
    "travelled",
    "traveled",
    "travels",
    "travel",
    "landed",
    "landing",
    "flown",
    "flew",
    "journey",
    "came",
    "comes",
    "returned",
    "returns",
];
const MEET: &[&str] = &[
    "met",
    "meet",
    "meets",
    "meeting",
    "talks",
    "summit",
    "sidelines",
    "margins",
    "conferred",
    "discussed",
];
/// Words that report a visit from the host's side ("Xi welcomed Macron").
const HOSTING: &[&str] = &[
    "welcomed",
    "welcomes",
    "welcoming",
    "received",
    "receives",
    "hosted",
    "hosts",
    "hosting",
    "greeted",
];
const NEGOTIATE: &[&str] = &["negotiations", "negotiated", "negotiating", "negotiate"];
const THIRD_PLACE: &[&str] = &["summit", "sidelines", "margins", "forum"];
const REPORTING: &[&str] = &["said", "told", "says", "added", "noted"];

/// What a sentence is read against: the article's words, mentions and
/// publication date, what is known of its people, and who the previous
/// sentence was about.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The article's words, split once ([`super::text::words`]).
    pub words: &'a [Word],
    /// The same words in lower case.
    pub lower: &'a [String],
    /// The article's mentions, in text order and not overlapping (as
    /// [`super::recognise::recognise`] returns them).
    pub mentions: &'a [Found],
    /// The known entities.
    pub gazetteer: &'a Gazetteer,
    /// The country each titled person serves.
    pub nationality: &'a HashMap<String, EntryIx>,
    /// When the article was published.
    pub published: PartialDate,
    /// The first person the previous sentence names, whom a sentence that
    /// opens with "He", "She", "His" or "Her" is about.
    pub subject: Option<&'a Target>,
}

/// One sentence, read from the article's words: its words and their lower
/// case, and the mentions inside it.
struct Sentence<'a> {
    text: &'a str,
    range: Range<usize>,
    ws: &'a [Word],
    lower: &'a [String],
    mentions: Vec<&'a Found>,
}

impl<'a> Sentence<'a> {
    fn new(text: &'a str, range: Range<usize>, context: &Context<'a>) -> Sentence<'a> {
        let from = context
            .words
            .partition_point(|w| w.range.start < range.start);
        let to = context.words.partition_point(|w| w.range.end <= range.end);
        let to = to.max(from);
        Sentence {
            text,
            ws: &context.words[from..to],
            lower: &context.lower[from..to],
            mentions: {
                let all = context.mentions;
                let first = all.partition_point(|m| m.range.start < range.start);
                let past = all.partition_point(|m| m.range.start < range.end);
                all[first..past.max(first)]
                    .iter()
                    .filter(|m| m.range.end <= range.end)
                    .collect()
            },
            range,
        }
    }

    /// The sentence's text.
    fn body(&self) -> &'a str {
        &self.text[self.range.clone()]
    }

    /// Word `i` as written.
    fn word(&self, i: usize) -> &'a str {
        self.ws[i].text(self.text)
    }

    /// The index of the first word that starts at or after `byte`.
    fn index_at(&self, byte: usize) -> usize {
        self.ws.partition_point(|w| w.range.start < byte)
    }

    /// Where word `i` starts, relative to the sentence.
    fn offset(&self, i: usize) -> usize {
        self.ws[i].range.start - self.range.start
    }

    /// The lower-case word right before a mention, or "".
    fn word_before(&self, m: &Found) -> &'a str {
        self.index_at(m.range.start)
            .checked_sub(1)
            .map_or("", |i| self.lower[i].as_str())
    }

    /// The word right after a mention, as written, or "".
    fn word_after(&self, m: &Found) -> &'a str {
        let i = self.index_at(m.range.end);
        if i < self.ws.len() {
            self.word(i)
        } else {
            ""
        }
    }

    /// "Xi visits Moscow" reports a visit; "flights and visits by officials"
    /// does not: "visits" counts only after a name. "came to Beijing" is a
    /// visit; "came as", "came after" are not, nor "returned home".
    fn generic(&self, i: usize) -> bool {
        let lower = self.lower;
        lower[i] == "visits"
            && i.checked_sub(1)
                .is_none_or(|p| !self.word(p).starts_with(char::is_uppercase))
            || matches!(lower[i].as_str(), "came" | "comes" | "returned" | "returns")
                && lower.get(i + 1).is_none_or(|n| n != "to")
    }

    /// The first word of `list` the sentence holds.
    fn has(&self, list: &[&str]) -> Option<usize> {
        self.lower
            .iter()
            .enumerate()
            .position(|(i, w)| list.contains(&w.as_str()) && !self.generic(i))
    }

    /// Whether any word is one of `list`.
    fn any(&self, list: &[&str]) -> bool {
        self.lower.iter().any(|w| list.contains(&w.as_str()))
    }
}

/// What the sentence at `sentence` of `text` reports, read in phases: a
/// count of meetings, the kind, the people, where, when and the tense.
pub fn read_sentence(text: &str, sentence: Range<usize>, context: &Context) -> Reported {
    let s = Sentence::new(text, sentence.clone(), context);
    if s.ws.is_empty() {
        return Reported::Nothing;
    }
    if is_a_count(&s) {
        return Reported::Claim(s.body().to_string());
    }
    let Some((kind, trigger)) = kind_of(&s, context.gazetteer) else {
        return Reported::Nothing;
    };
    let country_of = |t: &Target| country_of(t, context);
    let (people, stands_for_person) = people_of(&s, context, kind, trigger);
    let nationalities: Vec<EntryIx> = people.iter().filter_map(country_of).collect();
    let (host, place) = destination(&s, context, kind, &nationalities);
    let mut participants = sides(&s, context, kind, trigger, people, host, &stands_for_person);
    if let Some(h) = his_host(&s, context, kind, host, &participants) {
        participants.push(h);
    }
    let names_a_group = names_a_group(&s, &participants);
    let guest = s.lower.windows(2).any(|w| {
        matches!(w[0].as_str(), "the" | "his" | "her" | "their")
            && matches!(
                w[1].as_str(),
                "visiting" | "guest" | "guests" | "visitor" | "visitors"
            )
    });
    if participants.is_empty() && !names_a_group && !guest {
        return Reported::Nothing;
    }
    let (dates, dated, recalled) = date_of(&s, context, kind);
    let kind = where_kind(&s, context, kind, &participants, place.as_ref());
    let (kind, status) = tense(&s, context, kind, trigger, dates);
    let refers_back = !dated
        && trigger > 0
        && matches!(
            s.lower[trigger - 1].as_str(),
            "the" | "this" | "that" | "his" | "her" | "their" | "its"
        )
        && matches!(
            s.lower[trigger].as_str(),
            "visit" | "trip" | "journey" | "tour" | "talks" | "meeting" | "summit" | "call"
        );
    Reported::Event(Candidate {
        recalled,
        names_the_guest: guest,
        status,
        names_a_group,
        refers_back,
        kind,
        dates,
        participants,
        host: if matches!(kind, EventKind::Visit | EventKind::IntentToMeet) {
            host
        } else {
            place.as_ref().and_then(country_of).or(host)
        },
        place,
        evidence: sentence,
    })
}

/// A sentence that speaks of a summit: the body holding it, if the
/// sentence names it beside the word ("the G20 summit", "the summit of the
/// G7") or names no other ("BRICS invited six countries ... at the close of
/// a three-day summit"), and the summit itself, dated when the sentence
/// says when it opens, closes or lasts ("opens on Tuesday", "a two-day
/// summit, hosted by Modi, ... on Saturday").
pub struct Summit {
    /// The body holding it.
    pub body: Option<Target>,
    /// The summit as a consultation (040), with the person after "hosted
    /// by" as a participant, and its dates if the sentence dates the summit
    /// itself rather than something on its sidelines.
    pub event: Candidate,
}

/// The summit the sentence at `sentence` speaks of, if any ([`Summit`]).
pub fn summit(text: &str, sentence: Range<usize>, context: &Context) -> Option<Summit> {
    let s = Sentence::new(text, sentence.clone(), context);
    let g = context.gazetteer;
    let at = s.lower.iter().position(|w| w == "summit")?;
    let organisation = |m: &&&Found| matches!(m.target, Target::Known(ix) if g.entries[ix].kind == EntityKind::Organisation);
    let before = s.mentions.iter().filter(organisation).find(|m| {
        let end = s.index_at(m.range.end);
        end <= at && at - end <= 1
    });
    let after = s.mentions.iter().filter(organisation).find(|m| {
        let start = s.index_at(m.range.start);
        s.lower.get(at + 1).is_some_and(|w| w == "of") && start > at && start - at <= 3
    });
    let mut bodies = s.mentions.iter().filter(organisation);
    let only = match (bodies.next(), bodies.next()) {
        (Some(m), None) => Some(m),
        _ => None,
    };
    let body = before.or(after).or(only).map(|m| m.target.clone());
    // Dated only by words about the summit itself.
    let of_itself = s.lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "opens" | "opened" | "open" | "opening" | "close" | "closing" | "closed" | "hosted"
        ) || w.ends_with("-day")
    }) && !s.any(&["sidelines", "margins"]);
    let dates = if of_itself {
        date_of(&s, context, EventKind::Consult)
            .0
            .filter(|d| d.start.precision() == Precision::Day)
    } else {
        None
    };
    let mut participants = Vec::new();
    if let Some(i) = s
        .lower
        .windows(2)
        .position(|w| w[0] == "hosted" && w[1] == "by")
    {
        let by = s.ws[i + 1].range.end;
        participants.extend(
            s.mentions
                .iter()
                .find(|m| {
                    m.range.start > by && m.range.start - by <= 40 && super::is_person(&m.target, g)
                })
                .map(|m| m.target.clone()),
        );
    }
    let place = s
        .mentions
        .iter()
        .find(|m| matches!(m.target, Target::Known(ix) if g.entries[ix].kind == EntityKind::Place))
        .map(|m| m.target.clone());
    let host = place.as_ref().and_then(|p| country_of(p, context));
    let (_, status) = tense(&s, context, EventKind::Consult, at, dates);
    Some(Summit {
        body,
        event: Candidate {
            kind: EventKind::Consult,
            dates,
            participants,
            host,
            place,
            evidence: sentence,
            refers_back: false,
            names_a_group: false,
            status,
            names_the_guest: false,
            recalled: Vec::new(),
        },
    })
}

/// "Putin came to Ankara for a working dinner with his host": on a visit,
/// "his host" is the one person the article titles as the host country's.
fn his_host(
    s: &Sentence,
    context: &Context,
    kind: EventKind,
    host: Option<EntryIx>,
    participants: &[Target],
) -> Option<Target> {
    let host = host.filter(|_| kind == EventKind::Visit)?;
    let said = s.lower.windows(2).any(|w| {
        matches!(w[0].as_str(), "his" | "her" | "their")
            && matches!(w[1].as_str(), "host" | "hosts")
    });
    if !said
        || participants
            .iter()
            .any(|p| country_of(p, context) == Some(host))
    {
        return None;
    }
    titled_as(context, host)
}

/// The one person the article titles as `country`'s ("Turkish President
/// Recep Tayyip Erdoğan"), if there is exactly one.
pub fn titled_as(context: &Context, country: EntryIx) -> Option<Target> {
    let mut holders = context.nationality.iter().filter(|(_, c)| **c == country);
    let (Some((name, _)), None) = (holders.next(), holders.next()) else {
        return None;
    };
    let g = context.gazetteer;
    context
        .mentions
        .iter()
        .map(|m| &m.target)
        .find(|t| match t {
            Target::Person(n) => n == name,
            Target::Known(ix) => g.entries[*ix].entry.entity.name == *name,
            Target::Other(..) => false,
        })
        .cloned()
}

/// The country a participant stands for: a person's by their title, a
/// place's own, a country itself.
pub fn country_of(t: &Target, context: &Context) -> Option<EntryIx> {
    let g = context.gazetteer;
    match t {
        Target::Known(ix) if g.entries[*ix].kind == EntityKind::Person => context
            .nationality
            .get(&g.entries[*ix].entry.entity.name)
            .copied(),
        Target::Known(ix) => g.entries[*ix].country,
        Target::Person(name) => context.nationality.get(name).copied(),
        Target::Other(..) => None,
    }
}

/// "met more than 40 times", "their fortieth meeting": a count of meetings,
/// visits or calls is a claim; an ordinal one is an event.
fn is_a_count(s: &Sentence) -> bool {
    let count = |word: &str| lexicon::cardinal(word).filter(|&n| n >= 2);
    let counts = |number: u32, word: &str| {
        lexicon::counts_encounters(lexicon::Numeral::Cardinal(number), word)
    };
    let counted = s
        .lower
        .windows(2)
        .any(|pair| count(&pair[0]).is_some_and(|n| counts(n, &pair[1])))
        || s.lower.windows(3).any(|w| {
            matches!(
                w[1].as_str(),
                "separate" | "previous" | "earlier" | "face-to-face" | "bilateral" | "official"
            ) && count(&w[0]).is_some_and(|n| counts(n, &w[2]))
        });
    counted && (s.has(MEET).is_some() || s.has(VISIT).is_some() || s.has(PHONE).is_some())
}

/// The kind the sentence's words report, and the word that says it.
fn kind_of(s: &Sentence, gazetteer: &Gazetteer) -> Option<(EventKind, usize)> {
    let lower = s.lower;
    // "restore telephone links", "a call for calm": not a call.
    let not_a_call = |i: usize| {
        lower.get(i + 1).is_some_and(|n| {
            matches!(
                n.as_str(),
                "links"
                    | "lines"
                    | "line"
                    | "number"
                    | "numbers"
                    | "network"
                    | "networks"
                    | "service"
                    | "for"
            )
        })
    };
    let phone = s.has(PHONE).filter(|&i| {
        !not_a_call(i)
            && (lower[i] != "call" && lower[i] != "video"
                || lower
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| matches!(p.as_str(), "phone" | "telephone" | "video"))
                || lower
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.as_str(), "call" | "link" | "conference")))
    });
    let sign = s.has(SIGN).filter(|_| s.has(SIGNED_THINGS).is_some());
    // "Xi welcomed Macron" reports a visit; "a summit hosted by Indonesia"
    // does not.
    // Nor does "Sochi hosted the first Russia–Africa Summit": a place hosts
    // a meeting, a person a guest.
    let place_before = |i: usize| {
        s.mentions
            .iter()
            .any(|m| s.index_at(m.range.end) == i && names_a_place(m, gazetteer))
    };
    let hosting = s
        .has(HOSTING)
        .filter(|&i| lower.get(i + 1).is_none_or(|n| n != "by") && !place_before(i));
    if let Some(i) = phone {
        Some((EventKind::Telephone, i))
    } else if let Some(i) = sign {
        Some((EventKind::SignAgreement, i))
    } else if let Some(i) = s.has(VISIT).or(hosting).or_else(|| was_in(s, gazetteer)) {
        Some((EventKind::Visit, i))
    } else if let Some(i) = s.has(MEET) {
        Some((EventKind::Consult, i))
    } else {
        s.has(NEGOTIATE).map(|i| (EventKind::Negotiate, i))
    }
}

/// Whether a mention names a known place or country.
fn names_a_place(m: &Found, gazetteer: &Gazetteer) -> bool {
    matches!(m.target, Target::Known(ix)
        if matches!(gazetteer.entries[ix].kind, EntityKind::Place | EntityKind::Country))
}

/// "Meloni was in New Delhi in March", "is scheduled to be in Tianjin":
/// being in a place or a country is a visit there. Returns the index of "in".
fn was_in(s: &Sentence, gazetteer: &Gazetteer) -> Option<usize> {
    (1..s.ws.len().saturating_sub(1)).find(|&i| {
        s.lower[i] == "in"
            && matches!(
                s.lower[i - 1].as_str(),
                "was" | "were" | "is" | "are" | "be"
            )
            && s.mentions
                .iter()
                .any(|m| m.range.start == s.ws[i + 1].range.start && names_a_place(m, gazetteer))
    })
}

/// "was received at the airport by", "accompanied by": the people named
/// right after are greeters and escorts, not participants.
fn is_greeter(s: &Sentence, m: &Found) -> bool {
    let at = s.index_at(m.range.start);
    // "Biden and first lady Jill Biden hosted a dinner": a spouse comes
    // along.
    if at >= 1
        && (matches!(s.lower[at - 1].as_str(), "wife" | "husband" | "spouse")
            || at >= 2 && s.lower[at - 2] == "first" && s.lower[at - 1] == "lady")
    {
        return true;
    }
    let Some(by) = s.lower[..at].iter().rposition(|w| w == "by") else {
        return false;
    };
    // Only the names right after "by", with their titles ("by the US
    // ambassador to China, Nicholas Burns"), and those joined to them.
    if at - by > 8
        || s.lower[by..at]
            .iter()
            .any(|w| VISIT.contains(&w.as_str()) || MEET.contains(&w.as_str()))
    {
        return false;
    }
    let before = &s.lower[by.saturating_sub(8)..by];
    let is = |list: &[&str]| before.iter().any(|w| list.contains(&w.as_str()));
    let escorted = is(&["accompanied", "escorted", "flanked", "seen"]);
    let greeted = is(&["welcomed", "greeted", "received"])
        && is(&[
            "airport",
            "airbase",
            "tarmac",
            "arrival",
            "base",
            "aerodrome",
        ]);
    escorted || greeted
}

/// Who took part, as far as the sentence names them, and the countries
/// that stand for a person by title ("the Indian leader").
fn people_of(
    s: &Sentence,
    context: &Context,
    kind: EventKind,
    trigger: usize,
) -> (Vec<Target>, Vec<EntryIx>) {
    let g = context.gazetteer;
    let text = s.text;
    let mut people: Vec<(Target, bool)> = Vec::new();
    for m in &s.mentions {
        if !super::is_person(&m.target, g) || is_greeter(s, m) {
            continue;
        }
        let reporter = REPORTING.contains(&s.word_after(m))
            || s.word_before(m) == "to"
                && text[s.range.start..m.range.start]
                    .trim_end()
                    .ends_with("according to");
        if !people.iter().any(|(t, _)| *t == m.target) {
            people.push((m.target.clone(), reporter));
        }
    }
    // "He had slipped away from India": the previous sentence's person,
    // only when the sentence names fewer than two people itself: in "His
    // trip was agreed by Xi and Biden" the event is Xi's and Biden's.
    let opens_with_pronoun = matches!(s.word(0), "He" | "She" | "His" | "Her");
    if let (true, Some(subject)) = (opens_with_pronoun, context.subject) {
        if people.len() < 2 && !people.iter().any(|(t, _)| t == subject) {
            people.insert(0, (subject.clone(), false));
        }
    }
    // "The Indian leader", "the French president": the one person the
    // article has given that country's title.
    let mut stands_for_person: Vec<EntryIx> = Vec::new();
    for m in &s.mentions {
        let Target::Known(country) = m.target else {
            continue;
        };
        if g.entries[country].kind != EntityKind::Country
            || s.word_before(m) != "the"
            || !is_title(s.word_after(m))
        {
            continue;
        }
        let mut holders = context.nationality.iter().filter(|(_, c)| **c == country);
        if let (Some((name, _)), None) = (holders.next(), holders.next()) {
            let person = context
                .mentions
                .iter()
                .find(|p| matches!(&p.target, Target::Person(n) if n == name))
                .map(|p| p.target.clone());
            if let Some(person) = person {
                stands_for_person.push(country);
                if !people.iter().any(|(t, _)| *t == person) {
                    people.push((person, false));
                }
            }
        }
    }
    // Someone who says or tells is a source, not a participant, unless
    // without them fewer than two people would take part ("Trump said he
    // and Putin had agreed", "Putin told Erdogan").
    let others = people.iter().filter(|(_, reporter)| !reporter).count();
    let mut people: Vec<Target> = people
        .into_iter()
        .filter(|(_, reporter)| !reporter || others < 2)
        .map(|(t, _)| t)
        .collect();
    if kind == EventKind::Visit {
        if let Some(visitors) = visitors_after_by(s, context, trigger) {
            people = visitors;
        }
    }
    // "Xi welcomed Macron": the guest, named after the host's verb, leads.
    if HOSTING.contains(&s.lower[trigger].as_str()) {
        let verb_at = s.ws[trigger].range.start;
        let after = |t: &Target| {
            s.mentions
                .iter()
                .any(|m| m.target == *t && m.range.start > verb_at)
                && !s
                    .mentions
                    .iter()
                    .any(|m| m.target == *t && m.range.start < verb_at)
        };
        people.sort_by_key(|t| !after(t));
    }
    (people, stands_for_person)
}

/// "Kishida's trip followed a visit to Kyiv last month by Biden": a visit
/// "by" someone is that person's, whoever else the sentence names. The
/// "by" comes a few words after a word for the visit, with no verb between
/// ("a visit organised by" names no visitor).
fn visitors_after_by(s: &Sentence, context: &Context, trigger: usize) -> Option<Vec<Target>> {
    let lower = s.lower;
    let b = (trigger + 1..lower.len()).find(|&b| {
        lower[b] == "by"
            && (b.saturating_sub(7)..b).any(|v| {
                VISIT.contains(&lower[v].as_str())
                    && !lower[v + 1..b]
                        .iter()
                        .any(|w| HOSTING.contains(&w.as_str()) || w.ends_with("ed"))
            })
    })?;
    let after_by = s.ws[b].range.end;
    // The people named right after "by", and those joined to them.
    let mut visitors: Vec<Target> = Vec::new();
    let mut reach = after_by;
    for m in s.mentions.iter().filter(|m| m.range.start >= after_by) {
        let gap = &s.text[reach..m.range.start];
        let between = s.index_at(m.range.start) - s.index_at(reach);
        let close = between <= 3 && (visitors.is_empty() || joins(gap));
        if !close {
            break;
        }
        if super::is_person(&m.target, context.gazetteer) && !visitors.contains(&m.target) {
            visitors.push(m.target.clone());
        }
        reach = m.range.end;
    }
    (!visitors.is_empty()).then_some(visitors)
}

/// The host country and the place: a country or place after "to", "in"
/// or a word for the visit is where a visit went; a place gives its
/// country.
fn destination(
    s: &Sentence,
    context: &Context,
    kind: EventKind,
    nationalities: &[EntryIx],
) -> (Option<EntryIx>, Option<Target>) {
    let mut host = None;
    let mut place = None;
    for m in &s.mentions {
        let Target::Known(ix) = m.target else {
            continue;
        };
        let known = &context.gazetteer.entries[ix];
        let before = s.word_before(m);
        let destination = matches!(before, "to" | "in" | "into" | "at" | "of")
            || VISIT.contains(&before)
            || before == "the"
                && s.index_at(m.range.start)
                    .checked_sub(2)
                    .is_some_and(|i| VISIT.contains(&s.lower[i].as_str()));
        match known.kind {
            EntityKind::Place => {
                if place.is_none() {
                    place = Some(m.target.clone());
                }
                if host.is_none() {
                    host = known.country;
                }
            }
            EntityKind::Country if host.is_none() && destination && !is_title(s.word_after(m)) => {
                host = Some(ix);
            }
            _ => {}
        }
    }
    if kind == EventKind::Visit && host.is_some_and(|h| nationalities == [h]) {
        // A leader "arriving in" their own country is coming home, not visiting.
        host = None;
    }
    (host, place)
}

/// The participants: the people, or with none the countries and
/// organisations named (a visit's host aside); and for a signing or a
/// negotiation, the states it is between beside the people.
fn sides(
    s: &Sentence,
    context: &Context,
    kind: EventKind,
    trigger: usize,
    people: Vec<Target>,
    host: Option<EntryIx>,
    stands_for_person: &[EntryIx],
) -> Vec<Target> {
    let g = context.gazetteer;
    let mut participants = people;
    if participants.is_empty() {
        for m in &s.mentions {
            if let Target::Known(ix) = m.target {
                let k = g.entries[ix].kind;
                let is_host = kind == EventKind::Visit && host == Some(ix);
                if matches!(k, EntityKind::Country | EntityKind::Organisation)
                    && !stands_for_person.contains(&ix)
                    && !is_host
                    && !participants.contains(&m.target)
                {
                    participants.push(m.target.clone());
                }
            }
        }
    }
    // "Russia and Ukraine signed it", "talks between Saudi Arabia and Iran":
    // the states a signing or a negotiation is between take part beside
    // the people the sentence names. A country used as an adjective ("the
    // Russian leader", "Turkish officials") or as a place ("in Turkey") is not
    // one of them.
    if !matches!(kind, EventKind::SignAgreement | EventKind::Negotiate) || participants.is_empty() {
        return participants;
    }
    let verb_at = s.ws[trigger].range.start;
    // Where the last country named after "between" ends, for the one
    // joined to it by "and".
    let mut between_end: Option<usize> = None;
    for m in &s.mentions {
        let Target::Known(ix) = m.target else {
            continue;
        };
        if g.entries[ix].kind != EntityKind::Country
            || stands_for_person.contains(&ix)
            || participants.contains(&m.target)
        {
            continue;
        }
        let before = s.word_before(m);
        let after = s.word_after(m).to_lowercase();
        let subject = m.range.start < verb_at
            && matches!(
                after.as_str(),
                "and"
                    | "signed"
                    | "sign"
                    | "signs"
                    | "have"
                    | "has"
                    | "had"
                    | "agreed"
                    | "will"
                    | "would"
                    | "negotiated"
                    | "inked"
            )
            && !matches!(
                before,
                "to" | "in" | "at" | "of" | "from" | "by" | "with" | "into" | "for"
            );
        let between = before == "between"
            || between_end.is_some_and(|end| s.text.get(end..m.range.start).is_some_and(joins));
        if between {
            between_end = Some(m.range.end);
        }
        if subject || between {
            participants.push(m.target.clone());
        }
    }
    participants
}

/// "The two leaders" stand for people when the sentence names fewer than
/// two; "the two countries" only when it names none.
fn names_a_group(s: &Sentence, participants: &[Target]) -> bool {
    let group = |w: &str| match w {
        "leaders" | "presidents" | "men" | "women" | "ministers" | "heads" => {
            participants.len() < 2
        }
        "sides" | "countries" | "governments" | "nations" | "rivals" | "neighbours" => {
            participants.is_empty()
        }
        _ => false,
    };
    s.lower.first().is_some_and(|w| w == "they") && participants.len() < 2
        || s.lower
            .windows(3)
            .any(|w| w[0] == "the" && w[1] == "two" && group(&w[2]))
        || s.lower.windows(2).any(|w| w[0] == "both" && group(&w[1]))
}

/// How close, in bytes, a date must stand to the word for the event to
/// date it when that word only refers back ("the talks").
const NEAR: usize = 40;

/// The event's dates, whether the sentence dates it near the words that
/// name it (within [`NEAR`]), and the months and years before publication
/// it names. The
/// date nearest a word that names the event is its date: "spoke on Monday
/// ... in a call in July" dates the call in July. "since 2013", "until
/// May" are the edge of a period, not the event's date. "a three-day
/// visit" gives the end.
fn date_of(
    s: &Sentence,
    context: &Context,
    kind: EventKind,
) -> (Option<DateRange>, bool, Vec<DateRange>) {
    let body = s.body();
    let found_dates = when::find(body, context.published);
    let mut recalled: Vec<DateRange> = Vec::new();
    for f in &found_dates {
        let coarse = f.dates.end.is_none() && f.dates.start.precision() != Precision::Day;
        if coarse
            && f.dates.last_day() < context.published.first_day()
            && !recalled.contains(&f.dates)
        {
            recalled.push(f.dates);
        }
    }
    let trigger_list: &[&str] = match kind {
        EventKind::Telephone => PHONE,
        EventKind::SignAgreement => SIGN,
        EventKind::Visit => VISIT,
        EventKind::Negotiate => NEGOTIATE,
        _ => MEET,
    };
    let anchor_words: Vec<usize> = (0..s.ws.len())
        .filter(|&i| {
            let l = s.lower[i].as_str();
            trigger_list.contains(&l) || HOSTING.contains(&l)
        })
        .collect();
    let anchors: Vec<usize> = anchor_words.iter().map(|&i| s.offset(i)).collect();
    let distance = |f: &when::Found| {
        anchors
            .iter()
            .map(|&a| a.abs_diff(f.range.start))
            .min()
            .unwrap_or(usize::MAX)
    };
    let found_dates: Vec<when::Found> = found_dates
        .into_iter()
        .filter(|f| {
            // The clause the date is in, back to the last comma.
            let head = &body[..f.range.start];
            let clause_start = s.range.start + head.rfind(',').map_or(0, |c| c + 1);
            let (from, to) = (
                s.index_at(clause_start),
                s.index_at(s.range.start + f.range.start),
            );
            // "the Antalya Diplomacy Forum, which opens on Friday": a
            // clause about something else, unless it names the event.
            let about_another = s.lower.get(from).is_some_and(|w| w == "which")
                && !anchor_words.iter().any(|&a| (from..to).contains(&a));
            // "since 2013", "until May": the edge of a period; "since Hu
            // Jintao visited in 2004" still dates a visit.
            let edge = (to.saturating_sub(6).max(from)..to)
                .rev()
                .find(|&i| matches!(s.lower[i].as_str(), "since" | "until" | "till"));
            let edge = edge.is_some_and(|e| !anchor_words.iter().any(|&a| a > e && a < to));
            !about_another
                && !edge
                // "full members from January 1": when a state begins.
                && (to == 0 || s.lower[to - 1] != "from" || f.dates.end.is_some())
        })
        .collect();
    let dated = found_dates.iter().any(|f| distance(f) <= NEAR);
    let single: Vec<&when::Found> = found_dates
        .iter()
        .filter(|f| f.dates.end.is_none())
        .collect();
    let pool = if single.is_empty() {
        found_dates.iter().collect()
    } else {
        single
    };
    // "held talks on Tuesday, after landing on Monday evening": the days
    // of a visit the sentence gives, a few apart, run from the first.
    let days: Vec<i64> = pool
        .iter()
        .filter(|f| f.dates.end.is_none() && f.dates.start.precision() == Precision::Day)
        .map(|f| f.dates.first_day())
        .collect();
    let span = days
        .iter()
        .min()
        .zip(days.iter().max())
        .filter(|(first, last)| {
            kind == EventKind::Visit
                && days.len() == pool.len()
                && first < last
                && *last - *first <= 7
        });
    let mut dates = pool
        .into_iter()
        .min_by_key(|f| distance(f))
        .map(|f| f.dates);
    if let (Some((&first, &last)), Some(d)) = (span, dates.as_mut()) {
        d.start = PartialDate::from_day_number(first);
        d.end = Some(PartialDate::from_day_number(last));
    }
    if let Some(d) = dates.as_mut() {
        if d.end.is_none() {
            // "a three-day visit", "visited Kenya for four days"; not
            // "tariffs suspended for 30 days" far from the talks.
            let near = |i: usize| anchor_words.iter().any(|&a| a.abs_diff(i) <= 4);
            if let Some((days, closing)) = duration_days(s.lower, near) {
                // "on Monday, at the close of a two-day visit": Monday ends it.
                if closing {
                    if let Some(first) = when::add_days(d.start, 1 - i64::from(days)) {
                        d.end = Some(d.start);
                        d.start = first;
                    }
                } else {
                    d.end = when::add_days(d.start, i64::from(days) - 1);
                }
            }
        }
    }
    (dates, dated, recalled)
}

/// A meeting is at a third location (044) on the sidelines or margins of
/// something, when its place lies in a country none of the participants
/// comes from, or, with their countries unknown, when the sentence speaks
/// of a summit or forum. One in the home country of one side only, away
/// from a summit, is the other side's visit (042).
fn where_kind(
    s: &Sentence,
    context: &Context,
    kind: EventKind,
    participants: &[Target],
    place: Option<&Target>,
) -> EventKind {
    if kind != EventKind::Consult {
        return kind;
    }
    let place_country = place.and_then(|p| country_of(p, context));
    let sides: Vec<EntryIx> = participants
        .iter()
        .filter_map(|p| country_of(p, context))
        .collect();
    let third = match place_country {
        Some(c) if !sides.is_empty() => !sides.contains(&c),
        _ => s.has(THIRD_PLACE).is_some(),
    };
    // "Kishida and Albanese held talks in Perth": a meeting in the home
    // country of one side and not the other's is a visit by the other.
    let at_home_of_one = place_country.is_some_and(|c| {
        sides.len() == participants.len() && sides.contains(&c) && sides.iter().any(|s| *s != c)
    });
    if third || s.any(&["sidelines", "margins"]) {
        EventKind::MeetThirdLocation
    } else if at_home_of_one && s.has(THIRD_PLACE).is_none() {
        EventKind::Visit
    } else {
        kind
    }
}

/// The tense: "will visit", "is expected to travel", "agreed on Friday to
/// hold a summit", "invited Qin to Washington" are plans, dated when they
/// were made unless the sentence gives the planned date. A visit announced
/// for a near day ("will arrive on Monday", "is scheduled to begin next
/// week") stays a visit with status announced; one going on ("is on a
/// three-day visit") is under way.
fn tense(
    s: &Sentence,
    context: &Context,
    kind: EventKind,
    trigger: usize,
    dates: Option<DateRange>,
) -> (EventKind, Option<EventStatus>) {
    let lower = s.lower;
    let ahead = lower[..trigger].iter().rev().take(4).any(|w| {
        lexicon::is_plan_word(w)
            || w == "to" && lower[..trigger].iter().any(|x| lexicon::is_plan_word(x))
    }) || {
        // "agreed ... to hold", "invited ... to visit", "hopes to travel"
        let before = &lower[trigger.saturating_sub(6)..trigger];
        before
            .iter()
            .position(|w| {
                matches!(
                    w.as_str(),
                    "agreed"
                        | "agree"
                        | "invited"
                        | "invite"
                        | "hopes"
                        | "hope"
                        | "hoped"
                        | "wants"
                        | "wanted"
                        | "intends"
                        | "intend"
                        | "aims"
                        | "plans"
                        | "planned"
                )
            })
            .is_some_and(|at| before[at + 1..].iter().any(|w| w == "to"))
    } || {
        // "his first meeting with Putin ... would probably take place in
        // Saudi Arabia": a modal after the word for the event, before its verb.
        let rest = &lower[trigger + 1..lower.len().min(trigger + 12)];
        rest.iter().enumerate().any(|(i, w)| {
            matches!(w.as_str(), "will" | "would" | "could" | "might")
                && rest[i + 1..]
                    .iter()
                    .take(3)
                    .any(|v| matches!(v.as_str(), "take" | "be" | "happen" | "go" | "come"))
        })
    };
    let after_publication = dates.is_some_and(|d| d.first_day() > context.published.last_day());
    if ahead || after_publication && kind != EventKind::Telephone {
        let near = dates.is_some_and(|d| {
            d.start.precision() == Precision::Day
                || d.last_day() - d.first_day() <= 7 && d.end.is_some()
        });
        let vague = s.any(&[
            "invited",
            "invite",
            "invitation",
            "agreed",
            "agree",
            "hopes",
            "hope",
            "hoped",
            "could",
            "might",
            "possible",
            "proposed",
        ]);
        // So does a meeting announced for a near day ("is due to meet
        // Erdoğan on Wednesday on the margins of the summit").
        let in_person = matches!(
            kind,
            EventKind::Visit | EventKind::Consult | EventKind::MeetThirdLocation
        );
        return if in_person && near && !vague {
            (kind, Some(EventStatus::Announced))
        } else {
            (EventKind::IntentToMeet, None)
        };
    }
    let going_on = lower.windows(3).any(|w| {
        matches!(w[0].as_str(), "is" | "are")
            && w[1] == "on"
            && matches!(w[2].as_str(), "a" | "an" | "his" | "her" | "their")
    });
    if kind == EventKind::Visit && going_on {
        (kind, Some(EventStatus::UnderWay))
    } else {
        (kind, None)
    }
}

/// Whether the text between two names joins them into one list ("Xi and
/// Putin", "Russia, China").
fn joins(gap: &str) -> bool {
    matches!(gap.trim(), "and" | "," | ", and")
}

/// Whether a word is a title, so the country before it is a nationality.
fn is_title(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "president"
            | "prime"
            | "premier"
            | "leader"
            | "foreign"
            | "minister"
            | "chancellor"
            | "king"
            | "officials"
            | "official"
            | "counterpart"
            | "delegation"
            | "ambassador"
            | "envoy"
            | "side"
            | "government"
            | "troops"
            | "embassy"
    )
}

/// The length in days that "three-day visit" or "for four days" gives,
/// and whether the sentence's date closes that period ("at the close of a
/// two-day visit") rather than opens it.
fn duration_days(lower: &[String], near: impl Fn(usize) -> bool) -> Option<(u32, bool)> {
    let closing = |i: usize| {
        lower[i.saturating_sub(4)..i].iter().any(|w| {
            matches!(
                w.as_str(),
                "close" | "end" | "last" | "final" | "wrapping" | "concluding" | "ending"
            )
        })
    };
    for (i, w) in lower.iter().enumerate().filter(|&(i, _)| near(i)) {
        if let Some(n) = w.strip_suffix("-day").and_then(when::number_of) {
            return Some(n)
                .filter(|&n| (1..=60).contains(&n))
                .map(|n| (n, closing(i)));
        }
        if (w == "days" || w == "day") && i >= 2 && lower[i - 2] == "for" {
            if let Some(n) = when::number_of(&lower[i - 1]) {
                return Some(n)
                    .filter(|&n| (1..=60).contains(&n))
                    .map(|n| (n, false));
            }
        }
    }
    None
}

/// A summary sentence in plain words for an event.
pub fn summary(
    kind: EventKind,
    names: &[String],
    host: Option<&str>,
    place: Option<&str>,
) -> String {
    let who = match names {
        [] => "Officials".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    let at = |prefix: &str| {
        place
            .or(host)
            .map(|p| format!("{prefix}{p}"))
            .unwrap_or_default()
    };
    match kind {
        EventKind::Visit => {
            // The first participant is the visitor; the others are met.
            let (visitor, met) = match names {
                [] => ("Officials".to_string(), String::new()),
                [first, rest @ ..] => {
                    let met = match rest {
                        [] => String::new(),
                        [one] => format!(", meeting {one}"),
                        [init @ .., last] => format!(", meeting {} and {last}", init.join(", ")),
                    };
                    (first.clone(), met)
                }
            };
            match (host, place) {
                (Some(h), Some(p)) if h != p => format!("{visitor} visits {h} ({p}){met}."),
                (Some(h), _) => format!("{visitor} visits {h}{met}."),
                (None, _) => format!("{visitor}: visit{}{met}.", at(" to ")),
            }
        }
        EventKind::HostVisit => format!("{who}: hosted visit{}.", at(" in ")),
        EventKind::Telephone => format!("{who}: telephone call."),
        EventKind::SignAgreement => format!("{who}: agreement signed{}.", at(" in ")),
        EventKind::Negotiate => format!("{who}: negotiations{}.", at(" in ")),
        EventKind::IntentToMeet => format!("{who}: planned meeting or visit{}.", at(" in ")),
        EventKind::MeetThirdLocation | EventKind::Consult => {
            format!("{who}: meeting{}.", at(" in "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::recognise::{recognise, unify_people};
    use super::super::text::sentences;
    use super::*;

    fn gazetteer() -> Gazetteer {
        super::super::gazetteer::tests::small()
    }

    /// Reads every sentence of `text`, published on `published`.
    fn read(text: &str, published: &str) -> Vec<String> {
        let g = gazetteer();
        let mut r = recognise(text, &g, None);
        unify_people(&mut r.mentions);
        let published = PartialDate::parse(published).unwrap();
        let lower: Vec<String> = r
            .words
            .iter()
            .map(|w| w.text(text).to_lowercase())
            .collect();
        sentences(text)
            .into_iter()
            .map(|s| {
                match read_sentence(
                    text,
                    s,
                    &Context {
                        words: &r.words,
                        lower: &lower,
                        mentions: &r.mentions,
                        gazetteer: &g,
                        nationality: &r.nationality,
                        published,
                        subject: None,
                    },
                ) {
                    Reported::Event(c) => {
                        let who: Vec<String> = c
                            .participants
                            .iter()
                            .map(|p| match p {
                                Target::Known(ix) => g.entries[*ix].entry.entity.name.clone(),
                                Target::Person(n) | Target::Other(_, n) => n.clone(),
                            })
                            .collect();
                        let dates = c.dates.map(|d| {
                            let (s, e) = d.to_string_pair();
                            e.map_or(s.clone(), |e| format!("{s}/{e}"))
                        });
                        format!(
                            "{} {} [{}] host={}",
                            c.kind.code(),
                            dates.unwrap_or_else(|| "-".into()),
                            who.join(", "),
                            c.host
                                .map_or("-".into(), |h| g.entries[h].entry.entity.name.clone())
                        )
                    }
                    Reported::Claim(c) => format!("claim: {c}"),
                    Reported::Nothing => "-".into(),
                }
            })
            .collect()
    }

    /// Runs `phase` on the first sentence of `text`, published on 18 March
    /// 2023 (a Saturday).
    fn phase<T>(text: &str, phase: impl Fn(&Sentence, &Context) -> T) -> T {
        let g = gazetteer();
        let r = recognise(text, &g, None);
        let lower: Vec<String> = r
            .words
            .iter()
            .map(|w| w.text(text).to_lowercase())
            .collect();
        let context = Context {
            words: &r.words,
            lower: &lower,
            mentions: &r.mentions,
            gazetteer: &g,
            nationality: &r.nationality,
            published: PartialDate::parse("2023-03-18").unwrap(),
            subject: None,
        };
        let first = sentences(text).remove(0);
        let s = Sentence::new(text, first, &context);
        phase(&s, &context)
    }

    #[test]
    fn the_kind_phase_reads_the_words_for_the_event() {
        let kind = |text: &str| phase(text, |s, c| kind_of(s, c.gazetteer).map(|(k, _)| k.code()));
        assert_eq!(kind("Xi phoned Putin."), Some("041"));
        assert_eq!(kind("Xi and Putin signed a treaty."), Some("057"));
        assert_eq!(kind("Xi came to Moscow."), Some("042"));
        assert_eq!(kind("Xi came as a guest."), None);
        assert_eq!(kind("Xi welcomed Putin."), Some("042"));
        assert_eq!(kind("The summit hosted by Indonesia ended."), Some("040"));
        assert_eq!(kind("Moscow hosted the summit in October."), Some("040"));
        assert_eq!(kind("Flights and visits by officials resumed."), None);
        assert_eq!(kind("Xi was in Moscow in March."), Some("042"));
        assert_eq!(kind("Xi was in good spirits."), None);
        assert_eq!(
            kind("Xi is scheduled to be in Moscow on Monday."),
            Some("042")
        );
    }

    #[test]
    fn the_tense_phase_tells_announced_visits_from_plans() {
        let tense_of = |text: &str| {
            phase(text, |s, c| {
                let (kind, trigger) = kind_of(s, c.gazetteer).unwrap();
                let (dates, _, _) = date_of(s, c, kind);
                let (kind, status) = tense(s, c, kind, trigger, dates);
                (kind.code(), status.map(|s| s.code()))
            })
        };
        assert_eq!(
            tense_of("Xi will arrive in Moscow on Monday."),
            ("042", Some("announced"))
        );
        assert_eq!(
            tense_of("Xi hopes to visit Moscow on Monday."),
            ("036", None)
        );
        assert_eq!(tense_of("Xi will visit Moscow in June."), ("036", None));
        assert_eq!(
            tense_of("Xi is on a three-day visit to Moscow."),
            ("042", Some("under-way"))
        );
        assert_eq!(tense_of("Xi visited Moscow on Monday."), ("042", None));
        assert_eq!(
            tense_of("Xi will meet Putin on Monday."),
            ("040", Some("announced"))
        );
    }

    #[test]
    fn the_date_phase_leaves_out_the_edges_of_periods_but_not_events_after_since() {
        let date = |text: &str| {
            phase(text, |s, c| {
                let (kind, _) = kind_of(s, c.gazetteer).unwrap();
                date_of(s, c, kind).0.map(|d| d.start.to_string())
            })
        };
        assert_eq!(
            date("President Xi Jinping visited Moscow, the first visit since 2013."),
            None
        );
        assert_eq!(
            date("It is the first trip by a Chinese leader since President Hu Jintao visited in 2004."),
            Some("2004".to_string())
        );
    }

    #[test]
    fn the_people_phase_leaves_out_greeters_and_escorts() {
        let people = |text: &str| {
            phase(text, |s, c| {
                let (kind, trigger) = kind_of(s, c.gazetteer).unwrap();
                people_of(s, c, kind, trigger).0.len()
            })
        };
        assert_eq!(
            people("President Xi Jinping arrived in Moscow, received at the airport by Prime Minister Mikhail Mishustin."),
            1
        );
        assert_eq!(
            people("President Xi Jinping was received in the Kremlin by President Vladimir Putin."),
            2
        );
        assert_eq!(
            people("President Xi Jinping, accompanied by Minister Wang Yi, met President Vladimir Putin."),
            2
        );
        assert_eq!(
            people("Secretary Antony Blinken, accompanied by the US ambassador to China, Nicholas Burns, met Minister Qin Gang."),
            2
        );
        assert_eq!(
            people("President Joe Biden and first lady Jill Biden welcomed Prime Minister Narendra Modi."),
            2
        );
    }

    #[test]
    fn the_place_phase_puts_sidelines_meetings_at_a_third_location() {
        let kind = |text: &str| {
            phase(text, |s, c| {
                let (kind, trigger) = kind_of(s, c.gazetteer).unwrap();
                let (people, stand) = people_of(s, c, kind, trigger);
                let (host, place) = destination(s, c, kind, &[]);
                let participants = sides(s, c, kind, trigger, people, host, &stand);
                where_kind(s, c, kind, &participants, place.as_ref()).code()
            })
        };
        assert_eq!(
            kind(
                "President Xi Jinping met President Vladimir Putin on the sidelines of the talks."
            ),
            "044"
        );
        assert_eq!(
            kind(
                "Chinese President Xi Jinping met Russian President Vladimir Putin in the Kremlin."
            ),
            "042"
        );
        assert_eq!(
            kind("President Xi Jinping met President Vladimir Putin in the Kremlin."),
            "040"
        );
    }

    #[test]
    fn a_visit_with_its_duration_and_host() {
        assert_eq!(
            read(
                "Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state visit. Xi and Russian President Vladimir Putin have met more than 40 times. The weather was mild.",
                "2023-03-22"
            ),
            [
                "042 2023-03-20/2023-03-22 [Xi Jinping] host=Russia",
                "claim: Xi and Russian President Vladimir Putin have met more than 40 times.",
                "-",
            ]
        );
    }

    #[test]
    fn meetings_calls_signings_and_plans() {
        assert_eq!(
            read(
                "American President Joe Biden met Chinese President Xi Jinping in Bali on 14 November 2022. \
                 Biden and Xi held a telephone call in April 2024. \
                 China and Russia signed a gas agreement in 2014. \
                 Xi will visit the US next month.",
                "2024-05-10"
            ),
            [
                "044 2022-11-14 [Joe Biden, Xi Jinping] host=Indonesia",
                "041 2024-04 [Joe Biden, Xi Jinping] host=-",
                "057 2014 [China, Russia] host=-",
                "036 2024-06 [Xi Jinping] host=United States",
            ]
        );
    }

    #[test]
    fn the_states_a_signing_is_between_take_part_beside_its_people() {
        assert_eq!(
            read(
                "Russia and China signed the agreement in Moscow in 2014, in the presence of Russian President Vladimir Putin and Chinese President Xi Jinping. \
                 Xi Jinping and Vladimir Putin signed a statement on talks between Russia and China in 2019. \
                 Russian President Vladimir Putin signed a decree in 2020.",
                "2024-05-10"
            ),
            [
                "057 2014 [Vladimir Putin, Xi Jinping, Russia, China] host=Russia",
                "057 2019 [Xi Jinping, Vladimir Putin, Russia, China] host=-",
                "-",
            ]
        );
    }

    #[test]
    fn a_meeting_that_would_take_place_is_a_plan() {
        assert_eq!(
            read(
                "Chinese President Xi Jinping said his next meeting with Russian President Vladimir Putin would probably take place in Russia. \
                 Xi met Putin in Moscow in March.",
                "2023-05-10"
            ),
            [
                "036 - [Xi Jinping, Vladimir Putin] host=Russia",
                "042 2023-03 [Xi Jinping, Vladimir Putin] host=Russia",
            ]
        );
    }

    #[test]
    fn an_invitation_plans_a_visit_on_the_day_it_was_made() {
        // 2023-03-22 is a Wednesday: the invitation came on the Monday
        // before, as "invitation" makes a plan without looking ahead.
        assert_eq!(
            read(
                "Chinese President Xi Jinping accepted an invitation to visit Moscow on Monday.",
                "2023-03-22"
            ),
            ["036 2023-03-20 [Xi Jinping] host=Russia"]
        );
    }

    #[test]
    fn visits_as_a_plain_noun_report_nothing() {
        assert_eq!(
            read(
                "China and Russia will look at resuming flights and visits by officials. Chinese President Xi Jinping visits Moscow in March.",
                "2023-04-10"
            ),
            ["-", "042 2023-03 [Xi Jinping] host=Russia"]
        );
    }

    #[test]
    fn a_visit_by_someone_is_theirs() {
        assert_eq!(
            read(
                "Russian President Vladimir Putin's trip followed a state visit to Moscow in March by Chinese President Xi Jinping.",
                "2023-05-10"
            ),
            ["042 2023-03 [Xi Jinping] host=Russia"]
        );
    }

    #[test]
    fn a_visit_arranged_by_someone_is_not_theirs_alone() {
        // A verb between the word for the visit and "by" makes the one
        // named after it an organiser, not the visitor: Xi stays in.
        assert_eq!(
            read(
                "Chinese President Xi Jinping's visit to Moscow was arranged by Russian President Vladimir Putin in 2019.",
                "2023-05-10"
            ),
            ["042 2019 [Xi Jinping, Vladimir Putin] host=Russia"]
        );
    }

    #[test]
    fn a_count_of_meetings_is_a_claim_and_a_named_summit_is_not() {
        assert_eq!(
            read(
                "Chinese President Xi Jinping met Russian President Vladimir Putin at the Group of Seven summit in Bali in 2022. \
                 Xi and Putin have met a dozen times. \
                 Xi and Putin have held two rounds of talks.",
                "2023-05-10"
            ),
            [
                "044 2022 [Xi Jinping, Vladimir Putin] host=Indonesia",
                "claim: Xi and Putin have met a dozen times.",
                "claim: Xi and Putin have held two rounds of talks.",
            ]
        );
    }

    #[test]
    fn spokespeople_report_events_without_taking_part() {
        assert_eq!(
            read(
                "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Tuesday, spokesperson Mao Ning said.",
                "2023-03-22"
            ),
            // Xi meeting Putin in Moscow is Xi's visit.
            ["042 2023-03-21 [Xi Jinping, Vladimir Putin] host=Russia"]
        );
    }

    #[test]
    fn summaries_read_as_sentences() {
        let names = ["Xi Jinping".to_string(), "Vladimir Putin".to_string()];
        assert_eq!(
            summary(EventKind::Visit, &names, Some("Russia"), Some("Moscow")),
            "Xi Jinping visits Russia (Moscow), meeting Vladimir Putin."
        );
        assert_eq!(
            summary(EventKind::Visit, &names[..1], Some("Russia"), None),
            "Xi Jinping visits Russia."
        );
        assert_eq!(
            summary(EventKind::Telephone, &names, None, None),
            "Xi Jinping and Vladimir Putin: telephone call."
        );
    }
}
