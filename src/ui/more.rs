//! "Show more" under a long list: how many rows are shown of how many, and a
//! button that adds a page.

use leptos::prelude::*;

/// Says how much of a list is shown and grows it by `page` rows; renders
/// nothing once everything is shown.
#[component]
pub fn ShowMore(
    /// Rows in the whole list.
    total: Signal<usize>,
    /// Rows shown now; the button raises it.
    limit: RwSignal<usize>,
    /// Rows added per click.
    page: usize,
    /// What the rows are, for the labels ("events").
    noun: &'static str,
) -> impl IntoView {
    move || {
        let (total, shown) = (total.get(), limit.get());
        (total > shown).then(|| {
            let next = page.min(total - shown);
            view! {
                <p class="more">
                    {format!("Showing {shown} of {total} {noun}. ")}
                    <button type="button" class="link-button" on:click=move |_| limit.update(|l| *l += page)>
                        {format!("Show {next} more {noun}")}
                    </button>
                </p>
            }
        })
    }
}
