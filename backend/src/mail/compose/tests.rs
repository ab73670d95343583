use support_contract::{
    Attachment, Contact, ContactLanguage, CustomerRef, NewSupportRequest, Reply, ReplyAuthor,
    RequestKind, RequestStatus, StatusChange, StoredRequest,
};

use super::*;

const PARTNER_PAGE: &str = "https://partner.example/requests/{id}?ref={reference}";
const CUSTOMER_PAGE: &str = "https://portal.example/support/{reference}";
/// [`PARTNER_PAGE`] and [`CUSTOMER_PAGE`] of [`request`].
const PARTNERS_LINK: &str =
    "https://partner.example/requests/0b0e5c1e-0000-4000-8000-000000000001?ref=SR-000042";
const CUSTOMERS_LINK: &str = "https://portal.example/support/SR-000042";

fn outbox() -> MailOutbox {
    MailOutbox {
        partner_support: Some("support@partner.example".into()),
        partner_portal_url: Some(PARTNER_PAGE.into()),
        customer_portal_url: Some(CUSTOMER_PAGE.into()),
        public_url: Some("https://portal.example/api/support".into()),
        partner_language: ContactLanguage::EnUs,
        sender: None,
    }
}

fn request(kind: RequestKind, language: ContactLanguage) -> StoredRequest {
    StoredRequest {
        id: "0b0e5c1e-0000-4000-8000-000000000001".into(),
        reference: "SR-000042".into(),
        status: RequestStatus::Submitted,
        created_at: "2026-11-27T10:00:00Z".into(),
        request: NewSupportRequest {
            kind,
            title: "<b>VMs</b> won't start".into(),
            description: "Since <script>alert(1)</script> this morning.".into(),
            contact: Contact {
                name: "Chen Jie".into(),
                email: "chen.jie@beijing-cloud.cn".into(),
                phone: None,
                language,
            },
            customer: Some(CustomerRef {
                id: "beijing-cloud".into(),
                name: "Beijing Cloud".into(),
            }),
            ..Default::default()
        },
        history: Vec::new(),
        attachments: Vec::new(),
        replies: Vec::new(),
        escalated_as: None,
        unread: false,
    }
}

fn reply() -> Reply {
    Reply {
        id: "r1".into(),
        body: "Restart it & see <img src=x onerror=alert(1)>".into(),
        author: ReplyAuthor {
            name: "Zhang Wei".into(),
            role: "partner".into(),
        },
        created_at: "2026-11-27T10:05:00Z".into(),
        attachments: Vec::new(),
    }
}

fn happened<'a>(
    event_type: EventType,
    request: &'a StoredRequest,
    reply: Option<&'a Reply>,
    by_filer: bool,
) -> Happened<'a> {
    Happened {
        event_type,
        request,
        reply,
        by_filer,
        contact_confirmed: true,
        confirm_link: None,
        service: None,
    }
}

#[test]
fn a_customers_new_message_goes_to_the_partners_support_address() {
    let message = request(RequestKind::CustomerSelfService, ContactLanguage::EnUs);
    let mails = compose(
        &outbox(),
        happened(EventType::Created, &message, None, true),
    );
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.to, "support@partner.example");
    assert!(mail.subject.starts_with("[SR-000042] "), "{}", mail.subject);
    assert!(mail.text.contains("Chen Jie (Beijing Cloud)"));
    let sent = render(std::slice::from_ref(mail), None).unwrap();
    assert_eq!(sent.subject, mail.subject);
    assert!(sent.text.contains(PARTNERS_LINK), "{}", sent.text);
    // Other kinds of request are the partner's own: nobody is mailed.
    for kind in [RequestKind::PartnerCenter, RequestKind::Customer] {
        let filed = request(kind, ContactLanguage::EnUs);
        assert!(compose(&outbox(), happened(EventType::Created, &filed, None, true)).is_empty());
    }
    // Without a partner support address, neither is that.
    let without = MailOutbox {
        partner_support: None,
        ..outbox()
    };
    assert!(compose(&without, happened(EventType::Created, &message, None, true)).is_empty());
}

