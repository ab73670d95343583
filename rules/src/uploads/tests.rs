use support_contract::{
    FieldError, ATTACHMENTS_MAX_FILES, ATTACHMENTS_MAX_TOTAL_BYTES, ATTACHMENT_MAX_BYTES,
};

use super::*;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

#[test]
fn a_file_is_checked_alone_and_with_the_others() {
    assert_eq!(admit(&[], "a.png", "image/png", 10, PNG), Ok(FileKind::Png));
    assert_eq!(
        admit(&[], "a.png", "image/png", ATTACHMENT_MAX_BYTES + 1, PNG),
        Err(ErrorCode::FileTooLarge)
    );
    let full = vec![1; ATTACHMENTS_MAX_FILES];
    assert_eq!(
        admit(&full, "a.png", "image/png", 1, PNG),
        Err(ErrorCode::TooManyFiles)
    );
    let heavy = [ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_BYTES];
    let rest = ATTACHMENTS_MAX_TOTAL_BYTES - 2 * ATTACHMENT_MAX_BYTES;
    assert!(admit(&heavy, "a.png", "image/png", rest, PNG).is_ok());
    assert_eq!(
        admit(&heavy, "a.png", "image/png", rest + 1, PNG),
        Err(ErrorCode::AttachmentsTooLarge)
    );
}

#[test]
fn a_refused_file_is_explained_by_the_kind_its_name_says() {
    // A log in UTF-16 (Windows PowerShell's `>`): refused as text, which
    // the name says it is.
    let utf16 = b"\xff\xfeG\0e\0t\0-\0\r\0\n\0";
    assert_eq!(
        admit(&[], "ps-output.txt", "text/plain", 14, utf16),
        Err(ErrorCode::FileTypeNotAllowed)
    );
    assert_eq!(named_kind("ps-output.txt"), Some(FileKind::Text));
    assert_eq!(named_kind("Sign-In.LOG"), Some(FileKind::Text));
    assert_eq!(named_kind("cat.png"), Some(FileKind::Png));
    assert_eq!(named_kind("setup.exe"), None);
    assert_eq!(named_kind("README"), None);

    let refused = |name: &str| {
        refusal_message(
            Locale::EnUs,
            name,
            Refusal::Contract(ErrorCode::FileTypeNotAllowed),
        )
        .replace(['\u{2068}', '\u{2069}'], "")
    };
    // Named as text: what is taken as text, and that a zip always goes.
    assert_eq!(
        refused("ps-output.txt"),
        "ps-output.txt can't be attached as a text file: only plain text saved as UTF-8 is \
         accepted, not HTML, XML or binary data. Put it in a zip archive, or save it as UTF-8 \
         text."
    );
    assert!(refused("crash.log").contains("zip archive"));
    // Named as another allowed kind (a web page named .png): not what it says.
    assert_eq!(
        refused("cat.png"),
        "cat.png isn't the kind of file its name or type says, so it can't be attached."
    );
    // Named as nothing allowed: the kinds that are.
    assert!(refused("setup.exe").starts_with("setup.exe can't be attached: attach PNG, JPEG"));
    assert!(refused("README").starts_with("README can't be attached: attach PNG"));
}

#[test]
fn a_disguised_file_is_refused_by_its_content() {
    let html = b"<!DOCTYPE html><html><script>alert(1)</script>";
    assert_eq!(
        admit(&[], "cat.png", "image/png", 60, html),
        Err(ErrorCode::FileTypeNotAllowed)
    );
    assert_eq!(
        admit(&[], "notes.pdf", "application/pdf", 10, PNG),
        Err(ErrorCode::FileTypeMismatch)
    );
    assert_eq!(
        admit(&[], "server.log", "", 15, b"12:00 started\n"),
        Ok(FileKind::Text)
    );
}

#[test]
fn the_upload_names_the_file_in_the_query_and_sends_the_sniffed_type() {
    let backend = BackendUrl::parse(Some("https://portal.example.com/api/")).unwrap();
    let request = upload(&backend, "截图 1&2.png", FileKind::Png);
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.url,
        "https://portal.example.com/api/attachments?name=%E6%88%AA%E5%9B%BE+1%262.png"
    );
    assert_eq!(request.headers, [("Content-Type", "image/png".to_owned())]);
}

