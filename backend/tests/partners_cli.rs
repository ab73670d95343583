//! `support-backend partners` as an operator runs it: adding a partner,
//! listing them as text and JSON, changing one's settings, disabling one,
//! and every refusal worded for what was typed, with nothing changed.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// What a run of the binary said, and how it ended.
struct Run {
    success: bool,
    stdout: String,
    stderr: String,
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

/// `support-backend partners ARGS` on the database at `url`, with the
/// server's variables in `env`.
fn partners_with(url: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .arg("partners")
        .args(args)
        .args(["--database-url", url])
        .env_remove("DATABASE_URL")
        .env_remove("RUST_LOG")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    Run {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn partners(url: &str, args: &[&str]) -> Run {
    partners_with(url, args, &[])
}

/// `partners list --json`, parsed.
fn listed(url: &str) -> Value {
    let run = partners(url, &["list", "--json"]);
    assert!(run.success, "{run:?}");
    serde_json::from_str(&run.stdout).unwrap()
}

/// Partner `id` as `list --json` shows it.
fn partner(url: &str, id: &str) -> Value {
    listed(url)
        .as_array()
        .unwrap()
        .iter()
        .find(|partner| partner["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("no partner {id}"))
}

/// A folder of secret files for one test.
struct Secrets(tempfile::TempDir);

impl Secrets {
    fn new() -> Secrets {
        Secrets(tempfile::tempdir().unwrap())
    }

    /// A file named `name` holding `contents`.
    fn file(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.0.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// A file holding a secret long enough for tokens and webhooks.
    fn secret(&self, name: &str) -> PathBuf {
        self.file(name, &format!("{}\n", common::SECRET))
    }

    fn folder(&self) -> &Path {
        self.0.path()
    }
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

const ISSUER: &str = "https://portal.contoso.example";

/// Adds `contoso` as the issue's example does; returns what it printed.
fn add_contoso(url: &str, secrets: &Secrets) -> Run {
    let key = secrets.secret("contoso.key");
    partners(
        url,
        &[
            "add",
            "contoso",
            "--name",
            "Contoso Cloud",
            "--jwt-secret-file",
            text(&key),
            "--jwt-issuer",
            ISSUER,
            "--allowed-origin",
            "https://Portal.Contoso.example:443",
            "--support-email",
            "support@contoso.example",
        ],
    )
}

#[tokio::test]
async fn an_added_partner_is_listed_as_text_and_as_json() {
    let database = common::fresh_database().await;
    let url = &database.url;
    let secrets = Secrets::new();
    let added = add_contoso(url, &secrets);
    assert!(added.success, "{added:?}");
    assert_eq!(
        added.stdout.trim(),
        "added contoso (Contoso Cloud): issuer https://portal.contoso.example"
    );

    let list = partners(url, &["list"]);
    assert!(list.success, "{list:?}");
    assert_eq!(
        list.stdout.lines().collect::<Vec<_>>(),
        [
            "contoso (Contoso Cloud): issuer https://portal.contoso.example",
            "default (Default): the backend's own flags",
        ]
    );

    let json = listed(url);
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|partner| partner["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["contoso", "default"]);
    let contoso = partner(url, "contoso");
    assert_eq!(contoso["name"], "Contoso Cloud");
    assert_eq!(contoso["disabled_at"], Value::Null);
    assert!(contoso["created_at"].as_str().unwrap().ends_with('Z'));
    let settings = &contoso["settings"];
    assert_eq!(settings["jwt_issuer"], ISSUER);
    assert_eq!(
        settings["jwt_secret_file"],
        text(&secrets.folder().join("contoso.key"))
    );
    assert_eq!(settings["jwks_url"], Value::Null);
    // As browsers send it in Origin.
    assert_eq!(
        settings["allowed_origins"],
        serde_json::json!(["https://portal.contoso.example"])
    );
    assert_eq!(settings["support_email"], "support@contoso.example");
    assert_eq!(settings["webhook_urls"], serde_json::json!([]));
    // The secret's file by path, never what it holds.
    let shown = partners(url, &["list", "--json"]).stdout;
    assert!(!shown.contains(common::SECRET), "{shown}");
}

/// A secret file named relatively is kept as the server, started
/// elsewhere, will find it.
#[tokio::test]
async fn a_secret_file_is_kept_from_the_root() {
    let database = common::fresh_database().await;
    let secrets = Secrets::new();
    secrets.secret("contoso.key");
    let output = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .current_dir(secrets.folder())
        .args(["partners", "add", "contoso", "--name", "Contoso Cloud"])
        .args(["--jwt-secret-file", "contoso.key", "--jwt-issuer", ISSUER])
        .args(["--database-url", &database.url])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        partner(&database.url, "contoso")["settings"]["jwt_secret_file"],
        text(&secrets.folder().join("contoso.key"))
    );
}

#[tokio::test]
async fn set_changes_only_the_settings_it_names() {
    let database = common::fresh_database().await;
    let url = &database.url;
    let secrets = Secrets::new();
    assert!(add_contoso(url, &secrets).success);
    let hooks = secrets.secret("hooks.key");

    let set = partners(
        url,
        &[
            "set",
            "contoso",
            "--jwks-url",
            "https://login.contoso.example/keys",
            "--allowed-origin",
            "https://portal.contoso.example",
            "--allowed-origin",
            "https://contoso.example",
            "--locale",
            "zh-TW",
            "--portal-url",
            "https://portal.contoso.example/support/{reference}",
            "--webhook-url",
            "https://hooks.contoso.example/support",
            "--webhook-secret-file",
            text(&hooks),
            "--rate-limit-per-minute",
            "30",
        ],
    );
    assert!(set.success, "{set:?}");
    assert!(set.stdout.starts_with("changed contoso"), "{set:?}");
    let contoso = partner(url, "contoso");
    let settings = &contoso["settings"];
    assert_eq!(contoso["name"], "Contoso Cloud");
    // The keys' URL takes the secret file's place.
    assert_eq!(settings["jwks_url"], "https://login.contoso.example/keys");
    assert_eq!(settings["jwt_secret_file"], Value::Null);
    assert_eq!(settings["jwt_issuer"], ISSUER);
    assert_eq!(
        settings["allowed_origins"],
        serde_json::json!(["https://portal.contoso.example", "https://contoso.example"])
    );
    assert_eq!(settings["locale"], "zh-TW");
    assert_eq!(
        settings["portal_url"],
        "https://portal.contoso.example/support/{reference}"
    );
    assert_eq!(
        settings["webhook_urls"],
        serde_json::json!(["https://hooks.contoso.example/support"])
    );
    assert_eq!(settings["webhook_secret_file"], text(&hooks));
    assert_eq!(settings["rate_limit_per_minute"], 30);
    assert_eq!(settings["support_email"], "support@contoso.example");

    // An empty value clears a setting; a name renames.
    let cleared = partners(
        url,
        &[
            "set",
            "contoso",
            "--name",
            "Contoso",
            "--support-email",
            "",
            "--allowed-origin",
            "",
            "--rate-limit-per-minute",
            "",
        ],
    );
    assert!(cleared.success, "{cleared:?}");
    let contoso = partner(url, "contoso");
    assert_eq!(contoso["name"], "Contoso");
    assert_eq!(contoso["settings"]["support_email"], Value::Null);
    assert_eq!(
        contoso["settings"]["allowed_origins"],
        serde_json::json!([])
    );
    assert_eq!(contoso["settings"]["rate_limit_per_minute"], Value::Null);
    assert_eq!(contoso["settings"]["locale"], "zh-TW");
}

/// The server's own variables (set where the operator runs the command,
/// as in the server's container) are not a partner's settings, though
/// the partner's flags share the server's names.
#[tokio::test]
async fn the_servers_variables_are_no_partners_settings() {
    let database = common::fresh_database().await;
    let url = &database.url;
    let secrets = Secrets::new();
    let hooks = secrets.secret("hooks.key");
    let servers = [
        (
            "SUPPORT_BACKEND_WEBHOOK_URLS",
            "https://hooks.server.example",
        ),
        ("SUPPORT_BACKEND_WEBHOOK_SECRET_FILE", text(&hooks)),
        ("SUPPORT_BACKEND_PORTAL_URL", "https://server.example/{id}"),
        (
            "SUPPORT_BACKEND_PARTNER_SUPPORT_EMAIL",
            "help@server.example",
        ),
        ("SUPPORT_BACKEND_PARTNER_LOCALE", "es-ES"),
    ];
    let key = secrets.secret("contoso.key");
    let add = partners_with(
        url,
        &[
            "add",
            "contoso",
            "--name",
            "Contoso Cloud",
            "--jwt-secret-file",
            text(&key),
            "--jwt-issuer",
            ISSUER,
        ],
        &servers,
    );
    assert!(add.success, "{add:?}");
    let set = partners_with(url, &["set", "contoso", "--name", "Contoso"], &servers);
    assert!(set.success, "{set:?}");
    let settings = &partner(url, "contoso")["settings"];
    assert_eq!(settings["webhook_urls"], serde_json::json!([]));
    for setting in [
        "webhook_secret_file",
        "portal_url",
        "support_email",
        "locale",
    ] {
        assert_eq!(settings[setting], Value::Null, "{setting}: {settings}");
    }
    // The server's spelling of a partner's flag is the partner's.
    let set = partners(
        url,
        &[
            "set",
            "contoso",
            "--partner-support-email",
            "help@contoso.example",
        ],
    );
    assert!(set.success, "{set:?}");
    assert_eq!(
        partner(url, "contoso")["settings"]["support_email"],
        "help@contoso.example"
    );
}

#[tokio::test]
async fn a_disabled_partner_is_marked_and_disabling_it_again_says_so() {
    let database = common::fresh_database().await;
    let url = &database.url;
    assert!(add_contoso(url, &Secrets::new()).success);

    let disabled = partners(url, &["disable", "contoso"]);
    assert!(disabled.success, "{disabled:?}");
    assert!(
        disabled.stdout.starts_with("contoso: disabled at "),
        "{disabled:?}"
    );
    let at = partner(url, "contoso")["disabled_at"].clone();
    let at = at.as_str().unwrap();
    let list = partners(url, &["list"]);
    assert!(
        list.stdout
            .lines()
            .any(|line| line
                == format!("contoso (Contoso Cloud): issuer {ISSUER}, disabled since {at}")),
        "{list:?}"
    );

    let again = partners(url, &["disable", "contoso"]);
    assert!(again.success, "{again:?}");
    assert_eq!(
        again.stdout.trim(),
        format!("contoso: already disabled since {at}; nothing was changed")
    );
    assert_eq!(partner(url, "contoso")["disabled_at"], at);
    assert_eq!(partner(url, "default")["disabled_at"], Value::Null);
}

#[tokio::test]
async fn bad_input_is_refused_by_name_and_changes_nothing() {
    let database = common::fresh_database().await;
    let url = &database.url;
    let secrets = Secrets::new();
    assert!(add_contoso(url, &secrets).success);
    let fabrikam = "https://portal.fabrikam.example";
    let jwks = "https://login.fabrikam.example/keys";
    // A second partner, whose issuer `contoso` may not take.
    let added = partners(
        url,
        &[
            "add",
            "fabrikam",
            "--name",
            "Fabrikam",
            "--jwt-issuer",
            fabrikam,
            "--jwks-url",
            jwks,
        ],
    );
    assert!(added.success, "{added:?}");
    let key = secrets.secret("globex.key");
    let empty = secrets.file("empty.key", "");
    let short = secrets.file("short.key", "too short\n");
    let missing = secrets.folder().join("missing.key");
    let (key, empty, short, missing) = (text(&key), text(&empty), text(&short), text(&missing));
    let folder = text(secrets.folder());
    let globex = "https://portal.globex.example";
    // `add globex` with what it needs, and `more`.
    let add = |more: &[&str]| -> Vec<String> {
        [
            "add",
            "globex",
            "--name",
            "Globex",
            "--jwt-issuer",
            globex,
            "--jwks-url",
            jwks,
        ]
        .iter()
        .chain(more)
        .map(|arg| (*arg).to_owned())
        .collect()
    };
    let args =
        |args: &[&str]| -> Vec<String> { args.iter().map(|arg| (*arg).to_owned()).collect() };
    let long_id = "a".repeat(64);
    let cases: Vec<(Vec<String>, String)> = vec![
        (
            args(&["add", "Globex", "--name", "G", "--jwt-issuer", globex, "--jwks-url", jwks]),
            "\"Globex\" is not a partner id: use 1 to 63 of a-z, 0-9 and -".into(),
        ),
        (
            args(&["add", &long_id, "--name", "G", "--jwt-issuer", globex, "--jwks-url", jwks]),
            format!("{long_id:?} is not a partner id"),
        ),
        (
            args(&["add", "globex_cn", "--name", "G", "--jwt-issuer", globex, "--jwks-url", jwks]),
            "\"globex_cn\" is not a partner id".into(),
        ),
        (
            args(&["add", "contoso", "--name", "C", "--jwt-issuer", globex, "--jwks-url", jwks]),
            "partner \"contoso\" exists already".into(),
        ),
        (args(&["set", "nope", "--name", "N"]), "no partner \"nope\"".into()),
        (args(&["disable", "nope"]), "no partner \"nope\"".into()),
        (
            add(&["--jwt-secret-file", key]),
            "'--jwks-url <URL>' cannot be used with '--jwt-secret-file <PATH>'".into(),
        ),
        (
            args(&["add", "globex", "--name", "Globex", "--jwt-issuer", globex]),
            "a partner needs the keys of its tokens: --jwt-secret-file PATH (HS256) or --jwks-url URL"
                .into(),
        ),
        (
            args(&["add", "globex", "--name", "Globex", "--jwks-url", jwks]),
            "a partner needs --jwt-issuer".into(),
        ),
        (
            args(&["add", "globex", "--name", "G", "--jwt-issuer", globex, "--jwt-secret-file", missing]),
            format!("cannot read the JWT secret file {missing}"),
        ),
        (
            args(&["add", "globex", "--name", "G", "--jwt-issuer", globex, "--jwt-secret-file", folder]),
            format!("cannot read the JWT secret file {folder}"),
        ),
        (
            args(&["add", "globex", "--name", "G", "--jwt-issuer", globex, "--jwt-secret-file", empty]),
            format!("the JWT secret in {empty} is 0 bytes long"),
        ),
        (
            args(&["add", "globex", "--name", "G", "--jwt-issuer", ISSUER, "--jwks-url", jwks]),
            "issuer \"https://portal.contoso.example\" is partner \"contoso\"'s already".into(),
        ),
        (
            args(&["set", "contoso", "--jwt-issuer", fabrikam]),
            "issuer \"https://portal.fabrikam.example\" is partner \"fabrikam\"'s already".into(),
        ),
        (
            add(&["--allowed-origin", "portal.globex.example"]),
            "\"portal.globex.example\" must start with http:// or https://".into(),
        ),
        (
            add(&["--allowed-origin", "https://portal.globex.example/support"]),
            "must be an origin like https://portal.example.com (no path)".into(),
        ),
        (
            args(&["add", "globex", "--name", "G", "--jwt-issuer", globex, "--jwks-url", "ftp://globex.example/keys"]),
            "--jwks-url \"ftp://globex.example/keys\" is not an http(s) URL".into(),
        ),
        (
            add(&["--webhook-url", "hooks.globex.example"]),
            "\"hooks.globex.example\" is not an http(s) URL".into(),
        ),
        (
            add(&["--portal-url", "https://portal.globex.example/support"]),
            "has neither {id} nor {reference}".into(),
        ),
        (
            add(&["--support-email", "support.globex.example"]),
            "\"support.globex.example\" is not an e-mail address".into(),
        ),
        (
            add(&["--locale", "fr-FR"]),
            "\"fr-FR\" is not one of en-US, zh-CN, zh-TW, es-ES".into(),
        ),
        (
            add(&["--rate-limit-per-minute", "lots"]),
            "\"lots\" is not a number of requests".into(),
        ),
        (
            add(&["--webhook-url", "https://hooks.globex.example"]),
            "--webhook-url needs --webhook-secret-file".into(),
        ),
        (
            add(&["--webhook-url", "https://hooks.globex.example", "--webhook-secret-file", short]),
            format!("the webhook secret in {short} is shorter than 32 bytes"),
        ),
        (
            add(&["--webhook-secret-file", missing]),
            format!("cannot read the webhook secret file {missing}"),
        ),
        (
            args(&["add", "default", "--name", "D", "--jwt-issuer", globex, "--jwks-url", jwks]),
            "partner \"default\" is always there: it is the partner of the flags the backend is started with"
                .into(),
        ),
        (
            args(&["set", "default", "--name", "D"]),
            "partner \"default\" takes its settings from the flags the backend is started with".into(),
        ),
        (
            args(&["disable", "default"]),
            "partner \"default\" cannot be disabled".into(),
        ),
        (args(&["set", "contoso"]), "partner \"contoso\": nothing to change".into()),
        (args(&["set", "contoso", "--jwt-issuer", ""]), "\"\" is not an issuer".into()),
        (args(&["set", "contoso", "--jwks-url", ""]), "is not an http(s) URL".into()),
        (
            args(&["set", "contoso", "--webhook-url", "https://hooks.contoso.example"]),
            "--webhook-url needs --webhook-secret-file".into(),
        ),
        (args(&["set", "contoso", "--name", " "]), "the name is empty".into()),
    ];
    let before = listed(url);
    for (args, problem) in cases {
        let run = partners(url, &strs(&args));
        assert!(!run.success, "{args:?}: {run:?}");
        assert!(run.stdout.is_empty(), "{args:?}: {run:?}");
        assert!(
            run.stderr.contains(&problem),
            "{args:?}: {problem}: {run:?}"
        );
        assert_eq!(listed(url), before, "{args:?}");
    }
}

/// `list`, `set` and `disable` never make a database; `add` makes one, as
/// `seed-demo` does.
#[tokio::test]
async fn only_add_creates_a_database() {
    if common::postgres_server().is_some() {
        // A PostgreSQL database is made by its server, not by commands.
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("support.db");
    let url = format!("sqlite://{}", text(&file));
    for args in [
        &["list"][..],
        &["set", "contoso", "--name", "Contoso"],
        &["disable", "contoso"],
    ] {
        let run = partners(&url, args);
        assert!(!run.success, "{args:?}: {run:?}");
        assert!(run.stderr.contains("no database at"), "{args:?}: {run:?}");
        assert!(!file.exists(), "{args:?}");
    }
    assert!(add_contoso(&url, &Secrets::new()).success);
    assert!(file.exists());
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

/// Two commands giving one issuer to two partners at the same moment could
/// both pass the command's check: the database refuses the second (a
/// unique index on the issuer), which is then reported as the check does.
#[tokio::test]
async fn the_database_keeps_one_issuer_to_one_partner() {
    let database = common::fresh_database().await;
    let secrets = Secrets::new();
    let added = add_contoso(&database.url, &secrets);
    assert!(added.success, "{}", added.stderr);
    let pool = sqlx::AnyPool::connect(&database.url).await.unwrap();
    let settings: String = sqlx::query_scalar("SELECT settings FROM partners WHERE id = 'contoso'")
        .fetch_one(&pool)
        .await
        .unwrap();
    // As a second command would write it after its check had passed.
    let error =
        sqlx::query("INSERT INTO partners (id, name, settings) VALUES ('fabrikam', 'F', $1)")
            .bind(&settings)
            .execute(&pool)
            .await
            .unwrap_err();
    assert!(
        error
            .as_database_error()
            .is_some_and(|error| error.is_unique_violation()),
        "{error}"
    );
    // Partners without an issuer (the default one) are not held to it.
    sqlx::query("INSERT INTO partners (id, name) VALUES ('plain', 'P')")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}

/// `support-backend ARGS` on the database at `url`.
fn operator(url: &str, args: &[&str]) -> Run {
    let output = common::command(url, args);
    Run {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

async fn pool(url: &str) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::AnyPool::connect(url).await.unwrap()
}

/// Records that `address` bounced for `partner`'s mail.
async fn bounce(db: &sqlx::AnyPool, partner: &str, address: &str) {
    sqlx::query(
        "INSERT INTO mail_bounces (partner_id, address, since, reason)
         VALUES ($1, $2, 1700000000000, '550 no such mailbox')",
    )
    .bind(partner)
    .bind(address)
    .execute(db)
    .await
    .unwrap();
}

/// Each partner's bounced addresses, by partner then address.
async fn bounced_rows(db: &sqlx::AnyPool) -> Vec<(String, String)> {
    sqlx::query_as("SELECT partner_id, address FROM mail_bounces ORDER BY partner_id, address")
        .fetch_all(db)
        .await
        .unwrap()
}

/// Every customer, by partner then id.
async fn customer_rows(db: &sqlx::AnyPool) -> Vec<(String, String, String)> {
    sqlx::query_as("SELECT partner_id, id, name FROM customers ORDER BY partner_id, id")
        .fetch_all(db)
        .await
        .unwrap()
}

#[tokio::test]
async fn import_export_and_bounced_work_on_the_partner_they_name() {
    let database = common::fresh_database().await;
    let url = &database.url;
    assert!(operator(url, &["seed-demo"]).success);
    assert!(add_contoso(url, &Secrets::new()).success);
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("customers.csv");
    // The same id as a default customer's, with another name.
    std::fs::write(
        &file,
        "id,name,domain\nbeijing-cloud,Contoso's Beijing Cloud,bj.contoso.cn\n\
         woodgrove,Woodgrove Bank,woodgrove.cn\n",
    )
    .unwrap();

    let db = pool(url).await;
    let default_before: Vec<_> = customer_rows(&db)
        .await
        .into_iter()
        .filter(|(partner, ..)| partner == "default")
        .collect();
    let run = operator(
        url,
        &["import", "customers", text(&file), "--partner", "contoso"],
    );
    assert!(run.success, "{run:?}");
    assert_eq!(run.stdout, "customers: 2 new, 0 changed, 0 unchanged\n");
    let rows = customer_rows(&db).await;
    let contoso: Vec<_> = rows.iter().filter(|(p, ..)| p == "contoso").collect();
    assert_eq!(
        contoso,
        [
            &(
                "contoso".to_owned(),
                "beijing-cloud".to_owned(),
                "Contoso's Beijing Cloud".to_owned()
            ),
            &(
                "contoso".to_owned(),
                "woodgrove".to_owned(),
                "Woodgrove Bank".to_owned()
            ),
        ]
    );
    let default_after: Vec<_> = rows.into_iter().filter(|(p, ..)| p == "default").collect();
    assert_eq!(default_after, default_before);

    let run = operator(url, &["export", "customers", "--partner", "contoso"]);
    assert!(run.success, "{run:?}");
    assert_eq!(
        run.stdout,
        "{\"id\":\"beijing-cloud\",\"name\":\"Contoso's Beijing Cloud\",\"domain\":\"bj.contoso.cn\"}\n\
         {\"id\":\"woodgrove\",\"name\":\"Woodgrove Bank\",\"domain\":\"woodgrove.cn\"}\n"
    );
    // Without --partner, the default partner's, as before partners.
    let run = operator(url, &["export", "customers"]);
    assert!(run.success, "{run:?}");
    assert_eq!(run.stdout.lines().count(), default_before.len());
    assert!(!run.stdout.contains("Contoso's"), "{run:?}");
    assert!(!run.stdout.contains("woodgrove"), "{run:?}");
    let run = operator(url, &["export", "customers", "--partner", "default"]);
    assert_eq!(run.stdout.lines().count(), default_before.len(), "{run:?}");

    bounce(&db, "default", "gone@beijing-cloud.cn").await;
    bounce(&db, "contoso", "gone@beijing-cloud.cn").await;
    bounce(&db, "contoso", "left@woodgrove.cn").await;
    let run = operator(url, &["bounced", "--partner", "contoso"]);
    assert!(run.success, "{run:?}");
    let listed: Vec<_> = run.stdout.lines().collect();
    assert_eq!(listed.len(), 2, "{run:?}");
    assert!(
        listed[0].starts_with("gone@beijing-cloud.cn since "),
        "{run:?}"
    );
    assert!(listed[1].starts_with("left@woodgrove.cn since "), "{run:?}");
    let run = operator(url, &["bounced"]);
    assert_eq!(run.stdout.lines().count(), 1, "{run:?}");
    // Cleared for contoso's mail only, the flag before or after `clear`.
    let run = operator(
        url,
        &[
            "bounced",
            "clear",
            "gone@beijing-cloud.cn",
            "--partner",
            "contoso",
        ],
    );
    assert!(run.success, "{run:?}");
    let run = operator(
        url,
        &[
            "bounced",
            "--partner",
            "contoso",
            "clear",
            "left@woodgrove.cn",
        ],
    );
    assert!(run.success, "{run:?}");
    assert_eq!(
        bounced_rows(&db).await,
        [("default".to_owned(), "gone@beijing-cloud.cn".to_owned())]
    );
    let run = operator(url, &["bounced", "--partner", "contoso"]);
    assert_eq!(run.stdout, "no address bounced\n", "{run:?}");
    db.close().await;
}

#[tokio::test]
async fn an_unknown_or_disabled_partner_or_a_shared_kind_is_refused_by_name() {
    let database = common::fresh_database().await;
    let url = &database.url;
    assert!(operator(url, &["seed-demo"]).success);
    assert!(add_contoso(url, &Secrets::new()).success);
    let db = pool(url).await;
    bounce(&db, "contoso", "gone@contoso.cn").await;
    assert!(partners(url, &["disable", "contoso"]).success);
    let since = partner(url, "contoso")["disabled_at"]
        .as_str()
        .unwrap()
        .to_owned();
    let folder = tempfile::tempdir().unwrap();
    let customers = folder.path().join("customers.csv");
    std::fs::write(
        &customers,
        "id,name,domain\nwoodgrove,Woodgrove Bank,woodgrove.cn\n",
    )
    .unwrap();
    let services = folder.path().join("services.jsonl");
    std::fs::write(
        &services,
        "{\"id\":\"new-service\",\"name\":\"New\",\"admin_center_url\":\"https://portal.azure.cn\"}\n",
    )
    .unwrap();
    let out = folder.path().join("out.jsonl");
    let customers_before = customer_rows(&db).await;
    let services_before = common_count(&db, "services").await;
    let bounced_before = bounced_rows(&db).await;

    let unknown =
        "no partner \"acme\" (`support-backend partners list` lists them); nothing was done";
    let disabled = format!("partner \"contoso\" is disabled since {since}; nothing was done");
    let shared = |kind: &str, verb: &str| {
        format!(
            "{kind} are shared by every partner, so --partner is for customers only; \
             leave it out to {verb} {kind}"
        )
    };
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["import", "customers", text(&customers), "--partner", "acme"],
            unknown.to_owned(),
        ),
        (
            vec![
                "import",
                "customers",
                text(&customers),
                "--partner",
                "contoso",
            ],
            disabled.clone(),
        ),
        (
            vec!["export", "customers", text(&out), "--partner", "acme"],
            unknown.to_owned(),
        ),
        (
            vec!["export", "customers", text(&out), "--partner", "contoso"],
            disabled.clone(),
        ),
        (vec!["bounced", "--partner", "acme"], unknown.to_owned()),
        (vec!["bounced", "--partner", "contoso"], disabled.clone()),
        (
            vec![
                "bounced",
                "clear",
                "gone@contoso.cn",
                "--partner",
                "contoso",
            ],
            disabled.clone(),
        ),
        (
            vec![
                "import",
                "services",
                text(&services),
                "--partner",
                "default",
            ],
            shared("services", "import"),
        ),
        (
            vec!["export", "articles", text(&out), "--partner", "contoso"],
            shared("articles", "export"),
        ),
        (
            vec!["export", "health", text(&out), "--partner", "default"],
            shared("health", "export"),
        ),
    ];
    for (args, said) in cases {
        let run = operator(url, &args);
        assert!(!run.success, "{args:?}: {run:?}");
        assert_eq!(run.stdout, "", "{args:?}: {run:?}");
        assert_eq!(
            run.stderr.trim(),
            format!("support-backend: {said}"),
            "{args:?}"
        );
        assert!(!out.exists(), "{args:?}");
    }
    assert_eq!(customer_rows(&db).await, customers_before);
    assert_eq!(common_count(&db, "services").await, services_before);
    assert_eq!(bounced_rows(&db).await, bounced_before);
    db.close().await;
}

async fn common_count(db: &sqlx::AnyPool, table: &str) -> i64 {
    let (count,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(db)
        .await
        .unwrap();
    count
}

/// A partner's customers are never a new SQLite file's: `import
/// --partner` opens only a database that exists.
#[tokio::test]
async fn import_for_a_partner_makes_no_database() {
    if common::postgres_server().is_some() {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("support.db");
    let url = format!("sqlite://{}", text(&file));
    let customers = folder.path().join("customers.csv");
    std::fs::write(
        &customers,
        "id,name,domain\nwoodgrove,Woodgrove Bank,woodgrove.cn\n",
    )
    .unwrap();
    let run = operator(
        &url,
        &[
            "import",
            "customers",
            text(&customers),
            "--partner",
            "contoso",
        ],
    );
    assert!(!run.success, "{run:?}");
    assert!(run.stderr.contains("no database at"), "{run:?}");
    assert!(!file.exists());
}
