//! The "add an article" panel: the user pastes an article, the extractor
//! (the same code as the `extract` command, run in a Web Worker so the page
//! stays responsive and its own code stays small) finds its entities and events,
//! the user fixes an entity's kind or drops a wrong event, and the article
//! joins the corpus in view. The corpus, with what was added, can be saved
//! as a file.
//!
//! Text goes into the page only as text nodes, like everywhere else.

use super::download;
use super::extractor::{file_text, import_request, send, start_worker, Shared};
use super::state::use_state;
use crate::corpus::format::{ArticleRecord, CorpusFile};
use crate::corpus::{self, EntityKind, EventKind, Loaded};
use crate::dates::{DateRange, PartialDate};
use crate::extract::request::{InputFile, Reply, Request};
use crate::extract::{self, merge};
use crate::offsets::TextOffsets;
use leptos::prelude::*;

/// How the panel hands a grown corpus back to the app, and what it says
/// about the last article added (kept by the app, so the message outlives
/// the explorer it came from).
#[derive(Clone, Copy)]
pub struct AddArticle {
    /// Replaces the corpus in view with the given one, named by the title
    /// of the article added.
    pub add: Callback<(String, Loaded)>,
    /// What was added last, for the panel to say.
    pub added: RwSignal<Option<String>>,
}

/// What the extractor found in the pasted article, as the user edits it.
#[derive(Clone)]
struct Found {
    /// The one-article corpus the extractor wrote.
    file: CorpusFile,
    /// Whether each event is kept.
    keep: Vec<bool>,
}

