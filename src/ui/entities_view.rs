//! The entity index (searchable, sortable, with mention counts) and an
//! entity's page: its events, its articles and the entities it appears with.

use leptos::prelude::*;

use super::panel::PanelHead;
use super::state::use_state;
use crate::entities::{articles_mentioning, co_occurring, matches, stats};

/// Rows shown at once; a search narrows the rest.
const SHOWN: usize = 40;

/// The searchable, sortable index of entities.
#[component]
pub fn EntityIndex() -> impl IntoView {
    let state = use_state();
    let corpus = state.corpus.clone();
    // Mentions are counted again once a split corpus's texts have all arrived.
    let settled = state.texts_settled;
    let all = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            settled.track();
            std::sync::Arc::new(stats(&corpus))
        })
    };
    let find = RwSignal::new(String::new());
    let order = RwSignal::new("mentions".to_string());
    let entity = state.entity;
    let rows = move || {
        let q = find.get();
        let all = all.get();
        let mut rows: Vec<_> = all
            .iter()
            .copied()
            .filter(|s| matches(&corpus, s.entity, &q))
            .collect();
        match order.get().as_str() {
            "name" => crate::corpus::sort::sort_by(&mut rows, |a, b| {
                corpus
                    .entity(a.entity)
                    .name
                    .cmp(&corpus.entity(b.entity).name)
            }),
            "type" => crate::corpus::sort::sort_by_key(&mut rows, |s| {
                (corpus.entity(s.entity).kind, std::cmp::Reverse(s.mentions))
            }),
            _ => crate::corpus::sort::sort_by_key(&mut rows, |s| {
                (std::cmp::Reverse(s.mentions), s.entity)
            }),
        }
        let total = rows.len();
        let body = rows
            .into_iter()
            .take(SHOWN)
            .map(|s| {
                let e = corpus.entity(s.entity);
                let ix = s.entity;
                view! {
                    <tr>
                        <th scope="row">
                            <button type="button" class="link-button" on:click=move |_| entity.set(Some(ix))>
                                {e.name.clone()}
                            </button>
                            {(!e.aliases.is_empty()).then(|| view! {
                                <span class="aliases">{format!("also {}", e.aliases.join(", "))}</span>
                            })}
                        </th>
                        <td>{e.kind.code()}</td>
                        <td class="num">{s.mentions.to_string()}</td>
                        <td class="num">{s.articles.to_string()}</td>
                        <td class="num">{s.events.to_string()}</td>
                    </tr>
                }
            })
            .collect_view();
        let more = (total > SHOWN).then(|| {
            view! { <p class="more">{format!("{} more; type to narrow the list.", total - SHOWN)}</p> }
        });
        (total, body, more)
    };
    view! {
        <section class="entity-index" aria-labelledby="entities-title">
            <h2 id="entities-title">"Entities"</h2>
            <div class="entity-tools">
                <label>
                    "Find an entity "
                    <input
                        type="search"
                        prop:value=move || find.get()
                        on:input=move |ev| find.set(event_target_value(&ev))
                    />
                </label>
                <label>
                    "Sort by "
                    <select on:change=move |ev| order.set(event_target_value(&ev))>
                        <option value="mentions" selected=true>"mentions"</option>
                        <option value="name">"name"</option>
                        <option value="type">"type"</option>
                    </select>
                </label>
            </div>
            {move || {
                let (total, body, more) = rows();
                let counting = (!settled.get()).then_some(" · mentions are counted as the article texts arrive");
                view! {
                    <p class="entity-count" role="status">{format!("{total} entities{}", counting.unwrap_or(""))}</p>
                    <div class="table-scroll"><table>
                        <thead>
                            <tr>
                                <th scope="col">"Name and aliases"</th>
                                <th scope="col">"Type"</th>
                                <th scope="col">"Mentions"</th>
                                <th scope="col">"Articles"</th>
                                <th scope="col">"Events"</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table></div>
                    {more}
                }
            }}
        </section>
    }
}

/// The page of the chosen entity.
#[component]
pub fn EntityPage() -> impl IntoView {
    let state = use_state();
    let entity = state.entity;
    let settled = state.texts_settled;
    move || {
        let ix = entity.get()?;
        settled.track();
        let state = state.clone();
        let corpus = state.corpus.clone();
        let e = corpus.entity(ix).clone();
        let (filters, tab, pane) = (state.filters, state.tab, state.pane);
        // The facet that finds its events: as a participant if it ever is one,
        // else as a host, else as a place.
        let count = |f: &dyn Fn(&crate::corpus::Event) -> bool| {
            corpus.events.iter().filter(|ev| f(ev)).count()
        };
        let (facet, events) = [
            (0, count(&|ev| ev.participants.contains(&ix))),
            (1, count(&|ev| ev.host == Some(ix))),
            (2, count(&|ev| ev.place == Some(ix))),
        ]
        .into_iter()
        .find(|(_, n)| *n > 0)
        .unwrap_or((0, 0));
        let articles = articles_mentioning(&corpus, ix)
            .into_iter()
            .map(|a| {
                let article = corpus.article(a);
                let state = state.clone();
                let label = format!("{} ({})", article.title, article.published.label());
                view! {
                    <li>
                        <button type="button" class="link-button" on:click=move |_| state.open_article(a, None)>
                            {label}
                        </button>
                    </li>
                }
            })
            .collect_view();
        let with = co_occurring(&corpus, ix, 10)
            .into_iter()
            .map(|(other, n)| {
                let name = corpus.entity(other).name.clone();
                view! {
                    <li>
                        <button type="button" class="link-button" on:click=move |_| entity.set(Some(other))>
                            {name}
                        </button>
                        {format!(" · {n} article(s)")}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="entity-page" aria-labelledby="entity-title">
                <PanelHead id="entity-title" title=e.name.clone() close_label="Close entity page" on_close=move || entity.set(None)/>
                <p class="article-meta">
                    {e.kind.code()}
                    {(!e.aliases.is_empty()).then(|| format!(" · also {}", e.aliases.join(", ")))}
                    {e.wikidata.clone().map(|q| match e.wikidata_url() {
                        Some(link) => view! {
                            " · "
                            <a href=link rel="noopener noreferrer" target="_blank">{format!("Wikidata {q}")}</a>
                        }.into_any(),
                        None => view! { {format!(" · Wikidata {q}")} }.into_any(),
                    })}
                </p>
                {(events > 0).then(|| view! {
                    <button
                        type="button"
                        on:click=move |_| filters.update(|f| {
                            let set = match facet {
                                0 => &mut f.participants,
                                1 => &mut f.hosts,
                                _ => &mut f.places,
                            };
                            set.clear();
                            set.insert(ix);
                            // The events it names are what the user asked to see.
                            tab.set(crate::view_state::Tab::Events);
                            pane.set(super::state::Pane::Timeline);
                        })
                    >
                        {format!("Show its {events} event(s) on the timeline")}
                    </button>
                })}
                <h3>"Articles that mention it"</h3>
                <ul>{articles}</ul>
                <h3>"Appears most with"</h3>
                <ul>{with}</ul>
            </section>
        })
    }
}
