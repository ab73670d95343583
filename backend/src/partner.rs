//! Whose data a request touches. One backend serves one partner or many,
//! and every row of a partner's data names its partner (`partner_id`). A
//! handler reaches that data only through a [`PartnerScope`]: the database
//! bound to the caller's partner, which every data function takes instead
//! of the bare [`Db`] and writes into its SQL (`partner_id = $1`). A row of
//! another partner is then never loaded, so its id answers exactly as an id
//! that does not exist (404), and nothing is checked after loading, when
//! timing could already tell.
//!
//! The partner comes from the key that verified the caller's token, never
//! from anything the caller sends (the extractor is
//! [`crate::identity`]'s); a backend with no partners configured serves its
//! one partner, [`DEFAULT_PARTNER`], as it always did.

pub mod desk;
pub mod settings;
pub mod store;

use std::sync::Arc;

use sqlx::{Any, Transaction};

use crate::db::{Db, Scoped};

/// The partner of a backend without partners configured, and of the rows
/// written before partners were: the partner of the flags the backend is
/// started with.
pub const DEFAULT_PARTNER: &str = "default";

/// The database as one partner sees it: every data function takes one, and
/// keeps its SQL to [`PartnerScope::partner`]'s rows.
#[derive(Clone, Debug)]
pub struct PartnerScope {
    db: Db,
    partner: Arc<str>,
}

impl PartnerScope {
    /// `db` as `partner` sees it: for the work no caller asks for (an
    /// outbox delivery, an operator's command), which reads the partner
    /// from the row it works on or from the operator.
    pub fn of(db: &Db, partner: &str) -> Self {
        PartnerScope {
            db: db.clone(),
            partner: partner.into(),
        }
    }

    /// `db` as the default partner sees it.
    pub fn default_partner(db: &Db) -> Self {
        Self::of(db, DEFAULT_PARTNER)
    }

    /// The partner's id, for the SQL's `partner_id = $n`.
    pub fn partner(&self) -> &str {
        &self.partner
    }

    /// The whole database, for what is shared by every partner (the
    /// catalogue) and for what counts connections.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// A connection for this partner's reads: on PostgreSQL it sees this
    /// partner's rows only, whatever its SQL says ([`Db::read_as`]), and
    /// refuses writes.
    pub async fn acquire(&self) -> Result<Scoped, sqlx::Error> {
        self.db.read_as(&self.partner).await
    }

    /// A transaction for this partner's writes ([`Db::write_as`]): on
    /// PostgreSQL it sees and writes this partner's rows only.
    pub async fn begin_write(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        self.db.write_as(&self.partner).await
    }
}
