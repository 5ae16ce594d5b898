//! Full-text search over article titles and texts: an inverted index built once
//! at load, Unicode-aware tokens folded for case and common diacritics, prefix
//! matching for the word being typed, and ranked results with hit spans.
//!
//! Invariant: hit spans are code-point spans of the article's title or text,
//! so they feed [`crate::highlight`] directly.

use std::collections::HashMap;

use explorer_corpus::{ArticleIx, Corpus, Span};

/// Which part of an article a hit is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The headline.
    Title,
    /// The body text.
    Text,
}

/// One article's occurrences of one term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posting {
    article: ArticleIx,
    /// Occurrences in the title and in the text (saturating).
    title: u16,
    text: u16,
}

/// The search index of one corpus. It keeps one posting per term and
/// article, not per occurrence: hit positions are found again in the one
/// article being read ([`match_spans`]), which keeps the index small.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Folded terms in sorted order, for prefix ranges.
    terms: Vec<Box<str>>,
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
}

/// Builds an [`Index`] an article at a time, so a caller can spread the work
/// over several short tasks.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    map: HashMap<Box<str>, Vec<Posting>>,
    next: usize,
}

impl IndexBuilder {
    /// An empty builder, starting at the first article.
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// How many articles are indexed so far.
    pub fn indexed(&self) -> usize {
        self.next
    }

    /// Indexes the next article of `corpus`; false when none is left, or
    /// when the next one's text has not arrived yet (articles are indexed in
    /// order).
    pub fn add_next(&mut self, corpus: &Corpus) -> bool {
        let Some(article) = corpus.articles.get(self.next) else {
            return false;
        };
        let Some(body) = article.body() else {
            return false;
        };
        let ix = ArticleIx(self.next as u32);
        for (title, text) in [(true, article.title.as_str()), (false, body.text.as_str())] {
            for_each_token(text, |term, _| {
                let postings = match self.map.get_mut(term) {
                    Some(p) => p,
                    None => self.map.entry(term.into()).or_default(),
                };
                if postings.last().is_none_or(|p| p.article != ix) {
                    postings.push(Posting {
                        article: ix,
                        title: 0,
                        text: 0,
                    });
                }
                if let Some(p) = postings.last_mut() {
                    let n = if title { &mut p.title } else { &mut p.text };
                    *n = n.saturating_add(1);
                }
            });
        }
        self.next += 1;
        true
    }

    /// Passes over the next article, whose text will never come.
    pub fn skip_next(&mut self) {
        self.next += 1;
    }

    /// The finished index over the articles added. Its posting lists still
    /// have the spare room they grew with; [`Index::compact`] returns it.
    pub fn finish(self) -> Index {
        let mut entries: Vec<(Box<str>, Vec<Posting>)> = self.map.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (terms, postings) = entries.into_iter().unzip();
        Index {
            terms,
            postings,
            articles: self.next,
        }
    }
}

impl Index {
    /// Indexes every article's title and text at once.
    pub fn build(corpus: &Corpus) -> Index {
        let mut builder = IndexBuilder::new();
        while builder.add_next(corpus) {}
        let mut index = builder.finish();
        index.compact(0, || true);
        index
    }

    /// Returns the spare room of the posting lists from number `from` on,
    /// while `go_on()` says so (checked every 64 lists); gives the number to
    /// continue from, or `None` when all are done. Shrinking copies the
    /// lists, so a page does it a slice at a time.
    pub fn compact(&mut self, from: usize, mut go_on: impl FnMut() -> bool) -> Option<usize> {
        let mut i = from;
        while i < self.postings.len() {
            let end = (i + 64).min(self.postings.len());
            for p in &mut self.postings[i..end] {
                p.shrink_to_fit();
            }
            i = end;
            if i < self.postings.len() && !go_on() {
                return Some(i);
            }
        }
        None
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
        // Dense per-article tallies: score so far and words matched.
        let mut score = vec![0.0f64; self.articles];
        let mut matched = vec![0u16; self.articles];
        let mut word_score = vec![0.0f64; self.articles];
        let mut touched: Vec<u32> = Vec::new();
        for (w, word) in words.iter().enumerate() {
            let matching = if prefix_last && w == words.len() - 1 {
                self.prefix_range(word)
            } else {
                self.exact(word)
            };
            touched.clear();
            for t in matching {
                let postings = &self.postings[t];
                let idf = ((self.articles as f64 + 1.0) / (postings.len() as f64 + 0.5)).ln() + 1.0;
                // An exact term outranks a longer word it is a prefix of.
                let closeness = word.chars().count() as f64 / self.terms[t].chars().count() as f64;
                for p in postings {
                    let a = p.article.0 as usize;
                    if word_score[a] == 0.0 {
                        touched.push(p.article.0);
                    }
                    let weight = 3.0 * f64::from(p.title) + f64::from(p.text);
                    word_score[a] += idf * weight * closeness;
                }
            }
            for &a in &touched {
                let a = a as usize;
                score[a] += word_score[a].ln_1p();
                matched[a] += 1;
                word_score[a] = 0.0;
            }
        }
        let all = words.len() as u16;
        let mut hits: Vec<Hit> = matched
            .iter()
            .enumerate()
            .filter(|(_, &m)| m == all)
            .map(|(a, _)| Hit {
                article: ArticleIx(a as u32),
                score: score[a],
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.article.cmp(&b.article)));
        hits
    }

