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
use crate::dates::{DayNumber, Precision};
use crate::timeline::{clusters, lanes, Item, LaneMode, Scale};

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
    let mode = state.lanes;
    let items = state.items;
    let selected = state.selected;
    let filters = state.filters;

    let zoom = move |factor: f64| scale.update(|s| *s = s.zoom(factor, s.width / 2.0));
    let pan = move |fraction: f64| scale.update(|s| *s = s.pan(s.width * fraction));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let handled = match ev.key().as_str() {
            "+" | "=" => {
                zoom(1.5);
                true
            }
            "-" | "_" => {
                zoom(1.0 / 1.5);
                true
            }
            "ArrowLeft" => {
                pan(-0.1);
                true
            }
            "ArrowRight" => {
                pan(0.1);
                true
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
    // Pointers down on the drawing: one pans (or brushes on the axis), two pinch.
    let pointers = StoredValue::new(Vec::<(i32, f64)>::new());
    let brush = RwSignal::new(None::<(f64, f64)>);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let x = svg_x(&ev);
        pointers.update_value(|p| {
            p.retain(|&(id, _)| id != ev.pointer_id());
            p.push((ev.pointer_id(), x));
        });
        let alone = pointers.with_value(|p| p.len() == 1);
        brush.set((alone && svg_y(&ev) < AXIS && x > LABEL).then_some((x, x)));
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let x = svg_x(&ev);
        let before = pointers.get_value();
        let Some(i) = before.iter().position(|&(id, _)| id == ev.pointer_id()) else {
            return;
        };
        pointers.update_value(|p| p[i].1 = x);
        if let Some((from, _)) = brush.get_untracked() {
            brush.set(Some((from, x.clamp(LABEL, WIDTH))));
            return;
        }
        match before.as_slice() {
            [(_, last)] => scale.update(|s| *s = s.pan(last - x)),
            [a, b] => {
                let other = if i == 0 { b.1 } else { a.1 };
                let (old, new) = ((before[i].1 - other).abs(), (x - other).abs());
                if old > 1.0 && new > 1.0 {
                    let anchor = (x + other) / 2.0 - LABEL;
                    scale.update(|s| *s = s.zoom(new / old, anchor.clamp(0.0, s.width)));
                }
            }
            _ => {}
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        pointers.update_value(|p| p.retain(|&(id, _)| id != ev.pointer_id()));
        if let Some((a, b)) = brush.get_untracked() {
            brush.set(None);
            if (a - b).abs() > 3.0 {
                let s = scale.get_untracked();
                let day = |x: f64| s.day_at(x - LABEL);
                let (from, to) = (day(a.min(b)).floor(), day(a.max(b)).ceil() - 1.0);
                filters.update(|f| {
                    f.from = Some(from as DayNumber);
                    f.to = Some(to as DayNumber);
                });
            }
        }
    };
    let brush_view = move || {
        brush.get().map(|(a, b)| {
            view! { <rect class="brush" x=a.min(b) y=0 width=(a - b).abs() height=AXIS /> }
        })
    };

    // Lanes change with the filters and the lane mode, not with zoom or pan.
    let lane_list = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            let mode = mode.get();
            Arc::new(super::perf::measured("ae:lanes", || {
                items.with(|items| lanes(&corpus, items, mode))
            }))
        })
    };
    let height = move || {
        let shown = lane_list.with(|l| l.len().min(MAX_LANES));
        AXIS + LANE * (shown.max(1) as f64) + 4.0
    };
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
    // The lanes are redrawn on zoom and pan; their marks carry the index of
    // their first event, and one click handler on the drawing reads it.
    let rows = {
        let corpus = corpus.clone();
        move || {
            let s = scale.get();
            let items = items.get();
            let chosen = selected.get();
            lane_list
                .get()
                .iter()
                .take(MAX_LANES)
                .enumerate()
                .map(|(row, lane)| {
                    let y = AXIS + LANE * row as f64;
                    let label = if lane.key.is_empty() {
                        "Other".to_string()
                    } else {
                        lane.key
                            .iter()
                            .map(|&e| corpus.entity(e).name.clone())
                            .collect::<Vec<_>>()
                            .join(" – ")
                    };
                    let marks = lane_marks(&s, &items, &lane.items, y, chosen);
                    view! {
                        <g class="lane">
                            <rect class="lane-band" x=0 y=y width=WIDTH height=LANE />
                            <text class="lane-label" x=4 y=y + LANE * 0.65>
                                {truncate(&label, 22)}
                                <title>{label.clone()}</title>
                            </text>
                            {marks}
                        </g>
                    }
                })
                .collect_view()
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let first = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest("[data-event]").ok().flatten())
            .and_then(|el| el.get_attribute("data-event"))
            .and_then(|v| v.parse::<u32>().ok());
        if let Some(first) = first {
            selected.set(Some(crate::corpus::EventIx(first)));
        }
    };
    let drawing = view! {
        <svg
            class="timeline-svg"
            viewBox=move || format!("0 0 {WIDTH} {}", height())
            role="img"
            aria-label="Timeline of the filtered events; the event list below holds the same events"
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
            {brush_view}
        </svg>
    };
    let window_label = move || {
        let s = scale.get();
        let label = |d: f64| {
            let (y, m, _) = crate::dates::civil_from_days(d.round() as DayNumber);
            format!(
                "{} {y}",
                [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec"
                ][m as usize - 1]
            )
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
                        </select>
                    </label>
                    <button type="button" on:click=move |_| zoom(1.5)>"Zoom in"</button>
                    <button type="button" on:click=move |_| zoom(1.0 / 1.5)>"Zoom out"</button>
                    <button type="button" on:click=move |_| scale.set(home)>"Reset"</button>
                </div>
            </div>
            <p class="timeline-window" aria-live="polite">{window_label}</p>
            <div
                class="timeline-canvas"
                tabindex="0"
                role="group"
                aria-label="Timeline: plus and minus zoom, arrow keys pan, 0 resets"
                on:keydown=on_key
            >
                {drawing}
            </div>
        </section>
    }
}

