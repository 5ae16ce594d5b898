//! The timeline: events merged into what a reader sees as one happening,
//! ordered honestly by date precision, assigned to lanes, placed on a time
//! scale, and clustered where they would overlap on screen.
//!
//! Invariant: every event given to [`items`] appears in exactly one item; a
//! visit reported from both sides (042 by the guest, 043 by the host) is one
//! item.

pub mod gesture;

use std::collections::HashMap;
use std::sync::Arc;

use explorer_corpus::dates::{
    civil_from_days, days_from_civil, month_abbreviation, DateRange, DayNumber,
};
use explorer_corpus::{Corpus, EntityIx, EntityKind, EventIx, EventKind};

/// One mark on the timeline: one event, or a visit seen from both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The events it stands for: a merged visit's guest-side record first,
    /// then corpus order. The first one names and leads the item. Shared, so
    /// an item is cheap to clone.
    pub events: Arc<[EventIx]>,
    /// The kind shown: a merged guest and host pair is a [`EventKind::Visit`].
    pub kind: EventKind,
    /// The widest dates of its events.
    pub dates: DateRange,
    /// Every participant of its events, without repeats.
    pub participants: Arc<[EntityIx]>,
    /// The host country.
    pub host: Option<EntityIx>,
    /// The place.
    pub place: Option<EntityIx>,
}

