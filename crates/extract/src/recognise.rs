//! Entity recognition in one article: names from the gazetteer, people
//! introduced by a title or role ("President Xi Jinping", "spokesperson Mao
//! Ning"), and later short references to a person already named ("Xi").
//!
//! Invariant: mentions never overlap and lie on word boundaries; a person's
//! span is the name alone, without title or possessive.

use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{EntryIx, Gazetteer};
use super::lexicon::{self, Head, CONNECTORS, NOT_NAMES, OFFICE_WORDS, PARTICLES, ROLES};
use super::text::{words, Word};
use explorer_corpus::EntityKind;

/// What a mention names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A gazetteer entry.
    Known(EntryIx),
    /// A person by the fullest name the article gives.
    Person(String),
    /// Something an outside recogniser marked that the gazetteer lacks.
    Other(EntityKind, String),
}

/// One recognised mention, as a byte range of the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it lies.
    pub range: Range<usize>,
    /// What it names.
    pub target: Target,
}

/// What recognition learnt about an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recognised {
    /// The mentions, in text order.
    pub mentions: Vec<Found>,
    /// The country a person serves, where a title says so ("Chinese
    /// President Xi Jinping").
    pub nationality: HashMap<String, EntryIx>,
    /// The article's words, split once for every later step.
    pub words: Vec<Word>,
}

/// Recognises entities in `text`. `given` are mentions an outside recogniser
/// already found (such as spaCy's, via displaCy JSON); when there are any,
/// they replace gazetteer and title matching, and only short references to
/// the people among them are added.
pub fn recognise(text: &str, gazetteer: &Gazetteer, given: Option<Vec<Found>>) -> Recognised {
    let ws = words(text);
    let mut nationality = HashMap::new();
    let mut mentions = match given {
        Some(given) => given,
        None => {
            let known: Vec<Found> = gazetteer
                .find(text)
                .into_iter()
                .map(|(range, ix)| Found {
                    range,
                    target: Target::Known(ix),
                })
                .collect();
            let known = with_dateline(text, &ws, gazetteer, known);
            let known = with_phrases(text, &ws, gazetteer, known);
            let people = titled_people(text, &ws, gazetteer, &known, &mut nationality);
            let known = merge(known, people);
            let named = named_people(text, &ws, &known, gazetteer, false);
            let known = merge(known, named);
            // Twice, so that "A B and C D held talks" finds A B once C D
            // is known.
            let named = named_people(text, &ws, &known, gazetteer, true);
            let known = merge(known, named);
            let named = named_people(text, &ws, &known, gazetteer, true);
            merge(known, named)
        }
    };
    let short = short_references(text, &ws, &mentions);
    mentions = merge(mentions, short);
    Recognised {
        mentions,
        nationality,
        words: ws,
    }
}

/// Combines two mention lists; where they overlap, the first list wins.
fn merge(first: Vec<Found>, second: Vec<Found>) -> Vec<Found> {
    let mut out = first;
    for m in second {
        let overlaps = out
            .iter()
            .any(|o| o.range.start < m.range.end && m.range.start < o.range.end);
        if !overlaps {
            out.push(m);
        }
    }
    out.sort_by_key(|m| (m.range.start, m.range.end));
    out
}

