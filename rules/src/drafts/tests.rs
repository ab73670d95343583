use support_contract::{Category, ContactLanguage};

use super::*;
use crate::locale::Locale;

#[test]
fn only_the_draft_this_form_stored_last_is_its_own_to_remove() {
    let saved_at = |saved_at| Draft {
        saved_at,
        ..draft()
    };
    // Stored by this form, or loaded by it and not changed since.
    assert!(!is_theirs(Some(&saved_at(10)), Some(10)));
    // Another tab or widget stored a newer one, after loading this one's
    // or while this form had stored none.
    assert!(is_theirs(Some(&saved_at(11)), Some(10)));
    assert!(is_theirs(Some(&saved_at(11)), None));
    // Nothing stored, or an entry that cannot be read: nobody's.
    assert!(!is_theirs(None, Some(10)));
    assert!(!is_theirs(None, None));
}

fn backend(url: &str) -> BackendUrl {
    BackendUrl::parse(Some(url)).unwrap()
}

fn draft() -> Draft {
    Draft {
        fields: RequestFields {
            category: Some(Category::Billing),
            title: "<script>alert(1)</script> \u{202e}gnp.exe \u{200b}😀".into(),
            description: "第一行\n\tsegunda línea\u{0007}".repeat(5_000),
            contact_name: "  陳怡君 ".into(),
            contact_language: ContactLanguage::ZhTw,
            ..RequestFields::default()
        },
        contact_language_chosen: true,
        idempotency_key: "6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11".into(),
        saved_at: 1_795_000_000_000,
        about: None,
        typed_for: None,
        articles_seen: Vec::new(),
    }
}

#[test]
fn a_draft_comes_back_exactly_as_typed() {
    assert_eq!(Draft::decode(&draft().encode()), Some(draft()));
    // A message to the partner keeps the service chosen.
    let mut about_a_service = draft();
    about_a_service.fields.service = Some("office365".into());
    assert_eq!(
        Draft::decode(&about_a_service.encode()),
        Some(about_a_service)
    );
}

#[test]
fn the_contact_language_the_form_showed_comes_back_after_a_reload_in_another_language() {
    // Not picked: the form showed the widget's language, Spanish.
    let following = Draft {
        contact_language_chosen: false,
        fields: RequestFields {
            contact_language: ContactLanguage::default(),
            ..draft().fields
        },
        ..draft()
    };
    let stored = following.as_stored(Locale::EsEs);
    assert!(stored.contact_language_chosen);
    assert_eq!(stored.fields.contact_language, ContactLanguage::EsEs);
    // The reload comes back in English: the draft still says Spanish.
    let reloaded = Draft::decode(&stored.encode()).unwrap();
    assert_eq!(reloaded.fields.contact_language, ContactLanguage::EsEs);
    assert!(reloaded.contact_language_chosen);
    // One the user picked stays as picked, whatever the widget shows.
    assert_eq!(draft().as_stored(Locale::EsEs), draft());
}

#[test]
fn a_customer_request_draft_remembers_whom_it_is_for_and_the_guides_decision() {
    let about = DraftSubject {
        customer: Customer {
            id: "c-1".into(),
            name: "Fabrikam 北京".into(),
            domain: "fabrikam.partner.onmschina.cn".into(),
        },
        service: Service {
            id: "azure".into(),
            name: "Azure".into(),
            admin_center_url: "https://portal.azure.cn/".into(),
        },
        escalation: Some(Escalation {
            reason: "lacks_training_documentation_tools".into(),
            health_checked: true,
            troubleshooting: vec!["settings".into()],
        }),
        related_request: Some("m-1".into()),
    };
    let draft = Draft {
        about: Some(about.clone()),
        ..draft()
    };
    assert_eq!(Draft::decode(&draft.encode()), Some(draft.clone()));
    // Typed for another customer and service: the draft says for whom.
    let typed_for = DraftSubject {
        escalation: None,
        ..about
    };
    let draft = Draft {
        typed_for: Some(typed_for),
        ..draft
    };
    let stored: serde_json::Value = serde_json::from_str(&draft.encode()).unwrap();
    assert_eq!(stored["draft"]["typed_for"]["customer"]["id"], "c-1");
    assert_eq!(Draft::decode(&draft.encode()), Some(draft));
    // A draft stored before it was kept is for no one else.
    assert!(!self::draft().encode().contains("typed_for"));
}

