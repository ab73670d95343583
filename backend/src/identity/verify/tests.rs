//! Verification against real signatures: a shared secret, and RS256 and
//! ES256 keys served as a JWKS on loopback.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

use super::*;

const SECRET: &[u8] = b"a-test-secret-of-more-than-thirty-two-bytes";
const RSA: &str = include_str!("../../../tests/keys/rsa.pem");
const EC: &str = include_str!("../../../tests/keys/ec.pem");
const EC_OTHER: &str = include_str!("../../../tests/keys/ec-other.pem");

fn now() -> i64 {
    jsonwebtoken::get_current_timestamp() as i64
}

fn claims() -> Value {
    json!({
        "sub": "user-1",
        "name": "Li Na",
        "email": "li.na@contoso.cn",
        "role": "partner",
        "iss": "https://login.portal.example",
        "aud": "support-widget",
        "exp": now() + 600,
    })
}

fn with(mut claims: Value, changes: Value) -> Value {
    for (key, value) in changes.as_object().unwrap() {
        claims[key] = value.clone();
    }
    claims
}

fn hs256(claims: &Value) -> String {
    let header = Header::new(Algorithm::HS256);
    jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(SECRET)).unwrap()
}

fn signed(algorithm: Algorithm, key: &EncodingKey, kid: &str, claims: &Value) -> String {
    let mut header = Header::new(algorithm);
    header.kid = Some(kid.to_owned());
    jsonwebtoken::encode(&header, claims, key).unwrap()
}

fn rsa() -> EncodingKey {
    EncodingKey::from_rsa_pem(RSA.as_bytes()).unwrap()
}

fn ec(pem: &str) -> EncodingKey {
    EncodingKey::from_ec_pem(pem.as_bytes()).unwrap()
}

fn secret_verifier() -> Verifier {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret");
    std::fs::write(&path, [SECRET, b"\n"].concat()).unwrap();
    Verifier::with_secret_file(&path).unwrap()
}

/// A JWKS served on 127.0.0.1 that counts how often it was fetched.
struct KeyServer {
    url: String,
    fetches: Arc<AtomicUsize>,
    keys: Arc<Mutex<JwkSet>>,
}

fn jwk(algorithm: Algorithm, key: &EncodingKey, kid: &str) -> Jwk {
    let mut jwk = Jwk::from_encoding_key(key, algorithm).unwrap();
    jwk.common.key_id = Some(kid.to_owned());
    jwk
}