/// Builds the timeline items for `events`, sorted by date (see
/// [`DateRange::sort_key`]) and then by the first event's position.
pub fn items(corpus: &Corpus, events: &[EventIx]) -> Vec<Item> {
    // Union-find over the given events: a 042 and a 043 with the same host,
    // overlapping dates and a shared participant are one visit.
    let mut parent: Vec<usize> = (0..events.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Guest-side visits by host country, so each host-side record is
    // compared only with visits to the same country.
    let mut visits: HashMap<EntityIx, Vec<usize>> = HashMap::new();
    for (i, &e) in events.iter().enumerate() {
        let event = corpus.event(e);
        if let (EventKind::Visit, Some(host)) = (event.kind, event.host) {
            visits.entry(host).or_default().push(i);
        }
    }
    for (j, &host_ix) in events.iter().enumerate() {
        let hosted = corpus.event(host_ix);
        let Some(host) = hosted.host.filter(|_| hosted.kind == EventKind::HostVisit) else {
            continue;
        };
        for &i in visits.get(&host).map_or(&[][..], Vec::as_slice) {
            let visit = corpus.event(events[i]);
            // Same host already: the visits are grouped by it.
            let same_trip = visit
                .dates
                .overlaps(hosted.dates.first_day(), hosted.dates.last_day())
                && visit
                    .participants
                    .iter()
                    .any(|p| hosted.participants.contains(p));
            if same_trip {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    // Groups in order of their roots (a root is its group's first member).
    let mut slot = vec![usize::MAX; events.len()];
    let mut groups: Vec<Vec<EventIx>> = Vec::new();
    for (i, &event) in events.iter().enumerate() {
        let r = root(&mut parent, i);
        if slot[r] == usize::MAX {
            slot[r] = groups.len();
            groups.push(Vec::with_capacity(1));
        }
        groups[slot[r]].push(event);
    }
    let mut out: Vec<Item> = groups
        .into_iter()
        .map(|mut group| {
            // The guest-side record leads: its summary reads as the visit.
            explorer_corpus::sort::sort_by_key(&mut group, |&e| {
                (corpus.event(e).kind != EventKind::Visit, e)
            });
            merge(corpus, group)
        })
        .collect();
    explorer_corpus::sort::sort_by_cached_key(&mut out, |item| {
        (item.dates.sort_key(), item.events[0])
    });
    out
}

fn merge(corpus: &Corpus, events: Vec<EventIx>) -> Item {
    let first = corpus.event(events[0]);
    let mut dates = first.dates;
    let mut place = first.place;
    let mut participants: Vec<EntityIx> = Vec::new();
    for &ix in &events {
        let e = corpus.event(ix);
        if e.dates.first_day() < dates.first_day() {
            dates.start = e.dates.start;
        }
        if e.dates.last_day() > dates.last_day() {
            dates.end = Some(e.dates.end.unwrap_or(e.dates.start));
        }
        place = place.or(e.place);
        for p in &e.participants {
            if !participants.contains(p) {
                participants.push(*p);
            }
        }
    }
    Item {
        kind: if events.len() > 1 {
            EventKind::Visit
        } else {
            first.kind
        },
        dates,
        participants: participants.into(),
        host: first.host,
        place,
        events: events.into(),
    }
}

/// A list of timeline items, read by position: the items of a whole
/// corpus as a slice, or a selection of them as [`Items`]. The lanes, the
/// marks and the overview read items through it.
pub trait ItemList {
    /// How many items there are.
    fn len(&self) -> usize;
    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The item at `i`, in timeline order.
    fn get(&self, i: usize) -> Option<&Item>;
    /// Every item, in timeline order.
    fn iter(&self) -> impl Iterator<Item = &Item>;
    /// The item's entities of `kind` (its host and participants), sorted
    /// and without repeats, when they were gathered once beforehand.
    fn keys_of(&self, _i: usize, _kind: EntityKind) -> Option<&[EntityIx]> {
        None
    }
}

/// Each item's countries and people (its host and participants), sorted and
/// without repeats, in one flat list per kind: the lanes read them for every
/// item on every change of the filters, and reading them from each item's
/// own participant list cost a memory access per item.
#[derive(Debug, Default)]
struct LaneKeys {
    /// Where each item's entities start in `entities`, and a last end.
    starts: [Vec<u32>; 2],
    entities: [Vec<EntityIx>; 2],
}

impl LaneKeys {
    const KINDS: [EntityKind; 2] = [EntityKind::Country, EntityKind::Person];

    fn new(corpus: &Corpus, items: &[Item]) -> LaneKeys {
        let mut keys = LaneKeys::default();
        let mut found = Vec::new();
        for (k, kind) in LaneKeys::KINDS.into_iter().enumerate() {
            let keyed = of_kind(corpus, kind);
            keys.starts[k].reserve(items.len() + 1);
            for item in items {
                keys.starts[k].push(keys.entities[k].len() as u32);
                keyed_entities(item, &keyed, &mut found);
                keys.entities[k].extend_from_slice(&found);
            }
            keys.starts[k].push(keys.entities[k].len() as u32);
        }
        keys
    }

    fn of(&self, at: usize, kind: EntityKind) -> Option<&[EntityIx]> {
        let k = LaneKeys::KINDS.iter().position(|&x| x == kind)?;
        let (from, to) = (*self.starts[k].get(at)?, *self.starts[k].get(at + 1)?);
        self.entities[k].get(from as usize..to as usize)
    }
}

/// Whether each entity of `corpus` is of `kind`, read once rather than per
/// item.
fn of_kind(corpus: &Corpus, kind: EntityKind) -> Vec<bool> {
    corpus.entities.iter().map(|e| e.kind == kind).collect()
}

/// The item's entities that `keyed` marks (see [`of_kind`]), its host and
/// participants, sorted and without repeats, into `found`.
fn keyed_entities(item: &Item, keyed: &[bool], found: &mut Vec<EntityIx>) {
    found.clear();
    found.extend(
        item.host
            .into_iter()
            .chain(item.participants.iter().copied())
            .filter(|e| keyed.get(e.0 as usize).copied().unwrap_or(false)),
    );
    found.sort_unstable();
    found.dedup();
}

impl ItemList for [Item] {
    fn len(&self) -> usize {
        <[Item]>::len(self)
    }
    fn get(&self, i: usize) -> Option<&Item> {
        <[Item]>::get(self, i)
    }
    fn iter(&self) -> impl Iterator<Item = &Item> {
        <[Item]>::iter(self)
    }
}

/// The items of a subset of events, in timeline order, as positions into
/// the whole corpus's items rather than copies of them. The few items formed
/// again (one side of a merged visit, when the other side does not pass) are
/// held here.
#[derive(Debug, Clone, Default)]
pub struct Items {
    /// Every item of the corpus, shared with [`AllItems`].
    all: Arc<[Item]>,
    /// Items formed again for this subset.
    formed: Vec<Item>,
    /// In timeline order: below `all.len()` a position in `all`, else
    /// `all.len()` plus a position in `formed`.
    order: Vec<u32>,
    /// The lane keys of `all`, shared with [`AllItems`] (empty for a list
    /// made from items alone).
    keys: Arc<LaneKeys>,
}

/// The item at `o` of an [`Items`] order: a position in `all`, or past its
/// end one in `formed`.
fn item_at<'a>(all: &'a [Item], formed: &'a [Item], o: u32) -> &'a Item {
    let o = o as usize;
    all.get(o).unwrap_or_else(|| &formed[o - all.len()])
}

impl Items {
    fn at(&self, o: u32) -> &Item {
        item_at(&self.all, &self.formed, o)
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The item at `i`, in timeline order.
    pub fn get(&self, i: usize) -> Option<&Item> {
        self.order.get(i).map(|&o| self.at(o))
    }

    /// Every item, in timeline order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Item> + ExactSizeIterator + Clone {
        self.order.iter().map(|&o| self.at(o))
    }
}

impl ItemList for Items {
    fn len(&self) -> usize {
        Items::len(self)
    }
    fn get(&self, i: usize) -> Option<&Item> {
        Items::get(self, i)
    }
    fn iter(&self) -> impl Iterator<Item = &Item> {
        Items::iter(self)
    }
    fn keys_of(&self, i: usize, kind: EntityKind) -> Option<&[EntityIx]> {
        // Items formed again have none gathered.
        self.keys.of(*self.order.get(i)? as usize, kind)
    }
}

impl From<Vec<Item>> for Items {
    fn from(items: Vec<Item>) -> Items {
        Items {
            order: (0..items.len() as u32).collect(),
            all: items.into(),
            formed: Vec::new(),
            keys: Arc::default(),
        }
    }
}

/// The same items in the same order. Two selections from one corpus's items
/// compare by position, which is much cheaper than comparing the items (a
/// memo of the items compares on every change of the filters).
impl PartialEq for Items {
    fn eq(&self, other: &Items) -> bool {
        if Arc::ptr_eq(&self.all, &other.all) {
            self.order == other.order && self.formed == other.formed
        } else {
            self.len() == other.len() && self.iter().eq(other.iter())
        }
    }
}

/// The items of every event of a corpus, formed once, from which the items
/// of any subset of events are drawn without forming them again.
#[derive(Debug, Clone, Default)]
pub struct AllItems {
    items: Arc<[Item]>,
    /// The item each event is in, by event.
    item_of: Vec<u32>,
    keys: Arc<LaneKeys>,
}

impl AllItems {
    /// Forms the items of every event of `corpus`.
    pub fn new(corpus: &Corpus) -> AllItems {
        let all: Vec<EventIx> = (0..corpus.events.len() as u32).map(EventIx).collect();
        let items: Arc<[Item]> = items(corpus, &all).into();
        let mut item_of = vec![0; corpus.events.len()];
        for (at, item) in items.iter().enumerate() {
            for e in item.events.iter() {
                item_of[e.0 as usize] = at as u32;
            }
        }
        let keys = Arc::new(LaneKeys::new(corpus, &items));
        AllItems {
            items,
            item_of,
            keys,
        }
    }

    /// The same items as [`items`]`(corpus, events)`: an item whose events
    /// all pass is taken by its position; one whose events pass only in part
    /// (one side of a merged visit) is formed again from the part that
    /// passes.
    pub fn select(&self, corpus: &Corpus, events: &[EventIx]) -> Items {
        let all = &self.items;
        // How many of each item's events pass, counted from the events: the
        // items' own event lists (one allocation each) are read only for an
        // item that passes in part.
        let mut passing = vec![false; self.item_of.len()];
        let mut count = vec![0u32; all.len()];
        for e in events {
            let e = e.0 as usize;
            if e < passing.len() && !passing[e] {
                passing[e] = true;
                count[self.item_of[e] as usize] += 1;
            }
        }
        let mut order = Vec::with_capacity(events.len());
        let mut formed = Vec::new();
        for (at, &n) in count.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let item = &all[at];
            if n as usize == item.events.len() {
                order.push(at as u32);
            } else {
                let part: Vec<EventIx> = item
                    .events
                    .iter()
                    .copied()
                    .filter(|e| passing[e.0 as usize])
                    .collect();
                for again in items(corpus, &part) {
                    order.push((all.len() + formed.len()) as u32);
                    formed.push(again);
                }
            }
        }
        if !formed.is_empty() {
            explorer_corpus::sort::sort_by_cached_key(&mut order, |&o| {
                let item = item_at(all, &formed, o);
                (item.dates.sort_key(), item.events[0])
            });
        }
        Items {
            all: all.clone(),
            formed,
            order,
            keys: self.keys.clone(),
        }
    }
}

/// How the timeline groups items into horizontal lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LaneMode {
    /// One lane per country involved (host or participant).
    #[default]
    Country,
    /// One lane per person taking part.
    Person,
    /// One lane per pair of countries involved.
    CountryPair,
    /// One lane per group the source gives (a TimelineJS sheet's Group).
    Group,
}

impl LaneMode {
    /// The word used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            LaneMode::Country => "country",
            LaneMode::Person => "person",
            LaneMode::CountryPair => "pair",
            LaneMode::Group => "group",
        }
    }

    /// The lanes a corpus opens with: by group when its source grouped its
    /// events (as a TimelineJS sheet does), by country otherwise.
    pub fn default_for(corpus: &Corpus) -> LaneMode {
        if has_groups(corpus) {
            LaneMode::Group
        } else {
            LaneMode::Country
        }
    }

    /// Reads the word used in URLs.
    pub fn from_code(code: &str) -> Option<LaneMode> {
        [
            LaneMode::Country,
            LaneMode::Person,
            LaneMode::CountryPair,
            LaneMode::Group,
        ]
        .into_iter()
        .find(|m| m.code() == code)
    }
}

