//! Fuzzes highlight segmentation: arbitrary spans over an arbitrary length
//! always tile the text with segments that carry exactly their layers.
#![no_main]

use arbitrary::Arbitrary;
use explorer_corpus::Span;
use explorer_query::highlight::{segment, Layers};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    len: u16,
    mentions: Vec<(u16, u16)>,
    hits: Vec<(u16, u16)>,
    evidence: Option<(u16, u16)>,
}

fn span((a, b): (u16, u16)) -> Span {
    Span { start: u32::from(a), end: u32::from(b) }
}

fuzz_target!(|input: Input| {
    let len = u32::from(input.len);
    let mentions: Vec<Span> = input.mentions.iter().copied().map(span).collect();
    let hits: Vec<Span> = input.hits.iter().copied().map(span).collect();
    let evidence = input.evidence.map(span);
    let segments = segment(len, Layers { mentions: &mentions, hits: &hits, evidence });
    let mut at = 0;
    for s in &segments {
        assert_eq!(s.span.start, at);
        assert!(s.span.end > s.span.start);
        at = s.span.end;
        let inside = |x: &Span| x.start.min(len) <= s.span.start && s.span.end <= x.end.min(len) && x.start < x.end;
        let expected = mentions.iter().filter(|m| inside(m)).count();
        assert_eq!(s.mentions.len(), expected);
        assert_eq!(s.hit, hits.iter().any(inside));
        assert_eq!(s.evidence, evidence.as_ref().is_some_and(inside));
    }
    assert_eq!(at, len);
});
