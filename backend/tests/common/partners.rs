//! Two partners beside the default one, `alpha` and `beta`: each with its
//! own issuer, token secret and webhook secret, added to a test's database
//! with `support-backend partners add`.

use std::path::Path;

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::TestServer;

/// One partner's issuer and secrets, and the webhook it may be given.
pub struct Partner {
    pub id: &'static str,
    pub name: &'static str,
    pub issuer: &'static str,
    pub secret: &'static str,
    pub webhook_secret: &'static str,
}

pub const ALPHA: Partner = Partner {
    id: "alpha",
    name: "Alpha Cloud",
    issuer: "https://portal.alpha.example",
    secret: "alpha-signs-its-portal-tokens-with-this-secret",
    webhook_secret: "alpha-checks-its-webhook-calls-with-this-one",
};

pub const BETA: Partner = Partner {
    id: "beta",
    name: "Beta Hosting",
    issuer: "https://portal.beta.example",
    secret: "beta-signs-its-portal-tokens-with-another-one",
    webhook_secret: "beta-checks-its-webhook-calls-with-its-own-one",
};

impl Partner {
    /// A token of this partner's portal for a user with these claims.
    pub fn token(&self, claims: &Value) -> String {
        let mut claims = claims.clone();
        claims["iss"] = json!(self.issuer);
        claims["exp"] = json!(jsonwebtoken::get_current_timestamp() + 600);
        jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
            &claims,
            &jsonwebtoken::EncodingKey::from_secret(self.secret.as_bytes()),
        )
        .unwrap()
    }

    /// Adds this partner to the database at `url`, with `more` settings;
    /// its secrets are written to `folder`.
    pub fn add(&self, url: &str, folder: &Path, more: &[&str]) {
        let secret = folder.join(format!("{}.key", self.id));
        std::fs::write(&secret, self.secret).unwrap();
        let secret = secret.display().to_string();
        let mut args = vec!["partners", "add", self.id, "--name", self.name];
        args.extend(["--jwt-secret-file", &secret, "--jwt-issuer", self.issuer]);
        args.extend(more);
        let output = super::command(url, &args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Adds this partner with its webhook at `hook`.
    pub fn add_with_webhook(&self, url: &str, folder: &Path, hook: &str) {
        let secret = folder.join(format!("{}-webhook.key", self.id));
        std::fs::write(&secret, self.webhook_secret).unwrap();
        let secret = secret.display().to_string();
        let more = ["--webhook-url", hook, "--webhook-secret-file", &secret];
        self.add(url, folder, &more);
    }

    /// The claims of this partner's staff member `{id}-staff`.
    pub fn staff(&self) -> Value {
        json!({"sub": format!("{}-staff", self.id), "name": "Staff",
               "email": format!("staff@{}.example", self.id), "role": "partner"})
    }

    /// A token of this partner's staff member's.
    pub fn staff_token(&self) -> String {
        self.token(&self.staff())
    }

    /// The partner's staff files a request: its reference.
    pub async fn files(&self, server: &TestServer) -> String {
        let response = server
            .client
            .post(server.url("/support-requests"))
            .bearer_auth(self.staff_token())
            .header("Idempotency-Key", super::key())
            .json(&super::valid())
            .send()
            .await
            .unwrap();
        let (status, created) = super::json_of(response).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        created["reference"].as_str().unwrap().to_owned()
    }
}
