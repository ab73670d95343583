//! The backend's live changes (`GET /events`), read with `fetch` and a
//! stream reader: `EventSource` cannot send the token's `Authorization`.

use std::{
    cell::{Cell, RefCell},
    rc::Rc,
    time::Duration,
};

use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

use super::{authorized, browser_request, Answer, NoAnswer, Transport};
use support_rules::{
    host::BackendUrl,
    live::{reconnect::Ended, EventStream, ServerEvent},
    request,
};

/// How long a stream may stay silent before it counts as not held: the
/// backend sends a comment at least every 30 s, so a stream that a proxy
/// buffers says nothing.
const SILENT_AT_MOST: Duration = Duration::from_secs(65);

/// How a stream ended, and what it leaves to pick it up again with.
pub struct Streamed {
    pub ended: Ended,
    /// The last event heard, or the one it was asked to follow.
    pub last_id: Option<String>,
    /// The server's `retry:`, if it sent one.
    pub retry: Option<Duration>,
}

/// What is said of a stream as it goes.
pub struct Listener {
    /// The stream was answered: the time to read what it cannot tell (the
    /// unread count).
    pub opened: Box<dyn Fn()>,
    /// Each event, as it arrives.
    pub heard: Box<dyn Fn(ServerEvent)>,
}

/// How far a stream got.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Progress {
    Asked,
    /// Answered with a stream.
    Opened,
    /// Bytes came: a stream, not a proxy's buffer.
    Held,
    /// Opened, then silent too long before anything came.
    Silent,
}

/// Reads the changes after `last_id` until the stream ends, telling
/// `listener` as it goes. Through a 401 as every request goes
/// (`authorized`): the token provider is asked again.
pub async fn events(
    backend: BackendUrl,
    last_id: Option<String>,
    transport: Transport,
    listener: Listener,
) -> Streamed {
    let request = request::events(&backend, last_id.as_deref());
    let stream = RefCell::new(EventStream::default());
    let progress = Cell::new(Progress::Asked);
    let answer = authorized(&transport, |bearer| {
        read_once(&request, &transport, bearer, &stream, &progress, &listener)
    })
    .await;
    let stream = stream.into_inner();
    let ended = match (answer, progress.get()) {
        (_, Progress::Held) => Ended::Held,
        (_, Progress::Silent) | (Ok(_), Progress::Asked) => Ended::Refused,
        (Err(NoAnswer), _) | (Ok(_), Progress::Opened) => Ended::Cut,
    };
    Streamed {
        ended,
        last_id: stream.last_id().map(str::to_owned).or(last_id),
        retry: stream.retry(),
    }
}

/// Sends the request once and, if the answer is a stream, reads it to its
/// end: the answer's status is all `authorized` needs.
async fn read_once(
    request: &request::HttpRequest,
    transport: &Transport,
    bearer: Option<String>,
    stream: &RefCell<EventStream>,
    progress: &Cell<Progress>,
    listener: &Listener,
) -> Result<Answer, NoAnswer> {
    let silence = AbortController::new().map_err(|_| NoAnswer)?;
    let signal = either(transport.abort.as_ref(), &silence.signal());
    let ready = browser_request(request, transport, bearer, Some(&signal))?;
    let window = web_sys::window().ok_or(NoAnswer)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&ready))
        .await
        .map_err(|_| NoAnswer)?
        .unchecked_into();
    let status = response.status();
    let answer = Answer {
        status,
        retry_after: None,
        body: String::new(),
        file: None,
    };
    let is_stream = (response.headers().get("Content-Type").ok().flatten())
        .is_some_and(|kind| kind.starts_with("text/event-stream"));
    if status != 200 || !is_stream {
        return Ok(answer);
    }
    progress.set(Progress::Opened);
    (listener.opened)();
    let body = response.body().ok_or(NoAnswer)?;
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let decoder = web_sys::TextDecoder::new().map_err(|_| NoAnswer)?;
    let decoding = web_sys::TextDecodeOptions::new();
    decoding.set_stream(true);
    // Silent too long: aborted, which ends the read below.
    let watchdog = Watchdog::new(silence);
    watchdog.rearm();
    loop {
        let Ok(chunk) = JsFuture::from(reader.read()).await else {
            // Aborted (the screen went, the tab woke, or the stream fell
            // silent), or cut.
            if watchdog.fired() && progress.get() == Progress::Opened {
                progress.set(Progress::Silent);
            }
            return Err(NoAnswer);
        };
        watchdog.rearm();
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map_or(true, |d| d.is_truthy());
        if done {
            return Ok(answer);
        }
        let bytes: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &"value".into())
            .map_err(|_| NoAnswer)?
            .unchecked_into();
        let text = decoder
            .decode_with_js_u8_array_and_options(&bytes, &decoding)
            .map_err(|_| NoAnswer)?;
        progress.set(Progress::Held);
        let events = stream.borrow_mut().feed(&text);
        for event in events {
            (listener.heard)(event);
        }
    }
}

/// A signal that fires when either does; `second` alone on browsers
/// without `AbortSignal.any` (before 2024), which then keep a stream until
/// it ends or falls silent, though the screen that asked for it has gone.
fn either(first: Option<&AbortSignal>, second: &AbortSignal) -> AbortSignal {
    let Some(first) = first else {
        return second.clone();
    };
    let class = js_sys::Reflect::get(&js_sys::global(), &"AbortSignal".into())
        .unwrap_or(JsValue::UNDEFINED);
    if !js_sys::Reflect::has(&class, &"any".into()).unwrap_or(false) {
        return second.clone();
    }
    AbortSignal::any(&js_sys::Array::of2(first, second))
}

/// Aborts the stream once it has been silent for [`SILENT_AT_MOST`].
struct Watchdog {
    silence: AbortController,
    timer: RefCell<Option<TimeoutHandle>>,
    fired: Rc<RefCell<bool>>,
}

impl Watchdog {
    fn new(silence: AbortController) -> Self {
        Watchdog {
            silence,
            timer: RefCell::new(None),
            fired: Rc::new(RefCell::new(false)),
        }
    }

    fn rearm(&self) {
        if let Some(timer) = self.timer.borrow_mut().take() {
            timer.clear();
        }
        let (silence, fired) = (self.silence.clone(), self.fired.clone());
        let timer = set_timeout_with_handle(
            move || {
                *fired.borrow_mut() = true;
                silence.abort();
            },
            SILENT_AT_MOST,
        );
        *self.timer.borrow_mut() = timer.ok();
    }

    fn fired(&self) -> bool {
        *self.fired.borrow()
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.borrow_mut().take() {
            timer.clear();
        }
    }
}
