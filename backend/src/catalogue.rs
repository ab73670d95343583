//! The partner's catalogue (customers, services, service health, articles):
//! what the widget reads of it (the routes [`customers`], [`services`],
//! [`service_health`] and [`articles`]; their SQL in [`lookups`],
//! [`incidents`] and [`article_texts`]; how a query matches in
//! [`customer_search`] and [`article_search`]), and how it gets in and out
//! ([`routes`] for the admin's API, [`import`], [`export`], [`demo`]).
//!
//! This module reads the catalogue as files: JSON Lines or CSV, each item shaped as the matching `GET`
//! answers it. A file is read and checked whole before anything is written,
//! so a bad line leaves the database as it was; the errors name their lines.

mod items;

pub mod article_search;
pub mod article_texts;
pub mod articles;
pub mod customer_search;
pub mod customers;
pub mod demo;
pub mod export;
pub mod import;
pub mod incidents;
pub mod lookups;
pub mod routes;
pub mod service_health;
pub mod services;

use std::fmt;

pub use items::{ArticleItem, CustomerItem, HealthItem, ServiceItem};

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Customers,
    Services,
    Articles,
    Health,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Customers,
        Kind::Services,
        Kind::Articles,
        Kind::Health,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Customers => "customers",
            Kind::Services => "services",
            Kind::Articles => "articles",
            Kind::Health => "health",
        }
    }

    pub fn parse(value: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == value)
    }
}

/// How a file is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object a line (`.jsonl`, `.ndjson`).
    #[default]
    Jsonl,
    /// A header row of field names, then one item a row (`.csv`).
    Csv,
}

impl Format {
    /// As `--format` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
        }
    }

    /// As people call it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "JSON Lines",
            Format::Csv => "CSV",
        }
    }

    /// The format a file's name says, JSON Lines unless it ends in `.csv`.
    pub fn of_path(path: &std::path::Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("csv") => Format::Csv,
            _ => Format::Jsonl,
        }
    }
}

/// The items of one file, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Items {
    Customers(Vec<Lined<CustomerItem>>),
    Services(Vec<Lined<ServiceItem>>),
    Articles(Vec<Lined<ArticleItem>>),
    Health(Vec<Lined<HealthItem>>),
}

impl Items {
    pub fn kind(&self) -> Kind {
        match self {
            Items::Customers(_) => Kind::Customers,
            Items::Services(_) => Kind::Services,
            Items::Articles(_) => Kind::Articles,
            Items::Health(_) => Kind::Health,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Items::Customers(items) => items.len(),
            Items::Services(items) => items.len(),
            Items::Articles(items) => items.len(),
            Items::Health(items) => items.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// An item and the line it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lined<T> {
    pub line: usize,
    pub item: T,
}

/// What is wrong with one line (0: the file as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}", self.message),
            line => write!(f, "line {line}: {}", self.message),
        }
    }
}

/// The most errors reported for one file: enough to fix a systematic
/// mistake, short enough to read.
pub const ERRORS_SHOWN: usize = 20;

/// A catalogue file's bytes as text: UTF-8, or the line where it is not,
/// with what to do. A spreadsheet saves CSV in the system's own encoding
/// unless told otherwise (GBK on Simplified Chinese Windows, Big5 on
/// Traditional), and the names in it would otherwise come out garbled.
pub fn text_of(bytes: &[u8]) -> Result<&str, LineError> {
    std::str::from_utf8(bytes).map_err(|error| {
        let before = &bytes[..error.valid_up_to()];
        LineError {
            line: 1 + before.iter().filter(|&&byte| byte == b'\n').count(),
            message: "not UTF-8 text: save the file as UTF-8 \
                      (in Excel, \"CSV UTF-8\"; GBK and Big5 are not read)"
                .into(),
        }
    })
}

/// Reads and checks a whole file of `kind`. Every line is checked; the
/// errors come in line order.
pub fn parse(kind: Kind, format: Format, text: &str) -> Result<Items, Vec<LineError>> {
    match kind {
        Kind::Customers => items::read(format, text).map(Items::Customers),
        Kind::Services => items::read(format, text).map(Items::Services),
        Kind::Articles => items::read(format, text).map(Items::Articles),
        Kind::Health => items::read(format, text).map(Items::Health),
    }
}

/// The other format, when not one line of `text` reads as a `kind` in
/// `format` but some do in the other: a file whose name gave the wrong
/// format, for which one hint says more than an error on every line.
pub fn in_other_format(kind: Kind, format: Format, text: &str) -> Option<Format> {
    let readable = |format| match kind {
        Kind::Customers => items::readable::<CustomerItem>(format, text),
        Kind::Services => items::readable::<ServiceItem>(format, text),
        Kind::Articles => items::readable::<ArticleItem>(format, text),
        Kind::Health => items::readable::<HealthItem>(format, text),
    };
    let other = match format {
        Format::Jsonl => Format::Csv,
        Format::Csv => Format::Jsonl,
    };
    (readable(format) == 0 && readable(other) > 0).then_some(other)
}

/// Writes items as JSON Lines, as `export` does.
pub fn to_jsonl<T: serde::Serialize>(items: &[T]) -> String {
    let mut out = String::new();
    for item in items {
        // Plain data: serializing cannot fail.
        out.push_str(&serde_json::to_string(item).unwrap_or_default());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