/// The customer answers on their own message (the partner's question, or
/// after it was resolved): the partner's support address hears of it, in
/// the partner's language (zh-CN here, the customer writing Spanish), with
/// the customer named as Chinese writes it.
#[test]
fn a_customers_reply_on_their_message_goes_to_the_partners_support_address() {
    let message = request(RequestKind::CustomerSelfService, ContactLanguage::EsEs);
    let outbox = || MailOutbox {
        partner_language: ContactLanguage::ZhCn,
        ..outbox()
    };
    let mut answer = reply();
    answer.author = ReplyAuthor {
        name: "Chen Jie".into(),
        role: "customer".into(),
    };
    let mails = compose(
        &outbox(),
        happened(EventType::ReplyAdded, &message, Some(&answer), true),
    );
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.to, "support@partner.example");
    assert_eq!(mail.subject, "[SR-000042] 客户回复：<b>VMs</b> won't start");
    assert!(
        mail.text
            .starts_with("Chen Jie（Beijing Cloud）回复了客户咨询 SR-000042："),
        "{}",
        mail.text
    );
    assert!(mail.text.contains(&answer.body));
    // The partner's own reply goes to the customer, not back to itself.
    let partners = compose(
        &outbox(),
        happened(EventType::ReplyAdded, &message, Some(&reply()), false),
    );
    assert_eq!(partners.len(), 1);
    assert_eq!(partners[0].to, "chen.jie@beijing-cloud.cn");
    // A partner's reply on its own request, or without a support address,
    // is mailed to nobody.
    let own = request(RequestKind::PartnerCenter, ContactLanguage::EnUs);
    assert!(compose(
        &outbox(),
        happened(EventType::ReplyAdded, &own, Some(&reply()), true)
    )
    .is_empty());
    let without = MailOutbox {
        partner_support: None,
        ..outbox()
    };
    assert!(compose(
        &without,
        happened(EventType::ReplyAdded, &message, Some(&answer), true)
    )
    .is_empty());
}

/// A customer hears in their own language; partner staff who filed a
/// request in the partner's, whatever their contact says.
#[test]
fn replies_and_status_changes_go_to_the_filer_unless_they_made_them() {
    let outbox = || MailOutbox {
        partner_language: ContactLanguage::ZhCn,
        ..outbox()
    };
    let staffs = request(RequestKind::Customer, ContactLanguage::EsEs);
    let reply = reply();
    let mails = compose(
        &outbox(),
        happened(EventType::ReplyAdded, &staffs, Some(&reply), false),
    );
    assert_eq!(mails[0].language, "zh-CN");
    let customers = request(RequestKind::CustomerSelfService, ContactLanguage::EsEs);
    let mails = compose(
        &outbox(),
        happened(EventType::ReplyAdded, &customers, Some(&reply), false),
    );
    assert_eq!(mails[0].language, "es-ES");

    let filed = request(RequestKind::Customer, ContactLanguage::ZhCn);
    let mails = compose(
        &outbox(),
        happened(EventType::ReplyAdded, &filed, Some(&reply), false),
    );
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "chen.jie@beijing-cloud.cn");
    assert_eq!(mails[0].language, "zh-CN");
    assert!(mails[0].subject.contains("新回复"), "{}", mails[0].subject);
    assert!(mails[0].text.contains(&reply.body));
    assert!(compose(
        &outbox(),
        happened(EventType::ReplyAdded, &filed, Some(&reply), true)
    )
    .is_empty());

    let mut resolved = filed.clone();
    resolved.status = RequestStatus::Resolved;
    resolved.history.push(StatusChange {
        status: RequestStatus::Resolved,
        changed_at: "2026-11-27T11:00:00Z".into(),
        note: Some("Replaced the <host>.".into()),
    });
    let mails = compose(
        &outbox(),
        happened(EventType::StatusChanged, &resolved, None, false),
    );
    assert_eq!(mails.len(), 1);
    assert!(mails[0].subject.contains("已解决"), "{}", mails[0].subject);
    assert!(mails[0].text.contains("Replaced the <host>."));
    assert!(compose(
        &outbox(),
        happened(EventType::StatusChanged, &resolved, None, true)
    )
    .is_empty());
}

