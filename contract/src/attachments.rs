//! Files attached to a request (screenshots, logs): the limits, the kinds
//! allowed, and the JSON of an upload (`POST /attachments` in
//! `openapi.yaml`).
//!
//! The widget checks each file as the user adds it, with [`check_file`]
//! and [`check_selection`], before uploading anything; the backend checks
//! the upload with the same rules and the same [`sniff`], so a file that
//! passes in the browser does not fail on the server for a reason the user
//! could not see.
//!
//! ```
//! use support_contract::{check_file, check_selection, ErrorCode, FileKind, SNIFF_LEN};
//!
//! // What a browser's File gives: its name, its type, its size, and the
//! // first SNIFF_LEN bytes (`file.slice(0, SNIFF_LEN)`).
//! let head = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
//! assert_eq!(check_file("screen.png", "image/png", 48_213, head), Ok(FileKind::Png));
//! assert_eq!(check_file("screen.png", "image/png", 0, b""), Err(ErrorCode::FileEmpty));
//! assert_eq!(
//!     check_file("page.png", "image/png", 120, b"<html><script>alert(1)</script>"),
//!     Err(ErrorCode::FileTypeNotAllowed),
//! );
//! // Before adding a sixth file, or one that makes the total too large:
//! assert_eq!(check_selection([1_000; 6]), Err(ErrorCode::TooManyFiles));
//! ```

mod declared;
mod kind;
mod name;

use serde::{Deserialize, Serialize};

use crate::ErrorCode;
pub use declared::check_declared;
pub use kind::{sniff, FileKind, SNIFF_LEN};
pub use name::{clean_file_name, download_name, file_extension, ATTACHMENT_NAME_MAX};

/// The most files one request carries.
pub const ATTACHMENTS_MAX_FILES: usize = 5;
/// The largest file, in bytes (10 MiB).
pub const ATTACHMENT_MAX_BYTES: u64 = 10 * 1024 * 1024;
/// The largest total of one request's files, in bytes (25 MiB).
pub const ATTACHMENTS_MAX_TOTAL_BYTES: u64 = 25 * 1024 * 1024;

/// An uploaded file: the 201 answer to `POST /attachments`, and each entry
/// of a stored request's `attachments`. A request refers to it by `id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: String,
    /// The file's name as given, cleaned for showing (see
    /// [`clean_file_name`]); never a path on the server.
    pub name: String,
    /// In bytes.
    pub size: u64,
    /// What the bytes are (one of [`FileKind::content_type`]), whatever
    /// the upload declared.
    pub content_type: String,
    /// The SHA-256 of the bytes, in lowercase hex, where the backend keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

/// Whether one file may be attached, from what a browser knows of it: its
/// name, its declared type (`File.type`, often empty), its size, and its
/// first bytes (at least [`SNIFF_LEN`] of them, or all of a shorter file).
/// Checks, in this order: empty (`file_empty`), larger than
/// [`ATTACHMENT_MAX_BYTES`] (`file_too_large`), not an allowed kind by its
/// bytes (`file_type_not_allowed`), a type or extension that says
/// otherwise (`file_type_mismatch`, see [`check_declared`]).
pub fn check_file(
    name: &str,
    declared_type: &str,
    size: u64,
    first_bytes: &[u8],
) -> Result<FileKind, ErrorCode> {
    if size == 0 || first_bytes.is_empty() {
        return Err(ErrorCode::FileEmpty);
    }
    if size > ATTACHMENT_MAX_BYTES {
        return Err(ErrorCode::FileTooLarge);
    }
    check_content(name, declared_type, first_bytes)
}

/// [`check_file`] without the size, for a server that counts the bytes as
/// they arrive: the kind by the first bytes, and the declared type and name
/// against it.
pub fn check_content(
    name: &str,
    declared_type: &str,
    first_bytes: &[u8],
) -> Result<FileKind, ErrorCode> {
    if first_bytes.is_empty() {
        return Err(ErrorCode::FileEmpty);
    }
    let kind = sniff(first_bytes).ok_or(ErrorCode::FileTypeNotAllowed)?;
    check_declared(kind, declared_type, name)?;
    Ok(kind)
}

/// Whether files of these sizes may go with one request: at most
/// [`ATTACHMENTS_MAX_FILES`] of them (`too_many_files`), together at most
/// [`ATTACHMENTS_MAX_TOTAL_BYTES`] (`attachments_too_large`).
pub fn check_selection(sizes: impl IntoIterator<Item = u64>) -> Result<(), ErrorCode> {
    let mut count = 0usize;
    let mut total = 0u64;
    for size in sizes {
        count += 1;
        total = total.saturating_add(size);
    }
    if count > ATTACHMENTS_MAX_FILES {
        return Err(ErrorCode::TooManyFiles);
    }
    if total > ATTACHMENTS_MAX_TOTAL_BYTES {
        return Err(ErrorCode::AttachmentsTooLarge);
    }
    Ok(())
}

/// The rule for a request's `attachments` (upload ids) that needs no
/// backend: at most [`ATTACHMENTS_MAX_FILES`], each at most once.
pub(crate) fn check_ids(ids: &[String]) -> Result<(), ErrorCode> {
    if ids.len() > ATTACHMENTS_MAX_FILES {
        return Err(ErrorCode::TooManyFiles);
    }
    // Ids are UUIDs: one in another case is the same upload.
    let repeated = ids
        .iter()
        .enumerate()
        .any(|(i, id)| ids[..i].iter().any(|other| other.eq_ignore_ascii_case(id)));
    if repeated || ids.iter().any(|id| id.trim().is_empty()) {
        return Err(ErrorCode::InvalidValue);
    }
    Ok(())
}

/// What `<input type="file" accept>` should offer: the allowed types and
/// extensions. A hint for the picker only; [`check_file`] decides.
pub fn accept_attribute() -> String {
    let mut accept = Vec::new();
    for kind in FileKind::ALL {
        accept.push(kind.content_type().to_owned());
        accept.extend(kind.extensions().iter().map(|ext| format!(".{ext}")));
    }
    accept.join(",")
}

#[cfg(test)]
mod tests;
