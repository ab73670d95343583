//! The partner's catalogue in and out of files (`import`, `export`), and
//! the demo's (`seed-demo`).

use std::path::PathBuf;

use clap::Args;

use crate::catalogue::import::Outcome;
use crate::catalogue::{self, export, import, Format, Items, Kind};
use crate::db::{self, Db};
use crate::partner::store::{self, StoreError};
use crate::partner::{PartnerScope, DEFAULT_PARTNER};

/// The arguments of `import`.
#[derive(Clone, Debug, Args)]
pub struct Import {
    /// What the file holds.
    #[arg(value_enum)]
    pub kind: Kind,
    /// The file; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The file's format; by default CSV for a name ending in .csv, else
    /// JSON Lines.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// The partner whose customers these are; `default` without it. For
    /// customers only: services, health and articles are shared by every
    /// partner.
    #[arg(long, value_name = "ID")]
    pub partner: Option<String>,
}

/// The arguments of `export`.
#[derive(Clone, Debug, Args)]
pub struct Export {
    /// What to write.
    #[arg(value_enum)]
    pub kind: Kind,
    /// The file to write; standard output without one.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The partner whose customers to write; `default` without it. For
    /// customers only: services, health and articles are shared by every
    /// partner.
    #[arg(long, value_name = "ID")]
    pub partner: Option<String>,
}