/// One lane: a label and the items in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    /// The entities the lane stands for (one, or two for a country pair);
    /// empty for a group's lane and for the lane of items that fit no other.
    pub key: Vec<EntityIx>,
    /// The group the lane stands for, in [`LaneMode::Group`].
    pub group: Option<String>,
    /// Indices into the item list, in timeline order.
    pub items: Vec<usize>,
}

/// Assigns items to lanes. An item can sit in several lanes (a meeting of two
/// people is in both their lanes); items that fit none share a last lane with
/// an empty key. Lanes are ordered by size, then by name.
pub fn lanes<I: ItemList + ?Sized>(corpus: &Corpus, items: &I, mode: LaneMode) -> Vec<Lane> {
    let kind = match mode {
        LaneMode::Group => return group_lanes(corpus, items),
        LaneMode::Person => EntityKind::Person,
        LaneMode::Country | LaneMode::CountryPair => EntityKind::Country,
    };
    // Lanes as they are first met; a single entity finds its lane through a
    // dense slot, a pair through a map. Nothing is allocated per item.
    let mut lanes: Vec<Lane> = Vec::new();
    let mut single: Vec<u32> = vec![u32::MAX; corpus.entities.len()];
    let mut pairs: HashMap<(EntityIx, EntityIx), u32> = HashMap::new();
    let mut other: Option<u32> = None;
    let lane_of = |lanes: &mut Vec<Lane>, slot: &mut u32, key: &[EntityIx]| -> usize {
        if *slot == u32::MAX {
            *slot = lanes.len() as u32;
            lanes.push(Lane {
                key: key.to_vec(),
                group: None,
                items: Vec::new(),
            });
        }
        *slot as usize
    };
    // Read only for items whose keys were not gathered beforehand.
    let mut keyed: Option<Vec<bool>> = None;
    let mut gathered: Vec<EntityIx> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let found = match items.keys_of(i, kind) {
            Some(keys) => keys,
            None => {
                let keyed = keyed.get_or_insert_with(|| of_kind(corpus, kind));
                keyed_entities(item, keyed, &mut gathered);
                &gathered
            }
        };
        let mut placed = false;
        if mode == LaneMode::CountryPair {
            for (n, &a) in found.iter().enumerate() {
                for &b in &found[n + 1..] {
                    let slot = pairs.entry((a, b)).or_insert(u32::MAX);
                    let lane = lane_of(&mut lanes, slot, &[a, b]);
                    lanes[lane].items.push(i);
                    placed = true;
                }
            }
        } else {
            for &e in found {
                let lane = lane_of(&mut lanes, &mut single[e.0 as usize], &[e]);
                lanes[lane].items.push(i);
                placed = true;
            }
        }
        if !placed {
            let slot = other.get_or_insert(u32::MAX);
            let lane = lane_of(&mut lanes, slot, &[]);
            lanes[lane].items.push(i);
        }
    }
    sort_lanes(corpus, &mut lanes);
    lanes
}

