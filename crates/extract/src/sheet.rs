//! Spreadsheets of events, as CSV or TSV: the TimelineJS template (Year,
//! Month, Day, ..., Headline, Text, ..., Type, Group) and the explorer's own
//! sheet of one event per row (date, end, kind, participants, host, place,
//! summary, source, url; see `docs/sheet-format.md`).
//!
//! Invariant: a row becomes an event at exactly the precision its cells
//! give (a row with a year and a month is that month, never its first day),
//! its evidence is its own text, and a row that cannot be read costs that
//! row alone, with a warning naming its row number and column. Markup in a
//! cell is removed, never kept.

use std::collections::HashMap;

use explorer_corpus::dates::{month_named, PartialDate};
use explorer_corpus::format::EntityRecord;
use explorer_corpus::{EntityKind, EventKind};

use super::gazetteer::{EntryIx, Gazetteer};
use super::inputs::{file_stem, strip_html, timeline_document, Meta, TimelineEntry};
use super::{fresh_id, slug, Document, Given, Slide};
use explorer_corpus::dates::DateRange;

/// Whether a file's name says it is a sheet.
pub fn is_sheet_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".csv") || lower.ends_with(".tsv")
}

/// Reads a sheet into documents: a TimelineJS sheet is one document with a
/// paragraph and an event per row; the explorer's own sheet is a document
/// per row, since each row cites its own source. Names in the cells of our
/// own sheet are added to `gazetteer` when it does not know them, so the
/// extractor finds them in the row's text and the event names them.
pub fn read(
    text: &str,
    file: &str,
    meta: &Meta,
    gazetteer: &mut Gazetteer,
) -> Result<(Vec<Document>, Vec<String>), String> {
    let table = Table::parse(text, file)?;
    if table.has("year") && (table.has("headline") || table.has("text")) {
        let (doc, warnings) = timeline_sheet(&table, file, meta)?;
        return Ok((vec![doc], warnings));
    }
    if table.has("date") && table.has("summary") {
        return own_sheet(&table, file, meta, gazetteer);
    }
    Err(format!(
        "{file}: neither a TimelineJS sheet (columns Year, Month, Day, Headline, Text, ...) \
         nor an event sheet (columns date, end, kind, participants, host, place, summary, \
         source, url); its header is: {}",
        table.header.join(", ")
    ))
}

/// A sheet's header and rows, cells trimmed.
struct Table {
    /// The header as written.
    header: Vec<String>,
    /// Column positions by folded header name ("end year").
    columns: HashMap<String, usize>,
    /// Each row's cells, with its row number as a spreadsheet shows it (the
    /// header is row 1).
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn parse(text: &str, file: &str) -> Result<Table, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let first = text.lines().next().unwrap_or_default();
        // A sheet saved as TSV, or with semicolons as many European
        // spreadsheets write CSV, says so in its header.
        let delimiter = if first.contains('\t') {
            b'\t'
        } else if first.contains(';') && !first.contains(',') {
            b';'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| format!("{file}: {e}"))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let columns = header
            .iter()
            .enumerate()
            .map(|(i, h)| (fold(h), i))
            .collect();
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let record = record.map_err(|e| format!("{file}: row {}: {e}", i + 2))?;
            let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
            if cells.iter().all(String::is_empty) {
                continue;
            }
            rows.push((i + 2, cells));
        }
        Ok(Table {
            header,
            columns,
            rows,
        })
    }

    fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }

    /// The cell of `column` in `cells`, empty when the column or cell is
    /// missing.
    fn cell<'r>(&self, cells: &'r [String], column: &str) -> &'r str {
        self.columns
            .get(column)
            .and_then(|&i| cells.get(i))
            .map_or("", String::as_str)
    }

    /// The column's name as the sheet writes it, for warnings.
    fn name<'t>(&'t self, column: &'t str) -> &'t str {
        self.columns
            .get(column)
            .map_or(column, |&i| self.header[i].as_str())
    }
}

