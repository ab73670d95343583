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
        "--allowed-header",
        "SUPPORT_BACKEND_ALLOWED_HEADERS",
        "--rate-limit-per-minute",
        "SUPPORT_BACKEND_RATE_LIMIT_PER_MINUTE",
        "[default: 120]",
        "--jwt-secret-file",
        "SUPPORT_BACKEND_JWT_SECRET_FILE",
        "--jwks-url",
        "--jwt-issuer",
        "--jwt-audience",
        "--no-auth",
        "--anonymous-customers",
        "--shutdown-grace-secs",
        "SUPPORT_BACKEND_SHUTDOWN_GRACE_SECS",
        "[default: 30]",
        "--log-format",
        "SUPPORT_BACKEND_LOG_FORMAT",
        "--trusted-proxy",
        "SUPPORT_BACKEND_TRUSTED_PROXIES",
        "--metrics-listen",
        "SUPPORT_BACKEND_METRICS_LISTEN",
    ] {
        assert!(help.contains(needle), "--help lacks {needle}:\n{help}");
    }
}

/// A command that never creates a database does not say that it does.
#[test]
fn database_url_help_says_which_commands_create_a_database() {
    let help = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_support-backend"))
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    for args in [
        &["--help"][..],
        &["import", "--help"],
        &["seed-demo", "--help"],
    ] {
        assert!(help(args).contains("created if missing"), "{args:?}");
    }
    for args in [
        &["set-status", "--help"][..],
        &["export", "--help"],
        &["help", "export"],
        &["health", "resolve", "--help"],
        &["help", "health", "set"],
        &["deliveries", "retry", "--help"],
    ] {
        let said = help(args);
        assert!(!said.contains("created if missing"), "{args:?}: {said}");
        assert!(said.contains("never creates one"), "{args:?}: {said}");
    }
}

/// The binary prints its one line, serves, and exits cleanly on SIGTERM.
#[cfg(unix)]
#[tokio::test]
async fn the_binary_announces_itself_and_stops_on_sigterm() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let database = common::fresh_database().await;
    let secret = common::secret_file(&database);
    let mut child = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(["--listen", "127.0.0.1:0", "--database-url", &database.url])
        .arg("--jwt-secret-file")
        .arg(&secret)
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

    let lookup = || {
        reqwest::Client::new()
            .get(format!("{base}/support-requests/{}", common::key()))
            .header("Origin", "https://b.example.com")
    };
    let response = lookup().send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer error="invalid_token""#
    );
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://b.example.com"
    );
    let token = common::token(&common::partner());
    let response = lookup().bearer_auth(token).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}

/// Run without any way to verify tokens, the backend does not start, and
/// says how to give it one; `--no-auth` starts it open, with a warning.
#[tokio::test]
async fn the_binary_refuses_to_start_open_unless_told_so() {
    use std::process::{Command, Stdio};

    let database = common::fresh_database().await;
    let output = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(["--listen", "127.0.0.1:0", "--database-url", &database.url])
        .env_remove("SUPPORT_BACKEND_JWT_SECRET_FILE")
        .env_remove("SUPPORT_BACKEND_JWKS_URL")
        .env_remove("SUPPORT_BACKEND_NO_AUTH")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    for needle in ["--jwt-secret-file", "--jwks-url", "--no-auth"] {
        assert!(said.contains(needle), "{needle} not in {said:?}");
    }

    let mut child = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args([
            "--listen",
            "127.0.0.1:0",
            "--database-url",
            &database.url,
            "--no-auth",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut line).unwrap();
    assert!(
        line.starts_with("support-backend listening on "),
        "{line:?}"
    );
    child.kill().unwrap();
    let output = child.wait_with_output().unwrap();
    let logged = String::from_utf8_lossy(&output.stderr);
    assert!(
        logged.contains("WARN") && logged.contains("--no-auth"),
        "{logged:?}"
    );
}

/// A run that logs a warning (`--no-auth`) and then ends, as it cannot
/// listen: the arguments after the binary's name.
fn warning_then_exit(dir: &std::path::Path) -> Vec<String> {
    let database = format!("sqlite://{}", dir.join("support.db").display());
    [
        "--no-auth",
        "--listen",
        "not-an-address",
        "--database-url",
        &database,
    ]
    .map(str::to_owned)
    .to_vec()
}

/// With `--log-format json`, why the server could not start is one JSON
/// line of the log, as everything else it logs: a collector reads it.
#[test]
fn a_failed_start_is_logged_as_json_in_the_json_log() {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(warning_then_exit(dir.path()))
        .args(["--log-format", "json"])
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let logged = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<serde_json::Value> = logged
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line:?}")))
        .collect();
    let failure = lines
        .iter()
        .find(|line| line["level"] == "ERROR")
        .unwrap_or_else(|| panic!("no error logged: {logged}"));
    let said = failure["fields"]["message"].as_str().unwrap();
    assert!(said.contains("not-an-address"), "{said}");
}

