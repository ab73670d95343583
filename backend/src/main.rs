//! `support-backend`: the reference backend of the support widget.
//!
//! Run `support-backend --help` for the flags; every flag can also be set
//! through an environment variable. The commands (`set-status`, `import`,
//! `export`, `seed-demo`, `partners`...) are listed by `support-backend help`.

#![forbid(unsafe_code)]

use std::ffi::{OsStr, OsString};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use support_backend::cli::{self, Cli, Command};
use support_backend::config::LogFormat;
use support_backend::{shutdown_signal, Config, Server};

#[tokio::main]
async fn main() -> ExitCode {
    // Whatever the backend creates on disk is readable by its user only:
    // the database and the uploaded files hold people's contact details.
    // The mask covers what libraries create too (an attachments folder the
    // file store makes again while the backend runs, SQLite's -wal file).
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    let args: Vec<OsString> = std::env::args_os().collect();
    let cli = match Cli::try_from_args(&args) {
        Ok(cli) => cli,
        Err(error) => return refused(error, cli::log_format_asked(&args)),
    };
    // A command's result is what it prints on stdout, so it logs warnings
    // only; the server's log is its report.
    init_tracing(
        if cli.command.is_none() {
            "info"
        } else {
            "warn"
        },
        cli.config.log_format,
    );
    match &cli.command {
        None => serve(&cli.config, cli.config.log_format).await,
        Some(Command::SetStatus(args)) => set_status(&cli.config, args).await,
        Some(Command::Import(args)) => report(
            cli::import(&cli.config.database_url, args).await,
            |outcome| format!("{}: {outcome}", args.kind.as_str()),
        ),
        Some(Command::Export(args)) => match cli::export(&cli.config.database_url, args).await {
            Ok(n) => {
                let said = format!("{}: {n} exported", args.kind.as_str());
                // Written to standard output, the file is the result, and
                // the count only a note beside it.
                match args.file {
                    Some(_) => println!("{said}"),
                    None => eprintln!("{said}"),
                }
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("support-backend: {error}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Deliveries(args)) => report(
            cli::deliveries(&cli.config.database_url, args).await,
            String::clone,
        ),
        Some(Command::Bounced(args)) => report(
            cli::bounced(&cli.config.database_url, args).await,
            String::clone,
        ),
        Some(Command::Partners(command)) => report(
            cli::partners(&cli.config.database_url, command).await,
            String::clone,
        ),
        Some(Command::Migrate(args)) => report(
            cli::migrate(&cli.config.database_url, args).await,
            String::clone,
        ),
        Some(Command::Health(command)) => report(
            cli::health(&cli.config.database_url, command).await,
            String::clone,
        ),
        Some(Command::SeedDemo) => {
            report(cli::seed_demo(&cli.config.database_url).await, |outcomes| {
                outcomes
                    .iter()
                    .map(|(kind, outcome)| format!("{}: {outcome}", kind.as_str()))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
    }
}

async fn serve(config: &Config, format: LogFormat) -> ExitCode {
    // Why the server could not start or went down goes where its log goes,
    // in the log's format (a collector that reads JSON reads it too), and
    // whatever RUST_LOG lets through: a process that ends must say why.
    let failed = |error: &dyn std::fmt::Display| {
        match format {
            LogFormat::Json => eprintln!("{}", json_failure(&error.to_string())),
            LogFormat::Text => eprintln!("support-backend: {error}"),
        }
        ExitCode::FAILURE
    };
    let server = match Server::bind(config).await {
        Ok(server) => server,
        Err(error) => return failed(&error),
    };
    // Scripts and tests wait for exactly this line, so it goes to stdout
    // (logs go to stderr) and is flushed at once.
    println!(
        "support-backend listening on http://{}",
        server.local_addr()
    );
    let _ = std::io::stdout().flush();
    if let Some(address) = server.metrics_addr() {
        tracing::info!("metrics on http://{address}/metrics");
    }
    match server.run(shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => failed(&error),
    }
}

/// Prints `SR-000001 <id>: submitted -> in_progress at <time>` on success.
async fn set_status(config: &Config, args: &cli::SetStatus) -> ExitCode {
    match cli::set_status(config, args).await {
        Ok(set) => {
            println!(
                "{} {}: {} -> {} at {}",
                set.reference,
                set.id,
                set.previous.as_str(),
                set.change.status.as_str(),
                set.change.changed_at
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("support-backend: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Tells what a command did on stdout, its result, or why it failed on
/// stderr, with the logs.
fn report<T, E: std::fmt::Display>(
    result: Result<T, E>,
    said: impl FnOnce(&T) -> String,
) -> ExitCode {
    match result {
        Ok(value) => {
            println!("{}", said(&value));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("support-backend: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Why clap refused the command line: one line of the JSON log when that
/// is the log asked for (a collector reads it, as a failed start's), else
/// clap's own message. Help and the version are printed as they are.
fn refused(error: clap::Error, format: LogFormat) -> ExitCode {
    if format == LogFormat::Json && error.use_stderr() {
        eprintln!("{}", json_failure(error.render().to_string().trim_end()));
        return u8::try_from(error.exit_code()).map_or(ExitCode::FAILURE, ExitCode::from);
    }
    error.exit()
}

/// `said` as one line of the JSON log, as tracing writes an error there.
fn json_failure(said: &str) -> serde_json::Value {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| {
            i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
        });
    serde_json::json!({
        "timestamp": support_backend::outbox::rfc3339(now),
        "level": "ERROR",
        "fields": {"message": said},
        "target": "support_backend",
    })
}

/// Logs to stderr, `default` and up unless `RUST_LOG` says otherwise, as
/// text or as one JSON object a line (with the request's span, and so its
/// id, on each line logged while it is served).
fn init_tracing(default: &str, format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let log = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => log.json().with_current_span(true).init(),
        LogFormat::Text => {
            let colour = in_colour(
                std::io::stderr().is_terminal(),
                std::env::var_os("NO_COLOR").as_deref(),
            );
            log.with_ansi(colour).init();
        }
    }
}

/// Whether the log is coloured: only for a person at a terminal, so that a
/// file or a log collector gets no escape codes, and never with `NO_COLOR`
/// set to anything but the empty string (https://no-color.org).
fn in_colour(stderr_is_terminal: bool, no_color: Option<&OsStr>) -> bool {
    stderr_is_terminal && no_color.is_none_or(OsStr::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_is_coloured_only_on_a_terminal_without_no_color() {
        let set = |value: &'static str| Some(OsStr::new(value));
        assert!(in_colour(true, None));
        assert!(in_colour(true, set("")));
        assert!(!in_colour(true, set("1")));
        assert!(!in_colour(true, set("0")));
        assert!(!in_colour(false, None));
        assert!(!in_colour(false, set("1")));
    }
}
