//! The article formats the extractor reads: plain-text wire items, Markdown
//! with front matter, displaCy "manual" JSON and TimelineJS JSON.
//!
//! Invariant: a reader returns documents with a real publication date and
//! plain text, or a message saying what is missing and where; it never
//! panics on any input.

use serde_json::Value;

use super::{Document, Given, GivenMention, Slide};
use explorer_corpus::dates::{DateRange, PartialDate};
use explorer_corpus::EntityKind;

/// What is known about an input from outside its text: a sidecar file, the
/// command line or the page's form. Each field may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// Article id.
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Language tag.
    pub language: Option<String>,
}

impl Meta {
    /// Reads `key: value` lines (a sidecar file or front matter). Unknown keys
    /// and lines without a colon are reported with their line number.
    pub fn parse(text: &str, file: &str) -> (Meta, Vec<String>) {
        let mut meta = Meta::default();
        let mut warnings = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                warnings.push(format!("{file}: line {}: expected `key: value`", n + 1));
                continue;
            };
            let value = value.trim().trim_matches('"').to_string();
            let slot = match key.trim().to_lowercase().as_str() {
                "id" => &mut meta.id,
                "title" => &mut meta.title,
                "source" | "publisher" => &mut meta.source,
                "published" | "date" => &mut meta.published,
                "url" => &mut meta.url,
                "language" | "lang" => &mut meta.language,
                other => {
                    warnings.push(format!("{file}: line {}: unknown key `{other}`", n + 1));
                    continue;
                }
            };
            *slot = Some(value);
        }
        (meta, warnings)
    }

    /// This meta with the gaps filled from `fallback`.
    pub fn or(self, fallback: &Meta) -> Meta {
        Meta {
            id: self.id.or_else(|| fallback.id.clone()),
            title: self.title.or_else(|| fallback.title.clone()),
            source: self.source.or_else(|| fallback.source.clone()),
            published: self.published.or_else(|| fallback.published.clone()),
            url: self.url.or_else(|| fallback.url.clone()),
            language: self.language.or_else(|| fallback.language.clone()),
        }
    }

    /// A document from this meta and a text, or what is missing.
    pub(crate) fn document(
        &self,
        file: &str,
        title: Option<String>,
        text: String,
    ) -> Result<Document, String> {
        let published = self
            .published
            .as_deref()
            .ok_or_else(|| format!("{file}: no publication date (give `published:` in a sidecar file or front matter, or a default)"))?;
        let published = PartialDate::parse(published)
            .map_err(|e| format!("{file}: publication date \"{published}\": {e}"))?;
        let title = self
            .title
            .clone()
            .or(title)
            .filter(|t| !t.trim().is_empty())
            .ok_or_else(|| format!("{file}: no title"))?;
        if text.trim().is_empty() {
            return Err(format!("{file}: no text"));
        }
        Ok(Document {
            id: self
                .id
                .clone()
                .unwrap_or_else(|| super::slug(file_stem(file))),
            title,
            source: self
                .source
                .clone()
                .unwrap_or_else(|| "Unknown source".into()),
            url: self.url.clone(),
            published,
            language: self.language.clone().unwrap_or_else(|| "en".into()),
            text,
            given: None,
            slides: Vec::new(),
        })
    }
}

pub(crate) fn file_stem(file: &str) -> &str {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.split_once('.').map_or(name, |(stem, _)| stem)
}

/// Joins the lines of each paragraph with spaces and paragraphs with a blank
/// line.
fn paragraphs(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut current = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&current);
                current.clear();
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&current);
    }
    out
}

