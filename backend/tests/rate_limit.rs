//! The per-client rate limit on creating requests, over real loopback HTTP
//! (every request comes from 127.0.0.1, so all count as one client).

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