/// Each mail links to the request on its reader's own portal: partner
/// staff (the support address, the filer of a Partner Center request or
/// an escalation) to the partner's, a customer to the customers'.
#[test]
fn each_mail_links_to_the_request_on_its_readers_portal() {
    let reply = reply();
    let link_of = |kind, event_type, reply: Option<&Reply>, by_filer| {
        let filed = request(kind, ContactLanguage::EnUs);
        let mails = compose(&outbox(), happened(event_type, &filed, reply, by_filer));
        assert_eq!(mails.len(), 1, "{mails:#?}");
        let sent = render(&mails, None).unwrap();
        let link = mails[0].link.clone().unwrap();
        assert!(sent.text.contains(&link), "{}", sent.text);
        assert!(
            sent.html.contains(&format!("href=\"{link}\"")),
            "{}",
            sent.html
        );
        (mails[0].to.clone(), link)
    };
    let customer = RequestKind::CustomerSelfService;
    let partners = "support@partner.example".to_owned();
    let filers = "chen.jie@beijing-cloud.cn".to_owned();
    let partner_page = PARTNERS_LINK.to_owned();
    let customer_page = CUSTOMERS_LINK.to_owned();
    assert_eq!(
        link_of(customer, EventType::Created, None, true),
        (partners.clone(), partner_page.clone())
    );
    assert_eq!(
        link_of(customer, EventType::ReplyAdded, Some(&reply), true),
        (partners, partner_page.clone())
    );
    assert_eq!(
        link_of(customer, EventType::ReplyAdded, Some(&reply), false),
        (filers.clone(), customer_page.clone())
    );
    assert_eq!(
        link_of(customer, EventType::StatusChanged, None, false),
        (filers.clone(), customer_page)
    );
    for kind in [RequestKind::Customer, RequestKind::PartnerCenter] {
        assert_eq!(
            link_of(kind, EventType::ReplyAdded, Some(&reply), false),
            (filers.clone(), partner_page.clone())
        );
        assert_eq!(
            link_of(kind, EventType::StatusChanged, None, false),
            (filers.clone(), partner_page.clone())
        );
    }
    // Without a portal page, a mail links to nothing.
    let unlinked = MailOutbox {
        customer_portal_url: None,
        ..outbox()
    };
    let message = request(customer, ContactLanguage::EnUs);
    let mails = compose(
        &unlinked,
        happened(EventType::ReplyAdded, &message, Some(&reply), false),
    );
    assert_eq!(mails[0].link, None);
    let sent = render(&mails, None).unwrap();
    assert!(!sent.text.contains("https://"), "{}", sent.text);
}

/// An id and a reference go into a link URL-encoded, whatever they hold.
#[test]
fn a_links_id_and_reference_are_url_encoded() {
    let mut odd = request(RequestKind::Customer, ContactLanguage::EnUs);
    odd.id = "a/b?c#d".into();
    odd.reference = "SR 42&x=é".into();
    let mails = compose(
        &outbox(),
        happened(EventType::StatusChanged, &odd, None, false),
    );
    assert_eq!(
        mails[0].link.as_deref(),
        Some("https://partner.example/requests/a%2Fb%3Fc%23d?ref=SR%2042%26x%3D%C3%A9")
    );
}

#[test]
fn nothing_a_user_typed_is_html_in_the_html_part() {
    let message = request(RequestKind::CustomerSelfService, ContactLanguage::EsEs);
    let reply = reply();
    let outbox = || MailOutbox {
        partner_language: ContactLanguage::EsEs,
        ..outbox()
    };
    for mail in compose(
        &outbox(),
        happened(EventType::Created, &message, None, true),
    )
    .into_iter()
    .chain(compose(
        &outbox(),
        happened(EventType::ReplyAdded, &message, Some(&reply), false),
    )) {
        let sent = render(&[mail], None).unwrap();
        for tag in ["<script", "<b>", "<img"] {
            assert!(!sent.html.contains(tag), "{tag} in {}", sent.html);
        }
        assert!(sent.html.contains("&lt;"), "{}", sent.html);
        assert!(sent
            .html
            .starts_with("<!DOCTYPE html>\n<html lang=\"es-ES\">"));
    }
}

#[test]
fn a_request_without_a_usable_address_is_not_mailed() {
    let mut filed = request(RequestKind::PartnerCenter, ContactLanguage::EnUs);
    filed.request.contact.email = "not an address".into();
    let reply = reply();
    assert!(compose(
        &outbox(),
        happened(EventType::ReplyAdded, &filed, Some(&reply), false)
    )
    .is_empty());
}

