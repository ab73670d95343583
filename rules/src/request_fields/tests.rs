use super::*;
use crate::host_api::PrefillContact;

fn portal_prefill() -> Prefill {
    Prefill {
        title: Some("The portal's title".into()),
        category: Some(Category::Technical),
        contact: Some(PrefillContact {
            name: Some("Portal User".into()),
            email: Some("user@contoso.com".into()),
            phone: None,
            language: Some(ContactLanguage::ZhTw),
        }),
        ..Prefill::default()
    }
}

#[test]
fn a_prefill_fills_only_what_is_empty_and_chooses_no_language_twice() {
    let (blank, chosen) = RequestFields::default().prefilled(false, &portal_prefill());
    assert_eq!(blank.title, "The portal's title");
    assert_eq!(blank.category, Some(Category::Technical));
    assert_eq!(blank.contact_email, "user@contoso.com");
    assert_eq!(blank.contact_phone, "");
    assert_eq!(blank.contact_language, ContactLanguage::ZhTw);
    assert!(chosen);

    let (typed, chosen) = typed().prefilled(true, &portal_prefill());
    assert_eq!(typed.title, "  Factura duplicada ");
    assert_eq!(typed.category, Some(Category::Billing));
    assert_eq!(typed.contact_name, " Lucía Pérez ");
    assert_eq!(typed.contact_language, ContactLanguage::EsEs);
    assert!(chosen);

    // Spaces are nothing typed; a second prefill adds to the first.
    let spaces = RequestFields {
        title: "   ".into(),
        ..RequestFields::default()
    };
    let (filled, _) = spaces.prefilled(false, &portal_prefill());
    assert_eq!(filled.title, "The portal's title");
    let phone = Prefill {
        contact: Some(PrefillContact {
            phone: Some("02 2555 0100".into()),
            ..PrefillContact::default()
        }),
        ..Prefill::default()
    };
    let (both, _) = blank.prefilled(true, &phone);
    assert_eq!(both.contact_phone, "02 2555 0100");
    assert_eq!(both.contact_email, "user@contoso.com");
}

fn typed() -> RequestFields {
    RequestFields {
        category: Some(Category::Billing),
        severity: Some(Severity::Critical),
        service: Some("exchange".into()),
        title: "  Factura duplicada ".into(),
        description: "\nLa factura de octubre aparece dos veces.\n".into(),
        contact_name: " Lucía Pérez ".into(),
        contact_email: " lucia@fabrikam.es ".into(),
        contact_phone: "  ".into(),
        contact_language: ContactLanguage::EsEs,
        attachments: Vec::new(),
    }
}

fn context() -> CustomerContext {
    CustomerContext {
        customer: CustomerRef {
            id: "c-7".into(),
            name: "Núñez y Asociados S.L.".into(),
        },
        service: Service {
            id: "azure".into(),
            name: "Azure".into(),
            admin_center_url: "https://portal.azure.cn/".into(),
        },
        // The one path to the form goes through the guide.
        escalation: Some(Escalation {
            reason: "bug_or_irregularity".into(),
            health_checked: true,
            troubleshooting: Vec::new(),
        }),
        related_request: None,
    }
}

