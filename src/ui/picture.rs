//! Pictures of the page's drawings (the timeline, the per-year chart) as
//! SVG and PNG files. The drawing is copied with its look written into each
//! element (the stylesheet's colours do not travel with a file), in the
//! theme in view or in the light one. Corpus strings stay text: the copy is
//! written out by the browser's XML serialiser, which escapes them, and
//! nothing is parsed back as markup.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::download;

/// The properties copied from the page's stylesheet onto each element.
const LOOK: [&str; 12] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-opacity",
    "opacity",
    "font-size",
    "font-family",
    "font-weight",
    "text-anchor",
    "display",
];

/// A PNG is drawn at twice the size on screen, for print and slides.
const PNG_SCALE: f64 = 2.0;

/// Which colours a picture is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colours {
    /// The theme the page is shown in.
    AsShown,
    /// The light theme, whatever the page shows.
    Light,
}

/// The drawing at `css` as a standalone SVG document, with its size on
/// screen.
fn standalone(css: &str, colours: Colours) -> Option<(String, f64, f64)> {
    let document = document();
    let original = document.query_selector(css).ok()??;
    let root = document.document_element()?;
    let theme = root.get_attribute("data-theme");
    if colours == Colours::Light {
        root.set_attribute("data-theme", "light").ok()?;
    }
    let copy = copy_with_look(&original);
    if colours == Colours::Light {
        let _ = match theme {
            Some(t) => root.set_attribute("data-theme", &t),
            None => root.remove_attribute("data-theme"),
        };
    }
    let (copy, background) = copy?;
    let rect = original.get_bounding_client_rect();
    let (width, height) = (rect.width().round(), rect.height().round());
    copy.set_attribute("width", &width.to_string()).ok()?;
    copy.set_attribute("height", &height.to_string()).ok()?;
    // The page's background behind the drawing, which is transparent.
    let backdrop = document
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "rect")
        .ok()?;
    for (name, value) in [
        ("x", "-10000"),
        ("y", "-10000"),
        ("width", "20000"),
        ("height", "20000"),
    ] {
        backdrop.set_attribute(name, value).ok()?;
    }
    backdrop
        .dyn_ref::<web_sys::SvgElement>()?
        .style()
        .set_property("fill", &background)
        .ok()?;
    copy.prepend_with_node_1(&backdrop).ok()?;
    let text = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()?;
    Some((text, width, height))
}

/// A deep copy of `original` with each element's computed look written on
/// it, and the page's background colour.
fn copy_with_look(original: &web_sys::Element) -> Option<(web_sys::Element, String)> {
    let window = web_sys::window()?;
    let copy: web_sys::Element = original.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let from = original.query_selector_all("*").ok()?;
    let to = copy.query_selector_all("*").ok()?;
    for i in 0..from.length() {
        let (Some(a), Some(b)) = (from.item(i), to.item(i)) else {
            continue;
        };
        let (Ok(a), Ok(b)) = (
            a.dyn_into::<web_sys::Element>(),
            b.dyn_into::<web_sys::SvgElement>(),
        ) else {
            continue;
        };
        let Ok(Some(look)) = window.get_computed_style(&a) else {
            continue;
        };
        let inline = b.style();
        for property in LOOK {
            if let Ok(value) = look.get_property_value(property) {
                let _ = inline.set_property(property, &value);
            }
        }
    }
    let body = document().body()?;
    let background = window
        .get_computed_style(&body)
        .ok()??
        .get_property_value("background-color")
        .ok()?;
    Some((copy, background))
}

/// Saves the drawing at `css` as `<name>.svg`.
pub fn save_svg(css: &str, name: &str, colours: Colours) {
    if let Some((text, _, _)) = standalone(css, colours) {
        download::save(&format!("{name}.svg"), "image/svg+xml", &text);
    }
}

/// Saves the drawing at `css` as `<name>.png`, drawn from its SVG copy.
pub fn save_png(css: &str, name: &str, colours: Colours) {
    let Some((text, width, height)) = standalone(css, colours) else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let name = format!("{name}.png");
    let drawn = image.clone();
    let onload = Closure::once_into_js(move || {
        let Some(canvas) = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width((width * PNG_SCALE) as u32);
        canvas.set_height((height * PNG_SCALE) as u32);
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = context.scale(PNG_SCALE, PNG_SCALE);
        let _ = context.draw_image_with_html_image_element(&drawn, 0.0, 0.0);
        let saved = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                download::save_blob(&name, &blob);
            }
        });
        let _ = canvas.to_blob(saved.unchecked_ref());
    });
    image.set_onload(Some(onload.unchecked_ref()));
    let source = js_sys::encode_uri_component(&text);
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{source}"));
}

/// "Save as SVG / PNG" for the drawing at `css`, with a choice of colours.
#[component]
pub fn SavePicture(
    /// The drawing's selector.
    css: &'static str,
    /// The file name, without its extension.
    name: &'static str,
    /// What the drawing is, for the group's label.
    what: &'static str,
) -> impl IntoView {
    let light = RwSignal::new(false);
    let colours = move || {
        if light.get_untracked() {
            Colours::Light
        } else {
            Colours::AsShown
        }
    };
    view! {
        <div class="save-picture" role="group" aria-label=format!("Save {what} as a picture")>
            <button type="button" on:click=move |_| save_svg(css, name, colours())>"Save SVG"</button>
            <button type="button" on:click=move |_| save_png(css, name, colours())>"Save PNG"</button>
            <label>
                <input type="checkbox" prop:checked=move || light.get() on:change=move |ev| light.set(event_target_checked(&ev)) />
                " light colours"
            </label>
        </div>
    }
}
