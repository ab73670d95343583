//! The operator's commands as a shell sees them: the exit code says whether
//! a command did what it was asked, and its result goes to stdout and its
//! errors and warnings to stderr.

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
