use super::*;

fn text(locale: Locale, field: &str, code: ErrorCode) -> String {
    message(
        locale,
        &FieldError::new(field, code),
        ServiceFrom::BeforeTheForm,
    )
}

#[test]
fn a_service_refused_from_the_form_is_chosen_again_there() {
    let error = FieldError::new("service", ErrorCode::InvalidValue);
    for locale in Locale::ALL {
        let in_form = message(locale, &error, ServiceFrom::TheForm);
        let before = message(locale, &error, ServiceFrom::BeforeTheForm);
        assert_ne!(in_form, before, "{locale:?}");
        // It names the select's own "Not sure", in the same words.
        let not_sure = i18n::message(locale, id::FIELD_SERVICE_NOT_SURE);
        assert!(in_form.contains(&not_sure), "{locale:?}: {in_form}");
    }
    assert_eq!(
        message(Locale::EnUs, &error, ServiceFrom::TheForm),
        "The support service doesn't recognize this service anymore. Choose another one, or “Not sure”"
    );
}

#[test]
fn required_fields_have_their_own_instruction() {
    assert_eq!(
        text(Locale::EnUs, "contact.email", ErrorCode::Required),
        "Enter your email address"
    );
    assert_eq!(
        text(Locale::EnUs, "category", ErrorCode::Required),
        "Select what the problem is about"
    );
}

#[test]
fn length_errors_name_the_field_and_the_limit() {
    let en = text(Locale::EnUs, "title", ErrorCode::TooLong);
    assert!(en.contains("Summary") && en.contains("200"), "{en}");
    let zh = text(Locale::ZhCn, "title", ErrorCode::TooLong);
    assert!(zh.contains("200") && !zh.contains("Summary"), "{zh}");
}

/// Without the isolation marks that Fluent puts around arguments.
fn plain(count: Option<(String, bool)>) -> Option<(String, bool)> {
    count.map(|(text, over)| (text.replace(['\u{2068}', '\u{2069}'], ""), over))
}

#[test]
fn the_count_shows_from_four_fifths_of_the_limit() {
    let count = |text: &str| plain(character_count(Locale::EnUs, "title", text));
    assert_eq!(count(&"a".repeat(159)), None);
    assert_eq!(
        count(&"a".repeat(160)),
        Some(("You have 40 characters left".into(), false))
    );
    assert_eq!(
        count(&"a".repeat(199)),
        Some(("You have 1 character left".into(), false))
    );
    assert_eq!(
        count(&"a".repeat(203)),
        Some(("You have 3 characters too many".into(), true))
    );
    let (zh, over) = character_count(Locale::ZhTw, "description", &"字".repeat(10_001)).unwrap();
    assert!(over && zh.contains('1') && zh.contains("字元"), "{zh}");
    assert_eq!(character_count(Locale::EnUs, "category", "a"), None);
}

#[test]
fn characters_are_counted_as_the_backend_counts_them() {
    // Unicode scalar values, not the UTF-16 units of a browser's
    // `maxlength` or bytes: 198 of them here, though 398 UTF-16 units.
    let text = "😀".repeat(198);
    let count = plain(character_count(Locale::EnUs, "title", &text));
    assert_eq!(count, Some(("You have 2 characters left".into(), false)));
    // What is sent: a pasted log's trailing line break and its colour
    // codes' escapes are not.
    let log = format!("\x1b[31m{}\n\n", "x".repeat(9_995));
    let count = plain(character_count(Locale::EnUs, "description", &log));
    assert_eq!(count, Some(("You have 1 character left".into(), false)));
}

#[test]
fn errors_on_what_the_form_does_not_show_name_no_field() {
    assert_eq!(
        text(Locale::EnUs, "customer", ErrorCode::InvalidValue),
        "The support service doesn't recognize this customer anymore. Go back and choose the customer again"
    );
    assert!(text(Locale::ZhTw, "service", ErrorCode::InvalidValue).contains("服務"));
    let resent = text(
        Locale::EnUs,
        "Idempotency-Key",
        ErrorCode::IdempotencyKeyReused,
    );
    assert!(resent.starts_with("An earlier attempt"), "{resent}");
    for field in [
        "Idempotency-Key",
        "escalation.reason",
        "articles_seen",
        "kind",
    ] {
        let sentence = text(Locale::EnUs, field, ErrorCode::InvalidValue);
        assert_eq!(
            sentence,
            "The support service didn't accept this request. Try again, and if it happens again, contact your portal's support team"
        );
    }
    let severity = text(Locale::EsEs, "severity", ErrorCode::InvalidValue);
    assert!(!severity.contains("Descripción"), "{severity}");
}

#[test]
fn every_error_of_every_field_has_a_sentence_in_every_locale() {
    let fields = [
        "category",
        "title",
        "description",
        "contact.name",
        "contact.email",
        "contact.phone",
        "contact.language",
        "severity",
        "attachments",
        "customer",
        "service",
        "kind",
        "escalation.reason",
        "Idempotency-Key",
    ];
    let codes = ErrorCode::KNOWN.into_iter().chain([ErrorCode::Unknown]);
    for locale in Locale::ALL {
        for field in fields {
            for code in codes.clone() {
                let sentence = text(locale, field, code);
                assert!(
                    !sentence.trim().is_empty() && !sentence.contains("error-"),
                    "{field} {code:?}"
                );
            }
        }
    }
}

#[test]
fn a_file_the_backend_no_longer_has_is_named_as_such() {
    assert_eq!(
        text(Locale::EnUs, "attachments", ErrorCode::InvalidValue),
        "A file is no longer with the support service. Remove it and add it again."
    );
    let total = text(Locale::EsEs, "attachments", ErrorCode::AttachmentsTooLarge);
    assert!(total.contains("25 MB"), "{total}");
    let many = text(Locale::ZhCn, "attachments", ErrorCode::TooManyFiles);
    assert!(many.contains('5'), "{many}");
}

#[test]
fn control_ids_are_valid_html_ids() {
    assert_eq!(control_id("contact.email"), "sw-contact-email");
}
