//! Files attached to a request, as plain data: whether one may be added,
//! the upload request and its answer, how a size reads, and whether the
//! request can be sent while files are still on their way.
//!
//! ```
//! use support_rules::uploads::{admit, human_size};
//! use support_rules::locale::Locale;
//! use support_contract::ErrorCode;
//!
//! let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
//! assert!(admit(&[], "screen.png", "image/png", 2_048, png).is_ok());
//! assert_eq!(
//!     admit(&[], "page.png", "image/png", 120, b"<!doctype html><p>hi"),
//!     Err(ErrorCode::FileTypeNotAllowed),
//! );
//! assert_eq!(human_size(1_572_864, Locale::EsEs), "1,5 MB");
//! ```

use support_contract::{
    check_file, check_selection, file_extension, paths, Attachment, ErrorBody, ErrorCode, FileKind,
    ATTACHMENTS_MAX_FILES, ATTACHMENTS_MAX_TOTAL_BYTES, ATTACHMENT_MAX_BYTES,
};

use crate::{
    host::BackendUrl,
    i18n::{self, id},
    json,
    locale::Locale,
    request::{parse_retry_after, with_query, HttpRequest, SubmitError},
    retry::is_retryable,
};

/// Whether a file may join the files already attached (`sizes`): the
/// contract's checks of the file itself, then of the whole selection.
pub fn admit(
    sizes: &[u64],
    name: &str,
    declared_type: &str,
    size: u64,
    first_bytes: &[u8],
) -> Result<FileKind, ErrorCode> {
    let kind = check_file(name, declared_type, size, first_bytes)?;
    check_selection(sizes.iter().copied().chain([size]))?;
    Ok(kind)
}

/// The allowed kind a file's name says it is, by its extension: what the
/// user meant to attach, to say why one whose bytes are no allowed kind
/// was not added (a log saved in another encoding than UTF-8, a web page
/// named `.png`).
pub fn named_kind(name: &str) -> Option<FileKind> {
    let extension = file_extension(name)?;
    FileKind::ALL
        .into_iter()
        .find(|kind| kind.extensions().contains(&extension.as_str()))
}

/// Why a file was not added to the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// One of the contract's rules (`admit`).
    Contract(ErrorCode),
    /// A file of the same name and size is attached already (a screenshot
    /// pasted twice, a file both dropped and picked).
    AlreadyAttached,
}

/// The message for a file the widget would not add, in `locale`.
pub fn refusal_message(locale: Locale, name: &str, refusal: Refusal) -> String {
    let size = human_size(ATTACHMENT_MAX_BYTES, locale);
    let total = human_size(ATTACHMENTS_MAX_TOTAL_BYTES, locale);
    let (message, args) = match refusal {
        Refusal::AlreadyAttached => (
            id::ATTACHMENT_ERROR_ALREADY,
            i18n::args([("name", name.into())]),
        ),
        Refusal::Contract(ErrorCode::FileEmpty) => (
            id::ATTACHMENT_ERROR_EMPTY,
            i18n::args([("name", name.into())]),
        ),
        Refusal::Contract(ErrorCode::FileTooLarge) => (
            id::ATTACHMENT_ERROR_TOO_LARGE,
            i18n::args([("name", name.into()), ("size", size.into())]),
        ),
        Refusal::Contract(ErrorCode::FileTypeMismatch) => (
            id::ATTACHMENT_ERROR_MISMATCH,
            i18n::args([("name", name.into())]),
        ),
        Refusal::Contract(ErrorCode::TooManyFiles) => (
            id::ATTACHMENT_ERROR_TOO_MANY,
            i18n::args([
                ("name", name.into()),
                ("count", ATTACHMENTS_MAX_FILES.into()),
            ]),
        ),
        Refusal::Contract(ErrorCode::AttachmentsTooLarge) => (
            id::ATTACHMENT_ERROR_TOTAL,
            i18n::args([("name", name.into()), ("total", total.into())]),
        ),
        // Bytes of no allowed kind: what the name says the file is tells
        // the user what to do about it.
        Refusal::Contract(_) => (
            match named_kind(name) {
                Some(FileKind::Text) => id::ATTACHMENT_ERROR_TEXT,
                Some(_) => id::ATTACHMENT_ERROR_MISMATCH,
                None => id::ATTACHMENT_ERROR_TYPE,
            },
            i18n::args([("name", name.into())]),
        ),
    };
    i18n::format(locale, message, Some(&args))
}

/// `POST {backend}/attachments?name=`: the file's bytes are the body, sent
/// as the type its content showed.
pub fn upload(backend: &BackendUrl, name: &str, kind: FileKind) -> HttpRequest {
    HttpRequest {
        method: "POST",
        url: with_query(backend.endpoint(paths::ATTACHMENTS), &[("name", name)]),
        headers: vec![("Content-Type", kind.content_type().to_owned())],
        body: None,
    }
}

