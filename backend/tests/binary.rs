//! The `support-backend` binary itself: its help, its announcement line,
//! and a clean stop on SIGTERM.

mod common;

use reqwest::StatusCode;

#[test]
fn help_documents_every_flag_and_its_environment_variable() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .arg("--help")
        .env_remove("DATABASE_URL")
        .env_remove("SUPPORT_BACKEND_LISTEN")
        .env_remove("SUPPORT_BACKEND_ALLOWED_ORIGINS")
        .env_remove("SUPPORT_BACKEND_RATE_LIMIT_PER_MINUTE")
        .output()
        .unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for needle in [
        "--listen",
        "SUPPORT_BACKEND_LISTEN",
        "127.0.0.1:8787",
        "--database-url",
        "DATABASE_URL",
        "sqlite://support-widget.db",
        "postgres://",
        "--allowed-origin",
        "SUPPORT_BACKEND_ALLOWED_ORIGINS",
        "--rate-limit-per-minute",
        "SUPPORT_BACKEND_RATE_LIMIT_PER_MINUTE",
        "[default: 120]",
    ] {
        assert!(help.contains(needle), "--help lacks {needle}:\n{help}");
    }
}

/// The binary prints its one line, serves, and exits cleanly on SIGTERM.
#[cfg(unix)]
#[tokio::test]
async fn the_binary_announces_itself_and_stops_on_sigterm() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let database = common::fresh_database().await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(["--listen", "127.0.0.1:0", "--database-url", &database.url])
        .env(
            "SUPPORT_BACKEND_ALLOWED_ORIGINS",
            "https://a.example.com, https://b.example.com",
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let base = line
        .trim_end()
        .strip_prefix("support-backend listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    if let Some(file) = database.url.strip_prefix("sqlite://") {
        assert!(
            std::path::Path::new(file).exists(),
            "the database file is created"
        );
    }

    let response = reqwest::Client::new()
        .get(format!("{base}/support-requests/{}", common::key()))
        .header("Origin", "https://b.example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://b.example.com"
    );

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}
