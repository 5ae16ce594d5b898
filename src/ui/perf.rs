//! Performance marks at the app's milestones, for the benchmark to read with
//! `performance.getEntriesByName`. Names start with `ae:`:
//!
//! - `ae:corpus-read`: the corpus bytes have arrived;
//! - `ae:corpus-loaded`: parsed and validated, with `detail.bytes`;
//! - `ae:index-build`: a measure around building the search index;
//! - `ae:first-timeline-paint`: the frame after the explorer first rendered,
//!   with `detail.wasmBytes`, the size of the wasm memory then;
//! - `ae:search`: a measure around each query against the index.

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

/// Marks `name` now with `{ detail: { key: value } }`.
pub fn mark_with(name: &str, key: &str, value: f64) {
    let Some(p) = performance() else {
        return;
    };
    let detail = Object::new();
    let options = Object::new();
    let _ = Reflect::set(&detail, &key.into(), &value.into());
    let _ = Reflect::set(&options, &"detail".into(), &detail);
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