/// A header folded for matching: lower case, single spaces.
fn fold(header: &str) -> String {
    header
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The TimelineJS template: one document, a paragraph and an event per row.
fn timeline_sheet(
    table: &Table,
    file: &str,
    meta: &Meta,
) -> Result<(Document, Vec<String>), String> {
    let mut warnings = Vec::new();
    let mut title = None;
    let mut entries = Vec::new();
    for (row, cells) in &table.rows {
        let cell = |c: &str| table.cell(cells, c);
        let headline = strip_html(cell("headline"));
        let body = strip_html(cell("text"));
        match cell("type").to_lowercase().as_str() {
            "title" => {
                title = Some(if headline.is_empty() { body } else { headline });
                continue;
            }
            "era" => {
                warnings.push(format!("{file}: row {row}: an era, not an event; skipped"));
                continue;
            }
            _ => {}
        }
        let date = |y: &str, m: &str, d: &str| -> Result<Option<PartialDate>, String> {
            timeline_row_date(cell(y), cell(m), cell(d)).map_err(|(column, why)| {
                let column = match column {
                    Part::Year => table.name(y),
                    Part::Month => table.name(m),
                    Part::Day => table.name(d),
                };
                format!("{file}: row {row}, column \"{column}\": {why}")
            })
        };
        let start = match date("year", "month", "day") {
            Ok(Some(start)) => start,
            Ok(None) => {
                warnings.push(format!(
                    "{file}: row {row}, column \"{}\": no year; row skipped",
                    table.name("year")
                ));
                continue;
            }
            Err(e) => {
                warnings.push(format!("{e}; row skipped"));
                continue;
            }
        };
        let end = match date("end year", "end month", "end day") {
            Ok(end) => end,
            Err(e) => {
                warnings.push(format!("{e}; end left out"));
                None
            }
        };
        entries.push(TimelineEntry {
            label: format!("row {row}"),
            start,
            end,
            headline,
            body,
            given: Given {
                group: Some(strip_html(cell("group"))).filter(|g| !g.is_empty()),
                ..Given::default()
            },
        });
    }
    let (doc, more) = timeline_document(file, meta, title.filter(|t| !t.is_empty()), entries)?;
    warnings.extend(more);
    Ok((doc, warnings))
}

/// Which date cell a problem is in.
enum Part {
    Year,
    Month,
    Day,
}

/// The date three TimelineJS cells give, at their precision: `None` when
/// there is no year. A month may be a number or an English month name.
fn timeline_row_date(
    year: &str,
    month: &str,
    day: &str,
) -> Result<Option<PartialDate>, (Part, String)> {
    if year.is_empty() {
        if !month.is_empty() || !day.is_empty() {
            return Err((Part::Year, "a month or day without a year".into()));
        }
        return Ok(None);
    }
    let year: i32 = year
        .parse()
        .map_err(|_| (Part::Year, format!("\"{year}\" is not a year")))?;
    if month.is_empty() {
        if !day.is_empty() {
            return Err((Part::Month, "a day without a month".into()));
        }
        return Ok(Some(PartialDate::year(year)));
    }
    let m = month
        .parse::<u8>()
        .ok()
        .or_else(|| month_named(&capitalised(month)))
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| (Part::Month, format!("\"{month}\" is not a month")))?;
    if day.is_empty() {
        return PartialDate::month(year, m)
            .map(Some)
            .ok_or_else(|| (Part::Month, format!("\"{month}\" is not a month")));
    }
    let d: u8 = day
        .parse()
        .map_err(|_| (Part::Day, format!("\"{day}\" is not a day")))?;
    PartialDate::day(year, m, d)
        .map(Some)
        .ok_or_else(|| (Part::Day, format!("{year}-{m:02} has no day {d}")))
}

/// "march" → "March", so month names match in any case.
fn capitalised(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => lower,
    }
}

