//! The per-client rate limit on creating requests, over real loopback HTTP
//! (every request comes from 127.0.0.1, so all count as one client, unless
//! 127.0.0.1 is a trusted proxy and `X-Forwarded-For` names others).

mod common;

use common::{config, json_of, key, one_error, start_with, valid};
use reqwest::StatusCode;

#[tokio::test]
async fn a_client_over_the_limit_gets_429_with_retry_after() {
    let server = start_with(|url| support_backend::Config {
        rate_limit_per_minute: 3,
        ..config(url)
    })
    .await;
    for _ in 0..3 {
        assert_eq!(
            server.post_json(&key(), &valid()).await.status(),
            StatusCode::CREATED
        );
    }
    let response = server.post_json(&key(), &valid()).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=20).contains(&retry_after), "{retry_after}");
    let (_, json) = json_of(response).await;
    assert_eq!(json, one_error("", "rate_limited"));
    assert_eq!(server.count("support_requests").await, 3);

    // Every POST counts, whatever its body; reads are not limited.
    let (status, _) = json_of(server.post(Some(&key()), "nonsense").await).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(server.get("/services").await.status(), StatusCode::OK);
    assert_eq!(server.get("/customers").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_default_limit_lets_a_test_run_of_sixty_posts_through() {
    let server = start_with(|url| support_backend::Config {
        rate_limit_per_minute: support_backend::config::DEFAULT_RATE_LIMIT_PER_MINUTE,
        ..config(url)
    })
    .await;
    for _ in 0..60 {
        assert_eq!(
            server.post_json(&key(), &valid()).await.status(),
            StatusCode::CREATED
        );
    }
}

/// Posts with `X-Forwarded-For: forwarded_for` until the first 429;
/// returns how many were created before it (at most `up_to`).
async fn created_before_429(
    server: &common::TestServer,
    forwarded_for: &str,
    up_to: usize,
) -> usize {
    for created in 0..up_to {
        let response = server
            .client
            .post(server.url("/support-requests"))
            .header("Idempotency-Key", key())
            .header("X-Forwarded-For", forwarded_for)
            .json(&valid())
            .send()
            .await
            .unwrap();
        match response.status() {
            StatusCode::CREATED => {}
            StatusCode::TOO_MANY_REQUESTS => return created,
            other => panic!("{other}"),
        }
    }
    up_to
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    let server = start_with(|url| support_backend::Config {
        rate_limit_per_minute: 2,
        trusted_proxies: vec!["127.0.0.0/8".parse().unwrap()],
        ..config(url)
    })
    .await;
    // The client wrote the first address itself; the proxy appended the
    // second, which is the client.
    assert_eq!(
        created_before_429(&server, "192.0.2.1, 198.51.100.1", 5).await,
        2
    );
    assert_eq!(
        created_before_429(&server, "192.0.2.1, 198.51.100.2", 5).await,
        2
    );
    assert_eq!(
        created_before_429(&server, "192.0.2.2, 198.51.100.2", 5).await,
        0
    );
}

#[tokio::test]
async fn without_trusted_proxies_x_forwarded_for_changes_nothing() {
    let server = start_with(|url| support_backend::Config {
        rate_limit_per_minute: 2,
        ..config(url)
    })
    .await;
    assert_eq!(created_before_429(&server, "198.51.100.1", 5).await, 2);
    assert_eq!(created_before_429(&server, "198.51.100.2", 5).await, 0);
}
