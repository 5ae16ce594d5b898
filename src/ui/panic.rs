//! Makes a panic visible: the message goes to the console and into an alert
//! panel on the page, so a crash never leaves a blank or frozen page.

use wasm_bindgen::JsCast;

/// Installs the panic hook. Call once, before mounting.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel(&info.to_string());
    }));
}

/// Appends the panel with plain DOM calls: after a panic the reactive runtime
/// cannot be trusted, so nothing here goes through Leptos.
fn show_panel(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let Ok(panel) = document.create_element("section") else {
        return;
    };
    panel.set_class_name("panic-panel");
    let _ = panel.set_attribute("role", "alert");
    if let Ok(heading) = document.create_element("h2") {
        heading.set_text_content(Some(
            "Article Explorer stopped because of an internal error",
        ));
        let _ = panel.append_child(&heading);
    }
    if let Ok(detail) = document.create_element("pre") {
        detail.set_text_content(Some(message));
        let _ = panel.append_child(&detail);
    }
    if let Ok(hint) = document.create_element("p") {
        hint.set_text_content(Some(
            "Reload the page to start again. If it happens again, please report the message above.",
        ));
        let _ = panel.append_child(&hint);
    }
    if let Some(panel) = panel.dyn_ref::<web_sys::HtmlElement>() {
        let _ = body.prepend_with_node_1(panel);
    }
}
