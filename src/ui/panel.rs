//! The heading row shared by the side panels (event detail, article reader,
//! entity page): a level-2 title and a close button.

use leptos::prelude::*;

/// `id` names the heading so the panel can point `aria-labelledby` at it.
#[component]
pub fn PanelHead(
    id: &'static str,
    title: String,
    close_label: &'static str,
    on_close: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="detail-head">
            <h2 id=id>{title}</h2>
            <button type="button" class="close" aria-label=close_label on:click=move |_| on_close()>
                "×"
            </button>
        </div>
    }
}
