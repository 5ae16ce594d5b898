//! The readable source form of a corpus (see `corpus/README.md`): one text file
//! per article with inline mention markup and event blocks, compiled here into
//! the file format. The bundled corpus is written this way so that a person can
//! review every sentence, mention and event.
//!
//! Invariant: compiling never panics; every problem is reported with its file
//! and line.

use std::collections::BTreeMap;
use std::fmt;

use super::format::*;
use crate::offsets::TextOffsets;

/// A problem in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    /// The file name.
    pub file: String,
    /// 1-based line, or 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Compiles a whole corpus: the entities file and every article file, given as
/// `(file name, contents)` pairs.
pub fn compile(
    title: &str,
    entities_json: &str,
    files: &[(String, String)],
) -> Result<CorpusFile, Vec<SourceError>> {
    let mut errors = Vec::new();
    let entities: Vec<EntityRecord> = serde_json::from_str(entities_json).unwrap_or_else(|e| {
        errors.push(SourceError {
            file: "entities.json".into(),
            line: e.line(),
            message: e.to_string(),
        });
        Vec::new()
    });
    let mut articles = Vec::new();
    let mut mentions = Vec::new();
    let mut events: BTreeMap<String, (String, EventRecord)> = BTreeMap::new();
    let mut extra: Vec<(String, usize, String, EvidenceRecord)> = Vec::new();
    for (name, text) in files {
        match compile_article(name, text) {
            Ok(c) => {
                articles.push(c.article);
                mentions.extend(c.mentions);
                for (line, event) in c.events {
                    if events.contains_key(&event.id) {
                        errors.push(SourceError {
                            file: name.clone(),
                            line,
                            message: format!("event \"{}\" is defined twice", event.id),
                        });
                    } else {
                        events.insert(event.id.clone(), (name.clone(), event));
                    }
                }
                for (line, id, evidence) in c.extra_evidence {
                    extra.push((name.clone(), line, id, evidence));
                }
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    for (file, line, id, evidence) in extra {
        match events.get_mut(&id) {
            Some((_, event)) => event.evidence.push(evidence),
            None => errors.push(SourceError {
                file,
                line,
                message: format!("@evidence for undefined event \"{id}\""),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    crate::sort::sort_by(&mut articles, |a, b| {
        (&a.published, &a.id).cmp(&(&b.published, &b.id))
    });
    let mut events: Vec<EventRecord> = events.into_values().map(|(_, e)| e).collect();
    crate::sort::sort_by(&mut events, |a, b| {
        (&a.start, &a.id).cmp(&(&b.start, &b.id))
    });
    Ok(CorpusFile {
        format: FORMAT_NAME.to_string(),
        version: FORMAT_VERSION,
        title: Some(title.to_string()),
        articles,
        entities,
        mentions,
        events,
    })
}

/// One compiled article file.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledArticle {
    /// The article record.
    pub article: ArticleRecord,
    /// Its mentions, in text order.
    pub mentions: Vec<MentionRecord>,
    /// Events it defines, with the line of their `@event`.
    pub events: Vec<(usize, EventRecord)>,
    /// Evidence it adds to events defined elsewhere: line, event id, span.
    pub extra_evidence: Vec<(usize, String, EvidenceRecord)>,
}

/// Compiles one article file.
pub fn compile_article(file: &str, source: &str) -> Result<CompiledArticle, Vec<SourceError>> {
    let mut errors = Vec::new();
    let err = |line: usize, message: String| SourceError {
        file: file.to_string(),
        line,
        message,
    };
    let lines: Vec<&str> = source.lines().collect();

    // Header.
    let mut header = BTreeMap::new();
    let mut i = 0;
    while i < lines.len() && !lines[i].trim().is_empty() {
        match lines[i].split_once(':') {
            Some((k, v)) => {
                header.insert(k.trim().to_string(), v.trim().to_string());
            }
            None => errors.push(err(
                i + 1,
                format!("header line without \"key: value\": {}", lines[i]),
            )),
        }
        i += 1;
    }
    let mut field = |key: &str| {
        header.get(key).cloned().unwrap_or_else(|| {
            errors.push(err(1, format!("header has no \"{key}\"")));
            String::new()
        })
    };
    let id = field("id");
    let title = field("title");
    let source_name = field("source");
    let published = field("published");
    let language = field("language");
    let url = header.get("url").cloned();

    // Body: paragraphs up to the first line starting with '@'.
    let mut paragraphs: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut current: Vec<(usize, &str)> = Vec::new();
    while i < lines.len() && !lines[i].starts_with('@') {
        let line = lines[i].trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push((i + 1, line));
        }
        i += 1;
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    let mut text = String::new();
    let mut marks: Vec<(usize, usize, String)> = Vec::new(); // byte start, byte end, entity
    for (p, paragraph) in paragraphs.iter().enumerate() {
        if p > 0 {
            text.push_str("\n\n");
        }
        for (l, (line_no, line)) in paragraph.iter().enumerate() {
            if l > 0 {
                text.push(' ');
            }
            if let Err(message) = append_marked(line, &mut text, &mut marks) {
                errors.push(err(*line_no, message));
            }
        }
    }
    let offsets = TextOffsets::new(&text);
    let cp = |byte: usize| offsets.char_of_byte(byte).unwrap_or(0) as u64;
    let mentions = marks
        .iter()
        .map(|(s, e, entity)| MentionRecord {
            article: id.clone(),
            start: cp(*s),
            end: cp(*e),
            entity: entity.clone(),
        })
        .collect();

    // Event blocks.
    let mut events = Vec::new();
    let mut extra_evidence = Vec::new();
    while i < lines.len() {
        let head_line = i + 1;
        let head = lines[i].trim();
        i += 1;
        let mut fields: Vec<(usize, String, String)> = Vec::new();
        while i < lines.len() && !lines[i].starts_with('@') {
            let line = lines[i].trim();
            if !line.is_empty() {
                match line.split_once(':') {
                    Some((k, v)) => {
                        fields.push((i + 1, k.trim().to_string(), v.trim().to_string()))
                    }
                    None => errors.push(err(i + 1, format!("expected \"key: value\": {line}"))),
                }
            }
            i += 1;
        }
        let mut evidence = Vec::new();
        for (line, key, value) in fields.iter().filter(|f| f.1 == "evidence") {
            let _ = key;
            match sentence_around(&text, value) {
                Ok((s, e)) => evidence.push(EvidenceRecord {
                    article: id.clone(),
                    start: cp(s),
                    end: cp(e),
                }),
                Err(message) => errors.push(err(*line, message)),
            }
        }
        if evidence.is_empty() {
            errors.push(err(head_line, "block has no usable evidence".to_string()));
        }
        if let Some(event_id) = head.strip_prefix("@evidence ") {
            for e in evidence {
                extra_evidence.push((head_line, event_id.trim().to_string(), e));
            }
            continue;
        }
        let Some(event_id) = head.strip_prefix("@event ") else {
            errors.push(err(
                head_line,
                format!("expected @event or @evidence: {head}"),
            ));
            continue;
        };
        let get = |key: &str| fields.iter().find(|f| f.1 == key).map(|f| f.2.clone());
        let list = |key: &str| -> Vec<String> {
            get(key)
                .map(|v| {
                    v.split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        for required in ["kind", "start", "summary"] {
            if get(required).is_none() {
                errors.push(err(head_line, format!("event has no \"{required}\"")));
            }
        }
        events.push((
            head_line,
            EventRecord {
                id: event_id.trim().to_string(),
                kind: get("kind").unwrap_or_default(),
                start: get("start").unwrap_or_default(),
                end: get("end"),
                participants: list("participants"),
                host: get("host"),
                place: get("place"),
                summary: get("summary").unwrap_or_default(),
                evidence,
                claims: fields
                    .iter()
                    .filter(|f| f.1 == "claim")
                    .map(|f| f.2.clone())
                    .collect(),
                status: get("status"),
                group: get("group"),
            },
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(CompiledArticle {
        article: ArticleRecord {
            id,
            title,
            source: source_name,
            url,
            published,
            language,
            text,
        },
        mentions,
        events,
        extra_evidence,
    })
}

/// Appends `line` to `text`, turning `[surface](entity)` into `surface` and a
/// mark over it.
fn append_marked(
    line: &str,
    text: &mut String,
    marks: &mut Vec<(usize, usize, String)>,
) -> Result<(), String> {
    let mut rest = line;
    while let Some(open) = rest.find(['[', '\\']) {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if rest[open..].starts_with('\\') {
            let mut chars = after.chars();
            match chars.next() {
                Some(c) => text.push(c),
                None => return Err("line ends with a lone backslash".into()),
            }
            rest = chars.as_str();
            continue;
        }
        let close = after.find("](").ok_or("\"[\" without \"](entity)\"")?;
        let surface = &after[..close];
        if surface.contains('[') {
            return Err(format!("nested \"[\" in mention \"{surface}\""));
        }
        let tail = &after[close + 2..];
        let end = tail.find(')').ok_or("mention without closing \")\"")?;
        let entity = tail[..end].trim();
        if entity.is_empty() || surface.is_empty() {
            return Err("empty mention or entity id".into());
        }
        let start = text.len();
        text.push_str(surface);
        marks.push((start, text.len(), entity.to_string()));
        rest = &tail[end + 1..];
    }
    text.push_str(rest);
    Ok(())
}

/// The byte span of the sentence of `text` holding `phrase`, which must occur
/// exactly once.
pub fn sentence_around(text: &str, phrase: &str) -> Result<(usize, usize), String> {
    let mut found = text.match_indices(phrase);
    let Some((at, _)) = found.next() else {
        return Err(format!(
            "evidence phrase not found in the text: \"{phrase}\""
        ));
    };
    if found.next().is_some() {
        return Err(format!(
            "evidence phrase occurs more than once: \"{phrase}\""
        ));
    }
    let is_end = |i: usize| -> Option<usize> {
        // A sentence ends after . ! or ? (and any closing quotes) before a space,
        // a line break or the end of the text.
        let c = text[i..].chars().next()?;
        if !matches!(c, '.' | '!' | '?') {
            return None;
        }
        let mut j = i + c.len_utf8();
        while let Some(q) = text[j..]
            .chars()
            .next()
            .filter(|q| matches!(q, '"' | '\'' | '”' | '’' | ')'))
        {
            j += q.len_utf8();
        }
        match text[j..].chars().next() {
            None | Some(' ' | '\n') => Some(j),
            _ => None,
        }
    };
    let mut start = 0;
    for (i, _) in text[..at].char_indices() {
        if let Some(j) = is_end(i) {
            start = j;
        }
        if text[i..].starts_with("\n\n") {
            start = i + 2;
        }
    }
    while text[start..].starts_with([' ', '\n']) {
        start += 1;
    }
    let mut end = text.len();
    for (i, _) in text[at..].char_indices().map(|(i, c)| (i + at, c)) {
        if i >= at + phrase.len() {
            if text[i..].starts_with("\n\n") {
                end = i;
                break;
            }
            if let Some(j) = is_end(i) {
                end = j;
                break;
            }
        }
    }
    Ok((start, end))
}

/// The title given to the bundled corpus.
pub const BUNDLED_TITLE: &str = "Diplomatic visits and meetings, 2013–2024";

/// Reads `dir/entities.json` and `dir/articles/*.txt` and compiles them to the
/// JSON text of a corpus file (pretty-printed, with a final newline).
pub fn compile_dir(dir: &std::path::Path) -> Result<String, Vec<SourceError>> {
    let io = |file: &std::path::Path, e: std::io::Error| {
        vec![SourceError {
            file: file.display().to_string(),
            line: 0,
            message: e.to_string(),
        }]
    };
    let entities_path = dir.join("entities.json");
    let entities = std::fs::read_to_string(&entities_path).map_err(|e| io(&entities_path, e))?;
    let articles_dir = dir.join("articles");
    let mut names: Vec<_> = std::fs::read_dir(&articles_dir)
        .map_err(|e| io(&articles_dir, e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    crate::sort::sort(&mut names);
    let mut files = Vec::with_capacity(names.len());
    for path in names {
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        files.push((name, text));
    }
    let file = compile(BUNDLED_TITLE, &entities, &files)?;
    let mut json = serde_json::to_string_pretty(&file).map_err(|e| {
        vec![SourceError {
            file: dir.display().to_string(),
            line: 0,
            message: e.to_string(),
        }]
    })?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "id: a1\ntitle: T\nsource: S\npublished: 2023-03-20\nlanguage: en\n\n\
[Xi Jinping](xi) (习近平) met [Vladimir Putin](putin) in\n[Moscow](moscow). They \\[again\\] spoke.\n\n\
Later talks \"went well.\" Done.\n\n\
@event e1\nkind: 042\nstart: 2023-03-20\nend: 2023-03-22\nparticipants: xi, putin\nhost: russia\n\
summary: A visit.\nevidence: met Vladimir Putin\nclaim: about 40 meetings\n\n\
@evidence e0\nevidence: went well\n";

    #[test]
    fn compiles_markup_spans_and_sentences() {
        let c = compile_article("a1.txt", SOURCE).unwrap();
        let text = &c.article.text;
        assert_eq!(
            text,
            "Xi Jinping (习近平) met Vladimir Putin in Moscow. They [again] spoke.\n\nLater talks \"went well.\" Done."
        );
        let chars: Vec<char> = text.chars().collect();
        let cut = |s: u64, e: u64| chars[s as usize..e as usize].iter().collect::<String>();
        let m: Vec<_> = c
            .mentions
            .iter()
            .map(|m| (cut(m.start, m.end), m.entity.as_str()))
            .collect();
        assert_eq!(
            m,
            [
                ("Xi Jinping".into(), "xi"),
                ("Vladimir Putin".into(), "putin"),
                ("Moscow".into(), "moscow")
            ]
        );
        let (_, event) = &c.events[0];
        assert_eq!(event.participants, ["xi", "putin"]);
        assert_eq!(event.claims, ["about 40 meetings"]);
        let ev = &event.evidence[0];
        assert_eq!(
            cut(ev.start, ev.end),
            "Xi Jinping (习近平) met Vladimir Putin in Moscow."
        );
        let (_, id, extra) = &c.extra_evidence[0];
        assert_eq!(id, "e0");
        assert_eq!(cut(extra.start, extra.end), "Later talks \"went well.\"");
    }

    #[test]
    fn reports_problems_with_file_and_line() {
        let bad = SOURCE.replace("evidence: met Vladimir Putin", "evidence: not in the text");
        let errors = compile_article("a1.txt", &bad).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "a1.txt:19: evidence phrase not found in the text: \"not in the text\""
        );
        let errors = compile_article("b.txt", "id: b\n\n[open](x\n").unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.to_string().starts_with("b.txt:3: mention without")),
            "{errors:?}"
        );
    }

    #[test]
    fn evidence_for_an_undefined_event_is_an_error() {
        let errors = compile("t", "[]", &[("a1.txt".into(), SOURCE.into())]).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "a1.txt:22: @evidence for undefined event \"e0\""
        );
    }
}
