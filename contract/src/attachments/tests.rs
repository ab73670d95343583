use super::*;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";

#[test]
fn a_file_at_the_size_limit_passes_and_one_byte_more_does_not() {
    assert_eq!(
        check_file("a.png", "image/png", ATTACHMENT_MAX_BYTES, PNG),
        Ok(FileKind::Png)
    );
    assert_eq!(
        check_file("a.png", "image/png", ATTACHMENT_MAX_BYTES + 1, PNG),
        Err(ErrorCode::FileTooLarge)
    );
    assert_eq!(check_file("a.png", "image/png", 1, PNG), Ok(FileKind::Png));
}

#[test]
fn an_empty_file_is_refused_as_empty() {
    assert_eq!(
        check_file("a.log", "text/plain", 0, b""),
        Err(ErrorCode::FileEmpty)
    );
    assert_eq!(check_content("a.log", "", b""), Err(ErrorCode::FileEmpty));
}

#[test]
fn the_checks_come_in_order_size_kind_declaration() {
    let exe = b"MZ\x90\0\x03\0\0\0\x04\0";
    assert_eq!(
        check_file("setup.exe", "application/x-msdownload", u64::MAX, exe),
        Err(ErrorCode::FileTooLarge)
    );
    assert_eq!(
        check_file("setup.exe", "application/x-msdownload", 10, exe),
        Err(ErrorCode::FileTypeNotAllowed)
    );
    assert_eq!(
        check_file("setup.exe", "", 10, b"just text"),
        Err(ErrorCode::FileTypeMismatch)
    );
}

#[test]
fn five_files_pass_and_a_sixth_does_not() {
    assert_eq!(check_selection([]), Ok(()));
    assert_eq!(check_selection([1; ATTACHMENTS_MAX_FILES]), Ok(()));
    assert_eq!(
        check_selection([1; ATTACHMENTS_MAX_FILES + 1]),
        Err(ErrorCode::TooManyFiles)
    );
}

#[test]
fn the_total_may_reach_the_limit_but_not_pass_it() {
    let at_limit = [
        ATTACHMENT_MAX_BYTES,
        ATTACHMENT_MAX_BYTES,
        ATTACHMENTS_MAX_TOTAL_BYTES - 2 * ATTACHMENT_MAX_BYTES,
    ];
    assert_eq!(check_selection(at_limit), Ok(()));
    let over = [
        ATTACHMENT_MAX_BYTES,
        ATTACHMENT_MAX_BYTES,
        ATTACHMENTS_MAX_TOTAL_BYTES - 2 * ATTACHMENT_MAX_BYTES + 1,
    ];
    assert_eq!(check_selection(over), Err(ErrorCode::AttachmentsTooLarge));
    assert_eq!(
        check_selection([u64::MAX, u64::MAX]),
        Err(ErrorCode::AttachmentsTooLarge),
        "no overflow"
    );
}

#[test]
fn the_limits_fit_together() {
    // Two largest files fit in the total, so the total is the rule that
    // bites only for three large files or more.
    const {
        assert!(2 * ATTACHMENT_MAX_BYTES <= ATTACHMENTS_MAX_TOTAL_BYTES);
        assert!(ATTACHMENTS_MAX_TOTAL_BYTES < ATTACHMENTS_MAX_FILES as u64 * ATTACHMENT_MAX_BYTES);
        assert!(SNIFF_LEN as u64 <= ATTACHMENT_MAX_BYTES);
    }
}

#[test]
fn request_ids_are_bounded_unique_and_not_blank() {
    let ids = |n: usize| (0..n).map(|i| format!("id-{i}")).collect::<Vec<_>>();
    assert_eq!(check_ids(&[]), Ok(()));
    assert_eq!(check_ids(&ids(ATTACHMENTS_MAX_FILES)), Ok(()));
    assert_eq!(
        check_ids(&ids(ATTACHMENTS_MAX_FILES + 1)),
        Err(ErrorCode::TooManyFiles)
    );
    assert_eq!(
        check_ids(&["a".into(), "b".into(), "a".into()]),
        Err(ErrorCode::InvalidValue)
    );
    assert_eq!(check_ids(&[" ".into()]), Err(ErrorCode::InvalidValue));
}

#[test]
fn the_json_shape_matches_the_contract() {
    let attachment = Attachment {
        id: "0f8e2a4c-5b1d-4e3f-9a7b-6c5d4e3f2a1b".into(),
        name: "屏幕截图.png".into(),
        size: 48_213,
        content_type: "image/png".into(),
        sha256: None,
    };
    let json = serde_json::to_value(&attachment).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "id": "0f8e2a4c-5b1d-4e3f-9a7b-6c5d4e3f2a1b",
            "name": "屏幕截图.png",
            "size": 48213,
            "content_type": "image/png"
        })
    );
    let back: Attachment = serde_json::from_value(json).unwrap();
    assert_eq!(back, attachment);
}

#[test]
fn answers_of_older_backends_read_as_without_files() {
    let stored: crate::StoredRequest = serde_json::from_value(serde_json::json!({
        "id": "r1", "reference": "SR-000001", "status": "submitted",
        "created_at": "2026-11-22T09:30:00Z",
        "request": {"kind": "partner_center", "title": "t", "description": "d",
                    "contact": {"name": "n", "email": "n@example.com"}}
    }))
    .unwrap();
    assert!(stored.attachments.is_empty());
    assert!(stored.request.attachments.is_empty());
}

#[test]
fn the_picker_offers_every_kind() {
    let accept = accept_attribute();
    for needle in [
        "image/png",
        ".jpg",
        "application/pdf",
        ".log",
        ".txt",
        ".zip",
    ] {
        assert!(
            accept.split(',').any(|a| a == needle),
            "{needle} in {accept}"
        );
    }
}

#[test]
fn a_name_without_its_kinds_extension_gets_one_to_save_under() {
    assert_eq!(download_name("screen.png", FileKind::Png), "screen.png");
    assert_eq!(download_name("IMG.JPEG", FileKind::Jpeg), "IMG.JPEG");
    assert_eq!(download_name("app.log", FileKind::Text), "app.log");
    assert_eq!(download_name("app.log.1", FileKind::Text), "app.log.1.txt");
    assert_eq!(download_name("syslog", FileKind::Text), "syslog.txt");
    assert_eq!(download_name("attachment", FileKind::Pdf), "attachment.pdf");
    // A text file named to run as something else saves as text.
    assert_eq!(download_name("open.url", FileKind::Text), "open.url.txt");
}