/// A plain-text wire item: a title line, a blank line, body paragraphs, and
/// an optional credit line at the end ("–The X news exchange item"), which
/// is left out of the text and names the source when nothing else does.
pub fn wire(text: &str, file: &str, meta: &Meta) -> Result<Document, String> {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines: Vec<&str> = text.lines().collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let Some(first) = first else {
        return Err(format!("{file}: the file is empty"));
    };
    let title = lines[first].trim().to_string();
    let mut body = &lines[first + 1..];
    let mut credit = None;
    if let Some(last) = body.last() {
        let l = last.trim();
        let dash = l.starts_with(['–', '—']) || l.starts_with("-") && !l.starts_with("- ");
        let alone = body.len() < 2 || body[body.len() - 2].trim().is_empty();
        if dash && alone && l.chars().count() < 120 {
            credit = Some(l.trim_start_matches(['–', '—', '-', ' ']).to_string());
            body = &body[..body.len() - 1];
        }
    }
    let mut meta = meta.clone();
    if meta.source.is_none() {
        meta.source = credit.map(|c| {
            c.trim_start_matches("The ")
                .trim_end_matches('.')
                .to_string()
        });
    }
    meta.document(file, Some(title), paragraphs(body))
}

/// Markdown with front matter between `---` lines (title, date or published,
/// source, url, language, id). Headings, emphasis, links and list markers are
/// reduced to their text.
pub fn markdown(text: &str, file: &str, meta: &Meta) -> Result<(Document, Vec<String>), String> {
    let text = text.trim_start_matches('\u{feff}');
    let mut warnings = Vec::new();
    let mut lines: Vec<&str> = text.lines().collect();
    let mut front = Meta::default();
    if lines.first().is_some_and(|l| l.trim() == "---") {
        let end = lines[1..]
            .iter()
            .position(|l| l.trim() == "---")
            .ok_or_else(|| {
                format!("{file}: front matter opened on line 1 is never closed with `---`")
            })?;
        let (m, w) = Meta::parse(&lines[1..=end].join("\n"), file);
        front = m;
        warnings.extend(w);
        lines.drain(..end + 2);
    }
    let mut title = None;
    let mut plain: Vec<String> = Vec::new();
    for line in &lines {
        let l = line.trim();
        if let Some(h) = l.strip_prefix('#') {
            let h = strip_inline(h.trim_start_matches('#').trim());
            if title.is_none() && front.title.is_none() && l.starts_with("# ") {
                title = Some(h);
            } else {
                plain.push(String::new());
                plain.push(h);
                plain.push(String::new());
            }
            continue;
        }
        let l = l.trim_start_matches('>').trim_start();
        let l = l
            .strip_prefix("- ")
            .or_else(|| l.strip_prefix("* "))
            .or_else(|| l.strip_prefix("+ "))
            .unwrap_or(l);
        plain.push(strip_inline(l));
    }
    let refs: Vec<&str> = plain.iter().map(String::as_str).collect();
    let doc = front.or(meta).document(file, title, paragraphs(&refs))?;
    Ok((doc, warnings))
}

