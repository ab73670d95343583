use super::*;

#[test]
fn good_json_lines_are_read_with_their_line_numbers() {
    let text = "{\"id\":\"contoso\",\"name\":\"Contoso Ltd\",\"domain\":\"contoso.partner.onmschina.cn\"}\n\n\
                {\"id\":\"fabrikam\",\"name\":\"Fabrikam Inc\",\"domain\":\"fabrikam.partner.onmschina.cn\"}\n";
    let Items::Customers(items) = parse(Kind::Customers, Format::Jsonl, text).unwrap() else {
        panic!("customers")
    };
    assert_eq!(items.len(), 2);
    assert_eq!((items[0].line, items[1].line), (1, 3));
    assert_eq!(items[1].item.name, "Fabrikam Inc");
}

#[test]
fn every_bad_line_is_named_and_nothing_is_taken() {
    let text = [
        r#"{"id":"office365","name":"Office 365","admin_center_url":"https://portal.partner.microsoftonline.cn/"}"#,
        r#"{"id":"azure","name":"Azure","admin_center_url":"javascript:alert(1)"}"#,
        r#"{"id":"powerbi","name":"Power BI"}"#,
        r#"{"id":"office365","name":"Office 365 again","admin_center_url":"https://x.cn/"}"#,
        r#"not json"#,
        r#"{"id":"dyn 365","name":"  ","admin_center_url":"ftp://x.cn/","extra":1}"#,
    ]
    .join("\n");
    let errors = parse(Kind::Services, Format::Jsonl, &text).unwrap_err();
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 3, 4, 5, 6]);
    assert!(
        errors[0].message.contains("admin_center_url"),
        "{}",
        errors[0]
    );
    assert!(errors[0].message.contains("http(s)"), "{}", errors[0]);
    assert!(
        errors[1].message.contains("admin_center_url"),
        "{}",
        errors[1]
    );
    assert!(errors[2].message.contains("twice"), "{}", errors[2]);
    assert!(errors[4].message.contains("extra"), "{}", errors[4]);
    assert_eq!(
        errors[0].to_string(),
        format!("line 2: {}", errors[0].message)
    );
}

#[test]
fn csv_has_a_header_row_and_quoted_fields() {
    let text = "id,name,domain\n\
                contoso,\"Contoso, Ltd\",contoso.partner.onmschina.cn\n\
                nunez,Núñez y Asociados S.L.,nunez.partner.onmschina.cn\n";
    let Items::Customers(items) = parse(Kind::Customers, Format::Csv, text).unwrap() else {
        panic!("customers")
    };
    assert_eq!(items[0].item.name, "Contoso, Ltd");
    assert_eq!((items[0].line, items[1].line), (2, 3));
    let bad = "id,name,domain\ncontoso,,contoso.cn\nfabrikam,Fabrikam\n";
    let errors = parse(Kind::Customers, Format::Csv, bad).unwrap_err();
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 3], "{errors:?}");
    assert!(errors[0].message.contains("name is empty"), "{}", errors[0]);
}

/// A line's error names the file's line once: not also the parser's own
/// "line 1" of the one line it was given, nor the csv crate's record count.
#[test]
fn errors_name_the_files_line_and_no_other() {
    let text = "{\"id\":\"contoso\",\"name\":\"Contoso Ltd\",\"domain\":\"contoso.cn\"}\n\
                {\"id\":\"fabrikam\",\"name\":\"Fabrikam Inc\"}\n";
    let errors = parse(Kind::Customers, Format::Jsonl, text).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "line 2: not a customer (id, name, domain): missing field `domain` at column 39"
    );
    let text = "id,name,domain\ncontoso,Contoso Ltd,contoso.cn\nfabrikam,Fabrikam Inc\n";
    let errors = parse(Kind::Customers, Format::Csv, text).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "line 3: not CSV: 2 fields where the header row has 3"
    );
    let text = "id,name\ncontoso,Contoso Ltd\n";
    let errors = parse(Kind::Customers, Format::Csv, text).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "line 2: not a customer (id, name, domain): missing field `domain`"
    );
}

#[test]
fn health_items_need_known_words_and_utc_times() {
    let good = r#"{"id":"i1","service":"azure","kind":"incident","status":"investigating","locale":"en-US","title":"VMs fail to start","summary":"Starting VMs may fail.","started_at":"2026-11-22T01:40:00Z","updated_at":"2026-11-22T01:40:00.5Z"}"#;
    let Items::Health(items) = parse(Kind::Health, Format::Jsonl, good).unwrap() else {
        panic!("health")
    };
    assert_eq!(items[0].item.updated_at, "2026-11-22T01:40:00Z");
    let bad = good
        .replace("incident", "outage")
        .replace("investigating", "fixed")
        .replace("en-US", "fr-FR")
        .replace("2026-11-22T01:40:00Z", "yesterday");
    let errors = parse(Kind::Health, Format::Jsonl, &bad).unwrap_err();
    for needle in [
        "kind \"outage\"",
        "status \"fixed\"",
        "locale \"fr-FR\"",
        "started_at \"yesterday\"",
    ] {
        assert!(
            errors[0].message.contains(needle),
            "{needle}: {}",
            errors[0]
        );
    }
}

#[test]
fn article_links_must_be_https_and_a_text_per_locale_once() {
    let line = |locale: &str, url: &str| {
        format!(r#"{{"id":"a1","locale":"{locale}","title":"T","summary":"S","url":"{url}"}}"#)
    };
    let text = [
        line("en-US", "https://docs.azure.cn/a1"),
        line("zh-CN", "http://docs.azure.cn/a1"),
        line("en-US", "https://docs.azure.cn/a1-again"),
    ]
    .join("\n");
    let errors = parse(Kind::Articles, Format::Jsonl, &text).unwrap_err();
    assert_eq!(errors.len(), 2);
    assert!(errors[0].message.contains("https"), "{}", errors[0]);
    assert!(
        errors[1].message.contains("a1 in en-US comes twice"),
        "{}",
        errors[1]
    );
}

#[test]
fn the_demo_files_are_good_catalogue_files() {
    for (kind, text) in [
        (Kind::Customers, include_str!("../../demo/customers.jsonl")),
        (Kind::Services, include_str!("../../demo/services.jsonl")),
        (Kind::Articles, include_str!("../../demo/articles.jsonl")),
        (Kind::Health, include_str!("../../demo/health.jsonl")),
    ] {
        let items = parse(kind, Format::Jsonl, text).unwrap();
        assert_eq!(items.kind(), kind);
        assert!(!items.is_empty());
    }
}
