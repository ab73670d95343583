//! The host page's attributes on `<support-widget>`, read into typed values.

use thiserror::Error;

use crate::web_url::WebUrl;

/// The base URL of the support backend, from the `backend` attribute, in
/// its standard form and ending in `/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackendUrl(String);

/// Why the `backend` attribute cannot be used. Each variant picks a message.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BackendError {
    #[error("the backend attribute is missing")]
    Missing,
    #[error("the backend attribute \"{0}\" is not an absolute http or https URL")]
    Invalid(String),
    /// A user name or password in the URL. The value is not repeated, in
    /// the console or on screen.
    #[error("the backend attribute's URL has a user name or password in it")]
    Credentials,
}

impl BackendUrl {
    /// Reads the `backend` attribute: an absolute `http:` or `https:` URL with
    /// a host and no credentials (secrets do not belong in page markup).
    pub fn parse(attribute: Option<&str>) -> Result<BackendUrl, BackendError> {
        let raw = attribute.map(str::trim).unwrap_or_default();
        if raw.is_empty() {
            return Err(BackendError::Missing);
        }
        let invalid = || BackendError::Invalid(without_userinfo(raw));
        let mut url = WebUrl::parse(raw).ok_or_else(invalid)?;
        if url.has_credentials() {
            return Err(BackendError::Credentials);
        }
        let web = matches!(url.scheme().as_str(), "http" | "https");
        if !web || url.host().is_empty() {
            return Err(invalid());
        }
        // Endpoints are joined below the base path, so it must end in a slash
        // ("/api/support" + "support-requests" would lose "support").
        let path = url.path();
        if !path.ends_with('/') {
            url.set_path(&format!("{path}/"));
        }
        url.clear_query_and_fragment();
        Ok(BackendUrl(url.href()))
    }

    /// The URL of an endpoint of the contract, given relative to the base
    /// (one of `support_contract::paths`).
    pub fn endpoint(&self, path: &str) -> String {
        WebUrl::join(&self.0, path.trim_start_matches('/'))
            .map(|url| url.href())
            .unwrap_or_else(|| format!("{}{}", self.0, path))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `raw` as it may be repeated to the user: a user name and password before
/// the host (`scheme://user:pw@host`) left out, in a value that is not even
/// a URL as well.
fn without_userinfo(raw: &str) -> String {
    let Some((scheme, rest)) = raw.split_once("://") else {
        return raw.to_owned();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://…{}", &rest[at..]),
        None => raw.to_owned(),
    }
}

/// Who the widget serves, from the `audience` attribute.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Audience {
    /// Partner staff on a partner portal (the default).
    #[default]
    Partner,
    /// A partner's customers on the partner's self-service pages.
    Customer,
}

impl Audience {
    /// Unknown values fall back to `partner`.
    pub fn parse(attribute: Option<&str>) -> Audience {
        match attribute.map(str::trim) {
            Some(audience) if audience.eq_ignore_ascii_case("customer") => Audience::Customer,
            _ => Audience::Partner,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Partner => "partner",
            Audience::Customer => "customer",
        }
    }
}

/// How the widget shows itself, from the `mode` attribute. The loader draws
/// the launcher and its panel; the widget inside is the same in both modes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Rendered in place at once (the default).
    #[default]
    Inline,
    /// A floating button that opens the widget in a panel.
    Launcher,
}

impl Mode {
    /// Exactly `launcher`, as the loader reads it when it decides whether
    /// to draw a launcher (a looser reading here would style an inline
    /// widget as a panel); anything else is `inline`.
    pub fn parse(attribute: Option<&str>) -> Mode {
        match attribute {
            Some("launcher") => Mode::Launcher,
            _ => Mode::Inline,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Inline => "inline",
            Mode::Launcher => "launcher",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_joined_below_the_base_path() {
        let base = BackendUrl::parse(Some("https://portal.example.com/api/support")).unwrap();
        assert_eq!(
            base.endpoint("support-requests"),
            "https://portal.example.com/api/support/support-requests"
        );
        let root = BackendUrl::parse(Some(" http://127.0.0.1:8787/ ")).unwrap();
        assert_eq!(
            root.endpoint("/support-requests"),
            "http://127.0.0.1:8787/support-requests"
        );
    }

    #[test]
    fn query_and_fragment_of_the_base_are_dropped() {
        let base = BackendUrl::parse(Some("https://a.example/api?x=1#top")).unwrap();
        assert_eq!(
            base.endpoint("support-requests"),
            "https://a.example/api/support-requests"
        );
    }

    #[test]
    fn a_missing_or_blank_backend_is_reported_as_missing() {
        assert_eq!(BackendUrl::parse(None), Err(BackendError::Missing));
        assert_eq!(BackendUrl::parse(Some("  ")), Err(BackendError::Missing));
    }

    #[test]
    fn anything_but_an_absolute_web_url_is_invalid() {
        for raw in [
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://files.example.com/",
            "/api/support",
            "portal.example.com/api",
            "https://",
            "file:///etc/passwd",
        ] {
            assert_eq!(
                BackendUrl::parse(Some(raw)),
                Err(BackendError::Invalid(raw.to_owned())),
                "{raw}"
            );
        }
    }

    #[test]
    fn credentials_in_the_backend_are_refused_without_repeating_them() {
        for raw in [
            "http://user:secret@portal.example.com/",
            "https://user@portal.example.com/api",
            "https://:secret@portal.example.com/",
            "ftp://user:secret@files.example.com/",
            "htps://u:secret@h",
        ] {
            let error = BackendUrl::parse(Some(raw)).unwrap_err();
            assert_eq!(error, BackendError::Credentials, "{raw}");
            assert!(!error.to_string().contains("secret"), "{error}");
        }
        // Not URLs at all, and quoted without what looks like a password.
        for (raw, shown) in [
            ("https://u:secret@h:99999/", "https://…@h:99999/"),
            ("https://u:secret@/", "https://…@/"),
        ] {
            assert_eq!(
                BackendUrl::parse(Some(raw)),
                Err(BackendError::Invalid(shown.to_owned())),
                "{raw}"
            );
        }
    }

    #[test]
    fn unknown_audience_and_mode_fall_back_to_the_defaults() {
        assert_eq!(Audience::parse(Some("robots")), Audience::Partner);
        assert_eq!(Audience::parse(Some(" Customer ")), Audience::Customer);
        assert_eq!(Mode::parse(Some("fullscreen")), Mode::Inline);
        assert_eq!(Mode::parse(Some("launcher")), Mode::Launcher);
        // The loader draws a launcher for this exact value only.
        assert_eq!(Mode::parse(Some(" Launcher ")), Mode::Inline);
    }
}
