//! The backend's live changes (`GET /events`), read with `fetch` and a
//! stream reader: `EventSource` cannot send the token's `Authorization`.

use std::{cell::RefCell, rc::Rc, time::Duration};

use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

use super::{authorized, browser_request, Answer, NoAnswer, Transport};
use support_rules::{
    host::BackendUrl,
    live::{EventStream, ServerEvent},
    request,
};

/// How long a stream may stay silent before it counts as not held: the
/// backend sends a comment at least every 30 s, so a stream that a proxy
/// buffers says nothing.
const SILENT_AT_MOST: Duration = Duration::from_secs(65);

/// How a stream ended.
pub enum Streamed {
    /// It was held, then ended (the token expired, the backend stopped, the
    /// connection went): pick it up again after the last event heard.
    Held { last_id: Option<String> },
    /// It could not be held: refused, not a stream, or silent too long.
    NotHeld { last_id: Option<String> },
}

/// Reads the changes after `last_id` until the stream ends, telling
/// `heard` of each event as it arrives. Through a 401 as every request goes
/// (`authorized`): the token provider is asked again.
pub async fn events(
    backend: BackendUrl,
    last_id: Option<String>,
    transport: Transport,
    heard: Rc<dyn Fn(ServerEvent)>,
) -> Streamed {
    let request = request::events(&backend, last_id.as_deref());
    let stream = Rc::new(RefCell::new(EventStream::default()));
    let held = Rc::new(RefCell::new(false));
    let answer = authorized(&transport, |bearer| {
        read_once(&request, &transport, bearer, &stream, &held, &heard)
    })
    .await;
    let last_id = stream.borrow().last_id().map(str::to_owned).or(last_id);
    let held = *held.borrow();
    match answer {
        Ok(answer) if held && answer.status == 200 => Streamed::Held { last_id },
        _ => Streamed::NotHeld { last_id },
    }
}

/// Sends the request once and, if the answer is a stream, reads it to its
/// end: the answer's status is all `authorized` needs.
async fn read_once(
    request: &request::HttpRequest,
    transport: &Transport,
    bearer: Option<String>,
    stream: &Rc<RefCell<EventStream>>,
    held: &Rc<RefCell<bool>>,
    heard: &Rc<dyn Fn(ServerEvent)>,
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
            // Aborted (the screen went, or the stream fell silent), or cut.
            return match watchdog.fired() {
                true => Err(NoAnswer),
                false => Ok(answer),
            };
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
        // Held once bytes came: a stream, not a proxy's buffer.
        *held.borrow_mut() = true;
        let events = stream.borrow_mut().feed(&text);
        for event in events {
            heard(event);
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
