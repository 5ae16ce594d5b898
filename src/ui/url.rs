//! Keeps the address bar and the view state in step: a link or a reload
//! reproduces the view, and back and forward step through it. The encoding
//! itself lives in `view_state`; this is only the browser glue.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::state::{OpenArticle, State};
use crate::view_state::{self, ViewState};

/// Parameters that belong to the page rather than the view, kept as they are.
const PAGE_KEYS: [&str; 2] = ["corpus", EMBED_KEY];

/// The parameter that shows the embed view (`?embed=1`).
pub const EMBED_KEY: &str = "embed";

fn search_params() -> Option<web_sys::UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

fn current_pairs() -> Vec<(String, String)> {
    let Some(params) = search_params() else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    for key in view_state::keys::ALL {
        for value in params.get_all(key).iter() {
            if let Some(value) = value.as_string() {
                pairs.push((key.to_string(), value));
            }
        }
    }
    pairs
}

fn apply(state: &State, v: ViewState) {
    state.query.set(v.query);
    state.filters.set(v.filters);
    state.selected.set(v.selected);
    state.entity.set(v.entity);
    state.lanes.set(v.lanes);
    state.window.set(v.window);
    state.tab.set(v.tab);
    state
        .open
        .set(v.open.map(|(article, span)| OpenArticle { article, span }));
}

fn view_of(state: &State) -> ViewState {
    ViewState {
        query: state.query.get(),
        filters: state.filters.get(),
        selected: state.selected.get(),
        entity: state.entity.get(),
        open: state.open.get().map(|o| (o.article, o.span)),
        lanes: state.lanes.get(),
        window: state.window.get(),
        tab: state.tab.get(),
    }
}

/// How long the address waits for typing, zooming or panning to pause
/// before it follows them: the browser's history is slow to write (a
/// millisecond or more), and one write per keystroke or zoom step adds up.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(250);

/// An address written later, once typing, zooming or panning pauses.
struct Pending {
    url: String,
    timer: TimeoutHandle,
}

fn replace(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// The address's query for `view`: the page's own parameters as they are,
/// except that `embed` sets or drops the embed view when given, then the
/// view's.
fn query_for(state: &State, view: &ViewState, embed: Option<bool>) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return String::new();
    };
    if let Some(current) = search_params() {
        for key in PAGE_KEYS {
            if let Some(value) = current.get(key) {
                if key != EMBED_KEY || embed.is_none() {
                    params.append(key, &value);
                }
            }
        }
    }
    if embed == Some(true) {
        params.append(EMBED_KEY, "1");
    }
    for (key, value) in view_state::encode(&state.corpus, view) {
        params.append(key, &value);
    }
    String::from(params.to_string())
}

/// The whole address of the view in `state`, as the full explorer or as
/// the embed view.
pub fn view_address(state: &State, embed: bool) -> String {
    let location = web_sys::window().map(|w| w.location());
    let page = location
        .map(|l| {
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    let query = query_for(state, &view_of(state), Some(embed));
    if query.is_empty() {
        page
    } else {
        format!("{page}?{query}")
    }
}

/// Whether the page shows the embed view.
pub fn is_embed() -> bool {
    search_params()
        .and_then(|p| p.get(EMBED_KEY))
        .is_some_and(|v| v == "1")
}

/// Reads the view from the address, then mirrors every change back into it.
pub fn sync(state: &State) {
    apply(state, view_state::decode(&state.corpus, &current_pairs()));
    let pending = StoredValue::new(None::<Pending>);
    {
        let state = state.clone();
        let _ = window_event_listener(leptos::ev::popstate, move |_| {
            // The address stepped to is the view now; a write still waiting
            // would replace it.
            if let Some(p) = pending.try_update_value(Option::take).flatten() {
                p.timer.clear();
            }
            apply(&state, view_state::decode(&state.corpus, &current_pairs()));
        });
    }
    let state = state.clone();
    Effect::new(move |previous: Option<ViewState>| {
        let view = view_of(&state);
        let Some(window) = web_sys::window() else {
            return view;
        };
        let query = query_for(&state, &view, None);
        let url = if query.is_empty() {
            window.location().pathname().unwrap_or_default()
        } else {
            format!("?{query}")
        };
        // Compared with the address waiting to be written, if one is.
        let unchanged = match pending.with_value(|p| p.as_ref().map(|p| p.url == url)) {
            Some(same) => same,
            None => {
                window
                    .location()
                    .search()
                    .unwrap_or_default()
                    .trim_start_matches('?')
                    == query
            }
        };
        if let (false, Ok(history)) = (unchanged, window.history()) {
            // Typing in the search box, zooming and panning replace the entry
            // instead of adding one per keystroke or wheel step; every other
            // change is a step back can undo.
            let only_query_changed = previous.as_ref().is_some_and(|p| {
                ViewState {
                    query: view.query.clone(),
                    window: view.window,
                    ..p.clone()
                } == view
            });
            let waiting = pending.try_update_value(Option::take).flatten();
            if let Some(p) = &waiting {
                p.timer.clear();
            }
            if previous.is_none() {
                replace(&url);
            } else if only_query_changed {
                let later = url.clone();
                let timer = set_timeout_with_handle(
                    move || {
                        if pending.try_update_value(Option::take).flatten().is_some() {
                            replace(&later);
                        }
                    },
                    SETTLE,
                );
                if let Ok(timer) = timer {
                    pending.set_value(Some(Pending { url, timer }));
                } else {
                    replace(&url);
                }
            } else {
                // The entry being left keeps the view it showed last.
                if let Some(p) = waiting {
                    replace(&p.url);
                }
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        }
        view
    });
}
