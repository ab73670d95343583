//! `POST /support-requests`, `GET /support-requests?filed_by=me`,
//! `GET /support-requests?kind=…&status=…`,
//! `GET /support-requests?reference=SR-…` and `GET /support-requests/{id}`.

use axum::extract::State;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use support_contract::{
    CreatedRequest, ErrorCode, FieldError, NewSupportRequest, RequestKind, RequestList,
    StoredRequest,
};

use super::extract::{Keyed, KeyedBody, RequestId};
use super::idempotency::keys::{self, Claim, KeyState};
use super::idempotency::{StoredResponse, IN_FLIGHT_RETRY_AFTER};
use super::rules;
use super::stored::{self, Created, Standing};
use crate::attachments::carried;
use crate::error::ApiError;
use crate::identity::{access, Action, Caller};
use crate::partner::{desk, PartnerScope};
use crate::query::Params;
use crate::AppState;

/// Set on an answer that repeats the first answer to an idempotency key.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";

/// How often a create looks at its key again after losing it to a
/// concurrent request: once is nearly always enough (the other request is
/// then seen in flight or completed); the bound keeps a pathological race
/// from looping.
const ATTEMPTS: usize = 3;

/// Who may file a request depends on its kind: checked once the body is
/// read.
impl KeyedBody for NewSupportRequest {
    const MAY: Option<Action> = None;

    fn may(&self) -> Option<Action> {
        Some(Action::File(self.kind))
    }
}

/// Creates a support request. The checks run in the order the contract lists
/// them: those of [`Keyed`] (the token (401), size (413), media type (415),
/// JSON shape (400), whether the caller may file this kind (403), the
/// idempotency key (400)), the key's state (replay, 409 in flight, 422
/// reused), then the field rules and the customer and service checks (422).
pub async fn create(
    State(state): State<AppState>,
    scope: PartnerScope,
    Keyed {
        caller,
        body: mut request,
        key,
        hash,
    }: Keyed<NewSupportRequest>,
) -> Result<Response, ApiError> {
    as_filed_by(&scope, &caller, &mut request).await?;
    let mut validated = false;
    for _ in 0..ATTEMPTS {
        match keys::find(&scope, &key).await? {
            Some(KeyState::Completed(previous)) => return replay(previous, &hash),
            Some(KeyState::InFlight { body_sha256, .. }) if body_sha256 != hash => {
                return Err(ApiError::IdempotencyKeyReused)
            }
            Some(KeyState::InFlight { stale: false, .. }) => {
                return Err(ApiError::IdempotencyKeyInFlight {
                    retry_after_secs: IN_FLIGHT_RETRY_AFTER.as_secs(),
                })
            }
            // A stale claim was abandoned; claiming below takes it over.
            Some(KeyState::InFlight { stale: true, .. }) | None => {}
        }
        // Validated only when the key is not answered yet: a stored key
        // already answered this exact body, and another body is a reuse.
        if !validated {
            let errors = rules::field_errors(&scope, &request, caller.filed_by()).await?;
            if !errors.is_empty() {
                return Err(ApiError::Invalid(errors));
            }
            validated = true;
        }
        let Some(claim) = keys::claim(&scope, &key, &hash).await? else {
            // Another request got the key first: look at its state again.
            continue;
        };
        let filer = caller.filed_by().map(str::to_owned);
        // A visitor typed their address: it confirms before it hears more.
        let confirm = matches!(caller, Caller::Visitor).then(crate::mail::confirmations::new_token);
        match file(&state, &scope, claim, request.clone(), filer, confirm).await? {
            Created::New(stored) => {
                state.wake_after_commit();
                crate::meter::request_created(request.kind.as_str());
                return respond(&stored, false);
            }
            Created::ClaimLost => continue,
        }
    }
    Err(ApiError::IdempotencyKeyInFlight {
        retry_after_secs: IN_FLIGHT_RETRY_AFTER.as_secs(),
    })
}

/// Files the request under its claim in a task of its own, so that a client
/// hanging up does not cancel filing halfway and leave the claim in flight;
/// when filing fails, the claim is released so a retry can claim it at once.
/// The files an escalation carries are copied first, outside the
/// transaction, and deleted again unless the request is stored.
async fn file(
    state: &AppState,
    scope: &PartnerScope,
    claim: Claim,
    request: NewSupportRequest,
    filed_by: Option<String>,
    confirm_token: Option<String>,
) -> Result<Created, ApiError> {
    let (scope, files, outbox) = (scope.clone(), state.files.clone(), state.outbox());
    let task = tokio::spawn(async move {
        let result = match carried::copy(&scope, &files, &request).await {
            Ok(copies) => {
                let filer = filed_by.as_deref();
                let stored = stored::create_request(
                    &scope,
                    &claim,
                    &request,
                    &copies,
                    filer,
                    &outbox,
                    confirm_token.as_deref(),
                )
                .await;
                if !matches!(stored, Ok(Created::New(_))) {
                    carried::discard(&files, &copies).await;
                }
                stored
            }
            Err(error) => Err(error),
        };
        if result.is_err() {
            if let Err(error) = keys::release(&scope, &claim).await {
                // The claim then goes stale and is taken over by a retry.
                tracing::warn!("cannot release idempotency key {}: {error}", claim.key());
            }
        }
        result
    });
    task.await
        .map_err(|error| ApiError::Internal(format!("filing task: {error}")))?
}

