//! One user's stream, read as the widget reads it: `GET /events` on a
//! connection of its own, the Server-Sent Events taken apart as they come,
//! and, when the stream ends or cannot be had, a reconnection after the
//! widget's wait (capped exponential backoff with full jitter, the jitter
//! applied after the cap, at least what the server asked for) with the
//! `Last-Event-ID` heard last.
//!
//! Written on a bare socket rather than with reqwest so that ten thousand of
//! them fit in the client's share of a small machine.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;

use crate::board::Board;

/// The first wait's ceiling when the server named none (`retry:`).
const BASE: Duration = Duration::from_secs(1);

/// No wait chosen by the reader is longer (the widget's own cap).
const CAP: Duration = Duration::from_secs(15);

/// The longest response head read.
const HEAD_MAX: usize = 16 * 1024;

/// How long a connection may take to answer with its head.
const HEAD_WITHIN: Duration = Duration::from_secs(30);

/// Why a connection ended.
enum Ended {
    /// The server ended the stream, or the connection broke.
    Closed,
    /// The server would not open it: its status and `Retry-After`.
    Refused { status: u16, retry_after: Duration },
    /// The bench is over.
    Stopped,
}

/// What one reader keeps between its connections.
struct Reader {
    board: Arc<Board>,
    index: usize,
    address: String,
    token: String,
    stop: watch::Receiver<bool>,
    /// The `retry:` the server sent last, in place of [`BASE`].
    retry: Option<Duration>,
    /// A number in `[0, 1)` that changes at each draw.
    seed: u64,
}

/// Follows stream `index` on `address` (`127.0.0.1:PORT`) as the holder of
/// `token`, reconnecting until `stop` turns true.
pub async fn follow(
    board: Arc<Board>,
    index: usize,
    address: String,
    token: String,
    stop: watch::Receiver<bool>,
    opening: Option<tokio::sync::OwnedSemaphorePermit>,
) {
    let seed = (index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut reader = Reader {
        board,
        index,
        address,
        token,
        stop,
        retry: None,
        seed,
    };
    let mut opening = opening;
    let mut attempt: u32 = 0;
    loop {
        let ended = reader.connect(&mut opening, &mut attempt).await;
        let asked = match ended {
            Ended::Stopped => return,
            Ended::Closed => Duration::ZERO,
            Ended::Refused {
                status,
                retry_after,
            } => {
                reader.board.refused(index, status);
                retry_after
            }
        };
        attempt += 1;
        let wait = reader.wait(attempt, asked);
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            _ = reader.stop.changed() => return,
        }
    }
}

impl Reader {
    /// The wait after failed attempt `attempt` (1 for the first): full
    /// jitter under a ceiling that doubles from the server's `retry:` (or
    /// [`BASE`]) up to [`CAP`], at least `asked`.
    fn wait(&mut self, attempt: u32, asked: Duration) -> Duration {
        let base = self.retry.unwrap_or(BASE);
        let exponent = attempt.saturating_sub(1).min(16);
        let ceiling = base.saturating_mul(1 << exponent).min(CAP);
        ceiling.mul_f64(self.random()).max(asked)
    }