/// Inline Markdown reduced to its text: `[text](url)` → text, images
/// dropped, emphasis and code markers removed.
fn strip_inline(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let image = rest[..open].ends_with('!');
        let close = rest[open..].find("](").map(|c| open + c);
        let end = close.and_then(|c| rest[c..].find(')').map(|e| c + e));
        match (close, end) {
            (Some(close), Some(end)) => {
                let before = if image {
                    &rest[..open - 1]
                } else {
                    &rest[..open]
                };
                out.push_str(before);
                if !image {
                    out.push_str(&rest[open + 1..close]);
                }
                rest = &rest[end + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "").replace('`', "")
}

/// spaCy labels mapped to entity kinds; labels that are not entities (DATE,
/// CARDINAL, MONEY, ...) map to nothing. A name the gazetteer knows links to
/// its entity whatever the label.
pub fn spacy_kind(label: &str) -> Option<EntityKind> {
    Some(match label {
        "PERSON" | "PER" => EntityKind::Person,
        // Countries, cities and states: the gazetteer tells which; a name it
        // does not know is taken for a place.
        "GPE" => EntityKind::Place,
        "LOC" | "FAC" => EntityKind::Place,
        "ORG" => EntityKind::Organisation,
        // Nationalities, religious and political groups: "Chinese" becomes
        // China through the gazetteer, anything else stays "other".
        "NORP" => EntityKind::Other,
        "EVENT" | "LAW" | "WORK_OF_ART" | "PRODUCT" | "LANGUAGE" | "MISC" => EntityKind::Other,
        _ => return None,
    })
}

/// displaCy "manual" JSON: one object `{"text", "ents": [{"start", "end",
/// "label"}], "title"}` or an array of them. Spans count code points, as in
/// spaCy. A `"meta"` object may carry the fields of [`Meta`].
pub fn displacy(
    json: &str,
    file: &str,
    meta: &Meta,
) -> Result<(Vec<Document>, Vec<String>), String> {
    let value: Value = serde_json::from_str(json).map_err(|e| super::json_error(file, &e))?;
    let items = match value {
        Value::Array(items) => items,
        one => vec![one],
    };
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = if docs.len() + warnings.len() == 0 && items.len() == 1 {
            file.to_string()
        } else {
            format!("{file}[{i}]")
        };
        let Some(text) = item.get("text").and_then(Value::as_str) else {
            warnings.push(format!("{at}: no \"text\" string, skipped"));
            continue;
        };
        let mut own = Meta::default();
        if let Some(m) = item.get("meta").and_then(Value::as_object) {
            let field = |k: &str| m.get(k).and_then(Value::as_str).map(str::to_string);
            own = Meta {
                id: field("id"),
                title: field("title"),
                source: field("source"),
                published: field("published").or_else(|| field("date")),
                url: field("url"),
                language: field("language"),
            };
        }
        let title = item
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_string);
        let mut own = own.or(meta);
        if items.len() > 1 && own.id.is_none() {
            own.id = Some(format!("{}-{}", super::slug(file_stem(file)), i + 1));
        }
        // displaCy's own format has no title: the file's name stands in.
        let title = title.or_else(|| {
            Some(match items.len() {
                1 => file_stem(file).to_string(),
                _ => format!("{} ({})", file_stem(file), i + 1),
            })
        });
        let mut doc = match own.document(&at, title, text.to_string()) {
            Ok(doc) => doc,
            Err(e) => {
                warnings.push(format!("{e}, skipped"));
                continue;
            }
        };
        let mut given = Vec::new();
        for (j, ent) in item
            .get("ents")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let start = ent.get("start").and_then(Value::as_u64);
            let end = ent.get("end").and_then(Value::as_u64);
            let label = ent.get("label").and_then(Value::as_str);
            let (Some(start), Some(end), Some(label)) = (start, end, label) else {
                warnings.push(format!(
                    "{at}: ents[{j}]: needs \"start\", \"end\" and \"label\", skipped"
                ));
                continue;
            };
            let Some(kind) = spacy_kind(label) else {
                continue;
            };
            given.push(GivenMention {
                start: start as usize,
                end: end as usize,
                kind,
            });
        }
        doc.given = Some(given);
        docs.push(doc);
    }
    Ok((docs, warnings))
}

