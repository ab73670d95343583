//! `openapi.yaml` (at the workspace root) against the code: the routes the
//! backend serves, the enums and the limits of the contract.

use serde_json::Value;
use support_contract::{
    limits, Article, ArticleList, Attachment, Category, ContactLanguage, Customer, CustomerList,
    ErrorCode, FileKind, HealthIncident, HealthKind, HealthStatus, RequestKind, RequestStatus,
    Service, ServiceHealth, ServiceList, Severity, StatusChange, ATTACHMENTS_MAX_FILES,
    ATTACHMENTS_MAX_TOTAL_BYTES, ATTACHMENT_MAX_BYTES, ATTACHMENT_NAME_MAX, SNIFF_LEN,
};

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn spec() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    serde_norway::from_str(&text).unwrap()
}

/// Every `(METHOD, path, x-status)` in the file.
fn operations(spec: &Value) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            if METHODS.contains(&method.as_str()) {
                let status = operation["x-status"].as_str().unwrap_or("").to_owned();
                found.push((method.to_uppercase(), path.clone(), status));
            }
        }
    }
    found
}

fn json_names<T: serde::Serialize>(values: impl IntoIterator<Item = T>) -> Vec<Value> {
    values
        .into_iter()
        .map(|v| serde_json::to_value(v).unwrap())
        .collect()
}

#[test]
fn it_is_openapi_3_1() {
    assert!(spec()["openapi"].as_str().unwrap().starts_with("3.1."));
}

#[test]
fn every_implemented_route_is_documented_and_not_planned() {
    let spec = spec();
    let operations = operations(&spec);
    for (method, path) in support_backend::ROUTES {
        let found = operations.iter().find(|(m, p, _)| m == method && p == path);
        let Some((_, _, status)) = found else {
            panic!("{method} {path} is served but not in openapi.yaml");
        };
        assert_eq!(status, "implemented", "{method} {path}");
    }
    for (method, path, status) in &operations {
        let served = support_backend::ROUTES
            .iter()
            .any(|(m, p)| m == method && p == path);
        match status.as_str() {
            "implemented" => assert!(
                served,
                "{method} {path} is marked implemented but not served"
            ),
            "planned" => assert!(!served, "{method} {path} is served but marked planned"),
            other => panic!("{method} {path} has x-status {other:?}"),
        }
    }
}

#[test]
fn the_self_service_lookups_are_implemented() {
    let operations = operations(&spec());
    for path in ["/service-health", "/articles"] {
        assert!(
            operations
                .iter()
                .any(|(m, p, s)| m == "GET" && p == path && s == "implemented"),
            "GET {path} should be documented as implemented"
        );
    }
}

#[test]
fn the_create_operation_documents_its_header_and_answers() {
    let spec = spec();
    let post = &spec["paths"]["/support-requests"]["post"];
    for status in ["201", "400", "409", "413", "415", "422", "429", "500"] {
        assert!(
            post["responses"].get(status).is_some(),
            "POST lacks {status}"
        );
    }
    let codes = [
        ("409", "Idempotency-Key", ErrorCode::IdempotencyKeyInFlight),
        ("415", "Content-Type", ErrorCode::UnsupportedMediaType),
        ("429", "", ErrorCode::RateLimited),
    ];
    for (status, field, code) in codes {
        let example = &post["responses"][status]["content"]["application/json"]["example"];
        assert_eq!(
            example["errors"][0],
            serde_json::json!({"field": field, "code": code}),
            "{status}"
        );
    }
    for status in ["409", "429"] {
        assert_eq!(
            post["responses"][status]["headers"]["Retry-After"]["$ref"],
            "#/components/headers/RetryAfter",
            "{status} documents Retry-After"
        );
    }
    assert_eq!(
        spec["components"]["headers"]["RetryAfter"]["schema"]["minimum"],
        1
    );
    assert_eq!(
        post["x-idempotency-in-flight-takeover-seconds"],
        support_backend::requests::idempotency::IN_FLIGHT_TAKEOVER_AFTER.as_secs()
    );
    assert!(post["responses"]["201"]["headers"]
        .get("Location")
        .is_some());
    let key = &spec["components"]["parameters"]["IdempotencyKey"];
    assert_eq!(key["name"], "Idempotency-Key");
    assert_eq!(key["in"], "header");
    assert_eq!(key["required"], true);
    assert_eq!(post["x-body-max-bytes"], limits::BODY_MAX_BYTES);
    assert_eq!(
        post["x-idempotency-key-ttl-seconds"],
        support_backend::requests::idempotency::KEY_TTL.as_secs()
    );
    let get = &spec["paths"]["/support-requests/{id}"]["get"];
    for status in ["200", "404"] {
        assert!(get["responses"].get(status).is_some(), "GET lacks {status}");
    }
}