/// A switch set through its variable takes the words operators use for
/// yes and no, as container settings often write them: `1` turns
/// `--no-auth` on (its warning is logged), `0` leaves it off.
#[test]
fn switches_take_yes_and_no_in_their_variables() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("support.db").display());
    let run = |value: &str| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_support-backend"))
            .args(["--listen", "not-an-address", "--database-url", &database])
            .env("SUPPORT_BACKEND_NO_AUTH", value)
            .env_remove("SUPPORT_BACKEND_JWT_SECRET_FILE")
            .env_remove("SUPPORT_BACKEND_JWKS_URL")
            .env_remove("RUST_LOG")
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    for yes in ["1", "true", "TRUE", "yes", "on"] {
        let said = run(yes);
        assert!(said.contains("--no-auth: anyone"), "{yes}: {said}");
    }
    for no in ["0", "false", "no", "off"] {
        let said = run(no);
        assert!(
            said.contains("no way to verify who is asking"),
            "{no}: {said}"
        );
    }
    // Off, beside the keys a signed-in backend has, as in production.
    let secret = dir.path().join("jwt-secret");
    std::fs::write(&secret, "a-secret-of-at-least-thirty-two-bytes!!\n").unwrap();
    let with_keys = |no_auth: Option<&str>| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_support-backend"));
        command
            .args(["--listen", "not-an-address", "--database-url", &database])
            .arg("--jwt-secret-file")
            .arg(&secret)
            .env_remove("RUST_LOG");
        match no_auth {
            Some(value) => command.env("SUPPORT_BACKEND_NO_AUTH", value),
            None => command
                .arg("--no-auth")
                .env_remove("SUPPORT_BACKEND_NO_AUTH"),
        };
        String::from_utf8_lossy(&command.output().unwrap().stderr).into_owned()
    };
    let said = with_keys(Some("0"));
    assert!(said.contains("cannot listen on not-an-address"), "{said}");
    // On, beside them: refused, as the two cannot both hold.
    let said = with_keys(None);
    assert!(said.contains("--no-auth serves without tokens"), "{said}");
}

/// A log kept in a file or read by a collector gets plain text.
#[test]
fn the_log_to_a_pipe_has_no_colour_codes() {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(warning_then_exit(dir.path()))
        .env_remove("NO_COLOR")
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let logged = String::from_utf8_lossy(&output.stderr);
    assert!(
        logged.contains("WARN") && logged.contains("--no-auth"),
        "{logged:?}"
    );
    assert!(!logged.contains('\u{1b}'), "{logged:?}");
}

/// On a terminal the log is coloured, unless `NO_COLOR` is set to anything
/// but the empty string. `script` (util-linux) gives the binary a
/// pseudo-terminal.
#[cfg(target_os = "linux")]
#[test]
fn the_log_to_a_terminal_is_coloured_unless_no_color_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let command_line: Vec<String> =
        std::iter::once(env!("CARGO_BIN_EXE_support-backend").to_owned())
            .chain(warning_then_exit(dir.path()))
            .map(|arg| format!("'{arg}'"))
            .collect();
    for (no_color, coloured) in [(None, true), (Some(""), true), (Some("1"), false)] {
        let mut script = std::process::Command::new("script");
        script
            .args([
                "--quiet",
                "--return",
                "--command",
                &command_line.join(" "),
                "/dev/null",
            ])
            .env_remove("RUST_LOG");
        match no_color {
            Some(value) => script.env("NO_COLOR", value),
            None => script.env_remove("NO_COLOR"),
        };
        let output = script.output().unwrap();
        let logged = String::from_utf8_lossy(&output.stdout);
        assert!(logged.contains("--no-auth"), "{no_color:?}: {logged:?}");
        assert_eq!(
            logged.contains('\u{1b}'),
            coloured,
            "NO_COLOR={no_color:?}: {logged:?}"
        );
    }
}

