//! The filter panel (search box, facet values with live counts) and the
//! active-filter chips with "clear all".

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::state::use_state;
use crate::corpus::{EntityIx, EntityKind, EventKind};
use crate::dates::iso_day;
use crate::facets::Filters;

/// How many values a long facet lists.
const TOP_VALUES: usize = 12;

/// The whole filter panel.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let state = use_state();
    let query = state.query;
    // While the index is being built the placeholder says how far along it
    // is (a line of its own would shift the page under the pointer).
    let (index, indexed) = (state.index, state.indexed);
    let total = state.corpus.articles.len().max(1);
    let placeholder = move || {
        if index.with(|i| i.is_some()) {
            "Names, places, words…".to_string()
        } else {
            format!(
                "Preparing search… {}%",
                indexed.get() * 100 / total / 10 * 10
            )
        }
    };
    view! {
        <aside class="filter-panel" id="filter-panel" aria-label="Filters">
            <div class="search-box">
                <label for="search">"Search articles"</label>
                <input
                    id="search"
                    type="search"
                    autocomplete="off"
                    placeholder=placeholder
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <SearchReadiness />
            </div>
            <DateFacet />
            <KindFacet />
            <EntityFacet
                title="Participants"
                values=|f: &Filters| &f.participants
                values_mut=|f: &mut Filters| &mut f.participants
                counts=|c: &crate::facets::FacetCounts| &c.participants
            />
            <EntityFacet
                title="Host country"
                values=|f: &Filters| &f.hosts
                values_mut=|f: &mut Filters| &mut f.hosts
                counts=|c: &crate::facets::FacetCounts| &c.hosts
            />
            <EntityFacet
                title="Place"
                values=|f: &Filters| &f.places
                values_mut=|f: &mut Filters| &mut f.places
                counts=|c: &crate::facets::FacetCounts| &c.places
            />
            <SourceFacet />
        </aside>
    }
}

/// A query typed before the index is ready: says it applies once it is.
#[component]
fn SearchReadiness() -> impl IntoView {
    let state = use_state();
    let (index, query) = (state.index, state.query);
    move || {
        (index.with(|i| i.is_none()) && !query.with(|q| q.trim().is_empty())).then(|| {
            view! {
                <p class="search-status">"Search is being prepared; the query applies as soon as it is ready."</p>
            }
        })
    }
}

/// From and to dates, each at any precision: "2019", "2019-06" or "2019-06-05".
#[component]
fn DateFacet() -> impl IntoView {
    let state = use_state();
    let filters = state.filters;
    let error = RwSignal::new(None::<String>);
    let shown = |day: Option<crate::dates::DayNumber>| day.map(iso_day).unwrap_or_default();
    let set = move |text: String, is_from: bool| {
        let text = text.trim().to_string();
        let day = if text.is_empty() {
            Ok(None)
        } else {
            crate::dates::PartialDate::parse(&text)
                .map(|d| Some(if is_from { d.first_day() } else { d.last_day() }))
        };
        match day {
            Ok(day) => {
                error.set(None);
                filters.update(|f| {
                    if is_from {
                        f.from = day;
                    } else {
                        f.to = day;
                    }
                });
            }
            Err(e) => error.set(Some(format!("\"{text}\" is not a date: {e}"))),
        }
    };
    view! {
        <fieldset class="facet dates">
            <legend>"Dates"</legend>
            <label>
                "From "
                <input
                    type="text"
                    inputmode="numeric"
                    placeholder="YYYY[-MM[-DD]]"
                    prop:value=move || filters.with(|f| shown(f.from))
                    on:change=move |ev| set(event_target_value(&ev), true)
                />
            </label>
            <label>
                "To "
                <input
                    type="text"
                    inputmode="numeric"
                    placeholder="YYYY[-MM[-DD]]"
                    prop:value=move || filters.with(|f| shown(f.to))
                    on:change=move |ev| set(event_target_value(&ev), false)
                />
            </label>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </fieldset>
    }
}

