//! Who is asking. The portal vouches for its signed-in user with a JWT that
//! the widget passes on as `Authorization: Bearer …`; every handler takes a
//! [`Caller`], so that none can forget to check it, and asks [`access`]
//! what that caller may do.

pub mod access;
pub mod issuers;
mod jwks;
pub mod verify;

use std::borrow::Cow;
use std::sync::Arc;

use axum::extract::{FromRef, FromRequestParts, MatchedPath, Path};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};

pub use access::{Action, Denied};
pub use issuers::Issuers;
pub use verify::{TokenError, Verifier};

use crate::db::Db;
use crate::error::ApiError;
use crate::partner::PartnerScope;
use crate::requests::stored;

/// The roles a token's `role` claim names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Partner staff: files Partner Center and on-behalf requests.
    Partner,
    /// A user of one customer of the partner (`customer_id`).
    Customer,
    /// Works on requests (changes their statuses).
    Agent,
    /// Manages the catalogue.
    Admin,
}

impl Role {
    pub fn parse(value: &str) -> Option<Role> {
        match value {
            "partner" => Some(Role::Partner),
            "customer" => Some(Role::Customer),
            "agent" => Some(Role::Agent),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// The role as the token's claim names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Partner => "partner",
            Role::Customer => "customer",
            Role::Agent => "agent",
            Role::Admin => "admin",
        }
    }

    /// The partner's own people, who see every request.
    pub fn is_staff(self) -> bool {
        !matches!(self, Role::Customer)
    }
}

/// A user whose token verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// A stable id of the user (`sub`).
    pub sub: String,
    pub name: Option<String>,
    pub email: Option<String>,
    /// `None` for a role this backend does not know: such a user may do
    /// nothing.
    pub role: Option<Role>,
    /// The customer a `customer` user belongs to.
    pub customer_id: Option<String>,
    /// When the token expires (`exp`, Unix seconds): a live stream ends
    /// then.
    pub expires_at: u64,
    /// The partner whose key verified the token: whose data the user sees
    /// ([`crate::partner`]).
    pub partner: String,
}

/// Who is asking, as far as this request goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    /// The backend runs with `--no-auth`: everyone may do everything.
    Open,
    /// No token, on a backend that serves a public help page
    /// (`--anonymous-customers`).
    Visitor,
    /// No token, where one is needed for everything.
    Anonymous,
    /// A verified user.
    User(Identity),
}

impl Caller {
    /// The partner whose data this caller works on: a user's is the one
    /// whose key verified their token; anyone else is the default
    /// partner's.
    pub fn partner(&self) -> &str {
        match self {
            Caller::User(identity) => &identity.partner,
            _ => crate::partner::DEFAULT_PARTNER,
        }
    }

    /// Whether this caller works at 21Vianet's desk: an `agent` of the
    /// operator's issuer, who works on every partner's requests to
    /// 21Vianet ([`crate::partner::desk`]).
    pub fn is_desk(&self) -> bool {
        matches!(self, Caller::User(identity)
            if identity.role == Some(Role::Agent)
                && identity.partner == crate::partner::DEFAULT_PARTNER)
    }

    /// The subject this caller is known by in the rows of `scope`'s
    /// partner: their `sub` in their own partner's, `<partner>/<sub>` in
    /// another's (21Vianet's desk on a partner's request), so that it never
    /// passes for a user of that partner who has the same `sub` (its seen
    /// marks, its replies, its events). `None` for anyone without a token.
    pub fn subject_in(&self, scope: &PartnerScope) -> Option<Cow<'_, str>> {
        match self {
            Caller::User(identity) if identity.partner == scope.partner() => {
                Some(Cow::Borrowed(&identity.sub))
            }
            Caller::User(identity) => {
                Some(Cow::Owned(format!("{}/{}", identity.partner, identity.sub)))
            }
            _ => None,
        }
    }

    /// What a request filed by this caller stores as its filer.
    pub fn filed_by(&self) -> Option<&str> {
        match self {
            Caller::User(identity) => Some(&identity.sub),
            _ => None,
        }
    }

    /// `Ok` when this caller may do `action`, else the error to answer.
    pub fn may(&self, action: Action) -> Result<(), ApiError> {
        access::check(self, action).map_err(ApiError::from)
    }
}

/// A refusal as the HTTP answer: here rather than in [`crate::error`], so
/// that errors know nothing of identity and identity depends on them alone.
impl From<Denied> for ApiError {
    fn from(denied: Denied) -> ApiError {
        match denied {
            Denied::Unauthenticated => ApiError::Unauthenticated,
            Denied::Forbidden => ApiError::Forbidden,
        }
    }
}

/// How the backend tells who is asking.
#[derive(Debug)]
pub struct Auth {
    /// `None` with `--no-auth`.
    pub verifier: Option<Verifier>,
    /// Visitors without a token may use the public help page.
    pub anonymous_customers: bool,
    /// The partners' issuers and keys (`support-backend partners`):
    /// `None` until the database is open, and with `--no-auth`.
    pub partners: Option<Issuers>,
}

