//! Highlight segmentation: cuts a text into flat segments so that overlapping
//! and nested marks (entity mentions, search hits, the evidence span) can be
//! rendered without nesting elements across each other's boundaries.
//!
//! Invariant: the segments are non-empty, contiguous, in order and cover the
//! whole text exactly; each carries every layer that covers it, and no other.

use explorer_corpus::Span;

/// A run of text covered by the same set of marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The code points of the run.
    pub span: Span,
    /// Indices into the `mentions` given to [`segment`] of every mention that
    /// covers the run, outermost first (earlier start, then longer).
    pub mentions: Vec<u32>,
    /// Whether a search hit covers the run.
    pub hit: bool,
    /// Whether the emphasised evidence span covers the run.
    pub evidence: bool,
}

/// The marks to lay over one text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Layers<'a> {
    /// Entity mentions; their order gives the indices in [`Segment::mentions`].
    pub mentions: &'a [Span],
    /// Search hits.
    pub hits: &'a [Span],
    /// The span to emphasise, such as the selected event's evidence.
    pub evidence: Option<Span>,
}

/// Cuts a text of `len` code points into segments under `layers`. Spans that
/// reach past `len` are cut at `len`; empty spans mark nothing.
pub fn segment(len: u32, layers: Layers<'_>) -> Vec<Segment> {
    let clamp = |s: &Span| Span {
        start: s.start.min(len),
        end: s.end.min(len),
    };
    let mentions: Vec<Span> = layers.mentions.iter().map(clamp).collect();
    let hits: Vec<Span> = layers.hits.iter().map(clamp).collect();
    let evidence = layers.evidence.as_ref().map(clamp);

    let mut cuts = vec![0, len];
    for s in mentions.iter().chain(&hits).chain(evidence.as_ref()) {
        if s.start < s.end {
            cuts.push(s.start);
            cuts.push(s.end);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();

    // Mentions in the order they open, so the active list stays outermost-first.
    let mut order: Vec<u32> = (0..mentions.len() as u32)
        .filter(|&i| mentions[i as usize].start < mentions[i as usize].end)
        .collect();
    explorer_corpus::sort::sort_by_key(&mut order, |&i| {
        let s = mentions[i as usize];
        (s.start, std::cmp::Reverse(s.end), i)
    });
    let mut next = 0;
    let mut active: Vec<u32> = Vec::new();

    let mut segments = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let span = Span {
            start: pair[0],
            end: pair[1],
        };
        active.retain(|&i| mentions[i as usize].end > span.start);
        while next < order.len() && mentions[order[next] as usize].start <= span.start {
            active.push(order[next]);
            next += 1;
        }
        let covers = |s: &Span| s.start <= span.start && span.end <= s.end;
        segments.push(Segment {
            span,
            mentions: active.clone(),
            hit: hits.iter().any(covers),
            evidence: evidence.as_ref().is_some_and(covers),
        });
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn s(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    #[test]
    fn plain_text_is_one_segment() {
        let segs = segment(5, Layers::default());
        assert_eq!(
            segs,
            vec![Segment {
                span: s(0, 5),
                mentions: vec![],
                hit: false,
                evidence: false
            }]
        );
        assert!(segment(0, Layers::default()).is_empty());
    }

    #[test]
    fn nested_and_overlapping_marks() {
        // "President Xi Jinping of China": a person mention nested in a longer
        // one, a search hit crossing the inner boundary, evidence over all.
        let mentions = [s(0, 20), s(10, 20), s(24, 29)];
        let segs = segment(
            29,
            Layers {
                mentions: &mentions,
                hits: &[s(7, 12)],
                evidence: Some(s(0, 29)),
            },
        );
        let spans: Vec<_> = segs.iter().map(|g| (g.span.start, g.span.end)).collect();
        assert_eq!(
            spans,
            [(0, 7), (7, 10), (10, 12), (12, 20), (20, 24), (24, 29)]
        );
        assert_eq!(segs[2].mentions, vec![0, 1], "outer before inner");
        assert!(segs[2].hit && !segs[3].hit);
        assert!(segs[4].mentions.is_empty());
        assert!(segs.iter().all(|g| g.evidence));
    }

    #[test]
    fn out_of_range_and_empty_spans_are_harmless() {
        let segs = segment(
            4,
            Layers {
                mentions: &[s(2, 99), s(3, 3), s(9, 12)],
                hits: &[],
                evidence: None,
            },
        );
        let spans: Vec<_> = segs
            .iter()
            .map(|g| (g.span.start, g.span.end, g.mentions.clone()))
            .collect();
        assert_eq!(spans, [(0, 2, vec![]), (2, 4, vec![0])]);
    }

    proptest! {
        #[test]
        fn segments_tile_the_text_and_carry_exactly_their_layers(
            len in 0u32..60,
            raw in prop::collection::vec((0u32..70, 0u32..70), 0..12),
            raw_hits in prop::collection::vec((0u32..70, 0u32..70), 0..4),
            ev in prop::option::of((0u32..70, 0u32..70)),
        ) {
            let span = |(a, b): (u32, u32)| s(a.min(b), a.max(b));
            let mentions: Vec<Span> = raw.into_iter().map(span).collect();
            let hits: Vec<Span> = raw_hits.into_iter().map(span).collect();
            let evidence = ev.map(span);
            let segs = segment(len, Layers { mentions: &mentions, hits: &hits, evidence });
            let mut at = 0;
            for g in &segs {
                prop_assert_eq!(g.span.start, at);
                prop_assert!(g.span.end > g.span.start);
                at = g.span.end;
                let inside = |x: &Span| x.start.min(len) <= g.span.start && g.span.end <= x.end.min(len);
                let mut expected: Vec<u32> = (0..mentions.len() as u32).filter(|&i| inside(&mentions[i as usize])).collect();
                let mut got = g.mentions.clone();
                got.sort_unstable();
                expected.sort_unstable();
                prop_assert_eq!(got, expected);
                prop_assert_eq!(g.hit, hits.iter().any(inside));
                prop_assert_eq!(g.evidence, evidence.as_ref().is_some_and(inside));
                for pair in g.mentions.windows(2) {
                    let (a, b) = (mentions[pair[0] as usize], mentions[pair[1] as usize]);
                    let (a_end, b_end) = (a.end.min(len), b.end.min(len));
                    prop_assert!(a.start < b.start || (a.start == b.start && a_end >= b_end));
                }
            }
            prop_assert_eq!(at, len);
        }
    }
}