/// Reads the answer to an upload, like the answer to a submit: refusals
/// name the problem (`file_too_large`, `file_type_mismatch`…), and busy or
/// failing servers are worth trying again.
pub fn read_uploaded(
    status: u16,
    retry_after: Option<&str>,
    body: &str,
) -> Result<Attachment, SubmitError> {
    let server = || SubmitError::Server {
        status,
        retry_after: retry_after.and_then(parse_retry_after),
    };
    match status {
        // An upload the widget cannot name by its id would be refused with
        // the request: better said now, at the file.
        200..=299 => json::from_str(body)
            .ok()
            .filter(|uploaded: &Attachment| !uploaded.id.trim().is_empty())
            .ok_or(SubmitError::BadResponse),
        400 | 413 | 415 | 422 => match json::from_str::<ErrorBody>(body) {
            Ok(ErrorBody { errors }) if !errors.is_empty() => Err(SubmitError::Rejected(errors)),
            _ if status == 413 => Err(SubmitError::Rejected(vec![
                support_contract::FieldError::new("file", ErrorCode::FileTooLarge),
            ])),
            _ => Err(server()),
        },
        _ => Err(server()),
    }
}

/// Where one attached file is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UploadState {
    /// On its way; `sent` bytes so far.
    Uploading { sent: u64 },
    /// The browser is offline: it uploads when the connection returns,
    /// without spending an attempt meanwhile.
    Offline,
    /// The last attempt failed; `again`: the widget tries again by itself
    /// after a wait.
    Failed { error: SubmitError, again: bool },
    /// Stored by the backend: the request refers to it.
    Uploaded(Attachment),
}

/// What the form says of a file that did not upload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UploadFailure {
    /// The widget tries again by itself after a wait.
    TriedAgain,
    /// The sign-in was refused: the user must renew it first.
    SignIn,
    /// The sign-in was accepted but may not upload (403): trying again
    /// won't mend it until the user's access is.
    Forbidden,
    /// It failed in a way that may pass (or the answer could not be
    /// read), and the widget's attempts are over.
    Stopped,
    /// The backend refused the file: it would fail the same way again.
    Refused,
}

impl UploadFailure {
    /// `again`: whether the widget goes on trying by itself.
    pub fn of(error: &SubmitError, again: bool) -> UploadFailure {
        match error {
            _ if again => UploadFailure::TriedAgain,
            SubmitError::Server { status: 401, .. } => UploadFailure::SignIn,
            SubmitError::Server { status: 403, .. } => UploadFailure::Forbidden,
            SubmitError::BadResponse => UploadFailure::Stopped,
            _ if is_retryable(error) => UploadFailure::Stopped,
            _ => UploadFailure::Refused,
        }
    }
}

/// Why the backend refused a file, as `attachment-refused` names it: what
/// the contract's codes say (a 413 without a body is a file too large), or
/// `other`.
pub fn refusal_reason(error: &SubmitError) -> &'static str {
    let SubmitError::Rejected(errors) = error else {
        return "other";
    };
    match errors.first().map(|e| e.code) {
        Some(ErrorCode::FileTooLarge) => "too-large",
        Some(ErrorCode::FileTypeNotAllowed) => "type",
        Some(ErrorCode::FileEmpty) => "empty",
        Some(ErrorCode::FileTypeMismatch) => "mismatch",
        _ => "other",
    }
}

/// Why the request cannot be sent yet because of its files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocker {
    StillUploading,
    UploadFailed,
}

/// Whether the request must wait for its files: an upload whose attempts
/// are over outweighs one still running or about to be tried again, since
/// only the user can settle it.
pub fn blocker<'a>(states: impl IntoIterator<Item = &'a UploadState>) -> Option<Blocker> {
    let mut found = None;
    for state in states {
        match state {
            UploadState::Failed { again: false, .. } => return Some(Blocker::UploadFailed),
            UploadState::Uploading { .. } | UploadState::Offline | UploadState::Failed { .. } => {
                found = Some(Blocker::StillUploading)
            }
            UploadState::Uploaded(_) => {}
        }
    }
    found
}

/// Whether a file waits for the connection (the browser is offline): the
/// request held back by its files then waits for the connection too.
pub fn waits_for_connection<'a>(states: impl IntoIterator<Item = &'a UploadState>) -> bool {
    states
        .into_iter()
        .any(|state| matches!(state, UploadState::Offline))
}

/// A size as people read it: bytes, KB or MB (1024-based, as file managers
/// show), one decimal where it helps, with the locale's decimal mark.
/// Counted in whole tenths, so that no float formatting ships.
pub fn human_size(bytes: u64, locale: Locale) -> String {
    const KB: u64 = 1024;
    let (unit_bytes, unit) = if bytes < KB {
        return format!("{bytes} B");
    } else if bytes < KB * KB {
        (KB, "KB")
    } else {
        (KB * KB, "MB")
    };
    let rounded = |scale: u64| (bytes * scale + unit_bytes / 2) / unit_bytes;
    let tenths = rounded(10);
    if tenths < 100 && tenths % 10 != 0 {
        let mark = match locale {
            Locale::EsEs => ',',
            _ => '.',
        };
        format!("{}{mark}{} {unit}", tenths / 10, tenths % 10)
    } else {
        format!("{} {unit}", rounded(1))
    }
}

#[cfg(test)]
mod tests;