/// The marks of one lane: bars, points and clusters, only those in view.
fn lane_marks(
    s: &Scale,
    items: &[Item],
    in_lane: &[usize],
    y: f64,
    selected: Option<crate::corpus::EventIx>,
) -> impl IntoView {
    let mut visible: Vec<(usize, f64, f64)> = in_lane
        .iter()
        .map(|&i| {
            let d = &items[i].dates;
            (
                i,
                LABEL + s.x(d.first_day() as f64),
                LABEL + s.x((d.last_day() + 1) as f64),
            )
        })
        .filter(|&(_, x0, x1)| x1 >= LABEL && x0 <= WIDTH)
        .collect();
    visible.sort_by(|a, b| a.1.total_cmp(&b.1));
    let extents: Vec<(f64, f64)> = visible.iter().map(|v| (v.1, v.2.max(v.1 + 4.0))).collect();
    let mid = y + LANE / 2.0;
    clusters(&extents, CLUSTER_GAP)
        .into_iter()
        .map(|run| {
            if run.len() > 1 {
                let x0 = extents[run.start].0.max(LABEL);
                let x1 = extents[run.end - 1].1.min(WIDTH);
                let first = items[visible[run.start].0].events[0];
                let n = run.len();
                return view! {
                    <g class="cluster" data-event=first.0>
                        <rect x=x0 y=y + 4.0 width=(x1 - x0).max(14.0) height=LANE - 8.0 rx=7 />
                        <text x=x0 + 4.0 y=mid + 4.0>{n.to_string()}</text>
                        <title>{format!("{n} events close together; zoom in to separate them")}</title>
                    </g>
                }
                .into_any();
            }
            let (i, x0, x1) = visible[run.start];
            let item = &items[i];
            let first = item.events[0];
            let exact = item.dates.start.precision() == Precision::Day
                && item.dates.end.is_none_or(|e| e.precision() == Precision::Day);
            let mut class = String::from("mark");
            if !exact {
                class.push_str(" uncertain");
            }
            if selected == Some(first) {
                class.push_str(" selected");
            }
            let title = format!("{}: {}", item.dates.label(), item.kind.label());
            let x0 = x0.max(LABEL);
            let width = (x1.min(WIDTH) - x0).max(4.0);
            view! {
                <g class=class data-event=first.0>
                    <rect x=x0 y=y + 6.0 width=width height=LANE - 12.0 rx=2 />
                    <title>{title}</title>
                </g>
            }
            .into_any()
        })
        .collect_view()
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

fn svg_x(ev: &web_sys::MouseEvent) -> f64 {
    svg_point(ev).0
}

fn svg_y(ev: &web_sys::MouseEvent) -> f64 {
    svg_point(ev).1
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
