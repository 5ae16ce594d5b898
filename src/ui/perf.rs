//! Performance marks at the app's milestones, for the benchmark to read with
//! `performance.getEntriesByName`. Names start with `ae:`:
//!
//! - `ae:corpus-read`: the corpus bytes have arrived;
//! - `ae:corpus-loaded`: parsed and validated, with `detail.bytes`;
//! - `ae:index-build`: a measure from the start to the end of building the
//!   search index (in slices, after the first paint);
//! - `ae:index-ready`: the index is in use, with `detail.busyMs`, the time
//!   spent building it without the pauses between slices, and
//!   `detail.wasmBytes`;
//! - `ae:first-frame`: the explorer's DOM is built, before style and layout;
//! - `ae:first-timeline-paint`: the frame after the explorer first rendered,
//!   with `detail.wasmBytes`, the size of the wasm memory then;
//! - `ae:search`: a measure around each query against the index;
//! - `ae:filter`, `ae:items`, `ae:lanes`, `ae:marks`: measures around
//!   applying the filters (with live counts), forming timeline items,
//!   forming lanes and laying out the timeline's marks.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Marks `name` now.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// Marks `name` now with `{ detail: { key: value, ... } }`.
pub fn mark_with(name: &str, detail: &[(&str, f64)]) {
    let Some(p) = performance() else {
        return;
    };
    let fields = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&fields, &(*key).into(), &(*value).into());
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"detail".into(), &fields);
    if let Ok(f) = Reflect::get(&p, &"mark".into()).and_then(|f| f.dyn_into::<Function>()) {
        let _ = f.call2(&p, &JsValue::from_str(name), &options);
    }
}

/// Runs `f` inside a measure named `name`.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let Some(p) = performance() else {
        return f();
    };
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    let _ = p.mark(&start);
    let out = f();
    let _ = p.mark(&end);
    let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    p.clear_marks_with_mark_name(&start);
    p.clear_marks_with_mark_name(&end);
    out
}

/// The current size of the wasm linear memory, in bytes.
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()))
}

/// Milliseconds since navigation, or 0 without a clock.
pub fn now() -> f64 {
    performance().map_or(0.0, |p| p.now())
}

/// Measures `name` from the mark `start` until now, then drops the mark.
pub fn measure_from(name: &str, start: &str) {
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark(name, start);
        p.clear_marks_with_mark_name(start);
    }
}

/// Lets the browser run input handlers and paint before continuing.
pub async fn yield_now() {
    sleep(0).await;
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
