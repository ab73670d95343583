use super::*;

use crate::{Category, Contact, ContactLanguage};

fn valid() -> NewSupportRequest {
    NewSupportRequest {
        kind: RequestKind::PartnerCenter,
        category: Some(Category::Technical),
        title: "无法登录合作伙伴中心".into(),
        description: "登录时显示错误。\n第二行。".into(),
        contact: Contact {
            name: "王芳".into(),
            email: "wang.fang@contoso.cn".into(),
            phone: Some("+86 10 5555 0100".into()),
            language: ContactLanguage::ZhCn,
        },
        ..NewSupportRequest::default()
    }
}

fn fields(request: &NewSupportRequest) -> Vec<(String, ErrorCode)> {
    request
        .validate()
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect()
}

#[test]
fn a_complete_request_passes() {
    assert_eq!(fields(&valid()), vec![]);
}

#[test]
fn an_empty_form_lists_every_required_field_in_form_order() {
    let request = NewSupportRequest {
        category: None,
        ..NewSupportRequest::default()
    };
    let got: Vec<_> = fields(&request).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        got,
        [
            "category",
            "title",
            "description",
            "contact.name",
            "contact.email"
        ]
    );
}

#[test]
fn blank_text_counts_as_missing() {
    let request = NewSupportRequest {
        title: " \u{3000} ".into(),
        ..valid()
    };
    assert_eq!(
        fields(&request),
        vec![("title".into(), ErrorCode::Required)]
    );
}

#[test]
fn lengths_are_counted_in_characters_not_bytes() {
    let at_limit = NewSupportRequest {
        title: "漢".repeat(limits::TITLE_MAX),
        ..valid()
    };
    assert_eq!(fields(&at_limit), vec![]);
    let over = NewSupportRequest {
        title: "漢".repeat(limits::TITLE_MAX + 1),
        ..valid()
    };
    assert_eq!(fields(&over), vec![("title".into(), ErrorCode::TooLong)]);
}

#[test]
fn control_characters_are_refused_but_line_breaks_in_descriptions_are_not() {
    let title = NewSupportRequest {
        title: "bad\u{7}bell".into(),
        ..valid()
    };
    assert_eq!(
        fields(&title),
        vec![("title".into(), ErrorCode::ControlCharacters)]
    );
    let title_newline = NewSupportRequest {
        title: "two\nlines".into(),
        ..valid()
    };
    assert_eq!(
        fields(&title_newline),
        vec![("title".into(), ErrorCode::ControlCharacters)]
    );
    let description = NewSupportRequest {
        description: "a\r\n\tb".into(),
        ..valid()
    };
    assert_eq!(fields(&description), vec![]);
}

#[test]
fn email_addresses() {
    for good in ["a@b.co", "li.na+support@contoso.com.cn"] {
        assert_eq!(email(good), Ok(()), "{good}");
    }
    // Checked as it is stored: spaces around it are spaces too.
    for bad in [
        "plain",
        "@b.co",
        "a@b",
        "a@.co",
        "a@b..co",
        "a b@c.co",
        "a@b@c.co",
        "a@-b.co",
        "  x@y.org ",
    ] {
        assert_eq!(email(bad), Err(ErrorCode::InvalidEmail), "{bad}");
    }
    assert_eq!(email(""), Err(ErrorCode::Required));
    assert_eq!(email("a@b.cn\r\n"), Err(ErrorCode::InvalidEmail));
    let padded = format!("{}@b.cn{}", "a".repeat(240), " ".repeat(100));
    assert_eq!(email(&padded), Err(ErrorCode::TooLong));
}

#[test]
fn phone_numbers_are_optional_and_loose_about_separators() {
    for good in [
        "",
        "+86 (10) 5555-0100",
        "02 2555 0100",
        "+34.600.000.000",
        "+86 10 5555 0100 ext 2",
        "+86 10 5555 0100 Ext. 123",
        "+1 425 555 0100 x4",
        "+86 (10) 5555-0100 转 12",
        "02 2555 0100 分機 3021",
        "600 000 000#12",
    ] {
        assert_eq!(phone(good), Ok(()), "{good}");
    }
    // Full-width digits are the widget's to fold before it sends.
    for bad in [
        "call me",
        "12",
        "１２３４５６",
        "+86 10 5555 0100 ext",
        "+86 10 5555 0100 ext 1234567",
        "+86 10 5555 0100 ext two",
        "ext 12345",
        "+86 10 5555 0100 x 1 x 2",
    ] {
        assert_eq!(phone(bad), Err(ErrorCode::InvalidPhone), "{bad}");
    }
    // As it is stored: its length and characters with what is around it.
    assert_eq!(phone("\u{b}12345\n"), Err(ErrorCode::InvalidPhone));
    let padded = format!("12345{}", " ".repeat(100));
    assert_eq!(phone(&padded), Err(ErrorCode::TooLong));
    assert_eq!(phone(&" ".repeat(100)), Err(ErrorCode::TooLong));
    assert_eq!(phone("\n"), Err(ErrorCode::InvalidPhone));
}

#[test]
fn a_customer_request_needs_the_customer_the_service_the_escalation_and_a_severity() {
    let bare = NewSupportRequest {
        kind: RequestKind::Customer,
        category: None,
        ..valid()
    };
    let got: Vec<_> = fields(&bare).into_iter().map(|(f, _)| f).collect();
    assert_eq!(got, ["customer", "service", "escalation", "severity"]);
    let complete = NewSupportRequest {
        customer: Some(crate::CustomerRef {
            id: "c1".into(),
            name: "Fabrikam".into(),
        }),
        service: Some("azure".into()),
        escalation: Some(crate::Escalation {
            reason: "unavailable_service".into(),
            health_checked: true,
            troubleshooting: vec![],
        }),
        severity: Some(crate::Severity::Critical),
        ..bare
    };
    assert_eq!(fields(&complete), vec![]);
}

