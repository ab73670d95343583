//! A reader of `GET /events` as the widget reads it: the response's bytes
//! as they come, cut into Server-Sent Events.

use std::time::Duration;

use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

/// One event heard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heard {
    pub id: String,
    pub event: String,
    pub data: Value,
}

/// What came next on a stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    Event(Heard),
    /// The backend ended the stream.
    Ended,
    /// Nothing within the time given.
    Quiet,
}

/// An open stream.
pub struct Stream {
    response: Response,
    text: String,
    /// How many comments (keep-alives) came so far.
    pub comments: usize,
    /// The last `retry:` heard, in milliseconds.
    pub retry: Option<u64>,
}

/// A client without the tests' overall timeout, which a stream outlives.
pub fn client() -> Client {
    Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

/// Opens `{base}/events` with the token `token`, after `last_id` if given;
/// panics unless it answers 200 as an event stream.
pub async fn open(base: &str, token: Option<&str>, last_id: Option<&str>) -> Stream {
    Stream::of(request(base, token, last_id).await)
}

/// `GET {base}/events` as sent, whatever it answers.
pub async fn request(base: &str, token: Option<&str>, last_id: Option<&str>) -> Response {
    let mut request = client()
        .get(format!("{base}/events"))
        .header("Accept", "text/event-stream");
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(id) = last_id {
        request = request.header("Last-Event-ID", id);
    }
    request.send().await.unwrap()
}

impl Stream {
    /// The stream `response` answers; panics unless it answers 200 as an
    /// event stream.
    pub fn of(response: Response) -> Stream {
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        Stream {
            response,
            text: String::new(),
            comments: 0,
            retry: None,
        }
    }

    /// The next event, or the stream's end, or `Quiet` if neither comes
    /// within `within`.
    pub async fn next(&mut self, within: Duration) -> Next {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            if let Some(heard) = self.take_event() {
                return Next::Event(heard);
            }
            match tokio::time::timeout_at(deadline, self.response.chunk()).await {
                Err(_) => return Next::Quiet,
                Ok(Ok(Some(bytes))) => self.text.push_str(std::str::from_utf8(&bytes).unwrap()),
                Ok(Ok(None)) => return Next::Ended,
                Ok(Err(error)) => panic!("the stream broke: {error}"),
            }
        }
    }

    /// The next event, which must come within ten seconds.
    pub async fn event(&mut self) -> Heard {
        match self.next(Duration::from_secs(10)).await {
            Next::Event(heard) => heard,
            other => panic!("no event: {other:?}"),
        }
    }

    /// The first complete event in what came so far, comments counted and
    /// dropped, `retry:` kept.
    fn take_event(&mut self) -> Option<Heard> {
        loop {
            let end = self.text.find("\n\n")?;
            let block: String = self.text.drain(..end + 2).collect();
            let (mut id, mut event, mut data) = (None, None, None);
            for line in block.lines() {
                if line.starts_with(':') {
                    self.comments += 1;
                    continue;
                }
                let (field, value) = line.split_once(':').unwrap_or((line, ""));
                let value = value.strip_prefix(' ').unwrap_or(value).to_owned();
                match field {
                    "id" => id = Some(value),
                    "event" => event = Some(value),
                    "data" => data = Some(value),
                    "retry" => self.retry = Some(value.parse().unwrap()),
                    _ => {}
                }
            }
            if let Some(data) = data {
                return Some(Heard {
                    id: id.expect("every event has an id"),
                    event: event.expect("every event has a type"),
                    data: serde_json::from_str(&data).unwrap(),
                });
            }
        }
    }
}
