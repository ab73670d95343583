//! The customer's files that an escalation carries: an escalation
//! (`customer`) may list, beside new uploads, files of the customer's
//! message it escalates (`related_request`). Each is copied, under a new
//! id, before the escalation's transaction, and attached in it as a file of
//! the escalation's own, so that neither request's files depend on the
//! other's. Copies whose escalation is not stored are deleted at once;
//! should the process stop first, the sweep of orphans deletes them as
//! files that no row names.

use support_contract::{Attachment, NewSupportRequest, RequestKind};
use uuid::Uuid;

use super::files::FileStore;
use super::metadata::{self, Carried};
use crate::error::ApiError;
use crate::partner::PartnerScope;

/// The message `request` escalates, if it names one: only its files are
/// carried. (The request's rules have checked that it is a customer's
/// message.)
pub fn related(request: &NewSupportRequest) -> Option<String> {
    let related = request.related_request.as_deref()?;
    (request.kind == RequestKind::Customer).then(|| related.to_ascii_lowercase())
}

/// Copies the files of the related request that `request` lists, in its
/// order; the other ids are uploads, which are attached as they are. On a
/// failure, the copies made so far are deleted.
pub async fn copy(
    scope: &PartnerScope,
    files: &FileStore,
    request: &NewSupportRequest,
) -> Result<Vec<Carried>, ApiError> {
    let Some(related) = related(request) else {
        return Ok(Vec::new());
    };
    let mut carried = Vec::new();
    for id in &request.attachments {
        match copy_one(scope, files, &related, id).await {
            Ok(Some(one)) => carried.push(one),
            Ok(None) => {}
            Err(error) => {
                discard(files, &carried).await;
                return Err(error);
            }
        }
    }
    Ok(carried)
}

/// The copy of file `id` if it is one of the related request's.
async fn copy_one(
    scope: &PartnerScope,
    files: &FileStore,
    related: &str,
    id: &str,
) -> Result<Option<Carried>, ApiError> {
    let Some(original) = metadata::file_of_request(scope, related, id).await? else {
        return Ok(None);
    };
    let source = Uuid::try_parse(&original.id)
        .map_err(|_| ApiError::Internal(format!("attachment {}: stored id", original.id)))?;
    let copied = files
        .copy(source)
        .await
        .map_err(|error| ApiError::Internal(format!("attachments store: {error}")))?
        .ok_or_else(|| ApiError::Internal(format!("attachment {source}: no file to copy")))?;
    let copy = Attachment {
        id: copied.id.hyphenated().to_string(),
        size: copied.size,
        sha256: Some(copied.sha256),
        ..original
    };
    Ok(Some(Carried {
        from: id.to_ascii_lowercase(),
        copy,
    }))
}

/// Deletes the copies of a request that was not stored.
pub async fn discard(files: &FileStore, carried: &[Carried]) {
    for one in carried {
        let Ok(id) = Uuid::try_parse(&one.copy.id) else {
            continue;
        };
        if let Err(error) = files.remove(id).await {
            // The sweep deletes it later, as a file that no row names.
            tracing::warn!("cannot delete the unused copy {id}: {error}");
        }
    }
}
