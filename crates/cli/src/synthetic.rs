//! Synthetic corpora for benchmarks: deterministic for a seed, shaped like the
//! bundled corpus (about 900 characters and 19 mentions per article, 1.6
//! events per article, dates spread over 2000-2024, some names in non-Latin
//! scripts), at any size.
//!
//! Invariant: every corpus produced loads with zero diagnostics.

use explorer_corpus::dates::{civil_from_days, days_from_civil, days_in_month, DayNumber};
use explorer_corpus::format::{
    ArticleRecord, CorpusFile, EntityRecord, EventRecord, EvidenceRecord, MentionRecord,
    FORMAT_NAME, FORMAT_VERSION,
};

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SYLLABLES: [&str; 24] = [
    "va", "lor", "mi", "ten", "ka", "ris", "do", "nel", "sa", "tor", "be", "lin", "qua", "ren",
    "zo", "mar", "fi", "dan", "tu", "gal", "we", "sen", "ho", "pra",
];
const FOREIGN_NAMES: [&str; 8] = [
    "王海",
    "李明",
    "محمد سعيد",
    "ليلى حسن",
    "Zoë Müller",
    "Søren Ødegård",
    "Ngô Bảo",
    "İlkay Şahin",
];
const SOURCES: [&str; 12] = [
    "Harbour Wire",
    "Meridian News Service",
    "The Continental Post",
    "Northgate Daily",
    "Atlas Press Agency",
    "Riverside Herald",
    "Capital Dispatch",
    "Eastern Ledger",
    "World Desk",
    "The Observer Line",
    "Summit Report",
    "Global Courier",
];
const FILLERS: [&str; 6] = [
    "Analysts said the talks reflected a partnership that has grown over two decades.",
    "Neither side gave details of the agreements under discussion.",
    "Trade between the two countries has risen steadily in recent years.",
    "Officials described the atmosphere as friendly and businesslike.",
    "The visit drew protests from groups opposed to closer ties.",
    "Both governments said further meetings would follow later in the year.",
];

fn capitalised(rng: &mut Rng, syllables: usize) -> String {
    let mut name: String = (0..syllables).map(|_| *rng.pick(&SYLLABLES)).collect();
    if let Some(first) = name.get(0..1) {
        let upper = first.to_uppercase();
        name.replace_range(0..1, &upper);
    }
    name
}

struct Pools {
    countries: Vec<usize>,
    people: Vec<usize>,
    places: Vec<usize>,
    orgs: Vec<usize>,
}

/// A corpus of `articles` articles for `seed`.
pub fn generate(articles: usize, seed: u64) -> CorpusFile {
    let mut rng = Rng(seed);
    let mut entities: Vec<EntityRecord> = Vec::new();
    let add = |kind: &str, name: String, entities: &mut Vec<EntityRecord>| {
        let id = format!("{kind}-{}", entities.len());
        entities.push(EntityRecord {
            id,
            kind: kind.to_string(),
            name,
            aliases: Vec::new(),
            wikidata: None,
        });
        entities.len() - 1
    };
    let people_count = (articles * 2).clamp(40, 20_000);
    let mut pools = Pools {
        countries: Vec::new(),
        people: Vec::new(),
        places: Vec::new(),
        orgs: Vec::new(),
    };
    for _ in 0..190 {
        let name = format!("{}ia", capitalised(&mut rng, 2));
        pools.countries.push(add("country", name, &mut entities));
    }
    for i in 0..people_count {
        let name = if i % 10 == 0 {
            format!("{} {}", rng.pick(&FOREIGN_NAMES), capitalised(&mut rng, 2))
        } else {
            format!("{} {}", capitalised(&mut rng, 2), capitalised(&mut rng, 3))
        };
        pools.people.push(add("person", name, &mut entities));
    }
    for _ in 0..(articles / 4).clamp(20, 2_000) {
        let name = format!("{} City", capitalised(&mut rng, 2));
        pools.places.push(add("place", name, &mut entities));
    }
    for _ in 0..60 {
        let name = format!("{} Council", capitalised(&mut rng, 3));
        pools.orgs.push(add("organisation", name, &mut entities));
    }
    let mut file = CorpusFile {
        format: FORMAT_NAME.to_string(),
        version: FORMAT_VERSION,
        title: Some(format!(
            "Synthetic corpus: {articles} articles, seed {seed}"
        )),
        articles: Vec::with_capacity(articles),
        entities,
        mentions: Vec::new(),
        events: Vec::new(),
    };
    let first = days_from_civil(2000, 1, 1);
    let last = days_from_civil(2024, 12, 31);
    for a in 0..articles {
        let published = first + rng.below((last - first) as usize) as DayNumber;
        write_article(&mut rng, &mut file, &pools, a, published);
    }
    file
}

