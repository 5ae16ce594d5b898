//! Dates written in English prose ("on 20 March 2023", "in 2019", "on
//! Monday", "last year", "ten years ago"), resolved against the article's
//! publication date.
//!
//! Invariant: a found date is exactly as precise as its words: "in March
//! 2023" is a month, "last year" a year, "on Monday" a day; nothing is
//! widened or narrowed to fit.

use std::ops::Range;

use super::text::{words, Word};
use explorer_corpus::dates::{month_named, DateRange, DayNumber, PartialDate};
use explorer_corpus::lexicon;

/// A date phrase found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where the phrase lies, in bytes of the text searched.
    pub range: Range<usize>,
    /// The period it names.
    pub dates: DateRange,
}

/// The weekdays' English names, Monday first.
pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words that may stand before a month named without its year or day.
const MONTH_LEADS: &[&str] = &[
    "in", "since", "by", "until", "during", "early", "late", "last", "next", "this", "of",
    "before", "after", "from",
];

/// A small number written as digits or in words ([`lexicon::cardinal`]),
/// or "a" and "an" for one ("a decade earlier", "for a day").
pub fn number_of(word: &str) -> Option<u32> {
    match word.to_ascii_lowercase().as_str() {
        "a" | "an" => Some(1),
        _ => lexicon::cardinal(word),
    }
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn day_of(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let suffix_ok = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    (suffix_ok
        && !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit()))
    .then(|| digits.parse().ok())
    .flatten()
    .filter(|d| (1..=31).contains(d))
}

/// Day of the week of a day number, Monday = 0.
fn weekday(day: DayNumber) -> i64 {
    (day + 3).rem_euclid(7)
}

/// What a sentence's verbs say of its time, for a month named without its
/// year: "came in September" is the last September, "will visit in June"
/// the next June.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

/// Verbs in the present that tell what is scheduled: "the summit opens on
/// Tuesday", "Xi arrives on Monday".
const SCHEDULED: &[&str] = &[
    "opens", "begins", "starts", "arrives", "leaves", "departs", "travels", "heads",
];

/// Words that put a sentence in the past.
const PAST_WORDS: &[&str] = &[
    "came",
    "visited",
    "met",
    "held",
    "travelled",
    "traveled",
    "went",
    "flew",
    "arrived",
    "spoke",
    "signed",
    "hosted",
    "received",
    "welcomed",
    "was",
    "were",
    "had",
    "last",
    "ago",
    "earlier",
    "attended",
    "called",
    "phoned",
    "telephoned",
    "talked",
    "toured",
];

/// The year in which month `m` is nearest to the publication date, or the
/// one just before or after it when `lead` says "last" or "next". A
/// sentence in the past takes the latest such month up to publication, one
/// in the future the first from publication on.
fn year_for_month(m: u8, published: PartialDate, lead: Option<&str>, tense: Tense) -> i32 {
    let year = published.year_number();
    let pm = published.month_number().unwrap_or(m);
    let lead = match (lead, tense) {
        (Some("last" | "next"), _) => lead,
        (_, Tense::Past) if m <= pm => return year,
        (_, Tense::Past) => return year - 1,
        (_, Tense::Future) if m >= pm => return year,
        (_, Tense::Future) => return year + 1,
        _ => lead,
    };
    match lead {
        Some("last") => {
            if m < pm {
                year
            } else {
                year - 1
            }
        }
        Some("next") => {
            if m > pm {
                year
            } else {
                year + 1
            }
        }
        _ if i32::from(m) - i32::from(pm) > 6 => year - 1,
        _ if i32::from(pm) - i32::from(m) > 6 => year + 1,
        _ => year,
    }
}

