//! The partner's catalogue through the binary: a fresh database holds none,
//! `import` takes good files whole and bad ones not at all, `export` gives
//! back what `import` takes, and `seed-demo` loads the demo's.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use reqwest::StatusCode;
use serde_json::Value;

fn backend(database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(args)
        .args(["--database-url", database_url])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap()
}

fn said(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[tokio::test]
async fn a_fresh_database_lists_nothing_until_it_is_imported() {
    let server = common::start_empty().await;
    for (path, key) in [
        ("/customers?query=", "customers"),
        ("/services", "services"),
        ("/service-health", "incidents"),
        ("/articles?query=", "articles"),
    ] {
        let (status, body) = common::json_of(server.get(path).await).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body[key], Value::Array(vec![]), "{path}");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "customers.csv",
        "id,name,domain\ncontoso,Contoso Ltd,contoso.partner.onmschina.cn\n",
    );
    let output = backend(server.database_url(), &["import", "customers", &file]);
    assert!(output.status.success(), "{}", said(&output));
    assert_eq!(
        said(&output).trim(),
        "customers: 1 new, 0 changed, 0 unchanged"
    );
    let (_, body) = common::json_of(server.get("/customers?query=contoso").await).await;
    assert_eq!(body["customers"][0]["name"], "Contoso Ltd");
}

#[tokio::test]
async fn a_file_with_a_bad_line_imports_nothing_and_names_the_line() {
    let server = common::start_empty().await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "services.jsonl",
        concat!(
            r#"{"id":"azure","name":"Azure","admin_center_url":"https://portal.azure.cn/"}"#,
            "\n",
            r#"{"id":"office365","name":"Office 365","admin_center_url":"portal.partner.microsoftonline.cn"}"#,
            "\n"
        ),
    );
    let output = backend(server.database_url(), &["import", "services", &file]);
    assert!(!output.status.success());
    let message = said(&output);
    assert!(message.contains("nothing was imported"), "{message}");
    assert!(message.contains("line 2: admin_center_url"), "{message}");
    assert_eq!(server.count("services").await, 0);
    // Health items of a service the partner does not have: refused whole.
    let health = write(
        dir.path(),
        "health.jsonl",
        r#"{"id":"i1","service":"azure","kind":"incident","status":"investigating","locale":"en-US","title":"VMs fail to start","summary":"Starting VMs may fail.","started_at":"2026-11-22T01:40:00Z","updated_at":"2026-11-22T01:40:00Z"}"#,
    );
    let output = backend(server.database_url(), &["import", "health", &health]);
    assert!(!output.status.success());
    assert!(
        said(&output).contains("line 1: service \"azure\""),
        "{}",
        said(&output)
    );
    assert_eq!(server.count("service_health_items").await, 0);
}

#[tokio::test]
async fn export_then_import_gives_the_same_catalogue_and_changes_nothing() {
    let server = common::start().await;
    let dir = tempfile::tempdir().unwrap();
    let target = common::start_empty().await;
    for kind in ["services", "customers", "articles", "health"] {
        let file = dir
            .path()
            .join(format!("{kind}.jsonl"))
            .display()
            .to_string();
        let output = backend(server.database_url(), &["export", kind, &file]);
        assert!(output.status.success(), "{}", said(&output));
        // Into an empty database: the same answers as the original.
        let output = backend(target.database_url(), &["import", kind, &file]);
        assert!(output.status.success(), "{kind}: {}", said(&output));
        // Again into the original: nothing changes.
        let output = backend(server.database_url(), &["import", kind, &file]);
        assert!(
            said(&output).contains(" 0 new, 0 changed,"),
            "{kind}: {}",
            said(&output)
        );
    }
    for path in [
        "/customers?query=",
        "/services",
        "/service-health?locale=zh-TW",
        "/articles?query=&locale=es-ES",
    ] {
        let (_, original) = common::json_of(server.get(path).await).await;
        let (_, copied) = common::json_of(target.get(path).await).await;
        assert_eq!(copied, original, "{path}");
    }
}

#[tokio::test]
async fn seed_demo_loads_the_demo_catalogue_once() {
    let server = common::start_empty().await;
    let first = backend(server.database_url(), &["seed-demo"]);
    assert!(first.status.success(), "{}", said(&first));
    assert!(
        said(&first).contains("customers: 12 new"),
        "{}",
        said(&first)
    );
    let again = backend(server.database_url(), &["seed-demo"]);
    assert!(
        said(&again).contains("customers: 0 new, 0 changed, 12 unchanged"),
        "{}",
        said(&again)
    );
    let (_, body) = common::json_of(server.get("/service-health?service=azure").await).await;
    assert_eq!(body["incidents"][0]["id"], "azure-vm-start-china-east-2");
}
