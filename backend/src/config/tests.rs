use super::*;

#[test]
fn defaults() {
    let config = Config::try_parse_from(["support-backend"]).unwrap();
    assert_eq!(config.listen, "127.0.0.1:8787");
    assert_eq!(config.database_url, "sqlite://support-widget.db");
    assert!(config.allowed_origins().is_empty());
    assert_eq!(config.rate_limit_per_minute, 120);
    assert_eq!(config.orphan_upload_hours, 24);
    assert_eq!(config.attachments_dir(), PathBuf::from("attachments"));
}

#[test]
fn uploads_go_beside_a_sqlite_database_unless_told_otherwise() {
    let parse = |args: &[&str]| {
        let mut all = vec!["support-backend"];
        all.extend_from_slice(args);
        Config::try_parse_from(all).unwrap().attachments_dir()
    };
    assert_eq!(
        parse(&["--database-url", "sqlite://target/demo/support-widget.db"]),
        PathBuf::from("target/demo/attachments")
    );
    assert_eq!(
        parse(&["--database-url", "sqlite:///srv/support/db.sqlite?mode=rwc"]),
        PathBuf::from("/srv/support/attachments")
    );
    assert_eq!(
        parse(&["--database-url", "postgres://u@db.internal/support"]),
        PathBuf::from("attachments")
    );
    assert_eq!(
        parse(&["--database-url", "sqlite::memory:"]),
        PathBuf::from("attachments")
    );
    assert_eq!(
        parse(&[
            "--database-url",
            "sqlite://x.db",
            "--attachments-dir",
            "/var/lib/support/files"
        ]),
        PathBuf::from("/var/lib/support/files")
    );
}

