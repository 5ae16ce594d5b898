//! The gazetteer: known entities and every name they go by, and the matcher
//! that finds those names in text.
//!
//! A gazetteer file is a JSON array of entities in the corpus format
//! (`id`, `kind`, `name`, `aliases`, `wikidata`), plus an optional `country`
//! on places naming the country they lie in. A corpus's own entity list is
//! therefore a gazetteer too.
//!
//! Invariant: each name maps to one entity; matching is case-sensitive
//! ("US" is the country, "us" is not), longest first, and only at word
//! boundaries ("Oman" is not found in "Romania").

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;

use explorer_corpus::format::EntityRecord;
use explorer_corpus::EntityKind;

/// One gazetteer entry as written in the file: the fields of an entity in
/// the corpus format, and for a place the id of the country it lies in.
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct EntryRecord {
    id: String,
    kind: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    wikidata: Option<String>,
    #[serde(default)]
    country: Option<String>,
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The entity.
    pub entity: EntityRecord,
    /// For a place: the id of the country it lies in.
    pub country: Option<String>,
}

/// A known entity, ready to match.
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
    /// The entry as read.
    pub entry: Entry,
    /// Its kind.
    pub kind: EntityKind,
    /// The entry index of the country a place lies in (a country's own index
    /// for a country).
    pub country: Option<usize>,
}

/// Position of an entry in [`Gazetteer::entries`].
pub type EntryIx = usize;

/// A set of known entities and the names that find them.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Every entry, in file order.
    pub entries: Vec<Known>,
    /// Names by their first word: each name with its entry, longest first.
    by_first_word: HashMap<String, Vec<(String, EntryIx)>>,
}

impl Gazetteer {
    /// Reads one or more gazetteer files; later files add entries, and a
    /// name already taken keeps its first entry. Returns the gazetteer and a
    /// warning for every entry or name that was skipped, naming the file and
    /// the entry.
    pub fn from_files(files: &[(&str, &str)]) -> Result<(Gazetteer, Vec<String>), String> {
        Gazetteer::build(&[], files)
    }

    /// A gazetteer of a corpus's own entities first (so what the corpus
    /// already knows keeps its id), then the entries of `files`.
    pub fn build(
        corpus: &[EntityRecord],
        files: &[(&str, &str)],
    ) -> Result<(Gazetteer, Vec<String>), String> {
        let mut gazetteer = Gazetteer::default();
        let mut warnings = Vec::new();
        for e in corpus {
            let entry = Entry {
                entity: e.clone(),
                country: None,
            };
            if let Err(w) = gazetteer.add(entry) {
                warnings.push(format!("the corpus: {w}"));
            }
        }
        for (file, json) in files {
            let records: Vec<EntryRecord> =
                serde_json::from_str(json).map_err(|e| super::json_error(file, &e))?;
            for r in records {
                let entry = Entry {
                    entity: EntityRecord {
                        id: r.id,
                        kind: r.kind,
                        name: r.name,
                        aliases: r.aliases,
                        wikidata: r.wikidata,
                    },
                    country: r.country,
                };
                if let Err(w) = gazetteer.add(entry) {
                    warnings.push(format!("{file}: {w}"));
                }
            }
        }
        gazetteer.resolve_countries(&mut warnings);
        Ok((gazetteer, warnings))
    }

    /// Adds one entry and its names.
    fn add(&mut self, entry: Entry) -> Result<(), String> {
        let Some(kind) = EntityKind::from_code(&entry.entity.kind) else {
            return Err(format!(
                "entry \"{}\": unknown kind \"{}\"",
                entry.entity.id, entry.entity.kind
            ));
        };
        if self
            .entries
            .iter()
            .any(|k| k.entry.entity.id == entry.entity.id)
        {
            return Err(format!(
                "entry \"{}\": duplicate id, skipped",
                entry.entity.id
            ));
        }
        let ix = self.entries.len();
        let names: Vec<String> = std::iter::once(entry.entity.name.clone())
            .chain(entry.entity.aliases.iter().cloned())
            .collect();
        self.entries.push(Known {
            entry,
            kind,
            country: None,
        });
        for name in names {
            self.add_name(&name, ix);
        }
        Ok(())
    }

