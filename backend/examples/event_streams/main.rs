//! The open-streams benchmark of `scripts/bench-load`: holds `--streams`
//! streams of `GET /events` open on one or more backends on loopback, each
//! as a different customer user, and measures what they cost and how fast
//! a reply reaches them.
//!
//! 1. Each user files a customer message (their request), as themselves.
//! 2. Each opens a stream; the backends' resident memory is read before
//!    and once all are open: the memory per stream.
//! 3. The partner's staff post replies to the requests in turn, as fast as
//!    the backends take them with `--reply-concurrency` in flight, for
//!    `--reply-secs`: the time from each reply's `201` to its event on its
//!    user's stream, and every reply heard exactly once, on its user's
//!    stream only.
//! 4. With `--restart-command`, which stops the first backend and starts
//!    it again on the same address: replies are posted while its streams
//!    are away, and the time is taken until every stream is open again and
//!    has heard them all (through `Last-Event-ID`), nothing lost or twice.
//!
//! Bounded: it gives up after `--time-limit-secs` in all. Fails on any
//! event lost, heard twice or heard by the wrong user.
//!
//! ```text
//! cargo run --release -p support-backend --example event_streams -- \
//!     --target http://127.0.0.1:8787 --secret-file jwt-secret --streams 1000
//! ```

mod board;
mod reader;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use board::{Board, Faults};
use clap::Parser;
use serde_json::{json, Value};
use tokio::sync::{watch, Semaphore};

/// Holds many open event streams, posts replies, and restarts a backend.
#[derive(Debug, Parser)]
struct Args {
    /// Base URL of a backend (http://127.0.0.1:PORT); repeat for several:
    /// the streams and the replies are spread over them.
    #[arg(long = "target", required = true)]
    targets: Vec<String>,
    /// The backends' HS256 secret (`--jwt-secret-file`), to sign each
    /// user's token.
    #[arg(long)]
    secret_file: PathBuf,
    /// How many streams, each a different user.
    #[arg(long, default_value_t = 10_000)]
    streams: usize,
    /// The backends' process ids, whose resident memory is read.
    #[arg(long = "backend-pid")]
    backend_pids: Vec<u32>,
    /// How many streams are being opened at once at the start.
    #[arg(long, default_value_t = 200)]
    open_concurrency: usize,
    /// How many replies are in flight at once.
    #[arg(long, default_value_t = 8)]
    reply_concurrency: usize,
    /// How long replies are posted.
    #[arg(long, default_value_t = 20)]
    reply_secs: u64,
    /// A shell command that stops the first backend and starts it again
    /// on the same address.
    #[arg(long)]
    restart_command: Option<String>,
    /// How many replies are posted while the restarted backend's streams
    /// are away.
    #[arg(long, default_value_t = 200)]
    restart_replies: usize,
    /// Give up after this many seconds in all.
    #[arg(long, default_value_t = 900)]
    time_limit_secs: u64,
    /// Where to write the figures as JSON.
    #[arg(long)]
    results: Option<PathBuf>,
}

/// How long the streams may take to hear every reply once the posting ends.
const HEAR_WITHIN: Duration = Duration::from_secs(60);

/// How often the bench looks at the board while it waits.
const LOOK_EVERY: Duration = Duration::from_millis(20);

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let limit = Duration::from_secs(args.time_limit_secs);
    match tokio::time::timeout(limit, run(&args)).await {
        Ok(result) => result,
        Err(_) => Err(format!(
            "FAILED: not done within --time-limit-secs {}",
            args.time_limit_secs
        )
        .into()),
    }
}