/// One lane per group its events give, in the order of [`lanes`]: an item
/// whose events sit in two groups is in both, and items without a group
/// share the last lane.
fn group_lanes<I: ItemList + ?Sized>(corpus: &Corpus, items: &I) -> Vec<Lane> {
    let mut by_group: HashMap<&str, usize> = HashMap::new();
    let mut lanes: Vec<Lane> = Vec::new();
    let mut other: Option<usize> = None;
    for (i, item) in items.iter().enumerate() {
        let mut placed: Vec<usize> = Vec::new();
        for &e in item.events.iter() {
            let Some(group) = corpus.event(e).group.as_deref() else {
                continue;
            };
            let lane = *by_group.entry(group).or_insert_with(|| {
                lanes.push(Lane {
                    key: Vec::new(),
                    group: Some(group.to_string()),
                    items: Vec::new(),
                });
                lanes.len() - 1
            });
            if !placed.contains(&lane) {
                placed.push(lane);
                lanes[lane].items.push(i);
            }
        }
        if placed.is_empty() {
            let lane = *other.get_or_insert_with(|| {
                lanes.push(Lane {
                    key: Vec::new(),
                    group: None,
                    items: Vec::new(),
                });
                lanes.len() - 1
            });
            lanes[lane].items.push(i);
        }
    }
    sort_lanes(corpus, &mut lanes);
    lanes
}

/// Whether any event gives a group, so that lanes by group mean something.
pub fn has_groups(corpus: &Corpus) -> bool {
    corpus.events.iter().any(|e| e.group.is_some())
}

/// Lanes by size, then by name; the lane of items that fit no other last.
fn sort_lanes(corpus: &Corpus, lanes: &mut [Lane]) {
    explorer_corpus::sort::sort_by_cached_key(lanes, |lane| {
        let names: Vec<String> = match &lane.group {
            Some(g) => vec![g.clone()],
            None => lane
                .key
                .iter()
                .map(|&e| corpus.entity(e).name.clone())
                .collect(),
        };
        (
            names.is_empty(),
            std::cmp::Reverse(lane.items.len()),
            names,
            lane.key.clone(),
        )
    });
}

/// A linear map from days to pixels: the visible window of the timeline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// The first visible day (may be fractional while zooming).
    pub start: f64,
    /// One past the last visible day.
    pub end: f64,
    /// The width in pixels the window is drawn into.
    pub width: f64,
}

/// The narrowest window a zoom may reach, in days.
pub const MIN_WINDOW_DAYS: f64 = 7.0;

impl Scale {
    /// A window from `first` to `last` (inclusive days) with a small margin.
    pub fn fit(first: DayNumber, last: DayNumber, width: f64) -> Scale {
        let span = ((last - first) as f64 + 1.0).max(MIN_WINDOW_DAYS);
        let margin = span * 0.03;
        Scale {
            start: first as f64 - margin,
            end: first as f64 + span + margin,
            width,
        }
    }

    /// The x position of the start of `day`.
    pub fn x(&self, day: f64) -> f64 {
        (day - self.start) / (self.end - self.start) * self.width
    }

    /// The day at x position `x`.
    pub fn day_at(&self, x: f64) -> f64 {
        self.start + x / self.width * (self.end - self.start)
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the day under `anchor_x` still.
    pub fn zoom(&self, factor: f64, anchor_x: f64) -> Scale {
        let anchor = self.day_at(anchor_x);
        let span = ((self.end - self.start) / factor).max(MIN_WINDOW_DAYS);
        let start = anchor - (anchor - self.start) * span / (self.end - self.start);
        Scale {
            start,
            end: start + span,
            width: self.width,
        }
    }

    /// Pans by `dx` pixels (positive moves the view later in time).
    pub fn pan(&self, dx: f64) -> Scale {
        let days = dx / self.width * (self.end - self.start);
        Scale {
            start: self.start + days,
            end: self.end + days,
            width: self.width,
        }
    }

    /// Year or month ticks that fit the window without crowding: labels at
    /// least `min_gap` pixels apart.
    pub fn ticks(&self, min_gap: f64) -> Vec<Tick> {
        let px_per_day = self.width / (self.end - self.start);
        let (first_year, _, _) = civil_from_days(self.start.floor() as DayNumber);
        let (last_year, _, _) = civil_from_days(self.end.ceil() as DayNumber);
        let mut ticks = Vec::new();
        if px_per_day * 30.0 >= min_gap {
            for year in first_year..=last_year {
                for month in 1..=12u8 {
                    let day = days_from_civil(year, month, 1);
                    if (day as f64) >= self.start && (day as f64) < self.end {
                        ticks.push(Tick {
                            day,
                            label: if month == 1 {
                                year.to_string()
                            } else {
                                month_abbreviation(month).to_string()
                            },
                            major: month == 1,
                        });
                    }
                }
            }
        } else {
            let step = (1..)
                .map(|k| [1, 2, 5][k % 3] * 10i32.pow((k / 3) as u32))
                .find(|&s| px_per_day * 365.0 * s as f64 >= min_gap)
                .unwrap_or(1);
            for year in first_year..=last_year {
                let day = days_from_civil(year, 1, 1);
                if year % step == 0 && (day as f64) >= self.start && (day as f64) < self.end {
                    ticks.push(Tick {
                        day,
                        label: year.to_string(),
                        major: true,
                    });
                }
            }
        }
        ticks
    }
}

/// A labelled mark on the time axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    /// The day it marks.
    pub day: DayNumber,
    /// Its label: a year, or a month abbreviation.
    pub label: String,
    /// Whether it starts a year.
    pub major: bool,
}

