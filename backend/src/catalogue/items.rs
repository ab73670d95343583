//! The items of a catalogue file and the rules each line must pass.

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use support_contract::{limits, ContactLanguage, HealthKind, HealthStatus};

use super::{Format, LineError, Lined, ERRORS_SHOWN};

/// The longest id of a catalogue item.
pub const ID_MAX: usize = 100;

/// A customer, as `GET /customers` answers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerItem {
    pub id: String,
    pub name: String,
    pub domain: String,
}

/// A service, as `GET /services` answers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceItem {
    pub id: String,
    pub name: String,
    pub admin_center_url: String,
}

/// One article in one locale, as `GET /articles?locale=` answers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleItem {
    pub id: String,
    pub locale: String,
    pub title: String,
    pub summary: String,
    pub url: String,
}

/// One incident or advisory in one locale, as `GET /service-health?locale=`
/// answers it. A `resolved` one is kept but no longer listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthItem {
    pub id: String,
    pub service: String,
    pub kind: String,
    pub status: String,
    pub locale: String,
    pub title: String,
    pub summary: String,
    pub started_at: String,
    pub updated_at: String,
}

/// What every kind of item shares: a key that must be unique in a file,
/// and its own checks.
pub trait Item: DeserializeOwned + Sized {
    /// One line's noun in messages ("a customer").
    const NOUN: &'static str;
    fn key(&self) -> String;
    /// Checks, and writes values the way they are stored (times as
    /// `YYYY-MM-DDTHH:MM:SSZ`).
    fn check(&mut self) -> Vec<String>;
}

impl Item for CustomerItem {
    const NOUN: &'static str = "a customer (id, name, domain)";

    fn key(&self) -> String {
        self.id.clone()
    }

    fn check(&mut self) -> Vec<String> {
        let mut problems = Vec::new();
        id("id", &self.id, &mut problems);
        text("name", &self.name, limits::NAME_MAX, &mut problems);
        text("domain", &self.domain, 253, &mut problems);
        problems
    }
}

impl Item for ServiceItem {
    const NOUN: &'static str = "a service (id, name, admin_center_url)";

    fn key(&self) -> String {
        self.id.clone()
    }

    fn check(&mut self) -> Vec<String> {
        let mut problems = Vec::new();
        id("id", &self.id, &mut problems);
        text("name", &self.name, limits::NAME_MAX, &mut problems);
        url(
            "admin_center_url",
            &self.admin_center_url,
            false,
            &mut problems,
        );
        problems
    }
}

impl Item for ArticleItem {
    const NOUN: &'static str = "an article (id, locale, title, summary, url)";

    fn key(&self) -> String {
        format!("{} in {}", self.id, self.locale)
    }

    fn check(&mut self) -> Vec<String> {
        let mut problems = Vec::new();
        id("id", &self.id, &mut problems);
        locale(&self.locale, &mut problems);
        text("title", &self.title, limits::TITLE_MAX, &mut problems);
        text("summary", &self.summary, 1000, &mut problems);
        // The widget opens articles from a partner's page: https only.
        url("url", &self.url, true, &mut problems);
        problems
    }
}

impl Item for HealthItem {
    const NOUN: &'static str =
        "a health item (id, service, kind, status, locale, title, summary, started_at, updated_at)";

    fn key(&self) -> String {
        format!("{} in {}", self.id, self.locale)
    }

    fn check(&mut self) -> Vec<String> {
        let mut problems = Vec::new();
        id("id", &self.id, &mut problems);
        id("service", &self.service, &mut problems);
        if HealthKind::parse(&self.kind).is_none() {
            problems.push(format!("kind {:?} is not incident or advisory", self.kind));
        }
        if HealthStatus::parse(&self.status).is_none() {
            problems.push(format!(
                "status {:?} is not investigating, identified, monitoring or resolved",
                self.status
            ));
        }
        locale(&self.locale, &mut problems);
        text("title", &self.title, limits::TITLE_MAX, &mut problems);
        text("summary", &self.summary, 2000, &mut problems);
        for (field, value) in [
            ("started_at", &mut self.started_at),
            ("updated_at", &mut self.updated_at),
        ] {
            match time(value) {
                Some(normal) => *value = normal,
                None => problems.push(format!(
                    "{field} {value:?} is not an RFC 3339 time in UTC such as 2026-11-22T01:40:00Z"
                )),
            }
        }
        problems
    }
}