#[test]
fn an_empty_form_of_each_kind_says_what_to_do_for_each_field_it_needs() {
    use support_contract::{ErrorCode, FieldError};

    use crate::{
        field_errors::{self, ServiceFrom},
        i18n,
    };
    let targets = [
        RequestTarget::PartnerCenter,
        RequestTarget::Customer(context()),
        RequestTarget::ContactPartner {
            articles_seen: Vec::new(),
            services_offered: Vec::new(),
        },
    ];
    for target in targets {
        let errors = RequestFields::default()
            .to_request(&target, Locale::EnUs)
            .validate();
        assert!(!errors.is_empty(), "{target:?}");
        for locale in Locale::ALL {
            for error in &errors {
                assert_eq!(error.code, ErrorCode::Required, "{error:?}");
                let label = field_errors::field_label(&error.field).unwrap();
                // What a field without an instruction of its own says:
                // that the backend did not accept it.
                let refused = i18n::format(
                    locale,
                    id::ERROR_NOT_ACCEPTED,
                    Some(&i18n::args([(
                        "field",
                        i18n::message(locale, label).into(),
                    )])),
                );
                let said = field_errors::message(locale, error, ServiceFrom::BeforeTheForm);
                assert_ne!(said, refused, "{locale:?} {error:?}");
                let other = FieldError::new(error.field.as_str(), ErrorCode::InvalidValue);
                assert_ne!(
                    said,
                    field_errors::message(locale, &other, ServiceFrom::BeforeTheForm)
                );
            }
        }
    }
}

#[test]
fn a_partner_center_request_trims_text_and_leaves_out_an_empty_phone() {
    let request = typed().to_request(&RequestTarget::PartnerCenter, Locale::EsEs);
    assert_eq!(request.kind, RequestKind::PartnerCenter);
    assert_eq!(request.category, Some(Category::Billing));
    assert_eq!(
        request.severity, None,
        "severity belongs to customer requests"
    );
    assert_eq!(request.customer, None);
    assert_eq!(request.title, "Factura duplicada");
    assert_eq!(
        request.description,
        "La factura de octubre aparece dos veces."
    );
    assert_eq!(request.contact.name, "Lucía Pérez");
    assert_eq!(request.contact.email, "lucia@fabrikam.es");
    assert_eq!(request.contact.phone, None);
    assert_eq!(request.locale, ContactLanguage::EsEs);
    assert!(request.validate().is_empty());
}

#[test]
fn submit_says_whether_the_request_waits_is_on_its_way_or_can_go() {
    assert_eq!(submit_label(false, false), id::SUBMIT_BUTTON);
    assert_eq!(submit_label(true, false), id::SUBMIT_PENDING);
    // A retry's wait or the connection's, while sending.
    assert_eq!(submit_label(true, true), id::SUBMIT_WAITING);
    // Files still uploading, before the request goes.
    assert_eq!(submit_label(false, true), id::SUBMIT_WAITING);
}

#[test]
fn invisible_control_characters_are_left_out_and_line_breaks_kept() {
    let pasted = RequestFields {
        title: "bell\u{7} and\ttab".into(),
        description: "\u{1b}[31mERROR\u{1b}[0m timeout\r\n\tat step 2\u{0}".into(),
        contact_name: "\u{1b}Ana".into(),
        contact_email: "ana@contoso.com\u{0}".into(),
        contact_phone: "\u{7}+1 425 555 0100".into(),
        ..typed()
    };
    let request = pasted.to_request(&RequestTarget::PartnerCenter, Locale::EnUs);
    assert_eq!(request.title, "bell and tab");
    assert_eq!(request.description, "[31mERROR[0m timeout\r\n\tat step 2");
    assert_eq!(request.contact.name, "Ana");
    assert_eq!(request.contact.email, "ana@contoso.com");
    assert_eq!(request.contact.phone.as_deref(), Some("+1 425 555 0100"));
    assert!(request.validate().is_empty());
}

#[test]
fn full_width_contact_details_are_sent_as_the_ascii_they_mean() {
    let typed_in_full_width = RequestFields {
        contact_email: "ｗａｎｇ＠ｅｘａｍｐｌｅ。ｃｏｍ".into(),
        contact_phone: "＋８６　１０\u{2013}５５５５\u{2013}０１００ 转 １２".into(),
        ..typed()
    };
    let request = typed_in_full_width.to_request(&RequestTarget::PartnerCenter, Locale::ZhCn);
    assert_eq!(request.contact.email, "wang@example.com");
    assert_eq!(
        request.contact.phone.as_deref(),
        Some("+86 10-5555-0100 转 12")
    );
    assert!(request.validate().is_empty());
    // Letters of other scripts stay as they are.
    assert_eq!(ascii_forms("王@例子.中国"), "王@例子.中国");
}

