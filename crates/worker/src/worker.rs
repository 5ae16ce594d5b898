//! The extractor's Web Worker: answers each message (a JSON
//! [`Request`](explorer_extract::request::Request)) with a JSON
//! [`Reply`](explorer_extract::request::Reply). The default gazetteer is
//! fetched once, relative to the worker's own script, which sits beside the
//! page.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Response};

use explorer_extract::request::{answer, READY};

/// Where the default gazetteer's files live, relative to the worker's
/// script: the hand-written one, the cities from GeoNames and the states
/// and provinces from ISO 3166-2.
const GAZETTEER_URLS: [&str; 3] = [
    "data/gazetteer.json",
    "data/places.json",
    "data/regions.json",
];

/// Installs the message handler; called from the worker's `main`.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    type Files = Result<Vec<(&'static str, String)>, String>;
    let cache: Rc<RefCell<Option<Files>>> = Rc::default();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let request = ev.data().as_string().unwrap_or_default();
        let (scope, cache) = (reply_to.clone(), cache.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let known = cache.borrow().clone();
            let gazetteer = match known {
                Some(g) => g,
                None => {
                    let mut files = Ok(Vec::new());
                    for url in GAZETTEER_URLS {
                        let text = fetch_text(&scope, url).await;
                        files = files.and_then(|mut f: Vec<_>| {
                            f.push((url, text?));
                            Ok(f)
                        });
                    }
                    *cache.borrow_mut() = Some(files.clone());
                    files
                }
            };
            let files: Result<Vec<(&str, &str)>, &str> = match &gazetteer {
                Ok(f) => Ok(f.iter().map(|(n, t)| (*n, t.as_str())).collect()),
                Err(e) => Err(e.as_str()),
            };
            let reply = answer(&request, files.as_deref().map_err(|e| *e));
            let text = serde_json::to_string(&reply).unwrap_or_default();
            let _ = scope.post_message(&JsValue::from_str(&text));
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages that arrive before the handler is installed are lost, so the
    // page waits for this word before it sends any.
    let _ = scope.post_message(&JsValue::from_str(READY));
}

async fn fetch_text(scope: &DedicatedWorkerGlobalScope, url: &str) -> Result<String, String> {
    let response = JsFuture::from(scope.fetch_with_str(url))
        .await
        .map_err(|_| format!("could not reach {url}"))?;
    let response: Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!(
            "the server answered {} for {url}",
            response.status()
        ));
    }
    let text = response
        .text()
        .map_err(|_| format!("could not read {url}"))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| format!("could not read {url}"))
}