async fn run(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let secret = std::fs::read_to_string(&args.secret_file)?;
    let keys = Keys {
        secret: secret.trim().as_bytes().to_vec(),
        expires: jsonwebtoken::get_current_timestamp() + args.time_limit_secs + 600,
    };
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .pool_max_idle_per_host(64)
        .build()?;
    let mut results = json!({
        "streams": args.streams,
        "processes": args.targets.len(),
    });

    // 1. Each user's request.
    let started = Instant::now();
    let requests = file_requests(&client, args, &keys).await?;
    println!(
        "  {} users filed a message each in {:.1} s",
        requests.len(),
        started.elapsed().as_secs_f64()
    );
    let board = Arc::new(Board::new(requests));

    // 2. The streams, and what they cost.
    let before = resident_kib(&args.backend_pids)?;
    let (stop, stopped) = watch::channel(false);
    let opening = Arc::new(Semaphore::new(args.open_concurrency.max(1)));
    let started = Instant::now();
    let mut readers = tokio::task::JoinSet::new();
    for index in 0..args.streams {
        let permit = opening.clone().acquire_owned().await?;
        let address = address(&args.targets[index % args.targets.len()])?;
        let token = keys.customer(index);
        readers.spawn(reader::follow(
            board.clone(),
            index,
            address,
            token,
            stopped.clone(),
            Some(permit),
        ));
    }
    wait_until("every stream open", Duration::from_secs(120), || {
        board.open() == args.streams
    })
    .await?;
    let opened_in = started.elapsed();
    // What opening them left behind in flight settles.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = resident_kib(&args.backend_pids)?;
    let per_stream = (after.saturating_sub(before)) as f64 / args.streams as f64;
    println!(
        "  {} streams open in {:.1} s ({} refused on the way); backends' resident memory {:.1} MiB before, {:.1} MiB with them open: {per_stream:.1} KiB a stream",
        args.streams,
        opened_in.as_secs_f64(),
        board.refusals(),
        before as f64 / 1024.0,
        after as f64 / 1024.0,
    );
    results["open_seconds"] = json!(opened_in.as_secs_f64());
    results["rss_before_kib"] = json!(before);
    results["rss_open_kib"] = json!(after);
    results["kib_per_stream"] = json!(per_stream);

    // 3. Replies at the rate the backends take them.
    let posting = Posting {
        client: client.clone(),
        board: board.clone(),
        partner: keys.partner(),
        targets: args.targets.clone(),
        next: Arc::new(AtomicUsize::new(0)),
    };
    let started = Instant::now();
    let posted = posting
        .post_for(Duration::from_secs(args.reply_secs), args.reply_concurrency)
        .await?;
    let took = started.elapsed().as_secs_f64();
    wait_until("every reply heard", HEAR_WITHIN, || {
        board.faults().missing == 0
    })
    .await?;
    check(&board.faults())?;
    let latencies = board.take_latencies();
    let (p50, p99, max) = (
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.99),
        percentile(&latencies, 1.0),
    );
    println!(
        "  {posted} replies in {took:.1} s ({:.0}/s, {} in flight): 201 → event on its user's stream p50 {p50:.1} ms, p99 {p99:.1} ms, max {max:.1} ms; each heard once, by its user only",
        posted as f64 / took,
        args.reply_concurrency,
    );
    results["replies"] = json!(posted);
    results["replies_per_second"] = json!(posted as f64 / took);
    results["reply_concurrency"] = json!(args.reply_concurrency);
    results["p50_ms"] = json!(p50);
    results["p99_ms"] = json!(p99);
    results["max_ms"] = json!(max);

    // 4. A restart with every stream open.
    if let Some(command) = &args.restart_command {
        let restart = restart(args, command, &board, &posting).await?;
        results["restart"] = restart;
    }

    stop.send(true)?;
    while readers.join_next().await.is_some() {}
    check(&board.faults())?;
    println!("  OK: every event reached its user's stream exactly once");
    if let Some(path) = &args.results {
        std::fs::write(path, serde_json::to_string_pretty(&results)?)?;
    }
    Ok(())
}

/// Restarts the first backend with every stream open, posting replies
/// while its streams are away (to the other backends, or to it once it
/// answers again); the time until every stream is open again and has
/// heard every reply.
async fn restart(
    args: &Args,
    command: &str,
    board: &Arc<Board>,
    posting: &Posting,
) -> Result<Value, Box<dyn std::error::Error>> {
    let streams = board.streams();
    // The first backend's streams: every `targets`-th from the first.
    let away = streams.div_ceil(args.targets.len());
    let started = Instant::now();
    let mut restarting = std::process::Command::new("sh")
        .arg("-c")
        .arg(command)
        .spawn()?;
    let restarting = tokio::task::spawn_blocking(move || restarting.wait());
    wait_until(
        "the restarted backend's streams to end",
        Duration::from_secs(60),
        || board.open() <= streams - away,
    )
    .await?;
    let down_at = started.elapsed();
    // While they are away: to the others, or to the one once it is back.
    let targets = if args.targets.len() > 1 { 1.. } else { 0.. };
    let posted = posting
        .post_count(args.restart_replies, args.reply_concurrency, targets)
        .await?;
    let status = restarting.await??;
    if !status.success() {
        return Err(format!("FAILED: the restart command failed ({status})").into());
    }
    let limit = Duration::from_secs(120);
    wait_until("every stream open again", limit, || board.open() == streams).await?;
    let reconnected = started.elapsed();
    if let Err(error) = wait_until("every reply heard after the restart", limit, || {
        board.faults().missing == 0
    })
    .await
    {
        let faults = board.faults();
        return Err(format!(
            "{error}: {} not heard, {} twice",
            faults.missing, faults.twice
        )
        .into());
    }
    let caught_up = started.elapsed();
    check(&board.faults())?;
    println!(
        "  restart: {away} streams away {:.1} s after the stop began; {posted} replies posted meanwhile; every stream open again after {:.1} s and caught up after {:.1} s, nothing lost or twice",
        down_at.as_secs_f64(),
        reconnected.as_secs_f64(),
        caught_up.as_secs_f64(),
    );
    board.take_latencies();
    Ok(json!({
        "streams_away": away,
        "replies_while_away": posted,
        "reconnected_seconds": reconnected.as_secs_f64(),
        "caught_up_seconds": caught_up.as_secs_f64(),
    }))
}