#[test]
fn a_customer_request_carries_the_customer_and_the_service() {
    let request = typed().to_request(&RequestTarget::Customer(context()), Locale::ZhTw);
    assert_eq!(request.kind, RequestKind::Customer);
    assert_eq!(
        request.category, None,
        "categories belong to Partner Center requests"
    );
    assert_eq!(request.customer, Some(context().customer));
    assert_eq!(request.service.as_deref(), Some("azure"));
    assert_eq!(request.severity, Some(Severity::Critical));
    assert!(request.validate().is_empty());
}

#[test]
fn an_escalated_request_carries_what_the_guide_decided() {
    let escalation = Escalation {
        reason: "lacks_training_documentation_tools".into(),
        health_checked: false,
        troubleshooting: vec!["settings".into()],
    };
    let target = RequestTarget::Customer(CustomerContext {
        escalation: Some(escalation.clone()),
        ..context()
    });
    let request = typed().to_request(&target, Locale::EnUs);
    assert_eq!(request.escalation, Some(escalation));
    assert!(request.validate().is_empty());
}

#[test]
fn contacting_the_partner_lists_the_articles_seen_and_needs_no_category() {
    let target = RequestTarget::ContactPartner {
        articles_seen: vec!["reset-password".into()],
        services_offered: vec!["azure".into(), "exchange".into()],
    };
    let request = typed().to_request(&target, Locale::ZhCn);
    assert_eq!(request.kind, RequestKind::CustomerSelfService);
    assert_eq!(request.articles_seen, ["reset-password"]);
    assert_eq!(request.category, None);
    assert_eq!(request.severity, None);
    assert_eq!(request.service.as_deref(), Some("exchange"));
    assert!(request.validate().is_empty());
    // Not sure of the service: none named, and nothing missing.
    let unsure = RequestFields {
        service: None,
        ..typed()
    };
    let request = unsure.to_request(&target, Locale::ZhCn);
    assert_eq!(request.service, None);
    assert!(request.validate().is_empty());
    // One the form does not offer (the list not had, or without it) is
    // not sent: the customer could neither see nor correct it.
    for services_offered in [Vec::new(), vec!["azure".to_owned()]] {
        let target = RequestTarget::ContactPartner {
            articles_seen: Vec::new(),
            services_offered,
        };
        assert_eq!(typed().to_request(&target, Locale::ZhCn).service, None);
    }
}

#[test]
fn the_service_is_the_customers_choice_only_in_a_message_to_the_partner() {
    // A Partner Center request has none; a customer request has the one
    // chosen before its form.
    let own = typed().to_request(&RequestTarget::PartnerCenter, Locale::EnUs);
    assert_eq!(own.service, None);
    let for_customer = typed().to_request(&RequestTarget::Customer(context()), Locale::EnUs);
    assert_eq!(for_customer.service.as_deref(), Some("azure"));
}

#[test]
fn a_prefilled_service_is_the_pages_until_the_customer_chooses_another() {
    let prefill = Prefill {
        service: Some("teams".into()),
        ..Prefill::default()
    };
    let (page, _) = RequestFields::default().prefilled(false, &prefill);
    assert_eq!(page.service.as_deref(), Some("teams"));
    // The service alone is a problem described, but the page's, not the
    // user's; the same form without the page's service would be the user's.
    assert!(page.describes_a_problem());
    assert!(!page.beyond(&page));
    assert!(page.beyond(&RequestFields::default()));
    // A choice made stays over the page's.
    let (chosen, _) = typed().prefilled(true, &prefill);
    assert_eq!(chosen.service.as_deref(), Some("exchange"));
    let other = RequestFields {
        service: Some("exchange".into()),
        ..page.clone()
    };
    assert!(other.beyond(&page));
    // Back to "Not sure" is nothing of the user's, as an emptied field.
    let unsure = RequestFields {
        service: None,
        ..page.clone()
    };
    assert!(!unsure.beyond(&page));
    assert_eq!(typed().for_next_request().service, None);
}