/// Every date phrase in `text`, in order. `published` is the article's
/// publication date; relative phrases are resolved against it.
pub fn find(text: &str, published: PartialDate) -> Vec<Found> {
    let ws = words(text);
    let t = |i: usize| ws.get(i).map(|w: &Word| w.text(text));
    let lower: Vec<String> = ws.iter().map(|w| w.text(text).to_lowercase()).collect();
    let l = |i: usize| lower.get(i).map(String::as_str);
    // A sentence in the future means the next "Monday".
    let future = lower.iter().any(|w| lexicon::is_future_word(w));
    // The tense of the verb nearest before word `i`: "met on 28 December
    // and will meet again in March".
    let tense_within = |i: usize, back: usize| {
        lower[i.saturating_sub(back)..i]
            .iter()
            .rev()
            .find_map(|w| {
                if lexicon::is_future_word(w) || SCHEDULED.contains(&w.as_str()) {
                    Some(Tense::Future)
                } else if PAST_WORDS.contains(&w.as_str()) {
                    Some(Tense::Past)
                } else {
                    None
                }
            })
            .unwrap_or(Tense::Unknown)
    };
    // With no verb near, the sentence's: "first met in Hamburg in July and
    // spoke briefly at a gathering in Da Nang, Vietnam, in November".
    let past = !future && lower.iter().any(|w| PAST_WORDS.contains(&w.as_str()));
    let tense = |i: usize| match tense_within(i, 8) {
        Tense::Unknown if past => Tense::Past,
        t => t,
    };
    let pub_day = published.first_day();
    let pub_year = published.year_number();
    let mut out = Vec::new();
    let span = |from: usize, to: usize| ws[from].range.start..ws[to].range.end;
    let single = |date: PartialDate| DateRange {
        start: date,
        end: None,
    };
    let mut i = 0;
    while i < ws.len() {
        let w = t(i).unwrap_or_default();
        // A day and a month in either order, with the year after them if
        // given: "20 March 2023", "March 20, 2023", "20 March".
        let day_month = match (day_of(w), month_named(w), t(i + 1)) {
            (Some(d), _, Some(next)) => month_named(next).map(|m| (d, m)),
            (_, Some(m), Some(next)) => day_of(next).map(|d| (d, m)),
            _ => None,
        };
        if let Some((d, m)) = day_month {
            let year = t(i + 2).and_then(year_of);
            let y = year.unwrap_or_else(|| year_for_month(m, published, None, tense(i)));
            if let Some(date) = PartialDate::day(y, m, d) {
                let last = if year.is_some() { i + 2 } else { i + 1 };
                out.push(Found {
                    range: span(i, last),
                    dates: single(date),
                });
                i = last + 1;
                continue;
            }
        }
        // mid-March, early-March
        let (lead_word, month_word) = match w.split_once('-') {
            Some((lead, rest)) if matches!(lead, "mid" | "early" | "late") => (Some(lead), rest),
            _ => (l(i.wrapping_sub(1)).filter(|_| i > 0), w),
        };
        if let Some(m) = month_named(month_word) {
            // March 2023
            if let Some(y) = t(i + 1).and_then(year_of) {
                if let Some(date) = PartialDate::month(y, m) {
                    out.push(Found {
                        range: span(i, i + 1),
                        dates: single(date),
                    });
                    i += 2;
                    continue;
                }
            }
            // March last year, in October this year
            if let (Some(which @ ("last" | "this" | "next" | "previous")), Some("year")) =
                (l(i + 1), l(i + 2))
            {
                let shift = match which {
                    "last" | "previous" => -1,
                    "next" => 1,
                    _ => 0,
                };
                if let Some(date) = PartialDate::month(pub_year + shift, m) {
                    out.push(Found {
                        range: span(i, i + 2),
                        dates: single(date),
                    });
                    i += 3;
                    continue;
                }
            }
            // in March, last March
            if let Some(lead) =
                lead_word.filter(|lead| MONTH_LEADS.contains(lead) || matches!(*lead, "mid"))
            {
                let y = year_for_month(m, published, Some(lead), tense(i));
                if let Some(date) = PartialDate::month(y, m) {
                    out.push(Found {
                        range: span(i, i),
                        dates: single(date),
                    });
                    i += 1;
                    continue;
                }
            }
        }
        // 2019
        if let Some(y) = year_of(w) {
            out.push(Found {
                range: span(i, i),
                dates: single(PartialDate::year(y)),
            });
            i += 1;
            continue;
        }
        // Monday
        if let Some(wd) = WEEKDAYS.iter().position(|d| *d == w) {
            let from = weekday(pub_day);
            // "held talks at the Great Hall of the People on Friday, the
            // centrepiece of a visit that Brasília hopes will open
            // markets": the verb before the day decides, then the sentence.
            let ahead = match tense_within(i, 12) {
                Tense::Future => true,
                Tense::Past => false,
                Tense::Unknown => future,
            };
            let delta = if ahead {
                (wd as i64 - from).rem_euclid(7)
            } else {
                -(from - wd as i64).rem_euclid(7)
            };
            out.push(Found {
                range: span(i, i),
                dates: single(PartialDate::from_day_number(pub_day + delta)),
            });
            i += 1;
            continue;
        }
        let lw = l(i).unwrap_or_default();
        // today, yesterday, tomorrow
        let shift = match lw {
            "today" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            _ => None,
        };
        if let Some(shift) = shift.filter(|_| published.is_exact()) {
            out.push(Found {
                range: span(i, i),
                dates: single(PartialDate::from_day_number(pub_day + shift)),
            });
            i += 1;
            continue;
        }
        // last year, this month, next week, earlier this month
        if let (Some(which), Some(unit)) = (
            match lw {
                "last" | "previous" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            },
            l(i + 1).filter(|u| matches!(*u, "year" | "month" | "week")),
        ) {
            if let Some(dates) = relative_period(published, unit, which) {
                let from = if i > 0 && matches!(l(i - 1), Some("earlier" | "later")) {
                    i - 1
                } else {
                    i
                };
                out.push(Found {
                    range: span(from, i + 1),
                    dates,
                });
                i += 2;
                continue;
            }
        }
        // ten years ago, a decade earlier
        if let (Some(n), Some(unit), Some("ago" | "earlier" | "before")) =
            (number_of(w), l(i + 1), l(i + 2))
        {
            let years = match unit {
                "year" | "years" => Some(n as i32),
                "decade" | "decades" => Some(10 * n as i32),
                _ => None,
            };
            if let Some(years) = years {
                out.push(Found {
                    range: span(i, i + 2),
                    dates: single(PartialDate::year(pub_year - years)),
                });
                i += 3;
                continue;
            }
        }
        // the past decade, the last five years
        if matches!(lw, "past" | "last") {
            let (n, unit_at) = match number_of(t(i + 1).unwrap_or_default()) {
                Some(n) if l(i + 1) != Some("a") => (n as i32, i + 2),
                _ => (1, i + 1),
            };
            let years = match l(unit_at) {
                Some("decade") => Some(10),
                Some("decades") => Some(10 * n),
                Some("years") if n > 1 => Some(n),
                _ => None,
            };
            if let Some(years) = years {
                out.push(Found {
                    range: span(i, unit_at),
                    dates: DateRange {
                        start: PartialDate::year(pub_year - years),
                        end: Some(PartialDate::year(pub_year)),
                    },
                });
                i = unit_at + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The year, month or week `which` (-1, 0, 1) units from the publication date.
fn relative_period(published: PartialDate, unit: &str, which: i32) -> Option<DateRange> {
    let year = published.year_number();
    let single = |start| DateRange { start, end: None };
    match unit {
        "year" => Some(single(PartialDate::year(year + which))),
        "month" => {
            let m = i32::from(published.month_number()?) - 1 + which;
            let (y, m) = (year + m.div_euclid(12), m.rem_euclid(12) as u8 + 1);
            PartialDate::month(y, m).map(single)
        }
        _ => {
            if !published.is_exact() {
                return None;
            }
            let day = published.first_day();
            let monday = day - weekday(day) + 7 * i64::from(which);
            Some(DateRange {
                start: PartialDate::from_day_number(monday),
                end: Some(PartialDate::from_day_number(monday + 6)),
            })
        }
    }
}

/// The day `n` days after a day-precision date.
pub fn add_days(date: PartialDate, n: i64) -> Option<PartialDate> {
    date.is_exact()
        .then(|| PartialDate::from_day_number(date.first_day() + n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: &str) -> Vec<(String, String)> {
        let published = PartialDate::parse(published).unwrap();
        find(text, published)
            .into_iter()
            .map(|f| {
                let (start, end) = f.dates.to_string_pair();
                let label = match end {
                    Some(end) => format!("{start}/{end}"),
                    None => start,
                };
                (text[f.range].to_string(), label)
            })
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn absolute_dates_keep_their_precision() {
        assert_eq!(
            dates(
                "He came on 20 March 2023, again on March 21, 2023, in March 2013 and in 2019.",
                "2023-03-22"
            ),
            [
                pair("20 March 2023", "2023-03-20"),
                pair("March 21, 2023", "2023-03-21"),
                pair("March 2013", "2013-03"),
                pair("2019", "2019"),
            ]
        );
    }

    #[test]
    fn days_and_months_without_a_year_take_the_nearest_one() {
        assert_eq!(
            dates(
                "They met on 28 December and will meet again in March.",
                "2024-01-05"
            ),
            [pair("28 December", "2023-12-28"), pair("March", "2024-03")]
        );
        assert_eq!(
            dates("Talks began in mid-June.", "2019-07-01"),
            [pair("mid-June", "2019-06")]
        );
        assert!(dates("The talks may go on.", "2019-07-01").is_empty());
    }

    #[test]
    fn a_month_with_a_relative_year() {
        assert_eq!(
            dates(
                "They met in October last year and again in May this year.",
                "2023-09-05"
            ),
            [
                pair("October last year", "2022-10"),
                pair("May this year", "2023-05")
            ]
        );
    }

    #[test]
    fn a_month_without_its_year_follows_the_tense() {
        let month = |text: &str| {
            find(text, PartialDate::parse("2018-04-03").unwrap())[0]
                .dates
                .start
                .to_string()
        };
        assert_eq!(month("Putin last came to Ankara in September."), "2017-09");
        assert_eq!(month("Putin will come to Ankara in September."), "2018-09");
        assert_eq!(month("Putin met Erdogan in March."), "2018-03");
        assert_eq!(month("Putin will meet Erdogan in March."), "2019-03");
        // The verb far off, the sentence in the past.
        assert_eq!(
            month("They spoke briefly at a gathering of the leaders in Da Nang, Vietnam, in July."),
            "2017-07"
        );
    }

    #[test]
    fn weekdays_look_back_unless_the_sentence_looks_ahead() {
        // 2023-04-15 is a Saturday: the verb before the day is past, and
        // the future later in the sentence is about something else.
        assert_eq!(
            dates(
                "Lula and Xi held talks at the Great Hall of the People on Friday, a visit Brasília hopes will open markets.",
                "2023-04-15"
            ),
            [pair("Friday", "2023-04-14")]
        );
        // 2023-03-22 is a Wednesday.
        assert_eq!(
            dates("Xi arrived on Monday.", "2023-03-22"),
            [pair("Monday", "2023-03-20")]
        );
        assert_eq!(
            dates("He left on Wednesday.", "2023-03-22"),
            [pair("Wednesday", "2023-03-22")]
        );
        assert_eq!(
            dates("He will leave on Friday.", "2023-03-22"),
            [pair("Friday", "2023-03-24")]
        );
        assert_eq!(
            dates("They spoke yesterday.", "2023-03-22"),
            [pair("yesterday", "2023-03-21")]
        );
    }

    #[test]
    fn relative_periods_resolve_against_publication() {
        assert_eq!(
            dates(
                "Last year they met; earlier this month they spoke; next week they sign.",
                "2023-03-22"
            ),
            [
                pair("Last year", "2022"),
                pair("earlier this month", "2023-03"),
                pair("next week", "2023-03-27/2023-04-02"),
            ]
        );
        assert_eq!(
            dates(
                "He first came ten years ago and again a decade earlier.",
                "2023-03-22"
            ),
            [
                pair("ten years ago", "2013"),
                pair("a decade earlier", "2013")
            ]
        );
        assert_eq!(
            dates("They have met 40 times over the past decade.", "2023-03-22"),
            [pair("past decade", "2013/2023")]
        );
    }

    #[test]
    fn weekday_arithmetic_matches_the_calendar() {
        // 1970-01-01 was a Thursday.
        assert_eq!(weekday(0), 3);
        assert_eq!(
            weekday(PartialDate::parse("2023-03-20").unwrap().first_day()),
            0
        );
        assert_eq!(
            add_days(PartialDate::parse("2023-02-27").unwrap(), 2)
                .unwrap()
                .to_string(),
            "2023-03-01"
        );
        assert_eq!(add_days(PartialDate::year(2023), 2), None);
    }
}
