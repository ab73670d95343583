//! The command line: serving (the default), or one of the operator's
//! commands, each in a module of its own: `set-status` (`cli/set_status.rs`),
//! the catalogue in and out of files and the demo's (`cli/catalogue.rs`),
//! `health` (`cli/health.rs`), `deliveries` (`cli/deliveries.rs`),
//! `bounced` (`cli/bounced.rs`), `partners` (`cli/partners.rs`) and
//! `migrate` (`cli/migrate.rs`).

mod bounced;
mod catalogue;
mod deliveries;
mod health;
mod migrate;
mod partners;
mod set_status;

use std::ffi::{OsStr, OsString};

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

pub use self::bounced::{bounced, Bounced, BouncedAction};
pub use self::catalogue::{export, import, seed_demo, CommandError, Export, Import};
pub use self::deliveries::{deliveries, Deliveries, DeliveriesAction};
pub use self::health::{health, HealthCommand};
pub use self::migrate::{migrate, Migrate};
pub use self::partners::{
    partners, AddPartner, PartnersCommand, PartnersError, SetPartner, SettingFlags,
};
pub use self::set_status::{set_status, SetStatus, SetStatusError, NOTE_MAX, STATUSES};
use crate::config::{Config, LogFormat};

/// The reference backend of the support widget: stores support requests in
/// SQLite or PostgreSQL and answers the widget's JSON API.
#[derive(Clone, Debug, Parser)]
#[command(name = "support-backend", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    /// Without a command, the backend serves the API.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands that open only a database that exists
/// ([`crate::db::connect_existing`]), with their own subcommands.
const ON_AN_EXISTING_DATABASE: [&str; 5] =
    ["set-status", "export", "health", "deliveries", "bounced"];

/// The `partners` commands that open only a database that exists: `add`
/// creates one, as `seed-demo` does.
const PARTNERS_ON_AN_EXISTING_DATABASE: [&str; 3] = ["list", "set", "disable"];

/// `--database-url` as those commands take it: the flag's own help says
/// that a missing SQLite file is created, which is true of serving,
/// `import` and `seed-demo` only.
const EXISTING_DATABASE_HELP: &str = "Database URL: sqlite://FILE or \
    postgres://USER:PASSWORD@HOST:PORT/DATABASE. It must exist: this command \
    never creates one. Migrated at start";

impl Cli {
    /// The command line, each command's `--database-url` described as
    /// that command uses it.
    pub fn command_line() -> clap::Command {
        let command = Cli::command();
        let Some(database_url) = command
            .get_arguments()
            .find(|arg| arg.get_id() == "database_url")
            .cloned()
        else {
            return command;
        };
        // A command that has a global flag of its own keeps it, and passes
        // it on to its subcommands, instead of the top level's.
        let existing = database_url.help(EXISTING_DATABASE_HELP);
        let with_existing = |command: clap::Command, name: &str| {
            command.mut_subcommand(name, |subcommand| subcommand.arg(existing.clone()))
        };
        let command = ON_AN_EXISTING_DATABASE
            .into_iter()
            .fold(command, with_existing);
        command.mut_subcommand("partners", |partners| {
            PARTNERS_ON_AN_EXISTING_DATABASE
                .into_iter()
                .fold(partners, with_existing)
        })
    }

    /// Parses `args`, the binary's name first, as [`Cli::command_line`]
    /// describes them; the error is clap's (`--help` and `--version` are
    /// errors too), ready to print.
    pub fn try_from_args(args: &[OsString]) -> Result<Cli, clap::Error> {
        let mut command = Cli::command_line();
        let matches = command.try_get_matches_from_mut(args)?;
        let mut cli =
            Cli::from_arg_matches(&matches).map_err(|error| error.format(&mut command))?;
        if let (Some(Command::Partners(partners)), Some(("partners", matches))) =
            (&mut cli.command, matches.subcommand())
        {
            partners.keep_only_typed(matches);
        }
        Ok(cli)
    }
}

/// `--log-format`'s variable.
const LOG_FORMAT_VARIABLE: &str = "SUPPORT_BACKEND_LOG_FORMAT";

/// The log format that `args` and the environment ask for, for when clap
/// refused them and so its message must be written in that format.
pub fn log_format_asked(args: &[OsString]) -> LogFormat {
    log_format_in(args, std::env::var_os(LOG_FORMAT_VARIABLE).as_deref())
}