/// Fails on any event lost, heard twice or heard by another user.
fn check(faults: &Faults) -> Result<(), Box<dyn std::error::Error>> {
    if *faults != Faults::default() {
        return Err(format!(
            "FAILED: {} replies not heard, {} events heard twice, {} heard by a user who may not read them",
            faults.missing, faults.twice, faults.foreign
        )
        .into());
    }
    Ok(())
}

/// Polls `done` until it holds, or fails after `within`.
async fn wait_until(
    what: &str,
    within: Duration,
    mut done: impl FnMut() -> bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let deadline = Instant::now() + within;
    while !done() {
        if Instant::now() > deadline {
            return Err(format!("FAILED: waited {} s for {what}", within.as_secs()).into());
        }
        tokio::time::sleep(LOOK_EVERY).await;
    }
    Ok(())
}

/// `127.0.0.1:PORT` of `http://127.0.0.1:PORT`.
fn address(target: &str) -> Result<String, String> {
    target
        .strip_prefix("http://")
        .map(|address| address.trim_end_matches('/').to_owned())
        .ok_or_else(|| format!("--target {target}: an http:// URL on loopback"))
}

/// The backends' resident memory together, in KiB (`VmRSS`).
fn resident_kib(pids: &[u32]) -> Result<u64, Box<dyn std::error::Error>> {
    let mut sum = 0;
    for pid in pids {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        let line = status
            .lines()
            .find(|line| line.starts_with("VmRSS:"))
            .ok_or("no VmRSS")?;
        sum += line
            .split_whitespace()
            .nth(1)
            .ok_or("no VmRSS")?
            .parse::<u64>()?;
    }
    Ok(sum)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((sorted.len() as f64) * p).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
}

/// Signs the users' tokens.
#[derive(Clone)]
struct Keys {
    secret: Vec<u8>,
    expires: u64,
}

impl Keys {
    fn sign(&self, claims: Value) -> String {
        let mut claims = claims;
        claims["exp"] = json!(self.expires);
        jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
            &claims,
            &jsonwebtoken::EncodingKey::from_secret(&self.secret),
        )
        .expect("HS256 signs any claims")
    }

    /// User `index` of the seeded customer `beijing-cloud`.
    fn customer(&self, index: usize) -> String {
        self.sign(json!({
            "sub": format!("load-user-{index}"),
            "name": format!("Load User {index}"),
            "email": format!("load.user.{index}@beijing-cloud.cn"),
            "role": "customer",
            "customer_id": "beijing-cloud",
        }))
    }

    /// A member of the partner's staff, who replies.
    fn partner(&self) -> String {
        self.sign(json!({
            "sub": "load-partner", "name": "Zhang Wei",
            "email": "zhang.wei@contoso.cn", "role": "partner",
        }))
    }
}