/// Reads every line of `text` as a `T`, checks each, and refuses a key that
/// comes twice.
pub fn read<T: Item>(format: Format, text: &str) -> Result<Vec<Lined<T>>, Vec<LineError>> {
    let rows = rows::<T>(format, text);
    let mut items = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for (line, row) in rows {
        let mut item = match row {
            Ok(item) => item,
            Err(message) => {
                errors.push(LineError { line, message });
                continue;
            }
        };
        let problems = item.check();
        if !problems.is_empty() {
            errors.push(LineError {
                line,
                message: problems.join("; "),
            });
            continue;
        }
        if !seen.insert(item.key()) {
            errors.push(LineError {
                line,
                message: format!("{} comes twice in the file", item.key()),
            });
            continue;
        }
        items.push(Lined { line, item });
    }
    if errors.is_empty() {
        Ok(items)
    } else {
        errors.truncate(ERRORS_SHOWN);
        Err(errors)
    }
}

/// How many lines of `text` read as a `T` in `format`, checked or not.
pub fn readable<T: Item>(format: Format, text: &str) -> usize {
    rows::<T>(format, text)
        .iter()
        .filter(|(_, row)| row.is_ok())
        .count()
}

type Row<T> = (usize, Result<T, String>);

fn rows<T: Item>(format: Format, text: &str) -> Vec<Row<T>> {
    match format {
        Format::Jsonl => jsonl_rows::<T>(text),
        Format::Csv => csv_rows::<T>(text),
    }
}

fn jsonl_rows<T: Item>(text: &str) -> Vec<Row<T>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let row = serde_json::from_str::<T>(line.trim_start_matches('\u{feff}'))
                .map_err(|error| format!("not {}: {}", T::NOUN, json_error(&error)));
            (index + 1, row)
        })
        .collect()
}

fn csv_rows<T: Item>(text: &str) -> Vec<Row<T>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::Headers)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(error) => return vec![(1, Err(format!("no header row of field names: {error}")))],
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        // A record spanning lines (a quoted line break) is named by its
        // first line.
        let row = match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                let item = record
                    .deserialize::<T>(Some(&headers))
                    .map_err(|error| format!("not {}: {}", T::NOUN, csv_error(&error)));
                (line, item)
            }
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                (line, Err(format!("not CSV: {}", csv_error(&error))))
            }
        };
        rows.push(row);
    }
    rows
}

/// A JSON error without serde_json's "at line 1": it counts the lines of
/// its own input, one line of the file, whose number the caller gives.
fn json_error(error: &serde_json::Error) -> String {
    let said = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match said.strip_suffix(&position) {
        Some(message) => format!("{message} at column {}", error.column()),
        None => said,
    }
}

/// A CSV error without the csv crate's record number and position, which
/// count differently from the line that the caller names.
fn csv_error(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields where the header row has {expected_len}"),
        _ => error.to_string(),
    }
}

fn id(field: &str, value: &str, problems: &mut Vec<String>) {
    if value.is_empty() {
        problems.push(format!("{field} is empty"));
    } else if value.chars().count() > ID_MAX {
        problems.push(format!("{field} is longer than {ID_MAX} characters"));
    } else if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        problems.push(format!(
            "{field} {value:?} has spaces or control characters"
        ));
    }
}

fn text(field: &str, value: &str, max: usize, problems: &mut Vec<String>) {
    if value.trim().is_empty() {
        problems.push(format!("{field} is empty"));
    } else if value.chars().count() > max {
        problems.push(format!("{field} is longer than {max} characters"));
    } else if value.chars().any(char::is_control) {
        problems.push(format!("{field} has control characters"));
    }
}

fn url(field: &str, value: &str, https_only: bool, problems: &mut Vec<String>) {
    let usable = url::Url::parse(value).is_ok_and(|url| {
        let scheme_ok = match https_only {
            true => url.scheme() == "https",
            false => matches!(url.scheme(), "http" | "https"),
        };
        scheme_ok && url.host_str().is_some_and(|host| !host.is_empty())
    });
    if !usable {
        let wanted = if https_only { "an https" } else { "an http(s)" };
        problems.push(format!(
            "{field} {value:?} is not {wanted} URL the widget can open"
        ));
    }
}

fn locale(value: &str, problems: &mut Vec<String>) {
    if ContactLanguage::parse(value).is_none() {
        let tags: Vec<&str> = ContactLanguage::ALL.iter().map(|l| l.as_str()).collect();
        problems.push(format!(
            "locale {value:?} is not one of {}",
            tags.join(", ")
        ));
    }
}

/// An RFC 3339 time, written in UTC to the second as the database keeps
/// times; `None` if it is not one.
fn time(value: &str) -> Option<String> {
    let at = humantime::parse_rfc3339(value.trim()).ok()?;
    Some(humantime::format_rfc3339_seconds(at).to_string())
}