/// Why a command on the database (`import`, `export`, `seed-demo`,
/// `health`, `deliveries`) failed.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Database(#[from] db::ConnectError),
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: nothing was imported:\n{}", lines(.errors))]
    Invalid {
        path: String,
        errors: Vec<crate::catalogue::LineError>,
    },
    #[error(
        "{path}: nothing was imported: it is not {} but looks like {}; import it with --format {}",
        .read_as.name(),
        .looks.name(),
        .looks.as_str()
    )]
    OtherFormat {
        path: String,
        read_as: Format,
        looks: Format,
    },
    #[error("{path}: nothing was imported: {source}")]
    Refused {
        path: String,
        source: crate::catalogue::import::ImportError,
    },
    #[error("{0}")]
    Export(#[from] sqlx::Error),
    #[error("no health item {0:?}")]
    NoHealthItem(String),
    #[error("health item {id:?}: {}; nothing was changed", .problems.join("; "))]
    HealthRefused { id: String, problems: Vec<String> },
    #[error("no undelivered event {0:?} (`support-backend deliveries` lists them)")]
    NoUndelivered(String),
    #[error("{0:?} has not bounced (`support-backend bounced` lists those that have)")]
    NotBounced(String),
    #[error("--grant-to names a PostgreSQL role: SQLite has none, and needs no grant")]
    GrantOnSqlite,
    #[error("--grant-to needs the name of the role the server runs as")]
    NoRole,
    #[error("migrated, but cannot grant {role:?} the use of the tables: {source}")]
    Grant { role: String, source: sqlx::Error },
    #[error(
        "migrated, but {role:?} still may not select, insert, update and delete the rows of \
         {}: grant it as the tables' owner (`support-backend migrate --database-url \
         OWNER_URL --grant-to {role}`)",
        .tables.join(", ")
    )]
    NotGranted { role: String, tables: Vec<String> },
    #[error("no partner {0:?} (`support-backend partners list` lists them); nothing was done")]
    NoPartner(String),
    #[error("partner {id:?} is disabled since {since}; nothing was done")]
    PartnerDisabled { id: String, since: String },
    #[error(
        "{kind} are shared by every partner, so --partner is for customers only; \
         leave it out to {verb} {kind}",
        kind = .kind.as_str()
    )]
    Shared { kind: Kind, verb: &'static str },
    #[error(transparent)]
    Partners(#[from] StoreError),
}

fn lines(errors: &[crate::catalogue::LineError]) -> String {
    errors
        .iter()
        .map(|error| format!("  {error}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `db` as partner `id` sees it, if `id` is a partner served now: an
/// operator's command on a partner's data refuses an unknown or disabled
/// one by name, before it reads or writes anything of it.
pub(super) async fn served_partner(db: &Db, id: &str) -> Result<PartnerScope, CommandError> {
    match store::find(db, id).await? {
        None => Err(CommandError::NoPartner(id.to_owned())),
        Some(store::Partner {
            disabled_at: Some(since),
            ..
        }) => Err(CommandError::PartnerDisabled {
            id: id.to_owned(),
            since,
        }),
        Some(_) => Ok(PartnerScope::of(db, id)),
    }
}

/// The partner `--partner` names for `kind`: customers are a partner's,
/// and the other kinds every partner's, where `--partner` is refused
/// rather than ignored, as it would change what every partner sees.
fn partner_for<'a>(
    kind: Kind,
    partner: Option<&'a str>,
    verb: &'static str,
) -> Result<&'a str, CommandError> {
    match (kind, partner) {
        (Kind::Customers, partner) => Ok(partner.unwrap_or(DEFAULT_PARTNER)),
        (kind, Some(_)) => Err(CommandError::Shared { kind, verb }),
        (_, None) => Ok(DEFAULT_PARTNER),
    }
}

/// Connects to the database at `database_url` for a command on
/// `partner`'s data: only the default partner's may be a new SQLite file,
/// created and migrated, since any other partner was added to a database
/// that exists.
async fn connect_for(database_url: &str, partner: &str) -> Result<Db, CommandError> {
    Ok(if partner == DEFAULT_PARTNER {
        db::connect(database_url).await?
    } else {
        db::connect_existing(database_url).await?
    })
}

/// Imports `args.file` into the database at `database_url` (created and
/// migrated if it is a new SQLite file), as `args.partner`'s customers.
pub async fn import(database_url: &str, args: &Import) -> Result<Outcome, CommandError> {
    let partner = partner_for(args.kind, args.partner.as_deref(), "import")?;
    let path = args.file.display().to_string();
    let bytes = if args.file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map(|_| bytes)
    } else {
        std::fs::read(&args.file)
    }
    .map_err(|source| CommandError::Read {
        path: path.clone(),
        source,
    })?;
    let text = catalogue::text_of(&bytes).map_err(|error| CommandError::Invalid {
        path: path.clone(),
        errors: vec![error],
    })?;
    let format = args.format.unwrap_or_else(|| Format::of_path(&args.file));
    let parsed = catalogue::parse(args.kind, format, text);
    // Only a format guessed from the file's name may be the wrong one; in
    // it, a file may fail on every line, or read as a header and no rows.
    if args.format.is_none() && parsed.as_ref().map_or(true, Items::is_empty) {
        if let Some(looks) = catalogue::in_other_format(args.kind, format, text) {
            return Err(CommandError::OtherFormat {
                path,
                read_as: format,
                looks,
            });
        }
    }
    let items = parsed.map_err(|errors| CommandError::Invalid {
        path: path.clone(),
        errors,
    })?;
    let db = connect_for(database_url, partner).await?;
    let scope = match served_partner(&db, partner).await {
        Ok(scope) => scope,
        Err(error) => {
            db.close().await;
            return Err(error);
        }
    };
    let outcome = import::import(&scope, &items).await;
    db.close().await;
    outcome.map_err(|source| CommandError::Refused { path, source })
}

/// Writes the catalogue of `args.kind` from the database at `database_url`
/// (`args.partner`'s customers).
pub async fn export(database_url: &str, args: &Export) -> Result<usize, CommandError> {
    let partner = partner_for(args.kind, args.partner.as_deref(), "export")?;
    let db = db::connect_existing(database_url).await?;
    let text = match served_partner(&db, partner).await {
        Ok(scope) => export::export(&scope, args.kind)
            .await
            .map_err(CommandError::from),
        Err(error) => Err(error),
    };
    db.close().await;
    let text = text?;
    match &args.file {
        Some(file) => std::fs::write(file, &text).map_err(|source| CommandError::Write {
            path: file.display().to_string(),
            source,
        })?,
        None => print!("{text}"),
    }
    Ok(text.lines().count())
}

/// Loads the demo catalogue into the database at `database_url`.
pub async fn seed_demo(database_url: &str) -> Result<Vec<(Kind, Outcome)>, CommandError> {
    let db = db::connect(database_url).await?;
    let outcomes = crate::catalogue::demo::seed(&db).await;
    db.close().await;
    outcomes.map_err(|source| CommandError::Refused {
        path: "the demo catalogue".into(),
        source,
    })
}