/// What the binary creates is its user's only, whatever the mask it was
/// started with: the database, each uploaded file, and an attachments
/// folder made again after someone moved it away.
#[cfg(unix)]
#[tokio::test]
async fn the_binary_keeps_what_it_creates_to_its_user() {
    use std::os::unix::fs::PermissionsExt;
    use std::process::{Command, Stdio};

    // The mask a shell usually starts programs with: others may read.
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o022));
    let dir = tempfile::tempdir().unwrap();
    let attachments = dir.path().join("attachments");
    let database = format!("sqlite://{}", dir.path().join("support.db").display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(["--listen", "127.0.0.1:0", "--database-url", &database])
        .arg("--attachments-dir")
        .arg(&attachments)
        .arg("--no-auth")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = common::process::announced(&mut child);
    let upload = || async {
        let response = reqwest::Client::new()
            .post(format!("{base}/attachments?name=app.log"))
            .header("content-type", "text/plain")
            .body("started\n")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: serde_json::Value = response.json().await.unwrap();
        body["id"].as_str().unwrap().to_owned()
    };
    let mode = |path: &std::path::Path| {
        format!(
            "{:o}",
            std::fs::metadata(path).unwrap().permissions().mode() & 0o777
        )
    };

    let first = upload().await;
    assert_eq!(mode(&dir.path().join("support.db")), "600");
    assert_eq!(mode(&attachments), "700");
    assert_eq!(mode(&attachments.join(&first)), "600");
    std::fs::rename(&attachments, dir.path().join("moved-away")).unwrap();
    let second = upload().await;
    assert_eq!(mode(&attachments), "700", "the folder made again");
    assert_eq!(mode(&attachments.join(&second)), "600");

    child.kill().unwrap();
    child.wait().unwrap();
}
/// A failed start says why on stderr whatever RUST_LOG lets through, in
/// the log's format, and exits non-zero.
#[test]
fn a_failed_start_says_why_whatever_rust_log_says() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["json", "text"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_support-backend"))
            .args(warning_then_exit(dir.path()))
            .args(["--log-format", format])
            .env("RUST_LOG", "off")
            .output()
            .unwrap();
        assert!(!output.status.success());
        let logged = String::from_utf8_lossy(&output.stderr);
        let said = match format {
            "json" => {
                let line: serde_json::Value = serde_json::from_str(logged.trim())
                    .unwrap_or_else(|_| panic!("not one JSON line: {logged:?}"));
                assert_eq!(line["level"], "ERROR", "{line}");
                line["fields"]["message"].as_str().unwrap().to_owned()
            }
            _ => logged.into_owned(),
        };
        assert!(said.contains("not-an-address"), "{format}: {said:?}");
    }
}