/// A TimelineJS date object `{"year", "month", "day"}` at the precision it
/// gives.
fn timeline_date(value: &Value) -> Option<PartialDate> {
    let part = |k: &str| -> Option<i64> {
        match value.get(k)? {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    };
    let year = i32::try_from(part("year")?).ok()?;
    match (part("month"), part("day")) {
        (Some(m), Some(d)) => PartialDate::day(year, u8::try_from(m).ok()?, u8::try_from(d).ok()?),
        (Some(m), None) => PartialDate::month(year, u8::try_from(m).ok()?),
        _ => Some(PartialDate::year(year)),
    }
}

/// Text with HTML tags removed and the common entities decoded, so a slide's
/// markup never reaches the corpus as markup.
pub(crate) fn strip_html(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads one input file, by its name's ending and, for JSON, by its
/// content: a wire item (`.txt`), Markdown (`.md`), a sheet (`.csv`,
/// `.tsv`), a scraper's records (`.jsonl`, or `.json` records), TimelineJS
/// JSON or displaCy JSON. A sheet's names join `gazetteer`.
pub fn read_any(
    name: &str,
    text: &str,
    meta: &Meta,
    gazetteer: &mut super::gazetteer::Gazetteer,
) -> Result<(Vec<Document>, Vec<String>), String> {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "txt" => Ok((vec![wire(text, name, meta)?], Vec::new())),
        "md" | "markdown" => markdown(text, name, meta).map(|(doc, w)| (vec![doc], w)),
        "csv" | "tsv" => super::sheet::read(text, name, meta, gazetteer),
        "jsonl" => scraped(text, name, meta),
        _ => {
            let value = serde_json::from_str::<Value>(text).ok();
            if value.as_ref().is_some_and(is_scraped) {
                scraped(text, name, meta)
            } else if value.as_ref().is_some_and(|v| v.get("events").is_some()) {
                timelinejs(text, name, meta).map(|(doc, w)| (vec![doc], w))
            } else {
                displacy(text, name, meta)
            }
        }
    }
}

/// Whether a file by this name is one [`read_any`] reads as articles or a
/// sheet rather than one the explorer opens as a corpus: anything but
/// `.json`, whose content decides.
pub fn is_input_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".txt", ".md", ".markdown", ".csv", ".tsv", ".jsonl"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Whether a JSON value is what a news scraper writes: an article record
/// (trafilatura's `text` or news-please's `maintext`, without displaCy's
/// `ents`), or a list of them.
pub fn is_scraped(value: &Value) -> bool {
    let record = |v: &Value| {
        v.get("maintext").is_some() || (v.get("text").is_some() && v.get("ents").is_none())
    };
    match value {
        Value::Array(items) => items.first().is_some_and(record),
        v => record(v) && v.get("events").is_none(),
    }
}

/// Articles a news scraper wrote, one per record: trafilatura (`title`,
/// `date`, `text`, `url`, `hostname` or `sitename`) or news-please (`title`,
/// `maintext`, `date_publish`, `source_domain`, `url`, `language`), as one
/// JSON object, a list of them, or JSON Lines. A record that cannot be read
/// costs that record, with a warning naming it.
pub fn scraped(
    text: &str,
    file: &str,
    meta: &Meta,
) -> Result<(Vec<Document>, Vec<String>), String> {
    let mut warnings = Vec::new();
    let records: Vec<(String, Value)> = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (format!(": record {}", i + 1), v))
            .collect(),
        Ok(value) => vec![(String::new(), value)],
        // JSON Lines: one record a line.
        Err(_) => text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .filter_map(|(i, line)| match serde_json::from_str::<Value>(line) {
                Ok(v) => Some((format!(": line {}", i + 1), v)),
                Err(e) => {
                    warnings.push(format!(
                        "{file}: line {}: {}; record skipped",
                        i + 1,
                        super::json_error("", &e).trim_start_matches(": ")
                    ));
                    None
                }
            })
            .collect(),
    };
    let stem = super::slug(file_stem(file));
    let several = records.len() > 1;
    let mut docs = Vec::new();
    for (n, (at, record)) in records.into_iter().enumerate() {
        let name = format!("{file}{at}");
        let field = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| record.get(*k).and_then(Value::as_str))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let Some(body) = field(&["maintext", "text", "raw_text"]) else {
            warnings.push(format!("{name}: no text; record skipped"));
            continue;
        };
        // "2023-03-20 14:05:00" and "2023-03-20T14:05:00Z" are dated by day.
        let published = field(&["date_publish", "date", "published", "date_modify"])
            .map(|d| d.chars().take(10).collect::<String>())
            .filter(|d| PartialDate::parse(d).is_ok());
        let url = field(&["url"]);
        let record_meta = Meta {
            id: meta.id.clone().filter(|_| !several).or_else(|| {
                Some(if several {
                    format!("{stem}-{}", n + 1)
                } else {
                    stem.clone()
                })
            }),
            title: field(&["title"]).or_else(|| meta.title.clone()),
            source: field(&["source_domain", "sitename", "hostname", "source"])
                .or_else(|| meta.source.clone()),
            published: published.or_else(|| meta.published.clone()),
            url: url.or_else(|| meta.url.clone()),
            language: field(&["language"]).or_else(|| meta.language.clone()),
        };
        match record_meta.document(&name, None, body) {
            Ok(doc) => docs.push(doc),
            Err(e) => warnings.push(format!("{e}; record skipped")),
        }
    }
    if docs.is_empty() {
        return Err(format!("{file}: no record could be read"));
    }
    Ok((docs, warnings))
}

