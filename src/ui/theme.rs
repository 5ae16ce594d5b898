//! Light, dark, or whatever the system prefers: a choice kept in local storage
//! and applied as `data-theme` on the root element, which the stylesheet reads.

use leptos::prelude::*;

const KEY: &str = "article-explorer.theme";
const CHOICES: [(&str, &str); 3] = [("system", "System"), ("light", "Light"), ("dark", "Dark")];

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn apply(choice: &str) {
    if let Some(root) = document().document_element() {
        let _ = match choice {
            "light" | "dark" => root.set_attribute("data-theme", choice),
            _ => root.remove_attribute("data-theme"),
        };
    }
}

/// The theme picker in the header.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let saved = storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .filter(|c| CHOICES.iter().any(|(code, _)| code == c))
        .unwrap_or_else(|| "system".to_string());
    apply(&saved);
    let choice = RwSignal::new(saved);
    let options = CHOICES
        .iter()
        .map(|&(code, label)| view! { <option value=code selected=move || choice.get() == code>{label}</option> })
        .collect_view();
    view! {
        <label class="theme-pick">
            "Theme "
            <select on:change=move |ev| {
                let value = event_target_value(&ev);
                apply(&value);
                if let Some(s) = storage() {
                    let _ = s.set_item(KEY, &value);
                }
                choice.set(value);
            }>{options}</select>
        </label>
    }
}