/// What the backend must write and another user owns (a database made by
/// `seed-demo` run as root, its -wal file, the attachments folder) stops
/// the start at once, naming the file, its owner and the fix. Run as a
/// user of its own (`useradd`, `runuser`): root may write anything.
#[cfg(unix)]
#[test]
fn files_another_user_owns_are_named_at_start() {
    use std::os::unix::fs::PermissionsExt;
    use std::process::Command;
    const USER: &str = "support-test";

    if !rustix::process::geteuid().is_root() {
        eprintln!("skipped: run as root to create the user {USER} it needs");
        return;
    }
    if Command::new("id").arg(USER).output().unwrap().status.code() != Some(0) {
        let made = Command::new("useradd")
            .args([
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                USER,
            ])
            .status()
            .unwrap();
        assert!(made.success(), "useradd {USER}");
    }
    let home = tempfile::tempdir().unwrap();
    std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    // A copy the user can run wherever the build is: a checkout under a
    // folder only root may enter (mktemp -d) keeps the user from the build's.
    let backend = home.path().join("support-backend");
    std::fs::copy(env!("CARGO_BIN_EXE_support-backend"), &backend).unwrap();
    std::fs::set_permissions(&backend, std::fs::Permissions::from_mode(0o755)).unwrap();
    let chown = |path: &std::path::Path| {
        assert!(Command::new("chown")
            .args([USER, &path.display().to_string()])
            .status()
            .unwrap()
            .success());
    };
    let started = |dir: &std::path::Path| {
        let database = format!("sqlite://{}", dir.join("support.db").display());
        let output = Command::new("runuser")
            .args(["-u", USER, "--"])
            .arg(&backend)
            .args([
                "--no-auth",
                "--listen",
                "127.0.0.1:0",
                "--database-url",
                &database,
            ])
            .arg("--attachments-dir")
            .arg(dir.join("attachments"))
            .env_remove("RUST_LOG")
            .output()
            .unwrap();
        assert!(!output.status.success(), "started");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let case = |name: &str| {
        let dir = home.path().join(name);
        std::fs::create_dir(&dir).unwrap();
        chown(&dir);
        dir
    };

    // The database, made by root.
    let dir = case("database");
    let file = dir.join("support.db");
    std::fs::write(&file, b"").unwrap();
    let said = started(&dir);
    let expected = format!("{} belongs to root", file.display());
    assert!(said.contains(&expected), "{said}");
    assert!(
        said.contains(&format!("chown {USER} {}", file.display())),
        "{said}"
    );

    // Its -wal file, left by root.
    let dir = case("wal");
    let file = dir.join("support.db");
    std::fs::write(&file, b"").unwrap();
    chown(&file);
    let wal = dir.join("support.db-wal");
    std::fs::write(&wal, b"").unwrap();
    let said = started(&dir);
    assert!(
        said.contains(&format!("{} belongs to root", wal.display())),
        "{said}"
    );

    // The attachments folder, made by root.
    let dir = case("attachments");
    let attachments = dir.join("attachments");
    std::fs::create_dir(&attachments).unwrap();
    std::fs::set_permissions(&attachments, std::fs::Permissions::from_mode(0o700)).unwrap();
    let said = started(&dir);
    assert!(said.contains("attachments folder"), "{said}");
    assert!(
        said.contains(&format!("chown {USER} {}", attachments.display())),
        "{said}"
    );
    assert!(!said.contains("container or bucket"), "{said}");
}

/// Mail settings that need `--smtp-url` stop the start without it, naming
/// it, rather than being ignored; with it, one line says that mail is on,
/// with the server and no credentials.
#[test]
fn mail_settings_say_what_they_do() {
    let dir = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_support-backend"))
            .args(warning_then_exit(dir.path()))
            .args(extra)
            .env_remove("RUST_LOG")
            .output()
            .unwrap();
        assert!(!output.status.success());
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    for flag in [
        ["--partner-support-email", "support@partner.example"],
        ["--portal-url", "https://portal.example/support/{reference}"],
        [
            "--portal-url-partner",
            "https://partner.example/requests/{id}",
        ],
        [
            "--portal-url-customer",
            "https://portal.example/support/{id}",
        ],
        ["--mail-from", "Support <support@partner.example>"],
        ["--public-url", "https://portal.example/api/support"],
    ] {
        let said = run(&flag);
        assert!(
            said.contains(&format!("{} is set", flag[0])) && said.contains("--smtp-url"),
            "{flag:?}: {said}"
        );
        assert!(
            !said.contains("cannot listen"),
            "started with {flag:?}: {said}"
        );
    }
    let with_smtp = [
        "--smtp-url",
        "smtp://mailer:s3cret-word@127.0.0.1:2525",
        "--mail-from",
        "Support <support@partner.example>",
    ];
    let said = run(&with_smtp);
    assert!(
        said.contains("mail on") && said.contains("127.0.0.1:2525"),
        "{said}"
    );
    assert!(
        !said.contains("s3cret") && !said.contains("mailer:"),
        "{said}"
    );
    // A public help page's visitors are mailed only through a link that
    // confirms their address, which needs the backend's public address.
    let said = run(&[&with_smtp[..], &["--anonymous-customers"]].concat());
    assert!(said.contains("needs --public-url"), "{said}");
}

/// A value the command line refuses (a bad one, or none) is, with the JSON
/// log chosen by flag or by variable, one JSON line that names the flag,
/// whatever RUST_LOG lets through, and the exit is clap's usage error. The
/// text log keeps clap's own message, and help is still help.
#[test]
fn a_refused_flag_is_logged_as_json_in_the_json_log() {
    let run = |args: &[&str], variables: &[(&str, &str)]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_support-backend"))
            .args(args)
            .env_remove("SUPPORT_BACKEND_LOG_FORMAT")
            .env_remove("SUPPORT_BACKEND_PORTAL_URL")
            .env("RUST_LOG", "off")
            .envs(variables.iter().copied())
            .output()
            .unwrap();
        let logged = String::from_utf8_lossy(&output.stderr).into_owned();
        (output, logged)
    };
    let json = [("SUPPORT_BACKEND_LOG_FORMAT", "json")];
    let bad_url = [("SUPPORT_BACKEND_PORTAL_URL", "not-a-url")];
    for (args, variables, flag) in [
        (
            &["--log-format", "json", "--portal-url", "not-a-url"][..],
            &[][..],
            "--portal-url",
        ),
        (
            &["--portal-url", "not-a-url", "--log-format=json"],
            &[],
            "--portal-url",
        ),
        (&["--portal-url", "not-a-url"], &json, "--portal-url"),
        (&[], &[json[0], bad_url[0]], "--portal-url"),
        (&["--log-format", "json", "--listen"], &[], "--listen"),
    ] {
        let (output, logged) = run(args, variables);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?} {variables:?}: {logged}"
        );
        let line: serde_json::Value = serde_json::from_str(logged.trim_end_matches('\n'))
            .unwrap_or_else(|_| panic!("{args:?} {variables:?}: not one JSON line: {logged:?}"));
        assert_eq!(line["level"], "ERROR", "{line}");
        let said = line["fields"]["message"].as_str().unwrap();
        assert!(said.contains(flag), "{args:?} {variables:?}: {said}");
    }
    let (output, logged) = run(&["--portal-url", "not-a-url"], &[]);
    assert_eq!(output.status.code(), Some(2), "{logged}");
    assert!(
        logged.starts_with("error: invalid value 'not-a-url' for '--portal-url"),
        "{logged}"
    );
    let (output, logged) = run(&["--log-format", "json", "--help"], &[]);
    assert!(output.status.success(), "{logged}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("--log-format"));
}
