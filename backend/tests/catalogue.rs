//! The partner's catalogue through the binary: a fresh database holds none,
//! `import` takes good files whole and bad ones not at all, `export` gives
//! back what `import` takes, and `seed-demo` loads the demo's.

mod common;

use std::path::Path;
use std::process::Output;

use reqwest::StatusCode;
use serde_json::Value;

/// A command's result, on stdout.
fn said(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Why a command failed, on stderr.
fn complained(output: &Output) -> String {
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
    let output = common::command(server.database_url(), &["import", "customers", &file]);
    assert!(output.status.success(), "{}", complained(&output));
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
    let output = common::command(server.database_url(), &["import", "services", &file]);
    assert!(!output.status.success());
    let message = complained(&output);
    assert!(message.contains("nothing was imported"), "{message}");
    assert!(message.contains("line 2: admin_center_url"), "{message}");
    assert_eq!(server.count("services").await, 0);
    // Health items of a service the partner does not have: refused whole.
    let health = write(
        dir.path(),
        "health.jsonl",
        r#"{"id":"i1","service":"azure","kind":"incident","status":"investigating","locale":"en-US","title":"VMs fail to start","summary":"Starting VMs may fail.","started_at":"2026-11-22T01:40:00Z","updated_at":"2026-11-22T01:40:00Z"}"#,
    );
    let output = common::command(server.database_url(), &["import", "health", &health]);
    assert!(!output.status.success());
    assert!(
        complained(&output).contains("line 1: service \"azure\""),
        "{}",
        complained(&output)
    );
    assert_eq!(server.count("service_health_items").await, 0);
}

/// A CSV saved in the system's own encoding (GBK here: "北京" as Excel on
/// Simplified Chinese Windows writes it) is refused with its line and how
/// to save it, by the command and by the API, and nothing is imported.
#[tokio::test]
async fn a_file_not_in_utf8_names_its_line_and_how_to_save_it() {
    let gbk = b"id,name,domain\nbeijing,\xb1\xb1\xbe\xa9 Cloud,bj.partner.onmschina.cn\n";
    let server = common::start_signed(false).await;
    let before = server.count("customers").await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("customers.csv");
    std::fs::write(&file, gbk).unwrap();
    let output = common::command(
        server.database_url(),
        &["import", "customers", &file.display().to_string()],
    );
    assert!(!output.status.success());
    let message = complained(&output);
    assert!(
        message.contains("nothing was imported") && message.contains("line 2: not UTF-8 text"),
        "{message}"
    );
    assert!(message.contains("CSV UTF-8"), "{message}");

    let response = server
        .client
        .put(server.url("/catalogue/customers"))
        .bearer_auth(common::token(&admin()))
        .header("content-type", "text/csv")
        .body(gbk.to_vec())
        .send()
        .await
        .unwrap();
    let (status, body) = common::json_of(response).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "line 2");
    assert_eq!(body["errors"][0]["code"], "invalid_line");
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("not UTF-8 text"));
    assert_eq!(server.count("customers").await, before);
}

/// A file whose name gives the wrong format gets one hint with the flag
/// to give, not the same syntax error on every line.
#[tokio::test]
async fn a_file_in_the_other_format_gets_a_hint_with_the_flag() {
    let server = common::start_empty().await;
    let url = server.database_url();
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "customers.txt",
        "id,name,domain\n\
         contoso,Contoso Ltd,contoso.cn\n\
         fabrikam,Fabrikam Inc,fabrikam.cn\n\
         woodgrove,Woodgrove Bank,woodgrove.cn\n\
         nunez,Nunez y Asociados,nunez.cn\n",
    );
    let output = common::command(url, &["import", "customers", &csv]);
    assert!(!output.status.success());
    let message = complained(&output);
    assert_eq!(message.matches("--format").count(), 1, "{message}");
    assert!(
        message.contains("not JSON Lines but looks like CSV; import it with --format csv"),
        "{message}"
    );
    assert!(!message.contains("expected value"), "{message}");
    assert_eq!(server.count("customers").await, 0);
    let output = common::command(url, &["import", "customers", &csv, "--format", "csv"]);
    assert!(output.status.success(), "{}", complained(&output));
    assert_eq!(
        said(&output).trim(),
        "customers: 4 new, 0 changed, 0 unchanged"
    );

    let jsonl = write(
        dir.path(),
        "services.csv",
        concat!(
            r#"{"id":"azure","name":"Azure","admin_center_url":"https://portal.azure.cn/"}"#,
            "\n",
            r#"{"id":"office365","name":"Office 365","admin_center_url":"https://portal.partner.microsoftonline.cn/"}"#,
        ),
    );
    // As CSV, one line is a header row and no items: not a success either.
    let one_line = write(
        dir.path(),
        "customers.csv",
        r#"{"id":"contoso","name":"Contoso Ltd","domain":"contoso.cn"}"#,
    );
    for (kind, file) in [("services", &jsonl), ("customers", &one_line)] {
        let output = common::command(url, &["import", kind, file]);
        assert!(!output.status.success(), "{kind}: {}", said(&output));
        assert!(
            complained(&output).contains("looks like JSON Lines; import it with --format jsonl"),
            "{}",
            complained(&output)
        );
    }
    // A format given on purpose is taken at its word.
    let output = common::command(url, &["import", "services", &jsonl, "--format", "csv"]);
    assert!(!output.status.success());
    assert!(
        !complained(&output).contains("--format"),
        "{}",
        complained(&output)
    );
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
        let output = common::command(server.database_url(), &["export", kind, &file]);
        assert!(output.status.success(), "{}", complained(&output));
        // Into an empty database: the same answers as the original.
        let output = common::command(target.database_url(), &["import", kind, &file]);
        assert!(output.status.success(), "{kind}: {}", complained(&output));
        // Again into the original: nothing changes.
        let output = common::command(server.database_url(), &["import", kind, &file]);
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
    let first = common::command(server.database_url(), &["seed-demo"]);
    assert!(first.status.success(), "{}", complained(&first));
    assert!(
        said(&first).contains("customers: 12 new"),
        "{}",
        said(&first)
    );
    let again = common::command(server.database_url(), &["seed-demo"]);
    assert!(
        said(&again).contains("customers: 0 new, 0 changed, 12 unchanged"),
        "{}",
        said(&again)
    );
    let (_, body) = common::json_of(server.get("/service-health?service=azure").await).await;
    assert_eq!(body["incidents"][0]["id"], "azure-vm-start-china-east-2");
}

