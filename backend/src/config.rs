//! The command line: every flag also reads an environment variable, so the
//! backend can be configured either way (a container prefers variables).

use axum::http::HeaderValue;
use clap::Parser;

/// The reference backend of the support widget: stores support requests in
/// SQLite or PostgreSQL and answers the widget's JSON API.
#[derive(Clone, Debug, Parser)]
#[command(name = "support-backend", version, about, long_about = None)]
pub struct Config {
    /// Address and port to listen on (port 0 picks a free port).
    #[arg(
        long,
        env = "SUPPORT_BACKEND_LISTEN",
        default_value = "127.0.0.1:8787",
        value_name = "HOST:PORT"
    )]
    pub listen: String,

    /// Database URL: sqlite://FILE (created if missing) or
    /// postgres://USER:PASSWORD@HOST:PORT/DATABASE (must exist; several
    /// backend processes may share it). Migrated at start.
    #[arg(
        long,
        global = true,
        env = "DATABASE_URL",
        default_value = "sqlite://support-widget.db",
        value_name = "URL"
    )]
    pub database_url: String,

    /// Origin allowed to call the API from a browser (CORS), such as
    /// https://portal.example.com. Repeat the flag for several origins; the
    /// environment variable takes a comma-separated list. Without any, no
    /// CORS headers are sent and browsers on other origins are refused.
    #[arg(
        long = "allowed-origin",
        env = "SUPPORT_BACKEND_ALLOWED_ORIGINS",
        value_delimiter = ',',
        value_name = "ORIGIN",
        value_parser = parse_origin
    )]
    pub allowed_origins: Vec<HeaderValue>,

    /// Requests one client (IP address; IPv6 by /64) may create per minute:
    /// a burst of this many, then one every 60/N seconds; beyond that the
    /// answer is 429 with Retry-After. 0 turns the limit off. Counted per
    /// process and by the peer address, so behind a reverse proxy, limit at
    /// the proxy instead.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_RATE_LIMIT_PER_MINUTE",
        default_value_t = DEFAULT_RATE_LIMIT_PER_MINUTE,
        value_name = "N"
    )]
    pub rate_limit_per_minute: u32,
}

/// The default rate limit: far above what a person filing requests needs
/// (and above the end-to-end tests' few dozen posts from one address), far
/// below what would fill the database.
pub const DEFAULT_RATE_LIMIT_PER_MINUTE: u32 = 120;

/// Accepts `scheme://host[:port]` exactly as a browser sends it in `Origin`:
/// no path, no trailing slash, no wildcard. A typo here would otherwise make
/// CORS fail silently in the browser, so it is refused at start instead.
fn parse_origin(value: &str) -> Result<HeaderValue, String> {
    let value = value.trim();
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(|| format!("{value:?} must start with http:// or https://"))?;
    let host_ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !host_ok {
        return Err(format!(
            "{value:?} must be an origin like https://portal.example.com (no path, no trailing slash)"
        ));
    }
    HeaderValue::from_str(value).map_err(|error| format!("{value:?}: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let config = Config::try_parse_from(["support-backend"]).unwrap();
        assert_eq!(config.listen, "127.0.0.1:8787");
        assert_eq!(config.database_url, "sqlite://support-widget.db");
        assert!(config.allowed_origins.is_empty());
        assert_eq!(config.rate_limit_per_minute, 120);
    }

    #[test]
    fn the_rate_limit_can_be_changed_or_turned_off() {
        let config =
            Config::try_parse_from(["support-backend", "--rate-limit-per-minute", "0"]).unwrap();
        assert_eq!(config.rate_limit_per_minute, 0);
        for bad in ["-1", "many", ""] {
            assert!(
                Config::try_parse_from(["support-backend", "--rate-limit-per-minute", bad])
                    .is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn origins_repeat_and_split_on_commas() {
        let config = Config::try_parse_from([
            "support-backend",
            "--allowed-origin",
            "https://a.example.com",
            "--allowed-origin",
            "http://localhost:8080,https://b.example.com",
        ])
        .unwrap();
        let origins: Vec<_> = config
            .allowed_origins
            .iter()
            .map(|o| o.to_str().unwrap())
            .collect();
        assert_eq!(
            origins,
            [
                "https://a.example.com",
                "http://localhost:8080",
                "https://b.example.com"
            ]
        );
    }

    #[test]
    fn origins_that_browsers_never_send_are_refused() {
        for bad in [
            "*",
            "portal.example.com",
            "https://a.example.com/",
            "https://a.example.com/api",
            "https://",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad}");
        }
        assert!(parse_origin("http://[::1]:8080").is_ok());
    }
}