/// Groups horizontal extents `(x0, x1)` (sorted by `x0`) into runs that lie
/// closer than `min_gap` pixels; each returned range of indices is drawn as
/// one mark, with a count when it holds more than one.
pub fn clusters(extents: &[(f64, f64)], min_gap: f64) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut reach = f64::NEG_INFINITY;
    for (i, &(x0, x1)) in extents.iter().enumerate() {
        if i > start && x0 - reach >= min_gap {
            out.push(start..i);
            start = i;
            reach = f64::NEG_INFINITY;
        }
        reach = reach.max(x1);
    }
    if start < extents.len() {
        out.push(start..extents.len());
    }
    out
}

/// `text` cut to fit `room` pixels at `char_width` pixels a character,
/// ending in an ellipsis when cut; `None` when not even a few characters
/// would fit.
pub fn fit_label(text: &str, room: f64, char_width: f64) -> Option<String> {
    /// Fewer characters than this say nothing a reader could use.
    const LEAST: usize = 4;
    let fits = (room / char_width).floor().max(0.0) as usize;
    let length = text.chars().count();
    if length <= fits {
        return (length > 0).then(|| text.to_string());
    }
    (fits >= LEAST).then(|| {
        let mut cut: String = text.chars().take(fits - 1).collect();
        cut.truncate(cut.trim_end().len());
        cut.push('…');
        cut
    })
}

/// What one lane draws at one place: a single item, or a cluster of items
/// that start too close together to tell apart, with its extent in pixels of
/// a [`Scale`]. A single item spans its dates, so a long or uncertain one can
/// lie under later ones; a cluster spans the starts of its items.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    pub x0: f64,
    pub x1: f64,
    /// Its items, as a range of [`LaneSpots::order`].
    pub members: std::ops::Range<usize>,
}

/// The spots of one lane in view, by where they start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LaneSpots {
    /// The lane's items in view (indices into the items), by where they start.
    pub order: Vec<usize>,
    pub spots: Vec<Spot>,
}

impl LaneSpots {
    /// Places the items `in_lane` on `scale`, each at least `min_width`
    /// pixels wide, keeps those that reach into `0..scale.width`, and draws
    /// items whose starts come closer than `gap` pixels as one cluster.
    pub fn place<I: ItemList + ?Sized>(
        scale: &Scale,
        items: &I,
        in_lane: &[usize],
        min_width: f64,
        gap: f64,
    ) -> LaneSpots {
        let mut placed: Vec<(usize, f64, f64)> = in_lane
            .iter()
            .filter_map(|&i| {
                let dates = &items.get(i)?.dates;
                let x0 = scale.x(dates.first_day() as f64);
                let x1 = scale.x((dates.last_day() + 1) as f64).max(x0 + min_width);
                (x1 >= 0.0 && x0 <= scale.width).then_some((i, x0, x1))
            })
            .collect();
        explorer_corpus::sort::sort_by(&mut placed, |a, b| a.1.total_cmp(&b.1));
        let starts: Vec<(f64, f64)> = placed
            .iter()
            .map(|&(_, x0, _)| (x0, x0 + min_width))
            .collect();
        let spots = clusters(&starts, gap)
            .into_iter()
            .map(|run| {
                let (x0, x1) = if run.len() == 1 {
                    (placed[run.start].1, placed[run.start].2)
                } else {
                    (starts[run.start].0, starts[run.end - 1].1)
                };
                Spot {
                    x0,
                    x1,
                    members: run,
                }
            })
            .collect();
        LaneSpots {
            order: placed.into_iter().map(|(i, _, _)| i).collect(),
            spots,
        }
    }

    /// The items of `spot`, left to right.
    pub fn items(&self, spot: &Spot) -> &[usize] {
        self.order.get(spot.members.clone()).unwrap_or(&[])
    }

    /// The room for a label to the right of spot `k`, in pixels: up to
    /// where the next spot starts, or to `width`, the drawing's right edge.
    /// Labels placed in their rooms never overlap each other or a later
    /// spot; a spot that reaches past the next one's start has no room.
    pub fn room_after(&self, k: usize, width: f64) -> f64 {
        let Some(spot) = self.spots.get(k) else {
            return 0.0;
        };
        let end = self.spots.get(k + 1).map_or(width, |next| next.x0);
        (end.min(width) - spot.x1).max(0.0)
    }