/// Each user files a customer message: the requests' ids, by user.
async fn file_requests(
    client: &reqwest::Client,
    args: &Args,
    keys: &Keys,
) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..32 {
        let (client, next, targets) = (client.clone(), next.clone(), args.targets.clone());
        let streams = args.streams;
        let keys = keys.clone();
        workers.spawn(async move {
            let mut filed = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= streams {
                    return Ok::<_, String>(filed);
                }
                let body = json!({
                    "kind": "customer_self_service",
                    "service": "azure",
                    "title": format!("Message {index}"),
                    "description": "Since this morning no user can sign in.",
                    "contact": {"name": format!("Load User {index}"),
                                "email": format!("load.user.{index}@beijing-cloud.cn"),
                                "language": "zh-CN"},
                    "locale": "zh-CN",
                });
                let target = &targets[index % targets.len()];
                let key = uuid::Uuid::new_v4().to_string();
                let answer = send(
                    &client,
                    target,
                    "/support-requests",
                    &keys.customer(index),
                    &key,
                    &body,
                )
                .await?;
                let id = answer["id"].as_str().ok_or("a 201 without an id")?;
                filed.push((index, id.to_owned()));
            }
        });
    }
    let mut ids = vec![String::new(); args.streams];
    while let Some(filed) = workers.join_next().await {
        for (index, id) in filed?? {
            ids[index] = id;
        }
    }
    Ok(ids)
}

/// Posts `body` under `key` until it is answered `201`, sending again
/// (same key, so never twice) while the backend cannot be reached or asks
/// to wait; its answer.
async fn send(
    client: &reqwest::Client,
    target: &str,
    path: &str,
    token: &str,
    key: &str,
    body: &Value,
) -> Result<Value, String> {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let sent = client
            .post(format!("{target}{path}"))
            .bearer_auth(token)
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .await;
        let wait = match sent {
            Ok(response) if response.status().as_u16() == 201 => {
                return response.json().await.map_err(|error| error.to_string());
            }
            Ok(response) if matches!(response.status().as_u16(), 409 | 429 | 500..) => {
                let asked = response
                    .headers()
                    .get("retry-after")
                    .and_then(|value| value.to_str().ok()?.parse().ok())
                    .unwrap_or(0);
                Duration::from_secs(asked).max(Duration::from_millis(50))
            }
            Ok(response) => {
                let status = response.status();
                let text = response.text().await.unwrap_or_default();
                return Err(format!("POST {path} answered {status}: {text}"));
            }
            // Not reachable (a restart): again shortly.
            Err(_) => Duration::from_millis(50),
        };
        if Instant::now() > deadline {
            return Err(format!("POST {path}: no 201 within 120 s"));
        }
        tokio::time::sleep(wait).await;
    }
}

/// The partner's replies, to the users' requests in turn.
#[derive(Clone)]
struct Posting {
    client: reqwest::Client,
    board: Arc<Board>,
    partner: String,
    targets: Vec<String>,
    next: Arc<AtomicUsize>,
}

impl Posting {
    /// Posts replies for `how_long`, `concurrency` at once: how many.
    async fn post_for(&self, how_long: Duration, concurrency: usize) -> Result<usize, String> {
        self.post(Instant::now() + how_long, concurrency, None, 0..)
            .await
    }

    /// Posts `count` replies, `concurrency` at once, to the backends from
    /// `targets.start` on: how many.
    async fn post_count(
        &self,
        count: usize,
        concurrency: usize,
        targets: std::ops::RangeFrom<usize>,
    ) -> Result<usize, String> {
        let far = Instant::now() + Duration::from_secs(3600);
        self.post(far, concurrency, Some(count), targets).await
    }

    async fn post(
        &self,
        until: Instant,
        concurrency: usize,
        count: Option<usize>,
        targets: std::ops::RangeFrom<usize>,
    ) -> Result<usize, String> {
        let first = self.next.load(Ordering::SeqCst);
        let last = count.map_or(usize::MAX, |count| first + count);
        let mut workers = tokio::task::JoinSet::new();
        for _ in 0..concurrency.max(1) {
            let posting = self.clone();
            let targets = self.targets[targets.clone()].to_vec();
            workers.spawn(async move {
                let mut posted = 0;
                while Instant::now() < until {
                    let n = posting.next.fetch_add(1, Ordering::SeqCst);
                    if n >= last {
                        break;
                    }
                    let index = n % posting.board.streams();
                    let target = &targets[n % targets.len()];
                    let path =
                        format!("/support-requests/{}/replies", posting.board.request(index));
                    let key = uuid::Uuid::new_v4().to_string();
                    let body = json!({"body": format!("Reply {n}: please sign in again.")});
                    send(
                        &posting.client,
                        target,
                        &path,
                        &posting.partner,
                        &key,
                        &body,
                    )
                    .await?;
                    posting.board.posted(index);
                    posted += 1;
                }
                Ok::<_, String>(posted)
            });
        }
        let mut posted = 0;
        while let Some(done) = workers.join_next().await {
            posted += done.map_err(|error| error.to_string())??;
        }
        Ok(posted)
    }
}
