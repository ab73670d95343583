//! `POST /attachments?name=` (the file's bytes as the body, so a browser can
//! show the upload's progress) and `GET /attachments/{id}` (the file back,
//! as a download).

use axum::body::{Body, Bytes};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use http_body_util::BodyExt;
use serde::Deserialize;
use support_contract::{
    check_content, clean_file_name, Attachment, ErrorCode, FieldError, FileKind,
    ATTACHMENT_MAX_BYTES, SNIFF_LEN,
};
use uuid::Uuid;

use super::files::{FileStore, NewFile};
use super::{download, metadata, UPLOAD_QUOTA_BYTES};
use crate::error::ApiError;
use crate::identity::{access, Action, Caller};
use crate::partner::PartnerScope;
use crate::request_body;
use crate::AppState;

/// The query string of an upload.
#[derive(Debug, Deserialize)]
pub struct UploadQuery {
    /// The file's name, shown with the request; never used as a path.
    #[serde(default)]
    name: Option<String>,
}

/// Stores one file. Checks, in this order: the announced length (413),
/// the kind of the first bytes and whether the declared type and name
/// agree with it (`support_contract::check_content`: 422 `file_empty`, 415
/// `file_type_not_allowed`, 422 `file_type_mismatch`), then the length as
/// the bytes arrive (413 as soon as they pass the limit). Answers 201 with
/// the [`Attachment`], its `content_type` the sniffed one.
///
/// Uploads need a token (401 before anything is read), and each user's
/// uploads that no request took yet stay within [`UPLOAD_QUOTA_BYTES`]
/// (413 `upload_quota_exceeded`).
pub async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    scope: PartnerScope,
    query: Result<Query<UploadQuery>, QueryRejection>,
    headers: HeaderMap,
    mut body: Body,
) -> Result<Response, ApiError> {
    caller.may(Action::Upload)?;
    let uploader = caller.filed_by().map(str::to_owned);
    let announced = request_body::announced_length(&headers);
    if announced.is_some_and(|length| length > ATTACHMENT_MAX_BYTES) {
        return Err(ApiError::File(ErrorCode::FileTooLarge));
    }
    let held = match &uploader {
        Some(uploader) => metadata::unattached_bytes(&scope, uploader).await?,
        None => 0,
    };
    let over_quota =
        |size: u64| uploader.is_some() && held.saturating_add(size) > UPLOAD_QUOTA_BYTES;
    if over_quota(announced.unwrap_or(0)) {
        return Err(ApiError::UploadQuotaExceeded);
    }
    let Query(UploadQuery { name }) =
        query.map_err(|_| ApiError::BadQuery(FieldError::new("name", ErrorCode::InvalidValue)))?;
    let name = clean_file_name(name.as_deref().unwrap_or_default());
    let declared = declared_type(&headers)?;
    // The first bytes decide the kind before anything is written.
    let mut head = Vec::new();
    let mut ended = false;
    while head.len() < SNIFF_LEN {
        let Some(chunk) = next_chunk(&mut body).await? else {
            ended = true;
            break;
        };
        head.extend_from_slice(&chunk);
    }
    let kind = check_content(&name, &declared, &head).map_err(ApiError::File)?;
    let mut file = state.files.create();
    let mut written = write_within_limit(&mut file, Bytes::from(head)).await;
    while written.is_ok() && !ended {
        written = match next_chunk(&mut body).await {
            Ok(Some(chunk)) => write_within_limit(&mut file, chunk).await,
            Ok(None) => break,
            Err(error) => Err(error),
        };
    }
    if written.is_ok() && over_quota(file.size()) {
        written = Err(ApiError::UploadQuotaExceeded);
    }
    if let Err(error) = written {
        // Before the answer, so a client that retries at once finds no
        // trace of this upload (a client that hangs up leaves it to drop).
        file.discard().await;
        return Err(error);
    }
    // The rest goes on in a task of its own: a client hanging up now
    // does not stop it halfway.
    let task = tokio::spawn(keep(scope, state.files.clone(), file, name, kind, uploader));
    let attachment = task
        .await
        .map_err(|error| ApiError::Internal(format!("upload task: {error}")))??;
    crate::meter::uploaded(attachment.size);
    let mut response = (StatusCode::CREATED, Json(&attachment)).into_response();
    // Relative, as for a created request: right behind a path prefix too.
    if let Ok(location) = HeaderValue::from_str(&format!("attachments/{}", attachment.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Completes the file in the store, then records the upload: a row always
/// has its file. Should the process stop in between, the file, which no
/// row names, is deleted with the orphans.
async fn keep(
    scope: PartnerScope,
    files: FileStore,
    file: NewFile,
    name: String,
    kind: FileKind,
    uploaded_by: Option<String>,
) -> Result<Attachment, ApiError> {
    let attachment = Attachment {
        id: file.id().hyphenated().to_string(),
        name,
        size: file.size(),
        content_type: kind.content_type().to_owned(),
        sha256: Some(file.sha256()),
    };
    let id = file.id();
    file.finish().await.map_err(storage_error)?;
    if let Err(error) = metadata::insert(&scope, &attachment, uploaded_by.as_deref()).await {
        if let Err(error) = files.remove(id).await {
            tracing::warn!("cannot delete the file of unrecorded upload {id}: {error}");
        }
        return Err(error.into());
    }
    Ok(attachment)
}

/// Sends a stored file back, byte for byte, as a download (see
/// [`download::headers`]), to its uploader, the filer of its request and the
/// partner's staff; to anyone else it does not exist.
pub async fn download(
    State(state): State<AppState>,
    caller: Caller,
    scope: PartnerScope,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let not_found = ApiError::NotFound { field: "id" };
    caller.may(Action::ReadRequest)?;
    let Ok(Path(id)) = id else {
        return Err(not_found);
    };
    let Ok(id) = Uuid::try_parse(&id) else {
        return Err(not_found);
    };
    let Some(owners) = metadata::owners(&scope, &id.hyphenated().to_string()).await? else {
        return Err(not_found);
    };
    let readable = match owners.request_filed_by {
        Some(filer) => access::may_read(&caller, filer.as_deref()),
        None => access::may_read(&caller, owners.uploaded_by.as_deref()),
    } || (caller.filed_by().is_some()
        && caller.filed_by() == owners.uploaded_by.as_deref());
    if !readable {
        return Err(not_found);
    }
    let Some(attachment) = metadata::find(&scope, &id.hyphenated().to_string()).await? else {
        return Err(not_found);
    };
    let kind = FileKind::from_content_type(&attachment.content_type).ok_or_else(|| {
        ApiError::Internal(format!(
            "attachment {id}: stored content type does not parse"
        ))
    })?;
    // A row whose file is not there (removed by hand, or another process's
    // store) has no upload to give.
    let Some((size, bytes)) = state.files.read(id).await.map_err(storage_error)? else {
        return Err(not_found);
    };
    // Streamed as the store sends it: a large file is never held whole.
    let headers = download::headers(kind, size, &attachment.name);
    Ok((headers, Body::from_stream(bytes)).into_response())
}

/// What the upload says it is: its `Content-Type`, empty when absent. A
/// value that is not even text cannot agree with any kind.
fn declared_type(headers: &HeaderMap) -> Result<String, ApiError> {
    match headers.get(header::CONTENT_TYPE) {
        None => Ok(String::new()),
        Some(value) => value
            .to_str()
            .map(str::to_owned)
            .map_err(|_| ApiError::File(ErrorCode::FileTypeMismatch)),
    }
}

/// The next bytes of the body; `None` at its end. A body that breaks off
/// is a malformed one, or one that stopped arriving.
async fn next_chunk(body: &mut Body) -> Result<Option<Bytes>, ApiError> {
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|error| crate::error::broken_body(&error))?;
        if let Ok(data) = frame.into_data() {
            return Ok(Some(data));
        }
    }
    Ok(None)
}

/// Writes `bytes` unless they take the file past the limit, in which case
/// the upload stops there.
async fn write_within_limit(file: &mut NewFile, bytes: Bytes) -> Result<(), ApiError> {
    if file.size() + bytes.len() as u64 > ATTACHMENT_MAX_BYTES {
        return Err(ApiError::File(ErrorCode::FileTooLarge));
    }
    file.write(bytes).await.map_err(storage_error)
}

fn storage_error(error: std::io::Error) -> ApiError {
    ApiError::Internal(format!("attachments store: {error}"))
}