    /// The spot at `x`, or within `slack` pixels of it: the nearest, and of
    /// spots lying over each other the narrowest, which is drawn on top.
    pub fn at(&self, x: f64, slack: f64) -> Option<&Spot> {
        let distance = |s: &Spot| (s.x0 - x).max(x - s.x1).max(0.0);
        self.spots
            .iter()
            .filter(|s| distance(s) <= slack)
            .min_by(|a, b| {
                distance(a)
                    .total_cmp(&distance(b))
                    .then((a.x1 - a.x0).total_cmp(&(b.x1 - b.x0)))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_corpus::load;

    /// A corpus with a guest-side and a host-side record of one trip, a later
    /// year-only visit, and a telephone call.
    fn corpus() -> Corpus {
        let text = r#"{"format":"article-explorer/corpus","version":1,
          "articles":[{"id":"a","title":"t","source":"s","published":"2023-03-20","language":"en","text":"Evidence sentence."}],
          "entities":[{"id":"xi","kind":"person","name":"Xi Jinping"},{"id":"putin","kind":"person","name":"Vladimir Putin"},
                      {"id":"cn","kind":"country","name":"China"},{"id":"ru","kind":"country","name":"Russia"}],
          "events":[
            {"id":"guest","kind":"042","start":"2023-03-20","end":"2023-03-22","participants":["xi","putin","cn"],"host":"ru","summary":"s","evidence":[{"article":"a","start":0,"end":9}]},
            {"id":"year","kind":"042","start":"2019","participants":["xi"],"host":"ru","summary":"s","evidence":[{"article":"a","start":0,"end":9}]},
            {"id":"host","kind":"043","start":"2023-03-21","participants":["putin"],"host":"ru","summary":"s","evidence":[{"article":"a","start":0,"end":9}]},
            {"id":"call","kind":"041","start":"2019-11-02","participants":["xi","putin"],"summary":"s","evidence":[{"article":"a","start":0,"end":9}]}
          ]}"#;
        let loaded = load(text).unwrap();
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        loaded.corpus
    }

    fn all(c: &Corpus) -> Vec<EventIx> {
        (0..c.events.len() as u32).map(EventIx).collect()
    }

    fn ids(c: &Corpus, item: &Item) -> Vec<String> {
        item.events.iter().map(|&e| c.event(e).id.clone()).collect()
    }

    #[test]
    fn selecting_from_all_items_equals_forming_them() {
        let bundled = explorer_corpus::bundled();
        for c in [corpus(), bundled] {
            let every = AllItems::new(&c);
            let events = all(&c);
            // Every event; every k-th event from each offset; each kind alone;
            // nothing.
            let mut subsets: Vec<Vec<EventIx>> = vec![events.clone(), Vec::new()];
            for k in 2..5 {
                for offset in 0..k {
                    subsets.push(events.iter().copied().skip(offset).step_by(k).collect());
                }
            }
            for kind in EventKind::ALL {
                subsets.push(
                    events
                        .iter()
                        .copied()
                        .filter(|&e| c.event(e).kind == kind)
                        .collect(),
                );
            }
            for subset in subsets {
                let selected = every.select(&c, &subset);
                let formed = items(&c, &subset);
                assert_eq!(
                    selected.iter().cloned().collect::<Vec<_>>(),
                    formed,
                    "{subset:?}"
                );
                // The lanes read the keys gathered beforehand; they are the
                // lanes of the items formed anew.
                for mode in [LaneMode::Country, LaneMode::Person, LaneMode::CountryPair] {
                    assert_eq!(
                        lanes(&c, &selected, mode),
                        lanes(&c, &formed[..], mode),
                        "{mode:?} {subset:?}"
                    );
                }
                assert_eq!(selected, Items::from(formed), "{subset:?}");
            }
        }
    }

    #[test]
    fn selections_compare_by_their_items() {
        let c = corpus();
        let every = AllItems::new(&c);
        let events = all(&c);
        // The guest side alone: the merged visit is formed again.
        let guest: Vec<EventIx> = events
            .iter()
            .copied()
            .filter(|&e| c.event(e).kind != EventKind::HostVisit)
            .collect();
        let whole = every.select(&c, &events);
        assert_eq!(whole, every.select(&c, &events));
        assert_eq!(every.select(&c, &guest), every.select(&c, &guest));
        assert_ne!(whole, every.select(&c, &guest));
        assert_ne!(whole, every.select(&c, &events[1..]));
        assert!(every.select(&c, &[]).is_empty());
        // From other item lists: compared item by item.
        assert_eq!(whole, Items::from(items(&c, &events)));
        assert_ne!(whole, Items::from(items(&c, &guest)));
        assert_eq!(whole.get(2), items(&c, &events).get(2));
        assert_eq!(whole.get(3), None);
    }

    #[test]
    fn guest_and_host_records_merge_into_one_visit() {
        let c = corpus();
        let items = items(&c, &all(&c));
        let order: Vec<_> = items.iter().map(|i| ids(&c, i)).collect();
        assert_eq!(order, [vec!["year"], vec!["call"], vec!["guest", "host"]]);
        let visit = &items[2];
        assert_eq!(visit.kind, EventKind::Visit);
        assert_eq!(
            visit.dates.to_string_pair(),
            ("2023-03-20".into(), Some("2023-03-22".into()))
        );
        assert_eq!(visit.participants.len(), 3);
    }

    #[test]
    fn host_record_alone_stays_a_hosted_visit() {
        let c = corpus();
        let only_host = items(&c, &[c.event_by_id("host").unwrap()]);
        assert_eq!(only_host[0].kind, EventKind::HostVisit);
    }

    #[test]
    fn lanes_by_person_country_and_pair() {
        let c = corpus();
        let items = items(&c, &all(&c));
        let names = |lanes: Vec<Lane>| -> Vec<(String, usize)> {
            lanes
                .into_iter()
                .map(|l| {
                    let n: Vec<_> = l.key.iter().map(|&e| c.entity(e).name.clone()).collect();
                    (n.join(" – "), l.items.len())
                })
                .collect()
        };
        assert_eq!(
            names(lanes(&c, &items[..], LaneMode::Person)),
            [("Xi Jinping".into(), 3), ("Vladimir Putin".into(), 2)]
        );
        assert_eq!(
            names(lanes(&c, &items[..], LaneMode::Country)),
            [("Russia".into(), 2), ("China".into(), 1), ("".into(), 1)]
        );
        assert_eq!(
            names(lanes(&c, &items[..], LaneMode::CountryPair)),
            [("China – Russia".into(), 1), ("".into(), 2)]
        );
    }

    /// Groups make lanes: the merged trip sits in each of its records'
    /// groups, and what has no group shares the last lane.
    #[test]
    fn lanes_by_group() {
        let text = r#"{"format":"article-explorer/corpus","version":1,
          "articles":[{"id":"a","title":"t","source":"s","published":"2023-03-20","language":"en","text":"Evidence sentence."}],
          "entities":[{"id":"xi","kind":"person","name":"Xi Jinping"},{"id":"ru","kind":"country","name":"Russia"}],
          "events":[
            {"id":"guest","kind":"042","start":"2023-03-20","participants":["xi"],"host":"ru","summary":"s","evidence":[{"article":"a","start":0,"end":9}],"group":"Trips"},
            {"id":"host","kind":"043","start":"2023-03-20","participants":["xi"],"host":"ru","summary":"s","evidence":[{"article":"a","start":0,"end":9}],"group":" Hosted "},
            {"id":"later","kind":"042","start":"2024","participants":["xi"],"host":"ru","summary":"s","evidence":[{"article":"a","start":0,"end":9}],"group":"Trips"},
            {"id":"call","kind":"041","start":"2019-11-02","participants":["xi"],"summary":"s","evidence":[{"article":"a","start":0,"end":9}]}
          ]}"#;
        let c = load(text).unwrap().corpus;
        assert!(has_groups(&c));
        assert!(!has_groups(&corpus()));
        let items = items(&c, &all(&c));
        assert_eq!(items.len(), 3, "the guest and host records are one trip");
        let got: Vec<(Option<String>, usize)> = lanes(&c, &items[..], LaneMode::Group)
            .into_iter()
            .map(|l| {
                assert!(l.key.is_empty());
                (l.group, l.items.len())
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some("Trips".into()), 2),
                (Some("Hosted".into()), 1),
                (None, 1)
            ]
        );
        assert_eq!(LaneMode::from_code("group"), Some(LaneMode::Group));
    }