/// The stored answer for a repeated key, if the body is the same one.
fn replay(previous: StoredResponse, hash: &str) -> Result<Response, ApiError> {
    if previous.body_sha256 != hash {
        return Err(ApiError::IdempotencyKeyReused);
    }
    respond(&previous, true)
}

/// Sends a stored answer byte for byte, so a replay is identical to the
/// first answer (plus the replay marker).
fn respond(stored: &StoredResponse, replayed: bool) -> Result<Response, ApiError> {
    let status = StatusCode::from_u16(stored.status_code)
        .map_err(|e| ApiError::Internal(format!("stored status: {e}")))?;
    let created: CreatedRequest = serde_json::from_str(&stored.response)
        .map_err(|e| ApiError::Internal(format!("stored response: {e}")))?;
    let mut response = (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        stored.response.clone(),
    )
        .into_response();
    // Relative on purpose: resolved against the URL that was posted to, it
    // stays right when a proxy serves the API under a path prefix.
    if let Ok(location) = HeaderValue::from_str(&format!("support-requests/{}", created.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    if replayed {
        crate::meter::idempotent_replay();
        response.headers_mut().insert(
            HeaderName::from_static(REPLAYED_HEADER),
            HeaderValue::from_static("true"),
        );
    }
    Ok(response)
}

/// What a signed-in user files is filed as them: the contact's name and
/// email are the token's (the form does not ask for them), and a customer's
/// message names the customer their token belongs to, whatever the body
/// says.
async fn as_filed_by(
    scope: &PartnerScope,
    caller: &Caller,
    request: &mut NewSupportRequest,
) -> Result<(), ApiError> {
    let Caller::User(identity) = caller else {
        return Ok(());
    };
    if let Some(name) = &identity.name {
        request.contact.name = name.clone();
    }
    if let Some(email) = &identity.email {
        request.contact.email = email.clone();
    }
    if identity.role == Some(crate::identity::Role::Customer) {
        let id = identity.customer_id.clone().ok_or(ApiError::Forbidden)?;
        // A token for a customer the partner does not have files nothing.
        let name = crate::catalogue::lookups::customer_name(scope, &id)
            .await?
            .ok_or(ApiError::Forbidden)?;
        request.customer = Some(support_contract::CustomerRef { id, name });
    }
    Ok(())
}

/// Answers the status of one request, to its filer and the partner's staff;
/// to anyone else it does not exist.
pub async fn get(
    caller: Caller,
    scope: PartnerScope,
    RequestId(id): RequestId,
) -> Result<Json<StoredRequest>, ApiError> {
    let not_found = ApiError::NotFound { field: "id" };
    caller.may(Action::ReadRequest)?;
    filer_if_readable(&scope, &caller, &id).await?;
    read_as(&scope, &caller, &id)
        .await?
        .map(Json)
        .ok_or(not_found)
}

/// Who filed request `id`, when `caller` may read it; else 404, as for a
/// request that does not exist. What reading one, replying on one and
/// marking one seen check first.
pub async fn filer_if_readable(
    scope: &PartnerScope,
    caller: &Caller,
    id: &str,
) -> Result<Option<String>, ApiError> {
    match stored::filed_by(scope, id).await? {
        Some(filer) if access::may_read(caller, filer.as_deref()) => Ok(filer),
        _ => Err(ApiError::NotFound { field: "id" }),
    }
}

/// The request with this id as `caller` reads it: with its `unread`.
pub async fn read_as(
    scope: &PartnerScope,
    caller: &Caller,
    id: &str,
) -> Result<Option<StoredRequest>, ApiError> {
    let mut conn = scope.acquire().await?;
    let Some(mut request) = stored::find_request_in(scope, &mut conn, id).await? else {
        return Ok(None);
    };
    super::unread::mark(scope, &mut conn, caller, &mut request).await?;
    Ok(Some(request))
}

/// The query string of the list.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    filed_by: Option<String>,
    #[serde(default)]
    reference: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    limit: Option<String>,
    #[serde(default)]
    before: Option<String>,
}

/// The longest page of the list, and the page when none is asked for.
pub const LIST_MAX: usize = support_contract::limits::LIST_PAGE_MAX;
pub const LIST_DEFAULT: usize = 20;

/// Answers the caller's own requests, newest first, a page at a time:
/// `next` is the `before` that asks for the following page. With
/// `reference`, the one request of that reference instead, if the caller
/// may find it (see [`access::may_find_by_reference`]); `filed_by=me`
/// beside it keeps to the caller's own. With `kind` instead (the partner's
/// staff, agents and admins), every request of that kind, those still
/// `open` or `resolved` with `status`, in the same pages: the partner's
/// inbox is `kind=customer_self_service`.
pub async fn list(
    caller: Caller,
    scope: PartnerScope,
    params: Result<Params<ListQuery>, ApiError>,
) -> Result<Json<RequestList>, ApiError> {
    caller.may(Action::ListOwnRequests)?;
    let bad = |field: &str| ApiError::BadQuery(FieldError::new(field, ErrorCode::InvalidValue));
    let Params(query) = params?;
    let limit = match query.limit.as_deref() {
        None => LIST_DEFAULT,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=LIST_MAX).contains(n))
            .ok_or_else(|| bad("limit"))?,
    };
    if let Some(kind) = query.kind.as_deref() {
        caller.may(Action::ListByKind)?;
        let kind = RequestKind::parse(kind).ok_or_else(|| bad("kind"))?;
        if query.filed_by.is_some() || query.reference.is_some() {
            return Err(bad("kind"));
        }
        let standing = (query.status.as_deref())
            .map(|status| Standing::parse(status).ok_or_else(|| bad("status")))
            .transpose()?;
        let before = query.before.as_deref();
        if caller.is_desk() && desk::works_on(kind) {
            let statuses = Standing::pair(standing);
            let (rows, more) =
                desk::requests_of_kind(scope.db(), kind, statuses, before, limit).await?;
            return Ok(Json(desk_page(&scope, &caller, rows, more).await?));
        }
        let (ids, more) = stored::of_kind(&scope, kind, standing, before, limit).await?;
        return Ok(Json(page(&scope, &caller, ids, more).await?));
    }
    if query.status.is_some() {
        return Err(bad("status"));
    }
    let own_only = match query.filed_by.as_deref() {
        Some("me") => true,
        None if query.reference.is_some() => false,
        _ => return Err(bad("filed_by")),
    };
    if let Some(reference) = query.reference.as_deref() {
        if !is_reference(reference) {
            return Err(bad("reference"));
        }
        return Ok(Json(
            by_reference(&scope, &caller, reference, own_only).await?,
        ));
    }
    // With --no-auth nobody is anybody: the list is empty, and each device
    // keeps its own.
    let Some(filer) = caller.filed_by() else {
        return Ok(Json(RequestList::default()));
    };
    let (ids, more) = stored::filed_by_user(&scope, filer, query.before.as_deref(), limit).await?;
    Ok(Json(page(&scope, &caller, ids, more).await?))
}

