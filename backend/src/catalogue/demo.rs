//! The demo's catalogue: a partner with a dozen customers in the widget's
//! four languages, four services, a current incident and advisory, and ten
//! help articles. Loaded by `support-backend seed-demo` (which
//! `scripts/demo` and the tests run), never by a migration, so that a
//! partner's database holds only what the partner put there.

use super::import::{self, ImportError, Outcome};
use crate::catalogue::{self, Format, Kind};
use crate::db::Db;
use crate::partner::PartnerScope;

/// The demo files, in the order they must go in (health names services).
const FILES: [(Kind, &str); 4] = [
    (Kind::Services, include_str!("../../demo/services.jsonl")),
    (Kind::Customers, include_str!("../../demo/customers.jsonl")),
    (Kind::Articles, include_str!("../../demo/articles.jsonl")),
    (Kind::Health, include_str!("../../demo/health.jsonl")),
];

/// Upserts the demo catalogue, its customers as the default partner's;
/// running it again changes nothing.
pub async fn seed(db: &Db) -> Result<Vec<(Kind, Outcome)>, ImportError> {
    let mut outcomes = Vec::new();
    for (kind, text) in FILES {
        let items = catalogue::parse(kind, Format::Jsonl, text).map_err(ImportError::Refused)?;
        outcomes.push((
            kind,
            import::import(&PartnerScope::default_partner(db), &items).await?,
        ));
    }
    Ok(outcomes)
}