#[test]
fn the_same_customer_and_service_are_the_same_target_however_they_came() {
    let service = Service {
        id: "azure".into(),
        name: "Azure".into(),
        admin_center_url: "https://portal.azure.cn/".into(),
    };
    let found = DraftSubject {
        customer: Customer {
            id: "contoso".into(),
            name: "Contoso Ltd".into(),
            domain: "contoso.partner.onmschina.cn".into(),
        },
        service: service.clone(),
        escalation: None,
        related_request: None,
    };
    // The page's prefill names the customer without its domain.
    let prefilled = DraftSubject {
        customer: Customer {
            domain: String::new(),
            ..found.customer.clone()
        },
        ..found.clone()
    };
    assert!(found.same_target(&prefilled));
    let other_service = DraftSubject {
        service: Service {
            id: "office365".into(),
            ..service
        },
        ..found.clone()
    };
    assert!(!found.same_target(&other_service));
    // An escalation of one customer's request is not another's, nor one
    // by hand.
    let escalating = |id: &str| DraftSubject {
        related_request: Some(id.into()),
        ..found.clone()
    };
    assert!(escalating("m-1").same_target(&escalating("m-1")));
    assert!(!escalating("m-1").same_target(&escalating("m-2")));
    assert!(!escalating("m-1").same_target(&found));
}

