//! Fuzzes the corpus loader: any bytes, no panic, and whatever loads is
//! internally consistent (every span slices its article's text).
#![no_main]

use explorer_corpus::load;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(loaded) = load(text) else {
        return;
    };
    let c = &loaded.corpus;
    for m in c.mentions() {
        let article = c.article(m.article);
        assert!(m.span.end <= article.length);
        assert_eq!(article.text().chars().count(), article.length as usize);
        assert!(m.span.start <= m.span.end);
        let _ = c.entity(m.entity);
    }
    for e in &c.events {
        assert!(!e.evidence.is_empty());
        assert!(e.dates.first_day() <= e.dates.last_day());
        for ev in &e.evidence {
            let article = c.article(ev.article);
            assert_eq!(
                article.slice(ev.span).chars().count(),
                (ev.span.end - ev.span.start) as usize
            );
        }
    }
});
