use support_contract::{limits, ContactLanguage, RequestKind, RequestStatus};

use super::*;

fn backend() -> BackendUrl {
    BackendUrl::parse(Some("https://portal.example.com/api/support")).unwrap()
}

#[test]
fn creating_a_request_posts_json_with_the_idempotency_key() {
    let body = NewSupportRequest {
        title: "标题".into(),
        ..NewSupportRequest::default()
    };
    let request = create_support_request(&backend(), "6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11", &body);
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.url,
        "https://portal.example.com/api/support/support-requests"
    );
    assert!(request
        .headers
        .contains(&("Content-Type", "application/json".into())));
    assert!(request.headers.contains(&(
        "Idempotency-Key",
        "6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11".into()
    )));
    let sent: NewSupportRequest = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    assert_eq!(sent, body);
    assert_eq!(sent.kind, RequestKind::PartnerCenter);
}

#[test]
fn customer_searches_encode_the_query() {
    let request = search_customers(&backend(), " 北京 & co ");
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.url,
        "https://portal.example.com/api/support/customers?query=%E5%8C%97%E4%BA%AC+%26+co"
    );
    assert_eq!(
        list_services(&backend()).url,
        "https://portal.example.com/api/support/services"
    );
}

#[test]
fn lists_are_read_and_failures_are_errors() {
    let customers = r#"{"customers":[{"id":"c1","name":"台北雲端服務股份有限公司","domain":"taipei.partner.onmschina.cn"}]}"#;
    assert_eq!(
        read_customers(200, customers).unwrap()[0].name,
        "台北雲端服務股份有限公司"
    );
    assert_eq!(read_customers(200, "[]"), Err(LoadError::BadResponse));
    assert_eq!(read_customers(502, ""), Err(LoadError::Server(502)));
}

#[test]
fn services_with_unsafe_admin_center_links_are_left_out() {
    let body = r#"{"services":[
        {"id":"azure","name":"Azure","admin_center_url":"https://portal.azure.cn/"},
        {"id":"evil","name":"Evil","admin_center_url":"javascript:alert(1)"},
        {"id":"data","name":"Data","admin_center_url":"data:text/html,<script>1</script>"}
    ]}"#;
    let ids: Vec<_> = read_services(200, body)
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["azure"]);
}

