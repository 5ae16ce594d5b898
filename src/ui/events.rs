//! The chronological event list beside the timeline, and the detail of the
//! selected event with its evidence.

use leptos::prelude::*;

use super::panel::PanelHead;
use super::state::{use_state, TextState};
use crate::facets;
use crate::timeline::Item;

/// The names of entities, joined for display.
fn names(corpus: &crate::corpus::Corpus, entities: &[crate::corpus::EntityIx]) -> String {
    entities
        .iter()
        .map(|&e| corpus.entity(e).name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rows the event list adds at a time.
const PAGE: usize = 100;

/// The filtered events in date order, as a list a keyboard and a screen
/// reader can use; long lists grow a page at a time.
#[component]
pub fn EventList() -> impl IntoView {
    let state = use_state();
    let items = state.items;
    let count = move || items.with(|i| i.len());
    let limit = RwSignal::new(PAGE);
    let filtered = state.filtered;
    let settled = state.texts_settled;
    let waiting = move || !settled.get();
    let export = move |csv: bool| {
        let events = filtered.with_untracked(|f| f.events.clone());
        if csv {
            super::download::save(
                "events.csv",
                "text/csv",
                &crate::export::to_csv(&state.corpus, &events),
            );
        } else {
            super::download::save(
                "events.json",
                "application/json",
                &crate::export::to_json(&state.corpus, &events),
            );
        }
    };
    let export_json = export.clone();
    view! {
        <section class="event-list" aria-labelledby="events-title">
            <div class="list-head">
                <h2 id="events-title">{move || format!("Events ({})", count())}</h2>
                // The export carries each evidence sentence: it waits for
                // the texts of a split corpus.
                <div class="export" role="group" aria-label="Export the filtered events">
                    <button type="button" on:click=move |_| export(true) disabled=waiting>
                        "Export CSV"
                    </button>
                    <button type="button" on:click=move |_| export_json(false) disabled=waiting>
                        "Export JSON"
                    </button>
                    {move || waiting().then(|| view! { <span class="export-wait">"(waiting for the article texts)"</span> })}
                </div>
            </div>
            <Show
                when=move || { count() > 0 }
                fallback=|| {
                    view! {
                        <p class="empty-state">
                            "No event matches these filters. Remove a filter or clear them all."
                        </p>
                    }
                }
            >
                <ol>
                    <For
                        each=move || {
                            items.with(|i| i.iter().take(limit.get()).cloned().collect::<Vec<Item>>())
                        }
                        key=|item| item.events.clone()
                        children=move |item| view! { <EventRow item /> }
                    />
                </ol>
                <super::more::ShowMore total=Signal::derive(count) limit page=PAGE noun="events" />
            </Show>
        </section>
    }
}

#[component]
fn EventRow(item: Item) -> impl IntoView {
    let state = use_state();
    let corpus = state.corpus.clone();
    let first = item.events[0];
    let selected = state.selected;
    let is_selected = move || selected.get() == Some(first);
    let summary = corpus.event(first).summary.clone();
    let date = item.dates.label();
    let who = names(&corpus, &item.participants);
    view! {
        <li class="event-row" class:selected=is_selected>
            <button
                type="button"
                class="event-button"
                aria-pressed=move || is_selected().to_string()
                on:click=move |_| selected.set(Some(first))
            >
                <span class="event-date">{date}</span>
                <span class="event-kind">{item.kind.label()}</span>
                <span class="event-summary">{summary}</span>
                <span class="event-who">{who}</span>
            </button>
        </li>
    }
}

/// The selected event: what, when, who, where, and the evidence.
#[component]
pub fn EventDetail() -> impl IntoView {
    let state = use_state();
    let selected = state.selected;
    let items = state.items;
    move || {
        let first = selected.get()?;
        let item = items.with(|all| all.iter().find(|i| i.events[0] == first).cloned())?;
        Some(view! { <Detail item /> })
    }
}

#[component]
fn Detail(item: Item) -> impl IntoView {
    let state = use_state();
    let corpus = state.corpus.clone();
    let first = corpus.event(item.events[0]);
    let mut evidence = Vec::new();
    let mut claims = Vec::new();
    let mut sources: Vec<&str> = Vec::new();
    for &ix in item.events.iter() {
        let e = corpus.event(ix);
        evidence.extend(e.evidence.iter().copied());
        claims.extend(e.claims.iter().cloned());
        for s in facets::sources(&corpus, e) {
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
    }
    crate::corpus::sort::sort(&mut evidence);
    evidence.dedup();
    let mut articles: Vec<_> = evidence.iter().map(|e| e.article).collect();
    articles.dedup();
    let provenance = format!(
        "Reported in {} article{} from {} source{}",
        articles.len(),
        if articles.len() == 1 { "" } else { "s" },
        sources.len(),
        if sources.len() == 1 { "" } else { "s" }
    );
    let precision_note =
        (!item.dates.is_exact()).then_some("The sources give this date only to the month or year.");
    let selected = state.selected;
    let rows = evidence
        .into_iter()
        .map(|ev| {
            let article = corpus.article(ev.article);
            let sentence = {
                let (state, corpus) = (state.clone(), corpus.clone());
                move || match state.text_state(ev.article) {
                    TextState::Here => corpus.article(ev.article).slice(ev.span).to_string(),
                    TextState::Coming => {
                        state.want_text(ev.article);
                        "(reading the article's text…)".to_string()
                    }
                    TextState::Missing => "(the article's text could not be read)".to_string(),
                }
            };
            let label = format!(
                "{} — {}, {}",
                article.title,
                article.source,
                article.published.label()
            );
            let state = state.clone();
            view! {
                <li class="evidence">
                    <blockquote>{sentence}</blockquote>
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| state.open_article(ev.article, Some(ev.span))
                    >
                        {format!("Open in article: {label}")}
                    </button>
                </li>
            }
        })
        .collect_view();
    let place = item.place.map(|p| corpus.entity(p).name.clone());
    let host = item.host.map(|h| corpus.entity(h).name.clone());
    let status = first.status.map(|s| s.label());
    let mut groups: Vec<String> = Vec::new();
    for &ix in item.events.iter() {
        if let Some(g) = &corpus.event(ix).group {
            if !groups.contains(g) {
                groups.push(g.clone());
            }
        }
    }
    let groups = (!groups.is_empty()).then(|| groups.join(", "));
    let kinds: Vec<String> = item
        .events
        .iter()
        .map(|&e| corpus.event(e).kind.to_string())
        .collect();
    view! {
        <section class="event-detail" aria-labelledby="detail-title">
            // The heading and the summary stay at the top of the pane while
            // the rest scrolls under them.
            <div class="detail-top">
                <PanelHead
                    id="detail-title"
                    title=format!("{}: {}", item.kind.label(), item.dates.label())
                    close_label="Close event detail"
                    on_close=move || selected.set(None)
                />
                <p class="detail-summary">{first.summary.clone()}</p>
            </div>
            // The evidence comes before the particulars: it is what a
            // reader checks first, and following it keeps the summary in
            // view beside the article.
            <h3>"Evidence"</h3>
            <ul class="evidence-list">{rows}</ul>
            <dl>
                <dt>"Kind"</dt>
                <dd>{kinds.join(" + ")}</dd>
                <dt>"Dates"</dt>
                <dd>
                    {item.dates.label()}
                    {precision_note.map(|n| view! { <span class="precision-note">" ("{n}")"</span> })}
                </dd>
                <dt>"Participants"</dt>
                <dd>{names(&corpus, &item.participants)}</dd>
                {host.map(|h| view! { <dt>"Host"</dt><dd>{h}</dd> })}
                {place.map(|p| view! { <dt>"Place"</dt><dd>{p}</dd> })}
                {status.map(|s| view! { <dt>"Status"</dt><dd>{s}</dd> })}
                {groups.map(|g| view! { <dt>"Group"</dt><dd>{g}</dd> })}
                <dt>"Provenance"</dt>
                <dd>{provenance}</dd>
            </dl>
            {(!claims.is_empty()).then(|| view! {
                <h3>"Claims in the sources"</h3>
                <ul class="claims">{claims.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            })}
        </section>
    }
}
