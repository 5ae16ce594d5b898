//! The timeline: filtered events on a time axis, in lanes, with durations as
//! bars and month- or year-precision dates drawn as hatched spans so their
//! uncertainty shows. Zoom with the wheel, a pinch, the buttons or +/-; pan by
//! dragging or with the arrow keys; drag along the axis to filter by those
//! dates. The lanes and the window live in the view state (and so the URL).
//! The event list beside it is the accessible path to the same events; the
//! drawing is a view of it.

use std::sync::Arc;

use leptos::prelude::*;

use super::state::use_state;
use crate::corpus::{Corpus, EventIx};
use crate::dates::{civil_from_days, month_abbreviation, DateRange, DayNumber};
use crate::timeline::gesture::{self as pointer, Gesture, Plot};
use crate::timeline::{
    fit_label, lanes, Item, Items, Lane, LaneMode, LaneSpots, Scale, MIN_WINDOW_DAYS,
};

/// Width of the drawing in SVG units; it scales to the page width.
const WIDTH: f64 = 1000.0;
/// Width kept for lane labels.
const LABEL: f64 = 150.0;
/// Height of the axis band and of one lane.
const AXIS: f64 = 28.0;
const LANE: f64 = 26.0;
/// Lanes drawn before the rest are folded into "Other lanes".
const MAX_LANES: usize = 14;
/// Width of one character of a tick label, in SVG units (a generous guess).
const TICK_CHAR: f64 = 7.5;
/// Marks closer than this (SVG units) are drawn as one cluster with a count.
const CLUSTER_GAP: f64 = 6.0;
/// Width of one character of a mark's label, in SVG units (the labels are
/// set a little smaller than the ticks).
const LABEL_CHAR: f64 = 6.0;
/// Space between a mark and its label.
const LABEL_GAP: f64 = 3.0;
/// How long the window must rest after a zoom or pan step before the marks
/// are labelled again.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(120);
/// Where the lane labels, the plot and the axis band lie.
const PLOT: Plot = Plot {
    label: LABEL,
    width: WIDTH,
    axis: AXIS,
};