    /// On the bundled corpus, every item sits in the lane of each entity of
    /// the mode's kind it involves (or of each pair), or in the last lane if
    /// none; lanes run from largest to smallest.
    #[test]
    fn every_item_is_in_the_lanes_of_its_entities() {
        let c = explorer_corpus::bundled();
        let items = items(&c, &all(&c));
        for (mode, kind) in [
            (LaneMode::Person, EntityKind::Person),
            (LaneMode::Country, EntityKind::Country),
            (LaneMode::CountryPair, EntityKind::Country),
        ] {
            let lanes = lanes(&c, &items[..], mode);
            for (i, item) in items.iter().enumerate() {
                let mut found: Vec<EntityIx> = item
                    .host
                    .into_iter()
                    .chain(item.participants.iter().copied())
                    .filter(|&e| c.entity(e).kind == kind)
                    .collect();
                found.sort();
                found.dedup();
                let mut keys: Vec<Vec<EntityIx>> = match mode {
                    LaneMode::CountryPair => found
                        .iter()
                        .enumerate()
                        .flat_map(|(n, &a)| found[n + 1..].iter().map(move |&b| vec![a, b]))
                        .collect(),
                    _ => found.iter().map(|&e| vec![e]).collect(),
                };
                if keys.is_empty() {
                    keys.push(Vec::new());
                }
                let mut holding: Vec<Vec<EntityIx>> = lanes
                    .iter()
                    .filter(|l| l.items.contains(&i))
                    .map(|l| l.key.clone())
                    .collect();
                holding.sort();
                keys.sort();
                assert_eq!(holding, keys, "{mode:?}, item {i}");
            }
            let named: Vec<usize> = lanes
                .iter()
                .filter(|l| !l.key.is_empty())
                .map(|l| l.items.len())
                .collect();
            assert!(named.windows(2).all(|w| w[0] >= w[1]), "{mode:?}");
            assert!(lanes[..lanes.len() - 1].iter().all(|l| !l.key.is_empty()));
        }
    }

    #[test]
    fn zoom_keeps_the_anchor_and_pan_moves_the_window() {
        let s = Scale::fit(0, 999, 1000.0);
        let z = s.zoom(2.0, 300.0);
        assert!((z.day_at(300.0) - s.day_at(300.0)).abs() < 1e-9);
        assert!(((z.end - z.start) * 2.0 - (s.end - s.start)).abs() < 1e-9);
        let p = z.pan(100.0);
        assert!((p.x(z.day_at(100.0)) - 0.0).abs() < 1e-9);
        assert!(s.zoom(1e9, 0.0).end - s.zoom(1e9, 0.0).start >= MIN_WINDOW_DAYS);
    }

