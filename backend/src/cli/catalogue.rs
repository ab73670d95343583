//! The partner's catalogue in and out of files (`import`, `export`), and
//! the demo's (`seed-demo`).

use std::path::PathBuf;

use clap::Args;

use crate::catalogue::import::Outcome;
use crate::catalogue::{self, export, import, Format, Items, Kind};
use crate::db;
use crate::partner::PartnerScope;

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
}

fn lines(errors: &[crate::catalogue::LineError]) -> String {
    errors
        .iter()
        .map(|error| format!("  {error}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Imports `args.file` into the database at `database_url` (created and
/// migrated if it is a new SQLite file).
pub async fn import(database_url: &str, args: &Import) -> Result<Outcome, CommandError> {
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
    let db = db::connect(database_url).await?;
    let outcome = import::import(&PartnerScope::default_partner(&db), &items).await;
    db.close().await;
    outcome.map_err(|source| CommandError::Refused { path, source })
}

/// Writes the catalogue of `args.kind` from the database at `database_url`.
pub async fn export(database_url: &str, args: &Export) -> Result<usize, CommandError> {
    let db = db::connect_existing(database_url).await?;
    let text = export::export(&PartnerScope::default_partner(&db), args.kind).await;
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