/// One facet: a titled group of value rows.
#[component]
fn Facet(
    /// The facet's heading.
    title: &'static str,
    /// Its value rows.
    rows: AnyView,
) -> impl IntoView {
    view! {
        <fieldset class="facet">
            <legend>{title}</legend>
            <ul>{rows}</ul>
        </fieldset>
    }
}

/// A checkbox row: label, live count, disabled at zero unless chosen.
#[component]
fn FacetValue(
    /// The value's label.
    label: String,
    /// Its live count.
    count: Signal<usize>,
    /// Whether it is chosen.
    checked: Signal<bool>,
    /// Flips the choice.
    on_toggle: Callback<()>,
) -> impl IntoView {
    view! {
        <li>
            <label class="facet-value" class:zero=move || count.get() == 0>
                <input
                    type="checkbox"
                    prop:checked=move || checked.get()
                    disabled=move || count.get() == 0 && !checked.get()
                    on:change=move |_| on_toggle.run(())
                />
                <span class="facet-label">{label}</span>
                <span class="facet-count">{move || count.get().to_string()}</span>
            </label>
        </li>
    }
}

#[component]
fn KindFacet() -> impl IntoView {
    let state = use_state();
    let (filters, filtered) = (state.filters, state.filtered);
    let rows = EventKind::ALL
        .into_iter()
        .filter(|k| state.corpus.events.iter().any(|e| e.kind == *k))
        .map(|kind| {
            let count = Signal::derive(move || {
                filtered.with(|f| f.counts.kinds.get(&kind).copied().unwrap_or(0))
            });
            let checked = Signal::derive(move || filters.with(|f| f.kinds.contains(&kind)));
            let on_toggle = Callback::new(move |()| {
                filters.update(|f| toggle(&mut f.kinds, kind));
            });
            view! {
                <FacetValue label=kind.label().to_string() count checked on_toggle />
            }
        })
        .collect_view()
        .into_any();
    view! { <Facet title="Event kind" rows /> }
}