    #[test]
    fn ticks_switch_from_years_to_months() {
        let decade = Scale::fit(
            days_from_civil(2013, 1, 1),
            days_from_civil(2024, 12, 31),
            800.0,
        );
        let t = decade.ticks(60.0);
        assert!(t.iter().all(|t| t.major) && t.len() >= 4, "{t:?}");
        let spring = Scale::fit(
            days_from_civil(2023, 3, 1),
            days_from_civil(2023, 5, 31),
            800.0,
        );
        let labels: Vec<_> = spring.ticks(60.0).into_iter().map(|t| t.label).collect();
        assert_eq!(
            labels,
            ["Mar", "Apr", "May", "Jun"],
            "the fitted window has a small margin"
        );
    }

    #[test]
    fn close_marks_cluster() {
        let runs = clusters(
            &[
                (0.0, 2.0),
                (3.0, 4.0),
                (20.0, 30.0),
                (31.0, 31.0),
                (50.0, 51.0),
            ],
            5.0,
        );
        assert_eq!(runs, [0..2, 2..4, 4..5]);
        assert!(clusters(&[], 5.0).is_empty());
    }

    #[test]
    fn lane_spots_cluster_what_is_close_and_find_what_is_under_the_pointer() {
        let c = corpus();
        let every = items(&c, &all(&c));
        let everything: Vec<usize> = (0..every.len()).collect();
        let first = every.iter().map(|i| i.dates.first_day()).min().unwrap();
        let last = every.iter().map(|i| i.dates.last_day()).max().unwrap();
        // However wide the drawing, the year-only visit of 2019 is drawn
        // across the year and the call of November 2019 lies on it; the
        // narrower call is what a pointer on it finds. The 2023 trip stands
        // alone.
        let wide = Scale::fit(first, last, 100_000.0);
        let apart = LaneSpots::place(&wide, &every[..], &everything, 4.0, 6.0);
        assert_eq!(apart.spots.len(), 3, "{apart:?}");
        let [year, call, trip] = [0, 1, 2].map(|i| &apart.spots[i]);
        assert_eq!(ids(&c, &every[apart.items(year)[0]]), ["year"]);
        assert_eq!(ids(&c, &every[apart.items(call)[0]]), ["call"]);
        assert!(year.x0 < call.x0 && call.x1 < year.x1 && year.x1 < trip.x0);
        assert_eq!(apart.at((call.x0 + call.x1) / 2.0, 0.0), Some(call));
        assert_eq!(apart.at((year.x0 + call.x0) / 2.0, 0.0), Some(year));
        assert_eq!(ids(&c, &every[apart.items(trip)[0]]), ["guest", "host"]);
        let middle = (trip.x0 + trip.x1) / 2.0;
        assert_eq!(apart.at(middle, 0.0), Some(trip));
        assert_eq!(apart.at(trip.x0 - 2.0, 3.0), Some(trip));
        assert_eq!(apart.at(trip.x0 - 2.0, 1.0), None);
        assert_eq!(apart.at(-50.0, 3.0), None);
        // ...and so narrow that everything is one cluster.
        let narrow = Scale::fit(first, last, 10.0);
        let together = LaneSpots::place(&narrow, &every[..], &everything, 4.0, 6.0);
        assert_eq!(together.spots.len(), 1);
        assert_eq!(together.items(&together.spots[0]).len(), every.len());
        // Items out of the window are not placed at all.
        let before = Scale {
            start: (first - 400) as f64,
            end: (first - 100) as f64,
            width: 1000.0,
        };
        assert_eq!(
            LaneSpots::place(&before, &every[..], &everything, 4.0, 6.0),
            LaneSpots::default()
        );
    }

    #[test]
    fn labels_fit_their_room_and_never_reach_the_next_spot() {
        assert_eq!(
            fit_label("Xi Jinping", 100.0, 6.0).as_deref(),
            Some("Xi Jinping")
        );
        assert_eq!(
            fit_label("Vladimir Putin", 48.0, 6.0).as_deref(),
            Some("Vladimi…")
        );
        // A cut at a space keeps no space before the ellipsis.
        assert_eq!(fit_label("Xi Jinping", 24.0, 6.0).as_deref(), Some("Xi…"));
        assert_eq!(fit_label("Vladimir Putin", 20.0, 6.0), None);
        assert_eq!(fit_label("", 100.0, 6.0), None);
        let c = corpus();
        let every = items(&c, &all(&c));
        let everything: Vec<usize> = (0..every.len()).collect();
        let first = every.iter().map(|i| i.dates.first_day()).min().unwrap();
        let last = every.iter().map(|i| i.dates.last_day()).max().unwrap();
        let scale = Scale::fit(first, last, 1_000.0);
        let lane = LaneSpots::place(&scale, &every[..], &everything, 4.0, 6.0);
        assert!(lane.spots.len() >= 2, "{lane:?}");
        for k in 0..lane.spots.len() {
            let room = lane.room_after(k, scale.width);
            let end = lane.spots[k].x1 + room;
            if let (Some(next), true) = (lane.spots.get(k + 1), room > 0.0) {
                assert!(end <= next.x0 + 1e-9, "label of {k} runs into {}", k + 1);
            }
            assert!(end <= scale.width + 1e-9);
        }
        // The year-long bar reaches past the call lying on it: no room.
        let wide = Scale::fit(first, last, 100_000.0);
        let apart = LaneSpots::place(&wide, &every[..], &everything, 4.0, 6.0);
        assert_eq!(apart.room_after(0, wide.width), 0.0);
        assert!(apart.room_after(1, wide.width) > 0.0);
        assert_eq!(apart.room_after(9, wide.width), 0.0);
    }
}