async fn key_server(keys: Vec<(Algorithm, EncodingKey, &'static str)>) -> KeyServer {
    let keys = Arc::new(Mutex::new(JwkSet {
        keys: keys
            .iter()
            .map(|(algorithm, key, kid)| jwk(*algorithm, key, kid))
            .collect(),
    }));
    let fetches = Arc::new(AtomicUsize::new(0));
    let (counted, served) = (fetches.clone(), keys.clone());
    let app = axum::Router::new().route(
        "/jwks",
        axum::routing::get(move || {
            counted.fetch_add(1, Ordering::SeqCst);
            let set = served.lock().unwrap().clone();
            async move { axum::Json(set) }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/jwks", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    KeyServer { url, fetches, keys }
}

#[tokio::test]
async fn a_token_signed_with_the_secret_names_its_user() {
    let claims = claims();
    let identity = secret_verifier().verify(&hs256(&claims)).await.unwrap();
    assert_eq!(
        identity,
        Identity {
            sub: "user-1".into(),
            name: Some("Li Na".into()),
            email: Some("li.na@contoso.cn".into()),
            role: Some(Role::Partner),
            customer_id: None,
            expires_at: claims["exp"].as_u64().unwrap(),
            partner: "default".into(),
        }
    );
}

#[tokio::test]
async fn a_bad_signature_is_refused() {
    let token = hs256(&claims());
    let (head, _) = token.rsplit_once('.').unwrap();
    let other = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims(),
        &EncodingKey::from_secret(b"another-secret-of-more-than-thirty-two-bytes"),
    )
    .unwrap();
    let (_, signature) = other.rsplit_once('.').unwrap();
    let forged = format!("{head}.{signature}");
    assert!(secret_verifier().verify(&forged).await.is_err());
    // The claims changed under a valid signature.
    let (_, payload_and_signature) = token.split_once('.').unwrap();
    let (_, signature) = payload_and_signature.split_once('.').unwrap();
    let tampered = hs256(&with(claims(), json!({"role": "admin"})));
    let (tampered_head, _) = tampered.rsplit_once('.').unwrap();
    assert!(secret_verifier()
        .verify(&format!("{tampered_head}.{signature}"))
        .await
        .is_err());
}

#[tokio::test]
async fn alg_none_is_refused() {
    use base64::Engine;
    let b64 =
        |value: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(value.to_string());
    for alg in ["none", "None", "NONE"] {
        let token = format!(
            "{}.{}.",
            b64(&json!({"alg": alg, "typ": "JWT"})),
            b64(&claims())
        );
        assert!(secret_verifier().verify(&token).await.is_err(), "{alg}");
    }
}

#[tokio::test]
async fn another_algorithm_than_the_configured_ones_is_refused() {
    // HS384 with the very secret: still not HS256.
    let token = jsonwebtoken::encode(
        &Header::new(Algorithm::HS384),
        &claims(),
        &EncodingKey::from_secret(SECRET),
    )
    .unwrap();
    assert!(matches!(
        secret_verifier().verify(&token).await,
        Err(TokenError::Algorithm(Algorithm::HS384))
    ));
    // An RS256 token at a backend that takes the shared secret only.
    let token = signed(Algorithm::RS256, &rsa(), "k1", &claims());
    assert!(matches!(
        secret_verifier().verify(&token).await,
        Err(TokenError::Algorithm(Algorithm::RS256))
    ));
}

#[tokio::test]
async fn issuer_and_audience_are_checked_when_configured() {
    let verifier = || {
        secret_verifier()
            .issuer(Some("https://login.portal.example".into()))
            .audience(Some("support-widget".into()))
    };
    assert!(verifier().verify(&hs256(&claims())).await.is_ok());
    let wrong_issuer = hs256(&with(claims(), json!({"iss": "https://evil.example"})));
    assert!(verifier().verify(&wrong_issuer).await.is_err());
    let wrong_audience = hs256(&with(claims(), json!({"aud": "another-app"})));
    assert!(verifier().verify(&wrong_audience).await.is_err());
    let no_issuer = hs256(&json!({"sub": "u", "aud": "support-widget", "exp": now() + 60}));
    assert!(verifier().verify(&no_issuer).await.is_err());
    // Not configured: not checked.
    assert!(secret_verifier().verify(&wrong_audience).await.is_ok());
}

#[tokio::test]
async fn expiry_and_not_before_allow_a_minute_of_clock_skew() {
    let verifier = secret_verifier();
    let at = |exp: i64, nbf: i64| hs256(&with(claims(), json!({"exp": exp, "nbf": nbf})));
    assert!(verifier.verify(&at(now() - 30, now() - 600)).await.is_ok());
    assert!(verifier.verify(&at(now() - 90, now() - 600)).await.is_err());
    assert!(verifier.verify(&at(now() + 600, now() + 30)).await.is_ok());
    assert!(verifier.verify(&at(now() + 600, now() + 90)).await.is_err());
    let no_expiry = hs256(&json!({"sub": "u", "role": "partner"}));
    assert!(verifier.verify(&no_expiry).await.is_err());
}

#[tokio::test]
async fn a_token_without_a_subject_is_refused() {
    let verifier = secret_verifier();
    let mut no_sub = claims();
    no_sub.as_object_mut().unwrap().remove("sub");
    assert!(verifier.verify(&hs256(&no_sub)).await.is_err());
    let blank = hs256(&with(claims(), json!({"sub": "  "})));
    assert!(verifier.verify(&blank).await.is_err());
}

#[tokio::test]
async fn an_unknown_role_verifies_but_names_none() {
    let token = hs256(&with(claims(), json!({"role": "superuser"})));
    assert_eq!(secret_verifier().verify(&token).await.unwrap().role, None);
}

#[test]
fn a_short_or_missing_secret_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret");
    std::fs::write(&path, "too short\n").unwrap();
    let error = Verifier::with_secret_file(&path).unwrap_err().to_string();
    assert!(error.contains("at least 32"), "{error}");
    let missing = Verifier::with_secret_file(&dir.path().join("nope")).unwrap_err();
    assert!(missing.to_string().contains("nope"), "{missing}");
    assert!(Verifier::with_jwks_url("file:///etc/passwd").is_err());
}

#[tokio::test]
async fn rs256_and_es256_tokens_verify_against_the_jwks() {
    let server = key_server(vec![
        (Algorithm::RS256, rsa(), "rsa-1"),
        (Algorithm::ES256, ec(EC), "ec-1"),
    ])
    .await;
    let verifier = Verifier::with_jwks_url(&server.url).unwrap();
    verifier.warm_up().await;
    let rs = signed(Algorithm::RS256, &rsa(), "rsa-1", &claims());
    let es = signed(Algorithm::ES256, &ec(EC), "ec-1", &claims());
    assert_eq!(verifier.verify(&rs).await.unwrap().sub, "user-1");
    assert_eq!(verifier.verify(&es).await.unwrap().sub, "user-1");
    // Signed by a key the provider does not have, under a known kid.
    let forged = signed(Algorithm::ES256, &ec(EC_OTHER), "ec-1", &claims());
    assert!(verifier.verify(&forged).await.is_err());
    // A JWKS backend takes no HS256, whatever the token's kid.
    let hs = {
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some("rsa-1".into());
        jsonwebtoken::encode(&header, &claims(), &EncodingKey::from_secret(SECRET)).unwrap()
    };
    assert!(matches!(
        verifier.verify(&hs).await,
        Err(TokenError::Algorithm(Algorithm::HS256))
    ));
    assert_eq!(server.fetches.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn an_unknown_kid_fetches_the_keys_once_a_minute_at_most() {
    let server = key_server(vec![(Algorithm::ES256, ec(EC), "ec-1")]).await;
    let verifier = Verifier::with_jwks_url(&server.url).unwrap();
    // The first token fetches the keys.
    let known = signed(Algorithm::ES256, &ec(EC), "ec-1", &claims());
    assert!(verifier.verify(&known).await.is_ok());
    assert_eq!(server.fetches.load(Ordering::SeqCst), 1);
    // A key id not in the cache: fetched again once…
    let unknown = signed(Algorithm::ES256, &ec(EC_OTHER), "rotated", &claims());
    assert!(matches!(
        verifier.verify(&unknown).await,
        Err(TokenError::UnknownKey(kid)) if kid == "rotated"
    ));
    // …but not for every such token within the minute.
    for _ in 0..5 {
        assert!(verifier.verify(&unknown).await.is_err());
    }
    assert_eq!(server.fetches.load(Ordering::SeqCst), 1);
    assert!(verifier.verify(&known).await.is_ok());
    assert_eq!(server.fetches.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_rotated_key_is_found_by_fetching_again() {
    let server = key_server(vec![(Algorithm::ES256, ec(EC), "ec-1")]).await;
    let verifier = Verifier::with_jwks_url(&server.url).unwrap();
    verifier.warm_up().await;
    // The provider adds a key; a minute later a token signed with it comes.
    server
        .keys
        .lock()
        .unwrap()
        .keys
        .push(jwk(Algorithm::ES256, &ec(EC_OTHER), "ec-2"));
    let Keys::Jwks(jwks) = &verifier.keys else {
        unreachable!("a JWKS verifier")
    };
    jwks.age_cache(REFETCH_AFTER).await;
    let token = signed(Algorithm::ES256, &ec(EC_OTHER), "ec-2", &claims());
    assert_eq!(verifier.verify(&token).await.unwrap().sub, "user-1");
    assert_eq!(server.fetches.load(Ordering::SeqCst), 2);
}