/// `--log-format json` or `--log-format=json` before any `--`, else the
/// variable, as clap reads them. Read by hand because clap's error keeps
/// nothing it parsed, and parsing again with `ignore_errors` stops at the
/// first bad value, which may come before `--log-format`.
fn log_format_in(args: &[OsString], variable: Option<&OsStr>) -> LogFormat {
    let mut asked = None;
    let mut args = args.iter().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--") => break,
            Some("--log-format") => asked = args.next().map(OsString::as_os_str),
            Some(arg) => {
                if let Some(value) = arg.strip_prefix("--log-format=") {
                    asked = Some(OsStr::new(value));
                }
            }
            None => {}
        }
    }
    asked
        .or(variable)
        .and_then(OsStr::to_str)
        .and_then(|value| LogFormat::from_str(value, false).ok())
        .unwrap_or_default()
}

/// What to do instead of serving.
#[derive(Clone, Debug, Subcommand)]
pub enum Command {
    /// Change a request's status and add the change to its history (for
    /// demos and tests).
    ///
    /// Example: support-backend set-status --database-url
    /// sqlite://support-widget.db SR-000001 in_progress --note "Looking into it".
    SetStatus(SetStatus),
    /// Adds or updates catalogue items from a file: JSON Lines (one object
    /// a line, shaped as the matching GET answers it) or CSV (a header row
    /// of the same field names). The whole file is checked first: on any
    /// bad line nothing is written.
    ///
    /// Example: support-backend import customers customers.jsonl
    Import(Import),
    /// Writes a catalogue as JSON Lines (to FILE, or standard output), as
    /// `import` takes it back.
    Export(Export),
    /// Loads the demo catalogue (customers, services, service health,
    /// articles). For the demo and tests: a partner's database holds only
    /// what the partner imports.
    SeedDemo,
    /// Posts, updates or resolves a service-health incident or advisory.
    ///
    /// Example: support-backend health set azure-vm-east2 --service azure
    /// --status investigating --title "VMs may fail to start" --summary
    /// "Starting VMs in China East 2 may fail."; then: support-backend
    /// health resolve azure-vm-east2
    #[command(subcommand)]
    Health(HealthCommand),
    /// Lists the webhook deliveries and mail not made yet (failing, or
    /// given up on), or makes one event due again.
    Deliveries(Deliveries),
    /// Lists the addresses no mail goes to since an SMTP server refused
    /// them for good, or lets one be mailed again.
    ///
    /// Example: support-backend bounced clear chen.jie@beijing-cloud.cn
    Bounced(Bounced),
    /// Adds, lists, changes or disables the partners the backend serves
    /// besides `default`, the partner of its own flags.
    #[command(subcommand)]
    Partners(PartnersCommand),
    /// Brings the database to this backend's schema, as the tables' owner
    /// (the server does it at start when it may), and lets the server's
    /// own PostgreSQL role use the tables without owning them.
    ///
    /// Example: support-backend migrate --database-url
    /// postgres://owner@db/support --grant-to support_app
    Migrate(Migrate),
}

#[cfg(test)]
mod tests {
    use support_contract::RequestStatus;

    use super::*;

