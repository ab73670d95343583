//! A bounded load generator for `scripts/bench-load`: creates support
//! requests on one or more backends on loopback, a share of them repeated
//! with the same `Idempotency-Key` at the same time and spread over the
//! backends, then checks in the database that every distinct key filed
//! exactly one request (nothing lost, nothing duplicated). A copy told that
//! its key is in flight (409) waits as `Retry-After` says and sends again,
//! as the widget does, until it gets the answer.
//!
//! Written here rather than driving `oha` or `wrk` because those send one
//! fixed set of headers, and the point is to mix fresh and repeated keys.
//!
//! With `--partners-file`, each key is filed by a staff user of one of the
//! partners listed there (in turn, every copy of a key by the same one),
//! with a token signed with that partner's own secret and issuer; then each
//! partner's lists are read back with its own token, and what it sees of
//! another partner's, or what was stored under another partner than the
//! one that filed it, is counted: the run fails unless that is 0.
//!
//! `--partners-file` may be given more than once, to compare loads: each
//! file's load is sent in turn to the same backends, `--rounds` times, the
//! order reversed every other round (A B, B A, A B…), so that whatever
//! drifts over the run (warm caches, a growing database) weighs on each
//! file alike. Each file's figures are the median of its runs.
//!
//! ```text
//! cargo run --release -p support-backend --example load_generator -- \
//!     --target http://127.0.0.1:8787 --database-url sqlite://bench.db
//! ```

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Parser;
use serde_json::{json, Value};
use sqlx::AnyPool;
use uuid::Uuid;

/// Creates support requests under load and checks nothing was lost or duplicated.
#[derive(Debug, Parser)]
struct Args {
    /// Base URL of a backend; repeat for several (requests alternate between them).
    #[arg(long = "target", required = true)]
    targets: Vec<String>,
    /// The backends' database, to count what was stored (it must start
    /// empty, or hold none of the partners' requests).
    #[arg(long)]
    database_url: String,
    /// How many requests to send in all.
    #[arg(long, default_value_t = 2000)]
    requests: usize,
    /// How many requests are in flight at once.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// The share of requests that repeat one of the `--hot-keys` keys.
    #[arg(long, default_value_t = 0.2)]
    repeat_share: f64,
    /// How many keys the repeated requests share.
    #[arg(long, default_value_t = 20)]
    hot_keys: usize,
    /// Stop sending after this many seconds, whatever is left.
    #[arg(long, default_value_t = 60)]
    time_limit_secs: u64,
    /// A file of partners to file as, one a line: its id, its issuer and
    /// its HS256 secret file, separated by tabs. Without it, requests are
    /// sent without a token (to a backend started with --no-auth).
    /// Repeat it to compare several files' loads.
    #[arg(long = "partners-file")]
    partners_files: Vec<std::path::PathBuf>,
    /// How many times each partners file's load is sent; the order of the
    /// files is reversed every other round.
    #[arg(long, default_value_t = 1)]
    rounds: usize,
    /// Where to write the figures as JSON.
    #[arg(long)]
    results: Option<std::path::PathBuf>,
}

/// A partner to file as: its id, and a token of one of its staff users.
struct Partner {
    id: String,
    token: String,
}

/// Every partner's staff user has the same `sub`, so that a list of
/// "my requests" that crossed partners would show another's.
const STAFF: &str = "bench-staff";

/// The partners of `--partners-file`, each with a token signed with its
/// own secret, for an hour.
fn partners(path: &std::path::Path) -> Result<Vec<Partner>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    let exp = jsonwebtoken::get_current_timestamp() + 3600;
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let [id, issuer, secret_file] = fields[..] else {
                return Err(format!(
                    "{}: not `id<TAB>issuer<TAB>secret file`: {line}",
                    path.display()
                )
                .into());
            };
            let secret = std::fs::read_to_string(secret_file)?;
            let claims = json!({
                "sub": STAFF, "name": "Bench Staff", "email": "staff@partner.example",
                "role": "partner", "iss": issuer, "exp": exp,
            });
            let token = jsonwebtoken::encode(
                &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
                &claims,
                &jsonwebtoken::EncodingKey::from_secret(secret.trim().as_bytes()),
            )?;
            Ok(Partner {
                id: id.to_owned(),
                token,
            })
        })
        .collect()
}

