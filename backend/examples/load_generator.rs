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
    #[arg(long)]
    partners_file: Option<std::path::PathBuf>,
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

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let partners = Arc::new(match &args.partners_file {
        Some(path) => match partners(path)? {
            partners if partners.is_empty() => {
                return Err(format!("{}: no partner in it", path.display()).into())
            }
            partners => partners,
        },
        None => Vec::new(),
    });
    let jobs = Arc::new(plan(&args, partners.len()));
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()?;
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
    let across = match partners.is_empty() {
        true => None,
        false => Some(across_partners(&args, &client, &partners, &answers).await?),
    };
    report(&args, &answers, elapsed, &partners, across).await
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

/// Prints the figures and the database check; fails on any error, loss or duplicate.
async fn report(
    args: &Args,
    answers: &[Answer],
    elapsed: f64,
    partners: &[Partner],
    across: Option<Across>,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut latencies: Vec<Duration> = answers.iter().map(|a| a.latency).collect();
    latencies.sort();
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

    println!(
        "  sent {} requests ({} of them repeating {} keys) to {} backend(s), {} at a time, in {elapsed:.2} s{}",
        answers.len(),
        repeated(args),
        args.hot_keys,
        args.targets.len(),
        args.concurrency,
        match partners.len() {
            0 => String::new(),
            1 => format!(", as partner {}", partners[0].id),
            n => format!(", as {n} partners in turn"),
        },
    );
    if answers.len() < args.requests {
        println!(
            "  stopped by the {} s time limit: {} not sent",
            args.time_limit_secs,
            args.requests - answers.len()
        );
    }
    println!(
        "  throughput:  {:.0} requests/s",
        answers.len() as f64 / elapsed
    );
    if !latencies.is_empty() {
        println!(
            "  latency:     p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            percentile(&latencies, 0.50),
            percentile(&latencies, 0.99),
            percentile(&latencies, 1.0)
        );
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
        let p50 = (!latencies.is_empty()).then(|| percentile(&latencies, 0.50));
        let results = json!({
            "partners": partners.len(),
            "requests": answers.len(),
            "requests_per_second": answers.len() as f64 / elapsed,
            "p50_ms": p50,
            "p99_ms": (!latencies.is_empty()).then(|| percentile(&latencies, 0.99)),
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