/// The requests of these ids, as a page of the list: with the `before` of
/// the next page when `more` follow, each with its `unread` for `caller`.
async fn page(
    scope: &PartnerScope,
    caller: &Caller,
    ids: Vec<String>,
    more: bool,
) -> Result<RequestList, ApiError> {
    let mut requests = Vec::with_capacity(ids.len());
    for id in &ids {
        if let Some(request) = read_as(scope, caller, id).await? {
            requests.push(request);
        }
    }
    let next = more.then(|| ids.last().cloned()).flatten();
    Ok(RequestList { requests, next })
}

/// As [`page`], of requests of several partners (the desk's), each read
/// as its own partner's.
async fn desk_page(
    scope: &PartnerScope,
    caller: &Caller,
    rows: Vec<(String, String)>,
    more: bool,
) -> Result<RequestList, ApiError> {
    let mut requests = Vec::with_capacity(rows.len());
    for (partner, id) in &rows {
        let theirs = PartnerScope::of(scope.db(), partner);
        if let Some(request) = read_as(&theirs, caller, id).await? {
            requests.push(request);
        }
    }
    let next = more
        .then(|| rows.last().map(|(_, id)| id.clone()))
        .flatten();
    Ok(RequestList { requests, next })
}

/// Whether `text` has a reference's shape: `SR-` and its number, in any
/// case.
fn is_reference(text: &str) -> bool {
    let digits = text
        .get(..3)
        .filter(|prefix| prefix.eq_ignore_ascii_case("SR-"))
        .map(|_| &text[3..]);
    digits.is_some_and(|d| (1..=20).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// The request of `reference` as a list of one, or none where there is no
/// such request or `caller` may not find it: the answer never tells a
/// request that exists from one that does not.
async fn by_reference(
    scope: &PartnerScope,
    caller: &Caller,
    reference: &str,
    own_only: bool,
) -> Result<RequestList, ApiError> {
    // The desk finds every partner's requests to 21Vianet.
    let desk_partner = match caller.is_desk() {
        true => {
            let named = stored::Named::Reference(reference);
            stored::partner_of(scope.db(), named, stored::Among::Desk).await?
        }
        false => None,
    };
    let theirs = desk_partner.map(|partner| PartnerScope::of(scope.db(), &partner));
    let scope = theirs.as_ref().unwrap_or(scope);
    let Some(found) = stored::by_reference(scope, reference).await? else {
        return Ok(RequestList::default());
    };
    let filer = found.filed_by.as_deref();
    let mine = filer.is_some() && filer == caller.filed_by();
    if !access::may_find_by_reference(caller, filer, found.kind) || (own_only && !mine) {
        return Ok(RequestList::default());
    }
    let requests = read_as(scope, caller, &found.id)
        .await?
        .into_iter()
        .collect();
    Ok(RequestList {
        requests,
        next: None,
    })
}