#[test]
fn several_mails_to_one_address_go_as_one_in_their_order() {
    let filed = request(RequestKind::PartnerCenter, ContactLanguage::EnUs);
    let reply = reply();
    let mut resolved = filed.clone();
    resolved.status = RequestStatus::Resolved;
    let mails: Vec<Composed> = [
        happened(EventType::ReplyAdded, &filed, Some(&reply), false),
        happened(EventType::StatusChanged, &resolved, None, false),
    ]
    .into_iter()
    .flat_map(|happened| compose(&outbox(), happened))
    .collect();
    assert_eq!(mails.len(), 2);
    let sent = render(&mails, None).unwrap();
    assert_eq!(sent.subject, "[SR-000042] 2 updates on your request");
    let reply_at = sent.text.find("Restart it").unwrap();
    let resolved_at = sent.text.find("Resolved").unwrap();
    assert!(reply_at < resolved_at, "{}", sent.text);
    assert_eq!(sent.text.matches(PARTNERS_LINK).count(), 1);
    assert!(render(&[], None).is_none());

    // A customer's message and their reply soon after, to the partner's
    // support address: not "your request", which is the customer's.
    let message = request(RequestKind::CustomerSelfService, ContactLanguage::EnUs);
    let mut answer = reply;
    answer.author.role = "customer".into();
    let mails: Vec<Composed> = [
        happened(EventType::Created, &message, None, true),
        happened(EventType::ReplyAdded, &message, Some(&answer), true),
    ]
    .into_iter()
    .flat_map(|happened| compose(&outbox(), happened))
    .collect();
    assert!(mails.iter().all(|mail| mail.to_partner));
    assert_eq!(
        render(&mails, None).unwrap().subject,
        "[SR-000042] 2 updates on a customer message"
    );
}

/// A visitor's typed address first gets only the backend's words and the
/// link that confirms it; until then no reply or status change reaches it,
/// while the partner hears of the message as usual.
#[test]
fn an_unconfirmed_address_gets_the_confirmation_and_nothing_the_visitor_wrote() {
    let message = request(RequestKind::CustomerSelfService, ContactLanguage::EsEs);
    let link = "https://portal.example/api/support/contact-confirmations/t0k3n";
    let created = Happened {
        contact_confirmed: false,
        confirm_link: Some(link),
        ..happened(EventType::Created, &message, None, true)
    };
    let mails = compose(&outbox(), created);
    assert_eq!(mails.len(), 2, "{mails:#?}");
    assert_eq!(mails[0].to, "support@partner.example");
    let asked = &mails[1];
    assert_eq!(asked.to, "chen.jie@beijing-cloud.cn");
    assert!(asked.subject.contains("SR-000042"), "{}", asked.subject);
    assert!(asked.text.contains(link) && asked.html.contains(link));
    assert_eq!(asked.link, None);
    let rendered = render(std::slice::from_ref(asked), None).unwrap();
    for typed in ["VMs", "alert", "Chen Jie", "Beijing Cloud", "morning"] {
        for part in [&rendered.subject, &rendered.text, &rendered.html] {
            assert!(!part.contains(typed), "{typed} in {part}");
        }
    }

    let answer = reply();
    for (event_type, reply) in [
        (EventType::ReplyAdded, Some(&answer)),
        (EventType::StatusChanged, None),
    ] {
        let unconfirmed = Happened {
            contact_confirmed: false,
            ..happened(event_type, &message, reply, false)
        };
        assert!(compose(&outbox(), unconfirmed).is_empty(), "{event_type:?}");
        assert_eq!(
            compose(&outbox(), happened(event_type, &message, reply, false)).len(),
            1
        );
    }
}

/// Every mail greets its reader and signs off, in its language, as the
/// team `--mail-from` names, else as the locale's support team; the
/// partner's mail of a customer's message tells how to reach the contact,
/// the service and the files.
#[test]
fn mail_greets_signs_off_and_tells_the_partner_who_to_reach() {
    let mut message = request(RequestKind::CustomerSelfService, ContactLanguage::ZhCn);
    message.request.contact.phone = Some("+86 10 5555 0100".into());
    message.attachments = vec![Attachment {
        id: "a1".into(),
        name: "error.png".into(),
        size: 12,
        content_type: "image/png".into(),
        sha256: None,
    }];
    let created = Happened {
        service: Some("Azure Virtual Machines"),
        ..happened(EventType::Created, &message, None, true)
    };
    let mails = compose(&outbox(), created);
    let sent = render(&mails, Some("Contoso Support")).unwrap();
    assert!(
        sent.text
            .starts_with("Hello,\n\nChen Jie (Beijing Cloud) sent you a new customer message"),
        "{}",
        sent.text
    );
    for line in [
        "Contact: Chen Jie, chen.jie@beijing-cloud.cn, +86 10 5555 0100",
        "Service: Azure Virtual Machines",
        "Files: error.png",
        "\n\nBest regards,\nContoso Support\n\n",
    ] {
        assert!(sent.text.contains(line), "{line} not in {}", sent.text);
    }
    assert!(
        sent.html
            .contains("<p>Best regards,<br>\nContoso Support</p>"),
        "{}",
        sent.html
    );

    let answer = reply();
    for (language, greeting, sign_off) in [
        (ContactLanguage::ZhCn, "您好：", "\n\n祝好，\n支持团队\n\n"),
        (ContactLanguage::ZhTw, "您好：", "\n\n支援團隊 敬上\n\n"),
        (
            ContactLanguage::EsEs,
            "Hola:",
            "\n\nUn saludo,\nEl equipo de soporte técnico\n\n",
        ),
    ] {
        let message = request(RequestKind::CustomerSelfService, language);
        let mails = compose(
            &outbox(),
            happened(EventType::ReplyAdded, &message, Some(&answer), false),
        );
        let sent = render(&mails, None).unwrap();
        assert!(sent.text.starts_with(greeting), "{}", sent.text);
        assert!(sent.text.contains(sign_off), "{}", sent.text);
    }
}

