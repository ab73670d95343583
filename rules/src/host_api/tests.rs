use super::*;

#[test]
fn flows_by_name() {
    let parse = |flow| Flow::parse(flow, None);
    assert_eq!(parse(None), Ok(Flow::Home));
    assert_eq!(parse(Some("customer")), Ok(Flow::Customer));
    assert_eq!(parse(Some("partner-center")), Ok(Flow::PartnerCenter));
    assert_eq!(parse(Some("escalation")), Ok(Flow::Escalation));
    assert_eq!(parse(Some("customer-messages")), Ok(Flow::CustomerMessages));
    // The inbox's name before: pages that call it so still open it.
    assert_eq!(parse(Some("customer-requests")), Ok(Flow::CustomerMessages));
    // The names a refusal offers are the current ones.
    let refused = parse(Some("inbox")).unwrap_err().to_string();
    assert!(refused.contains("\"customer-messages\""), "{refused}");
    assert!(refused.contains("\"request\""), "{refused}");
    assert!(!refused.contains("customer-requests"), "{refused}");
    assert_eq!(
        parse(Some("escalate")),
        Err(HostApiError::UnknownFlow("escalate".into()))
    );
}

#[test]
fn a_request_is_opened_by_its_id() {
    let id = "0b9d3c1e-2f4a-4c8e-9a51-7d0e6f3b2a10";
    assert_eq!(
        Flow::parse(Some("request"), Some(id)),
        Ok(Flow::Request(id.into()))
    );
    // As a page reads it from a link: spaces around it are not the id's.
    assert_eq!(
        Flow::parse(Some(" request "), Some(&format!(" {id}\n"))),
        Ok(Flow::Request(id.into()))
    );
    // Any other text is the backend's to know or not: it is asked.
    assert_eq!(
        Flow::parse(Some("request"), Some("SR-000012")),
        Ok(Flow::Request("SR-000012".into()))
    );
}

#[test]
fn a_request_without_an_id_and_an_id_without_a_request_are_refused() {
    for id in [None, Some(""), Some("  ")] {
        assert_eq!(
            Flow::parse(Some("request"), id),
            Err(HostApiError::RequestIdMissing),
            "{id:?}"
        );
    }
    let missing = HostApiError::RequestIdMissing.to_string();
    assert!(missing.contains("open(\"request\", id)"), "{missing}");
    assert_eq!(
        Flow::parse(Some("customer-messages"), Some("m-1")),
        Err(HostApiError::IdWithoutRequest("customer-messages".into()))
    );
    assert_eq!(
        Flow::parse(None, Some("m-1")),
        Err(HostApiError::IdWithoutRequest("home".into()))
    );
}

#[test]
fn a_prefill_takes_what_the_portal_knows() {
    let prefill = Prefill::parse(
        r#"{"contact":{"name":"王芳","email":"wang@contoso.cn","language":"zh-CN"},
            "customer":{"id":"contoso","name":"Contoso Ltd"},"service":"azure",
            "category":"billing","title":"发票"}"#,
    )
    .unwrap();
    let contact = prefill.contact.unwrap();
    assert_eq!(contact.name.as_deref(), Some("王芳"));
    assert_eq!(contact.language, Some(ContactLanguage::ZhCn));
    assert_eq!(prefill.customer.unwrap().id, "contoso");
    assert_eq!(prefill.category, Some(Category::Billing));
    assert_eq!(Prefill::parse("{}"), Ok(Prefill::default()));
    // A customer is named by its id: a blank one is refused, by name.
    let blank = Prefill::parse(r#"{"customer":{"id":" ","name":"Empty Id Co"}}"#);
    assert!(
        matches!(&blank, Err(HostApiError::Prefill(why)) if why.contains("customer.id")),
        "{blank:?}"
    );
}

#[test]
fn the_fields_the_readme_documents_are_read() {
    // Written out, as the README documents them: each is read, and may be
    // left null.
    let fields = ["contact", "customer", "service", "category", "title"];
    let contact_fields = ["name", "email", "phone", "language"];
    for name in fields {
        let json = format!(r#"{{"{name}":null}}"#);
        assert_eq!(Prefill::parse(&json), Ok(Prefill::default()), "{name}");
    }
    for name in contact_fields {
        let json = format!(r#"{{"contact":{{"{name}":null}}}}"#);
        assert!(Prefill::parse(&json).is_ok(), "{name}");
    }
    let misspelt = Prefill::parse(r#"{"contact":{"mail":"x"}}"#);
    assert!(
        matches!(&misspelt, Err(HostApiError::Prefill(why)) if why.contains("mail")),
        "{misspelt:?}"
    );
}

#[test]
fn a_malformed_prefill_is_refused_whole() {
    for json in [
        r#"{"category":"urgent"}"#,
        r#"{"titel":"typo"}"#,
        r#"{"contact":{"email":42}}"#,
        "null",
        "not json",
    ] {
        assert!(
            matches!(Prefill::parse(json), Err(HostApiError::Prefill(_))),
            "{json}"
        );
    }
}

#[test]
fn request_headers_are_checked() {
    assert_eq!(
        request_headers(r#"{"Authorization":"Bearer abc","X-Portal-Tenant":"t1"}"#).unwrap(),
        vec![
            ("Authorization".to_owned(), "Bearer abc".to_owned()),
            ("X-Portal-Tenant".to_owned(), "t1".to_owned())
        ]
    );
    assert_eq!(request_headers("{}").unwrap(), vec![]);
    // A method override is the backend's business, unless it names a
    // method browsers do not send.
    assert_eq!(
        request_headers(r#"{"X-HTTP-Method-Override":"PATCH"}"#).unwrap(),
        vec![("X-HTTP-Method-Override".to_owned(), "PATCH".to_owned())]
    );
    // Latin-1 is what a header value can carry.
    assert_eq!(
        request_headers(r#"{"X-Portal-User":"Zoë"}"#).unwrap(),
        vec![("X-Portal-User".to_owned(), "Zoë".to_owned())]
    );
    for json in [
        r#"{"Idempotency-Key":"x"}"#,
        r#"{"content-type":"text/plain"}"#,
        r#"{"Accept":"text/html"}"#,
        r#"{"Referer":"https://elsewhere.example"}"#,
        r#"{"Sec-Fetch-Site":"none"}"#,
        r#"{"Proxy-Authorization":"Basic x"}"#,
        r#"{"Set-Cookie":"a=b"}"#,
        r#"{"X-HTTP-Method-Override":"TRACE"}"#,
        r#"{"x-method-override":"get, track"}"#,
        r#"{"Bad Name":"x"}"#,
        r#"{"X-A":"line\nbreak"}"#,
        r#"{"X-Portal-User":"Zoë 令牌"}"#,
        r#"{"X-A":1}"#,
        "[]",
    ] {
        assert!(
            matches!(request_headers(json), Err(HostApiError::Headers(_))),
            "{json}"
        );
    }
}