#[test]
fn enums_match_the_contract() {
    let schemas = &spec()["components"]["schemas"];
    assert_eq!(
        schemas["RequestKind"]["enum"].as_array().unwrap(),
        &json_names(RequestKind::ALL)
    );
    assert_eq!(
        schemas["Category"]["enum"].as_array().unwrap(),
        &json_names(Category::ALL)
    );
    assert_eq!(
        schemas["ContactLanguage"]["enum"].as_array().unwrap(),
        &json_names(ContactLanguage::ALL)
    );
    assert_eq!(
        schemas["Severity"]["enum"].as_array().unwrap(),
        &json_names(Severity::ALL)
    );
    assert_eq!(
        schemas["NewSupportRequest"]["properties"]["severity"]["$ref"],
        "#/components/schemas/Severity"
    );
    let statuses = json_names(RequestStatus::ALL);
    assert_eq!(
        schemas["RequestStatus"]["enum"].as_array().unwrap(),
        &statuses
    );
    // Every code the contract knows (the widget reads no other), and the
    // ones that only the HTTP layer sends (a 503 from a proxy, say).
    let mut codes = json_names(ErrorCode::KNOWN);
    codes.extend(json_names([
        "invalid_token",
        "forbidden",
        "upload_quota_exceeded",
        "method_not_allowed",
        "request_timeout",
        "internal_error",
        "service_unavailable",
    ]));
    let mut documented = schemas["ErrorCode"]["enum"].as_array().unwrap().clone();
    let by_name = |a: &Value, b: &Value| a.as_str().cmp(&b.as_str());
    codes.sort_by(by_name);
    documented.sort_by(by_name);
    assert_eq!(documented, codes);
}

#[test]
fn lengths_match_the_contract_limits() {
    let schemas = &spec()["components"]["schemas"];
    let request = &schemas["NewSupportRequest"]["properties"];
    let contact = &schemas["Contact"]["properties"];
    assert_eq!(request["title"]["maxLength"], limits::TITLE_MAX);
    assert_eq!(request["description"]["maxLength"], limits::DESCRIPTION_MAX);
    assert_eq!(contact["name"]["maxLength"], limits::NAME_MAX);
    assert_eq!(contact["email"]["maxLength"], limits::EMAIL_MAX);
    assert_eq!(contact["phone"]["maxLength"], limits::PHONE_MAX);
    let customer = &schemas["CustomerRef"]["properties"];
    assert_eq!(customer["name"]["maxLength"], limits::NAME_MAX);
    assert_eq!(
        request["articles_seen"]["maxItems"],
        limits::ARTICLES_SEEN_MAX
    );
    assert_eq!(
        request["articles_seen"]["items"]["maxLength"],
        limits::ARTICLE_ID_MAX
    );
    let escalation = &schemas["Escalation"]["properties"];
    assert_eq!(
        escalation["reason"]["enum"],
        serde_json::json!(support_contract::ESCALATION_REASONS)
    );
    let steps: Vec<_> = (support_contract::TroubleshootingStep::ALL.iter())
        .map(|s| s.as_str())
        .collect();
    assert_eq!(
        escalation["troubleshooting"]["items"]["enum"],
        serde_json::json!(steps)
    );
    assert_eq!(escalation["troubleshooting"]["maxItems"], steps.len());
}

