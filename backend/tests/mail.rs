//! Telling people by e-mail: the backend sends through a real SMTP server
//! (scripts/smtp_sink.py, aiosmtpd, one for each test on a free port), and
//! each test reads the mail back as it arrived: who got it, its subject,
//! its language, its text, and an HTML part with nothing a user typed read
//! as HTML. On SQLite, and on PostgreSQL under `scripts/with-postgres`.

mod common;

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::smtp_sink::Sink;
use common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};
use support_backend::Config;
use support_contract::ContactLanguage;

const PARTNER_SUPPORT: &str = "support@partner.example";
/// Where a public help page's backend is reached: confirmation links start so.
const PUBLIC: &str = "https://portal.partner.example/api/support";
/// The address a visitor types as their contact, someone else's.
const VICTIM: &str = "victim@example.com";
const PORTAL: &str = "https://portal.partner.example/support/{reference}";

/// The mail settings on `config`, sending through `sink`.
fn with_mail(config: &mut Config, sink: &Sink) {
    config.smtp_url = Some(sink.url());
    config.mail_from = Some("Support <support@partner.example>".into());
    config.partner_support_email = Some(PARTNER_SUPPORT.into());
    config.portal_url = Some(PORTAL.into());
    config.mail_backoff_ms = 100;
    // The partner's staff read Simplified Chinese; each customer their own.
    config.partner_locale = support_backend::config::PartnerLocale(ContactLanguage::ZhCn);
}

fn agent() -> Value {
    json!({"sub": "agent-1", "name": "Wang Lei", "role": "agent"})
}

/// A customer's message to their partner, in `language`, with markup in
/// what they typed.
fn message(language: &str) -> Value {
    json!({
        "kind": "customer_self_service",
        "title": "Sign-in <b>fails</b>",
        "description": "Nobody can sign in <script>alert(1)</script> since this morning.",
        "contact": {"name": "Chen Jie", "email": "chen.jie@beijing-cloud.cn", "language": language},
    })
}

async fn file(server: &TestServer, claims: &Value, body: &Value) -> Value {
    common::file_as(server, claims, body).await
}

/// A backend that lets visitors in and mails through `sink`, and the spam
/// a visitor filed on it with [`VICTIM`]'s address: its id and reference,
/// once the backend has said it mailed the address a link to confirm.
async fn a_visitors_spam(sink: &Sink) -> (TestServer, String, String) {
    let server = start_signed_with(|config| {
        with_mail(config, sink);
        config.anonymous_customers = true;
        config.public_url = Some(PUBLIC.into());
    })
    .await;
    let spam = json!({
        "kind": "customer_self_service",
        "title": "CHEAP-PILLS visit evil.example",
        "description": "Buy now at evil.example, best prices",
        "contact": {"name": "Pill Shop", "email": VICTIM, "language": "es-ES"},
    });
    let created = common::file_with(&server, None, &spam).await;
    assert_eq!(created["confirmation_mailed"], true, "{created}");
    let id = created["id"].as_str().unwrap().to_owned();
    let reference = created["reference"].as_str().unwrap().to_owned();
    (server, id, reference)
}

/// The one mail among `mails` to [`VICTIM`]: the confirmation, in the
/// backend's words only, with none of `unsaid` anywhere; beside it the
/// partner's support address heard of the message.
fn the_confirmation_alone<'a>(mails: &'a [Value], reference: &str, unsaid: &[&str]) -> &'a Value {
    assert!(
        mails
            .iter()
            .any(|mail| mail["rcpt"] == json!([PARTNER_SUPPORT])),
        "{mails:#?}"
    );
    let asked: Vec<&Value> = mails
        .iter()
        .filter(|mail| mail["rcpt"] == json!([VICTIM]))
        .collect();
    assert_eq!(asked.len(), 1, "{mails:#?}");
    let subject = asked[0]["subject"].as_str().unwrap();
    assert!(subject.starts_with(&format!("[{reference}] ")), "{subject}");
    assert!(subject.contains("Confirme"), "{subject}");
    for part in ["subject", "text", "html"] {
        let said = asked[0][part].as_str().unwrap();
        for unsaid in unsaid {
            assert!(!said.contains(unsaid), "{unsaid} in the {part}: {said}");
        }
    }
    asked[0]
}

/// The path of the confirmation link in `mail`, below [`PUBLIC`].
fn confirmation_path(mail: &Value) -> String {
    let text = mail["text"].as_str().unwrap();
    let link = text
        .lines()
        .find(|line| line.starts_with(PUBLIC))
        .unwrap_or_else(|| panic!("no link below {PUBLIC} in {text}"));
    let path = &link[PUBLIC.len()..];
    assert!(path.starts_with("/contact-confirmations/"), "{link}");
    path.to_owned()
}