    #[test]
    fn serving_stays_the_default_with_the_same_flags() {
        let cli = Cli::try_parse_from(["support-backend", "--listen", "127.0.0.1:0"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.config.listen, "127.0.0.1:0");
    }

    #[test]
    fn the_database_url_may_come_before_or_after_the_command() {
        for args in [
            &[
                "support-backend",
                "--database-url",
                "sqlite://x.db",
                "set-status",
                "SR-000001",
                "closed",
            ][..],
            &[
                "support-backend",
                "set-status",
                "--database-url",
                "sqlite://x.db",
                "SR-000001",
                "closed",
            ][..],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert_eq!(cli.config.database_url, "sqlite://x.db", "{args:?}");
            let Some(Command::SetStatus(set)) = cli.command else {
                panic!("{args:?}");
            };
            assert_eq!(set.request, "SR-000001");
            assert_eq!(set.status, RequestStatus::Closed);
            assert_eq!(set.note, None);
        }
    }

    /// Only serving, `import`, `seed-demo` and `partners add` create a
    /// missing database, and only their `--database-url` help says so.
    #[test]
    fn database_url_help_promises_a_new_database_only_where_one_is_made() {
        let mut command = Cli::command_line();
        let mut help = |path: &[&str]| {
            let mut found = &mut command;
            for name in path {
                found = found.find_subcommand_mut(name).unwrap();
            }
            found.render_long_help().to_string()
        };
        for path in [&[][..], &["import"], &["seed-demo"], &["partners", "add"]] {
            assert!(help(path).contains("created if missing"), "{path:?}");
        }
        for path in [
            &["set-status"][..],
            &["export"],
            &["health"],
            &["health", "set"],
            &["health", "resolve"],
            &["deliveries"],
            &["deliveries", "retry"],
            &["bounced"],
            &["bounced", "clear"],
            &["partners", "list"],
            &["partners", "set"],
            &["partners", "disable"],
        ] {
            let said = help(path);
            assert!(!said.contains("created if missing"), "{path:?}: {said}");
            assert!(said.contains("never creates one"), "{path:?}: {said}");
        }
        let matches = Cli::command_line()
            .try_get_matches_from([
                "support-backend",
                "export",
                "customers",
                "--database-url",
                "sqlite://y.db",
            ])
            .unwrap();
        let cli = Cli::from_arg_matches(&matches).unwrap();
        assert_eq!(cli.config.database_url, "sqlite://y.db");
        let args = [
            "support-backend",
            "partners",
            "list",
            "--database-url",
            "sqlite://z.db",
        ];
        let args: Vec<OsString> = args.into_iter().map(OsString::from).collect();
        let cli = Cli::try_from_args(&args).unwrap();
        assert_eq!(cli.config.database_url, "sqlite://z.db");
    }

    /// Read by hand when clap refuses a command line, the log format is
    /// the one clap reads from a command line it takes.
    #[test]
    fn the_log_format_asked_is_the_one_clap_reads() {
        let arg = Cli::command_line()
            .get_arguments()
            .find(|arg| arg.get_id() == "log_format")
            .cloned()
            .unwrap();
        assert_eq!(arg.get_long(), Some("log-format"));
        assert_eq!(arg.get_env(), Some(OsStr::new(LOG_FORMAT_VARIABLE)));
        let args = |given: &[&str]| -> Vec<OsString> {
            ["support-backend"]
                .iter()
                .chain(given)
                .map(OsString::from)
                .collect()
        };
        for (given, asked) in [
            (&[][..], LogFormat::Text),
            (&["--log-format", "json"], LogFormat::Json),
            (&["--log-format=json"], LogFormat::Json),
            (&["--log-format", "text"], LogFormat::Text),
            (
                &["--listen", "127.0.0.1:0", "--log-format", "json"],
                LogFormat::Json,
            ),
        ] {
            let args = args(given);
            assert_eq!(log_format_in(&args, None), asked, "{given:?}");
            let cli = Cli::try_from_args(&args).unwrap();
            assert_eq!(cli.config.log_format, asked, "{given:?}");
        }
        let json = Some(OsStr::new("json"));
        assert_eq!(log_format_in(&args(&[]), json), LogFormat::Json);
        assert_eq!(
            log_format_in(&args(&["--log-format=text"]), json),
            LogFormat::Text
        );
        assert_eq!(
            log_format_in(&args(&["--log-format", "xml"]), json),
            LogFormat::Text
        );
        assert_eq!(
            log_format_in(&args(&["--", "--log-format=json"]), None),
            LogFormat::Text
        );
    }

    #[test]
    fn only_the_contract_statuses_and_sane_notes_are_taken() {
        let parse = |status: &str, note: &str| {
            Cli::try_parse_from([
                "support-backend",
                "set-status",
                "SR-000001",
                status,
                "--note",
                note,
            ])
        };
        assert!(parse("in_progress", "Looking into it.\nCalled the customer.").is_ok());
        assert!(parse("done", "").is_err());
        assert!(parse("In_Progress", "").is_err());
        assert!(parse("resolved", "\u{1b}[31m").is_err());
        assert!(parse("resolved", &"x".repeat(NOTE_MAX + 1)).is_err());
        for status in STATUSES {
            assert!(parse(status.as_str(), "ok").is_ok());
        }
    }
}
