//! The two databases the backend runs on, and the few places where their SQL
//! differs. Everything else is written once, in SQL that both accept: `$1`
//! placeholders (SQLite takes them too), `RETURNING`, and
//! `ON CONFLICT (…) DO NOTHING`.

/// Which database a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// `sqlite://path/to/file.db`: one file, for a demo or a small portal.
    Sqlite,
    /// `postgres://user@host/db`: shared by several backend processes.
    Postgres,
}

impl Dialect {
    /// The dialect of a database URL, by its scheme; `None` for any other.
    ///
    /// ```
    /// use support_backend::dialect::Dialect;
    /// assert_eq!(Dialect::from_url("sqlite://demo.db"), Some(Dialect::Sqlite));
    /// assert_eq!(Dialect::from_url("postgresql://db.internal/support"), Some(Dialect::Postgres));
    /// assert_eq!(Dialect::from_url("mysql://db/support"), None);
    /// ```
    pub fn from_url(url: &str) -> Option<Dialect> {
        let (scheme, _) = url.split_once(':')?;
        match scheme.to_ascii_lowercase().as_str() {
            "sqlite" => Some(Dialect::Sqlite),
            "postgres" | "postgresql" => Some(Dialect::Postgres),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Sqlite => "sqlite",
            Dialect::Postgres => "postgres",
        }
    }

    /// An SQL expression for the moment `seconds` ago, as RFC 3339 UTC text
    /// like the `created_at` columns, so it compares with them as a string.
    /// The database's clock is used, as for `created_at`, so that several
    /// backend processes agree on what has expired.
    pub fn timestamp_seconds_ago(self, seconds: u64) -> String {
        match self {
            Dialect::Sqlite => {
                format!("strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-{seconds} seconds')")
            }
            Dialect::Postgres => format!(
                "to_char(now() AT TIME ZONE 'UTC' - interval '{seconds} seconds', \
                 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
            ),
        }
    }

    /// The query that hands out the next request number.
    ///
    /// SQLite has one writer at a time and the creating transaction already
    /// holds the write lock, so the highest number plus one is safe and
    /// leaves no gaps. PostgreSQL lets writers run side by side, so the
    /// number comes from a sequence, which never gives one number twice.
    pub fn next_request_number(self) -> &'static str {
        match self {
            Dialect::Sqlite => "SELECT COALESCE(MAX(seq), 0) + 1 FROM support_requests",
            Dialect::Postgres => "SELECT nextval('support_requests_seq')",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_picks_the_dialect_in_any_case() {
        assert_eq!(
            Dialect::from_url("SQLite:support.db"),
            Some(Dialect::Sqlite)
        );
        assert_eq!(
            Dialect::from_url("postgres://u:p@127.0.0.1:5432/db"),
            Some(Dialect::Postgres)
        );
        assert_eq!(Dialect::from_url("support.db"), None);
        assert_eq!(Dialect::from_url("mysql://h/db"), None);
    }
}