/// The timeline panel with its controls.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = use_state();
    let corpus = state.corpus.clone();
    let (first, last) = corpus
        .events
        .iter()
        .fold((DayNumber::MAX, DayNumber::MIN), |(a, b), e| {
            (a.min(e.dates.first_day()), b.max(e.dates.last_day()))
        });
    let home = if first <= last {
        Scale::fit(first, last, WIDTH - LABEL)
    } else {
        Scale::fit(0, 365, WIDTH - LABEL)
    };
    let window = state.window;
    let scale_of = move |w: Option<(DayNumber, DayNumber)>| match w {
        Some((first, last)) => Scale {
            start: first as f64,
            end: (last + 1) as f64,
            width: WIDTH - LABEL,
        },
        None => home,
    };
    let window_of = |s: Scale| (s.start.floor() as DayNumber, s.end.ceil() as DayNumber - 1);
    let scale = RwSignal::new(scale_of(window.get_untracked()));
    // The window from the URL (a link, back or forward) moves the drawing...
    Effect::new(move |_| {
        let w = window.get();
        let current = scale.get_untracked();
        if (current != home).then(|| window_of(current)) != w {
            scale.set(scale_of(w));
        }
    });
    // ...and zooming or panning writes it back, whole days only.
    Effect::new(move |_| {
        let s = scale.get();
        let w = (s != home).then(|| window_of(s));
        if window.get_untracked() != w {
            window.set(w);
        }
    });
    // Whether the window moved in the last moments (see `Chosen::labels`).
    let moving = RwSignal::new(false);
    let settle = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |previous: Option<Scale>| {
        let now = scale.get();
        if previous.is_some_and(|p| p != now) {
            moving.set(true);
            if let Some(timer) = settle.get_value() {
                timer.clear();
            }
            let timer = set_timeout_with_handle(
                move || {
                    // The timeline may be gone (another corpus) by now.
                    let _ = moving.try_set(false);
                },
                SETTLE,
            );
            settle.set_value(timer.ok());
        }
        now
    });
    let mode = state.lanes;
    // Lanes by group are offered only when the corpus's source grouped its
    // events.
    let grouped = crate::timeline::has_groups(&state.corpus);
    let items = state.items;
    let selected = state.selected;
    let filters = state.filters;

    let zoom = move |factor: f64| scale.update(|s| *s = s.zoom(factor, s.width / 2.0));
    let pan = move |fraction: f64| scale.update(|s| *s = s.pan(s.width * fraction));
    // The item the arrow keys are on, by its place in the items; it follows
    // the selection, so stepping goes on from the event chosen last.
    let cursor = RwSignal::new(None::<usize>);
    let position_of = move |event: EventIx| {
        items.with_untracked(|items| items.iter().position(|i| i.events.contains(&event)))
    };
    // Brings the item at `at` into the window, keeping the zoom.
    let reveal = move |at: usize| {
        let Some((first, last)) =
            items.with_untracked(|i| i.get(at).map(|i| (i.dates.first_day(), i.dates.last_day())))
        else {
            return;
        };
        scale.update(|s| {
            let (x0, x1) = (s.x(first as f64), s.x((last + 1) as f64));
            if x1 < 0.0 || x0 > s.width {
                *s = s.pan((x0 + x1) / 2.0 - s.width / 2.0);
            }
        });
    };
    // An event chosen anywhere (the list, the detail, a link) is brought
    // into view; the view a link opens with keeps its window.
    Effect::new(move |previous: Option<Option<EventIx>>| {
        let chosen = selected.get();
        let at = chosen.and_then(position_of);
        if at.is_some() {
            cursor.set(at);
        }
        if let (Some(at), Some(_)) = (at, previous) {
            reveal(at);
        }
        chosen
    });
    let step = move |to: Step| {
        let count = items.with_untracked(|i| i.len());
        if count == 0 {
            return;
        }
        let at = match (to, cursor.get_untracked().filter(|&c| c < count)) {
            (Step::First, _) => 0,
            (Step::Last, _) => count - 1,
            (Step::Back, Some(c)) => c.saturating_sub(1),
            (Step::On, Some(c)) => (c + 1).min(count - 1),
            // The first arrow lands on the first event in view.
            (Step::Back | Step::On, None) => scale.with_untracked(|s| {
                items.with_untracked(|items| {
                    items
                        .iter()
                        .position(|i| s.x((i.dates.last_day() + 1) as f64) >= 0.0)
                        .unwrap_or(0)
                })
            }),
        };
        cursor.set(Some(at));
        reveal(at);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let shift = ev.shift_key();
        let handled = match ev.key().as_str() {
            "+" | "=" => {
                zoom(1.5);
                true
            }
            "-" | "_" => {
                zoom(1.0 / 1.5);
                true
            }
            "ArrowLeft" if shift => {
                pan(-0.1);
                true
            }
            "ArrowRight" if shift => {
                pan(0.1);
                true
            }
            "PageUp" => {
                pan(-0.5);
                true
            }
            "PageDown" => {
                pan(0.5);
                true
            }
            "ArrowLeft" | "ArrowUp" => {
                step(Step::Back);
                true
            }
            "ArrowRight" | "ArrowDown" => {
                step(Step::On);
                true
            }
            "Home" => {
                step(Step::First);
                true
            }
            "End" => {
                step(Step::Last);
                true
            }
            "Enter" | " " => {
                let event = cursor
                    .get_untracked()
                    .and_then(|c| items.with_untracked(|i| i.get(c).map(|i| i.events[0])));
                if let Some(event) = event {
                    selected.set(Some(event));
                }
                event.is_some()
            }
            "0" => {
                scale.set(home);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let x = svg_x(&ev) - LABEL;
        let factor = if ev.delta_y() < 0.0 { 1.25 } else { 0.8 };
        scale.update(|s| *s = s.zoom(factor, x.clamp(0.0, s.width)));
    };
    // Lanes change with the filters and the lane mode, not with zoom or pan.
    let lane_list = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            let mode = mode.get();
            Arc::new(super::perf::measured("ae:lanes", || {
                items.with(|items| lanes(&corpus, &**items, mode))
            }))
        })
    };
    // The lane of the event the cursor is on is scrolled into the pane when
    // the drawing is taller than it.
    let canvas_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(at) = cursor.get() else {
            return;
        };
        let row = lane_list.with_untracked(|l| {
            l.iter()
                .take(MAX_LANES)
                .position(|lane| lane.items.contains(&at))
        });
        let (Some(row), Some(canvas)) = (row, canvas_ref.get_untracked()) else {
            return;
        };
        let k = f64::from(canvas.client_width()) / WIDTH;
        let top = (AXIS + LANE * row as f64) * k;
        let bottom = top + LANE * k;
        let (seen_top, seen) = (
            f64::from(canvas.scroll_top()),
            f64::from(canvas.client_height()),
        );
        if top - AXIS * k < seen_top {
            canvas.set_scroll_top((top - AXIS * k).max(0.0) as i32);
        } else if bottom > seen_top + seen {
            canvas.set_scroll_top((bottom - seen) as i32);
        }
    });
    let height = move || lane_list.with(|l| drawing_height(l.len()));
    let tick_marks = move || {
        let s = scale.get();
        let height = height();
        s.ticks(70.0)
            .into_iter()
            .map(|t| {
                let x = LABEL + s.x(t.day as f64);
                // A label that would run past the right edge ends at its tick
                // instead of starting there.
                let room = (t.label.chars().count() as f64) * TICK_CHAR + 3.0;
                let (text_x, anchor) = if x + room > WIDTH {
                    (x - 3.0, "end")
                } else {
                    (x + 3.0, "start")
                };
                view! {
                    <g class=if t.major { "tick major" } else { "tick" }>
                        <line x1=x x2=x y1=AXIS - 6.0 y2=height />
                        <text x=text_x y=AXIS - 10.0 text-anchor=anchor>{t.label}</text>
                    </g>
                }
            })
            .collect_view()
    };
    // The lane bands and labels change with the lanes only.
    let rows = {
        let corpus = corpus.clone();
        move || {
            lane_list
                .get()
                .iter()
                .take(MAX_LANES)
                .enumerate()
                .map(|(row, lane)| {
                    let y = AXIS + LANE * row as f64;
                    let label = if let Some(group) = &lane.group {
                        group.clone()
                    } else if lane.key.is_empty() {
                        "Other".to_string()
                    } else {
                        lane.key
                            .iter()
                            .map(|&e| corpus.entity(e).name.clone())
                            .collect::<Vec<_>>()
                            .join(" – ")
                    };
                    view! {
                        <g class="lane">
                            <rect class="lane-band" x=0 y=y width=WIDTH height=LANE />
                            <text class="lane-label" x=4 y=y + LANE * 0.65>
                                {truncate(&label, 22)}
                                <title>{label.clone()}</title>
                            </text>
                        </g>
                    }
                })
                .collect_view()
        }
    };
    // The marks are redrawn on every zoom and pan step, so they are a few
    // paths rather than an element each; where each spot lies is kept to
    // find what a click or a hover is on.
    let marks = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            let s = scale.get();
            let chosen = Chosen {
                selected: selected.get(),
                cursor: cursor.get(),
                labels: !moving.get(),
            };
            super::perf::measured("ae:marks", || {
                items.with(|items| {
                    lane_list.with(|lanes| {
                        Marks::draw(
                            &corpus,
                            &s,
                            items,
                            &lanes[..lanes.len().min(MAX_LANES)],
                            chosen,
                        )
                    })
                })
            })
        })
    };
    // The items of the mark or cluster at a point of the drawing.
    let items_at = move |x: f64, y: f64| -> Option<Vec<usize>> {
        let row = ((y - AXIS) / LANE).floor();
        if x < LABEL || row < 0.0 {
            return None;
        }
        marks.with_untracked(|m| {
            let lane = m.lanes.get(row as usize)?;
            Some(lane.items(lane.at(x - LABEL, 3.0)?).to_vec())
        })
    };
    let hover = RwSignal::new(None::<Hover>);
    let describe = {
        let corpus = corpus.clone();
        move |members: &[usize]| -> Option<String> {
            items.with_untracked(|items| {
                let first = items.get(*members.first()?)?;
                if members.len() == 1 {
                    let who = first
                        .participants
                        .iter()
                        .take(3)
                        .map(|&e| corpus.entity(e).name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    let more = if first.participants.len() > 3 {
                        ", …"
                    } else {
                        ""
                    };
                    let dash = if who.is_empty() { "" } else { " — " };
                    Some(format!(
                        "{}: {}{dash}{who}{more}",
                        first.dates.label(),
                        first.kind.label()
                    ))
                } else {
                    let last = items.get(*members.last()?)?;
                    Some(format!(
                        "{} events, {} to {}; click to zoom in",
                        members.len(),
                        first.dates.label(),
                        last.dates.label()
                    ))
                }
            })
        }
    };
    // What the arrow keys landed on, for screen readers.
    let announcement = {
        let describe = describe.clone();
        move || {
            let at = cursor.get()?;
            let count = items.with(|i| i.len());
            let text = describe(&[at])?;
            let chosen = selected.get().and_then(position_of) == Some(at);
            let enter = if chosen { "" } else { "; Enter opens it" };
            Some(format!("{text} ({} of {count}){enter}", at + 1))
        }
    };
    let show_tip = move |ev: &leptos::ev::PointerEvent| {
        let (x, y) = svg_point(ev);
        let found = items_at(x, y).and_then(|members| describe(&members));
        hover.set(found.map(|text| Hover {
            left: x / WIDTH * 100.0,
            top: y / lane_list.with_untracked(|l| drawing_height(l.len())) * 100.0,
            text,
        }));
    };
    // Pointers down on the drawing: one pans (or brushes on the axis), two
    // pinch. What each event means is worked out by the gesture reducer;
    // here it is only applied.
    let gesture = StoredValue::new(Gesture::default());
    let brush = RwSignal::new(None::<(f64, f64)>);
    let act = move |action: pointer::Action| match action {
        pointer::Action::Nothing | pointer::Action::Hover => {}
        pointer::Action::Pan(dx) => scale.update(|s| *s = s.pan(dx)),
        pointer::Action::Zoom { factor, anchor } => scale.update(|s| *s = s.zoom(factor, anchor)),
        pointer::Action::Brush(a, b) => brush.set(Some((a, b))),
        pointer::Action::BrushCancelled => brush.set(None),
        pointer::Action::Brushed(a, b) => {
            brush.set(None);
            let s = scale.get_untracked();
            let day = |x: f64| s.day_at(x - LABEL);
            let (from, to) = (day(a).floor(), day(b).ceil() - 1.0);
            filters.update(|f| {
                f.from = Some(from as DayNumber);
                f.to = Some(to as DayNumber);
            });
        }
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let (x, y) = svg_point(&ev);
        let action = gesture
            .try_update_value(|g| g.down(ev.pointer_id(), x, y, &PLOT))
            .unwrap_or(pointer::Action::Nothing);
        if action == pointer::Action::Nothing {
            brush.set(None);
        }
        act(action);
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let x = svg_x(&ev);
        let action = gesture
            .try_update_value(|g| g.moved(ev.pointer_id(), x, &PLOT))
            .unwrap_or(pointer::Action::Nothing);
        if action == pointer::Action::Hover {
            show_tip(&ev);
        }
        act(action);
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        hover.set(None);
        act(gesture
            .try_update_value(|g| g.up(ev.pointer_id()))
            .unwrap_or(pointer::Action::Nothing));
    };
    let brush_view = move || {
        brush.get().map(|(a, b)| {
            view! { <rect class="brush" x=a.min(b) y=0 width=(a - b).abs() height=AXIS /> }
        })
    };

    // A click on a mark selects its event; on a cluster it zooms in to
    // separate its events, or selects the first when they cannot be.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if gesture.with_value(Gesture::dragged) {
            return;
        }
        let (x, y) = svg_point(&ev);
        let Some(members) = items_at(x, y) else {
            return;
        };
        let (first_event, first, last) = items.with_untracked(|items| {
            let dates = members
                .iter()
                .filter_map(|&i| items.get(i))
                .map(|i| &i.dates);
            (
                members
                    .first()
                    .and_then(|&i| items.get(i))
                    .map(|i| i.events[0]),
                dates.clone().map(|d| d.first_day()).min(),
                dates.map(|d| d.last_day()).max(),
            )
        });
        let at_most_zoom = scale.with_untracked(|s| s.end - s.start <= MIN_WINDOW_DAYS + 0.5);
        match (members.len(), first, last) {
            (2.., Some(first), Some(last)) if !at_most_zoom => {
                scale.set(Scale::fit(first, last, WIDTH - LABEL));
            }
            _ => {
                if let Some(event) = first_event {
                    selected.set(Some(event));
                }
            }
        }
    };
    let drawing = view! {
        <svg
            class="timeline-svg"
            viewBox=move || format!("0 0 {WIDTH} {}", height())
            role="img"
            aria-label="Timeline of the filtered events; the event list holds the same events"
            on:click=on_click
            on:wheel=on_wheel
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
            on:pointerleave=on_up
        >
            <clipPath id="plot-area">
                <rect x=LABEL y=0 width=WIDTH - LABEL height=height />
            </clipPath>
            <rect class="axis-band" x=LABEL y=0 width=WIDTH - LABEL height=AXIS>
                <title>"Drag along the axis to show only those dates"</title>
            </rect>
            <g clip-path="url(#plot-area)">{tick_marks}</g>
            {rows}
            <g class="marks">
                <path class="mark-uncertain" d=move || marks.with(|m| m.uncertain.clone()) />
                <path class="mark-clusters" d=move || marks.with(|m| m.clusters.clone()) />
                <path class="mark-exact" d=move || marks.with(|m| m.exact.clone()) />
                <path class="mark-selected" d=move || marks.with(|m| m.selected.clone()) />
                <path class="mark-cursor" d=move || marks.with(|m| m.cursor.clone()) />
                {move || {
                    marks
                        .with(|m| {
                            m.labels
                                .iter()
                                .map(|(x, y, text)| {
                                    view! {
                                        <text class="mark-label" x=*x y=*y>
                                            {text.clone()}
                                        </text>
                                    }
                                })
                                .collect_view()
                        })
                }}
                {move || {
                    marks
                        .with(|m| {
                            m.counts
                                .iter()
                                .map(|&(x, y, n)| {
                                    view! {
                                        <text class="cluster-count" x=x y=y>
                                            {n.to_string()}
                                        </text>
                                    }
                                })
                                .collect_view()
                        })
                }}
            </g>
            {brush_view}
        </svg>
    };
    let window_label = move || {
        let s = scale.get();
        let label = |d: f64| {
            let (y, m, _) = civil_from_days(d.round() as DayNumber);
            format!("{} {y}", month_abbreviation(m))
        };
        format!("Showing {} – {}", label(s.start), label(s.end))
    };
    view! {
        <section class="timeline" aria-labelledby="timeline-title">
            <div class="timeline-head">
                <h2 id="timeline-title">"Timeline"</h2>
                <div class="timeline-controls" role="group" aria-label="Timeline controls">
                    <label>
                        "Lanes "
                        <select
                            on:change=move |ev| {
                                if let Some(m) = LaneMode::from_code(&event_target_value(&ev)) {
                                    mode.set(m);
                                }
                            }
                        >
                            <option value="country" selected=move || mode.get() == LaneMode::Country>
                                "by country"
                            </option>
                            <option value="person" selected=move || mode.get() == LaneMode::Person>
                                "by person"
                            </option>
                            <option value="pair" selected=move || mode.get() == LaneMode::CountryPair>
                                "by country pair"
                            </option>
                            {grouped
                                .then(|| {
                                    view! {
                                        <option
                                            value="group"
                                            selected=move || mode.get() == LaneMode::Group
                                        >
                                            "by group"
                                        </option>
                                    }
                                })}
                        </select>
                    </label>
                    <button type="button" on:click=move |_| zoom(1.5)>"Zoom in"</button>
                    <button type="button" on:click=move |_| zoom(1.0 / 1.5)>"Zoom out"</button>
                    <button type="button" on:click=move |_| scale.set(home)>"Reset"</button>
                    <super::picture::SavePicture css=".timeline-svg" name="timeline" what="the timeline" />
                </div>
            </div>
            <p class="timeline-window" aria-live="polite">{window_label}</p>
            <p id="timeline-announce" class="visually-hidden" aria-live="polite" aria-atomic="true">
                {announcement}
            </p>
            <div
                class="timeline-canvas"
                node_ref=canvas_ref
                tabindex="0"
                role="group"
                aria-label="Timeline: the arrow keys step through the events and Enter opens one; plus and minus zoom, Page Up and Page Down or Shift with an arrow pan, 0 resets"
                aria-describedby="timeline-announce"
                on:keydown=on_key
                class:pointing=move || hover.with(Option::is_some)
            >
                {drawing}
                {move || {
                    hover
                        .get()
                        .map(|tip| {
                            let side = if tip.left < 30.0 {
                                "timeline-tip from-left"
                            } else if tip.left > 70.0 {
                                "timeline-tip from-right"
                            } else {
                                "timeline-tip"
                            };
                            view! {
                                <div
                                    class=side
                                    aria-hidden="true"
                                    style:left=format!("{:.2}%", tip.left)
                                    style:top=format!("{:.2}%", tip.top)
                                >
                                    {tip.text}
                                </div>
                            }
                        })
                }}
            </div>
        </section>
    }
}