impl Auth {
    /// The caller of a request with these headers.
    pub async fn caller(&self, headers: &HeaderMap) -> Result<Caller, TokenError> {
        let Some(verifier) = &self.verifier else {
            return Ok(Caller::Open);
        };
        let Some(value) = headers.get(header::AUTHORIZATION) else {
            return Ok(if self.anonymous_customers {
                Caller::Visitor
            } else {
                Caller::Anonymous
            });
        };
        let token = bearer_token(value.as_bytes()).ok_or(TokenError::Malformed)?;
        let identity = match &self.partners {
            Some(partners) => partners.verify(verifier, token).await?,
            None => verifier.verify(token).await?,
        };
        Ok(Caller::User(identity))
    }
}

/// The token of `Bearer <token>` (the scheme in any case, RFC 7235).
pub fn bearer_token(value: &[u8]) -> Option<&str> {
    let value = std::str::from_utf8(value).ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// Any state that holds the [`Auth`] (the app's, `AppState`) can tell who
/// is asking.
impl<S> FromRequestParts<S> for Caller
where
    S: Send + Sync,
    Arc<Auth>: FromRef<S>,
{
    type Rejection = ApiError;

    /// The token is verified once a request: the caller is kept with it
    /// for the extractors after the first ([`crate::partner::PartnerScope`]).
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        if let Some(caller) = parts.extensions.get::<Caller>() {
            return Ok(caller.clone());
        }
        let auth = Arc::<Auth>::from_ref(state);
        let caller = auth.caller(&parts.headers).await.map_err(|error| {
            tracing::debug!("refused a token: {error}");
            crate::meter::token_refused(error.reason());
            ApiError::Unauthenticated
        })?;
        parts.extensions.insert(caller.clone());
        Ok(caller)
    }
}

/// The caller's partner: the partner whose key verified their token. A
/// visitor of a public help page without one is the partner's whose
/// `allowed_origins` list the page (its `Origin`), else the default
/// partner's, as is everyone on a backend without sign-in. For 21Vianet's
/// desk, the partner of the request or file the path names
/// ([`desk_partner`]).
impl<S> FromRequestParts<S> for PartnerScope
where
    S: Send + Sync,
    Arc<Auth>: FromRef<S>,
    Db: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let caller = Caller::from_request_parts(parts, state).await?;
        let db = Db::from_ref(state);
        if caller.is_desk() {
            if let Some(partner) = desk_partner(&db, parts, state).await? {
                return Ok(PartnerScope::of(&db, &partner));
            }
        }
        if caller == Caller::Visitor {
            if let Some(partner) = visitors_partner(&Arc::<Auth>::from_ref(state), parts).await {
                return Ok(PartnerScope::of(&db, &partner));
            }
        }
        Ok(PartnerScope::of(&db, caller.partner()))
    }
}

/// The partner of the page a visitor without a token is on: the one whose
/// `allowed_origins` list the request's `Origin`. The browser sets it, and a
/// visitor is no one in particular anyway: whatever a client claims, it
/// files and reads as a visitor of that partner's page would.
async fn visitors_partner(auth: &Auth, parts: &Parts) -> Option<String> {
    let origin = parts.headers.get(header::ORIGIN)?.to_str().ok()?;
    auth.partners.as_ref()?.partner_of_origin(origin).await
}

/// For the desk, the partner of the request or file the path names, when
/// it is another partner's and the desk works on it: the handler then
/// works on it as that partner's. `None` for anything else, which stays the
/// default partner's (so another partner's other ids answer 404).
async fn desk_partner<S: Send + Sync>(
    db: &Db,
    parts: &mut Parts,
    state: &S,
) -> Result<Option<String>, ApiError> {
    let route = parts
        .extensions
        .get::<MatchedPath>()
        .map(MatchedPath::as_str);
    let on_request = [
        crate::SUPPORT_REQUEST,
        crate::SUPPORT_REQUEST_STATUS,
        crate::SUPPORT_REQUEST_REPLIES,
        crate::SUPPORT_REQUEST_SEEN,
    ];
    let on_file = route == Some(crate::ATTACHMENT);
    if !on_file && !route.is_some_and(|route| on_request.contains(&route)) {
        return Ok(None);
    }
    let Ok(Path(id)) = Path::<String>::from_request_parts(parts, state).await else {
        return Ok(None);
    };
    let found = if on_file {
        crate::partner::desk::partner_of_file(db, &id).await?
    } else {
        let named = stored::Named::Id(&id);
        stored::partner_of(db, named, stored::Among::Desk).await?
    };
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_tokens_are_read_from_the_scheme_in_any_case() {
        assert_eq!(bearer_token(b"Bearer abc.def.ghi"), Some("abc.def.ghi"));
        assert_eq!(bearer_token(b"bearer  abc "), Some("abc"));
        assert_eq!(bearer_token(b"Basic dXNlcjpwYXNz"), None);
        assert_eq!(bearer_token(b"Bearer "), None);
        assert_eq!(bearer_token(b"Bearer"), None);
        assert_eq!(bearer_token(b"\xffBearer x"), None);
    }

    #[test]
    fn only_customers_are_not_staff() {
        assert!(Role::Partner.is_staff() && Role::Agent.is_staff() && Role::Admin.is_staff());
        assert!(!Role::Customer.is_staff());
        assert_eq!(Role::parse("Partner"), None);
    }
}
