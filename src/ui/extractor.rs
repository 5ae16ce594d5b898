//! The extractor's Web Worker as the page uses it: started when first
//! needed, with requests held until it says it is ready. The "Add an
//! article" panel keeps one for its pastes; opening a file that is not a
//! corpus (a sheet, a scraper's records) asks a worker of its own once.
//!
//! The worker is a second wasm module, so none of the extractor's code is
//! in the page's own.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::MessageEvent;

use crate::corpus::format::EntityRecord;
use crate::extract::request::{Import, InputFile, Reply, READY};

/// The worker that runs the extractor, started when first needed. Its
/// loader sits beside `index.html`, so the URL is relative to the page.
const WORKER_URL: &str = "extract-worker_loader.js";

/// The extractor's worker and the request waiting for it to be ready.
pub struct Extractor {
    worker: web_sys::Worker,
    ready: bool,
    waiting: Option<String>,
}

pub type Shared = Rc<RefCell<Extractor>>;

/// Starts the extractor's worker; each reply it sends is handed to
/// `on_reply`, and `on_failure` is called if it cannot load or stops with an
/// error. A request sent before the worker says it is ready waits.
pub fn start_worker(
    on_reply: impl Fn(Reply) + 'static,
    on_failure: impl Fn() + 'static,
) -> Result<Shared, String> {
    if super::share::is_one_file() {
        return Err(super::share::NO_EXTRACTOR.to_string());
    }
    let worker = web_sys::Worker::new(WORKER_URL)
        .map_err(|e| format!("the extractor could not start ({})", js_text(&e)))?;
    let shared: Shared = Rc::new(RefCell::new(Extractor {
        worker: worker.clone(),
        ready: false,
        waiting: None,
    }));
    let state = shared.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data().as_string().unwrap_or_default();
        if data == READY {
            let mut extractor = state.borrow_mut();
            extractor.ready = true;
            if let Some(request) = extractor.waiting.take() {
                let _ = extractor.worker.post_message(&JsValue::from_str(&request));
            }
            return;
        }
        let reply = serde_json::from_str::<Reply>(&data).unwrap_or(Reply {
            corpus: None,
            error: Some("The extractor sent an answer that could not be read.".into()),
            note: None,
            warnings: Vec::new(),
        });
        on_reply(reply);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        on_failure();
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The worker lives as long as the page; so do its handlers.
    on_message.forget();
    on_error.forget();
    Ok(shared)
}

/// Sends a request now, or when the worker is ready.
pub fn send(extractor: &Shared, request: String) -> Result<(), String> {
    let mut e = extractor.borrow_mut();
    if !e.ready {
        e.waiting = Some(request);
        return Ok(());
    }
    e.worker
        .post_message(&JsValue::from_str(&request))
        .map_err(|err| js_text(&err))
}

/// A JavaScript error's message.
pub fn js_text(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Reads the file `name` in a worker of its own, as the `extract` command
/// would, and returns its reply; the worker is stopped afterwards.
pub async fn import(name: &str, text: String) -> Result<Reply, String> {
    let request = import_request(
        vec![InputFile {
            name: name.to_string(),
            text,
        }],
        Vec::new(),
    )?;
    let answer: Rc<RefCell<Option<Result<Reply, String>>>> = Rc::default();
    let shared: Rc<RefCell<Option<Shared>>> = Rc::default();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let (on_reply, on_failure) = (answer.clone(), answer.clone());
        let (done, failed) = (resolve.clone(), resolve);
        let started = start_worker(
            move |reply| {
                *on_reply.borrow_mut() = Some(Ok(reply));
                let _ = done.call0(&JsValue::NULL);
            },
            move || {
                *on_failure.borrow_mut() =
                    Some(Err("the extractor stopped with an error".to_string()));
                let _ = failed.call0(&JsValue::NULL);
            },
        );
        *shared.borrow_mut() = Some(match started {
            Ok(worker) => worker,
            Err(e) => {
                *answer.borrow_mut() = Some(Err(e));
                return;
            }
        });
    });
    let worker = shared.borrow().clone();
    if let Some(worker) = &worker {
        send(worker, request)?;
        JsFuture::from(promise).await.map_err(|e| js_text(&e))?;
        worker.borrow().worker.terminate();
    }
    let reply = answer.borrow_mut().take();
    reply.unwrap_or_else(|| Err("the extractor did not answer".to_string()))
}

/// The JSON request that asks the worker to read `files` together, with
/// the entities of the corpus they are meant for.
pub fn import_request(
    files: Vec<InputFile>,
    entities: Vec<EntityRecord>,
) -> Result<String, String> {
    serde_json::to_string(&Import { files, entities }).map_err(|e| e.to_string())
}

/// The text of a file the user chose or dropped.
pub async fn file_text(file: &web_sys::File) -> Result<String, String> {
    JsFuture::from(file.text())
        .await
        .map_err(|e| js_text(&e))?
        .as_string()
        .ok_or_else(|| "not text".to_string())
}