/// Where an arrow-key step goes in the events' time order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    First,
    Back,
    On,
    Last,
}

/// What the pointer is over, for the tip beside it: where (in percent of the
/// drawing) and what.
#[derive(Clone, Debug, PartialEq)]
struct Hover {
    left: f64,
    top: f64,
    text: String,
}

/// The marks of the lanes in view, drawn as one path per look, bottom to
/// top: month- or year-precision dates as pale dashed spans, clusters as
/// pills with their count, exact dates as solid bars, and an outline round
/// the selected event (or the cluster holding it). `lanes` keeps where each
/// spot is.
#[derive(Clone, Debug, Default, PartialEq)]
struct Marks {
    exact: String,
    uncertain: String,
    clusters: String,
    selected: String,
    /// An outline round the mark the arrow keys are on.
    cursor: String,
    /// Where each cluster's count goes, and the count.
    counts: Vec<(f64, f64, usize)>,
    /// Labels beside the marks that have room for one: where, and the text.
    labels: Vec<(f64, f64, String)>,
    lanes: Vec<LaneSpots>,
}

/// How to draw the marks: the items they single out (the selected event's
/// and the one the arrow keys are on, by its place in the items), and
/// whether to label them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Chosen {
    selected: Option<EventIx>,
    cursor: Option<usize>,
    /// Labels are left out while the window is moving: laying out their
    /// text on every step of a zoom or pan made each step about a third
    /// slower, and they are not read in motion.
    labels: bool,
}