    /// Makes `name` find entry `ix`, unless the name is empty or taken.
    pub fn add_name(&mut self, name: &str, ix: EntryIx) {
        let name = name.trim();
        let Some(first) = first_word(name) else {
            return;
        };
        // Typographic and plain apostrophes are the same letter to a reader.
        let mut variants = vec![name.to_string()];
        if name.contains('\'') {
            variants.push(name.replace('\'', "’"));
        }
        for variant in variants {
            let list = self.by_first_word.entry(first.to_string()).or_default();
            if list.iter().any(|(n, _)| *n == variant) {
                continue;
            }
            list.push((variant, ix));
            list.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        }
    }

    fn resolve_countries(&mut self, warnings: &mut Vec<String>) {
        let ids: HashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, k)| (k.entry.entity.id.clone(), i))
            .collect();
        for i in 0..self.entries.len() {
            let known = &self.entries[i];
            let country = match (&known.entry.country, known.kind) {
                (_, EntityKind::Country) => Some(i),
                (Some(id), _) => match ids.get(id) {
                    Some(&c) if self.entries[c].kind == EntityKind::Country => Some(c),
                    _ => {
                        warnings.push(format!(
                            "entry \"{}\": country \"{id}\" is not a country in the gazetteer",
                            known.entry.entity.id
                        ));
                        None
                    }
                },
                (None, _) => None,
            };
            self.entries[i].country = country;
        }
    }

    /// Adds an entity the input names but the gazetteer does not know (a
    /// sheet's cell), and returns its entry. The caller picks an id that is
    /// not taken; a country stands for itself.
    pub fn learn(&mut self, entity: EntityRecord) -> EntryIx {
        let ix = self.entries.len();
        let is_country = entity.kind == EntityKind::Country.code();
        let entry = Entry {
            entity,
            country: None,
        };
        if self.add(entry).is_err() {
            // Only an unknown kind or a taken id fails, and the caller
            // gives neither; should it happen, the name finds nothing new.
            return self.entries.len().saturating_sub(1).min(ix);
        }
        if is_country {
            self.entries[ix].country = Some(ix);
        }
        ix
    }

    /// Looks an entry up by id.
    pub fn by_id(&self, id: &str) -> Option<EntryIx> {
        self.entries.iter().position(|k| k.entry.entity.id == id)
    }

    /// The entry a whole name stands for, if any.
    pub fn lookup(&self, name: &str) -> Option<EntryIx> {
        let first = first_word(name)?;
        self.by_first_word
            .get(first)?
            .iter()
            .find(|(n, _)| n == name)
            .map(|&(_, ix)| ix)
    }

    /// Every known name in `text`, leftmost-longest and not overlapping, as
    /// byte ranges with the entry each names.
    pub fn find(&self, text: &str) -> Vec<(Range<usize>, EntryIx)> {
        let mut out = Vec::new();
        let mut from = 0;
        for (start, c) in text.char_indices() {
            if start < from || !is_word_char(c) {
                continue;
            }
            let at_boundary = text[..start]
                .chars()
                .next_back()
                .is_none_or(|p| !is_word_char(p));
            if !at_boundary {
                continue;
            }
            let rest = &text[start..];
            let Some(first) = first_word(rest) else {
                continue;
            };
            let Some(candidates) = self.by_first_word.get(first) else {
                continue;
            };
            let hit = candidates.iter().find(|(name, _)| {
                rest.starts_with(name.as_str())
                    && rest[name.len()..]
                        .chars()
                        .next()
                        .is_none_or(|n| !is_word_char(n))
            });
            if let Some((name, ix)) = hit {
                out.push((start..start + name.len(), *ix));
                from = start + name.len();
            }
        }
        out
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The leading run of letters and digits of `text`.
fn first_word(text: &str) -> Option<&str> {
    let end = text
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| i);
    (end > 0).then(|| &text[..end])
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A few countries and places, for the tests of the modules that match.
    pub fn small() -> Gazetteer {
        Gazetteer::from_files(&[(
            "small.json",
            r#"[
                {"id": "china", "kind": "country", "name": "China", "aliases": ["Chinese"]},
                {"id": "russia", "kind": "country", "name": "Russia", "aliases": ["Russian"]},
                {"id": "united-states", "kind": "country", "name": "United States", "aliases": ["US", "American"]},
                {"id": "indonesia", "kind": "country", "name": "Indonesia"},
                {"id": "moscow", "kind": "place", "name": "Moscow", "country": "russia"},
                {"id": "kremlin", "kind": "place", "name": "Kremlin", "country": "russia"},
                {"id": "bali", "kind": "place", "name": "Bali", "country": "indonesia"},
                {"id": "g20", "kind": "organisation", "name": "G20", "aliases": ["Group of 20"]}
            ]"#,
        )])
        .expect("reads")
        .0
    }

    const SAMPLE: &str = r#"[
        {"id": "china", "kind": "country", "name": "China", "aliases": ["People's Republic of China", "Chinese"]},
        {"id": "oman", "kind": "country", "name": "Oman"},
        {"id": "united-states", "kind": "country", "name": "United States", "aliases": ["US", "U.S."]},
        {"id": "south-sudan", "kind": "country", "name": "South Sudan", "aliases": ["South Sudanese"]},
        {"id": "sudan", "kind": "country", "name": "Sudan", "aliases": ["Sudanese"]},
        {"id": "beijing", "kind": "place", "name": "Beijing", "country": "china"},
        {"id": "atlantis", "kind": "place", "name": "Atlantis", "country": "nowhere"},
        {"id": "un", "kind": "organisation", "name": "United Nations", "aliases": ["UN"]}
    ]"#;

    fn sample() -> Gazetteer {
        Gazetteer::from_files(&[("sample.json", SAMPLE)])
            .expect("reads")
            .0
    }

    fn found(text: &str) -> Vec<(&str, String)> {
        let g = sample();
        g.find(text)
            .into_iter()
            .map(|(r, ix)| (&text[r], g.entries[ix].entry.entity.id.clone()))
            .collect()
    }

    #[test]
    fn longest_name_wins_at_word_boundaries() {
        assert_eq!(
            found(
                "The People's Republic of China and the US met in Romania; Chinese and U.S. aides."
            ),
            [
                ("People's Republic of China", "china".to_string()),
                ("US", "united-states".into()),
                ("Chinese", "china".into()),
                ("U.S.", "united-states".into()),
            ]
        );
        assert_eq!(
            found("South Sudanese and Sudanese envoys"),
            [
                ("South Sudanese", "south-sudan".to_string()),
                ("Sudanese", "sudan".into())
            ]
        );
    }

    #[test]
    fn matching_is_case_sensitive_and_allows_possessives() {
        assert_eq!(
            found("let us see China’s plan"),
            [("China", "china".to_string())]
        );
        assert_eq!(
            found("the People’s Republic of China"),
            [("People’s Republic of China", "china".to_string())]
        );
        assert!(found("un plan").is_empty());
    }

    #[test]
    fn places_know_their_country_and_bad_entries_are_reported() {
        let (g, warnings) = Gazetteer::from_files(&[
            ("sample.json", SAMPLE),
            ("extra.json", r#"[{"id": "china", "kind": "country", "name": "Cathay"}, {"id": "x", "kind": "planet", "name": "X"}]"#),
        ])
        .expect("reads");
        let beijing = g.by_id("beijing").unwrap();
        assert_eq!(g.entries[beijing].country, g.by_id("china"));
        assert_eq!(
            warnings,
            [
                "extra.json: entry \"china\": duplicate id, skipped",
                "extra.json: entry \"x\": unknown kind \"planet\"",
                "entry \"atlantis\": country \"nowhere\" is not a country in the gazetteer",
            ]
        );
        assert_eq!(g.lookup("Cathay"), None);
    }

    #[test]
    fn a_broken_file_says_where() {
        let err = Gazetteer::from_files(&[("g.json", "[\n{\"id\": 1}]")]).unwrap_err();
        assert!(err.starts_with("g.json: line 2, column"), "{err}");
    }
}