    /// xorshift64*: enough to spread ten thousand readers.
    fn random(&mut self) -> f64 {
        self.seed ^= self.seed >> 12;
        self.seed ^= self.seed << 25;
        self.seed ^= self.seed >> 27;
        let drawn = self.seed.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (drawn >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One connection, from the request to its end. `attempt` goes back to
    /// zero once the stream is open.
    async fn connect(
        &mut self,
        opening: &mut Option<tokio::sync::OwnedSemaphorePermit>,
        attempt: &mut u32,
    ) -> Ended {
        let mut stop = self.stop.clone();
        if *stop.borrow() {
            return Ended::Stopped;
        }
        let Ok(mut socket) = TcpStream::connect(&self.address).await else {
            return Ended::Closed;
        };
        let last = self.board.last_id(self.index);
        let resume = last.map_or(String::new(), |id| format!("Last-Event-ID: {id}\r\n"));
        let request = format!(
            "GET /events HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {}\r\n\
             Accept: text/event-stream\r\n{resume}\r\n",
            self.address, self.token
        );
        if socket.write_all(request.as_bytes()).await.is_err() {
            return Ended::Closed;
        }
        let mut buffer = Vec::with_capacity(1024);
        let head = tokio::select! {
            head = tokio::time::timeout(HEAD_WITHIN, read_head(&mut socket, &mut buffer)) => head,
            _ = stop.changed() => return Ended::Stopped,
        };
        let Ok(Some(head)) = head else {
            return Ended::Closed;
        };
        // The first opening is done: let the next reader connect.
        opening.take();
        if head.status != 200 {
            return Ended::Refused {
                status: head.status,
                retry_after: head.retry_after,
            };
        }
        *attempt = 0;
        self.board.opened();
        let ended = self.read_events(&mut socket, buffer, head.chunked).await;
        self.board.closed();
        ended
    }

    /// Reads the stream's events until it ends; `raw` holds what came after
    /// the head.
    async fn read_events(&mut self, socket: &mut TcpStream, raw: Vec<u8>, chunked: bool) -> Ended {
        let mut stop = self.stop.clone();
        let mut body = Body {
            raw,
            chunked,
            text: Vec::new(),
            event: Event::default(),
        };
        let mut chunk = [0u8; 4096];
        loop {
            if body.decode().is_err() {
                return Ended::Closed;
            }
            for field in body.lines() {
                self.field(field);
            }
            let read = tokio::select! {
                read = socket.read(&mut chunk) => read,
                _ = stop.changed() => return Ended::Stopped,
            };
            match read {
                Ok(0) | Err(_) => return Ended::Closed,
                Ok(read) => body.raw.extend_from_slice(&chunk[..read]),
            }
        }
    }

    /// Takes one line of the stream.
    fn field(&mut self, line: Line) {
        match line {
            Line::Retry(retry) => self.retry = Some(retry),
            Line::Dispatch(event) => self.board.heard(self.index, event),
        }
    }
}

/// A response's status line and the headers the reader acts on.
struct Head {
    status: u16,
    retry_after: Duration,
    chunked: bool,
}

/// Reads up to the end of the response's head; what follows it stays in
/// `buffer`.
async fn read_head(socket: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<Head> {
    let mut chunk = [0u8; 2048];
    let end = loop {
        if let Some(at) = buffer.windows(4).position(|four| four == b"\r\n\r\n") {
            break at;
        }
        if buffer.len() > HEAD_MAX {
            return None;
        }
        let read = socket.read(&mut chunk).await.ok()?;
        if read == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
    };
    let text = String::from_utf8_lossy(&buffer[..end]).into_owned();
    buffer.drain(..end + 4);
    let mut lines = text.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let mut head = Head {
        status,
        retry_after: Duration::ZERO,
        chunked: false,
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "retry-after" => {
                head.retry_after = Duration::from_secs(value.parse().unwrap_or(1));
            }
            "transfer-encoding" => head.chunked = value.eq_ignore_ascii_case("chunked"),
            _ => {}
        }
    }
    Some(head)
}

/// One event as it came: its `id:`, `event:` and `data:`.
#[derive(Debug, Default)]
pub struct Event {
    pub id: Option<String>,
    pub kind: String,
    pub data: String,
}

/// A line that matters to the reader.
enum Line {
    Retry(Duration),
    Dispatch(Event),
}

/// The response body: the bytes as they came (`raw`, chunked or not), the
/// text taken out of them, and the event being read.
struct Body {
    raw: Vec<u8>,
    chunked: bool,
    text: Vec<u8>,
    event: Event,
}

impl Body {
    /// Moves what has come of the body's text from `raw` to `text`.
    fn decode(&mut self) -> Result<(), ()> {
        if !self.chunked {
            self.text.append(&mut self.raw);
            return Ok(());
        }
        loop {
            let Some(line_end) = self.raw.windows(2).position(|two| two == b"\r\n") else {
                return Ok(());
            };
            let size_text = std::str::from_utf8(&self.raw[..line_end]).map_err(|_| ())?;
            let size_text = size_text.split(';').next().unwrap_or_default().trim();
            let size = usize::from_str_radix(size_text, 16).map_err(|_| ())?;
            if size == 0 {
                // The last chunk: the stream is over.
                return Err(());
            }
            let start = line_end + 2;
            if self.raw.len() < start + size + 2 {
                return Ok(());
            }
            self.text.extend_from_slice(&self.raw[start..start + size]);
            self.raw.drain(..start + size + 2);
        }
    }

    /// The complete lines of `text` that matter, taken out of it.
    fn lines(&mut self) -> Vec<Line> {
        let mut found = Vec::new();
        while let Some(end) = self.text.iter().position(|&byte| byte == b'\n') {
            let line: Vec<u8> = self.text.drain(..=end).collect();
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\n', '\r']);
            if line.is_empty() {
                // One with an id and no data is no event, but its id is
                // the one to resume after.
                let event = std::mem::take(&mut self.event);
                if !event.data.is_empty() || event.id.is_some() {
                    found.push(Line::Dispatch(event));
                }
                continue;
            }
            let (name, value) = line.split_once(':').unwrap_or((line, ""));
            let value = value.strip_prefix(' ').unwrap_or(value);
            match name {
                "id" => self.event.id = Some(value.to_owned()),
                "event" => value.clone_into(&mut self.event.kind),
                "data" => {
                    if !self.event.data.is_empty() {
                        self.event.data.push('\n');
                    }
                    self.event.data.push_str(value);
                }
                "retry" => {
                    if let Ok(ms) = value.parse() {
                        found.push(Line::Retry(Duration::from_millis(ms)));
                    }
                }
                // A comment (the keep-alive) or a field nobody reads.
                _ => {}
            }
        }
        found
    }
}
