//! Entity recognition in one article: names from the gazetteer, people
//! introduced by a title or role ("President Xi Jinping", "spokesperson Mao
//! Ning"), and later short references to a person already named ("Xi").
//!
//! Invariant: mentions never overlap and lie on word boundaries; a person's
//! span is the name alone, without title or possessive.

use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{EntryIx, Gazetteer};
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
}

/// Words that introduce a person's name when they stand right before it.
const ROLES: &[&str] = &[
    "president",
    "president-elect",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sultan",
    "sheikh",
    "pope",
    "minister",
    "secretary",
    "secretary-general",
    "ambassador",
    "envoy",
    "director",
    "director-general",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "senator",
    "governor",
    "mayor",
    "general",
    "admiral",
    "commander",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "counterpart",
    "diplomat",
    "adviser",
    "advisor",
    "commissioner",
    "representative",
    "ayatollah",
    "chief",
    "head",
    "mr",
    "mrs",
    "ms",
    "dr",
    "official",
    "negotiator",
    "lawmaker",
    "speaker",
    "vice-president",
    "host",
    "guest",
    "lady",
];

/// Capitalised words that are never part of a person's name.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "Or",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Its",
    "This",
    "That",
    "These",
    "Those",
    "After",
    "Before",
    "During",
    "While",
    "When",
    "As",
    "State",
    "House",
    "Ministry",
    "Foreign",
    "Affairs",
    "Party",
    "Council",
    "Union",
    "Summit",
    "Forum",
    "Day",
    "Palace",
    "Hall",
    "University",
    "Group",
    "Bank",
    "Office",
    "Department",
    "Army",
    "Navy",
    "Force",
    "Agency",
    "Committee",
    "Commission",
    "Assembly",
    "Congress",
    "Parliament",
    "Government",
    "Republic",
    "Kingdom",
    "Organization",
    "Organisation",
    "Treaty",
    "Agreement",
    "Declaration",
    "Initiative",
    "Road",
    "Belt",
    "Street",
    "Square",
    "Airport",
    "Hotel",
    "Centre",
    "Center",
    "News",
    "Wire",
    "Service",
    "Sea",
    "Ocean",
    "Island",
    "Islands",
    "Minister",
    "President",
    "Monday",
    "Friday",
];

/// Words that may join the parts of a name ("Mohammed bin Salman").
const PARTICLES: &[&str] = &[
    "bin", "al", "de", "da", "van", "von", "der", "la", "le", "du", "dos",
];

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
            let people = titled_people(text, &ws, gazetteer, &known, &mut nationality);
            merge(known, people)
        }
    };
    let short = short_references(text, &ws, &mentions);
    mentions = merge(mentions, short);
    Recognised {
        mentions,
        nationality,
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

fn is_role(word: &str) -> bool {
    let lower = word.to_lowercase();
    ROLES.contains(&lower.as_str())
}

/// A run of capitalised words from `from`: the words of a name.
fn name_run(text: &str, ws: &[Word], from: usize, taken: &[Range<usize>]) -> Vec<usize> {
    let mut run = Vec::new();
    let mut k = from;
    while k < ws.len() && run.len() < 4 {
        let w = ws[k].text(text);
        let inside_known = taken
            .iter()
            .any(|r| r.start < ws[k].range.end && ws[k].range.start < r.end);
        if inside_known || NOT_NAMES.contains(&w) || is_role(w) {
            break;
        }
        if let Some(&prev) = run.last() {
            if !adjacent(text, &ws[prev], &ws[k]) {
                break;
            }
        }
        // "von der Leyen": particles lead on to a capitalised part.
        let particle = PARTICLES.contains(&w) && {
            let mut n = k + 1;
            while ws
                .get(n)
                .is_some_and(|x| PARTICLES.contains(&x.text(text)) && adjacent(text, &ws[n - 1], x))
            {
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
        if !(ws[k].is_capitalised(text) && w.chars().any(char::is_lowercase)
            || particle
            || article_joined && !run.is_empty())
        {
            break;
        }
        run.push(k);
        k += 1;
    }
    while run
        .last()
        .is_some_and(|&k| PARTICLES.contains(&ws[k].text(text)))
    {
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
            if j + 1 < ws.len() && ws[j].text(text) == "of" && ws[j + 1].is_capitalised(text) {
                let after = name_run(text, ws, j + 2, &taken);
                if after.len() >= 2 {
                    j += 2;
                }
            }
            let joined = j < ws.len() && {
                // "Mr. Xi": only a courtesy title may end in a full stop.
                let gap = &text[ws[j - 1].range.end..ws[j].range.start];
                let courtesy = matches!(ws[j - 1].text(text), "Mr" | "Mrs" | "Ms" | "Dr");
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
        let mut forms = vec![parts[0]];
        if parts[parts.len() - 1].chars().count() >= 3 {
            forms.push(parts[parts.len() - 1]);
        }
        for form in forms {
            if PARTICLES.contains(&form) {
                continue;
            }
            // A short name two people share goes to the one named first,
            // whom news style then calls by it ("Biden" after "President
            // Joe Biden" and, later, "first lady Jill Biden").
            short
                .entry(form.to_string())
                .or_insert_with(|| Some(name.clone()));
        }
    }
    let mut out = Vec::new();
    for w in ws {
        if let Some(Some(name)) = short.get(w.text(text)) {
            out.push(Found {
                range: w.range.clone(),
                target: Target::Person(name.clone()),
            });
        }
    }
    out
}

/// The fullest form of each person named in the article: a one-word name
/// ("President Putin") that is the first or last word of exactly one fuller
/// name becomes that name.
pub fn unify_people(mentions: &mut [Found]) {
    let full: Vec<String> = mentions
        .iter()
        .filter_map(|m| match &m.target {
            Target::Person(n) if n.contains(' ') => Some(n.clone()),
            _ => None,
        })
        .collect();
    for m in mentions.iter_mut() {
        let Target::Person(name) = &m.target else {
            continue;
        };
        if name.contains(' ') {
            continue;
        }
        let mut fuller = full.iter().filter(|f| {
            let parts: Vec<&str> = f.split(' ').collect();
            parts.first() == Some(&name.as_str()) || parts.last() == Some(&name.as_str())
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
        let g = gazetteer();
        let r = recognise(text, &g, None);
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
    fn roles_and_appositions_name_people_not_in_the_gazetteer() {
        let (list, _) = found(
            "Foreign Ministry spokesperson Mao Ning told reporters. Wang Yi, China's top diplomat, agreed. Secretary of State Antony Blinken said so.",
        );
        assert_eq!(
            list,
            [
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