/// In zh-CN and es-ES, a partner's mail of a customer's message and a
/// customer's mail of a reply end with the sign-off, after the link, in
/// both parts (only the footer follows, below the signature's `-- `), and
/// the partner's lists are joined as the language joins them: 、 in
/// Chinese, a comma and a space in Spanish.
#[test]
fn the_sign_off_comes_last_and_lists_read_as_the_language_writes_them() {
    for (language, sign_off, html_sign_off, contact, files) in [
        (
            ContactLanguage::ZhCn,
            "祝好，\n支持团队",
            "<p>祝好，<br>\n支持团队</p>",
            "联系人：Chen Jie、chen.jie@beijing-cloud.cn、+86 10 5555 0100",
            "文件：error.png、日志.txt",
        ),
        (
            ContactLanguage::EsEs,
            "Un saludo,\nEl equipo de soporte técnico",
            "<p>Un saludo,<br>\nEl equipo de soporte técnico</p>",
            "Contacto: Chen Jie, chen.jie@beijing-cloud.cn, +86 10 5555 0100",
            "Archivos: error.png, 日志.txt",
        ),
    ] {
        let outbox = MailOutbox {
            partner_language: language,
            ..outbox()
        };
        let mut message = request(RequestKind::CustomerSelfService, language);
        message.request.contact.phone = Some("+86 10 5555 0100".into());
        message.attachments = ["error.png", "日志.txt"]
            .into_iter()
            .map(|name| Attachment {
                id: name.into(),
                name: name.into(),
                size: 12,
                content_type: "application/octet-stream".into(),
                sha256: None,
            })
            .collect();
        let answer = reply();
        let to_partner = compose(&outbox, happened(EventType::Created, &message, None, true));
        let to_customer = compose(
            &outbox,
            happened(EventType::ReplyAdded, &message, Some(&answer), false),
        );
        assert!(to_partner[0].to_partner && !to_customer[0].to_partner);
        for (mails, link) in [(to_partner, PARTNERS_LINK), (to_customer, CUSTOMERS_LINK)] {
            let sent = render(&mails, None).unwrap();
            let (body, footer) = sent.text.split_once("\n\n-- \n").unwrap();
            assert!(body.ends_with(sign_off), "{language:?}: {}", sent.text);
            assert!(!footer.contains(sign_off), "{}", sent.text);
            assert!(body.contains(link), "{}", sent.text);

            let paragraphs: Vec<&str> = sent
                .html
                .split("\n<p")
                .skip(1)
                .map(|tail| tail.split_once("</p>").unwrap().0)
                .collect();
            let (last, [footer]) = paragraphs.split_at(paragraphs.len() - 1) else {
                unreachable!()
            };
            assert!(footer.starts_with(" style="), "{}", sent.html);
            assert_eq!(
                format!("<p{}</p>", last.last().unwrap()),
                html_sign_off,
                "{language:?}: {}",
                sent.html
            );
            assert!(sent
                .html
                .contains(&*html_escape::encode_double_quoted_attribute(link)));

            if mails[0].to_partner {
                for list in [contact, files] {
                    assert!(sent.text.contains(list), "{list} not in {}", sent.text);
                    assert!(sent.html.contains(list), "{list} not in {}", sent.html);
                }
            }
        }
    }
}
