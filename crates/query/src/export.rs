//! Export of events as CSV (RFC 4180) and as JSON, for spreadsheets and scripts.
//!
//! Invariant: every value is quoted as its format needs, so text from a corpus
//! can never break a row or a field. Spreadsheet formula prefixes are neutralised.

use serde::Serialize;

use crate::facets;
use explorer_corpus::{Corpus, EventIx};

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    kind: &'a str,
    kind_label: &'a str,
    start: String,
    end: Option<String>,
    participants: Vec<&'a str>,
    host: Option<&'a str>,
    place: Option<&'a str>,
    summary: &'a str,
    sources: Vec<&'a str>,
    evidence: Vec<Evidence<'a>>,
    claims: &'a [String],
}

#[derive(Serialize)]
struct Evidence<'a> {
    article: &'a str,
    title: &'a str,
    start: u32,
    end: u32,
    /// `None` when the article's text could not be read (a part of a split
    /// corpus that failed): the span still says where the evidence is.
    text: Option<&'a str>,
}

fn rows<'a>(corpus: &'a Corpus, events: &[EventIx]) -> Vec<Row<'a>> {
    events
        .iter()
        .map(|&ix| {
            let e = corpus.event(ix);
            let name = |x: explorer_corpus::EntityIx| corpus.entity(x).name.as_str();
            let (start, end) = e.dates.to_string_pair();
            Row {
                id: &e.id,
                kind: e.kind.code(),
                kind_label: e.kind.label(),
                start,
                end,
                participants: e.participants.iter().map(|&p| name(p)).collect(),
                host: e.host.map(name),
                place: e.place.map(name),
                summary: &e.summary,
                sources: facets::sources(corpus, e),
                evidence: e
                    .evidence
                    .iter()
                    .map(|ev| {
                        let a = corpus.article(ev.article);
                        Evidence {
                            article: &a.id,
                            title: &a.title,
                            start: ev.span.start,
                            end: ev.span.end,
                            text: a.body().map(|_| a.slice(ev.span)),
                        }
                    })
                    .collect(),
                claims: &e.claims,
            }
        })
        .collect()
}

/// The events as a pretty-printed JSON array.
pub fn to_json(corpus: &Corpus, events: &[EventIx]) -> String {
    serde_json::to_string_pretty(&rows(corpus, events)).unwrap_or_else(|_| "[]".to_string())
}

/// The events as CSV with a header row; lists are joined with "; ", the
/// evidence sentences with " | ", and `evidence_spans` says where each one is
/// (`article:start-end`, in code points).
pub fn to_csv(corpus: &Corpus, events: &[EventIx]) -> String {
    let mut out = String::from(
        "id,kind,kind_label,start,end,participants,host,place,summary,sources,evidence,evidence_spans,claims\r\n",
    );
    for r in rows(corpus, events) {
        let evidence: Vec<&str> = r.evidence.iter().map(|e| e.text.unwrap_or("")).collect();
        let spans: Vec<String> = r
            .evidence
            .iter()
            .map(|e| format!("{}:{}-{}", e.article, e.start, e.end))
            .collect();
        let fields = [
            r.id.to_string(),
            r.kind.to_string(),
            r.kind_label.to_string(),
            r.start,
            r.end.unwrap_or_default(),
            r.participants.join("; "),
            r.host.unwrap_or_default().to_string(),
            r.place.unwrap_or_default().to_string(),
            r.summary.to_string(),
            r.sources.join("; "),
            evidence.join(" | "),
            spans.join("; "),
            r.claims.join("; "),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(value: &str) -> String {
    // A leading =, +, - or @ would run as a formula in a spreadsheet.
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) || value != value.trim() {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_corpus::load;

    fn corpus() -> Corpus {
        let text = r#"{"format":"article-explorer/corpus","version":1,
          "articles":[{"id":"a","title":"t","source":"Wire","published":"2023","language":"en","text":"He said \"yes, 40 times\"."}],
          "entities":[{"id":"xi","kind":"person","name":"Xi"},{"id":"ru","kind":"country","name":"Russia"}],
          "events":[{"id":"e1","kind":"042","start":"2023-03","participants":["xi"],"host":"ru","summary":"=cmd(), a \"visit\"","evidence":[{"article":"a","start":0,"end":24}],"claims":["40 meetings"]}]}"#;
        load(text).unwrap().corpus
    }

    #[test]
    fn csv_quotes_and_neutralises_formulas() {
        let c = corpus();
        let csv = to_csv(&c, &[EventIx(0)]);
        let lines: Vec<_> = csv.split("\r\n").collect();
        assert_eq!(
            lines[1],
            "e1,042,Visit,2023-03,,Xi,Russia,,\"'=cmd(), a \"\"visit\"\"\",Wire,\"He said \"\"yes, 40 times\"\".\",a:0-24,40 meetings"
        );
        assert_eq!(lines.len(), 3, "header, one row, final empty");
    }

    #[test]
    fn json_carries_evidence_text_and_precision() {
        let c = corpus();
        let json: serde_json::Value = serde_json::from_str(&to_json(&c, &[EventIx(0)])).unwrap();
        assert_eq!(json[0]["start"], "2023-03");
        assert_eq!(json[0]["end"], serde_json::Value::Null);
        assert_eq!(json[0]["evidence"][0]["text"], "He said \"yes, 40 times\".");
    }

    #[test]
    fn evidence_whose_text_was_not_read_keeps_its_span() {
        let whole = corpus();
        let c = Corpus {
            articles: whole
                .articles
                .iter()
                .map(|a| {
                    let meta = explorer_corpus::ArticleMeta {
                        id: a.id.clone(),
                        title: a.title.clone(),
                        source: a.source.clone(),
                        url: a.url.clone(),
                        published: a.published,
                        language: a.language.clone(),
                    };
                    explorer_corpus::Article::without_body(meta, a.length, Some(0))
                })
                .collect(),
            ..whole
        };
        let json: serde_json::Value = serde_json::from_str(&to_json(&c, &[EventIx(0)])).unwrap();
        assert_eq!(json[0]["evidence"][0]["text"], serde_json::Value::Null);
        assert_eq!(json[0]["evidence"][0]["end"], 24);
        let csv = to_csv(&c, &[EventIx(0)]);
        assert!(
            csv.split("\r\n")
                .nth(1)
                .unwrap()
                .ends_with(",,a:0-24,40 meetings"),
            "{csv}"
        );
    }
}
