//! Dates at the precision the source gives: a year, a month or a day.
//!
//! Invariant: a [`PartialDate`] always names a real calendar period (no
//! 2023-02-30), and it is never silently widened or narrowed: "2019" stays a
//! year, it does not become 1 January 2019.

use std::fmt;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

/// A year, a month or a day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Shape,
    /// A month outside 1..=12.
    Month(u32),
    /// A day that the month does not have, such as 30 February.
    Day {
        /// The day that was given.
        day: u32,
        /// How many days that month has.
        days_in_month: u32,
    },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape => f.write_str("expected YYYY, YYYY-MM or YYYY-MM-DD"),
            DateError::Month(m) => write!(f, "month {m} does not exist"),
            DateError::Day { day, days_in_month } => {
                write!(
                    f,
                    "day {day} does not exist in a month of {days_in_month} days"
                )
            }
        }
    }
}

/// A day as a count of days since 1970-01-01 (negative before).
pub type DayNumber = i64;

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (four-digit years, 0000–9999).
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let mut parts = text.split('-');
        let year = number(parts.next(), 4)?;
        let month = parts.next().map(|p| number(Some(p), 2)).transpose()?;
        let day = parts.next().map(|p| number(Some(p), 2)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Shape);
        }
        let year = year as i32;
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Month(m));
            }
        }
        if let (Some(m), Some(d)) = (month, day) {
            let days_in_month = days_in_month(year, m as u8);
            if d == 0 || d > days_in_month {
                return Err(DateError::Day {
                    day: d,
                    days_in_month,
                });
            }
        }
        Ok(PartialDate {
            year,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }

    /// A whole year.
    pub fn year(year: i32) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// A month of a year; `None` if the month does not exist.
    pub fn month(year: i32, month: u8) -> Option<PartialDate> {
        (1..=12).contains(&month).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// One day; `None` if the calendar has no such day.
    pub fn day(year: i32, month: u8, day: u8) -> Option<PartialDate> {
        let real =
            (1..=12).contains(&month) && day >= 1 && u32::from(day) <= days_in_month(year, month);
        real.then_some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// The day numbered `days` since 1970-01-01.
    pub fn from_day_number(days: DayNumber) -> PartialDate {
        let (year, month, day) = civil_from_days(days);
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// Whether the date is exact: known to the day.
    pub fn is_exact(&self) -> bool {
        self.precision() == Precision::Day
    }

    /// The year.
    pub fn year_number(&self) -> i32 {
        self.year
    }

    /// The month, if known.
    pub fn month_number(&self) -> Option<u8> {
        self.month
    }

    /// The first day of the period the date names.
    pub fn first_day(&self) -> DayNumber {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day of the period the date names.
    pub fn last_day(&self) -> DayNumber {
        match (self.month, self.day) {
            (Some(m), Some(d)) => days_from_civil(self.year, m, d),
            (Some(m), None) => days_from_civil(self.year, m, days_in_month(self.year, m) as u8),
            (None, _) => days_from_civil(self.year, 12, 31),
        }
    }
}

impl fmt::Display for PartialDate {
    /// Writes the date back in the corpus form, at its own precision.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// A period from a start date to an optional end date, each at its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateRange {
    /// When it began.
    pub start: PartialDate,
    /// When it ended, for things that last.
    pub end: Option<PartialDate>,
}

impl DateRange {
    /// The earliest day the range can cover.
    pub fn first_day(&self) -> DayNumber {
        self.start.first_day()
    }

    /// The latest day the range can cover.
    pub fn last_day(&self) -> DayNumber {
        self.end.unwrap_or(self.start).last_day()
    }

    /// The key that orders ranges on a timeline: the middle of the period they
    /// may cover, so a year-only event sorts mid-year rather than on 1 January,
    /// then the narrower (more precise) first.
    pub fn sort_key(&self) -> (DayNumber, DayNumber) {
        let (first, last) = (self.first_day(), self.last_day());
        (first + (last - first) / 2, last - first)
    }

    /// Whether both ends are exact, known to the day; a range with no end is
    /// exact when its start is.
    pub fn is_exact(&self) -> bool {
        self.start.is_exact() && self.end.is_none_or(|e| e.is_exact())
    }

    /// Whether the range shares at least one possible day with `first..=last`.
    pub fn overlaps(&self, first: DayNumber, last: DayNumber) -> bool {
        self.first_day() <= last && self.last_day() >= first
    }
}

fn number(part: Option<&str>, digits: usize) -> Result<u32, DateError> {
    match part {
        Some(p) if p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()) => {
            p.parse().map_err(|_| DateError::Shape)
        }
        _ => Err(DateError::Shape),
    }
}

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in month `month` (1..=12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> DayNumber {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A day number written as `YYYY-MM-DD`.
pub fn iso_day(day: DayNumber) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The civil date (year, month, day) of a day number; inverse of [`days_from_civil`].
pub fn civil_from_days(days: DayNumber) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

impl DateRange {
    /// The start and end as written in the corpus, for display and export.
    pub fn to_string_pair(&self) -> (String, Option<String>) {
        (self.start.to_string(), self.end.map(|e| e.to_string()))
    }
}

/// The months' English names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The short name of month `month` (1–12), its first three letters: "Mar".
///
/// # Panics
///
/// If `month` is not 1–12; a [`PartialDate`]'s month always is.
pub fn month_abbreviation(month: u8) -> &'static str {
    &MONTH_NAMES[usize::from(month) - 1][..3]
}

/// The month (1–12) a capitalised English name names: "March" is 3; "march"
/// and "may" are not months, so the modal verb is not read as one.
pub fn month_named(name: &str) -> Option<u8> {
    MONTH_NAMES
        .iter()
        .position(|m| *m == name)
        .map(|i| i as u8 + 1)
}

impl PartialDate {
    /// A reader's form at the date's own precision: "22 Mar 2013", "Mar 2013"
    /// or "2013".
    pub fn label(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_abbreviation(m), self.year),
            (Some(m), None) => format!("{} {}", month_abbreviation(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

impl DateRange {
    /// A reader's form of the range, sharing what both ends share:
    /// "20–22 Mar 2023", "30 Mar – 2 Apr 2015", "Mar 2013", "2019 – 2020".
    pub fn label(&self) -> String {
        let start = self.start;
        let Some(end) = self.end.filter(|e| *e != start) else {
            return start.label();
        };
        let same_year = start.year == end.year;
        match (start.month, start.day, end.month, end.day) {
            (Some(sm), Some(sd), Some(em), Some(ed)) if same_year && sm == em => {
                format!("{sd}–{ed} {} {}", month_abbreviation(sm), start.year)
            }
            (Some(sm), Some(sd), Some(_), Some(_)) if same_year => {
                format!("{sd} {} – {}", month_abbreviation(sm), end.label())
            }
            (Some(sm), None, Some(_), None) if same_year => {
                format!("{} – {}", month_abbreviation(sm), end.label())
            }
            _ => format!("{} – {}", start.label(), end.label()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for s in ["2013", "2013-03", "2013-03-22", "0999-12-31"] {
            assert_eq!(d(s).to_string(), s);
        }
        assert_eq!(d("2019").precision(), Precision::Year);
        assert_eq!(d("2019-06").precision(), Precision::Month);
        assert_eq!(d("2019-06-05").precision(), Precision::Day);
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert_eq!(
            PartialDate::parse("2023-02-30"),
            Err(DateError::Day {
                day: 30,
                days_in_month: 28
            })
        );
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert_eq!(
            PartialDate::parse("1900-02-29").unwrap_err().to_string(),
            "day 29 does not exist in a month of 28 days"
        );
        assert_eq!(PartialDate::parse("2023-13"), Err(DateError::Month(13)));
        assert_eq!(PartialDate::parse("2023-00-10"), Err(DateError::Month(0)));
        for bad in [
            "",
            "23",
            "2023-3",
            "2023-03-5",
            "2023/03/05",
            "2023-03-05-01",
            "２０２３",
            "+202-01",
        ] {
            assert_eq!(PartialDate::parse(bad), Err(DateError::Shape), "{bad}");
        }
    }

    #[test]
    fn periods_cover_their_whole_span() {
        assert_eq!(d("1970-01-01").first_day(), 0);
        assert_eq!(d("2024").last_day() - d("2024").first_day(), 365);
        assert_eq!(d("2023-02").last_day() - d("2023-02").first_day(), 27);
        assert_eq!(d("2023-03-22").last_day(), d("2023-03-22").first_day());
    }

    #[test]
    fn day_numbers_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, dd) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, dd), days);
        }
    }

    #[test]
    fn labels_show_only_the_known_precision() {
        let r = |s: &str, e: Option<&str>| {
            DateRange {
                start: d(s),
                end: e.map(d),
            }
            .label()
        };
        assert_eq!(r("2013-03-22", None), "22 Mar 2013");
        assert_eq!(r("2013-03", None), "Mar 2013");
        assert_eq!(r("2019", None), "2019");
        assert_eq!(r("2023-03-20", Some("2023-03-22")), "20–22 Mar 2023");
        assert_eq!(r("2015-03-30", Some("2015-04-02")), "30 Mar – 2 Apr 2015");
        assert_eq!(r("2015-06", Some("2015-07")), "Jun – Jul 2015");
        assert_eq!(r("2015-06", Some("2015-07-14")), "Jun 2015 – 14 Jul 2015");
        assert_eq!(r("2019", Some("2020")), "2019 – 2020");
        assert_eq!(r("2019-06-05", Some("2019-06-05")), "5 Jun 2019");
    }

    #[test]
    fn only_dates_known_to_the_day_are_exact() {
        assert!(d("2019-06-05").is_exact());
        assert!(!d("2019-06").is_exact());
        assert!(!d("2019").is_exact());
        let r = |s: &str, e: Option<&str>| {
            DateRange {
                start: d(s),
                end: e.map(d),
            }
            .is_exact()
        };
        assert!(r("2023-03-20", None));
        assert!(r("2023-03-20", Some("2023-03-22")));
        assert!(!r("2023-03-20", Some("2023-04")));
        assert!(!r("2023-03", Some("2023-03-22")));
    }

    #[test]
    fn months_are_named_in_full_and_in_short() {
        assert_eq!(month_named("March"), Some(3));
        assert_eq!(month_named("December"), Some(12));
        assert_eq!(month_named("may"), None);
        assert_eq!(month_named("Mar"), None);
        assert_eq!(month_abbreviation(1), "Jan");
        assert_eq!(month_abbreviation(9), "Sep");
        let short: Vec<&str> = (1..=12).map(month_abbreviation).collect();
        assert_eq!(
            short,
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        );
    }

    #[test]
    fn year_only_sorts_mid_year_not_on_new_year() {
        let year = DateRange {
            start: d("2019"),
            end: None,
        };
        let march = DateRange {
            start: d("2019-03-05"),
            end: None,
        };
        let november = DateRange {
            start: d("2019-11-20"),
            end: None,
        };
        assert!(march.sort_key() < year.sort_key());
        assert!(year.sort_key() < november.sort_key());
    }
}
