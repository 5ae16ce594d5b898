//! The overview: events per year as a small bar chart (a bar narrows the date
//! filter to its year), the most frequent participants (a click filters by
//! one), and the sources' counting claims beside what the corpus holds.

use leptos::prelude::*;

use super::state::use_state;
use crate::corpus::EventIx;
use crate::dates::PartialDate;
use crate::overview::{claim_checks, per_year, top_participants};
use crate::timeline;

const CHART_HEIGHT: f64 = 64.0;
const BAR_WIDTH: f64 = 15.0;
const BAR_GAP: f64 = 3.0;
/// Room at each side for the end years' names.
const PAD: f64 = 8.0;
const TOP: usize = 8;
/// The least width the chart is drawn at, in its own units: a corpus of one
/// or two years gets short bars at the left, not a chart scaled up to fill
/// the column.
const MIN_CHART_WIDTH: f64 = 240.0;

/// The overview tab.
#[component]
pub fn Overview() -> impl IntoView {
    view! {
        <section class="overview" aria-labelledby="overview-title">
            <h2 id="overview-title">"Overview"</h2>
            <YearChart />
            <TopParticipants />
            <Claims />
        </section>
    }
}

/// A bar's height: proportional, and at least visible when not zero.
fn bar_height(count: usize, max: f64) -> f64 {
    let h = count as f64 / max * (CHART_HEIGHT - 14.0);
    if count > 0 {
        h.max(2.0)
    } else {
        0.0
    }
}

/// Timeline items per year under the current filters.
#[component]
fn YearChart() -> impl IntoView {
    let state = use_state();
    let items = state.items;
    let filters = state.filters;
    let bars = move || {
        let years = items.with(|items| per_year(&**items));
        let max = years.iter().map(|y| y.1).max().unwrap_or(0).max(1) as f64;
        let width = (2.0 * PAD + years.len() as f64 * (BAR_WIDTH + BAR_GAP)).max(MIN_CHART_WIDTH);
        let bars = years
            .iter()
            .enumerate()
            .map(|(i, &(year, count))| {
                let h = bar_height(count, max);
                let x = PAD + i as f64 * (BAR_WIDTH + BAR_GAP);
                let label = format!("{year}: {count} event(s); show only {year}");
                let pick = move || {
                    let year = PartialDate::year(year);
                    filters.update(|f| {
                        f.from = Some(year.first_day());
                        f.to = Some(year.last_day());
                    });
                };
                view! {
                    <g
                        class="year-bar"
                        role="button"
                        tabindex="0"
                        aria-label=label
                        on:click=move |_| pick()
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                pick();
                            }
                        }
                    >
                        <rect class="year-hit" x=x y="0" width=BAR_WIDTH height=CHART_HEIGHT + 14.0 />
                        <rect class="year-fill" x=x y=CHART_HEIGHT - h width=BAR_WIDTH height=h />
                    </g>
                }
            })
            .collect_view();
        // Figures drawn over the bars; the bars' labels already say them.
        let count_years = years.len();
        let figures = years
            .iter()
            .enumerate()
            .map(|(i, &(year, count))| {
                let h = bar_height(count, max);
                let mid = PAD + i as f64 * (BAR_WIDTH + BAR_GAP) + BAR_WIDTH / 2.0;
                view! {
                    <text class="year-count" x=mid y=CHART_HEIGHT - h - 3.0>
                        {(count > 0).then(|| count.to_string())}
                    </text>
                    // Every fifth year and the ends are named; the bar's label
                    // names each one.
                    <text class="year-label" x=mid y=CHART_HEIGHT + 11.0>
                        {(year % 5 == 0 || i == 0 || i + 1 == count_years)
                            .then(|| year.to_string())}
                    </text>
                }
            })
            .collect_view();
        view! {
            // It fills the column (so it fits without scrolling sideways),
            // but grows to no more than half again its natural size.
            <svg
                class="year-chart"
                role="group"
                aria-label="Events per year"
                viewBox=format!("0 0 {width} {}", CHART_HEIGHT + 14.0)
                preserveAspectRatio="xMinYMax meet"
                style:max-width=format!("{:.0}px", width * 1.5)
            >
                {bars}
                <g class="year-figures" aria-hidden="true">{figures}</g>
            </svg>
        }
    };
    view! {
        <section class="overview-part" aria-labelledby="per-year-title">
            <h3 id="per-year-title">"Events per year"</h3>
            <super::picture::SavePicture css=".year-chart" name="events-per-year" what="the chart" />
            <div class="year-chart-scroll">{bars}</div>
        </section>
    }
}

/// The participants in most of the filtered events.
#[component]
fn TopParticipants() -> impl IntoView {
    let state = use_state();
    let corpus = state.corpus.clone();
    let items = state.items;
    let filters = state.filters;
    let rows = move || {
        items
            .with(|items| top_participants(&corpus, &**items, TOP))
            .into_iter()
            .map(|(entity, count)| {
                let name = corpus.entity(entity).name.clone();
                let chosen = move || filters.with(|f| f.participants.contains(&entity));
                view! {
                    <li>
                        <button
                            type="button"
                            class="link-button"
                            aria-pressed=move || chosen().to_string()
                            on:click=move |_| {
                                filters.update(|f| {
                                    if !f.participants.remove(&entity) {
                                        f.participants.insert(entity);
                                    }
                                })
                            }
                        >
                            {name}
                        </button>
                        <span class="count">{count.to_string()}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="overview-part" aria-labelledby="top-title">
            <h3 id="top-title">"Top participants"</h3>
            <ol class="top-participants">{rows}</ol>
        </section>
    }
}

/// Counting claims ("met about 40 times") beside the meetings the corpus holds.
#[component]
fn Claims() -> impl IntoView {
    let state = use_state();
    let corpus = state.corpus.clone();
    let all: Vec<EventIx> = (0..corpus.events.len() as u32).map(EventIx).collect();
    let checks = claim_checks(&corpus, &timeline::items(&corpus, &all)[..]);
    (!checks.is_empty()).then(|| {
        let rows = checks
            .into_iter()
            .map(|check| {
                let event = corpus.event(check.event);
                let names: Vec<&str> = check
                    .people
                    .iter()
                    .map(|&p| corpus.entity(p).name.as_str())
                    .collect();
                let held = format!(
                    "This corpus holds {} in-person meeting(s) of {} up to {}.",
                    check.held,
                    names.join(" and "),
                    event.dates.end.unwrap_or(event.dates.start).label()
                );
                let selected = state.selected;
                let ix = check.event;
                view! {
                    <li class="claim">
                        <blockquote>{check.claim}</blockquote>
                        <p>
                            <span class="claimed">{format!("Claimed: {}", check.claimed)}</span>
                            " · "
                            <span class="held">{held}</span>
                            " "
                            <button type="button" class="link-button" on:click=move |_| selected.set(Some(ix))>
                                {format!("Open: {}", event.summary)}
                            </button>
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="overview-part" aria-labelledby="claims-title">
                <h3 id="claims-title">"Claims and counts"</h3>
                <ul class="claims">{rows}</ul>
            </section>
        }
    })
}