/// TimelineJS JSON: every slide in `events` becomes a paragraph of one
/// document and an event dated by its `start_date` and `end_date`, with the
/// paragraph as evidence. Without a publication date, the latest slide's
/// date stands in, with a warning.
pub fn timelinejs(json: &str, file: &str, meta: &Meta) -> Result<(Document, Vec<String>), String> {
    let value: Value = serde_json::from_str(json).map_err(|e| super::json_error(file, &e))?;
    let slides = value
        .get("events")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{file}: no \"events\" array"))?;
    let mut warnings = Vec::new();
    let mut entries = Vec::new();
    for (i, slide) in slides.iter().enumerate() {
        let Some(start) = slide.get("start_date").and_then(timeline_date) else {
            warnings.push(format!("{file}: events[{i}]: no valid start_date, skipped"));
            continue;
        };
        let field = |k: &str| {
            slide
                .get("text")
                .and_then(|t| t.get(k))
                .and_then(Value::as_str)
                .map(strip_html)
                .unwrap_or_default()
        };
        entries.push(TimelineEntry {
            label: format!("events[{i}]"),
            start,
            end: slide.get("end_date").and_then(timeline_date),
            headline: field("headline"),
            body: field("text"),
            given: Given {
                group: slide
                    .get("group")
                    .and_then(Value::as_str)
                    .map(strip_html)
                    .filter(|g| !g.is_empty()),
                ..Given::default()
            },
        });
    }
    let title = value
        .get("title")
        .and_then(|t| t.get("text"))
        .and_then(|t| t.get("headline"))
        .and_then(Value::as_str)
        .map(strip_html);
    let (doc, more) = timeline_document(file, meta, title, entries)?;
    warnings.extend(more);
    Ok((doc, warnings))
}

/// One dated entry of a timeline (a TimelineJS slide or sheet row), before
/// it becomes a paragraph.
pub(crate) struct TimelineEntry {
    /// Where it is in its file, for warnings: `events[2]`, `row 5`.
    pub label: String,
    /// When it starts.
    pub start: PartialDate,
    /// When it ends, if it gives an end.
    pub end: Option<PartialDate>,
    /// Its headline, as text.
    pub headline: String,
    /// Its text, as text.
    pub body: String,
    /// What its cells say of the event.
    pub given: Given,
}