async fn reply(server: &TestServer, claims: &Value, id: &str, body: &str) {
    let response = server
        .client
        .post(server.url(&format!("/support-requests/{id}/replies")))
        .bearer_auth(token(claims))
        .header("Idempotency-Key", key())
        .json(&json!({"body": body}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
}

async fn set_status(server: &TestServer, claims: &Value, id: &str, status: &str, note: &str) {
    let response = server
        .client
        .post(server.url(&format!("/support-requests/{id}/status")))
        .bearer_auth(token(claims))
        .json(&json!({"status": status, "note": note}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

/// What each locale's mail says, to tell which language a mail is in.
struct Said {
    tag: &'static str,
    new_message: &'static str,
    reply: &'static str,
    customer_reply: &'static str,
    resolved: &'static str,
}

const LOCALES: [Said; 4] = [
    Said {
        tag: "en-US",
        new_message: "New customer message",
        reply: "New reply",
        customer_reply: "Customer reply",
        resolved: "Resolved",
    },
    Said {
        tag: "zh-CN",
        new_message: "新的客户咨询",
        reply: "新回复",
        customer_reply: "客户回复",
        resolved: "已解决",
    },
    Said {
        tag: "zh-TW",
        new_message: "新的客戶詢問",
        reply: "新回覆",
        customer_reply: "客戶回覆",
        resolved: "已解決",
    },
    Said {
        tag: "es-ES",
        new_message: "Nueva consulta de cliente",
        reply: "Nueva respuesta",
        customer_reply: "Respuesta del cliente",
        resolved: "Resuelta",
    },
];

/// Checks what every mail has: one recipient, the reference in the
/// subject, the language, a link back, a Message-ID, both parts, and no
/// markup a user typed in the HTML.
fn check(mail: &Value, to: &str, reference: &str, tag: &str, subject_says: &str) {
    assert_eq!(mail["rcpt"], json!([to]), "{mail:#}");
    let subject = mail["subject"].as_str().unwrap();
    assert!(subject.starts_with(&format!("[{reference}] ")), "{subject}");
    assert!(subject.contains(subject_says), "{tag}: {subject}");
    assert_eq!(mail["content_type"], "multipart/alternative");
    let text = mail["text"].as_str().unwrap();
    let html = mail["html"].as_str().unwrap();
    let link = PORTAL.replace("{reference}", reference);
    assert!(text.contains(&link), "{text}");
    assert!(html.contains(&format!("href=\"{link}\"")), "{html}");
    assert!(html.contains(&format!("<html lang=\"{tag}\">")), "{html}");
    for markup in ["<script", "<b>", "<img", "<i>"] {
        assert!(!html.contains(markup), "{markup} in {html}");
    }
    assert!(mail["message_id"]
        .as_str()
        .unwrap()
        .ends_with("@partner.example>"));
    // A machine's mail, which out-of-office answers leave alone; in the
    // thread of its request.
    assert_eq!(mail["auto_submitted"], "auto-generated", "{mail:#}");
    let thread = mail["references"].as_str().unwrap();
    assert!(
        thread.starts_with("<request.") && thread.ends_with("@partner.example>"),
        "{mail:#}"
    );
    assert_eq!(mail["in_reply_to"], mail["references"]);
}

#[tokio::test]
async fn a_customers_message_a_partners_reply_and_a_status_change_reach_the_right_people() {
    let sink = Sink::start(&[]);
    let server = start_signed_with(|config| with_mail(config, &sink)).await;
    let mut expected = 0;
    for said in &LOCALES {
        let created = file(&server, &customer(), &message(said.tag)).await;
        let (id, reference) = (
            created["id"].as_str().unwrap(),
            created["reference"].as_str().unwrap(),
        );
        // The customer's message goes to the partner's support address.
        expected += 1;
        let mails = sink.until(expected).await;
        let mail = &mails[expected - 1];
        // In the partner's language, whatever the customer's.
        let partners = &LOCALES[1];
        check(
            mail,
            PARTNER_SUPPORT,
            reference,
            partners.tag,
            partners.new_message,
        );
        let text = mail["text"].as_str().unwrap();
        assert!(text.contains("<script>alert(1)</script>"), "{text}");
        assert!(mail["html"]
            .as_str()
            .unwrap()
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

        // The partner answers: the customer hears it, with the reply.
        reply(&server, &partner(), id, "Try again now <i>please</i>.").await;
        expected += 1;
        let mails = sink.until(expected).await;
        let mail = &mails[expected - 1];
        check(
            mail,
            "chen.jie@beijing-cloud.cn",
            reference,
            said.tag,
            said.reply,
        );
        assert!(mail["text"]
            .as_str()
            .unwrap()
            .contains("Try again now <i>please</i>."));

        // The customer's own reply goes to the partner's support address,
        // not back to the customer.
        reply(&server, &customer(), id, "It works, thank you.").await;
        expected += 1;
        let mails = sink.until(expected).await;
        let mail = &mails[expected - 1];
        check(
            mail,
            PARTNER_SUPPORT,
            reference,
            partners.tag,
            partners.customer_reply,
        );
        assert!(mail["text"]
            .as_str()
            .unwrap()
            .contains("It works, thank you."));

        // The partner marks it resolved: the customer hears it, with the note.
        set_status(&server, &partner(), id, "resolved", "Fixed the sign-in.").await;
        expected += 1;
        let mails = sink.until(expected).await;
        let mail = &mails[expected - 1];
        check(
            mail,
            "chen.jie@beijing-cloud.cn",
            reference,
            said.tag,
            said.resolved,
        );
        assert!(mail["text"]
            .as_str()
            .unwrap()
            .contains("Fixed the sign-in."));
    }
    assert_eq!(sink.until(expected).await.len(), expected);
}

/// The statuses of the request `id` as `claims` reads its history.
async fn history(server: &TestServer, claims: &Value, id: &str) -> Vec<String> {
    let stored: Value = server
        .client
        .get(server.url(&format!("/support-requests/{id}")))
        .bearer_auth(token(claims))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let statuses: Vec<String> = stored["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| change["status"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        Some(stored["status"].as_str().unwrap()),
        statuses.last().map(String::as_str)
    );
    statuses
}

/// The `request.status_changed` events of the request `id`, as the live
/// stream tells them.
async fn status_events(server: &TestServer, id: &str) -> i64 {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM request_events
         WHERE request_id = $1 AND event_type = 'request.status_changed'",
    )
    .bind(id)
    .fetch_one(&server.db)
    .await
    .unwrap();
    count
}

/// The partner's staff take a customer's message up by their first reply
/// on it, or by escalating it: it moves from `submitted` to `in_progress`
/// once, with its history entry and its event as any status change. The
/// customer hears of a reply once, by the reply's mail; of an escalation,
/// by the status's. Each step waits for its mail, which the mailer would
/// otherwise join with the next.
#[tokio::test]
async fn the_partners_first_answer_moves_the_message_on_and_mails_once() {
    let sink = Sink::start(&[]);
    let server = start_signed_with(|config| with_mail(config, &sink)).await;
    // The subjects of the mails the customer got, once there are `count`.
    let customer_hears = |count: usize| {
        let sink = &sink;
        async move {
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                let subjects: Vec<String> = (sink.mails().into_iter())
                    .filter(|mail| mail["rcpt"] == json!(["chen.jie@beijing-cloud.cn"]))
                    .map(|mail| mail["subject"].as_str().unwrap().to_owned())
                    .collect();
                if subjects.len() >= count || Instant::now() > deadline {
                    return subjects;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    };
    let answered = file(&server, &customer(), &message("en-US")).await;
    let answered = answered["id"].as_str().unwrap();
    reply(&server, &customer(), answered, "Also the mobile app.").await;
    assert_eq!(history(&server, &partner(), answered).await, ["submitted"]);

    reply(&server, &partner(), answered, "Which browser?").await;
    assert_eq!(
        history(&server, &customer(), answered).await,
        ["submitted", "in_progress"]
    );
    assert_eq!(status_events(&server, answered).await, 1);
    let heard = customer_hears(1).await;
    assert_eq!(heard.len(), 1, "{heard:?}");
    assert!(heard[0].contains("New reply"), "{heard:?}");
    reply(&server, &agent(), answered, "And which region?").await;
    assert_eq!(
        history(&server, &customer(), answered).await,
        ["submitted", "in_progress"]
    );
    assert_eq!(customer_hears(2).await.len(), 2);

    let escalated = file(&server, &customer(), &message("en-US")).await;
    let escalated = escalated["id"].as_str().unwrap();
    let mut escalation = valid_for_customer();
    escalation["related_request"] = json!(escalated);
    file(&server, &partner(), &escalation).await;
    assert_eq!(
        history(&server, &customer(), escalated).await,
        ["submitted", "in_progress"]
    );
    assert_eq!(status_events(&server, escalated).await, 1);
    let heard = customer_hears(3).await;
    assert!(heard[2].ends_with("Status: In progress"), "{heard:?}");
    // And nothing more: no status of the message answered by a reply.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let heard = customer_hears(0).await;
    assert_eq!(heard.len(), 3, "{heard:?}");
}

#[tokio::test]
async fn the_partner_hears_when_21vianet_replies_on_an_escalation_or_resolves_it() {
    let sink = Sink::start(&[]);
    let server = start_signed_with(|config| with_mail(config, &sink)).await;
    let created = file(&server, &partner(), &valid_for_customer()).await;
    let (id, reference) = (
        created["id"].as_str().unwrap(),
        created["reference"].as_str().unwrap(),
    );
    let stored: Value = server
        .client
        .get(server.url(&format!("/support-requests/{id}")))
        .bearer_auth(token(&partner()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let contact = stored["request"]["contact"]["email"].as_str().unwrap();
    let tag = stored["request"]["contact"]["language"].as_str().unwrap();
    assert_eq!(tag, "zh-CN");

    // The partner's own request and reply mail nobody.
    reply(&server, &partner(), id, "More details: all three VMs.").await;
    reply(&server, &agent(), id, "We are looking into the host.").await;
    // Sent apart: nothing holds mail to gather changes here.
    sink.until(1).await;
    set_status(&server, &agent(), id, "resolved", "The host was replaced.").await;
    let mails = sink.until(2).await;
    assert_eq!(mails.len(), 2, "{mails:#?}");
    check(&mails[0], contact, reference, tag, "新回复");
    assert!(mails[0]["text"]
        .as_str()
        .unwrap()
        .contains("We are looking into the host."));
    assert!(mails[0]["text"].as_str().unwrap().contains("Wang Lei"));
    check(&mails[1], contact, reference, tag, "已解决");
    assert!(mails[1]["text"]
        .as_str()
        .unwrap()
        .contains("The host was replaced."));
    assert_ne!(mails[0]["message_id"], mails[1]["message_id"]);
}

/// The link in a mail as it arrived: the same URL in the plain-text part
/// and as the HTML part's `href`, starting with `page`.
fn link_in(mail: &Value, page: &str) -> String {
    let text = mail["text"].as_str().unwrap();
    let link = text
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with(page))
        .unwrap_or_else(|| panic!("no link to {page} in {text}"));
    let html = mail["html"].as_str().unwrap();
    assert!(html.contains(&format!("href=\"{link}\"")), "{html}");
    link.to_owned()
}

/// With a page for each reader, the partner's support address and partner
/// staff find the request on the partner's portal, and the customer on
/// theirs, each by the request's own id and reference.
#[tokio::test]
async fn each_reader_finds_the_request_on_its_own_portal_page() {
    const PARTNERS: &str = "https://partner.portal.example/requests/";
    const CUSTOMERS: &str = "https://help.portal.example/my-requests/";
    let sink = Sink::start(&[]);
    let server = start_signed_with(|config| {
        with_mail(config, &sink);
        config.portal_url_partner = Some(format!("{PARTNERS}{{id}}"));
        config.portal_url_customer = Some(format!("{CUSTOMERS}{{id}}?ref={{reference}}"));
    })
    .await;
    let created = file(&server, &customer(), &message("en-US")).await;
    let (id, reference) = (
        created["id"].as_str().unwrap(),
        created["reference"].as_str().unwrap(),
    );
    let partners_page = format!("{PARTNERS}{id}");
    let customers_page = format!("{CUSTOMERS}{id}?ref={reference}");
    // The customer's message, to the partner's support address.
    let mails = sink.until(1).await;
    assert_eq!(mails[0]["rcpt"], json!([PARTNER_SUPPORT]));
    assert_eq!(link_in(&mails[0], PARTNERS), partners_page);
    // The partner's answer, to the customer.
    reply(&server, &partner(), id, "Try again now.").await;
    let mails = sink.until(2).await;
    assert_eq!(mails[1]["rcpt"], json!(["chen.jie@beijing-cloud.cn"]));
    assert_eq!(link_in(&mails[1], CUSTOMERS), customers_page);
    assert!(!mails[1]["text"].as_str().unwrap().contains(PARTNERS));
    // The customer's answer, to the partner's support address.
    reply(&server, &customer(), id, "Still failing.").await;
    let mails = sink.until(3).await;
    assert_eq!(mails[2]["rcpt"], json!([PARTNER_SUPPORT]));
    assert_eq!(link_in(&mails[2], PARTNERS), partners_page);
    assert!(!mails[2]["text"].as_str().unwrap().contains(CUSTOMERS));
    // The partner escalates to 21Vianet, who resolves it: the staff who
    // filed the escalation hear of it on the partner's portal.
    let escalation = file(&server, &partner(), &valid_for_customer()).await;
    let escalation_id = escalation["id"].as_str().unwrap();
    set_status(
        &server,
        &agent(),
        escalation_id,
        "resolved",
        "Host replaced.",
    )
    .await;
    let mails = sink.until(4).await;
    assert_eq!(mails.len(), 4, "{mails:#?}");
    assert_eq!(mails[3]["rcpt"], json!(["zhang.wei@contoso.cn"]));
    assert_eq!(
        link_in(&mails[3], PARTNERS),
        format!("{PARTNERS}{escalation_id}")
    );
}

#[tokio::test]
async fn without_an_smtp_url_nothing_is_mailed_or_written() {
    let sink = Sink::start(&[]);
    let server = start_signed_with(|_| {}).await;
    let created = file(&server, &customer(), &message("en-US")).await;
    let id = created["id"].as_str().unwrap();
    reply(&server, &partner(), id, "Answered.").await;
    set_status(&server, &partner(), id, "resolved", "Done.").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(sink.mails().is_empty());
    assert_eq!(server.count("webhook_outbox").await, 0);
}

/// Changes the status of the request `id` on the backend at `base`, which
/// runs without sign-in.
async fn move_on(base: &str, id: &str, status: &str) {
    let response = reqwest::Client::new()
        .post(format!("{base}/support-requests/{id}/status"))
        .json(&json!({"status": status, "note": format!("Now {status}.")}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

/// Files a Partner Center request on the backend at `base`, which runs
/// without sign-in, with `email` as its contact's; returns its id.
async fn file_open(base: &str, email: &str) -> String {
    let mut body = valid();
    body["contact"]["email"] = json!(email);
    let response = reqwest::Client::new()
        .post(format!("{base}/support-requests"))
        .header("Idempotency-Key", key())
        .json(&body)
        .send()
        .await
        .unwrap();
    let (status, created) = json_of(response).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created["id"].as_str().unwrap().to_owned()
}

/// How many times each Message-ID arrived.
fn message_ids(mails: &[Value]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for mail in mails {
        *counts
            .entry(mail["message_id"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    counts
}

#[tokio::test]
async fn mail_written_while_the_smtp_server_is_away_arrives_once_it_is_back() {
    let mut sink = Sink::start(&[]);
    let server = start_with(|url| {
        let mut config = config(url);
        with_mail(&mut config, &sink);
        config
    })
    .await;
    let first = file_open(&server.base, "li.na@contoso.cn").await;
    move_on(&server.base, &first, "in_progress").await;
    sink.until(1).await;

    sink.down();
    let mut ids = vec![first.clone()];
    for _ in 0..3 {
        ids.push(file_open(&server.base, "li.na@contoso.cn").await);
    }
    for id in &ids {
        move_on(&server.base, id, "resolved").await;
    }
    // A few attempts fail meanwhile.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let (failed,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM webhook_outbox WHERE endpoint LIKE 'mailto:%' AND attempts > 0
           AND delivered_at IS NULL",
    )
    .fetch_one(&server.db)
    .await
    .unwrap();
    assert!(failed > 0, "no attempt failed while the server was away");
    sink.up();
    let mails = sink.until(5).await;
    assert_eq!(mails.len(), 5, "{mails:#?}");
    assert!(message_ids(&mails).values().all(|&n| n == 1));
    // The first request's two changes arrive in their order (its contact
    // reads zh-CN).
    let subjects: Vec<&str> = mails
        .iter()
        .map(|m| m["subject"].as_str().unwrap())
        .collect();
    assert!(subjects[0].contains("处理中"), "{subjects:?}");
    assert!(subjects[1].contains("已解决"), "{subjects:?}");
}

#[tokio::test]
async fn two_processes_on_one_database_send_each_mail_once() {
    let sink = Sink::start(&[]);
    let first = start_with(|url| {
        let mut config = config(url);
        with_mail(&mut config, &sink);
        config
    })
    .await;
    let mut second_config = config(first.database_url());
    with_mail(&mut second_config, &sink);
    second_config.attachments_dir = Some(first.attachments_dir());
    let second = common::bind(&second_config).await.unwrap();
    let second_base = format!("http://{}", second.local_addr());
    let second_task = tokio::spawn(second.run(std::future::pending()));
    let mut ids = Vec::new();
    for n in 0..12 {
        let base = if n % 2 == 0 {
            &first.base
        } else {
            &second_base
        };
        ids.push(file_open(base, &format!("filer-{n}@contoso.cn")).await);
    }
    for (n, id) in ids.iter().enumerate() {
        let base = if n % 2 == 0 {
            &second_base
        } else {
            &first.base
        };
        move_on(base, id, "resolved").await;
    }
    let mails = sink.until(12).await;
    assert_eq!(mails.len(), 12, "{mails:#?}");
    let counts = message_ids(&mails);
    assert_eq!(counts.len(), 12);
    assert!(counts.values().all(|&n| n == 1));
    second_task.abort();
}

#[tokio::test]
async fn a_permanent_refusal_is_recorded_not_retried_and_listed() {
    let sink = Sink::start(&["--refuse", "gone@contoso.cn"]);
    let server = start_with(|url| {
        let mut config = config(url);
        with_mail(&mut config, &sink);
        config
    })
    .await;
    let refused = file_open(&server.base, "gone@contoso.cn").await;
    let taken = file_open(&server.base, "li.na@contoso.cn").await;
    move_on(&server.base, &refused, "resolved").await;
    move_on(&server.base, &taken, "resolved").await;
    let mails = sink.until(1).await;
    assert_eq!(mails[0]["rcpt"], json!(["li.na@contoso.cn"]));
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let (attempts, failed, error): (i64, Option<i64>, Option<String>) = sqlx::query_as(
        "SELECT attempts, failed_at, last_error FROM webhook_outbox
         WHERE endpoint = 'mailto:gone@contoso.cn'",
    )
    .fetch_one(&server.db)
    .await
    .unwrap();
    assert_eq!(attempts, 1, "a refusal for good is not tried again");
    assert!(failed.is_some());
    assert!(
        error.as_deref().is_some_and(|e| e.contains("550")),
        "{error:?}"
    );

    let output = command(server.database_url(), &["deliveries"]);
    assert!(output.status.success());
    let listed = String::from_utf8(output.stdout).unwrap();
    let line = listed
        .lines()
        .find(|line| line.contains("-> mailto:gone@contoso.cn"))
        .unwrap_or_else(|| panic!("not listed: {listed}"));
    assert!(line.contains("request.status_changed"), "{line}");
    assert!(line.contains("given up") && line.contains("550"), "{line}");
    assert!(!listed.contains("li.na@contoso.cn"), "{listed}");
}

/// `kill -9` of the sending process while the SMTP server holds its answer
/// to a mail it took, then a restart: every mail arrives, and the one sent
/// again carries the same Message-ID.
#[cfg(unix)]
#[tokio::test]
async fn mail_survives_kill_9_mid_send_and_a_restart() {
    let sink = Sink::start(&["--hang-first", "30"]);
    let database = fresh_database().await;
    let served = common::runtime_url(&database.url).await;
    let start = || backend(&served, &sink, Stdio::null());
    let (mut child, base) = start();
    let mut ids = Vec::new();
    for n in 0..3 {
        ids.push(file_open(&base, &format!("filer-{n}@contoso.cn")).await);
    }
    for id in &ids {
        move_on(&base, id, "resolved").await;
    }
    // Killed while the server holds its answer to the first mail.
    let started = Instant::now();
    while sink.mails().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(10), "no mail came");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let (mut restarted, _) = start();
    let deadline = Instant::now() + Duration::from_secs(30);
    while message_ids(&sink.mails()).len() < 3 {
        assert!(Instant::now() < deadline, "{:#?}", sink.mails());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(700)).await;
    restarted.kill().unwrap();
    restarted.wait().unwrap();
    let mails = sink.mails();
    let counts = message_ids(&mails);
    assert_eq!(counts.len(), 3, "{mails:#?}");
    // Only the mail whose answer never came went twice.
    assert!(mails.len() <= 4, "{mails:#?}");
    let first = mails[0]["message_id"].as_str().unwrap();
    assert!(
        counts.iter().all(|(id, &n)| n == 1 || id == first),
        "{counts:?}"
    );
}

#[tokio::test]
async fn changes_within_the_hold_go_as_one_mail() {
    let sink = Sink::start(&[]);
    let server = start_signed_with(|config| {
        with_mail(config, &sink);
        config.mail_coalesce_secs = 2;
    })
    .await;
    let created = file(&server, &partner(), &valid()).await;
    let (id, reference) = (
        created["id"].as_str().unwrap(),
        created["reference"].as_str().unwrap(),
    );
    let started = Instant::now();
    reply(&server, &agent(), id, "Refunded the second licence.").await;
    set_status(
        &server,
        &agent(),
        id,
        "resolved",
        "The invoice is corrected.",
    )
    .await;
    let mails = sink.until(1).await;
    assert!(started.elapsed() >= Duration::from_secs(2), "not held");
    assert_eq!(mails.len(), 1, "{mails:#?}");
    let mail = &mails[0];
    assert_eq!(mail["rcpt"], json!(["zhang.wei@contoso.cn"]));
    assert_eq!(
        mail["subject"],
        format!("[{reference}] 您的请求有 2 条更新"),
        "{mail:#}"
    );
    let text = mail["text"].as_str().unwrap();
    let replied = text.find("Refunded the second licence.").unwrap();
    let resolved = text.find("The invoice is corrected.").unwrap();
    assert!(replied < resolved, "{text}");
    let (events,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM webhook_outbox WHERE endpoint LIKE 'mailto:%'
           AND delivered_at IS NOT NULL",
    )
    .fetch_one(&server.db)
    .await
    .unwrap();
    assert_eq!(events, 2, "both events count as sent");

    // What happens after it went waits for a mail of its own.
    set_status(&server, &agent(), id, "closed", "").await;
    let mails = sink.until(2).await;
    assert_eq!(mails.len(), 2);
    assert!(mails[1]["subject"].as_str().unwrap().contains("已关闭"));
    assert_ne!(mails[0]["message_id"], mails[1]["message_id"]);
}

#[tokio::test]
async fn an_address_that_bounced_is_not_mailed_until_an_operator_clears_it() {
    let mut sink = Sink::start(&["--refuse", "gone@contoso.cn"]);
    let server = start_with(|url| {
        let mut config = config(url);
        with_mail(&mut config, &sink);
        config
    })
    .await;
    let first = file_open(&server.base, "gone@contoso.cn").await;
    move_on(&server.base, &first, "resolved").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let output = command(server.database_url(), &["bounced"]);
        let listed = String::from_utf8(output.stdout).unwrap();
        if listed.starts_with("gone@contoso.cn since ") {
            assert!(listed.contains("550"), "{listed}");
            break;
        }
        assert!(Instant::now() < deadline, "never bounced: {listed}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The mailbox is back, but the backend does not try it: the bounce
    // holds, for another request too, in another case.
    sink.restart_with(&[]);
    let second = file_open(&server.base, "Gone@Contoso.cn").await;
    move_on(&server.base, &second, "resolved").await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert!(sink.mails().is_empty(), "{:#?}", sink.mails());
    let (event_id, error): (String, Option<String>) = sqlx::query_as(
        "SELECT o.event_id, o.last_error FROM webhook_outbox o
         JOIN support_requests r ON r.id = o.request_id
         WHERE r.id = $1 AND o.endpoint LIKE 'mailto:%'",
    )
    .bind(&second)
    .fetch_one(&server.db)
    .await
    .unwrap();
    assert!(
        error.as_deref().is_some_and(|e| e.contains("bounced")),
        "{error:?}"
    );

    // The operator clears it, and sends the mail given up on again.
    let cleared = command(
        server.database_url(),
        &["bounced", "clear", "gone@contoso.cn"],
    );
    assert!(cleared.status.success(), "{cleared:?}");
    let again = command(
        server.database_url(),
        &["bounced", "clear", "gone@contoso.cn"],
    );
    assert!(!again.status.success());
    let listed = command(server.database_url(), &["bounced"]);
    assert_eq!(
        String::from_utf8(listed.stdout).unwrap().trim(),
        "no address bounced"
    );
    let retried = command(server.database_url(), &["deliveries", "retry", &event_id]);
    assert!(retried.status.success(), "{retried:?}");
    let mails = sink.until(1).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0]["rcpt"], json!(["Gone@Contoso.cn"]));
}

/// The backend's binary serving the database at `database_url` without
/// sign-in, mailing through `sink` at once, its log (at `trace`) to
/// `stderr`; with the base URL it serves on.
fn backend(database_url: &str, sink: &Sink, stderr: Stdio) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(["--listen", "127.0.0.1:0", "--database-url", database_url])
        .arg("--no-auth")
        .args(["--smtp-url", &sink.url(), "--mail-timeout-secs", "1"])
        .args(["--mail-from", "Support <support@partner.example>"])
        .args(["--mail-backoff-ms", "20", "--mail-coalesce-secs", "0"])
        .env("RUST_LOG", "trace")
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let base = common::process::announced(&mut child);
    (child, base)
}

/// The log holds no e-mail address: a refusal is logged with the events
/// and the server's code, never its text, which repeats the address.
#[cfg(unix)]
#[tokio::test]
async fn the_log_names_the_events_and_the_answer_never_the_address() {
    let sink = Sink::start(&["--refuse", "gone@contoso.cn", "--defer", "later@contoso.cn"]);
    let database = fresh_database().await;
    // A file, not a pipe: nothing reads a pipe while the backend runs, and
    // a full one would stop it.
    let logged = tempfile::NamedTempFile::new().unwrap();
    let served = common::runtime_url(&database.url).await;
    let (mut child, base) = backend(&served, &sink, Stdio::from(logged.reopen().unwrap()));
    let gone = file_open(&base, "gone@contoso.cn").await;
    let later = file_open(&base, "later@contoso.cn").await;
    move_on(&base, &gone, "resolved").await;
    move_on(&base, &later, "resolved").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !String::from_utf8(command(&database.url, &["bounced"]).stdout)
        .unwrap()
        .starts_with("gone@contoso.cn")
    {
        assert!(Instant::now() < deadline, "never bounced");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    child.wait().unwrap();
    let log = std::fs::read_to_string(logged.path()).unwrap();
    assert!(
        log.contains("refused for good: the SMTP server answered 550"),
        "{log}"
    );
    assert!(log.contains("the SMTP server answered 451"), "{log}");
    assert!(!log.contains("contoso.cn"), "{log}");
}

#[tokio::test]
async fn set_status_at_the_command_line_mails_the_filer_through_a_serving_backend() {
    let sink = Sink::start(&[]);
    let server = start_with(|url| {
        let mut config = config(url);
        with_mail(&mut config, &sink);
        config
    })
    .await;
    let id = file_open(&server.base, "li.na@contoso.cn").await;
    // Without the mail flags the command writes no mail.
    let quiet = command(server.database_url(), &["set-status", &id, "in_progress"]);
    assert!(quiet.status.success(), "{quiet:?}");
    let smtp_url = sink.url();
    let told = command(
        server.database_url(),
        &[
            "set-status",
            &id,
            "resolved",
            "--note",
            "Corrected the invoice.",
            "--smtp-url",
            &smtp_url,
            "--portal-url",
            PORTAL,
            "--portal-url-customer",
            "https://help.portal.example/my-requests/{id}",
            "--partner-locale",
            "zh-CN",
        ],
    );
    assert!(told.status.success(), "{told:?}");
    let mails = sink.until(1).await;
    assert_eq!(mails.len(), 1, "{mails:#?}");
    assert_eq!(mails[0]["rcpt"], json!(["li.na@contoso.cn"]));
    assert!(mails[0]["subject"].as_str().unwrap().contains("已解决"));
    assert!(mails[0]["text"]
        .as_str()
        .unwrap()
        .contains("Corrected the invoice."));
    // The filer of a Partner Center request is partner staff: the link is
    // --portal-url's, not the customers' page.
    let subject = mails[0]["subject"].as_str().unwrap();
    let reference = &subject[1..subject.find(']').unwrap()];
    assert_eq!(
        link_in(&mails[0], "https://"),
        PORTAL.replace("{reference}", reference)
    );
}

/// A customer writing Chinese, to a partner whose staff read Spanish
/// (`--partner-locale es-ES`): the partner's address gets the message in
/// Spanish, with who to reach (the phone too), the service by its
/// catalogue name and the file's name; the customer gets the partner's
/// answer in Chinese, greeted and signed by the support team
/// (`--mail-from` gives no name here).
#[tokio::test]
async fn the_partner_reads_its_language_and_the_customer_theirs() {
    let sink = Sink::start(&[]);
    let server = start_signed_with(|config| {
        with_mail(config, &sink);
        config.mail_from = Some("support@partner.example".into());
        config.partner_locale = support_backend::config::PartnerLocale(ContactLanguage::EsEs);
    })
    .await;
    let upload = server
        .client
        .post(server.url("/attachments"))
        .bearer_auth(token(&customer()))
        .query(&[("name", "登录错误.png")])
        .body(b"\x89PNG\r\n\x1a\n".to_vec())
        .send()
        .await
        .unwrap();
    let (status, uploaded) = json_of(upload).await;
    assert_eq!(status, StatusCode::CREATED, "{uploaded}");
    let mut body = message("zh-CN");
    body["service"] = json!("azure");
    body["contact"]["phone"] = json!("+86 10 6552 8899");
    body["attachments"] = json!([uploaded["id"]]);
    let created = file(&server, &customer(), &body).await;
    let (id, reference) = (
        created["id"].as_str().unwrap(),
        created["reference"].as_str().unwrap(),
    );
    let mails = sink.until(1).await;
    check(
        &mails[0],
        PARTNER_SUPPORT,
        reference,
        "es-ES",
        "Nueva consulta de cliente",
    );
    let text = mails[0]["text"].as_str().unwrap();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for line in [
        "Hola:",
        // The token's name and address, the phone the form sent.
        "Contacto: Chen Jie, chen.jie@beijing-cloud.cn, +86 10 6552 8899",
        // The demo catalogue's name of `azure` (backend/demo/services.jsonl).
        "Servicio: Azure",
        "Archivos: 登录错误.png",
        "Un saludo,",
        "El equipo de soporte técnico",
    ] {
        assert!(lines.contains(&line), "{line} not in {text}");
    }

    reply(&server, &partner(), id, "请重新登录。").await;
    let mails = sink.until(2).await;
    check(
        &mails[1],
        "chen.jie@beijing-cloud.cn",
        reference,
        "zh-CN",
        "新回复",
    );
    let text = mails[1]["text"].as_str().unwrap();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines[0], "您好：", "{text}");
    let said = lines.iter().position(|l| *l == "请重新登录。").unwrap();
    // Signed last, above the footer's `-- `.
    let footer = lines.iter().position(|l| *l == "--").unwrap();
    assert_eq!(lines[footer - 2..footer], ["祝好，", "支持团队"], "{text}");
    assert!(said < footer - 2, "{text}");
}

/// The relay a public help page would otherwise be: a visitor files a
/// message with somebody else's address as the contact, and the partner
/// does what partners do, replies and resolves it. That address gets one
/// mail, in the backend's words only, asking to confirm; nothing the
/// visitor wrote reaches it until its owner follows the link, and after
/// that the partner's replies do.
#[tokio::test]
async fn a_visitors_typed_address_hears_nothing_they_wrote_until_it_is_confirmed() {
    let sink = Sink::start(&[]);
    let (server, id, reference) = a_visitors_spam(&sink).await;
    let (id, reference) = (id.as_str(), reference.as_str());
    reply(&server, &partner(), id, "We cannot help with this.").await;
    set_status(&server, &partner(), id, "resolved", "Not a support matter.").await;
    // The partner hears of the message; the address gets the confirmation,
    // and neither the reply nor the change.
    let mails = sink.until(2).await;
    assert_eq!(mails.len(), 2, "{mails:#?}");
    let typed = [
        "CHEAP-PILLS",
        "evil.example",
        "Pill Shop",
        "Buy now",
        "cannot help",
    ];
    let path = confirmation_path(the_confirmation_alone(&mails, reference, &typed));
    let path = path.as_str();

    // Opening the link confirms nothing (a mail scanner may fetch it): it
    // shows a button, in the contact's language.
    let page = server.client.get(server.url(path)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let page = page.text().await.unwrap();
    assert!(
        page.contains("<form method=\"post\">") && page.contains("lang=\"es-ES\""),
        "{page}"
    );
    reply(&server, &partner(), id, "Still nothing for you.").await;
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(sink.mails().len(), 2, "{:#?}", sink.mails());

    // The button confirms; then the partner's replies are mailed there.
    let confirmed = server.client.post(server.url(path)).send().await.unwrap();
    assert_eq!(confirmed.status(), StatusCode::OK);
    assert!(confirmed.text().await.unwrap().contains(reference));
    reply(&server, &partner(), id, "Pruebe de nuevo.").await;
    let mails = sink.until(3).await;
    check(&mails[2], VICTIM, reference, "es-ES", "Nueva respuesta");
    assert!(mails[2]["text"]
        .as_str()
        .unwrap()
        .contains("Pruebe de nuevo."));

    // An unknown link says so, and confirms nothing.
    let unknown = server
        .client
        .post(server.url("/contact-confirmations/0000"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

/// One confirmation per address: a second visitor message naming an
/// address whose link is waiting mails it no second link (the answer still
/// says that the address was asked), and following the one link confirms
/// both messages, so that the partner's replies on each reach it.
#[tokio::test]
async fn two_messages_to_one_unconfirmed_address_mail_one_confirmation_for_both() {
    let sink = Sink::start(&[]);
    let (server, first, reference) = a_visitors_spam(&sink).await;
    let again = json!({
        "kind": "customer_self_service",
        "title": "CHEAP-PILLS again",
        "description": "Buy more at evil.example",
        "contact": {"name": "Pill Shop", "email": VICTIM, "language": "es-ES"},
    });
    let created = common::file_with(&server, None, &again).await;
    assert_eq!(created["confirmation_mailed"], true, "{created}");
    let second = created["id"].as_str().unwrap();
    assert_ne!(first, second);

    // The partner hears of both messages; the address gets one mail.
    let mails = sink.until(3).await;
    let path = confirmation_path(the_confirmation_alone(&mails, &reference, &["CHEAP-PILLS"]));
    let confirmed = server.client.post(server.url(&path)).send().await.unwrap();
    assert_eq!(confirmed.status(), StatusCode::OK);

    reply(&server, &partner(), &first, "Respuesta a la primera.").await;
    reply(&server, &partner(), second, "Respuesta a la segunda.").await;
    let mails = sink.until(5).await;
    let to_victim: Vec<&Value> = mails
        .iter()
        .filter(|mail| mail["rcpt"] == json!([VICTIM]))
        .collect();
    let asked = to_victim
        .iter()
        .filter(|mail| mail["subject"].as_str().unwrap().contains("Confirme"))
        .count();
    assert_eq!(asked, 1, "{mails:#?}");
    for said in ["Respuesta a la primera.", "Respuesta a la segunda."] {
        assert!(
            to_victim
                .iter()
                .any(|mail| mail["text"].as_str().unwrap().contains(said)),
            "{said} not mailed: {mails:#?}"
        );
    }
    assert_eq!(to_victim.len(), 3, "{mails:#?}");
}

/// The partner only moves a visitor's message on, with a note and no
/// reply: the typed address gets the confirmation alone, not the status
/// mail, which repeats the visitor's title. Once the address is confirmed,
/// the next change reaches it.
#[tokio::test]
async fn a_status_change_alone_reaches_no_unconfirmed_address() {
    let sink = Sink::start(&[]);
    let (server, id, reference) = a_visitors_spam(&sink).await;
    let (id, reference) = (id.as_str(), reference.as_str());
    set_status(&server, &partner(), id, "in_progress", "Looking into it.").await;
    let mails = sink.until(2).await;
    assert_eq!(mails.len(), 2, "{mails:#?}");
    // The title, the note and the status's name ("in progress").
    let unsaid = ["CHEAP-PILLS", "evil.example", "Looking into it", "En curso"];
    let path = confirmation_path(the_confirmation_alone(&mails, reference, &unsaid));
    let confirmed = server.client.post(server.url(&path)).send().await.unwrap();
    assert_eq!(confirmed.status(), StatusCode::OK);
    set_status(&server, &partner(), id, "resolved", "Nothing to do.").await;
    let mails = sink.until(3).await;
    assert_eq!(mails.len(), 3, "{mails:#?}");
    check(&mails[2], VICTIM, reference, "es-ES", "Resuelta");
    assert!(mails[2]["text"]
        .as_str()
        .unwrap()
        .contains("Nothing to do."));
}

/// A signed-in customer's address is their token's, whatever the body
/// types: it is mailed as before, with no confirmation asked, and the typed
/// one hears nothing.
#[tokio::test]
async fn a_signed_in_customers_address_needs_no_confirmation() {
    const TYPED: &str = "someone.else@example.com";
    let sink = Sink::start(&[]);
    let server = start_signed_with(|config| {
        with_mail(config, &sink);
        config.anonymous_customers = true;
        config.public_url = Some("https://portal.partner.example/api/support".into());
    })
    .await;
    let mut body = message("en-US");
    body["contact"]["email"] = json!(TYPED);
    let created = file(&server, &customer(), &body).await;
    assert_eq!(created.get("confirmation_mailed"), None, "{created}");
    let (id, reference) = (
        created["id"].as_str().unwrap(),
        created["reference"].as_str().unwrap(),
    );
    reply(&server, &partner(), id, "Try again now.").await;
    let mails = sink.until(2).await;
    assert_eq!(mails.len(), 2, "{mails:#?}");
    let tokens = customer()["email"].as_str().unwrap().to_owned();
    check(&mails[1], &tokens, reference, "en-US", "New reply");
    assert!(mails[1]["text"]
        .as_str()
        .unwrap()
        .contains("Try again now."));
    for mail in &mails {
        assert_ne!(mail["rcpt"], json!([TYPED]), "{mails:#?}");
        for part in ["subject", "text", "html"] {
            let said = mail[part].as_str().unwrap();
            assert!(!said.contains("Confirm"), "{said}");
            assert!(!said.contains(TYPED), "{said}");
        }
    }
}

/// A stop (SIGTERM) while a mail is being sent hands it back to the outbox
/// at once, with no attempt counted, and the next process sends it, under
/// the same Message-ID.
#[tokio::test]
async fn a_stop_mid_send_hands_the_mail_back_for_the_next_process() {
    let sink = Sink::start(&["--hang-first", "30"]);
    let database = fresh_database().await;
    let serve = |database_url: &str| {
        let mut config = config(database_url);
        with_mail(&mut config, &sink);
        config.attachments_dir = Some(database.attachments_dir());
        config
    };
    let server = common::bind(&serve(&database.url)).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.run(async {
        let _ = stopped.await;
    }));
    let id = file_open(&base, "li.na@contoso.cn").await;
    move_on(&base, &id, "resolved").await;
    let started = Instant::now();
    while sink.mails().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(10), "no mail came");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), running)
        .await
        .expect("the stop waited for the SMTP server")
        .unwrap()
        .unwrap();
    let db = sqlx::AnyPool::connect(&database.url).await.unwrap();
    let (attempts, claimed, delivered): (i64, Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT attempts, claimed_until, delivered_at FROM webhook_outbox
         WHERE endpoint = 'mailto:li.na@contoso.cn'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!((attempts, claimed, delivered), (0, None, None));

    let next = common::bind(&serve(&database.url)).await.unwrap();
    let next_task = tokio::spawn(next.run(std::future::pending()));
    let mails = sink.until(2).await;
    assert_eq!(mails.len(), 2, "{mails:#?}");
    assert_eq!(mails[0]["message_id"], mails[1]["message_id"]);
    next_task.abort();
}

#[tokio::test]
async fn mail_is_counted_for_prometheus_by_how_it_ended() {
    let sink = Sink::start(&["--refuse", "gone@contoso.cn"]);
    let database = fresh_database().await;
    let mut config = config(&database.url);
    with_mail(&mut config, &sink);
    config.attachments_dir = Some(database.attachments_dir());
    config.metrics_listen = Some("127.0.0.1:0".into());
    let server = common::bind(&config).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    let metrics = format!("http://{}/metrics", server.metrics_addr().unwrap());
    let running = tokio::spawn(server.run(std::future::pending()));
    for address in ["gone@contoso.cn", "li.na@contoso.cn"] {
        let id = file_open(&base, address).await;
        move_on(&base, &id, "resolved").await;
    }
    sink.until(1).await;
    let counted = |text: &str, result: &str| {
        text.lines().any(|line| {
            line.strip_prefix(&format!("support_mail_total{{result=\"{result}\"}} "))
                .and_then(|value| value.parse::<f64>().ok())
                .is_some_and(|value| value >= 1.0)
        })
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = reqwest::get(&metrics).await.unwrap().text().await.unwrap();
        if counted(&text, "sent") && counted(&text, "refused") {
            break;
        }
        assert!(Instant::now() < deadline, "{text}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    running.abort();
}

/// "Mark resolved" whose answer was lost (the connection closed before
/// it came back) and that the widget sends again with the same
/// `Idempotency-Key`: one entry in the history, one webhook event, one
/// mail, and the retry answers the request as it is, marked as a replay.
/// The same key with another status is refused.
#[tokio::test]
async fn a_status_change_sent_again_with_its_key_is_made_once() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let sink = Sink::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("webhook-secret");
    std::fs::write(&secret, "a-webhook-secret-of-at-least-32-bytes!!").unwrap();
    let server = start_signed_with(|config| {
        with_mail(config, &sink);
        // Nobody listens there: the event waits in the outbox, counted.
        config.webhook_urls = vec!["http://127.0.0.1:9/hook".into()];
        config.webhook_secret_file = Some(secret.clone());
    })
    .await;
    let created = file(&server, &customer(), &message("en-US")).await;
    let id = created["id"].as_str().unwrap().to_owned();
    sink.until(1).await;

    let key = key();
    let body = json!({"status": "resolved", "note": "Fixed the sign-in."}).to_string();
    let address = server.base.trim_start_matches("http://").to_owned();
    let mut connection = tokio::net::TcpStream::connect(&address).await.unwrap();
    let request = format!(
        "POST /support-requests/{id}/status HTTP/1.1\r\nHost: {address}\r\n\
         Authorization: Bearer {}\r\nIdempotency-Key: {key}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        token(&partner()),
        body.len()
    );
    connection.write_all(request.as_bytes()).await.unwrap();
    // The answer's first byte has come: the change is made. The rest of
    // the answer is never read, as when a connection drops.
    let mut first = [0u8; 1];
    connection.read_exact(&mut first).await.unwrap();
    drop(connection);

    let again = || {
        server
            .client
            .post(server.url(&format!("/support-requests/{id}/status")))
            .bearer_auth(token(&partner()))
            .header("Idempotency-Key", &key)
            .header("Content-Type", "application/json")
            .body(body.clone())
            .send()
    };
    let replayed = again().await.unwrap();
    assert_eq!(replayed.status(), StatusCode::OK);
    assert_eq!(replayed.headers()["idempotent-replayed"], "true");
    let answer: Value = replayed.json().await.unwrap();
    assert_eq!(answer["status"], "resolved");
    let history = answer["history"].as_array().unwrap();
    assert_eq!(history.len(), 2, "{answer:#}");

    let reused = server
        .client
        .post(server.url(&format!("/support-requests/{id}/status")))
        .bearer_auth(token(&partner()))
        .header("Idempotency-Key", &key)
        .json(&json!({"status": "closed"}))
        .send()
        .await
        .unwrap();
    let (status, refused) = json_of(reused).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused,
        one_error("Idempotency-Key", "idempotency_key_reused")
    );

    let (events,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM webhook_outbox
         WHERE event_type = 'request.status_changed' AND endpoint NOT LIKE 'mailto:%'",
    )
    .fetch_one(&server.db)
    .await
    .unwrap();
    assert_eq!(events, 1);
    let mails = sink.until(2).await;
    assert_eq!(mails.len(), 2, "{mails:#?}");
    assert!(mails[1]["text"]
        .as_str()
        .unwrap()
        .contains("Fixed the sign-in."));
}

/// A visitor's message filed while mail was off stays unconfirmed when
/// mail is turned on: what is said on it later reaches nobody at the typed
/// address. And however many messages name one address, it gets one link
/// while that link waits.
#[tokio::test]
async fn a_visitors_address_is_never_mailed_unconfirmed_nor_flooded_with_links() {
    let sink = Sink::start(&[]);
    let quiet = start_signed(true).await;
    let spam = json!({
        "kind": "customer_self_service",
        "title": "CHEAP-PILLS visit evil.example",
        "description": "Buy now at evil.example",
        "contact": {"name": "Pill Shop", "email": VICTIM, "language": "en-US"},
    });
    let file_spam = |base: String| {
        let spam = spam.clone();
        async move {
            let answer = reqwest::Client::new()
                .post(format!("{base}/support-requests"))
                .header("Idempotency-Key", key())
                .json(&spam)
                .send()
                .await
                .unwrap();
            let (status, filed) = json_of(answer).await;
            assert_eq!(status, StatusCode::CREATED, "{filed}");
            filed
        }
    };
    let filed = file_spam(quiet.base.clone()).await;
    assert_eq!(filed.get("confirmation_mailed"), None, "{filed}");
    let id = filed["id"].as_str().unwrap();

    // The same database, now with mail, and the partner's reply and status
    // change on the old message.
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("jwt-secret");
    std::fs::write(&secret, format!("{SECRET}\n")).unwrap();
    let mut mailing = config(quiet.database_url());
    with_mail(&mut mailing, &sink);
    mailing.no_auth = false;
    mailing.jwt_secret_file = Some(secret);
    mailing.attachments_dir = Some(dir.path().join("attachments"));
    mailing.anonymous_customers = true;
    mailing.public_url = Some("https://portal.partner.example/api/support".into());
    let server = common::bind(&mailing).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    let running = tokio::spawn(server.run(std::future::pending()));
    let replied = reqwest::Client::new()
        .post(format!("{base}/support-requests/{id}/replies"))
        .bearer_auth(token(&partner()))
        .header("Idempotency-Key", key())
        .json(&json!({"body": "We cannot help with this."}))
        .send()
        .await
        .unwrap();
    assert_eq!(replied.status(), StatusCode::CREATED);
    let resolved = reqwest::Client::new()
        .post(format!("{base}/support-requests/{id}/status"))
        .bearer_auth(token(&partner()))
        .json(&json!({"status": "resolved"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resolved.status(), StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(sink.mails().is_empty(), "{:#?}", sink.mails());

    // Four messages naming the address: one link, which the other three
    // wait on (each answer says the address was asked).
    let mut mailed = Vec::new();
    for _ in 0..4 {
        let filed = file_spam(base.clone()).await;
        mailed.push(filed.get("confirmation_mailed") == Some(&json!(true)));
    }
    assert_eq!(mailed, [true, true, true, true]);
    let mails = sink.until(5).await;
    let links = mails
        .iter()
        .filter(|mail| mail["rcpt"] == json!([VICTIM]))
        .count();
    assert_eq!(links, 1, "{mails:#?}");
    running.abort();
}