/// An article being written: its text and the code-point length so far.
struct Draft<'f> {
    file: &'f mut CorpusFile,
    id: String,
    text: String,
    chars: u64,
}

impl Draft<'_> {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count() as u64;
    }

    fn mention(&mut self, entity: usize) {
        let name = self.file.entities[entity].name.clone();
        let start = self.chars;
        self.push(&name);
        self.file.mentions.push(MentionRecord {
            article: self.id.clone(),
            start,
            end: self.chars,
            entity: self.file.entities[entity].id.clone(),
        });
    }
}

fn iso(day: DayNumber) -> (String, String, String) {
    let (y, m, d) = civil_from_days(day);
    (
        format!("{y:04}-{m:02}-{d:02}"),
        format!("{y:04}-{m:02}"),
        format!("{y:04}"),
    )
}

fn write_article(
    rng: &mut Rng,
    file: &mut CorpusFile,
    pools: &Pools,
    a: usize,
    published: DayNumber,
) {
    let id = format!("a{a}");
    let host_country = *rng.pick(&pools.countries);
    let guest_country = *rng.pick(&pools.countries);
    let host = *rng.pick(&pools.people);
    let guest = *rng.pick(&pools.people);
    let place = *rng.pick(&pools.places);
    let title = format!(
        "{} and {} hold talks in {}",
        file.entities[guest].name, file.entities[host].name, file.entities[place].name
    );
    let source = rng.pick(&SOURCES).to_string();
    let mut draft = Draft {
        file,
        id: id.clone(),
        text: String::new(),
        chars: 0,
    };
    let sentences = 5 + rng.below(4);
    let mut events = Vec::new();
    for s in 0..sentences {
        if s > 0 {
            draft.push(" ");
        }
        let start = draft.chars;
        // Some events happened a while before the article reports them.
        let back = if rng.chance(15) { 3_000 } else { 20 };
        let when = published - rng.below(back) as DayNumber;
        let (day, month, year) = iso(when);
        let (date_text, precision) = match rng.below(10) {
            0 => (year.clone(), year),
            1 | 2 => (month.clone(), month),
            _ => (day.clone(), day),
        };
        let roll = if s == 0 { 0 } else { 1 + rng.below(100) };
        let kind = match roll {
            0 => {
                draft.mention(guest);
                draft.push(" of ");
                draft.mention(guest_country);
                draft.push(" began a state visit to ");
                draft.mention(host_country);
                draft.push(&format!(" ({date_text}), where "));
                draft.mention(host);
                draft.push(" welcomed the delegation in ");
                draft.mention(place);
                draft.push(".");
                Some("042")
            }
            1..=10 => {
                draft.mention(host);
                draft.push(" and ");
                draft.mention(guest);
                draft.push(" spoke by telephone about the ");
                draft.mention(*rng.pick(&pools.orgs));
                draft.push(&format!(" summit ({date_text})."));
                Some("041")
            }
            11..=22 => {
                draft.push("Ministers of both sides and ");
                draft.mention(*rng.pick(&pools.countries));
                draft.push(" signed an energy agreement, officials in ");
                draft.mention(place);
                draft.push(" said.");
                rng.chance(40).then_some("057")
            }
            23..=75 => {
                let speaker = *rng.pick(&pools.people);
                draft.mention(speaker);
                draft.push(" of ");
                draft.mention(*rng.pick(&pools.countries));
                draft.push(" told reporters in ");
                draft.mention(place);
                draft.push(" that the talks had been useful.");
                None
            }
            _ => {
                let filler = *rng.pick(&FILLERS);
                draft.push(filler);
                None
            }
        };
        let end = draft.chars;
        if let Some(kind) = kind {
            events.push((kind, precision, start, end));
        }
    }
    let published_text = iso(published).0;
    let text = std::mem::take(&mut draft.text);
    for (n, (kind, start_date, start, end)) in events.into_iter().enumerate() {
        let end_date = (kind == "042" && start_date.len() == 10 && rng.chance(60))
            .then(|| plus_days(&start_date, 1 + rng.below(3) as u8))
            .flatten();
        file.events.push(EventRecord {
            id: format!("{id}-e{n}"),
            kind: kind.to_string(),
            start: start_date,
            end: end_date,
            participants: vec![
                file.entities[guest].id.clone(),
                file.entities[host].id.clone(),
            ],
            host: (kind != "041").then(|| file.entities[host_country].id.clone()),
            place: (kind == "042").then(|| file.entities[place].id.clone()),
            summary: format!(
                "{} and {}: {}",
                file.entities[guest].name,
                file.entities[host].name,
                explorer_corpus::EventKind::from_code(kind).map_or("", |k| k.label())
            ),
            evidence: vec![EvidenceRecord {
                article: id.clone(),
                start,
                end,
            }],
            claims: Vec::new(),
            status: None,
            group: None,
        });
    }
    file.articles.push(ArticleRecord {
        id,
        title,
        source,
        url: None,
        published: published_text,
        language: "en".to_string(),
        text,
    });
}

