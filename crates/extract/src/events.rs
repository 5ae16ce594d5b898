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
use super::text::words;
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
    "flew",
    "journey",
    "came",
    "comes",
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

/// What a sentence is read against: the article's mentions and publication
/// date, what is known of its people, and who the previous sentence was
/// about.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The article's mentions.
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

/// What the sentence at `sentence` of `text` reports.
pub fn read_sentence(text: &str, sentence: Range<usize>, context: &Context) -> Reported {
    let Context {
        mentions,
        gazetteer,
        nationality,
        published,
        subject,
    } = *context;
    let body = &text[sentence.clone()];
    let ws = words(body);
    let lower: Vec<String> = ws.iter().map(|w| w.text(body).to_lowercase()).collect();
    // "Xi visits Moscow" reports a visit; "flights and visits by officials"
    // does not: "visits" counts only after a name.
    let generic = |i: usize| {
        lower[i] == "visits"
            && i.checked_sub(1)
                .is_none_or(|p| !ws[p].text(body).starts_with(char::is_uppercase))
            // "came to Beijing" is a visit; "came as", "came after" are not.
            || matches!(lower[i].as_str(), "came" | "comes")
                && lower.get(i + 1).is_none_or(|n| n != "to")
    };
    let has = |list: &[&str]| {
        lower
            .iter()
            .enumerate()
            .position(|(i, w)| list.contains(&w.as_str()) && !generic(i))
    };
    // "met more than 40 times", "their fortieth meeting" is an event, a tally is not.
    let count = |word: &str| lexicon::cardinal(word).filter(|&n| n >= 2);
    let counts = |number: u32, word: &str| {
        lexicon::counts_encounters(lexicon::Numeral::Cardinal(number), word)
    };
    let counted = lower
        .windows(2)
        .any(|pair| count(&pair[0]).is_some_and(|n| counts(n, &pair[1])))
        || lower.windows(3).any(|w| {
            matches!(
                w[1].as_str(),
                "separate" | "previous" | "earlier" | "face-to-face" | "bilateral" | "official"
            ) && count(&w[0]).is_some_and(|n| counts(n, &w[2]))
        });
    if counted && (has(MEET).is_some() || has(VISIT).is_some() || has(PHONE).is_some()) {
        return Reported::Claim(body.to_string());
    }
    let phone = has(PHONE).filter(|&i| {
        lower[i] != "call" && lower[i] != "video"
            || lower
                .get(i.wrapping_sub(1))
                .is_some_and(|p| matches!(p.as_str(), "phone" | "telephone" | "video"))
            || lower
                .get(i + 1)
                .is_some_and(|n| matches!(n.as_str(), "call" | "link" | "conference"))
    });
    let sign = has(SIGN).filter(|_| has(SIGNED_THINGS).is_some());
    // "Xi welcomed Macron" reports a visit; "a summit hosted by Indonesia"
    // does not.
    let hosting = has(HOSTING).filter(|&i| lower.get(i + 1).is_none_or(|n| n != "by"));
    let (kind, trigger) = if let Some(i) = phone {
        (EventKind::Telephone, i)
    } else if let Some(i) = sign {
        (EventKind::SignAgreement, i)
    } else if let Some(i) = has(VISIT).or(hosting) {
        (EventKind::Visit, i)
    } else if let Some(i) = has(MEET) {
        (EventKind::Consult, i)
    } else if let Some(i) = has(NEGOTIATE) {
        (EventKind::Negotiate, i)
    } else {
        return Reported::Nothing;
    };

    let in_sentence: Vec<&Found> = mentions
        .iter()
        .filter(|m| m.range.start >= sentence.start && m.range.end <= sentence.end)
        .collect();
    let word_after = |m: &Found| {
        let rest = &text[m.range.end..sentence.end];
        words(rest)
            .first()
            .map(|w| w.text(rest).to_string())
            .unwrap_or_default()
    };
    let word_before = |m: &Found| {
        let head = &text[sentence.start..m.range.start];
        words(head)
            .last()
            .map(|w| w.text(head).to_lowercase())
            .unwrap_or_default()
    };
    let country_of = |t: &Target| -> Option<EntryIx> {
        match t {
            Target::Known(ix) if gazetteer.entries[*ix].kind == EntityKind::Person => nationality
                .get(&gazetteer.entries[*ix].entry.entity.name)
                .copied(),
            Target::Known(ix) => gazetteer.entries[*ix].country,
            Target::Person(name) => nationality.get(name).copied(),
            Target::Other(..) => None,
        }
    };
    // "was received at the airport by", "accompanied by": those named
    // after are greeters and escorts, not participants.
    let greeter = |m: &Found| {
        let head = &text[sentence.start..m.range.start];
        let hw: Vec<String> = words(head)
            .iter()
            .map(|w| w.text(head).to_lowercase())
            .collect();
        let Some(by) = hw.iter().rposition(|w| w == "by") else {
            return false;
        };
        // Only the names right after "by" and those joined to them.
        if hw.len() - by > 4 {
            return false;
        }
        let before = &hw[by.saturating_sub(8)..by];
        let escort = before.iter().any(|w| {
            matches!(
                w.as_str(),
                "accompanied"
                    | "escorted"
                    | "flanked"
                    | "seen"
                    | "welcomed"
                    | "greeted"
                    | "received"
            )
        });
        let arrival = before.iter().any(|w| {
            matches!(
                w.as_str(),
                "airport" | "airbase" | "tarmac" | "arrival" | "base" | "aerodrome"
            )
        });
        escort
            && (arrival
                || before
                    .iter()
                    .any(|w| matches!(w.as_str(), "accompanied" | "escorted" | "flanked" | "seen")))
    };
    let mut people: Vec<(Target, bool)> = Vec::new();
    for m in &in_sentence {
        if !super::is_person(&m.target, gazetteer) || greeter(m) {
            continue;
        }
        let reporter = REPORTING.contains(&word_after(m).as_str())
            || word_before(m) == "to" && {
                let head = &text[sentence.start..m.range.start];
                head.trim_end().ends_with("according to")
            };
        if !people.iter().any(|(t, _)| *t == m.target) {
            people.push((m.target.clone(), reporter));
        }
    }
    // Someone who says or tells is a source, not a participant, unless
    // without them fewer than two people would take part ("Trump said he
    // and Putin had agreed", "Putin told Erdogan").
    // "He had slipped away from India": the previous sentence's person.
    let opens_with_pronoun = ws
        .first()
        .is_some_and(|w| matches!(w.text(body), "He" | "She" | "His" | "Her"));
    // Only when the sentence names fewer than two people itself: in "His
    // trip was agreed by Xi and Biden" the event is Xi's and Biden's.
    if let (true, Some(subject)) = (opens_with_pronoun, subject) {
        if people.len() < 2 && !people.iter().any(|(t, _)| t == subject) {
            people.insert(0, (subject.clone(), false));
        }
    }
    // "The Indian leader", "the French president": the one person the article
    // has given that country's title.
    let mut stands_for_person: Vec<EntryIx> = Vec::new();
    for m in &in_sentence {
        let Target::Known(country) = m.target else {
            continue;
        };
        if gazetteer.entries[country].kind != EntityKind::Country
            || word_before(m) != "the"
            || !is_title(&word_after(m))
        {
            continue;
        }
        let mut holders = nationality.iter().filter(|(_, c)| **c == country);
        if let (Some((name, _)), None) = (holders.next(), holders.next()) {
            let person = mentions
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
    let others = people.iter().filter(|(_, reporter)| !reporter).count();
    let mut people: Vec<Target> = people
        .into_iter()
        .filter(|(_, reporter)| !reporter || others < 2)
        .map(|(t, _)| t)
        .collect();
    // "Kishida's trip followed a visit to Kyiv last month by Biden": a
    // visit "by" someone is that person's, whoever else the sentence names.
    if kind == EventKind::Visit {
        // "by" a few words after a word for the visit, with no verb between
        // ("a visit organised by" names no visitor).
        let by = (trigger + 1..lower.len()).find(|&b| {
            lower[b] == "by"
                && (b.saturating_sub(7)..b).any(|v| {
                    VISIT.contains(&lower[v].as_str())
                        && !lower[v + 1..b]
                            .iter()
                            .any(|w| HOSTING.contains(&w.as_str()) || w.ends_with("ed"))
                })
        });
        if let Some(b) = by {
            let after_by = sentence.start + ws[b].range.end;
            // The people named right after "by", and those joined to them.
            let mut visitors: Vec<Target> = Vec::new();
            let mut reach = after_by;
            for m in in_sentence.iter().filter(|m| m.range.start >= after_by) {
                let gap = &text[reach..m.range.start];
                let close = words(gap).len() <= 3 && (visitors.is_empty() || joins(gap));
                if !close {
                    break;
                }
                if super::is_person(&m.target, gazetteer) && !visitors.contains(&m.target) {
                    visitors.push(m.target.clone());
                }
                reach = m.range.end;
            }
            if !visitors.is_empty() {
                people = visitors;
            }
        }
    }
    // "Xi welcomed Macron": the guest, named after the host's verb, leads.
    if HOSTING.contains(&lower[trigger].as_str()) {
        let verb_at = sentence.start + ws[trigger].range.start;
        let after = |t: &Target| {
            in_sentence
                .iter()
                .any(|m| m.target == *t && m.range.start > verb_at)
                && !in_sentence
                    .iter()
                    .any(|m| m.target == *t && m.range.start < verb_at)
        };
        people.sort_by_key(|t| !after(t));
    }
    let nationalities: Vec<EntryIx> = people.iter().filter_map(country_of).collect();

    // A country or place after "to" or "in" is where a visit went.
    let mut host = None;
    let mut place = None;
    for m in &in_sentence {
        let Target::Known(ix) = m.target else {
            continue;
        };
        let known = &gazetteer.entries[ix];
        let before = word_before(m);
        let destination = matches!(before.as_str(), "to" | "in" | "into" | "at" | "of")
            || VISIT.contains(&before.as_str())
            || before == "the" && {
                let head = &text[sentence.start..m.range.start];
                let ws = words(head);
                ws.len() >= 2
                    && VISIT.contains(&ws[ws.len() - 2].text(head).to_lowercase().as_str())
            };
        match known.kind {
            EntityKind::Place => {
                if place.is_none() {
                    place = Some(m.target.clone());
                }
                if host.is_none() {
                    host = known.country;
                }
            }
            EntityKind::Country if host.is_none() && destination && !is_title(&word_after(m)) => {
                host = Some(ix);
            }
            _ => {}
        }
    }
    if kind == EventKind::Visit
        && host.is_some_and(|h| nationalities.len() == 1 && nationalities[0] == h)
    {
        // A leader "arriving in" their own country is coming home, not visiting.
        host = None;
    }

    let mut participants = people;
    if participants.is_empty() {
        for m in &in_sentence {
            if let Target::Known(ix) = m.target {
                let k = gazetteer.entries[ix].kind;
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
    if matches!(kind, EventKind::SignAgreement | EventKind::Negotiate) && !participants.is_empty() {
        let verb_at = sentence.start + ws[trigger].range.start;
        // Where the last country named after "between" ends, for the one
        // joined to it by "and".
        let mut between_end: Option<usize> = None;
        for m in &in_sentence {
            let Target::Known(ix) = m.target else {
                continue;
            };
            if gazetteer.entries[ix].kind != EntityKind::Country
                || stands_for_person.contains(&ix)
                || participants.contains(&m.target)
            {
                continue;
            }
            let before = word_before(m);
            let after = word_after(m).to_lowercase();
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
                    before.as_str(),
                    "to" | "in" | "at" | "of" | "from" | "by" | "with" | "into" | "for"
                );
            let between = before == "between"
                || between_end.is_some_and(|end| text.get(end..m.range.start).is_some_and(joins));
            if between {
                between_end = Some(m.range.end);
            }
            if subject || between {
                participants.push(m.target.clone());
            }
        }
    }
    // "The two leaders" stand for people when the sentence names fewer than
    // two; "the two countries" only when it names none.
    let names_a_group = {
        let group = |w: &str| match w {
            "leaders" | "presidents" | "men" | "women" | "ministers" | "heads" => {
                participants.len() < 2
            }
            "sides" | "countries" | "governments" | "nations" | "rivals" | "neighbours" => {
                participants.is_empty()
            }
            _ => false,
        };
        lower.first().is_some_and(|w| w == "they") && participants.len() < 2
            || lower
                .windows(3)
                .any(|w| w[0] == "the" && w[1] == "two" && group(&w[2]))
            || lower.windows(2).any(|w| w[0] == "both" && group(&w[1]))
    };
    if participants.is_empty() && !names_a_group {
        return Reported::Nothing;
    }

    // The date nearest a word that names the event is its date: "spoke on
    // Monday ... in a call in July" dates the call in July.
    let found_dates = when::find(body, published);
    let trigger_list: &[&str] = match kind {
        EventKind::Telephone => PHONE,
        EventKind::SignAgreement => SIGN,
        EventKind::Visit => VISIT,
        EventKind::Negotiate => NEGOTIATE,
        _ => MEET,
    };
    let anchors: Vec<usize> = ws
        .iter()
        .zip(&lower)
        .filter(|(_, l)| trigger_list.contains(&l.as_str()) || HOSTING.contains(&l.as_str()))
        .map(|(w, _)| w.range.start)
        .collect();
    let distance = |f: &when::Found| {
        anchors
            .iter()
            .map(|&a| a.abs_diff(f.range.start))
            .min()
            .unwrap_or(usize::MAX)
    };
    // "since 2013", "until May": the edge of a period, not the event's date.
    let found_dates: Vec<when::Found> = found_dates
        .into_iter()
        .filter(|f| {
            // The clause the date is in, back to the last comma.
            let head = &body[..f.range.start];
            let clause = head.rsplit(',').next().unwrap_or(head);
            let ws = words(clause);
            !ws.iter().rev().take(6).any(|w| {
                matches!(
                    w.text(clause).to_lowercase().as_str(),
                    "since" | "until" | "till"
                )
            })
        })
        .collect();
    let single: Vec<&when::Found> = found_dates
        .iter()
        .filter(|f| f.dates.end.is_none())
        .collect();
    let pool = if single.is_empty() {
        found_dates.iter().collect()
    } else {
        single
    };
    let mut dates = pool
        .into_iter()
        .min_by_key(|f| distance(f))
        .map(|f| f.dates);
    if let Some(d) = dates.as_mut() {
        if d.end.is_none() {
            if let Some((days, closing)) = duration_days(&lower) {
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

    let mut kind = kind;
    if kind == EventKind::Consult {
        let place_country = place.as_ref().and_then(country_of);
        let sides: Vec<EntryIx> = participants.iter().filter_map(country_of).collect();
        let third = match place_country {
            Some(c) if !sides.is_empty() => !sides.contains(&c),
            _ => has(THIRD_PLACE).is_some(),
        };
        // "on the sidelines of", "on the margins of": a meeting at a
        // summit away from home, wherever the text places it.
        let sidelines = lower
            .iter()
            .any(|w| matches!(w.as_str(), "sidelines" | "margins"));
        if third || sidelines {
            kind = EventKind::MeetThirdLocation;
        }
    }
    // "will visit", "is expected to travel", "agreed on Friday to hold a
    // summit", "invited Qin to Washington": a plan, dated when it was made
    // unless the sentence gives the planned date.
    let ahead = lower[..trigger].iter().rev().take(4).any(|w| {
        lexicon::is_plan_word(w)
            || w == "to" && lower[..trigger].iter().any(|x| lexicon::is_plan_word(x))
    }) || {
        // "agreed ... to hold", "invited ... to visit"
        let before = &lower[trigger.saturating_sub(6)..trigger];
        before
            .iter()
            .position(|w| matches!(w.as_str(), "agreed" | "agree" | "invited" | "invite"))
            .is_some_and(|at| before[at + 1..].iter().any(|w| w == "to"))
    };
    // "his first meeting with Putin ... would probably take place in Saudi
    // Arabia": a modal after the word for the event, before its verb.
    let ahead = ahead || {
        let rest = &lower[trigger + 1..lower.len().min(trigger + 12)];
        rest.iter().enumerate().any(|(i, w)| {
            matches!(w.as_str(), "will" | "would" | "could" | "might")
                && rest[i + 1..]
                    .iter()
                    .take(3)
                    .any(|v| matches!(v.as_str(), "take" | "be" | "happen" | "go" | "come"))
        })
    };
    let after_publication = dates.is_some_and(|d| d.first_day() > published.last_day());
    let mut status = None;
    if ahead || after_publication && kind != EventKind::Telephone {
        // "will arrive on Monday", "is scheduled to begin next week": a
        // visit announced for a near date stays a visit; an invitation, an
        // agreement to meet or a hope is a plan to meet.
        let near = dates.is_some_and(|d| {
            d.start.precision() == Precision::Day
                || d.last_day() - d.first_day() <= 7 && d.end.is_some()
        });
        let vague = lower.iter().any(|w| {
            matches!(
                w.as_str(),
                "invited"
                    | "invite"
                    | "invitation"
                    | "agreed"
                    | "agree"
                    | "hopes"
                    | "hope"
                    | "hoped"
                    | "could"
                    | "might"
                    | "possible"
                    | "proposed"
            )
        });
        if kind == EventKind::Visit && near && !vague {
            status = Some(EventStatus::Announced);
        } else {
            kind = EventKind::IntentToMeet;
        }
    } else if kind == EventKind::Visit
        && lower.windows(3).any(|w| {
            matches!(w[0].as_str(), "is" | "are")
                && w[1] == "on"
                && matches!(w[2].as_str(), "a" | "an" | "his" | "her" | "their")
        })
    {
        // "is on a three-day visit": going on as the article is written.
        status = Some(EventStatus::UnderWay);
    }
    let refers_back = found_dates.is_empty()
        && trigger > 0
        && matches!(
            lower[trigger - 1].as_str(),
            "the" | "this" | "that" | "his" | "her" | "their" | "its"
        )
        && matches!(
            lower[trigger].as_str(),
            "visit" | "trip" | "journey" | "tour" | "talks" | "meeting" | "summit" | "call"
        );
    Reported::Event(Candidate {
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
fn duration_days(lower: &[String]) -> Option<(u32, bool)> {
    let closing = |i: usize| {
        lower[i.saturating_sub(4)..i]
            .iter()
            .any(|w| matches!(w.as_str(), "close" | "end" | "last"))
    };
    for (i, w) in lower.iter().enumerate() {
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
        sentences(text)
            .into_iter()
            .map(|s| {
                match read_sentence(
                    text,
                    s,
                    &Context {
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
                "040 2023-03 [Xi Jinping, Vladimir Putin] host=Russia",
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
            ["040 2023-03-21 [Xi Jinping, Vladimir Putin] host=Russia"]
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