/// A timeline as one document: every entry a paragraph (headline, then
/// text) and an event over it, dated as the entry says. Without a
/// publication date, the latest entry's date stands in, with a warning.
pub(crate) fn timeline_document(
    file: &str,
    meta: &Meta,
    title: Option<String>,
    entries: Vec<TimelineEntry>,
) -> Result<(Document, Vec<String>), String> {
    let mut warnings = Vec::new();
    let mut text = String::new();
    let mut dated = Vec::new();
    for entry in entries {
        let TimelineEntry {
            label,
            start,
            end,
            headline,
            body,
            given,
        } = entry;
        let end = match end {
            Some(e) if e.first_day() < start.first_day() => {
                warnings.push(format!(
                    "{file}: {label}: ends before it starts, end left out"
                ));
                None
            }
            e => e,
        };
        let paragraph = match (headline.is_empty(), body.is_empty()) {
            (true, true) => {
                warnings.push(format!("{file}: {label}: no headline or text, skipped"));
                continue;
            }
            (false, true) => headline,
            (true, false) => body,
            (false, false) if headline.ends_with(['.', '!', '?']) => format!("{headline} {body}"),
            (false, false) => format!("{headline}. {body}"),
        };
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let from = text.chars().count();
        text.push_str(&paragraph);
        dated.push(Slide {
            start: from,
            end: text.chars().count(),
            dates: DateRange { start, end },
            given,
        });
    }
    let mut meta = meta.clone();
    if meta.published.is_none() {
        if let Some(latest) = dated
            .iter()
            .map(|s| s.dates.end.unwrap_or(s.dates.start))
            .max_by_key(PartialDate::last_day)
        {
            warnings.push(format!(
                "{file}: no publication date given; the latest entry's date, {latest}, stands in"
            ));
            meta.published = Some(latest.to_string());
        }
    }
    let title = title.or_else(|| Some(file_stem(file).to_string()));
    let mut doc = meta.document(file, title, text)?;
    doc.slides = dated;
    Ok((doc, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated() -> Meta {
        Meta {
            published: Some("2023-03-22".into()),
            ..Meta::default()
        }
    }

    #[test]
    fn a_wire_item_loses_its_credit_line_and_keeps_paragraphs() {
        let doc = wire(
            "Xi arrives in Moscow\n\nChinese President Xi Jinping arrived\nin Moscow on Monday.\n\nHe was met at the airport.\n\n–The Meridian news exchange item\n",
            "wire/xi.txt",
            &dated(),
        )
        .unwrap();
        assert_eq!(doc.title, "Xi arrives in Moscow");
        assert_eq!(doc.text, "Chinese President Xi Jinping arrived in Moscow on Monday.\n\nHe was met at the airport.");
        assert_eq!(doc.source, "Meridian news exchange item");
        assert_eq!(doc.id, "xi");
        assert_eq!(doc.published.to_string(), "2023-03-22");
    }

    #[test]
    fn missing_dates_and_bad_dates_say_which_file() {
        assert_eq!(
            wire("T\n\nBody.", "a.txt", &Meta::default()).unwrap_err(),
            "a.txt: no publication date (give `published:` in a sidecar file or front matter, or a default)"
        );
        let meta = Meta {
            published: Some("2023-02-30".into()),
            ..Meta::default()
        };
        assert_eq!(
            wire("T\n\nBody.", "a.txt", &meta).unwrap_err(),
            "a.txt: publication date \"2023-02-30\": day 30 does not exist in a month of 28 days"
        );
    }

    #[test]
    fn markdown_front_matter_and_inline_markup() {
        let (doc, warnings) = markdown(
            "---\ntitle: Talks in Bali\ndate: 2022-11-14\nsource: Harbour Line\nurl: https://example.org/bali\nmood: calm\n---\n# Background\n\nThe **leaders** met in [Bali](https://example.org).\n- A list item ![photo](x.png)\n",
            "bali.md",
            &Meta::default(),
        )
        .unwrap();
        assert_eq!(doc.title, "Talks in Bali");
        assert_eq!(doc.source, "Harbour Line");
        assert_eq!(doc.url.as_deref(), Some("https://example.org/bali"));
        assert_eq!(
            doc.text,
            "Background\n\nThe leaders met in Bali. A list item"
        );
        assert_eq!(warnings, ["bali.md: line 5: unknown key `mood`"]);
    }

    #[test]
    fn displacy_entities_map_to_kinds() {
        let (docs, warnings) = displacy(
            r#"{"text": "Xi met Putin in Moscow on Monday.", "title": "Talks",
                "ents": [{"start": 0, "end": 2, "label": "PERSON"}, {"start": 7, "end": 12, "label": "PERSON"},
                         {"start": 16, "end": 22, "label": "GPE"}, {"start": 26, "end": 32, "label": "DATE"},
                         {"start": 1, "label": "ORG"}]}"#,
            "talks.json",
            &dated(),
        )
        .unwrap();
        let given = docs[0].given.as_ref().unwrap();
        let kinds: Vec<_> = given.iter().map(|g| (g.start, g.end, g.kind)).collect();
        assert_eq!(
            kinds,
            [
                (0, 2, EntityKind::Person),
                (7, 12, EntityKind::Person),
                (16, 22, EntityKind::Place)
            ]
        );
        assert_eq!(
            warnings,
            ["talks.json: ents[4]: needs \"start\", \"end\" and \"label\", skipped"]
        );
    }

    #[test]
    fn timelinejs_slides_become_dated_paragraphs() {
        let (doc, warnings) = timelinejs(
            r#"{"title": {"text": {"headline": "Visits"}}, "events": [
                {"start_date": {"year": "2013", "month": "3", "day": "22"}, "end_date": {"year": 2013, "month": 3, "day": 24},
                 "text": {"headline": "Xi in Moscow", "text": "<p>First visit &amp; talks.</p>"}},
                {"start_date": {"year": 2019}, "text": {"headline": "Another visit"}},
                {"start_date": {"year": 2019, "month": 2, "day": 30}, "text": {"headline": "Bad"}}
            ]}"#,
            "visits.json",
            &Meta::default(),
        )
        .unwrap();
        assert_eq!(doc.title, "Visits");
        assert_eq!(
            doc.text,
            "Xi in Moscow. First visit & talks.\n\nAnother visit"
        );
        assert_eq!(doc.slides.len(), 2);
        assert_eq!(doc.slides[0].dates.end.unwrap().to_string(), "2013-03-24");
        assert_eq!(doc.slides[1].dates.start.to_string(), "2019");
        assert_eq!(doc.published.to_string(), "2019");
        assert_eq!(
            warnings,
            [
                "visits.json: events[2]: no valid start_date, skipped",
                "visits.json: no publication date given; the latest entry's date, 2019, stands in",
            ]
        );
    }

    #[test]
    fn scraper_records_become_documents() {
        let trafilatura = r#"{"title": "Leaders meet", "date": "2024-05-16", "text": "Vladimir Putin met Xi Jinping in Beijing.", "url": "https://news.example/a", "hostname": "news.example"}"#;
        let value: Value = serde_json::from_str(trafilatura).unwrap();
        assert!(is_scraped(&value));
        let (docs, warnings) = scraped(trafilatura, "a.json", &Meta::default()).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(docs[0].source, "news.example");
        assert_eq!(docs[0].published.to_string(), "2024-05-16");
        assert_eq!(docs[0].id, "a");
        let lines = concat!(
            r#"{"title": "Talks", "maintext": "The two ministers met.", "date_publish": "2023-03-20 14:05:00", "source_domain": "wire.example", "url": "https://wire.example/1", "language": "en"}"#,
            "\n{not json\n",
            r#"{"title": "No date", "maintext": "Undated text."}"#,
            "\n"
        );
        let (docs, warnings) = scraped(lines, "dump.jsonl", &Meta::default()).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].published.to_string(), "2023-03-20");
        assert_eq!(docs[0].source, "wire.example");
        assert_eq!(docs[0].id, "dump-1");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].starts_with("dump.jsonl: line 2: line 1, column 2"),
            "{}",
            warnings[0]
        );
        assert!(
            warnings[1].contains("no publication date"),
            "{}",
            warnings[1]
        );
        // displaCy and TimelineJS files are not scraper output.
        let displacy: Value = serde_json::from_str(r#"{"text": "x", "ents": []}"#).unwrap();
        assert!(!is_scraped(&displacy));
    }
}
