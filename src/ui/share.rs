//! Sharing what the explorer shows: the explorer and its corpus saved as
//! one HTML file, and the code that embeds the timeline in another page.
//! The one-file explorer itself is recognised here too.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::download;
use super::fetch::{bytes_label, fetch_text};
use super::state::use_state;

/// What the page's extractor says in a one-file explorer, which leaves the
/// extractor's worker out.
pub const NO_EXTRACTOR: &str = "this one-file explorer holds the explorer and its corpus, not the extractor: open Article Explorer on its web site to add articles or read sheets and scrapers' records";

fn document_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Whether this page is a one-file explorer.
pub fn is_one_file() -> bool {
    document_element().is_some_and(|e| e.has_attribute("data-one-file"))
}

/// The corpus a one-file explorer holds, as text.
pub fn embedded_corpus() -> Option<String> {
    if !is_one_file() {
        return None;
    }
    web_sys::window()?
        .document()?
        .get_element_by_id(explorer_bundle::CORPUS_ELEMENT)?
        .text_content()
}

/// Text written inside a double-quoted attribute of HTML another page holds.
fn attribute_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The `<iframe>` that shows `address` (an embed view) in another page.
fn embed_code(address: &str, title: &str, width: u32, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" width=\"{width}\" height=\"{height}\" title=\"{}\" style=\"border: 0; max-width: 100%\" loading=\"lazy\"></iframe>",
        attribute_text(address),
        attribute_text(title)
    )
}

/// The share menu: save as one file, and the embed code.
#[component]
pub fn Share() -> impl IntoView {
    view! {
        <details class="share">
            <summary>"Share"</summary>
            <div class="share-body">
                {if is_one_file() {
                    view! {
                        <p class="share-note">
                            "This is a one-file explorer: it opens from disk as it is, so mail or copy the file itself. Saving a new one and embedding the timeline need Article Explorer on a web site."
                        </p>
                    }
                    .into_any()
                } else {
                    view! { <SaveOneFile /> <Embed /> }.into_any()
                }}
            </div>
        </details>
    }
}

/// "Save as one file": the explorer with the corpus in view, or with the
/// filtered events and the articles behind them.
#[component]
fn SaveOneFile() -> impl IntoView {
    let state = use_state();
    let whole = RwSignal::new(true);
    let status = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);
    let settled = state.texts_settled;
    let filtered = state.filtered;
    let corpus = state.corpus.clone();
    let save = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        status.set(None);
        let corpus = corpus.clone();
        let events =
            (!whole.get_untracked()).then(|| filtered.with_untracked(|f| f.events.clone()));
        spawn_local(async move {
            let outcome = async {
                let template = fetch_text(explorer_bundle::TEMPLATE_NAME)
                    .await
                    .map_err(|e| format!("The explorer's one-file template could not be read: {e}"))?;
                let file = match events {
                    Some(events) => crate::corpus::subset_to_file(&corpus, &events),
                    None => crate::corpus::to_file(&corpus),
                };
                let json = serde_json::to_string(&file).map_err(|e| e.to_string())?;
                let html = explorer_bundle::fill(&template, &json).map_err(|e| e.to_string())?;
                download::save("explorer.html", "text/html", &html);
                Ok(format!(
                    "Saved explorer.html ({}, {} events). It opens from disk in any browser, with no server.",
                    bytes_label(html.len() as u64),
                    file.events.len()
                ))
            }
            .await;
            status.set(Some(outcome));
            busy.set(false);
        });
    };
    let all = state.corpus.events.len();
    view! {
        <fieldset class="share-part">
            <legend>"Save as one file"</legend>
            <label>
                <input type="radio" name="one-file-what" checked=move || whole.get() on:change=move |_| whole.set(true) />
                {format!(" The whole corpus ({all} events)")}
            </label>
            <label>
                <input type="radio" name="one-file-what" checked=move || !whole.get() on:change=move |_| whole.set(false) />
                {move || format!(" The filtered events ({}) and their articles", filtered.with(|f| f.events.len()))}
            </label>
            // The file carries the article texts: it waits for the parts of
            // a split corpus.
            <button type="button" class="save-one-file" on:click=save disabled=move || busy.get() || !settled.get()>
                "Save as one file"
            </button>
            {move || status.get().map(|s| match s {
                Ok(text) => view! { <p class="share-status" role="status">{text}</p> }.into_any(),
                Err(text) => view! { <p class="share-status share-problem" role="alert">{text}</p> }.into_any(),
            })}
        </fieldset>
    }
}

/// "Embed": the `<iframe>` code for this view's timeline and event detail.
#[component]
fn Embed() -> impl IntoView {
    let state = use_state();
    let (width, height) = (RwSignal::new(800u32), RwSignal::new(520u32));
    let title = state
        .corpus
        .title
        .clone()
        .map_or_else(|| "Timeline".to_string(), |t| format!("Timeline: {t}"));
    let code = move || {
        embed_code(
            &super::url::view_address(&state, true),
            &title,
            width.get(),
            height.get(),
        )
    };
    let size = move |signal: RwSignal<u32>, label: &'static str| {
        view! {
            <label>
                {label}
                <input
                    type="number"
                    min="200"
                    max="4000"
                    step="10"
                    prop:value=move || signal.get().to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                            signal.set(n.clamp(200, 4000));
                        }
                    }
                />
            </label>
        }
    };
    view! {
        <fieldset class="share-part">
            <legend>"Embed the timeline"</legend>
            <p class="share-note">"Put this code in a web page to show this timeline, with its filters and window, and the event chosen in it."</p>
            <div class="embed-size">{size(width, "Width ")} {size(height, "Height ")}</div>
            <textarea class="embed-code" readonly rows="4" aria-label="Embed code" prop:value=code></textarea>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embed_code_cannot_carry_markup() {
        let code = embed_code(
            "https://example.org/?embed=1&q=a\"b",
            "Timeline: <b onclick=\"x\">",
            640,
            400,
        );
        assert_eq!(
            code,
            "<iframe src=\"https://example.org/?embed=1&amp;q=a&quot;b\" width=\"640\" height=\"400\" title=\"Timeline: &lt;b onclick=&quot;x&quot;&gt;\" style=\"border: 0; max-width: 100%\" loading=\"lazy\"></iframe>"
        );
    }
}