/// Whether only spaces lie between two words.
fn adjacent(text: &str, a: &Word, b: &Word) -> bool {
    let gap = &text[a.range.end..b.range.start];
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// Whether a word is a title or role: "Minister", and a compound of two
/// titles, "Commander-in-Chief", "Governor-General", "Chairman-elect".
fn is_role(word: &str) -> bool {
    let lower = word.to_lowercase();
    ROLES.contains(&lower.as_str())
        || lower.split_once('-').is_some_and(|(first, _)| {
            let last = lower.rsplit('-').next().unwrap_or_default();
            ROLES.contains(&first) && (ROLES.contains(&last) || last == "elect")
        })
}

/// Whether a word is an Arabic article written apart and capitalised
/// ("Al Nahyan", "El Sisi"), which joins the name parts around it.
fn is_article(word: &str) -> bool {
    matches!(word, "Al" | "El")
}

/// A run of capitalised words from `from`: the words of a name. At most
/// four of them are the name proper; particles and Arabic articles between
/// them ("Mohamed bin Zayed Al Nahyan") do not count.
fn name_run(text: &str, ws: &[Word], from: usize, taken: &[Range<usize>]) -> Vec<usize> {
    let mut run = Vec::new();
    let mut proper = 0;
    let mut k = from;
    while k < ws.len() && proper < 4 {
        let w = ws[k].text(text);
        let inside_known = taken
            .iter()
            .any(|r| r.start < ws[k].range.end && ws[k].range.start < r.end);
        // "Theresa May": a month ends a name that has begun.
        let surname_month = !run.is_empty() && w == "May";
        if inside_known
            || lexicon::is_not_a_name(w) && !surname_month
            || OFFICE_WORDS.contains(&w)
            || is_role(w)
            || lexicon::head(w).is_some()
        {
            break;
        }
        if let Some(&prev) = run.last() {
            if !adjacent(text, &ws[prev], &ws[k]) {
                break;
            }
        }
        // "von der Leyen", "bin Zayed Al Nahyan": particles and articles
        // lead on to a capitalised part.
        let joiner = PARTICLES.contains(&w) || is_article(w) && !run.is_empty();
        let particle = joiner && {
            let mut n = k + 1;
            while ws.get(n).is_some_and(|x| {
                (PARTICLES.contains(&x.text(text)) || is_article(x.text(text)))
                    && adjacent(text, &ws[n - 1], x)
            }) {
                n += 1;
            }
            ws.get(n)
                .is_some_and(|x| x.is_capitalised(text) && adjacent(text, &ws[n - 1], x))
        };
        // "al-Aiban", "el-Sisi": an Arabic article joined to a capitalised name.
        let article_joined = ["al-", "el-"].iter().any(|a| {
            w.strip_prefix(a)
                .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        });
        // "S Jaishankar", "MM Naravane", "JD Vance": initials in capitals
        // open a name when a capitalised word follows.
        let initials = run
            .iter()
            .all(|&r: &usize| !ws[r].text(text).chars().any(char::is_lowercase))
            && (1..=3).contains(&w.chars().count())
            && w.chars().all(char::is_uppercase)
            && ws.get(k + 1).is_some_and(|n| {
                n.is_capitalised(text)
                    && n.text(text).chars().any(char::is_lowercase)
                    && adjacent(text, &ws[k], n)
            });
        if !(ws[k].is_capitalised(text) && w.chars().any(char::is_lowercase) && !joiner
            || initials
            || particle
            || article_joined && !run.is_empty())
        {
            break;
        }
        if !particle {
            proper += 1;
        }
        run.push(k);
        k += 1;
    }
    while run.last().is_some_and(|&k| {
        let w = ws[k].text(text);
        PARTICLES.contains(&w) || is_article(w)
    }) {
        run.pop();
    }
    run
}

/// People named right after a title or role, or followed by a comma and a
/// role ("Mao Ning, a spokesperson for ...").
fn titled_people(
    text: &str,
    ws: &[Word],
    gazetteer: &Gazetteer,
    known: &[Found],
    nationality: &mut HashMap<String, EntryIx>,
) -> Vec<Found> {
    let taken: Vec<Range<usize>> = known.iter().map(|m| m.range.clone()).collect();
    let mut out: Vec<Found> = Vec::new();
    let push = |run: &[usize],
                role_at: Option<usize>,
                out: &mut Vec<Found>,
                nationality: &mut HashMap<String, EntryIx>| {
        let range = ws[run[0]].range.start..ws[run[run.len() - 1]].range.end;
        let name = text[range.clone()].to_string();
        if let Some(role_at) = role_at {
            if let Some(country) = country_before(ws, role_at, known, gazetteer) {
                nationality.entry(name.clone()).or_insert(country);
            }
        }
        out.push(Found {
            range,
            target: Target::Person(name),
        });
    };
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i].text(text);
        if is_role(w) {
            // Skip the rest of a title: "Prime Minister", "Secretary of State".
            let mut j = i + 1;
            while j < ws.len() && is_role(ws[j].text(text)) && adjacent(text, &ws[j - 1], &ws[j]) {
                j += 1;
            }
            // "Minister of Trade", "Chief of Army Staff Gen", "Secretary of
            // State", "Minister of Foreign Affairs of Japan": the office the
            // title names, with its own titles, comes before the name.
            // "President of the Republic of Turkey" too.
            let the = usize::from(ws.get(j + 1).is_some_and(|w| w.text(text) == "the"));
            if j + 1 + the < ws.len()
                && ws[j].text(text) == "of"
                && ws[j + 1 + the].is_capitalised(text)
            {
                let mut k = j + 1;
                while let Some(w) = ws.get(k) {
                    let word = w.text(text);
                    let known_here = taken
                        .iter()
                        .any(|r| r.start <= w.range.start && w.range.end <= r.end);
                    let office = OFFICE_WORDS.contains(&word)
                        || is_role(word)
                        || matches!(word, "State" | "Republic" | "Kingdom" | "Federation")
                        || matches!(word, "and" | "the" | "of" | "for") && (k > j + 1 || the == 1)
                        || known_here && k > j;
                    if !office || !adjacent(text, &ws[k - 1], w) {
                        break;
                    }
                    k += 1;
                }
                // "Minister of Industry and Advanced Technology": one
                // common word after the office is more of the office.
                let run = name_run(text, ws, k, &taken);
                let more_office = run.len() == 1 && lexicon::is_common_word(ws[run[0]].text(text));
                if k > j + 1 + the && !run.is_empty() && !more_office {
                    j = k;
                }
            }
            let joined = j < ws.len() && {
                // "Mr. Xi": only a courtesy title may end in a full stop.
                let gap = &text[ws[j - 1].range.end..ws[j].range.start];
                let courtesy = lexicon::COURTESY.contains(&ws[j - 1].text(text));
                let gap = if courtesy {
                    gap.trim_start_matches('.')
                } else {
                    gap
                };
                !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
            };
            // A title before a person the gazetteer knows still tells their country.
            let known_person = known.iter().find(|m| {
                j < ws.len()
                    && m.range.start == ws[j].range.start
                    && matches!(m.target, Target::Known(ix) if gazetteer.entries[ix].kind == EntityKind::Person)
            });
            if let (
                true,
                Some(Found {
                    target: Target::Known(ix),
                    ..
                }),
            ) = (joined, known_person)
            {
                if let Some(country) = country_before(ws, i, known, gazetteer) {
                    nationality
                        .entry(gazetteer.entries[*ix].entry.entity.name.clone())
                        .or_insert(country);
                }
            }
            if joined {
                let run = name_run(text, ws, j, &taken);
                if !run.is_empty() {
                    push(&run, Some(i), &mut out, nationality);
                    i = run[run.len() - 1] + 1;
                    continue;
                }
            }
            i = j;
            continue;
        }
        // "Mao Ning, a spokesperson": two or three capitalised words, a comma,
        // then a role within a few words.
        if ws[i].is_capitalised(text) {
            let run = name_run(text, ws, i, &taken);
            if (2..=3).contains(&run.len()) {
                let last = run[run.len() - 1];
                let comma_after = text[ws[last].range.end..].starts_with(',');
                let role_follows = comma_after
                    && ws[last + 1..]
                        .iter()
                        .take(6)
                        .take_while(|w| {
                            !text[ws[last].range.end..w.range.start].contains(['.', ';'])
                        })
                        .any(|w| is_role(w.text(text)));
                let said_before = i > 0
                    && matches!(ws[i - 1].text(text), "said" | "told")
                    && adjacent(text, &ws[i - 1], &ws[i]);
                let said_after = ws.get(last + 1).is_some_and(|n| {
                    matches!(n.text(text), "said" | "told") && adjacent(text, &ws[last], n)
                });
                // "the Kremlin spokesman, Dmitry Peskov": a role, a comma, a name.
                let role_before = i > 0
                    && text[..ws[i].range.start].trim_end().ends_with(',')
                    && ws[i.saturating_sub(5)..i].iter().any(|w| {
                        is_role(w.text(text))
                            && !text[w.range.end..ws[i].range.start].contains(['.', ';', '!', '?'])
                    });
                if role_follows || said_before || said_after || role_before {
                    push(&run, None, &mut out, nationality);
                    i = last + 1;
                    continue;
                }
            }
            if !run.is_empty() {
                i = run[run.len() - 1] + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// "ANKARA —", "NEW DELHI:", "NAIROBI, May 3 (Agency) -": the city in
/// capitals that opens the text is a place mention, the gazetteer's entry
/// when it knows the name in title case.
fn with_dateline(text: &str, ws: &[Word], gazetteer: &Gazetteer, known: Vec<Found>) -> Vec<Found> {
    let caps = |w: &Word| {
        let t = w.text(text);
        t.chars().count() >= 2
            && t.chars().any(char::is_alphabetic)
            && !t.chars().any(char::is_lowercase)
    };
    let mut end = 0;
    while end < ws.len().min(4)
        && caps(&ws[end])
        && (end == 0 || adjacent(text, &ws[end - 1], &ws[end]))
    {
        end += 1;
    }
    if end == 0 || !text[..ws[0].range.start].trim().is_empty() {
        return known;
    }
    let range = ws[0].range.start..ws[end - 1].range.end;
    let after = text[range.end..].trim_start_matches([' ', '\u{a0}']);
    if !after.starts_with(['—', '–', '-', ':', ',', '(']) {
        return known;
    }
    let title_case: String = text[range.clone()]
        .split(' ')
        .map(|part| {
            let mut cs = part.chars();
            cs.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    let target = match gazetteer.lookup(&title_case) {
        Some(ix) => Target::Known(ix),
        None => Target::Other(EntityKind::Place, title_case),
    };
    let mut known: Vec<Found> = known
        .into_iter()
        .filter(|m| m.range.end <= range.start || m.range.start >= range.end)
        .collect();
    known.insert(0, Found { range, target });
    known
}

/// Function words that open a sentence and so are capitalised without
/// being part of a name.
fn is_opener(word: &str) -> bool {
    NOT_NAMES[..26].contains(&word)
        || matches!(
            word,
            "Both" | "Then" | "Now" | "Meanwhile" | "Earlier" | "Later"
        )
}

/// Head words that name an organisation only beside a word of its own
/// ("Raisina Dialogue", not "Strategic Dialogue").
fn needs_a_proper_word(word: &str) -> bool {
    matches!(
        word,
        "Dialogue"
            | "Forum"
            | "Conference"
            | "Programme"
            | "Program"
            | "Group"
            | "Mechanism"
            | "Fund"
            | "Service"
            | "Coalition"
            | "Network"
            | "Board"
            | "Front"
            | "Movement"
            | "Alliance"
            | "Region"
            | "Complex"
            | "Centre"
            | "Center"
            | "Terminal"
    )
}

/// Capitalised phrases that a head word makes an organisation or a place:
/// "Ministry of External Affairs", "King Abdulaziz Military Academy",
/// "Al-Salam Palace", "Kuala Lumpur Convention Centre". The phrase takes in
/// the gazetteer's names inside it ("Kuala Lumpur"), except a ministry's
/// country before or after it ("Chinese Foreign Ministry", "Ministry of
/// Foreign Affairs of Japan"), which stays a country mention.
fn with_phrases(text: &str, ws: &[Word], gazetteer: &Gazetteer, known: Vec<Found>) -> Vec<Found> {
    let is_country = |m: &Found| matches!(m.target, Target::Known(ix) if gazetteer.entries[ix].kind == EntityKind::Country);
    let known_at = |w: &Word| {
        known
            .iter()
            .find(|m| m.range.start <= w.range.start && w.range.end <= m.range.end)
    };
    // The phrase at `range`, unless a name the gazetteer knows crosses its
    // edge or is the phrase itself: that name keeps its place.
    let phrase = |range: Range<usize>, kind: EntityKind| {
        let crosses = known.iter().any(|m| {
            m.range.start < range.end
                && range.start < m.range.end
                && (m.range.start < range.start || m.range.end > range.end || m.range == range)
        });
        (!crosses).then(|| {
            let name = text[range.clone()].to_string();
            let target = match gazetteer.lookup(&name) {
                Some(ix) => Target::Known(ix),
                None => Target::Other(kind, name),
            };
            Found { range, target }
        })
    };
    let mut phrases: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].is_capitalised(text) {
            i += 1;
            continue;
        }
        // The run: capitalised words, and connectors between them.
        let mut run = vec![i];
        let mut k = i + 1;
        while k < ws.len() && adjacent(text, &ws[k - 1], &ws[k]) {
            let w = ws[k].text(text);
            if is_role(w) && !matches!(ws[k - 1].text(text), "the" | "of") {
                break;
            }
            // "of", "for", "and" join; "on" only right after a head word
            // ("Council on Foreign Relations"), "the" only after "of"; and
            // never before a weekday or a month ("White House on Monday").
            let prev = ws[k - 1].text(text);
            let may_join = match w {
                "on" => lexicon::head(prev).is_some(),
                "the" => prev == "of",
                _ => CONNECTORS.contains(&w),
            };
            let joins_on = may_join
                && ws.get(k + 1).is_some_and(|n| {
                    n.is_capitalised(text)
                        && adjacent(text, &ws[k], n)
                        && !crate::when::WEEKDAYS.contains(&n.text(text))
                        && !explorer_corpus::dates::MONTH_NAMES.contains(&n.text(text))
                });
            if !(ws[k].is_capitalised(text) || joins_on) {
                break;
            }
            run.push(k);
            k += 1;
        }
        let next = k;
        // Leading sentence words, a title before "of" and connectors go:
        // "The Ministry", "After Foreign Ministry talks", "Chief of Army";
        // "King Abdulaziz Military Academy" keeps its "King".
        while run.first().is_some_and(|&f| {
            let w = ws[f].text(text);
            let before_of = run
                .get(1)
                .is_some_and(|&n| CONNECTORS.contains(&ws[n].text(text)));
            is_opener(w) || is_role(w) && before_of || CONNECTORS.contains(&w)
        }) {
            run.remove(0);
        }
        // "Schloss Meseberg", "Mount Fuji", "Lake Issyk-Kul": a place.
        let lead = run
            .first()
            .is_some_and(|&f| lexicon::PLACE_LEADS.contains(&ws[f].text(text)));
        if lead && run.len() >= 2 {
            let end = run
                .iter()
                .position(|&r| CONNECTORS.contains(&ws[r].text(text)))
                .unwrap_or(run.len());
            if end >= 2 {
                let range = ws[run[0]].range.start..ws[run[end - 1]].range.end;
                phrases.extend(phrase(range, EntityKind::Place));
            }
            i = next;
            continue;
        }
        let Some(mut h) = run
            .iter()
            .rposition(|&r| lexicon::head(ws[r].text(text)).is_some())
        else {
            i = next;
            continue;
        };
        // "President Donald Trump and European Commission": the name runs
        // from the last "and" before its head word.
        // Only when a title or a given name stands before the "and":
        // "European Border and Coast Guard Agency" stays whole.
        if let Some(and) = run[..h].iter().rposition(|&r| ws[r].text(text) == "and") {
            let people_before = run[..and].iter().any(|&r| {
                let w = ws[r].text(text);
                is_role(w) || lexicon::is_given_name(w)
            });
            if people_before {
                run.drain(..=and);
                h -= and + 1;
            }
        }
        let head_word = ws[run[h]].text(text);
        let head = lexicon::head(head_word);
        // After the head, only a complement led by a connector ("of the
        // People") belongs to the name.
        let mut end = h;
        if run
            .get(h + 1)
            .is_some_and(|&n| matches!(ws[n].text(text), "of" | "for" | "on" | "de" | "des" | "du"))
        {
            end = run.len() - 1;
        }
        let mut span: Vec<usize> = run[..=end].to_vec();
        while span
            .last()
            .is_some_and(|&l| CONNECTORS.contains(&ws[l].text(text)))
        {
            span.pop();
        }
        if head == Some(Head::Office) {
            // "Chinese Foreign Ministry": the country before stays a country.
            while span.len() > 1 && known_at(&ws[span[0]]).is_some_and(is_country) {
                let m = known_at(&ws[span[0]]).map(|m| m.range.end).unwrap_or(0);
                while span.first().is_some_and(|&f| ws[f].range.start < m) {
                    span.remove(0);
                }
            }
            // "... of Japan": so does the country after.
            if let Some(of) = span.iter().rposition(|&w| ws[w].text(text) == "of") {
                let rest = &span[of + 1..];
                let all_country = !rest.is_empty()
                    && rest.iter().all(|&w| {
                        known_at(&ws[w]).is_some_and(is_country) || ws[w].text(text) == "the"
                    });
                if all_country && of > 0 {
                    span.truncate(of);
                }
            }
        }
        let proper = span.iter().any(|&w| {
            let t = ws[w].text(text);
            lexicon::head(t).is_none()
                && !OFFICE_WORDS.contains(&t)
                && !CONNECTORS.contains(&t)
                && !lexicon::is_not_a_name(t)
        });
        if span.len() < 2 || needs_a_proper_word(head_word) && !proper {
            i = next;
            continue;
        }
        let range = ws[span[0]].range.start..ws[span[span.len() - 1]].range.end;
        let kind = if head == Some(Head::Place) {
            EntityKind::Place
        } else {
            EntityKind::Organisation
        };
        phrases.extend(phrase(range, kind));
        i = next;
    }
    // The phrases win over the names inside them.
    let mut out: Vec<Found> = known
        .into_iter()
        .filter(|m| {
            !phrases
                .iter()
                .any(|p| p.range.start <= m.range.start && m.range.end <= p.range.end)
        })
        .collect();
    out.extend(phrases);
    out.sort_by_key(|m| (m.range.start, m.range.end));
    out
}

/// Verbs after which a capitalised run of two or three words is a person
/// ("Abiy Ahmed met", "Ilham Aliyev said").
const PERSON_VERBS: &[&str] = &[
    "met",
    "meets",
    "said",
    "says",
    "told",
    "tells",
    "visited",
    "visits",
    "arrived",
    "arrives",
    "held",
    "holds",
    "spoke",
    "speaks",
    "signed",
    "signs",
    "welcomed",
    "received",
    "added",
    "travelled",
    "traveled",
    "hosted",
    "called",
    "phoned",
    "thanked",
    "congratulated",
];

/// People named without a title: a given name and the capitalised words
/// after it ("Pedro Sánchez and Lula da Silva met"), or two or three
/// capitalised words that a verb for a person's act follows, or that "and"
/// joins to a person ("Abiy Ahmed and Isaias Afwerki signed"). A given name
/// alone is not a mention, nor one inside a longer capitalised phrase.
/// The first pass takes the given names, the second (`by_context`) the
/// runs a verb or "and" confirms, with the first pass's people known.
fn named_people(
    text: &str,
    ws: &[Word],
    known: &[Found],
    gazetteer: &Gazetteer,
    by_context: bool,
) -> Vec<Found> {
    let taken: Vec<Range<usize>> = known.iter().map(|m| m.range.clone()).collect();
    let is_person_at = |w: &Word, out: &[Found]| {
        known.iter().chain(out).any(|m| {
            m.range.start == w.range.start
                && match &m.target {
                    Target::Person(_) => true,
                    Target::Known(ix) => gazetteer.entries[*ix].kind == EntityKind::Person,
                    Target::Other(kind, _) => *kind == EntityKind::Person,
                }
        })
    };
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i].text(text);
        let free = !taken
            .iter()
            .any(|r| r.start < ws[i].range.end && ws[i].range.start < r.end);
        let after_capital = i > 0
            && adjacent(text, &ws[i - 1], &ws[i])
            && ws[i - 1].is_capitalised(text)
            && !is_opener(ws[i - 1].text(text));
        if !free || after_capital || !ws[i].is_capitalised(text) || is_opener(w) {
            i += 1;
            continue;
        }
        let run = name_run(text, ws, i, &taken);
        let confirmed = run.len() >= 2 && {
            let last = run[run.len() - 1];
            let next = ws.get(last + 1).filter(|n| adjacent(text, &ws[last], n));
            let verb_after = next.is_some_and(|n| PERSON_VERBS.contains(&n.text(text)));
            // "X Y and <person>", "<person> and X Y".
            let and_after = next.is_some_and(|n| n.text(text) == "and")
                && ws.get(last + 2).is_some_and(|p| is_person_at(p, &out));
            let and_before = i >= 2
                && ws[i - 1].text(text) == "and"
                && adjacent(text, &ws[i - 1], &ws[i])
                && (i - 2..i - 1).any(|k| {
                    // The person before "and" ends at word k.
                    known.iter().chain(&out).any(|m| {
                        m.range.end == ws[k].range.end && matches!(m.target, Target::Person(_))
                    })
                });
            if by_context {
                run.len() <= 3 && (verb_after || and_after || and_before)
            } else {
                lexicon::opens_a_name(w, ws[run[1]].text(text))
            }
        };
        if confirmed {
            let range = ws[run[0]].range.start..ws[run[run.len() - 1]].range.end;
            out.push(Found {
                target: Target::Person(text[range.clone()].to_string()),
                range,
            });
            i = run[run.len() - 1] + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// The country named in the three words before the title at `role_at`
/// ("Chinese President", "China's foreign minister").
fn country_before(
    ws: &[Word],
    role_at: usize,
    known: &[Found],
    gazetteer: &Gazetteer,
) -> Option<EntryIx> {
    let from = ws[role_at.saturating_sub(3)].range.start;
    let to = ws[role_at].range.start;
    known
        .iter()
        .rev()
        .filter(|m| m.range.start >= from && m.range.end <= to)
        .find_map(|m| match m.target {
            Target::Known(ix) if gazetteer.entries[ix].kind == EntityKind::Country => Some(ix),
            _ => None,
        })
}

/// Later bare first or last names of people the article has named in full
/// ("Xi" after "Xi Jinping", "Macron" after "Emmanuel Macron"). A short
/// name two people share is left alone.
fn short_references(text: &str, ws: &[Word], mentions: &[Found]) -> Vec<Found> {
    let mut short: HashMap<String, Option<String>> = HashMap::new();
    for m in mentions {
        let Target::Person(name) = &m.target else {
            continue;
        };
        let parts: Vec<&str> = name.split(' ').collect();
        if parts.len() < 2 {
            continue;
        }
        let mut forms = vec![parts[0].to_string()];
        // "von der Leyen", "da Silva": the surname keeps its particles.
        let mut tail = parts.len() - 1;
        while tail > 1 && PARTICLES.contains(&parts[tail - 1]) {
            tail -= 1;
        }
        if parts[parts.len() - 1].chars().count() >= 3 {
            forms.push(parts[tail..].join(" "));
        }
        // "Luiz Inácio Lula da Silva" is "Lula" later: the name before a
        // Portuguese particle.
        if tail >= 2
            && tail < parts.len() - 1
            && matches!(parts[tail], "da" | "de" | "do" | "dos" | "das")
        {
            forms.push(parts[tail - 1].to_string());
        }
        // "Abdel Fattah el-Sisi" is "Sisi" later.
        let last = parts[parts.len() - 1];
        if let Some(bare) = ["al-", "el-", "Al-", "El-"]
            .iter()
            .find_map(|a| last.strip_prefix(a))
            .filter(|b| b.starts_with(char::is_uppercase) && b.chars().count() >= 3)
        {
            forms.push(bare.to_string());
        }
        for form in forms {
            if PARTICLES.contains(&form.as_str()) {
                continue;
            }
            // A short name two people share goes to the one named first,
            // whom news style then calls by it ("Biden" after "President
            // Joe Biden" and, later, "first lady Jill Biden").
            // "Von der Leyen" opening a sentence.
            if form.starts_with(char::is_lowercase) {
                let mut cs = form.chars();
                let capital: String = cs
                    .next()
                    .into_iter()
                    .flat_map(char::to_uppercase)
                    .chain(cs)
                    .collect();
                short.entry(capital).or_insert_with(|| Some(name.clone()));
            }
            short.entry(form).or_insert_with(|| Some(name.clone()));
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        // The longest form that starts here, of up to three words.
        let hit = (1..=3).rev().find_map(|n| {
            let last = ws.get(i + n - 1)?;
            if (i + 1..i + n).any(|k| !adjacent(text, &ws[k - 1], &ws[k])) {
                return None;
            }
            let form = &text[ws[i].range.start..last.range.end];
            match short.get(form) {
                Some(Some(name)) => Some((n, name.clone())),
                _ => None,
            }
        });
        match hit {
            Some((n, name)) => {
                out.push(Found {
                    range: ws[i].range.start..ws[i + n - 1].range.end,
                    target: Target::Person(name),
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// The fullest form of each person named in the article: a shorter name
/// ("President Putin", "von der Leyen", "Faisal bin Farhan") whose words
/// begin or end exactly one fuller name becomes that name.
pub fn unify_people(mentions: &mut [Found]) {
    let mut full: Vec<String> = mentions
        .iter()
        .filter_map(|m| match &m.target {
            Target::Person(n) if n.contains(' ') => Some(n.clone()),
            _ => None,
        })
        .collect();
    full.sort();
    full.dedup();
    for m in mentions.iter_mut() {
        let Target::Person(name) = &m.target else {
            continue;
        };
        let lower = name.to_lowercase();
        let short: Vec<&str> = lower.split(' ').collect();
        let mut fuller = full.iter().filter(|f| {
            let f = f.to_lowercase();
            let parts: Vec<&str> = f.split(' ').collect();
            parts.len() > short.len() && (parts.starts_with(&short) || parts.ends_with(&short))
        });
        if let (Some(one), None) = (fuller.next(), fuller.next()) {
            m.target = Target::Person(one.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        super::super::gazetteer::tests::small()
    }

    fn found(text: &str) -> (Vec<(String, String)>, Recognised) {
        found_with(text, false)
    }

    /// [`found`] after [`unify_people`].
    fn found_unified(text: &str) -> (Vec<(String, String)>, Recognised) {
        found_with(text, true)
    }

    /// Each mention's text and what it names, recognised in `text`.
    fn found_with(text: &str, unify: bool) -> (Vec<(String, String)>, Recognised) {
        let g = gazetteer();
        let mut r = recognise(text, &g, None);
        if unify {
            unify_people(&mut r.mentions);
        }
        let list = r
            .mentions
            .iter()
            .map(|m| {
                let what = match &m.target {
                    Target::Known(ix) => g.entries[*ix].entry.entity.id.clone(),
                    Target::Person(n) => format!("person:{n}"),
                    Target::Other(k, n) => format!("{}:{n}", k.code()),
                };
                (text[m.range.clone()].to_string(), what)
            })
            .collect();
        (list, r)
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.into(), b.into())
    }

    #[test]
    fn titles_introduce_people_and_short_names_follow() {
        let (list, r) = found(
            "Chinese President Xi Jinping arrived in Moscow. Xi's talks with Russian President Vladimir Putin at the Kremlin followed; Putin said they went well.",
        );
        assert_eq!(
            list,
            [
                pair("Chinese", "china"),
                pair("Xi Jinping", "person:Xi Jinping"),
                pair("Moscow", "moscow"),
                pair("Xi", "person:Xi Jinping"),
                pair("Russian", "russia"),
                pair("Vladimir Putin", "person:Vladimir Putin"),
                pair("Kremlin", "kremlin"),
                pair("Putin", "person:Vladimir Putin"),
            ]
        );
        assert_eq!(r.nationality.get("Xi Jinping"), Some(&0));
        assert_eq!(r.nationality.get("Vladimir Putin"), Some(&1));
    }

    #[test]
    fn a_dateline_in_capitals_is_a_place() {
        let (list, _) = found("MOSCOW, March 3 (Wire) - Talks began.");
        assert_eq!(list[0], pair("MOSCOW", "moscow"));
        let (list, _) = found("PORT LOUIS — The visit ended.");
        assert_eq!(list[0], pair("PORT LOUIS", "place:Port Louis"));
        // Capitals later in the text are not a dateline.
        let (list, _) = found("Talks began. NATO — said nothing.");
        assert!(list.iter().all(|(s, _)| s != "NATO —"));
    }

    #[test]
    fn head_words_make_organisations_and_places_of_capitalised_phrases() {
        let (list, _) = found(
            "The Ministry of Digital Affairs of China met the Chinese Foreign Ministry at the Moscow Grand Hotel, then the Royal Moscow Land Forces and the Strategic Dialogue.",
        );
        assert_eq!(
            list,
            [
                pair(
                    "Ministry of Digital Affairs",
                    "organisation:Ministry of Digital Affairs"
                ),
                pair("China", "china"),
                pair("Chinese", "china"),
                pair("Foreign Ministry", "organisation:Foreign Ministry"),
                pair("Moscow Grand Hotel", "place:Moscow Grand Hotel"),
                pair(
                    "Royal Moscow Land Forces",
                    "organisation:Royal Moscow Land Forces"
                ),
            ]
        );
    }

    #[test]
    fn a_phrase_stops_before_a_weekday_and_starts_after_a_title_or_and() {
        let (list, _) = found(
            "He landed at Moscow Grand Airport on Sunday. Chief of Army Staff met President Ana Ruiz and Moscow Press Agency staff.",
        );
        let phrases: Vec<&str> = list
            .iter()
            .filter(|(_, w)| w.starts_with("place:") || w.starts_with("organisation:"))
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(phrases, ["Moscow Grand Airport", "Moscow Press Agency"]);
    }

    #[test]
    fn surnames_keep_their_particles_and_a_month_can_end_a_name() {
        let (list, _) = found_unified(
            "President Ursula von der Leyen met Prime Minister Theresa May at Schloss Meseberg. Von der Leyen and May spoke; von der Leyen left.",
        );
        assert_eq!(
            list,
            [
                pair("Ursula von der Leyen", "person:Ursula von der Leyen"),
                pair("Theresa May", "person:Theresa May"),
                pair("Schloss Meseberg", "place:Schloss Meseberg"),
                pair("Von der Leyen", "person:Ursula von der Leyen"),
                pair("May", "person:Theresa May"),
                pair("von der Leyen", "person:Ursula von der Leyen"),
            ]
        );
        // The name before a Portuguese particle, and the surname without an
        // Arabic article joined to it, are short names too.
        let (list, _) = found_unified("President Luiz Inácio Lula da Silva arrived. Lula spoke.");
        assert_eq!(
            list,
            [
                pair(
                    "Luiz Inácio Lula da Silva",
                    "person:Luiz Inácio Lula da Silva"
                ),
                pair("Lula", "person:Luiz Inácio Lula da Silva"),
            ]
        );
        let (list, _) = found_unified("President Abdel Fattah el-Sisi arrived. Sisi spoke.");
        assert_eq!(
            list,
            [
                pair("Abdel Fattah el-Sisi", "person:Abdel Fattah el-Sisi"),
                pair("Sisi", "person:Abdel Fattah el-Sisi"),
            ]
        );
    }

    /// The people recognised in `text`, as written.
    fn people(text: &str) -> Vec<String> {
        found(text)
            .0
            .into_iter()
            .filter(|(_, w)| w.starts_with("person:"))
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn office_words_and_ranks_stay_outside_names() {
        assert_eq!(
            people("Minister of Trade Ana Ruiz and Chief of Army Staff Gen Syed Amir Khan met Sheikh Mohamed bin Zayed Al Nahyan."),
            ["Ana Ruiz", "Syed Amir Khan", "Mohamed bin Zayed Al Nahyan"]
        );
        assert_eq!(
            people(
                "External Affairs Minister S Jaishankar met PM Modi and Vice-President JD Vance."
            ),
            ["S Jaishankar", "Modi", "JD Vance"]
        );
        // A hyphenated title, and an office named with "of the".
        assert_eq!(
            people("Supreme Commander-in-Chief Ana Ruiz and President of the Republic of Indonesia Omar Haddad met."),
            ["Ana Ruiz", "Omar Haddad"]
        );
        // "the" alone is not an office: the office's name is not a person's.
        assert_eq!(
            people("Omar Haddad, Minister of Industry and Advanced Technology, met his predecessor Ana Ruiz."),
            ["Omar Haddad", "Ana Ruiz"]
        );
        let fleet = people("The Minister of the Atlantic Fleet Ana Ruiz spoke.");
        assert!(
            !fleet.iter().any(|p| p.starts_with("Atlantic")),
            "{fleet:?}"
        );
    }

    #[test]
    fn a_given_name_and_the_words_after_it_name_a_person_without_a_title() {
        let (list, _) = found(
            "Pedro Sanchez and Giorgia Meloni met on Tuesday. Sanchez spoke first. Summit Street and Emmanuel stayed shut.",
        );
        assert_eq!(
            list,
            [
                pair("Pedro Sanchez", "person:Pedro Sanchez"),
                pair("Giorgia Meloni", "person:Giorgia Meloni"),
                pair("Sanchez", "person:Pedro Sanchez"),
                pair("Summit Street", "place:Summit Street"),
            ]
        );
    }

    #[test]
    fn roles_and_appositions_name_people_not_in_the_gazetteer() {
        let (list, _) = found(
            "Foreign Ministry spokesperson Mao Ning told reporters. Wang Yi, China's top diplomat, agreed. Secretary of State Antony Blinken said so.",
        );
        assert_eq!(
            list,
            [
                pair("Foreign Ministry", "organisation:Foreign Ministry"),
                pair("Mao Ning", "person:Mao Ning"),
                pair("Wang Yi", "person:Wang Yi"),
                pair("China", "china"),
                pair("Antony Blinken", "person:Antony Blinken"),
            ]
        );
    }

    #[test]
    fn capitalised_phrases_that_are_not_people_stay_unmarked() {
        let (list, _) = found(
            "The President of the United States met the Prime Minister. In Moscow, Talks Began.",
        );
        assert_eq!(
            list,
            [
                pair("United States", "united-states"),
                pair("Moscow", "moscow")
            ]
        );
    }

    #[test]
    fn a_short_name_two_people_share_goes_to_the_first_named() {
        let (list, _) =
            found("Leader Kim Jong Un and his sister, official Kim Yo Jong, met. Kim spoke.");
        assert_eq!(
            list,
            [
                pair("Kim Jong Un", "person:Kim Jong Un"),
                pair("Kim Yo Jong", "person:Kim Yo Jong"),
                pair("Kim", "person:Kim Jong Un"),
            ]
        );
    }

    #[test]
    fn one_word_names_join_the_full_name() {
        let g = gazetteer();
        let mut r = recognise(
            "President Putin met Xi. Later, President Vladimir Putin left.",
            &g,
            None,
        );
        unify_people(&mut r.mentions);
        let names: Vec<_> = r
            .mentions
            .iter()
            .map(|m| match &m.target {
                Target::Person(n) => n.clone(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(names, ["Vladimir Putin", "Vladimir Putin"]);
    }
}