impl Marks {
    fn draw(corpus: &Corpus, s: &Scale, items: &Items, lanes: &[Lane], chosen: Chosen) -> Marks {
        let mut m = Marks::default();
        let labelled = chosen.labels;
        let holds = |i: usize| {
            chosen
                .selected
                .is_some_and(|e| items.get(i).is_some_and(|item| item.events.contains(&e)))
        };
        for (row, lane) in lanes.iter().enumerate() {
            let y = AXIS + LANE * row as f64;
            let label_y = y + LANE / 2.0 + 3.5;
            let spots = LaneSpots::place(s, items, &lane.items, 4.0, CLUSTER_GAP);
            for (k, spot) in spots.spots.iter().enumerate() {
                let members = spots.items(spot);
                let x0 = LABEL + spot.x0.max(0.0);
                let x1 = LABEL + spot.x1.min(s.width);
                let is_selected = members.iter().any(|&i| holds(i));
                let has_cursor = chosen.cursor.is_some_and(|c| members.contains(&c));
                let (top, height, width, r) = if members.len() > 1 {
                    (y + 4.0, LANE - 8.0, (x1 - x0).max(14.0), 7.0)
                } else {
                    (y + 6.0, LANE - 12.0, (x1 - x0).max(4.0), 2.0)
                };
                if is_selected {
                    pill(&mut m.selected, x0, top, width, height, r);
                }
                if has_cursor {
                    pill(
                        &mut m.cursor,
                        x0 - 2.5,
                        top - 2.5,
                        width + 5.0,
                        height + 5.0,
                        r + 2.0,
                    );
                }
                // The label goes to the right, in the room before the next
                // mark of the lane.
                let room = spots.room_after(k, s.width) - LABEL_GAP - (width - (x1 - x0));
                let label_x = x0 + width + LABEL_GAP;
                if members.len() > 1 {
                    pill(&mut m.clusters, x0, top, width, height, r);
                    m.counts
                        .push((x0 + 4.0, y + LANE / 2.0 + 4.0, members.len()));
                    // A cluster says over what dates its events fall, whole
                    // or not at all (no dates are written in less room
                    // than a year's).
                    if labelled && room >= 4.0 * LABEL_CHAR {
                        let span = cluster_dates(items, members);
                        if span.chars().count() as f64 * LABEL_CHAR <= room {
                            m.labels.push((label_x, label_y, span));
                        }
                    }
                    continue;
                }
                let Some(item) = items.get(members[0]) else {
                    continue;
                };
                let path = if item.dates.is_exact() {
                    &mut m.exact
                } else {
                    &mut m.uncertain
                };
                pill(path, x0, top, width, height, r);
                // Too little room for a few characters: no label, and none
                // written to be thrown away.
                if !labelled || room < 4.0 * LABEL_CHAR {
                    continue;
                }
                if let Some(text) = fit_label(&mark_label(corpus, item), room, LABEL_CHAR) {
                    m.labels.push((label_x, label_y, text));
                }
            }
            m.lanes.push(spots);
        }
        m
    }
}