fn admin() -> Value {
    serde_json::json!({"sub": "admin-1", "name": "Portal sync", "role": "admin"})
}

async fn put(
    server: &common::TestServer,
    kind: &str,
    media: &str,
    body: String,
    claims: &Value,
) -> reqwest::Response {
    server
        .client
        .put(server.url(&format!("/catalogue/{kind}")))
        .bearer_auth(common::token(claims))
        .header("content-type", media)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// A portal syncs its customer list every night with an admin's token.
#[tokio::test]
async fn an_admin_syncs_the_catalogue_through_the_api() {
    let server = common::start_signed(false).await;
    // A list larger than a support request's body limit.
    let lines: String = (0..1500)
        .map(|n| format!(r#"{{"id":"customer-{n:04}","name":"Customer {n}","domain":"c{n}.partner.onmschina.cn"}}"#) + "\n")
        .collect();
    assert!(lines.len() > support_contract::limits::BODY_MAX_BYTES);
    let response = put(
        &server,
        "customers",
        "application/x-ndjson",
        lines.clone(),
        &admin(),
    )
    .await;
    let (status, counts) = common::json_of(response).await;
    assert_eq!(status, StatusCode::OK, "{counts}");
    assert_eq!(
        counts,
        serde_json::json!({"new": 1500, "changed": 0, "unchanged": 0})
    );
    let again = put(
        &server,
        "customers",
        "application/x-ndjson",
        lines,
        &admin(),
    )
    .await;
    assert_eq!(common::json_of(again).await.1["unchanged"], 1500);
    // The same shape comes back out.
    let exported = server
        .client
        .get(server.url("/catalogue/customers"))
        .bearer_auth(common::token(&admin()))
        .send()
        .await
        .unwrap();
    assert_eq!(exported.headers()["content-type"], "application/x-ndjson");
    let text = exported.text().await.unwrap();
    assert!(text.contains(
        r#"{"id":"customer-0042","name":"Customer 42","domain":"c42.partner.onmschina.cn"}"#
    ));
    // A bad line: nothing written, the line named.
    let bad = "id,name,domain\nnew-one,New One,new.cn\nbroken,,x.cn\n".to_owned();
    let (status, body) =
        common::json_of(put(&server, "customers", "text/csv", bad, &admin()).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "line 3");
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("name is empty"));
    let (_, found) = common::json_of(
        server
            .client
            .get(server.url("/customers?query=new one"))
            .bearer_auth(common::token(&common::partner()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(found["customers"], serde_json::json!([]));
    // Only admins.
    for claims in [
        common::partner(),
        common::customer(),
        serde_json::json!({"sub": "a", "role": "agent"}),
    ] {
        let response = put(
            &server,
            "customers",
            "application/x-ndjson",
            String::new(),
            &claims,
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
    let unknown = put(
        &server,
        "partners",
        "application/x-ndjson",
        String::new(),
        &admin(),
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

async fn listed(server: &common::TestServer) -> Value {
    common::json_of(server.get("/service-health?service=office365").await)
        .await
        .1
}

/// An operator posts an incident, updates it and resolves it, each in one
/// command, and the widget's users see it come and go.
#[tokio::test]
async fn an_operator_posts_updates_and_resolves_an_incident() {
    let server = common::start().await;
    let url = server.database_url().to_owned();
    let health = |args: &[&str]| {
        let mut all = vec!["health"];
        all.extend_from_slice(args);
        common::command(&url, &all)
    };
    let output = health(&[
        "set",
        "mail-delay",
        "--service",
        "office365",
        "--status",
        "investigating",
        "--title",
        "Mail is delayed",
        "--summary",
        "Messages may arrive late.",
    ]);
    assert!(output.status.success(), "{}", complained(&output));

    let body = listed(&server).await;
    let item = body["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "mail-delay")
        .cloned()
        .unwrap();
    assert_eq!(item["status"], "investigating");
    let started = item["started_at"].clone();
    let output = health(&[
        "set",
        "mail-delay",
        "--service",
        "office365",
        "--status",
        "identified",
        "--title",
        "Mail is delayed",
        "--summary",
        "The cause is found.",
    ]);
    assert!(output.status.success(), "{}", complained(&output));
    let body = listed(&server).await;
    let item = body["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "mail-delay")
        .cloned()
        .unwrap();
    assert_eq!(
        (item["status"].as_str(), item["started_at"].clone()),
        (Some("identified"), started)
    );
    let output = health(&["resolve", "mail-delay"]);
    assert!(output.status.success(), "{}", complained(&output));
    let body = listed(&server).await;
    assert!(!body["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["id"] == "mail-delay"));
    // A service the partner does not have is refused, with why.
    let output = health(&[
        "set",
        "x",
        "--service",
        "nope",
        "--title",
        "T",
        "--summary",
        "S",
    ]);
    assert!(!output.status.success());
    assert!(
        complained(&output).contains("service \"nope\""),
        "{}",
        complained(&output)
    );
}