/// The explorer's own sheet: a document per row, whose text is the row's
/// summary and whose one event is what the cells say.
fn own_sheet(
    table: &Table,
    file: &str,
    meta: &Meta,
    gazetteer: &mut Gazetteer,
) -> Result<(Vec<Document>, Vec<String>), String> {
    let mut warnings = Vec::new();
    let mut docs = Vec::new();
    let stem = slug(file_stem(file));
    for (row, cells) in &table.rows {
        let cell = |c: &str| table.cell(cells, c);
        let at = |c: &str| format!("{file}: row {row}, column \"{}\"", table.name(c));
        let start = match PartialDate::parse(cell("date")) {
            Ok(d) => d,
            Err(e) => {
                warnings.push(format!(
                    "{}: \"{}\" is not a date ({e}); row skipped",
                    at("date"),
                    cell("date")
                ));
                continue;
            }
        };
        let end = match cell("end") {
            "" => None,
            text => match PartialDate::parse(text) {
                Ok(d) if d.first_day() >= start.first_day() => Some(d),
                Ok(_) => {
                    warnings.push(format!(
                        "{}: ends before it starts; end left out",
                        at("end")
                    ));
                    None
                }
                Err(e) => {
                    warnings.push(format!(
                        "{}: \"{text}\" is not a date ({e}); end left out",
                        at("end")
                    ));
                    None
                }
            },
        };
        let summary = strip_html(cell("summary"));
        if summary.is_empty() {
            warnings.push(format!(
                "{}: empty; an event needs the sentence that says it happened; row skipped",
                at("summary")
            ));
            continue;
        }
        let kind = match cell("kind") {
            "" => None,
            text => match event_kind(text) {
                Some(k) => Some(k),
                None => {
                    warnings.push(format!(
                        "{}: \"{text}\" is not an event kind (a CAMEO code such as 042, or a name \
                         such as Visit); the kind is read from the summary",
                        at("kind")
                    ));
                    None
                }
            },
        };
        let participants: Vec<EntryIx> = cell_names(cell("participants"))
            .into_iter()
            .map(|n| learn(gazetteer, n, EntityKind::Person))
            .collect();
        let mut first = |column: &str, kind: EntityKind| {
            cell_names(cell(column))
                .first()
                .map(|n| learn(gazetteer, n, kind))
        };
        let host = first("host", EntityKind::Country);
        let place = first("place", EntityKind::Place);
        let host = host.filter(|&h| gazetteer.entries[h].kind == EntityKind::Country);
        let row_meta = Meta {
            id: Some(format!("{stem}-row-{row}")),
            title: Some(summary.clone()),
            source: Some(cell("source").to_string())
                .filter(|s| !s.is_empty())
                .or_else(|| meta.source.clone())
                .or_else(|| Some(file_stem(file).to_string())),
            published: meta.published.clone().or_else(|| Some(start.to_string())),
            url: Some(cell("url").to_string()).filter(|u| !u.is_empty()),
            language: meta.language.clone(),
        };
        let length = summary.chars().count();
        let mut doc = row_meta.document(file, None, summary)?;
        doc.slides = vec![Slide {
            start: 0,
            end: length,
            dates: DateRange { start, end },
            given: Given {
                kind,
                participants,
                host,
                place,
                group: Some(cell("group").to_string()).filter(|g| !g.is_empty()),
            },
        }];
        docs.push(doc);
    }
    if docs.is_empty() {
        return Err(format!("{file}: no row could be read"));
    }
    Ok((docs, warnings))
}

/// The names in a cell, separated by `;`.
fn cell_names(cell: &str) -> Vec<&str> {
    cell.split(';')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect()
}

/// An event kind by CAMEO code or by name, in any case ("042", "visit",
/// "Telephone call").
fn event_kind(text: &str) -> Option<EventKind> {
    EventKind::from_code_loosely(text).or_else(|| {
        let text = text.trim().to_lowercase();
        EventKind::ALL
            .into_iter()
            .find(|k| k.label().to_lowercase() == text)
    })
}