#[test]
fn an_untouched_form_fails_validation_on_every_required_field() {
    let errors = RequestFields::default()
        .to_request(&RequestTarget::PartnerCenter, Locale::EnUs)
        .validate();
    assert_eq!(errors.len(), 5);
    let customer =
        RequestFields::default().to_request(&RequestTarget::Customer(context()), Locale::EnUs);
    let fields: Vec<_> = customer.validate().into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            "severity",
            "title",
            "description",
            "contact.name",
            "contact.email"
        ]
    );
}

#[test]
fn a_request_refers_to_its_uploaded_files_by_id() {
    let fields = RequestFields {
        attachments: vec![Attachment {
            id: "u-1".into(),
            name: "screen.png".into(),
            size: 2048,
            content_type: "image/png".into(),
            sha256: None,
        }],
        ..typed()
    };
    let request = fields.to_request(&RequestTarget::PartnerCenter, Locale::EnUs);
    assert_eq!(request.attachments, ["u-1"]);
    assert!(!RequestFields {
        attachments: fields.attachments.clone(),
        ..RequestFields::default()
    }
    .is_blank());
    assert!(fields.for_next_request().attachments.is_empty());
}

#[test]
fn the_next_request_keeps_only_the_contact_details() {
    let next = typed().for_next_request();
    assert_eq!(next.title, "");
    assert_eq!(next.category, None);
    assert_eq!(next.severity, None);
    assert_eq!(next.contact_email, " lucia@fabrikam.es ");
    assert_eq!(next.contact_language, ContactLanguage::EsEs);
    // What carries over is no problem described, though not blank.
    assert!(!next.is_blank() && !next.describes_a_problem());
    assert!(typed().describes_a_problem());
}

#[test]
fn only_what_the_page_filled_in_is_nothing_of_the_users() {
    let (page, _) = RequestFields::default().prefilled(false, &portal_prefill());
    assert!(!page.beyond(&page));
    // The user emptied every text field the page filled: the category and
    // the contact language left are still the page's.
    let emptied = RequestFields {
        category: page.category,
        contact_language: page.contact_language,
        ..RequestFields::default()
    };
    assert!(!emptied.beyond(&page));
    assert!(!emptied.is_blank());
    // Another category, another title or a description is the user's.
    let recategorized = RequestFields {
        category: Some(Category::Billing),
        ..page.clone()
    };
    assert!(recategorized.beyond(&page));
    let retitled = RequestFields {
        title: "The user's title".into(),
        ..page.clone()
    };
    assert!(retitled.beyond(&page));
    let described = RequestFields {
        description: "What happened.".into(),
        ..emptied.clone()
    };
    assert!(described.beyond(&page));
    // Another contact language than the page's is the user's choice, on a
    // form that holds anything; alone, it is no request begun.
    let language = RequestFields {
        contact_language: ContactLanguage::EsEs,
        ..emptied.clone()
    };
    assert!(language.beyond(&page));
    let language_alone = RequestFields {
        contact_language: ContactLanguage::EsEs,
        ..RequestFields::default()
    };
    assert!(!language_alone.beyond(&RequestFields::default()));
    assert!(typed().beyond(&RequestFields::default()));
    assert!(!RequestFields::default().beyond(&RequestFields::default()));
}

#[test]
fn an_escalation_of_a_customers_message_names_it() {
    let target = RequestTarget::Customer(CustomerContext {
        related_request: Some("m-1".into()),
        ..context()
    });
    let request = typed().to_request(&target, Locale::EnUs);
    assert_eq!(request.related_request.as_deref(), Some("m-1"));
    let by_hand = typed().to_request(&RequestTarget::Customer(context()), Locale::EnUs);
    assert_eq!(by_hand.related_request, None);
}