/// One request to send: its key, its body, which backend gets it, and
/// which partner files it (an index into the partners, if any).
struct Job {
    key: String,
    body: Arc<Vec<u8>>,
    target: usize,
    partner: usize,
}

/// What came back for one request.
struct Answer {
    key: String,
    partner: usize,
    latency: Duration,
    status: u16,
    id: Option<String>,
    replayed: bool,
    /// How many 409s (key in flight) came before the answer.
    conflicts: usize,
}

/// The most 409s one copy sits through before it counts as failed.
const MAX_CONFLICTS: usize = 30;

/// A valid body; bodies differ per key, and copies of a key are identical.
fn body(n: usize) -> Arc<Vec<u8>> {
    let customers = [
        "beijing-cloud",
        "taipei-cloud",
        "nunez-asociados",
        "contoso",
    ];
    let services = ["office365", "azure", "dynamics365", "powerbi"];
    let value = if n % 2 == 0 {
        json!({
            "kind": "partner_center", "category": "billing",
            "title": format!("Invoice question {n}"),
            "description": "The invoice counts one licence twice.",
            "contact": {"name": "Li Na", "email": "li.na@contoso.cn", "language": "zh-CN"},
        })
    } else {
        json!({
            "kind": "customer",
            "customer": {"id": customers[n % 4], "name": "Customer"},
            "service": services[(n / 2) % 4], "severity": "moderate",
            "escalation": {"reason": "unavailable_service", "health_checked": true,
                           "troubleshooting": ["configuration"]},
            "title": format!("Service request {n}"),
            "description": "The customer's users cannot sign in.",
            "contact": {"name": "José Núñez", "email": "jose@contoso.es", "language": "es-ES"},
        })
    };
    Arc::new(value.to_string().into_bytes())
}

/// How many of the requests repeat a hot key.
fn repeated(args: &Args) -> usize {
    ((args.requests as f64) * args.repeat_share.clamp(0.0, 1.0)).round() as usize
}

/// The requests in sending order: fresh keys, with each hot key's copies in
/// one burst so they are in flight together, alternating between backends.
fn plan(args: &Args, partners: usize) -> Vec<Job> {
    let repeated = repeated(args);
    let hot_keys = args.hot_keys.clamp(1, repeated.max(1));
    let fresh = args.requests - repeated;
    // One burst of copies of a hot key after every `burst_every` fresh keys.
    let burst_every = fresh / hot_keys + 1;
    let mut keys: Vec<(String, usize)> = Vec::with_capacity(args.requests);
    let burst = |keys: &mut Vec<(String, usize)>, hot: usize| {
        let copies = repeated / hot_keys + usize::from(hot < repeated % hot_keys);
        let key = Uuid::new_v4().to_string();
        keys.extend((0..copies).map(|_| (key.clone(), fresh + hot)));
    };
    let mut hot = 0;
    for n in 0..fresh {
        if n % burst_every == 0 && hot < hot_keys {
            burst(&mut keys, hot);
            hot += 1;
        }
        keys.push((Uuid::new_v4().to_string(), n));
    }
    for hot in hot..hot_keys {
        burst(&mut keys, hot);
    }
    keys.into_iter()
        .enumerate()
        .map(|(i, (key, n))| Job {
            key,
            body: body(n),
            target: i % args.targets.len(),
            partner: n % partners.max(1),
        })
        .collect()
}

