//! Facts of the bundled corpus (`public/data/corpus.json`, compiled from
//! `corpus/`) that the end-to-end tests expect the page to show.
//!
//! They are written down, not computed: a count worked out with the code the
//! page runs (facets, timeline, overview, entities, search) would only check
//! that the page calls that code. Each was counted from the corpus file
//! without that code and agreed with what the code gives. They are facts of
//! this corpus, so they change when `corpus/` does: `cargo test --test
//! bundled_corpus` checks the raw counts against the file and says which one
//! moved; the merged visits are seen only by the page, so count those again
//! by hand.

// Each test crate that includes this file uses a part of it.
#![allow(dead_code)]

use std::ops::RangeInclusive;

/// What an "Events (N)" heading counts: timeline items, made of `events`
/// events of which `merged` are a host's record (043) of a visit, shown as
/// one item with the guest's record (042) of the same trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Items {
    /// Events in the selection.
    pub events: usize,
    /// Of those, host records merged into a guest's visit.
    pub merged: usize,
}

impl Items {
    /// The number of timeline items.
    pub const fn count(self) -> usize {
        self.events - self.merged
    }

    /// The event list's heading.
    pub fn heading(self) -> String {
        format!("Events ({})", self.count())
    }
}

/// Entities in the entity index ("204 entities").
pub const ENTITIES: usize = 204;

/// The whole corpus: 82 events, 9 of them the host's side of a visit.
pub const ALL: Items = Items {
    events: 82,
    merged: 9,
};

/// The kind "Telephone call" (041) alone.
pub const CALLS: Items = Items {
    events: 3,
    merged: 0,
};

/// The kind "Visit" (042) alone: guests' records only, so none merge.
pub const VISITS: Items = Items {
    events: 34,
    merged: 0,
};

/// Dates from 1 January to 31 December 2019: the events that may overlap it.
pub const IN_2019: Items = Items {
    events: 15,
    merged: 2,
};

/// The query "Sunnylands": the events with evidence in the two articles
/// that name it (Xi's visits to the United States of 2013 and 2015).
pub const SUNNYLANDS: Items = Items {
    events: 2,
    merged: 0,
};

/// The participant Vladimir Putin.
pub const WITH_PUTIN: Items = Items {
    events: 38,
    merged: 6,
};

/// First days a drag along the axis may pick and still hold [`BRUSHED`]:
/// after Putin's July 2000 visit to North Korea, up to the last day of Xi's
/// March 2013 visit to Russia. The scenario's drag picks about 22 Feb 2006.
pub const BRUSH_FROM: RangeInclusive<&str> = "2000-08-01"..="2013-03-24";

/// Last days likewise: from the Russia–China gas contract (21 May 2014) to
/// the end of February 2015, before the Lausanne talks (March 2015). The
/// drag picks about 21 Jan 2015.
pub const BRUSH_TO: RangeInclusive<&str> = "2014-05-21"..="2015-02-28";

/// A window from a day of [`BRUSH_FROM`] to a day of [`BRUSH_TO`].
pub const BRUSHED: Items = Items {
    events: 5,
    merged: 1,
};

/// The earliest event, first in the list and on the timeline.
pub const FIRST_EVENT: &str = "putin-north-korea-2000";

/// Its date, as the detail's heading shows it (the event starts "2000-07").
pub const FIRST_EVENT_DATE: &str = "Jul 2000";

/// The title of the article holding its one evidence.
pub const FIRST_EVENT_ARTICLE: &str = "Putin and Kim sign mutual defence pact in Pyongyang";

/// Its evidence sentence, as the reader marks it.
pub const FIRST_EVENT_EVIDENCE: &str =
    "Putin's previous visit, in July 2000, was to meet Kim Jong Il, the current leader's father.";

/// Who takes part in most timeline items, so leads the lanes by person and
/// the top participants.
pub const BUSIEST: &str = "Xi Jinping";

/// The items [`BUSIEST`] takes part in (45); nobody else takes part in as
/// many events.
pub const BUSIEST_ITEMS: Items = Items {
    events: 52,
    merged: 7,
};

/// The claim counted by the overview: "The leaders have met about 40 times
/// since 2013", told of Russia hosting Xi in March 2023.
pub const CLAIMED: u32 = 40;

/// The event that claim is told of.
pub const CLAIM_EVENT: &str = "russia-hosts-xi-2023";

/// The in-person meetings (any kind but 036 and 041) of Putin and Xi that
/// begin by the end of that visit, 22 Mar 2023: the 18 the overview sets
/// beside the claim (a 2021 video call filed as 040 among them).
pub const CLAIM_HELD: Items = Items {
    events: 22,
    merged: 4,
};

/// The first year of the per-year chart (Putin's visit to North Korea).
pub const FIRST_YEAR: i32 = 2000;

/// The last year of the chart; it has a bar for every year between, empty
/// ones too.
pub const LAST_YEAR: i32 = 2024;

/// Whom Vladimir Putin's entity page lists first under "Appears most with".
pub const PUTIN_PARTNER: &str = "Russia";

/// The articles that mention Putin, every one of which mentions Russia too.
pub const PUTIN_ARTICLES: usize = 25;

/// The corpus after the paste scenario adds its sample article without the
/// last event found: the one kept, Xi's visit to Russia of 20–22 March 2023,
/// is the trip the timeline already shows (Russia's record of hosting it
/// joins the two), so one event more and no item more.
pub const AFTER_PASTE: Items = Items {
    events: ALL.events + 1,
    merged: ALL.merged + 1,
};