/// The gazetteer entry `name` stands for, added (as `kind`) if it has none.
fn learn(gazetteer: &mut Gazetteer, name: &str, kind: EntityKind) -> EntryIx {
    if let Some(ix) = gazetteer.lookup(name) {
        return ix;
    }
    let id = fresh_id(&slug(name), |id| gazetteer.by_id(id).is_some());
    gazetteer.learn(EntityRecord {
        id,
        kind: kind.code().to_string(),
        name: name.to_string(),
        aliases: Vec::new(),
        wikidata: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;

    fn meta() -> Meta {
        Meta::default()
    }

    #[test]
    fn a_timelinejs_sheet_keeps_each_rows_precision() {
        let csv = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n\
            ,,,,,,,,,Visits to Moscow,<p>Who came</p>,,,,,title,,\n\
            2019,4,25,,2019,4,26,,,Kim in Vladivostok,\"<p>Kim Jong Un met <b>Vladimir Putin</b> in Vladivostok.</p>\",,,,,,Russia,\n\
            2023,3,,,,,,,,Xi visits Russia,Xi Jinping visited Moscow.,,,,,,China,\n\
            2021,,,,,,,,,A year of calls,,,,,,,,\n\
            2024,13,1,,,,,,,Bad month,x,,,,,,,\n\
            ,,,,,,,,,The nineties,,,,,,era,,\n";
        let (docs, warnings) = read(
            csv,
            "visits.csv",
            &meta(),
            &mut crate::gazetteer::tests::small(),
        )
        .unwrap();
        assert_eq!(
            warnings,
            [
                "visits.csv: row 6, column \"Month\": \"13\" is not a month; row skipped",
                "visits.csv: row 7: an era, not an event; skipped",
                "visits.csv: no publication date given; the latest entry's date, 2023-03, stands in",
            ]
        );
        let doc = &docs[0];
        assert_eq!(doc.title, "Visits to Moscow");
        assert!(!doc.text.contains('<'), "{}", doc.text);
        let dates: Vec<String> = doc.slides.iter().map(|s| s.dates.label()).collect();
        assert_eq!(dates.len(), 3);
        assert_eq!(doc.slides[1].dates.start.to_string(), "2023-03");
        assert_eq!(doc.slides[2].dates.start.to_string(), "2021");
        assert_eq!(doc.slides[0].dates.end.unwrap().to_string(), "2019-04-26");
    }

    #[test]
    fn our_own_sheet_gives_kind_people_host_and_place() {
        let csv = "date,end,kind,participants,host,place,summary,source,url\n\
            2023-03-20,2023-03-22,042,Xi Jinping; Vladimir Putin,Russia,Moscow,Xi Jinping arrived in Moscow for talks with Vladimir Putin.,Wire,https://example.org/a\n\
            2023-05,,Telephone call,Ana Duarte,,,Ana Duarte spoke by phone with her counterpart.,,\n\
            2023-02-30,,042,X,,,Bad date.,,\n\
            2023-06-01,,,,,,,,\n";
        let mut gazetteer = crate::gazetteer::tests::small();
        let (docs, warnings) = read(csv, "events.csv", &meta(), &mut gazetteer).unwrap();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0]
                .starts_with("events.csv: row 4, column \"date\": \"2023-02-30\" is not a date"),
            "{}",
            warnings[0]
        );
        assert!(
            warnings[1].starts_with("events.csv: row 5, column \"summary\": empty"),
            "{}",
            warnings[1]
        );
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].source, "Wire");
        assert_eq!(docs[0].url.as_deref(), Some("https://example.org/a"));
        assert_eq!(docs[1].source, "events");
        let out = extract(&docs, &gazetteer, |_| {});
        let loaded = explorer_corpus::load(&serde_json::to_string(&out.corpus).unwrap()).unwrap();
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let c = &loaded.corpus;
        assert_eq!(c.events.len(), 2);
        let visit = &c.events[0];
        assert_eq!(visit.kind, EventKind::Visit);
        assert_eq!(visit.dates.label(), "20–22 Mar 2023");
        let names: Vec<&str> = visit
            .participants
            .iter()
            .map(|&p| c.entity(p).name.as_str())
            .collect();
        assert!(
            names.contains(&"Xi Jinping") && names.contains(&"Vladimir Putin"),
            "{names:?}"
        );
        assert_eq!(c.entity(visit.host.unwrap()).name, "Russia");
        let call = &c.events[1];
        assert_eq!(call.kind, EventKind::Telephone);
        assert_eq!(call.dates.start.to_string(), "2023-05");
        let ana = call
            .participants
            .iter()
            .map(|&p| c.entity(p))
            .next()
            .unwrap();
        assert_eq!(
            (ana.name.as_str(), ana.kind),
            ("Ana Duarte", EntityKind::Person)
        );
        // Her name in the summary is marked as a mention of her.
        assert!(c.articles[1]
            .mentions()
            .iter()
            .any(|m| c.entity(m.entity).name == "Ana Duarte"));
    }

    #[test]
    fn a_sheet_of_neither_kind_names_its_header() {
        let err = read(
            "a,b\n1,2\n",
            "x.csv",
            &meta(),
            &mut crate::gazetteer::tests::small(),
        )
        .unwrap_err();
        assert!(err.contains("its header is: a, b"), "{err}");
    }

    #[test]
    fn tab_separated_and_quoted_cells() {
        let tsv = "Year\tMonth\tDay\tHeadline\tText\n2020\t1\t\t\"Talks, at last\"\t\"Line one\nline two\"\n";
        let (docs, warnings) =
            read(tsv, "t.tsv", &meta(), &mut crate::gazetteer::tests::small()).unwrap();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(docs[0].text, "Talks, at last. Line one line two");
        assert_eq!(docs[0].slides[0].dates.start.to_string(), "2020-01");
    }
}
