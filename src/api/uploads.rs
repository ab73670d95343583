//! Files up to the backend with `XMLHttpRequest`, the one browser API that
//! reports upload progress, through the same token handling as every other
//! request; and reading a file's first bytes, to check what it is.

use support_contract::{Attachment, FileKind};
use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_futures::JsFuture;

use super::{authorized, Answer, NoAnswer, Transport, ANSWER_WITHIN_MS};
use support_rules::{
    host::BackendUrl,
    request::{HttpRequest, SubmitError},
    uploads,
};

/// Uploads one file with `XMLHttpRequest`, the one browser API that reports
/// upload progress: `on_progress` gets the bytes sent so far.
pub async fn upload_file(
    backend: BackendUrl,
    file: web_sys::File,
    kind: FileKind,
    transport: Transport,
    on_progress: impl Fn(u64) + 'static,
) -> Result<Attachment, SubmitError> {
    let request = uploads::upload(&backend, &file.name(), kind);
    let on_progress: std::rc::Rc<dyn Fn(u64)> = std::rc::Rc::new(on_progress);
    let answer = authorized(&transport, |bearer| {
        upload_once(&request, &file, &transport, bearer, on_progress.clone())
    })
    .await
    .map_err(|NoAnswer| SubmitError::Network)?;
    uploads::read_uploaded(answer.status, answer.retry_after.as_deref(), &answer.body)
}

/// Uploads the file once, with `bearer` if any.
async fn upload_once(
    request: &HttpRequest,
    file: &web_sys::File,
    transport: &Transport,
    bearer: Option<String>,
    on_progress: std::rc::Rc<dyn Fn(u64)>,
) -> Result<Answer, NoAnswer> {
    let xhr = web_sys::XmlHttpRequest::new().map_err(|_| NoAnswer)?;
    xhr.open_with_async(request.method, &request.url, true)
        .map_err(|_| NoAnswer)?;
    for (name, value) in transport.page_headers(bearer.as_deref()) {
        _ = xhr.set_request_header(name, &value);
    }
    for (name, value) in &request.headers {
        _ = xhr.set_request_header(name, value);
    }
    let aborting = {
        let xhr = xhr.clone();
        Closure::<dyn Fn()>::new(move || _ = xhr.abort())
    };
    // An upload with no sign of life (no bytes sent, no answer) for as long
    // as any other request may take to answer is given up, and tried again
    // like a lost connection. The deadline runs from the last progress, not
    // from the start: a large file on a slow line may take longer in all.
    let watchdog = Watchdog::new(
        aborting
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone(),
    );
    let progress = {
        let watchdog = watchdog.clone();
        Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            watchdog.rearm();
            on_progress(event.loaded() as u64)
        })
    };
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    let mut ended = None;
    let done = js_sys::Promise::new(&mut |resolve, _| ended = Some(resolve));
    if let Some(resolve) = &ended {
        xhr.set_onloadend(Some(resolve));
    }
    xhr.send_with_opt_blob(Some(file)).map_err(|_| NoAnswer)?;
    // Removing the widget aborts the upload like every other request (once
    // it is sent: a send refused leaves no listener behind).
    if let Some(signal) = &transport.abort {
        _ = signal.add_event_listener_with_callback("abort", aborting.as_ref().unchecked_ref());
    }
    watchdog.rearm();
    _ = JsFuture::from(done).await;
    watchdog.stop();
    if let Some(signal) = &transport.abort {
        _ = signal.remove_event_listener_with_callback("abort", aborting.as_ref().unchecked_ref());
    }
    drop(progress);
    let status = xhr.status().unwrap_or(0);
    if status == 0 {
        return Err(NoAnswer);
    }
    Ok(Answer {
        status,
        retry_after: xhr.get_response_header("Retry-After").ok().flatten(),
        body: xhr.response_text().ok().flatten().unwrap_or_default(),
        file: None,
    })
}

/// A timer that calls `expired` once [`ANSWER_WITHIN_MS`] pass without a
/// [`Watchdog::rearm`].
#[derive(Clone)]
struct Watchdog {
    expired: js_sys::Function,
    timer: std::rc::Rc<std::cell::Cell<Option<i32>>>,
}

impl Watchdog {
    fn new(expired: js_sys::Function) -> Watchdog {
        Watchdog {
            expired,
            timer: Default::default(),
        }
    }

    fn rearm(&self) {
        self.stop();
        let timer = web_sys::window().and_then(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    &self.expired,
                    ANSWER_WITHIN_MS as i32,
                )
                .ok()
        });
        self.timer.set(timer);
    }

    fn stop(&self) {
        if let (Some(window), Some(timer)) = (web_sys::window(), self.timer.take()) {
            window.clear_timeout_with_handle(timer);
        }
    }
}

/// The first `len` bytes of a file, for checking what it is before upload.
pub async fn first_bytes(file: &web_sys::File, len: usize) -> Vec<u8> {
    let end = i32::try_from(len).unwrap_or(i32::MAX);
    let Ok(head) = file.slice_with_i32_and_i32(0, end) else {
        return Vec::new();
    };
    match JsFuture::from(head.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(_) => Vec::new(),
    }
}