/// The panel, collapsed until the user opens it.
#[component]
pub fn PastePanel() -> impl IntoView {
    let state = use_state();
    let adder = use_context::<AddArticle>();
    let title = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let published = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let found = RwSignal::new(None::<Found>);
    let busy = RwSignal::new(false);
    let runs = RwSignal::new(0u32);
    let worker = StoredValue::new_local(None::<Shared>);
    // Files read so far and in all, while files are being read.
    let reading = RwSignal::new(None::<(usize, usize)>);

    let ensure_worker = move || -> Option<Shared> {
        let worker = match worker.get_value() {
            Some(w) => w,
            None => {
                let started = start_worker(
                    move |reply: Reply| {
                        busy.set(false);
                        reading.set(None);
                        let said: Vec<String> =
                            reply.note.into_iter().chain(reply.warnings).collect();
                        note.set((!said.is_empty()).then(|| said.join(" ")));
                        match (reply.corpus, reply.error) {
                            (Some(file), _) => {
                                let keep = vec![true; file.events.len()];
                                found.set(Some(Found { file, keep }));
                                runs.update(|n| *n += 1);
                            }
                            (None, error) => problem.set(Some(
                                error.unwrap_or_else(|| "The extractor found nothing.".into()),
                            )),
                        }
                    },
                    move || {
                        // A worker that failed is dropped; the next try starts anew.
                        busy.set(false);
                        reading.set(None);
                        worker.set_value(None);
                        problem.set(Some("The extractor could not run: its files (extract-worker*.js and .wasm beside the page) are missing or it stopped with an error. Try again, or reload the page.".into()));
                    },
                );
                match started {
                    Ok(w) => {
                        worker.set_value(Some(w.clone()));
                        w
                    }
                    Err(e) => {
                        problem.set(Some(format!("The article cannot be read here: {e}.")));
                        return None;
                    }
                }
            }
        };
        Some(worker)
    };

    let corpus = state.corpus.clone();
    let run = move || {
        problem.set(None);
        let date = published.get_untracked();
        let date = date.trim();
        let published = match PartialDate::parse(date) {
            Ok(d) => d,
            Err(e) => {
                problem.set(Some(if date.is_empty() {
                    "Give the publication date (YYYY-MM-DD, YYYY-MM or YYYY): relative dates such as \"on Monday\" are read against it.".into()
                } else {
                    format!("The publication date \"{date}\" cannot be read: {e}.")
                }));
                return;
            }
        };
        let body = text.get_untracked().replace("\r\n", "\n");
        let body = body.trim().to_string();
        if body.is_empty() {
            problem.set(Some("Paste the article's text first.".into()));
            return;
        }
        let title = title.get_untracked().trim().to_string();
        let title = if title.is_empty() {
            body.lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(80)
                .collect()
        } else {
            title
        };
        let source = source.get_untracked().trim().to_string();
        let request = Request {
            entities: corpus::entity_records(&corpus),
            id: format!("added-{}", extract::slug(&title)),
            title,
            source: if source.is_empty() {
                "Added by hand".into()
            } else {
                source
            },
            published: published.to_string(),
            language: "en".into(),
            text: body,
        };
        let Ok(request) = serde_json::to_string(&request) else {
            return;
        };
        let Some(worker) = ensure_worker() else {
            return;
        };
        busy.set(true);
        if let Err(e) = send(&worker, request) {
            busy.set(false);
            problem.set(Some(format!(
                "The article could not be sent to the extractor ({e})."
            )));
        }
    };

    // Files chosen or dropped: each read as text, then all sent to the
    // extractor together, so the review step shows them as one.
    let corpus = state.corpus.clone();
    let add_files = move |files: Vec<web_sys::File>| {
        if files.is_empty() || busy.get_untracked() {
            return;
        }
        problem.set(None);
        let Some(worker) = ensure_worker() else {
            return;
        };
        let entities = corpus::entity_records(&corpus);
        busy.set(true);
        let total = files.len();
        reading.set(Some((0, total)));
        leptos::task::spawn_local(async move {
            let mut inputs = Vec::with_capacity(total);
            let mut unread = Vec::new();
            for (i, file) in files.iter().enumerate() {
                match file_text(file).await {
                    Ok(text) => inputs.push(InputFile {
                        name: file.name(),
                        text,
                    }),
                    Err(e) => unread.push(format!("{}: {e}", file.name())),
                }
                reading.set(Some((i + 1, total)));
            }
            if !unread.is_empty() {
                note.set(Some(format!("Could not read {}.", unread.join("; "))));
            }
            let sent = import_request(inputs, entities).and_then(|r| send(&worker, r));
            if let Err(e) = sent {
                busy.set(false);
                reading.set(None);
                problem.set(Some(format!(
                    "The files could not be sent to the extractor ({e})."
                )));
            }
        });
    };

    let add_dropped = add_files.clone();
    let corpus = state.corpus.clone();
    let settled = state.texts_settled;
    // The corpus is written out whole, texts included: not before they are
    // all here, and not at all when some could not be read.
    let waiting = {
        let state = state.clone();
        move || {
            let why = if !settled.get_untracked() {
                Some("The corpus's article texts are still arriving; try again once they are all here.".to_string())
            } else {
                match state.missing_texts() {
                    0 => None,
                    n => Some(format!(
                        "The texts of {n} article(s) could not be read (the loader's messages say which part), so adding or saving now would write them without their text. Reload the page to read them again."
                    )),
                }
            };
            if let (Some(why), Some(adder)) = (&why, adder) {
                adder.added.set(Some(why.clone()));
            }
            why.is_some()
        }
    };
    let waiting_save = waiting.clone();
    let add = Callback::new(move |()| {
        if waiting() {
            return;
        }
        let Some(f) = found.get_untracked() else {
            return;
        };
        let mut extra = f.file;
        let mut keep = f.keep.into_iter();
        extra.events.retain(|_| keep.next().unwrap_or(true));
        let title = match extra.articles.as_slice() {
            [one] => one.title.clone(),
            several => format!("{} articles", several.len()),
        };
        let summary = format!(
            "Added \"{title}\": {} mentions, {} events.",
            extra.mentions.len(),
            extra.events.len()
        );
        let mut whole = corpus::to_file(&corpus);
        merge::add_to(&mut whole, extra);
        let loaded = corpus::validate(whole);
        if let Some(adder) = adder {
            adder.added.set(Some(summary));
            adder.add.run((title, loaded));
        }
    });

    let corpus = state.corpus.clone();
    let save = move |_| {
        if waiting_save() {
            return;
        }
        let file = corpus::to_file(&corpus);
        if let Ok(json) = serde_json::to_string_pretty(&file) {
            download::save("corpus.json", "application/json", &json);
        }
    };
    let added = adder.map(|a| a.added);

    view! {
        // Open again after an article was added, so the message is seen.
        <details class="paste-panel" open=added.is_some_and(|a| a.get_untracked().is_some())>
            <summary>"Add an article"</summary>
            // Files dropped here are added to the corpus, not opened as one.
            <section
                aria-labelledby="paste-heading"
                class="paste-body"
                on:dragover=move |ev| ev.prevent_default()
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    ev.stop_propagation();
                    add_dropped(file_list(ev.data_transfer().and_then(|d| d.files())));
                }
            >
                <h2 id="paste-heading">"Add an article to this corpus"</h2>
                <p class="paste-help">
                    "Paste an article: its people, countries, places and organisations and the visits, meetings and calls it reports are found in the page, nothing is sent anywhere. Check them, then add the article to the corpus in view."
                </p>
                {move || added.and_then(|a| a.get()).map(|msg| {
                    let note = msg.starts_with("Added").then_some(" Save the corpus to keep it.");
                    view! { <p class="paste-added" role="status">{msg} {note}</p> }
                })}
                <div class="paste-fields">
                    <label>"Title" <input type="text" name="title" bind:value=title /></label>
                    <label>"Source" <input type="text" name="source" bind:value=source /></label>
                    <label>
                        "Published (YYYY-MM-DD)"
                        <input type="text" name="published" placeholder="2023-03-22" bind:value=published />
                    </label>
                </div>
                <label class="paste-text">
                    "Article text"
                    <textarea name="text" rows="8" bind:value=text></textarea>
                </label>
                <label class="paste-files">
                    "Or add article files (.txt, .md, .json, .jsonl, .csv, .tsv), or drop them here "
                    <input
                        type="file"
                        multiple
                        accept=".txt,.md,.markdown,.json,.jsonl,.csv,.tsv"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            add_files(file_list(input.files()));
                            input.set_value("");
                        }
                    />
                </label>
                {move || reading.get().map(|(read, total)| {
                    let text = if read < total {
                        format!("Reading files… {read} of {total}")
                    } else {
                        format!("Finding entities and events in {total} file(s)…")
                    };
                    view! {
                        <p class="paste-progress" role="status">
                            <progress max=total value=read></progress>
                            " "
                            {text}
                        </p>
                    }
                })}
                <div class="paste-actions">
                    <button type="button" on:click=move |_| run() disabled=move || busy.get()>
                        "Find entities and events"
                    </button>
                    <button type="button" class="link-button" on:click=save>
                        "Save this corpus (JSON)"
                    </button>
                </div>
                {move || problem.get().map(|p| view! { <p class="paste-problem" role="alert">{p}</p> })}
                {move || note.get().map(|n| view! { <p class="paste-note">{n}</p> })}
                // Drawn afresh for each extraction; edits update it in place.
                {move || (runs.get() > 0).then(|| view! { <Results found add /> })}
            </section>
        </details>
    }
}