async fn send(client: &reqwest::Client, base: &str, job: &Job, token: Option<&str>) -> Answer {
    let started = Instant::now();
    let mut conflicts = 0;
    loop {
        let mut post = client
            .post(format!("{base}/support-requests"))
            .header("content-type", "application/json")
            .header("idempotency-key", &job.key);
        if let Some(token) = token {
            post = post.bearer_auth(token);
        }
        let response = post.body(job.body.as_ref().clone()).send().await;
        let (status, replayed, id, retry_after) = match response {
            Ok(response) => {
                let status = response.status().as_u16();
                let replayed = response.headers().contains_key("idempotent-replayed");
                let retry_after = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(1);
                let json: Option<Value> = response.json().await.ok();
                let id = json.and_then(|j| j["id"].as_str().map(str::to_owned));
                (status, replayed, id, retry_after)
            }
            Err(_) => (0, false, None, 0),
        };
        if status == 409 && conflicts < MAX_CONFLICTS {
            conflicts += 1;
            tokio::time::sleep(Duration::from_secs(retry_after)).await;
            continue;
        }
        return Answer {
            key: job.key.clone(),
            partner: job.partner,
            latency: started.elapsed(),
            status,
            id,
            replayed,
            conflicts,
        };
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let rank = ((sorted.len() as f64) * p).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
}

/// One timed run: the load of one partners file (or of none).
struct Run {
    /// Which partners file, as an index into `--partners-file`.
    set: Option<usize>,
    answers: usize,
    elapsed: f64,
    /// Every answer's latency, sorted.
    latencies: Vec<Duration>,
}

impl Run {
    fn requests_per_second(&self) -> f64 {
        self.answers as f64 / self.elapsed
    }
}

/// The order of the runs: every partners file once a round, the files'
/// order reversed every other round; one run without a token when there
/// is no file.
fn schedule(files: usize, rounds: usize) -> Vec<Option<usize>> {
    if files == 0 {
        return vec![None];
    }
    (0..rounds.max(1))
        .flat_map(|round| {
            let order: Vec<usize> = match round % 2 {
                0 => (0..files).collect(),
                _ => (0..files).rev().collect(),
            };
            order.into_iter().map(Some)
        })
        .collect()
}

/// Sends `jobs`, `--concurrency` at a time, until they are all answered or
/// the time limit is up.
async fn send_all(
    args: &Args,
    client: &reqwest::Client,
    jobs: Vec<Job>,
    partners: &Arc<Vec<Partner>>,
) -> Result<(Vec<Answer>, f64), Box<dyn std::error::Error>> {
    let jobs = Arc::new(jobs);
    let next = Arc::new(AtomicUsize::new(0));
    let answers = Arc::new(Mutex::new(Vec::with_capacity(jobs.len())));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(args.time_limit_secs);
    let workers: Vec<_> = (0..args.concurrency.max(1))
        .map(|_| {
            let (jobs, next, answers) = (jobs.clone(), next.clone(), answers.clone());
            let (client, targets) = (client.clone(), args.targets.clone());
            let partners = partners.clone();
            tokio::spawn(async move {
                while Instant::now() < deadline {
                    let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) else {
                        break;
                    };
                    let token = partners.get(job.partner).map(|p| p.token.as_str());
                    let answer = send(&client, &targets[job.target], job, token).await;
                    answers.lock().map_err(|_| "poisoned")?.push(answer);
                }
                Ok::<(), &'static str>(())
            })
        })
        .collect();
    for worker in workers {
        worker.await??;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let answers = std::mem::take(&mut *answers.lock().map_err(|_| "poisoned")?);
    Ok((answers, elapsed))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    // Every file's partners in one list; each file owns a range of it.
    let mut partners = Vec::new();
    let mut sets = Vec::new();
    for path in &args.partners_files {
        let start = partners.len();
        partners.extend(self::partners(path)?);
        if partners.len() == start {
            return Err(format!("{}: no partner in it", path.display()).into());
        }
        sets.push(start..partners.len());
    }
    let partners = Arc::new(partners);
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()?;
    let mut runs = Vec::new();
    let mut answers = Vec::new();
    for set in schedule(sets.len(), args.rounds) {
        let range = set.map_or(0..0, |set| sets[set].clone());
        let jobs = plan(&args, range.len())
            .into_iter()
            .map(|job| Job {
                partner: range.start + job.partner,
                ..job
            })
            .collect();
        let (run_answers, elapsed) = send_all(&args, &client, jobs, &partners).await?;
        let mut latencies: Vec<Duration> = run_answers.iter().map(|a| a.latency).collect();
        latencies.sort();
        let run = Run {
            set,
            answers: run_answers.len(),
            elapsed,
            latencies,
        };
        print_run(&args, &run, &partners[range]);
        runs.push(run);
        answers.extend(run_answers);
    }
    let across = match partners.is_empty() {
        true => None,
        false => Some(across_partners(&args, &client, &partners, &answers).await?),
    };
    report(&args, &answers, &runs, &sets, &partners, across).await
}

/// Prints one run's figures.
fn print_run(args: &Args, run: &Run, partners: &[Partner]) {
    println!(
        "  sent {} requests ({} of them repeating {} keys) to {} backend(s), {} at a time, in {:.2} s{}",
        run.answers,
        repeated(args),
        args.hot_keys,
        args.targets.len(),
        args.concurrency,
        run.elapsed,
        match partners.len() {
            0 => String::new(),
            1 => format!(", as partner {}", partners[0].id),
            n => format!(", as {n} partners in turn"),
        },
    );
    if run.answers < args.requests {
        println!(
            "  stopped by the {} s time limit: {} not sent",
            args.time_limit_secs,
            args.requests - run.answers
        );
    }
    println!("  throughput:  {:.0} requests/s", run.requests_per_second());
    if !run.latencies.is_empty() {
        println!(
            "  latency:     p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            percentile(&run.latencies, 0.50),
            percentile(&run.latencies, 0.99),
            percentile(&run.latencies, 1.0)
        );
    }
}

/// What crossed partners: requests stored under another partner than the
/// one whose token filed them, and entries of a partner's lists that are
/// not its own.
struct Across {
    stored_elsewhere: usize,
    seen: usize,
    listed: usize,
}

/// Reads every partner's lists back with its own token (its staff user's
/// own requests, and every request of each kind filed), page by page, and
/// the database's partner of each request filed.
async fn across_partners(
    args: &Args,
    client: &reqwest::Client,
    partners: &[Partner],
    answers: &[Answer],
) -> Result<Across, Box<dyn std::error::Error>> {
    let mut own = vec![std::collections::HashSet::<&str>::new(); partners.len()];
    for answer in answers {
        own[answer.partner].extend(answer.id.as_deref());
    }
    sqlx::any::install_default_drivers();
    let db = AnyPool::connect(&args.database_url).await?;
    let stored: Vec<(String, String)> =
        sqlx::query_as("SELECT id, partner_id FROM support_requests")
            .fetch_all(&db)
            .await?;
    db.close().await;
    let stored: std::collections::HashMap<String, String> = stored.into_iter().collect();
    let stored_elsewhere = answers
        .iter()
        .filter_map(|a| a.id.as_deref().map(|id| (id, &partners[a.partner].id)))
        .filter(|(id, partner)| stored.get(*id).is_some_and(|p| p != *partner))
        .count();
    let (mut seen, mut listed) = (0, 0);
    let base = &args.targets[0];
    for (partner, own) in partners.iter().zip(&own) {
        for query in ["filed_by=me", "kind=partner_center", "kind=customer"] {
            let mut before: Option<String> = None;
            loop {
                let mut url = format!("{base}/support-requests?{query}&limit=50");
                if let Some(before) = &before {
                    url.push_str(&format!("&before={before}"));
                }
                let response = client.get(&url).bearer_auth(&partner.token).send().await?;
                if !response.status().is_success() {
                    return Err(format!("{url} as {}: {}", partner.id, response.status()).into());
                }
                let page: Value = response.json().await?;
                for request in page["requests"].as_array().into_iter().flatten() {
                    listed += 1;
                    let id = request["id"].as_str().unwrap_or_default();
                    if !own.contains(id) {
                        seen += 1;
                    }
                }
                match page["next"].as_str() {
                    Some(next) => before = Some(next.to_owned()),
                    None => break,
                }
            }
        }
    }
    Ok(Across {
        stored_elsewhere,
        seen,
        listed,
    })
}

/// One partners file's figures (`set`, of `partners` partners): each of
/// its runs', and their median.
fn figures(runs: &[Run], set: Option<usize>, partners: usize) -> Value {
    let runs: Vec<&Run> = runs.iter().filter(|run| run.set == set).collect();
    let p50s: Vec<f64> = runs
        .iter()
        .filter(|run| !run.latencies.is_empty())
        .map(|run| percentile(&run.latencies, 0.50))
        .collect();
    // The median: one run that a checkpoint or autovacuum landed in moves
    // it least.
    let median = |values: &[f64]| {
        let mut values = values.to_vec();
        values.sort_by(f64::total_cmp);
        match values.len() {
            0 => 0.0,
            n if n % 2 == 1 => values[n / 2],
            n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
        }
    };
    let throughputs: Vec<f64> = runs.iter().map(|run| run.requests_per_second()).collect();
    json!({
        "partners": partners,
        "requests": runs.iter().map(|run| run.answers).sum::<usize>() / runs.len().max(1),
        "requests_per_second": median(&throughputs),
        "p50_ms": (!p50s.is_empty()).then(|| median(&p50s)),
        "runs": runs.iter().map(|run| json!({
            "requests": run.answers,
            "requests_per_second": run.requests_per_second(),
            "p50_ms": (!run.latencies.is_empty()).then(|| percentile(&run.latencies, 0.50)),
            "p99_ms": (!run.latencies.is_empty()).then(|| percentile(&run.latencies, 0.99)),
        })).collect::<Vec<_>>(),
    })
}

/// Prints each partners file's figures and the database check of every
/// run together; fails on any error, loss or duplicate.
async fn report(
    args: &Args,
    answers: &[Answer],
    runs: &[Run],
    sets: &[std::ops::Range<usize>],
    partners: &[Partner],
    across: Option<Across>,
) -> Result<(), Box<dyn std::error::Error>> {
    let created = answers.iter().filter(|a| a.status == 201).count();
    let replayed = answers.iter().filter(|a| a.replayed).count();
    let conflicts: usize = answers.iter().map(|a| a.conflicts).sum();
    let failed = answers.len() - created;
    let mut ids_by_key = std::collections::HashMap::<&str, Vec<&str>>::new();
    for answer in answers {
        let ids = ids_by_key.entry(&answer.key).or_default();
        ids.extend(answer.id.as_deref());
    }
    let split_keys = ids_by_key
        .values()
        .filter(|ids| ids.iter().any(|id| *id != ids[0]))
        .count();
    let distinct_keys = ids_by_key.len() as i64;

    sqlx::any::install_default_drivers();
    let db = AnyPool::connect(&args.database_url).await?;
    // With partners, theirs only: the database may hold other runs'.
    let only = match partners.is_empty() {
        true => String::new(),
        false => format!(
            " WHERE partner_id IN ({})",
            partners
                .iter()
                .map(|p| format!("'{}'", p.id.replace('\'', "''")))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let (stored,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM support_requests{only}"))
        .fetch_one(&db)
        .await?;
    let (remembered,): (i64,) =
        sqlx::query_as(&format!("SELECT COUNT(*) FROM idempotency_keys{only}"))
            .fetch_one(&db)
            .await?;
    db.close().await;

    // Each file's figures: the median of its runs'.
    let per_set: Vec<Value> = match sets.len() {
        0 => vec![figures(runs, None, 0)],
        n => (0..n)
            .map(|set| figures(runs, Some(set), sets[set].len()))
            .collect(),
    };
    if runs.len() > 1 {
        for (set, f) in args.partners_files.iter().zip(&per_set) {
            println!(
                "  {}: {} runs, median throughput {:.0} requests/s, median p50 {:.1} ms",
                set.file_name().unwrap_or(set.as_os_str()).to_string_lossy(),
                f["runs"].as_array().map_or(0, Vec::len),
                f["requests_per_second"].as_f64().unwrap_or_default(),
                f["p50_ms"].as_f64().unwrap_or_default(),
            );
        }
    }
    println!("  answers:     {created} × 201 ({replayed} replayed), {failed} other or failed");
    println!("  in flight:   {conflicts} × 409 waited out (Retry-After) before the answer");
    println!("  stored requests {stored}, distinct keys {distinct_keys}, idempotency rows {remembered}, keys answered with two ids {split_keys}");
    let lost = (distinct_keys - stored).max(0);
    let duplicated = (stored - distinct_keys).max(0);
    println!("  lost {lost}, duplicated {duplicated}");
    let crossed = across.as_ref().map_or(0, |a| a.seen + a.stored_elsewhere);
    if let Some(across) = &across {
        println!(
            "  across partners: {} list entries read back, each partner with its own token; seen across partners {}, stored under another partner {}",
            across.listed, across.seen, across.stored_elsewhere
        );
    }
    if let Some(path) = &args.results {
        let results = json!({
            "sets": per_set,
            "lost": lost,
            "failed": failed,
            "duplicated": duplicated,
            "seen_across": across.as_ref().map(|a| a.seen),
            "stored_elsewhere": across.as_ref().map(|a| a.stored_elsewhere),
        });
        std::fs::write(path, results.to_string())?;
    }
    if failed > 0 || lost > 0 || duplicated > 0 || split_keys > 0 || remembered != stored {
        return Err("FAILED: requests were lost, duplicated or refused".into());
    }
    if crossed > 0 {
        return Err("FAILED: a partner's requests reached another partner".into());
    }
    println!(
        "  OK: nothing lost, nothing duplicated{}",
        match across {
            Some(_) => ", nothing across partners",
            None => "",
        }
    );
    Ok(())
}