#[test]
fn unknown_fields_are_refused_at_every_level_as_the_contract_does() {
    let schemas = &spec()["components"]["schemas"];
    for name in ["NewSupportRequest", "Contact", "CustomerRef", "Escalation"] {
        assert_eq!(schemas[name]["additionalProperties"], false, "{name}");
    }
    let nested_unknown = serde_json::json!({
        "kind": "partner_center", "category": "billing", "title": "t", "description": "d",
        "contact": {"name": "n", "email": "n@example.com", "extra": 1}
    });
    assert!(serde_json::from_value::<support_contract::NewSupportRequest>(nested_unknown).is_err());
}

#[test]
fn every_reference_resolves() {
    fn walk(spec: &Value, value: &Value) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    let pointer = target
                        .strip_prefix('#')
                        .unwrap_or_else(|| panic!("external $ref {target}"));
                    assert!(spec.pointer(pointer).is_some(), "dangling $ref {target}");
                }
                map.values().for_each(|v| walk(spec, v));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(spec, v)),
            _ => {}
        }
    }
    let spec = spec();
    walk(&spec, &spec);
}

/// The `required` properties of a schema, sorted.
fn required(schema: &Value) -> Vec<String> {
    let mut names: Vec<String> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

/// The keys of a value's JSON object, sorted.
fn keys(value: impl serde::Serialize) -> Vec<String> {
    let mut names: Vec<String> = serde_json::to_value(value)
        .unwrap()
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    names.sort();
    names
}

#[test]
fn the_lookup_schemas_match_the_contract_types() {
    let spec = spec();
    let schemas = &spec["components"]["schemas"];
    let customer = Customer {
        id: "c".into(),
        name: "n".into(),
        domain: "d".into(),
    };
    let service = Service {
        id: "s".into(),
        name: "n".into(),
        admin_center_url: "https://portal.azure.cn/".into(),
    };
    assert_eq!(required(&schemas["Customer"]), keys(&customer));
    assert_eq!(required(&schemas["Service"]), keys(&service));
    assert_eq!(
        required(&schemas["CustomerList"]),
        keys(CustomerList::default())
    );
    assert_eq!(
        required(&schemas["ServiceList"]),
        keys(ServiceList::default())
    );
    let customers = &spec["paths"]["/customers"]["get"];
    assert_eq!(
        customers["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/CustomerList"
    );
    let services = &spec["paths"]["/services"]["get"];
    assert_eq!(
        services["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ServiceList"
    );
}

#[test]
fn the_customer_search_documents_its_limits() {
    let spec = spec();
    let get = &spec["paths"]["/customers"]["get"];
    let max = support_backend::catalogue::customer_search::MAX_RESULTS;
    assert_eq!(get["x-max-results"], max);
    assert_eq!(
        spec["components"]["schemas"]["CustomerList"]["properties"]["customers"]["maxItems"],
        max
    );
    let query = &get["parameters"][0];
    assert_eq!(query["name"], "query");
    assert_eq!(
        query["required"], false,
        "a blank query lists the first customers"
    );
    assert_eq!(
        query["schema"]["maxLength"],
        support_backend::catalogue::customer_search::QUERY_MAX
    );
    for status in ["200", "400", "500"] {
        assert!(
            get["responses"].get(status).is_some(),
            "GET /customers lacks {status}"
        );
    }
}

#[test]
fn the_self_service_schemas_match_the_contract_types() {
    let spec = spec();
    let schemas = &spec["components"]["schemas"];
    assert_eq!(
        schemas["HealthKind"]["enum"].as_array().unwrap(),
        &json_names(HealthKind::ALL)
    );
    assert_eq!(
        schemas["HealthStatus"]["enum"].as_array().unwrap(),
        &json_names(HealthStatus::ALL)
    );
    let incident = HealthIncident {
        id: "i".into(),
        service: "azure".into(),
        kind: HealthKind::Incident,
        status: HealthStatus::Identified,
        title: "t".into(),
        summary: "s".into(),
        locale: ContactLanguage::ZhCn,
        started_at: "2026-11-22T01:40:00Z".into(),
        updated_at: "2026-11-22T03:15:00Z".into(),
    };
    assert_eq!(required(&schemas["HealthIncident"]), keys(&incident));
    // `service` is left out when every service was asked about.
    assert_eq!(
        required(&schemas["ServiceHealth"]),
        keys(ServiceHealth::default())
    );
    let article = Article {
        id: "a".into(),
        title: "t".into(),
        summary: "s".into(),
        url: "https://docs.microsoft.com/".into(),
        locale: ContactLanguage::EnUs,
    };
    assert_eq!(required(&schemas["Article"]), keys(&article));
    assert_eq!(
        required(&schemas["ArticleList"]),
        keys(ArticleList::default())
    );
    let change = StatusChange {
        status: RequestStatus::Submitted,
        changed_at: "2026-11-22T09:30:00Z".into(),
        note: None,
    };
    assert_eq!(required(&schemas["StatusChange"]), keys(&change));
    assert_eq!(
        schemas["StatusChange"]["properties"]["note"]["maxLength"],
        support_backend::cli::NOTE_MAX
    );
    assert_eq!(
        schemas["StoredRequest"]["properties"]["history"]["items"]["$ref"],
        "#/components/schemas/StatusChange"
    );
    // Every documented example reads as the contract type.
    let health =
        &spec["paths"]["/service-health"]["get"]["responses"]["200"]["content"]["application/json"];
    assert_eq!(
        health["schema"]["$ref"],
        "#/components/schemas/ServiceHealth"
    );
    for example in health["examples"].as_object().unwrap().values() {
        serde_json::from_value::<ServiceHealth>(example["value"].clone()).unwrap();
    }
    let articles =
        &spec["paths"]["/articles"]["get"]["responses"]["200"]["content"]["application/json"];
    assert_eq!(
        articles["schema"]["$ref"],
        "#/components/schemas/ArticleList"
    );
    for example in articles["examples"].as_object().unwrap().values() {
        serde_json::from_value::<ArticleList>(example["value"].clone()).unwrap();
    }
    for example in schemas["StoredRequest"]["properties"]["history"]["example"]
        .as_array()
        .unwrap()
    {
        serde_json::from_value::<StatusChange>(example.clone()).unwrap();
    }
}

#[test]
fn the_self_service_lookups_document_their_answers() {
    let spec = spec();
    let health = &spec["paths"]["/service-health"]["get"];
    for status in ["200", "400", "422", "500"] {
        assert!(
            health["responses"].get(status).is_some(),
            "GET /service-health lacks {status}"
        );
    }
    assert_eq!(
        health["responses"]["422"]["content"]["application/json"]["example"]["errors"][0],
        serde_json::json!({"field": "service", "code": "invalid_value"})
    );
    let articles = &spec["paths"]["/articles"]["get"];
    let max = support_backend::catalogue::article_search::MAX_RESULTS;
    assert_eq!(articles["x-max-results"], max);
    assert_eq!(
        spec["components"]["schemas"]["ArticleList"]["properties"]["articles"]["maxItems"],
        max
    );
    let query = &articles["parameters"][0];
    assert_eq!(query["name"], "query");
    assert_eq!(query["required"], false);
    assert_eq!(
        query["schema"]["maxLength"],
        support_backend::catalogue::article_search::QUERY_MAX
    );
    for status in ["200", "400", "500"] {
        assert!(
            articles["responses"].get(status).is_some(),
            "GET /articles lacks {status}"
        );
    }
    let locale = &spec["components"]["parameters"]["Locale"];
    assert_eq!(locale["name"], "locale");
    assert_eq!(locale["required"], false);
    for operation in [health, articles] {
        assert!(operation["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["$ref"] == "#/components/parameters/Locale"));
    }
}

#[test]
fn the_attachment_limits_match_the_contract() {
    let spec = spec();
    let post = &spec["paths"]["/attachments"]["post"];
    assert_eq!(post["x-attachment-max-bytes"], ATTACHMENT_MAX_BYTES);
    assert_eq!(post["x-attachments-max-files"], ATTACHMENTS_MAX_FILES);
    assert_eq!(
        post["x-attachments-max-total-bytes"],
        ATTACHMENTS_MAX_TOTAL_BYTES
    );
    assert_eq!(post["x-sniff-bytes"], SNIFF_LEN);
    assert_eq!(
        post["x-orphan-upload-hours"],
        support_backend::config::DEFAULT_ORPHAN_UPLOAD_HOURS
    );
    let schemas = &spec["components"]["schemas"];
    let files = &schemas["NewSupportRequest"]["properties"]["attachments"];
    assert_eq!(files["maxItems"], ATTACHMENTS_MAX_FILES);
    assert_eq!(files["x-max-total-bytes"], ATTACHMENTS_MAX_TOTAL_BYTES);
    let attachment = &schemas["Attachment"];
    assert_eq!(
        attachment["properties"]["name"]["maxLength"],
        ATTACHMENT_NAME_MAX
    );
    assert_eq!(
        attachment["properties"]["size"]["maximum"],
        ATTACHMENT_MAX_BYTES
    );
    let kinds: Vec<&str> = FileKind::ALL.iter().map(|k| k.content_type()).collect();
    assert_eq!(
        attachment["properties"]["content_type"]["enum"],
        serde_json::json!(kinds)
    );
    let example: Attachment = serde_json::from_value(attachment["example"].clone()).unwrap();
    assert!(example
        .sha256
        .is_some_and(|hash| hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit())));
    let without_hash = Attachment {
        sha256: None,
        ..serde_json::from_value(attachment["example"].clone()).unwrap()
    };
    assert_eq!(required(attachment), keys(&without_hash));
    assert_eq!(
        schemas["StoredRequest"]["properties"]["attachments"]["items"]["$ref"],
        "#/components/schemas/Attachment"
    );
}

#[test]
fn the_attachment_operations_document_their_answers() {
    let spec = spec();
    let post = &spec["paths"]["/attachments"]["post"];
    assert_eq!(
        post["responses"]["201"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Attachment"
    );
    assert!(post["responses"]["201"]["headers"]
        .get("Location")
        .is_some());
    let codes = [
        ("413", ErrorCode::FileTooLarge),
        ("415", ErrorCode::FileTypeNotAllowed),
    ];
    for (status, code) in codes {
        let example = &post["responses"][status]["content"]["application/json"]["example"];
        assert_eq!(
            example["errors"][0],
            serde_json::json!({"field": support_backend::error::FILE_FIELD, "code": code}),
            "{status}"
        );
    }
    for status in ["400", "422", "429", "500"] {
        assert!(
            post["responses"].get(status).is_some(),
            "POST /attachments lacks {status}"
        );
    }
    for kind in FileKind::ALL {
        assert!(
            post["requestBody"]["content"]
                .get(kind.content_type())
                .is_some(),
            "{kind:?} is not documented as a body"
        );
    }
    let get = &spec["paths"]["/attachments/{id}"]["get"];
    for status in ["200", "404", "500"] {
        assert!(
            get["responses"].get(status).is_some(),
            "GET /attachments/{{id}} lacks {status}"
        );
    }
    let documented = &get["responses"]["200"]["headers"];
    let served = support_backend::attachments::download::headers(FileKind::Png, 1, "a.png");
    for name in [
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Cache-Control",
    ] {
        assert_eq!(
            documented[name]["schema"]["enum"][0],
            served[name].to_str().unwrap(),
            "{name}"
        );
    }
    assert!(documented.get("Content-Disposition").is_some());
}

#[test]
fn an_idempotency_key_the_pattern_allows_is_one_the_backend_takes() {
    let spec = spec();
    let pattern = spec["components"]["parameters"]["IdempotencyKey"]["schema"]["pattern"]
        .as_str()
        .unwrap();
    let pattern = regex::Regex::new(pattern).unwrap();
    let takes = |key: &str| {
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(
            support_backend::requests::idempotency::HEADER,
            key.parse().unwrap(),
        );
        support_backend::requests::idempotency::key_from_headers(&headers).is_ok()
    };
    let hyphenated = "6f9619ff-8b86-4011-b42d-00c04fc964ff";
    let plain = "6f9619ff8b864011b42d00c04fc964ff";
    // What the description promises: both are documented and taken.
    for key in [
        hyphenated.to_owned(),
        hyphenated.to_uppercase(),
        format!("\"{hyphenated}\""),
        plain.to_owned(),
        format!("\"{plain}\""),
    ] {
        assert!(pattern.is_match(&key), "the pattern refuses {key}");
        assert!(takes(&key), "the backend refuses {key}");
    }
    // A client that trusts the pattern is never refused: whatever it allows
    // of these near misses, the backend takes.
    for key in [
        format!("\"{hyphenated}"),
        format!("{hyphenated}\""),
        "6f9619ff8b86-4011-b42d-00c04fc964ff".to_owned(),
        "6f9619ff-8b864011b42d-00c04fc964ff".to_owned(),
        format!("{{{hyphenated}}}"),
        format!("urn:uuid:{hyphenated}"),
        hyphenated[1..].to_owned(),
        format!("{hyphenated}0"),
        "6f9619ff-8b86-4011-b42d-00c04fc964fg".to_owned(),
        String::new(),
    ] {
        if pattern.is_match(&key) {
            assert!(
                takes(&key),
                "the pattern allows {key}, the backend refuses it"
            );
        }
    }
    assert!(!pattern.is_match(&format!("\"{hyphenated}")));
    assert!(!pattern.is_match("6f9619ff8b86-4011-b42d-00c04fc964ff"));
}

/// The matrix of who may do what is part of the contract: every operation
/// the backend serves but the probes is guarded by the bearer scheme and
/// says what its 401 and 403 answer.
#[test]
fn every_operation_answers_401_and_403_as_the_bearer_scheme_says() {
    let spec = spec();
    let scheme = &spec["components"]["securitySchemes"]["bearerAuth"];
    assert_eq!(scheme["type"], "http");
    assert_eq!(scheme["scheme"], "bearer");
    assert_eq!(spec["security"][0]["bearerAuth"], serde_json::json!([]));
    let unauthenticated = &spec["components"]["responses"]["Unauthenticated"];
    assert_eq!(
        unauthenticated["headers"]["WWW-Authenticate"]["schema"]["const"],
        support_backend::error::WWW_AUTHENTICATE
    );
    assert_eq!(
        unauthenticated["content"]["application/json"]["example"]["errors"][0],
        serde_json::json!({"field": support_backend::error::AUTHORIZATION_FIELD, "code": "invalid_token"})
    );
    for (method, path) in support_backend::ROUTES {
        let operation = &spec["paths"][path][method.to_lowercase()];
        let description = operation["description"].as_str().unwrap_or_default();
        assert!(description.contains("**Who may:**"), "{method} {path}");
        // Only the probes are open, for a balancer that has no token.
        if operation["security"] == serde_json::json!([]) {
            let probes = [
                support_backend::probes::HEALTHZ,
                support_backend::probes::READYZ,
            ];
            assert!(probes.contains(path), "{method} {path} needs no token");
            continue;
        }
        for (status, name) in [("401", "Unauthenticated"), ("403", "Forbidden")] {
            assert_eq!(
                operation["responses"][status]["$ref"],
                format!("#/components/responses/{name}"),
                "{method} {path} {status}"
            );
        }
    }
}

#[test]
fn a_reply_has_a_descriptions_limits_and_a_requests_files() {
    let spec = spec();
    let reply = &spec["components"]["schemas"]["NewReply"];
    assert_eq!(
        reply["properties"]["body"]["maxLength"],
        limits::DESCRIPTION_MAX
    );
    assert_eq!(
        reply["properties"]["attachments"]["maxItems"],
        ATTACHMENTS_MAX_FILES
    );
    assert_eq!(reply["additionalProperties"], false);
    let shown = &spec["components"]["schemas"]["Reply"]["required"];
    let example = serde_json::json!({
        "id": "r-1", "body": "Hi", "created_at": "2026-11-27T10:00:00Z", "attachments": [],
        "author": {"name": "Zhang Wei", "role": "partner"}
    });
    let reply: support_contract::Reply = serde_json::from_value(example.clone()).unwrap();
    let written = serde_json::to_value(&reply).unwrap();
    let keys: Vec<Value> = written
        .as_object()
        .unwrap()
        .keys()
        .map(|k| Value::from(k.as_str()))
        .collect();
    let mut required = shown.as_array().unwrap().clone();
    required.sort_by_key(|v| v.as_str().unwrap().to_owned());
    assert_eq!(keys, required);
}