/// The extractor's findings: the text with its mentions marked, the
/// entities with their kinds, and the events, each of which can be dropped.
#[component]
fn Results(found: RwSignal<Option<Found>>, add: Callback<()>) -> impl IntoView {
    let preview = move || {
        found.with(|f| {
            let Some(f) = f else {
                return Vec::new();
            };
            marked_text(&f.file)
        })
    };
    let entity_rows = move || {
        found.with_untracked(|f| {
            f.as_ref().map_or_else(Vec::new, |f| {
                f.file
                    .entities
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        let count = f.file.mentions.iter().filter(|m| m.entity == e.id).count();
                        (i, e.name.clone(), e.kind.clone(), count)
                    })
                    .collect()
            })
        })
    };
    let event_rows = move || {
        found.with_untracked(|f| {
            f.as_ref().map_or_else(Vec::new, |f| {
                f.file
                    .events
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        let kind = EventKind::from_code(&e.kind)
                            .map_or_else(|| e.kind.clone(), |k| k.to_string());
                        let dates = PartialDate::parse(&e.start).ok().map(|start| DateRange {
                            start,
                            end: e.end.as_deref().and_then(|d| PartialDate::parse(d).ok()),
                        });
                        let article = e
                            .evidence
                            .first()
                            .and_then(|ev| f.file.articles.iter().find(|a| a.id == ev.article));
                        let evidence = match (article, e.evidence.first()) {
                            (Some(a), Some(ev)) => {
                                let offsets = TextOffsets::new(&a.text);
                                offsets
                                    .byte_range(ev.start as usize, ev.end as usize)
                                    .and_then(|r| a.text.get(r))
                                    .unwrap_or_default()
                                    .to_string()
                            }
                            _ => String::new(),
                        };
                        (
                            i,
                            kind,
                            dates.map(|d| d.label()).unwrap_or_default(),
                            e.summary.clone(),
                            evidence,
                        )
                    })
                    .collect()
            })
        })
    };
    let set_kind = move |i: usize, kind: String| {
        found.update(|f| {
            if let Some(e) = f.as_mut().and_then(|f| f.file.entities.get_mut(i)) {
                e.kind = kind;
            }
        });
    };
    let toggle = move |i: usize| {
        found.update(|f| {
            if let Some(k) = f.as_mut().and_then(|f| f.keep.get_mut(i)) {
                *k = !*k;
            }
        });
    };
    view! {
        <div class="paste-results">
            <h3>"Found in the text"</h3>
            <p class="article-text paste-preview">{preview}</p>
            <h3 id="paste-entities">"Entities"</h3>
            <table class="paste-entities" aria-labelledby="paste-entities">
                <thead><tr><th scope="col">"Name"</th><th scope="col">"Kind"</th><th scope="col">"Mentions"</th></tr></thead>
                <tbody>
                    {entity_rows().into_iter().map(|(i, name, kind, count)| {
                        let label = format!("Kind of {name}");
                        view! {
                            <tr>
                                <td>{name}</td>
                                <td>
                                    <select aria-label=label on:change=move |ev| set_kind(i, event_target_value(&ev))>
                                        {EDITABLE_KINDS.iter().map(|k| {
                                            let code = k.code();
                                            view! { <option value=code selected=code == kind>{k.label()}</option> }
                                        }).collect_view()}
                                    </select>
                                </td>
                                <td>{count}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <h3 id="paste-events">"Events"</h3>
            {{
                let rows = event_rows();
                if rows.is_empty() {
                    view! { <p class="empty-state">"No visit, meeting, call or signing was found in this text."</p> }.into_any()
                } else {
                    view! {
                        <ul class="paste-events" aria-labelledby="paste-events">
                            {rows.into_iter().map(|(i, kind, dates, summary, evidence)| {
                                let kept = move || found.with(|f| {
                                    f.as_ref().and_then(|f| f.keep.get(i).copied()).unwrap_or(true)
                                });
                                let label = {
                                    let summary = summary.clone();
                                    move || if kept() { format!("Drop this event: {summary}") } else { format!("Keep this event: {summary}") }
                                };
                                view! {
                                    <li class="paste-event" class:dropped=move || !kept()>
                                        <p class="paste-event-head">
                                            <strong>{kind}</strong> " · " {dates}
                                        </p>
                                        <p>{summary}</p>
                                        <blockquote>{evidence}</blockquote>
                                        <button type="button" class="link-button" aria-label=label on:click=move |_| toggle(i)>
                                            {move || if kept() { "Drop this event" } else { "Keep this event" }}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <button type="button" class="paste-add" on:click=move |_| add.run(())>
                "Add to the corpus"
            </button>
        </div>
    }
}

/// The kinds a user can give an entity here.
const EDITABLE_KINDS: [EntityKind; 5] = [
    EntityKind::Person,
    EntityKind::Country,
    EntityKind::Place,
    EntityKind::Organisation,
    EntityKind::Other,
];

/// Each article's text as text nodes, with each mention in a `<mark>` of its
/// entity's kind that names the entity on hover; several articles are each
/// headed by their title.
fn marked_text(file: &CorpusFile) -> Vec<AnyView> {
    let several = file.articles.len() > 1;
    let mut out = Vec::new();
    for article in &file.articles {
        if several {
            out.push(
                view! { <strong class="paste-article-title">{article.title.clone()}</strong> }
                    .into_any(),
            );
            out.push(view! { <br /> }.into_any());
        }
        out.extend(marked_article(file, article));
        if several {
            out.push(view! { <br /> }.into_any());
            out.push(view! { <br /> }.into_any());
        }
    }
    out
}

/// One article's text, its mentions marked.
fn marked_article(file: &CorpusFile, article: &ArticleRecord) -> Vec<AnyView> {
    let offsets = TextOffsets::new(&article.text);
    let slice = |from: usize, to: usize| {
        offsets
            .byte_range(from, to)
            .and_then(|r| article.text.get(r))
            .unwrap_or_default()
            .to_string()
    };
    let mut mentions: Vec<_> = file
        .mentions
        .iter()
        .filter(|m| m.article == article.id)
        .collect();
    crate::corpus::sort::sort_by_key(&mut mentions, |m| m.start);
    let mut out = Vec::new();
    let mut at = 0;
    for m in mentions {
        let (start, end) = (m.start as usize, m.end as usize);
        if start < at {
            continue;
        }
        if start > at {
            out.push(slice(at, start).into_any());
        }
        let entity = file.entities.iter().find(|e| e.id == m.entity);
        let kind = entity
            .and_then(|e| EntityKind::from_code(&e.kind))
            .unwrap_or(EntityKind::Other);
        let name = entity.map(|e| e.name.clone()).unwrap_or_default();
        let title = format!("{name} · {}", kind.label());
        out.push(
            view! { <mark class=format!("mention kind-{}", kind.code()) title=title>{slice(start, end)}</mark> }
                .into_any(),
        );
        at = end;
    }
    out.push(slice(at, offsets.char_len()).into_any());
    out
}

/// The files of a file input or a drop.
fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