#[test]
fn upload_answers_read_like_submit_answers() {
    let stored = r#"{"id":"u1","name":"a.png","size":10,"content_type":"image/png"}"#;
    assert_eq!(read_uploaded(201, None, stored).unwrap().id, "u1");
    let refused = r#"{"errors":[{"field":"file","code":"file_type_mismatch"}]}"#;
    assert_eq!(
        read_uploaded(415, None, refused),
        Err(SubmitError::Rejected(vec![FieldError::new(
            "file",
            ErrorCode::FileTypeMismatch
        )]))
    );
    assert_eq!(
        read_uploaded(413, None, "<html>proxy says no</html>"),
        Err(SubmitError::Rejected(vec![FieldError::new(
            "file",
            ErrorCode::FileTooLarge
        )]))
    );
    assert_eq!(
        read_uploaded(503, Some("7"), ""),
        Err(SubmitError::Server {
            status: 503,
            retry_after: Some(7)
        })
    );
    assert_eq!(
        read_uploaded(201, None, "{}"),
        Err(SubmitError::BadResponse)
    );
    // An id the request could not name the file by is no upload.
    let blank = stored.replacen(r#""id":"u1""#, r#""id":"""#, 1);
    assert_ne!(blank, stored);
    assert_eq!(
        read_uploaded(201, None, &blank),
        Err(SubmitError::BadResponse)
    );
}

#[test]
fn a_failed_upload_blocks_before_a_running_one() {
    let uploaded = UploadState::Uploaded(Attachment {
        id: "u1".into(),
        name: "a.png".into(),
        size: 1,
        content_type: "image/png".into(),
        sha256: None,
    });
    let running = UploadState::Uploading { sent: 5 };
    let failed = UploadState::Failed {
        error: SubmitError::Network,
        again: false,
    };
    let tried_again = UploadState::Failed {
        error: SubmitError::Network,
        again: true,
    };
    assert_eq!(blocker([&uploaded]), None);
    assert_eq!(
        blocker([&uploaded, &running]),
        Some(Blocker::StillUploading)
    );
    assert_eq!(
        blocker([&running, &failed, &uploaded]),
        Some(Blocker::UploadFailed)
    );
    // A file the widget tries again by itself is still on its way, as the
    // file itself says.
    assert_eq!(
        blocker([&uploaded, &tried_again]),
        Some(Blocker::StillUploading)
    );
    assert_eq!(
        blocker([&tried_again, &failed]),
        Some(Blocker::UploadFailed)
    );
    // Waiting for the connection, a file is still on its way: a request
    // sent meanwhile waits for it.
    assert_eq!(
        blocker([&uploaded, &UploadState::Offline]),
        Some(Blocker::StillUploading)
    );
    // ...and the form says it waits for the connection.
    assert!(waits_for_connection([&uploaded, &UploadState::Offline]));
    assert!(!waits_for_connection([&uploaded, &running, &tried_again]));
}

#[test]
fn a_refused_file_says_why_in_the_contracts_words() {
    let refused = |status, body: &str| read_uploaded(status, None, body).unwrap_err();
    let coded = |code: &str| {
        let body = format!(r#"{{"errors":[{{"field":"file","code":"{code}"}}]}}"#);
        refusal_reason(&refused(422, &body))
    };
    assert_eq!(refusal_reason(&refused(413, "")), "too-large");
    assert_eq!(coded("file_too_large"), "too-large");
    assert_eq!(coded("file_type_not_allowed"), "type");
    assert_eq!(coded("file_empty"), "empty");
    assert_eq!(coded("file_type_mismatch"), "mismatch");
    assert_eq!(coded("required"), "other");
    assert_eq!(refusal_reason(&refused(415, "not json")), "other");
    let text = |reason: &str| {
        let args = crate::i18n::args([("reason", reason.into())]);
        crate::i18n::format(
            Locale::EnUs,
            crate::i18n::id::ATTACHMENT_REFUSED,
            Some(&args),
        )
    };
    assert_eq!(
        text("empty"),
        "The support service didn't accept this file: it's empty. Remove it to send the request without it."
    );
    assert_eq!(
        text("other"),
        "The support service didn't accept this file. Remove it to send the request without it."
    );
}

#[test]
fn a_failed_upload_says_whether_it_is_tried_again_and_what_to_do() {
    let server = |status| SubmitError::Server {
        status,
        retry_after: None,
    };
    let refused = SubmitError::Rejected(vec![FieldError::new("file", ErrorCode::FileTooLarge)]);
    assert_eq!(
        UploadFailure::of(&SubmitError::Network, true),
        UploadFailure::TriedAgain
    );
    assert_eq!(
        UploadFailure::of(&SubmitError::Network, false),
        UploadFailure::Stopped
    );
    assert_eq!(
        UploadFailure::of(&server(503), false),
        UploadFailure::Stopped
    );
    assert_eq!(
        UploadFailure::of(&server(401), false),
        UploadFailure::SignIn
    );
    assert_eq!(
        UploadFailure::of(&server(403), false),
        UploadFailure::Forbidden
    );
    assert_eq!(UploadFailure::of(&refused, false), UploadFailure::Refused);
    assert_eq!(
        UploadFailure::of(&SubmitError::TooLarge, false),
        UploadFailure::Refused
    );
    // A 200 that is not the backend's answer (a sign-in page) may have
    // stored the file or not: worth another try.
    assert_eq!(
        UploadFailure::of(&SubmitError::BadResponse, false),
        UploadFailure::Stopped
    );
}

#[test]
fn sizes_read_as_people_count_them() {
    assert_eq!(human_size(0, Locale::EnUs), "0 B");
    assert_eq!(human_size(1023, Locale::EnUs), "1023 B");
    assert_eq!(human_size(1024, Locale::EnUs), "1 KB");
    assert_eq!(human_size(1536, Locale::ZhCn), "1.5 KB");
    assert_eq!(human_size(25 * 1024 * 1024, Locale::EsEs), "25 MB");
    assert_eq!(human_size(10 * 1024 * 1024 + 1, Locale::ZhTw), "10 MB");
    // One decimal below ten, rounded to the nearest tenth; none above.
    assert_eq!(human_size(2_044, Locale::EnUs), "2 KB");
    assert_eq!(human_size(10_180, Locale::EsEs), "9,9 KB");
    assert_eq!(human_size(10_200, Locale::EnUs), "10 KB");
    assert_eq!(human_size(1_572_864, Locale::EsEs), "1,5 MB");
    assert_eq!(
        human_size(15 * 1024 * 1024 + 600 * 1024, Locale::EnUs),
        "16 MB"
    );
}
