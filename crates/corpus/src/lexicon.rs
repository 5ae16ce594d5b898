//! The English words that texts about the corpus are read by: numbers
//! written in one word, the words that make a number a count of encounters,
//! and the words that put a sentence in the future or make it a plan. The extractor reads
//! sentences with them and the overview reads the sources' claims with
//! them, so the two agree on what a text says.
//!
//! Invariant: every list holds lower-case words, and every reader here
//! takes a word in any case.

/// A number written as one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numeral {
    /// "40", "forty", "dozen".
    Cardinal(u32),
    /// "40th", "fortieth".
    Ordinal(u32),
}

/// Cardinals written in words, with their values.
const NUMBER_WORDS: [(&str, u32); 27] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("hundred", 100),
    ("dozen", 12),
];

impl Numeral {
    /// Reads one word: digits (up to six, so a figure such as "400" reads
    /// but a long code does not), a number word, digits with an ordinal
    /// suffix ("40th", "2nd"), or the ordinal of a ten ("fortieth"). The
    /// small ordinals in words ("first", "fifth") are not read: "his first
    /// visit" counts nothing.
    pub fn parse(word: &str) -> Option<Numeral> {
        let word = word.to_ascii_lowercase();
        if let Some(n) = digits(&word) {
            return Some(Numeral::Cardinal(n));
        }
        if let Some(n) = ["th", "st", "nd", "rd"]
            .iter()
            .find_map(|suffix| word.strip_suffix(suffix))
            .and_then(digits)
        {
            return Some(Numeral::Ordinal(n));
        }
        if let Some(n) = number_word(&word) {
            return Some(Numeral::Cardinal(n));
        }
        let ten = format!("{}y", word.strip_suffix("ieth")?);
        number_word(&ten).map(Numeral::Ordinal)
    }

    /// The number, whether counted or ordered.
    pub fn value(self) -> u32 {
        match self {
            Numeral::Cardinal(n) | Numeral::Ordinal(n) => n,
        }
    }
}

/// The cardinal a word writes, if it writes one ("40", "forty").
pub fn cardinal(word: &str) -> Option<u32> {
    match Numeral::parse(word)? {
        Numeral::Cardinal(n) => Some(n),
        Numeral::Ordinal(_) => None,
    }
}

fn digits(word: &str) -> Option<u32> {
    let all_digits = !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit());
    (all_digits && word.len() <= 6).then(|| word.parse().ok())?
}

fn number_word(word: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, n)| n)
}

/// The words that, after a cardinal, make it a count of encounters: "met 40
/// times", "12 rounds of talks". They are plurals, as a count of more than
/// one is.
pub const COUNTING_WORDS: [&str; 11] = [
    "times",
    "occasions",
    "meetings",
    "visits",
    "summits",
    "encounters",
    "trips",
    "talks",
    "calls",
    "rounds",
    "conversations",
];

/// The singulars that, after an ordinal, make it a count of encounters:
/// "their 40th meeting". After a cardinal they do not ("the Group of Seven
/// summit", "a two-day visit").
pub const ORDINAL_COUNTING_WORDS: [&str; 3] = ["meeting", "visit", "summit"];

/// Whether `word`, after `number`, makes the number a count of encounters.
pub fn counts_encounters(number: Numeral, word: &str) -> bool {
    let word = word.to_ascii_lowercase();
    let word = word.as_str();
    COUNTING_WORDS.contains(&word)
        || matches!(number, Numeral::Ordinal(_)) && ORDINAL_COUNTING_WORDS.contains(&word)
}

/// Words that put what a sentence reports ahead of when it was written:
/// "will visit", "is expected to travel", "next week". A weekday in such a
/// sentence is the coming one.
pub const FUTURE_WORDS: [&str; 8] = [
    "will",
    "due",
    "plans",
    "planned",
    "expected",
    "scheduled",
    "upcoming",
    "next",
];

/// Words that make what a sentence reports a plan without putting its
/// dates ahead: "Putin invited Xi on Monday" and "said the visit would take
/// place" plan a meeting, but Monday is the past one.
pub const PLAN_WORDS: [&str; 4] = ["would", "plan", "invited", "invitation"];

/// Whether `word` puts a sentence ahead of when it was written.
pub fn is_future_word(word: &str) -> bool {
    FUTURE_WORDS.contains(&word.to_ascii_lowercase().as_str())
}

/// Whether `word` makes what a sentence reports a plan: a future word or a
/// word of planning.
pub fn is_plan_word(word: &str) -> bool {
    is_future_word(word) || PLAN_WORDS.contains(&word.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals_read_in_digits_and_words() {
        assert_eq!(cardinal("40"), Some(40));
        assert_eq!(cardinal("forty"), Some(40));
        assert_eq!(cardinal("Forty"), Some(40));
        assert_eq!(cardinal("dozen"), Some(12));
        assert_eq!(cardinal("seventeen"), Some(17));
        assert_eq!(cardinal("400000"), Some(400_000));
        assert_eq!(cardinal("4000000"), None, "seven digits is a code");
        assert_eq!(cardinal("40th"), None, "an ordinal");
        assert_eq!(cardinal("a"), None);
        assert_eq!(cardinal(""), None);
    }

    #[test]
    fn ordinals_read_in_digits_and_for_the_tens() {
        assert_eq!(Numeral::parse("40th"), Some(Numeral::Ordinal(40)));
        assert_eq!(Numeral::parse("2nd"), Some(Numeral::Ordinal(2)));
        assert_eq!(Numeral::parse("fortieth"), Some(Numeral::Ordinal(40)));
        assert_eq!(Numeral::parse("Twentieth"), Some(Numeral::Ordinal(20)));
        assert_eq!(Numeral::parse("first"), None);
        assert_eq!(Numeral::parse("th"), None);
        assert_eq!(Numeral::parse("fortieth").map(Numeral::value), Some(40));
    }

    #[test]
    fn a_plural_counts_after_any_number_a_singular_only_after_an_ordinal() {
        let forty = Numeral::Cardinal(40);
        let fortieth = Numeral::Ordinal(40);
        assert!(counts_encounters(forty, "times"));
        assert!(counts_encounters(forty, "Rounds"));
        assert!(counts_encounters(forty, "conversations"));
        assert!(counts_encounters(fortieth, "meeting"));
        assert!(!counts_encounters(forty, "summit"));
        assert!(!counts_encounters(forty, "billion"));
    }

    #[test]
    fn future_words_are_plan_words_but_not_all_plan_words_look_ahead() {
        assert!(is_future_word("will"));
        assert!(is_future_word("Next"));
        assert!(is_plan_word("next"));
        assert!(is_plan_word("invited"));
        assert!(!is_future_word("invited"));
        assert!(!is_future_word("would"));
        assert!(!is_plan_word("met"));
    }
}