/// `YYYY-MM-DD` plus `n` days, within the same month only (else none).
fn plus_days(date: &str, n: u8) -> Option<String> {
    let (y, m, d) = (
        date.get(0..4)?.parse::<i32>().ok()?,
        date.get(5..7)?.parse::<u8>().ok()?,
        date.get(8..10)?.parse::<u8>().ok()?,
    );
    let day = d.checked_add(n)?;
    (u32::from(day) <= days_in_month(y, m)).then(|| format!("{y:04}-{m:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_corpus::load;

    #[test]
    fn loads_clean_and_is_deterministic() {
        let file = generate(300, 7);
        let json = serde_json::to_string(&file).unwrap();
        let loaded = load(&json).unwrap();
        assert!(
            loaded.diagnostics.is_empty(),
            "{:?}",
            &loaded.diagnostics[..3.min(loaded.diagnostics.len())]
        );
        let c = &loaded.corpus;
        assert_eq!(c.articles.len(), 300);
        let per_article = |n: usize| n as f64 / 300.0;
        assert!(
            (1.0..3.0).contains(&per_article(c.events.len())),
            "{}",
            c.events.len()
        );
        assert!(
            (10.0..40.0).contains(&per_article(c.mentions().count())),
            "{}",
            c.mentions().count()
        );
        let chars: usize = c.articles.iter().map(|a| a.text().chars().count()).sum();
        assert!((500.0..1500.0).contains(&per_article(chars)), "{chars}");
        assert_eq!(serde_json::to_string(&generate(300, 7)).unwrap(), json);
        assert_ne!(serde_json::to_string(&generate(300, 8)).unwrap(), json);
    }

    #[test]
    fn day_arithmetic_stays_in_the_month() {
        assert_eq!(plus_days("2023-03-20", 2).as_deref(), Some("2023-03-22"));
        assert_eq!(plus_days("2023-02-27", 2), None);
        assert_eq!(plus_days("2024-02-27", 2).as_deref(), Some("2024-02-29"));
    }
}
