//! Full-text search over article titles and texts: an inverted index built once
//! at load, Unicode-aware tokens folded for case and common diacritics, prefix
//! matching for the word being typed, and ranked results with hit spans.
//!
//! Invariant: hit spans are code-point spans of the article's title or text,
//! so they feed [`crate::highlight`] directly.

use std::collections::HashMap;

use crate::corpus::{ArticleIx, Corpus, Span};

/// Which part of an article a hit is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The headline.
    Title,
    /// The body text.
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posting {
    article: ArticleIx,
    field: Field,
    span: Span,
}

/// The search index of one corpus.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Folded terms in sorted order, for prefix ranges.
    terms: Vec<String>,
    /// Postings of `terms[i]`, in article order.
    postings: Vec<Vec<Posting>>,
    articles: usize,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The article.
    pub article: ArticleIx,
    /// Higher is better.
    pub score: f64,
    /// Where the query terms occur in the title.
    pub title_spans: Vec<Span>,
    /// Where they occur in the text.
    pub text_spans: Vec<Span>,
}

impl Index {
    /// Indexes every article's title and text.
    pub fn build(corpus: &Corpus) -> Index {
        let mut map: HashMap<String, Vec<Posting>> = HashMap::new();
        for (i, article) in corpus.articles.iter().enumerate() {
            let article_ix = ArticleIx(i as u32);
            for (field, text) in [(Field::Title, &article.title), (Field::Text, &article.text)] {
                for (term, span) in tokens(text) {
                    map.entry(term).or_default().push(Posting {
                        article: article_ix,
                        field,
                        span,
                    });
                }
            }
        }
        let mut entries: Vec<(String, Vec<Posting>)> = map.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let (terms, postings) = entries.into_iter().unzip();
        Index {
            terms,
            postings,
            articles: corpus.articles.len(),
        }
    }

    /// Articles holding every word of `query`, best first. The last word also
    /// matches as a prefix unless the query ends with a space, so results
    /// follow the user's typing.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let words: Vec<String> = tokens(query).into_iter().map(|(t, _)| t).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let prefix_last = !query.ends_with(char::is_whitespace);
        let mut per_article: HashMap<ArticleIx, (f64, Vec<Span>, Vec<Span>, usize)> =
            HashMap::new();
        for (w, word) in words.iter().enumerate() {
            let matching = if prefix_last && w == words.len() - 1 {
                self.prefix_range(word)
            } else {
                self.exact(word)
            };
            let mut seen_in: HashMap<ArticleIx, f64> = HashMap::new();
            for t in matching {
                let postings = &self.postings[t];
                let docs = count_articles(postings);
                let idf = ((self.articles as f64 + 1.0) / (docs as f64 + 0.5)).ln() + 1.0;
                // An exact term outranks a longer word it is a prefix of.
                let closeness = word.chars().count() as f64 / self.terms[t].chars().count() as f64;
                for p in postings {
                    let weight = match p.field {
                        Field::Title => 3.0,
                        Field::Text => 1.0,
                    };
                    *seen_in.entry(p.article).or_default() += idf * weight * closeness;
                    let entry = per_article.entry(p.article).or_default();
                    match p.field {
                        Field::Title => entry.1.push(p.span),
                        Field::Text => entry.2.push(p.span),
                    }
                }
            }
            for (article, score) in seen_in {
                let entry = per_article.entry(article).or_default();
                entry.0 += score.ln_1p();
                entry.3 += 1;
            }
        }
        let mut hits: Vec<Hit> = per_article
            .into_iter()
            .filter(|(_, e)| e.3 == words.len())
            .map(|(article, (score, mut title_spans, mut text_spans, _))| {
                title_spans.sort();
                title_spans.dedup();
                text_spans.sort();
                text_spans.dedup();
                Hit {
                    article,
                    score,
                    title_spans,
                    text_spans,
                }
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.article.cmp(&b.article)));
        hits
    }

    fn exact(&self, word: &str) -> std::ops::Range<usize> {
        match self.terms.binary_search_by(|t| t.as_str().cmp(word)) {
            Ok(i) => i..i + 1,
            Err(i) => i..i,
        }
    }

    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let from = self.terms.partition_point(|t| t.as_str() < prefix);
        let to = from + self.terms[from..].partition_point(|t| t.starts_with(prefix));
        from..to
    }

    /// How many distinct terms the index holds.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }
}

fn count_articles(postings: &[Posting]) -> usize {
    let mut n = 0;
    let mut last = None;
    for p in postings {
        if last != Some(p.article) {
            n += 1;
            last = Some(p.article);
        }
    }
    n
}

