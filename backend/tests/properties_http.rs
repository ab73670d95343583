//! Property tests of request parsing over real loopback HTTP: whatever the
//! body (random bytes, random JSON, the contract's JSON with random values
//! in its fields), `POST /support-requests` answers 201 or a 4xx with the
//! contract's error body, never a 5xx, and keeps serving. Bounded to a few
//! hundred cases so the run takes seconds on either database.

mod common;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use reqwest::StatusCode;
use serde_json::{Map, Value};
use support_contract::{CreatedRequest, ErrorBody};

/// The statuses a create may answer with.
const EXPECTED: [u16; 5] = [201, 400, 413, 415, 422];

/// Field names, known ones most often, so that random JSON often gets past
/// the shape check and into the field rules.
fn field_name() -> impl Strategy<Value = String> {
    let known = prop::sample::select(vec![
        "kind",
        "category",
        "customer",
        "service",
        "escalation",
        "title",
        "description",
        "severity",
        "contact",
        "locale",
        "id",
        "name",
        "email",
        "phone",
        "language",
        "reason",
        "health_checked",
        "troubleshooting",
    ]);
    prop_oneof![4 => known.prop_map(str::to_owned), 1 => any_string(20)]
}

/// Any string, control characters and all, of up to `max` characters.
fn any_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..=max).prop_map(String::from_iter)
}

/// Any JSON value, enum names of the contract among the strings.
fn json_value() -> impl Strategy<Value = Value> {
    let words = prop::sample::select(vec![
        "partner_center",
        "customer",
        "customer_self_service",
        "billing",
        "technical",
        "critical",
        "minimal",
        "zh-CN",
        "es-ES",
        "azure",
        "beijing-cloud",
        "a@b.co",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        words.prop_map(Value::from),
        any_string(50).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((field_name(), inner), 0..8)
                .prop_map(|fields| Value::Object(fields.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A valid request with the value at one path replaced.
fn one_field_replaced() -> impl Strategy<Value = Vec<u8>> {
    let paths = prop::sample::select(vec![
        "kind",
        "category",
        "title",
        "description",
        "severity",
        "service",
        "customer",
        "customer.id",
        "customer.name",
        "contact",
        "contact.name",
        "contact.email",
        "contact.phone",
        "contact.language",
        "locale",
        "escalation",
    ]);
    (paths, json_value()).prop_map(|(path, value)| {
        let mut body = common::valid_for_customer();
        let slot = path.split('.').fold(&mut body, |v, part| &mut v[part]);
        *slot = value;
        serde_json::to_vec(&body).unwrap_or_default()
    })
}

/// A valid request with random strings in every text field.
fn random_strings() -> impl Strategy<Value = Vec<u8>> {
    (
        any_string(250),
        any_string(300),
        any_string(250),
        any_string(60),
        any_string(40),
    )
        .prop_map(|(title, description, name, email, phone)| {
            let mut body = common::valid();
            body["title"] = title.into();
            body["description"] = description.into();
            body["contact"]["name"] = name.into();
            body["contact"]["email"] = email.into();
            body["contact"]["phone"] = phone.into();
            serde_json::to_vec(&body).unwrap_or_default()
        })
}

/// Posts each generated body and checks the answer's status and shape.
fn check_bodies(strategy: impl Strategy<Value = Vec<u8>>) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime.block_on(common::start());
    let mut runner = TestRunner::new(Config {
        cases: 128,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy, |body| {
        runtime.block_on(async {
            let response = server.post(Some(&common::key()), body.clone()).await;
            let status = response.status();
            let text = response.text().await.unwrap();
            let shown = String::from_utf8_lossy(&body);
            prop_assert!(
                EXPECTED.contains(&status.as_u16()),
                "{status} for {shown}: {text}"
            );
            if status == StatusCode::CREATED {
                prop_assert!(
                    serde_json::from_str::<CreatedRequest>(&text).is_ok(),
                    "{text}"
                );
            } else {
                let errors = serde_json::from_str::<ErrorBody>(&text)
                    .map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
                prop_assert!(!errors.errors.is_empty());
            }
            Ok(())
        })
    });
    if let Err(error) = result {
        panic!("{error}");
    }
    // Still serving after all of it.
    let status = runtime.block_on(async {
        server
            .post_json(&common::key(), &common::valid())
            .await
            .status()
    });
    assert_eq!(status, StatusCode::CREATED);
}

#[test]
fn random_bytes_never_get_a_5xx() {
    check_bodies(prop::collection::vec(any::<u8>(), 0..2048));
}

#[test]
fn random_json_never_gets_a_5xx() {
    check_bodies(json_value().prop_map(|value| serde_json::to_vec(&value).unwrap_or_default()));
}

#[test]
fn random_values_in_the_contracts_fields_never_get_a_5xx() {
    check_bodies(one_field_replaced());
}

#[test]
fn random_strings_in_every_text_field_never_get_a_5xx() {
    check_bodies(random_strings());
}