    fn exact(&self, word: &str) -> std::ops::Range<usize> {
        match self.terms.binary_search_by(|t| (**t).cmp(word)) {
            Ok(i) => i..i + 1,
            Err(i) => i..i,
        }
    }

    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let from = self.terms.partition_point(|t| &**t < prefix);
        let to = from + self.terms[from..].partition_point(|t| t.starts_with(prefix));
        from..to
    }

    /// How many distinct terms the index holds.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }
}

/// Where the words of `query` occur in `text`, matched as [`Index::search`]
/// matches them (the last word as a prefix while it is being typed).
pub fn match_spans(text: &str, query: &str) -> Vec<Span> {
    let words: Vec<String> = tokens(query).into_iter().map(|(t, _)| t).collect();
    let Some(last) = words.last() else {
        return Vec::new();
    };
    let prefix_last = !query.ends_with(char::is_whitespace);
    let mut spans = Vec::new();
    for_each_token(text, |term, span| {
        if words.iter().any(|w| w == term) || (prefix_last && term.starts_with(last.as_str())) {
            spans.push(span);
        }
    });
    spans
}

/// Splits `text` into folded terms with their code-point spans. Letters and
/// digits make words; each Han, Hiragana, Katakana or Hangul character is a
/// word of its own, since those scripts do not separate words with spaces.
pub fn tokens(text: &str) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for_each_token(text, |term, span| out.push((term.to_string(), span)));
    out
}

/// Calls `f` with each folded term of `text` and its span, reusing one buffer.
fn for_each_token(text: &str, mut f: impl FnMut(&str, Span)) {
    let mut word = String::new();
    let mut start = 0u32;
    let mut flush = |word: &mut String, start: u32, end: u32| {
        if !word.is_empty() {
            f(word, Span { start, end });
            word.clear();
        }
    };
    let mut i = 0u32;
    for c in text.chars() {
        if is_ideographic(c) {
            flush(&mut word, start, i);
            fold_into(c, &mut word);
            flush(&mut word, i, i + 1);
        } else if c.is_alphanumeric() || (is_mark(c) && !word.is_empty()) {
            if word.is_empty() {
                start = i;
            }
            fold_into(c, &mut word);
        } else {
            flush(&mut word, start, i);
        }
        i += 1;
    }
    flush(&mut word, start, i);
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
    use explorer_corpus::load;

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
        let first = &c.articles[0];
        assert_eq!(
            match_spans(&first.title, "geneva"),
            [Span { start: 10, end: 16 }]
        );
        assert_eq!(
            match_spans(first.text(), "geneva"),
            [Span { start: 19, end: 25 }]
        );
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
        assert_eq!(match_spans(c.articles[0].text(), "习近平").len(), 3);
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;
    use explorer_corpus::load;

    #[test]
    fn built_in_steps_equals_built_at_once() {
        let corpus = explorer_corpus::bundled();
        let whole = Index::build(&corpus);
        let mut builder = IndexBuilder::new();
        let mut steps = 0;
        while builder.add_next(&corpus) {
            steps += 1;
        }
        assert_eq!(steps, corpus.articles.len());
        assert_eq!(builder.indexed(), corpus.articles.len());
        let mut stepped = builder.finish();
        let (mut at, mut slices) = (Some(0), 0);
        while let Some(from) = at {
            at = stepped.compact(from, || false);
            slices += 1;
        }
        assert_eq!(slices, stepped.term_count().div_ceil(64));
        assert_eq!(stepped.term_count(), whole.term_count());
        for q in ["putin", "xi jin", "state visit", "moscow "] {
            assert_eq!(stepped.search(q), whole.search(q), "query {q:?}");
            assert!(!whole.search(q).is_empty(), "query {q:?} finds nothing");
        }
    }

    #[test]
    fn repeated_words_rank_higher_and_spans_follow_the_typing() {
        let json = serde_json::json!({
            "format": "article-explorer/corpus", "version": 1,
            "articles": [
                {"id": "a", "title": "t", "source": "s", "published": "2020", "language": "en",
                 "text": "Talks, talks and more talks."},
                {"id": "b", "title": "t", "source": "s", "published": "2020", "language": "en",
                 "text": "Brief talks."}
            ]
        });
        let c = load(&json.to_string()).unwrap().corpus;
        let hits = Index::build(&c).search("talks");
        assert_eq!(hits.iter().map(|h| h.article.0).collect::<Vec<_>>(), [0, 1]);
        assert!(hits[0].score > hits[1].score);
        assert_eq!(match_spans("Talks, talkative", "tal").len(), 2);
        assert_eq!(match_spans("Talks, talkative", "talks ").len(), 1);
        assert!(match_spans("Talks", "").is_empty());
    }
}