/// Splits `text` into folded terms with their code-point spans. Letters and
/// digits make words; each Han, Hiragana, Katakana or Hangul character is a
/// word of its own, since those scripts do not separate words with spaces.
pub fn tokens(text: &str) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut start = 0u32;
    let flush = |word: &mut String, start: u32, end: u32, out: &mut Vec<(String, Span)>| {
        if !word.is_empty() {
            out.push((std::mem::take(word), Span { start, end }));
        }
    };
    let mut i = 0u32;
    for c in text.chars() {
        if is_ideographic(c) {
            flush(&mut word, start, i, &mut out);
            fold_into(c, &mut word);
            flush(&mut word, i, i + 1, &mut out);
        } else if c.is_alphanumeric() || (is_mark(c) && !word.is_empty()) {
            if word.is_empty() {
                start = i;
            }
            fold_into(c, &mut word);
        } else {
            flush(&mut word, start, i, &mut out);
        }
        i += 1;
    }
    flush(&mut word, start, i, &mut out);
    out
}

fn is_ideographic(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Combining marks (accents written as separate code points): kept inside a
/// word but folded away.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x064B..=0x065F | 0x0670)
}

/// Appends `c` lower-cased and without its diacritics.
fn fold_into(c: char, out: &mut String) {
    if is_mark(c) {
        return;
    }
    for lower in c.to_lowercase() {
        match strip_diacritic(lower) {
            Some(plain) => out.push_str(plain),
            None => out.push(lower),
        }
    }
}

/// Latin letters with diacritics, mapped to their base letters. Covers
/// Latin-1 and Latin Extended-A, which hold the letters of European names.
fn strip_diacritic(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load;

    fn corpus(articles: &[(&str, &str)]) -> Corpus {
        let items: Vec<String> = articles
            .iter()
            .enumerate()
            .map(|(i, (title, text))| {
                serde_json::json!({"id": format!("a{i}"), "title": title, "source": "s",
                    "published": "2020", "language": "en", "text": text})
                .to_string()
            })
            .collect();
        let json = format!(
            r#"{{"format":"article-explorer/corpus","version":1,"articles":[{}]}}"#,
            items.join(",")
        );
        load(&json).unwrap().corpus
    }

    #[test]
    fn tokens_fold_case_and_diacritics_and_split_cjk() {
        let t: Vec<_> = tokens("Élysée talks: Xi (习近平) & Erdoğan, São Paulo 🤝 2019!")
            .into_iter()
            .map(|(w, s)| (w, s.start, s.end))
            .collect();
        assert_eq!(
            t,
            [
                ("elysee".into(), 0, 6),
                ("talks".into(), 7, 12),
                ("xi".into(), 14, 16),
                ("习".into(), 18, 19),
                ("近".into(), 19, 20),
                ("平".into(), 20, 21),
                ("erdogan".into(), 25, 32),
                ("sao".into(), 34, 37),
                ("paulo".into(), 38, 43),
                ("2019".into(), 46, 50),
            ]
        );
        // A combining accent stays inside its word and folds away.
        assert_eq!(
            tokens("Me\u{301}xico")[0],
            ("mexico".into(), Span { start: 0, end: 7 })
        );
    }

    #[test]
    fn ranks_title_hits_first_and_gives_spans() {
        let c = corpus(&[
            ("Summit in Geneva", "The leaders met in Geneva."),
            ("Trade news", "A note on Geneva talks."),
            ("Other", "Nothing here."),
        ]);
        let index = Index::build(&c);
        let hits = index.search("geneva");
        assert_eq!(hits.iter().map(|h| h.article.0).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(hits[0].title_spans, [Span { start: 10, end: 16 }]);
        assert_eq!(hits[0].text_spans, [Span { start: 19, end: 25 }]);
    }

    #[test]
    fn last_word_is_a_prefix_while_typing() {
        let c = corpus(&[("a", "Putin visited Beijing."), ("b", "Putin stayed home.")]);
        let index = Index::build(&c);
        assert_eq!(index.search("putin bei").len(), 1);
        assert_eq!(
            index.search("putin bei ").len(),
            0,
            "a finished word must match exactly"
        );
        assert_eq!(index.search("PUTIN").len(), 2);
        assert!(index.search("  ").is_empty());
        assert!(index.search("zzz").is_empty());
    }

    #[test]
    fn cjk_queries_match_character_runs() {
        let c = corpus(&[("a", "习近平访问俄罗斯"), ("b", "普京")]);
        let hits = Index::build(&c).search("习近平");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].text_spans.len(), 3);
    }
}