#[test]
fn a_message_to_the_partner_keeps_the_articles_seen_before_it() {
    let seen = |id: &str, title: &str| SeenArticle {
        id: id.into(),
        title: title.into(),
    };
    let draft = Draft {
        articles_seen: vec![
            seen("office365-reset-password", "重設使用者的密碼"),
            seen("azure-vm-start", "Azure VM won't \"start\""),
        ],
        ..draft()
    };
    let text = draft.encode();
    assert!(text.contains(r#""articles_seen":[{"id":"office365-reset-password""#));
    assert_eq!(Draft::decode(&text), Some(draft));
    // A form without any writes none.
    assert!(!self::draft().encode().contains("articles_seen"));
}

#[test]
fn each_backend_audience_flow_and_user_has_its_own_key() {
    let a = backend("https://a.example/api/support");
    let b = backend("https://b.example/api/support");
    let device = StorageOwner::Device;
    let keys = [
        storage_key(&a, Audience::Partner, FormFlow::PartnerCenter, &device),
        storage_key(&a, Audience::Partner, FormFlow::Customer, &device),
        storage_key(&b, Audience::Partner, FormFlow::PartnerCenter, &device),
        storage_key(
            &a,
            Audience::Partner,
            FormFlow::PartnerCenter,
            &StorageOwner::User("a1".into()),
        ),
        storage_key(
            &a,
            Audience::Partner,
            FormFlow::PartnerCenter,
            &StorageOwner::User("b2".into()),
        ),
    ];
    assert_eq!(
        keys[0],
        "support-widget:v1:draft:https://a.example/api/support/:partner:partner-center"
    );
    for (i, key) in keys.iter().enumerate() {
        assert!(keys[i + 1..].iter().all(|other| other != key), "{key}");
    }
    // The same backend written two ways is one backend.
    assert_eq!(
        storage_key(
            &backend(" https://a.example/api/support/?x=1 "),
            Audience::Partner,
            FormFlow::PartnerCenter,
            &device
        ),
        keys[0]
    );
}

#[test]
fn garbage_is_no_draft() {
    let good = draft().encode();
    let other_version = good.replace("\"version\":1", "\"version\":2");
    let bad_key = good.replace("6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11", "<img src=x>");
    for text in [
        "",
        "null",
        "[]",
        "{\"version\":1}",
        "{\"version\":1,\"draft\":{\"fields\":42}}",
        &good[..40],
        &other_version,
        &bad_key,
    ] {
        assert_eq!(Draft::decode(text), None, "{text:.80}");
    }
}

#[test]
fn a_draft_stored_by_the_previous_format_reads_and_is_written_the_same() {
    // As serde's derives, through the browser's JSON.stringify, wrote it.
    let stored = concat!(
        r#"{"version":1,"draft":{"fields":{"category":null,"severity":"critical","#,
        r#""title":"VM down","description":"It \"stopped\".\n","contact_name":"陳怡君","#,
        r#""contact_email":"chen@contoso.tw","contact_phone":"+886 2 5555 0100","#,
        r#""contact_language":"zh-TW","attachments":[{"id":"a-1","name":"screen.png","#,
        r#""size":48213,"content_type":"image/png"},{"id":"a-2","name":"log.txt","size":12,"#,
        r#""content_type":"text/plain","sha256":"ab12"}]},"contact_language_chosen":true,"#,
        r#""idempotency_key":"6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11","saved_at":1795000000000,"#,
        r#""about":{"customer":{"id":"c-1","name":"Fabrikam","domain":"fabrikam.cn"},"#,
        r#""service":{"id":"azure","name":"Azure","admin_center_url":"https://portal.azure.cn/"},"#,
        r#""escalation":{"reason":"lacks_training_documentation_tools","health_checked":true,"troubleshooting":["settings"]}},"#,
        r#""articles_seen":[{"id":"office365-reset-password","title":"重設密碼"}]}}"#
    );
    let draft = Draft::decode(stored).expect("reads");
    let fields = &draft.fields;
    assert_eq!(fields.category, None);
    assert_eq!(fields.severity, Some(support_contract::Severity::Critical));
    assert_eq!(fields.description, "It \"stopped\".\n");
    assert_eq!(fields.contact_email, "chen@contoso.tw");
    assert_eq!(fields.contact_phone, "+886 2 5555 0100");
    assert_eq!(fields.contact_language, ContactLanguage::ZhTw);
    assert_eq!(fields.attachments.len(), 2);
    assert_eq!(fields.attachments[0].size, 48_213);
    assert_eq!(fields.attachments[1].sha256.as_deref(), Some("ab12"));
    assert!(draft.contact_language_chosen);
    assert_eq!(draft.saved_at, 1_795_000_000_000);
    let about = draft.about.as_ref().unwrap();
    assert_eq!(about.service.admin_center_url, "https://portal.azure.cn/");
    assert_eq!(
        about.escalation.as_ref().unwrap().troubleshooting,
        ["settings"]
    );
    assert_eq!(draft.articles_seen[0].title, "重設密碼");
    // Written again with the same members and values (an object's members
    // in the order of their names).
    let members = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(members(&draft.encode()), members(stored));
}

#[test]
fn a_draft_missing_newer_fields_still_loads() {
    let text = r#"{"version":1,"draft":{"fields":{"title":"Invoice"},"idempotency_key":"6F1C0C3E-8F5E-4C55-9A0F-0C6F8F1D2B11"}}"#;
    let draft = Draft::decode(text).unwrap();
    assert_eq!(draft.fields.title, "Invoice");
    assert_eq!(draft.fields.description, "");
    assert!(!draft.contact_language_chosen);
    let about = r#"{"customer":{"id":"c-1","name":"Fabrikam","domain":"fabrikam.cn"},"service":{"id":"azure","name":"Azure","admin_center_url":"https://portal.azure.cn/"}}"#;
    let text = text.replace(
        r#""idempotency_key""#,
        &format!(r#""about":{about},"idempotency_key""#),
    );
    let about = Draft::decode(&text).unwrap().about.unwrap();
    assert_eq!(about.customer.name, "Fabrikam");
    assert_eq!(about.escalation, None);
    assert!(Draft::decode(&text).unwrap().articles_seen.is_empty());
}

#[test]
fn a_draft_key_is_a_uuid_as_the_form_writes_it() {
    let key = uuid::Uuid::new_v4().to_string();
    assert!(is_uuid(&key));
    assert!(is_uuid(&key.to_uppercase()));
    // One character changed anywhere: the uuid crate, which wrote the key,
    // agrees on every hyphenated form.
    for at in 0..key.len() {
        for with in ['g', '-', '0', 'F', ' '] {
            let mut changed = key.clone();
            changed.replace_range(at..=at, &with.to_string());
            assert_eq!(
                is_uuid(&changed),
                uuid::Uuid::parse_str(&changed).is_ok(),
                "{changed}"
            );
        }
    }
    // Other lengths and forms are no draft's key.
    for other in [
        String::new(),
        key[1..].to_owned(),
        format!("{key}0"),
        key.replace('-', ""),
        format!("{{{key}}}"),
        format!("urn:uuid:{key}"),
        "6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b1é".to_owned(),
    ] {
        assert!(!is_uuid(&other), "{other}");
    }
}

#[test]
fn a_reply_is_kept_per_backend_request_and_user_with_its_key() {
    let backend = backend("https://portal.example.com/api");
    let user = StorageOwner::User("5e1c".into());
    assert_eq!(
        ReplyDraft::storage_key(&backend, "r-1", &user),
        "support-widget:v1:reply:https://portal.example.com/api/:r-1:user-5e1c"
    );
    assert_ne!(
        ReplyDraft::storage_key(&backend, "r-1", &StorageOwner::Device),
        ReplyDraft::storage_key(&backend, "r-1", &user)
    );
    let draft = ReplyDraft {
        body: "第一行\n第二行".into(),
        idempotency_key: "0f8e2a4c-5b1d-4e3f-9a7b-6c5d4e3f2a1b".into(),
        attachments: Vec::new(),
    };
    assert_eq!(ReplyDraft::decode(&draft.encode()), Some(draft.clone()));
    // Its files are kept with it.
    let with_file = ReplyDraft {
        attachments: vec![support_contract::Attachment {
            id: "a-1".into(),
            name: "log.txt".into(),
            size: 12,
            content_type: "text/plain".into(),
            sha256: None,
        }],
        ..draft.clone()
    };
    assert_eq!(ReplyDraft::decode(&with_file.encode()), Some(with_file));
    // A key that is not one the box writes, or another version, is none.
    let bad_key = ReplyDraft {
        idempotency_key: "k".into(),
        ..draft.clone()
    };
    assert_eq!(ReplyDraft::decode(&bad_key.encode()), None);
    assert_eq!(
        ReplyDraft::decode(&draft.encode().replace("\"version\":1", "\"version\":2")),
        None
    );
    assert_eq!(ReplyDraft::decode("not json"), None);
}