#[component]
fn EntityFacet(
    /// The facet's heading.
    title: &'static str,
    /// Reads the facet's chosen values.
    values: fn(&Filters) -> &BTreeSet<EntityIx>,
    /// Writes them.
    values_mut: EntitySetMut,
    /// Reads the facet's counts.
    counts: fn(&crate::facets::FacetCounts) -> &std::collections::BTreeMap<EntityIx, usize>,
) -> impl IntoView {
    let state = use_state();
    let (filters, filtered) = (state.filters, state.filtered);
    // The values listed are fixed for a corpus (the most frequent overall), so
    // rows do not jump while the user filters; their counts are live.
    let mut top: Vec<(EntityIx, usize)> = counts(&state.overall.counts)
        .iter()
        .map(|(&e, &n)| (e, n))
        .collect();
    crate::corpus::sort::sort_by(&mut top, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(TOP_VALUES);
    let rows = top
        .into_iter()
        .map(|(entity, _)| {
            let e = state.corpus.entity(entity);
            let label = match e.kind {
                EntityKind::Person | EntityKind::Country => e.name.clone(),
                kind => format!("{} ({})", e.name, kind.code()),
            };
            let count = Signal::derive(move || {
                filtered.with(|f| counts(&f.counts).get(&entity).copied().unwrap_or(0))
            });
            let checked = Signal::derive(move || filters.with(|f| values(f).contains(&entity)));
            let on_toggle = Callback::new(move |()| {
                filters.update(|f| toggle(values_mut(f), entity));
            });
            view! { <FacetValue label count checked on_toggle /> }
        })
        .collect_view()
        .into_any();
    view! { <Facet title=title rows /> }
}

#[component]
fn SourceFacet() -> impl IntoView {
    let state = use_state();
    let (filters, filtered) = (state.filters, state.filtered);
    // Like the entity facets: the most frequent sources, fixed for a corpus.
    let mut top: Vec<(String, usize)> = state
        .overall
        .counts
        .sources
        .iter()
        .map(|(s, &n)| (s.clone(), n))
        .collect();
    crate::corpus::sort::sort_by(&mut top, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    top.truncate(TOP_VALUES);
    let rows = top
        .into_iter()
        .map(|(source, _)| {
            let key = source.clone();
            let count = Signal::derive(move || {
                filtered.with(|f| f.counts.sources.get(&key).copied().unwrap_or(0))
            });
            let key = source.clone();
            let checked = Signal::derive(move || filters.with(|f| f.sources.contains(&key)));
            let key = source.clone();
            let on_toggle = Callback::new(move |()| {
                filters.update(|f| toggle(&mut f.sources, key.clone()));
            });
            view! { <FacetValue label=source count checked on_toggle /> }
        })
        .collect_view()
        .into_any();
    view! { <Facet title="Source" rows /> }
}

/// Removable chips for every active filter, and "clear all". They sit above
/// the timeline, so they stay in view while the filters are folded away.
#[component]
pub fn ActiveChips() -> impl IntoView {
    let state = use_state();
    let (filters, query) = (state.filters, state.query);
    let corpus = state.corpus.clone();
    let chips = move || {
        let mut chips: Vec<(String, Callback<()>)> = Vec::new();
        let f = filters.get();
        for kind in f.kinds.iter().copied() {
            chips.push((
                kind.label().to_string(),
                Callback::new(move |()| {
                    filters.update(|f| {
                        f.kinds.remove(&kind);
                    })
                }),
            ));
        }
        let entity_chips: [(&str, EntitySetMut, &BTreeSet<EntityIx>); 3] = [
            ("with", |f| &mut f.participants, &f.participants),
            ("host", |f| &mut f.hosts, &f.hosts),
            ("at", |f| &mut f.places, &f.places),
        ];
        for (prefix, field, set) in entity_chips {
            for e in set.iter().copied() {
                chips.push((
                    format!("{prefix}: {}", corpus.entity(e).name),
                    Callback::new(move |()| {
                        filters.update(|f| {
                            field(f).remove(&e);
                        })
                    }),
                ));
            }
        }
        for s in &f.sources {
            let key = s.clone();
            chips.push((
                format!("source: {s}"),
                Callback::new(move |()| {
                    filters.update(|f| {
                        f.sources.remove(&key);
                    })
                }),
            ));
        }
        for (label, is_from, day) in [("from", true, f.from), ("to", false, f.to)] {
            if let Some(d) = day {
                chips.push((
                    format!("{label}: {}", iso_day(d)),
                    Callback::new(move |()| {
                        filters.update(|f| {
                            if is_from {
                                f.from = None;
                            } else {
                                f.to = None;
                            }
                        })
                    }),
                ));
            }
        }
        let q = query.get();
        if !q.trim().is_empty() {
            chips.push((
                format!("text: {q}"),
                Callback::new(move |()| query.set(String::new())),
            ));
        }
        chips
    };
    move || {
        let list = chips();
        (!list.is_empty()).then(|| {
            let buttons = list
                .into_iter()
                .map(|(label, remove)| {
                    let aria = format!("Remove filter {label}");
                    view! {
                        <button type="button" class="chip" aria-label=aria on:click=move |_| remove.run(())>
                            {label}
                            <span aria-hidden="true">" ×"</span>
                        </button>
                    }
                })
                .collect_view();
            view! {
                <div class="chips" role="group" aria-label="Active filters">
                    {buttons}
                    <button
                        type="button"
                        class="clear-all"
                        on:click=move |_| {
                            filters.set(Filters::default());
                            query.set(String::new());
                        }
                    >
                        "Clear all"
                    </button>
                </div>
            }
        })
    }
}

/// Gives write access to one entity facet of the filters.
type EntitySetMut = fn(&mut Filters) -> &mut BTreeSet<EntityIx>;

fn toggle<T: Ord>(set: &mut BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}