#[test]
fn a_list_leaves_out_the_items_it_cannot_read() {
    let body = r#"{"incidents":[
        {"id":"a","service":"azure","kind":"maintenance","status":"investigating","title":"Newer kind","summary":"","locale":"en-US","started_at":"2026-11-01T08:00:00Z","updated_at":"2026-11-01T08:00:00Z"},
        {"id":"b","service":"azure","kind":"incident","status":"investigating","title":"No locale","summary":"","started_at":"2026-11-01T08:00:00Z","updated_at":"2026-11-01T08:00:00Z"},
        {"id":"c","service":"azure","kind":"advisory","status":"monitoring","title":"Read","summary":"","locale":"en-US","started_at":"2026-11-20T08:00:00Z","updated_at":"2026-11-20T08:00:00Z"}
    ]}"#;
    let titles: Vec<String> = read_health(200, body)
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    assert_eq!(titles, ["Read"]);
    // A resolved incident is not current: the contract lists none.
    let resolved = r#"{"incidents":[{"id":"c","service":"azure","kind":"advisory","status":"resolved","title":"Read","summary":"","locale":"en-US","started_at":"2026-11-20T08:00:00Z","updated_at":"2026-11-20T08:00:00Z"}]}"#;
    assert_eq!(read_health(200, resolved), Ok(Vec::new()));
    // Unless items were left out unread: one of them may be current.
    let resolved = body.replace(r#""status":"monitoring""#, r#""status":"resolved""#);
    assert_eq!(read_health(200, &resolved), Err(LoadError::BadResponse));
    // Not a list at all is still an answer that cannot be read.
    assert_eq!(
        read_health(200, r#"{"incidents":{}}"#),
        Err(LoadError::BadResponse)
    );
    // Nor is a list of which nothing can be read: empty, it would say that
    // all is well. Empty as sent, it does.
    let none_readable = body.replace(r#""kind":"advisory""#, r#""kind":"notice""#);
    assert_eq!(
        read_health(200, &none_readable),
        Err(LoadError::BadResponse)
    );
    assert_eq!(read_health(200, r#"{"incidents":[]}"#), Ok(Vec::new()));
    let customer = r#"{"customers":[{"id":"c1","name":"Contoso"}]}"#;
    assert_eq!(read_customers(200, customer), Err(LoadError::BadResponse));
    let customers = r#"{"customers":[{"id":"c1","name":"Contoso"},{"id":"c2","name":"Fabrikam","domain":"fabrikam.cn"}]}"#;
    assert_eq!(read_customers(200, customers).unwrap().len(), 1);
    // No more than the contract's 20, the first ones, however many are sent.
    let many: Vec<String> = (0..25)
        .map(|n| format!(r#"{{"id":"c{n}","name":"Customer {n}","domain":"d{n}.cn"}}"#))
        .collect();
    let many = read_customers(200, &format!(r#"{{"customers":[{}]}}"#, many.join(","))).unwrap();
    assert_eq!(many.len(), 20);
    assert_eq!((many[0].id.as_str(), many[19].id.as_str()), ("c0", "c19"));
}

#[test]
fn a_reference_is_read_without_characters_that_would_reorder_or_hide_in_it() {
    let created = |reference: &str| {
        let body = format!(
            r#"{{"id":"a1","reference":"{reference}","status":"submitted","created_at":"2026-11-22T10:00:00Z"}}"#
        );
        read_created(201, None, &body).map(|created| created.reference)
    };
    assert_eq!(created("SR-000123"), Ok("SR-000123".to_owned()));
    for spoofed in [
        r"\u202eSR-000123",
        r"SR-\u2067000123\u2069",
        r"\u200fSR-000123\u200b",
        r"SR-000123\u0000",
        r"SR-\u200d000123\u200c",
        r"SR-000\u2062123\ufe0f",
        r"SR-\u2028000123",
        r"SR-\udb40\udc41000123",
    ] {
        assert_eq!(created(spoofed), Ok("SR-000123".to_owned()), "{spoofed}");
    }
    // Nothing left to quote: an answer that cannot be confirmed.
    assert_eq!(created(r"\u202e\u202c"), Err(SubmitError::BadResponse));
    let stored = r#"{"id":"a1","reference":"\u202eSR-000123","status":"submitted","created_at":"2026-11-22T10:00:00Z","request":{"kind":"partner_center","category":"billing","title":"t","description":"d","contact":{"name":"n","email":"e@example.com"},"locale":"en-US"}}"#;
    assert_eq!(
        read_status(200, stored, "a1").map(|s| s.reference),
        Ok("SR-000123".to_owned())
    );
}

#[test]
fn a_long_search_sends_as_much_as_the_backend_takes() {
    let pasted = format!("  {}", "错".repeat(300));
    let sent = search_query(&pasted);
    assert_eq!(sent.chars().count(), limits::NAME_MAX);
    assert!(search_customers(&backend(), &pasted)
        .url
        .ends_with(&"%E9%94%99".repeat(200)));
    let articles = search_articles(&backend(), &pasted, Locale::ZhCn).url;
    assert!(articles.contains(&format!("query={}&locale", "%E9%94%99".repeat(200))));
    assert_eq!(search_query(" short "), "short");
}

#[test]
fn a_search_sends_what_the_field_shows() {
    assert_eq!(search_query("con\u{7}toso"), "contoso");
    assert_eq!(search_query("pass\u{200b}word\u{feff}"), "password");
    assert_eq!(search_query("Contoso\tLtd\n"), "Contoso Ltd");
    assert!(search_customers(&backend(), "con\u{7}toso")
        .url
        .ends_with("query=contoso"));
}

#[test]
fn self_service_lookups_carry_the_locale_and_encode_the_query() {
    let health = service_health(&backend(), Some("azure"), Locale::ZhCn);
    assert_eq!(
        health.url,
        "https://portal.example.com/api/support/service-health?service=azure&locale=zh-CN"
    );
    let every = service_health(&backend(), None, Locale::EnUs);
    assert_eq!(
        every.url,
        "https://portal.example.com/api/support/service-health?locale=en-US"
    );
    let articles = search_articles(&backend(), " 重置 密码&x=1 ", Locale::ZhTw);
    assert_eq!(
        articles.url,
        "https://portal.example.com/api/support/articles?query=%E9%87%8D%E7%BD%AE+%E5%AF%86%E7%A0%81%26x%3D1&locale=zh-TW"
    );
}

#[test]
fn a_status_lookup_keeps_the_id_in_one_path_segment() {
    let request = request_status(&backend(), "../customers?query=a#b");
    assert_eq!(
        request.url,
        "https://portal.example.com/api/support/support-requests/..%2Fcustomers%3Fquery=a%23b"
    );
    // No URL keeps ".." as a segment: it is left out rather than climbed.
    assert_eq!(
        request_status(&backend(), "..").url,
        "https://portal.example.com/api/support/support-requests"
    );
    assert_eq!(request.method, "GET");
}

#[test]
fn a_download_names_the_file_in_one_path_segment_and_reads_its_status() {
    let request = download_attachment(&backend(), "../support-requests?x#y");
    assert_eq!(
        request.url,
        "https://portal.example.com/api/support/attachments/..%2Fsupport-requests%3Fx%23y"
    );
    assert_eq!(request.method, "GET");
    assert_eq!(read_download(200), Ok(()));
    // A file gone is not a support service missing.
    assert_eq!(read_download(404), Err(LoadError::NotFound));
    assert_eq!(read_download(403), Err(LoadError::Server(403)));
    assert_eq!(read_download(503), Err(LoadError::Server(503)));
}

#[test]
fn health_keeps_the_contracts_order_and_articles_only_with_web_links() {
    // An incident comes before a newer advisory, as the backend sends it.
    let body = r#"{"incidents":[
        {"id":"a","service":"azure","kind":"incident","status":"investigating","title":"Old","summary":"","locale":"en-US","started_at":"2026-11-01T08:00:00Z","updated_at":"2026-11-01T08:00:00Z"},
        {"id":"b","service":"azure","kind":"advisory","status":"monitoring","title":"New","summary":"","locale":"en-US","started_at":"2026-11-20T08:00:00Z","updated_at":"2026-11-20T08:00:00Z"}
    ]}"#;
    let incidents = read_health(200, body).unwrap();
    assert_eq!(
        incidents.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        ["a", "b"]
    );
    assert_eq!(read_health(500, body), Err(LoadError::Server(500)));
    assert_eq!(read_health(200, "{}"), Err(LoadError::BadResponse));

    let articles = read_articles(
        200,
        r#"{"articles":[
            {"id":"ok","title":"T","summary":"S","url":"https://docs.example.cn/a","locale":"zh-CN"},
            {"id":"bad","title":"T","summary":"S","url":"javascript:alert(1)","locale":"zh-CN"},
            {"id":"blank","title":" ","summary":"S","url":"https://docs.example.cn/b","locale":"zh-CN"}
        ]}"#,
    )
    .unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].id, "ok");
}

#[test]
fn a_missing_request_is_not_found_rather_than_a_failure() {
    assert_eq!(read_status(404, "{}", "1"), Err(LoadError::NotFound));
    assert_eq!(read_status(503, "", "1"), Err(LoadError::Server(503)));
    let body = r#"{"id":"1","reference":"SR-1","status":"resolved","created_at":"2026-11-20T08:00:00Z",
            "request":{"kind":"customer","title":"t","description":"d","contact":{"name":"n","email":"e@x.cn"}},
            "history":[{"status":"submitted","changed_at":"2026-11-20T08:00:00Z"},{"status":"resolved","changed_at":"2026-11-21T08:00:00Z","note":"fixed"}]}"#;
    let stored = read_status(200, body, "1").unwrap();
    assert_eq!(stored.status, RequestStatus::Resolved);
    assert_eq!(stored.history.len(), 2);
    // An answer about another request is not this one's status.
    assert_eq!(read_status(200, body, "2"), Err(LoadError::BadResponse));
    let uuid = body.replace(
        r#""id":"1""#,
        r#""id":"3F2B8C1E-0000-4000-8000-000000000001""#,
    );
    assert!(read_status(200, &uuid, "3f2b8c1e-0000-4000-8000-000000000001").is_ok());
    // An older backend's answer, without history or files, reads too.
    let (older, _) = body.split_once(",\n            \"history\"").unwrap();
    let stored = read_status(200, &format!("{older}}}"), "1").unwrap();
    assert!(stored.history.is_empty() && stored.attachments.is_empty());
    assert_eq!(stored.request.contact.language, ContactLanguage::EnUs);
}

#[test]
fn a_request_the_user_may_not_read_is_told_by_why() {
    // Another user's request is a 404, as one that does not exist.
    let missing = read_status(
        404,
        r#"{"errors":[{"field":"id","code":"not_found"}]}"#,
        "1",
    );
    let missing = Unreadable::of(&missing.unwrap_err());
    assert_eq!(missing, Some(Unreadable::NotFound));
    assert_eq!(missing.unwrap().code(), "request_not_found");
    let refused = Unreadable::of(&read_status(403, "{}", "1").unwrap_err());
    assert_eq!(refused, Some(Unreadable::Forbidden));
    assert_eq!(refused.unwrap().code(), "request_forbidden");
    // The developer reads which id it was.
    assert!(Unreadable::NotFound.message("r-9").contains("\"r-9\""));
    assert!(Unreadable::Forbidden.message("r-9").contains("\"r-9\""));
    // What trying again may mend is not.
    for error in [
        LoadError::Network,
        LoadError::BadResponse,
        LoadError::Server(401),
        LoadError::Server(503),
    ] {
        assert_eq!(Unreadable::of(&error), None, "{error:?}");
    }
}

#[test]
fn a_search_may_have_left_some_out_only_when_it_listed_its_most() {
    assert!(!may_have_more(0));
    assert!(!may_have_more(limits::SEARCH_RESULTS_MAX - 1));
    assert!(may_have_more(limits::SEARCH_RESULTS_MAX));
}

#[test]
fn only_a_missing_path_or_method_says_the_backend_address_is_wrong() {
    assert!(no_service_at(404));
    assert!(no_service_at(405));
    // An outage, a refused sign-in or a refused request is not the address.
    for status in [400, 401, 403, 409, 413, 422, 429, 500, 502, 503] {
        assert!(!no_service_at(status), "{status}");
    }
}

#[test]
fn the_users_requests_are_asked_for_page_by_page() {
    assert_eq!(
        filed_by_me(&backend(), None).url,
        "https://portal.example.com/api/support/support-requests?filed_by=me"
    );
    let next = filed_by_me(&backend(), Some("3f2b&x=1"));
    assert_eq!(next.method, "GET");
    assert_eq!(
        next.url,
        "https://portal.example.com/api/support/support-requests?filed_by=me&before=3f2b%26x%3D1"
    );
}

#[test]
fn the_customers_messages_are_asked_for_open_or_resolved_page_by_page() {
    assert_eq!(
        customer_messages(&backend(), true, None, false).url,
        "https://portal.example.com/api/support/support-requests?kind=customer_self_service&status=open"
    );
    assert_eq!(
        customer_messages(&backend(), false, Some("m 9"), false).url,
        "https://portal.example.com/api/support/support-requests?kind=customer_self_service&status=resolved&before=m+9"
    );
    assert_eq!(
        customer_messages(&backend(), true, None, true).url,
        "https://portal.example.com/api/support/support-requests?kind=customer_self_service&status=open&limit=50"
    );
}

#[test]
fn a_message_is_marked_resolved_at_its_own_status() {
    let request = set_status(&backend(), "m/1", RequestStatus::Resolved, "k-1");
    assert_eq!(request.method, "POST");
    assert!(request
        .headers
        .contains(&("Idempotency-Key", "k-1".to_owned())));
    assert_eq!(
        request.url,
        "https://portal.example.com/api/support/support-requests/m%2F1/status"
    );
    assert_eq!(request.body.as_deref(), Some(r#"{"status":"resolved"}"#));
    assert_eq!(
        read_status_set(404, None, ""),
        Err(SubmitError::Server {
            status: 404,
            retry_after: None
        })
    );
    assert_eq!(
        read_status_set(200, None, "{}"),
        Err(SubmitError::BadResponse)
    );
}

#[test]
fn a_404_naming_the_request_says_the_request_is_gone_not_the_service() {
    // The contract's answer for a request the service does not know, or no
    // longer lets this user read.
    let gone = r#"{"errors":[{"field":"id","code":"not_found"}]}"#;
    assert_eq!(read_reply(404, None, gone), Err(SubmitError::NotFound));
    assert_eq!(read_status_set(404, None, gone), Err(SubmitError::NotFound));
    assert_eq!(SubmitError::NotFound.code(), "not_found");
    // No such path (the backend's own fallback), another server's page, or
    // nothing: the address is wrong.
    let not_found = SubmitError::Server {
        status: 404,
        retry_after: None,
    };
    for body in [
        r#"{"errors":[{"field":"","code":"not_found"}]}"#,
        "<h1>Not Found</h1>",
        "",
    ] {
        assert_eq!(
            read_reply(404, None, body),
            Err(not_found.clone()),
            "{body}"
        );
    }
}

#[test]
fn a_page_of_the_users_requests_is_read_with_plain_references() {
    let page = r#"{"requests":[{"id":"a1","reference":"\u202eSR-000123","status":"in_progress","created_at":"2026-11-22T10:00:00Z","request":{"kind":"partner_center","category":"billing","title":"t","description":"d","contact":{"name":"n","email":"e@example.com"}}}],"next":"a1"}"#;
    let list = read_filed_by_me(200, page).unwrap();
    assert_eq!(list.requests[0].reference, "SR-000123");
    assert_eq!(list.requests[0].status, RequestStatus::InProgress);
    assert_eq!(list.next.as_deref(), Some("a1"));
    assert_eq!(read_filed_by_me(200, "{}"), Err(LoadError::BadResponse));
    assert_eq!(read_filed_by_me(401, ""), Err(LoadError::Server(401)));
}

#[test]
fn one_customer_is_read_by_its_id_as_one_path_segment() {
    let request = customer(&backend(), "contoso/../x?y");
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.url,
        "https://portal.example.com/api/support/customers/contoso%2F..%2Fx%3Fy"
    );
    assert_eq!(
        customer(&backend(), "北京").url,
        "https://portal.example.com/api/support/customers/%E5%8C%97%E4%BA%AC"
    );
}

#[test]
fn only_the_contracts_404_says_the_catalogue_holds_no_such_customer() {
    let unknown = r#"{"errors":[{"field":"id","code":"not_found"}]}"#;
    assert_eq!(
        read_customer(404, unknown, "nope"),
        Err(LoadError::NotFound)
    );
    // No support service at the address, or none that reads one customer:
    // nothing is said of the customer.
    assert_eq!(
        read_customer(404, "Not Found", "nope"),
        Err(LoadError::Server(404))
    );
    for status in [401, 403, 500, 503] {
        assert_eq!(
            read_customer(status, unknown, "nope"),
            Err(LoadError::Server(status))
        );
    }
    let known = r#"{"id":"contoso","name":"Contoso Ltd","domain":"contoso.cn"}"#;
    assert_eq!(
        read_customer(200, known, "contoso").map(|c| c.name),
        Ok("Contoso Ltd".into())
    );
    // Ids are exact: an answer about another customer cannot be read.
    assert_eq!(
        read_customer(200, known, "Contoso"),
        Err(LoadError::BadResponse)
    );
    assert_eq!(
        read_customer(200, "<html>", "contoso"),
        Err(LoadError::BadResponse)
    );
}

#[test]
fn the_event_stream_resumes_after_the_last_event_heard() {
    let first = events(&backend(), None);
    assert_eq!(
        (first.method, first.url.as_str()),
        ("GET", "https://portal.example.com/api/support/events")
    );
    assert_eq!(first.headers, [("Accept", "text/event-stream".to_owned())]);
    let again = events(&backend(), Some("42"));
    assert!(again.headers.contains(&("Last-Event-ID", "42".to_owned())));
}

#[test]
fn an_opening_is_posted_below_the_request_its_id_one_segment() {
    let request = seen(&backend(), "a/b");
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.url,
        "https://portal.example.com/api/support/support-requests/a%2Fb/seen"
    );
}

#[test]
fn the_unread_count_is_asked_below_the_backend() {
    let request = unread(&backend());
    assert_eq!(
        (request.method, request.url.as_str()),
        ("GET", "https://portal.example.com/api/support/unread")
    );
}
