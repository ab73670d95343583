//! The operator's commands as a shell sees them: the exit code says whether
//! a command did what it was asked, its result goes to stdout and its
//! errors and warnings to stderr, and the messages are worded for the
//! command that was typed.

mod common;

use std::process::Command;

/// What a run of the binary said, and how it ended.
struct Run {
    success: bool,
    stdout: String,
    stderr: String,
}

fn backend(database_url: &str, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(args)
        .args(["--database-url", database_url])
        .env_remove("DATABASE_URL")
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    Run {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "success: {}\nstdout:\n{}\nstderr:\n{}",
            self.success, self.stdout, self.stderr
        )
    }
}

/// `health set ID` with a valid item's flags, `changed` put in their place.
fn health_set(id: &str, changed: &[(&str, &str)]) -> Vec<String> {
    let mut flags = vec![
        ("--service", "azure"),
        ("--title", "VMs may fail to start"),
        ("--summary", "Starting VMs in China East 2 may fail."),
    ];
    for (flag, value) in changed {
        flags.retain(|(f, _)| f != flag);
        flags.push((flag, value));
    }
    let mut args = vec!["health".to_owned(), "set".to_owned(), id.to_owned()];
    for (flag, value) in flags {
        args.push(format!("{flag}={value}"));
    }
    args
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[tokio::test]
async fn resolving_an_unknown_health_item_fails() {
    let server = common::start().await;
    let run = backend(
        server.database_url(),
        &["health", "resolve", "no-such-item"],
    );
    assert!(!run.success, "{run:?}");
    assert!(
        run.stderr.contains("no health item \"no-such-item\""),
        "{run:?}"
    );
}

#[tokio::test]
async fn resolving_a_resolved_item_again_changes_nothing() {
    let server = common::start().await;
    let url = server.database_url();
    let posted = backend(url, &strs(&health_set("vm-start", &[])));
    assert!(posted.success, "{posted:?}");
    let resolved = backend(url, &["health", "resolve", "vm-start"]);
    assert!(resolved.success, "{resolved:?}");
    assert!(resolved.stdout.contains("1 changed"), "{resolved:?}");
    let again = backend(url, &["health", "resolve", "vm-start"]);
    assert!(again.success, "{again:?}");
    assert!(!again.stdout.contains("1 changed"), "{again:?}");
    assert!(again.stdout.contains("already resolved"), "{again:?}");
}

/// `health set` goes through an import's checks, but a refusal speaks of
/// the command's item and flags, not of line 1 of a file.
#[tokio::test]
async fn a_refused_health_set_is_worded_for_the_command() {
    let server = common::start().await;
    let url = server.database_url();
    let items = server.count("service_health_items").await;
    for (flag, value, problem) in [
        (
            "--service",
            "no-such-service",
            "service \"no-such-service\" is not a service",
        ),
        (
            "--kind",
            "outage",
            "kind \"outage\" is not incident or advisory",
        ),
        ("--title", " ", "title is empty"),
    ] {
        let run = backend(url, &strs(&health_set("vm-start", &[(flag, value)])));
        assert!(!run.success, "{run:?}");
        assert!(run.stderr.contains("\"vm-start\""), "{run:?}");
        assert!(run.stderr.contains(problem), "{run:?}");
        assert!(run.stderr.contains("nothing was changed"), "{run:?}");
        for word in ["line 1", "imported", "the health item:"] {
            assert!(!run.stderr.contains(word), "{word}: {run:?}");
        }
    }
    assert_eq!(server.count("service_health_items").await, items);
}

#[tokio::test]
async fn retrying_an_unknown_event_fails() {
    let server = common::start().await;
    let run = backend(
        server.database_url(),
        &["deliveries", "retry", "no-such-event"],
    );
    assert!(!run.success, "{run:?}");
    assert!(
        run.stderr
            .contains("no undelivered event \"no-such-event\""),
        "{run:?}"
    );
}

/// Every command's result is on stdout, so that it can be piped or kept,
/// and stderr stays empty unless something is wrong.
#[tokio::test]
async fn results_go_to_stdout_and_errors_to_stderr() {
    let server = common::start_empty().await;
    let url = server.database_url();
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let quiet = |run: &Run| {
        assert!(run.success, "{run:?}");
        assert_eq!(run.stderr, "", "{run:?}");
    };

    let run = backend(url, &["seed-demo"]);
    quiet(&run);
    assert!(run.stdout.contains("customers: 12 new"), "{run:?}");
    std::fs::write(
        path("customers.csv"),
        "id,name,domain\nwoodgrove,Woodgrove Bank,woodgrove.cn\n",
    )
    .unwrap();
    let run = backend(url, &["import", "customers", &path("customers.csv")]);
    quiet(&run);
    assert_eq!(run.stdout, "customers: 1 new, 0 changed, 0 unchanged\n");

    let run = backend(url, &["export", "customers", &path("out.jsonl")]);
    quiet(&run);
    assert_eq!(run.stdout, "customers: 13 exported\n");
    // To stdout, the file is the result and the count a note beside it.
    let run = backend(url, &["export", "customers"]);
    assert!(run.success, "{run:?}");
    assert_eq!(
        run.stdout,
        std::fs::read_to_string(path("out.jsonl")).unwrap()
    );
    assert_eq!(run.stderr, "customers: 13 exported\n");

    let run = backend(url, &strs(&health_set("vm-start", &[])));
    quiet(&run);
    assert!(run.stdout.starts_with("health: 1 new"), "{run:?}");
    let run = backend(url, &["health", "resolve", "vm-start"]);
    quiet(&run);
    assert!(run.stdout.starts_with("health: "), "{run:?}");

    let (_, created) =
        common::json_of(server.post_json(&common::key(), &common::valid()).await).await;
    let reference = created["reference"].as_str().unwrap();
    let run = backend(url, &["set-status", reference, "in_progress"]);
    quiet(&run);
    assert!(run.stdout.starts_with(reference), "{run:?}");
    let run = backend(url, &["deliveries"]);
    quiet(&run);
    assert_eq!(run.stdout, "every event was delivered\n");

    // A failure says why on stderr only.
    std::fs::write(path("bad.csv"), "id,name,domain\nbad id,,x.cn\n").unwrap();
    for args in [
        &["import", "customers", &path("bad.csv")][..],
        &["export", "customers", &path("no-such-folder/out.jsonl")][..],
        &["set-status", "SR-999999", "closed"][..],
    ] {
        let run = backend(url, args);
        assert!(!run.success, "{args:?}: {run:?}");
        assert_eq!(run.stdout, "", "{args:?}: {run:?}");
        assert!(
            run.stderr.starts_with("support-backend: "),
            "{args:?}: {run:?}"
        );
    }
}

#[tokio::test]
async fn granting_on_sqlite_is_refused_by_name() {
    let database = common::fresh_database().await;
    if !database.url.starts_with("sqlite") {
        return;
    }
    let run = backend(&database.url, &["migrate", "--grant-to", "support_app"]);
    assert!(!run.success);
    assert!(run.stderr.contains("SQLite has none"), "{}", run.stderr);
    let run = backend(&database.url, &["migrate"]);
    assert!(run.success, "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "migrated");
}