#[test]
fn the_orphan_time_is_whole_hours_from_one() {
    let parse = |hours: &str| {
        Config::try_parse_from(["support-backend", "--orphan-upload-hours", hours])
            .map(|config| config.orphan_upload_hours)
    };
    assert_eq!(parse("1").unwrap(), 1);
    assert_eq!(parse("48").unwrap(), 48);
    for bad in ["0", "-1", "1.5", "a day"] {
        assert!(parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_rate_limit_can_be_changed_or_turned_off() {
    let config =
        Config::try_parse_from(["support-backend", "--rate-limit-per-minute", "0"]).unwrap();
    assert_eq!(config.rate_limit_per_minute, 0);
    for bad in ["-1", "many", ""] {
        assert!(
            Config::try_parse_from(["support-backend", "--rate-limit-per-minute", bad]).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn origins_repeat_and_split_on_commas() {
    let config = Config::try_parse_from([
        "support-backend",
        "--allowed-origin",
        "https://a.example.com",
        "--allowed-origin",
        "http://localhost:8080,https://b.example.com",
    ])
    .unwrap();
    let origins = config.allowed_origins();
    let origins: Vec<_> = origins.iter().map(|o| o.to_str().unwrap()).collect();
    assert_eq!(
        origins,
        [
            "https://a.example.com",
            "http://localhost:8080",
            "https://b.example.com"
        ]
    );
}

#[test]
fn origins_that_browsers_never_send_are_refused() {
    for bad in [
        "*",
        "https://*.example.com",
        "portal.example.com",
        "https://a.example.com/api",
        "https://a.example.com?x=1",
        "https://user@a.example.com",
        "ftp://a.example.com",
        "https://",
    ] {
        assert!(parse_origin(bad).is_err(), "{bad}");
    }
    // What is wrong, said as such.
    let said = |value| parse_origin(value).unwrap_err();
    assert!(
        said("*").contains("a wildcard allows no origin"),
        "{}",
        said("*")
    );
    assert!(said("https://*.example.com").contains("list each portal's origin"));
    assert!(said("portal.example.com").contains("as https://portal.example.com"));
    // The suggestion is an origin, which the next check takes.
    assert!(said("portal.example.com/support").ends_with("as https://portal.example.com"));
}

#[test]
fn origins_are_written_as_browsers_send_them() {
    let written = |value: &str| {
        parse_origin(value)
            .unwrap()
            .0
            .map(|origin| origin.to_str().unwrap().to_owned())
    };
    for (value, origin) in [
        (
            "https://Portal.Example.com:443",
            "https://portal.example.com",
        ),
        ("HTTP://localhost:80/", "http://localhost"),
        ("http://localhost:8080", "http://localhost:8080"),
        ("http://[::1]:8080", "http://[::1]:8080"),
    ] {
        assert_eq!(written(value).as_deref(), Some(origin), "{value}");
    }
}

#[test]
fn empty_items_of_the_list_are_skipped() {
    for list in [
        "",
        ",",
        "https://a.example.com,",
        " , https://a.example.com",
    ] {
        let config = Config::try_parse_from(["support-backend", "--allowed-origin", list]).unwrap();
        let expected = usize::from(list.contains("https"));
        assert_eq!(config.allowed_origins().len(), expected, "{list:?}");
    }
}

#[test]
fn the_page_headers_allowed_are_names_only() {
    let parse = |list: &str| {
        Config::try_parse_from(["support-backend", "--allowed-header", list])
            .map(|config| config.allowed_headers())
    };
    assert_eq!(
        parse("X-Portal-Tenant, ,x-request-source").unwrap(),
        ["x-portal-tenant", "x-request-source"]
    );
    assert!(parse("").unwrap().is_empty());
    for refused in ["X-Tenant: contoso", "*", "X Tenant"] {
        let error = parse(refused).unwrap_err().to_string();
        assert!(
            error.contains("must be a header's name"),
            "{refused}: {error}"
        );
    }
}

#[test]
fn uploads_go_to_the_store_a_url_names_or_to_the_folder() {
    let parse = |args: &[&str]| {
        let mut all = vec!["support-backend"];
        all.extend_from_slice(args);
        Config::try_parse_from(all).map(|config| config.attachments())
    };
    assert_eq!(
        parse(&["--attachments-url", "azure://support/prod"]).unwrap(),
        "azure://support/prod".parse().unwrap()
    );
    assert_eq!(
        parse(&["--attachments-dir", "files"]).unwrap(),
        crate::attachments::files::Location::Folder("files".into())
    );
    assert!(parse(&["--attachments-url", "s3://a", "--attachments-dir", "b"]).is_err());
    assert!(parse(&["--attachments-url", "ftp://files.example.com/"]).is_err());
}

// lettre's connection pool lives on the Tokio runtime.
#[tokio::test]
async fn mail_needs_an_smtp_url_lettre_reads_and_a_sender() {
    let mailer = |args: &[&str]| {
        let mut all = vec!["support-backend"];
        all.extend_from_slice(args);
        Config::try_parse_from(all).unwrap().mailer()
    };
    assert!(mailer(&[]).unwrap().is_none());
    assert!(Config::try_parse_from(["support-backend"])
        .unwrap()
        .mail_outbox()
        .is_none());
    let from = ["--mail-from", "Support <support@partner.example>"];
    let url = ["--smtp-url", "smtps://user:secret@smtp.partner.example:465"];
    let made = mailer(&[url[0], url[1], from[0], from[1]]).unwrap();
    assert!(made.is_some());
    assert!(!format!("{made:?}").contains("secret"), "{made:?}");
    assert!(matches!(
        mailer(&[url[0], url[1]]),
        Err(crate::mail::MailConfigError::NoFrom)
    ));
    assert!(matches!(
        mailer(&[
            "--smtp-url",
            "http://smtp.partner.example",
            from[0],
            from[1]
        ]),
        Err(crate::mail::MailConfigError::Url(_))
    ));
    // A value that cannot serve is refused as the flags are read, naming
    // the flag and what it must be.
    let refused = |args: &[&str]| {
        let mut all = vec!["support-backend"];
        all.extend_from_slice(args);
        Config::try_parse_from(all).unwrap_err().to_string()
    };
    for (args, said) in [
        (["--mail-from", "not a mailbox"], "is not a mailbox such as"),
        (
            ["--portal-url", "https://portal.example/support"],
            "has neither {id} nor {reference} where the request goes",
        ),
        (
            ["--portal-url-partner", "https://partner.example/requests"],
            "has neither {id} nor {reference} where the request goes",
        ),
        (
            ["--portal-url-customer", "https://portal.example/r/{ref}"],
            "has {ref}, which is neither {id} nor {reference}",
        ),
        (
            [
                "--portal-url-partner",
                "https://partner.example/{id}/{REFERENCE}",
            ],
            "has {REFERENCE}, which is neither {id} nor {reference}",
        ),
        (
            ["--portal-url-customer", "https://portal.example/{id}}"],
            "has }, which is neither {id} nor {reference}",
        ),
        (
            ["--portal-url", "portal.example/support/{reference}"],
            "is not an http(s) URL",
        ),
        (
            ["--public-url", "https://portal.example/api?x=1"],
            "is not an http(s) URL without a query or fragment",
        ),
        (
            ["--partner-support-email", "support@"],
            "is not an e-mail address",
        ),
        (
            ["--webhook-url", "ftp://hooks.example"],
            "is not an http(s) URL",
        ),
    ] {
        let error = refused(&args);
        assert!(error.contains(args[0]) && error.contains(said), "{error}");
    }
    // An empty value is a setting left out, as an empty variable is.
    assert!(mailer(&["--portal-url", " ", "--public-url", ""])
        .unwrap()
        .is_none());
    let outbox = Config::try_parse_from([
        "support-backend",
        url[0],
        url[1],
        "--partner-support-email",
        " support@partner.example ",
    ])
    .unwrap()
    .mail_outbox();
    assert_eq!(
        outbox.and_then(|mail| mail.partner_support).as_deref(),
        Some("support@partner.example")
    );
    // Each reader's portal page, else --portal-url for both.
    let pages = |args: &[&str]| {
        let mut all = vec!["support-backend", url[0], url[1]];
        all.extend_from_slice(args);
        let outbox = Config::try_parse_from(all).unwrap().mail_outbox().unwrap();
        (outbox.partner_portal_url, outbox.customer_portal_url)
    };
    let both = "https://portal.example/support/{reference}";
    let partners = "https://partner.example/requests/{id}";
    let customers = "https://portal.example/my/{id}?ref={reference}";
    assert_eq!(
        pages(&["--portal-url", both]),
        (Some(both.into()), Some(both.into()))
    );
    assert_eq!(
        pages(&["--portal-url", both, "--portal-url-partner", partners]),
        (Some(partners.into()), Some(both.into()))
    );
    assert_eq!(
        pages(&["--portal-url", both, "--portal-url-customer", customers]),
        (Some(both.into()), Some(customers.into()))
    );
    assert_eq!(
        pages(&["--portal-url-partner", partners]),
        (Some(partners.into()), None)
    );
    assert_eq!(pages(&[]), (None, None));
    // The public address is kept without its trailing slash.
    let outbox = Config::try_parse_from([
        "support-backend",
        url[0],
        url[1],
        "--public-url",
        " https://portal.example/api/support/ ",
    ])
    .unwrap()
    .mail_outbox();
    assert_eq!(
        outbox.and_then(|mail| mail.public_url).as_deref(),
        Some("https://portal.example/api/support")
    );
}
