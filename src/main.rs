//! Entry point of the web app: install the panic panel, then mount the UI.

use article_explorer::ui;

fn main() {
    ui::panic::install();
    ui::dismiss_boot_message();
    leptos::mount::mount_to_body(ui::App);
    if ui::query_param("selftest").as_deref() == Some("panic") {
        panic!("self-test panic requested by ?selftest=panic");
    }
}