#[test]
fn a_partner_center_request_needs_a_category_but_other_kinds_do_not() {
    let request = NewSupportRequest {
        category: None,
        ..valid()
    };
    assert_eq!(
        fields(&request),
        vec![("category".into(), ErrorCode::Required)]
    );
    let self_service = NewSupportRequest {
        kind: RequestKind::CustomerSelfService,
        category: None,
        ..valid()
    };
    assert_eq!(fields(&self_service), vec![]);
}

#[test]
fn an_escalation_names_one_of_the_known_reasons() {
    let escalated = |reason: &str| NewSupportRequest {
        escalation: Some(crate::Escalation {
            reason: reason.into(),
            health_checked: true,
            troubleshooting: vec![],
        }),
        ..valid()
    };
    for reason in crate::ESCALATION_REASONS {
        assert_eq!(fields(&escalated(reason)), vec![], "{reason}");
    }
    // A problem that is the partner's own to support is not escalated.
    for refused in ["because", "none", "", "Unavailable_Service"] {
        assert_eq!(
            fields(&escalated(refused)),
            vec![("escalation.reason".into(), ErrorCode::InvalidValue)],
            "{refused:?}"
        );
    }
}

#[test]
fn an_escalation_names_each_troubleshooting_step_done_once_by_its_id() {
    let done = |steps: &[&str]| NewSupportRequest {
        escalation: Some(crate::Escalation {
            reason: "bug_or_irregularity".into(),
            health_checked: false,
            troubleshooting: steps.iter().map(|s| s.to_string()).collect(),
        }),
        ..valid()
    };
    assert_eq!(fields(&done(&[])), vec![]);
    assert_eq!(fields(&done(&["configuration", "software"])), vec![]);
    for refused in [
        &["restarted it"][..],
        &["software", "software"],
        &["Software"],
        &["settings", ""],
    ] {
        assert_eq!(
            fields(&done(refused)),
            vec![("escalation.troubleshooting".into(), ErrorCode::InvalidValue)],
            "{refused:?}"
        );
    }
}

#[test]
fn the_json_shape_matches_the_contract() {
    let json = serde_json::to_value(valid()).unwrap();
    assert_eq!(json["kind"], "partner_center");
    assert_eq!(json["category"], "technical");
    assert_eq!(json["contact"]["language"], "zh-CN");
    assert!(
        json.get("customer").is_none(),
        "absent options are left out"
    );
    let unknown: Result<NewSupportRequest, _> = serde_json::from_value(
        serde_json::json!({"kind": "nope", "title": "", "description": "", "contact": {"name": "", "email": ""}}),
    );
    assert!(unknown.is_err());
}

#[test]
fn the_retry_and_media_type_codes_are_snake_case() {
    for (code, json) in [
        (
            ErrorCode::IdempotencyKeyInFlight,
            "\"idempotency_key_in_flight\"",
        ),
        (ErrorCode::RateLimited, "\"rate_limited\""),
        (
            ErrorCode::UnsupportedMediaType,
            "\"unsupported_media_type\"",
        ),
    ] {
        assert_eq!(serde_json::to_string(&code).unwrap(), json);
        assert_eq!(serde_json::from_str::<ErrorCode>(json).unwrap(), code);
    }
}

#[test]
fn a_request_carries_at_most_five_files_each_once() {
    let with = |ids: Vec<String>| NewSupportRequest {
        attachments: ids,
        ..valid()
    };
    let ids = |n: usize| (0..n).map(|i| format!("upload-{i}")).collect();
    assert_eq!(fields(&with(ids(crate::ATTACHMENTS_MAX_FILES))), vec![]);
    assert_eq!(
        fields(&with(ids(crate::ATTACHMENTS_MAX_FILES + 1))),
        vec![("attachments".into(), ErrorCode::TooManyFiles)]
    );
    assert_eq!(
        fields(&with(vec!["a".into(), "a".into()])),
        vec![("attachments".into(), ErrorCode::InvalidValue)]
    );
    let blank_form = NewSupportRequest {
        category: Some(Category::Technical),
        attachments: ids(crate::ATTACHMENTS_MAX_FILES + 1),
        ..NewSupportRequest::default()
    };
    let order: Vec<_> = fields(&blank_form).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        order,
        [
            "title",
            "description",
            "attachments",
            "contact.name",
            "contact.email"
        ],
        "the files come after the description, as in the form"
    );
    let json = serde_json::to_value(valid()).unwrap();
    assert!(json.get("attachments").is_none(), "no files, no field");
}

#[test]
fn the_file_codes_are_snake_case() {
    for (code, json) in [
        (ErrorCode::FileEmpty, "\"file_empty\""),
        (ErrorCode::FileTooLarge, "\"file_too_large\""),
        (ErrorCode::FileTypeNotAllowed, "\"file_type_not_allowed\""),
        (ErrorCode::FileTypeMismatch, "\"file_type_mismatch\""),
        (ErrorCode::TooManyFiles, "\"too_many_files\""),
        (ErrorCode::AttachmentsTooLarge, "\"attachments_too_large\""),
    ] {
        assert_eq!(serde_json::to_string(&code).unwrap(), json);
        assert_eq!(serde_json::from_str::<ErrorCode>(json).unwrap(), code);
    }
}

#[test]
fn error_codes_the_widget_does_not_know_still_parse() {
    let error: FieldError = serde_json::from_str(r#"{"field":"title","code":"new_rule"}"#).unwrap();
    assert_eq!(error.code, ErrorCode::Unknown);
}