/// What a single mark's label says: its participants, or its kind when it
/// names none.
fn mark_label(corpus: &Corpus, item: &Item) -> String {
    if item.participants.is_empty() {
        return item.kind.label().to_string();
    }
    let mut names: Vec<&str> = item
        .participants
        .iter()
        .take(2)
        .map(|&e| corpus.entity(e).name.as_str())
        .collect();
    let more = item.participants.len().saturating_sub(2);
    let more = (more > 0).then(|| format!("+{more}"));
    if let Some(more) = &more {
        names.push(more);
    }
    names.join(", ")
}

/// The dates a cluster's events fall on, from the first one's start to the
/// last one's end, written as one range.
fn cluster_dates(items: &Items, members: &[usize]) -> String {
    let dates = members
        .iter()
        .filter_map(|&i| items.get(i))
        .map(|i| &i.dates);
    let first = dates.clone().min_by_key(|d| d.first_day());
    let last = dates.max_by_key(|d| d.last_day());
    match (first, last) {
        (Some(first), Some(last)) => DateRange {
            start: first.start,
            end: Some(last.end.unwrap_or(last.start)),
        }
        .label(),
        _ => String::new(),
    }
}

/// Appends a rectangle with corners rounded by `r` to an SVG path.
fn pill(path: &mut String, x: f64, y: f64, width: f64, height: f64, r: f64) {
    use std::fmt::Write;
    let r = r.min(width / 2.0).min(height / 2.0);
    let (w, h) = (width - 2.0 * r, height - 2.0 * r);
    let _ = write!(
        path,
        "M{:.1} {y:.1}h{w:.1}a{r} {r} 0 0 1 {r} {r}v{h:.1}a{r} {r} 0 0 1 -{r} {r}h-{w:.1}a{r} {r} 0 0 1 -{r} -{r}v-{h:.1}a{r} {r} 0 0 1 {r} -{r}z",
        x + r
    );
}

/// The pointer's position in SVG units (the drawing scales uniformly).
fn svg_point(ev: &web_sys::MouseEvent) -> (f64, f64) {
    let Some(target) = ev
        .current_target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
    else {
        return (0.0, 0.0);
    };
    let rect = target.get_bounding_client_rect();
    if rect.width() <= 0.0 {
        return (0.0, 0.0);
    }
    let k = WIDTH / rect.width();
    (
        (f64::from(ev.client_x()) - rect.left()) * k,
        (f64::from(ev.client_y()) - rect.top()) * k,
    )
}

/// The height of the drawing with `lanes` lanes (in SVG units).
fn drawing_height(lanes: usize) -> f64 {
    AXIS + LANE * (lanes.clamp(1, MAX_LANES) as f64) + 4.0
}

fn svg_x(ev: &web_sys::MouseEvent) -> f64 {
    svg_point(ev).0
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}
